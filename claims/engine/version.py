"""Which engine produced a set of claims: the package version and a digest of
the engine's code and language data, so `claims reanalyze` can tell stored
articles that a newer engine (new code, a new word list, retrained weights)
would read differently."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from claims import __version__


@cache
def engine_version() -> str:
    digest = hashlib.sha256()
    lang = resources.files("claims.lang.en")
    for root in (resources.files("claims.engine"), lang, lang.joinpath("grammar")):
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".txt", ".tsv")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
