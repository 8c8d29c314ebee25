"""Quote groups at size (issue 8): the cost of adding one article to a
database already holding 100,000 grouped quotations, as a ratio against
adding the same articles to an empty database in the same run."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import FIRST, LAST

VOCAB_SIZE = 6000
PER_ARTICLE = 10


def _vocab(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = set()
    while len(out) < VOCAB_SIZE:
        out.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return sorted(out)


def _utterance(rng: random.Random, vocab: list[str]) -> list[str]:
    # as in speech: half the words from a few dozen common ones (Zipf-like), the rest from a long tail
    return [
        vocab[min(int(rng.paretovariate(1.2)) - 1, 40)] if rng.random() < 0.5 else rng.choice(vocab)
        for _ in range(rng.randint(8, 20))
    ]


def _variant(rng: random.Random, words: list[str], vocab: list[str]) -> list[str]:
    w = list(words)
    roll = rng.random()
    if roll < 0.3:  # shortened
        a = rng.randint(0, len(w) // 3)
        w = w[a : a + max(5, len(w) * 2 // 3)]
    elif roll < 0.5:  # one word changed
        w[rng.randrange(len(w))] = rng.choice(vocab)
    return w


def _speakers() -> list[str]:
    return [f"{f} {last}" for f in FIRST for last in LAST]  # 100 people the engine reads as names


def _article(name: str, quotes: list[list[str]]) -> str:
    surname = name.split()[-1]
    paras = [f"Statements of {name}", f"{name} spoke to reporters on Tuesday."]
    paras += [f'"{" ".join(q).capitalize()}," {surname} said.' for q in quotes]
    return "\n\n".join(paras) + "\n"


def _pairwise(truth: dict[int, tuple], found: dict[int, int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering, from the counts of (group, utterance) cells."""
    from collections import Counter

    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    ids = [q for q in truth if q in found]
    both = pairs(Counter((found[q], truth[q]) for q in ids))
    said = pairs(Counter(found[q] for q in ids))
    real = pairs(Counter(truth[q] for q in ids))
    return both / max(1, said), both / max(1, real)


