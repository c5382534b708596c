package roster

import (
	"os"
	"testing"
)

// liveURL is the Roster the live tests run against (ROSTER_URL); without it they skip, unless
// ROSTER_SDK_REQUIRE_LIVE is set (as the repository's test entry sets it), when they fail.
func liveURL(t *testing.T) string {
	t.Helper()
	url := os.Getenv("ROSTER_URL")
	if url == "" {
		if os.Getenv("ROSTER_SDK_REQUIRE_LIVE") != "" {
			t.Fatal("ROSTER_URL is not set, and ROSTER_SDK_REQUIRE_LIVE says this run needs a live Roster")
		}
		t.Skip("no live Roster: set ROSTER_URL, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET to run this test (npm test -- sdks/go does)")
	}
	return url
}
