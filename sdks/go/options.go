package roster

import (
	"net/http"
	"time"
)

// Option changes how a Client sends its requests; pass any number to NewClient.
type Option func(*settings)

type settings struct {
	httpClient *http.Client
	retry      RetryPolicy
	timeout    time.Duration
	now        func() time.Time
	userAgent  string
}

func defaultSettings() settings {
	return settings{httpClient: http.DefaultClient, retry: DefaultRetryPolicy, timeout: 30 * time.Second, now: time.Now, userAgent: "roster-go/" + Version}
}

// WithHTTPClient sends requests with this client (for proxies, custom TLS, instrumentation);
// http.DefaultClient by default. Its Timeout, if set, bounds each attempt too.
func WithHTTPClient(client *http.Client) Option {
	return func(s *settings) {
		if client != nil {
			s.httpClient = client
		}
	}
}

// WithRetryPolicy replaces DefaultRetryPolicy; RetryPolicy{MaxRetries: 0} turns retries off.
func WithRetryPolicy(policy RetryPolicy) Option {
	return func(s *settings) { s.retry = policy.withDefaults() }
}

// WithTimeout bounds each attempt (default 30 seconds); the context bounds the whole call.
func WithTimeout(timeout time.Duration) Option {
	return func(s *settings) {
		if timeout > 0 {
			s.timeout = timeout
		}
	}
}

// WithClock sets the clock deciding when the access token is renewed (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(s *settings) {
		if now != nil {
			s.now = now
		}
	}
}

// WithUserAgent sets the User-Agent header (default "roster-go/<version>").
func WithUserAgent(userAgent string) Option {
	return func(s *settings) {
		if userAgent != "" {
			s.userAgent = userAgent
		}
	}
}
