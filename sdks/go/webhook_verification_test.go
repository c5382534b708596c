package roster

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The Standard Webhooks reference test vectors, from the specification's own libraries:
// github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts,
// libraries/python/tests/test_webhooks.py and libraries/go/webhook_test.go (the same secret,
// message id and payload in each; the fixed signature is their "sign function works" vector).
const (
	referenceSecret    = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	referenceMessageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	referencePayload   = `{"test": 2432232314}`
	referenceTimestamp = 1614265330
	referenceSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	// A well-formed signature of something else, used by the vectors as a decoy.
	referenceDecoy = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
)

// sign is an independent Standard Webhooks signer for the tests (the SDK only verifies).
func sign(secret, id string, at int64, payload string) string {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		panic(err)
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s.%d.%s", id, at, payload)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func signedHeaders(secret, id string, at int64, payload string) http.Header {
	headers := http.Header{}
	headers.Set("webhook-id", id)
	headers.Set("webhook-timestamp", fmt.Sprint(at))
	headers.Set("webhook-signature", sign(secret, id, at, payload))
	return headers
}

func at(seconds int64) VerifyOptions {
	return VerifyOptions{Now: func() time.Time { return time.Unix(seconds, 0) }}
}

func reason(err error) WebhookFailure {
	var refused *WebhookVerificationError
	if errors.As(err, &refused) {
		return refused.Reason
	}
	if err != nil {
		return WebhookFailure("unexpected: " + err.Error())
	}
	return ""
}

