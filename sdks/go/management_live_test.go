package roster_test

import (
	"errors"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

func TestOrganizationsAndPortalLinks(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	externalID := unique("acme")
	organization, err := sc.Organization().CreateOrganization(ctx, "Acme", roster.CreateOrganizationOptions{ExternalID: externalID})
	must(t, err)
	if organization.ExternalID == nil || *organization.ExternalID != externalID || organization.CreateTime.IsZero() {
		t.Fatalf("created %+v", organization)
	}
	_, err = sc.Organization().CreateOrganization(ctx, "Acme again", roster.CreateOrganizationOptions{ExternalID: externalID})
	if apiErr := asError(err); apiErr == nil || apiErr.Kind != roster.KindConflict || !errors.Is(err, roster.ErrConflict) {
		t.Fatalf("a taken external id: %v", err)
	}
	byExternal, err := sc.Organization().GetOrganizationByExternalID(ctx, externalID)
	must(t, err)
	renamed, err := sc.Organization().UpdateOrganization(ctx, organization.ID, roster.UpdateOrganizationParams{DisplayName: roster.String("Acme Inc")})
	must(t, err)
	if byExternal.ID != organization.ID || renamed.DisplayName != "Acme Inc" || renamed.ExternalID == nil {
		t.Fatalf("renamed %+v", renamed)
	}
	cleared, err := sc.Organization().UpdateOrganization(ctx, organization.ID, roster.UpdateOrganizationParams{ClearExternalID: true})
	must(t, err)
	if cleared.ExternalID != nil || cleared.DisplayName != "Acme Inc" {
		t.Fatalf("cleared %+v", cleared)
	}

	found := false
	it := sc.Organization().IterateOrganizations(roster.PageOptions{PageSize: 1})
	for it.Next(ctx) {
		found = found || it.Value().ID == organization.ID
	}
	must(t, it.Err())
	if !found || it.Pages() < 2 {
		t.Fatalf("found %v in %d pages", found, it.Pages())
	}
	alias, err := sc.Organization().ListOrganization(ctx, roster.PageOptions{PageSize: 1})
	must(t, err)
	if len(alias.Organizations) != 1 || alias.NextPageToken == "" {
		t.Fatalf("ListOrganization %+v", alias)
	}
	_, err = sc.Organization().ListOrganizations(ctx, roster.PageOptions{PageSize: 1000})
	if apiErr := asError(err); apiErr == nil || apiErr.Kind != roster.KindBadRequest || apiErr.Parameter() != "page_size" {
		t.Fatalf("page_size 1000: %v", err)
	}

	expires := time.Now().Add(2 * time.Hour).Truncate(time.Second)
	link, err := sc.Organization().GeneratePortalLink(ctx, organization.ID, roster.PortalLinkOptions{ExpireTime: expires})
	must(t, err)
	if link.Location == "" || !link.ExpireTime.Equal(expires) {
		t.Fatalf("link %+v, want expiry %v", link, expires)
	}
	links, err := sc.Organization().ListPortalLinks(ctx, organization.ID)
	must(t, err)
	if links.TotalSize != 1 || links.Links[0].ID != link.ID {
		t.Fatalf("links %+v", links)
	}
	must(t, sc.Organization().RevokePortalLink(ctx, organization.ID, link.ID))
	if links, err = sc.Organization().ListPortalLinks(ctx, organization.ID); err != nil || links.TotalSize != 0 {
		t.Fatalf("after revoking: %+v %v", links, err)
	}

	// A directory needs the scim feature.
	_, err = sc.Directory().CreateDirectory(ctx, organization.ID, roster.CreateDirectoryParams{DirectoryProvider: roster.ProviderOkta})
	if !errors.Is(err, roster.ErrPermissionDenied) {
		t.Fatalf("a directory without scim: %v", err)
	}
	if _, err := sc.Directory().GetPrimaryDirectoryByOrganizationID(ctx, organization.ID); kindOf(err) != roster.KindNotFound {
		t.Fatalf("primary directory of an organization without one: %v", err)
	}
	must(t, sc.Organization().DeleteOrganization(ctx, organization.ID))
	if _, err := sc.Organization().GetOrganization(ctx, organization.ID); !errors.Is(err, roster.ErrNotFound) {
		t.Fatalf("deleted organization: %v", err)
	}
}

func TestDirectoriesSecretsRolesAndMappings(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	p := provision(t, ctx, sc, "Mapped")
	userID := p.scim.createUser(t, ctx, "mapped@example.com")
	groupID := p.scim.createGroup(t, ctx, "Engineering", userID)

	primary, err := sc.Directory().GetPrimaryDirectoryByOrganizationID(ctx, p.organizationID)
	must(t, err)
	if primary.ID != p.directoryID || primary.Status != roster.DirectoryActive || primary.TotalUsers != 1 || primary.TotalGroups != 1 || len(primary.Secrets) != 1 {
		t.Fatalf("primary %+v", primary)
	}
	updated, err := sc.Directory().UpdateDirectory(ctx, p.organizationID, p.directoryID, roster.UpdateDirectoryParams{Name: "Okta (production)"})
	must(t, err)
	if updated.Name != "Okta (production)" || updated.DirectoryProvider != roster.ProviderOkta {
		t.Fatalf("updated %+v", updated)
	}

	disabled, err := sc.Directory().DisableDirectory(ctx, p.organizationID, p.directoryID)
	must(t, err)
	if disabled.Enabled {
		t.Fatal("still enabled")
	}
	if status, _ := p.scim.do(t, ctx, "GET", "/Users", nil); status != 403 {
		t.Fatalf("a disabled directory answered the IdP %d", status)
	}
	enabled, err := sc.Directory().EnableDirectory(ctx, p.organizationID, p.directoryID)
	must(t, err)
	if !enabled.Enabled {
		t.Fatal("not enabled")
	}

	regenerated, err := sc.Directory().RegenerateDirectorySecret(ctx, p.organizationID, p.directoryID, roster.RegenerateDirectorySecretOptions{GracePeriod: roster.Duration(0)})
	must(t, err)
	if regenerated.PlainSecret == "" || len(regenerated.ExpiringSecrets) != 1 {
		t.Fatalf("regenerated %+v", regenerated)
	}
	fresh := scimConnection{p.scim.endpoint, regenerated.PlainSecret}
	if status, _ := fresh.do(t, ctx, "GET", "/Users", nil); status != 200 {
		t.Fatalf("the new secret: %d", status)
	}
	revoked, err := sc.Directory().RevokeDirectorySecret(ctx, p.organizationID, p.directoryID, regenerated.Secret.ID)
	must(t, err)
	if revoked.Status != roster.SecretRevoked {
		t.Fatalf("revoked %+v", revoked)
	}
	if status, _ := fresh.do(t, ctx, "GET", "/Users", nil); status != 401 {
		t.Fatalf("a revoked secret: %d", status)
	}
	extra, err := sc.Directory().CreateDirectorySecret(ctx, p.organizationID, p.directoryID, roster.CreateDirectorySecretOptions{ExpireTime: time.Now().Add(time.Hour)})
	must(t, err)
	if extra.Secret.ExpireTime == nil {
		t.Fatal("the expiry was not kept")
	}
	p.scim = scimConnection{p.scim.endpoint, extra.PlainSecret}

	roleName := unique("admin")
	role, err := sc.Role().CreateRole(ctx, roster.CreateRoleParams{Name: roleName, Description: "Everything", Permissions: []string{"users:read", "users:write"}})
	must(t, err)
	if role.DisplayName != roleName || role.Description == nil || len(role.Permissions) != 2 {
		t.Fatalf("role %+v", role)
	}
	role, err = sc.Role().UpdateRole(ctx, roleName, roster.UpdateRoleParams{DisplayName: roster.String("Administrator"), ClearDescription: true, Permissions: []string{"users:read"}})
	must(t, err)
	if role.DisplayName != "Administrator" || role.Description != nil || len(role.Permissions) != 1 {
		t.Fatalf("updated role %+v", role)
	}
	got, err := sc.Role().GetRole(ctx, roleName)
	must(t, err)
	if got.ID != role.ID {
		t.Fatalf("got %+v", got)
	}
	inList := false
	roles := sc.Role().IterateRoles(roster.PageOptions{PageSize: 1})
	for roles.Next(ctx) {
		inList = inList || roles.Value().Name == roleName
	}
	must(t, roles.Err())
	if !inList {
		t.Fatal("the role is not listed")
	}

	assignments, err := sc.Directory().AssignDirectoryGroupRoles(ctx, p.organizationID, p.directoryID, []roster.RoleAssignment{{GroupID: groupID, RoleName: roleName}})
	must(t, err)
	if len(assignments.Assignments) != 1 {
		t.Fatalf("assignments %+v", assignments)
	}
	mappings, err := sc.Directory().UpdateDirectoryAttributeMappings(ctx, p.organizationID, p.directoryID, []roster.AttributeMapping{{Key: "title", MapTo: "custom_attributes.job_title"}})
	must(t, err)
	if len(mappings.Attributes) != 1 {
		t.Fatalf("mappings %+v", mappings)
	}
	user, err := sc.Directory().GetDirectoryUser(ctx, p.organizationID, p.directoryID, userID)
	must(t, err)
	if len(user.Roles) != 1 || user.Roles[0].RoleName != roleName || len(user.Permissions) != 1 || user.Permissions[0] != "users:read" || user.CustomAttributes["job_title"] != "Engineer" {
		t.Fatalf("user roles %v, permissions %v, attributes %v", user.Roles, user.Permissions, user.CustomAttributes)
	}
	directory, err := sc.Directory().GetDirectory(ctx, p.organizationID, p.directoryID)
	must(t, err)
	if len(directory.RoleAssignments.Assignments) != 1 || directory.AttributeMappings.Attributes[0].MapTo != "custom_attributes.job_title" {
		t.Fatalf("directory mappings %+v %+v", directory.RoleAssignments, directory.AttributeMappings)
	}
	_, err = sc.Directory().UpdateDirectoryAttributeMappings(ctx, p.organizationID, p.directoryID, []roster.AttributeMapping{{Key: "", MapTo: "custom_attributes.x"}})
	if apiErr := asError(err); apiErr == nil || apiErr.Kind != roster.KindBadRequest || apiErr.Parameter() == "" {
		t.Fatalf("an empty key: %v", err)
	}
	if err := sc.Role().DeleteRole(ctx, roleName); kindOf(err) != roster.KindConflict {
		t.Fatalf("deleting an assigned role: %v", err)
	}
	_, err = sc.Directory().AssignDirectoryGroupRoles(ctx, p.organizationID, p.directoryID, nil)
	must(t, err)
	must(t, sc.Role().DeleteRole(ctx, roleName))

	settings, err := sc.Directory().UpdateDirectoryEventSettings(ctx, p.organizationID, p.directoryID, roster.DirectoryEventSettings{DeactivationAsDeletion: true})
	must(t, err)
	read, err := sc.Directory().GetDirectoryEventSettings(ctx, p.organizationID, p.directoryID)
	must(t, err)
	if !settings.DeactivationAsDeletion || !read.DeactivationAsDeletion {
		t.Fatalf("event settings %+v %+v", settings, read)
	}

	must(t, sc.Directory().DeleteDirectory(ctx, p.organizationID, p.directoryID))
	if _, err := sc.Directory().GetDirectory(ctx, p.organizationID, p.directoryID); kindOf(err) != roster.KindNotFound {
		t.Fatalf("deleted directory: %v", err)
	}
}

func TestAPIClients(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	created, err := sc.APIClients().Create(ctx, unique("backend"))
	must(t, err)
	got, err := sc.APIClients().Get(ctx, created.Client.ID)
	must(t, err)
	if got.Name != created.Client.Name || got.RevokeTime != nil || created.PlainSecret == "" {
		t.Fatalf("client %+v", got)
	}
	other := roster.NewClient(env.url, created.Client.ID, created.PlainSecret)
	if _, err := other.Role().ListRoles(ctx); err != nil {
		t.Fatalf("the new client's credentials: %v", err)
	}
	page, err := sc.APIClients().List(ctx, roster.PageOptions{PageSize: 1})
	must(t, err)
	if page.TotalSize < 2 || len(page.Clients) != 1 {
		t.Fatalf("page %+v", page)
	}
	seen := 0
	it := sc.APIClients().Iterate(roster.PageOptions{PageSize: 1})
	for it.Next(ctx) {
		seen++
	}
	must(t, it.Err())
	if seen != page.TotalSize {
		t.Fatalf("iterated %d of %d", seen, page.TotalSize)
	}
	_, err = sc.APIClients().Revoke(ctx, created.Client.ID)
	must(t, err)
}
