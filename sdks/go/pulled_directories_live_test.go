package roster_test

import (
	"context"
	"os"
	"slices"
	"sort"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// A pulled directory (BambooHR) through the SDK, against a live Roster syncing from a fake BambooHR
// (packages/server/test/support/sdk-suite.ts starts it with three employees in two departments of
// one division, and sets ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY).

func bambooHR(t *testing.T) (subdomain, apiKey string) {
	t.Helper()
	subdomain, apiKey = os.Getenv("ROSTER_BAMBOOHR_SUBDOMAIN"), os.Getenv("ROSTER_BAMBOOHR_API_KEY")
	if subdomain == "" || apiKey == "" {
		if os.Getenv("ROSTER_SDK_REQUIRE_LIVE") != "" {
			t.Fatal("ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY are not set")
		}
		t.Skip("needs the fake BambooHR of the SDK test server: set ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY")
	}
	return subdomain, apiKey
}

// nextRun waits for a finished run that is not one of seen.
func nextRun(t *testing.T, ctx context.Context, sc *roster.Client, org, dir string, seen ...string) roster.SyncRun {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var runs []roster.SyncRun
		it := sc.Directory().IterateDirectorySyncRuns(org, dir, roster.PageOptions{PageSize: 2})
		for it.Next(ctx) {
			runs = append(runs, it.Value())
		}
		must(t, it.Err())
		for _, run := range runs {
			if run.Status != roster.SyncRunRunning && !slices.Contains(seen, run.ID) {
				return run
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no run finished in time: %+v", runs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func groupNames(t *testing.T, ctx context.Context, sc *roster.Client, org, dir string) []string {
	t.Helper()
	var names []string
	it := sc.Directory().IterateDirectoryGroups(org, dir)
	for it.Next(ctx) {
		names = append(names, it.Value().DisplayName)
	}
	must(t, it.Err())
	sort.Strings(names)
	return names
}

func TestBambooHRDirectoryCreatedSyncedHeldAndApproved(t *testing.T) {
	env := live(t)
	subdomain, apiKey := bambooHR(t)
	ctx := testContext(t)
	sc := env.client()
	organization, err := sc.Organization().CreateOrganization(ctx, unique("Pulled"))
	must(t, err)
	org := organization.ID
	_, err = sc.Organization().UpdateOrganizationSettings(ctx, org, roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}})
	must(t, err)
	directory, err := sc.Directory().CreateDirectory(ctx, org, roster.CreateDirectoryParams{
		DirectoryType: roster.DirectoryTypeBambooHR,
		Name:          "BambooHR",
		Source: roster.SourceParams{
			BambooHR:            &roster.BambooHRSettings{Subdomain: subdomain},
			Credentials:         &roster.SourceCredentials{APIKey: apiKey},
			SyncIntervalMinutes: 60,
		},
	})
	must(t, err)
	dir := directory.ID
	if directory.DirectoryType != roster.DirectoryTypeBambooHR || directory.DirectoryProvider != roster.ProviderBambooHR || directory.Source == nil ||
		directory.Source.SyncIntervalMinutes != 60 || directory.Source.Connection == nil || directory.Source.Connection.Kind != roster.ConnectionAPIKey {
		t.Fatalf("created %+v (source %+v)", directory, directory.Source)
	}

	first := nextRun(t, ctx, sc, org, dir)
	if first.Status != roster.SyncRunSucceeded || first.Trigger != roster.TriggerSchedule || first.Counts.UsersSeen != 3 || first.Counts.UsersCreated != 3 {
		t.Fatalf("first run %+v", first)
	}
	var emails []string
	users := sc.Directory().IterateDirectoryUsers(org, dir)
	for users.Next(ctx) {
		emails = append(emails, *users.Value().Email)
	}
	must(t, users.Err())
	sort.Strings(emails)
	if !slices.Equal(emails, []string{"dorothy@acme.example", "katherine@acme.example", "mary@acme.example"}) {
		t.Fatalf("users %v", emails)
	}
	if names := groupNames(t, ctx, sc, org, dir); len(names) != 3 {
		t.Fatalf("groups %v: want two departments and a division", names)
	}

	synced, err := sc.Directory().SyncDirectory(ctx, org, dir)
	must(t, err)
	if synced.ID != dir {
		t.Fatalf("Sync now answered %+v", synced)
	}
	manual := nextRun(t, ctx, sc, org, dir, first.ID)
	if manual.Status != roster.SyncRunSucceeded || manual.Trigger != roster.TriggerManual || manual.Counts.UsersCreated != 0 {
		t.Fatalf("manual run %+v", manual)
	}

	// Groups by division only: two of three groups would go, past the 20% threshold, so the run is held.
	changed, err := sc.Directory().UpdateDirectorySource(ctx, org, dir, roster.SourceParams{
		BambooHR:               &roster.BambooHRSettings{GroupBy: []roster.BambooHRGroupBy{roster.GroupByDivision}},
		SafetyThresholdPercent: 20,
	})
	must(t, err)
	if changed.Source == nil || changed.Source.BambooHR == nil || !slices.Equal(changed.Source.BambooHR.GroupBy, []roster.BambooHRGroupBy{roster.GroupByDivision}) {
		t.Fatalf("changed source %+v", changed.Source)
	}
	held := nextRun(t, ctx, sc, org, dir, first.ID, manual.ID)
	if held.Status != roster.SyncRunHeld || held.Held == nil || held.Held.GroupsDeleted != 2 {
		t.Fatalf("held run %+v", held)
	}
	current, err := sc.Directory().GetDirectory(ctx, org, dir)
	must(t, err)
	if current.Status != roster.DirectoryNeedsReview || len(groupNames(t, ctx, sc, org, dir)) != 3 {
		t.Fatalf("while held: %s, groups %v (nothing removed until approved)", current.Status, groupNames(t, ctx, sc, org, dir))
	}

	approved, err := sc.Directory().ApproveDirectorySyncRun(ctx, org, dir, held.ID)
	must(t, err)
	if approved.ID != held.ID || approved.ApproveTime == nil {
		t.Fatalf("approved %+v", approved)
	}
	applied := nextRun(t, ctx, sc, org, dir, first.ID, manual.ID, held.ID)
	if applied.Status != roster.SyncRunSucceeded || applied.Trigger != roster.TriggerApproval || applied.Counts.GroupsDeleted != 2 {
		t.Fatalf("applied run %+v", applied)
	}
	if names := groupNames(t, ctx, sc, org, dir); !slices.Equal(names, []string{"NASA"}) {
		t.Fatalf("groups after the approval %v", names)
	}
	if _, err := sc.Directory().ApproveDirectorySyncRun(ctx, org, dir, held.ID); kindOf(err) != roster.KindBadRequest {
		t.Fatalf("approving again: %v", err)
	}
	if _, err := sc.Directory().ApproveDirectorySyncRun(ctx, org, dir, "syncrun_missing"); kindOf(err) != roster.KindNotFound {
		t.Fatalf("approving an unknown run: %v", err)
	}
}

func TestAScimDirectoryHasNoSourceToSync(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	scim := provision(t, ctx, sc, "Pushed")
	directory, err := sc.Directory().GetDirectory(ctx, scim.organizationID, scim.directoryID)
	must(t, err)
	if directory.Source != nil {
		t.Fatalf("a SCIM directory with a source: %+v", directory.Source)
	}
	if _, err := sc.Directory().SyncDirectory(ctx, scim.organizationID, scim.directoryID); kindOf(err) != roster.KindBadRequest {
		t.Fatalf("Sync now on a SCIM directory: %v", err)
	}
	if _, err := sc.Directory().UpdateDirectorySource(ctx, scim.organizationID, scim.directoryID, roster.SourceParams{SyncIntervalMinutes: 10}); kindOf(err) != roster.KindBadRequest {
		t.Fatalf("a source for a SCIM directory: %v", err)
	}
	if _, err := sc.Directory().ListDirectorySyncRuns(ctx, scim.organizationID, scim.directoryID); kindOf(err) != roster.KindBadRequest {
		t.Fatalf("sync runs of a SCIM directory: %v", err)
	}
}
