"""Opening the claims database: where it lives, the pragmas that let several
writers and a Datasette server share it, and write transactions that leave
the database as it was when anything fails."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.storage import schema

DEFAULT_DB = "db/claims.db"
BUSY_TIMEOUT_MS = 30_000


def now() -> str:
    """UTC to the millisecond, one format everywhere (CLI, web; the canned query makes it with strftime) so that
    timestamps sort in the order they were made."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def resolve_path(path: str | None) -> Path:
    """--db wins, then $CLAIMS_DB, then db/claims.db."""
    return Path(path or os.environ.get("CLAIMS_DB") or DEFAULT_DB)


def connect(path: str | None = None, create: bool = True) -> Database:
    """Open (creating and upgrading as needed) the database at `path`."""
    p = resolve_path(path)
    if not p.parent.is_dir():
        raise ClaimsError(f"{p}: folder {p.parent} does not exist")
    if not create and not p.exists():
        raise ClaimsError(f"{p}: no database here yet (add an article first)")
    if p.is_dir():
        raise ClaimsError(f"{p}: is a directory, not a database file")
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _open(p)
        except sqlite3.OperationalError as exc:
            # switching a new file to WAL can report "locked" without waiting on the busy timeout
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise ClaimsError(f"{p}: {_explain(exc)}") from None
            time.sleep(0.05)
        except sqlite3.DatabaseError as exc:
            raise ClaimsError(f"{p}: {_explain(exc)}") from None


def _open(p: Path) -> Database:
    conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db = Database(conn)
        pending = schema.migrations.pending(db)
        if pending and not schema.migrations.applied(db) and [t for t in db.table_names() if not t.startswith("_")]:
            # checked before anything is written: another application's file stays untouched
            raise ClaimsError(f"{p}: is another application's SQLite database, not a claims database")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if pending:
            with write(db):  # one process migrates; others wait, then find nothing pending
                schema.upgrade(db)
    except BaseException:
        conn.close()
        raise
    return db


def _explain(exc: sqlite3.DatabaseError) -> str:
    msg = str(exc)
    if "not a database" in msg or "malformed" in msg:
        return "is not a claims database (the file is corrupt or of another kind)"
    if "readonly" in msg or "unable to open" in msg:
        return f"cannot be written ({msg}); check the folder's permissions"
    return msg


class DiskFull(ClaimsError):
    """The disk holding the database has no room: a batch stops here, since every later write would fail too."""


def _mount_point(path: Path) -> Path:
    p = path.resolve().parent
    while not os.path.ismount(p) and p != p.parent:
        p = p.parent
    return p


def _as_error(db: Database, exc: sqlite3.DatabaseError) -> ClaimsError:
    """The one-line error for a failed write, naming the disk when it is full."""
    row = db.execute("PRAGMA database_list").fetchone()
    path = Path(row[2]) if row and row[2] else None
    if "full" in str(exc) and path is not None:
        return DiskFull(
            f"{path}: the disk is full (no room left on {_mount_point(path)}); nothing of this write was stored"
        )
    return ClaimsError(f"{path or 'database'}: {_explain(exc)}")


def _rollback(db: Database) -> None:
    """Roll back what is left: SQLite has already rolled back itself after
    some errors (a full disk), and a second ROLLBACK would raise and hide the
    real error."""
    if db.conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.conn.execute("ROLLBACK")


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so that
    concurrent writers queue on the busy timeout instead of failing; rolled
    back whole on any error."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        raise _as_error(db, exc) from None
    try:
        yield db
    except sqlite3.DatabaseError as exc:
        _rollback(db)
        raise _as_error(db, exc) from None
    except BaseException:
        _rollback(db)
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        _rollback(db)
        raise _as_error(db, exc) from None
