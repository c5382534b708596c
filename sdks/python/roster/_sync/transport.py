# Generated from roster/_async/transport.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
"""Every request goes through here: retries with backoff, the bearer token (fetched once, shared,
renewed before it expires and when the server refuses it), and typed errors.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Type, TypeVar, overload

import httpx

from .._http import encode_query, expand_path, json_request_body, read_response
from ..access_token import refresh_at
from ..errors import RosterConnectionError
from ..models import AccessToken
from ..retry_policy import CONNECTION_FAILED, RetryPolicy, is_retryable, retry_delay
from ._io import Lock, sleep

T = TypeVar("T")

USER_AGENT = "roster-sdk-python/0.1.0"


@dataclass
class _CachedToken:
    token: str
    refresh_at: float


class AccessTokens:
    """The client_credentials access token: fetched when first needed, shared by concurrent calls,
    and fetched again shortly before it expires.
    """

    def __init__(self, issue: Callable[[], Any], clock: Callable[[], float]) -> None:
        self._issue = issue
        self._clock = clock
        self._current: Optional[_CachedToken] = None
        self._lock = Lock()

    def _fresh(self) -> Optional[str]:
        current = self._current
        return current.token if current is not None and self._clock() < current.refresh_at else None

    def get(self) -> str:
        token = self._fresh()
        if token is not None:
            return token
        with self._lock:
            # Another call may have fetched one while this one waited for the lock.
            token = self._fresh()
            if token is not None:
                return token
            requested_at = self._clock()
            issued: AccessToken = self._issue()
            self._current = _CachedToken(issued.access_token, refresh_at(requested_at, issued.expires_in))
            return issued.access_token

    def invalidate(self, token: str) -> None:
        """Forgets `token` if it is still the cached one: the server refused it."""
        if self._current is not None and self._current.token == token:
            self._current = None


class Transport:
    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        retry: RetryPolicy,
        timeout: float,
        http_client: Optional[httpx.Client],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._base_url = base_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._policy = retry
        self._timeout = timeout
        self._clock = clock
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client()
        self.tokens = AccessTokens(self._issue_token, clock)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    @overload
    def call(
        self,
        model: Type[T],
        method: str,
        template: str,
        *,
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
    ) -> T: ...

    @overload
    def call(
        self,
        model: None,
        method: str,
        template: str,
        *,
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
    ) -> None: ...

    def call(
        self,
        model: Optional[Type[T]],
        method: str,
        template: str,
        *,
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, Any]] = None,
        body: Optional[Mapping[str, Any]] = None,
    ) -> Optional[T]:
        """One management API call, answered as `model` (None for 204)."""
        response = self._authorized(method, expand_path(template, path), encode_query(query), json_request_body(body))
        return read_response(response, model)

    def _issue_token(self) -> AccessToken:
        credentials = {"grant_type": "client_credentials", "client_id": self._client_id, "client_secret": self._client_secret}
        response = self._send("POST", "/oauth/token", {}, json_request_body(credentials), {})
        issued = read_response(response, AccessToken)
        assert issued is not None
        return issued

    def _authorized(self, method: str, path: str, query: Dict[str, str], content: Optional[bytes]) -> httpx.Response:
        """Sends with `Authorization: Bearer`. A 401 means the server no longer takes the token
        (expired early, or its client was revoked): the request is sent once more with a fresh
        token, and a second 401 is the caller's error.
        """
        token = self.tokens.get()
        response = self._send(method, path, query, content, {"authorization": f"Bearer {token}"})
        if response.status_code != 401:
            return response
        self.tokens.invalidate(token)
        token = self.tokens.get()
        return self._send(method, path, query, content, {"authorization": f"Bearer {token}"})

    def _send(self, method: str, path: str, query: Dict[str, str], content: Optional[bytes], headers: Dict[str, str]) -> httpx.Response:
        """Sends one request, again after 429 and 503 answers (any method) and other 5xx answers
        or lost connections (methods other than POST), as retry_policy says.
        """
        url = self._base_url + path
        all_headers = {"accept": "application/json", "user-agent": USER_AGENT, **headers}
        if content is not None:
            all_headers["content-type"] = "application/json"
        retry = 0
        while True:
            try:
                response = self._http.request(method, url, params=query, content=content, headers=all_headers, timeout=self._timeout)
            except httpx.TransportError as error:
                delay = retry_delay(retry, None, self._policy, self._clock())
                if retry < self._policy.max_retries and is_retryable(method, CONNECTION_FAILED) and delay is not None:
                    sleep(delay)
                    retry += 1
                    continue
                raise RosterConnectionError(f"{method} {path} got no response: {error!r}") from error
            if retry < self._policy.max_retries and is_retryable(method, response.status_code):
                delay = retry_delay(retry, response.headers.get("retry-after"), self._policy, self._clock())
                if delay is not None:
                    sleep(delay)
                    retry += 1
                    continue
            return response
