""""Send sample data" as an admin presses it in the customer portal, with plain httpx (not the SDK):
the portal link opened for its session cookie, the session read for its CSRF token, then the push.
"""

from __future__ import annotations

from typing import Dict

import httpx


def push_sample_data(portal_link: str, directory_id: str) -> Dict[str, int]:
    """Opens the portal with `portal_link` and pushes the sample users and groups into the directory;
    answers the push's counts (`users`, `groups`, `failed_requests`).
    """
    opened = httpx.get(portal_link, follow_redirects=False, timeout=30)
    assert opened.status_code < 400, opened.text
    # The session cookie is Secure: a cookie jar keeps it from a plain-http loopback server, so it is sent by hand.
    cookie = next((value.split(";")[0] for value in opened.headers.get_list("set-cookie") if value.startswith("roster_portal=")), None)
    assert cookie, "the portal link set no session cookie"
    origin = httpx.URL(portal_link).copy_with(path="/", query=None)
    session = httpx.get(origin.join("/api/v1/portal/session"), headers={"cookie": cookie}, timeout=30)
    assert session.status_code == 200, session.text
    pushed = httpx.post(
        origin.join(f"/api/v1/portal/directories/{directory_id}:simulate"),
        headers={"cookie": cookie, "x-roster-csrf": session.json()["csrf_token"]},
        timeout=120,
    )
    assert pushed.status_code == 200, pushed.text
    result: Dict[str, int] = pushed.json()["result"]
    return result
