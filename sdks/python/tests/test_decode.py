from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, get_type_hints

import pytest

import roster._decode as decoding
from roster import Directory, DirectoryUser, Organization
from roster._decode import DecodeError, decode, format_datetime, parse_datetime


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2026-05-01T12:00:00Z", datetime(2026, 5, 1, 12, tzinfo=timezone.utc)),
        ("2026-05-01T12:00:00.123Z", datetime(2026, 5, 1, 12, 0, 0, 123000, tzinfo=timezone.utc)),
        ("2026-05-01T12:00:00.123456789Z", datetime(2026, 5, 1, 12, 0, 0, 123456, tzinfo=timezone.utc)),
        ("2026-05-01t12:00:00.5z", datetime(2026, 5, 1, 12, 0, 0, 500000, tzinfo=timezone.utc)),
        ("2026-05-01T14:30:00+02:30", datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)),
        ("2026-05-01T08:00:00-04:00", datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)),
    ],
)
def test_rfc_3339_date_times_on_every_python_from_3_9(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected and parsed.tzinfo is not None


@pytest.mark.parametrize("text", ["2026-05-01", "2026-05-01T12:00:00", "yesterday", "2026-13-01T00:00:00Z", "2026-05-01T12:00:00+0200"])
def test_text_that_is_not_an_rfc_3339_date_time_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(text)


def test_datetimes_are_sent_in_utc_with_milliseconds() -> None:
    assert format_datetime(datetime(2026, 5, 1, 14, 30, 0, 250000, tzinfo=timezone(timedelta(hours=2)))) == "2026-05-01T12:30:00.250Z"
    assert format_datetime(datetime(2026, 5, 1, 12, 0)) == "2026-05-01T12:00:00.000Z", "naive is taken as UTC"


ORGANIZATION: Dict[str, Any] = {
    "id": "org_1",
    "display_name": "Acme",
    "external_id": None,
    "settings": {"features": [{"name": "scim", "enabled": True}]},
    "create_time": "2026-05-01T12:00:00.000Z",
    "update_time": "2026-05-01T12:00:00.000Z",
}


def test_an_answer_decodes_into_nested_models() -> None:
    organization = decode(Organization, ORGANIZATION)
    assert organization.settings.features[0].name == "scim" and organization.settings.features[0].enabled is True
    assert organization.external_id is None
    assert organization.create_time == datetime(2026, 5, 1, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "change,path",
    [
        ({"display_name": 7}, "display_name"),
        ({"external_id": 7}, "external_id"),
        ({"settings": {"features": [{"name": "scim", "enabled": "yes"}]}}, "settings.features[0].enabled"),
        ({"settings": {"features": {}}}, "settings.features"),
        ({"create_time": "noon"}, "create_time"),
        ({"create_time": None}, "create_time"),
        ({"id": None}, "id"),
    ],
)
def test_a_field_of_the_wrong_type_names_its_path(change: Dict[str, Any], path: str) -> None:
    with pytest.raises(DecodeError) as raised:
        decode(Organization, {**ORGANIZATION, **change})
    assert raised.value.path == path


def test_a_missing_required_field_is_refused_and_an_unknown_one_only_when_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    without = {key: value for key, value in ORGANIZATION.items() if key != "settings"}
    with pytest.raises(DecodeError, match="settings: is missing"):
        decode(Organization, without)
    newer = {**ORGANIZATION, "region": "eu"}
    monkeypatch.setattr(decoding, "STRICT", False)
    assert decode(Organization, newer).id == "org_1", "a newer server's extra field is skipped"
    monkeypatch.setattr(decoding, "STRICT", True)
    with pytest.raises(DecodeError, match="region"):
        decode(Organization, newer)


def test_booleans_are_not_integers_and_integers_are_not_booleans() -> None:
    user = {
        "id": "u", "email": None, "preferred_username": "u", "given_name": None, "family_name": None, "name": None,
        "active": 1, "emails": [], "groups": [], "roles": [], "permissions": [], "custom_attributes": {},
        "updated_at": "2026-05-01T12:00:00Z",
    }
    with pytest.raises(DecodeError, match="active"):
        decode(DirectoryUser, user)
    assert decode(DirectoryUser, {**user, "active": True}).user_detail is None, "an optional field left out is None"


def test_an_enum_value_the_models_do_not_know_passes_unless_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = get_type_hints(Directory)["directory_provider"]
    monkeypatch.setattr(decoding, "STRICT", False)
    assert decode(provider, "KEYCLOAK") == "KEYCLOAK", "a provider a newer server added"
    with pytest.raises(DecodeError):
        decode(provider, 7)
    monkeypatch.setattr(decoding, "STRICT", True)
    with pytest.raises(DecodeError, match="KEYCLOAK"):
        decode(provider, "KEYCLOAK")
