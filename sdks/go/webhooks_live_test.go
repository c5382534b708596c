package roster_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// Real deliveries from the live Roster to a net/http receiver that checks them with
// VerifyWebhookPayload, as an app would.

type delivery struct {
	header  http.Header
	body    []byte
	verdict error
}

type receiver struct {
	mu       sync.Mutex
	secret   string
	received []delivery
	url      string
}

func startReceiver(t *testing.T) *receiver {
	t.Helper()
	r := &receiver{}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		verdict := roster.VerifyWebhookPayload(r.secret, req.Header, body)
		r.received = append(r.received, delivery{req.Header.Clone(), body, verdict})
		r.mu.Unlock()
		if verdict != nil {
			http.Error(w, "invalid signature", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(server.Close)
	r.url = server.URL + "/webhooks/roster"
	return r
}

func (r *receiver) setSecret(secret string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.secret = secret
}

// waitFor polls until a delivery matching want has arrived.
func (r *receiver) waitFor(t *testing.T, what string, want func(delivery) bool) delivery {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		for _, d := range r.received {
			if want(d) {
				r.mu.Unlock()
				return d
			}
		}
		r.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
	return delivery{}
}

func userEvent(t *testing.T, d delivery) (roster.Event, roster.DirectoryUser) {
	t.Helper()
	var event roster.Event
	var user roster.DirectoryUser
	must(t, json.Unmarshal(d.body, &event))
	must(t, event.DecodeData(&user))
	return event, user
}

func TestWebhookDeliveriesVerifyAndTamperedOrStaleOnesDoNot(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	sc := env.client()
	hooks := startReceiver(t)
	p := provision(t, ctx, sc, "Hooked")
	created, err := sc.Webhooks().Create(ctx, roster.CreateWebhookParams{URL: hooks.url, Description: "user changes", EventTypes: []string{roster.EventUserCreated}, OrganizationID: p.organizationID})
	must(t, err)
	hooks.setSecret(created.Secret)
	webhook := created.Webhook
	if !strings.HasPrefix(created.Secret, "whsec_") || !webhook.Enabled || webhook.OrganizationID == nil || *webhook.OrganizationID != p.organizationID || len(webhook.EventTypes) != 1 {
		t.Fatalf("webhook %+v", webhook)
	}

	userID := p.scim.createUser(t, ctx, "hooked@example.com")
	first := hooks.waitFor(t, "the user_created delivery", func(d delivery) bool { return bytes.Contains(d.body, []byte(userID)) })
	if first.verdict != nil {
		t.Fatalf("a real delivery was refused: %v", first.verdict)
	}
	event, user := userEvent(t, first)
	if event.Type != roster.EventUserCreated || event.ID != first.header.Get("webhook-id") || user.ID != userID || event.OrganizationID == nil || *event.OrganizationID != p.organizationID {
		t.Fatalf("event %+v, user %+v", event, user)
	}
	// Through the client too, as Scalekit's client has it.
	must(t, sc.VerifyWebhookPayload(created.Secret, first.header, first.body))

	tampered := bytes.Replace(first.body, []byte("hooked@"), []byte("hacked@"), 1)
	expectRefusal(t, "a tampered body", roster.VerifyWebhookPayload(created.Secret, first.header, tampered), roster.WebhookNoMatchingSignature)
	later := roster.VerifyOptions{Now: func() time.Time { return time.Now().Add(6 * time.Minute) }}
	expectRefusal(t, "an expired delivery (replayed six minutes later)", roster.VerifyWebhookPayload(created.Secret, first.header, first.body, later), roster.WebhookTimestampOutOfTolerance)
	expectRefusal(t, "another endpoint's secret", roster.VerifyWebhookPayload(newSecret(t, ctx, sc, hooks.url), first.header, first.body), roster.WebhookNoMatchingSignature)

	// Rotation: until the grace period ends, each delivery is signed with both secrets.
	rotated, err := sc.Webhooks().RotateSecret(ctx, webhook.ID, roster.RotateWebhookSecretOptions{GracePeriod: roster.Duration(time.Hour)})
	must(t, err)
	if rotated.Secret == created.Secret || time.Until(rotated.PreviousSecretsExpireTime) < 59*time.Minute {
		t.Fatalf("rotation %+v", rotated)
	}
	// The delivery worker reloads endpoints and their secrets once a second.
	time.Sleep(1100 * time.Millisecond)
	secondID := p.scim.createUser(t, ctx, "rotated@example.com")
	second := hooks.waitFor(t, "a delivery after the rotation", func(d delivery) bool { return bytes.Contains(d.body, []byte(secondID)) })
	if n := len(strings.Fields(second.header.Get("webhook-signature"))); n != 2 {
		t.Fatalf("%d signatures during the grace period", n)
	}
	for _, secret := range []string{created.Secret, rotated.Secret} {
		must(t, roster.VerifyWebhookPayload(secret, second.header, second.body))
	}

	hooks.setSecret(rotated.Secret)
	replayed, err := sc.Webhooks().Replay(ctx, webhook.ID, roster.ReplayWebhookParams{EventID: event.ID})
	must(t, err)
	if replayed.Replayed != 1 {
		t.Fatalf("replayed %d", replayed.Replayed)
	}
	again := hooks.waitFor(t, "the replayed delivery", func(d delivery) bool {
		return d.header.Get("webhook-id") == event.ID && d.header.Get("webhook-timestamp") != first.header.Get("webhook-timestamp")
	})
	must(t, again.verdict)
	since, err := sc.Webhooks().Replay(ctx, webhook.ID, roster.ReplayWebhookParams{Since: time.Now().Add(-time.Hour)})
	must(t, err)
	if since.Replayed != 2 {
		t.Fatalf("replayed since an hour ago: %d", since.Replayed)
	}

	deliveries, err := sc.Webhooks().ListDeliveries(ctx, webhook.ID, roster.ListWebhookDeliveriesOptions{PageSize: 1})
	must(t, err)
	if len(deliveries.Deliveries) != 1 || deliveries.NextPageToken == "" {
		t.Fatalf("deliveries %+v", deliveries)
	}
	detail, err := sc.Webhooks().GetDelivery(ctx, webhook.ID, event.ID)
	must(t, err)
	if detail.Delivery.EventID != event.ID || len(detail.AttemptLog) == 0 {
		t.Fatalf("delivery %+v", detail)
	}

	listed, err := sc.Webhooks().List(ctx)
	must(t, err)
	found := false
	for _, candidate := range listed {
		found = found || candidate.ID == webhook.ID
	}
	if !found {
		t.Fatal("the webhook is not listed")
	}
	paused, err := sc.Webhooks().Update(ctx, webhook.ID, roster.UpdateWebhookParams{Enabled: roster.Bool(false), Description: roster.String("paused"), ClearOrganizationID: true})
	must(t, err)
	if paused.Enabled || paused.Description != "paused" || paused.URL != hooks.url || paused.OrganizationID != nil || paused.DisabledReason == nil || *paused.DisabledReason != roster.WebhookDisabledManually {
		t.Fatalf("paused %+v", paused)
	}
	_, err = sc.Webhooks().Create(ctx, roster.CreateWebhookParams{URL: "ftp://example.com/hooks"})
	if apiErr := asError(err); apiErr == nil || apiErr.Kind != roster.KindBadRequest || apiErr.Parameter() != "url" {
		t.Fatalf("ftp URL: %v", err)
	}
	_, err = sc.Webhooks().Update(ctx, webhook.ID, roster.UpdateWebhookParams{EventTypes: []string{"nope"}})
	if apiErr := asError(err); apiErr == nil || apiErr.Parameter() != "event_types" {
		t.Fatalf("unknown event type: %v", err)
	}
	must(t, sc.Webhooks().Delete(ctx, webhook.ID))
	if _, err := sc.Webhooks().Get(ctx, webhook.ID); kindOf(err) != roster.KindNotFound {
		t.Fatalf("deleted webhook: %v", err)
	}
}

func expectRefusal(t *testing.T, what string, err error, reason roster.WebhookFailure) {
	t.Helper()
	refused, ok := err.(*roster.WebhookVerificationError)
	if !ok || refused.Reason != reason {
		t.Fatalf("%s: got %v, want %s", what, err, reason)
	}
}

// newSecret registers a second (disabled) endpoint and returns its secret, then deletes it.
func newSecret(t *testing.T, ctx context.Context, sc *roster.Client, url string) string {
	t.Helper()
	other, err := sc.Webhooks().Create(ctx, roster.CreateWebhookParams{URL: url, Enabled: roster.Bool(false)})
	must(t, err)
	must(t, sc.Webhooks().Delete(ctx, other.Webhook.ID))
	return other.Secret
}
