"""Quote groups: the same utterance quoted across articles, kept in the
database and updated as each article is stored.

A new quotation is compared only with groups of the same source that share
one of its rarest words (the blocking index `quote_group_words`), never with
every stored quotation. Two wordings are the same utterance when, after
folding punctuation and case and normalising spelling ("colour", "gonna"),
they are near-identical (rapidfuzz ratio) or one is a shortened form of the
other (partial_ratio, four words or more).

Within a group the canonical wording is the longest one (ties: the one most
outlets use). Each member is related to it as `same` (only punctuation or case
differ), `shortened` (a run of the canonical words), `spelling` (words differ
only in spelling or contractions) or `variant` (a word added, dropped,
replaced or moved), with the differing words.
"""

from __future__ import annotations

import json
from collections import Counter

from rapidfuzz import fuzz
from sqlite_utils import Database

from claims.storage.db import now
from claims.wording import diff, normal, normal_words, runs, words

RATIO = 85  # whole wordings: one or two words changed in a sentence stay above it (see tests/test_quote_groups.py)
PARTIAL = 90  # a shortened form inside the longer wording
SAME_WORDS = 95  # token_sort_ratio: the same words in another order ("Whatever it costs, we will ...")
PARTIAL_MIN_WORDS = 4  # "we will win" is inside too many sentences to mean the same utterance
RARE_WORDS = 3  # blocking: candidate groups share one of the quotation's three rarest words
SHARED_RARE = 2  # ... and at least two of them
CANDIDATES_PER_WORD = 200

STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being am it its this that
    these those there here i we you he she they me us him her them my our your his their not no so do does did have
    has had will would shall should can could may might must what which who whom whose when where why how all any
    just very than then too also""".split()
)


def content_words(norm: str) -> list[str]:
    """The words that block on: rarer words of the normalised wording (all words when it has none)."""
    ws = norm.split()
    picked = sorted({w for w in ws if w not in STOP and len(w) > 2})
    return picked or sorted(set(ws))


def similar(a: str, b: str) -> float:
    """0-100: how likely two normalised wordings are one utterance (0 when they are not)."""
    if a == b:
        return 100.0
    full = fuzz.ratio(a, b, score_cutoff=RATIO)
    if full:
        return full
    if min(a.count(" "), b.count(" ")) + 1 < PARTIAL_MIN_WORDS:
        return 0.0
    same_words = fuzz.token_sort_ratio(a, b, score_cutoff=SAME_WORDS)
    if same_words:
        return same_words
    return fuzz.partial_ratio(a, b, score_cutoff=PARTIAL)


def _candidates(db: Database, source_id: int, norm: str) -> list[int]:
    ws = content_words(norm)
    if not ws:
        return []
    marks = ",".join("?" * len(ws))
    counts = db.execute(
        f"SELECT word, COUNT(*) FROM quote_group_words WHERE source_id = ? AND word IN ({marks}) GROUP BY word",
        [source_id, *ws],
    ).fetchall()
    # one changed word still leaves two of the three rarest words shared; a shortened form shares all of its own
    return groups_sharing_rare_words(
        db,
        counts,
        "SELECT group_id FROM quote_group_words WHERE source_id = ? AND word = ? ORDER BY group_id DESC LIMIT ?",
        [source_id],
    )


def groups_sharing_rare_words(db: Database, counts: list, sql: str, scope: list) -> list[int]:
    """Blocking for quote and claim groups alike: the groups that hold at least
    two of an item's three rarest words (`counts`: word, groups holding it);
    `sql` selects a word's groups, its parameters `scope` + word + a limit."""
    rare = [w for w, _ in sorted(counts, key=lambda r: (r[1], r[0]))[:RARE_WORDS]]
    hits: Counter[int] = Counter()
    for w in rare:
        hits.update(gid for (gid,) in db.execute(sql, [*scope, w, CANDIDATES_PER_WORD]))
    need = min(SHARED_RARE, len(rare))
    return [gid for gid, n in hits.items() if n >= need]


def assign(db: Database, quote_id: int, source_id: int, text: str) -> int:
    """Put one stored quotation in its group (a new one when nothing matches); returns the group id.
    Runs inside the caller's write transaction."""
    norm = normal(text)
    best, best_score = None, 0.0
    cands = _candidates(db, source_id, norm)
    if cands:
        marks = ",".join("?" * len(cands))
        for gid, gnorm in db.execute(f"SELECT id, norm FROM quote_groups WHERE id IN ({marks})", cands):
            score = similar(norm, gnorm)
            if score > best_score:
                best, best_score = gid, score
    when = now()
    if best is None:
        best = db.execute(
            "INSERT INTO quote_groups (source_id, canonical_quote_id, canonical, norm, updated_at) VALUES (?, ?, ?, ?, ?)",
            [source_id, quote_id, text, norm, when],
        ).lastrowid
        best_score = 100.0
    db.execute(
        "INSERT INTO quote_members (quote_id, group_id, relation, score, joined_at) VALUES (?, ?, 'same', ?, ?)",
        [quote_id, best, round(best_score, 1), when],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO quote_group_words (source_id, word, group_id) VALUES (?, ?, ?)",
        [(source_id, w, best) for w in content_words(norm)],
    )
    refresh(db, best, quote_id)
    return best


