from __future__ import annotations

from typing import Any

import httpx
import pytest

from roster import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GoneError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Roster,
    RosterError,
    ServerError,
)
from roster.errors import error_from_response

API_ERROR = {"code": "invalid_argument", "message": "page_size must be at most 100", "details": {"parameter": "page_size"}}


@pytest.mark.parametrize(
    "status,error_class,kind",
    [
        (400, BadRequestError, "bad_request"),
        (401, AuthenticationError, "authentication"),
        (403, PermissionDeniedError, "permission_denied"),
        (404, NotFoundError, "not_found"),
        (409, ConflictError, "conflict"),
        (410, GoneError, "gone"),
        (413, BadRequestError, "bad_request"),
        (415, BadRequestError, "bad_request"),
        (429, RateLimitError, "rate_limited"),
        (500, ServerError, "server"),
        (503, ServerError, "server"),
    ],
)
def test_each_status_is_its_own_error_carrying_code_message_and_details(status: int, error_class: type, kind: str) -> None:
    error = error_from_response(status, API_ERROR, httpx.Headers({"retry-after": "1"}))
    assert type(error) is error_class and isinstance(error, RosterError)
    assert (error.status, error.code, error.message, error.kind) == (status, "invalid_argument", "page_size must be at most 100", kind)
    assert error.details == {"parameter": "page_size"}
    assert error.parameter == "page_size"
    assert error.headers is not None and error.headers["retry-after"] == "1"
    assert str(error) == "page_size must be at most 100"


@pytest.mark.parametrize(
    "body,code,message",
    [
        ("upstream timed out", "http_502", "upstream timed out"),
        ("", "http_502", "HTTP 502"),
        (None, "http_502", "HTTP 502"),
        ({"error": "not ours"}, "http_502", "HTTP 502"),
        ({"code": 5, "message": "not a string code"}, "http_502", "HTTP 502"),
        ("x" * 600, "http_502", "x" * 500),
    ],
)
def test_an_answer_not_in_the_apis_shape_still_gives_a_typed_error(body: Any, code: str, message: str) -> None:
    error = error_from_response(502, body)
    assert isinstance(error, ServerError)
    assert (error.code, error.message, error.details, error.parameter) == (code, message, {}, None)


@pytest.mark.parametrize(
    "answer,problem",
    [
        (httpx.Response(200, text="<html>a proxy's page</html>"), "is not JSON"),
        (httpx.Response(200, json={"organization": {"id": 7}}), "organization.id: is int, not str"),
        (httpx.Response(200, json={"organizations": []}), "organization: is missing"),
    ],
)
def test_a_2xx_answer_that_is_not_what_the_document_promises_is_an_invalid_response_error(answer: httpx.Response, problem: str) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
        return answer

    client = Roster("http://roster.test", "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(handle)))
    with pytest.raises(InvalidResponseError) as raised:
        client.organization.get_organization("org_1")
    assert problem in raised.value.message and raised.value.code == "invalid_response" and raised.value.status == 200
    assert "GET /api/v1/organizations/org_1" in raised.value.message
