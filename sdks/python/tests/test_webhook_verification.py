"""verify_webhook_payload against the Standard Webhooks reference test vectors, and against what
Roster itself promises (raw bytes, any header case, rotation, tolerance).

The reference vectors come from the Standard Webhooks repository's own library tests,
github.com/standard-webhooks/standard-webhooks: libraries/python/tests/test_webhooks.py and
libraries/javascript/src/webhook.test.ts (the same values in both): the secret, message id,
payload, the signature `test_sign_function` expects for timestamp 1614265330, the invalid
signature of `test_invalid_signature_raises_error`, and the signatures of `test_multi_sig_payload_is_valid`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from email.message import Message
from typing import Any, Callable, Dict, List, Tuple

import httpx
import pytest

from roster import AsyncRoster, Roster, WebhookVerificationError, verify_webhook_payload

# Standard Webhooks reference vectors (see the module docstring).
REFERENCE_SECRET = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
REFERENCE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
REFERENCE_PAYLOAD = '{"test": 2432232314}'
REFERENCE_TIMESTAMP = 1614265330
REFERENCE_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
REFERENCE_INVALID_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
REFERENCE_OTHER_SIGNATURES = ["v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="]
TOLERANCE = 5 * 60


def reference_headers(**changes: str) -> Dict[str, str]:
    headers = {"webhook-id": REFERENCE_ID, "webhook-timestamp": str(REFERENCE_TIMESTAMP), "webhook-signature": REFERENCE_SIGNATURE}
    headers.update({key.replace("_", "-"): value for key, value in changes.items()})
    return headers


def at(seconds: float) -> Callable[[], float]:
    return lambda: seconds


def reason(call: Callable[[], Any]) -> str:
    with pytest.raises(WebhookVerificationError) as raised:
        call()
    return raised.value.reason


def test_the_reference_signature_verifies_with_and_without_the_whsec_prefix() -> None:
    for secret in (REFERENCE_SECRET, "whsec_" + REFERENCE_SECRET):
        assert verify_webhook_payload(secret, reference_headers(), REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP)) is True


def test_the_reference_invalid_signature_is_refused() -> None:
    headers = reference_headers(webhook_signature=REFERENCE_INVALID_SIGNATURE)
    assert reason(lambda: verify_webhook_payload(REFERENCE_SECRET, headers, REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP))) == "no_matching_signature"


def test_the_reference_multi_signature_header_verifies_when_one_of_them_matches() -> None:
    signatures = [REFERENCE_OTHER_SIGNATURES[0], REFERENCE_OTHER_SIGNATURES[1], REFERENCE_SIGNATURE, REFERENCE_OTHER_SIGNATURES[0]]
    headers = reference_headers(webhook_signature=" ".join(signatures))
    assert verify_webhook_payload(REFERENCE_SECRET, headers, REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP)) is True
    only_others = reference_headers(webhook_signature=" ".join(REFERENCE_OTHER_SIGNATURES))
    assert reason(lambda: verify_webhook_payload(REFERENCE_SECRET, only_others, REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP))) == "no_matching_signature"


@pytest.mark.parametrize(
    "missing,expected",
    [("webhook-id", "missing_header"), ("webhook-timestamp", "missing_header"), ("webhook-signature", "missing_header")],
)
def test_the_reference_missing_header_cases(missing: str, expected: str) -> None:
    headers = {key: value for key, value in reference_headers().items() if key != missing}
    assert reason(lambda: verify_webhook_payload(REFERENCE_SECRET, headers, REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP))) == expected


@pytest.mark.parametrize(
    "signature",
    ["v1,dawfeoifkpqwoekfpqoekf", REFERENCE_SIGNATURE[:8], "v1,"],
    ids=["garbage", "partial", "empty"],
)
def test_the_reference_garbage_and_partial_signatures_are_refused(signature: str) -> None:
    headers = reference_headers(webhook_signature=signature)
    assert reason(lambda: verify_webhook_payload(REFERENCE_SECRET, headers, REFERENCE_PAYLOAD, now=at(REFERENCE_TIMESTAMP))) == "no_matching_signature"


def test_the_reference_timestamp_cases_invalid_too_old_and_too_new() -> None:
    verify = lambda headers, now: verify_webhook_payload(REFERENCE_SECRET, headers, REFERENCE_PAYLOAD, now=at(now))  # noqa: E731
    assert reason(lambda: verify(reference_headers(webhook_timestamp="hello"), REFERENCE_TIMESTAMP)) == "invalid_timestamp"
    assert reason(lambda: verify(reference_headers(), REFERENCE_TIMESTAMP + TOLERANCE + 1)) == "timestamp_out_of_tolerance"
    assert reason(lambda: verify(reference_headers(), REFERENCE_TIMESTAMP - TOLERANCE - 1)) == "timestamp_out_of_tolerance"
    assert verify(reference_headers(), REFERENCE_TIMESTAMP + TOLERANCE) is True, "exactly at the tolerance"
    assert verify(reference_headers(), REFERENCE_TIMESTAMP - TOLERANCE) is True


# Roster's own deliveries: signed with a whsec_ secret of 32 random bytes, as the server makes them.
SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()
ROTATED = "whsec_" + base64.b64encode(bytes(range(32, 64))).decode()
NOW = 1_777_636_800
BODY = json.dumps({"spec_version": "1", "id": "evt_1", "type": "organization.directory.user_created", "data": {"note": "ünïcödé"}}, ensure_ascii=False)


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret[len("whsec_") :])
    return "v1," + base64.b64encode(hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()


def signed(secrets: Tuple[str, ...] = (SECRET,), timestamp: int = NOW, body: str = BODY) -> Dict[str, str]:
    signatures = " ".join(sign(secret, "evt_1", timestamp, body.encode()) for secret in secrets)
    return {"webhook-id": "evt_1", "webhook-timestamp": str(timestamp), "webhook-signature": signatures}


def message_headers(headers: Dict[str, str]) -> Message:
    message = Message()
    for name, value in headers.items():
        message[name.title()] = value
    return message


def test_a_delivery_verifies_however_its_headers_and_body_are_given() -> None:
    headers = signed()
    given: List[Tuple[str, Any, Any]] = [
        ("a dict and a str body", headers, BODY),
        ("the raw bytes", headers, BODY.encode()),
        ("a bytearray", headers, bytearray(BODY.encode())),
        ("a memoryview", headers, memoryview(BODY.encode())),
        ("header names in another case", {key.title(): value for key, value in headers.items()}, BODY),
        ("a list of pairs, as WSGI gives", list(headers.items()), BODY),
        ("httpx.Headers, as Starlette's and FastAPI's behave", httpx.Headers(headers), BODY),
        ("an email.message.Message, as http.server gives", message_headers(headers), BODY),
        ("a repeated signature header", {**headers, "webhook-signature": ["v1," + base64.b64encode(bytes(32)).decode(), headers["webhook-signature"]]}, BODY),
    ]
    for name, header_value, body in given:
        assert verify_webhook_payload(SECRET, header_value, body, now=at(NOW)) is True, name
    assert Roster.verify_webhook_payload(SECRET, headers, BODY, now=at(NOW)) is True
    assert AsyncRoster.verify_webhook_payload(SECRET, headers, BODY, now=at(NOW)) is True


def test_during_a_rotation_either_secret_verifies() -> None:
    both = signed((ROTATED, SECRET))
    assert verify_webhook_payload(SECRET, both, BODY, now=at(NOW)) is True
    assert verify_webhook_payload(ROTATED, both, BODY, now=at(NOW)) is True


@pytest.mark.parametrize(
    "name,secret,headers,body,expected",
    [
        ("another secret", ROTATED, signed(), BODY, "no_matching_signature"),
        ("a changed body", SECRET, signed(), BODY.replace("ünïcödé", "unicode"), "no_matching_signature"),
        ("re-serialized JSON", SECRET, signed(), json.dumps(json.loads(BODY), indent=2), "no_matching_signature"),
        ("another id", SECRET, {**signed(), "webhook-id": "evt_2"}, BODY, "no_matching_signature"),
        ("a moved timestamp", SECRET, {**signed(), "webhook-timestamp": str(NOW + 1)}, BODY, "no_matching_signature"),
        ("only a v1a signature", SECRET, {**signed(), "webhook-signature": signed()["webhook-signature"].replace("v1,", "v1a,")}, BODY, "no_matching_signature"),
        ("older than five minutes", SECRET, signed(timestamp=NOW - 301), BODY, "timestamp_out_of_tolerance"),
        ("from the future", SECRET, signed(timestamp=NOW + 301), BODY, "timestamp_out_of_tolerance"),
        ("a timestamp in milliseconds", SECRET, {**signed(), "webhook-timestamp": str(NOW * 1000)}, BODY, "timestamp_out_of_tolerance"),
        ("a negative timestamp", SECRET, {**signed(), "webhook-timestamp": "-5"}, BODY, "invalid_timestamp"),
        ("no headers", SECRET, {}, BODY, "missing_header"),
        ("an empty secret", "whsec_", signed(), BODY, "invalid_secret"),
        ("a secret that is not base64", "whsec_not base64!", signed(), BODY, "invalid_secret"),
    ],
)
def test_what_was_altered_is_stale_or_is_not_signed_is_refused_saying_why(name: str, secret: str, headers: Dict[str, str], body: str, expected: str) -> None:
    assert reason(lambda: verify_webhook_payload(secret, headers, body, now=at(NOW))) == expected, name


def test_a_tighter_tolerance_and_parsed_json_instead_of_the_raw_body() -> None:
    assert reason(lambda: verify_webhook_payload(SECRET, signed(timestamp=NOW - 61), BODY, now=at(NOW), tolerance_seconds=60)) == "timestamp_out_of_tolerance"
    with pytest.raises(TypeError, match="raw request body"):
        verify_webhook_payload(SECRET, signed(), json.loads(BODY), now=at(NOW))  # type: ignore[arg-type]
