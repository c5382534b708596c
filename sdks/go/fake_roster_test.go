package roster

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// A stand-in for Roster in unit tests: it issues tokens at /oauth/token and hands every other
// request to the test's handler, recording what it saw.

type seenRequest struct {
	method string
	path   string
	// escaped is the path as sent, before decoding.
	escaped string
	query   string
	token   string
	body    string
}

type fakeRoster struct {
	t       *testing.T
	server  *httptest.Server
	mu      sync.Mutex
	seen    []seenRequest
	tokens  int
	handler func(w http.ResponseWriter, r *http.Request, count int)
	// tokenStatus answers /oauth/token with this status instead of a token when set.
	tokenStatus int
	// firstTokenDelay holds the first token back, so concurrent callers all wait for it.
	firstTokenDelay time.Duration
}

func newFakeRoster(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, count int)) *fakeRoster {
	t.Helper()
	fake := &fakeRoster{t: t, handler: handler}
	fake.server = httptest.NewServer(http.HandlerFunc(fake.serve))
	t.Cleanup(fake.server.Close)
	return fake
}

func (f *fakeRoster) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	if r.URL.Path == "/oauth/token" {
		f.tokens++
		n, status := f.tokens, f.tokenStatus
		f.mu.Unlock()
		if n == 1 {
			time.Sleep(f.firstTokenDelay)
		}
		if status != 0 {
			writeJSON(w, status, map[string]any{"code": "invalid_client", "message": "client authentication failed"})
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": fmt.Sprintf("token-%d", n), "token_type": "Bearer", "expires_in": 3600})
		return
	}
	f.seen = append(f.seen, seenRequest{r.Method, r.URL.Path, r.URL.EscapedPath(), r.URL.RawQuery, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), string(body)})
	count := 0
	for _, seen := range f.seen {
		if seen.method == r.Method && seen.path == r.URL.Path {
			count++
		}
	}
	f.mu.Unlock()
	f.handler(w, r, count)
}

func (f *fakeRoster) client(options ...Option) *Client {
	fast := WithRetryPolicy(RetryPolicy{MaxRetries: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond})
	return NewClient(f.server.URL, "client_id", "client_secret", append([]Option{fast}, options...)...)
}

func (f *fakeRoster) requests() []seenRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seenRequest(nil), f.seen...)
}

func (f *fakeRoster) tokenRequests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokens
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func apiError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"code": code, "message": message})
}
