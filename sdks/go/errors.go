package roster

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Every failed call returns an *Error carrying the management API's one error shape
// ({code, message, details}) and the HTTP status. Kind (and errors.Is with the Err* values)
// tells the statuses apart; a 400's Parameter names the request parameter the server refused.

// ErrorKind sorts errors by what the caller can do about them.
type ErrorKind string

const (
	KindBadRequest       ErrorKind = "bad_request"
	KindAuthentication   ErrorKind = "authentication"
	KindPermissionDenied ErrorKind = "permission_denied"
	KindNotFound         ErrorKind = "not_found"
	KindConflict         ErrorKind = "conflict"
	KindGone             ErrorKind = "gone"
	KindRateLimited      ErrorKind = "rate_limited"
	KindServer           ErrorKind = "server"
	KindConnection       ErrorKind = "connection"
	KindUnexpected       ErrorKind = "unexpected"
)

// Targets for errors.Is: errors.Is(err, roster.ErrNotFound) is true for a 404 *Error.
var (
	// ErrBadRequest: 400 (and other 4xx the request itself caused, such as 413).
	ErrBadRequest = errors.New("roster: bad request")
	// ErrAuthentication: 401, credentials refused (invalid_client) or a token refused twice.
	ErrAuthentication = errors.New("roster: authentication failed")
	// ErrPermissionDenied: 403, not allowed in the current state (e.g. an organization without the scim feature).
	ErrPermissionDenied = errors.New("roster: permission denied")
	// ErrNotFound: 404, an unknown id, including another organization's ids.
	ErrNotFound = errors.New("roster: not found")
	// ErrConflict: 409.
	ErrConflict = errors.New("roster: conflict")
	// ErrGone: 410, an Events API cursor older than the retention period (cursor_expired).
	ErrGone = errors.New("roster: gone")
	// ErrRateLimited: 429 after the retries ran out.
	ErrRateLimited = errors.New("roster: rate limited")
	// ErrServer: 5xx after the retries ran out (or at once for a POST, which may have been applied).
	ErrServer = errors.New("roster: server error")
	// ErrConnection: no response, the connection failed or the attempt timed out.
	ErrConnection = errors.New("roster: no response")
)

var kindTargets = map[ErrorKind]error{
	KindBadRequest:       ErrBadRequest,
	KindAuthentication:   ErrAuthentication,
	KindPermissionDenied: ErrPermissionDenied,
	KindNotFound:         ErrNotFound,
	KindConflict:         ErrConflict,
	KindGone:             ErrGone,
	KindRateLimited:      ErrRateLimited,
	KindServer:           ErrServer,
	KindConnection:       ErrConnection,
}

// Error is what a failed call returns. Use errors.As to read it:
//
//	var apiErr *roster.Error
//	if errors.As(err, &apiErr) && apiErr.Code == "already_exists" { ... }
type Error struct {
	// Kind sorts the error by status; see the Kind* constants.
	Kind ErrorKind
	// Status is the HTTP status; 0 when no response came (KindConnection).
	Status int
	// Code is the API's stable error code: invalid_argument, unauthenticated, invalid_client,
	// not_found, already_exists, failed_precondition, cursor_expired, ...
	Code string
	// Message is the server's explanation, meant for people.
	Message string
	// Details holds more about the error; for a 400, "parameter" names the refused parameter.
	Details map[string]any
	// Header is the response's header, when there was a response (e.g. Retry-After of a 429).
	Header http.Header
	// Err is the cause of a KindConnection error (a *url.Error, context.DeadlineExceeded, ...).
	Err error
}

func (e *Error) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("roster: %s: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("roster: %d %s: %s", e.Status, e.Code, e.Message)
}

// Unwrap gives the cause of a connection error, so errors.Is(err, context.Canceled) works.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the Err* value of the error's kind.
func (e *Error) Is(target error) bool {
	kindTarget, ok := kindTargets[e.Kind]
	return ok && kindTarget == target
}

// Parameter is the request parameter a 400 names (details.parameter), e.g. "page_size" or
// "attributes.0.key"; "" when there is none.
func (e *Error) Parameter() string {
	parameter, _ := e.Details["parameter"].(string)
	return parameter
}

// errorBody is the API's error shape (components.schemas.ApiError).
type errorBody struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

// kindOfStatus maps an HTTP status to the kind of error it means.
func kindOfStatus(status int) ErrorKind {
	switch {
	case status == 400:
		return KindBadRequest
	case status == 401:
		return KindAuthentication
	case status == 403:
		return KindPermissionDenied
	case status == 404:
		return KindNotFound
	case status == 409:
		return KindConflict
	case status == 410:
		return KindGone
	case status == 429:
		return KindRateLimited
	case status >= 500:
		return KindServer
	case status >= 400:
		// 413 payload_too_large, 415 unsupported_media_type: the request itself is wrong.
		return KindBadRequest
	default:
		return KindUnexpected
	}
}

const maxErrorTextLength = 500

// errorFromResponse is the *Error for a non-2xx response with this body (JSON, text or nothing).
func errorFromResponse(status int, header http.Header, body []byte) *Error {
	apiErr := &Error{Kind: kindOfStatus(status), Status: status, Code: fmt.Sprintf("http_%d", status), Message: fmt.Sprintf("HTTP %d", status), Details: map[string]any{}, Header: header}
	var shaped errorBody
	if json.Unmarshal(body, &shaped) == nil && shaped.Code != "" && shaped.Message != "" {
		apiErr.Code, apiErr.Message = shaped.Code, shaped.Message
		if shaped.Details != nil {
			apiErr.Details = shaped.Details
		}
		return apiErr
	}
	if text := strings.TrimSpace(string(body)); text != "" {
		if len(text) > maxErrorTextLength {
			text = text[:maxErrorTextLength]
		}
		apiErr.Message = text
	}
	return apiErr
}

// connectionError is the *Error for an attempt that got no response.
func connectionError(method, path string, cause error) *Error {
	return &Error{Kind: KindConnection, Code: "connection_failed", Message: fmt.Sprintf("%s %s got no response: %v", method, path, cause), Details: map[string]any{}, Err: cause}
}
