"""Claim groups: the same reported fact or editorial assertion in
near-identical words across articles (a wire story reprinted with light
edits), so a desk reviews it once and offers the verdict to the others.

Sentences are compared after folding punctuation and case and normalising
spelling (as quotations are). Two claims are one when both have at least
MIN_WORDS words, they hold the same numbers and names, and rapidfuzz's
`ratio` on the normalised forms is at least THRESHOLD. Chosen on
tests/story_claims.py (a wire story, two reprints, two same-topic articles):
reprinted sentences score 86-100 (the lowest has a clause added); the
closest same-topic pair of different sentences scores 92 on words alone
("to begin in April and take about 18 months, according to the city
engineer" against "in June ... 12 months ... county engineer"), which is
why numbers and names must agree; with that rule no same-topic pair passes
and 85 keeps every reprint. Candidates come from a blocking index of rare
words (a word's group count kept in `claim_word_counts`), never all pairs.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.storage.db import now
from claims.storage.quote_groups import content_words, groups_sharing_rare_words
from claims.storage.schema import VERDICTS
from claims.wording import normal

THRESHOLD = 85
MIN_WORDS = 8  # "The meeting was adjourned." is in many articles without being one claim
TYPES = ("reported_fact", "editorial_assertion")
# blocking (rare words, how many shared, candidates per word): the quote groups' settings, one function


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NAME = re.compile(r"(?<=[^\s])\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")


def facts(text: str) -> str:
    """The numbers and names of a sentence (capitalised words after its first): a reprint keeps them all, while
    a sentence of the same shape about another thing ("5-4 on Monday", "the Avon River") changes some."""
    names = {w for m in NAME.finditer(text.strip()) for w in m.group(1).split()}
    return " ".join(sorted(set(NUMBER.findall(text)) | names))


def similar(a: str, b: str) -> float:
    return fuzz.ratio(a, b, score_cutoff=THRESHOLD)


def _candidates(db: Database, norm: str) -> list[int]:
    ws = content_words(norm)
    marks = ",".join("?" * len(ws))
    counts = db.execute(f"SELECT word, groups FROM claim_word_counts WHERE word IN ({marks})", ws).fetchall()
    return groups_sharing_rare_words(
        db, counts, "SELECT group_id FROM claim_group_words WHERE word = ? ORDER BY group_id DESC LIMIT ?", []
    )


def assign(db: Database, claim_id: int, article_id: int, text: str) -> int | None:
    """Put one claim in its group, or start one; None when it is too short to group."""
    norm = normal(text)
    if len(norm.split()) < MIN_WORDS:
        return None
    mine = facts(text)
    best, best_score = None, 0.0
    cands = _candidates(db, norm)
    if cands:
        marks = ",".join("?" * len(cands))
        for gid, gnorm, gfacts in db.execute(f"SELECT id, norm, facts FROM claim_groups WHERE id IN ({marks})", cands):
            score = similar(norm, gnorm) if gfacts == mine else 0.0
            if score > best_score:
                best, best_score = gid, score
    when = now()
    if best is None:
        best = db.execute(
            "INSERT INTO claim_groups (first_claim_id, norm, facts, members, articles, updated_at) "
            "VALUES (?, ?, ?, 0, 0, ?)",
            [claim_id, norm, mine, when],
        ).lastrowid
        best_score = 100.0
    db.execute(
        "INSERT INTO claim_group_members (claim_id, group_id, score, joined_at) VALUES (?, ?, ?, ?)",
        [claim_id, best, round(best_score, 1), when],
    )
    for w in content_words(norm):
        added = db.execute("INSERT OR IGNORE INTO claim_group_words (word, group_id) VALUES (?, ?)", [w, best]).rowcount
        if added:
            db.execute(
                "INSERT INTO claim_word_counts (word, groups) VALUES (?, 1) "
                "ON CONFLICT (word) DO UPDATE SET groups = groups + 1",
                [w],
            )
    db.execute(
        """UPDATE claim_groups SET members = (SELECT COUNT(*) FROM claim_group_members WHERE group_id = ?),
        articles = (SELECT COUNT(DISTINCT c.article_id) FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
                    WHERE m.group_id = ?), updated_at = ? WHERE id = ?""",
        [best, best, when, best],
    )
    return best


def group_claims(db: Database, article_id: int) -> int:
    """Group the reported facts and editorial assertions of a just-stored article (inside its transaction)."""
    rows = db.execute(
        f"""SELECT c.id, c.text FROM claims c WHERE c.article_id = ? AND c.type IN ({",".join("?" * len(TYPES))})
        AND NOT EXISTS (SELECT 1 FROM claim_group_members m WHERE m.claim_id = c.id) ORDER BY c.seq""",
        [article_id, *TYPES],
    ).fetchall()
    return sum(assign(db, cid, article_id, text) is not None for cid, text in rows)


def rebuild(db: Database) -> int:
    for table in ("claim_group_members", "claim_group_words", "claim_word_counts", "claim_groups"):
        db.execute(f"DELETE FROM {table}")
    return sum(group_claims(db, aid) for (aid,) in db.execute("SELECT id FROM articles ORDER BY id").fetchall())


# -- reading and the one-step verdict ------------------------------------------------------------


def siblings(db: Database, claim_id: int) -> list[dict]:
    """The other claims of a claim's group, with their article and latest verdict (empty when alone)."""
    return [
        dict(r)
        for r in db.query(
            """SELECT c.id, c.text, c.verdict, c.article_id, a.title AS article_title, a.outlet, a.published, a.url,
            (SELECT r.id FROM reviews r WHERE r.claim_id = c.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
              AS review_id
            FROM claim_group_members me JOIN claim_group_members m ON m.group_id = me.group_id AND m.claim_id != me.claim_id
            JOIN claims c ON c.id = m.claim_id LEFT JOIN articles a ON a.id = c.article_id
            WHERE me.claim_id = ? ORDER BY a.published, c.id""",
            [claim_id],
        )
    ]


