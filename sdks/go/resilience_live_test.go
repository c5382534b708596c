package roster_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// A small reverse proxy in front of the live Roster that can answer a request itself instead (a
// 429, a 503, a 401), as a load balancer, a rate limiter or an expired token would.

type intercept struct {
	status     int
	retryAfter string
	code       string
}

type flakyProxy struct {
	mu     sync.Mutex
	seen   []string
	answer func(method, path string, count int) *intercept
	url    string
}

func startFlakyProxy(t *testing.T, target string) *flakyProxy {
	t.Helper()
	upstream, err := url.Parse(target)
	must(t, err)
	forward := httputil.NewSingleHostReverseProxy(upstream)
	proxy := &flakyProxy{answer: func(string, string, int) *intercept { return nil }}
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entry := r.Method + " " + r.URL.Path
		proxy.mu.Lock()
		proxy.seen = append(proxy.seen, entry)
		count := 0
		for _, seen := range proxy.seen {
			if seen == entry {
				count++
			}
		}
		own := proxy.answer(r.Method, r.URL.Path, count)
		proxy.mu.Unlock()
		if own == nil {
			forward.ServeHTTP(w, r)
			return
		}
		if own.retryAfter != "" {
			w.Header().Set("Retry-After", own.retryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(own.status)
		fmt.Fprintf(w, `{"code":%q,"message":"from the proxy"}`, own.code)
	}))
	t.Cleanup(server.Close)
	proxy.url = server.URL
	return proxy
}

// answerWith sets how the following requests are answered and forgets what was seen.
func (p *flakyProxy) answerWith(answer func(method, path string, count int) *intercept) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.answer, p.seen = answer, nil
}

func (p *flakyProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

func (p *flakyProxy) count(entry string) int {
	n := 0
	for _, seen := range p.requests() {
		if seen == entry {
			n++
		}
	}
	return n
}

func throughProxy(env liveRoster, proxy *flakyProxy, maxRetries int) *roster.Client {
	return roster.NewClient(proxy.url, env.clientID, env.clientSecret, roster.WithRetryPolicy(roster.RetryPolicy{MaxRetries: maxRetries, BaseDelay: 5 * time.Millisecond}))
}

func TestA429FromTheWayIsRetriedAfterItsRetryAfter(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	proxy := startFlakyProxy(t, env.url)
	proxy.answerWith(func(method, path string, count int) *intercept {
		if method == "GET" && path == "/api/v1/organizations" && count == 1 {
			return &intercept{status: 429, retryAfter: "1", code: "rate_limited"}
		}
		return nil
	})
	started := time.Now()
	page, err := throughProxy(env, proxy, 3).Organization().ListOrganizations(ctx)
	must(t, err)
	if waited := time.Since(started); waited < 950*time.Millisecond {
		t.Fatalf("waited %v; Retry-After asked for 1 s", waited)
	}
	if page.Organizations == nil || proxy.count("GET /api/v1/organizations") != 2 {
		t.Fatalf("%d GETs", proxy.count("GET /api/v1/organizations"))
	}
}

func TestAPostAnswered503IsSentAgainAndA500IsNot(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	proxy := startFlakyProxy(t, env.url)
	proxy.answerWith(func(method, path string, count int) *intercept {
		if method == "POST" && path == "/api/v1/organizations" && count <= 2 {
			return &intercept{status: 503, code: "unavailable"}
		}
		return nil
	})
	externalID := unique("retried")
	organization, err := throughProxy(env, proxy, 3).Organization().CreateOrganization(ctx, "Retried", roster.CreateOrganizationOptions{ExternalID: externalID})
	must(t, err)
	if proxy.count("POST /api/v1/organizations") != 3 {
		t.Fatalf("%d POSTs", proxy.count("POST /api/v1/organizations"))
	}
	stored, err := env.client().Organization().GetOrganizationByExternalID(ctx, externalID)
	must(t, err)
	if stored.ID != organization.ID {
		t.Fatalf("made %s, stored %s", organization.ID, stored.ID)
	}

	proxy.answerWith(func(method, path string, count int) *intercept {
		if method == "POST" && path == "/api/v1/organizations" {
			return &intercept{status: 500, code: "internal"}
		}
		return nil
	})
	_, err = throughProxy(env, proxy, 3).Organization().CreateOrganization(ctx, "Not retried")
	if !errors.Is(err, roster.ErrServer) || asError(err).Code != "internal" || proxy.count("POST /api/v1/organizations") != 1 {
		t.Fatalf("%v after %d POSTs", err, proxy.count("POST /api/v1/organizations"))
	}
}

func TestA401OnTheWayIsAnsweredWithANewToken(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	proxy := startFlakyProxy(t, env.url)
	proxy.answerWith(func(method, path string, count int) *intercept {
		if path == "/api/v1/roles" && count == 1 {
			return &intercept{status: 401, code: "unauthenticated"}
		}
		return nil
	})
	_, err := throughProxy(env, proxy, 3).Role().ListRoles(ctx)
	must(t, err)
	want := "POST /oauth/token, GET /api/v1/roles, POST /oauth/token, GET /api/v1/roles"
	if got := strings.Join(proxy.requests(), ", "); got != want {
		t.Fatalf("requests: %s; want %s", got, want)
	}
}

// countingTransport counts token requests and records every answer's status and path.
type countingTransport struct {
	mu        sync.Mutex
	exchanges []string
}

func (c *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		c.mu.Lock()
		c.exchanges = append(c.exchanges, fmt.Sprintf("%d %s", resp.StatusCode, req.URL.Path))
		c.mu.Unlock()
	}
	return resp, err
}

