"""Running a newer engine over stored articles (`claims reanalyze`).

The article's claims are updated in place, so their ids, and the verdicts,
notes, assignments and links that hang on them, stay. A sentence of the new
reading takes the row of the same sentence of the old one (same text, or
rapidfuzz ratio >= CARRY_THRESHOLD when the splitter moved a boundary).

- What the desk corrected wins. The new engine's value lands in `engine_type`
  and `engine_source_id`, beside the corrected value.
- An old sentence the new engine no longer finds is deleted, unless the desk
  worked on it; then it stays, untouched, and is reported.
- Quotations are rewritten only for claims whose quotations changed. Quote
  and claim groups are rebuilt afterwards when anything they group changed.

Each article is one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from claims.engine import analyze
from claims.engine.model import Claim
from claims.engine.version import engine_version
from claims.errors import ClaimsError
from claims.storage.db import now, write
from claims.storage.desk import WORKED, pair_by_text
from claims.storage.linker import Linker
from claims.storage.store import engine_values, insert_claims, link_sources


@dataclass
class Reanalysed:
    article_id: int
    status: str  # current | reanalysed
    updated: int = 0  # claims whose engine values changed
    added: int = 0
    removed: int = 0
    kept: int = 0  # claims the engine no longer finds, kept for the desk's work on them
    corrections_kept: int = 0  # corrected fields where the new engine disagrees with the desk
    sources_removed: int = 0  # sources only the old reading named ("But Nadeau" once "Marie Nadeau" is found)
    regroup: bool = False


def current_articles(db: Database) -> list[int]:
    """Articles that no newer version supersedes."""
    return [
        r[0]
        for r in db.execute(
            """SELECT id FROM articles WHERE id NOT IN (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)
            ORDER BY id"""
        ).fetchall()
    ]


def reanalyse(db: Database, article_id: int, force: bool = False) -> Reanalysed:
    """Read one stored article again with this engine and update its claims."""
    row = db.execute("SELECT text, engine_version FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise ClaimsError(f"no article with id {article_id}")
    text, version = row
    if version == engine_version() and not force:
        return Reanalysed(article_id, "current")
    analysis = analyze(text)  # outside the transaction: the lock is held only to write
    with write(db):
        result = _apply(db, article_id, analysis.claims)
        db.execute(
            "UPDATE articles SET engine_version = ?, words = ? WHERE id = ?",
            [engine_version(), analysis.words, article_id],
        )
    return result


def _apply(db: Database, article_id: int, claims: list[Claim]) -> Reanalysed:
    when = now()
    result = Reanalysed(article_id, "reanalysed")
    old = {r["id"]: r for r in db.query("SELECT * FROM claims WHERE article_id = ? AND origin = 'auto'", [article_id])}
    worked = {
        r[0]
        for r in db.execute(
            f"SELECT c.id FROM claims c WHERE c.article_id = ? AND c.origin = 'auto' AND {WORKED}", [article_id]
        ).fetchall()
    }
    corrected: dict[int, set[str]] = {}
    for claim_id, field in db.execute(
        "SELECT claim_id, field FROM corrections WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
        [article_id],
    ).fetchall():
        corrected.setdefault(claim_id, set()).add(field)
    outlet = db.execute("SELECT outlet FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    used_before = {o[k] for o in old.values() for k in ("source_id", "engine_source_id") if o[k] is not None}
    linked, kinds = link_sources(db, Linker(db), claims, article_id, when)
    pairs = pair_by_text({i: o["text"] for i, o in old.items()}, {n: c.text for n, c in enumerate(claims)})
    superseded = next((o["superseded"] for o in old.values()), 0)
    # positions are renumbered at the end; meanwhile the old ones step aside (seq is unique per article)
    db.execute("UPDATE claims SET seq = -seq WHERE article_id = ?", [article_id])
    fresh: list[dict] = []
    for n, (claim, sid) in enumerate(zip(claims, linked, strict=True)):
        values = engine_values(claim, sid, kinds.get(sid))
        del values["seq"]
        if n not in pairs:
            fresh.append(
                {
                    "article_id": article_id,
                    "seq": _ASIDE - n,
                    **values,
                    "outlet": outlet,
                    "origin": "auto",
                    "status": "unstarted",
                    "superseded": superseded,
                    "updated_at": when,
                }
            )
            continue
        before = old[pairs[n]]
        fields = corrected.get(before["id"], set())
        if before["engine_type"] is not None:  # corrected once: the engine's own reading is kept beside the desk's
            values["engine_type"], values["engine_source_id"] = values["type"], values["source_id"]
        if "type" in fields:
            result.corrections_kept += values["type"] != before["type"]
            del values["type"]
        if "source" in fields:
            result.corrections_kept += values["source_id"] != before["source_id"]
            del values["source_id"], values["source_kind"]
        changed = {k: v for k, v in values.items() if before[k] != v}
        if changed:
            result.updated += 1
            result.regroup |= "text" in changed
        db["claims"].update(before["id"], {**changed, "seq": _ASIDE - n, **({"updated_at": when} if changed else {})})
        source_id = values.get("source_id", before["source_id"])
        result.regroup |= _rewrite_quotes(db, before["id"], article_id, claim, source_id)
    for claim_id in set(old) - set(pairs.values()):
        if claim_id in worked:
            result.kept += 1
            continue
        _delete_claim(db, claim_id)
        result.removed += 1
        result.regroup = True
    if fresh:
        insert_claims(db, fresh)
        result.added = len(fresh)
        result.regroup = True
        ids = dict(
            db.execute("SELECT seq, id FROM claims WHERE article_id = ? AND seq <= ?", [article_id, _ASIDE]).fetchall()
        )
        for row in fresh:
            n = _ASIDE - row["seq"]
            _rewrite_quotes(db, ids[row["seq"]], article_id, claims[n], row["source_id"])
    _renumber(db, article_id)
    result.sources_removed = _prune_sources(db, used_before)
    return result


_ASIDE = -10_000_000  # temporary positions of this reading's claims: below any old position set aside


def _renumber(db: Database, article_id: int) -> None:
    """Positions in reading order: engine claims by offset, then claims added by hand."""
    order = db.execute(
        'SELECT id FROM claims WHERE article_id = ? ORDER BY start IS NULL, start, "end", id', [article_id]
    ).fetchall()
    db.conn.executemany("UPDATE claims SET seq = ? WHERE id = ?", [(n, r[0]) for n, r in enumerate(order, 1)])


def _prune_sources(db: Database, candidates: set[int]) -> int:
    """Delete sources that nothing refers to any more and that nobody fixed by hand (locked)."""
    gone = 0
    for source_id in sorted(candidates):
        used = db.execute(
            """SELECT 1 FROM sources s WHERE s.id = ? AND (s.locked = 1
            OR EXISTS (SELECT 1 FROM claims WHERE source_id = s.id) OR EXISTS (SELECT 1 FROM claims WHERE engine_source_id = s.id)
            OR EXISTS (SELECT 1 FROM quotes WHERE source_id = s.id) OR EXISTS (SELECT 1 FROM corrections WHERE source_id = s.id)
            OR EXISTS (SELECT 1 FROM quote_groups WHERE source_id = s.id))""",
            [source_id],
        ).fetchone()
        if used is None:
            db.execute("DELETE FROM source_aliases WHERE source_id = ?", [source_id])
            db.execute("DELETE FROM sources WHERE id = ?", [source_id])
            gone += 1
    return gone


def _rewrite_quotes(db: Database, claim_id: int, article_id: int, claim: Claim, source_id: int | None) -> bool:
    """Make the claim's stored quotations those of the new reading; True when they changed."""
    stored = db.execute(
        'SELECT start, "end", text, source_id FROM quotes WHERE claim_id = ? ORDER BY start', [claim_id]
    ).fetchall()
    wanted = [(q.start, q.end, q.text, source_id) for q in sorted(claim.quotes, key=lambda q: q.start)]
    if [tuple(r) for r in stored] == wanted:
        return False
    _delete_quotes(db, claim_id)
    db.conn.executemany(
        'INSERT INTO quotes (claim_id, article_id, start, "end", text, source_id) VALUES (?, ?, ?, ?, ?, ?)',
        [(claim_id, article_id, *q) for q in wanted],
    )
    return True


def _delete_quotes(db: Database, claim_id: int) -> None:
    quotes = "SELECT id FROM quotes WHERE claim_id = ?"
    db.execute(f"DELETE FROM quote_members WHERE quote_id IN ({quotes})", [claim_id])
    db.execute(f"DELETE FROM quote_checks WHERE quote_id IN ({quotes})", [claim_id])
    db.execute("DELETE FROM quotes WHERE claim_id = ?", [claim_id])


def _delete_claim(db: Database, claim_id: int) -> None:
    _delete_quotes(db, claim_id)
    db.execute("DELETE FROM claim_group_members WHERE claim_id = ?", [claim_id])
    db.execute("DELETE FROM claims WHERE id = ?", [claim_id])


def regroup(db: Database) -> None:
    """Rebuild quote and claim groups from the stored claims (after a reanalysis changed what they group)."""
    from claims.storage import claim_groups, quote_groups

    with write(db):
        quote_groups.rebuild(db)
        claim_groups.rebuild(db)
