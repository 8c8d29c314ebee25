"""The review desk's work on top of the engine's output: corrections (the
engine's original kept beside the corrected value), the workflow (status,
assignment, queues), notes, and carrying all of it over to a new version of
an article. Every write runs in one transaction."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from claims.engine.model import CLAIM_TYPES, SOURCE_KINDS, Source
from claims.errors import ClaimsError
from claims.storage.db import now, write
from claims.storage.linker import Linker, key
from claims.storage.schema import QUEUE_OPEN, QUEUE_RANK, STATUSES

# A sentence of a new version takes the desk's work of the old sentence it matches exactly or, failing that,
# the most similar one at rapidfuzz ratio >= 90 (a typo fixed, a word changed; a rewritten sentence starts over).
CARRY_THRESHOLD = 90

# the desk has worked on claim `c` when any of these holds (its work carries over; a reanalysis never deletes it)
WORKED = """(c.engine_type IS NOT NULL OR c.assignee IS NOT NULL OR c.status != 'unstarted'
  OR EXISTS (SELECT 1 FROM notes n WHERE n.claim_id = c.id) OR EXISTS (SELECT 1 FROM reviews r WHERE r.claim_id = c.id)
  OR EXISTS (SELECT 1 FROM corrections k WHERE k.claim_id = c.id))"""


def _claim(db: Database, claim_id: int) -> dict:
    rows = list(db.query("SELECT * FROM claims WHERE id = ?", [claim_id]))
    if not rows:
        raise ClaimsError(f"no claim with id {claim_id}")
    return rows[0]


def _record(db: Database, reviewer: str, field: str, before, after, claim_id=None, source_id=None) -> None:
    db["corrections"].insert(
        {
            "claim_id": claim_id,
            "source_id": source_id,
            "field": field,
            "before": None if before is None else str(before),
            "after": None if after is None else str(after),
            "reviewer": reviewer,
            "created_at": now(),
        }
    )


def _keep_engine(db: Database, claim: dict) -> None:
    """Keep the engine's type and source the first time a claim is corrected."""
    db.execute(
        "UPDATE claims SET engine_type = type, engine_source_id = source_id WHERE id = ? AND engine_type IS NULL",
        [claim["id"]],
    )


def _set_source(db: Database, claim_id: int, source_id: int | None) -> None:
    db.execute("UPDATE claims SET source_id = ?, updated_at = ? WHERE id = ?", [source_id, now(), claim_id])
    db.execute("UPDATE quotes SET source_id = ? WHERE claim_id = ?", [source_id, claim_id])


def fix_claim(
    db: Database,
    claim_id: int,
    reviewer: str,
    *,
    ctype: str | None = None,
    source: str | None = None,
    new_source: dict | None = None,
    no_source: bool = False,
) -> list[str]:
    """Correct a claim's type and/or source (an existing one by id, name or
    alias, or a new one from `new_source` {name, kind, title}); returns what changed."""
    from claims.storage.store import find_source

    if ctype is not None and ctype not in CLAIM_TYPES:
        raise ClaimsError(f"--type must be one of {', '.join(CLAIM_TYPES)}")
    if (source is not None) + (new_source is not None) + bool(no_source) > 1:
        raise ClaimsError("give one of --source, a new source (--new-source) or --no-source")
    if new_source is not None:
        if not (new_source.get("name") or "").strip():
            raise ClaimsError("a new source needs a name")
        if new_source.get("kind") not in SOURCE_KINDS:
            raise ClaimsError(f"a new source's kind must be one of {', '.join(SOURCE_KINDS)}")
    if ctype is None and source is None and new_source is None and not no_source:
        raise ClaimsError("nothing to correct: give --type, --source, --new-source or --no-source")
    target = find_source(db, source)["id"] if source is not None else None
    changed: list[str] = []
    with write(db):
        claim = _claim(db, claim_id)
        if new_source is not None:
            src = Source(
                new_source["name"].strip(), new_source["kind"], (new_source.get("title") or "").strip() or None
            )
            target = Linker(db).link(src, claim["article_id"] or 0, now())
            db.execute("UPDATE sources SET locked = 1 WHERE id = ?", [target])
        if ctype is not None and ctype != claim["type"]:
            _keep_engine(db, claim)
            db.execute("UPDATE claims SET type = ?, updated_at = ? WHERE id = ?", [ctype, now(), claim_id])
            _record(db, reviewer, "type", claim["type"], ctype, claim_id=claim_id)
            changed.append(f"type {claim['type']} -> {ctype}")
        if (target is not None or no_source) and target != claim["source_id"]:
            _keep_engine(db, claim)
            _set_source(db, claim_id, target)
            _record(db, reviewer, "source", claim["source_id"], target, claim_id=claim_id)
            changed.append(f"source {claim['source_id'] or '-'} -> {target or '-'}")
    return changed


