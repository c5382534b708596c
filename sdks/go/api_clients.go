package roster

import (
	"context"
	"net/http"
	"time"
)

// APIClient is a credential of an app's backend for the management API.
type APIClient struct {
	// ID is the client_id for POST /oauth/token.
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreateTime time.Time  `json:"create_time"`
	RevokeTime *time.Time `json:"revoke_time"`
}

// CreateAPIClientResponse carries the new client and its secret, shown this once.
type CreateAPIClientResponse struct {
	Client APIClient `json:"client"`
	// PlainSecret is the client_secret.
	PlainSecret string `json:"plain_secret"`
}

// ListAPIClientsResponse is one page of API clients.
type ListAPIClientsResponse struct {
	Clients       []APIClient `json:"clients"`
	NextPageToken string      `json:"next_page_token"`
	PrevPageToken string      `json:"prev_page_token"`
	TotalSize     int         `json:"total_size"`
}

type apiClientEnvelope struct {
	Client APIClient `json:"client"`
}

// APIClientsClient is sc.APIClients(): the credentials backends use to call Roster.
type APIClientsClient struct{ c *Client }

func apiClientPath(clientID string) string { return pathOf("/api/v1/clients/", clientID) }

func (a *APIClientsClient) apiClient(ctx context.Context, req request) (*APIClient, error) {
	var envelope apiClientEnvelope
	if err := a.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Client, nil
}

// Create makes an API client named for what it is for.
func (a *APIClientsClient) Create(ctx context.Context, name string) (*CreateAPIClientResponse, error) {
	return callAs[CreateAPIClientResponse](ctx, a.c, request{method: http.MethodPost, path: "/api/v1/clients", body: map[string]any{"name": name}})
}

// List reads one page of API clients.
func (a *APIClientsClient) List(ctx context.Context, options ...PageOptions) (*ListAPIClientsResponse, error) {
	return callAs[ListAPIClientsResponse](ctx, a.c, request{method: http.MethodGet, path: "/api/v1/clients", query: query{}.page(first(options)).values()})
}

// Iterate walks every API client, page after page.
func (a *APIClientsClient) Iterate(options ...PageOptions) *Iterator[APIClient] {
	start := first(options)
	return followPageTokens(start.PageToken, func(ctx context.Context, token string) (*ListAPIClientsResponse, error) {
		return a.List(ctx, PageOptions{PageSize: start.PageSize, PageToken: token})
	}, func(list *ListAPIClientsResponse) ([]APIClient, string) { return list.Clients, list.NextPageToken })
}

// Get reads one API client.
func (a *APIClientsClient) Get(ctx context.Context, clientID string) (*APIClient, error) {
	return a.apiClient(ctx, request{method: http.MethodGet, path: apiClientPath(clientID)})
}

// Revoke stops the client's secret and access tokens at once; the last active client cannot be
// revoked (KindConflict).
func (a *APIClientsClient) Revoke(ctx context.Context, clientID string) (*APIClient, error) {
	return a.apiClient(ctx, request{method: http.MethodPost, path: apiClientPath(clientID) + ":revoke"})
}
