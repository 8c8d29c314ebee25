"""Faults and hostile inputs (issue 9): every input has a limit, and every
failure while reading one is a one-line error, never a traceback."""

from __future__ import annotations

import gzip
import os
import sqlite3
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.web.serve import make_datasette

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def one_line_error(result, message: str) -> None:
    """The CLI's failure contract: exit 1, one `error:` line naming the problem, no traceback."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_lxml_html_clean_is_a_direct_dependency():
    """pip may resolve lxml without its split-out cleaner, which trafilatura needs for every .html input."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace("-", "_").lower().startswith("lxml_html_clean") for d in deps)
    import lxml_html_clean  # noqa: F401  (installed by the declaration above)


def test_library_failure_while_reading_html_is_one_line(tmp_path, monkeypatch):
    page = tmp_path / "story.html"
    page.write_text("<html><body><article><p>The dam opened on Monday after delays.</p></article></body></html>")

    def broken(*a, **k):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr("trafilatura.bare_extraction", broken)
    one_line_error(runner.invoke(app, ["split", str(page)]), "could not be read as HTML")
    one_line_error(runner.invoke(app, ["add", str(page), "--db", str(tmp_path / "c.db")]), "could not be read as HTML")


def test_unexpected_failure_in_a_batch_keeps_the_summary(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Snow fell on Friday.\n", encoding="utf-8")
    from claims import ingest

    real = ingest.decode

    def flaky(data: bytes, label: str) -> str:
        if label.endswith("b.txt"):
            raise RuntimeError("library bug")
        return real(data, label)

    monkeypatch.setattr("claims.ingest.decode", flaky)
    r = runner.invoke(app, ["add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(tmp_path / "c.db")])
    assert r.exit_code == 1 and "1 articles added" in r.stdout
    one_line_error(r, "unexpected RuntimeError: library bug")


def claims_process(*args: str, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    """`claims` in its own process (for stdin and file descriptors CliRunner cannot fake)."""
    return subprocess.run(
        [sys.executable, "-m", "claims", *args], capture_output=True, text=True, timeout=timeout, **kw
    )


def assert_one_line(proc: subprocess.CompletedProcess, message: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], proc.stderr


# -- item 5: crashes --------------------------------------------------------------------------


def test_closed_stdin_is_one_line(tmp_path):
    """`claims add - <&-`: Python starts with sys.stdin = None."""
    proc = claims_process(
        "add", "-", "--db", str(tmp_path / "c.db"), stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0)
    )
    assert_one_line(proc, "<stdin>: is closed")
    proc = claims_process("split", "-", stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert_one_line(proc, "<stdin>: is closed")


def test_nul_byte_after_the_first_64_kb_is_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Rain fell on Tuesday. " * 4000 + b"\x00" + b"Roads flooded.\n")
    assert path.stat().st_size > 65536
    one_line_error(runner.invoke(app, ["split", str(path)]), "binary")


async def test_claim_page_of_a_hand_added_claim(tmp_path):
    db = tmp_path / "claims.db"
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday. Roads flooded.\n", encoding="utf-8")
    assert runner.invoke(app, ["add", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    for extra in (["--article", "1"], []):
        r = runner.invoke(
            app,
            [
                "add",
                "--claim",
                "The bridge cost $40m",
                "--type",
                "reported_fact",
                "--source",
                "Ann Lee",
                *extra,
                "--db",
                str(db),
            ],
        )
        assert r.exit_code == 0, r.output
    ds = make_datasette(db)
    ids = [r["id"] for r in (await ds.client.get("/claims/claims.json?origin=manual&_shape=objects")).json()["rows"]]
    assert len(ids) == 2
    for claim_id in ids:
        page = await ds.client.get(f"/-/claim/{claim_id}")
        assert page.status_code == 200 and "The bridge cost $40m" in page.text and "Ann Lee" in page.text
    assert "In context" not in (await ds.client.get(f"/-/claim/{ids[0]}")).text


# -- item 1: size, streams and non-regular files ------------------------------------------------


def test_size_cap_by_option_env_var_and_default(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Prices rose again on Monday. " * 10_000)  # 290 KB
    one_line_error(runner.invoke(app, ["split", str(big), "--max-mb", "0.25"]), "larger than the 0.25 MB size limit")
    db = tmp_path / "c.db"
    r = runner.invoke(app, ["add", str(big), "--db", str(db)], env={"CLAIMS_MAX_MB": "0.1"})
    assert r.exit_code == 1 and "0 articles added" in r.stdout and "larger than the 0.1 MB size limit" in r.stderr
    assert runner.invoke(app, ["add", str(big), "--db", str(db), "--max-mb", "1"]).exit_code == 0
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # sparse: 21 MB on paper, refused before a byte is read
        f.truncate(21 * 1024 * 1024)
    one_line_error(runner.invoke(app, ["split", str(huge)]), "larger than the 20 MB size limit")


def test_endless_stdin_stops_at_the_cap():
    with open("/dev/zero", "rb") as zero:
        started = time.monotonic()
        proc = claims_process("split", "-", stdin=zero, env={**os.environ, "CLAIMS_MAX_MB": "2"}, timeout=30)
    assert_one_line(proc, "<stdin>: larger than the 2 MB size limit")
    assert time.monotonic() - started < 20


def test_fifo_and_devices_do_not_block(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody ever writes to it
    assert_one_line(claims_process("split", str(fifo), timeout=30), "is not a regular file")
    assert_one_line(
        claims_process("add", "/dev/zero", "--db", str(tmp_path / "c.db"), timeout=30), "is not a regular file"
    )


# -- item 2: fetching URLs ----------------------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler, threading.Event], None]


@pytest.fixture
def web():
    """An HTTP server on 127.0.0.1 serving the test's routes; stopped however the test ends."""
    routes: dict[str, Route] = {}
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            route = routes.get(self.path)
            try:
                if route is None:
                    self.send_error(404)
                else:
                    route(self, stop)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", routes
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(10)


def _drip(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    for _ in range(1000):
        h.wfile.write(b"a")
        h.wfile.flush()
        if stop.wait(0.2):
            return


def _endless(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")  # no Content-Length: the body runs until the server stops
    h.end_headers()
    chunk = b"Prices rose again on Monday. " * 2000
    while not stop.is_set():
        h.wfile.write(chunk)


def _bomb(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    body = gzip.compress(b"Prices rose. " * (4 * 1024 * 1024), compresslevel=9)  # 52 MB inflated
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def test_fetch_has_a_total_deadline(web, tmp_path):
    base, routes = web
    routes["/drip"] = _drip
    started = time.monotonic()
    r = runner.invoke(app, ["add", base + "/drip", "--db", str(tmp_path / "c.db"), "--fetch-timeout", "1.5"])
    assert time.monotonic() - started < 6
    one_line_error(r, "took longer than 1.5 s")


def test_fetch_stops_at_the_byte_cap(web, tmp_path):
    base, routes = web
    routes["/endless"] = _endless
    routes["/bomb"] = _bomb
    one_line_error(runner.invoke(app, ["split", base + "/endless", "--max-mb", "1"]), "larger than the 1 MB size limit")
    one_line_error(runner.invoke(app, ["split", base + "/bomb", "--max-mb", "1"]), "larger than the 1 MB size limit")


def test_decompression_never_outgrows_the_room():
    from claims.ingest import _Inflate

    bomb = gzip.compress(bytes(50 * 1024 * 1024))
    out = _Inflate("gzip", "x").feed(bomb, 1000)
    assert len(out) == 1001  # one byte over says "too large" without inflating the rest


def test_gzip_and_small_pages_still_fetch(web, tmp_path):
    base, routes = web
    text = "Rain fell on Tuesday. “Roads flooded,” said Mayor Ann Lee.\n".encode()

    def gz(h, stop):
        body = gzip.compress(text)
        h.send_response(200)
        h.send_header("Content-Type", "text/plain; charset=utf-8")
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    routes["/gz"] = gz
    r = runner.invoke(app, ["split", base + "/gz", "--format", "jsonl"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1]:99999/", "https://exa mple.org/"])
def test_malformed_url_is_one_line(url, tmp_path):
    one_line_error(runner.invoke(app, ["add", url, "--db", str(tmp_path / "c.db")]), f"{url}: not a valid URL")


# -- item 3: provenance -------------------------------------------------------------------------


def test_fetched_url_is_stored_and_a_claimed_canonical_is_only_metadata(web, tmp_path):
    base, routes = web
    db = tmp_path / "c.db"
    real = tmp_path / "real.txt"
    real.write_text("Dam opens\n\nThe dam opened on Monday, officials said.\n", encoding="utf-8")
    canonical = "https://real-news.example/dam"
    assert runner.invoke(app, ["add", str(real), "--db", str(db), "--url", canonical]).exit_code == 0
    page = (
        f"<html><head><title>Dam collapses</title><link rel='canonical' href='{canonical}'></head><body>"
        "<article><h1>Dam collapses</h1><p>The dam collapsed on Monday, killing hundreds, officials said.</p>"
        "<p>“It was a disaster,” said Governor Ruth Alder.</p></article></body></html>"
    ).encode()

    def fake(h, stop):
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()
        h.wfile.write(page)

    routes["/fake"] = fake
    r = runner.invoke(app, ["add", base + "/fake", "--db", str(db)])
    assert r.exit_code == 0 and "new versions" not in r.stdout, r.output
    conn = sqlite3.connect(db)
    try:
        url, canon, previous = conn.execute(
            "SELECT url, canonical_url, previous_id FROM articles ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    assert (url, canon, previous) == (base + "/fake", canonical, None)


# -- item 6: a full disk ------------------------------------------------------------------------


def _counts(db: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(db)
    try:
        arts, claims = conn.execute("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM claims)").fetchone()
        return arts, claims, conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _full_disk_batch(folder: Path, n: int, words: int) -> None:
    folder.mkdir()
    for k in range(n):
        body = " ".join(f"word{(k * 7919 + i * 104729) % 99991}" for i in range(words))  # incompressible-ish
        (folder / f"{k:02}.txt").write_text(f"Council story {k}\n\nThe council met, officials said. {body}.\n")


def test_full_disk_is_one_line_with_the_batch_summary(tmp_path, monkeypatch):
    """SQLite rolls a transaction back by itself on SQLITE_FULL; a second ROLLBACK used to hide the error."""
    db = tmp_path / "c.db"
    folder = tmp_path / "batch"
    _full_disk_batch(folder, 4, 20)
    assert runner.invoke(app, ["add", str(folder / "00.txt"), "--db", str(db)]).exit_code == 0
    from claims.storage import store

    real = store._store

    def full(dbase, text, *a):
        if "story 2" in text:
            real(dbase, text, *a)  # written, then lost: SQLite's own rollback
            dbase.conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return real(dbase, text, *a)

    monkeypatch.setattr("claims.storage.store._store", full)
    r = runner.invoke(app, ["add", str(folder), "--db", str(db)])
    assert "1 articles added, 1 skipped as already present" in r.stdout  # the summary, before the error
    one_line_error(r, f"{db}: the disk is full (no room left on ")
    assert "stopped with 1 inputs not tried" in r.stderr
    assert _counts(db)[0] == 2 and _counts(db)[2] == "ok"


def test_full_disk_on_a_real_tiny_file_system(tmp_path):
    """The same on a 2 MB tmpfs (needs root and mount; the test above covers the logic everywhere)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True).returncode
    ):
        pytest.skip("cannot mount a tmpfs here")
    try:
        folder = tmp_path / "batch"
        _full_disk_batch(folder, 12, 30_000)
        db = mnt / "c.db"
        proc = claims_process("add", str(folder), "--db", str(db))  # its own process: no file left open on the mount
        assert "articles added" in proc.stdout
        assert_one_line(proc, "the disk is full")
        arts, claims, check = _counts(db)
        assert check == "ok" and 0 < arts < 12
    finally:
        if subprocess.run(["umount", str(mnt)]).returncode:
            subprocess.run(["umount", "-l", str(mnt)])


def test_readme_states_the_limits_the_code_uses():
    from claims import reading
    from claims.web.datasette import hooks as site

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reliability") : readme.index("## Benchmarks")]
    for fact in (
        f"{reading.DEFAULT_MAX_MB:g} MB",
        f"{reading.DEFAULT_FETCH_DEADLINE_S:g} s",
        f"{site.SIGNIN_MAX_PER_NAME} per {site.SIGNIN_WINDOW_MINUTES:g} minutes",
        f"{site.SIGNIN_MAX_PER_CLIENT} per {site.SIGNIN_WINDOW_MINUTES:g} minutes",
        f"{site.SESSION_HOURS:g} hours",
        f"{site.ARBITRARY_SQL_TIME_LIMIT_MS / 1000:g} s",
        "CLAIMS_MAX_MB",
        "CLAIMS_FETCH_TIMEOUT",
        "CLAIMS_SESSION_HOURS",
        "CLAIMS_SIGNIN_MAX_PER_NAME",
    ):
        assert fact in section, fact
