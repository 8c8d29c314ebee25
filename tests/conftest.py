from __future__ import annotations

import os
import socket
import time
import urllib.request
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples"
# The shared gold set beside the checkout (../shared/gold), or where CLAIMS_SHARED_GOLD says (a worktree elsewhere).
GOLD = Path(os.environ.get("CLAIMS_SHARED_GOLD") or Path(__file__).parent.parent.parent / "shared" / "gold")


@pytest.fixture
def article():
    def read(name: str) -> str:
        return (ARTICLES / name).read_text(encoding="utf-8")

    return read


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 15) -> None:
    """Wait until a server on 127.0.0.1 answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer")
