package roster_test

import (
	"fmt"
	"sort"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// Users and groups pushed over SCIM, read back through page tokens and the iterators, over
// several pages.
func TestUsersAndGroupsPageByTokenAndIterateOverEveryPage(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	p := provision(t, ctx, sc, "Paged")
	const users, pageSize = 23, 5
	var userIDs []string
	for i := 0; i < users; i++ {
		userIDs = append(userIDs, p.scim.createUser(t, ctx, fmt.Sprintf("user%02d@paged.example.com", i)))
	}
	beforeGroups := time.Now()
	groupID := p.scim.createGroup(t, ctx, "Everyone", userIDs[:12]...)
	nestedID := p.scim.createGroup(t, ctx, "Nested", userIDs[0])
	status, body := p.scim.do(t, ctx, "PATCH", "/Groups/"+groupID, map[string]any{
		"schemas":    []string{"urn:ietf:params:scim:api:messages:2.0:PatchOp"},
		"Operations": []map[string]any{{"op": "add", "path": "members", "value": []map[string]any{{"value": nestedID}}}},
	})
	if status != 200 && status != 204 {
		t.Fatalf("PATCH /Groups: %d %v", status, body)
	}

	// Page by page with the tokens: every user once, in pages of pageSize, and back again.
	seen := map[string]bool{}
	first, err := sc.Directory().ListDirectoryUsers(ctx, p.organizationID, p.directoryID, roster.ListDirectoryUsersOptions{PageSize: pageSize})
	must(t, err)
	if first.TotalSize != users || len(first.Users) != pageSize || first.NextPageToken == "" || first.PrevPageToken != "" {
		t.Fatalf("first page: %d users of %d, next %q, prev %q", len(first.Users), first.TotalSize, first.NextPageToken, first.PrevPageToken)
	}
	pages := []*roster.ListDirectoryUsersResponse{first}
	for current := first; current.NextPageToken != ""; {
		current, err = sc.Directory().ListDirectoryUsers(ctx, p.organizationID, p.directoryID, roster.ListDirectoryUsersOptions{PageSize: pageSize, PageToken: current.NextPageToken})
		must(t, err)
		pages = append(pages, current)
	}
	for _, page := range pages {
		for _, user := range page.Users {
			if seen[user.ID] {
				t.Fatalf("%s listed twice", user.ID)
			}
			seen[user.ID] = true
		}
	}
	if len(pages) != 5 || len(seen) != users {
		t.Fatalf("%d pages, %d distinct users", len(pages), len(seen))
	}
	back, err := sc.Directory().ListDirectoryUsers(ctx, p.organizationID, p.directoryID, roster.ListDirectoryUsersOptions{PageSize: pageSize, PageToken: pages[2].PrevPageToken})
	must(t, err)
	if back.Users[0].ID != pages[1].Users[0].ID {
		t.Fatalf("the previous page of page 3 starts with %s, not page 2's %s", back.Users[0].ID, pages[1].Users[0].ID)
	}

	// The iterator walks the same users, one request per page, with the normalized fields.
	it := sc.Directory().IterateDirectoryUsers(p.organizationID, p.directoryID, roster.ListDirectoryUsersOptions{PageSize: pageSize, IncludeDetail: true})
	var iterated []string
	for it.Next(ctx) {
		user := it.Value()
		iterated = append(iterated, user.ID)
		if user.Email == nil || *user.Email != user.PreferredUsername || !user.Active || user.UserDetail["userName"] != user.PreferredUsername || user.Roles == nil || user.Permissions == nil {
			t.Fatalf("user %+v", user)
		}
	}
	must(t, it.Err())
	sorted := append([]string(nil), userIDs...)
	sort.Strings(sorted)
	sort.Strings(iterated)
	if fmt.Sprint(iterated) != fmt.Sprint(sorted) || it.Pages() != 5 {
		t.Fatalf("the iterator read %d users in %d pages", len(iterated), it.Pages())
	}

	// A group's members: direct members only, users and the nested group, over several pages.
	members := sc.Directory().IterateDirectoryGroupMembers(p.organizationID, p.directoryID, groupID, roster.PageOptions{PageSize: pageSize})
	kinds := map[roster.MemberType]int{}
	for members.Next(ctx) {
		kinds[members.Value().Type]++
	}
	must(t, members.Err())
	if kinds[roster.MemberUser] != 12 || kinds[roster.MemberGroup] != 1 || members.Pages() != 3 {
		t.Fatalf("members %v in %d pages", kinds, members.Pages())
	}
	inGroup, err := sc.Directory().ListDirectoryUsers(ctx, p.organizationID, p.directoryID, roster.ListDirectoryUsersOptions{DirectoryGroupID: groupID, PageSize: 100})
	must(t, err)
	if inGroup.TotalSize != 12 {
		t.Fatalf("%d users in the group", inGroup.TotalSize)
	}

	groups := sc.Directory().IterateDirectoryGroups(p.organizationID, p.directoryID, roster.ListDirectoryGroupsOptions{PageSize: 1, IncludeDetail: true})
	names := map[string]bool{}
	for groups.Next(ctx) {
		group := groups.Value()
		names[group.DisplayName] = group.GroupDetail["displayName"] == group.DisplayName
	}
	must(t, groups.Err())
	if !names["Everyone"] || !names["Nested"] || len(names) != 2 || groups.Pages() != 2 {
		t.Fatalf("groups %v in %d pages", names, groups.Pages())
	}
	changed, err := sc.Directory().ListDirectoryGroups(ctx, p.organizationID, p.directoryID, roster.ListDirectoryGroupsOptions{UpdatedAfter: beforeGroups.Add(-time.Second)})
	must(t, err)
	if changed.TotalSize != 2 {
		t.Fatalf("%d groups changed since the groups were made", changed.TotalSize)
	}
	group, err := sc.Directory().GetDirectoryGroup(ctx, p.organizationID, p.directoryID, groupID)
	must(t, err)
	if group.TotalUsers != 12 || group.GroupDetail != nil {
		t.Fatalf("group %+v", group)
	}
	user, err := sc.Directory().GetDirectoryUser(ctx, p.organizationID, p.directoryID, userIDs[0], roster.DetailOptions{IncludeDetail: true})
	must(t, err)
	if len(user.Groups) != 2 || user.UserDetail == nil {
		t.Fatalf("user0 is in Everyone and Nested: %+v", user.Groups)
	}
}
