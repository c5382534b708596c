package roster

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Standard Webhooks (https://www.standardwebhooks.com): Roster signs every delivery with
//
//	webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">
//
// keyed with the base64-decoded part of the endpoint's whsec_... secret. During a secret rotation
// the header carries one space-separated signature per secret; any one of them is enough.

// WebhookFailure says why a delivery was refused.
type WebhookFailure string

const (
	WebhookMissingHeader           WebhookFailure = "missing_header"
	WebhookInvalidSecret           WebhookFailure = "invalid_secret"
	WebhookInvalidTimestamp        WebhookFailure = "invalid_timestamp"
	WebhookTimestampOutOfTolerance WebhookFailure = "timestamp_out_of_tolerance"
	WebhookNoMatchingSignature     WebhookFailure = "no_matching_signature"
)

// WebhookVerificationError is what VerifyWebhookPayload returns for a delivery it refuses.
type WebhookVerificationError struct {
	Reason  WebhookFailure
	Message string
}

func (e *WebhookVerificationError) Error() string {
	return fmt.Sprintf("roster: webhook refused (%s): %s", e.Reason, e.Message)
}

// VerifyOptions tune VerifyWebhookPayload.
type VerifyOptions struct {
	// Tolerance is how far the timestamp may be from now (0: five minutes); older deliveries are replays.
	Tolerance time.Duration
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

const (
	webhookSecretPrefix     = "whsec_"
	defaultWebhookTolerance = 5 * time.Minute
)

var webhookTimestampPattern = regexp.MustCompile(`^[0-9]{1,15}$`)

// VerifyWebhookPayload checks that a delivery was signed by Roster with secret (whsec_...) and is
// recent. Pass the body exactly as received: JSON decoded and encoded again no longer matches.
// It returns nil, or a *WebhookVerificationError saying why not.
//
//	payload, _ := io.ReadAll(r.Body)
//	if err := roster.VerifyWebhookPayload(secret, r.Header, payload); err != nil {
//		http.Error(w, "invalid signature", http.StatusBadRequest)
//		return
//	}
func VerifyWebhookPayload(secret string, headers http.Header, payload []byte, options ...VerifyOptions) error {
	o := first(options)
	id := webhookHeader(headers, "webhook-id")
	stamp := webhookHeader(headers, "webhook-timestamp")
	signatures := webhookHeader(headers, "webhook-signature")
	if id == "" || stamp == "" || signatures == "" {
		return &WebhookVerificationError{WebhookMissingHeader, "webhook-id, webhook-timestamp and webhook-signature are required"}
	}
	key, ok := decodeBase64(strings.TrimPrefix(secret, webhookSecretPrefix))
	if !ok || len(key) == 0 {
		return &WebhookVerificationError{WebhookInvalidSecret, "the secret is not a whsec_ secret with a base64 key"}
	}

	if !webhookTimestampPattern.MatchString(stamp) {
		return &WebhookVerificationError{WebhookInvalidTimestamp, fmt.Sprintf("webhook-timestamp %q is not a number of seconds", stamp)}
	}
	sent, _ := strconv.ParseInt(stamp, 10, 64)
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	tolerance := defaultWebhookTolerance
	if o.Tolerance > 0 {
		tolerance = o.Tolerance
	}
	// Whole seconds on both sides, as the header counts them.
	if distance := now().Unix() - sent; distance > int64(tolerance/time.Second) || -distance > int64(tolerance/time.Second) {
		return &WebhookVerificationError{WebhookTimestampOutOfTolerance, "webhook-timestamp is too far from now"}
	}

	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + stamp + "."))
	mac.Write(payload)
	expected := mac.Sum(nil)
	for _, entry := range strings.Split(signatures, " ") {
		version, encoded, found := strings.Cut(entry, ",")
		// Other versions (v1a, asymmetric) are not Roster's; skip them rather than fail.
		if !found || version != "v1" {
			continue
		}
		if presented, ok := decodeBase64(encoded); ok && hmac.Equal(presented, expected) {
			return nil
		}
	}
	return &WebhookVerificationError{WebhookNoMatchingSignature, "no v1 signature matches the payload"}
}

// webhookHeader reads a header whatever the case of its name (http.Header from net/http is
// canonical; a map built by hand may not be); repeated values are joined with spaces, as
// signatures are.
func webhookHeader(headers http.Header, name string) string {
	values := headers.Values(name)
	if len(values) == 0 {
		for key, found := range headers {
			if strings.EqualFold(key, name) {
				values = append(values, found...)
			}
		}
	}
	return strings.Join(values, " ")
}

// decodeBase64 reads standard or URL-safe base64, padded or not, as Node's Buffer does.
func decodeBase64(text string) ([]byte, bool) {
	text = strings.TrimRight(text, "=")
	text = strings.NewReplacer("-", "+", "_", "/").Replace(text)
	decoded, err := base64.RawStdEncoding.DecodeString(text)
	return decoded, err == nil
}
