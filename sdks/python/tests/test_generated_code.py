"""roster/_sync is generated from roster/_async by scripts/unasync.py: one code base, two clients."""

from __future__ import annotations

import collections.abc
import inspect
from typing import get_origin, get_type_hints

from roster import AsyncRoster, Roster

from .conftest import SDK_DIR


def test_the_sync_client_is_what_unasync_makes_of_the_async_one() -> None:
    from unasync import HAND_WRITTEN, SYNC_DIR, expected_sync_files

    expected = expected_sync_files()
    present = {path.name for path in SYNC_DIR.glob("*.py")} - HAND_WRITTEN
    assert present == set(expected), "run `python scripts/unasync.py`"
    stale = [name for name, text in expected.items() if (SYNC_DIR / name).read_text(encoding="utf-8") != text]
    assert stale == [], f"roster/_sync/{stale} differ from roster/_async; run `python scripts/unasync.py` (edit roster/_async, not roster/_sync)"
    assert (SDK_DIR / "roster" / "_sync" / "_io.py").exists()


def test_both_clients_have_the_same_resources_and_methods_with_the_same_arguments() -> None:
    sync_client = Roster("http://roster.test", "id", "secret")
    async_client = AsyncRoster("http://roster.test", "id", "secret")
    resources = [name for name in vars(sync_client) if not name.startswith("_")]
    assert resources == [name for name in vars(async_client) if not name.startswith("_")]
    assert resources == ["organization", "directory", "role", "events", "webhooks", "api_clients"]
    for resource in resources:
        sync_resource, async_resource = getattr(sync_client, resource), getattr(async_client, resource)
        methods = [name for name, _ in inspect.getmembers(sync_resource, inspect.ismethod) if not name.startswith("_")]
        assert methods == [name for name, _ in inspect.getmembers(async_resource, inspect.ismethod) if not name.startswith("_")]
        for name in methods:
            sync_method, async_method = getattr(sync_resource, name), getattr(async_resource, name)
            assert inspect.signature(sync_method).parameters.keys() == inspect.signature(async_method).parameters.keys(), f"{resource}.{name}"
            assert not inspect.iscoroutinefunction(sync_method), f"{resource}.{name} is sync"
            if name.startswith("iterate") or name == "catch_up":
                assert get_origin(get_type_hints(sync_method)["return"]) is collections.abc.Iterator, f"{resource}.{name}"
                assert get_origin(get_type_hints(async_method)["return"]) is collections.abc.AsyncIterator, f"{resource}.{name}"
            else:
                assert inspect.iscoroutinefunction(async_method), f"{resource}.{name} of AsyncRoster is awaited"
    sync_client.close()
