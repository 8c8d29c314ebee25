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
        while made < total:
            with write(db):
                for _ in range(200):
                    art += 1
                    name = rng.choice(speakers)
                    said = utterances[name]
                    quotes = []
                    for _ in range(PER_ARTICLE):
                        if said and rng.random() < 0.7:
                            quotes.append(_variant(rng, rng.choice(said), vocab))
                        else:
                            said.append(_utterance(rng, vocab))
                            quotes.append(said[-1])
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
                        db.execute(
                            "INSERT INTO quotes (claim_id, article_id, text, source_id) VALUES (?, ?, ?, ?)",
                            [cid, aid, " ".join(q), sids[name]],
                        )
                    quote_groups.group_article(db, aid)
                    made += len(quotes)
        build_s = time.perf_counter() - t
        groups = db.execute("SELECT COUNT(*) FROM quote_groups").fetchone()[0]
        print(
            f"stored quotations: {made:,} by {len(speakers)} sources in {groups:,} groups "
            f"(grouped incrementally at {made / build_s:,.0f} quotations/s)"
        )
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
    print(f"ratio: {ms(big) / ms(base):.2f}x the empty-database add (grouping alone {ms(big_group) / ms(base_group):.1f}x)")