def correct_source(
    db: Database, ref: str, reviewer: str, *, kind: str | None = None, title: str | None = None
) -> tuple[dict, list[str]]:
    """Correct a source's kind and/or title (the source is then locked: the linker never renames it)."""
    from claims.storage.store import find_source

    if kind is not None and kind not in SOURCE_KINDS:
        raise ClaimsError(f"kind must be one of {', '.join(SOURCE_KINDS)}")
    if kind is None and title is None:
        raise ClaimsError("nothing to correct: give a kind or --title")
    src = find_source(db, ref)
    changed: list[str] = []
    with write(db):
        if kind is not None and kind != src["kind"]:
            db.execute("UPDATE sources SET kind = ?, locked = 1 WHERE id = ?", [kind, src["id"]])
            _record(db, reviewer, "kind", src["kind"], kind, source_id=src["id"])
            changed.append(f"kind {src['kind']} -> {kind}")
        new_title = (title or "").strip() or None
        if title is not None and new_title != src["title"]:
            db.execute("UPDATE sources SET title = ?, locked = 1 WHERE id = ?", [new_title, src["id"]])
            _record(db, reviewer, "title", src["title"], new_title, source_id=src["id"])
            changed.append(f"title {src['title'] or '-'} -> {new_title or '-'}")
    return find_source(db, str(src["id"])), changed


def corrections_of(db: Database, claim_id: int) -> list[dict]:
    """A claim's corrections and those of its source, oldest first, with source names resolved."""
    return list(
        db.query(
            """SELECT k.*, sb.name AS before_name, sa.name AS after_name FROM corrections k
            LEFT JOIN sources sb ON k.field = 'source' AND sb.id = CAST(k.before AS INTEGER)
            LEFT JOIN sources sa ON k.field = 'source' AND sa.id = CAST(k.after AS INTEGER)
            WHERE k.claim_id = ? OR k.source_id = (SELECT source_id FROM claims WHERE id = ?)
            ORDER BY k.created_at, k.id""",
            [claim_id, claim_id],
        )
    )


# -- workflow ----------------------------------------------------------------------------------


def assign(db: Database, claim_id: int, assignee: str | None) -> dict:
    """Assign a claim (None: unassign); an unstarted claim taken by someone is in progress."""
    with write(db):
        claim = _claim(db, claim_id)
        status = claim["status"]
        if assignee and status == "unstarted":
            status = "in_progress"
        db.execute(
            "UPDATE claims SET assignee = ?, status = ?, updated_at = ? WHERE id = ?",
            [assignee, status, now(), claim_id],
        )
    return _claim(db, claim_id)


def set_status(db: Database, claim_id: int, status: str) -> dict:
    if status not in STATUSES:
        raise ClaimsError(f"status must be one of {', '.join(STATUSES)}")
    with write(db):
        _claim(db, claim_id)
        db.execute("UPDATE claims SET status = ?, updated_at = ? WHERE id = ?", [status, now(), claim_id])
    return _claim(db, claim_id)


