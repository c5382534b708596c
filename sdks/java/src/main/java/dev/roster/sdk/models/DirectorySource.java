// Generated from Roster's OpenAPI document (components.schemas.DirectorySource) by
// src/test/java/dev/roster/sdk/codegen/ModelGenerator.java. Do not edit: regenerate (README, "Models").
package dev.roster.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A pulled directory's source: where it syncs from, how, on what schedule, and how it is going. Null for SCIM directories. */
public final class DirectorySource extends ApiObject {
    @JsonProperty("status")
    private DirectorySourceStatus status;
    @JsonProperty("status_message")
    private String statusMessage;
    @JsonProperty("connection")
    private DirectorySourceConnection connection;
    @JsonProperty("google_workspace")
    private DirectorySourceGoogleWorkspace googleWorkspace;
    @JsonProperty("bamboohr")
    private DirectorySourceBamboohr bamboohr;
    @JsonProperty("sync_interval_minutes")
    private int syncIntervalMinutes;
    @JsonProperty("safety_threshold_percent")
    private int safetyThresholdPercent;
    @JsonProperty("syncing")
    private boolean syncing;
    @JsonProperty("next_sync_time")
    private Instant nextSyncTime;
    @JsonProperty("last_success_time")
    private Instant lastSuccessTime;
    @JsonProperty("consecutive_failures")
    private int consecutiveFailures;
    @JsonProperty("last_run")
    private SyncRun lastRun;

    private DirectorySource() {}

    /** not_connected: no credentials yet; active: syncing on schedule; needs_review: a run was held by the safety threshold and waits for approval; invalid_credentials: the source refused the credentials (401/403: consent revoked, key deleted), no one was removed; error: the last run failed, retried with backoff. */
    public DirectorySourceStatus getStatus() {
        return status;
    }

    /** What went wrong and what to do, when something did. May be null. */
    public String getStatusMessage() {
        return statusMessage;
    }

    /** How Roster reaches the source; the credentials themselves are never returned. May be null. */
    public DirectorySourceConnection getConnection() {
        return connection;
    }

    /** The Google Workspace settings (GOOGLE_WORKSPACE directories). May be null. */
    public DirectorySourceGoogleWorkspace getGoogleWorkspace() {
        return googleWorkspace;
    }

    /** The BambooHR settings (BAMBOOHR directories). May be null. */
    public DirectorySourceBamboohr getBamboohr() {
        return bamboohr;
    }

    /** <code>sync_interval_minutes</code>. */
    public int getSyncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    /** A run that would deactivate or delete more than this share of the users (or delete more than this share of the groups) waits for approval. */
    public int getSafetyThresholdPercent() {
        return safetyThresholdPercent;
    }

    /** A run is going now (on some node). */
    public boolean getSyncing() {
        return syncing;
    }

    /** When the next run is due; null while not connected or waiting for review. May be null. */
    public Instant getNextSyncTime() {
        return nextSyncTime;
    }

    /** <code>last_success_time</code>. May be null. */
    public Instant getLastSuccessTime() {
        return lastSuccessTime;
    }

    /** <code>consecutive_failures</code>. */
    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    /** <code>last_run</code>. May be null. */
    public SyncRun getLastRun() {
        return lastRun;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding this object's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.status = status;
        builder.statusMessage = statusMessage;
        builder.connection = connection;
        builder.googleWorkspace = googleWorkspace;
        builder.bamboohr = bamboohr;
        builder.syncIntervalMinutes = syncIntervalMinutes;
        builder.safetyThresholdPercent = safetyThresholdPercent;
        builder.syncing = syncing;
        builder.nextSyncTime = nextSyncTime;
        builder.lastSuccessTime = lastSuccessTime;
        builder.consecutiveFailures = consecutiveFailures;
        builder.lastRun = lastRun;
        return builder;
    }

    public static final class Builder {
        private DirectorySourceStatus status;
        private String statusMessage;
        private DirectorySourceConnection connection;
        private DirectorySourceGoogleWorkspace googleWorkspace;
        private DirectorySourceBamboohr bamboohr;
        private int syncIntervalMinutes;
        private int safetyThresholdPercent;
        private boolean syncing;
        private Instant nextSyncTime;
        private Instant lastSuccessTime;
        private int consecutiveFailures;
        private SyncRun lastRun;

        private Builder() {}

        public Builder setStatus(DirectorySourceStatus status) {
            this.status = status;
            return this;
        }

        public Builder setStatusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder setConnection(DirectorySourceConnection connection) {
            this.connection = connection;
            return this;
        }

        public Builder setGoogleWorkspace(DirectorySourceGoogleWorkspace googleWorkspace) {
            this.googleWorkspace = googleWorkspace;
            return this;
        }

        public Builder setBamboohr(DirectorySourceBamboohr bamboohr) {
            this.bamboohr = bamboohr;
            return this;
        }

        public Builder setSyncIntervalMinutes(int syncIntervalMinutes) {
            this.syncIntervalMinutes = syncIntervalMinutes;
            return this;
        }

        public Builder setSafetyThresholdPercent(int safetyThresholdPercent) {
            this.safetyThresholdPercent = safetyThresholdPercent;
            return this;
        }

        public Builder setSyncing(boolean syncing) {
            this.syncing = syncing;
            return this;
        }

        public Builder setNextSyncTime(Instant nextSyncTime) {
            this.nextSyncTime = nextSyncTime;
            return this;
        }

        public Builder setLastSuccessTime(Instant lastSuccessTime) {
            this.lastSuccessTime = lastSuccessTime;
            return this;
        }

        public Builder setConsecutiveFailures(int consecutiveFailures) {
            this.consecutiveFailures = consecutiveFailures;
            return this;
        }

        public Builder setLastRun(SyncRun lastRun) {
            this.lastRun = lastRun;
            return this;
        }

        public DirectorySource build() {
            DirectorySource built = new DirectorySource();
            built.status = status;
            built.statusMessage = statusMessage;
            built.connection = connection;
            built.googleWorkspace = googleWorkspace;
            built.bamboohr = bamboohr;
            built.syncIntervalMinutes = syncIntervalMinutes;
            built.safetyThresholdPercent = safetyThresholdPercent;
            built.syncing = syncing;
            built.nextSyncTime = nextSyncTime;
            built.lastSuccessTime = lastSuccessTime;
            built.consecutiveFailures = consecutiveFailures;
            built.lastRun = lastRun;
            return built;
        }
    }
}
