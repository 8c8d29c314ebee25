"""Reviewer accounts for signing in to Datasette.

Kept in a file beside the database (`<name>-reviewers.json`), not in the
database itself: the database is published and auditors may run any SQL on
it, so password hashes must not be in it. Hashes are PBKDF2-SHA256 at
OWASP's current count (600,000); an older, cheaper hash is replaced on the
reviewer's next successful sign-in.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from claims.errors import ClaimsError

ITERATIONS = 600_000  # OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256
_NAME = re.compile(r"[A-Za-z0-9_.\-]{2,40}\Z")


def accounts_path(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + "-reviewers.json")


def hash_password(password: str, salt: bytes | None = None, iterations: int | None = None) -> str:
    salt = salt or os.urandom(16)
    iterations = iterations or ITERATIONS
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def iterations_of(stored: str) -> int:
    try:
        return int(stored.split("$")[1])
    except (IndexError, ValueError):
        return 0


@cache
def _dummy_hash(iterations: int) -> str:
    return hash_password("not a password", b"claims-dummy-salt", iterations)


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if algo != "pbkdf2_sha256":
        return False
    got = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(base64.b64encode(got).decode(), digest)


def load(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClaimsError(f"{path}: unreadable reviewer accounts ({exc})") from None


def _save(path: Path, accounts: dict[str, str]) -> None:
    """Replace the accounts file atomically, readable by its owner only."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(accounts, f, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


PASSWORD_RULES = "at least 8 characters"


def check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ClaimsError("a reviewer name is 2-40 letters, digits, '.', '_' or '-'")


def add(path: Path, name: str, password: str) -> None:
    check_name(name)
    if len(password) < 8:
        raise ClaimsError(f"the password must have {PASSWORD_RULES}")
    accounts = load(path)
    accounts[name] = hash_password(password)
    _save(path, accounts)


def remove(path: Path, name: str) -> None:
    accounts = load(path)
    if name not in accounts:
        raise ClaimsError(f"no reviewer named {name!r}")
    del accounts[name]
    _save(path, accounts)


def exists(path: Path, name: str) -> bool:
    """Whether the account is still there (checked on every write, so a removed reviewer's cookie cannot write)."""
    try:
        return name in load(path)
    except ClaimsError:
        return False


def check(path: Path, name: str, password: str) -> bool:
    """The password is right. Unknown names cost one hash too (against a dummy),
    so timing does not tell which names exist; a hash made with fewer
    iterations than ITERATIONS is upgraded on success."""
    stored = load(path).get(name)
    if not stored:
        verify_password(password, _dummy_hash(ITERATIONS))
        return False
    if not verify_password(password, stored):
        return False
    if iterations_of(stored) < ITERATIONS:
        accounts = load(path)
        if accounts.get(name) == stored:  # not reset meanwhile by `claims reviewers add`
            accounts[name] = hash_password(password)
            _save(path, accounts)
    return True