def add_note(db: Database, claim_id: int, reviewer: str, text: str) -> int:
    if not text.strip():
        raise ClaimsError("the note is empty")
    with write(db):
        _claim(db, claim_id)
        return (
            db["notes"]
            .insert({"claim_id": claim_id, "reviewer": reviewer, "text": text.strip(), "created_at": now()})
            .last_pk
        )


QUEUE_SELECT = """SELECT c.id, c.article_id, c.seq, c.type, c.text, c.status, c.assignee, c.verdict,
  (SELECT name FROM sources WHERE id = c.source_id) AS source, c.source_kind, c.outlet FROM claims c"""


def my_queue(db: Database, reviewer: str, limit: int = 100) -> list[dict]:
    """The reviewer's open claims, in queue order."""
    return list(
        db.query(
            QUEUE_SELECT + f" WHERE c.assignee = ? AND {QUEUE_OPEN} ORDER BY {QUEUE_RANK}, c.article_id DESC, c.seq "
            "LIMIT ?",
            [reviewer, limit],
        )
    )


def review_queue(db: Database, limit: int = 100) -> list[dict]:
    """Open, unassigned claims: sourced facts and quotes first, then unsourced ones, then editorial
    assertions; newest article first, in reading order within it."""
    return list(
        db.query(
            QUEUE_SELECT + f" WHERE {QUEUE_OPEN} AND c.assignee IS NULL "
            f"ORDER BY {QUEUE_RANK}, c.article_id DESC, c.seq LIMIT ?",
            [limit],
        )
    )


# -- new versions ------------------------------------------------------------------------------


def pair_by_text(old: dict[int, str], new: dict[int, str]) -> dict[int, int]:
    """Pair sentences of two readings of an article, each old one used once:
    the same text first (in order), then the most similar at rapidfuzz ratio
    >= CARRY_THRESHOLD. Returns {new key: old key}."""
    unused = dict(old)
    by_text: dict[str, list[int]] = {}
    for k, text in old.items():
        by_text.setdefault(text, []).append(k)
    pairs: dict[int, int] = {}
    for k, text in new.items():
        same = [o for o in by_text.get(text, []) if o in unused]
        if same:
            pairs[k] = same[0]
            unused.pop(same[0])
    for k, text in new.items():
        if k in pairs or not unused:
            continue
        found = process.extractOne(text, unused, scorer=fuzz.ratio, score_cutoff=CARRY_THRESHOLD)
        if found:
            pairs[k] = found[2]
            unused.pop(found[2])
    return pairs


def carry_over(db: Database, old_article: int, new_article: int) -> int:
    """Give the claims of a new version the desk's work on the matching
    claims of the previous one (called inside the transaction storing it);
    the old claims are superseded and leave the queue. Returns how many carried."""
    old = list(db.query("SELECT * FROM claims WHERE article_id = ? ORDER BY seq", [old_article]))
    new = list(db.query("SELECT * FROM claims WHERE article_id = ? ORDER BY seq", [new_article]))
    db.execute("UPDATE claims SET superseded = 1 WHERE article_id = ?", [old_article])
    worked = {
        r[0]
        for r in db.execute(
            f"SELECT c.id FROM claims c WHERE c.article_id = ? AND {WORKED}",
            [old_article],
        ).fetchall()
    }
    candidates = {o["id"]: o for o in old if o["id"] in worked}
    by_id = {c["id"]: c for c in new}
    pairs = pair_by_text({i: o["text"] for i, o in candidates.items()}, {c["id"]: c["text"] for c in new})
    for new_id, old_id in pairs.items():
        _carry(db, candidates[old_id], by_id[new_id])
    return len(pairs)