def offers(db: Database, claim_id: int) -> list[dict]:
    """Verdicts that may be applied to the whole group: the latest review of each reviewed member
    (this claim included) whose verdict some member does not have yet."""
    me = db.execute("SELECT id, verdict FROM claims WHERE id = ?", [claim_id]).fetchone()
    if me is None:
        return []
    members = [{"id": me[0], "verdict": me[1]}, *siblings(db, claim_id)]
    out = []
    for m in members:
        latest = db.execute(
            "SELECT id, verdict, reviewer FROM reviews WHERE claim_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            [m["id"]],
        ).fetchone()
        if latest and any(x["verdict"] != latest[1] for x in members):
            out.append({"review_id": latest[0], "verdict": latest[1], "reviewer": latest[2], "claim_id": m["id"]})
    return out


def group_articles(db: Database, claim_id: int) -> list[dict]:
    """Every article carrying the claim (its own first): for ClaimReview's `appearance`."""
    own = db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    ids = [own[0]] if own and own[0] else []
    ids += [s["article_id"] for s in siblings(db, claim_id) if s["article_id"] not in ids]
    if not ids:
        return []
    rows = {
        r["id"]: r
        for r in db.query(
            f"SELECT id, url, title, outlet, published FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids
        )
    }
    return [rows[i] for i in ids if i in rows]


def apply_verdict(db: Database, from_review_id: int, reviewer: str) -> list[int]:
    """Give the verdict of one review to every other claim of its claim's group that does not have it yet,
    each as a new review by `reviewer` linked to the original (the caller holds the transaction)."""
    review = db.execute(
        "SELECT id, claim_id, verdict, evidence_url FROM reviews WHERE id = ?", [from_review_id]
    ).fetchone()
    if review is None:
        raise ClaimsError(f"no review with id {from_review_id}")
    rid, claim_id, verdict, evidence = review
    if verdict not in VERDICTS:
        raise ClaimsError(f"review {rid} has no usable verdict")
    if not reviewer.strip():
        raise ClaimsError("a review needs a reviewer")
    note = f"Applied from review {rid} of claim {claim_id}: the same claim in another article"
    made = []
    for s in siblings(db, claim_id):
        if s["verdict"] == verdict:
            continue
        new = db.execute(
            "INSERT INTO reviews (claim_id, reviewer, verdict, note, evidence_url, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [s["id"], reviewer, verdict, note, evidence, now()],
        ).lastrowid
        db.execute("INSERT INTO claim_group_reviews (review_id, from_review_id) VALUES (?, ?)", [new, rid])
        made.append(s["id"])
    return made
