package roster

import (
	"context"
	"net/http"
	"time"
)

// Pulled directories: Roster syncs a Google Workspace or BambooHR directory from its source on a
// schedule (the server needs ROSTER_ENCRYPTION_KEY), instead of an IdP pushing over SCIM. Their
// users and groups are read like any directory's.

// Directory types besides DirectoryTypeSCIM: pulled from their source.
const (
	DirectoryTypeGoogleWorkspace = "GOOGLE_WORKSPACE"
	DirectoryTypeBambooHR        = "BAMBOOHR"
)

// SourceStatus says how a pulled directory's syncing goes.
type SourceStatus string

const (
	SourceNotConnected       SourceStatus = "not_connected"
	SourceActive             SourceStatus = "active"
	SourceNeedsReview        SourceStatus = "needs_review"
	SourceInvalidCredentials SourceStatus = "invalid_credentials"
	SourceError              SourceStatus = "error"
)

// ConnectionKind is how Roster reaches a source.
type ConnectionKind string

const (
	ConnectionOAuth          ConnectionKind = "oauth"
	ConnectionServiceAccount ConnectionKind = "service_account"
	ConnectionAPIKey         ConnectionKind = "api_key"
)

// EmployeesFrom is where a BambooHR directory reads its employees.
type EmployeesFrom string

const (
	// EmployeesFromReport: a custom report of every employee, Active and Inactive (the default).
	EmployeesFromReport EmployeesFrom = "report"
	// EmployeesFromDirectory: the employee directory, active employees only.
	EmployeesFromDirectory EmployeesFrom = "directory"
)

// BambooHRGroupBy is an employee field that becomes groups.
type BambooHRGroupBy string

const (
	GroupByDepartment BambooHRGroupBy = "department"
	GroupByDivision   BambooHRGroupBy = "division"
)

// SyncTrigger says what started a sync run.
type SyncTrigger string

const (
	TriggerSchedule SyncTrigger = "schedule"
	TriggerManual   SyncTrigger = "manual"
	TriggerApproval SyncTrigger = "approval"
)

// SyncRunStatus is where a sync run stands.
type SyncRunStatus string

const (
	SyncRunRunning     SyncRunStatus = "running"
	SyncRunSucceeded   SyncRunStatus = "succeeded"
	SyncRunHeld        SyncRunStatus = "held"
	SyncRunFailed      SyncRunStatus = "failed"
	SyncRunInterrupted SyncRunStatus = "interrupted"
)

// HeldAction is what a held run would have done to a user or group.
type HeldAction string

const (
	HeldDeactivate HeldAction = "deactivate"
	HeldDelete     HeldAction = "delete"
)

// DirectorySource is where a pulled directory syncs from and how it is going (Directory.Source;
// nil for SCIM directories). The credentials themselves are never returned.
type DirectorySource struct {
	Status SourceStatus `json:"status"`
	// StatusMessage says what went wrong and what to do, when something did.
	StatusMessage          *string                  `json:"status_message"`
	Connection             *SourceConnection        `json:"connection"`
	GoogleWorkspace        *GoogleWorkspaceSettings `json:"google_workspace"`
	BambooHR               *BambooHRSettings        `json:"bamboohr"`
	SyncIntervalMinutes    int                      `json:"sync_interval_minutes"`
	SafetyThresholdPercent int                      `json:"safety_threshold_percent"`
	Syncing                bool                     `json:"syncing"`
	NextSyncTime           *time.Time               `json:"next_sync_time"`
	LastSuccessTime        *time.Time               `json:"last_success_time"`
	ConsecutiveFailures    int                      `json:"consecutive_failures"`
	LastRun                *SyncRun                 `json:"last_run"`
}

// SourceConnection is how Roster reaches the source.
type SourceConnection struct {
	Kind ConnectionKind `json:"kind"`
	// ServiceAccount and AdminEmail: the service account and the admin it acts as (service_account only).
	ServiceAccount string    `json:"service_account,omitempty"`
	AdminEmail     string    `json:"admin_email,omitempty"`
	UpdateTime     time.Time `json:"update_time"`
}

// GoogleWorkspaceSettings scope a Google Workspace directory. On create and update, fields left
// empty (nil slices) are not sent; an empty non-nil slice clears a limit.
type GoogleWorkspaceSettings struct {
	// CustomerID is my_customer (the admin's own, the default) or a customer id.
	CustomerID string `json:"customer_id"`
	// Domain keeps only users of this domain.
	Domain string `json:"domain,omitempty"`
	// OrgUnits keeps only users in these organizational units (and those below them).
	OrgUnits []string `json:"org_units"`
	// GroupEmails keeps only these groups, the groups nested in them, and their members.
	GroupEmails []string `json:"group_emails"`
}

