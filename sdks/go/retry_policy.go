package roster

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// When and how long to wait before sending a request again. Pure, so it is tested on its own.

// RetryPolicy says how often and how patiently a call is sent again. Start from
// DefaultRetryPolicy and change what you need; zero durations take the default's.
type RetryPolicy struct {
	// MaxRetries is the number of attempts after the first; 0 turns retries off.
	MaxRetries int
	// BaseDelay is the backoff before the first retry, doubled for each one after.
	BaseDelay time.Duration
	// MaxDelay caps every backoff.
	MaxDelay time.Duration
	// MaxRetryAfter: a Retry-After longer than this is not waited for; the error is returned instead.
	MaxRetryAfter time.Duration
}

// DefaultRetryPolicy: 3 retries, 250 ms doubling up to 8 s, Retry-After honoured up to 60 s.
var DefaultRetryPolicy = RetryPolicy{MaxRetries: 3, BaseDelay: 250 * time.Millisecond, MaxDelay: 8 * time.Second, MaxRetryAfter: 60 * time.Second}

// withDefaults fills the zero durations from DefaultRetryPolicy.
func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.BaseDelay <= 0 {
		p.BaseDelay = DefaultRetryPolicy.BaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = DefaultRetryPolicy.MaxDelay
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = DefaultRetryPolicy.MaxRetryAfter
	}
	if p.MaxRetries < 0 {
		p.MaxRetries = 0
	}
	return p
}

// statusNoResponse stands for an attempt that got no response at all.
const statusNoResponse = 0

// isRetryable: 429 and 503 mean the server did not act on the request, so any method is sent
// again. Other 5xx answers (and lost connections) may come after the change was made: only
// methods whose repeat leaves the same state are sent again. Every Roster route but POST is such a
// method (PUT and PATCH set fields; DELETE of a deleted resource is a 404).
func isRetryable(method string, status int) bool {
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		return true
	}
	repeatable := !strings.EqualFold(method, http.MethodPost)
	if status == statusNoResponse {
		return repeatable
	}
	return repeatable && status >= 500
}

// parseRetryAfter reads Retry-After as a wait from now: delta-seconds or an HTTP-date
// (RFC 9110 section 10.2.3). ok is false when the header is absent or unreadable.
func parseRetryAfter(value string, now time.Time) (wait time.Duration, ok bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseUint(value, 10, 32); err == nil {
		return time.Duration(seconds) * time.Second, true
	}
	date, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	if wait := date.Sub(now); wait > 0 {
		return wait, true
	}
	return 0, true
}

// retryDelay is the wait before retry number `retry` (0 for the first retry); ok is false when the
// server asks for longer than the policy waits. Exponential backoff with "equal jitter" (half
// fixed, half random) so clients that failed together do not come back together; Retry-After
// wins when sent.
func retryDelay(retry int, retryAfter string, policy RetryPolicy, now time.Time, random func() float64) (time.Duration, bool) {
	if asked, ok := parseRetryAfter(retryAfter, now); ok {
		return asked, asked <= policy.MaxRetryAfter
	}
	ceiling := policy.MaxDelay
	if retry < 32 {
		if doubled := policy.BaseDelay << retry; doubled > 0 && doubled < ceiling {
			ceiling = doubled
		}
	}
	if random == nil {
		random = rand.Float64
	}
	half := ceiling / 2
	return half + time.Duration(random()*float64(half)), true
}
