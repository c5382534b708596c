package roster

import (
	"context"
	"net/http"
)

// RoleAssignments say which of a directory's groups grant which roles.
type RoleAssignments struct {
	Assignments []RoleAssignment `json:"assignments"`
}

// RoleAssignment maps one group to one role.
type RoleAssignment struct {
	GroupID  string `json:"group_id"`
	RoleName string `json:"role_name"`
}

// AttributeMappings map SCIM attributes to fields of a directory's users.
type AttributeMappings struct {
	Attributes []AttributeMapping `json:"attributes"`
}

// AttributeMapping maps one SCIM attribute path (Key: `title`, `emails[type eq "work"].value`,
// `urn:...:enterprise:2.0:User:department`) to a user field (MapTo: `custom_attributes.<name>`,
// or one of email, preferred_username, given_name, family_name, name).
type AttributeMapping struct {
	Key   string `json:"key"`
	MapTo string `json:"map_to"`
}

// DirectoryEventSettings change which events a directory emits.
type DirectoryEventSettings struct {
	// DeactivationAsDeletion: a deactivated user (active: false) is reported as user_deleted, its
	// reactivation as user_created, and nothing in between.
	DeactivationAsDeletion bool `json:"deactivation_as_deletion"`
}

type assignRolesEnvelope struct {
	RoleAssignments RoleAssignments `json:"role_assignments"`
}

type attributeMappingsEnvelope struct {
	AttributeMappings AttributeMappings `json:"attribute_mappings"`
}

type eventSettingsEnvelope struct {
	EventSettings DirectoryEventSettings `json:"event_settings"`
}

// AssignDirectoryGroupRoles maps the directory's groups to roles, replacing the mapping there
// was. A user holds the roles of every group it is in, nested groups included; users in no mapped
// group hold the default role.
func (d *DirectoryClient) AssignDirectoryGroupRoles(ctx context.Context, organizationID, directoryID string, assignments []RoleAssignment) (*RoleAssignments, error) {
	if assignments == nil {
		assignments = []RoleAssignment{}
	}
	var envelope assignRolesEnvelope
	req := request{method: http.MethodPut, path: directoryPath(organizationID, directoryID) + "/groups/-/roles:assign", body: RoleAssignments{Assignments: assignments}}
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.RoleAssignments, nil
}

// UpdateDirectoryAttributeMappings maps SCIM attributes to fields of the directory's users,
// replacing the mapping there was. Mappings apply when users are read, so they apply to users
// already stored.
func (d *DirectoryClient) UpdateDirectoryAttributeMappings(ctx context.Context, organizationID, directoryID string, attributes []AttributeMapping) (*AttributeMappings, error) {
	if attributes == nil {
		attributes = []AttributeMapping{}
	}
	var envelope attributeMappingsEnvelope
	req := request{method: http.MethodPut, path: directoryPath(organizationID, directoryID) + "/attributes", body: AttributeMappings{Attributes: attributes}}
	if err := d.c.call(ctx, req, &envelope); err != nil {
		return nil, err
	}
	return &envelope.AttributeMappings, nil
}

// GetDirectoryEventSettings reads the directory's event settings.
func (d *DirectoryClient) GetDirectoryEventSettings(ctx context.Context, organizationID, directoryID string) (*DirectoryEventSettings, error) {
	var envelope eventSettingsEnvelope
	if err := d.c.call(ctx, request{method: http.MethodGet, path: directoryPath(organizationID, directoryID) + "/event_settings"}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.EventSettings, nil
}

// UpdateDirectoryEventSettings sets the directory's event settings.
func (d *DirectoryClient) UpdateDirectoryEventSettings(ctx context.Context, organizationID, directoryID string, settings DirectoryEventSettings) (*DirectoryEventSettings, error) {
	var envelope eventSettingsEnvelope
	if err := d.c.call(ctx, request{method: http.MethodPatch, path: directoryPath(organizationID, directoryID) + "/event_settings", body: settings}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.EventSettings, nil
}
