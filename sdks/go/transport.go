package roster

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Every call goes through call: it adds the bearer token (and on a 401 fetches a new one and
// tries once more), and send retries 429 and 5xx answers and lost connections per the policy.

// request is one management API call before it is sent.
type request struct {
	method string
	// path is already escaped (see pathOf).
	path  string
	query url.Values
	// body is marshalled to JSON; nil sends no body.
	body any
}

// response is an answer read in full: management API answers are small JSON documents.
type response struct {
	status int
	header http.Header
	body   []byte
}

// maxResponseBytes bounds how much of an answer is read.
const maxResponseBytes = 64 << 20

// decodeStrictly makes decoding refuse fields the models lack. Off for users (a newer server may
// add fields); openapi_test.go turns it on to prove every field of the document has a home.
var decodeStrictly = false

// call sends an authorized request and decodes a 2xx answer into out (nil: no body expected).
func (c *Client) call(ctx context.Context, req request, out any) error {
	if c.configErr != nil {
		return c.configErr
	}
	payload, err := encodeBody(req.body)
	if err != nil {
		return err
	}
	send := func() (string, *response, error) {
		token, err := c.tokens.get(ctx)
		if err != nil {
			var apiErr *Error
			if !errors.As(err, &apiErr) {
				// The caller's context ended while the token was on its way.
				err = connectionError(http.MethodPost, "/oauth/token", err)
			}
			return "", nil, err
		}
		answer, err := c.send(ctx, req, payload, token)
		return token, answer, err
	}
	token, answer, err := send()
	if err == nil && answer.status == http.StatusUnauthorized {
		// The server no longer takes the token (expired early, or its client was revoked): one more
		// try with a fresh token; a second 401 is the caller's error.
		c.tokens.invalidate(token)
		_, answer, err = send()
	}
	if err != nil {
		return err
	}
	return decodeAnswer(req, answer, out)
}

// callAs sends an authorized request and decodes its 2xx answer into a new T.
func callAs[T any](ctx context.Context, c *Client, req request) (*T, error) {
	var out T
	if err := c.call(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func encodeBody(body any) ([]byte, error) {
	if body == nil {
		return nil, nil
	}
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("roster: encoding the request body: %w", err)
	}
	return payload, nil
}

func decodeAnswer(req request, answer *response, out any) error {
	if answer.status < 200 || answer.status > 299 {
		return errorFromResponse(answer.status, answer.header, answer.body)
	}
	if out == nil {
		return nil
	}
	if len(bytes.TrimSpace(answer.body)) == 0 {
		return &Error{Kind: KindUnexpected, Status: answer.status, Code: "empty_response", Message: fmt.Sprintf("%s %s: %d came without the expected body", req.method, req.path, answer.status), Details: map[string]any{}, Header: answer.header}
	}
	decoder := json.NewDecoder(bytes.NewReader(answer.body))
	if decodeStrictly {
		decoder.DisallowUnknownFields()
	}
	if err := decoder.Decode(out); err != nil {
		return &Error{Kind: KindUnexpected, Status: answer.status, Code: "invalid_response", Message: fmt.Sprintf("%s %s: the answer is not the expected JSON: %v", req.method, req.path, err), Details: map[string]any{}, Header: answer.header, Err: err}
	}
	return nil
}

// send sends the request, retrying per the policy; token "" sends no Authorization header.
func (c *Client) send(ctx context.Context, req request, payload []byte, token string) (*response, error) {
	policy := c.settings.retry
	for retry := 0; ; retry++ {
		answer, err := c.attempt(ctx, req, payload, token)
		if err != nil && ctx.Err() != nil {
			// The caller gave up: no retry, and the context's error is the cause it sees.
			return nil, connectionError(req.method, req.path, ctx.Err())
		}
		status, retryAfter := statusNoResponse, ""
		if err == nil {
			status, retryAfter = answer.status, answer.header.Get("Retry-After")
		}
		if retry < policy.MaxRetries && isRetryable(req.method, status) {
			if delay, ok := retryDelay(retry, retryAfter, policy, c.settings.now(), nil); ok {
				if sleepErr := sleep(ctx, delay); sleepErr != nil {
					return nil, connectionError(req.method, req.path, sleepErr)
				}
				continue
			}
		}
		if err != nil {
			return nil, connectionError(req.method, req.path, err)
		}
		return answer, nil
	}
}

// attempt sends the request once, within the per-attempt timeout, and reads the whole answer.
func (c *Client) attempt(ctx context.Context, req request, payload []byte, token string) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.settings.timeout)
	defer cancel()
	target := c.baseURL + req.path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	httpReq, err := http.NewRequestWithContext(ctx, req.method, target, body)
	if err != nil {
		return nil, err
	}
	httpReq.Header.Set("Accept", "application/json")
	httpReq.Header.Set("User-Agent", c.settings.userAgent)
	if payload != nil {
		httpReq.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		httpReq.Header.Set("Authorization", "Bearer "+token)
	}
	httpResp, err := c.settings.httpClient.Do(httpReq)
	if err != nil {
		return nil, err
	}
	defer httpResp.Body.Close()
	content, err := io.ReadAll(io.LimitReader(httpResp.Body, maxResponseBytes))
	if err != nil {
		return nil, err
	}
	return &response{status: httpResp.StatusCode, header: httpResp.Header, body: content}, nil
}

func sleep(ctx context.Context, delay time.Duration) error {
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// accessTokenAnswer is components.schemas.AccessToken.
type accessTokenAnswer struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// issueToken exchanges the client's credentials for an access token (POST /oauth/token).
func (c *Client) issueToken(ctx context.Context) (issuedToken, error) {
	if c.configErr != nil {
		return issuedToken{}, c.configErr
	}
	req := request{method: http.MethodPost, path: "/oauth/token", body: map[string]string{"grant_type": "client_credentials", "client_id": c.clientID, "client_secret": c.secret}}
	payload, err := encodeBody(req.body)
	if err != nil {
		return issuedToken{}, err
	}
	answer, err := c.send(ctx, req, payload, "")
	if err != nil {
		return issuedToken{}, err
	}
	var issued accessTokenAnswer
	if err := decodeAnswer(req, answer, &issued); err != nil {
		return issuedToken{}, err
	}
	if issued.AccessToken == "" {
		return issuedToken{}, &Error{Kind: KindUnexpected, Status: answer.status, Code: "invalid_response", Message: "POST /oauth/token answered without an access_token", Details: map[string]any{}}
	}
	return issuedToken{AccessToken: issued.AccessToken, ExpiresIn: time.Duration(issued.ExpiresIn) * time.Second}, nil
}
