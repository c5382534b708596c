package dev.roster.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the *Fields builders make: the request body's fields by their API names, only those set.
 * A field set to null is sent as null, which clears it (an organization's external id, a role's
 * description, a webhook's organization).
 */
abstract class BodyFields {
    private final Map<String, Object> body;

    BodyFields(Map<String, Object> body) {
        this.body = new LinkedHashMap<>(body);
    }

    /** A copy, for the caller to add to. */
    final Map<String, Object> body() {
        return new LinkedHashMap<>(body);
    }
}
