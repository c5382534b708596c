package roster_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

type samplePush struct {
	Users          int `json:"users"`
	Groups         int `json:"groups"`
	FailedRequests int `json:"failed_requests"`
}

// pushSampleData presses "Send sample data" in the customer portal with net/http (not the SDK):
// the portal link opened for its session cookie, the session read for its CSRF token, then the
// push. It returns the push's counts.
func pushSampleData(t *testing.T, ctx context.Context, portalLink, directoryID string) samplePush {
	t.Helper()
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	send := func(method, target string, headers map[string]string) (int, []byte) {
		req, err := http.NewRequestWithContext(ctx, method, target, nil)
		must(t, err)
		for name, value := range headers {
			req.Header.Set(name, value)
		}
		resp, err := browser.Do(req)
		must(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 400 {
			t.Fatalf("%s %s: %d %s", method, target, resp.StatusCode, body)
		}
		// The session cookie is Secure, so it is read and sent by hand to the plain-http loopback server.
		for _, cookie := range resp.Header.Values("Set-Cookie") {
			if strings.HasPrefix(cookie, "roster_portal=") {
				headers["cookie"], _, _ = strings.Cut(cookie, ";")
			}
		}
		return resp.StatusCode, body
	}
	headers := map[string]string{}
	send(http.MethodGet, portalLink, headers)
	if headers["cookie"] == "" {
		t.Fatal("the portal link set no session cookie")
	}
	link, err := url.Parse(portalLink)
	must(t, err)
	origin := link.Scheme + "://" + link.Host
	_, raw := send(http.MethodGet, origin+"/api/v1/portal/session", headers)
	var session struct {
		CSRFToken string `json:"csrf_token"`
	}
	must(t, json.Unmarshal(raw, &session))
	headers["x-roster-csrf"] = session.CSRFToken
	_, raw = send(http.MethodPost, origin+"/api/v1/portal/directories/"+directoryID+":simulate", headers)
	var pushed struct {
		Result samplePush `json:"result"`
	}
	must(t, json.Unmarshal(raw, &pushed))
	return pushed.Result
}

// eventsOf reads the directory's events of a type from the oldest until count are there (an event
// shows once every earlier commit is visible, which can take a moment).
func eventsOf(t *testing.T, ctx context.Context, sc *roster.Client, directoryID, eventType string, count int) []roster.Event {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var events []roster.Event
		it := sc.Events().Iterate(roster.ListEventsOptions{DirectoryID: directoryID, Types: []string{eventType}})
		for it.Next(ctx) {
			events = append(events, it.Value())
		}
		must(t, it.Err())
		if len(events) >= count || time.Now().After(deadline) {
			return events
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// strictly decodes an event's data into T, refusing fields T does not have.
func strictly[T any](t *testing.T, event roster.Event) T {
	t.Helper()
	var data T
	decoder := json.NewDecoder(bytes.NewReader(event.Data))
	decoder.DisallowUnknownFields()
	must(t, decoder.Decode(&data))
	return data
}

func TestSampleDataIsMarkedCountedAndRemovedWithEventsLeavingRealUsers(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	directory := provision(t, ctx, sc, "Sample")
	org, dir := directory.organizationID, directory.directoryID
	realID := directory.scim.createUser(t, ctx, "real.person@customer.example")
	counts, err := sc.Directory().GetSampleData(ctx, org, dir)
	must(t, err)
	if *counts != (roster.SampleDataCounts{}) {
		t.Fatalf("before any push: %+v", counts)
	}

	link, err := sc.Organization().GeneratePortalLink(ctx, org)
	must(t, err)
	if pushed := pushSampleData(t, ctx, link.Location, dir); pushed != (samplePush{Users: 8, Groups: 3}) {
		t.Fatalf("the push: %v", pushed)
	}

	counts, err = sc.Directory().GetSampleData(ctx, org, dir)
	must(t, err)
	if *counts != (roster.SampleDataCounts{Users: 8, Groups: 3}) {
		t.Fatalf("after the push: %+v", counts)
	}
	marks := map[string]bool{}
	users := sc.Directory().IterateDirectoryUsers(org, dir, roster.ListDirectoryUsersOptions{PageSize: 4})
	for users.Next(ctx) {
		marks[users.Value().ID] = users.Value().Sample
	}
	must(t, users.Err())
	if len(marks) != 9 || marks[realID] {
		t.Fatalf("users and their marks: %v (the real user is %s)", marks, realID)
	}
	var sampleIDs []string
	for id, sample := range marks {
		if id != realID {
			if !sample {
				t.Fatalf("user %s is not marked sample: %v", id, marks)
			}
			sampleIDs = append(sampleIDs, id)
		}
	}
	sort.Strings(sampleIDs)
	groups, err := sc.Directory().ListDirectoryGroups(ctx, org, dir)
	must(t, err)
	if len(groups.Groups) != 3 || !groups.Groups[0].Sample || !groups.Groups[1].Sample || !groups.Groups[2].Sample {
		t.Fatalf("groups: %+v", groups.Groups)
	}
	real, err := sc.Directory().GetDirectoryUser(ctx, org, dir, realID)
	must(t, err)
	if real.Sample {
		t.Fatal("the real user is marked sample")
	}
	// The events say sample too, and decode strictly into the typed payloads.
	created := map[string]bool{}
	for _, event := range eventsOf(t, ctx, sc, dir, roster.EventUserCreated, 9) {
		typed, err := roster.DecodeEvent[roster.UserEventData](event)
		must(t, err)
		created[typed.Data.ID] = strictly[roster.UserEventData](t, event).Sample
	}
	if !reflect.DeepEqual(created, marks) {
		t.Fatalf("user_created events' sample marks %v, the users' %v", created, marks)
	}
	for _, event := range eventsOf(t, ctx, sc, dir, roster.EventGroupCreated, 3) {
		if data := strictly[roster.GroupCreatedEventData](t, event); !data.Sample || len(data.MembersAdded) != data.MembersAddedCount {
			t.Fatalf("a sample group_created event: %+v", data)
		}
	}

	removed, err := sc.Directory().RemoveSampleData(ctx, org, dir)
	must(t, err)
	if *removed != (roster.SampleDataCounts{Users: 8, Groups: 3}) {
		t.Fatalf("removed %+v", removed)
	}
	left, err := sc.Directory().ListDirectoryUsers(ctx, org, dir)
	must(t, err)
	if len(left.Users) != 1 || left.Users[0].ID != realID {
		t.Fatalf("after the removal: %+v", left.Users)
	}
	counts, err = sc.Directory().GetSampleData(ctx, org, dir)
	must(t, err)
	if *counts != (roster.SampleDataCounts{}) {
		t.Fatalf("after the removal: %+v", counts)
	}
	var deleted []string
	for _, event := range eventsOf(t, ctx, sc, dir, roster.EventUserDeleted, 8) {
		deleted = append(deleted, strictly[roster.UserEventData](t, event).ID)
	}
	sort.Strings(deleted)
	if !reflect.DeepEqual(deleted, sampleIDs) {
		t.Fatalf("user_deleted events for %v, the sample users were %v", deleted, sampleIDs)
	}
	for _, event := range eventsOf(t, ctx, sc, dir, roster.EventGroupDeleted, 3) {
		if !strictly[roster.GroupEventData](t, event).Sample {
			t.Fatalf("a sample group_deleted event without its mark: %s", event.Data)
		}
	}
	again, err := sc.Directory().RemoveSampleData(ctx, org, dir)
	must(t, err)
	if *again != (roster.SampleDataCounts{}) {
		t.Fatalf("removing again removed %+v", again)
	}
}

func TestSampleDataOfAnotherOrganizationsDirectoryIsNotFound(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	mine, theirs := provision(t, ctx, sc, "Mine"), provision(t, ctx, sc, "Theirs")
	if _, err := sc.Directory().GetSampleData(ctx, mine.organizationID, theirs.directoryID); kindOf(err) != roster.KindNotFound {
		t.Fatalf("counting another organization's directory: %v", err)
	}
	if _, err := sc.Directory().RemoveSampleData(ctx, mine.organizationID, theirs.directoryID); kindOf(err) != roster.KindNotFound {
		t.Fatalf("removing another organization's sample data: %v", err)
	}
}
