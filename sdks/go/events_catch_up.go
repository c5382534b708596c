package roster

import (
	"context"
	"errors"
	"fmt"
)

// Catching up from the Events API: every event since a stored cursor, page by page, handed to the
// app; the cursor is stored after each page is handled. Run it when the app starts (whatever
// happened while it was down) and then now and then, for any webhook that has not arrived yet.

// CursorStore keeps the Events API cursor between runs: a row of the app's database, a file.
type CursorStore interface {
	// LoadCursor returns the stored cursor; "" reads from the oldest event Roster keeps.
	LoadCursor(ctx context.Context) (string, error)
	// SaveCursor stores the cursor to resume from.
	SaveCursor(ctx context.Context, cursor string) error
}

// CatchUpOptions narrow a catch-up and say what to do with an expired cursor.
type CatchUpOptions struct {
	// Limit is the number of events per page, 1 to 1000 (0: the server's default, 100).
	Limit int
	// Types, OrganizationID and DirectoryID filter as in ListEventsOptions. Keep them the same
	// from run to run: a cursor is a position in the whole log, the filters only hide events.
	Types          []string
	OrganizationID string
	DirectoryID    string
	// RestartWhenExpired: when the stored cursor is older than Roster keeps events (410
	// cursor_expired), read on from the oldest event kept instead of failing. Changes older than
	// that are gone from the log; an app down that long should re-read its users
	// (IterateDirectoryUsers).
	RestartWhenExpired bool
}

// CatchUpResult says what a catch-up read.
type CatchUpResult struct {
	// Events is the number of events handed to the handler.
	Events int
	// Pages is the number of pages read.
	Pages int
	// Cursor is the cursor stored last (the next run starts there).
	Cursor string
	// Restarted: the stored cursor had expired and the catch-up started from the oldest event kept.
	Restarted bool
}

// CatchUp hands every event after the stored cursor to handle, in commit order, and stores the
// cursor after each page. Delivery is at least once: when handle fails, or the process stops
// before the cursor is stored, the page is read again next time, so dedupe on Event.ID (which is
// also the webhook-id of its deliveries). It returns when the log has no more events to read now.
func (e *EventsClient) CatchUp(ctx context.Context, store CursorStore, handle func(context.Context, Event) error, options ...CatchUpOptions) (CatchUpResult, error) {
	o := first(options)
	var result CatchUpResult
	cursor, err := store.LoadCursor(ctx)
	if err != nil {
		return result, fmt.Errorf("roster: loading the events cursor: %w", err)
	}
	result.Cursor = cursor
	for {
		list, err := e.List(ctx, ListEventsOptions{After: cursor, Limit: o.Limit, Types: o.Types, OrganizationID: o.OrganizationID, DirectoryID: o.DirectoryID})
		if err != nil {
			if !errors.Is(err, ErrGone) || cursor == "" || !o.RestartWhenExpired {
				return result, err
			}
			cursor, result.Restarted = "", true
			if err := store.SaveCursor(ctx, cursor); err != nil {
				return result, fmt.Errorf("roster: saving the events cursor: %w", err)
			}
			result.Cursor = cursor
			continue
		}
		result.Pages++
		for _, event := range list.Events {
			if err := handle(ctx, event); err != nil {
				return result, fmt.Errorf("roster: handling event %s: %w", event.ID, err)
			}
			result.Events++
		}
		// Stored after the page is handled: a crash in between replays the page.
		cursor = list.NextCursor
		if err := store.SaveCursor(ctx, cursor); err != nil {
			return result, fmt.Errorf("roster: saving the events cursor: %w", err)
		}
		result.Cursor = cursor
		if !list.HasMore {
			return result, nil
		}
	}
}
