"""When and how long to wait before sending a request again. Pure, so it is tested on its own."""

from __future__ import annotations

import random as random_module
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable, Optional, Union


@dataclass(frozen=True)
class RetryPolicy:
    """Retries on 429, 503 and (for methods other than POST) other 5xx answers and lost connections."""

    #: Attempts after the first; 0 turns retries off.
    max_retries: int = 3
    #: The backoff before the first retry, in seconds, doubled for each one after.
    base_delay: float = 0.25
    #: No backoff is longer than this (seconds).
    max_delay: float = 8.0
    #: A Retry-After longer than this (seconds) is not waited for: the error is raised instead.
    max_retry_after: float = 60.0


DEFAULT_RETRY_POLICY = RetryPolicy()

CONNECTION_FAILED = "connection_failed"

_DELTA_SECONDS = re.compile(r"^\d+$")


def is_retryable(method: str, status: Union[int, str]) -> bool:
    """429 and 503 mean the server did not act on the request, so any method is sent again. Other
    5xx answers (and lost connections) may come after the change was made: only methods whose
    repeat leaves the same state are sent again. Every Roster route but POST is such a method (PUT
    and PATCH set fields; DELETE of a deleted resource is a 404).
    """
    if status in (429, 503):
        return True
    repeatable = method.upper() != "POST"
    if status == CONNECTION_FAILED:
        return repeatable
    return repeatable and isinstance(status, int) and status >= 500


def parse_retry_after(value: Optional[str], now: float) -> Optional[float]:
    """Retry-After as seconds from `now` (epoch seconds): delta-seconds or an HTTP-date (RFC 9110 section 10.2.3)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if _DELTA_SECONDS.match(text):
        return float(int(text))
    # An HTTP-date names a weekday and a month; bare numbers such as "-1" or "1.5" are neither form.
    if not re.search(r"[A-Za-z]", text):
        return None
    try:
        date = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if date is None or date.tzinfo is None:
        return None
    return max(0.0, date.timestamp() - now)


def retry_delay(
    retry: int,
    retry_after: Optional[str],
    policy: RetryPolicy,
    now: float,
    random: Callable[[], float] = random_module.random,
) -> Optional[float]:
    """The wait in seconds before retry number `retry` (0 for the first retry), or None when the
    server asks for longer than the policy waits. Exponential backoff with "equal jitter" (half
    fixed, half random) so clients that failed together do not come back together; Retry-After
    wins when sent.
    """
    asked = parse_retry_after(retry_after, now)
    if asked is not None:
        return asked if asked <= policy.max_retry_after else None
    ceiling: float = min(policy.max_delay, policy.base_delay * 2**retry)
    return ceiling / 2 + random() * (ceiling / 2)
