"""`make bench`: throughput and peak memory of the engine and of storage.

Speeds are reported as ratios against baselines measured in the same run on
the same machine: pysbd (a library sentence splitter) for the engine, and
`claims split` itself for `claims add`.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time

from benchmarks.corpus import corpus


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args) -> float:
    gc.collect()
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def _each(fn, texts) -> None:
    for t in texts:
        fn(t)


def bench_engine(min_words: int) -> None:
    from claims.engine import analyze
    from claims.engine.segment import sentences

    texts = corpus(min_words)
    words = sum(len(t.split()) for t in texts)
    analyze(texts[0])
    engine = min(timed(_each, analyze, texts) for _ in range(3))
    segment = min(timed(_each, sentences, texts) for _ in range(3))
    peak = peak_rss_mb()
    print(f"corpus: {len(texts)} articles, {words} words")
    print(f"engine (full pipeline): {words / engine:,.0f} words/s ({engine:.2f} s)")
    print(f"engine segmentation only: {words / segment:,.0f} words/s")
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed: no library baseline")
    else:
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        sample = texts[: max(1, len(texts) // 10)]
        sample_words = sum(len(t.split()) for t in sample)
        base = timed(lambda: [seg.segment(t) for t in sample])
        print(f"baseline pysbd sentence splitting: {sample_words / base:,.0f} words/s (on {sample_words} words)")
        print(f"ratio: full engine is {(words / engine) / (sample_words / base):.1f}x pysbd's segmentation alone")
    print(f"peak memory of the engine run (process RSS, before the baselines load): {peak:.0f} MB")
    bench_linearity(texts)
    bench_spacy_anchor(texts, words / engine)


def bench_linearity(texts: list[str]) -> None:
    """Cost per word of one 100,000-word document against one of 10,000 words:
    a stage that rescans the text per mention makes the first grow."""
    from claims.engine import analyze

    def doc(n: int) -> str:
        out, k = [], 0
        while sum(len(t.split()) for t in out) < n:
            out.append(texts[k % len(texts)])
            k += 1
        return "\n\n".join(out)

    small, big = doc(10_000), doc(100_000)
    per_small = min(timed(analyze, small) for _ in range(3)) / len(small.split())
    per_big = min(timed(analyze, big) for _ in range(2)) / len(big.split())
    print(f"length: one {len(big.split()):,}-word document costs {per_big / per_small:.2f}x per word "
          f"what one of {len(small.split()):,} words does (bar: 1.5x)")


def bench_spacy_anchor(texts: list[str], engine_wps: float) -> None:
    """The spaCy anchor in the same run. A textacy quotation pipeline needs a
    trained spaCy model, which PyPI does not carry and this machine cannot
    download, so the anchor is spaCy's own rule-based floor: the English
    tokenizer and sentencizer of `spacy.blank("en")`. Any parsed pipeline
    (what textacy's `direct_quotations` needs) is slower, so the true ratio is higher."""
    try:
        import spacy
    except ImportError:
        print("spaCy not installed (pip install -e '.[bench]'): no spaCy anchor")
        return
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    sample = texts[: max(1, len(texts) // 5)]
    sample_words = sum(len(t.split()) for t in sample)
    list(nlp.pipe(sample[:2]))
    took = min(timed(lambda: list(nlp.pipe(sample))) for _ in range(2))
    anchor = sample_words / took
    print(f"anchor spaCy blank('en') + sentencizer (tokenising only): {anchor:,.0f} words/s")
    print(f"ratio: full engine is {engine_wps / anchor:.1f}x spaCy's tokenizer alone (bar: 30x a spaCy+textacy pipeline)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=150_000, help="engine corpus size in words")
    ap.add_argument("--articles", type=int, default=2000, help="articles for the storage benchmark")
    ap.add_argument("--claims", type=int, default=1_000_000, help="claims in the generated Datasette database")
    ap.add_argument("--quotes", type=int, default=100_000, help="stored quotations for the quote-group benchmark")
    ap.add_argument("--only", choices=["engine", "storage", "site", "quotes"], help="run one benchmark")
    args = ap.parse_args()
    if args.only in (None, "engine"):
        print("== engine")
        bench_engine(args.words)
    if args.only in (None, "storage"):
        from benchmarks.storage import bench_storage

        print("== storage")
        bench_storage(args.articles)
    if args.only in (None, "site"):
        from benchmarks.site import bench_site

        print("== datasette")
        bench_site(args.claims)

    if args.only in (None, "quotes"):
        from benchmarks.quotes import bench_quotes, bench_verify

        print("== quote groups")
        bench_quotes(args.quotes)
        print("== quotations against a transcript")
        bench_verify()


if __name__ == "__main__":
    main()
