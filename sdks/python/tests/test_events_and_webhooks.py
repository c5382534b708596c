"""roster.events (the ordered Events API and catching up from a stored cursor) and roster.webhooks,
with real deliveries to a receiver on loopback checked by verify_webhook_payload.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from typing import Iterator, List, Optional

import pytest

from roster import BadRequestError, Event, NotFoundError, Roster, WebhookVerificationError, verify_webhook_payload
from roster._decode import decode

from .conftest import provision, unique
from .support.scim import GROUP_SCHEMA, scim_create, scim_user
from .support.webhook_receiver import Delivery, WebhookReceiver, wait_for


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    endpoint = WebhookReceiver()
    yield endpoint
    endpoint.close()


class CursorStore:
    """Where an app keeps its Events API cursor (a row in its database, in real life)."""

    def __init__(self) -> None:
        self.cursor: Optional[str] = None
        self.saves = 0

    def save(self, cursor: str) -> None:
        self.cursor = cursor
        self.saves += 1


def catch_up(roster: Roster, store: CursorStore, organization_id: str, seen: List[Event], fail_on: Optional[str] = None) -> None:
    """The app's catch-up: apply each page, then store its cursor."""
    for page in roster.events.catch_up(store.cursor, organization_id=organization_id, limit=2):
        for event in page.events:
            if event.id == fail_on:
                raise RuntimeError("the app went down while applying this event")
            seen.append(event)
        store.save(page.next_cursor)


def test_events_list_in_commit_order_with_filters_get_one_and_refuse_bad_input(roster_client: Roster) -> None:
    roster = roster_client
    setup = provision(roster, "Evented")
    user_id = scim_create(setup.connection, "Users", scim_user("evented@example.com"))
    scim_create(setup.connection, "Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Evented", "members": [{"value": user_id}]})

    created = roster.events.list(types=["organization.directory.user_created"], directory_id=setup.directory_id, limit=1000)
    event = next(item for item in created.events if item.data["id"] == user_id)
    assert (event.organization_id, event.directory_id, event.object, event.spec_version) == (setup.organization_id, setup.directory_id, "DirectoryUser", "1")
    assert event.occurred_at.tzinfo is not None
    assert roster.events.get(event.id).event == event

    every = list(roster.events.iterate(organization_id=setup.organization_id, limit=2))
    types = [item.type for item in every]
    assert types[:3] == ["organization.directory.created", "organization.directory.secret_created", "organization.directory.user_created"]
    assert "organization.directory.group_created" in types[3:], "in commit order"
    assert len({item.id for item in every}) == len(every), "each once"

    for call, parameter in [
        (lambda: roster.events.list(types=["user.made_up"]), "types"),
        (lambda: roster.events.list(limit=0), "limit"),
        (lambda: roster.events.list(after="not-a-cursor"), "after"),
    ]:
        with pytest.raises(BadRequestError) as refused:
            call()
        assert refused.value.parameter == parameter
    with pytest.raises(NotFoundError):
        roster.events.get("evt_unknown")


def test_catch_up_resumes_from_the_stored_cursor_and_replays_a_page_the_app_did_not_finish(roster_client: Roster) -> None:
    roster = roster_client
    setup = provision(roster, "Catch-up")
    for index in range(3):
        scim_create(setup.connection, "Users", scim_user(f"first{index}@example.com"))
    store = CursorStore()
    seen: List[Event] = []
    catch_up(roster, store, setup.organization_id, seen)
    first_run = [event.id for event in seen]
    assert [event.type for event in seen][-3:] == ["organization.directory.user_created"] * 3
    assert store.cursor and store.saves >= 3, "a cursor stored after every page"

    # While the app is down, more happens.
    later = [scim_create(setup.connection, "Users", scim_user(f"later{index}@example.com")) for index in range(3)]
    seen.clear()
    catch_up(roster, store, setup.organization_id, seen)
    assert [event.data["id"] for event in seen] == later, "exactly what happened since the stored cursor, in order"
    assert not set(first_run) & {event.id for event in seen}

    seen.clear()
    saves = store.saves
    catch_up(roster, store, setup.organization_id, seen)
    assert seen == [] and store.saves == saves + 1, "nothing new: one empty page, and its cursor is kept"

    # The app dies while applying the second page: its cursor is not stored, so that page comes again.
    last = [scim_create(setup.connection, "Users", scim_user(f"last{index}@example.com")) for index in range(4)]
    failing = roster.events.list(after=store.cursor, organization_id=setup.organization_id, limit=1000).events[2].id
    with pytest.raises(RuntimeError):
        catch_up(roster, store, setup.organization_id, seen, fail_on=failing)
    assert [event.data["id"] for event in seen] == last[:2]
    seen.clear()
    catch_up(roster, store, setup.organization_id, seen)
    assert [event.data["id"] for event in seen] == last[2:], "resumed at the page that was not finished"


