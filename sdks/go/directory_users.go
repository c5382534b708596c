package roster

import (
	"context"
	"net/http"
	"time"
)

// DirectoryUser is a user the IdP provisioned, normalized, with its groups, roles, permissions and
// mapped attributes.
type DirectoryUser struct {
	ID string `json:"id"`
	// Email is the primary email, unless an attribute mapping sets it.
	Email *string `json:"email"`
	// PreferredUsername is the SCIM userName, unless an attribute mapping sets it.
	PreferredUsername string         `json:"preferred_username"`
	GivenName         *string        `json:"given_name"`
	FamilyName        *string        `json:"family_name"`
	Name              *string        `json:"name"`
	Active            bool           `json:"active"`
	Emails            []string       `json:"emails"`
	Groups            []UserGroup    `json:"groups"`
	Roles             []UserRole     `json:"roles"`
	Permissions       []string       `json:"permissions"`
	CustomAttributes  map[string]any `json:"custom_attributes"`
	UpdatedAt         time.Time      `json:"updated_at"`
	// UserDetail is the stored SCIM resource, with IncludeDetail.
	UserDetail map[string]any `json:"user_detail,omitempty"`
}

// UserGroup is a group a user is a direct member of.
type UserGroup struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
}

// UserRole is a role a user holds, from its groups (nested groups included), else the default role.
type UserRole struct {
	RoleName string `json:"role_name"`
}

// DirectoryGroup is a group the IdP provisioned.
type DirectoryGroup struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	// TotalUsers counts the users who are direct members.
	TotalUsers int       `json:"total_users"`
	UpdatedAt  time.Time `json:"updated_at"`
	// GroupDetail is the stored SCIM resource (without members), with IncludeDetail.
	GroupDetail map[string]any `json:"group_detail,omitempty"`
}

// MemberType says whether a group member is a user or a nested group.
type MemberType string

const (
	MemberUser  MemberType = "user"
	MemberGroup MemberType = "group"
)

// DirectoryGroupMember is a direct member of a group: a user or a nested group.
type DirectoryGroupMember struct {
	ID          string     `json:"id"`
	Type        MemberType `json:"type"`
	DisplayName *string    `json:"display_name"`
}

// ListDirectoryUsersResponse is one page of a directory's users.
type ListDirectoryUsersResponse struct {
	Users         []DirectoryUser `json:"users"`
	NextPageToken string          `json:"next_page_token"`
	PrevPageToken string          `json:"prev_page_token"`
	TotalSize     int             `json:"total_size"`
}

// ListDirectoryGroupsResponse is one page of a directory's groups.
type ListDirectoryGroupsResponse struct {
	Groups        []DirectoryGroup `json:"groups"`
	NextPageToken string           `json:"next_page_token"`
	PrevPageToken string           `json:"prev_page_token"`
	TotalSize     int              `json:"total_size"`
}

// ListDirectoryGroupMembersResponse is one page of a group's direct members.
type ListDirectoryGroupMembersResponse struct {
	Members       []DirectoryGroupMember `json:"members"`
	NextPageToken string                 `json:"next_page_token"`
	PrevPageToken string                 `json:"prev_page_token"`
	TotalSize     int                    `json:"total_size"`
}

// ListDirectoryUsersOptions choose which users and which page.
type ListDirectoryUsersOptions struct {
	PageSize  int
	PageToken string
	// IncludeDetail adds the stored SCIM resource as UserDetail.
	IncludeDetail bool
	// DirectoryGroupID keeps only direct members of this group.
	DirectoryGroupID string
	// UpdatedAfter keeps only users changed after this time.
	UpdatedAfter time.Time
}

// ListDirectoryGroupsOptions choose which groups and which page.
type ListDirectoryGroupsOptions struct {
	PageSize  int
	PageToken string
	// IncludeDetail adds the stored SCIM resource as GroupDetail.
	IncludeDetail bool
	// UpdatedAfter keeps only groups changed after this time.
	UpdatedAfter time.Time
}

// DetailOptions: IncludeDetail adds the stored SCIM resource.
type DetailOptions struct {
	IncludeDetail bool
}

type directoryUserEnvelope struct {
	User DirectoryUser `json:"user"`
}

type directoryGroupEnvelope struct {
	Group DirectoryGroup `json:"group"`
}

