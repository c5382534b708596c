"""Writes the sync client (roster/_sync) from the async one (roster/_async).

    python scripts/unasync.py

The two clients are one code base: each module of roster/_async is rewritten without `async` and
`await` (AsyncRoster -> Roster, httpx.AsyncClient -> httpx.Client, aclose -> close, ...), as
httpcore does. `_io.py`, what each side waits with (asyncio or threads), is written by hand on both
sides. tests/test_generated_code.py fails when roster/_sync is not what this script makes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Dict, List, Tuple

PACKAGE = Path(__file__).resolve().parent.parent / "roster"
ASYNC_DIR = PACKAGE / "_async"
SYNC_DIR = PACKAGE / "_sync"
HAND_WRITTEN = {"_io.py"}

RULES: List[Tuple[re.Pattern, str]] = [
    (re.compile(r"\basync def\b"), "def"),
    (re.compile(r"\basync with\b"), "with"),
    (re.compile(r"\basync for\b"), "for"),
    (re.compile(r"\bawait "), ""),
    (re.compile(r"\bAwaitable\[(\w+)\]"), r"\1"),
    (re.compile(r"\bAwaitable, "), ""),
    (re.compile(r"\b__aenter__\b"), "__enter__"),
    (re.compile(r"\b__aexit__\b"), "__exit__"),
    (re.compile(r"\baclose\b"), "close"),
    (re.compile(r"\bAsync([A-Z]\w*)"), r"\1"),
    (re.compile(r"\b_async\b"), "_sync"),
]


def header(name: str) -> str:
    return (
        f"# Generated from roster/_async/{name} by `python scripts/unasync.py`. Do not edit:\n"
        "# tests/test_generated_code.py fails when this file is not what the script makes.\n"
    )


def render_sync(name: str, source: str) -> str:
    """The sync twin of the async module `name` whose text is `source`."""
    lines = []
    for line in source.splitlines(keepends=True):
        for pattern, replacement in RULES:
            line = pattern.sub(replacement, line)
        lines.append(line)
    return header(name) + "".join(lines)


def expected_sync_files() -> Dict[str, str]:
    """Every generated file of roster/_sync, by name, as the script writes it."""
    return {
        path.name: render_sync(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(ASYNC_DIR.glob("*.py"))
        if path.name not in HAND_WRITTEN
    }


def main() -> int:
    expected = expected_sync_files()
    for path in SYNC_DIR.glob("*.py"):
        if path.name not in expected and path.name not in HAND_WRITTEN:
            path.unlink()
            print(f"removed {path}")
    for name, text in expected.items():
        (SYNC_DIR / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(expected)} files in {SYNC_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
