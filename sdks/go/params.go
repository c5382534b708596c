package roster

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Helpers for building requests: escaped paths, query strings with only the options set, and
// pointers for the optional fields of updates.

// String returns a pointer to v, for optional fields: roster.String("Acme").
func String(v string) *string { return &v }

// Bool returns a pointer to v, for optional fields: roster.Bool(false).
func Bool(v bool) *bool { return &v }

// Duration returns a pointer to v, for optional durations: roster.Duration(time.Hour).
func Duration(v time.Duration) *time.Duration { return &v }

// pathOf joins literal parts and path parameters, escaping the parameters:
// pathOf("/api/v1/organizations/", id, "/directories").
func pathOf(parts ...string) string {
	var b strings.Builder
	for index, part := range parts {
		if index%2 == 1 {
			part = url.PathEscape(part)
		}
		b.WriteString(part)
	}
	return b.String()
}

// query collects the query parameters that were set.
type query url.Values

func (q query) text(name, value string) query {
	if value != "" {
		url.Values(q).Set(name, value)
	}
	return q
}

func (q query) number(name string, value int) query {
	if value != 0 {
		url.Values(q).Set(name, strconv.Itoa(value))
	}
	return q
}

func (q query) flag(name string, value bool) query {
	if value {
		url.Values(q).Set(name, "true")
	}
	return q
}

func (q query) time(name string, value time.Time) query {
	if !value.IsZero() {
		url.Values(q).Set(name, timestamp(value))
	}
	return q
}

func (q query) page(options PageOptions) query {
	return q.number("page_size", options.PageSize).text("page_token", options.PageToken)
}

func (q query) values() url.Values { return url.Values(q) }

// timestamp formats a time as the API takes it: RFC 3339 in UTC with milliseconds.
func timestamp(value time.Time) string {
	return value.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// first is the options a variadic options argument was given, or the zero value.
func first[T any](options []T) T {
	var zero T
	if len(options) == 0 {
		return zero
	}
	return options[0]
}

// seconds is a duration as whole seconds, for the API's *_seconds fields.
func seconds(d time.Duration) int { return int(d / time.Second) }
