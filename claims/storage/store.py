"""Storing engine output and the fact-checkers' work in the claims database,
and the queries the CLI shows. Every write runs in one transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlite_utils import Database

from claims.engine import analyze
from claims.engine.model import CLAIM_TYPES, SOURCE_KINDS, Analysis, Claim, Source
from claims.engine.version import engine_version
from claims.errors import ClaimsError
from claims.ingest import Article
from claims.storage.claim_groups import group_claims
from claims.storage.db import now, write
from claims.storage.linker import Linker, key, record_alias
from claims.storage.links import checked_url
from claims.storage.quote_groups import group_article
from claims.storage.schema import STATUSES, VERDICTS

META_FIELDS = ("url", "title", "outlet", "author", "published", "canonical_url")


@dataclass
class Added:
    status: str  # added | skipped | version
    article_id: int
    claims: int = 0
    new_sources: int = 0


def engine_values(c: Claim, source_id: int | None, source_kind: str | None) -> dict:
    """The columns of a claim row that the engine decides (`claims add` and `claims reanalyze` write the same)."""
    mention_start, mention_end = c.mention_span or (None, None)
    cue_start, cue_end = c.cue_span or (None, None)
    return {
        "seq": c.seq,
        "paragraph": c.paragraph,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "type": c.type,
        "confidence": round(c.confidence, 2),
        "rationale": json.dumps(c.rationale, ensure_ascii=False),
        "source_id": source_id,
        "source_kind": source_kind,
        "mention": c.mention,
        "cue": c.cue,
        "mention_start": mention_start,
        "mention_end": mention_end,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "via": c.via,
        "direct": int(c.direct),
    }


def insert_claims(db: Database, rows: list[dict]) -> None:
    """Insert claim rows in one statement per batch (named columns, all rows alike)."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    db.conn.executemany(
        f"INSERT INTO claims ({names}) VALUES ({', '.join('?' * len(columns))})",
        [[r[c] for c in columns] for r in rows],
    )


def link_sources(
    db: Database, linker: Linker, claims: list[Claim], article_id: int, when: str
) -> tuple[list[int | None], dict[int, str]]:
    """Each claim's source linked to the database (one link per engine source
    object), and the kind of every source used."""
    ids: dict[int, int] = {}
    linked: list[int | None] = []
    for c in claims:
        if c.source is not None and id(c.source) not in ids:
            ids[id(c.source)] = linker.link(c.source, article_id, when)
        linked.append(ids[id(c.source)] if c.source is not None else None)
    used = sorted({i for i in linked if i is not None})
    kinds = (
        dict(db.execute(f"SELECT id, kind FROM sources WHERE id IN ({','.join('?' * len(used))})", used).fetchall())
        if used
        else {}
    )
    return linked, kinds


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_article(db: Database, art: Article, overrides: dict[str, str | None] | None = None) -> Added:
    """Split and store one article; the same text twice is stored once, and
    the same URL with new text becomes a new version of the old one."""
    digest = content_hash(art.text)
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    if row:
        return Added("skipped", row[0])
    analysis = analyze(art.text)  # outside the transaction: the lock is held only to write
    meta = {k: art.meta.get(k) for k in META_FIELDS}
    meta.update({k: v for k, v in (overrides or {}).items() if v})
    meta["title"] = meta.get("title") or analysis.title
    meta["url"] = checked_url(meta.get("url"), "the article URL")
    with write(db):
        row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        if row:  # another process stored it meanwhile
            return Added("skipped", row[0])
        return _store(db, art.text, digest, meta, analysis)


