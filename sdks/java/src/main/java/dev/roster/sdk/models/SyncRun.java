// Generated from Roster's OpenAPI document (components.schemas.SyncRun) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One sync of a pulled directory from its source. */
public final class SyncRun extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("directory_id")
    private String directoryId;
    @JsonProperty("trigger")
    private SyncRunTrigger trigger;
    @JsonProperty("status")
    private SyncRunStatus status;
    @JsonProperty("start_time")
    private Instant startTime;
    @JsonProperty("finish_time")
    private Instant finishTime;
    @JsonProperty("counts")
    private SyncRunCounts counts;
    @JsonProperty("error_code")
    private String errorCode;
    @JsonProperty("error")
    private String error;
    @JsonProperty("held")
    private HeldSyncRun held;
    @JsonProperty("approve_time")
    private Instant approveTime;

    private SyncRun() {}

    /** <code>id</code>. */
    public String getId() {
        return id;
    }

    /** <code>directory_id</code>. */
    public String getDirectoryId() {
        return directoryId;
    }

    /** schedule: its interval came; manual: "Sync now"; approval: an administrator approved a held run. */
    public SyncRunTrigger getTrigger() {
        return trigger;
    }

    /** running; succeeded (error_code partial when some objects were refused); held (by the safety threshold, see held); failed (see error_code and error); interrupted (its node stopped; the next run took over). */
    public SyncRunStatus getStatus() {
        return status;
    }

    /** <code>start_time</code>. */
    public Instant getStartTime() {
        return startTime;
    }

    /** <code>finish_time</code>. May be null. */
    public Instant getFinishTime() {
        return finishTime;
    }

    /** <code>counts</code>. */
    public SyncRunCounts getCounts() {
        return counts;
    }

    /** invalid_credentials, source_error, apply_error, needs_review or partial; null when the run went through. May be null. */
    public String getErrorCode() {
        return errorCode;
    }

    /** <code>error</code>. May be null. */
    public String getError() {
        return error;
    }

    /** <code>held</code>. May be null. */
    public HeldSyncRun getHeld() {
        return held;
    }

    /** When an administrator approved this held run. May be null. */
    public Instant getApproveTime() {
        return approveTime;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.directoryId = directoryId;
        builder.trigger = trigger;
        builder.status = status;
        builder.startTime = startTime;
        builder.finishTime = finishTime;
        builder.counts = counts;
        builder.errorCode = errorCode;
        builder.error = error;
        builder.held = held;
        builder.approveTime = approveTime;
        return builder;
    }

    public static final class Builder {
        private String id;
        private String directoryId;
        private SyncRunTrigger trigger;
        private SyncRunStatus status;
        private Instant startTime;
        private Instant finishTime;
        private SyncRunCounts counts;
        private String errorCode;
        private String error;
        private HeldSyncRun held;
        private Instant approveTime;

        private Builder() {}

        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        public Builder setDirectoryId(String directoryId) {
            this.directoryId = directoryId;
            return this;
        }

        public Builder setTrigger(SyncRunTrigger trigger) {
            this.trigger = trigger;
            return this;
        }

        public Builder setStatus(SyncRunStatus status) {
            this.status = status;
            return this;
        }

        public Builder setStartTime(Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder setFinishTime(Instant finishTime) {
            this.finishTime = finishTime;
            return this;
        }

        public Builder setCounts(SyncRunCounts counts) {
            this.counts = counts;
            return this;
        }

        public Builder setErrorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        public Builder setError(String error) {
            this.error = error;
            return this;
        }

        public Builder setHeld(HeldSyncRun held) {
            this.held = held;
            return this;
        }

        public Builder setApproveTime(Instant approveTime) {
            this.approveTime = approveTime;
            return this;
        }

        public SyncRun build() {
            SyncRun built = new SyncRun();
            built.id = id;
            built.directoryId = directoryId;
            built.trigger = trigger;
            built.status = status;
            built.startTime = startTime;
            built.finishTime = finishTime;
            built.counts = counts;
            built.errorCode = errorCode;
            built.error = error;
            built.held = held;
            built.approveTime = approveTime;
            return built;
        }
    }
}
