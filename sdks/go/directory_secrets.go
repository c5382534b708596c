package roster

import (
	"context"
	"net/http"
	"time"
)

// SecretStatus is the state of a directory secret.
type SecretStatus string

const (
	SecretActive  SecretStatus = "ACTIVE"
	SecretRevoked SecretStatus = "REVOKED"
	SecretExpired SecretStatus = "EXPIRED"
)

// DirectorySecret is a bearer token of a directory's SCIM endpoint; the secret itself is shown
// only when made (PlainSecret of the answers below).
type DirectorySecret struct {
	ID          string `json:"id"`
	DirectoryID string `json:"directory_id"`
	// SecretSuffix is the last four characters, to tell secrets apart.
	SecretSuffix string       `json:"secret_suffix"`
	Status       SecretStatus `json:"status"`
	CreateTime   time.Time    `json:"create_time"`
	ExpireTime   *time.Time   `json:"expire_time"`
	LastUsedTime *time.Time   `json:"last_used_time"`
}

// CreateDirectorySecretResponse carries the new secret, shown this once.
type CreateDirectorySecretResponse struct {
	// PlainSecret is the bearer token for the IdP.
	PlainSecret string          `json:"plain_secret"`
	Secret      DirectorySecret `json:"secret"`
}

// RegenerateDirectorySecretResponse carries the new secret, shown this once, and the secrets it
// replaces, which expire at the end of the grace period.
type RegenerateDirectorySecretResponse struct {
	PlainSecret     string            `json:"plain_secret"`
	Secret          DirectorySecret   `json:"secret"`
	ExpiringSecrets []DirectorySecret `json:"expiring_secrets"`
}

// CreateDirectorySecretOptions: ExpireTime is when the secret stops working (zero: never).
type CreateDirectorySecretOptions struct {
	ExpireTime time.Time
}

// RegenerateDirectorySecretOptions: GracePeriod is how long the replaced secrets keep working
// (nil: 24 hours; at most 7 days; whole seconds).
type RegenerateDirectorySecretOptions struct {
	GracePeriod *time.Duration
}

type directorySecretEnvelope struct {
	Secret DirectorySecret `json:"secret"`
}

// CreateDirectorySecret makes a bearer token for the directory's SCIM endpoint.
func (d *DirectoryClient) CreateDirectorySecret(ctx context.Context, organizationID, directoryID string, options ...CreateDirectorySecretOptions) (*CreateDirectorySecretResponse, error) {
	body := map[string]any{}
	if expire := first(options).ExpireTime; !expire.IsZero() {
		body["expire_time"] = timestamp(expire)
	}
	return callAs[CreateDirectorySecretResponse](ctx, d.c, request{method: http.MethodPost, path: directoryPath(organizationID, directoryID) + "/secrets", body: body})
}

// RegenerateDirectorySecret makes a new secret; the active ones keep working for the grace
// period, so the IdP can be switched over.
func (d *DirectoryClient) RegenerateDirectorySecret(ctx context.Context, organizationID, directoryID string, options ...RegenerateDirectorySecretOptions) (*RegenerateDirectorySecretResponse, error) {
	body := map[string]any{}
	if grace := first(options).GracePeriod; grace != nil {
		body["grace_period_seconds"] = seconds(*grace)
	}
	return callAs[RegenerateDirectorySecretResponse](ctx, d.c, request{method: http.MethodPost, path: directoryPath(organizationID, directoryID) + "/secrets:regenerate", body: body})
}

// RevokeDirectorySecret makes the secret stop working at once.
func (d *DirectoryClient) RevokeDirectorySecret(ctx context.Context, organizationID, directoryID, secretID string) (*DirectorySecret, error) {
	var envelope directorySecretEnvelope
	path := directoryPath(organizationID, directoryID) + pathOf("/secrets/", secretID, ":revoke")
	if err := d.c.call(ctx, request{method: http.MethodPost, path: path}, &envelope); err != nil {
		return nil, err
	}
	return &envelope.Secret, nil
}