def bench_quotes(total: int) -> None:
    from claims.ingest import Article
    from claims.storage import quote_groups, store
    from claims.storage.db import connect, write

    rng = random.Random(8)
    vocab = _vocab(rng)
    speakers = _speakers()
    with tempfile.TemporaryDirectory() as d:
        db = connect(str(Path(d) / "big.db"))
        # one real article per speaker makes the sources (names, aliases) as `claims add` does
        sids = {}
        for n, name in enumerate(speakers):
            store.add_article(db, Article(_article(name, [_utterance(rng, vocab)]) + f"\nDay {n}.\n", {}))
        for name in speakers:
            sids[name] = store.find_source(db, name)["id"]
        utterances = {name: [] for name in speakers}
        t = time.perf_counter()
        made = db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        art = 0
        truth: dict[int, tuple[str, int]] = {}  # quotation -> the utterance it was generated from
        while made < total:
            with write(db):
                for _ in range(200):
                    art += 1
                    name = rng.choice(speakers)
                    said = utterances[name]
                    quotes, uids = [], []
                    for _ in range(PER_ARTICLE):
                        if said and rng.random() < 0.7:
                            pick = rng.randrange(len(said))
                            quotes.append(_variant(rng, said[pick], vocab))
                        else:
                            said.append(_utterance(rng, vocab))
                            pick = len(said) - 1
                            quotes.append(said[-1])
                        uids.append((name, pick))
                    text = _article(name, quotes)
                    aid = db.execute(
                        "INSERT INTO articles (title, outlet, added_at, text, content_hash, words) VALUES (?, ?, ?, ?, ?, ?)",
                        [f"gen {art}", f"Outlet {art % 9}", "2026-01-01", text, f"gen-{art}", len(text.split())],
                    ).lastrowid
                    for seq, q in enumerate(quotes, 1):
                        cid = db.execute(
                            "INSERT INTO claims (article_id, seq, text, type, direct, source_id, updated_at) "
                            "VALUES (?, ?, ?, 'official_quote', 1, ?, '2026-01-01')",
                            [aid, seq, " ".join(q), sids[name]],
                        ).lastrowid
                        qid = db.execute(
                            "INSERT INTO quotes (claim_id, article_id, text, source_id) VALUES (?, ?, ?, ?)",
                            [cid, aid, " ".join(q), sids[name]],
                        ).lastrowid
                        truth[qid] = uids[seq - 1]
                    quote_groups.group_article(db, aid)
                    made += len(quotes)
        build_s = time.perf_counter() - t
        groups = db.execute("SELECT COUNT(*) FROM quote_groups").fetchone()[0]
        print(
            f"stored quotations: {made:,} by {len(speakers)} sources in {groups:,} groups "
            f"(grouped incrementally at {made / build_s:,.0f} quotations/s)"
        )
        member = dict(db.execute("SELECT quote_id, group_id FROM quote_members").fetchall())
        precision, recall = _pairwise(truth, member)
        print(f"grouping against the generator's utterances: pairwise precision {precision:.3f}, recall {recall:.3f}")
        # the articles added in the measurement: 10 quotations each, most of them variants of stored ones
        samples = []
        for n in range(30):
            name = speakers[n % len(speakers)]
            quotes = [
                _variant(rng, rng.choice(utterances[name]), vocab) if utterances[name] else _utterance(rng, vocab)
                for _ in range(PER_ARTICLE)
            ]
            samples.append(_article(name, quotes) + f"\nSample {n}.\n")
        timed_group: list[float] = []
        real = store.group_article

        def measured(db_, aid):
            t0 = time.perf_counter()
            out = real(db_, aid)
            timed_group.append(time.perf_counter() - t0)
            return out

        def add_all(target) -> list[float]:
            times = []
            for text in samples:
                t0 = time.perf_counter()
                store.add_article(target, Article(text, {"outlet": "Bench"}))
                times.append(time.perf_counter() - t0)
            return times

        store.group_article = measured
        try:
            empty = connect(str(Path(d) / "empty.db"))
            base = add_all(empty)
            base_group = list(timed_group)
            timed_group.clear()
            big = add_all(db)
            big_group = list(timed_group)
        finally:
            store.group_article = real
        empty.close()
        db.close()
    ms = statistics.median
    print(
        f"baseline: adding one 10-quotation article to an empty database: {ms(base) * 1000:.1f} ms median "
        f"(grouping {ms(base_group) * 1000:.2f} ms of it)"
    )
    print(
        f"adding the same to the database of {made:,} quotations: {ms(big) * 1000:.1f} ms median "
        f"(grouping {ms(big_group) * 1000:.2f} ms of it, max {max(big_group) * 1000:.2f} ms)"
    )
    print(
        f"ratio: {ms(big) / ms(base):.2f}x the empty-database add (grouping alone {ms(big_group) / ms(base_group):.1f}x)"
    )


def bench_verify(words: int = 9000, quotes: int = 50) -> None:
    """A one-hour transcript (about 9,000 words in turns) against the 50 quotations of a day's coverage."""
    from claims.ingest import Article
    from claims.storage import store as storage
    from claims.storage.db import connect, write
    from claims.transcripts import add
    from claims.verify import store, verify

    rng = random.Random(9)
    vocab = _vocab(rng)
    lines, said = [], []
    n = 0
    while n < words:
        who = rng.choice(["ANN LEE", "ANN LEE", "REPORTER", "RAJ PATEL"])
        sentences = [_utterance(rng, vocab) for _ in range(rng.randint(1, 6))]
        n += sum(len(s) for s in sentences)
        lines.append(f"{who}: " + " ".join(" ".join(s).capitalize() + "." for s in sentences))
        if who == "ANN LEE":
            said.extend(sentences)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "hour.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        db = connect(str(Path(d) / "verify.db"))
        picked = [_variant(rng, rng.choice(said), vocab) for _ in range(quotes - 5)] + [
            _utterance(rng, vocab)
            for _ in range(5)  # fabricated
        ]
        for start in range(0, quotes, 10):
            storage.add_article(db, Article(_article("Ann Lee", picked[start : start + 10]), {"outlet": "Bench"}))
        add(db, str(path))
        checked = db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        t = time.perf_counter()
        results = verify(db)
        with write(db):
            store(db, results)
        took = time.perf_counter() - t
        db.close()
    labels = {
        k: sum(1 for r in results if r["label"] == k) for k in ("exact", "altered", "out_of_context", "not_found")
    }
    print(
        f"verify: {len(results)} of {checked} quotations against a {n:,}-word transcript ({len(lines)} turns) "
        f"in {took * 1000:.0f} ms ({took / max(1, len(results)) * 1000:.1f} ms a quotation; bar: 1 s for 50); {labels}"
    )
