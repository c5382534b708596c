package roster

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// DirectoryProvider is the IdP a directory connects.
type DirectoryProvider string

const (
	ProviderOkta         DirectoryProvider = "OKTA"
	ProviderAzureAD      DirectoryProvider = "AZURE_AD"
	ProviderGoogle       DirectoryProvider = "GOOGLE"
	ProviderOneLogin     DirectoryProvider = "ONELOGIN"
	ProviderJumpCloud    DirectoryProvider = "JUMPCLOUD"
	ProviderPingIdentity DirectoryProvider = "PING_IDENTITY"
	ProviderAuthentik    DirectoryProvider = "AUTHENTIK"
	ProviderOther        DirectoryProvider = "OTHER"
)

// The only values of Directory.DirectoryType and Directory.GroupsTracked today.
const (
	DirectoryTypeSCIM = "SCIM"
	GroupsTrackedAll  = "ALL"
)

// DirectoryStatus: DISABLED; ACTIVE once the IdP has called; PENDING with a secret; else NOT_CONFIGURED.
type DirectoryStatus string

const (
	DirectoryActive        DirectoryStatus = "ACTIVE"
	DirectoryPending       DirectoryStatus = "PENDING"
	DirectoryNotConfigured DirectoryStatus = "NOT_CONFIGURED"
	DirectoryDisabled      DirectoryStatus = "DISABLED"
)

// Directory is one SCIM connection of an organization's directory provider, with every field of
// Scalekit's directory object.
type Directory struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// DirectoryType is always "SCIM".
	DirectoryType     string            `json:"directory_type"`
	DirectoryProvider DirectoryProvider `json:"directory_provider"`
	OrganizationID    string            `json:"organization_id"`
	Enabled           bool              `json:"enabled"`
	Status            DirectoryStatus   `json:"status"`
	// LastSyncedAt is when the IdP last called the SCIM endpoint; nil before it has.
	LastSyncedAt *time.Time `json:"last_synced_at"`
	// DirectoryEndpoint is the SCIM base URL to give the IdP.
	DirectoryEndpoint string            `json:"directory_endpoint"`
	TotalUsers        int               `json:"total_users"`
	TotalGroups       int               `json:"total_groups"`
	Secrets           []DirectorySecret `json:"secrets"`
	Stats             DirectoryStats    `json:"stats"`
	RoleAssignments   RoleAssignments   `json:"role_assignments"`
	AttributeMappings AttributeMappings `json:"attribute_mappings"`
	Email             *string           `json:"email"`
	// GroupsTracked is always "ALL".
	GroupsTracked string `json:"groups_tracked"`
}

// DirectoryStats counts a directory's users and groups and says when they last changed.
type DirectoryStats struct {
	TotalUsers     int        `json:"total_users"`
	TotalGroups    int        `json:"total_groups"`
	UserUpdatedAt  *time.Time `json:"user_updated_at"`
	GroupUpdatedAt *time.Time `json:"group_updated_at"`
}

// ListDirectoriesResponse is one page of an organization's directories.
type ListDirectoriesResponse struct {
	Directories   []Directory `json:"directories"`
	NextPageToken string      `json:"next_page_token"`
	PrevPageToken string      `json:"prev_page_token"`
	TotalSize     int         `json:"total_size"`
}

// ToggleDirectoryResponse answers EnableDirectory and DisableDirectory.
type ToggleDirectoryResponse struct {
	Enabled bool `json:"enabled"`
	// ErrorMessage says why provisioning still cannot run, when it cannot.
	ErrorMessage string `json:"error_message,omitempty"`
}

// CreateDirectoryParams describe a new directory.
type CreateDirectoryParams struct {
	DirectoryProvider DirectoryProvider
	// DirectoryType: "" or "SCIM".
	DirectoryType string
	// Name defaults to "<PROVIDER> directory".
	Name string
}

// UpdateDirectoryParams change a directory; fields left empty keep their value.
type UpdateDirectoryParams struct {
	Name              string
	DirectoryProvider DirectoryProvider
}

type directoryEnvelope struct {
	Directory Directory `json:"directory"`
}

