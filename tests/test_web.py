"""The published site under attack (issue 9, items 7-12): links, sign-in,
sessions, the review log, anonymous SQL and stopping the server."""

from __future__ import annotations

import asyncio
import glob
import hashlib
import json
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.storage.db import connect
from claims.web.serve import make_datasette
from tests.conftest import EXAMPLES, free_port, wait_for

runner = CliRunner()
EVIL = "javascript:alert(document.cookie)"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 1000)  # fast hashes; the real count has its own test
    db = tmp_path / "claims.db"
    assert runner.invoke(app, ["add", str(EXAMPLES), "--db", str(db), "--outlet", "Desk"]).exit_code == 0
    assert (
        runner.invoke(app, ["reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse"]).exit_code == 0
    )
    assert runner.invoke(app, ["reviewers", "add", "bob", "--db", str(db), "--password", "battery-staple"]).exit_code == 0
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
    from claims.storage import schema
    from claims.storage.db import connect

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


# -- item 8: sign-in ----------------------------------------------------------------------------


async def sign_in(ds, name: str = "alice", password: str = "correct-horse", next_path: str = "/", cookies=None):
    token, cookies = await form(ds, "/-/signin", cookies or {})
    return await ds.client.post(
        "/-/signin",
        cookies=cookies,
        data={"username": name, "password": password, "csrftoken": token, "next": next_path},
    )


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example/x", "javascript:alert(1)", "http:/evil"]
)
async def test_sign_in_never_follows_another_site(site, target):
    ds, _ = site
    r = await sign_in(ds, next_path=target)
    assert r.status_code == 302 and r.headers["location"] == "/"
    page = await ds.client.get("/-/signin", params={"next": target})
    assert "evil" not in page.text and "javascript:" not in page.text


async def test_sign_in_follows_a_path_on_this_site(site):
    ds, _ = site
    r = await sign_in(ds, next_path="/-/claim/3?from=queue")
    assert r.status_code == 302 and r.headers["location"] == "/-/claim/3?from=queue"


async def test_login_csrf_is_refused(site):
    """A cross-site form POST carries no cookies and no token; Datasette's own CSRF check lets that through."""
    ds, _ = site
    r = await ds.client.post("/-/signin", data={"username": "alice", "password": "correct-horse"})
    assert r.status_code == 403 and "ds_actor" not in r.cookies
    token, cookies = await form(ds, "/-/signin", {})
    r = await ds.client.post(
        "/-/signin", cookies=cookies, data={"username": "alice", "password": "correct-horse", "csrftoken": token + "x"}
    )
    assert r.status_code == 403 and "ds_actor" not in r.cookies


async def test_wrong_passwords_are_rate_limited_per_name(site):
    ds, _ = site
    codes = [(await sign_in(ds, password=f"guess-{n}")).status_code for n in range(8)]
    assert codes == [401] * 5 + [429] * 3
    blocked = await sign_in(ds)  # even the right password waits out the window
    assert blocked.status_code == 429 and "ds_actor" not in blocked.cookies and "try again in" in blocked.text


async def test_sign_ins_are_rate_limited_per_client(site, monkeypatch):
    ds, _ = site
    monkeypatch.setenv("CLAIMS_SIGNIN_MAX_PER_CLIENT", "3")
    codes = [(await sign_in(ds, name=f"user{n}", password="x")).status_code for n in range(5)]
    assert codes == [401, 401, 401, 429, 429]


def test_unknown_names_cost_one_full_hash(tmp_path, monkeypatch):
    """No timing difference between a known and an unknown name: both run PBKDF2 at the current count."""
    from claims.storage import reviewers

    monkeypatch.setattr(reviewers, "ITERATIONS", 200_000)
    path = tmp_path / "claims-reviewers.json"
    reviewers.add(path, "alice", "correct-horse")
    reviewers._dummy_hash(200_000)  # made once per process, before the spy
    calls = []
    real = hashlib.pbkdf2_hmac
    monkeypatch.setattr(reviewers.hashlib, "pbkdf2_hmac", lambda *a: calls.append(a[3]) or real(*a))

    for name in ("alice", "mallory", "alice", "mallory"):
        assert not reviewers.check(path, name, "wrong-password")
    assert calls == [200_000] * 4  # the same work for a known and an unknown name


def test_pbkdf2_uses_owasps_count():
    from claims.storage import reviewers

    assert reviewers.ITERATIONS == 600_000
    assert reviewers.hash_password("correct-horse").startswith("pbkdf2_sha256$600000$")


async def test_an_old_hash_is_upgraded_on_sign_in(site, monkeypatch):
    ds, db = site
    accounts = db.parent / "claims-reviewers.json"
    assert "$1000$" in accounts.read_text()
    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 2000)
    assert (await sign_in(ds)).status_code == 302
    stored = json.loads(accounts.read_text())["alice"]
    assert stored.startswith("pbkdf2_sha256$2000$")
    assert (await sign_in(ds)).status_code == 302  # and the new hash still signs in


async def test_hashing_does_not_hold_the_event_loop(site, monkeypatch):
    """PBKDF2 runs in a worker thread, never on the thread serving the pages."""
    import threading

    from claims.storage import reviewers

    ds, _ = site
    threads = []
    real = hashlib.pbkdf2_hmac
    monkeypatch.setattr(
        reviewers.hashlib, "pbkdf2_hmac", lambda *a: threads.append(threading.current_thread()) or real(*a)
    )
    codes = await asyncio.gather(*(sign_in(ds, name=f"u{n}", password="x") for n in range(4)))
    assert [c.status_code for c in codes] == [401] * 4
    assert threads and threading.main_thread() not in threads


