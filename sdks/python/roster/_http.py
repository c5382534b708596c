"""Building requests and reading answers: the parts the sync and async clients share."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any, Dict, Iterable, List, Mapping, Optional, Type, TypeVar, Union
from urllib.parse import quote

import httpx

from ._decode import DecodeError, decode, format_datetime, json_name
from .errors import InvalidResponseError, error_from_response

T = TypeVar("T")


class Unset:
    """The value of an argument left out, where None means something (clear the field)."""

    _instance: Optional["Unset"] = None

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET = Unset()

Timestamp = Union[datetime, str]


def json_value(value: Any) -> Any:
    """A request value as JSON: dataclasses (the models) as objects, datetimes as RFC 3339 text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {json_name(field): json_value(getattr(value, field.name)) for field in dataclasses.fields(value) if getattr(value, field.name) is not None}
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    return value


def compact(fields: Mapping[str, Any], nullable: Iterable[str] = ()) -> Dict[str, Any]:
    """A request body without the arguments left out: UNSET always, None unless null clears that field."""
    keep_null = set(nullable)
    return {
        key: json_value(value)
        for key, value in fields.items()
        if value is not UNSET and (value is not None or key in keep_null)
    }


def request_items(items: Iterable[Any], *names: str) -> List[Dict[str, Any]]:
    """Items of a request list, each given as a mapping (`{"name": "scim", "enabled": True}`) or as
    one of the models, as JSON objects with the fields `names`.
    """
    def pick(item: Any, name: str) -> Any:
        return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)

    return [compact({name: pick(item, name) for name in names}) for item in items]


def query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, (list, tuple)):
        return ",".join(str(item) for item in value)
    return str(value)


def encode_query(query: Optional[Mapping[str, Any]]) -> Dict[str, str]:
    return {key: query_value(value) for key, value in (query or {}).items() if value is not None and value is not UNSET}


def expand_path(template: str, path: Optional[Mapping[str, str]]) -> str:
    """`/api/v1/organizations/{organization_id}` with each id percent-encoded, so an id cannot reach another route."""
    result = template
    for name, value in (path or {}).items():
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string, not {value!r}")
        result = result.replace("{" + name + "}", quote(value, safe=""))
    return result


def _body_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def read_response(response: httpx.Response, model: Optional[Type[T]]) -> Optional[T]:
    """The answer decoded into `model` (None for a 204); a typed RosterError for a non-2xx answer."""
    if not response.is_success:
        raise error_from_response(response.status_code, _body_of(response), response.headers)
    if model is None:
        return None
    try:
        return decode(model, response.json())
    except ValueError as error:  # DecodeError, or a body that is not JSON at all
        problem = f"does not match the API's document: {error}" if isinstance(error, DecodeError) else "is not JSON"
        raise InvalidResponseError(
            f"{response.request.method} {response.request.url.path} answered {response.status_code}: a {model.__name__} that {problem}",
            status=response.status_code,
            code="invalid_response",
            headers=response.headers,
        ) from None


def json_request_body(body: Optional[Mapping[str, Any]]) -> Optional[bytes]:
    return None if body is None else json.dumps(body, separators=(",", ":")).encode("utf-8")