// ListDirectoryUsers reads one page of users with their groups, roles, permissions and mapped
// CustomAttributes.
func (d *DirectoryClient) ListDirectoryUsers(ctx context.Context, organizationID, directoryID string, options ...ListDirectoryUsersOptions) (*ListDirectoryUsersResponse, error) {
	o := first(options)
	q := query{}.page(PageOptions{o.PageSize, o.PageToken}).flag("include_detail", o.IncludeDetail).text("directory_group_id", o.DirectoryGroupID).time("updated_after", o.UpdatedAfter)
	return callAs[ListDirectoryUsersResponse](ctx, d.c, request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + "/users", query: q.values()})
}

// IterateDirectoryUsers walks every user, page after page.
func (d *DirectoryClient) IterateDirectoryUsers(organizationID, directoryID string, options ...ListDirectoryUsersOptions) *Iterator[DirectoryUser] {
	o := first(options)
	return followPageTokens(o.PageToken, func(ctx context.Context, token string) (*ListDirectoryUsersResponse, error) {
		o.PageToken = token
		return d.ListDirectoryUsers(ctx, organizationID, directoryID, o)
	}, func(list *ListDirectoryUsersResponse) ([]DirectoryUser, string) {
		return list.Users, list.NextPageToken
	})
}

// GetDirectoryUser reads one user.
func (d *DirectoryClient) GetDirectoryUser(ctx context.Context, organizationID, directoryID, userID string, options ...DetailOptions) (*DirectoryUser, error) {
	var envelope directoryUserEnvelope
	req := request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + pathOf("/users/", userID), query: query{}.flag("include_detail", first(options).IncludeDetail).values()}
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.User, nil
}

// ListDirectoryGroups reads one page of groups.
func (d *DirectoryClient) ListDirectoryGroups(ctx context.Context, organizationID, directoryID string, options ...ListDirectoryGroupsOptions) (*ListDirectoryGroupsResponse, error) {
	o := first(options)
	q := query{}.page(PageOptions{o.PageSize, o.PageToken}).flag("include_detail", o.IncludeDetail).time("updated_after", o.UpdatedAfter)
	return callAs[ListDirectoryGroupsResponse](ctx, d.c, request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + "/groups", query: q.values()})
}

// IterateDirectoryGroups walks every group, page after page.
func (d *DirectoryClient) IterateDirectoryGroups(organizationID, directoryID string, options ...ListDirectoryGroupsOptions) *Iterator[DirectoryGroup] {
	o := first(options)
	return followPageTokens(o.PageToken, func(ctx context.Context, token string) (*ListDirectoryGroupsResponse, error) {
		o.PageToken = token
		return d.ListDirectoryGroups(ctx, organizationID, directoryID, o)
	}, func(list *ListDirectoryGroupsResponse) ([]DirectoryGroup, string) {
		return list.Groups, list.NextPageToken
	})
}

// GetDirectoryGroup reads one group.
func (d *DirectoryClient) GetDirectoryGroup(ctx context.Context, organizationID, directoryID, groupID string, options ...DetailOptions) (*DirectoryGroup, error) {
	var envelope directoryGroupEnvelope
	req := request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + pathOf("/groups/", groupID), query: query{}.flag("include_detail", first(options).IncludeDetail).values()}
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Group, nil
}

// ListDirectoryGroupMembers reads one page of a group's direct members: users and nested groups.
func (d *DirectoryClient) ListDirectoryGroupMembers(ctx context.Context, organizationID, directoryID, groupID string, options ...PageOptions) (*ListDirectoryGroupMembersResponse, error) {
	req := request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + pathOf("/groups/", groupID, "/members"), query: query{}.page(first(options)).values()}
	return callAs[ListDirectoryGroupMembersResponse](ctx, d.c, req)
}

// IterateDirectoryGroupMembers walks every direct member of a group, page after page.
func (d *DirectoryClient) IterateDirectoryGroupMembers(organizationID, directoryID, groupID string, options ...PageOptions) *Iterator[DirectoryGroupMember] {
	o := first(options)
	return followPageTokens(o.PageToken, func(ctx context.Context, token string) (*ListDirectoryGroupMembersResponse, error) {
		return d.ListDirectoryGroupMembers(ctx, organizationID, directoryID, groupID, PageOptions{PageSize: o.PageSize, PageToken: token})
	}, func(list *ListDirectoryGroupMembersResponse) ([]DirectoryGroupMember, string) {
		return list.Members, list.NextPageToken
	})
}
