// Generated from Roster's OpenAPI document (components.schemas.GroupUpdatedEvent.data) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Generated from components.schemas.GroupUpdatedEvent.data. */
public final class GroupUpdatedEventData extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("display_name")
    private String displayName;
    @JsonProperty("updated_at")
    private Instant updatedAt;
    @JsonProperty("sample")
    private Boolean sample;
    @JsonProperty("group_detail")
    private Map<String, Object> groupDetail;
    @JsonProperty("members_added")
    private List<String> membersAdded;
    @JsonProperty("members_removed")
    private List<String> membersRemoved;
    @JsonProperty("members_added_count")
    private int membersAddedCount;
    @JsonProperty("members_removed_count")
    private int membersRemovedCount;
    @JsonProperty("previous_attributes")
    private Map<String, Object> previousAttributes;

    private GroupUpdatedEventData() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>display_name</code>. */
    public String getDisplayName() {
        return displayName;
    }

    /** <code>updated_at</code>. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data. May be null. */
    public Boolean getSample() {
        return sample;
    }

    /** The stored SCIM resource (without members), with its id. */
    public Map<String, Object> getGroupDetail() {
        return groupDetail == null ? null : Collections.unmodifiableMap(groupDetail);
    }

    /** Ids of the members added (users or groups); left out when more than 1,000 members changed. May be null. */
    public List<String> getMembersAdded() {
        return membersAdded == null ? null : Collections.unmodifiableList(membersAdded);
    }

    /** Ids of the members removed; left out when more than 1,000 members changed. May be null. */
    public List<String> getMembersRemoved() {
        return membersRemoved == null ? null : Collections.unmodifiableList(membersRemoved);
    }

    /** <code>members_added_count</code>. */
    public int getMembersAddedCount() {
        return membersAddedCount;
    }

    /** <code>members_removed_count</code>. */
    public int getMembersRemovedCount() {
        return membersRemovedCount;
    }

    /** The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes. May be null. */
    public Map<String, Object> getPreviousAttributes() {
        return previousAttributes == null ? null : Collections.unmodifiableMap(previousAttributes);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.displayName = displayName;
        builder.updatedAt = updatedAt;
        builder.sample = sample;
        builder.groupDetail = groupDetail;
        builder.membersAdded = membersAdded;
        builder.membersRemoved = membersRemoved;
        builder.membersAddedCount = membersAddedCount;
        builder.membersRemovedCount = membersRemovedCount;
        builder.previousAttributes = previousAttributes;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String displayName;
        private Instant updatedAt;
        private Boolean sample;
        private Map<String, Object> groupDetail;
        private List<String> membersAdded;
        private List<String> membersRemoved;
        private int membersAddedCount;
        private int membersRemovedCount;
        private Map<String, Object> previousAttributes;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDisplayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder setUpdatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder setSample(Boolean sample) {
            this.sample = sample;
            return this;
        }

        public Builder setGroupDetail(Map<String, Object> groupDetail) {
            this.groupDetail = groupDetail == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupDetail));
            return this;
        }

        public Builder setMembersAdded(List<String> membersAdded) {
            this.membersAdded = membersAdded == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(membersAdded));
            return this;
        }

        public Builder setMembersRemoved(List<String> membersRemoved) {
            this.membersRemoved = membersRemoved == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(membersRemoved));
            return this;
        }

        public Builder setMembersAddedCount(int membersAddedCount) {
            this.membersAddedCount = membersAddedCount;
            return this;
        }

        public Builder setMembersRemovedCount(int membersRemovedCount) {
            this.membersRemovedCount = membersRemovedCount;
            return this;
        }

        public Builder setPreviousAttributes(Map<String, Object> previousAttributes) {
            this.previousAttributes = previousAttributes == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(previousAttributes));
            return this;
        }

        public GroupUpdatedEventData build() {
            GroupUpdatedEventData built = new GroupUpdatedEventData();
            built.id = id;
            built.displayName = displayName;
            built.updatedAt = updatedAt;
            built.sample = sample;
            built.groupDetail = groupDetail;
            built.membersAdded = membersAdded;
            built.membersRemoved = membersRemoved;
            built.membersAddedCount = membersAddedCount;
            built.membersRemovedCount = membersRemovedCount;
            built.previousAttributes = previousAttributes;
            return built;
        }
    }
}
