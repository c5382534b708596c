package roster_test

import (
	"errors"
	"testing"

	roster "github.com/roster-dev/roster/sdks/go"
)

func asError(err error) *roster.Error {
	var apiErr *roster.Error
	if errors.As(err, &apiErr) {
		return apiErr
	}
	return nil
}

// The calls of Scalekit's SCIM guide, verbatim but for the client's name (sc), against a live Roster.
func TestTheGuidesCallsRunAsWritten(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := roster.NewClient(env.url, env.clientID, env.clientSecret)
	created, err := sc.Organization().CreateOrganization(ctx, "Guide Inc")
	must(t, err)
	organizationId := created.ID

	settings := roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}}
	organization, err := sc.Organization().UpdateOrganizationSettings(ctx, organizationId, settings)
	directories, err := sc.Directory().ListDirectories(ctx, organizationId)

	if err != nil {
		t.Fatal(err)
	}
	if organization == nil || organization.ID != organizationId || len(organization.Settings.Features) == 0 {
		t.Fatalf("UpdateOrganizationSettings answered %+v", organization)
	}
	scimOn := false
	for _, feature := range organization.Settings.Features {
		scimOn = scimOn || (feature.Name == "scim" && feature.Enabled)
	}
	if !scimOn {
		t.Fatalf("scim is not on: %+v", organization.Settings)
	}
	if len(directories.Directories) != 0 || directories.TotalSize != 0 {
		t.Fatalf("a new organization has directories: %+v", directories)
	}

	// With a directory, the listing carries every field of the guide's directory object.
	directory, err := sc.Directory().CreateDirectory(ctx, organizationId, roster.CreateDirectoryParams{DirectoryProvider: roster.ProviderAzureAD})
	must(t, err)
	directories, err = sc.Directory().ListDirectories(ctx, organizationId)
	must(t, err)
	if len(directories.Directories) != 1 {
		t.Fatalf("%d directories", len(directories.Directories))
	}
	got := directories.Directories[0]
	if got.ID != directory.ID || got.OrganizationID != organizationId || got.DirectoryType != roster.DirectoryTypeSCIM ||
		got.DirectoryProvider != roster.ProviderAzureAD || !got.Enabled || got.Status != roster.DirectoryNotConfigured ||
		got.Name == "" || got.DirectoryEndpoint == "" || got.GroupsTracked != roster.GroupsTrackedAll || got.LastSyncedAt != nil ||
		got.Secrets == nil || got.RoleAssignments.Assignments == nil || got.AttributeMappings.Attributes == nil ||
		got.TotalUsers != 0 || got.TotalGroups != 0 || got.Stats.TotalUsers != 0 || got.Email != nil {
		t.Fatalf("the directory object: %+v", got)
	}
}