def _store(db: Database, text: str, digest: str, meta: dict, analysis: Analysis) -> Added:
    when = now()
    previous = None
    if meta.get("url"):
        prev = db.execute("SELECT MAX(id) FROM articles WHERE url = ?", [meta["url"]]).fetchone()
        previous = prev[0] if prev else None
    if previous and not meta.get("outlet"):  # a new version is from the same outlet unless told otherwise
        meta["outlet"] = db.execute("SELECT outlet FROM articles WHERE id = ?", [previous]).fetchone()[0]
    cur = db.execute(
        """INSERT INTO articles (url, canonical_url, title, outlet, author, published, added_at, text, content_hash,
           words, previous_id, engine_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            meta.get("url"),
            meta.get("canonical_url"),
            meta.get("title"),
            meta.get("outlet"),
            meta.get("author"),
            meta.get("published"),
            when,
            text,
            digest,
            analysis.words,
            previous,
            engine_version(),
        ],
    )
    article_id = cur.lastrowid
    linker = Linker(db)
    linked, kinds = link_sources(db, linker, analysis.claims, article_id, when)
    rows = [
        {
            "article_id": article_id,
            **engine_values(c, sid, kinds.get(sid)),
            "outlet": meta.get("outlet"),
            "origin": "auto",
            "status": "unstarted",
            "updated_at": when,
        }
        for c, sid in zip(analysis.claims, linked, strict=True)
    ]
    insert_claims(db, rows)
    claim_ids = dict(db.execute("SELECT seq, id FROM claims WHERE article_id = ?", [article_id]).fetchall())
    db.conn.executemany(
        'INSERT INTO quotes (claim_id, article_id, start, "end", text, source_id) VALUES (?, ?, ?, ?, ?, ?)',
        [
            (claim_ids[c.seq], article_id, q.start, q.end, q.text, sid)
            for c, sid in zip(analysis.claims, linked, strict=True)
            for q in c.quotes
        ],
    )
    if previous:
        from claims.storage.desk import carry_over

        carry_over(db, previous, article_id)
    group_article(db, article_id)  # quote groups follow incrementally, in this transaction
    group_claims(db, article_id)  # ... and claim groups
    return Added("version" if previous else "added", article_id, len(rows), linker.created)


# -- manual claims and reviews -----------------------------------------------------------------


def add_manual_claim(db: Database, text: str, ctype: str, source: str | None, article_id: int | None) -> int:
    """Record a claim a fact-checker spotted outside the engine."""
    if ctype not in CLAIM_TYPES:
        raise ClaimsError(f"--type must be one of {', '.join(CLAIM_TYPES)}")
    if not text.strip():
        raise ClaimsError("--claim is empty")
    with write(db):
        if article_id is not None and not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
            raise ClaimsError(f"no article with id {article_id}")
        sid = None
        if source:
            kind = "person" if len(source.split()) in (2, 3) and source.istitle() else "organization"
            sid = Linker(db).link(Source(source, kind), article_id or 0, now())
        seq = None
        if article_id is not None:
            seq = db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM claims WHERE article_id = ?", [article_id]
            ).fetchone()[0]
        cur = db.execute(
            """INSERT INTO claims (article_id, seq, text, type, confidence, rationale, source_id, origin, status, updated_at)
               VALUES (?, ?, ?, ?, 1.0, ?, ?, 'manual', 'unstarted', ?)""",
            [article_id, seq, text.strip(), ctype, json.dumps(["recorded by hand"]), sid, now()],
        )
        return cur.lastrowid


def add_review(
    db: Database, claim_id: int, verdict: str, reviewer: str, note: str | None = None, evidence_url: str | None = None
) -> int:
    """Append a review; the claim's verdict becomes this one (a trigger)."""
    if verdict not in VERDICTS:
        raise ClaimsError(f"verdict must be one of {', '.join(VERDICTS)}")
    if not reviewer.strip():
        raise ClaimsError("a review needs a reviewer")
    evidence_url = checked_url(evidence_url, "--evidence")
    with write(db):
        if not db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone():
            raise ClaimsError(f"no claim with id {claim_id}")
        cur = db.execute(
            "INSERT INTO reviews (claim_id, reviewer, verdict, note, evidence_url, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [claim_id, reviewer, verdict, note, evidence_url, now()],
        )
        return cur.lastrowid


# -- reading -----------------------------------------------------------------------------------

CLAIM_SELECT = """
SELECT c.id, c.article_id, c.seq, c.paragraph, c.start, c."end", c.text, c.type, c.confidence, c.rationale,
       c.mention, c.cue, c.mention_start, c.mention_end, c.cue_start, c.cue_end, c.via, c.direct, c.origin, c.status, c.verdict,
       c.assignee, c.engine_type, c.engine_source_id, c.superseded,
       s.id AS source_id, s.name AS source_name, s.kind AS source_kind, s.title AS source_title,
       a.title AS article_title, a.outlet
FROM claims c LEFT JOIN sources s ON s.id = c.source_id LEFT JOIN articles a ON a.id = c.article_id
"""


def claim_dict(row: dict) -> dict:
    out = dict(row)
    out["source"] = (
        {"name": row["source_name"], "kind": row["source_kind"], "title": row["source_title"]}
        if row["source_name"]
        else None
    )
    out["rationale"] = json.loads(row["rationale"]) if row["rationale"] else []
    out["direct"] = bool(row["direct"])
    for name in ("mention", "cue"):
        a, b = out.pop(f"{name}_start", None), out.pop(f"{name}_end", None)
        out[f"{name}_span"] = [a, b] if a is not None else None
    for k in ("source_name", "source_kind", "source_title"):
        out.pop(k)
    return out


def find_article(db: Database, ref: str) -> dict:
    """An article by id, URL or a piece of its title."""
    if ref.isdigit():
        rows = list(db.query("SELECT * FROM articles WHERE id = ?", [int(ref)]))
    else:
        rows = list(db.query("SELECT * FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1", [ref])) or list(
            db.query("SELECT * FROM articles WHERE title LIKE ? ORDER BY id DESC", [f"%{ref}%"])
        )
    if not rows:
        raise ClaimsError(f"no article matches {ref!r}")
    if len(rows) > 1:
        raise ClaimsError(f"{len(rows)} articles match {ref!r}; give the id (claims list shows them)")
    return rows[0]


def article_claims(db: Database, article_id: int) -> list[dict]:
    return [claim_dict(r) for r in db.query(CLAIM_SELECT + " WHERE c.article_id = ? ORDER BY c.seq", [article_id])]


def changes(db: Database, article: dict) -> tuple[set[str], list[str]]:
    """Claim texts new in this version, and texts the previous version had."""
    if not article.get("previous_id"):
        return set(), []
    old = {r["text"] for r in db.query("SELECT text FROM claims WHERE article_id = ?", [article["previous_id"]])}
    new = {r["text"] for r in db.query("SELECT text FROM claims WHERE article_id = ?", [article["id"]])}
    return new - old, sorted(old - new)


def _one_of(option: str, value: str, allowed: tuple[str, ...] | list[str]) -> None:
    if value not in allowed:
        raise ClaimsError(f"{option} must be one of {', '.join(allowed)}")


def list_claims(
    db: Database,
    *,
    ctype: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    status: str | None = None,
    verdict: str | None = None,
    article: int | None = None,
    limit: int = 200,
) -> list[dict]:
    where, params = [], []
    if ctype:
        _one_of("--type", ctype, CLAIM_TYPES)
        where.append("c.type = ?")
        params.append(ctype)
    if source:
        sid = find_source(db, source)["id"]
        where.append("c.source_id = ?")
        params.append(sid)
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if status:
        _one_of("--status", status, STATUSES)
        where.append("c.status = ?")
        params.append(status)
    if verdict:
        _one_of("--verdict", verdict, VERDICTS)
        where.append("c.verdict = ?")
        params.append(verdict)
    if article is not None:
        where.append("c.article_id = ?")
        params.append(article)
    sql = CLAIM_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.id LIMIT ?"
    return [claim_dict(r) for r in db.query(sql, [*params, limit])]


# -- sources -----------------------------------------------------------------------------------

SOURCE_SELECT = """
SELECT s.id, s.name, s.kind, s.title, s.locked,
       (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id) AS claims,
       (SELECT COUNT(DISTINCT c.article_id) FROM claims c WHERE c.source_id = s.id) AS articles
FROM sources s
"""


def list_sources(db: Database, kind: str | None = None, limit: int = 200) -> list[dict]:
    if kind and kind not in SOURCE_KINDS:
        raise ClaimsError(f"--kind must be one of {', '.join(SOURCE_KINDS)}")
    sql = SOURCE_SELECT + (" WHERE s.kind = ?" if kind else "") + " ORDER BY claims DESC, s.name LIMIT ?"
    return list(db.query(sql, ([kind] if kind else []) + [limit]))


def find_source(db: Database, ref: str) -> dict:
    """A source by id, name or alias."""
    if ref.isdigit():
        rows = list(db.query(SOURCE_SELECT + " WHERE s.id = ?", [int(ref)]))
    else:
        rows = list(
            db.query(
                SOURCE_SELECT + " WHERE s.id IN (SELECT source_id FROM source_aliases WHERE alias_key = ?) "
                "OR s.name = ? COLLATE NOCASE",
                [key(ref), ref],
            )
        )
    if not rows:
        raise ClaimsError(f"no source matches {ref!r}")
    if len(rows) > 1:
        listing = "; ".join(f"{r['id']} {r['name']} ({r['kind']})" for r in rows[:5])
        raise ClaimsError(f"{len(rows)} sources match {ref!r}: {listing}; give the id")
    return rows[0]


def source_aliases(db: Database, source_id: int) -> list[str]:
    return [
        r["alias"] for r in db.query("SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY id", [source_id])
    ]


def merge_sources(db: Database, keep: str, absorb: str) -> dict:
    """Fold source `absorb` into `keep`: claims, quotes and aliases move over,
    and the absorbed name stays as an alias so later articles link to `keep`."""
    a, b = find_source(db, keep), find_source(db, absorb)
    if a["id"] == b["id"]:
        raise ClaimsError("those are the same source")
    with write(db):
        db.execute("UPDATE claims SET source_id = ? WHERE source_id = ?", [a["id"], b["id"]])
        db.execute("UPDATE claims SET engine_source_id = ? WHERE engine_source_id = ?", [a["id"], b["id"]])
        db.execute("UPDATE corrections SET source_id = ? WHERE source_id = ?", [a["id"], b["id"]])
        db.execute("UPDATE quotes SET source_id = ? WHERE source_id = ?", [a["id"], b["id"]])
        db.execute("UPDATE OR IGNORE source_aliases SET source_id = ? WHERE source_id = ?", [a["id"], b["id"]])
        db.execute("DELETE FROM source_aliases WHERE source_id = ?", [b["id"]])
        record_alias(db, a["id"], b["name"])
        db.execute("UPDATE sources SET locked = 1, article_id = NULL WHERE id = ?", [a["id"]])
        db.execute("DELETE FROM sources WHERE id = ?", [b["id"]])
    return find_source(db, str(a["id"]))


def rename_source(db: Database, ref: str, new_name: str) -> dict:
    src = find_source(db, ref)
    if not new_name.strip():
        raise ClaimsError("the new name is empty")
    with write(db):
        db.execute("UPDATE sources SET name = ?, locked = 1 WHERE id = ?", [new_name.strip(), src["id"]])
        for name in (src["name"], new_name.strip()):
            record_alias(db, src["id"], name)
    return find_source(db, str(src["id"]))


def alias_source(db: Database, ref: str, alias: str) -> dict:
    src = find_source(db, ref)
    if not key(alias):
        raise ClaimsError("the alias is empty")
    with write(db):
        record_alias(db, src["id"], alias)
        db.execute("UPDATE sources SET locked = 1 WHERE id = ?", [src["id"]])
    return src
