"""Every failed call raises a RosterError carrying the management API's one error shape
({code, message, details}) and the HTTP status. Subclasses (and `kind`, for a match statement)
tell the statuses apart; a 400's `parameter` names the request parameter the server refused.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

import httpx


class RosterError(Exception):
    """A call that failed. `status` is the HTTP status (0 when no response came)."""

    kind = "unexpected"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str,
        details: Optional[Mapping[str, Any]] = None,
        headers: Optional[httpx.Headers] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        #: The API's stable error code: invalid_argument, unauthenticated, not_found, already_exists, ...
        self.code = code
        self.details: Dict[str, Any] = dict(details or {})
        #: The response's headers, when there was a response.
        self.headers = headers

    @property
    def parameter(self) -> Optional[str]:
        """The request parameter a 400 names (`details.parameter`), e.g. `page_size` or `attributes.0.key`."""
        value = self.details.get("parameter")
        return value if isinstance(value, str) else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, code={self.code!r}, message={self.message!r})"


class BadRequestError(RosterError):
    """400 (and other 4xx that say the request itself is wrong, such as 413 and 415)."""

    kind = "bad_request"


class AuthenticationError(RosterError):
    """401: credentials refused (invalid_client) or an access token the server no longer accepts."""

    kind = "authentication"


class PermissionDeniedError(RosterError):
    """403: not allowed in the current state, e.g. a directory of an organization without the scim feature."""

    kind = "permission_denied"


class NotFoundError(RosterError):
    """404: unknown id, including another organization's ids."""

    kind = "not_found"


class ConflictError(RosterError):
    """409: already exists, or still in use."""

    kind = "conflict"


class GoneError(RosterError):
    """410: an events cursor older than the retention period (cursor_expired)."""

    kind = "gone"


class RateLimitError(RosterError):
    """429 after the retries ran out."""

    kind = "rate_limited"


class ServerError(RosterError):
    """5xx after the retries ran out (or at once for a POST, which may have been applied)."""

    kind = "server"


class RosterConnectionError(RosterError):
    """No response: the connection failed or the request timed out. `status` is 0."""

    kind = "connection"

    def __init__(self, message: str) -> None:
        super().__init__(message, status=0, code="connection_failed")


class InvalidResponseError(RosterError):
    """A 2xx answer whose body is not what the OpenAPI document promises."""

    kind = "unexpected"


_BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    429: RateLimitError,
}


def error_from_response(status: int, body: Any, headers: Optional[httpx.Headers] = None) -> RosterError:
    """The typed error for a non-2xx answer whose body (parsed JSON, text or None) is `body`."""
    shaped = isinstance(body, dict) and isinstance(body.get("code"), str) and isinstance(body.get("message"), str)
    if shaped:
        code, message = body["code"], body["message"]
        details = body.get("details") if isinstance(body.get("details"), dict) else {}
    else:
        code = f"http_{status}"
        message = body[:500] if isinstance(body, str) and body else f"HTTP {status}"
        details = {}
    if status in _BY_STATUS:
        error_class = _BY_STATUS[status]
    elif status >= 500:
        error_class = ServerError
    elif status >= 400:
        error_class = BadRequestError
    else:
        error_class = RosterError
    return error_class(message, status=status, code=code, details=details, headers=headers)