async def test_sign_out_is_a_post_with_the_token(site):
    ds, _ = site
    cookies = signed_in(ds)
    got = await ds.client.get("/-/signout", cookies=cookies)
    assert got.status_code == 200 and "ds_actor" not in got.cookies and 'method="post"' in got.text
    token, cookies = await form(ds, "/-/signout", cookies)
    out = await ds.client.post("/-/signout", cookies=cookies, data={"csrftoken": token})
    assert out.status_code == 302 and 'ds_actor=""' in out.headers["set-cookie"]


# -- item 9: sessions ---------------------------------------------------------------------------


async def test_the_session_cookie_expires(site, monkeypatch):
    ds, _ = site
    r = await sign_in(ds)
    assert "Max-Age=43200" in r.headers["set-cookie"]  # 12 hours by default
    monkeypatch.setenv("CLAIMS_SESSION_HOURS", str(1 / 3600))  # one second
    cookie = (await sign_in(ds)).cookies["ds_actor"]
    actor = (await ds.client.get("/-/actor.json", cookies={"ds_actor": cookie})).json()["actor"]
    assert actor == {"id": "alice"}
    await asyncio.sleep(2.1)
    assert (await ds.client.get("/-/actor.json", cookies={"ds_actor": cookie})).json()["actor"] is None


async def test_a_removed_reviewer_cannot_write(site):
    ds, db = site
    cookies = signed_in(ds)
    accounts = db.parent / "claims-reviewers.json"
    accounts.write_text(json.dumps({}))  # what `claims reviewers remove alice` leaves
    token, with_token = await form(ds, "/-/claim/3", cookies)
    r = await ds.client.post("/-/claim/3", cookies=with_token, data={"verdict": "false", "csrftoken": token})
    assert r.status_code == 403
    r = await ds.client.post(
        "/claims/review_claim",
        cookies=with_token,
        data={"claim_id": "3", "verdict": "false", "note": "", "evidence_url": "", "csrftoken": token},
    )
    assert r.status_code == 403
    assert query(db, "SELECT COUNT(*) FROM reviews")[0][0] == 0


# -- item 11: anonymous SQL ---------------------------------------------------------------------

SLOW = "select count(*) from (with recursive c(x) as (select 1 union all select x + 1 from c where x < 300000000) select x from c)"


async def test_typed_sql_has_a_shorter_time_limit_than_pages(site):
    ds, _ = site
    from claims.web.datasette import hooks as claims_site

    assert ds.setting("sql_time_limit_ms") > claims_site.ARBITRARY_SQL_TIME_LIMIT_MS  # pages and audits keep more
    for extra in ({}, {"_timelimit": "60000"}):  # asking for more does not get more
        r = await ds.client.get("/claims.json", params={"sql": SLOW, **extra})
        assert r.status_code == 400 and "too long" in r.text.lower(), r.text[:300]
    quick = await ds.client.get("/claims.json", params={"sql": "select 1 as one", "_shape": "array"})
    assert quick.json() == [{"one": 1}]


async def test_typed_sql_cannot_take_a_gigabyte(site):
    ds, _ = site
    r = await ds.client.get("/claims.json", params={"sql": "select length(randomblob(900000000)) as n"})
    assert r.status_code == 400 and "too big" in r.text, r.text[:300]


async def test_no_absolute_paths_are_published(site):
    ds, db = site
    for path in ("/-/databases.json", "/-/databases", "/-/metadata.json", "/-/plugins.json", "/-/settings.json"):
        r = await ds.client.get(path)
        assert r.status_code == 200 and str(db.parent) not in r.text and "site-packages" not in r.text, path
    assert (await ds.client.get("/-/databases.json")).json()[0]["name"] == "claims"


@pytest.mark.parametrize(
    "host, warned", [("0.0.0.0", True), ("::", True), ("192.0.2.7", True), ("127.0.0.1", False), ("localhost", False)]
)
def test_a_public_host_warns(tmp_path, monkeypatch, host, warned):
    served = []
    monkeypatch.setattr("claims.web.serve.run", lambda *a: served.append(a))
    monkeypatch.setattr("claims.web.serve.check_port", lambda *a: None)  # 192.0.2.7 is not this machine's
    connect(str(tmp_path / "c.db")).close()
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "c.db"), "--host", host])
    assert r.exit_code == 0 and served
    assert ("makes the site public" in r.stderr) is warned


# -- item 12: stopping --------------------------------------------------------------------------


def port_is_free(port: int) -> bool:
    """Nothing listens: a connection is refused and a new server could bind (TIME_WAIT aside, as servers allow)."""
    with socket.socket() as c:
        if c.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def test_sigterm_stops_the_server_and_leaves_nothing_behind(tmp_path):
    db = tmp_path / "claims.db"
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    assert runner.invoke(app, ["add", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    leftovers = set(glob.glob(str(Path(tempfile.gettempdir()) / "claims-serve-*")))
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claims", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
        proc.send_signal(signal.SIGTERM)  # what systemd, Docker and `kill PID` send
        assert proc.wait(timeout=15) in (0, -signal.SIGTERM)  # uvicorn shuts down, then re-raises the signal
        assert port_is_free(port)
        assert set(glob.glob(str(Path(tempfile.gettempdir()) / "claims-serve-*"))) == leftovers
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