def test_a_delivery_verifies_and_a_tampered_or_expired_one_does_not(roster_client: Roster, receiver: WebhookReceiver) -> None:
    roster = roster_client
    setup = provision(roster, "Hooked")
    created = roster.webhooks.create(
        url=receiver.url, description="user changes", event_types=["organization.directory.user_created"], organization_id=setup.organization_id
    )
    secret, webhook = created.secret, created.webhook
    assert secret.startswith("whsec_") and webhook.event_types == ["organization.directory.user_created"]
    assert roster.webhooks.get(webhook.id).webhook == webhook
    assert webhook.id in {item.id for item in roster.webhooks.list().webhooks}

    user_id = scim_create(setup.connection, "Users", scim_user(f"{unique('hooked')}@example.com"))
    delivered = wait_for(lambda: next(iter(receiver.deliveries()), None), "the first delivery")
    assert verify_webhook_payload(secret, delivered.headers, delivered.body) is True
    assert roster.verify_webhook_payload(secret, dict(delivered.headers), delivered.body.decode()) is True
    event = decode(Event, json.loads(delivered.body))
    assert (event.id, event.type, event.data["id"]) == (delivered.header("webhook-id"), "organization.directory.user_created", user_id)

    tampered = delivered.body.replace(b"hooked", b"hacked")
    with pytest.raises(WebhookVerificationError) as refused:
        verify_webhook_payload(secret, delivered.headers, tampered)
    assert refused.value.reason == "no_matching_signature"
    sent_at = int(delivered.header("webhook-timestamp"))
    with pytest.raises(WebhookVerificationError) as expired:
        verify_webhook_payload(secret, delivered.headers, delivered.body, now=lambda: sent_at + 301)
    assert expired.value.reason == "timestamp_out_of_tolerance"
    with pytest.raises(WebhookVerificationError):
        verify_webhook_payload(roster.webhooks.create(url=receiver.url, enabled=False).secret, delivered.headers, delivered.body)


def test_webhooks_rotate_replay_deliveries_update_and_delete(roster_client: Roster, receiver: WebhookReceiver) -> None:
    roster = roster_client
    setup = provision(roster, "Rotated")
    created = roster.webhooks.create(url=receiver.url, event_types=["organization.directory.user_created"], organization_id=setup.organization_id)
    webhook_id, secret = created.webhook.id, created.secret
    scim_create(setup.connection, "Users", scim_user(f"{unique('before')}@example.com"))
    first = wait_for(lambda: next(iter(receiver.deliveries()), None), "the first delivery")

    # Rotation: until the grace period ends, each delivery is signed with both secrets.
    rotated = roster.webhooks.rotate_secret(webhook_id, grace_period_seconds=3600)
    assert rotated.secret != secret and rotated.previous_secrets_expire_time > datetime.now(timezone.utc)
    time.sleep(1.1)  # the delivery worker reloads endpoints and their secrets once a second
    scim_create(setup.connection, "Users", scim_user(f"{unique('after')}@example.com"))
    second: Delivery = wait_for(lambda: receiver.deliveries()[1] if len(receiver.deliveries()) > 1 else None, "a delivery after the rotation")
    assert len(second.header("webhook-signature").split(" ")) == 2
    for key in (secret, rotated.secret):
        assert verify_webhook_payload(key, second.headers, second.body) is True

    first_id = first.header("webhook-id")
    assert roster.webhooks.replay(webhook_id, event_id=first_id).replayed == 1
    again = wait_for(lambda: next((item for item in receiver.deliveries()[2:] if item.header("webhook-id") == first_id), None), "the replay")
    assert verify_webhook_payload(rotated.secret, again.headers, again.body) is True
    assert roster.webhooks.replay(webhook_id, since=datetime.now(timezone.utc) - timedelta(hours=1)).replayed == 2
    with pytest.raises(ValueError):
        roster.webhooks.replay(webhook_id)

    deliveries = roster.webhooks.list_deliveries(webhook_id, page_size=1)
    assert len(deliveries.deliveries) == 1 and deliveries.next_page_token != ""
    detail = roster.webhooks.get_delivery(webhook_id, first_id)
    assert detail.delivery.event_id == first_id and len(detail.attempt_log) >= 1

    paused = roster.webhooks.update(webhook_id, enabled=False, description="paused").webhook
    assert (paused.enabled, paused.description, paused.url, paused.organization_id) == (False, "paused", receiver.url, setup.organization_id)
    assert roster.webhooks.update(webhook_id, organization_id=None).webhook.organization_id is None, "None: every organization"
    for call, parameter in [
        (lambda: roster.webhooks.create(url="ftp://example.com/hooks"), "url"),
        (lambda: roster.webhooks.update(webhook_id, event_types=["nope"]), "event_types"),
    ]:
        with pytest.raises(BadRequestError) as refused:
            call()
        assert refused.value.parameter == parameter
    roster.webhooks.delete(webhook_id)
    with pytest.raises(NotFoundError):
        roster.webhooks.get(webhook_id)

