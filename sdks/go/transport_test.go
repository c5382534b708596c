package roster

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var ctx = context.Background()

func organizationsPage(w http.ResponseWriter) {
	writeJSON(w, 200, map[string]any{"organizations": []any{}, "next_page_token": "", "prev_page_token": "", "total_size": 0})
}

func TestA429IsRetriedAfterItsRetryAfter(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if count == 1 {
			w.Header().Set("Retry-After", "1")
			apiError(w, 429, "rate_limited", "slow down")
			return
		}
		organizationsPage(w)
	})
	started := time.Now()
	if _, err := fake.client().Organization().ListOrganizations(ctx); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(started); waited < 950*time.Millisecond {
		t.Errorf("waited %v, Retry-After asked for 1 s", waited)
	}
	if n := len(fake.requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestAPostAnswered503IsSentAgainWithTheSameBodyButA500IsNot(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if strings.Contains(r.URL.Path, "fail") {
			apiError(w, 500, "internal", "boom")
			return
		}
		if count <= 2 {
			apiError(w, 503, "unavailable", "busy")
			return
		}
		writeJSON(w, 201, map[string]any{"organization": map[string]any{"id": "org_1", "display_name": "Retried"}})
	})
	organization, err := fake.client().Organization().CreateOrganization(ctx, "Retried", CreateOrganizationOptions{ExternalID: "retried"})
	if err != nil || organization.ID != "org_1" {
		t.Fatalf("%v %v", organization, err)
	}
	seen := fake.requests()
	if len(seen) != 3 {
		t.Fatalf("%d attempts, want 3", len(seen))
	}
	for _, attempt := range seen {
		if attempt.body != `{"display_name":"Retried","external_id":"retried"}` {
			t.Errorf("attempt sent %q", attempt.body)
		}
	}

	_, err = fake.client().Webhooks().RotateSecret(ctx, "fail")
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 500 || apiErr.Code != "internal" || apiErr.Message != "boom" || !errors.Is(err, ErrServer) {
		t.Fatalf("got %v", err)
	}
	if n := len(fake.requests()); n != 4 {
		t.Errorf("a POST answered 500 was sent again (%d requests in all)", n)
	}
}

func TestAGetAnswered500IsRetriedUpToMaxRetriesAndA429ThatLastsIsRateLimited(t *testing.T) {
	status := 500
	retryAfter := ""
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		apiError(w, status, "some_code", "no")
	})
	twice := WithRetryPolicy(RetryPolicy{MaxRetries: 2, BaseDelay: time.Millisecond})
	if _, err := fake.client(twice).Role().ListRoles(ctx); !errors.Is(err, ErrServer) {
		t.Fatalf("got %v", err)
	}
	if n := len(fake.requests()); n != 3 {
		t.Fatalf("%d attempts, want the first and two retries", n)
	}

	status, retryAfter = 429, "0"
	_, err := fake.client(twice).Role().ListRoles(ctx)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Kind != KindRateLimited || apiErr.Header.Get("Retry-After") != "0" {
		t.Fatalf("got %v", err)
	}
	if n := len(fake.requests()); n != 6 {
		t.Fatalf("%d requests in all, want 6", n)
	}

	retryAfter = "3600"
	if _, err := fake.client(twice).Role().ListRoles(ctx); !errors.Is(err, ErrRateLimited) {
		t.Fatalf("got %v", err)
	}
	if n := len(fake.requests()); n != 7 {
		t.Fatalf("an hour is longer than the SDK waits, yet it retried (%d requests)", n)
	}

	status, retryAfter = 404, ""
	if _, err := fake.client(twice).Role().GetRole(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("got %v", err)
	}
	if n := len(fake.requests()); n != 8 {
		t.Fatalf("a 404 was retried (%d requests)", n)
	}
}

func TestA401IsAnsweredWithANewTokenOnceAndASecond401IsTheCallersError(t *testing.T) {
	refuse := 1
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if count <= refuse {
			apiError(w, 401, "unauthenticated", "The access token is invalid or expired")
			return
		}
		organizationsPage(w)
	})
	sc := fake.client()
	if _, err := sc.Organization().ListOrganizations(ctx); err != nil {
		t.Fatal(err)
	}
	seen := fake.requests()
	if fake.tokenRequests() != 2 || len(seen) != 2 || seen[0].token != "token-1" || seen[1].token != "token-2" {
		t.Fatalf("tokens %d, requests %+v", fake.tokenRequests(), seen)
	}
	// The new token is kept.
	if _, err := sc.Organization().ListOrganizations(ctx); err != nil || fake.tokenRequests() != 2 {
		t.Fatalf("%v after %d token requests", err, fake.tokenRequests())
	}

	refuse = 100
	_, err := fake.client().Organization().ListOrganizations(ctx)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Kind != KindAuthentication || apiErr.Code != "unauthenticated" {
		t.Fatalf("got %v", err)
	}

	fake.tokenStatus = 401
	_, err = fake.client().Organization().ListOrganizations(ctx)
	if !errors.As(err, &apiErr) || apiErr.Code != "invalid_client" || !errors.Is(err, ErrAuthentication) {
		t.Fatalf("refused credentials gave %v", err)
	}
}

func TestNoServerIsAConnectionErrorAfterTheRetries(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	address := listener.Addr().String()
	listener.Close()
	sc := NewClient("http://"+address, "id", "secret", WithRetryPolicy(RetryPolicy{MaxRetries: 1, BaseDelay: time.Millisecond}))
	_, err = sc.Organization().ListOrganizations(ctx)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 0 || apiErr.Kind != KindConnection || !errors.Is(err, ErrConnection) || apiErr.Unwrap() == nil {
		t.Fatalf("got %#v", err)
	}
}

