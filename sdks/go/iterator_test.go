package roster

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

func TestIteratorFollowsPageTokensToTheLastPage(t *testing.T) {
	const total, size = 23, 5
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		start, _ := strconv.Atoi(r.URL.Query().Get("page_token"))
		if r.URL.Query().Get("page_size") != strconv.Itoa(size) {
			apiError(w, 400, "invalid_argument", "page_size lost on the way")
			return
		}
		users := []map[string]any{}
		for i := start; i < start+size && i < total; i++ {
			users = append(users, map[string]any{"id": fmt.Sprintf("user_%d", i)})
		}
		next := ""
		if start+size < total {
			next = strconv.Itoa(start + size)
		}
		writeJSON(w, 200, map[string]any{"users": users, "next_page_token": next, "prev_page_token": "", "total_size": total})
	})
	it := fake.client().Directory().IterateDirectoryUsers("org_1", "dir_1", ListDirectoryUsersOptions{PageSize: size})
	var ids []string
	for it.Next(ctx) {
		ids = append(ids, it.Value().ID)
	}
	if it.Err() != nil || len(ids) != total || ids[0] != "user_0" || ids[total-1] != "user_22" || it.Pages() != 5 {
		t.Fatalf("err %v, %d ids, %d pages", it.Err(), len(ids), it.Pages())
	}
	if it.Next(ctx) {
		t.Fatal("Next after the end")
	}
	if n := len(fake.requests()); n != 5 {
		t.Fatalf("%d requests for 5 pages", n)
	}
}

func TestIteratorStopsOnAnErrorAndKeepsIt(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if count == 2 {
			apiError(w, 404, "not_found", "directory deleted meanwhile")
			return
		}
		writeJSON(w, 200, map[string]any{"groups": []map[string]any{{"id": "g1"}, {"id": "g2"}}, "next_page_token": "more", "prev_page_token": "", "total_size": 9})
	})
	it := fake.client().Directory().IterateDirectoryGroups("org_1", "dir_1")
	read := 0
	for it.Next(ctx) {
		read++
	}
	if read != 2 || !errors.Is(it.Err(), ErrNotFound) || it.Next(ctx) {
		t.Fatalf("read %d, err %v", read, it.Err())
	}
}

func TestEventIteratorGoesOnPastEmptyFilteredPagesUntilHasMoreIsFalse(t *testing.T) {
	pages := []map[string]any{
		{"events": []map[string]any{{"id": "evt_1", "data": map[string]any{}}}, "next_cursor": "c1", "has_more": true},
		{"events": []map[string]any{}, "next_cursor": "c2", "has_more": true},
		{"events": []map[string]any{{"id": "evt_2", "data": map[string]any{}}}, "next_cursor": "c3", "has_more": false},
	}
	var afters []string
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		afters = append(afters, r.URL.Query().Get("after"))
		writeJSON(w, 200, pages[count-1])
	})
	it := fake.client().Events().Iterate(ListEventsOptions{After: "c0", Types: []string{EventUserCreated, EventUserDeleted}})
	var ids []string
	for it.Next(context.Background()) {
		ids = append(ids, it.Value().ID)
	}
	if it.Err() != nil || fmt.Sprint(ids) != "[evt_1 evt_2]" || fmt.Sprint(afters) != "[c0 c1 c2]" {
		t.Fatalf("ids %v, afters %v, err %v", ids, afters, it.Err())
	}
	if types := fake.requests()[0].query; types != "after=c0&types=organization.directory.user_created%2Corganization.directory.user_deleted" {
		t.Fatalf("query %q", types)
	}
}
