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

from claims.engine.lexicon import lexicon
from claims.engine.model import BODY_KINDS, Source

_FUZZY_PERSON = 90
_FUZZY_BODY = 94
_CORPORATE = {"inc", "corp", "co", "ltd", "llc", "plc", "company", "corporation"}
_SCOPED_KINDS = {"anonymous", "unspecified"}


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
        current, title, locked, known = found
        new_names = [n for n in names if key(n) and key(n) not in known]
        self._record_aliases(current, new_names)
        fuller = (
            src.kind == "person"
            and not locked
            and len(src.name.split()) > len(self._name(current).split())
            and key(src.name).endswith(key(self._name(current)))
        )
        if fuller or (title is None and src.title):
            self.db.execute(
                "UPDATE sources SET title = COALESCE(title, ?), name = CASE WHEN ? THEN ? ELSE name END WHERE id = ?",
                [src.title, fuller, src.name, current],
            )
        return current

    def _name(self, source_id: int) -> str:
        return self.db.execute("SELECT name FROM sources WHERE id = ?", [source_id]).fetchone()[0]

    def _by_alias(self, names: list[str], kinds: tuple[str, ...]) -> tuple[int, str | None, int, set[str]] | None:
        """The source one of the names is a recorded alias of: (id, title,
        locked, alias keys already recorded)."""
        keys = list(dict.fromkeys(key(n) for n in names if key(n)))
        if not keys:
            return None
        rows = self.db.execute(
            f"""SELECT s.id, s.title, s.locked, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id
                WHERE a.alias_key IN ({",".join("?" * len(keys))}) AND s.kind IN ({",".join("?" * len(kinds))})
                  AND s.article_id IS NULL
                ORDER BY s.locked DESC, s.id""",
            [*keys, *kinds],
        ).fetchall()
        for k in keys:  # the canonical name first, then aliases
            hits = {r[0]: r for r in rows if r[3] == k}
            if not hits:
                continue
            first = next(iter(hits.values()))
            if len(hits) == 1 or first[2] or len(k.split()) > 1:  # a fact-checker's fix wins
                return first[0], first[1], first[2], {r[3] for r in rows if r[0] == first[0]}
        return None

    def _fuzzy(self, src: Source, kinds: tuple[str, ...]) -> tuple[int, str | None, int, set[str]] | None:
        k = key(src.name)
        words = k.split()
        if not words:
            return None
        marks = ",".join("?" * len(kinds))
        if src.kind == "person":
            # candidates share the surname or (for a misspelt surname) the first name
            rows = self.db.execute(
                f"""SELECT DISTINCT s.id, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id
                    WHERE (a.last_word = ? OR a.first_word = ?) AND s.kind IN ({marks}) AND s.article_id IS NULL""",
                [words[-1], words[0] if len(words) > 1 else "", *kinds],
            ).fetchall()
            if len(words) == 1:
                ids = {r[0] for r in rows if r[1].split()[-1] == words[-1]}
                return self._found(ids.pop()) if len(ids) == 1 else None  # a bare surname never picks between people
            best = max(((fuzz.ratio(k, r[1]), r[0]) for r in rows if len(r[1].split()) > 1), default=(0, None))
            return self._found(best[1]) if best[0] >= _FUZZY_PERSON else None
        rows = self.db.execute(
            f"""SELECT DISTINCT s.id, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id
                WHERE a.first_word = ? AND s.kind IN ({marks}) AND s.article_id IS NULL""",
            [words[0], *kinds],
        ).fetchall()
        best = max(((fuzz.ratio(k, r[1]), r[0]) for r in rows), default=(0, None))
        return self._found(best[1]) if best[0] >= _FUZZY_BODY else None

    def _found(self, source_id: int) -> tuple[int, str | None, int, set[str]]:
        title, locked = self.db.execute("SELECT title, locked FROM sources WHERE id = ?", [source_id]).fetchone()
        return source_id, title, locked, set()

    def _create(self, src: Source, article_id: int | None, when: str) -> int:
        new_id = self.db.execute(
            "INSERT INTO sources (name, kind, title, article_id, created_at) VALUES (?, ?, ?, ?, ?)",
            [src.name, src.kind, src.title, article_id, when],
        ).lastrowid
        self._record_aliases(new_id, [src.name, *src.aliases])
        self.created += 1
        return new_id

    def _record_aliases(self, source_id: int, names: list[str]) -> None:
        record_alias(self.db, source_id, *names)


def record_alias(db: Database, source_id: int, *names: str) -> None:
    """Remember that `source_id` goes by these names (each once)."""
    rows = []
    for name in names:
        k = key(name)
        if k:
            words = k.split()
            rows.append((source_id, name.strip(), k, words[0], words[-1]))
    if rows:
        db.conn.executemany(
            "INSERT OR IGNORE INTO source_aliases (source_id, alias, alias_key, first_word, last_word) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
