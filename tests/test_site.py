"""The Datasette site through Datasette's own client."""

import json
import re
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.web.serve import make_datasette
from claims.web.site import AUDITS, metadata
from tests.conftest import ARTICLES, EXAMPLES, free_port, wait_for

runner = CliRunner()


@pytest.fixture
def site(tmp_path):
    db = tmp_path / "claims.db"
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "Hack attempt <script>alert(1)</script> reported\n\nThe page had <b>bold</b> text. "
        "“It was <i>fine</i>,” said Ann Lee.\n",
        encoding="utf-8",
    )
    assert (
        runner.invoke(
            app, ["add", str(EXAMPLES), str(ARTICLES), str(evil), "--db", str(db), "--outlet", "Desk"]
        ).exit_code
        == 0
    )
    assert (
        runner.invoke(app, ["reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse"]).exit_code == 0
    )
    return make_datasette(db), db


def test_metadata_file_matches_the_schema():
    with open("metadata.json", encoding="utf-8") as f:
        assert json.load(f) == metadata(), "run: python -m claims.web.site > metadata.json"


async def test_facets_and_descriptions(site):
    ds, _ = site
    data = (await ds.client.get("/claims/claims.json?_extra=facet_results")).json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    page = (await ds.client.get("/claims/claims")).text
    assert "One row per claim" in page
    assert {"type", "source_kind", "outlet", "status", "verdict"} <= set(facets)  # the default facets
    kinds = {r["value"] for r in facets["source_kind"]["results"]}
    assert {"person", "organization"} <= kinds


async def test_search_facets_count_what_the_search_matched(site):
    """On a search, the six facets come from one grouped query: each count
    must still equal the number of matching claims with that value, and a
    value's link must narrow the search to it."""
    ds, db = site
    import sqlite3

    conn = sqlite3.connect(db)
    matched = "rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'said')"
    data = (await ds.client.get("/claims/claims.json?_search=said&_extra=facet_results")).json()
    facets = data["facet_results"].get("results", data["facet_results"])
    assert {"type", "source_kind", "outlet", "status", "verdict", "assignee"} <= set(facets)
    for column in ("type", "source_kind", "outlet", "status"):
        expected = dict(
            conn.execute(
                f"SELECT {column}, COUNT(*) FROM claims WHERE {matched} AND {column} IS NOT NULL GROUP BY 1"
            ).fetchall()
        )
        assert expected, column
        assert {r["value"]: r["count"] for r in facets[column]["results"]} == expected
        assert facets[column]["type"] == "column" and not facets[column]["hideable"]
    quote = next(r for r in facets["type"]["results"] if r["value"] == "official_quote")
    assert "_search=said" in quote["toggle_url"] and "type=official_quote" in quote["toggle_url"]
    link = urlsplit(quote["toggle_url"])
    narrowed = (await ds.client.get(f"{link.path}?{link.query}")).json()
    assert narrowed["rows"] and all(r[7] == "official_quote" for r in narrowed["rows"])
    conn.close()


async def test_every_audit_runs_on_a_populated_database(site):
    ds, _ = site
    for name, q in AUDITS.items():
        if q.get("write"):
            continue
        r = await ds.client.get(f"/claims/{name}.json?source=Ruiz&_shape=objects")
        assert r.status_code == 200, (name, r.text[:300])
        assert "rows" in r.json()
    rows = (await ds.client.get("/claims/claims_by_source.json?source=Angela+Ruiz&_shape=objects")).json()["rows"]
    assert rows and all(r["source"] == "Angela Ruiz" for r in rows)
    injected = await ds.client.get("/claims/claims_by_source.json?source=x'%20OR%201=1--&_shape=objects")
    assert injected.status_code == 200 and injected.json()["rows"] == []  # bound, not pasted


async def _form(ds, path, cookies):
    page = await ds.client.get(path, cookies=cookies)
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    return page, token, {**cookies, "ds_csrftoken": page.cookies.get("ds_csrftoken", "")}


