"""Compares the SDK's models with the OpenAPI document, field by field and type by type, from the
dataclasses themselves (not from the generator), so a generator bug shows too.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional, Set, Tuple, Union, get_args, get_origin, get_type_hints

from roster import models
from roster._decode import json_name

Schema = Dict[str, Any]


def resolve(document: Schema, schema: Schema) -> Schema:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def without_null(schema: Schema) -> Tuple[Schema, bool]:
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        return (options[0] if len(options) == 1 else {"anyOf": options}), len(options) < len(schema["anyOf"])
    kind = schema.get("type")
    if isinstance(kind, list) and "null" in kind:
        rest = [item for item in kind if item != "null"]
        return {**schema, "type": rest[0] if len(rest) == 1 else rest}, True
    return schema, False


def optional_inner(annotation: Any) -> Optional[Any]:
    """X for Optional[X]; None when the annotation does not allow None."""
    if get_origin(annotation) is Union and type(None) in get_args(annotation):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else Union[tuple(rest)]
    return None


class ModelChecker:
    def __init__(self, document: Schema) -> None:
        self.document = document
        self.problems: List[str] = []
        self.checked: Set[type] = set()

    def check_components(self) -> List[str]:
        for name, schema in self.document["components"]["schemas"].items():
            cls = getattr(models, name, None)
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
                self.problems.append(f"roster.models has no dataclass {name} (components.schemas.{name})")
                continue
            self.check_class(cls, schema, name)
        for name in models.__all__:
            cls = getattr(models, name)
            if cls not in self.checked:
                self.problems.append(f"roster.models.{name} matches nothing in the document")
        return self.problems

    def check_class(self, cls: type, schema: Schema, where: str) -> None:
        self.checked.add(cls)
        schema = resolve(self.document, schema)
        properties: Dict[str, Schema] = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = {json_name(field): field for field in dataclasses.fields(cls)}
        hints = get_type_hints(cls)
        for name in sorted(set(properties) - set(fields)):
            self.problems.append(f"{where}: {cls.__name__} lacks the field {name}")
        for name in sorted(set(fields) - set(properties)):
            self.problems.append(f"{where}: {cls.__name__}.{name} is not in the document")
        for name in [key for key in properties if key in fields]:
            field = fields[name]
            has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
            if (name in required) == has_default:
                self.problems.append(f"{where}.{name}: required is {name in required}, but the field {'has' if has_default else 'has no'} default")
            self.check_type(hints[field.name], properties[name], f"{where}.{name}", may_be_none=name not in required)

    def check_type(self, annotation: Any, schema: Schema, where: str, may_be_none: bool = False) -> None:
        inner, nullable = without_null(schema)
        unwrapped = optional_inner(annotation)
        if nullable or may_be_none:
            if unwrapped is None:
                self.problems.append(f"{where}: {annotation} cannot be None, but the document allows null or leaves it out")
                return
            annotation = unwrapped
        elif unwrapped is not None:
            self.problems.append(f"{where}: {annotation} allows None, but the document does not")
            annotation = unwrapped
        self.check_plain(annotation, inner, where)

    def check_plain(self, annotation: Any, schema: Schema, where: str) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if getattr(annotation, "__name__", None) != name:
                self.problems.append(f"{where}: {annotation} is not the model {name}")
            return
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if values is not None:
            if get_origin(annotation) is not Literal or list(get_args(annotation)) != list(values):
                self.problems.append(f"{where}: {annotation} is not Literal{values}")
            return
        kind = schema.get("type")
        expected = {"integer": int, "number": float, "boolean": bool}.get(kind) if isinstance(kind, str) else None
        if kind == "string":
            expected = datetime if schema.get("format") == "date-time" else str
        if expected is not None:
            if annotation is not expected:
                self.problems.append(f"{where}: {annotation} is not {expected.__name__} ({kind})")
            return
        if kind == "array":
            if get_origin(annotation) is not list:
                self.problems.append(f"{where}: {annotation} is not a List")
                return
            self.check_type(get_args(annotation)[0], schema.get("items", {}), f"{where}[]")
            return
        if "properties" in schema:
            if not (isinstance(annotation, type) and dataclasses.is_dataclass(annotation)):
                self.problems.append(f"{where}: {annotation} is not a dataclass for an object with properties")
                return
            self.check_class(annotation, schema, where)
            return
        if kind == "object":
            if get_origin(annotation) is not dict:
                self.problems.append(f"{where}: {annotation} is not a Dict for an object without properties")
            return
        if kind is None and "anyOf" not in schema:
            if annotation is not Any:
                self.problems.append(f"{where}: {annotation} is not Any for a schema without a type")
            return
        self.problems.append(f"{where}: the check does not know the schema {schema}")


def model_problems(document: Schema) -> List[str]:
    """Every way roster.models disagrees with the document; empty when they agree."""
    return ModelChecker(document).check_components()
