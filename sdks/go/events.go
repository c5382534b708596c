package roster

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// The event types Roster emits (Event.Type, ListEventsOptions.Types, webhook EventTypes).
const (
	EventUserCreated       = "organization.directory.user_created"
	EventUserUpdated       = "organization.directory.user_updated"
	EventUserDeleted       = "organization.directory.user_deleted"
	EventGroupCreated      = "organization.directory.group_created"
	EventGroupUpdated      = "organization.directory.group_updated"
	EventGroupDeleted      = "organization.directory.group_deleted"
	EventDirectoryCreated  = "organization.directory.created"
	EventDirectoryDeleted  = "organization.directory.deleted"
	EventDirectoryEnabled  = "organization.directory_enabled"
	EventDirectoryDisabled = "organization.directory_disabled"
	EventSecretCreated     = "organization.directory.secret_created"
	EventSecretRevoked     = "organization.directory.secret_revoked"
)

// Event is one change, as webhooks deliver it and the Events API lists it.
type Event struct {
	SpecVersion string `json:"spec_version"`
	// ID (evt_...) is also the webhook-id header of its deliveries: receivers dedupe on it.
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	OccurredAt     time.Time `json:"occurred_at"`
	EnvironmentID  string    `json:"environment_id"`
	OrganizationID *string   `json:"organization_id"`
	DirectoryID    *string   `json:"directory_id"`
	// Object names what Data is: DirectoryUser, DirectoryGroup, Directory or DirectorySecret.
	Object string `json:"object"`
	// Data is the object as the management API shows it; updates add previous_attributes, group
	// events members_added / members_removed. Decode it with DecodeData.
	Data json.RawMessage `json:"data"`
}

// DecodeData decodes Data into target, e.g. a *DirectoryUser for user events.
func (e Event) DecodeData(target any) error { return json.Unmarshal(e.Data, target) }

// ListEventsResponse is one page of the Events API.
type ListEventsResponse struct {
	Events []Event `json:"events"`
	// NextCursor is the After of the next read; always set, also on an empty page (poll with it).
	NextCursor string `json:"next_cursor"`
	// HasMore: more events can be read right away.
	HasMore bool `json:"has_more"`
}

// ListEventsOptions choose which events and from where.
type ListEventsOptions struct {
	// After is the NextCursor of the previous page; "" starts at the oldest event kept.
	After string
	// Limit is the number of events per page, 1 to 1000 (0: the server's default, 100).
	Limit int
	// Types keeps only these event types (the Event* constants).
	Types []string
	// OrganizationID keeps only this organization's events.
	OrganizationID string
	// DirectoryID keeps only this directory's events.
	DirectoryID string
}

type eventEnvelope struct {
	Event Event `json:"event"`
}

// EventsClient is sc.Events(): the event log in commit order, for apps that poll instead of (or
// besides) taking webhooks.
type EventsClient struct{ c *Client }

// List reads one page. Keep NextCursor and pass it as After next time, also after an empty page:
// no event is ever skipped. A cursor older than the retention period is an *Error of KindGone
// (code cursor_expired).
func (e *EventsClient) List(ctx context.Context, options ...ListEventsOptions) (*ListEventsResponse, error) {
	o := first(options)
	q := query{}.text("after", o.After).number("limit", o.Limit).text("types", strings.Join(o.Types, ",")).text("organization_id", o.OrganizationID).text("directory_id", o.DirectoryID)
	return callAs[ListEventsResponse](ctx, e.c, request{method: http.MethodGet, path: "/api/v1/events", query: q.values()})
}

// Get reads one event.
func (e *EventsClient) Get(ctx context.Context, eventID string) (*Event, error) {
	var envelope eventEnvelope
	if err := e.c.call(ctx, request{method: http.MethodGet, path: pathOf("/api/v1/events/", eventID)}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Event, nil
}

// Iterate walks every event from After to the newest, page after page. A filtered page may be
// empty while more follow (HasMore), so the walk goes on until the server says there is no more.
// To resume later from where it stopped, use CatchUp.
func (e *EventsClient) Iterate(options ...ListEventsOptions) *Iterator[Event] {
	o := first(options)
	return newIterator(o.After, func(ctx context.Context, cursor string) (page[Event], error) {
		o.After = cursor
		list, err := e.List(ctx, o)
		if err != nil {
			return page[Event]{}, err
		}
		return page[Event]{items: list.Events, next: list.NextCursor, more: list.HasMore}, nil
	})
}
