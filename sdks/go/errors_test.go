package roster

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestErrorFromResponseKeepsTheAPIShapeAndSortsByStatus(t *testing.T) {
	shaped := `{"code":"invalid_argument","message":"page_size must be 1 to 100","details":{"parameter":"page_size"}}`
	cases := []struct {
		status  int
		body    string
		kind    ErrorKind
		target  error
		code    string
		message string
	}{
		{400, shaped, KindBadRequest, ErrBadRequest, "invalid_argument", "page_size must be 1 to 100"},
		{401, `{"code":"invalid_client","message":"no"}`, KindAuthentication, ErrAuthentication, "invalid_client", "no"},
		{403, `{"code":"failed_precondition","message":"scim is off"}`, KindPermissionDenied, ErrPermissionDenied, "failed_precondition", "scim is off"},
		{404, `{"code":"not_found","message":"no such organization"}`, KindNotFound, ErrNotFound, "not_found", "no such organization"},
		{409, `{"code":"already_exists","message":"taken"}`, KindConflict, ErrConflict, "already_exists", "taken"},
		{410, `{"code":"cursor_expired","message":"too old"}`, KindGone, ErrGone, "cursor_expired", "too old"},
		{413, `{"code":"payload_too_large","message":"big"}`, KindBadRequest, ErrBadRequest, "payload_too_large", "big"},
		{429, `{"code":"rate_limited","message":"slow"}`, KindRateLimited, ErrRateLimited, "rate_limited", "slow"},
		{500, `{"code":"internal","message":"boom"}`, KindServer, ErrServer, "internal", "boom"},
		{502, `<html>Bad Gateway</html>`, KindServer, ErrServer, "http_502", "<html>Bad Gateway</html>"},
		{503, ``, KindServer, ErrServer, "http_503", "HTTP 503"},
		{404, `{"message":"no code"}`, KindNotFound, ErrNotFound, "http_404", `{"message":"no code"}`},
		{302, ``, KindUnexpected, nil, "http_302", "HTTP 302"},
	}
	for _, c := range cases {
		got := errorFromResponse(c.status, http.Header{"X-Test": {"1"}}, []byte(c.body))
		if got.Kind != c.kind || got.Code != c.code || got.Message != c.message || got.Status != c.status || got.Header.Get("X-Test") != "1" || got.Details == nil {
			t.Errorf("%d %s: got %+v", c.status, c.body, got)
		}
		var err error = fmt.Errorf("wrapped: %w", got)
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr != got {
			t.Errorf("%d: errors.As through a wrap failed", c.status)
		}
		for _, target := range kindTargets {
			if errors.Is(err, target) != (target == c.target) {
				t.Errorf("%d: errors.Is(err, %v) = %v", c.status, target, !(target == c.target))
			}
		}
	}
	if got := errorFromResponse(400, nil, []byte(shaped)); got.Parameter() != "page_size" {
		t.Errorf("Parameter() = %q", got.Parameter())
	}
	if got := errorFromResponse(404, nil, nil); got.Parameter() != "" {
		t.Errorf("Parameter() without details = %q", got.Parameter())
	}
	long := errorFromResponse(502, nil, []byte(strings.Repeat("x", 10_000)))
	if len(long.Message) != maxErrorTextLength {
		t.Errorf("a long text body became a %d-character message", len(long.Message))
	}
	if text := errorFromResponse(404, nil, []byte(`{"code":"not_found","message":"gone"}`)).Error(); text != "roster: 404 not_found: gone" {
		t.Errorf("Error() = %q", text)
	}
}
