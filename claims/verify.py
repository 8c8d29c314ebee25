"""Checking direct quotations against what the source said in a transcript.

Each quotation is aligned with the source's own turns (all of a transcript's
turns by that speaker, read as one stream, so a quotation that runs across
an interruption still aligns: the window over the turns). rapidfuzz's
partial alignment finds where it falls; difflib then lines the words up
within a window around that place. Labels:

- `exact`: the same words, allowing for punctuation and case;
- `altered`: the closest passage differs (words changed, added, dropped,
  moved, or two passages spliced together); the differing words are kept;
- `out_of_context`: the words match, but the sentence they come from goes on
  without a break into a qualifier ("... this year", "unless ...") or frames
  them ("I never said ..."), so the quotation says something the speaker did not;
- `not_found`: nothing close in the source's words (the note names another
  speaker when the words are theirs).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.storage.db import now, write
from claims.storage.linker import key
from claims.transcripts import timestamp
from claims.wording import WORD, describe, diff

FOUND = 0.6  # share of the quotation's words that must line up with the passage, else not_found
OTHER_SPEAKER = 0.8  # ... and with another speaker's words, to name them in the note
SPLICE_GAP = 3  # words of the transcript left out inside a quotation that make it "spliced"
SAME_WORDS = 95  # token_sort_ratio for "the same words in another order"
TITLES = frozenset(
    "mayor president senator sen governor gov councillor councilor minister secretary dr mr mrs ms mx chancellor "
    "rep representative judge chief commissioner prime deputy".split()
)
# the sentence goes on past the quoted words with these: the quotation drops a condition or a time limit
CONDITIONS = frozenset("unless if until except only provided but".split())  # even after a comma
QUALIFIERS = CONDITIONS | frozenset("when while before after this next for in during".split())  # with no break
FRAMING = re.compile(
    r"\b(never said|didn't say|did not say|not true that|a lie that|if|unless|whether|nobody|no one|"
    r"people say|they say|some say|claim|claims|rumou?r|pretend)\b\W*$"
)
SENTENCE_END = re.compile(r"[.!?…]")


@dataclass
class Stream:
    """A transcript's turns by one speaker (or by everyone else), as one sequence of folded words."""

    transcript_id: int
    words: list[str]
    turn: list[int]  # index into turns, per word
    spans: list[tuple[int, int]]  # (start, end) in its turn's text, per word
    turns: list[dict]

    @classmethod
    def of(cls, transcript_id: int, turns: list[dict]) -> Stream:
        s = cls(transcript_id, [], [], [], turns)
        for i, t in enumerate(turns):
            for m in WORD.finditer(t["text"]):
                s.words.append(m.group().lower().replace("’", "'"))
                s.turn.append(i)
                s.spans.append((m.start(), m.end()))
        return s


def _fold_quote(text: str) -> list[str]:
    return [m.group().lower().replace("’", "'") for m in WORD.finditer(text)]


def speaker_matches(speaker_key: str | None, names: set[str], surnames: set[str]) -> bool:
    """Whether a transcript's speaker label names the source: a known name or alias, or the surname with a title."""
    if not speaker_key:
        return False
    if speaker_key in names:
        return True
    parts = speaker_key.split()
    return parts[-1] in surnames and (len(parts) == 1 or all(p in TITLES for p in parts[:-1]))


def _source_names(db: Database, source_id: int) -> tuple[set[str], set[str]]:
    rows = db.execute("SELECT alias_key, last_word FROM source_aliases WHERE source_id = ?", [source_id]).fetchall()
    name = db.execute("SELECT name, kind FROM sources WHERE id = ?", [source_id]).fetchone()
    names = {r[0] for r in rows if r[0]}
    surnames = {r[1] for r in rows if r[1]} if name and name[1] == "person" else set()
    if name:
        names.add(key(name[0]))
    return names, surnames


def _align(quote: list[str], stream: Stream) -> tuple[float, int, int, list[tuple[int, int, int]]]:
    """Where a quotation best falls in a stream: (share of words matched, first word, end word, matching blocks)."""
    if not stream.words or not quote:
        return 0.0, 0, 0, []
    text = " ".join(stream.words)
    needle = " ".join(quote)
    hit = fuzz.partial_ratio_alignment(needle, text)
    if hit is None:
        return 0.0, 0, 0, []
    # the word where the aligned characters start, and a window around it wide enough for a splice
    start_word = text.count(" ", 0, hit.dest_start)
    lo = max(0, start_word - len(quote))
    hi = min(len(stream.words), start_word + 4 * len(quote) + 20)
    window = stream.words[lo:hi]
    sm = difflib.SequenceMatcher(a=quote, b=window, autojunk=False)
    blocks = _compact([b for b in sm.get_matching_blocks() if b.size])
    matched = sum(b.size for b in blocks)
    share = matched / len(quote)
    if not blocks:
        return 0.0, lo, lo, []
    first, last = blocks[0], blocks[-1]
    # the passage stands where the whole quotation would: words changed at either end are part of it
    start = max(0, lo + first.b - first.a)
    end = min(len(stream.words), lo + last.b + last.size + (len(quote) - last.a - last.size))
    return share, start, end, [(b.a, lo + b.b, b.size) for b in blocks]