func TestStandardWebhooksReferenceVectors(t *testing.T) {
	if got := sign("whsec_"+referenceSecret, referenceMessageID, referenceTimestamp, referencePayload); got != referenceSignature {
		t.Fatalf("the test signer disagrees with the reference signature: %s", got)
	}
	reference := func() http.Header {
		return http.Header{"Webhook-Id": {referenceMessageID}, "Webhook-Timestamp": {fmt.Sprint(referenceTimestamp)}, "Webhook-Signature": {referenceSignature}}
	}
	tolerance := int64(5 * 60)
	cases := []struct {
		name    string
		secret  string
		headers func() http.Header
		now     int64
		want    WebhookFailure
	}{
		{"valid signature is valid", "whsec_" + referenceSecret, reference, referenceTimestamp, ""},
		{"verification works without the whsec_ prefix", referenceSecret, reference, referenceTimestamp, ""},
		{"missing id raises error", referenceSecret, func() http.Header { h := reference(); h.Del("webhook-id"); return h }, referenceTimestamp, WebhookMissingHeader},
		{"missing timestamp raises error", referenceSecret, func() http.Header { h := reference(); h.Del("webhook-timestamp"); return h }, referenceTimestamp, WebhookMissingHeader},
		{"missing signature raises error", referenceSecret, func() http.Header { h := reference(); h.Del("webhook-signature"); return h }, referenceTimestamp, WebhookMissingHeader},
		{"invalid timestamp throws error", referenceSecret, func() http.Header { h := reference(); h.Set("webhook-timestamp", "hello"); return h }, referenceTimestamp, WebhookInvalidTimestamp},
		{"invalid signature throws error", referenceSecret, func() http.Header {
			h := reference()
			h.Set("webhook-signature", "v1,dawfeoifkpqwoekfpqoekf")
			return h
		}, referenceTimestamp, WebhookNoMatchingSignature},
		{"invalid signature (python vector) throws error", referenceSecret, func() http.Header {
			h := reference()
			h.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=")
			return h
		}, referenceTimestamp, WebhookNoMatchingSignature},
		{"partial signature throws error", referenceSecret, func() http.Header { h := reference(); h.Set("webhook-signature", referenceSignature[:8]); return h }, referenceTimestamp, WebhookNoMatchingSignature},
		{"empty v1 signature throws error", referenceSecret, func() http.Header { h := reference(); h.Set("webhook-signature", "v1,"); return h }, referenceTimestamp, WebhookNoMatchingSignature},
		{"old timestamp fails", referenceSecret, reference, referenceTimestamp + tolerance + 1, WebhookTimestampOutOfTolerance},
		{"new timestamp fails", referenceSecret, reference, referenceTimestamp - tolerance - 1, WebhookTimestampOutOfTolerance},
		{"multi sig payload is valid", referenceSecret, func() http.Header {
			h := reference()
			h.Set("webhook-signature", strings.Join([]string{referenceDecoy, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", referenceSignature, referenceDecoy}, " "))
			return h
		}, referenceTimestamp, ""},
		{"unbranded (lower-case, hand-built) headers are valid", referenceSecret, func() http.Header {
			return http.Header{"webhook-id": {referenceMessageID}, "webhook-timestamp": {fmt.Sprint(referenceTimestamp)}, "webhook-signature": {referenceSignature}}
		}, referenceTimestamp, ""},
	}
	for _, c := range cases {
		err := VerifyWebhookPayload(c.secret, c.headers(), []byte(referencePayload), at(c.now))
		if got := reason(err); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	if err := VerifyWebhookPayload("", reference(), []byte(referencePayload), at(referenceTimestamp)); reason(err) != WebhookInvalidSecret {
		t.Errorf("empty key raises error: got %v", err)
	}
}

func newWebhookSecret() string {
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	return "whsec_" + base64.StdEncoding.EncodeToString(key)
}

func TestVerifyRefusesWhatWasAlteredIsStaleOrIsNotSignedSayingWhy(t *testing.T) {
	secret, rotated := newWebhookSecret(), newWebhookSecret()
	const now = int64(1_777_636_800)
	body := `{"spec_version":"1","id":"evt_1","type":"organization.directory.user_created","data":{"email":"ada@example.com","note":"ünïcödé"}}`
	good := func() http.Header { return signedHeaders(secret, "evt_1", now, body) }
	with := func(name, value string) func() http.Header {
		return func() http.Header { h := good(); h.Set(name, value); return h }
	}
	cases := []struct {
		name    string
		secret  string
		headers func() http.Header
		body    string
		options VerifyOptions
		want    WebhookFailure
	}{
		{"signed", secret, good, body, at(now), ""},
		{"within five minutes", secret, func() http.Header { return signedHeaders(secret, "evt_1", now-300, body) }, body, at(now), ""},
		{"during a rotation, the new secret", rotated, func() http.Header {
			h := good()
			h.Set("webhook-signature", sign(rotated, "evt_1", now, body)+" "+h.Get("webhook-signature"))
			return h
		}, body, at(now), ""},
		{"the signature header repeated", secret, func() http.Header {
			h := good()
			valid := h.Get("webhook-signature")
			h.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(make([]byte, 32)))
			h.Add("webhook-signature", valid)
			return h
		}, body, at(now), ""},
		{"another secret", newWebhookSecret(), good, body, at(now), WebhookNoMatchingSignature},
		{"a changed body", secret, good, strings.Replace(body, "ada", "eve", 1), at(now), WebhookNoMatchingSignature},
		{"re-serialized JSON", secret, good, strings.ReplaceAll(body, ":", ": "), at(now), WebhookNoMatchingSignature},
		{"another id", secret, with("webhook-id", "evt_2"), body, at(now), WebhookNoMatchingSignature},
		{"a moved timestamp", secret, with("webhook-timestamp", fmt.Sprint(now+1)), body, at(now), WebhookNoMatchingSignature},
		{"only a v1a signature", secret, func() http.Header {
			h := good()
			h.Set("webhook-signature", strings.Replace(h.Get("webhook-signature"), "v1,", "v1a,", 1))
			return h
		}, body, at(now), WebhookNoMatchingSignature},
		{"older than five minutes", secret, func() http.Header { return signedHeaders(secret, "evt_1", now-301, body) }, body, at(now), WebhookTimestampOutOfTolerance},
		{"from the future", secret, func() http.Header { return signedHeaders(secret, "evt_1", now+301, body) }, body, at(now), WebhookTimestampOutOfTolerance},
		{"a tighter tolerance", secret, func() http.Header { return signedHeaders(secret, "evt_1", now-61, body) }, body, VerifyOptions{Tolerance: time.Minute, Now: at(now).Now}, WebhookTimestampOutOfTolerance},
		{"a timestamp in milliseconds", secret, with("webhook-timestamp", fmt.Sprint(now*1000)), body, at(now), WebhookTimestampOutOfTolerance},
		{"a negative timestamp", secret, with("webhook-timestamp", "-1"), body, at(now), WebhookInvalidTimestamp},
		{"a timestamp of 16 digits", secret, with("webhook-timestamp", "1234567890123456"), body, at(now), WebhookInvalidTimestamp},
		{"no signature header", secret, func() http.Header { h := good(); h.Del("webhook-signature"); return h }, body, at(now), WebhookMissingHeader},
		{"no headers", secret, func() http.Header { return nil }, body, at(now), WebhookMissingHeader},
		{"an empty secret", "whsec_", good, body, at(now), WebhookInvalidSecret},
		{"a secret that is not base64", "whsec_not base64!", good, body, at(now), WebhookInvalidSecret},
	}
	for _, c := range cases {
		if got := reason(VerifyWebhookPayload(c.secret, c.headers(), []byte(c.body), c.options)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	// Now defaults to the real clock.
	if err := VerifyWebhookPayload(secret, signedHeaders(secret, "evt_1", time.Now().Unix(), body), []byte(body)); err != nil {
		t.Errorf("a fresh delivery: %v", err)
	}
}
