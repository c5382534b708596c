// Generated from Roster's OpenAPI document by `npm run generate -w @roster/sdk`. Do not edit:
// test/generated-types.test.ts fails when this file no longer matches what the server serves.

export interface paths {
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange API client credentials for an access token (client_credentials)
         * @description The OAuth 2.0 client_credentials grant (RFC 6749 section 4.4): send an API client's id and secret as JSON, as a form, or with HTTP Basic, and get a bearer token for every other call. It expires after ROSTER_ACCESS_TOKEN_TTL_SECONDS (an hour by default): fetch a new one before then or when a call answers 401. The SDK does this for you.
         */
        post: operations["getAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organizations
         * @description Every organization of the environment, oldest first, a page at a time: pass next_page_token as page_token until it comes back empty.
         */
        get: operations["listOrganizations"];
        put?: never;
        /**
         * Create an organization
         * @description One organization per customer of the app. Give it the app's own id as external_id to find it later without storing Roster's id (409 already_exists when another organization has it). SCIM stays off until its settings turn the "scim" feature on.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations:external/{external_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an organization by its external_id
         * @description Finds the organization by the app's own id for the customer (set when it was created or updated); 404 when none has it.
         */
        get: operations["getOrganizationByExternalId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an organization
         * @description The organization with its settings (which features are on).
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        /**
         * Delete an organization
         * @description Deletes the organization with its directories, their users and groups, and its portal links.
         */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        /**
         * Update an organization
         * @description Renames the organization or changes its external_id (null clears it); fields left out keep their value. 409 when another organization has the external_id.
         */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an organization's settings
         * @description Turns features on or off; features not named keep their state. "scim" (or its alias "dir_sync") lets the organization have SCIM directories: while it is off, creating one is refused and existing ones answer their IdP 403.
         */
        patch: operations["updateOrganizationSettings"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an organization's directories
         * @description The organization's directories with their status, endpoint, secrets (never the secrets themselves), counts and mappings, oldest first.
         */
        get: operations["listDirectories"];
        put?: never;
        /**
         * Create a directory
         * @description A SCIM directory (directory_type SCIM, the default) is pushed by the IdP: its directory_endpoint is the SCIM base URL to give the IdP; create a secret next for the bearer token. A GOOGLE_WORKSPACE or BAMBOOHR directory is pulled by Roster from the source on a schedule once it has credentials (given here, with PATCH .../source, or through the admin portal); it needs ROSTER_ENCRYPTION_KEY (400 failed_precondition otherwise). The organization must have the "scim" feature enabled (403 feature_disabled otherwise). Writes an organization.directory.created event.
         */
        post: operations["createDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a directory
         * @description One directory: whether the IdP has connected (status, last_synced_at), its SCIM endpoint, secrets, counts, role assignments and attribute mappings.
         */
        get: operations["getDirectory"];
        put?: never;
        post?: never;
        /**
         * Delete a directory
         * @description Deletes the directory with its users, groups, secrets and request log; its IdP is answered 401 from then on. Writes an organization.directory.deleted event (no user or group events follow).
         */
        delete: operations["deleteDirectory"];
        options?: never;
        head?: never;
        /**
         * Update a directory's name or provider
         * @description Renames the directory or records another provider (which changes how its portal guide reads); fields left out keep their value.
         */
        patch: operations["updateDirectory"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}:enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Enable provisioning for a directory
         * @description Its IdP is answered again. error_message says why provisioning still cannot run, when the organization has "scim" turned off. Writes an organization.directory_enabled event.
         */
        patch: operations["enableDirectory"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}:disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Disable provisioning for a directory (its IdP is answered 403)
         * @description Its IdP is answered 403 until the directory is enabled again; users and groups are kept. Writes an organization.directory_disabled event.
         */
        patch: operations["disableDirectory"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/sample_data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count the sample users and groups of a directory
         * @description Sample data is what "Send sample data" in the dashboard or portal created; those users and groups carry "sample": true.
         */
        get: operations["getSampleData"];
        put?: never;
        post?: never;
        /**
         * Remove the sample users and groups of a directory
         * @description Deletes every user and group "Send sample data" created in this directory, as a SCIM DELETE would: with user_deleted and group_deleted events.
         */
        delete: operations["removeSampleData"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a bearer token for the SCIM endpoint
         * @description A new bearer token for the IdP (256 random bits). plain_secret is in this response only: paste it into the IdP with the directory's endpoint; Roster keeps only its SHA-256. Writes an organization.directory.secret_created event.
         */
        post: operations["createDirectorySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets:regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the SCIM bearer token
         * @description Creates a new secret and sets every active secret of the directory to expire after the grace period (24 hours unless grace_period_seconds says otherwise), so the IdP keeps working while the new secret is put in place. plain_secret is shown only here.
         */
        post: operations["regenerateDirectorySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets/{secret_id}:revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a SCIM bearer token at once
         * @description The secret stops working immediately (an IdP still sending it is answered 401). Writes an organization.directory.secret_revoked event.
         */
        post: operations["revokeDirectorySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a directory's users
         * @description The users the IdP provisioned, oldest first. Each carries roles and permissions derived from its groups (nested ones included) and the directory's attribute mappings (custom_attributes). directory_group_id narrows to a group's direct members; updated_after to users changed since a time (for a periodic sync; webhooks or the Events API tell you sooner).
         */
        get: operations["listDirectoryUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a directory user
         * @description One user, normalized, with derived roles and permissions; include_detail=true adds the SCIM resource the IdP sent (user_detail).
         */
        get: operations["getDirectoryUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a directory's groups
         * @description The groups the IdP pushed, oldest first, with their count of direct user members; map them to roles with roles:assign.
         */
        get: operations["listDirectoryGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a directory group
         * @description One group; include_detail=true adds the SCIM resource the IdP sent (group_detail, without members: list them with /members).
         */
        get: operations["getDirectoryGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/{group_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a group's direct members (users and nested groups)
         * @description A page of the group's direct members, read from its membership rows, so a page of a 100,000-member group costs what a page of a small one does.
         */
        get: operations["listDirectoryGroupMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/groups/-/roles:assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Map the directory's groups to roles
         * @description A user's roles are those of every group it is in, directly or through nested groups; users in no mapped group hold the default role. Roles are derived when users are read, so they follow every membership change. The body replaces the whole mapping; each user whose roles change gets an organization.directory.user_updated event.
         */
        put: operations["assignDirectoryGroupRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Map SCIM attributes to fields of the directory's users
         * @description Each key is a SCIM attribute path (core, enterprise or a custom extension URN); map_to is custom_attributes.<name> or a standard field. Mappings apply when users are read, so they apply to users already stored (the change writes no events). The body replaces the whole mapping; two mappings to one target are refused.
         */
        put: operations["updateDirectoryAttributeMappings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a pulled directory's source settings, credentials or schedule
         * @description Settings sent replace those stored, field by field; a changed scope or new credentials sync at once. Credentials are write-only: stored encrypted with ROSTER_ENCRYPTION_KEY, never returned. 400 failed_precondition for a SCIM directory.
         */
        patch: operations["updateDirectorySource"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}:sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync a pulled directory now
         * @description Starts a run at once on some node (or right after the one going). A directory waiting for review is synced again: if the source still lists far fewer people, the new run is held too. 400 failed_precondition when the directory is SCIM, disabled, or has no credentials yet. The answer is the directory with next_sync_time now; follow the run with GET .../sync_runs.
         */
        post: operations["syncDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/sync_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a pulled directory's sync runs, newest first
         * @description Each run: when it started and finished, what triggered it, what it saw and changed (counts, with source_calls), and how it ended (status, error_code, error); a run held by the safety threshold says what it would have removed (held). 400 failed_precondition for a SCIM directory.
         */
        get: operations["listDirectorySyncRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/sync_runs/{sync_run_id}:approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a sync run held by the safety threshold
         * @description The directory returns to active and a run starts at once that may deactivate and delete up to what the held run would have (more than that is held again). Only the newest run of a directory that needs review can be approved (400 failed_precondition otherwise).
         */
        post: operations["approveDirectorySyncRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description The environment's roles, oldest first.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description A role of the app, with the permissions it grants. Directory groups are mapped to roles (roles:assign); is_default makes it the role of users in no mapped group. 409 when a role has the name.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{role_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a role
         * @description One role by its name, with its permissions.
         */
        get: operations["getRole"];
        put?: never;
        post?: never;
        /**
         * Delete a role
         * @description A role still assigned to a directory group cannot be deleted (409 failed_precondition).
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        /**
         * Update a role
         * @description Changes the display name, description (null clears it), permissions (replaced as a whole) or whether it is the default; fields left out keep their value. Users' permissions are derived when read, so they follow at once.
         */
        patch: operations["updateRole"];
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/portal_links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an organization's portal links that still work
         * @description Links not yet expired or revoked, without their location (only its hash is kept).
         */
        get: operations["listPortalLinks"];
        /**
         * Generate an admin portal link
         * @description A link that opens the admin portal for the organization's IT admin, who connects their IdP there (send it to them, or open it in an iframe of your app). The location holds a secret token and is shown only in this response; it works until expire_time (24 hours by default, at most 7 days) or until revoked.
         */
        put: operations["generatePortalLink"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/portal_links/{link_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a portal link
         * @description The link stops opening the portal at once.
         */
        delete: operations["revokePortalLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients
         * @description The environment's API clients, revoked ones included (with their revoke_time), oldest first; never their secrets.
         */
        get: operations["listApiClients"];
        put?: never;
        /**
         * Create an API client
         * @description Credentials for another backend (or for rotating your own): exchange them at POST /oauth/token. plain_secret is the client_secret, in this response only; Roster keeps its SHA-256.
         */
        post: operations["createApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API client
         * @description One API client by its client_id.
         */
        get: operations["getApiClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{client_id}:revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API client
         * @description Its secret and access tokens stop working at once. The last active client cannot be revoked (409).
         */
        post: operations["revokeApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the event log in commit order
         * @description Follow next_cursor page by page (also from an empty page, to poll): no event is ever skipped, including one written by a transaction that began earlier and committed later. A cursor older than the retention period (ROSTER_EVENT_RETENTION_DAYS, 30 days by default) gets 410 cursor_expired. Pages with a types or organization_id filter examine a bounded stretch of the log, so one may be empty with has_more true: keep following the cursor. The event types, their data and examples are in the webhooks section of this document.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one event
         * @description One event by its id (the webhook-id header of its deliveries), while it is kept (ROSTER_EVENT_RETENTION_DAYS).
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description The environment's endpoints with their health: when they last succeeded or failed, and whether Roster disabled one for failing.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Events are POSTed signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); the signing secret is in this response only. URLs on private or loopback addresses are refused unless ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true. The endpoint receives events that occur after its creation; each type and its payload is in the webhooks section of this document.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description One endpoint with its subscription and health (never its secret).
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description No more deliveries are made to it, pending ones included; the events stay readable from the Events API.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Fields not sent keep their value. Setting enabled to true re-enables an endpoint Roster disabled for failing.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/secrets:rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description A new signing secret, shown only in this response. Until the grace period ends (24 hours unless grace_period_seconds says otherwise), deliveries carry one signature per secret, so receivers can switch without losing events.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}:replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one event, or every event since a time, again
         * @description Name one event (event_id) or a time (since): the deliveries become due now with a fresh retry window, whatever their state (succeeded or dead). replayed counts them. Receivers dedupe on webhook-id, so a replay of a delivered event is harmless.
         */
        post: operations["replayWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an endpoint's deliveries, newest event first
         * @description One delivery per event sent to the endpoint, with its state (pending, succeeded, dead), attempts and last response; status narrows the list.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{webhook_id}/deliveries/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one delivery with its attempt log
         * @description Every attempt to deliver one event: when, the status code (or the error when there was no response), latency and the start of the response body.
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organization_id}/directories/{directory_id}/event_settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A directory's event settings
         * @description How events report this directory: whether a deactivated user is reported as deleted.
         */
        get: operations["getDirectoryEventSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a directory's event settings
         * @description deactivation_as_deletion true: a user the IdP deactivates (active: false, as Okta does instead of deleting) is reported as user_deleted, its reactivation as user_created, and nothing while it is inactive. Applies to changes from now on.
         */
        patch: operations["updateDirectoryEventSettings"];
        trace?: never;
    };
}
export interface webhooks {
    "organization.directory.user_created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A user was provisioned
         * @description The IdP created a user (SCIM POST, or a Bulk POST). With deactivation treated as deletion, also a deactivated user made active again.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.user_created` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr1a00f2w7x4dq8s",
                     *       "type": "organization.directory.user_created",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryUser",
                     *       "data": {
                     *         "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *         "email": "ada@acme.com",
                     *         "preferred_username": "ada@acme.com",
                     *         "given_name": "Ada",
                     *         "family_name": "Lovelace",
                     *         "name": "Ada Lovelace",
                     *         "active": true,
                     *         "emails": [
                     *           "ada@acme.com"
                     *         ],
                     *         "groups": [
                     *           {
                     *             "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *             "display_name": "Engineering"
                     *           }
                     *         ],
                     *         "roles": [
                     *           {
                     *             "role_name": "member"
                     *           }
                     *         ],
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "custom_attributes": {
                     *           "department": "Research"
                     *         },
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "user_detail": {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:User",
                     *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *           ],
                     *           "userName": "ada@acme.com",
                     *           "externalId": "00u1a2b3c4d5e6f7",
                     *           "name": {
                     *             "givenName": "Ada",
                     *             "familyName": "Lovelace"
                     *           },
                     *           "displayName": "Ada Lovelace",
                     *           "title": "Analyst",
                     *           "active": true,
                     *           "emails": [
                     *             {
                     *               "value": "ada@acme.com",
                     *               "type": "work",
                     *               "primary": true
                     *             }
                     *           ],
                     *           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *             "department": "Research"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserCreatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.user_updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A user changed
         * @description A user's attributes changed (a SCIM PUT or PATCH), or its groups did (a membership change of a group), or its roles did (a group's role mapping changed). previous_attributes holds the previous values of what changed; it is left out when only derived roles changed.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.user_updated` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr1b00f2w7x4dq8s",
                     *       "type": "organization.directory.user_updated",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryUser",
                     *       "data": {
                     *         "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *         "email": "ada@acme.com",
                     *         "preferred_username": "ada@acme.com",
                     *         "given_name": "Ada",
                     *         "family_name": "Lovelace",
                     *         "name": "Ada Lovelace",
                     *         "active": true,
                     *         "emails": [
                     *           "ada@acme.com"
                     *         ],
                     *         "groups": [
                     *           {
                     *             "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *             "display_name": "Engineering"
                     *           }
                     *         ],
                     *         "roles": [
                     *           {
                     *             "role_name": "member"
                     *           }
                     *         ],
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "custom_attributes": {
                     *           "department": "Research"
                     *         },
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "user_detail": {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:User",
                     *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *           ],
                     *           "userName": "ada@acme.com",
                     *           "externalId": "00u1a2b3c4d5e6f7",
                     *           "name": {
                     *             "givenName": "Ada",
                     *             "familyName": "Lovelace"
                     *           },
                     *           "displayName": "Ada Lovelace",
                     *           "title": "Lead Analyst",
                     *           "active": true,
                     *           "emails": [
                     *             {
                     *               "value": "ada@acme.com",
                     *               "type": "work",
                     *               "primary": true
                     *             }
                     *           ],
                     *           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *             "department": "Research"
                     *           }
                     *         },
                     *         "previous_attributes": {
                     *           "user_detail": {
                     *             "title": "Analyst"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserUpdatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.user_deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A user was deprovisioned
         * @description The IdP deleted a user (SCIM DELETE); the data is the user as it was. With deactivation treated as deletion, also a user set inactive.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.user_deleted` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr1c00f2w7x4dq8s",
                     *       "type": "organization.directory.user_deleted",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryUser",
                     *       "data": {
                     *         "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *         "email": "ada@acme.com",
                     *         "preferred_username": "ada@acme.com",
                     *         "given_name": "Ada",
                     *         "family_name": "Lovelace",
                     *         "name": "Ada Lovelace",
                     *         "active": true,
                     *         "emails": [
                     *           "ada@acme.com"
                     *         ],
                     *         "groups": [
                     *           {
                     *             "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *             "display_name": "Engineering"
                     *           }
                     *         ],
                     *         "roles": [
                     *           {
                     *             "role_name": "member"
                     *           }
                     *         ],
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "custom_attributes": {
                     *           "department": "Research"
                     *         },
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "user_detail": {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:User",
                     *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *           ],
                     *           "userName": "ada@acme.com",
                     *           "externalId": "00u1a2b3c4d5e6f7",
                     *           "name": {
                     *             "givenName": "Ada",
                     *             "familyName": "Lovelace"
                     *           },
                     *           "displayName": "Ada Lovelace",
                     *           "title": "Analyst",
                     *           "active": true,
                     *           "emails": [
                     *             {
                     *               "value": "ada@acme.com",
                     *               "type": "work",
                     *               "primary": true
                     *             }
                     *           ],
                     *           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *             "department": "Research"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserDeletedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.group_created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A group was provisioned
         * @description The IdP created a group, with the members it was created with. Each user member also gets a user_updated.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.group_created` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr2a00f2w7x4dq8s",
                     *       "type": "organization.directory.group_created",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryGroup",
                     *       "data": {
                     *         "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *         "display_name": "Engineering",
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "group_detail": {
                     *           "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:Group"
                     *           ],
                     *           "displayName": "Engineering",
                     *           "externalId": "00g9z8y7x6w5"
                     *         },
                     *         "members_added": [
                     *           "diruser_01m8zqf7e200d4r8y3bn5k"
                     *         ],
                     *         "members_removed": [],
                     *         "members_added_count": 1,
                     *         "members_removed_count": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GroupCreatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.group_updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A group changed
         * @description A group was renamed or its members changed (also when a member user or group was deleted). Each user added or removed also gets a user_updated.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.group_updated` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr2b00f2w7x4dq8s",
                     *       "type": "organization.directory.group_updated",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryGroup",
                     *       "data": {
                     *         "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *         "display_name": "Engineering (EU)",
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "group_detail": {
                     *           "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:Group"
                     *           ],
                     *           "displayName": "Engineering (EU)",
                     *           "externalId": "00g9z8y7x6w5"
                     *         },
                     *         "members_added": [],
                     *         "members_removed": [
                     *           "diruser_01m8zqf7e200d4r8y3bn5k"
                     *         ],
                     *         "members_added_count": 0,
                     *         "members_removed_count": 1,
                     *         "previous_attributes": {
                     *           "display_name": "Engineering",
                     *           "group_detail": {
                     *             "displayName": "Engineering"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GroupUpdatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.group_deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A group was deprovisioned
         * @description The IdP deleted a group; the data is the group as it was. Each user that was a member gets a user_updated.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.group_deleted` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr2c00f2w7x4dq8s",
                     *       "type": "organization.directory.group_deleted",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectoryGroup",
                     *       "data": {
                     *         "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *         "display_name": "Engineering",
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "group_detail": {
                     *           "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:Group"
                     *           ],
                     *           "displayName": "Engineering",
                     *           "externalId": "00g9z8y7x6w5"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GroupDeletedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A directory was created
         * @description A SCIM directory was added to an organization (management API, dashboard or portal).
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.created` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr3a00f2w7x4dq8s",
                     *       "type": "organization.directory.created",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "Directory",
                     *       "data": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_provider": "OKTA",
                     *         "enabled": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryCreatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A directory was deleted
         * @description A directory was deleted with its users and groups, or its organization was (one event per directory). No user or group events follow.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.deleted` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr3b00f2w7x4dq8s",
                     *       "type": "organization.directory.deleted",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "Directory",
                     *       "data": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_provider": "OKTA",
                     *         "enabled": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryDeletedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory_enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A directory was enabled
         * @description Provisioning was turned on for a directory: its IdP is answered again.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory_enabled` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr3c00f2w7x4dq8s",
                     *       "type": "organization.directory_enabled",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "Directory",
                     *       "data": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_provider": "OKTA",
                     *         "enabled": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryEnabledEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory_disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A directory was disabled
         * @description Provisioning was turned off for a directory: its IdP is answered 403 until it is enabled.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory_disabled` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr3d00f2w7x4dq8s",
                     *       "type": "organization.directory_disabled",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "Directory",
                     *       "data": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_provider": "OKTA",
                     *         "enabled": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryDisabledEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.secret_created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A SCIM secret was created
         * @description A bearer secret for the SCIM endpoint was created or regenerated.
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.secret_created` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr4a00f2w7x4dq8s",
                     *       "type": "organization.directory.secret_created",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectorySecret",
                     *       "data": {
                     *         "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *         "secret_suffix": "Xk3Q"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectorySecretCreatedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.secret_revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A SCIM secret was revoked
         * @description A bearer secret was revoked and stops working at once (a secret replaced by secrets:regenerate expires at the end of its grace period without an event).
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.secret_revoked` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr4b00f2w7x4dq8s",
                     *       "type": "organization.directory.secret_revoked",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "DirectorySecret",
                     *       "data": {
                     *         "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *         "secret_suffix": "Xk3Q"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectorySecretRevokedEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.directory.sync_needs_review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pulled directory's sync waits for review
         * @description A sync of a Google Workspace or BambooHR directory would have deactivated or deleted more than its safety threshold (default 20%) of the directory. It applied everything else but removed no one; the directory shows NEEDS_REVIEW and syncs no more on schedule until an administrator approves the run (dashboard, or POST .../sync_runs/{sync_run_id}:approve), after which the next run applies the removals (as user_deleted, user_updated and group events).
         *
         *     Delivered to every enabled webhook endpoint subscribed to `organization.directory.sync_needs_review` (or to every type), signed per Standard Webhooks; also listed by GET /api/v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...), the same on every retry: receivers dedupe on it. */
                    "webhook-id": string;
                    /** @description When this attempt was signed, in Unix seconds; refuse it when too far from now. */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>"> keyed with the endpoint secret; during a rotation one per secret, space-separated. */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "spec_version": "1",
                     *       "id": "evt_01m8zr5a00f2w7x4dq8s",
                     *       "type": "organization.directory.sync_needs_review",
                     *       "occurred_at": "2026-03-02T09:14:07.512Z",
                     *       "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *       "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *       "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *       "object": "Directory",
                     *       "data": {
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_type": "GOOGLE_WORKSPACE",
                     *         "sync_run_id": "syncrun_01m8zr9f4e00p6s2y3mu8x",
                     *         "users_deactivated": 0,
                     *         "users_deleted": 412,
                     *         "groups_deleted": 0,
                     *         "users_in_directory": 520,
                     *         "groups_in_directory": 31,
                     *         "threshold_percent": 20,
                     *         "user_share_percent": 79.2,
                     *         "group_share_percent": 0,
                     *         "reason": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
                     *         "sample": [
                     *           {
                     *             "kind": "user",
                     *             "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *             "name": "ada@acme.com",
                     *             "action": "delete"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectorySyncNeedsReviewEvent"];
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. Anything else, or no answer in time, is retried with backoff for about three days. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AccessToken: {
            /** @description Send as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds until the token expires. */
            expires_in: number;
        };
        /** @description Credentials of the app's backend for the management API. */
        ApiClient: {
            /** @description The client_id for POST /oauth/token. */
            id: string;
            name: string;
            /** Format: date-time */
            create_time: string;
            revoke_time: string | null;
        };
        ApiClientResponse: {
            client: components["schemas"]["ApiClient"];
        };
        /** @description The one error shape of the management API. */
        ApiError: {
            /** @description A stable error code: invalid_argument, unauthenticated, not_found, already_exists, failed_precondition, ... */
            code: string;
            message: string;
            /** @description `parameter` names the offending request parameter for a 400. */
            details?: {
                [key: string]: unknown;
            };
        };
        AssignRolesResponse: {
            role_assignments: components["schemas"]["RoleAssignments"];
        };
        /** @description SCIM attributes mapped to fields of the directory's users. */
        AttributeMappings: {
            attributes: {
                /** @description A SCIM attribute path: `title`, `emails[type eq "work"].value`, `urn:...:enterprise:2.0:User:department`. */
                key: string;
                /** @description `custom_attributes.<name>`, or one of email, preferred_username, given_name, family_name, name. */
                map_to: string;
            }[];
        };
        CreateApiClientResponse: {
            client: components["schemas"]["ApiClient"];
            /** @description The client_secret, shown this once. */
            plain_secret: string;
        };
        CreateDirectorySecretResponse: {
            /** @description The bearer token for the IdP, shown this once. */
            plain_secret: string;
            secret: components["schemas"]["DirectorySecret"];
        };
        CreateWebhookResponse: {
            webhook: components["schemas"]["Webhook"];
            /** @description whsec_...: the signing secret, shown only now. */
            secret: string;
        };
        /** @description One connection of an organization's directory: pushed by its IdP over SCIM, or pulled by Roster from Google Workspace or BambooHR. */
        Directory: {
            id: string;
            name: string;
            /**
             * @description SCIM: the IdP pushes over SCIM; GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls from the source on a schedule.
             * @enum {string}
             */
            directory_type: "SCIM" | "GOOGLE_WORKSPACE" | "BAMBOOHR";
            /** @enum {string} */
            directory_provider: "OKTA" | "AZURE_AD" | "GOOGLE" | "ONELOGIN" | "JUMPCLOUD" | "PING_IDENTITY" | "AUTHENTIK" | "OTHER" | "BAMBOOHR";
            organization_id: string;
            enabled: boolean;
            /**
             * @description DISABLED; ACTIVE once the IdP has called (pulled: once a sync succeeded); PENDING with a secret (pulled: connected, first sync to come); else NOT_CONFIGURED. Pulled directories also: NEEDS_REVIEW (a sync waits for approval), INVALID_CREDENTIALS (the source refused them), ERROR (the last sync failed; retried with backoff).
             * @enum {string}
             */
            status: "ACTIVE" | "PENDING" | "NOT_CONFIGURED" | "DISABLED" | "NEEDS_REVIEW" | "INVALID_CREDENTIALS" | "ERROR";
            /** @description When the IdP last called the SCIM endpoint (pulled: when the last sync succeeded). */
            last_synced_at: string | null;
            /** @description The SCIM base URL to give the IdP. */
            directory_endpoint: string;
            total_users: number;
            total_groups: number;
            secrets: components["schemas"]["DirectorySecret"][];
            stats: {
                total_users: number;
                total_groups: number;
                user_updated_at: string | null;
                group_updated_at: string | null;
            };
            role_assignments: components["schemas"]["RoleAssignments"];
            attribute_mappings: components["schemas"]["AttributeMappings"];
            email: string | null;
            /** @enum {string} */
            groups_tracked: "ALL";
            /** @description Where a pulled directory syncs from and how it is going; null for SCIM directories. */
            source: components["schemas"]["DirectorySource"] | null;
        };
        /** @description A directory was created. A SCIM directory was added to an organization (management API, dashboard or portal). */
        DirectoryCreatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.created";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "Directory";
            data: components["schemas"]["DirectoryEventData"];
        };
        /** @description A directory was deleted. A directory was deleted with its users and groups, or its organization was (one event per directory). No user or group events follow. */
        DirectoryDeletedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.deleted";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "Directory";
            data: components["schemas"]["DirectoryEventData"];
        };
        /** @description A directory was disabled. Provisioning was turned off for a directory: its IdP is answered 403 until it is enabled. */
        DirectoryDisabledEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory_disabled";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "Directory";
            data: components["schemas"]["DirectoryEventData"];
        };
        /** @description A directory was enabled. Provisioning was turned on for a directory: its IdP is answered again. */
        DirectoryEnabledEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory_enabled";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "Directory";
            data: components["schemas"]["DirectoryEventData"];
        };
        /** @description The directory the event is about. */
        DirectoryEventData: {
            id: string;
            organization_id: string;
            /** @enum {string} */
            directory_provider: "OKTA" | "AZURE_AD" | "GOOGLE" | "ONELOGIN" | "JUMPCLOUD" | "PING_IDENTITY" | "AUTHENTIK" | "OTHER" | "BAMBOOHR";
            enabled: boolean;
        };
        DirectoryEventSettingsResponse: {
            event_settings: {
                /** @description When true, a deactivated user (active: false) is reported as user_deleted, its reactivation as user_created, and nothing in between. */
                deactivation_as_deletion: boolean;
            };
        };
        /** @description A group the IdP provisioned. */
        DirectoryGroup: {
            id: string;
            display_name: string;
            /** @description Users who are direct members. */
            total_users: number;
            /** Format: date-time */
            updated_at: string;
            /**
             * @description Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.
             * @constant
             */
            sample?: true;
            /** @description The stored SCIM resource (without members), with include_detail=true. */
            group_detail?: {
                [key: string]: unknown;
            };
        };
        /** @description A direct member of a group: a user or a nested group. */
        DirectoryGroupMember: {
            id: string;
            /** @enum {string} */
            type: "user" | "group";
            display_name: string | null;
        };
        DirectoryGroupResponse: {
            group: components["schemas"]["DirectoryGroup"];
        };
        DirectoryResponse: {
            directory: components["schemas"]["Directory"];
        };
        /** @description A bearer token of the SCIM endpoint; the secret itself is shown only when made. */
        DirectorySecret: {
            id: string;
            directory_id: string;
            /** @description The last four characters, to tell secrets apart. */
            secret_suffix: string;
            /** @enum {string} */
            status: "ACTIVE" | "REVOKED" | "EXPIRED";
            /** Format: date-time */
            create_time: string;
            expire_time: string | null;
            last_used_time: string | null;
        };
        /** @description A SCIM secret was created. A bearer secret for the SCIM endpoint was created or regenerated. */
        DirectorySecretCreatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.secret_created";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectorySecret";
            data: components["schemas"]["DirectorySecretEventData"];
        };
        /** @description The SCIM bearer secret the event is about (never the secret itself). */
        DirectorySecretEventData: {
            id: string;
            /** @description The last four characters of the secret. */
            secret_suffix: string;
        };
        DirectorySecretResponse: {
            secret: components["schemas"]["DirectorySecret"];
        };
        /** @description A SCIM secret was revoked. A bearer secret was revoked and stops working at once (a secret replaced by secrets:regenerate expires at the end of its grace period without an event). */
        DirectorySecretRevokedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.secret_revoked";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectorySecret";
            data: components["schemas"]["DirectorySecretEventData"];
        };
        /** @description A pulled directory's source: where it syncs from, how, on what schedule, and how it is going. Null for SCIM directories. */
        DirectorySource: {
            /**
             * @description not_connected: no credentials yet; active: syncing on schedule; needs_review: a run was held by the safety threshold and waits for approval; invalid_credentials: the source refused the credentials (401/403: consent revoked, key deleted), no one was removed; error: the last run failed, retried with backoff.
             * @enum {string}
             */
            status: "not_connected" | "active" | "needs_review" | "invalid_credentials" | "error";
            /** @description What went wrong and what to do, when something did. */
            status_message: string | null;
            /** @description How Roster reaches the source; the credentials themselves are never returned. */
            connection: {
                /** @enum {string} */
                kind: "oauth" | "service_account" | "api_key";
                /** @description The service account's email (service_account only). */
                service_account?: string;
                /** @description The admin the service account acts as (service_account only). */
                admin_email?: string;
                /** Format: date-time */
                update_time: string;
            } | null;
            /** @description The Google Workspace settings (GOOGLE_WORKSPACE directories). */
            google_workspace: {
                /**
                 * @description The Google Workspace customer (my_customer: the admin's own).
                 * @default my_customer
                 */
                customer_id: string;
                /** @description Only users of this domain. */
                domain?: string;
                /**
                 * @description Only users in these organizational units (and the units below them).
                 * @default []
                 */
                org_units: string[];
                /**
                 * @description Only these groups, the groups nested in them, and their members.
                 * @default []
                 */
                group_emails: string[];
            } | null;
            /** @description The BambooHR settings (BAMBOOHR directories). */
            bamboohr: {
                /** @description The company's BambooHR subdomain: "acme" for acme.bamboohr.com. */
                subdomain: string;
                /**
                 * @description report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only).
                 * @default report
                 * @enum {string}
                 */
                employees_from: "report" | "directory";
                /**
                 * @description More report fields to keep on each user (for attribute mappings).
                 * @default []
                 */
                extra_fields: string[];
                /**
                 * @description Which employee fields become groups.
                 * @default [
                 *       "department",
                 *       "division"
                 *     ]
                 */
                group_by: ("department" | "division")[];
            } | null;
            sync_interval_minutes: number;
            /** @description A run that would deactivate or delete more than this share of the users (or delete more than this share of the groups) waits for approval. */
            safety_threshold_percent: number;
            /** @description A run is going now (on some node). */
            syncing: boolean;
            /** @description When the next run is due; null while not connected or waiting for review. */
            next_sync_time: string | null;
            last_success_time: string | null;
            consecutive_failures: number;
            last_run: components["schemas"]["SyncRun"] | null;
        };
        /** @description A pulled directory's sync waits for review. A sync of a Google Workspace or BambooHR directory would have deactivated or deleted more than its safety threshold (default 20%) of the directory. It applied everything else but removed no one; the directory shows NEEDS_REVIEW and syncs no more on schedule until an administrator approves the run (dashboard, or POST .../sync_runs/{sync_run_id}:approve), after which the next run applies the removals (as user_deleted, user_updated and group events). */
        DirectorySyncNeedsReviewEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.sync_needs_review";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "Directory";
            data: components["schemas"]["SyncNeedsReviewEventData"];
        };
        /** @description A user the IdP provisioned, normalized. */
        DirectoryUser: {
            id: string;
            /** @description The primary email, unless an attribute mapping sets it. */
            email: string | null;
            /** @description The SCIM userName, unless an attribute mapping sets it. */
            preferred_username: string;
            given_name: string | null;
            family_name: string | null;
            name: string | null;
            active: boolean;
            emails: string[];
            /** @description The groups the user is a direct member of. */
            groups: {
                id: string;
                display_name: string;
            }[];
            /** @description From the user's groups, nested groups included; else the default role. */
            roles: {
                role_name: string;
            }[];
            /** @description The union of the roles' permissions. */
            permissions: string[];
            /** @description Filled by the directory's attribute mappings. */
            custom_attributes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updated_at: string;
            /**
             * @description Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.
             * @constant
             */
            sample?: true;
            /** @description The stored SCIM resource, with include_detail=true. */
            user_detail?: {
                [key: string]: unknown;
            };
        };
        DirectoryUserResponse: {
            user: components["schemas"]["DirectoryUser"];
        };
        /** @description One change, as webhooks deliver it and the Events API lists it. */
        Event: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header of its deliveries (receivers dedupe on it). */
            id: string;
            /** @description One of organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked, organization.directory.sync_needs_review. */
            type: string;
            /** Format: date-time */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @description DirectoryUser, DirectoryGroup, Directory or DirectorySecret. */
            object: string;
            /** @description The user or group as the management API shows it (with user_detail / group_detail, the raw SCIM attributes); updates add previous_attributes (the previous values of what changed); group events add members_added / members_removed (ids, or only the *_count fields for changes of more than 1,000 members). */
            data: unknown;
        };
        EventResponse: {
            event: components["schemas"]["Event"];
        };
        /** @description A group was provisioned. The IdP created a group, with the members it was created with. Each user member also gets a user_updated. */
        GroupCreatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.group_created";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryGroup";
            data: {
                id: string;
                display_name: string;
                /** Format: date-time */
                updated_at: string;
                /** @description The stored SCIM resource (without members), with its id. */
                group_detail: {
                    [key: string]: unknown;
                };
                /** @description Ids of the members added (users or groups); left out when more than 1,000 members changed. */
                members_added?: string[];
                /** @description Ids of the members removed; left out when more than 1,000 members changed. */
                members_removed?: string[];
                members_added_count: number;
                members_removed_count: number;
            };
        };
        /** @description A group was deprovisioned. The IdP deleted a group; the data is the group as it was. Each user that was a member gets a user_updated. */
        GroupDeletedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.group_deleted";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryGroup";
            data: components["schemas"]["GroupEventData"];
        };
        /** @description The group as it stands after the change. */
        GroupEventData: {
            id: string;
            display_name: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The stored SCIM resource (without members), with its id. */
            group_detail: {
                [key: string]: unknown;
            };
        };
        /** @description A group changed. A group was renamed or its members changed (also when a member user or group was deleted). Each user added or removed also gets a user_updated. */
        GroupUpdatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.group_updated";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryGroup";
            data: {
                id: string;
                display_name: string;
                /** Format: date-time */
                updated_at: string;
                /** @description The stored SCIM resource (without members), with its id. */
                group_detail: {
                    [key: string]: unknown;
                };
                /** @description Ids of the members added (users or groups); left out when more than 1,000 members changed. */
                members_added?: string[];
                /** @description Ids of the members removed; left out when more than 1,000 members changed. */
                members_removed?: string[];
                members_added_count: number;
                members_removed_count: number;
                /** @description The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes. */
                previous_attributes?: {
                    [key: string]: unknown;
                };
            };
        };
        /**
         * @description What a run held by the safety threshold would have removed. Approve the run to let the next one apply it.
         * @example {
         *       "users_deactivated": 0,
         *       "users_deleted": 412,
         *       "groups_deleted": 0,
         *       "users_in_directory": 520,
         *       "groups_in_directory": 31,
         *       "threshold_percent": 20,
         *       "user_share_percent": 79.2,
         *       "group_share_percent": 0,
         *       "reason": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
         *       "sample": [
         *         {
         *           "kind": "user",
         *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
         *           "name": "ada@acme.com",
         *           "action": "delete"
         *         }
         *       ]
         *     }
         */
        HeldSyncRun: {
            users_deactivated: number;
            users_deleted: number;
            groups_deleted: number;
            users_in_directory: number;
            groups_in_directory: number;
            threshold_percent: number;
            user_share_percent: number;
            group_share_percent: number;
            reason: string;
            /** @description Up to 25 of the users and groups the run would have removed. */
            sample: {
                /** @enum {string} */
                kind: "user" | "group";
                id: string;
                name: string;
                /** @enum {string} */
                action: "deactivate" | "delete";
            }[];
        };
        ListApiClientsResponse: {
            clients: components["schemas"]["ApiClient"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListDirectoriesResponse: {
            directories: components["schemas"]["Directory"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListDirectoryGroupMembersResponse: {
            members: components["schemas"]["DirectoryGroupMember"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListDirectoryGroupsResponse: {
            groups: components["schemas"]["DirectoryGroup"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListDirectoryUsersResponse: {
            users: components["schemas"]["DirectoryUser"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListEventsResponse: {
            events: components["schemas"]["Event"][];
            /** @description Pass as `after` to read on; always set, also on an empty page (poll with it). */
            next_cursor: string;
            /** @description True when more events can be read right away. */
            has_more: boolean;
        };
        ListOrganizationsResponse: {
            organizations: components["schemas"]["Organization"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListPortalLinksResponse: {
            links: components["schemas"]["PortalLinkSummary"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListRolesResponse: {
            roles: components["schemas"]["Role"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListSyncRunsResponse: {
            sync_runs: components["schemas"]["SyncRun"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
            /** @description Pass as page_token for the previous page; empty on the first page. */
            prev_page_token: string;
            /** @description How many items the whole list holds. */
            total_size: number;
        };
        ListWebhookDeliveriesResponse: {
            deliveries: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as page_token for the next page; empty on the last page. */
            next_page_token: string;
        };
        ListWebhooksResponse: {
            webhooks: components["schemas"]["Webhook"][];
        };
        /** @description A customer organization of the app. */
        Organization: {
            id: string;
            display_name: string;
            /** @description The app's own id for this customer. */
            external_id: string | null;
            settings: {
                features: {
                    /** @description "scim" or "dir_sync": either turns SCIM provisioning on. */
                    name: string;
                    enabled: boolean;
                }[];
            };
            /** Format: date-time */
            create_time: string;
            /** Format: date-time */
            update_time: string;
        };
        OrganizationResponse: {
            organization: components["schemas"]["Organization"];
        };
        /** @description A link that opens the admin portal for one organization's IT admin. */
        PortalLink: {
            id: string;
            /** @description The URL to open the admin portal; it holds a secret token and is shown only now. */
            location: string;
            /** Format: date-time */
            expire_time: string;
        };
        PortalLinkResponse: {
            link: components["schemas"]["PortalLink"];
        };
        /** @description A portal link that still works (its location is not kept). */
        PortalLinkSummary: {
            id: string;
            /** Format: date-time */
            create_time: string;
            /** Format: date-time */
            expire_time: string;
        };
        RegenerateDirectorySecretResponse: {
            /** @description The new bearer token for the IdP, shown this once. */
            plain_secret: string;
            secret: components["schemas"]["DirectorySecret"];
            /** @description The secrets it replaces, now expiring at the end of the grace period. */
            expiring_secrets: components["schemas"]["DirectorySecret"][];
        };
        RemoveSampleDataResponse: {
            removed: {
                users: number;
                groups: number;
            };
        };
        ReplayWebhookResponse: {
            /** @description Deliveries made due now. */
            replayed: number;
        };
        /** @description A role of the app, with its permissions. */
        Role: {
            id: string;
            /** @description The key groups are mapped to, e.g. "admin". */
            name: string;
            display_name: string;
            description: string | null;
            permissions: string[];
            /** @description Held by users in no group mapped to a role; at most one role is the default. */
            is_default: boolean;
            /** Format: date-time */
            create_time: string;
            /** Format: date-time */
            update_time: string;
        };
        /** @description Which of the directory's groups grant which roles. */
        RoleAssignments: {
            assignments: {
                group_id: string;
                role_name: string;
            }[];
        };
        RoleResponse: {
            role: components["schemas"]["Role"];
        };
        RotateWebhookSecretResponse: {
            /** @description The new whsec_... secret, shown only now. */
            secret: string;
            /**
             * Format: date-time
             * @description Until then deliveries carry a signature for each secret.
             */
            previous_secrets_expire_time: string;
        };
        SampleDataResponse: {
            sample_data: {
                users: number;
                groups: number;
            };
        };
        /**
         * @description Credentials for the source; write-only: stored encrypted, never returned or logged. Google consent (OAuth) is given in the admin portal instead.
         * @example {
         *       "api_key": "e0d9..."
         *     }
         * @example {
         *       "admin_email": "admin@acme.example",
         *       "service_account_key": {
         *         "type": "service_account",
         *         "client_email": "roster-sync@acme.iam.gserviceaccount.com",
         *         "private_key": "-----BEGIN PRIVATE KEY-----\n..."
         *       }
         *     }
         */
        SourceCredentialsInput: {
            /** @description Google Workspace: the service account key JSON, as downloaded from Google Cloud (an object, or its text). */
            service_account_key?: string | {
                [key: string]: unknown;
            };
            /**
             * Format: email
             * @description Google Workspace: the admin the service account acts as (domain-wide delegation).
             */
            admin_email?: string;
            /** @description BambooHR: an API key of a user who can see the employees. */
            api_key?: string;
        };
        /** @description The pulled directory, its held sync run and what that run would have removed. */
        SyncNeedsReviewEventData: {
            directory_id: string;
            organization_id: string;
            /** @enum {string} */
            directory_type: "GOOGLE_WORKSPACE" | "BAMBOOHR";
            /** @description The held run: approve it with POST .../sync_runs/{sync_run_id}:approve. */
            sync_run_id: string;
            users_deactivated: number;
            users_deleted: number;
            groups_deleted: number;
            users_in_directory: number;
            groups_in_directory: number;
            threshold_percent: number;
            user_share_percent: number;
            group_share_percent: number;
            reason: string;
            /** @description Up to 25 of the users and groups the run would have removed. */
            sample: {
                /** @enum {string} */
                kind: "user" | "group";
                id: string;
                name: string;
                /** @enum {string} */
                action: "deactivate" | "delete";
            }[];
        };
        /** @description One sync of a pulled directory from its source. */
        SyncRun: {
            id: string;
            directory_id: string;
            /**
             * @description schedule: its interval came; manual: "Sync now"; approval: an administrator approved a held run.
             * @enum {string}
             */
            trigger: "schedule" | "manual" | "approval";
            /**
             * @description running; succeeded (error_code partial when some objects were refused); held (by the safety threshold, see held); failed (see error_code and error); interrupted (its node stopped; the next run took over).
             * @enum {string}
             */
            status: "running" | "succeeded" | "held" | "failed" | "interrupted";
            /** Format: date-time */
            start_time: string;
            finish_time: string | null;
            counts: components["schemas"]["SyncRunCounts"];
            /** @description invalid_credentials, source_error, apply_error, needs_review or partial; null when the run went through. */
            error_code: string | null;
            error: string | null;
            held: components["schemas"]["HeldSyncRun"] | null;
            /** @description When an administrator approved this held run. */
            approve_time: string | null;
        };
        /** @description What a run saw in the source and changed in the directory; source_calls counts every call to the source, retries included. */
        SyncRunCounts: {
            users_seen: number;
            groups_seen: number;
            users_created: number;
            users_updated: number;
            users_deactivated: number;
            users_deleted: number;
            groups_created: number;
            groups_updated: number;
            groups_deleted: number;
            memberships_added: number;
            memberships_removed: number;
            objects_failed: number;
            source_calls: number;
        };
        SyncRunResponse: {
            sync_run: components["schemas"]["SyncRun"];
        };
        ToggleDirectoryResponse: {
            enabled: boolean;
            /** @description Why provisioning still cannot run, when it cannot. */
            error_message?: string;
        };
        UpdateAttributeMappingsResponse: {
            attribute_mappings: components["schemas"]["AttributeMappings"];
        };
        /** @description A user was provisioned. The IdP created a user (SCIM POST, or a Bulk POST). With deactivation treated as deletion, also a deactivated user made active again. */
        UserCreatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.user_created";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryUser";
            data: components["schemas"]["UserEventData"];
        };
        /** @description A user was deprovisioned. The IdP deleted a user (SCIM DELETE); the data is the user as it was. With deactivation treated as deletion, also a user set inactive. */
        UserDeletedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.user_deleted";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryUser";
            data: components["schemas"]["UserEventData"];
        };
        /** @description The user as the management API shows it, with its raw SCIM attributes. */
        UserEventData: {
            id: string;
            /** @description The primary email, unless an attribute mapping sets it. */
            email: string | null;
            /** @description The SCIM userName, unless an attribute mapping sets it. */
            preferred_username: string;
            given_name: string | null;
            family_name: string | null;
            name: string | null;
            active: boolean;
            emails: string[];
            /** @description The groups the user is a direct member of. */
            groups: {
                id: string;
                display_name: string;
            }[];
            /** @description From the user's groups, nested groups included; else the default role. */
            roles: {
                role_name: string;
            }[];
            /** @description The union of the roles' permissions. */
            permissions: string[];
            /** @description Filled by the directory's attribute mappings. */
            custom_attributes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updated_at: string;
            /**
             * @description Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.
             * @constant
             */
            sample?: true;
            /** @description The stored SCIM resource, with its id (the raw attributes the IdP sent). */
            user_detail: {
                [key: string]: unknown;
            };
        };
        /** @description A user changed. A user's attributes changed (a SCIM PUT or PATCH), or its groups did (a membership change of a group), or its roles did (a group's role mapping changed). previous_attributes holds the previous values of what changed; it is left out when only derived roles changed. */
        UserUpdatedEvent: {
            /** @constant */
            spec_version: "1";
            /** @description evt_...; also the webhook-id header (receivers dedupe on it). */
            id: string;
            /** @constant */
            type: "organization.directory.user_updated";
            /**
             * Format: date-time
             * @description When the change committed.
             */
            occurred_at: string;
            environment_id: string;
            organization_id: string | null;
            directory_id: string | null;
            /** @constant */
            object: "DirectoryUser";
            data: {
                id: string;
                /** @description The primary email, unless an attribute mapping sets it. */
                email: string | null;
                /** @description The SCIM userName, unless an attribute mapping sets it. */
                preferred_username: string;
                given_name: string | null;
                family_name: string | null;
                name: string | null;
                active: boolean;
                emails: string[];
                /** @description The groups the user is a direct member of. */
                groups: {
                    id: string;
                    display_name: string;
                }[];
                /** @description From the user's groups, nested groups included; else the default role. */
                roles: {
                    role_name: string;
                }[];
                /** @description The union of the roles' permissions. */
                permissions: string[];
                /** @description Filled by the directory's attribute mappings. */
                custom_attributes: {
                    [key: string]: unknown;
                };
                /** Format: date-time */
                updated_at: string;
                /**
                 * @description Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data.
                 * @constant
                 */
                sample?: true;
                /** @description The stored SCIM resource, with its id (the raw attributes the IdP sent). */
                user_detail: {
                    [key: string]: unknown;
                };
                /** @description The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes. */
                previous_attributes?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description An endpoint that receives events, signed per Standard Webhooks. */
        Webhook: {
            id: string;
            url: string;
            description: string;
            enabled: boolean;
            /** @description "failing": Roster disabled it after it failed without a success for ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS and a delivery died. */
            disabled_reason: ("manual" | "failing") | null;
            /** @description The event types it receives; empty: all. */
            event_types: string[];
            /** @description Only this organization's events; null: all. */
            organization_id: string | null;
            /** @description The first failed attempt since the last success. */
            failing_since: string | null;
            last_success_time: string | null;
            last_failure_time: string | null;
            /** Format: date-time */
            create_time: string;
            /** Format: date-time */
            update_time: string;
        };
        WebhookDelivery: {
            webhook_id: string;
            event_id: string;
            /**
             * @description dead: its retries (about three days) ran out.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "dead";
            attempts: number;
            /** @description While pending: when it is tried next (or when an attempt in flight times out). */
            next_attempt_time: string | null;
            last_attempt_time: string | null;
            last_status_code: number | null;
            last_error: string | null;
            /** Format: date-time */
            create_time: string;
            complete_time: string | null;
        };
        WebhookDeliveryResponse: {
            delivery: components["schemas"]["WebhookDelivery"];
            /** @description Every attempt, oldest first. */
            attempt_log: {
                attempt: number;
                /** Format: date-time */
                attempt_time: string;
                /** @description null: no response (refused, timed out, connection failed). */
                status_code: number | null;
                latency_ms: number;
                error: string | null;
                /** @description The first 1,000 characters of the response body. */
                response_excerpt: string | null;
            }[];
        };
        WebhookResponse: {
            webhook: components["schemas"]["Webhook"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "client_id": "roster_client_7f3k9q2m",
                 *       "client_secret": "rcs_2Vq8mX4bZ7nT1kW9cL5pD3rS6fH0jY"
                 *     }
                 */
                "application/json": {
                    /** @constant */
                    grant_type: "client_credentials";
                    /** @description Or send client_id:client_secret with HTTP Basic. */
                    client_id?: string;
                    client_secret?: string;
                };
                /**
                 * @example {
                 *       "grant_type": "client_credentials",
                 *       "client_id": "roster_client_7f3k9q2m",
                 *       "client_secret": "rcs_2Vq8mX4bZ7nT1kW9cL5pD3rS6fH0jY"
                 *     }
                 */
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    grant_type: "client_credentials";
                    /** @description Or send client_id:client_secret with HTTP Basic. */
                    client_id?: string;
                    client_secret?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "rat_Hk4Pq9Vx2mZ7bN1cT6wL3dR8sF5jY0gA",
                     *       "token_type": "Bearer",
                     *       "expires_in": 3600
                     *     }
                     */
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organizations": [
                     *         {
                     *           "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *           "display_name": "Acme Corporation",
                     *           "external_id": "acme",
                     *           "settings": {
                     *             "features": [
                     *               {
                     *                 "name": "scim",
                     *                 "enabled": true
                     *               }
                     *             ]
                     *           },
                     *           "create_time": "2026-02-27T16:02:41.118Z",
                     *           "update_time": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListOrganizationsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Acme Corporation",
                 *       "external_id": "acme"
                 *     }
                 */
                "application/json": {
                    /** @description The name of the customer organization. */
                    display_name: string;
                    /** @description The app's own id for this customer; unique. */
                    external_id?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "display_name": "Acme Corporation",
                     *         "external_id": "acme",
                     *         "settings": {
                     *           "features": []
                     *         },
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getOrganizationByExternalId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "display_name": "Acme Corporation",
                     *         "external_id": "acme",
                     *         "settings": {
                     *           "features": [
                     *             {
                     *               "name": "scim",
                     *               "enabled": true
                     *             }
                     *           ]
                     *         },
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "display_name": "Acme Corporation",
                     *         "external_id": "acme",
                     *         "settings": {
                     *           "features": [
                     *             {
                     *               "name": "scim",
                     *               "enabled": true
                     *             }
                     *           ]
                     *         },
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Acme Corp."
                 *     }
                 */
                "application/json": {
                    display_name?: string;
                    /** @description null clears it. */
                    external_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "display_name": "Acme Corp.",
                     *         "external_id": "acme",
                     *         "settings": {
                     *           "features": [
                     *             {
                     *               "name": "scim",
                     *               "enabled": true
                     *             }
                     *           ]
                     *         },
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateOrganizationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "features": [
                 *         {
                 *           "name": "scim",
                 *           "enabled": true
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Features to set; features not named keep their state. Turning "scim" off makes its directories answer 403 to the IdP. */
                    features: {
                        /** @enum {string} */
                        name: "scim" | "dir_sync";
                        enabled: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "display_name": "Acme Corporation",
                     *         "external_id": "acme",
                     *         "settings": {
                     *           "features": [
                     *             {
                     *               "name": "scim",
                     *               "enabled": true
                     *             }
                     *           ]
                     *         },
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listDirectories: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directories": [
                     *         {
                     *           "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *           "name": "Okta",
                     *           "directory_type": "SCIM",
                     *           "directory_provider": "OKTA",
                     *           "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *           "enabled": true,
                     *           "status": "ACTIVE",
                     *           "last_synced_at": "2026-03-02T09:14:07.512Z",
                     *           "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *           "total_users": 1,
                     *           "total_groups": 1,
                     *           "secrets": [
                     *             {
                     *               "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *               "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *               "secret_suffix": "Xk3Q",
                     *               "status": "ACTIVE",
                     *               "create_time": "2026-02-27T16:02:41.118Z",
                     *               "expire_time": null,
                     *               "last_used_time": "2026-03-02T09:14:07.512Z"
                     *             }
                     *           ],
                     *           "stats": {
                     *             "total_users": 1,
                     *             "total_groups": 1,
                     *             "user_updated_at": "2026-03-02T09:14:07.512Z",
                     *             "group_updated_at": "2026-03-02T09:14:07.512Z"
                     *           },
                     *           "role_assignments": {
                     *             "assignments": [
                     *               {
                     *                 "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *                 "role_name": "member"
                     *               }
                     *             ]
                     *           },
                     *           "attribute_mappings": {
                     *             "attributes": [
                     *               {
                     *                 "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *                 "map_to": "custom_attributes.department"
                     *               }
                     *             ]
                     *           },
                     *           "email": null,
                     *           "groups_tracked": "ALL",
                     *           "source": null
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListDirectoriesResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "directory_type": "SCIM",
                 *       "directory_provider": "OKTA",
                 *       "name": "Okta"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description SCIM: the IdP pushes users over SCIM. GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls them from the source on a schedule (needs ROSTER_ENCRYPTION_KEY).
                     * @default SCIM
                     * @enum {string}
                     */
                    directory_type?: "SCIM" | "GOOGLE_WORKSPACE" | "BAMBOOHR";
                    /**
                     * @description Required for SCIM directories; a pulled directory's provider follows from its type (GOOGLE, BAMBOOHR).
                     * @enum {string}
                     */
                    directory_provider?: "OKTA" | "AZURE_AD" | "GOOGLE" | "ONELOGIN" | "JUMPCLOUD" | "PING_IDENTITY" | "AUTHENTIK" | "OTHER" | "BAMBOOHR";
                    /** @description Defaults to "<PROVIDER> directory". */
                    name?: string;
                    /** @description Google Workspace settings (GOOGLE_WORKSPACE only): customer, domain, and limits to organizational units or groups. */
                    google_workspace?: {
                        /**
                         * @description The Google Workspace customer (my_customer: the admin's own).
                         * @default my_customer
                         */
                        customer_id?: string;
                        /** @description Only users of this domain. */
                        domain?: string;
                        /**
                         * @description Only users in these organizational units (and the units below them).
                         * @default []
                         */
                        org_units?: string[];
                        /**
                         * @description Only these groups, the groups nested in them, and their members.
                         * @default []
                         */
                        group_emails?: string[];
                    };
                    /** @description BambooHR settings (BAMBOOHR only; subdomain required). */
                    bamboohr?: {
                        /** @description The company's BambooHR subdomain: "acme" for acme.bamboohr.com. */
                        subdomain: string;
                        /**
                         * @description report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only).
                         * @default report
                         * @enum {string}
                         */
                        employees_from?: "report" | "directory";
                        /**
                         * @description More report fields to keep on each user (for attribute mappings).
                         * @default []
                         */
                        extra_fields?: string[];
                        /**
                         * @description Which employee fields become groups.
                         * @default [
                         *       "department",
                         *       "division"
                         *     ]
                         */
                        group_by?: ("department" | "division")[];
                    };
                    credentials?: components["schemas"]["SourceCredentialsInput"];
                    /** @description How often to sync, in minutes (default ROSTER_SYNC_INTERVAL_MINUTES, 30). */
                    sync_interval_minutes?: number;
                    /** @description Hold a run that would deactivate or delete more than this share of the directory (default ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT, 20). */
                    safety_threshold_percent?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directory": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "name": "Okta",
                     *         "directory_type": "SCIM",
                     *         "directory_provider": "OKTA",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "enabled": true,
                     *         "status": "NOT_CONFIGURED",
                     *         "last_synced_at": null,
                     *         "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *         "total_users": 0,
                     *         "total_groups": 0,
                     *         "secrets": [],
                     *         "stats": {
                     *           "total_users": 0,
                     *           "total_groups": 0,
                     *           "user_updated_at": null,
                     *           "group_updated_at": null
                     *         },
                     *         "role_assignments": {
                     *           "assignments": []
                     *         },
                     *         "attribute_mappings": {
                     *           "attributes": []
                     *         },
                     *         "email": null,
                     *         "groups_tracked": "ALL",
                     *         "source": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not allowed in the current state. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directory": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "name": "Okta",
                     *         "directory_type": "SCIM",
                     *         "directory_provider": "OKTA",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "enabled": true,
                     *         "status": "ACTIVE",
                     *         "last_synced_at": "2026-03-02T09:14:07.512Z",
                     *         "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *         "total_users": 1,
                     *         "total_groups": 1,
                     *         "secrets": [
                     *           {
                     *             "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *             "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *             "secret_suffix": "Xk3Q",
                     *             "status": "ACTIVE",
                     *             "create_time": "2026-02-27T16:02:41.118Z",
                     *             "expire_time": null,
                     *             "last_used_time": "2026-03-02T09:14:07.512Z"
                     *           }
                     *         ],
                     *         "stats": {
                     *           "total_users": 1,
                     *           "total_groups": 1,
                     *           "user_updated_at": "2026-03-02T09:14:07.512Z",
                     *           "group_updated_at": "2026-03-02T09:14:07.512Z"
                     *         },
                     *         "role_assignments": {
                     *           "assignments": [
                     *             {
                     *               "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "role_name": "member"
                     *             }
                     *           ]
                     *         },
                     *         "attribute_mappings": {
                     *           "attributes": [
                     *             {
                     *               "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *               "map_to": "custom_attributes.department"
                     *             }
                     *           ]
                     *         },
                     *         "email": null,
                     *         "groups_tracked": "ALL",
                     *         "source": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "Okta (production)"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    directory_provider?: "OKTA" | "AZURE_AD" | "GOOGLE" | "ONELOGIN" | "JUMPCLOUD" | "PING_IDENTITY" | "AUTHENTIK" | "OTHER" | "BAMBOOHR";
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directory": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "name": "Okta (production)",
                     *         "directory_type": "SCIM",
                     *         "directory_provider": "OKTA",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "enabled": true,
                     *         "status": "ACTIVE",
                     *         "last_synced_at": "2026-03-02T09:14:07.512Z",
                     *         "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *         "total_users": 1,
                     *         "total_groups": 1,
                     *         "secrets": [
                     *           {
                     *             "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *             "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *             "secret_suffix": "Xk3Q",
                     *             "status": "ACTIVE",
                     *             "create_time": "2026-02-27T16:02:41.118Z",
                     *             "expire_time": null,
                     *             "last_used_time": "2026-03-02T09:14:07.512Z"
                     *           }
                     *         ],
                     *         "stats": {
                     *           "total_users": 1,
                     *           "total_groups": 1,
                     *           "user_updated_at": "2026-03-02T09:14:07.512Z",
                     *           "group_updated_at": "2026-03-02T09:14:07.512Z"
                     *         },
                     *         "role_assignments": {
                     *           "assignments": [
                     *             {
                     *               "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "role_name": "member"
                     *             }
                     *           ]
                     *         },
                     *         "attribute_mappings": {
                     *           "attributes": [
                     *             {
                     *               "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *               "map_to": "custom_attributes.department"
                     *             }
                     *           ]
                     *         },
                     *         "email": null,
                     *         "groups_tracked": "ALL",
                     *         "source": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    enableDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true
                     *     }
                     */
                    "application/json": components["schemas"]["ToggleDirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    disableDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": false
                     *     }
                     */
                    "application/json": components["schemas"]["ToggleDirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getSampleData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sample_data": {
                     *         "users": 8,
                     *         "groups": 3
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SampleDataResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    removeSampleData: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "removed": {
                     *         "users": 8,
                     *         "groups": 3
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RemoveSampleDataResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createDirectorySecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "expire_time": "2027-03-01T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When the secret stops working; never by default.
                     */
                    expire_time?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "plain_secret": "rsk_q8Vx2mZ4bT7nK1cW9pL5dR3sF6hJ0gY2aE8uI4oXk3Q",
                     *       "secret": {
                     *         "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "secret_suffix": "Xk3Q",
                     *         "status": "ACTIVE",
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "expire_time": "2027-03-01T00:00:00.000Z",
                     *         "last_used_time": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateDirectorySecretResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    regenerateDirectorySecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "grace_period_seconds": 3600
                 *     }
                 */
                "application/json": {
                    /** @description How long the replaced secrets keep working (default 86400, 24 hours). */
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "plain_secret": "rsk_q8Vx2mZ4bT7nK1cW9pL5dR3sF6hJ0gY2aE8uI4oXk3Q",
                     *       "secret": {
                     *         "id": "dirsec_01m8zrq2w700m3b6d9xh4k",
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "secret_suffix": "Xk3Q",
                     *         "status": "ACTIVE",
                     *         "create_time": "2026-03-02T09:14:07.512Z",
                     *         "expire_time": null,
                     *         "last_used_time": null
                     *       },
                     *       "expiring_secrets": [
                     *         {
                     *           "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *           "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *           "secret_suffix": "Xk3Q",
                     *           "status": "ACTIVE",
                     *           "create_time": "2026-02-27T16:02:41.118Z",
                     *           "expire_time": "2026-03-02T10:14:07.512Z",
                     *           "last_used_time": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RegenerateDirectorySecretResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    revokeDirectorySecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
                secret_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": {
                     *         "id": "dirsec_01m8zqc5h300g8x2z6fr9t",
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "secret_suffix": "Xk3Q",
                     *         "status": "REVOKED",
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "expire_time": null,
                     *         "last_used_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectorySecretResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listDirectoryUsers: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
                /** @description Add the stored SCIM resource as user_detail. */
                include_detail?: boolean;
                /** @description Only direct members of this group. */
                directory_group_id?: string;
                /** @description Only items changed after this time (RFC 3339). */
                updated_after?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "users": [
                     *         {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "email": "ada@acme.com",
                     *           "preferred_username": "ada@acme.com",
                     *           "given_name": "Ada",
                     *           "family_name": "Lovelace",
                     *           "name": "Ada Lovelace",
                     *           "active": true,
                     *           "emails": [
                     *             "ada@acme.com"
                     *           ],
                     *           "groups": [
                     *             {
                     *               "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "display_name": "Engineering"
                     *             }
                     *           ],
                     *           "roles": [
                     *             {
                     *               "role_name": "member"
                     *             }
                     *           ],
                     *           "permissions": [
                     *             "documents:read"
                     *           ],
                     *           "custom_attributes": {
                     *             "department": "Research"
                     *           },
                     *           "updated_at": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListDirectoryUsersResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getDirectoryUser: {
        parameters: {
            query?: {
                /** @description Add the stored SCIM resource. */
                include_detail?: boolean;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *         "email": "ada@acme.com",
                     *         "preferred_username": "ada@acme.com",
                     *         "given_name": "Ada",
                     *         "family_name": "Lovelace",
                     *         "name": "Ada Lovelace",
                     *         "active": true,
                     *         "emails": [
                     *           "ada@acme.com"
                     *         ],
                     *         "groups": [
                     *           {
                     *             "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *             "display_name": "Engineering"
                     *           }
                     *         ],
                     *         "roles": [
                     *           {
                     *             "role_name": "member"
                     *           }
                     *         ],
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "custom_attributes": {
                     *           "department": "Research"
                     *         },
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "user_detail": {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:User",
                     *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *           ],
                     *           "userName": "ada@acme.com",
                     *           "externalId": "00u1a2b3c4d5e6f7",
                     *           "name": {
                     *             "givenName": "Ada",
                     *             "familyName": "Lovelace"
                     *           },
                     *           "displayName": "Ada Lovelace",
                     *           "title": "Analyst",
                     *           "active": true,
                     *           "emails": [
                     *             {
                     *               "value": "ada@acme.com",
                     *               "type": "work",
                     *               "primary": true
                     *             }
                     *           ],
                     *           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *             "department": "Research"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryUserResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listDirectoryGroups: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
                /** @description Add the stored SCIM resource as group_detail. */
                include_detail?: boolean;
                /** @description Only items changed after this time (RFC 3339). */
                updated_after?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "groups": [
                     *         {
                     *           "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *           "display_name": "Engineering",
                     *           "total_users": 1,
                     *           "updated_at": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListDirectoryGroupsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getDirectoryGroup: {
        parameters: {
            query?: {
                /** @description Add the stored SCIM resource. */
                include_detail?: boolean;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "group": {
                     *         "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *         "display_name": "Engineering",
                     *         "total_users": 1,
                     *         "updated_at": "2026-03-02T09:14:07.512Z",
                     *         "group_detail": {
                     *           "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:Group"
                     *           ],
                     *           "displayName": "Engineering",
                     *           "externalId": "00g9z8y7x6w5"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryGroupResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listDirectoryGroupMembers: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "members": [
                     *         {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "type": "user",
                     *           "display_name": "Ada Lovelace"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListDirectoryGroupMembersResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    assignDirectoryGroupRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assignments": [
                 *         {
                 *           "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                 *           "role_name": "member"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description The directory's whole mapping: it replaces the assignments there were. */
                    assignments: {
                        group_id: string;
                        role_name: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "role_assignments": {
                     *         "assignments": [
                     *           {
                     *             "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *             "role_name": "member"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AssignRolesResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateDirectoryAttributeMappings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "attributes": [
                 *         {
                 *           "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                 *           "map_to": "custom_attributes.department"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description The directory's whole mapping: it replaces the mappings there were. */
                    attributes: {
                        key: string;
                        map_to: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "attribute_mappings": {
                     *         "attributes": [
                     *           {
                     *             "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *             "map_to": "custom_attributes.department"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateAttributeMappingsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateDirectorySource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "google_workspace": {
                 *         "group_emails": [
                 *           "engineering@acme.com"
                 *         ]
                 *       },
                 *       "sync_interval_minutes": 60
                 *     }
                 */
                "application/json": {
                    /** @description Google Workspace settings to change; fields not sent stay as they are. */
                    google_workspace?: {
                        /**
                         * @description The Google Workspace customer (my_customer: the admin's own).
                         * @default my_customer
                         */
                        customer_id?: string;
                        /** @description Only users of this domain. */
                        domain?: string;
                        /**
                         * @description Only users in these organizational units (and the units below them).
                         * @default []
                         */
                        org_units?: string[];
                        /**
                         * @description Only these groups, the groups nested in them, and their members.
                         * @default []
                         */
                        group_emails?: string[];
                    };
                    /** @description BambooHR settings to change; fields not sent stay as they are. */
                    bamboohr?: {
                        /** @description The company's BambooHR subdomain: "acme" for acme.bamboohr.com. */
                        subdomain?: string;
                        /**
                         * @description report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only).
                         * @default report
                         * @enum {string}
                         */
                        employees_from?: "report" | "directory";
                        /**
                         * @description More report fields to keep on each user (for attribute mappings).
                         * @default []
                         */
                        extra_fields?: string[];
                        /**
                         * @description Which employee fields become groups.
                         * @default [
                         *       "department",
                         *       "division"
                         *     ]
                         */
                        group_by?: ("department" | "division")[];
                    };
                    credentials?: components["schemas"]["SourceCredentialsInput"];
                    /** @description How often to sync, in minutes (default ROSTER_SYNC_INTERVAL_MINUTES, 30). */
                    sync_interval_minutes?: number;
                    /** @description Hold a run that would deactivate or delete more than this share of the directory (default ROSTER_SYNC_SAFETY_THRESHOLD_PERCENT, 20). */
                    safety_threshold_percent?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directory": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "name": "Google Workspace",
                     *         "directory_type": "GOOGLE_WORKSPACE",
                     *         "directory_provider": "GOOGLE",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "enabled": true,
                     *         "status": "ACTIVE",
                     *         "last_synced_at": "2026-03-02T09:14:07.512Z",
                     *         "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *         "total_users": 520,
                     *         "total_groups": 31,
                     *         "secrets": [],
                     *         "stats": {
                     *           "total_users": 520,
                     *           "total_groups": 31,
                     *           "user_updated_at": "2026-03-02T09:14:07.512Z",
                     *           "group_updated_at": "2026-03-02T09:14:07.512Z"
                     *         },
                     *         "role_assignments": {
                     *           "assignments": [
                     *             {
                     *               "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "role_name": "member"
                     *             }
                     *           ]
                     *         },
                     *         "attribute_mappings": {
                     *           "attributes": [
                     *             {
                     *               "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *               "map_to": "custom_attributes.department"
                     *             }
                     *           ]
                     *         },
                     *         "email": null,
                     *         "groups_tracked": "ALL",
                     *         "source": {
                     *           "status": "active",
                     *           "status_message": null,
                     *           "connection": {
                     *             "kind": "service_account",
                     *             "service_account": "roster-sync@acme.iam.gserviceaccount.com",
                     *             "admin_email": "admin@acme.com",
                     *             "update_time": "2026-02-27T16:05:12.300Z"
                     *           },
                     *           "google_workspace": {
                     *             "customer_id": "my_customer",
                     *             "org_units": [],
                     *             "group_emails": [
                     *               "engineering@acme.com"
                     *             ]
                     *           },
                     *           "bamboohr": null,
                     *           "sync_interval_minutes": 60,
                     *           "safety_threshold_percent": 20,
                     *           "syncing": false,
                     *           "next_sync_time": "2026-03-02T09:14:07.512Z",
                     *           "last_success_time": "2026-03-02T09:14:07.512Z",
                     *           "consecutive_failures": 0,
                     *           "last_run": {
                     *             "id": "syncrun_01m8zr7d2c00m4q8w1ks6v",
                     *             "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *             "trigger": "schedule",
                     *             "status": "succeeded",
                     *             "start_time": "2026-03-02T09:14:02.004Z",
                     *             "finish_time": "2026-03-02T09:14:07.512Z",
                     *             "counts": {
                     *               "users_seen": 520,
                     *               "groups_seen": 31,
                     *               "users_created": 2,
                     *               "users_updated": 5,
                     *               "users_deactivated": 1,
                     *               "users_deleted": 0,
                     *               "groups_created": 0,
                     *               "groups_updated": 1,
                     *               "groups_deleted": 0,
                     *               "memberships_added": 3,
                     *               "memberships_removed": 1,
                     *               "objects_failed": 0,
                     *               "source_calls": 40
                     *             },
                     *             "error_code": null,
                     *             "error": null,
                     *             "held": null,
                     *             "approve_time": null
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    syncDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "directory": {
                     *         "id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "name": "Google Workspace",
                     *         "directory_type": "GOOGLE_WORKSPACE",
                     *         "directory_provider": "GOOGLE",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "enabled": true,
                     *         "status": "ACTIVE",
                     *         "last_synced_at": "2026-03-02T09:14:07.512Z",
                     *         "directory_endpoint": "https://roster.example.com/api/v1/directories/dir_01m8zqa0g400c9p1w6ht2m/scim/v2",
                     *         "total_users": 520,
                     *         "total_groups": 31,
                     *         "secrets": [],
                     *         "stats": {
                     *           "total_users": 520,
                     *           "total_groups": 31,
                     *           "user_updated_at": "2026-03-02T09:14:07.512Z",
                     *           "group_updated_at": "2026-03-02T09:14:07.512Z"
                     *         },
                     *         "role_assignments": {
                     *           "assignments": [
                     *             {
                     *               "group_id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "role_name": "member"
                     *             }
                     *           ]
                     *         },
                     *         "attribute_mappings": {
                     *           "attributes": [
                     *             {
                     *               "key": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                     *               "map_to": "custom_attributes.department"
                     *             }
                     *           ]
                     *         },
                     *         "email": null,
                     *         "groups_tracked": "ALL",
                     *         "source": {
                     *           "status": "active",
                     *           "status_message": null,
                     *           "connection": {
                     *             "kind": "service_account",
                     *             "service_account": "roster-sync@acme.iam.gserviceaccount.com",
                     *             "admin_email": "admin@acme.com",
                     *             "update_time": "2026-02-27T16:05:12.300Z"
                     *           },
                     *           "google_workspace": {
                     *             "customer_id": "my_customer",
                     *             "org_units": [],
                     *             "group_emails": []
                     *           },
                     *           "bamboohr": null,
                     *           "sync_interval_minutes": 30,
                     *           "safety_threshold_percent": 20,
                     *           "syncing": false,
                     *           "next_sync_time": "2026-03-02T09:14:07.512Z",
                     *           "last_success_time": "2026-03-02T09:14:07.512Z",
                     *           "consecutive_failures": 0,
                     *           "last_run": {
                     *             "id": "syncrun_01m8zr7d2c00m4q8w1ks6v",
                     *             "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *             "trigger": "schedule",
                     *             "status": "succeeded",
                     *             "start_time": "2026-03-02T09:14:02.004Z",
                     *             "finish_time": "2026-03-02T09:14:07.512Z",
                     *             "counts": {
                     *               "users_seen": 520,
                     *               "groups_seen": 31,
                     *               "users_created": 2,
                     *               "users_updated": 5,
                     *               "users_deactivated": 1,
                     *               "users_deleted": 0,
                     *               "groups_created": 0,
                     *               "groups_updated": 1,
                     *               "groups_deleted": 0,
                     *               "memberships_added": 3,
                     *               "memberships_removed": 1,
                     *               "objects_failed": 0,
                     *               "source_calls": 40
                     *             },
                     *             "error_code": null,
                     *             "error": null,
                     *             "held": null,
                     *             "approve_time": null
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listDirectorySyncRuns: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sync_runs": [
                     *         {
                     *           "id": "syncrun_01m8zr9f4e00p6s2y3mu8x",
                     *           "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *           "trigger": "schedule",
                     *           "status": "held",
                     *           "start_time": "2026-03-02T09:14:02.004Z",
                     *           "finish_time": "2026-03-02T09:14:07.512Z",
                     *           "counts": {
                     *             "users_seen": 108,
                     *             "groups_seen": 31,
                     *             "users_created": 0,
                     *             "users_updated": 0,
                     *             "users_deactivated": 0,
                     *             "users_deleted": 0,
                     *             "groups_created": 0,
                     *             "groups_updated": 0,
                     *             "groups_deleted": 0,
                     *             "memberships_added": 0,
                     *             "memberships_removed": 0,
                     *             "objects_failed": 0,
                     *             "source_calls": 40
                     *           },
                     *           "error_code": "needs_review",
                     *           "error": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
                     *           "held": {
                     *             "users_deactivated": 0,
                     *             "users_deleted": 412,
                     *             "groups_deleted": 0,
                     *             "users_in_directory": 520,
                     *             "groups_in_directory": 31,
                     *             "threshold_percent": 20,
                     *             "user_share_percent": 79.2,
                     *             "group_share_percent": 0,
                     *             "reason": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
                     *             "sample": [
                     *               {
                     *                 "kind": "user",
                     *                 "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *                 "name": "ada@acme.com",
                     *                 "action": "delete"
                     *               }
                     *             ]
                     *           },
                     *           "approve_time": null
                     *         },
                     *         {
                     *           "id": "syncrun_01m8zr7d2c00m4q8w1ks6v",
                     *           "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *           "trigger": "schedule",
                     *           "status": "succeeded",
                     *           "start_time": "2026-03-02T09:14:02.004Z",
                     *           "finish_time": "2026-03-02T09:14:07.512Z",
                     *           "counts": {
                     *             "users_seen": 520,
                     *             "groups_seen": 31,
                     *             "users_created": 2,
                     *             "users_updated": 5,
                     *             "users_deactivated": 1,
                     *             "users_deleted": 0,
                     *             "groups_created": 0,
                     *             "groups_updated": 1,
                     *             "groups_deleted": 0,
                     *             "memberships_added": 3,
                     *             "memberships_removed": 1,
                     *             "objects_failed": 0,
                     *             "source_calls": 40
                     *           },
                     *           "error_code": null,
                     *           "error": null,
                     *           "held": null,
                     *           "approve_time": null
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 2
                     *     }
                     */
                    "application/json": components["schemas"]["ListSyncRunsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    approveDirectorySyncRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
                /** @description A sync run id (syncrun_...). */
                sync_run_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sync_run": {
                     *         "id": "syncrun_01m8zr9f4e00p6s2y3mu8x",
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "trigger": "schedule",
                     *         "status": "held",
                     *         "start_time": "2026-03-02T09:14:02.004Z",
                     *         "finish_time": "2026-03-02T09:14:07.512Z",
                     *         "counts": {
                     *           "users_seen": 108,
                     *           "groups_seen": 31,
                     *           "users_created": 0,
                     *           "users_updated": 0,
                     *           "users_deactivated": 0,
                     *           "users_deleted": 0,
                     *           "groups_created": 0,
                     *           "groups_updated": 0,
                     *           "groups_deleted": 0,
                     *           "memberships_added": 0,
                     *           "memberships_removed": 0,
                     *           "objects_failed": 0,
                     *           "source_calls": 40
                     *         },
                     *         "error_code": "needs_review",
                     *         "error": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
                     *         "held": {
                     *           "users_deactivated": 0,
                     *           "users_deleted": 412,
                     *           "groups_deleted": 0,
                     *           "users_in_directory": 520,
                     *           "groups_in_directory": 31,
                     *           "threshold_percent": 20,
                     *           "user_share_percent": 79.2,
                     *           "group_share_percent": 0,
                     *           "reason": "This sync would deactivate or delete 412 of 520 users (79.2%), more than the safety threshold of 20%. Nothing was removed; approve the run to apply it, or fix the source and sync again.",
                     *           "sample": [
                     *             {
                     *               "kind": "user",
                     *               "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *               "name": "ada@acme.com",
                     *               "action": "delete"
                     *             }
                     *           ]
                     *         },
                     *         "approve_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SyncRunResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "roles": [
                     *         {
                     *           "id": "role_01m8zqh4n100h2v7c3pk6w",
                     *           "name": "member",
                     *           "display_name": "Member",
                     *           "description": "Reads documents.",
                     *           "permissions": [
                     *             "documents:read"
                     *           ],
                     *           "is_default": true,
                     *           "create_time": "2026-02-27T16:02:41.118Z",
                     *           "update_time": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListRolesResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "member",
                 *       "display_name": "Member",
                 *       "description": "Reads documents.",
                 *       "permissions": [
                 *         "documents:read"
                 *       ],
                 *       "is_default": true
                 *     }
                 */
                "application/json": {
                    /** @description The key groups are mapped to, e.g. "admin"; cannot change later. */
                    name: string;
                    /** @description Defaults to the name. */
                    display_name?: string;
                    description?: string;
                    /** @description Permission names, e.g. "users:read". */
                    permissions?: string[];
                    /** @description Make it the role of users in no mapped group (taking that from any other role). */
                    is_default?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "role": {
                     *         "id": "role_01m8zqh4n100h2v7c3pk6w",
                     *         "name": "member",
                     *         "display_name": "Member",
                     *         "description": "Reads documents.",
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "is_default": true,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-02-27T16:02:41.118Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RoleResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "role": {
                     *         "id": "role_01m8zqh4n100h2v7c3pk6w",
                     *         "name": "member",
                     *         "display_name": "Member",
                     *         "description": "Reads documents.",
                     *         "permissions": [
                     *           "documents:read"
                     *         ],
                     *         "is_default": true,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RoleResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "permissions": [
                 *         "documents:read",
                 *         "documents:comment"
                 *       ]
                 *     }
                 */
                "application/json": {
                    display_name?: string;
                    description?: string | null;
                    /** @description Replaces the permissions. */
                    permissions?: string[];
                    is_default?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "role": {
                     *         "id": "role_01m8zqh4n100h2v7c3pk6w",
                     *         "name": "member",
                     *         "display_name": "Member",
                     *         "description": "Reads documents.",
                     *         "permissions": [
                     *           "documents:read",
                     *           "documents:comment"
                     *         ],
                     *         "is_default": true,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RoleResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listPortalLinks: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "links": [
                     *         {
                     *           "id": "plink_01m8zqj8q300j5x1f9tn2r",
                     *           "create_time": "2026-03-02T09:14:07.512Z",
                     *           "expire_time": "2026-03-09T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListPortalLinksResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    generatePortalLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "expire_time": "2026-03-09T09:14:07Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When the link stops working: within 7 days; 24 hours from now by default.
                     */
                    expire_time?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "link": {
                     *         "id": "plink_01m8zqj8q300j5x1f9tn2r",
                     *         "location": "https://roster.example.com/portal?token=pl_Jd8s2Kq9vX4mB7nC1zT6wR3y",
                     *         "expire_time": "2026-03-09T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PortalLinkResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    revokePortalLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                link_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listApiClients: {
        parameters: {
            query?: {
                /** @description Items per page, 1 to 100 (default 50). */
                page_size?: number;
                /** @description next_page_token or prev_page_token of a previous page of the same list. */
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "clients": [
                     *         {
                     *           "id": "roster_client_7f3k9q2m",
                     *           "name": "Billing backend",
                     *           "create_time": "2026-02-27T16:02:41.118Z",
                     *           "revoke_time": null
                     *         }
                     *       ],
                     *       "next_page_token": "",
                     *       "prev_page_token": "",
                     *       "total_size": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ListApiClientsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Billing backend"
                 *     }
                 */
                "application/json": {
                    /** @description What the client is for. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client": {
                     *         "id": "roster_client_7f3k9q2m",
                     *         "name": "Billing backend",
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "revoke_time": null
                     *       },
                     *       "plain_secret": "rcs_2Vq8mX4bZ7nT1kW9cL5pD3rS6fH0jY"
                     *     }
                     */
                    "application/json": components["schemas"]["CreateApiClientResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client": {
                     *         "id": "roster_client_7f3k9q2m",
                     *         "name": "Billing backend",
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "revoke_time": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiClientResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    revokeApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client": {
                     *         "id": "roster_client_7f3k9q2m",
                     *         "name": "Billing backend",
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "revoke_time": "2026-03-02T09:14:07.512Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiClientResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page; omit to start at the oldest event kept. */
                after?: string;
                /** @description Events per page, 1 to 1000 (default 100). */
                limit?: number;
                /** @description Comma-separated event types: organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked, organization.directory.sync_needs_review. */
                types?: string;
                organization_id?: string;
                directory_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "spec_version": "1",
                     *           "id": "evt_01m8zr1a00f2w7x4dq8s",
                     *           "type": "organization.directory.user_created",
                     *           "occurred_at": "2026-03-02T09:14:07.512Z",
                     *           "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *           "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *           "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *           "object": "DirectoryUser",
                     *           "data": {
                     *             "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *             "email": "ada@acme.com",
                     *             "preferred_username": "ada@acme.com",
                     *             "given_name": "Ada",
                     *             "family_name": "Lovelace",
                     *             "name": "Ada Lovelace",
                     *             "active": true,
                     *             "emails": [
                     *               "ada@acme.com"
                     *             ],
                     *             "groups": [
                     *               {
                     *                 "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *                 "display_name": "Engineering"
                     *               }
                     *             ],
                     *             "roles": [
                     *               {
                     *                 "role_name": "member"
                     *               }
                     *             ],
                     *             "permissions": [
                     *               "documents:read"
                     *             ],
                     *             "custom_attributes": {
                     *               "department": "Research"
                     *             },
                     *             "updated_at": "2026-03-02T09:14:07.512Z",
                     *             "user_detail": {
                     *               "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *               "schemas": [
                     *                 "urn:ietf:params:scim:schemas:core:2.0:User",
                     *                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *               ],
                     *               "userName": "ada@acme.com",
                     *               "externalId": "00u1a2b3c4d5e6f7",
                     *               "name": {
                     *                 "givenName": "Ada",
                     *                 "familyName": "Lovelace"
                     *               },
                     *               "displayName": "Ada Lovelace",
                     *               "title": "Analyst",
                     *               "active": true,
                     *               "emails": [
                     *                 {
                     *                   "value": "ada@acme.com",
                     *                   "type": "work",
                     *                   "primary": true
                     *                 }
                     *               ],
                     *               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *                 "department": "Research"
                     *               }
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "next_cursor": "ec1_MTg0My4w",
                     *       "has_more": false
                     *     }
                     */
                    "application/json": components["schemas"]["ListEventsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Error. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event": {
                     *         "spec_version": "1",
                     *         "id": "evt_01m8zr1a00f2w7x4dq8s",
                     *         "type": "organization.directory.user_created",
                     *         "occurred_at": "2026-03-02T09:14:07.512Z",
                     *         "environment_id": "env_01m8zq4c8t00a7k2f5rj3x",
                     *         "organization_id": "org_01m8zq9w1b00b3n6d2kq7v",
                     *         "directory_id": "dir_01m8zqa0g400c9p1w6ht2m",
                     *         "object": "DirectoryUser",
                     *         "data": {
                     *           "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *           "email": "ada@acme.com",
                     *           "preferred_username": "ada@acme.com",
                     *           "given_name": "Ada",
                     *           "family_name": "Lovelace",
                     *           "name": "Ada Lovelace",
                     *           "active": true,
                     *           "emails": [
                     *             "ada@acme.com"
                     *           ],
                     *           "groups": [
                     *             {
                     *               "id": "dirgroup_01m8zqg2k900e6t5v8cm4p",
                     *               "display_name": "Engineering"
                     *             }
                     *           ],
                     *           "roles": [
                     *             {
                     *               "role_name": "member"
                     *             }
                     *           ],
                     *           "permissions": [
                     *             "documents:read"
                     *           ],
                     *           "custom_attributes": {
                     *             "department": "Research"
                     *           },
                     *           "updated_at": "2026-03-02T09:14:07.512Z",
                     *           "user_detail": {
                     *             "id": "diruser_01m8zqf7e200d4r8y3bn5k",
                     *             "schemas": [
                     *               "urn:ietf:params:scim:schemas:core:2.0:User",
                     *               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                     *             ],
                     *             "userName": "ada@acme.com",
                     *             "externalId": "00u1a2b3c4d5e6f7",
                     *             "name": {
                     *               "givenName": "Ada",
                     *               "familyName": "Lovelace"
                     *             },
                     *             "displayName": "Ada Lovelace",
                     *             "title": "Analyst",
                     *             "active": true,
                     *             "emails": [
                     *               {
                     *                 "value": "ada@acme.com",
                     *                 "type": "work",
                     *                 "primary": true
                     *               }
                     *             ],
                     *             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     *               "department": "Research"
                     *             }
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EventResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhooks": [
                     *         {
                     *           "id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *           "url": "https://app.acme.com/webhooks/roster",
                     *           "description": "Keeps app users in sync",
                     *           "enabled": true,
                     *           "disabled_reason": null,
                     *           "event_types": [
                     *             "organization.directory.user_created",
                     *             "organization.directory.user_updated",
                     *             "organization.directory.user_deleted"
                     *           ],
                     *           "organization_id": null,
                     *           "failing_since": null,
                     *           "last_success_time": "2026-03-02T09:14:07.512Z",
                     *           "last_failure_time": null,
                     *           "create_time": "2026-02-27T16:02:41.118Z",
                     *           "update_time": "2026-02-27T16:02:41.118Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListWebhooksResponse"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://app.acme.com/webhooks/roster",
                 *       "description": "Keeps app users in sync",
                 *       "event_types": [
                 *         "organization.directory.user_created",
                 *         "organization.directory.user_updated",
                 *         "organization.directory.user_deleted"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Where events are POSTed (https:// in production). */
                    url: string;
                    description?: string;
                    /** @description Default true. Enabling clears the failure record. */
                    enabled?: boolean;
                    /** @description Types to receive (default all): organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked, organization.directory.sync_needs_review. */
                    event_types?: string[];
                    /** @description Only this organization's events (default all). */
                    organization_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *         "url": "https://app.acme.com/webhooks/roster",
                     *         "description": "Keeps app users in sync",
                     *         "enabled": true,
                     *         "disabled_reason": null,
                     *         "event_types": [
                     *           "organization.directory.user_created",
                     *           "organization.directory.user_updated",
                     *           "organization.directory.user_deleted"
                     *         ],
                     *         "organization_id": null,
                     *         "failing_since": null,
                     *         "last_success_time": null,
                     *         "last_failure_time": null,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-02-27T16:02:41.118Z"
                     *       },
                     *       "secret": "whsec_MfKQ9r8GKYqXnE4dq4MJ4l0O3bN2m6aH"
                     *     }
                     */
                    "application/json": components["schemas"]["CreateWebhookResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *         "url": "https://app.acme.com/webhooks/roster",
                     *         "description": "Keeps app users in sync",
                     *         "enabled": true,
                     *         "disabled_reason": null,
                     *         "event_types": [
                     *           "organization.directory.user_created",
                     *           "organization.directory.user_updated",
                     *           "organization.directory.user_deleted"
                     *         ],
                     *         "organization_id": null,
                     *         "failing_since": null,
                     *         "last_success_time": "2026-03-02T09:14:07.512Z",
                     *         "last_failure_time": null,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-02-27T16:02:41.118Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "event_types": []
                 *     }
                 */
                "application/json": {
                    /** @description Where events are POSTed (https:// in production). */
                    url?: string;
                    description?: string;
                    /** @description Default true. Enabling clears the failure record. */
                    enabled?: boolean;
                    /** @description Types to receive (default all): organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked, organization.directory.sync_needs_review. */
                    event_types?: string[];
                    /** @description Only this organization's events (default all). */
                    organization_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *         "url": "https://app.acme.com/webhooks/roster",
                     *         "description": "Keeps app users in sync",
                     *         "enabled": true,
                     *         "disabled_reason": null,
                     *         "event_types": [],
                     *         "organization_id": null,
                     *         "failing_since": null,
                     *         "last_success_time": "2026-03-02T09:14:07.512Z",
                     *         "last_failure_time": null,
                     *         "create_time": "2026-02-27T16:02:41.118Z",
                     *         "update_time": "2026-02-27T16:02:41.118Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "grace_period_seconds": 86400
                 *     }
                 */
                "application/json": {
                    /** @description How long the previous secrets keep signing (default 86400, 24 hours). */
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "whsec_2b7KqV9xN4mZ8cT1wL6dR3sF5jY0gAhE",
                     *       "previous_secrets_expire_time": "2026-03-03T09:14:07.512Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RotateWebhookSecretResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    replayWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event_id": "evt_01m8zr1a00f2w7x4dq8s"
                 *     }
                 */
                "application/json": {
                    /** @description Send this event again. */
                    event_id?: string;
                    /**
                     * Format: date-time
                     * @description Send every event since this time again (those the endpoint subscribes to).
                     */
                    since?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "replayed": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ReplayWebhookResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "succeeded" | "dead";
                /** @description 1 to 200 (default 50). */
                page_size?: number;
                /** @description next_page_token of the previous page. */
                page_token?: string;
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "webhook_id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *           "event_id": "evt_01m8zr1a00f2w7x4dq8s",
                     *           "status": "succeeded",
                     *           "attempts": 1,
                     *           "next_attempt_time": null,
                     *           "last_attempt_time": "2026-03-02T09:14:07.512Z",
                     *           "last_status_code": 204,
                     *           "last_error": null,
                     *           "create_time": "2026-03-02T09:14:07.512Z",
                     *           "complete_time": "2026-03-02T09:14:07.512Z"
                     *         }
                     *       ],
                     *       "next_page_token": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ListWebhookDeliveriesResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": {
                     *         "webhook_id": "ep_01m8zqk1s500k8z4h6vq3t",
                     *         "event_id": "evt_01m8zr1a00f2w7x4dq8s",
                     *         "status": "succeeded",
                     *         "attempts": 1,
                     *         "next_attempt_time": null,
                     *         "last_attempt_time": "2026-03-02T09:14:07.512Z",
                     *         "last_status_code": 204,
                     *         "last_error": null,
                     *         "create_time": "2026-03-02T09:14:07.512Z",
                     *         "complete_time": "2026-03-02T09:14:07.512Z"
                     *       },
                     *       "attempt_log": [
                     *         {
                     *           "attempt": 1,
                     *           "attempt_time": "2026-03-02T09:14:07.512Z",
                     *           "status_code": 204,
                     *           "latency_ms": 84,
                     *           "error": null,
                     *           "response_excerpt": ""
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDeliveryResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getDirectoryEventSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event_settings": {
                     *         "deactivation_as_deletion": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryEventSettingsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    updateDirectoryEventSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An organization id (org_...). */
                organization_id: string;
                /** @description A directory id (dir_...) of the organization. */
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "deactivation_as_deletion": true
                 *     }
                 */
                "application/json": {
                    deactivation_as_deletion: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "event_settings": {
                     *         "deactivation_as_deletion": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DirectoryEventSettingsResponse"];
                };
            };
            /** @description A parameter is wrong; details.parameter names it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No access token, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Not found (another organization's ids are not found either). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