def _carry(db: Database, old: dict, new: dict) -> None:
    fields = {r[0] for r in db.execute("SELECT field FROM corrections WHERE claim_id = ?", [old["id"]]).fetchall()}
    update: dict = {"carried_from": old["id"], "assignee": old["assignee"]}
    if fields:
        update.update(engine_type=new["type"], engine_source_id=new["source_id"])
    if "type" in fields:
        update["type"] = old["type"]
    if old["status"] == "in_progress":
        update["status"] = "in_progress"
    db["claims"].update(new["id"], update)
    if "source" in fields:
        _set_source(db, new["id"], old["source_id"])
    db["corrections"].insert_all(
        {**{k: v for k, v in r.items() if k != "id"}, "claim_id": new["id"], "carried_from": r["id"]}
        for r in db.query("SELECT * FROM corrections WHERE claim_id = ? ORDER BY id", [old["id"]])
    )
    db["notes"].insert_all(
        {**{k: v for k, v in r.items() if k != "id"}, "claim_id": new["id"]}
        for r in db.query("SELECT * FROM notes WHERE claim_id = ? ORDER BY id", [old["id"]])
    )
    # reviews last: their trigger makes the latest verdict the claim's and the claim done
    db["reviews"].insert_all(
        {**{k: v for k, v in r.items() if k != "id"}, "claim_id": new["id"]}
        for r in db.query("SELECT * FROM reviews WHERE claim_id = ? ORDER BY created_at, id", [old["id"]])
    )


# -- the engine measured against the desk ------------------------------------------------------

PRECISION_SQL = """SELECT COALESCE(engine_type, type) AS engine_type, COUNT(*) AS checked,
  SUM(engine_type IS NOT NULL AND engine_type != type) AS type_corrected,
  SUM(engine_type IS NOT NULL AND engine_source_id IS NOT source_id) AS source_corrected,
  ROUND(1.0 - 1.0 * SUM(engine_type IS NOT NULL AND engine_type != type) / COUNT(*), 3) AS type_precision,
  ROUND(1.0 - 1.0 * SUM(engine_type IS NOT NULL AND engine_source_id IS NOT source_id) / COUNT(*), 3)
    AS source_precision
FROM claims WHERE origin = 'auto' AND (status = 'done' OR engine_type IS NOT NULL)
GROUP BY 1 ORDER BY 1"""

KIND_SQL = """SELECT field, before, after, COUNT(*) AS corrections FROM corrections
WHERE source_id IS NOT NULL AND carried_from IS NULL GROUP BY field, before, after ORDER BY corrections DESC"""


def precision(db: Database) -> dict:
    """How often the desk corrected the engine, by the engine's type and by
    field, over the claims the desk checked (reviewed or corrected)."""
    return {"claims": list(db.query(PRECISION_SQL)), "sources": list(db.query(KIND_SQL))}


def gold(db: Database) -> list[dict]:
    """Articles holding desk-checked claims, as GUIDE-format gold files: every
    claim of the article with its current (corrected) type and source."""
    articles = [
        r[0]
        for r in db.execute(
            """SELECT DISTINCT article_id FROM claims WHERE article_id IS NOT NULL AND superseded = 0
            AND origin = 'auto' AND (engine_type IS NOT NULL OR status = 'done') ORDER BY article_id"""
        ).fetchall()
    ]
    out = []
    for aid in articles:
        art = next(db.query("SELECT id, title, outlet, url, text FROM articles WHERE id = ?", [aid]))
        claims = []
        for c in db.query(
            """SELECT c.*, s.name AS source_name, s.kind AS skind, s.title AS stitle FROM claims c
            LEFT JOIN sources s ON s.id = c.source_id WHERE c.article_id = ? AND c.origin = 'auto' ORDER BY c.seq""",
            [aid],
        ):
            aliases = [
                r[0]
                for r in db.execute(
                    "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY id", [c["source_id"]]
                )
                if key(r[0]) != key(c["source_name"] or "")
            ]
            claims.append(
                {
                    "text": c["text"],
                    "type": c["type"],
                    "also": [],
                    "source": c["source_name"],
                    "source_ok": aliases,
                    "source_kind": c["skind"],
                    "title": c["stitle"],
                    "mention": c["mention"],
                    "cue": c["cue"],
                    "via": c["via"],
                    "direct": bool(c["direct"]),
                }
            )
        out.append(
            {"id": f"article-{aid}", **{k: art[k] for k in ("title", "outlet", "url", "text")}, "claims": claims}
        )
    return out
