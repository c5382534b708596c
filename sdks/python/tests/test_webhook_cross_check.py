"""verify_webhook_payload and @roster/sdk's verifyWebhookPayload give the same verdict on the same
deliveries. packages/server/test/sdks/python.test.ts signs them with the server's own signer,
records what @roster/sdk says of each, and hands the file over in ROSTER_WEBHOOK_FIXTURES.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

from roster import WebhookVerificationError, verify_webhook_payload


def cases() -> List[Dict[str, Any]]:
    path = os.environ.get("ROSTER_WEBHOOK_FIXTURES")
    if not path:
        return []
    return json.loads(Path(path).read_text(encoding="utf-8"))["cases"]  # type: ignore[no-any-return]


def verdict(case: Dict[str, Any]) -> str:
    try:
        verify_webhook_payload(
            case["secret"],
            case["headers"],
            case["body"],
            now=lambda: float(case["now"]),
            tolerance_seconds=float(case.get("tolerance_seconds", 300)),
        )
        return "ok"
    except WebhookVerificationError as error:
        return error.reason


def test_the_fixture_file_is_there_and_covers_good_tampered_and_expired_deliveries() -> None:
    if not os.environ.get("ROSTER_WEBHOOK_FIXTURES"):
        pytest.skip("ROSTER_WEBHOOK_FIXTURES is not set (packages/server/test/sdks/python.test.ts writes it)")
    verdicts = {case["roster_sdk"] for case in cases()}
    assert {"ok", "no_matching_signature", "timestamp_out_of_tolerance"} <= verdicts, verdicts


@pytest.mark.parametrize("case", cases(), ids=lambda case: str(case["name"]))
def test_the_same_verdict_as_roster_sdk(case: Dict[str, Any]) -> None:
    assert verdict(case) == case["roster_sdk"]
