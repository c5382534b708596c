package roster

import (
	"context"
	"net/http"
	"time"
)

// PortalLink opens the admin portal for one organization's IT admin. Location holds a secret
// token and is shown only when the link is made.
type PortalLink struct {
	ID         string    `json:"id"`
	Location   string    `json:"location"`
	ExpireTime time.Time `json:"expire_time"`
}

// PortalLinkSummary is a portal link that still works (its location is not kept).
type PortalLinkSummary struct {
	ID         string    `json:"id"`
	CreateTime time.Time `json:"create_time"`
	ExpireTime time.Time `json:"expire_time"`
}

// ListPortalLinksResponse is one page of an organization's working portal links.
type ListPortalLinksResponse struct {
	Links         []PortalLinkSummary `json:"links"`
	NextPageToken string              `json:"next_page_token"`
	PrevPageToken string              `json:"prev_page_token"`
	TotalSize     int                 `json:"total_size"`
}

// PortalLinkOptions: ExpireTime is when the link stops working, within 7 days (zero: in 24 hours).
type PortalLinkOptions struct {
	ExpireTime time.Time
}

type portalLinkEnvelope struct {
	Link PortalLink `json:"link"`
}

// GeneratePortalLink makes a link that opens the admin portal for the organization.
func (o *OrganizationClient) GeneratePortalLink(ctx context.Context, organizationID string, options ...PortalLinkOptions) (*PortalLink, error) {
	body := map[string]any{}
	if expire := first(options).ExpireTime; !expire.IsZero() {
		body["expire_time"] = timestamp(expire)
	}
	var envelope portalLinkEnvelope
	if err := o.c.call(ctx, request{method: http.MethodPut, path: organizationPath(organizationID) + "/portal_links", body: body}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Link, nil
}

// ListPortalLinks reads the organization's portal links that still work (without their locations).
func (o *OrganizationClient) ListPortalLinks(ctx context.Context, organizationID string, options ...PageOptions) (*ListPortalLinksResponse, error) {
	req := request{method: http.MethodGet, path: organizationPath(organizationID) + "/portal_links", query: query{}.page(first(options)).values()}
	return callAs[ListPortalLinksResponse](ctx, o.c, req)
}

// RevokePortalLink makes the link stop working at once.
func (o *OrganizationClient) RevokePortalLink(ctx context.Context, organizationID, linkID string) error {
	return o.c.call(ctx, request{method: http.MethodDelete, path: pathOf("/api/v1/organizations/", organizationID, "/portal_links/", linkID)}, nil)
}
