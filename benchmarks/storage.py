"""`claims add` throughput against `claims split` on the same articles."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.corpus import articles
from benchmarks.run import peak_rss_mb


def bench_storage(count: int) -> None:
    from claims.engine import analyze
    from claims.ingest import load
    from claims.render import to_json
    from claims.storage import store
    from claims.storage.db import connect

    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "articles"
        folder.mkdir()
        paths = []
        for n, text in enumerate(articles(count, seed=11)):
            p = folder / f"{n:05d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        # what `claims split FILE --format json` does for each file, in one process
        t = time.perf_counter()
        for p in paths:
            to_json(analyze(load(p).text).to_dict())
        split_s = time.perf_counter() - t
        db = connect(str(Path(d) / "bench.db"))
        claims = 0
        rss_quarter = 0.0
        t = time.perf_counter()
        for n, p in enumerate(paths, 1):
            claims += store.add_article(db, load(p), {"outlet": f"Outlet {n % 7}"}).claims
            if n == count // 4:
                rss_quarter = peak_rss_mb()
        add_s = time.perf_counter() - t
        sources = db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
        db.close()
    print(f"articles: {count}, claims: {claims}, sources: {sources}")
    print(
        f"baseline split (read + engine + JSON, as `claims split --format json`): {count / split_s:,.0f} articles/s ({split_s:.2f} s)"
    )
    print(
        f"add (engine + linking + SQLite, one transaction per article): {count / add_s:,.0f} articles/s, "
        f"{claims / add_s:,.0f} claims/s ({add_s:.2f} s)"
    )
    print(f"ratio: add takes {add_s / split_s:.2f}x the time of split (bar: 3x)")
    print(f"peak memory: {rss_quarter:.0f} MB after {count // 4} articles, {peak_rss_mb():.0f} MB after {count}")
