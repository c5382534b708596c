package roster

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Version of this SDK, sent in the User-Agent header.
const Version = "0.1.0"

// Client is a client of one Roster environment's management API. It is safe for concurrent use;
// make one and share it.
type Client struct {
	baseURL   string
	settings  settings
	clientID  string
	secret    string
	configErr error
	tokens    *tokenCache

	organization *OrganizationClient
	directory    *DirectoryClient
	role         *RoleClient
	events       *EventsClient
	webhooks     *WebhooksClient
	apiClients   *APIClientsClient
}

// NewClient makes a client of the Roster at envURL (e.g. "https://roster.example.com") that
// authenticates as the API client clientID/clientSecret. A missing argument or a URL that is not
// http(s) makes every call return an error saying so.
func NewClient(envURL, clientID, clientSecret string, options ...Option) *Client {
	c := &Client{settings: defaultSettings(), clientID: clientID, secret: clientSecret}
	for _, option := range options {
		option(&c.settings)
	}
	c.baseURL, c.configErr = parseBaseURL(envURL)
	if c.configErr == nil && (clientID == "" || clientSecret == "") {
		c.configErr = errors.New("roster.NewClient(envURL, clientID, clientSecret) needs all three")
	}
	c.tokens = &tokenCache{issue: c.issueToken, now: c.settings.now}
	c.organization = &OrganizationClient{c}
	c.directory = &DirectoryClient{c}
	c.role = &RoleClient{c}
	c.events = &EventsClient{c}
	c.webhooks = &WebhooksClient{c}
	c.apiClients = &APIClientsClient{c}
	return c
}

func parseBaseURL(envURL string) (string, error) {
	parsed, err := url.Parse(strings.TrimSpace(envURL))
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return "", fmt.Errorf("roster.NewClient: envURL %q is not an http(s) URL", envURL)
	}
	parsed.RawQuery, parsed.Fragment = "", ""
	return strings.TrimRight(parsed.String(), "/"), nil
}

// Organization: the app's customer organizations, their settings and portal links.
func (c *Client) Organization() *OrganizationClient { return c.organization }

// Directory: organizations' SCIM directories and what their IdPs provisioned.
func (c *Client) Directory() *DirectoryClient { return c.directory }

// Role: the environment's roles and their permissions.
func (c *Client) Role() *RoleClient { return c.role }

// Events: the event log in commit order (the Events API).
func (c *Client) Events() *EventsClient { return c.events }

// Webhooks: endpoints that receive events signed per Standard Webhooks.
func (c *Client) Webhooks() *WebhooksClient { return c.webhooks }

// APIClients: the credentials backends use to call Roster.
func (c *Client) APIClients() *APIClientsClient { return c.apiClients }

// VerifyWebhookPayload is the package's VerifyWebhookPayload as a method, as Scalekit's client has it.
func (c *Client) VerifyWebhookPayload(secret string, headers http.Header, payload []byte, options ...VerifyOptions) error {
	return VerifyWebhookPayload(secret, headers, payload, options...)
}