async def test_anonymous_cannot_write_and_signed_in_review_is_stored(site):
    ds, db = site
    assert (await ds.client.get("/claims/review_claim")).status_code == 403
    assert (await ds.client.post("/claims/review_claim", data={"claim_id": "3", "verdict": "false"})).status_code == 403
    signed = {"ds_actor": ds.sign({"a": {"id": "alice"}}, "actor")}
    _, token, cookies = await _form(ds, "/-/claim/3", signed)
    r = await ds.client.post(
        "/claims/review_claim",
        cookies=cookies,
        data={
            "claim_id": "3",
            "verdict": "misleading",
            "note": "missing context",
            "evidence_url": "https://example.org/e",
            "csrftoken": token,
        },
    )
    assert r.status_code in (200, 302), r.text[:300]
    reviews = (await ds.client.get("/claims/reviews.json?_shape=objects")).json()["rows"]
    assert [(x["claim_id"], x["reviewer"], x["verdict"]) for x in reviews] == [(3, "alice", "misleading")]
    claim = (await ds.client.get("/claims/claims/3.json?_shape=objects")).json()["rows"][0]
    assert claim["verdict"] == "misleading" and claim["status"] == "done"
    assert "misleading" in (await ds.client.get("/-/claim/3")).text
    # the claim page's own form runs the same canned query and comes back to the claim
    _, token, cookies = await _form(ds, "/-/claim/3", signed)
    r = await ds.client.post("/-/claim/3", cookies=cookies, data={"verdict": "false", "csrftoken": token})
    assert r.status_code == 302 and r.headers["location"] == "/-/claim/3"
    history = (await ds.client.get("/claims/reviews.json?_shape=objects&_sort=id")).json()["rows"]
    assert [(x["reviewer"], x["verdict"]) for x in history] == [("alice", "misleading"), ("alice", "false")]
    _, token, cookies = await _form(ds, "/-/signin", {})  # the anonymous claim page shows no form
    anon = await ds.client.post("/-/claim/3", cookies=cookies, data={"verdict": "true", "csrftoken": token})
    assert anon.status_code == 403


async def test_sign_in_checks_the_hashed_password(site):
    ds, db = site
    _, token, cookies = await _form(ds, "/-/signin", {})
    bad = await ds.client.post(
        "/-/signin", cookies=cookies, data={"username": "alice", "password": "nope", "csrftoken": token}
    )
    assert bad.status_code == 401 and "ds_actor" not in bad.cookies
    good = await ds.client.post(
        "/-/signin",
        cookies=cookies,
        data={"username": "alice", "password": "correct-horse", "csrftoken": token, "next": "/"},
    )
    assert good.status_code == 302 and ds.unsign(good.cookies["ds_actor"], "actor")["a"] == {"id": "alice"}
    accounts = (db.parent / "claims-reviewers.json").read_text()
    assert "correct-horse" not in accounts and "pbkdf2_sha256" in accounts


async def test_article_page_highlights_and_escapes(site):
    ds, _ = site
    arts = (await ds.client.get("/claims/articles.json?_shape=objects&_col=title")).json()["rows"]
    evil = next(a for a in arts if "Hack attempt" in (a["title"] or ""))
    page = (await ds.client.get(f"/-/article/{evil['id']}")).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    example = next(a for a in arts if "Riverton" in (a["title"] or ""))
    page = (await ds.client.get(f"/-/article/{example['id']}")).text
    for kind in ("reported_fact", "official_quote", "editorial_assertion"):
        assert f'class="claim claim-{kind}' in page
    assert "— Angela Ruiz" in page  # speaker named beside the quote
    assert '<mark class="speaker-words" title="source: Angela Ruiz">' in page  # her words in the sentence marked
    assert '<span class="cue-words">said</span>' in page or '<span class="cue-words">says</span>' in page


