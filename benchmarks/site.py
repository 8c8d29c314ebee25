"""Datasette at scale: a generated database of 1,000,000+ claims, measured
through Datasette's own client (table page with facets, full-text search,
every audit). Bar: each answers in under 1 second."""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from pathlib import Path

WORDS = (
    "water plant inspection mayor council budget tariff senate court ruling hospital police election "
    "vaccine school bridge flood drought refinery strike union pension housing rent transit airport "
    "minister treaty border refugee ceasefire sanctions inflation wages jobs factory"
).split()
TYPES = ["reported_fact"] * 55 + ["official_quote"] * 35 + ["editorial_assertion"] * 10
KINDS = ["person"] * 60 + ["organization"] * 25 + ["anonymous"] * 10 + ["media"] * 3 + ["document"] * 2
VERDICTS = ["true", "mostly_true", "half_true", "misleading", "mostly_false", "false", "unverifiable"]


def build(path: Path, claims: int, per_article: int = 20, seed: int = 3) -> None:
    from claims.storage.db import connect, write

    rng = random.Random(seed)
    db = connect(str(path))
    articles = claims // per_article
    n_sources = max(100, claims // 50)
    when = "2026-11-01T00:00:00Z"
    with write(db):
        kinds = [rng.choice(KINDS) for _ in range(n_sources + 1)]
        db.conn.executemany(
            "INSERT INTO sources (id, name, kind, created_at) VALUES (?, ?, ?, ?)",
            [(i, f"Source {i} {rng.choice(WORDS).title()}", kinds[i], when) for i in range(1, n_sources + 1)],
        )
        db.conn.executemany(
            "INSERT INTO source_aliases (source_id, alias, alias_key, first_word, last_word) VALUES (?, ?, ?, ?, ?)",
            [(i, f"Source {i}", f"source {i}", "source", str(i)) for i in range(1, n_sources + 1)],
        )
        db.conn.executemany(
            "INSERT INTO articles (id, title, outlet, published, added_at, text, content_hash, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} story {i}",
                    f"Outlet {i % 40}",
                    f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    when,
                    "Article text " + " ".join(rng.choices(WORDS, k=30)),
                    f"hash{i}",
                    30,
                )
                for i in range(1, articles + 1)
            ],
        )
        batch = []
        cid = 0
        for a in range(1, articles + 1):
            for seq in range(1, per_article + 1):
                cid += 1
                ctype = rng.choice(TYPES)
                src = rng.randint(1, n_sources) if ctype == "official_quote" or rng.random() < 0.2 else None
                text = " ".join(rng.choices(WORDS, k=12)) + "."
                batch.append(
                    (
                        cid,
                        a,
                        seq,
                        seq // 4,
                        seq * 80,
                        seq * 80 + len(text),
                        text,
                        ctype,
                        round(rng.random(), 2),
                        '["generated"]',
                        src,
                        kinds[src] if src else None,
                        f"Outlet {a % 40}",
                        int(ctype == "official_quote"),
                        when,
                    )
                )
            if len(batch) >= 50_000:
                _claims(db, batch)
                batch = []
        _claims(db, batch)
        db.conn.executemany(
            "INSERT INTO reviews (claim_id, reviewer, verdict, created_at) VALUES (?, ?, ?, ?)",
            [
                (
                    rng.randint(1, cid),
                    f"reviewer{rng.randint(1, 9)}",
                    rng.choice(VERDICTS),
                    f"2026-11-{1 + k % 28:02d}T00:00:{k % 60:02d}Z",
                )
                for k in range(max(1000, claims // 50))
            ],
        )
        # the desk's work: assignments, corrections (engine original kept), notes, superseded versions
        db.execute("UPDATE claims SET assignee = 'reviewer' || (id % 9 + 1), status = 'in_progress' WHERE id % 500 = 0")
        db.execute(
            "UPDATE claims SET engine_type = type, engine_source_id = source_id, type = 'reported_fact' "
            "WHERE id % 997 = 0 AND type != 'reported_fact'"
        )
        db.conn.executemany(
            "INSERT INTO corrections (claim_id, field, before, after, reviewer, created_at) VALUES (?, 'type', ?, ?, ?, ?)",
            [
                (r[0], r[1], "reported_fact", "reviewer1", when)
                for r in db.execute("SELECT id, engine_type FROM claims WHERE engine_type IS NOT NULL").fetchall()
            ],
        )
        db.conn.executemany(
            "INSERT INTO notes (claim_id, reviewer, text, created_at) VALUES (?, 'reviewer2', 'checked the filing', ?)",
            [(k, when) for k in range(1, cid, 1000)],
        )
        db.execute("UPDATE claims SET superseded = 1 WHERE article_id % 50 = 0")
    db.execute("ANALYZE")
    db.close()
    from claims.storage.reviewers import accounts_path, add

    add(accounts_path(path), "reviewer1", "bench-password")


def _claims(db, batch) -> None:
    db.conn.executemany(
        """INSERT INTO claims (id, article_id, seq, paragraph, start, "end", text, type, confidence, rationale,
           source_id, source_kind, outlet, direct, origin, status, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'auto', 'unstarted', ?)""",
        batch,
    )


async def measure(path: Path) -> list[tuple[str, float, int]]:
    from claims.web.serve import make_datasette
    from claims.web.site import AUDITS

    ds = make_datasette(path)
    name = path.stem
    me = {"ds_actor": ds.sign({"a": {"id": "reviewer1"}}, "actor")}
    urls = [
        ("claims table page with facets (type, source kind, outlet, status, verdict)", f"/{name}/claims"),
        ("claims table page, JSON with facets", f"/{name}/claims.json?_extra=facet_results,count"),
        ("full-text search", f"/{name}/claims?_search=refinery+strike"),
        ("claims filtered by type and status", f"/{name}/claims?type=editorial_assertion&status=unstarted"),
        ("review queue page (my queue and the unassigned queue)", "/-/queue"),
        ("review queue as JSON", "/-/queue.json"),
        ("claim page as JSON", "/-/claim/500000.json"),
        ("claims_browse view with its facets", f"/{name}/claims_browse?_extra=facet_results"),
        ("corrections table with facets", f"/{name}/corrections"),
        ("notes table with facets", f"/{name}/notes"),
        ("home page (counts, review queue, recent articles)", "/"),
        ("article page with highlights", "/-/article/25000"),
        ("claim page", "/-/claim/500000"),
        ("source page", "/-/source/123"),
        ("claims_browse view", f"/{name}/claims_browse"),
        ("sources_summary view", f"/{name}/sources_summary"),
    ]
    urls += [
        (f"audit: {q['title']}", f"/{name}/{key}?source=Source+17&q=refinery+strike")
        for key, q in AUDITS.items()
        if not q.get("write")
    ]
    data = (await ds.client.get(f"/{name}/claims.json?_extra=facet_results")).json()["facet_results"]
    timed_out = data.get("timed_out", [])
    print(f"facets on the claims table: {sorted(data.get('results', data))}; timed out: {timed_out or 'none'}")
    out = []
    for label, url in urls:
        await ds.client.get(url, cookies=me)  # warm the page cache once, as a running server would be
        t = time.perf_counter()
        r = await ds.client.get(url, cookies=me)
        out.append((label, time.perf_counter() - t, r.status_code))
    return out


def bench_site(claims: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "claims.db"
        t = time.perf_counter()
        build(path, claims)
        print(f"generated {claims:,} claims in {time.perf_counter() - t:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
        worst = 0.0
        for label, seconds, status in asyncio.run(measure(path)):
            worst = max(worst, seconds)
            print(f"{seconds * 1000:7.0f} ms  HTTP {status}  {label}")
        print(f"slowest: {worst * 1000:.0f} ms (bar: 1000 ms)")
