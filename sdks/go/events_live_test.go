package roster_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	roster "github.com/roster-dev/roster/sdks/go"
)

// storedCursor is the app's cursor row: it survives the client (a restart) and counts saves.
type storedCursor struct {
	mu     sync.Mutex
	cursor string
	saves  int
}

func (s *storedCursor) LoadCursor(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursor, nil
}

func (s *storedCursor) SaveCursor(_ context.Context, cursor string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cursor = cursor
	s.saves++
	return nil
}

// collect runs a catch-up and returns the ids and types it handed over.
func collect(t *testing.T, ctx context.Context, sc *roster.Client, store roster.CursorStore, options roster.CatchUpOptions) ([]string, map[string]int, roster.CatchUpResult) {
	t.Helper()
	var ids []string
	types := map[string]int{}
	result, err := sc.Events().CatchUp(ctx, store, func(_ context.Context, event roster.Event) error {
		ids = append(ids, event.ID)
		types[event.Type]++
		return nil
	}, options)
	must(t, err)
	return ids, types, result
}

func TestEventsCatchUpResumesFromAStoredCursor(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	p := provision(t, ctx, sc, "Evented")
	first := p.scim.createUser(t, ctx, "first@evented.example.com")
	second := p.scim.createUser(t, ctx, "second@evented.example.com")
	p.scim.createGroup(t, ctx, "Evented", first, second)

	store := &storedCursor{}
	options := roster.CatchUpOptions{OrganizationID: p.organizationID, Limit: 2}
	ids, types, result := collect(t, ctx, sc, store, options)
	if types[roster.EventDirectoryCreated] != 1 || types[roster.EventSecretCreated] != 1 || types[roster.EventUserCreated] != 2 || types[roster.EventGroupCreated] != 1 {
		t.Fatalf("first catch-up: %v", types)
	}
	if result.Events != len(ids) || result.Pages < 3 || store.cursor == "" || store.cursor != result.Cursor || store.saves != result.Pages {
		t.Fatalf("result %+v, %d saves, cursor %q", result, store.saves, store.cursor)
	}
	// The same order as the Events API lists them.
	it := sc.Events().Iterate(roster.ListEventsOptions{OrganizationID: p.organizationID, Limit: 100})
	var listed []string
	for it.Next(ctx) {
		listed = append(listed, it.Value().ID)
	}
	must(t, it.Err())
	if fmt.Sprint(listed) != fmt.Sprint(ids) {
		t.Fatalf("caught up %v, listed %v", ids, listed)
	}

	// The app stops; meanwhile the directory changes. A new process, the same stored cursor: only
	// what happened since.
	third := p.scim.createUser(t, ctx, "third@evented.example.com")
	status, _ := p.scim.do(t, ctx, "DELETE", "/Users/"+second, nil)
	if status != 204 {
		t.Fatalf("DELETE /Users: %d", status)
	}
	restarted := env.client()
	newIDs, newTypes, _ := collect(t, ctx, restarted, store, options)
	if newTypes[roster.EventUserCreated] != 1 || newTypes[roster.EventUserDeleted] != 1 || len(newIDs) != newTypes[roster.EventUserCreated]+newTypes[roster.EventUserDeleted]+newTypes[roster.EventGroupUpdated]+newTypes[roster.EventUserUpdated] {
		t.Fatalf("resumed catch-up: %v", newTypes)
	}
	for _, id := range newIDs {
		for _, old := range ids {
			if id == old {
				t.Fatalf("%s handed over twice", id)
			}
		}
	}
	created, err := restarted.Events().Get(ctx, newIDs[0])
	must(t, err)
	var user roster.DirectoryUser
	must(t, created.DecodeData(&user))
	if created.Type != roster.EventUserCreated || user.ID != third {
		t.Fatalf("the first new event: %s for %s", created.Type, user.ID)
	}

	// Nothing new: an empty page, the cursor kept.
	none, _, again := collect(t, ctx, restarted, store, options)
	if len(none) != 0 || again.Cursor != store.cursor {
		t.Fatalf("%d events on a quiet log", len(none))
	}

	// Every event type the SDK names is one the server knows.
	all := []string{roster.EventUserCreated, roster.EventUserUpdated, roster.EventUserDeleted, roster.EventGroupCreated, roster.EventGroupUpdated, roster.EventGroupDeleted,
		roster.EventDirectoryCreated, roster.EventDirectoryDeleted, roster.EventDirectoryEnabled, roster.EventDirectoryDisabled, roster.EventSecretCreated, roster.EventSecretRevoked}
	if _, err := sc.Events().List(ctx, roster.ListEventsOptions{Types: all, OrganizationID: p.organizationID}); err != nil {
		t.Fatalf("the server refuses an SDK event type: %v", err)
	}
	for _, bad := range []struct {
		options   roster.ListEventsOptions
		parameter string
	}{
		{roster.ListEventsOptions{Types: []string{"user.made_up"}}, "types"},
		{roster.ListEventsOptions{Limit: 5000}, "limit"},
		{roster.ListEventsOptions{After: "not-a-cursor"}, "after"},
	} {
		_, err := sc.Events().List(ctx, bad.options)
		if apiErr := asError(err); apiErr == nil || apiErr.Kind != roster.KindBadRequest || apiErr.Parameter() != bad.parameter {
			t.Errorf("%+v: %v", bad.options, err)
		}
	}
	if _, err := sc.Events().Get(ctx, "evt_unknown"); kindOf(err) != roster.KindNotFound {
		t.Errorf("unknown event: %v", err)
	}
}
