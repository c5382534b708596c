// Package roster is the Go client of Roster's management API: organizations, their SCIM
// directories, the users and groups the IdPs provision (with roles, permissions and mapped
// attributes), roles, portal links, the Events API, webhooks, API clients, and webhook signature
// checks. Method names follow Scalekit's Go SDK, so the calls of Scalekit's SCIM guide work with
// only the client's name changed:
//
//	sc := roster.NewClient(os.Getenv("ROSTER_ENVIRONMENT_URL"), os.Getenv("ROSTER_CLIENT_ID"), os.Getenv("ROSTER_CLIENT_SECRET"))
//	settings := roster.OrganizationSettings{Features: []roster.Feature{{Name: "scim", Enabled: true}}}
//	organization, err := sc.Organization().UpdateOrganizationSettings(ctx, organizationId, settings)
//	directories, err := sc.Directory().ListDirectories(ctx, organizationId)
//
// The client exchanges its credentials for an access token (POST /oauth/token), keeps it, renews
// it before it expires and when the server refuses it, and retries 429 and 503 answers (and, for
// methods other than POST, other 5xx answers and lost connections) with backoff. A failed call
// returns an *Error carrying the API's code, message and details; errors.Is(err, roster.ErrNotFound)
// and the other Err* values tell the kinds apart.
//
// Lists page with page tokens; Iterate* methods return an Iterator that follows them:
//
//	it := sc.Directory().IterateDirectoryUsers(organizationId, directoryId)
//	for it.Next(ctx) {
//		user := it.Value()
//	}
//	if err := it.Err(); err != nil { ... }
//
// The models mirror the server's OpenAPI document (/api/openapi.json); openapi_test.go fails when
// an operation of the document has no method here or a model disagrees with it.
package roster
