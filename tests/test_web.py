"""The published site under attack (issue 9, items 7-12): links, sign-in,
sessions, the review log, anonymous SQL and stopping the server."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.serve import make_datasette
from tests.conftest import EXAMPLES

runner = CliRunner()
EVIL = "javascript:alert(document.cookie)"


@pytest.fixture
def site(tmp_path):
    db = tmp_path / "claims.db"
    assert runner.invoke(app, ["add", str(EXAMPLES), "--db", str(db), "--outlet", "Desk"]).exit_code == 0
    assert (
        runner.invoke(app, ["reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse"]).exit_code == 0
    )
    return make_datasette(db), db


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def form(ds, path: str, cookies: dict) -> tuple[str, dict]:
    """A page's CSRF token and the cookies to send back with it."""
    page = await ds.client.get(path, cookies=cookies)
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    return token, {**cookies, "ds_csrftoken": page.cookies.get("ds_csrftoken", "")}


def signed_in(ds, name: str = "alice") -> dict:
    return {"ds_actor": ds.sign({"a": {"id": name}}, "actor")}


# -- item 7: links ------------------------------------------------------------------------------


def test_cli_refuses_links_that_are_not_http(site, tmp_path):
    _, db = site
    r = runner.invoke(
        app, ["review", "1", "--verdict", "false", "--reviewer", "bob", "--evidence", EVIL, "--db", str(db)]
    )
    assert r.exit_code == 1 and "--evidence must be an http:// or https:// URL" in r.stderr
    (tmp_path / "n.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    r = runner.invoke(app, ["add", str(tmp_path / "n.txt"), "--url", EVIL, "--db", str(db)])
    assert r.exit_code == 1 and "--url must be an http:// or https:// URL" in r.stderr
    assert query(db, "SELECT COUNT(*) FROM reviews")[0][0] == 0
    ok = runner.invoke(
        app,
        [
            "review",
            "1",
            "--verdict",
            "false",
            "--reviewer",
            "bob",
            "--evidence",
            "https://e.example/x",
            "--db",
            str(db),
        ],
    )
    assert ok.exit_code == 0, ok.output


async def test_web_and_canned_query_refuse_links_that_are_not_http(site):
    ds, db = site
    token, cookies = await form(ds, "/-/claim/3", signed_in(ds))
    r = await ds.client.post(
        "/-/claim/3", cookies=cookies, data={"verdict": "false", "evidence_url": EVIL, "csrftoken": token}
    )
    assert r.status_code == 302
    token, cookies = await form(ds, "/claims/review_claim", signed_in(ds))
    await ds.client.post(
        "/claims/review_claim",
        cookies=cookies,
        data={"claim_id": "3", "verdict": "false", "evidence_url": " " + EVIL, "note": "", "csrftoken": token},
    )
    assert query(db, "SELECT COUNT(*) FROM reviews")[0][0] == 0
    with pytest.raises(sqlite3.IntegrityError, match="http"):
        query(
            db,
            "INSERT INTO reviews (claim_id, reviewer, verdict, evidence_url, created_at) VALUES (3, 'x', 'true', ?, 'now')",
            (EVIL,),
        )
    with pytest.raises(sqlite3.IntegrityError, match="http"):
        query(db, "UPDATE articles SET url = ? WHERE id = 1", ("data:text/html,<script>alert(1)</script>",))


async def test_links_from_before_the_rule_render_as_text(site):
    """Rows written before migration m004 (or by hand with the triggers dropped) are never links."""
    ds, db = site
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER articles_url_http_update")
    conn.execute("DROP TRIGGER reviews_evidence_http")
    conn.execute("UPDATE articles SET url = ? WHERE id = 1", (EVIL,))
    conn.execute(
        "INSERT INTO reviews (claim_id, reviewer, verdict, evidence_url, created_at) VALUES (1, 'x', 'true', ?, '2026-01-01T00:00:00.000Z')",
        (EVIL,),
    )
    conn.commit()
    conn.close()
    for path in ("/-/article/1", "/-/claim/1"):
        page = (await ds.client.get(path)).text
        assert "javascript:" in page and 'href="javascript:' not in page


# -- item 10: the review log --------------------------------------------------------------------

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


async def test_review_of_a_claim_that_does_not_exist_is_refused(site):
    ds, db = site
    for claim_id in ("999999", "abc", ""):
        token, cookies = await form(ds, "/claims/review_claim", signed_in(ds))
        r = await ds.client.post(
            "/claims/review_claim",
            cookies=cookies,
            data={"claim_id": claim_id, "verdict": "false", "note": "", "evidence_url": "", "csrftoken": token},
        )
        said = ds.unsign(r.cookies["ds_messages"], "messages")
        assert said and "Review saved" not in str(said) and said[-1][1] == ds.ERROR, said
    assert query(db, "SELECT COUNT(*) FROM reviews")[0][0] == 0
    with pytest.raises(sqlite3.IntegrityError, match="no claim has this id"):
        query(db, "INSERT INTO reviews (claim_id, reviewer, verdict, created_at) VALUES (424242, 'x', 'true', 'now')")


async def test_web_and_cli_reviews_share_one_timestamp_format(site):
    ds, db = site
    assert runner.invoke(app, ["review", "3", "--verdict", "true", "--reviewer", "bob", "--db", str(db)]).exit_code == 0
    token, cookies = await form(ds, "/-/claim/3", signed_in(ds))
    await ds.client.post("/-/claim/3", cookies=cookies, data={"verdict": "false", "csrftoken": token})
    token, cookies = await form(ds, "/claims/review_claim", signed_in(ds))
    await ds.client.post(
        "/claims/review_claim",
        cookies=cookies,
        data={"claim_id": "3", "verdict": "misleading", "note": "", "evidence_url": "", "csrftoken": token},
    )
    stamps = query(db, "SELECT created_at, verdict FROM reviews ORDER BY id")
    assert [v for _, v in stamps] == ["true", "false", "misleading"]
    assert all(STAMP.fullmatch(s) for s, _ in stamps), stamps
    assert [s for s, _ in stamps] == sorted(s for s, _ in stamps)  # history order is the order of writing
    assert query(db, "SELECT verdict FROM claims WHERE id = 3")[0][0] == "misleading"


def test_old_review_times_are_brought_to_one_format(tmp_path):
    from claims import schema
    from claims.db import connect

    db = connect(str(tmp_path / "c.db"))
    db.execute("INSERT INTO claims (text, type) VALUES ('x', 'reported_fact')")
    for stamp in ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00.123456Z"):
        db.execute("INSERT INTO reviews (claim_id, reviewer, verdict, created_at) VALUES (1, 'a', 'true', ?)", [stamp])
    db.execute("DROP TRIGGER reviews_claim_exists")
    schema.m005_review_log_integrity(db)
    assert [r[0] for r in db.execute("SELECT created_at FROM reviews ORDER BY id")] == [
        "2026-01-01T10:00:00.000Z",
        "2026-01-01T10:00:00.123Z",
    ]
