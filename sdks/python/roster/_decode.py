"""JSON answers into the typed models of roster.models, checked on the way in.

A field of the wrong type, or a required field missing, is an error: the answer is not what the
OpenAPI document promises. A field the model does not know is skipped, so an SDK keeps working
against a newer Roster that added one; the SDK's own tests turn that into an error too
(`STRICT`), so the models cannot fall behind the server unnoticed.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Literal, Tuple, Type, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")

#: When true, a field the model does not know is an error too (the SDK's tests set it).
STRICT = False

_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$"
)


class DecodeError(ValueError):
    """The answer does not have the shape of the model it should decode into."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or 'the answer'}: {problem}")
        self.path = path


def parse_datetime(text: str) -> datetime:
    """RFC 3339 date-time text (any number of fraction digits, `Z` or an offset) as an aware datetime.

    datetime.fromisoformat takes `Z` and other fraction lengths only from Python 3.11 on.
    """
    match = _RFC3339.match(text)
    if not match:
        raise ValueError(f"{text!r} is not an RFC 3339 date-time")
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    microsecond = int((fraction or "0")[:6].ljust(6, "0"))
    if zone in ("Z", "z"):
        tzinfo = timezone.utc
    else:
        sign = 1 if zone[0] == "+" else -1
        tzinfo = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=tzinfo)


def format_datetime(value: datetime) -> str:
    """A datetime as RFC 3339 text in UTC; a naive datetime is taken to be UTC already."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def json_name(field: dataclasses.Field) -> str:  # type: ignore[type-arg]
    """The JSON property a field holds (a Python keyword gets a trailing underscore)."""
    return str(field.metadata.get("json", field.name))


def decode(model: Type[T], value: Any, path: str = "") -> T:
    """`value` (parsed JSON) as an instance of `model`, or a DecodeError naming the offending field."""
    return _decode(model, value, path)  # type: ignore[no-any-return]


def _decode(annotation: Any, value: Any, path: str) -> Any:
    if annotation is Any:
        return value
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):
        return _decode_dataclass(annotation, value, path)
    origin = get_origin(annotation)
    if origin is Union:
        options: Tuple[Any, ...] = tuple(arg for arg in get_args(annotation) if arg is not type(None))
        if value is None:
            if len(options) < len(get_args(annotation)):
                return None
            raise DecodeError(path, "is null")
        if len(options) == 1:
            return _decode(options[0], value, path)
        raise TypeError(f"unsupported union {annotation}")
    if origin is Literal:
        allowed = get_args(annotation)
        if value in allowed:
            return value
        # A value the document does not list yet (a new provider, say) passes unless strict.
        if not STRICT and isinstance(value, type(allowed[0])):
            return value
        raise DecodeError(path, f"is {value!r}, not one of {', '.join(repr(item) for item in allowed)}")
    if origin is list:
        if not isinstance(value, list):
            raise DecodeError(path, f"is {type(value).__name__}, not a list")
        (item,) = get_args(annotation)
        return [_decode(item, element, f"{path}[{index}]") for index, element in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise DecodeError(path, f"is {type(value).__name__}, not an object")
        return value
    return _decode_scalar(annotation, value, path)


def _decode_scalar(annotation: Any, value: Any, path: str) -> Any:
    if annotation is datetime:
        if not isinstance(value, str):
            raise DecodeError(path, f"is {type(value).__name__}, not a date-time string")
        try:
            return parse_datetime(value)
        except ValueError as error:
            raise DecodeError(path, str(error)) from None
    if annotation is bool:
        if isinstance(value, bool):
            return value
    elif annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif annotation is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif annotation is str:
        if isinstance(value, str):
            return value
    else:
        raise TypeError(f"unsupported annotation {annotation!r} at {path}")
    raise DecodeError(path, f"is {type(value).__name__}, not {annotation.__name__}")


def _decode_dataclass(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise DecodeError(path, f"is {type(value).__name__}, not an object ({cls.__name__})")
    hints = _hints(cls)
    arguments: Dict[str, Any] = {}
    known = set()
    for field in dataclasses.fields(cls):
        key = json_name(field)
        known.add(key)
        where = f"{path}.{key}" if path else key
        if key in value:
            arguments[field.name] = _decode(hints[field.name], value[key], where)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise DecodeError(where, f"is missing ({cls.__name__} requires it)")
    if STRICT:
        unknown = sorted(set(value) - known)
        if unknown:
            raise DecodeError(path, f"has fields {cls.__name__} does not know: {', '.join(unknown)}")
    return cls(**arguments)