func TestACancelledContextStopsTheBackoffAndIsTheCause(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		w.Header().Set("Retry-After", "30")
		apiError(w, 503, "unavailable", "busy")
	})
	cancelled, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	started := time.Now()
	_, err := fake.client().Organization().ListOrganizations(cancelled)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrConnection) {
		t.Fatalf("got %v", err)
	}
	if elapsed := time.Since(started); elapsed > 5*time.Second {
		t.Fatalf("took %v: the wait for Retry-After ignored the context", elapsed)
	}
}

func TestASlowAttemptTimesOutAndAGetIsTriedAgain(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if count == 1 {
			time.Sleep(300 * time.Millisecond)
		}
		organizationsPage(w)
	})
	if _, err := fake.client(WithTimeout(100 * time.Millisecond)).Organization().ListOrganizations(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.requests()); n != 2 {
		t.Fatalf("%d attempts, want 2", n)
	}
}

func TestBadConfigurationIsReportedOnEveryCall(t *testing.T) {
	for _, sc := range []*Client{NewClient("", "id", "secret"), NewClient("ftp://example.com", "id", "secret"), NewClient("http://127.0.0.1:1", "", "secret"), NewClient("http://127.0.0.1:1", "id", "")} {
		if _, err := sc.Organization().ListOrganizations(ctx); err == nil || !strings.Contains(err.Error(), "roster.NewClient") {
			t.Errorf("got %v", err)
		}
	}
}

func TestPathParametersAreEscapedAndTheBaseURLKeepsItsPath(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		writeJSON(w, 200, map[string]any{"organization": map[string]any{"id": "org_1"}})
	})
	sc := NewClient(fake.server.URL+"/", "id", "secret")
	if _, err := sc.Organization().GetOrganizationByExternalID(ctx, "acme/eu?x=1#y"); err != nil {
		t.Fatal(err)
	}
	seen := fake.requests()[0]
	if seen.escaped != "/api/v1/organizations:external/acme%2Feu%3Fx=1%23y" || seen.query != "" {
		t.Fatalf("path %q, query %q", seen.escaped, seen.query)
	}
}

func TestConcurrentCallsShareOneTokenAndOneRefreshWhenTheServerRefusesIt(t *testing.T) {
	var refusals atomic.Int32
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		if r.Header.Get("Authorization") == "Bearer token-1" {
			// Refusals spread over 100 ms, so most arrive after token-2 is in use: they must not drop it.
			time.Sleep(time.Duration(refusals.Add(1)) * 5 * time.Millisecond)
			apiError(w, 401, "unauthenticated", "The access token is invalid or expired")
			return
		}
		organizationsPage(w)
	})
	fake.firstTokenDelay = 50 * time.Millisecond
	sc := fake.client()
	const calls = 20
	errs := make(chan error, calls)
	for i := 0; i < calls; i++ {
		go func() {
			_, err := sc.Organization().ListOrganizations(ctx)
			errs <- err
		}()
	}
	for i := 0; i < calls; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	// token-1 for everyone, refused; each refusal forgets token-1 only, so one token-2 serves all.
	if n := fake.tokenRequests(); n != 2 {
		t.Fatalf("%d token requests for %d concurrent calls refused once", n, calls)
	}
	if n := len(fake.requests()); n != 2*calls {
		t.Fatalf("%d requests, want every call sent with token-1, then with token-2", n)
	}
}

func TestAnswersThatAreNotTheExpectedJSONAreTypedErrors(t *testing.T) {
	body := "<html>maintenance</html>"
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		w.WriteHeader(200)
		_, _ = w.Write([]byte(body))
	})
	_, err := fake.client().Organization().GetOrganization(ctx, "org_1")
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != "invalid_response" || apiErr.Kind != KindUnexpected || apiErr.Status != 200 {
		t.Fatalf("an HTML answer: %v", err)
	}
	body = ""
	if _, err = fake.client().Organization().GetOrganization(ctx, "org_1"); !errors.As(err, &apiErr) || apiErr.Code != "empty_response" {
		t.Fatalf("an empty answer: %v", err)
	}
	// A 204 where no body is expected is success.
	if err := fake.client().Organization().DeleteOrganization(ctx, "org_1"); err != nil {
		t.Fatal(err)
	}
}

func TestACallWhoseContextEndsWhileTheTokenIsFetchedIsAConnectionError(t *testing.T) {
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) { organizationsPage(w) })
	fake.firstTokenDelay = time.Second
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err := fake.client().Organization().ListOrganizations(short)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrConnection) {
		t.Fatalf("got %v", err)
	}
}

func TestABaseURLWithAPathPrefixKeepsIt(t *testing.T) {
	var paths []string
	fake := newFakeRoster(t, func(w http.ResponseWriter, r *http.Request, count int) {
		paths = append(paths, r.URL.Path)
		organizationsPage(w)
	})
	// The fake answers tokens only at /oauth/token: a prefixed token path gets the handler's page,
	// which has no access_token, so the prefix is checked on a call that needs no token.
	sc := NewClient(fake.server.URL+"/roster/?ignored=1#fragment", "id", "secret")
	if sc.baseURL != fake.server.URL+"/roster" {
		t.Fatalf("base URL %q", sc.baseURL)
	}
	if _, err := sc.issueToken(ctx); err == nil || len(paths) != 1 || paths[0] != "/roster/oauth/token" {
		t.Fatalf("%v, paths %v", err, paths)
	}
}