// BambooHRSettings scope a BambooHR directory. On create (Subdomain required) and update, fields
// left empty are not sent.
type BambooHRSettings struct {
	// Subdomain is the company's: "acme" for acme.bamboohr.com.
	Subdomain     string            `json:"subdomain"`
	EmployeesFrom EmployeesFrom     `json:"employees_from"`
	ExtraFields   []string          `json:"extra_fields"`
	GroupBy       []BambooHRGroupBy `json:"group_by"`
}

// SourceCredentials are write-only: stored encrypted, never returned. Google consent (OAuth) is
// given in the admin portal instead.
type SourceCredentials struct {
	// ServiceAccountKey (Google Workspace) is the service account key JSON as downloaded: its text
	// (a string) or the decoded object (a map).
	ServiceAccountKey any `json:"service_account_key,omitempty"`
	// AdminEmail (Google Workspace) is the admin the service account acts as.
	AdminEmail string `json:"admin_email,omitempty"`
	// APIKey (BambooHR) is an API key of a user who can see the employees.
	APIKey string `json:"api_key,omitempty"`
}

// SourceParams are a pulled directory's settings, credentials and schedule, for CreateDirectory
// and UpdateDirectorySource; zero values are not sent (an update keeps what is stored).
type SourceParams struct {
	GoogleWorkspace *GoogleWorkspaceSettings
	BambooHR        *BambooHRSettings
	Credentials     *SourceCredentials
	// SyncIntervalMinutes: how often to sync (the server's default is 30).
	SyncIntervalMinutes int
	// SafetyThresholdPercent: hold a run that would deactivate or delete more than this share of
	// the directory (default 20). Use SafetyThresholdNone for 0.
	SafetyThresholdPercent int
}

// SafetyThresholdNone, as SourceParams.SafetyThresholdPercent, holds any run that removes anyone.
const SafetyThresholdNone = -1

// addTo writes the set fields into a request body.
func (p SourceParams) addTo(body map[string]any) {
	if google := p.GoogleWorkspace; google != nil {
		settings := map[string]any{}
		setIf(settings, "customer_id", google.CustomerID, google.CustomerID != "")
		setIf(settings, "domain", google.Domain, google.Domain != "")
		setIf(settings, "org_units", google.OrgUnits, google.OrgUnits != nil)
		setIf(settings, "group_emails", google.GroupEmails, google.GroupEmails != nil)
		body["google_workspace"] = settings
	}
	if bamboo := p.BambooHR; bamboo != nil {
		settings := map[string]any{}
		setIf(settings, "subdomain", bamboo.Subdomain, bamboo.Subdomain != "")
		setIf(settings, "employees_from", bamboo.EmployeesFrom, bamboo.EmployeesFrom != "")
		setIf(settings, "extra_fields", bamboo.ExtraFields, bamboo.ExtraFields != nil)
		setIf(settings, "group_by", bamboo.GroupBy, bamboo.GroupBy != nil)
		body["bamboohr"] = settings
	}
	setIf(body, "credentials", p.Credentials, p.Credentials != nil)
	setIf(body, "sync_interval_minutes", p.SyncIntervalMinutes, p.SyncIntervalMinutes != 0)
	switch {
	case p.SafetyThresholdPercent == SafetyThresholdNone:
		body["safety_threshold_percent"] = 0
	case p.SafetyThresholdPercent != 0:
		body["safety_threshold_percent"] = p.SafetyThresholdPercent
	}
}

func setIf(body map[string]any, name string, value any, set bool) {
	if set {
		body[name] = value
	}
}

// SyncRun is one sync of a pulled directory from its source.
type SyncRun struct {
	ID          string        `json:"id"`
	DirectoryID string        `json:"directory_id"`
	Trigger     SyncTrigger   `json:"trigger"`
	Status      SyncRunStatus `json:"status"`
	StartTime   time.Time     `json:"start_time"`
	FinishTime  *time.Time    `json:"finish_time"`
	Counts      SyncRunCounts `json:"counts"`
	// ErrorCode: invalid_credentials, source_error, apply_error, needs_review or partial; nil when the run went through.
	ErrorCode *string `json:"error_code"`
	Error     *string `json:"error"`
	// Held is what a run the safety threshold held would have removed.
	Held *HeldSyncRun `json:"held"`
	// ApproveTime is when an administrator approved this held run.
	ApproveTime *time.Time `json:"approve_time"`
}

// SyncRunCounts is what a run saw in the source and changed in the directory.
type SyncRunCounts struct {
	UsersSeen          int `json:"users_seen"`
	GroupsSeen         int `json:"groups_seen"`
	UsersCreated       int `json:"users_created"`
	UsersUpdated       int `json:"users_updated"`
	UsersDeactivated   int `json:"users_deactivated"`
	UsersDeleted       int `json:"users_deleted"`
	GroupsCreated      int `json:"groups_created"`
	GroupsUpdated      int `json:"groups_updated"`
	GroupsDeleted      int `json:"groups_deleted"`
	MembershipsAdded   int `json:"memberships_added"`
	MembershipsRemoved int `json:"memberships_removed"`
	ObjectsFailed      int `json:"objects_failed"`
	// SourceCalls counts every call to the source, retries included.
	SourceCalls int `json:"source_calls"`
}

