package roster

import (
	"context"
	"sync"
	"time"
)

// The client_credentials access token (POST /oauth/token), fetched when first needed, shared by
// concurrent calls, and fetched again shortly before it expires so no request carries a token
// that lapses on the way.

// issuedToken is the part of components.schemas.AccessToken the cache needs.
type issuedToken struct {
	AccessToken string
	ExpiresIn   time.Duration
}

// refreshMargin is how long before expiry a token is replaced: a fifth of its lifetime, at most a minute.
func refreshMargin(lifetime time.Duration) time.Duration {
	if margin := lifetime / 5; margin < time.Minute {
		return margin
	}
	return time.Minute
}

type tokenFetch struct {
	done  chan struct{}
	token string
	err   error
}

type tokenCache struct {
	issue func(ctx context.Context) (issuedToken, error)
	now   func() time.Time

	mu        sync.Mutex
	token     string
	refreshAt time.Time
	pending   *tokenFetch
}

// get returns a token believed valid: the cached one, or one fetched now (once for all callers
// waiting at the same time).
func (c *tokenCache) get(ctx context.Context) (string, error) {
	c.mu.Lock()
	if c.token != "" && c.now().Before(c.refreshAt) {
		token := c.token
		c.mu.Unlock()
		return token, nil
	}
	fetch := c.pending
	if fetch == nil {
		fetch = &tokenFetch{done: make(chan struct{})}
		c.pending = fetch
		// Shared by every caller waiting for it, so one caller's cancellation does not fail the others.
		go c.fetch(context.WithoutCancel(ctx), fetch)
	}
	c.mu.Unlock()
	select {
	case <-fetch.done:
		return fetch.token, fetch.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func (c *tokenCache) fetch(ctx context.Context, fetch *tokenFetch) {
	requestedAt := c.now()
	issued, err := c.issue(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pending = nil
	if err == nil {
		// Counted from when it was asked for: the server's clock started no later than that.
		c.token = issued.AccessToken
		c.refreshAt = requestedAt.Add(issued.ExpiresIn - refreshMargin(issued.ExpiresIn))
	}
	fetch.token, fetch.err = issued.AccessToken, err
	close(fetch.done)
}

// invalidate forgets token if it is still the cached one: the server refused it.
func (c *tokenCache) invalidate(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token == token {
		c.token = ""
	}
}
