"""A webhook endpoint for tests: records every delivery (headers and the raw body) and answers 204."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable, List, Optional, TypeVar

from .local_http import Headers, LocalServer, Request, Response

T = TypeVar("T")


@dataclass
class Delivery:
    headers: Headers
    body: bytes

    def header(self, name: str) -> str:
        return next(value for key, value in self.headers if key.lower() == name)


class WebhookReceiver:
    def __init__(self) -> None:
        self.received: List[Delivery] = []
        self._lock = threading.Lock()
        self._server = LocalServer(self._handle)
        self.url = self._server.url + "/webhooks/roster"

    def _handle(self, request: Request) -> Response:
        with self._lock:
            self.received.append(Delivery(request.headers, request.body))
        return Response(204, {})

    def deliveries(self) -> List[Delivery]:
        with self._lock:
            return list(self.received)

    def close(self) -> None:
        self._server.close()


def wait_for(check: Callable[[], Optional[T]], what: str, timeout: float = 15.0) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
