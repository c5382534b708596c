// Generated from Roster's OpenAPI document (components.schemas.SyncNeedsReviewEventData.sample[]) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Generated from components.schemas.SyncNeedsReviewEventData.sample[]. */
public final class SyncNeedsReviewEventDataSample extends ApiObject {
    @JsonProperty("kind")
    private SyncNeedsReviewEventDataSampleKind kind;
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("action")
    private SyncNeedsReviewEventDataSampleAction action;

    private SyncNeedsReviewEventDataSample() {}

    /** <code>kind</code>. */
    public SyncNeedsReviewEventDataSampleKind getKind() {
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
    public SyncNeedsReviewEventDataSampleAction getAction() {
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
        private SyncNeedsReviewEventDataSampleKind kind;
        private String id;
        private String name;
        private SyncNeedsReviewEventDataSampleAction action;

        private Builder() {}

        public Builder setKind(SyncNeedsReviewEventDataSampleKind kind) {
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

        public Builder setAction(SyncNeedsReviewEventDataSampleAction action) {
            this.action = action;
            return this;
        }

        public SyncNeedsReviewEventDataSample build() {
            SyncNeedsReviewEventDataSample built = new SyncNeedsReviewEventDataSample();
            built.kind = kind;
            built.id = id;
            built.name = name;
            built.action = action;
            return built;
        }
    }
}
