package dev.roster.sdk.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.sdk.RosterJson;

/**
 * What every model shares: equality by value (two objects are equal when their JSON is) and a
 * {@code toString} that prints the JSON, as the API sent it.
 */
public abstract class ApiObject {
    private JsonNode tree() {
        return RosterJson.mapper().valueToTree(this);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && tree().equals(((ApiObject) other).tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + RosterJson.write(this);
    }
}
