from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples"
GOLD = Path(__file__).parent.parent.parent / "shared" / "gold"


@pytest.fixture
def article():
    def read(name: str) -> str:
        return (ARTICLES / name).read_text(encoding="utf-8")

    return read
