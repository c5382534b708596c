package roster_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	roster "github.com/roster-dev/roster/sdks/go"
)

// The live tests drive a real Roster (ROSTER_URL, ROSTER_CLIENT_ID, ROSTER_CLIENT_SECRET) through
// the SDK, and speak SCIM to it with net/http, as an IdP would.

type liveRoster struct {
	url, clientID, clientSecret string
}

func live(t *testing.T) liveRoster {
	t.Helper()
	url := roster.LiveURL(t)
	return liveRoster{url: url, clientID: os.Getenv("ROSTER_CLIENT_ID"), clientSecret: os.Getenv("ROSTER_CLIENT_SECRET")}
}

// client is a client of the live Roster (through another URL, e.g. a proxy, when given).
func (l liveRoster) client(options ...roster.Option) *roster.Client {
	return roster.NewClient(l.url, l.clientID, l.clientSecret, options...)
}

// testContext is cancelled when the test ends or after two minutes.
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func unique(prefix string) string {
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	return prefix + "-" + hex.EncodeToString(suffix)
}

// scimConnection is what an IdP holds after the admin portal step: the SCIM base URL and a bearer secret.
type scimConnection struct {
	endpoint, secret string
}

type provisioned struct {
	organizationID, directoryID string
	scim                        scimConnection
}

// provision makes, through the SDK, an organization with SCIM on, an Okta directory and a secret.
func provision(t *testing.T, ctx context.Context, sc *roster.Client, name string) provisioned {
	t.Helper()
	organization, err := sc.Organization().CreateOrganization(ctx, name, roster.CreateOrganizationOptions{ExternalID: unique(name)})
	must(t, err)
	_, err = sc.Organization().UpdateOrganizationSettings(ctx, organization.ID, roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}})
	must(t, err)
	directory, err := sc.Directory().CreateDirectory(ctx, organization.ID, roster.CreateDirectoryParams{DirectoryProvider: roster.ProviderOkta})
	must(t, err)
	secret, err := sc.Directory().CreateDirectorySecret(ctx, organization.ID, directory.ID)
	must(t, err)
	return provisioned{organization.ID, directory.ID, scimConnection{directory.DirectoryEndpoint, secret.PlainSecret}}
}

const (
	userSchema  = "urn:ietf:params:scim:schemas:core:2.0:User"
	groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group"
)

// scim sends one SCIM request as an IdP does and returns the status and decoded body.
func (c scimConnection) do(t *testing.T, ctx context.Context, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		encoded, _ := json.Marshal(body)
		reader = bytes.NewReader(encoded)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.endpoint+path, reader)
	must(t, err)
	req.Header.Set("Authorization", "Bearer "+c.secret)
	if body != nil {
		req.Header.Set("Content-Type", "application/scim+json")
	}
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var decoded map[string]any
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &decoded)
	return resp.StatusCode, decoded
}

// createUser POSTs a SCIM user and returns its id.
func (c scimConnection) createUser(t *testing.T, ctx context.Context, userName string) string {
	t.Helper()
	status, body := c.do(t, ctx, http.MethodPost, "/Users", map[string]any{
		"schemas":  []string{userSchema},
		"userName": userName,
		"name":     map[string]any{"givenName": "Given", "familyName": userName},
		"emails":   []map[string]any{{"value": userName, "type": "work", "primary": true}},
		"title":    "Engineer",
		"active":   true,
	})
	if status != http.StatusCreated {
		t.Fatalf("POST /Users %s: %d %v", userName, status, body)
	}
	return body["id"].(string)
}

// createGroup POSTs a SCIM group with these members and returns its id.
func (c scimConnection) createGroup(t *testing.T, ctx context.Context, displayName string, memberIDs ...string) string {
	t.Helper()
	members := []map[string]any{}
	for _, id := range memberIDs {
		members = append(members, map[string]any{"value": id})
	}
	status, body := c.do(t, ctx, http.MethodPost, "/Groups", map[string]any{"schemas": []string{groupSchema}, "displayName": displayName, "members": members})
	if status != http.StatusCreated {
		t.Fatalf("POST /Groups %s: %d %v", displayName, status, body)
	}
	return body["id"].(string)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// kindOf is the Kind of a *roster.Error, or a description of what else err is.
func kindOf(err error) roster.ErrorKind {
	if apiErr := asError(err); apiErr != nil {
		return apiErr.Kind
	}
	return roster.ErrorKind(fmt.Sprintf("not a *roster.Error: %v", err))
}
