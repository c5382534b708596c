package roster_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	roster "github.com/roster-dev/roster/sdks/go"
)

// The calls of Scalekit's SCIM guide.
func ExampleNewClient() {
	ctx := context.Background()
	sc := roster.NewClient(os.Getenv("ROSTER_ENVIRONMENT_URL"), os.Getenv("ROSTER_CLIENT_ID"), os.Getenv("ROSTER_CLIENT_SECRET"))
	organizationId := "org_..."

	settings := roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}}
	organization, err := sc.Organization().UpdateOrganizationSettings(ctx, organizationId, settings)
	if err != nil {
		log.Fatal(err)
	}
	directories, err := sc.Directory().ListDirectories(ctx, organizationId)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(organization.DisplayName, len(directories.Directories))
}

// Every user of a directory, page after page, with roles, permissions and mapped attributes.
func ExampleDirectoryClient_IterateDirectoryUsers() {
	ctx := context.Background()
	sc := roster.NewClient(os.Getenv("ROSTER_ENVIRONMENT_URL"), os.Getenv("ROSTER_CLIENT_ID"), os.Getenv("ROSTER_CLIENT_SECRET"))
	directory, err := sc.Directory().GetPrimaryDirectoryByOrganizationID(ctx, "org_...")
	if errors.Is(err, roster.ErrNotFound) {
		return // no directory yet
	} else if err != nil {
		log.Fatal(err)
	}
	it := sc.Directory().IterateDirectoryUsers(directory.OrganizationID, directory.ID)
	for it.Next(ctx) {
		user := it.Value()
		fmt.Println(user.PreferredUsername, user.Roles, user.Permissions, user.CustomAttributes)
	}
	if err := it.Err(); err != nil {
		log.Fatal(err)
	}
}

// A net/http handler for Roster's webhooks: verify the raw body first, then decode it.
func ExampleVerifyWebhookPayload() {
	secret := os.Getenv("ROSTER_WEBHOOK_SECRET") // whsec_...
	http.HandleFunc("POST /webhooks/roster", func(w http.ResponseWriter, r *http.Request) {
		payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		if err := roster.VerifyWebhookPayload(secret, r.Header, payload); err != nil {
			http.Error(w, "invalid signature", http.StatusBadRequest)
			return
		}
		var event roster.Event
		if err := json.Unmarshal(payload, &event); err != nil {
			http.Error(w, "not an event", http.StatusBadRequest)
			return
		}
		if event.Type == roster.EventUserCreated {
			var user roster.DirectoryUser
			if err := event.DecodeData(&user); err == nil {
				log.Printf("provisioned %s", user.PreferredUsername)
			}
		}
		// Deliveries are at least once: dedupe on event.ID (the webhook-id header).
		w.WriteHeader(http.StatusNoContent)
	})
}

// sqlCursor would keep the cursor in a row of the app's database.
type sqlCursor struct{ cursor string }

func (s *sqlCursor) LoadCursor(context.Context) (string, error)        { return s.cursor, nil }
func (s *sqlCursor) SaveCursor(_ context.Context, cursor string) error { s.cursor = cursor; return nil }

// Catching up from the Events API at start: every event since the stored cursor.
func ExampleEventsClient_CatchUp() {
	ctx := context.Background()
	sc := roster.NewClient(os.Getenv("ROSTER_ENVIRONMENT_URL"), os.Getenv("ROSTER_CLIENT_ID"), os.Getenv("ROSTER_CLIENT_SECRET"))
	result, err := sc.Events().CatchUp(ctx, &sqlCursor{}, func(ctx context.Context, event roster.Event) error {
		log.Printf("%s %s", event.ID, event.Type)
		return nil
	}, roster.CatchUpOptions{RestartWhenExpired: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(result.Events, "events")
}
