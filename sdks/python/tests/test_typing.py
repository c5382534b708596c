"""The package's annotations hold: mypy --strict over roster/ and over code that uses it as an app would."""

from __future__ import annotations

import subprocess
import sys
import tempfile

from .conftest import SDK_DIR


def test_the_package_and_an_apps_use_of_it_type_check_strictly() -> None:
    with tempfile.TemporaryDirectory() as cache:
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--cache-dir", cache, "roster", "tests/typing_usage.py"],
            cwd=SDK_DIR,
            capture_output=True,
            text=True,
        )
    assert result.returncode == 0, result.stdout + result.stderr