def _relation(canon: list[str], member: list[str]) -> tuple[str, list[dict]]:
    """How a member's words stand to the canonical words, and the differing words."""
    if member == canon:
        return "same", []
    changes = diff(canon, member, shortened=True)
    if not changes:
        return "shortened", []
    if not diff(normal_words(canon), normal_words(member), shortened=True):
        return "spelling", changes
    return "variant", changes


def refresh(db: Database, group_id: int, joined: int | None = None) -> None:
    """Choose the group's canonical wording and relate members to it: only the one that `joined`
    while the canonical stays, every member when it changes."""
    members = db.execute(
        """SELECT q.id, q.text, a.outlet, g.canonical_quote_id FROM quote_groups g
        JOIN quote_members m ON m.group_id = g.id JOIN quotes q ON q.id = m.quote_id
        LEFT JOIN articles a ON a.id = q.article_id WHERE m.group_id = ? ORDER BY q.id""",
        [group_id],
    ).fetchall()
    if not members:
        db.execute("DELETE FROM quote_groups WHERE id = ?", [group_id])
        return
    folded = {qid: words(text) for qid, text, _, _ in members}
    uses = Counter(tuple(ws) for ws in folded.values())
    canon_id, canon_text, _, before = max(members, key=lambda m: (len(folded[m[0]]), uses[tuple(folded[m[0]])], -m[0]))
    canon = folded[canon_id]
    todo = [joined] if joined is not None and before == canon_id and joined != canon_id else list(folded)
    rows = []
    for qid in todo:
        rel, changes = ("canonical", []) if qid == canon_id else _relation(canon, folded[qid])
        rows.append((rel, json.dumps(changes, ensure_ascii=False) if changes else None, qid))
    db.conn.executemany("UPDATE quote_members SET relation = ?, changes = ? WHERE quote_id = ?", rows)
    variants = db.execute(
        "SELECT COUNT(*) FROM quote_members WHERE group_id = ? AND relation = 'variant'", [group_id]
    ).fetchone()[0]
    db.execute(
        """UPDATE quote_groups SET canonical_quote_id = ?, canonical = ?, norm = ?, appearances = ?, outlets = ?,
        variants = ?, updated_at = ? WHERE id = ?""",
        [
            canon_id,
            canon_text,
            normal(canon_text),
            len(members),
            len({o for _, _, o, _ in members if o}),
            variants,
            now(),
            group_id,
        ],
    )


def group_article(db: Database, article_id: int) -> int:
    """Group the quotations of one just-stored article (inside its transaction); returns how many were grouped."""
    rows = db.execute(
        """SELECT q.id, q.source_id, q.text FROM quotes q
        WHERE q.article_id = ? AND q.source_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM quote_members m WHERE m.quote_id = q.id) ORDER BY q.id""",
        [article_id],
    ).fetchall()
    for qid, sid, text in rows:
        if words(text):
            assign(db, qid, sid, text)
    return len(rows)


def rebuild(db: Database) -> int:
    """Group every stored quotation from scratch (after sources were merged by hand, or an old database)."""
    for table in ("quote_members", "quote_group_words", "quote_groups"):
        db.execute(f"DELETE FROM {table}")
    n = 0
    for (aid,) in db.execute("SELECT DISTINCT article_id FROM quotes ORDER BY article_id").fetchall():
        n += group_article(db, aid)
    return n


# -- reading -----------------------------------------------------------------------------------


def source_groups(db: Database, source_id: int, variants_only: bool = False) -> list[dict]:
    """A source's quote groups, most quoted first, each with its appearances."""
    groups = [
        dict(r)
        for r in db.query(
            "SELECT * FROM quote_groups WHERE source_id = ?"
            + (" AND variants > 0" if variants_only else "")
            + " ORDER BY appearances DESC, id",
            [source_id],
        )
    ]
    for g in groups:
        g["members"] = members(db, g["id"])
    return groups


def members(db: Database, group_id: int) -> list[dict]:
    """Every appearance of a group: outlet, article, date, the wording and how it differs."""
    out = []
    canon = None
    for r in db.query(
        """SELECT m.quote_id, m.relation, m.score, m.changes, q.text, q.claim_id, q.article_id,
        a.outlet, a.title AS article_title, a.published, a.url, g.canonical, k.label AS check_label, k.note AS check_note
        FROM quote_members m JOIN quotes q ON q.id = m.quote_id JOIN quote_groups g ON g.id = m.group_id
        LEFT JOIN articles a ON a.id = q.article_id LEFT JOIN quote_checks k ON k.quote_id = q.id
        WHERE m.group_id = ? ORDER BY m.relation != 'canonical', a.published, q.id""",
        [group_id],
    ):
        r = dict(r)
        canon = canon or words(r.pop("canonical"))
        r.pop("canonical", None)
        r["changes"] = json.loads(r["changes"]) if r["changes"] else []
        r["runs"] = runs(canon, words(r["text"]), shortened=True) if r["relation"] in ("variant", "spelling") else None
        out.append(r)
    return out


def group(db: Database, group_id: int) -> dict | None:
    rows = list(
        db.query(
            """SELECT g.*, s.name AS source_name, s.kind AS source_kind FROM quote_groups g
            LEFT JOIN sources s ON s.id = g.source_id WHERE g.id = ?""",
            [group_id],
        )
    )
    if not rows:
        return None
    out = dict(rows[0])
    out["members"] = members(db, group_id)
    return out
