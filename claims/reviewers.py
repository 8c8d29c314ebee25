"""Reviewer accounts for signing in to Datasette.

Kept in a file beside the database (`<name>-reviewers.json`), not in the
database itself: the database is published and auditors may run any SQL on
it, so password hashes must not be in it. Hashes are PBKDF2-SHA256.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from pathlib import Path

from claims.errors import ClaimsError

ITERATIONS = 260_000
_NAME = re.compile(r"[A-Za-z0-9_.\-]{2,40}\Z")


def accounts_path(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.stem + "-reviewers.json")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


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


def add(path: Path, name: str, password: str) -> None:
    if not _NAME.match(name):
        raise ClaimsError("a reviewer name is 2-40 letters, digits, '.', '_' or '-'")
    if len(password) < 8:
        raise ClaimsError("the password must have at least 8 characters")
    accounts = load(path)
    accounts[name] = hash_password(password)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(accounts, indent=1), encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def check(path: Path, name: str, password: str) -> bool:
    stored = load(path).get(name)
    return bool(stored) and verify_password(password, stored)