async def test_claim_and_source_pages(site):
    ds, _ = site
    ruiz = (await ds.client.get("/claims/sources.json?name=Angela+Ruiz&_shape=objects")).json()["rows"][0]
    page = (await ds.client.get(f"/-/source/{ruiz['id']}")).text
    assert "Angela Ruiz" in page and "Official quote" in page and "claims in 1 articles" in page
    claim = (await ds.client.get(f"/claims/claims.json?source_id={ruiz['id']}&_shape=objects")).json()["rows"][0]
    page = (await ds.client.get(f"/-/claim/{claim['id']}")).text
    assert (
        "Official quote" in page and "Angela Ruiz" in page and "In context" in page and "Sign in as a reviewer" in page
    )


def test_cli_review_appends_history(site):
    _, db = site
    assert runner.invoke(app, ["reviewers", "add", "bob", "--db", str(db), "--password", "pass-word-2"]).exit_code == 0
    for verdict in ("true", "false"):
        r = runner.invoke(app, ["review", "2", "--verdict", verdict, "--reviewer", "bob", "--db", str(db)])
        assert r.exit_code == 0, r.output
    bad = runner.invoke(app, ["review", "2", "--verdict", "maybe", "--reviewer", "bob", "--db", str(db)])
    assert bad.exit_code == 1 and "verdict must be one of" in bad.stderr
    listed = json.loads(runner.invoke(app, ["list", "--verdict", "false", "--db", str(db), "--format", "json"]).stdout)
    assert [c["id"] for c in listed] == [2]


OLD_WAY = [
    "--plugins-dir",
    "claims/web/datasette/plugins",
    "--template-dir",
    "claims/web/datasette/templates",
    "--static",
    "assets:claims/web/datasette/static",
]


@pytest.mark.parametrize("extra", [[], OLD_WAY], ids=["entry-point", "plugins-dir"])
def test_plain_datasette_command_line_gives_the_same_site(tmp_path, extra):
    """The README's `datasette db/claims.db -m metadata.json ...` line (the plugin is an entry point), and the
    older --plugins-dir line, which must not load the plugin twice."""
    import subprocess
    import sys
    import urllib.request
    from pathlib import Path

    db = tmp_path / "claims.db"
    assert runner.invoke(app, ["add", str(EXAMPLES), "--db", str(db)]).exit_code == 0
    readme = Path("README.md").read_text(encoding="utf-8")
    line = re.search(r"datasette db/claims\.db (.*?)\n```", readme, re.S).group(1).replace("\\\n", " ")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), *line.split(), *extra, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/-/versions.json")
        page = urllib.request.urlopen(base + "/-/article/1", timeout=5).read().decode()
        assert 'class="claim claim-official_quote' in page
        queries = json.loads(urllib.request.urlopen(base + "/claims.json", timeout=5).read())["queries"]
        assert {q["name"] for q in queries} >= {k for k, v in AUDITS.items() if not v.get("write")}
        css = urllib.request.urlopen(base + "/-/static-plugins/claims/claims.css", timeout=5).read().decode()
        assert ".claim-editorial_assertion" in css and "/-/static-plugins/claims/claims.css" in page
        assert page.count("Reviewer sign-in") == 1  # the menu link: hooks registered once
        plugins = json.loads(urllib.request.urlopen(base + "/-/plugins.json", timeout=5).read())
        assert [p["name"] for p in plugins].count("claims") == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def test_home_page_leads_to_articles_audits_and_search(site):
    ds, _ = site
    page = (await ds.client.get("/")).text
    assert "Recent articles" in page and 'href="/-/article/1"' in page
    for q in AUDITS.values():
        if not q.get("write"):
            assert q["title"] in page
    assert 'action="/claims/claims"' in page and 'name="_search"' in page
    results = (await ds.client.get("/claims/claims.json?_search=inspections&_shape=objects")).json()["rows"]
    assert results and all("inspection" in r["text"].lower() for r in results)
