package roster

import (
	"context"
	"net/http"
	"time"
)

// WebhookDisabledReason says why a webhook endpoint is disabled.
type WebhookDisabledReason string

const (
	// WebhookDisabledManually: someone set Enabled to false.
	WebhookDisabledManually WebhookDisabledReason = "manual"
	// WebhookDisabledFailing: Roster disabled it after it failed for too long and a delivery died.
	WebhookDisabledFailing WebhookDisabledReason = "failing"
)

// Webhook is an endpoint that receives events, signed per Standard Webhooks.
type Webhook struct {
	ID             string                 `json:"id"`
	URL            string                 `json:"url"`
	Description    string                 `json:"description"`
	Enabled        bool                   `json:"enabled"`
	DisabledReason *WebhookDisabledReason `json:"disabled_reason"`
	// EventTypes are the event types it receives; empty: all.
	EventTypes []string `json:"event_types"`
	// OrganizationID limits it to one organization's events; nil: all.
	OrganizationID *string `json:"organization_id"`
	// FailingSince is the first failed attempt since the last success.
	FailingSince    *time.Time `json:"failing_since"`
	LastSuccessTime *time.Time `json:"last_success_time"`
	LastFailureTime *time.Time `json:"last_failure_time"`
	CreateTime      time.Time  `json:"create_time"`
	UpdateTime      time.Time  `json:"update_time"`
}

// CreateWebhookResponse carries the new endpoint and its signing secret (whsec_...), shown only now.
type CreateWebhookResponse struct {
	Webhook Webhook `json:"webhook"`
	Secret  string  `json:"secret"`
}

// RotateWebhookSecretResponse carries the new signing secret, shown only now.
type RotateWebhookSecretResponse struct {
	Secret string `json:"secret"`
	// PreviousSecretsExpireTime: until then deliveries carry a signature for each secret.
	PreviousSecretsExpireTime time.Time `json:"previous_secrets_expire_time"`
}

// ReplayWebhookResponse says how many deliveries were made due again.
type ReplayWebhookResponse struct {
	Replayed int `json:"replayed"`
}

// DeliveryStatus is the state of one event's delivery to one endpoint.
type DeliveryStatus string

const (
	DeliveryPending   DeliveryStatus = "pending"
	DeliverySucceeded DeliveryStatus = "succeeded"
	// DeliveryDead: its retries (about three days) ran out.
	DeliveryDead DeliveryStatus = "dead"
)

// WebhookDelivery is one event's delivery to one endpoint.
type WebhookDelivery struct {
	WebhookID string         `json:"webhook_id"`
	EventID   string         `json:"event_id"`
	Status    DeliveryStatus `json:"status"`
	Attempts  int            `json:"attempts"`
	// NextAttemptTime: while pending, when it is tried next (or when an attempt in flight times out).
	NextAttemptTime *time.Time `json:"next_attempt_time"`
	LastAttemptTime *time.Time `json:"last_attempt_time"`
	LastStatusCode  *int       `json:"last_status_code"`
	LastError       *string    `json:"last_error"`
	CreateTime      time.Time  `json:"create_time"`
	CompleteTime    *time.Time `json:"complete_time"`
}

// WebhookDeliveryResponse is one delivery with every attempt, oldest first.
type WebhookDeliveryResponse struct {
	Delivery   WebhookDelivery   `json:"delivery"`
	AttemptLog []DeliveryAttempt `json:"attempt_log"`
}

// DeliveryAttempt is one attempt of a delivery.
type DeliveryAttempt struct {
	Attempt     int       `json:"attempt"`
	AttemptTime time.Time `json:"attempt_time"`
	// StatusCode is nil when no response came (refused, timed out, connection failed).
	StatusCode *int    `json:"status_code"`
	LatencyMs  int     `json:"latency_ms"`
	Error      *string `json:"error"`
	// ResponseExcerpt is the first 1,000 characters of the response body.
	ResponseExcerpt *string `json:"response_excerpt"`
}

// ListWebhookDeliveriesResponse is one page of an endpoint's deliveries, newest event first.
type ListWebhookDeliveriesResponse struct {
	Deliveries    []WebhookDelivery `json:"deliveries"`
	NextPageToken string            `json:"next_page_token"`
}

// CreateWebhookParams describe a new endpoint.
type CreateWebhookParams struct {
	// URL is where events are POSTed (https:// in production).
	URL         string
	Description string
	// Enabled defaults to true.
	Enabled *bool
	// EventTypes to receive (the Event* constants); all when empty.
	EventTypes []string
	// OrganizationID limits it to one organization's events; all when empty.
	OrganizationID string
}

// UpdateWebhookParams change an endpoint; fields left empty or nil keep their value.
type UpdateWebhookParams struct {
	URL         string
	Description *string
	// Enabled: enabling clears the failure record.
	Enabled *bool
	// EventTypes, when not nil, replaces the types received (an empty slice: all).
	EventTypes     []string
	OrganizationID *string
	// ClearOrganizationID makes it receive every organization's events (sends organization_id: null).
	ClearOrganizationID bool
}

// RotateWebhookSecretOptions: GracePeriod is how long the previous secrets keep signing (nil: 24
// hours; at most 7 days; whole seconds).
type RotateWebhookSecretOptions struct {
	GracePeriod *time.Duration
}

// ReplayWebhookParams say what to send again: one event (EventID) or every event since a time.
type ReplayWebhookParams struct {
	EventID string
	Since   time.Time
}

