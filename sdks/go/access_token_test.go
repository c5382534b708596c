package roster

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRefreshMargin(t *testing.T) {
	cases := map[time.Duration]time.Duration{
		60 * time.Second: 12 * time.Second,
		time.Hour:        time.Minute,
		5 * time.Minute:  time.Minute,
		10 * time.Second: 2 * time.Second,
		0:                0,
	}
	for lifetime, want := range cases {
		if got := refreshMargin(lifetime); got != want {
			t.Errorf("refreshMargin(%v) = %v, want %v", lifetime, got, want)
		}
	}
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestTokenCacheFetchesOnceForConcurrentCallersAndRenewsInTheLastFifth(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	var issued atomic.Int32
	release := make(chan struct{})
	cache := &tokenCache{now: clock.Now, issue: func(context.Context) (issuedToken, error) {
		n := issued.Add(1)
		<-release
		return issuedToken{AccessToken: "token-" + string(rune('0'+n)), ExpiresIn: 60 * time.Second}, nil
	}}
	var wg sync.WaitGroup
	tokens := make([]string, 8)
	for i := range tokens {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tokens[i], _ = cache.get(context.Background())
		}(i)
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if issued.Load() != 1 {
		t.Fatalf("%d token requests for 8 concurrent callers, want 1", issued.Load())
	}
	for _, token := range tokens {
		if token != "token-1" {
			t.Fatalf("a caller got %q", token)
		}
	}
	clock.Advance(47 * time.Second)
	if token, _ := cache.get(context.Background()); token != "token-1" || issued.Load() != 1 {
		t.Fatalf("still fresh after 47 of 60 seconds: got %q after %d requests", token, issued.Load())
	}
	clock.Advance(2 * time.Second)
	if token, _ := cache.get(context.Background()); token != "token-2" {
		t.Fatalf("renewed in its last fifth (after 49 of 60 seconds): got %q", token)
	}
}

func TestTokenCacheInvalidateForgetsOnlyTheRefusedToken(t *testing.T) {
	var issued atomic.Int32
	cache := &tokenCache{now: time.Now, issue: func(context.Context) (issuedToken, error) {
		n := issued.Add(1)
		return issuedToken{AccessToken: string(rune('a' + n - 1)), ExpiresIn: time.Hour}, nil
	}}
	first, _ := cache.get(context.Background())
	cache.invalidate("some-older-token")
	if again, _ := cache.get(context.Background()); again != first {
		t.Fatal("invalidating another token dropped the cached one")
	}
	cache.invalidate(first)
	if next, _ := cache.get(context.Background()); next == first || issued.Load() != 2 {
		t.Fatalf("after invalidate: %q, %d requests", next, issued.Load())
	}
}

func TestTokenCacheDoesNotKeepFailuresAndOneCallerGivingUpDoesNotFailTheOthers(t *testing.T) {
	refused := errors.New("refused")
	var calls atomic.Int32
	release := make(chan struct{})
	cache := &tokenCache{now: time.Now, issue: func(ctx context.Context) (issuedToken, error) {
		if calls.Add(1) == 1 {
			return issuedToken{}, refused
		}
		<-release
		if ctx.Err() != nil {
			return issuedToken{}, ctx.Err()
		}
		return issuedToken{AccessToken: "ok", ExpiresIn: time.Hour}, nil
	}}
	if _, err := cache.get(context.Background()); !errors.Is(err, refused) {
		t.Fatalf("first fetch: %v", err)
	}
	impatient, cancel := context.WithCancel(context.Background())
	result := make(chan error, 1)
	go func() {
		_, err := cache.get(impatient)
		result <- err
	}()
	time.Sleep(10 * time.Millisecond)
	patient := make(chan string, 1)
	go func() {
		token, _ := cache.get(context.Background())
		patient <- token
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	if err := <-result; !errors.Is(err, context.Canceled) {
		t.Fatalf("the impatient caller got %v", err)
	}
	close(release)
	if token := <-patient; token != "ok" {
		t.Fatalf("the patient caller got %q", token)
	}
}
