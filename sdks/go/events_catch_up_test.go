package roster

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// memoryCursor is a CursorStore in memory that records every save.
type memoryCursor struct {
	cursor string
	saves  []string
}

func (m *memoryCursor) LoadCursor(context.Context) (string, error) { return m.cursor, nil }

func (m *memoryCursor) SaveCursor(_ context.Context, cursor string) error {
	m.cursor = cursor
	m.saves = append(m.saves, cursor)
	return nil
}

// eventLog serves a log of n events, `limit` per page, with cursors "c<position>"; cursors
// before `expiredBefore` answer 410.
func eventLog(t *testing.T, n, expiredBefore int) *fakeRoster {
	return newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		position := 0
		if after := r.URL.Query().Get("after"); after != "" {
			position, _ = strconv.Atoi(strings.TrimPrefix(after, "c"))
			if position < expiredBefore {
				apiError(w, 410, "cursor_expired", "the cursor is older than the retention period")
				return
			}
		}
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		events := []map[string]any{}
		end := position
		for ; end < n && end < position+limit; end++ {
			events = append(events, map[string]any{"id": fmt.Sprintf("evt_%d", end), "data": map[string]any{}})
		}
		writeJSON(w, 200, map[string]any{"events": events, "next_cursor": fmt.Sprintf("c%d", end), "has_more": end < n})
	})
}

func TestCatchUpResumesFromTheStoredCursorAndStoresItAfterEachPage(t *testing.T) {
	fake := eventLog(t, 7, 0)
	store := &memoryCursor{cursor: "c2"}
	var handled []string
	result, err := fake.client().Events().CatchUp(ctx, store, func(_ context.Context, event Event) error {
		handled = append(handled, event.ID)
		return nil
	}, CatchUpOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(handled) != "[evt_2 evt_3 evt_4 evt_5 evt_6]" || fmt.Sprint(store.saves) != "[c4 c6 c7]" {
		t.Fatalf("handled %v, saved %v", handled, store.saves)
	}
	if result != (CatchUpResult{Events: 5, Pages: 3, Cursor: "c7"}) {
		t.Fatalf("result %+v", result)
	}
	// Nothing new: one empty page, and the cursor stays.
	again, err := fake.client().Events().CatchUp(ctx, store, func(context.Context, Event) error { t.Fatal("no event expected"); return nil }, CatchUpOptions{Limit: 2})
	if err != nil || again.Events != 0 || again.Cursor != "c7" {
		t.Fatalf("%+v %v", again, err)
	}
}

func TestCatchUpDoesNotStoreTheCursorOfAPageItFailedToHandle(t *testing.T) {
	fake := eventLog(t, 6, 0)
	store := &memoryCursor{}
	failure := errors.New("database down")
	_, err := fake.client().Events().CatchUp(ctx, store, func(_ context.Context, event Event) error {
		if event.ID == "evt_3" {
			return failure
		}
		return nil
	}, CatchUpOptions{Limit: 2})
	if !errors.Is(err, failure) || store.cursor != "c2" {
		t.Fatalf("err %v, cursor %q: the page holding evt_3 must be read again", err, store.cursor)
	}
	var handled []string
	if _, err := fake.client().Events().CatchUp(ctx, store, func(_ context.Context, event Event) error {
		handled = append(handled, event.ID)
		return nil
	}, CatchUpOptions{Limit: 2}); err != nil || fmt.Sprint(handled) != "[evt_2 evt_3 evt_4 evt_5]" {
		t.Fatalf("resumed with %v, %v", handled, err)
	}
}

func TestCatchUpWithAnExpiredCursorFailsOrRestartsFromTheOldestEvent(t *testing.T) {
	fake := eventLog(t, 3, 2)
	store := &memoryCursor{cursor: "c1"}
	count := func(context.Context, Event) error { return nil }
	if _, err := fake.client().Events().CatchUp(ctx, store, count); !errors.Is(err, ErrGone) || store.cursor != "c1" {
		t.Fatalf("err %v, cursor %q", err, store.cursor)
	}
	result, err := fake.client().Events().CatchUp(ctx, store, count, CatchUpOptions{Limit: 10, RestartWhenExpired: true})
	if err != nil || !result.Restarted || result.Events != 3 || store.cursor != "c3" || fmt.Sprint(store.saves) != "[ c3]" {
		t.Fatalf("%+v %v, saves %q", result, err, store.saves)
	}
}