// DirectoryClient is sc.Directory(): an organization's SCIM directories and what their IdPs
// provisioned. Names and arguments as in Scalekit's Go SDK.
type DirectoryClient struct{ c *Client }

func directoriesPath(organizationID string) string {
	return pathOf("/api/v1/organizations/", organizationID, "/directories")
}

func directoryPath(organizationID, directoryID string) string {
	return pathOf("/api/v1/organizations/", organizationID, "/directories/", directoryID)
}

func (d *DirectoryClient) directory(ctx context.Context, req request) (*Directory, error) {
	var envelope directoryEnvelope
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Directory, nil
}

// ListDirectories reads one page of the organization's directories.
func (d *DirectoryClient) ListDirectories(ctx context.Context, organizationID string, options ...PageOptions) (*ListDirectoriesResponse, error) {
	req := request{method: http.MethodGet, path: directoriesPath(organizationID), query: query{}.page(first(options)).values()}
	return callAs[ListDirectoriesResponse](ctx, d.c, req)
}

// GetDirectory reads one directory.
func (d *DirectoryClient) GetDirectory(ctx context.Context, organizationID, directoryID string) (*Directory, error) {
	return d.directory(ctx, request{method: http.MethodGet, path: directoryPath(organizationID, directoryID)})
}

// GetPrimaryDirectoryByOrganizationID reads the organization's first directory (most have one);
// an *Error of KindNotFound when it has none.
func (d *DirectoryClient) GetPrimaryDirectoryByOrganizationID(ctx context.Context, organizationID string) (*Directory, error) {
	list, err := d.ListDirectories(ctx, organizationID, PageOptions{PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(list.Directories) == 0 {
		return nil, &Error{Kind: KindNotFound, Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf("organization %s has no directory", organizationID), Details: map[string]any{"id": organizationID}}
	}
	return &list.Directories[0], nil
}

// CreateDirectory makes a directory; the organization needs the "scim" feature (KindPermissionDenied otherwise).
func (d *DirectoryClient) CreateDirectory(ctx context.Context, organizationID string, directory CreateDirectoryParams) (*Directory, error) {
	body := map[string]any{"directory_provider": directory.DirectoryProvider}
	if directory.DirectoryType != "" {
		body["directory_type"] = directory.DirectoryType
	}
	if directory.Name != "" {
		body["name"] = directory.Name
	}
	return d.directory(ctx, request{method: http.MethodPost, path: directoriesPath(organizationID), body: body})
}

// UpdateDirectory changes the fields set in update.
func (d *DirectoryClient) UpdateDirectory(ctx context.Context, organizationID, directoryID string, update UpdateDirectoryParams) (*Directory, error) {
	body := map[string]any{}
	if update.Name != "" {
		body["name"] = update.Name
	}
	if update.DirectoryProvider != "" {
		body["directory_provider"] = update.DirectoryProvider
	}
	return d.directory(ctx, request{method: http.MethodPatch, path: directoryPath(organizationID, directoryID), body: body})
}

// DeleteDirectory deletes the directory with its users, groups, secrets and request log.
func (d *DirectoryClient) DeleteDirectory(ctx context.Context, organizationID, directoryID string) error {
	return d.c.call(ctx, request{method: http.MethodDelete, path: directoryPath(organizationID, directoryID)}, nil)
}

func (d *DirectoryClient) toggle(ctx context.Context, organizationID, directoryID, action string) (*ToggleDirectoryResponse, error) {
	return callAs[ToggleDirectoryResponse](ctx, d.c, request{method: http.MethodPatch, path: directoryPath(organizationID, directoryID) + action})
}

// EnableDirectory lets the IdP provision again.
func (d *DirectoryClient) EnableDirectory(ctx context.Context, organizationID, directoryID string) (*ToggleDirectoryResponse, error) {
	return d.toggle(ctx, organizationID, directoryID, ":enable")
}

// DisableDirectory makes the SCIM endpoint answer the IdP 403 until enabled again; users and groups stay.
func (d *DirectoryClient) DisableDirectory(ctx context.Context, organizationID, directoryID string) (*ToggleDirectoryResponse, error) {
	return d.toggle(ctx, organizationID, directoryID, ":disable")
}