def _compact(blocks: list) -> list:
    """Matching blocks without stray words far from the rest ("this year" ten words on): a first or last
    block of one or two words beyond a gap is chance, not the quotation (a splice joins longer runs)."""
    while len(blocks) > 1 and blocks[-1].size < 3 and blocks[-1].b - (blocks[-2].b + blocks[-2].size) >= SPLICE_GAP:
        blocks = blocks[:-1]
    while len(blocks) > 1 and blocks[0].size < 3 and blocks[1].b - (blocks[0].b + blocks[0].size) >= SPLICE_GAP:
        blocks = blocks[1:]
    return blocks


def _reordered(quote: list[str], stream: Stream, at: int) -> tuple[int, int] | None:
    """A passage near `at` with the quotation's words in another order."""
    n = len(quote)
    needle = " ".join(sorted(quote))
    for j in range(max(0, at - n), min(len(stream.words) - n, at + n) + 1):
        if fuzz.ratio(needle, " ".join(sorted(stream.words[j : j + n]))) >= SAME_WORDS:
            return j, j + n
    return None


def _context_problem(stream: Stream, lo: int, hi: int) -> str | None:
    """Why the words around an exact match change what they say, or None."""
    first_turn, last_turn = stream.turn[lo], stream.turn[hi - 1]
    text = stream.turns[last_turn]["text"]
    end = stream.spans[hi - 1][1]
    rest = text[end:]
    stop = SENTENCE_END.search(rest)
    tail = rest[: stop.start()] if stop else rest
    tail_words = _fold_quote(tail)
    if tail_words:
        broken = re.match(r"\s*[,;:—–-]", tail) is not None  # a clause ends where the quotation does
        if tail_words[0] in (CONDITIONS if broken else QUALIFIERS):
            return f"the sentence goes on: “… {' '.join(tail.split()[:8])}”"
    head_text = stream.turns[first_turn]["text"][: stream.spans[lo][0]]
    cut = max((m.end() for m in SENTENCE_END.finditer(head_text)), default=0)
    head = head_text[cut:]
    if FRAMING.search(" ".join(_fold_quote(head))):
        return f"the sentence begins: “{' '.join(head.split()[-8:])} …”"
    return None


def _where(stream: Stream, lo: int) -> tuple[dict, int | None]:
    turn = stream.turns[stream.turn[lo]]
    start = turn["start_ms"]
    offset = stream.spans[lo][0]
    for at, ms in json.loads(turn["cues"] or "[]"):
        if at <= offset:
            start = ms
    return turn, start


def check(quote_text: str, own: list[Stream], others: list[Stream]) -> dict:
    """The label of one quotation against the source's streams (and the other speakers', for the note)."""
    quote = _fold_quote(quote_text)
    best = max(((*_align(quote, s), s) for s in own), key=lambda r: r[0], default=None)
    if best is None or best[0] < FOUND:
        if best is not None:
            moved = _reordered(quote, best[4], best[1])
            if moved:
                return _result("altered", best[4], *moved, quote, note="the same words in another order")
        note = None
        other = max(((*_align(quote, s), s) for s in others), key=lambda r: r[0], default=None)
        if other and other[0] >= OTHER_SPEAKER:
            turn, ms = _where(other[4], other[1])
            note = f"these are the words of {turn['speaker'] or 'another speaker'} (turn {turn['seq']}{', ' + timestamp(ms) if ms is not None else ''})"
        return {"label": "not_found", "score": round((best[0] if best else 0) * 100, 1), "note": note}
    share, lo, hi, blocks, stream = best
    gaps = [blocks[i + 1][1] - (blocks[i][1] + blocks[i][2]) for i in range(len(blocks) - 1)]
    note = None
    if any(g >= SPLICE_GAP for g in gaps):
        note = f"joins passages {max(gaps)} words apart in the transcript"
    passage = stream.words[lo:hi]
    if passage == quote:
        problem = _context_problem(stream, lo, hi)
        return _result("out_of_context" if problem else "exact", stream, lo, hi, quote, note=problem, share=share)
    return _result("altered", stream, lo, hi, quote, note=note, share=share)


