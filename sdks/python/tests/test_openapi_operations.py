"""Every operation of the OpenAPI document has an SDK method (the table below), on Roster and
AsyncRoster alike. Each method is called against a recording transport: the request it sends
must be the operation's method and path, with every query parameter and body field the document
names (and no other), and the method must answer with the model of the operation's 2xx answer.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Set, Tuple, get_type_hints

import httpx
import pytest

from roster import AsyncRoster, NotFoundError, Roster

Schema = Dict[str, Any]

WHEN = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


@dataclass
class Call:
    resource: str
    method: str
    args: Tuple[Any, ...] = ()
    kwargs: Dict[str, Any] = field(default_factory=dict)
    #: The answer is this property of the operation's response schema (generate_portal_link answers the link).
    unwraps: Optional[str] = None


def call(resource: str, method: str, *args: Any, unwraps: Optional[str] = None, **kwargs: Any) -> Call:
    return Call(resource, method, args, kwargs, unwraps)


ORG, DIR = "org_1", "dir_1"

# operationId -> the SDK calls that make it. The first call's method is the operation's method;
# together the calls pass every parameter and body field the operation takes.
OPERATIONS: Dict[str, List[Call]] = {
    # Sent by the client itself before the first call (and again to renew the token).
    "getAccessToken": [],
    "createOrganization": [call("organization", "create_organization", "Acme", external_id="acme")],
    "listOrganizations": [call("organization", "list_organizations", page_size=10, page_token="t"), call("organization", "list_organization", page_size=1)],
    "getOrganizationByExternalId": [call("organization", "get_organization_by_external_id", "acme")],
    "getOrganization": [call("organization", "get_organization", ORG)],
    "updateOrganization": [call("organization", "update_organization", ORG, display_name="Acme 2", external_id=None)],
    "deleteOrganization": [call("organization", "delete_organization", ORG)],
    "updateOrganizationSettings": [call("organization", "update_organization_settings", ORG, [{"name": "scim", "enabled": True}])],
    "createDirectory": [call("directory", "create_directory", ORG, directory_provider="OKTA", directory_type="SCIM", name="Okta")],
    "listDirectories": [call("directory", "list_directories", ORG, page_size=1, page_token="t")],
    "getDirectory": [call("directory", "get_directory", ORG, DIR)],
    "updateDirectory": [call("directory", "update_directory", ORG, DIR, name="Entra", directory_provider="AZURE_AD")],
    "deleteDirectory": [call("directory", "delete_directory", ORG, DIR)],
    "enableDirectory": [call("directory", "enable_directory", ORG, DIR)],
    "disableDirectory": [call("directory", "disable_directory", ORG, DIR)],
    "createDirectorySecret": [call("directory", "create_directory_secret", ORG, DIR, expire_time=WHEN)],
    "regenerateDirectorySecret": [call("directory", "regenerate_directory_secret", ORG, DIR, grace_period_seconds=60)],
    "revokeDirectorySecret": [call("directory", "revoke_directory_secret", ORG, DIR, "dirsec_1")],
    "listDirectoryUsers": [
        call(
            "directory", "list_directory_users", ORG, DIR,
            page_size=2, page_token="t", include_detail=True, directory_group_id="dirgroup_1", updated_after=WHEN,
        ),
        call("directory", "iterate_directory_users", ORG, DIR, page_size=2, include_detail=True, directory_group_id="g", updated_after=WHEN),
    ],
    "getDirectoryUser": [call("directory", "get_directory_user", ORG, DIR, "diruser_1", include_detail=True)],
    "listDirectoryGroups": [
        call("directory", "list_directory_groups", ORG, DIR, page_size=2, page_token="t", include_detail=True, updated_after=WHEN),
        call("directory", "iterate_directory_groups", ORG, DIR, page_size=2, include_detail=False, updated_after="2026-05-01T00:00:00Z"),
    ],
    "getDirectoryGroup": [call("directory", "get_directory_group", ORG, DIR, "dirgroup_1", include_detail=True)],
    "listDirectoryGroupMembers": [
        call("directory", "list_directory_group_members", ORG, DIR, "dirgroup_1", page_size=2, page_token="t"),
        call("directory", "iterate_directory_group_members", ORG, DIR, "dirgroup_1", page_size=2),
    ],
    "assignDirectoryGroupRoles": [call("directory", "assign_directory_group_roles", ORG, DIR, [{"group_id": "dirgroup_1", "role_name": "admin"}])],
    "updateDirectoryAttributeMappings": [call("directory", "update_directory_attribute_mappings", ORG, DIR, [{"key": "title", "map_to": "custom_attributes.title"}])],
    "getDirectoryEventSettings": [call("directory", "get_directory_event_settings", ORG, DIR)],
    "updateDirectoryEventSettings": [call("directory", "update_directory_event_settings", ORG, DIR, deactivation_as_deletion=True)],
    "createRole": [call("role", "create_role", "admin", display_name="Admin", description="All", permissions=["a:b"], is_default=False)],
    "listRoles": [call("role", "list_roles", page_size=5, page_token="t"), call("role", "iterate_roles", page_size=5)],
    "getRole": [call("role", "get_role", "admin")],
    "updateRole": [call("role", "update_role", "admin", display_name="Admin", description=None, permissions=[], is_default=True)],
    "deleteRole": [call("role", "delete_role", "admin")],
    "generatePortalLink": [call("organization", "generate_portal_link", ORG, expire_time=WHEN, unwraps="link")],
    "listPortalLinks": [call("organization", "list_portal_links", ORG, page_size=5, page_token="t")],
    "revokePortalLink": [call("organization", "revoke_portal_link", ORG, "link_1")],
    "createApiClient": [call("api_clients", "create", "backend")],
    "listApiClients": [call("api_clients", "list", page_size=5, page_token="t"), call("api_clients", "iterate", page_size=5)],
    "getApiClient": [call("api_clients", "get", "client_1")],
    "revokeApiClient": [call("api_clients", "revoke", "client_1")],
    "listEvents": [
        call("events", "list", after="ec1_x", limit=10, types=["organization.directory.user_created"], organization_id=ORG, directory_id=DIR),
        call("events", "iterate", "ec1_x", limit=10, types=["organization.directory.user_created"], organization_id=ORG),
        call("events", "catch_up", "ec1_x", limit=10, directory_id=DIR),
    ],
    "getEvent": [call("events", "get", "evt_1")],
    "createWebhook": [
        call("webhooks", "create", url="https://app.example/hooks", description="d", enabled=True, event_types=["organization.directory.user_created"], organization_id=ORG)
    ],
    "listWebhooks": [call("webhooks", "list")],
    "getWebhook": [call("webhooks", "get", "wh_1")],
    "updateWebhook": [
        call("webhooks", "update", "wh_1", url="https://app.example/h2", description="d", enabled=False, event_types=[], organization_id=None)
    ],
    "deleteWebhook": [call("webhooks", "delete", "wh_1")],
    "rotateWebhookSecret": [call("webhooks", "rotate_secret", "wh_1", grace_period_seconds=0)],
    "replayWebhook": [call("webhooks", "replay", "wh_1", event_id="evt_1"), call("webhooks", "replay", "wh_1", since=WHEN)],
    "listWebhookDeliveries": [call("webhooks", "list_deliveries", "wh_1", status="dead", page_size=5, page_token="t")],
    "getWebhookDelivery": [call("webhooks", "get_delivery", "wh_1", "evt_1")],
}


@dataclass
class Sent:
    method: str
    path: str
    query: Set[str]
    body: Optional[Any]


class Recorder:
    """A transport that answers the token request and records every other request, answering it 404."""

    def __init__(self) -> None:
        self.sent: List[Sent] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.sent.append(Sent(request.method, request.url.path, set(request.url.params.keys()), body))
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "token", "token_type": "Bearer", "expires_in": 3600})
        return httpx.Response(404, json={"code": "not_found", "message": "recorded"})


def operations(document: Schema) -> Dict[str, Tuple[str, str, Schema]]:
    found = {}
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            found[operation["operationId"]] = (method.upper(), path, operation)
    return found


def path_pattern(template: str) -> "re.Pattern[str]":
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")


def parameters(operation: Schema) -> Set[str]:
    return {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}


def body_schema(operation: Schema) -> Optional[Schema]:
    content = operation.get("requestBody", {}).get("content", {})
    return content["application/json"]["schema"] if "application/json" in content else None


def answer_model(document: Schema, operation: Schema, unwraps: Optional[str]) -> Optional[str]:
    for status, response in operation["responses"].items():
        if status.startswith("2"):
            content = response.get("content")
            if not content:
                return None
            schema = content["application/json"]["schema"]
            name: str = schema["$ref"].rsplit("/", 1)[-1]
            if unwraps is None:
                return name
            target = document["components"]["schemas"][name]["properties"][unwraps]
            return str(target["$ref"].rsplit("/", 1)[-1])
    raise AssertionError(f"{operation['operationId']} has no 2xx answer")


def send_sync(client: Roster, entry: Call) -> None:
    result = getattr(getattr(client, entry.resource), entry.method)(*entry.args, **entry.kwargs)
    if inspect.isgenerator(result):
        next(result)


async def send_async(client: AsyncRoster, entry: Call) -> None:
    result = getattr(getattr(client, entry.resource), entry.method)(*entry.args, **entry.kwargs)
    if inspect.isasyncgen(result):
        await result.__anext__()
    else:
        await result


def record(flavour: str, entries: List[Call]) -> List[Sent]:
    recorder = Recorder()
    transport = httpx.MockTransport(recorder.handle)
    for entry in entries:
        if flavour == "sync":
            with pytest.raises(NotFoundError):
                send_sync(Roster("http://roster.test", "id", "secret", http_client=httpx.Client(transport=transport)), entry)
        else:
            async def run(entry: Call = entry) -> None:
                client = AsyncRoster("http://roster.test", "id", "secret", http_client=httpx.AsyncClient(transport=transport))
                with pytest.raises(NotFoundError):
                    await send_async(client, entry)

            asyncio.run(run())
    return recorder.sent


def test_every_operation_of_the_document_has_an_sdk_method_in_the_table(openapi_document: Schema) -> None:
    in_document = set(operations(openapi_document))
    assert sorted(in_document - set(OPERATIONS)) == [], "operations without an SDK method (add them to the SDK and to OPERATIONS)"
    assert sorted(set(OPERATIONS) - in_document) == [], "OPERATIONS names operations the document no longer has"


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_each_method_sends_its_operation_with_every_parameter_and_answers_its_model(openapi_document: Schema, flavour: str) -> None:
    document_operations = operations(openapi_document)
    clients = {"sync": Roster("http://roster.test", "id", "secret"), "async": AsyncRoster("http://roster.test", "id", "secret")}
    problems: List[str] = []
    for operation_id, entries in OPERATIONS.items():
        if operation_id not in document_operations:
            continue
        method, template, operation = document_operations[operation_id]
        if entries:
            sent = [request for request in record(flavour, entries) if request.path != "/oauth/token"]
        else:  # getAccessToken: the client sends it before its first call
            sent = [request for request in record(flavour, [call("role", "get_role", "admin")]) if request.path == "/oauth/token"]
        pattern = path_pattern(template)
        for request in sent:
            if request.method != method or not pattern.match(request.path):
                problems.append(f"{operation_id}: sent {request.method} {request.path}, the document says {method} {template}")
        query: Set[str] = set().union(*(request.query for request in sent))
        if query != parameters(operation):
            problems.append(f"{operation_id}: query parameters sent {sorted(query)}, the document has {sorted(parameters(operation))}")
        schema = body_schema(operation) or {}
        bodies = [request.body for request in sent if request.body is not None]
        sent_fields: Set[str] = set().union(*(set(body) for body in bodies))
        if sent_fields != set(schema.get("properties", {})):
            problems.append(f"{operation_id}: body fields sent {sorted(sent_fields)}, the document has {sorted(schema.get('properties', {}))}")
        for body in bodies:
            missing = set(schema.get("required", [])) - set(body)
            if missing:
                problems.append(f"{operation_id}: a body without the required {sorted(missing)}")
        if entries:
            function = getattr(type(getattr(clients[flavour], entries[0].resource)), entries[0].method)
            answered = get_type_hints(function).get("return")
            name = None if answered is type(None) else getattr(answered, "__name__", str(answered))
            expected = answer_model(openapi_document, operation, entries[0].unwraps)
            if name != expected:
                problems.append(f"{operation_id}: {entries[0].resource}.{entries[0].method} answers {name}, the document {expected}")
    assert problems == [], "\n".join(problems)
