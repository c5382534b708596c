package roster

import (
	"encoding/json"
	"fmt"
	"time"
)

// Each event type's payload, typed (the OpenAPI document's event catalogue, its `webhooks`
// section): an event as webhooks deliver it and the Events API lists it, with Data decoded into
// the struct of its type. DecodeEvent turns an Event (or a verified webhook body) into one.

// TypedEvent is an Event whose Data is decoded into D.
type TypedEvent[D any] struct {
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
	Data   D      `json:"data"`
}

// The typed events, one per event type.
type (
	UserCreatedEvent            = TypedEvent[UserEventData]
	UserUpdatedEvent            = TypedEvent[UserUpdatedEventData]
	UserDeletedEvent            = TypedEvent[UserEventData]
	GroupCreatedEvent           = TypedEvent[GroupCreatedEventData]
	GroupUpdatedEvent           = TypedEvent[GroupUpdatedEventData]
	GroupDeletedEvent           = TypedEvent[GroupEventData]
	DirectoryCreatedEvent       = TypedEvent[DirectoryEventData]
	DirectoryDeletedEvent       = TypedEvent[DirectoryEventData]
	DirectoryEnabledEvent       = TypedEvent[DirectoryEventData]
	DirectoryDisabledEvent      = TypedEvent[DirectoryEventData]
	DirectorySecretCreatedEvent = TypedEvent[DirectorySecretEventData]
	DirectorySecretRevokedEvent = TypedEvent[DirectorySecretEventData]
)

// UserEventData is the user as user_created and user_deleted events carry it: as the management
// API shows it, with the stored SCIM resource.
type UserEventData struct {
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
	// Sample is true only on sample data ("Send sample data"; see RemoveSampleData).
	Sample     bool           `json:"sample,omitempty"`
	UserDetail map[string]any `json:"user_detail"`
}

// UserUpdatedEventData is UserEventData with the previous values of what changed (UserDetail
// holds only the changed SCIM attributes).
type UserUpdatedEventData struct {
	UserEventData
	// PreviousAttributes are the previous values of what changed, by field (nil for a field that did not exist).
	PreviousAttributes map[string]any `json:"previous_attributes,omitempty"`
}

// GroupEventData is the group as group_deleted events carry it.
type GroupEventData struct {
	ID          string    `json:"id"`
	DisplayName string    `json:"display_name"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Sample is true only on sample data ("Send sample data"; see RemoveSampleData).
	Sample      bool           `json:"sample,omitempty"`
	GroupDetail map[string]any `json:"group_detail"`
}

// GroupMembershipChange is the members a group gained and lost in one change.
type GroupMembershipChange struct {
	// MembersAdded are the ids of the members added (users or groups); nil when more than 1,000 changed.
	MembersAdded []string `json:"members_added,omitempty"`
	// MembersRemoved are the ids of the members removed; nil when more than 1,000 changed.
	MembersRemoved      []string `json:"members_removed,omitempty"`
	MembersAddedCount   int      `json:"members_added_count"`
	MembersRemovedCount int      `json:"members_removed_count"`
}

// GroupCreatedEventData is the new group with its first members.
type GroupCreatedEventData struct {
	GroupEventData
	GroupMembershipChange
}

// GroupUpdatedEventData is the group after the change, the members it gained and lost, and the
// previous values of what changed.
type GroupUpdatedEventData struct {
	GroupEventData
	GroupMembershipChange
	PreviousAttributes map[string]any `json:"previous_attributes,omitempty"`
}

// DirectoryEventData is the directory a directory event is about.
type DirectoryEventData struct {
	ID                string            `json:"id"`
	OrganizationID    string            `json:"organization_id"`
	DirectoryProvider DirectoryProvider `json:"directory_provider"`
	Enabled           bool              `json:"enabled"`
}

// DirectorySecretEventData is the SCIM bearer secret a secret event is about (never the secret itself).
type DirectorySecretEventData struct {
	ID string `json:"id"`
	// SecretSuffix is the last four characters of the secret.
	SecretSuffix string `json:"secret_suffix"`
}

// DecodeEvent decodes an event's Data into D, e.g. DecodeEvent[UserEventData](event) for a
// user_created event. It fails when the event's Data is not a D.
func DecodeEvent[D any](event Event) (*TypedEvent[D], error) {
	var data D
	if err := json.Unmarshal(event.Data, &data); err != nil {
		return nil, fmt.Errorf("roster: the data of event %s (%s) is not a %T: %w", event.ID, event.Type, data, err)
	}
	return &TypedEvent[D]{
		SpecVersion:    event.SpecVersion,
		ID:             event.ID,
		Type:           event.Type,
		OccurredAt:     event.OccurredAt,
		EnvironmentID:  event.EnvironmentID,
		OrganizationID: event.OrganizationID,
		DirectoryID:    event.DirectoryID,
		Object:         event.Object,
		Data:           data,
	}, nil
}
