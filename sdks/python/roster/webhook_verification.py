"""Standard Webhooks (https://www.standardwebhooks.com): Roster signs every delivery with

    webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">

keyed with the base64-decoded part of the endpoint's `whsec_...` secret. During a secret rotation
the header carries one space-separated signature per secret; any one of them is enough.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from typing import Any, Callable, Iterable, List, Mapping, Optional, Tuple, Union

SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE_SECONDS = 5 * 60

_TIMESTAMP = re.compile(r"^\d{1,15}$")

#: Why a payload was refused: missing_header, invalid_secret, invalid_timestamp,
#: timestamp_out_of_tolerance or no_matching_signature.
WebhookVerificationFailure = str


class WebhookVerificationError(Exception):
    """The payload was not signed by Roster with this secret, or is too old; `reason` says which."""

    def __init__(self, reason: WebhookVerificationFailure, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _header(headers: Union[Mapping[str, Any], Iterable[Tuple[str, Any]]], name: str) -> Optional[str]:
    # Flask's, Django's, Starlette's and httpx's header objects all have items(); a plain dict may
    # spell the names in any case. Repeated headers (a list, or several items) are joined by spaces.
    items = headers.items() if hasattr(headers, "items") else headers
    found: List[str] = []
    for key, value in items:
        if str(key).lower() != name:
            continue
        if isinstance(value, (list, tuple)):
            found.extend(str(item) for item in value)
        else:
            found.append(str(value))
    return " ".join(found) if found else None


def _signing_key(secret: str) -> bytes:
    encoded = secret[len(SECRET_PREFIX) :] if secret.startswith(SECRET_PREFIX) else secret
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if not key:
        raise WebhookVerificationError("invalid_secret", "the secret is not a whsec_ secret with a base64 key")
    return key


def _decoded_signature(text: str) -> Optional[bytes]:
    # Padding is optional, as for @roster/sdk and the other Roster SDKs: a signature whose
    # trailing "=" a proxy or framework trimmed still verifies.
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def verify_webhook_payload(
    secret: str,
    headers: Union[Mapping[str, Any], Iterable[Tuple[str, Any]]],
    payload: Union[bytes, bytearray, memoryview, str],
    *,
    tolerance_seconds: float = DEFAULT_TOLERANCE_SECONDS,
    now: Optional[Callable[[], float]] = None,
) -> bool:
    """Checks that a delivery was signed by Roster with `secret` and is recent.

    Pass the body exactly as received (`request.get_data()` in Flask, `await request.body()` in
    FastAPI): JSON parsed and serialized again no longer matches. `headers` is the request's
    headers (any mapping, any case). Returns True, or raises WebhookVerificationError saying why
    not. `now` is the clock in seconds since the epoch (default time.time).
    """
    if isinstance(payload, str):
        body = payload.encode("utf-8")
    elif isinstance(payload, (bytes, bytearray, memoryview)):
        body = bytes(payload)
    else:
        raise TypeError("verify_webhook_payload needs the raw request body (bytes or str), not parsed JSON")
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not message_id or not timestamp or not signatures:
        raise WebhookVerificationError("missing_header", "webhook-id, webhook-timestamp and webhook-signature are required")
    key = _signing_key(secret)

    if not _TIMESTAMP.match(timestamp):
        raise WebhookVerificationError("invalid_timestamp", f'webhook-timestamp "{timestamp}" is not a number of seconds')
    now_seconds = int((now or time.time)())
    if abs(now_seconds - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("timestamp_out_of_tolerance", "webhook-timestamp is too far from now")

    signed = f"{message_id}.{timestamp}.".encode("utf-8") + body
    expected = hmac.new(key, signed, hashlib.sha256).digest()
    for entry in signatures.split(" "):
        version, comma, encoded = entry.partition(",")
        # Other versions (v1a, asymmetric) are not Roster's; skip them rather than fail.
        if not comma or version != "v1":
            continue
        presented = _decoded_signature(encoded)
        if presented is not None and hmac.compare_digest(presented, expected):
            return True
    raise WebhookVerificationError("no_matching_signature", "no v1 signature matches the payload")