func (c *countingTransport) tokenRequests() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, exchange := range c.exchanges {
		if strings.HasSuffix(exchange, " /oauth/token") {
			n++
		}
	}
	return n
}

func TestOneTokenServesConcurrentCallsAndIsRenewedBeforeItExpires(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	clock := time.Now()
	var clockMu sync.Mutex
	now := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return clock }
	transport := &countingTransport{}
	sc := env.client(roster.WithHTTPClient(&http.Client{Transport: transport}), roster.WithClock(now))
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for _, call := range []func() error{
		func() error { _, err := sc.Organization().ListOrganizations(ctx); return err },
		func() error { _, err := sc.Role().ListRoles(ctx); return err },
		func() error { _, err := sc.Events().List(ctx, roster.ListEventsOptions{Limit: 1}); return err },
		func() error { _, err := sc.Webhooks().List(ctx); return err },
	} {
		wg.Add(1)
		go func(call func() error) { defer wg.Done(); errs <- call() }(call)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	if transport.tokenRequests() != 1 {
		t.Fatalf("%d token requests for four concurrent calls", transport.tokenRequests())
	}
	// Renewed in the last fifth of its lifetime (at most its last minute), before it lapses.
	lifetime := tokenLifetime(t, env)
	margin := lifetime / 5
	if margin > time.Minute {
		margin = time.Minute
	}
	clockMu.Lock()
	clock = clock.Add(lifetime - margin - 2*time.Second)
	clockMu.Unlock()
	_, err := sc.Organization().ListOrganizations(ctx)
	must(t, err)
	if transport.tokenRequests() != 1 {
		t.Fatalf("renewed with %v of its %v left", margin+2*time.Second, lifetime)
	}
	clockMu.Lock()
	clock = clock.Add(4 * time.Second)
	clockMu.Unlock()
	_, err = sc.Organization().ListOrganizations(ctx)
	must(t, err)
	if transport.tokenRequests() != 2 {
		t.Fatalf("%d token requests: not renewed in the token's last %v", transport.tokenRequests(), margin)
	}
	for _, exchange := range transport.exchanges {
		if !strings.HasPrefix(exchange, "200 ") {
			t.Fatalf("a request was refused: %v", transport.exchanges)
		}
	}
}

func TestARevokedClientIsRefusedAfterOneRefresh(t *testing.T) {
	env := live(t)
	ctx := testContext(t)
	admin := env.client()
	created, err := admin.APIClients().Create(ctx, unique("short-lived"))
	must(t, err)
	transport := &countingTransport{}
	revokable := roster.NewClient(env.url, created.Client.ID, created.PlainSecret, roster.WithHTTPClient(&http.Client{Transport: transport}))
	_, err = revokable.Organization().ListOrganizations(ctx)
	must(t, err)
	revoked, err := admin.APIClients().Revoke(ctx, created.Client.ID)
	must(t, err)
	if revoked.RevokeTime == nil {
		t.Fatal("no revoke_time")
	}
	_, err = revokable.Organization().ListOrganizations(ctx)
	apiErr := asError(err)
	if apiErr == nil || apiErr.Status != 401 || apiErr.Code != "invalid_client" || !errors.Is(err, roster.ErrAuthentication) {
		t.Fatalf("got %v", err)
	}
	if transport.tokenRequests() != 2 {
		t.Fatalf("%d token requests: the refused token is replaced once, then the credentials are refused", transport.tokenRequests())
	}
	wrong := roster.NewClient(env.url, env.clientID, "not-the-secret-at-all-1234")
	if _, err := wrong.Directory().ListDirectories(ctx, "org_any"); kindOf(err) != roster.KindAuthentication {
		t.Fatalf("wrong secret: %v", err)
	}
}

// tokenLifetime asks the live Roster for a token and returns how long it lives.
func tokenLifetime(t *testing.T, env liveRoster) time.Duration {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {env.clientID}, "client_secret": {env.clientSecret}}
	resp, err := http.PostForm(env.url+"/oauth/token", form)
	must(t, err)
	defer resp.Body.Close()
	var issued struct {
		ExpiresIn int `json:"expires_in"`
	}
	must(t, json.NewDecoder(resp.Body).Decode(&issued))
	if issued.ExpiresIn < 60 {
		t.Fatalf("expires_in %d", issued.ExpiresIn)
	}
	return time.Duration(issued.ExpiresIn) * time.Second
}
