package roster

import (
	"context"
	"net/http"
	"time"
)

// Role is a role of the app, with its permissions.
type Role struct {
	ID string `json:"id"`
	// Name is the key groups are mapped to, e.g. "admin".
	Name        string   `json:"name"`
	DisplayName string   `json:"display_name"`
	Description *string  `json:"description"`
	Permissions []string `json:"permissions"`
	// IsDefault: held by users in no group mapped to a role; at most one role is the default.
	IsDefault  bool      `json:"is_default"`
	CreateTime time.Time `json:"create_time"`
	UpdateTime time.Time `json:"update_time"`
}

// ListRolesResponse is one page of roles.
type ListRolesResponse struct {
	Roles         []Role `json:"roles"`
	NextPageToken string `json:"next_page_token"`
	PrevPageToken string `json:"prev_page_token"`
	TotalSize     int    `json:"total_size"`
}

// CreateRoleParams describe a new role.
type CreateRoleParams struct {
	// Name is what groups are mapped to (e.g. "admin"); it cannot change later.
	Name string
	// DisplayName defaults to the name.
	DisplayName string
	Description string
	// Permissions are permission names, e.g. "users:read".
	Permissions []string
	// IsDefault makes it the role of users in no mapped group (taking that from any other role).
	IsDefault bool
}

// UpdateRoleParams change a role; fields left nil keep their value.
type UpdateRoleParams struct {
	DisplayName *string
	Description *string
	// ClearDescription removes the description (sends description: null).
	ClearDescription bool
	// Permissions, when not nil, replaces the role's permissions.
	Permissions []string
	IsDefault   *bool
}

type roleEnvelope struct {
	Role Role `json:"role"`
}

// RoleClient is sc.Role(): the environment's roles and their permissions, as in Scalekit's Go SDK.
type RoleClient struct{ c *Client }

func rolePath(roleName string) string { return pathOf("/api/v1/roles/", roleName) }

func (r *RoleClient) role(ctx context.Context, req request) (*Role, error) {
	var envelope roleEnvelope
	if err := r.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Role, nil
}

// CreateRole makes a role.
func (r *RoleClient) CreateRole(ctx context.Context, role CreateRoleParams) (*Role, error) {
	body := map[string]any{"name": role.Name}
	if role.DisplayName != "" {
		body["display_name"] = role.DisplayName
	}
	if role.Description != "" {
		body["description"] = role.Description
	}
	if role.Permissions != nil {
		body["permissions"] = role.Permissions
	}
	if role.IsDefault {
		body["is_default"] = true
	}
	return r.role(ctx, request{method: http.MethodPost, path: "/api/v1/roles", body: body})
}

// GetRole reads one role.
func (r *RoleClient) GetRole(ctx context.Context, roleName string) (*Role, error) {
	return r.role(ctx, request{method: http.MethodGet, path: rolePath(roleName)})
}

// ListRoles reads one page of roles.
func (r *RoleClient) ListRoles(ctx context.Context, options ...PageOptions) (*ListRolesResponse, error) {
	return callAs[ListRolesResponse](ctx, r.c, request{method: http.MethodGet, path: "/api/v1/roles", query: query{}.page(first(options)).values()})
}

// IterateRoles walks every role, page after page.
func (r *RoleClient) IterateRoles(options ...PageOptions) *Iterator[Role] {
	start := first(options)
	return followPageTokens(start.PageToken, func(ctx context.Context, token string) (*ListRolesResponse, error) {
		return r.ListRoles(ctx, PageOptions{PageSize: start.PageSize, PageToken: token})
	}, func(list *ListRolesResponse) ([]Role, string) { return list.Roles, list.NextPageToken })
}

// UpdateRole changes the fields set in update.
func (r *RoleClient) UpdateRole(ctx context.Context, roleName string, update UpdateRoleParams) (*Role, error) {
	body := map[string]any{}
	if update.DisplayName != nil {
		body["display_name"] = *update.DisplayName
	}
	if update.Description != nil {
		body["description"] = *update.Description
	} else if update.ClearDescription {
		body["description"] = nil
	}
	if update.Permissions != nil {
		body["permissions"] = update.Permissions
	}
	if update.IsDefault != nil {
		body["is_default"] = *update.IsDefault
	}
	return r.role(ctx, request{method: http.MethodPatch, path: rolePath(roleName), body: body})
}

// DeleteRole deletes a role; one still assigned to a directory group cannot be (KindConflict).
func (r *RoleClient) DeleteRole(ctx context.Context, roleName string) error {
	return r.c.call(ctx, request{method: http.MethodDelete, path: rolePath(roleName)}, nil)
}