// ListWebhookDeliveriesOptions choose which deliveries and which page.
type ListWebhookDeliveriesOptions struct {
	Status DeliveryStatus
	// PageSize is 1 to 200 (0: the server's default, 50).
	PageSize  int
	PageToken string
}

type webhookEnvelope struct {
	Webhook Webhook `json:"webhook"`
}

type listWebhooksEnvelope struct {
	Webhooks []Webhook `json:"webhooks"`
}

// WebhooksClient is sc.Webhooks(): endpoints that receive events signed per Standard Webhooks
// (check them with VerifyWebhookPayload).
type WebhooksClient struct{ c *Client }

func webhookPath(webhookID string) string { return pathOf("/api/v1/webhooks/", webhookID) }

func (w *WebhooksClient) webhook(ctx context.Context, req request) (*Webhook, error) {
	var envelope webhookEnvelope
	if err := w.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Webhook, nil
}

// Create registers an endpoint; the answer carries its signing secret, shown only now.
func (w *WebhooksClient) Create(ctx context.Context, webhook CreateWebhookParams) (*CreateWebhookResponse, error) {
	body := map[string]any{"url": webhook.URL}
	if webhook.Description != "" {
		body["description"] = webhook.Description
	}
	if webhook.Enabled != nil {
		body["enabled"] = *webhook.Enabled
	}
	if webhook.EventTypes != nil {
		body["event_types"] = webhook.EventTypes
	}
	if webhook.OrganizationID != "" {
		body["organization_id"] = webhook.OrganizationID
	}
	return callAs[CreateWebhookResponse](ctx, w.c, request{method: http.MethodPost, path: "/api/v1/webhooks", body: body})
}

// List reads every endpoint.
func (w *WebhooksClient) List(ctx context.Context) ([]Webhook, error) {
	var envelope listWebhooksEnvelope
	if err := w.c.call(ctx, request{method: http.MethodGet, path: "/api/v1/webhooks"}, &envelope); err != nil {
		return nil, err
	}
	return envelope.Webhooks, nil
}

// Get reads one endpoint.
func (w *WebhooksClient) Get(ctx context.Context, webhookID string) (*Webhook, error) {
	return w.webhook(ctx, request{method: http.MethodGet, path: webhookPath(webhookID)})
}

// Update changes the fields set in update.
func (w *WebhooksClient) Update(ctx context.Context, webhookID string, update UpdateWebhookParams) (*Webhook, error) {
	body := map[string]any{}
	if update.URL != "" {
		body["url"] = update.URL
	}
	if update.Description != nil {
		body["description"] = *update.Description
	}
	if update.Enabled != nil {
		body["enabled"] = *update.Enabled
	}
	if update.EventTypes != nil {
		body["event_types"] = update.EventTypes
	}
	if update.OrganizationID != nil {
		body["organization_id"] = *update.OrganizationID
	} else if update.ClearOrganizationID {
		body["organization_id"] = nil
	}
	return w.webhook(ctx, request{method: http.MethodPatch, path: webhookPath(webhookID), body: body})
}

// Delete removes an endpoint.
func (w *WebhooksClient) Delete(ctx context.Context, webhookID string) error {
	return w.c.call(ctx, request{method: http.MethodDelete, path: webhookPath(webhookID)}, nil)
}

// RotateSecret makes a new signing secret; deliveries carry a signature for each secret until the
// grace period ends.
func (w *WebhooksClient) RotateSecret(ctx context.Context, webhookID string, options ...RotateWebhookSecretOptions) (*RotateWebhookSecretResponse, error) {
	body := map[string]any{}
	if grace := first(options).GracePeriod; grace != nil {
		body["grace_period_seconds"] = seconds(*grace)
	}
	return callAs[RotateWebhookSecretResponse](ctx, w.c, request{method: http.MethodPost, path: webhookPath(webhookID) + "/secrets:rotate", body: body})
}

// Replay sends one event, or every event since a time, again.
func (w *WebhooksClient) Replay(ctx context.Context, webhookID string, what ReplayWebhookParams) (*ReplayWebhookResponse, error) {
	body := map[string]any{}
	if what.EventID != "" {
		body["event_id"] = what.EventID
	}
	if !what.Since.IsZero() {
		body["since"] = timestamp(what.Since)
	}
	return callAs[ReplayWebhookResponse](ctx, w.c, request{method: http.MethodPost, path: webhookPath(webhookID) + ":replay", body: body})
}

// ListDeliveries reads one page of the endpoint's deliveries, newest event first.
func (w *WebhooksClient) ListDeliveries(ctx context.Context, webhookID string, options ...ListWebhookDeliveriesOptions) (*ListWebhookDeliveriesResponse, error) {
	o := first(options)
	q := query{}.text("status", string(o.Status)).number("page_size", o.PageSize).text("page_token", o.PageToken)
	return callAs[ListWebhookDeliveriesResponse](ctx, w.c, request{method: http.MethodGet, path: webhookPath(webhookID) + "/deliveries", query: q.values()})
}

// GetDelivery reads one delivery with its attempt log.
func (w *WebhooksClient) GetDelivery(ctx context.Context, webhookID, eventID string) (*WebhookDeliveryResponse, error) {
	return callAs[WebhookDeliveryResponse](ctx, w.c, request{method: http.MethodGet, path: webhookPath(webhookID) + pathOf("/deliveries/", eventID)})
}