// HeldSyncRun is what a run held by the safety threshold would have removed; approve the run to
// let the next one apply it.
type HeldSyncRun struct {
	UsersDeactivated  int     `json:"users_deactivated"`
	UsersDeleted      int     `json:"users_deleted"`
	GroupsDeleted     int     `json:"groups_deleted"`
	UsersInDirectory  int     `json:"users_in_directory"`
	GroupsInDirectory int     `json:"groups_in_directory"`
	ThresholdPercent  int     `json:"threshold_percent"`
	UserSharePercent  float64 `json:"user_share_percent"`
	GroupSharePercent float64 `json:"group_share_percent"`
	Reason            string  `json:"reason"`
	// Sample holds up to 25 of the users and groups the run would have removed.
	Sample []HeldObject `json:"sample"`
}

// HeldObject is a user or group a held run would have removed.
type HeldObject struct {
	Kind   MemberType `json:"kind"`
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	Action HeldAction `json:"action"`
}

// SyncNeedsReviewEventData is the held run a sync_needs_review event is about.
type SyncNeedsReviewEventData struct {
	DirectoryID    string `json:"directory_id"`
	OrganizationID string `json:"organization_id"`
	// DirectoryType is DirectoryTypeGoogleWorkspace or DirectoryTypeBambooHR.
	DirectoryType string `json:"directory_type"`
	// SyncRunID is the held run: approve it with ApproveDirectorySyncRun.
	SyncRunID string `json:"sync_run_id"`
	HeldSyncRun
}

// DirectorySyncNeedsReviewEvent is organization.directory.sync_needs_review, typed.
type DirectorySyncNeedsReviewEvent = TypedEvent[SyncNeedsReviewEventData]

// ListSyncRunsResponse is one page of a pulled directory's sync runs, newest first.
type ListSyncRunsResponse struct {
	SyncRuns      []SyncRun `json:"sync_runs"`
	NextPageToken string    `json:"next_page_token"`
	PrevPageToken string    `json:"prev_page_token"`
	TotalSize     int       `json:"total_size"`
}

type syncRunEnvelope struct {
	SyncRun SyncRun `json:"sync_run"`
}

// UpdateDirectorySource changes a pulled directory's source: settings given replace those stored
// field by field, credentials replace the stored ones, and a changed scope or new credentials
// sync at once.
func (d *DirectoryClient) UpdateDirectorySource(ctx context.Context, organizationID, directoryID string, source SourceParams) (*Directory, error) {
	body := map[string]any{}
	source.addTo(body)
	return d.directory(ctx, request{method: http.MethodPatch, path: directoryPath(organizationID, directoryID) + "/source", body: body})
}

// SyncDirectory is "Sync now": a run starts at once (or right after the one going). KindBadRequest
// for a SCIM, disabled or unconnected directory.
func (d *DirectoryClient) SyncDirectory(ctx context.Context, organizationID, directoryID string) (*Directory, error) {
	return d.directory(ctx, request{method: http.MethodPost, path: directoryPath(organizationID, directoryID) + ":sync"})
}

// ListDirectorySyncRuns reads one page of a pulled directory's sync runs, newest first.
func (d *DirectoryClient) ListDirectorySyncRuns(ctx context.Context, organizationID, directoryID string, options ...PageOptions) (*ListSyncRunsResponse, error) {
	req := request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + "/sync_runs", query: query{}.page(first(options)).values()}
	return callAs[ListSyncRunsResponse](ctx, d.c, req)
}

// IterateDirectorySyncRuns walks every sync run, newest first, page after page.
func (d *DirectoryClient) IterateDirectorySyncRuns(organizationID, directoryID string, options ...PageOptions) *Iterator[SyncRun] {
	o := first(options)
	return followPageTokens(o.PageToken, func(ctx context.Context, token string) (*ListSyncRunsResponse, error) {
		return d.ListDirectorySyncRuns(ctx, organizationID, directoryID, PageOptions{PageSize: o.PageSize, PageToken: token})
	}, func(list *ListSyncRunsResponse) ([]SyncRun, string) {
		return list.SyncRuns, list.NextPageToken
	})
}

// ApproveDirectorySyncRun lets the removals of a run the safety threshold held go through: a run
// starts at once and may remove up to what the held one would have. Only the newest run of a
// directory that needs review (KindBadRequest otherwise).
func (d *DirectoryClient) ApproveDirectorySyncRun(ctx context.Context, organizationID, directoryID, syncRunID string) (*SyncRun, error) {
	var envelope syncRunEnvelope
	req := request{method: http.MethodPost, path: directoryPath(organizationID, directoryID) + pathOf("/sync_runs/", syncRunID, ":approve")}
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.SyncRun, nil
}
