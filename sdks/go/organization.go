package roster

import (
	"context"
	"net/http"
	"time"
)

// Organization is a customer organization of the app (components.schemas.Organization).
type Organization struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	// ExternalID is the app's own id for this customer; nil when unset.
	ExternalID *string              `json:"external_id"`
	Settings   OrganizationSettings `json:"settings"`
	CreateTime time.Time            `json:"create_time"`
	UpdateTime time.Time            `json:"update_time"`
}

// OrganizationSettings are an organization's features:
// roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}}.
type OrganizationSettings struct {
	Features []Feature `json:"features"`
}

// Feature is one feature of an organization: "scim" (or its other name "dir_sync") turns SCIM
// provisioning on.
type Feature struct {
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

// ListOrganizationsResponse is one page of organizations.
type ListOrganizationsResponse struct {
	Organizations []Organization `json:"organizations"`
	// NextPageToken is the PageToken of the next page; "" on the last page.
	NextPageToken string `json:"next_page_token"`
	// PrevPageToken is the PageToken of the previous page; "" on the first page.
	PrevPageToken string `json:"prev_page_token"`
	// TotalSize is how many organizations there are in all.
	TotalSize int `json:"total_size"`
}

// PageOptions choose a page of a list.
type PageOptions struct {
	// PageSize is the number of items per page, 1 to 100 (0: the server's default, 50).
	PageSize int
	// PageToken is the NextPageToken or PrevPageToken of a page of the same list ("" for the first page).
	PageToken string
}

// CreateOrganizationOptions are the optional fields of a new organization.
type CreateOrganizationOptions struct {
	// ExternalID is the app's own id for this customer; unique.
	ExternalID string
}

// UpdateOrganizationParams change an organization; fields left nil keep their value.
type UpdateOrganizationParams struct {
	DisplayName *string
	ExternalID  *string
	// ClearExternalID removes the external id (sends external_id: null).
	ClearExternalID bool
}

type organizationEnvelope struct {
	Organization Organization `json:"organization"`
}

// OrganizationClient is sc.Organization(): method names and arguments as in Scalekit's Go SDK.
type OrganizationClient struct{ c *Client }

func organizationPath(organizationID string) string {
	return pathOf("/api/v1/organizations/", organizationID)
}

func (o *OrganizationClient) organization(ctx context.Context, req request) (*Organization, error) {
	var envelope organizationEnvelope
	if err := o.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Organization, nil
}

// CreateOrganization makes an organization named name.
func (o *OrganizationClient) CreateOrganization(ctx context.Context, name string, options ...CreateOrganizationOptions) (*Organization, error) {
	body := map[string]any{"display_name": name}
	if externalID := first(options).ExternalID; externalID != "" {
		body["external_id"] = externalID
	}
	return o.organization(ctx, request{method: http.MethodPost, path: "/api/v1/organizations", body: body})
}

// GetOrganization reads one organization.
func (o *OrganizationClient) GetOrganization(ctx context.Context, organizationID string) (*Organization, error) {
	return o.organization(ctx, request{method: http.MethodGet, path: organizationPath(organizationID)})
}

// GetOrganizationByExternalID reads the organization with the app's own id externalID.
func (o *OrganizationClient) GetOrganizationByExternalID(ctx context.Context, externalID string) (*Organization, error) {
	return o.organization(ctx, request{method: http.MethodGet, path: pathOf("/api/v1/organizations:external/", externalID)})
}

// UpdateOrganization changes the fields set in update.
func (o *OrganizationClient) UpdateOrganization(ctx context.Context, organizationID string, update UpdateOrganizationParams) (*Organization, error) {
	body := map[string]any{}
	if update.DisplayName != nil {
		body["display_name"] = *update.DisplayName
	}
	if update.ExternalID != nil {
		body["external_id"] = *update.ExternalID
	} else if update.ClearExternalID {
		body["external_id"] = nil
	}
	return o.organization(ctx, request{method: http.MethodPatch, path: organizationPath(organizationID), body: body})
}

// DeleteOrganization deletes the organization with its directories, their users and groups, and
// its portal links.
func (o *OrganizationClient) DeleteOrganization(ctx context.Context, organizationID string) error {
	return o.c.call(ctx, request{method: http.MethodDelete, path: organizationPath(organizationID)}, nil)
}

// ListOrganizations reads one page of organizations.
func (o *OrganizationClient) ListOrganizations(ctx context.Context, options ...PageOptions) (*ListOrganizationsResponse, error) {
	req := request{method: http.MethodGet, path: "/api/v1/organizations", query: query{}.page(first(options)).values()}
	return callAs[ListOrganizationsResponse](ctx, o.c, req)
}

// ListOrganization is Scalekit's spelling of ListOrganizations.
func (o *OrganizationClient) ListOrganization(ctx context.Context, options ...PageOptions) (*ListOrganizationsResponse, error) {
	return o.ListOrganizations(ctx, options...)
}

// IterateOrganizations walks every organization, page after page (PageToken sets where to start).
func (o *OrganizationClient) IterateOrganizations(options ...PageOptions) *Iterator[Organization] {
	start := first(options)
	return followPageTokens(start.PageToken, func(ctx context.Context, token string) (*ListOrganizationsResponse, error) {
		return o.ListOrganizations(ctx, PageOptions{PageSize: start.PageSize, PageToken: token})
	}, func(list *ListOrganizationsResponse) ([]Organization, string) {
		return list.Organizations, list.NextPageToken
	})
}

// UpdateOrganizationSettings sets the features named; others keep their state. Turning "scim" off
// makes the organization's directories answer 403 to the IdP.
func (o *OrganizationClient) UpdateOrganizationSettings(ctx context.Context, organizationID string, settings OrganizationSettings) (*Organization, error) {
	features := settings.Features
	if features == nil {
		features = []Feature{}
	}
	return o.organization(ctx, request{method: http.MethodPatch, path: organizationPath(organizationID) + "/settings", body: map[string]any{"features": features}})
}