def _result(
    label: str, stream: Stream, lo: int, hi: int, quote: list[str], note: str | None = None, share: float = 1.0
) -> dict:
    turn, ms = _where(stream, lo)
    last = stream.turns[stream.turn[hi - 1]]
    a, b = stream.spans[lo][0], stream.spans[hi - 1][1]
    passage = turn["text"][a:b] if last is turn else turn["text"][a:] + " … " + last["text"][:b]
    changes = diff(stream.words[lo:hi], quote) if label == "altered" else []
    return {
        "label": label,
        "score": round(share * 100, 1),
        "transcript_id": stream.transcript_id,
        "turn_id": turn["id"],
        "turn_seq": turn["seq"],
        "start_ms": ms,
        "passage": passage,
        "changes": changes,
        "note": note,
    }


def _streams(db: Database, source_id: int, transcript_id: int | None) -> tuple[list[Stream], list[Stream]]:
    names, surnames = _source_names(db, source_id)
    where = " WHERE transcript_id = ?" if transcript_id else ""
    rows = [
        dict(r)
        for r in db.query(
            "SELECT * FROM transcript_turns" + where + " ORDER BY transcript_id, seq",
            [transcript_id] if transcript_id else [],
        )
    ]
    own: dict[int, list[dict]] = {}
    other: dict[int, list[dict]] = {}
    for r in rows:
        (own if speaker_matches(r["speaker_key"], names, surnames) else other).setdefault(
            r["transcript_id"], []
        ).append(r)
    return [Stream.of(t, ts) for t, ts in own.items()], [Stream.of(t, ts) for t, ts in other.items()]


def verify(
    db: Database, source: int | None = None, transcript_id: int | None = None, claim_id: int | None = None
) -> list[dict]:
    """Check the direct quotations of sources that have transcripts; returns one result per quotation checked."""
    if (
        transcript_id is not None
        and not db.execute("SELECT 1 FROM transcripts WHERE id = ?", [transcript_id]).fetchone()
    ):
        raise ClaimsError(f"no transcript with id {transcript_id}")
    where, params = ["q.source_id IS NOT NULL"], []
    if source is not None:
        where.append("q.source_id = ?")
        params.append(source)
    if claim_id is not None:
        where.append("q.claim_id = ?")
        params.append(claim_id)
    quotes = [
        dict(r)
        for r in db.query(
            f"""SELECT q.id AS quote_id, q.claim_id, q.text, q.source_id, s.name AS source, a.outlet
            FROM quotes q LEFT JOIN sources s ON s.id = q.source_id LEFT JOIN articles a ON a.id = q.article_id
            WHERE {" AND ".join(where)} ORDER BY q.source_id, q.id""",
            params,
        )
    ]
    streams: dict[int, tuple[list[Stream], list[Stream]]] = {}
    out = []
    for q in quotes:
        if q["source_id"] not in streams:
            streams[q["source_id"]] = _streams(db, q["source_id"], transcript_id)
        own, others = streams[q["source_id"]]
        if not own:
            continue  # no transcript of this source: nothing to say
        out.append({**q, **check(q["text"], own, others)})
    return out


def store(db: Database, results: list[dict]) -> None:
    """Keep the latest check of each quotation (the caller holds the transaction)."""
    when = now()
    db.conn.executemany(
        """INSERT INTO quote_checks (quote_id, label, score, transcript_id, turn_id, turn_seq, start_ms, passage,
           changes, note, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (quote_id) DO UPDATE SET label = excluded.label, score = excluded.score,
           transcript_id = excluded.transcript_id, turn_id = excluded.turn_id, turn_seq = excluded.turn_seq,
           start_ms = excluded.start_ms, passage = excluded.passage, changes = excluded.changes,
           note = excluded.note, checked_at = excluded.checked_at""",
        [
            (
                r["quote_id"],
                r["label"],
                r["score"],
                r.get("transcript_id"),
                r.get("turn_id"),
                r.get("turn_seq"),
                r.get("start_ms"),
                r.get("passage"),
                json.dumps(r.get("changes") or [], ensure_ascii=False) if r.get("changes") else None,
                r.get("note"),
                when,
            )
            for r in results
        ],
    )


def verify_and_store(db: Database, **kw) -> list[dict]:
    results = verify(db, **kw)
    with write(db):
        store(db, results)
    return results


def line(r: dict) -> str:
    """One result for a terminal."""
    where = ""
    if r.get("turn_seq"):
        where = f" (transcript {r['transcript_id']}, turn {r['turn_seq']}{', ' + timestamp(r['start_ms']) if r.get('start_ms') is not None else ''})"
    extra = describe(r.get("changes") or [])
    if r.get("note"):
        extra = f"{extra}; {r['note']}" if extra else r["note"]
    return f"{r['label']:<15} quote {r['quote_id']}{where}: “{r['text'].strip()}”" + (f" — {extra}" if extra else "")
