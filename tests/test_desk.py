"""The review desk (issue 10): correcting the machine, the workflow, carrying
work over to new versions, ClaimReview, and the small things a newcomer hit."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.storage.schema import RATINGS
from claims.web.serve import make_datasette
from tests.conftest import EXAMPLES

runner = CliRunner()
RIVERTON = EXAMPLES / "riverton-water.txt"
URL = "https://ledger.example/riverton"


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 1000)
    db = tmp_path / "claims.db"
    r = cli("add", RIVERTON, "--db", db, "--outlet", "Ledger", "--url", URL)
    assert r.exit_code == 0, r.output
    assert cli("reviewers", "add", "alice", "--db", db, "--password", "correct-horse").exit_code == 0
    assert cli("reviewers", "add", "bob", "--db", db, "--password", "battery-staple").exit_code == 0
    return db


def quote_claim(db: Path) -> dict:
    return rows(db, "SELECT * FROM claims WHERE type = 'official_quote' AND source_id IS NOT NULL ORDER BY id LIMIT 1")[
        0
    ]


def new_version(db: Path, tmp_path: Path, old: str, new: str) -> None:
    text = RIVERTON.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "v2.txt").write_text(text.replace(old, new), encoding="utf-8")
    r = cli("add", tmp_path / "v2.txt", "--db", db, "--url", URL)
    assert r.exit_code == 0 and "1 new versions" in r.stdout, r.output


# -- correcting the machine --------------------------------------------------------------------


def test_fix_records_who_when_field_before_after_and_keeps_the_engine_value(desk):
    c = quote_claim(desk)
    r = cli(
        "fix",
        c["id"],
        "--type",
        "reported_fact",
        "--new-source",
        "Ohio EPA",
        "--kind",
        "organization",
        "--reviewer",
        "alice",
        "--db",
        desk,
    )
    assert r.exit_code == 0, r.output
    got = rows(desk, "SELECT * FROM claims WHERE id = ?", (c["id"],))[0]
    assert (got["type"], got["engine_type"], got["engine_source_id"]) == (
        "reported_fact",
        "official_quote",
        c["source_id"],
    )
    new_src = rows(desk, "SELECT * FROM sources WHERE id = ?", (got["source_id"],))[0]
    assert (new_src["name"], new_src["kind"], got["source_kind"]) == ("Ohio EPA", "organization", "organization")
    log = rows(desk, "SELECT field, before, after, reviewer, created_at FROM corrections ORDER BY id")
    assert [(x["field"], x["before"], x["after"], x["reviewer"]) for x in log] == [
        ("type", "official_quote", "reported_fact", "alice"),
        ("source", str(c["source_id"]), str(got["source_id"]), "alice"),
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", x["created_at"]) for x in log)


def test_the_cli_reviewer_must_exist(desk):
    c = quote_claim(desk)
    for args in (
        ("fix", c["id"], "--type", "reported_fact"),
        ("review", c["id"], "--verdict", "false"),
        ("note", c["id"], "hello"),
        ("sources", "kind", c["source_id"], "organization"),
    ):
        r = cli(*args, "--reviewer", "alcie", "--db", desk)
        assert r.exit_code == 1 and "no reviewer named 'alcie'" in r.stderr and "Traceback" not in r.output, args
    assert rows(desk, "SELECT COUNT(*) AS n FROM corrections")[0]["n"] == 0


def test_sources_kind_corrects_kind_and_title(desk):
    c = quote_claim(desk)
    r = cli("sources", "kind", c["source_id"], "organization", "--title", "Utility", "--reviewer", "bob", "--db", desk)
    assert r.exit_code == 0, r.output
    src = rows(desk, "SELECT * FROM sources WHERE id = ?", (c["source_id"],))[0]
    assert (src["kind"], src["title"], src["locked"]) == ("organization", "Utility", 1)
    assert rows(desk, "SELECT source_kind FROM claims WHERE id = ?", (c["id"],))[0]["source_kind"] == "organization"
    assert [x["field"] for x in rows(desk, "SELECT field FROM corrections WHERE source_id = ?", (c["source_id"],))] == [
        "kind",
        "title",
    ]
    assert cli("sources", "kind", c["source_id"], "martian", "--reviewer", "bob", "--db", desk).exit_code == 1


def test_precision_as_the_desk_saw_it(desk):
    c = quote_claim(desk)
    other = rows(desk, "SELECT id FROM claims WHERE type = 'official_quote' AND id != ? LIMIT 1", (c["id"],))[0]["id"]
    cli("fix", c["id"], "--type", "editorial_assertion", "--reviewer", "alice", "--db", desk)
    cli("review", other, "--verdict", "true", "--reviewer", "alice", "--db", desk)
    r = cli("precision", "--db", desk, "--format", "json")
    assert r.exit_code == 0, r.output
    quotes = next(x for x in json.loads(r.stdout)["claims"] if x["engine_type"] == "official_quote")
    assert (quotes["checked"], quotes["type_corrected"], quotes["type_precision"]) == (2, 1, 0.5)
    assert quotes["source_corrected"] == 0 and quotes["source_precision"] == 1.0


def test_export_gold_is_read_by_claims_eval(desk, tmp_path):
    c = quote_claim(desk)
    cli("fix", c["id"], "--type", "reported_fact", "--reviewer", "alice", "--db", desk)
    r = cli("export", "gold", tmp_path / "gold", "--db", desk)
    assert r.exit_code == 0 and "1 gold files" in r.stdout, r.output
    (gold_file,) = (tmp_path / "gold").glob("*.json")
    doc = json.loads(gold_file.read_text(encoding="utf-8"))
    assert set(doc) == {"id", "title", "outlet", "url", "text", "claims"} and doc["outlet"] == "Ledger"
    keys = {"text", "type", "also", "source", "source_ok", "source_kind", "title", "mention", "cue", "via", "direct"}
    assert all(set(x) == keys for x in doc["claims"])
    assert next(x for x in doc["claims"] if x["text"] == c["text"])["type"] == "reported_fact"
    scored = cli("eval", gold_file, "--format", "json")
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["claims"]["gold"] == len(doc["claims"])


# -- corrections and desk work last across versions --------------------------------------------


def test_corrections_verdicts_notes_assignments_carry_over_to_a_new_version(desk, tmp_path):
    c = quote_claim(desk)
    ruiz = c["source_id"]
    claims = rows(desk, "SELECT * FROM claims WHERE article_id = 1 ORDER BY seq")
    target = claims[0]  # the headline, to be lightly edited in the new version
    cli("fix", target["id"], "--type", "editorial_assertion", "--source", ruiz, "--reviewer", "alice", "--db", desk)
    cli("review", target["id"], "--verdict", "misleading", "--reviewer", "alice", "--db", desk)
    cli("note", target["id"], "Headline overstates it", "--reviewer", "bob", "--db", desk)
    cli("assign", c["id"], "bob", "--db", desk)
    assert cli("add", RIVERTON, "--db", desk, "--url", URL).stdout.count("skipped as already present") == 1
    new_version(desk, tmp_path, "failed safety checks for months", "failed safety checks for many months")
    new = {r["carried_from"]: r for r in rows(desk, "SELECT * FROM claims WHERE article_id = 2")}
    moved = new[target["id"]]  # matched by rapidfuzz, not by equal text
    assert moved["text"] != target["text"]
    assert (moved["type"], moved["source_id"], moved["verdict"], moved["status"]) == (
        "editorial_assertion",
        ruiz,
        "misleading",
        "done",
    )
    assert moved["engine_type"] == "reported_fact"  # the new engine run's own value stays visible
    assert [x["text"] for x in rows(desk, "SELECT text FROM notes WHERE claim_id = ?", (moved["id"],))] == [
        "Headline overstates it"
    ]
    assert rows(desk, "SELECT COUNT(*) AS n FROM corrections WHERE claim_id = ?", (moved["id"],))[0]["n"] == 2
    assert (new[c["id"]]["assignee"], new[c["id"]]["status"]) == ("bob", "in_progress")
    assert rows(desk, "SELECT outlet FROM articles WHERE id = 2")[0]["outlet"] == "Ledger"
    assert {r["superseded"] for r in rows(desk, "SELECT superseded FROM claims WHERE article_id = 1")} == {1}
    q = json.loads(cli("queue", "--db", desk, "--limit", "500", "--format", "json").stdout)
    assert q and {x["article_id"] for x in q} == {2}
    mine = json.loads(cli("queue", "--reviewer", "bob", "--db", desk, "--format", "json").stdout)
    assert [x["id"] for x in mine] == [new[c["id"]]["id"]]


def test_a_rewritten_sentence_starts_over(desk, tmp_path):
    first = rows(desk, "SELECT * FROM claims WHERE article_id = 1 ORDER BY seq LIMIT 1")[0]
    cli("review", first["id"], "--verdict", "false", "--reviewer", "alice", "--db", desk)
    new_version(desk, tmp_path, first["text"], "Inspectors warned Riverton for a year before taps ran brown")
    assert rows(desk, "SELECT COUNT(*) AS n FROM claims WHERE article_id = 2 AND verdict IS NOT NULL")[0]["n"] == 0


def test_review_queue_order(desk):
    q = json.loads(cli("queue", "--db", desk, "--limit", "500", "--format", "json").stdout)
    ranks = [2 if x["type"] == "editorial_assertion" else (1 if x["source"] is None else 0) for x in q]
    assert ranks == sorted(ranks) and ranks[0] == 0 and 2 in ranks


# -- ClaimReview -------------------------------------------------------------------------------


def test_claimreview_export_has_every_required_field(desk, monkeypatch):
    monkeypatch.setenv("CLAIMS_DESK_NAME", "Riverton Fact Desk")
    monkeypatch.setenv("CLAIMS_DESK_URL", "https://desk.example/")
    c = quote_claim(desk)
    unrated = rows(desk, "SELECT id FROM claims WHERE id != ? LIMIT 1", (c["id"],))[0]["id"]
    cli("review", c["id"], "--verdict", "misleading", "--reviewer", "alice", "--db", desk)
    cli("review", unrated, "--verdict", "unverifiable", "--reviewer", "alice", "--db", desk)
    r = cli("export", "claimreview", "--db", desk, "--site-url", "https://claims.example", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    docs = {d["url"]: d for d in map(json.loads, r.stdout.splitlines())}
    assert set(docs) == {f"https://claims.example/-/claim/{c['id']}", f"https://claims.example/-/claim/{unrated}"}
    d = docs[f"https://claims.example/-/claim/{c['id']}"]
    assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
    assert d["claimReviewed"] == c["text"]
    assert d["itemReviewed"]["@type"] == "Claim"
    assert d["itemReviewed"]["author"] == {"@type": "Person", "name": "Angela Ruiz", "jobTitle": "Riverton Mayor"} or (
        d["itemReviewed"]["author"]["@type"] == "Person" and d["itemReviewed"]["author"]["name"]
    )
    app_ = d["itemReviewed"]["appearance"]
    assert app_["url"] == URL and app_["publisher"] == {"@type": "Organization", "name": "Ledger"} and app_["headline"]
    assert d["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2.5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    assert d["author"] == {"@type": "Organization", "name": "Riverton Fact Desk", "url": "https://desk.example/"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", d["datePublished"])
    assert "reviewRating" not in docs[f"https://claims.example/-/claim/{unrated}"]
    later = cli("export", "claimreview", "--db", desk, "--site-url", "https://c.example", "--since", "2999-01-01")
    assert later.exit_code == 0 and json.loads(later.stdout)["@graph"] == []


def test_claimreview_for_no_verdict_has_no_rating_and_ratings_are_distinct():
    from claims.claimreview import claim_review

    doc = claim_review({"id": 1, "text": "x", "verdict": None}, {"name": "Desk"}, "https://c.example/-/claim/1")
    assert "reviewRating" not in doc and doc["author"]["name"] == "Desk"
    rated = [v for v in RATINGS.values() if v is not None]
    assert len(rated) == len(set(rated)) and RATINGS["misleading"] != RATINGS["mostly_false"]


def test_claimreview_needs_a_desk(desk, monkeypatch):
    monkeypatch.delenv("CLAIMS_DESK_NAME", raising=False)
    r = cli("export", "claimreview", "--db", desk, "--site-url", "https://c.example")
    assert r.exit_code == 1 and "CLAIMS_DESK_NAME" in r.stderr


# -- the web desk ------------------------------------------------------------------------------


def signed_in(ds, name: str = "alice") -> dict:
    return {"ds_actor": ds.sign({"a": {"id": name}}, "actor")}


async def token_for(ds, path: str, cookies: dict) -> tuple[str, dict]:
    page = await ds.client.get(path, cookies=cookies)
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    return token, {**cookies, "ds_csrftoken": page.cookies.get("ds_csrftoken", "")}


async def test_anonymous_users_cannot_correct_assign_note_or_review(desk):
    ds = make_datasette(desk)
    c = quote_claim(desk)
    for data in (
        {"action": "correct", "type": "reported_fact"},
        {"action": "assign", "assignee": "alice"},
        {"action": "note", "text": "x"},
        {"action": "review", "verdict": "false"},
    ):
        r = await ds.client.post(f"/-/claim/{c['id']}", data=data)
        assert r.status_code == 403, data
    assert (await ds.client.post(f"/-/source/{c['source_id']}", data={"kind": "media"})).status_code == 403
    # a removed reviewer's cookie is anonymous for writes
    assert cli("reviewers", "remove", "bob", "--db", desk).exit_code == 0
    token, cookies = await token_for(ds, f"/-/claim/{c['id']}", signed_in(ds, "bob"))
    r = await ds.client.post(
        f"/-/claim/{c['id']}", cookies=cookies, data={"action": "note", "text": "x", "csrftoken": token}
    )
    assert r.status_code == 403
    assert rows(desk, "SELECT (SELECT COUNT(*) FROM corrections) + (SELECT COUNT(*) FROM notes) AS n")[0]["n"] == 0
    assert rows(desk, "SELECT assignee, verdict FROM claims WHERE id = ?", (c["id"],))[0] == {
        "assignee": None,
        "verdict": None,
    }


async def test_forms_carry_csrf_tokens_and_refuse_posts_without_them(desk):
    ds = make_datasette(desk)
    c = quote_claim(desk)
    page = (await ds.client.get(f"/-/claim/{c['id']}", cookies=signed_in(ds))).text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    assert len(forms) >= 5 and all('name="csrftoken"' in f for f in forms)
    source_page = (await ds.client.get(f"/-/source/{c['source_id']}", cookies=signed_in(ds))).text
    assert 'class="source-form"' in source_page and 'name="csrftoken"' in source_page
    r = await ds.client.post(f"/-/claim/{c['id']}", cookies=signed_in(ds), data={"action": "note", "text": "x"})
    assert r.status_code == 403


async def test_signed_in_reviewer_corrects_assigns_notes_and_sees_next(desk):
    ds = make_datasette(desk)
    c = quote_claim(desk)
    path = f"/-/claim/{c['id']}"
    page = (await ds.client.get(path, cookies=signed_in(ds))).text
    assert '<option value="" selected disabled>' in page  # no verdict preselected
    assert "Current verdict: <strong>none yet</strong>" in page
    for data in (
        {"action": "correct", "type": c["type"], "source": "", "new_name": "Ohio EPA", "new_kind": "organization"},
        {"action": "assign", "assignee": "alice", "status": "in_progress"},
        {"action": "note", "text": "Called the utility"},
        {"action": "review", "verdict": "half_true"},
    ):
        token, cookies = await token_for(ds, path, signed_in(ds))
        r = await ds.client.post(path, cookies=cookies, data={**data, "csrftoken": token})
        assert r.status_code == 302 and r.headers["location"] == path, (data, r.text[:200])
    got = rows(desk, "SELECT * FROM claims WHERE id = ?", (c["id"],))[0]
    assert (got["assignee"], got["verdict"], got["status"], got["engine_source_id"]) == (
        "alice",
        "half_true",
        "done",
        c["source_id"],
    )
    data = (await ds.client.get(path + ".json")).json()
    assert data["claim"]["id"] == c["id"] and [n["text"] for n in data["notes"]] == ["Called the utility"]
    assert [k["field"] for k in data["corrections"]] == ["source"] and data["next"]["id"] != c["id"]
    page = (await ds.client.get(path, cookies=signed_in(ds))).text
    assert "the engine said" in page and 'class="next-in-queue"' in page and "Ohio EPA" in page
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC", page)  # human timestamps


async def test_claim_page_embeds_the_claimreview(desk, monkeypatch):
    monkeypatch.setenv("CLAIMS_DESK_NAME", "Riverton Fact Desk")
    ds = make_datasette(desk)
    c = quote_claim(desk)
    assert "application/ld+json" not in (await ds.client.get(f"/-/claim/{c['id']}")).text
    cli("review", c["id"], "--verdict", "false", "--reviewer", "alice", "--db", desk)
    page = (await ds.client.get(f"/-/claim/{c['id']}")).text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["@type"] == "ClaimReview" and ld["claimReviewed"] == c["text"]
    assert ld["reviewRating"]["ratingValue"] == 1 and ld["url"].endswith(f"/-/claim/{c['id']}")


async def test_audits_and_tables_link_their_ids(desk):
    ds = make_datasette(desk)
    c = quote_claim(desk)
    cli("review", c["id"], "--verdict", "false", "--reviewer", "alice", "--db", desk)
    cli("review", c["id"], "--verdict", "true", "--reviewer", "alice", "--db", desk)
    for path in ("/claims/awaiting_review", "/claims/unsourced_facts", "/claims/search_claims?q=water"):
        assert re.search(r'<a href="/-/claim/\d+">\d+</a>', (await ds.client.get(path)).text), path
    assert f'<a href="/-/claim/{c["id"]}">' in (await ds.client.get("/claims/verdict_changed")).text
    assert f'<a href="/-/claim/{c["id"]}">' in (await ds.client.get("/claims/reviews")).text
    assert re.search(r'<a href="/-/source/\d+">', (await ds.client.get("/claims/most_quoted_sources")).text)
    assert "<mark>water</mark>" in (await ds.client.get("/claims/search_claims?q=water")).text.lower()


async def test_pages_follow_base_url_and_answer_as_json(desk):
    from datasette.app import Datasette

    from claims.web.serve import SETTINGS, site_metadata

    ds = Datasette([str(desk)], metadata=site_metadata(desk), settings={**SETTINGS, "base_url": "/desk/"})
    c = quote_claim(desk)
    page = (await ds.client.get(f"/-/claim/{c['id']}")).text
    assert f'href="/desk/-/source/{c["source_id"]}"' in page and 'href="/-/' not in page
    assert (await ds.client.get("/-/queue.json")).json()["review_queue"]
    assert (await ds.client.get(f"/-/source/{c['source_id']}.json")).json()["source"]["id"] == c["source_id"]
    assert (await ds.client.get("/-/article/1.json")).json()["article"]["id"] == 1
    assert 'href="/desk/-/static-plugins/claims/claims.css' in page


async def test_also_seen_as_leaves_out_the_sources_own_name_and_context_keeps_whole_words(desk):
    ds = make_datasette(desk)
    c = quote_claim(desk)
    meta = re.search(r'<p class="meta">(.*?)</p>', (await ds.client.get(f"/-/source/{c['source_id']}")).text, re.S)
    name = rows(desk, "SELECT name FROM sources WHERE id = ?", (c["source_id"],))[0]["name"]
    also = meta.group(1).split("also seen as")[-1] if "also seen as" in meta.group(1) else ""
    assert name not in [a.strip() for a in also.split(",")]
    long_claim = rows(desk, "SELECT id FROM claims WHERE start > 400 ORDER BY id LIMIT 1")[0]["id"]
    ctx = (await ds.client.get(f"/-/claim/{long_claim}.json")).json()["context"]
    assert ctx["before"][:1].isspace() is False and not re.match(r"\w", ctx["before"][:0] or " ")
    text = rows(desk, "SELECT text FROM articles WHERE id = 1")[0]["text"]
    start = text.index(ctx["before"] + ctx["claim"])
    assert start == 0 or not text[start - 1].isalnum()
    end = start + len(ctx["before"] + ctx["claim"] + ctx["after"])
    assert end == len(text) or not text[end].isalnum()


async def test_wrong_password_keeps_the_return_address(desk):
    ds = make_datasette(desk)
    page = await ds.client.get("/-/signin?next=/-/claim/3")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    r = await ds.client.post(
        "/-/signin",
        cookies={"ds_csrftoken": page.cookies.get("ds_csrftoken")},
        data={"username": "alice", "password": "wrong", "next": "/-/claim/3", "csrftoken": token},
    )
    assert r.status_code == 401 and 'name="next" value="/-/claim/3"' in r.text


# -- reviewers and newcomer items --------------------------------------------------------------


def test_reviewers_list_remove_password(desk):
    assert cli("reviewers", "list", "--db", desk).stdout.split() == ["alice", "bob"]
    r = runner.invoke(app, ["reviewers", "password", "bob", "--db", str(desk)], input="short\nshort\n")
    assert r.exit_code == 1 and "password rules: at least 8 characters" in r.stderr
    assert r.stderr.index("password rules") < r.stderr.index("error:")
    r = runner.invoke(app, ["reviewers", "password", "bob", "--db", str(desk)], input="long-enough\nlong-enough\n")
    assert r.exit_code == 0, r.output
    from claims.storage.reviewers import accounts_path, check

    assert check(accounts_path(desk), "bob", "long-enough")
    assert cli("reviewers", "password", "zed", "--db", desk, "--password", "long-enough").exit_code == 1
    assert cli("reviewers", "remove", "bob", "--db", desk).exit_code == 0
    assert cli("reviewers", "list", "--db", desk).stdout.split() == ["alice"]
    assert cli("reviewers", "remove", "bob", "--db", desk).exit_code == 1


def test_add_prints_new_ids_and_lists_skipped_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Rain fell on Tuesday, the council said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Snow fell on Friday.\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "blob.bin").write_bytes(b"\x00\x01")
    db = tmp_path / "claims.db"
    r = cli("add", folder, "--db", db)
    assert r.exit_code == 0, r.output
    assert "new article ids: 1-2" in r.stdout
    assert "2 files skipped as not articles" in r.stdout and "photo.png" in r.stdout and "blob.bin" in r.stdout
    again = cli("add", folder / "a.txt", "--db", db)
    assert "already present as: 1" in again.stdout
    listed = json.loads(cli("articles", "--db", db, "--format", "json").stdout)
    assert [a["id"] for a in listed] == [2, 1] and listed[0]["claims"] == 1


def test_list_validates_verdict_and_status(desk):
    for opt in ("--verdict", "--status"):
        r = cli("list", opt, "nonsense", "--db", desk)
        assert r.exit_code == 1 and "must be one of" in r.stderr


def test_serve_refuses_a_missing_database_and_a_port_in_use(desk, tmp_path):
    r = cli("serve", "--db", tmp_path / "typo.db")
    assert r.exit_code == 1 and "no database here" in r.stderr and not (tmp_path / "typo.db").exists()
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        r = cli("serve", "--db", desk, "--port", port)
    assert r.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "serving on" not in r.stderr


def test_split_csv_writes_0_and_1(tmp_path):
    r = cli("split", RIVERTON, "--format", "csv")
    values = {row["direct"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert values <= {"0", "1"} and values
