from __future__ import annotations

from email.utils import format_datetime as http_date
from datetime import datetime, timezone
from typing import Optional, Union

import pytest

from roster.retry_policy import CONNECTION_FAILED, DEFAULT_RETRY_POLICY, RetryPolicy, is_retryable, parse_retry_after, retry_delay

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize(
    "method,status,retried",
    [
        ("GET", 429, True),
        ("POST", 429, True),
        ("POST", 503, True),
        ("POST", 500, False),
        ("POST", 502, False),
        ("POST", CONNECTION_FAILED, False),
        ("GET", 500, True),
        ("PATCH", 502, True),
        ("put", 504, True),
        ("DELETE", CONNECTION_FAILED, True),
        ("GET", 400, False),
        ("GET", 401, False),
        ("GET", 404, False),
        ("PATCH", 409, False),
    ],
)
def test_which_answers_are_sent_again(method: str, status: Union[int, str], retried: bool) -> None:
    assert is_retryable(method, status) is retried


@pytest.mark.parametrize(
    "value,seconds",
    [
        ("3", 3.0),
        (" 0 ", 0.0),
        ("120", 120.0),
        (http_date(datetime.fromtimestamp(NOW + 7, timezone.utc), usegmt=True), 7.0),
        (http_date(datetime.fromtimestamp(NOW - 30, timezone.utc), usegmt=True), 0.0),
        ("-1", None),
        ("1.5", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_is_delta_seconds_or_an_http_date(value: Optional[str], seconds: Optional[float]) -> None:
    assert parse_retry_after(value, NOW) == seconds


def test_backoff_doubles_with_equal_jitter_up_to_the_ceiling() -> None:
    policy = RetryPolicy(base_delay=0.25, max_delay=8.0)
    lowest = [retry_delay(retry, None, policy, NOW, random=lambda: 0.0) for retry in range(7)]
    highest = [retry_delay(retry, None, policy, NOW, random=lambda: 0.999999) for retry in range(7)]
    assert lowest == [0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert [round(value or 0, 3) for value in highest] == [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_retry_after_wins_and_too_long_a_wait_is_not_waited_for() -> None:
    assert retry_delay(0, "2", DEFAULT_RETRY_POLICY, NOW, random=lambda: 0.5) == 2.0
    assert retry_delay(0, "60", DEFAULT_RETRY_POLICY, NOW) == 60.0
    assert retry_delay(0, "61", DEFAULT_RETRY_POLICY, NOW) is None
    assert retry_delay(0, "garbage", DEFAULT_RETRY_POLICY, NOW, random=lambda: 0.0) == 0.125, "an unreadable header: backoff"
