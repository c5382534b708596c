"""roster.models is generated from the OpenAPI document the server serves; these fail when the
committed models no longer match it, in the file's text and in each field's name, type and
requiredness.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict, List

import pytest

from .conftest import SDK_DIR
from .openapi_check import model_problems

Schema = Dict[str, Any]


def test_every_schema_of_the_document_is_a_model_with_its_fields_and_types(openapi_document: Schema) -> None:
    problems = model_problems(openapi_document)
    assert problems == [], "roster.models disagrees with /api/openapi.json (run `python scripts/generate_models.py --url <Roster>`):\n" + "\n".join(problems)


def test_roster_models_py_is_what_the_generator_makes_from_the_document(openapi_document: Schema) -> None:
    from generate_models import render_models

    expected = render_models(openapi_document)
    committed = (SDK_DIR / "roster" / "models.py").read_text(encoding="utf-8")
    if expected != committed:
        want, got = expected.splitlines(), committed.splitlines()
        line = next((index for index, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
        pytest.fail(
            "roster/models.py is stale; run `python scripts/generate_models.py --url <Roster>`. "
            f"First difference at line {line + 1}: generated now {want[line:line + 1]}, committed {got[line:line + 1]}"
        )


def _schemas(document: Schema) -> Schema:
    return document["components"]["schemas"]  # type: ignore[no-any-return]


# Ways the document could move away from the models; the check must notice each.
DRIFTS: List[tuple] = [
    ("a new property", lambda d: _schemas(d)["Directory"]["properties"].update(region={"type": "string"}), "lacks the field region"),
    ("a property removed", lambda d: _schemas(d)["Role"]["properties"].pop("description"), "Role.description is not in the document"),
    ("a type changed", lambda d: _schemas(d)["Directory"]["properties"].update(total_users={"type": "string"}), "total_users"),
    ("nullable no more", lambda d: _schemas(d)["Directory"]["properties"].update(email={"type": "string"}), "email"),
    ("required no more", lambda d: _schemas(d)["Organization"]["required"].remove("external_id"), "external_id"),
    ("an enum value added", lambda d: _schemas(d)["Directory"]["properties"]["directory_provider"]["enum"].append("KEYCLOAK"), "directory_provider"),
    ("a date-time no more", lambda d: _schemas(d)["Event"]["properties"].update(occurred_at={"type": "string"}), "occurred_at"),
    ("an inline object's field", lambda d: _schemas(d)["Directory"]["properties"]["stats"]["properties"].pop("total_groups"), "DirectoryStats.total_groups"),
    ("an array item's type", lambda d: _schemas(d)["DirectoryUser"]["properties"]["emails"].update(items={"type": "integer"}), "emails[]"),
    ("a new schema", lambda d: _schemas(d).update(Tenant={"type": "object", "properties": {}}), "no dataclass Tenant"),
]


@pytest.mark.parametrize("name,change,complaint", DRIFTS, ids=[drift[0] for drift in DRIFTS])
def test_the_check_notices_when_the_document_moves(openapi_document: Schema, name: str, change: Callable[[Schema], Any], complaint: str) -> None:
    moved = copy.deepcopy(openapi_document)
    change(moved)
    problems = model_problems(moved)
    assert any(complaint in problem for problem in problems), f"{name}: {problems}"
