"""Linking a source seen in one article to the same person or body already in
the database.

Rules: names agree after normalising case, punctuation, honorifics and
corporate suffixes, or through a recorded alias; spelling variants of a full
name agree by rapidfuzz similarity when the surname (people) or first word
(bodies) is the same; a bare surname links only when exactly one person in
the database has it; anonymous and unspecified sources ("a senior official")
belong to their own article and never link across articles.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from sqlite_utils import Database

from claims.lexicon import lexicon
from claims.model import Source

_FUZZY_PERSON = 90
_FUZZY_BODY = 94
_CORPORATE = {"inc", "corp", "co", "ltd", "llc", "plc", "company", "corporation"}
_SCOPED_KINDS = {"anonymous", "unspecified"}
BODY_KINDS = ("organization", "media", "document")


def key(name: str) -> str:
    """Normalised form of a name for matching."""
    words = re.sub(r"[^\w\s]", " ", name.lower().replace("’", "'").replace("'s ", " ")).split()
    honorifics = lexicon().honorifics
    while words and words[0] in honorifics:
        words.pop(0)
    if words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in _CORPORATE:
        words.pop()
    return " ".join(words)


def _compatible(kind: str) -> tuple[str, ...]:
    return ("person",) if kind == "person" else BODY_KINDS


class Linker:
    """Finds or creates the database row for each source of an article."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.created = 0

    def link(self, src: Source, article_id: int, when: str) -> int:
        kinds = _compatible(src.kind)
        if src.kind in _SCOPED_KINDS:
            row = self.db.execute(
                "SELECT id FROM sources WHERE article_id = ? AND kind = ? AND name = ?",
                [article_id, src.kind, src.name],
            ).fetchone()
            return row[0] if row else self._create(src, article_id, when)
        names = [src.name, *src.aliases]
        found = self._by_alias(names, kinds)
        if found is None:
            found = self._fuzzy(src, kinds)
        if found is None:
            return self._create(src, None, when)
        self._record_aliases(found, names)
        self.db.execute("UPDATE sources SET title = COALESCE(title, ?) WHERE id = ?", [src.title, found])
        self._prefer_fuller_name(found, src.name)
        return found

    def _by_alias(self, names: list[str], kinds: tuple[str, ...]) -> int | None:
        marks = ",".join("?" * len(kinds))
        for name in names:
            rows = self.db.execute(
                f"""SELECT DISTINCT s.id, s.locked FROM source_aliases a JOIN sources s ON s.id = a.source_id
                    WHERE a.alias_key = ? AND s.kind IN ({marks}) AND s.article_id IS NULL
                    ORDER BY s.locked DESC, s.id""",
                [key(name), *kinds],
            ).fetchall()
            if len(rows) == 1 or (rows and rows[0][1]):  # a fact-checker's fix wins
                return rows[0][0]
            if len(rows) > 1 and len(name.split()) > 1:
                return rows[0][0]
        return None

    def _fuzzy(self, src: Source, kinds: tuple[str, ...]) -> int | None:
        k = key(src.name)
        words = k.split()
        if not words:
            return None
        marks = ",".join("?" * len(kinds))
        if src.kind == "person":
            # candidates share the surname or (for a misspelt surname) the first name
            first = words[0] + " %" if len(words) > 1 else words[-1]
            rows = self.db.execute(
                f"""SELECT DISTINCT s.id, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id
                    WHERE (a.alias_key LIKE ? OR a.alias_key = ? OR a.alias_key LIKE ?)
                      AND s.kind IN ({marks}) AND s.article_id IS NULL""",
                ["% " + words[-1], words[-1], first, *kinds],
            ).fetchall()
            if len(words) == 1:
                ids = {r[0] for r in rows if r[1].split()[-1] == words[-1]}
                return ids.pop() if len(ids) == 1 else None  # a bare surname never picks between people
            best = max(((fuzz.ratio(k, r[1]), r[0]) for r in rows if len(r[1].split()) > 1), default=(0, None))
            return best[1] if best[0] >= _FUZZY_PERSON else None
        rows = self.db.execute(
            f"""SELECT DISTINCT s.id, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id
                WHERE a.alias_key LIKE ? AND s.kind IN ({marks}) AND s.article_id IS NULL""",
            [words[0] + "%", *kinds],
        ).fetchall()
        best = max(((fuzz.ratio(k, r[1]), r[0]) for r in rows), default=(0, None))
        return best[1] if best[0] >= _FUZZY_BODY else None

    def _create(self, src: Source, article_id: int | None, when: str) -> int:
        table = self.db["sources"]
        table.insert(
            {"name": src.name, "kind": src.kind, "title": src.title, "article_id": article_id, "created_at": when}
        )
        new_id = table.last_pk
        self._record_aliases(new_id, [src.name, *src.aliases])
        self.created += 1
        return new_id

    def _record_aliases(self, source_id: int, names: list[str]) -> None:
        for name in names:
            if name and key(name):
                self.db.execute(
                    "INSERT OR IGNORE INTO source_aliases (source_id, alias, alias_key) VALUES (?, ?, ?)",
                    [source_id, name, key(name)],
                )

    def _prefer_fuller_name(self, source_id: int, name: str) -> None:
        """A person first seen as "Kerry" takes the name "John Kerry" once an
        article gives it (unless a fact-checker renamed it)."""
        current = self.db.execute("SELECT name, kind, locked FROM sources WHERE id = ?", [source_id]).fetchone()
        if (
            current
            and current[1] == "person"
            and not current[2]
            and len(name.split()) > len(current[0].split())
            and key(name).endswith(key(current[0]))
        ):
            self.db.execute("UPDATE sources SET name = ? WHERE id = ?", [name, source_id])
