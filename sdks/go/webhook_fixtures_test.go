package roster_test

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// The same verdicts as @roster/sdk on deliveries signed by the server's signer: the repository's
// test entry (packages/server/test/sdks/go.test.ts) writes them to a JSON file named by
// ROSTER_WEBHOOK_FIXTURES, each case with @roster/sdk's verdict.

type signedCase struct {
	Name             string            `json:"name"`
	Secret           string            `json:"secret"`
	Headers          map[string]string `json:"headers"`
	Body             string            `json:"body"`
	Now              int64             `json:"now"`
	ToleranceSeconds int               `json:"tolerance_seconds"`
	RosterSDK        string            `json:"roster_sdk"`
}

func TestWebhookVerdictsAgreeWithTheTypeScriptSDK(t *testing.T) {
	path := os.Getenv("ROSTER_WEBHOOK_FIXTURES")
	if path == "" {
		if os.Getenv("ROSTER_SDK_REQUIRE_LIVE") != "" {
			t.Fatal("ROSTER_WEBHOOK_FIXTURES is not set")
		}
		t.Skip("no signed payloads from @roster/sdk: set ROSTER_WEBHOOK_FIXTURES (npm test -- sdks/go does)")
	}
	raw, err := os.ReadFile(path)
	must(t, err)
	var fixtures struct {
		Cases []signedCase `json:"cases"`
	}
	must(t, json.Unmarshal(raw, &fixtures))
	verdicts := map[string]int{}
	for _, c := range fixtures.Cases {
		// As a hand-built map, keys as given: the lookup must not depend on their case.
		headers := http.Header{}
		for name, value := range c.Headers {
			headers[name] = []string{value}
		}
		options := roster.VerifyOptions{Now: func() time.Time { return time.Unix(c.Now, 0) }, Tolerance: time.Duration(c.ToleranceSeconds) * time.Second}
		got := "ok"
		if err := roster.VerifyWebhookPayload(c.Secret, headers, []byte(c.Body), options); err != nil {
			refused, ok := err.(*roster.WebhookVerificationError)
			if !ok {
				t.Fatalf("%s: %v", c.Name, err)
			}
			got = string(refused.Reason)
		}
		if got != c.RosterSDK {
			t.Errorf("%s: the Go SDK says %s, @roster/sdk says %s", c.Name, got, c.RosterSDK)
		}
		verdicts[c.RosterSDK]++
	}
	if len(fixtures.Cases) < 10 || verdicts["ok"] == 0 || verdicts[string(roster.WebhookNoMatchingSignature)] == 0 || verdicts[string(roster.WebhookTimestampOutOfTolerance)] == 0 {
		t.Fatalf("too few cases to compare: %v", verdicts)
	}
}
