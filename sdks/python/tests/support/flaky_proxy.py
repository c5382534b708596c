"""A proxy in front of a real Roster that can answer a request itself instead (a 429, a 503, a
401), so the SDK's retries and token refresh meet the answers a load balancer, a rate limiter or
an expired token produce.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Callable, Dict, List, Optional

import httpx

from .local_http import LocalServer, Request, Response

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host"}


class Intercept:
    def __init__(self, status: int, body: Any = None, headers: Optional[Dict[str, str]] = None) -> None:
        self.status = status
        self.body = body
        self.headers = headers or {}


#: Decides per request (method, path without query, how many times that method and path were seen,
#: this one included): an answer of its own, or None to pass the request on.
Interceptor = Callable[[str, str, int], Optional[Intercept]]


class FlakyProxy:
    def __init__(self, target: str) -> None:
        self.seen: List[str] = []
        self._intercept: Interceptor = lambda method, path, count: None
        self._lock = threading.Lock()
        self._upstream = httpx.Client(base_url=target, timeout=30)
        self._server = LocalServer(self._handle)
        self.url = self._server.url

    def answer(self, intercept: Interceptor) -> None:
        """Sets how the following requests are answered; clears what was seen."""
        with self._lock:
            self._intercept = intercept
            self.seen.clear()

    def count(self, entry: str) -> int:
        with self._lock:
            return self.seen.count(entry)

    def close(self) -> None:
        self._server.close()
        self._upstream.close()

    def _handle(self, request: Request) -> Response:
        path = request.path.split("?", 1)[0]
        entry = f"{request.method} {path}"
        with self._lock:
            self.seen.append(entry)
            count = self.seen.count(entry)
            intercept = self._intercept
        own = intercept(request.method, path, count)
        if own is not None:
            body = b"" if own.body is None else json.dumps(own.body).encode()
            return Response(own.status, {"content-type": "application/json", **own.headers}, body)
        headers = [(name, value) for name, value in request.headers if name.lower() not in HOP_BY_HOP]
        upstream = self._upstream.request(request.method, request.path, headers=headers, content=request.body or None)
        answer = {name: value for name, value in upstream.headers.items() if name.lower() not in HOP_BY_HOP}
        return Response(upstream.status_code, answer, upstream.content)
