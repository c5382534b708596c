// Generated from Roster's OpenAPI document (components.schemas.HeldSyncRun.sample[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.HeldSyncRun.sample[]. */
public final class HeldSyncRunSample extends ApiObject {
    @JsonProperty("kind")
    private HeldSyncRunSampleKind kind;
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("action")
    private HeldSyncRunSampleAction action;

    private HeldSyncRunSample() {}

    /** <code>kind</code>. */
    public HeldSyncRunSampleKind getKind() {
        return kind;
    }

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>name</code>. */
    public String getName() {
        return name;
    }

    /** <code>action</code>. */
    public HeldSyncRunSampleAction getAction() {
        return action;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.kind = kind;
        builder.id = id;
        builder.name = name;
        builder.action = action;
        return builder;
    }

    public static final class Builder {
        private HeldSyncRunSampleKind kind;
        private String id;
        private String name;
        private HeldSyncRunSampleAction action;

        private Builder() {}

        public Builder setKind(HeldSyncRunSampleKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setAction(HeldSyncRunSampleAction action) {
            this.action = action;
            return this;
        }

        public HeldSyncRunSample build() {
            HeldSyncRunSample built = new HeldSyncRunSample();
            built.kind = kind;
            built.id = id;
            built.name = name;
            built.action = action;
            return built;
        }
    }
}
