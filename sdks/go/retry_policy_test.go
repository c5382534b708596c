package roster

import (
	"net/http"
	"testing"
	"time"
)

func TestIsRetryable(t *testing.T) {
	cases := []struct {
		method string
		status int
		want   bool
	}{
		{"GET", 429, true},
		{"POST", 429, true},
		{"POST", 503, true},
		{"GET", 503, true},
		{"GET", 500, true},
		{"PATCH", 502, true},
		{"DELETE", 504, true},
		{"POST", 500, false},
		{"POST", 502, false},
		{"post", 500, false},
		{"GET", statusNoResponse, true},
		{"PUT", statusNoResponse, true},
		{"POST", statusNoResponse, false},
		{"GET", 400, false},
		{"GET", 401, false},
		{"GET", 404, false},
		{"GET", 409, false},
		{"GET", 200, false},
	}
	for _, c := range cases {
		if got := isRetryable(c.method, c.status); got != c.want {
			t.Errorf("isRetryable(%s, %d) = %v, want %v", c.method, c.status, got, c.want)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		value  string
		wait   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"   ", 0, false},
		{"0", 0, true},
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"99999999999", 0, false},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"Fri, 01 May 2026 12:00:10 GMT", 10 * time.Second, true},
		{"Friday, 01-May-26 12:00:10 GMT", 10 * time.Second, true},
	}
	for _, c := range cases {
		wait, ok := parseRetryAfter(c.value, now)
		if ok != c.wantOK || wait != c.wait {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", c.value, wait, ok, c.wait, c.wantOK)
		}
	}
}

func TestRetryDelayBacksOffWithEqualJitterAndHonoursRetryAfter(t *testing.T) {
	policy := DefaultRetryPolicy
	now := time.Now()
	never := func() float64 { return 0 }
	always := func() float64 { return 0.999999 }
	for retry, ceiling := range []time.Duration{250 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second} {
		low, ok := retryDelay(retry, "", policy, now, never)
		high, _ := retryDelay(retry, "", policy, now, always)
		if !ok || low != ceiling/2 || high < ceiling*99/100 || high > ceiling {
			t.Errorf("retry %d: delays %v..%v, want %v..%v", retry, low, high, ceiling/2, ceiling)
		}
	}
	if delay, ok := retryDelay(200, "", policy, now, always); !ok || delay > policy.MaxDelay {
		t.Errorf("a very late retry waits %v, more than MaxDelay", delay)
	}
	if delay, ok := retryDelay(0, "2", policy, now, always); !ok || delay != 2*time.Second {
		t.Errorf("Retry-After: 2 gave %v, %v", delay, ok)
	}
	if _, ok := retryDelay(0, "61", policy, now, always); ok {
		t.Error("a Retry-After longer than MaxRetryAfter is not waited for")
	}
	if delay, ok := retryDelay(0, "60", policy, now, always); !ok || delay != time.Minute {
		t.Errorf("Retry-After equal to MaxRetryAfter is waited for, got %v, %v", delay, ok)
	}
}

func TestRetryPolicyZeroDurationsTakeTheDefaults(t *testing.T) {
	got := RetryPolicy{MaxRetries: 5}.withDefaults()
	want := DefaultRetryPolicy
	want.MaxRetries = 5
	if got != want {
		t.Errorf("withDefaults = %+v, want %+v", got, want)
	}
	if off := (RetryPolicy{MaxRetries: -1}).withDefaults(); off.MaxRetries != 0 {
		t.Errorf("negative MaxRetries gives %d", off.MaxRetries)
	}
}
