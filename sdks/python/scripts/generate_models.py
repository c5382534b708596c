"""Writes roster/models.py from Roster's OpenAPI document.

    python scripts/generate_models.py --url http://127.0.0.1:8080   # a running Roster
    python scripts/generate_models.py --file openapi.json

Every schema of `components.schemas` becomes a dataclass with one field per property, typed from
the schema; inline objects become dataclasses of their own, named after where they sit.
tests/test_openapi_models.py renders the file again from a live server's document and fails when
the committed one differs, and checks each dataclass against the document on its own.
"""

from __future__ import annotations

import argparse
import json
import keyword
import sys
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

Schema = Dict[str, Any]

MODELS_FILE = Path(__file__).resolve().parent.parent / "roster" / "models.py"

HEADER = '''\
# Generated from Roster's OpenAPI document by `python scripts/generate_models.py`. Do not edit:
# tests/test_openapi_models.py fails when this file no longer matches what the server serves.
"""The management API's objects, as dataclasses with the JSON's own (snake_case) field names."""

from __future__ import annotations

from dataclasses import {dataclass_imports}
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional
'''

# Names for inline objects whose default name (parent + property, singular for array items) reads badly.
NESTED_NAMES: Dict[Tuple[str, str], str] = {
    ("AttributeMappings", "attributes"): "AttributeMapping",
    ("RoleAssignments", "assignments"): "RoleAssignment",
    ("DirectoryEventSettingsResponse", "event_settings"): "DirectoryEventSettings",
    ("WebhookDeliveryResponse", "attempt_log"): "WebhookDeliveryAttempt",
}


def fetch_document(url: str) -> Schema:
    """The OpenAPI document a Roster serves at /api/openapi.json (`url` is its base URL or the document's)."""
    document_url = url if url.endswith(".json") else url.rstrip("/") + "/api/openapi.json"
    with urllib.request.urlopen(document_url, timeout=30) as response:  # noqa: S310 (a URL the developer gives)
        return json.loads(response.read().decode("utf-8"))


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def nested_name(parent: str, prop: str, array_item: bool) -> str:
    if (parent, prop) in NESTED_NAMES:
        return NESTED_NAMES[(parent, prop)]
    base = prop[:-1] if array_item and prop.endswith("s") else prop
    return parent + pascal(base)


def nullable_parts(schema: Schema) -> Tuple[Schema, bool]:
    """The schema without its null alternative, and whether null is allowed."""
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        if len(options) != 1:
            raise ValueError(f"unsupported anyOf: {json.dumps(schema)}")
        return options[0], len(options) < len(schema["anyOf"])
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [item for item in kind if item != "null"]
        if len(kinds) != 1:
            raise ValueError(f"unsupported type list: {kind}")
        return {**schema, "type": kinds[0]}, len(kinds) < len(kind)
    return schema, False


class Renderer:
    def __init__(self, document: Schema) -> None:
        self.schemas: Dict[str, Schema] = document["components"]["schemas"]
        self.classes: List[str] = []
        self.names: List[str] = []

    def type_of(self, schema: Schema, parent: str, prop: str) -> str:
        inner, nullable = nullable_parts(schema)
        text = self.plain_type(inner, parent, prop)
        return f"Optional[{text}]" if nullable else text

    def plain_type(self, schema: Schema, parent: str, prop: str) -> str:
        if "$ref" in schema:
            return schema["$ref"].rsplit("/", 1)[-1]
        if "const" in schema:
            return f"Literal[{json.dumps(schema['const'])}]"
        if "enum" in schema:
            return "Literal[" + ", ".join(json.dumps(value) for value in schema["enum"]) + "]"
        kind = schema.get("type")
        if kind == "string":
            return "datetime" if schema.get("format") == "date-time" else "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "array":
            items = schema.get("items", {})
            if "properties" in items:
                return f"List[{self.render_class(nested_name(parent, prop, True), items)}]"
            return f"List[{self.type_of(items, parent, prop)}]"
        if "properties" in schema:
            return self.render_class(nested_name(parent, prop, False), schema)
        if kind == "object":
            return "Dict[str, Any]"
        if kind is None:
            return "Any"
        raise ValueError(f"unsupported schema at {parent}.{prop}: {json.dumps(schema)}")

    def render_class(self, name: str, schema: Schema) -> str:
        """Renders `name` (after the classes it uses) and returns it."""
        required = set(schema.get("required", []))
        properties: Dict[str, Schema] = schema.get("properties", {})
        lines: List[str] = []
        # Fields without a default come first (dataclasses need it); optional ones default to None.
        ordered = [key for key in properties if key in required] + [key for key in properties if key not in required]
        for key in ordered:
            prop = properties[key]
            annotation = self.type_of(prop, name, key)
            attribute = key + "_" if keyword.iskeyword(key) else key
            if key not in required and not annotation.startswith("Optional["):
                annotation = f"Optional[{annotation}]"
            default = ""
            if attribute != key:
                metadata = f'field(metadata={{"json": {json.dumps(key)}}}'
                default = f" = {metadata})" if key in required else f" = {metadata}, default=None)"
            elif key not in required:
                default = " = None"
            lines.append(f"    {attribute}: {annotation}{default}")
            description = prop.get("description")
            if description:
                lines.append(f"    {docstring(description)}")
        body = "\n".join(lines) if lines else "    pass"
        description = schema.get("description")
        doc = f"    {docstring(description)}\n\n" if description else ""
        self.classes.append(f"@dataclass\nclass {name}:\n{doc}{body}\n")
        self.names.append(name)
        return name

    def render(self) -> str:
        for name, schema in self.schemas.items():
            resolved, _ = nullable_parts(schema)
            if resolved.get("type") != "object":
                raise ValueError(f"components.schemas.{name} is not an object schema")
            self.render_class(name, resolved)
        exports = "__all__ = [\n" + "".join(f'    "{name}",\n' for name in sorted(self.names)) + "]\n"
        classes = "\n\n".join(self.classes)
        header = HEADER.format(dataclass_imports="dataclass, field" if "field(metadata=" in classes else "dataclass")
        return header + "\n" + exports + "\n\n" + classes


def docstring(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{escaped}"""'


def render_models(document: Schema) -> str:
    """The source of roster/models.py for one OpenAPI document."""
    return Renderer(document).render()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="a running Roster's base URL (or its /api/openapi.json)")
    source.add_argument("--file", help="an OpenAPI document saved as JSON")
    args = parser.parse_args(argv)
    document = fetch_document(args.url) if args.url else json.loads(Path(args.file).read_text(encoding="utf-8"))
    MODELS_FILE.write_text(render_models(document), encoding="utf-8")
    print(f"wrote {MODELS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
