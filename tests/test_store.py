"""`claims add` and the database: storage, linking, versions, faults."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.errors import ClaimsError
from claims.ingest import Article
from claims.storage import store
from claims.storage.db import connect
from tests.conftest import ARTICLES, EXAMPLES

runner = CliRunner()

STORY = {
    "wire.txt": "Kerry pledges support\n\nVIENNA (Claims Wire) – US Secretary of State John Kerry arrived on Friday. "
    "“We are ready to negotiate,” Kerry said.\n",
    "daily.txt": "Talks open in Vienna\n\nSecretary of State John Kerry said on Friday that the talks would be hard. "
    "“This will take time,” he told reporters.\n",
    "times.txt": "Diplomats gather\n\nThe talks began, according to the Russian Foreign Ministry. "
    "“Nobody expects a deal this week,” Mr. Kerry said.\n",
}


def cli(*args, **kw):
    result = runner.invoke(app, [str(a) for a in args], **kw)
    return result


@pytest.fixture
def dbfile(tmp_path):
    return tmp_path / "claims.db"


def rows(dbfile, sql, params=()):
    conn = sqlite3.connect(dbfile)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_add_stores_articles_claims_quotes_sources(dbfile):
    result = cli("add", EXAMPLES, ARTICLES, "--db", dbfile, "--outlet", "Test Desk")
    assert result.exit_code == 0, result.output
    n_files = len(list(EXAMPLES.glob("*.txt"))) + len(list(ARTICLES.glob("*.txt")))
    assert f"{n_files} articles added" in result.stdout
    arts = rows(dbfile, "SELECT * FROM articles")
    assert len(arts) == n_files and {a["outlet"] for a in arts} == {"Test Desk"}
    claims = rows(dbfile, "SELECT * FROM claims")
    for c in claims:
        art = next(a for a in arts if a["id"] == c["article_id"])
        assert art["text"][c["start"] : c["end"]] == c["text"]
    quotes = rows(dbfile, "SELECT q.*, a.text AS atext FROM quotes q JOIN articles a ON a.id = q.article_id")
    assert quotes and all(q["atext"][q["start"] : q["end"]] == q["text"] for q in quotes)
    ruiz = rows(dbfile, "SELECT * FROM sources WHERE name = 'Angela Ruiz'")
    assert ruiz and ruiz[0]["kind"] == "person" and ruiz[0]["title"] == "Mayor"
    assert rows(dbfile, "PRAGMA journal_mode")[0]["journal_mode"] == "wal"


def test_readding_changes_nothing(dbfile):
    cli("add", EXAMPLES, "--db", dbfile)
    before = rows(
        dbfile,
        "SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM claims) c, "
        "(SELECT COUNT(*) FROM sources) s, (SELECT COUNT(*) FROM source_aliases) al",
    )
    result = cli("add", EXAMPLES, "--db", dbfile)
    assert result.exit_code == 0 and "0 articles added, 1 skipped" in result.stdout
    after = rows(
        dbfile,
        "SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM claims) c, "
        "(SELECT COUNT(*) FROM sources) s, (SELECT COUNT(*) FROM source_aliases) al",
    )
    assert before == after


def test_same_official_across_outlets_is_one_source(dbfile, tmp_path):
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert cli("add", tmp_path / name, "--db", dbfile, "--outlet", name.split(".")[0]).exit_code == 0
    kerry = rows(dbfile, "SELECT * FROM sources WHERE name = 'John Kerry'")
    assert len(kerry) == 1
    n = rows(
        dbfile, "SELECT COUNT(DISTINCT article_id) n, COUNT(*) c FROM claims WHERE source_id = ?", [kerry[0]["id"]]
    )
    assert n[0]["n"] == 3 and n[0]["c"] == 5  # headline pledge + 1 + 2 + 1; "arrived" is no claim of his
    assert not rows(dbfile, "SELECT * FROM sources WHERE name = 'Kerry'")


def test_people_sharing_a_surname_stay_apart(dbfile, tmp_path):
    (tmp_path / "a.txt").write_text("“Yes,” said Tom Adeyemi, the deputy minister.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("“No,” said Rachel Adeyemi, the finance minister.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("“Maybe,” Adeyemi said.\n", encoding="utf-8")
    assert cli("add", tmp_path, "--db", dbfile).exit_code == 0
    names = sorted(r["name"] for r in rows(dbfile, "SELECT name FROM sources"))
    assert names == ["Adeyemi", "Rachel Adeyemi", "Tom Adeyemi"]  # a bare surname does not pick one of two


def test_spelling_variant_links_but_organisations_need_an_alias(dbfile, tmp_path):
    db = connect(str(dbfile))
    store.add_article(db, Article("“We will rebuild,” said local official Mehmet Khalil.\n", "a"))
    store.add_article(db, Article("“We will rebuild soon,” said local official Mehmet Khalill.\n", "b"))
    store.add_article(db, Article("The Pentagon said the strikes would continue.\n", "c"))
    store.add_article(db, Article("The Defense Department said the strikes had ended.\n", "d"))
    people = [r for r in rows(dbfile, "SELECT * FROM sources WHERE kind = 'person'")]
    assert len(people) == 1
    orgs = {r["name"] for r in rows(dbfile, "SELECT * FROM sources WHERE kind = 'organization'")}
    assert orgs == {"Pentagon", "Defense Department"}
    store.alias_source(db, "Pentagon", "Defense Department")
    store.add_article(db, Article("The Defense Department said more troops would go.\n", "e"))
    last = rows(dbfile, "SELECT s.name FROM claims c JOIN sources s ON s.id = c.source_id ORDER BY c.id DESC LIMIT 1")
    assert last[0]["name"] == "Pentagon"


def test_manual_fixes_survive_new_articles(dbfile, tmp_path):
    db = connect(str(dbfile))
    store.add_article(db, Article("“Fine,” said Bob Smyth.\n", "a"))
    store.add_article(db, Article("“Good,” said Robert Smith.\n", "b"))
    assert cli("sources", "merge", "Robert Smith", "Bob Smyth", "--db", dbfile).exit_code == 0
    assert cli("sources", "rename", "Robert Smith", "Robert J. Smith", "--db", dbfile).exit_code == 0
    store.add_article(db, Article("“Again,” said Bob Smyth.\n", "c"))
    store.add_article(db, Article("“More,” said Robert Smith.\n", "d"))
    srcs = rows(dbfile, "SELECT * FROM sources")
    assert [s["name"] for s in srcs] == ["Robert J. Smith"]
    assert rows(dbfile, "SELECT COUNT(*) n FROM claims WHERE source_id = ?", [srcs[0]["id"]])[0]["n"] == 4
    shown = cli("sources", "show", "Bob Smyth", "--db", dbfile, "--format", "json")
    doc = json.loads(shown.stdout)
    assert doc["source"]["name"] == "Robert J. Smith" and len(doc["claims"]) == 4


def test_same_url_new_text_is_a_version_and_show_reports_changes(dbfile, tmp_path):
    one, two = tmp_path / "v1.txt", tmp_path / "v2.txt"
    one.write_text("Storm hits coast\n\nThe storm killed two people. Power is out.\n", encoding="utf-8")
    two.write_text("Storm hits coast\n\nThe storm killed three people. Power is out.\n", encoding="utf-8")
    assert cli("add", one, "--db", dbfile, "--url", "https://example.org/storm").exit_code == 0
    result = cli("add", two, "--db", dbfile, "--url", "https://example.org/storm")
    assert "1 new versions" in result.stdout
    arts = rows(dbfile, "SELECT id, previous_id FROM articles ORDER BY id")
    assert arts[1]["previous_id"] == arts[0]["id"]
    shown = cli("show", "https://example.org/storm", "--db", dbfile)
    assert "1 claims new or changed, 1 gone" in shown.stdout and "killed two people" in shown.stdout
    doc = json.loads(cli("show", str(arts[1]["id"]), "--db", dbfile, "--format", "json").stdout)
    assert [c["changed"] for c in doc["claims"]] == ["", "new", ""]


def test_manual_claim_and_list_filters(dbfile):
    cli("add", EXAMPLES, "--db", dbfile, "--outlet", "Ledger")
    result = cli(
        "add",
        "--claim",
        "The plant was built in 1962.",
        "--type",
        "reported_fact",
        "--source",
        "Angela Ruiz",
        "--article",
        "1",
        "--db",
        dbfile,
    )
    assert result.exit_code == 0, result.output
    manual = rows(
        dbfile, "SELECT c.*, s.name FROM claims c JOIN sources s ON s.id = c.source_id WHERE origin = 'manual'"
    )
    assert manual[0]["name"] == "Angela Ruiz" and manual[0]["article_id"] == 1
    listed = json.loads(cli("list", "--db", dbfile, "--source", "Ruiz", "--format", "json").stdout)
    assert listed and all(c["source"]["name"] == "Angela Ruiz" for c in listed)
    edits = json.loads(
        cli("list", "--db", dbfile, "--type", "editorial_assertion", "--outlet", "ledger", "--format", "json").stdout
    )
    assert edits and all(c["type"] == "editorial_assertion" for c in edits)
    assert cli("add", "--claim", "x", "--type", "nonsense", "--db", dbfile).exit_code == 1


def test_html_file_and_url_from_local_server(dbfile, tmp_path):
    html = (
        "<html><head><title>Dam opens | River Times</title><meta name='author' content='Ann Writer'>"
        "<meta property='article:published_time' content='2026-05-01'></head><body><nav>Home | News</nav>"
        "<article><h1>Dam opens after delays</h1><p>The new dam opened on Monday after three years of delays.</p>"
        "<p>“It is a great day for the valley,” said Governor Ruth Alder at the ceremony.</p>"
        "<p>The project cost $2 billion, according to state records.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = html.encode()
            self.send_response(200 if self.path == "/dam" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body if self.path == "/dam" else b"")

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        r = cli("add", tmp_path / "page.html", "--db", dbfile)
        assert r.exit_code == 0, r.output
        art = rows(dbfile, "SELECT * FROM articles")[0]
        assert "Dam opens" in art["title"] and "Home | News" not in art["text"]
        assert art["author"] == "Ann Writer"
        alder = rows(dbfile, "SELECT * FROM sources WHERE name = 'Ruth Alder'")
        assert alder and alder[0]["title"] == "Governor"
        url = f"http://127.0.0.1:{server.server_port}"
        bad = cli("add", url + "/missing", "--db", dbfile)
        assert bad.exit_code == 1 and "HTTP 404" in bad.stderr
        again = cli("add", url + "/dam", "--db", dbfile)
        assert again.exit_code == 0 and "1 skipped" in again.stdout  # same text as the file
    finally:
        server.shutdown()
    down = cli("add", "http://127.0.0.1:9/", "--db", dbfile)
    assert down.exit_code == 1 and "could not be fetched" in down.stderr


def test_batch_goes_on_past_bad_files_and_fails_at_end(dbfile, tmp_path):
    (tmp_path / "good.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "nothing.html").write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    result = cli("add", tmp_path, "--db", dbfile)
    assert result.exit_code == 1
    assert "1 articles added" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("error: ") for e in errors)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", ["missing_folder", "readonly", "corrupt", "directory"])
def test_bad_database_paths(tmp_path, case):
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    if case == "missing_folder":
        path = tmp_path / "nope" / "claims.db"
    elif case == "readonly":
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        path = ro / "claims.db"
        if os.access(ro, os.W_OK):  # root ignores permissions; /proc refuses new files even to root
            path = "/proc/claims.db"
    elif case == "corrupt":
        path = tmp_path / "bad.db"
        path.write_bytes(b"this is not sqlite" * 100)
    else:
        path = tmp_path
    result = cli("add", tmp_path / "a.txt", "--db", path)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_failed_write_leaves_database_as_it_was(dbfile, monkeypatch):
    db = connect(str(dbfile))
    store.add_article(db, Article("First article. It is fine.\n", "a"))
    before = rows(
        dbfile,
        "SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM claims) c, (SELECT COUNT(*) FROM sources) s",
    )

    def boom(*a, **k):
        raise ClaimsError("simulated failure while linking sources")

    monkeypatch.setattr("claims.storage.linker.Linker.link", boom)
    with pytest.raises(ClaimsError):
        store.add_article(db, Article("Second article. “Yes,” said Jo Lane.\n", "b"))
    after = rows(
        dbfile,
        "SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM claims) c, (SELECT COUNT(*) FROM sources) s",
    )
    assert before == after


def test_env_var_chooses_database(tmp_path, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("CLAIMS_DB", str(path))
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    assert cli("add", tmp_path / "a.txt").exit_code == 0
    assert path.exists()


def test_two_processes_add_at_once(dbfile, tmp_path):
    folders = []
    for n in range(2):
        d = tmp_path / f"batch{n}"
        d.mkdir()
        for k in range(15):
            (d / f"{k}.txt").write_text(
                f"Council vote {n}-{k}\n\n“We agree,” said Mayor Ann Lee about item {k}. "
                f"The shared part {k % 5} passed.\n",
                encoding="utf-8",
            )
        folders.append(d)
    shared = tmp_path / "batch1" / "0.txt"
    shared.write_text((tmp_path / "batch0" / "0.txt").read_text())  # one article in both batches
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claims", "add", str(d), "--db", str(dbfile)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for d in folders
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert rows(dbfile, "SELECT COUNT(*) n FROM articles")[0]["n"] == 29
    assert (
        rows(
            dbfile,
            "SELECT COUNT(*) n FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING COUNT(*) > 1)",
        )[0]["n"]
        == 0
    )
    assert rows(dbfile, "SELECT COUNT(*) n FROM sources WHERE name = 'Ann Lee'")[0]["n"] == 1
    assert rows(dbfile, "SELECT COUNT(*) n FROM claims")[0]["n"] == 29 * 3


def test_old_database_is_upgraded_in_place(tmp_path):
    from claims.storage import schema

    path = tmp_path / "claims.db"
    db = connect(str(path))
    store.add_article(db, Article("Rain fell on Tuesday.\n", "a"))
    db.close()

    def m999_add_reading_time(db):
        db["articles"].add_column("reading_minutes", int)

    schema.migrations(name="m999_add_reading_time")(m999_add_reading_time)
    try:
        db = connect(str(path))  # the newer version opens the older database
        assert "reading_minutes" in db["articles"].columns_dict
        assert db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 1  # data kept
        assert not schema.migrations.pending(db)
    finally:
        schema.migrations._migrations.pop()


def test_another_applications_database_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    (tmp_path / "a.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    result = cli("add", tmp_path / "a.txt", "--db", path)
    assert result.exit_code == 1 and "not a claims database" in result.stderr
    assert rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'") == [{"name": "invoices"}]
    assert rows(path, "PRAGMA journal_mode")[0]["journal_mode"] == "delete"  # untouched


def test_markdown_and_stdin(dbfile, tmp_path):
    md = tmp_path / "story.md"
    md.write_text("# Bridge reopens\n\nThe **bridge** reopened on [Monday](https://example.org).\n", encoding="utf-8")
    assert cli("add", md, "--db", dbfile).exit_code == 0
    art = rows(dbfile, "SELECT title, text FROM articles")[0]
    assert art["title"] == "Bridge reopens" and "**" not in art["text"] and "https://" not in art["text"]
    r = cli("add", "-", "--db", dbfile, "--title", "From stdin", input="Rain fell on Tuesday. Roads flooded.\n")
    assert r.exit_code == 0 and "1 articles added" in r.stdout
    assert rows(dbfile, "SELECT COUNT(*) n FROM claims WHERE article_id = 2")[0]["n"] == 2
    assert rows(dbfile, "SELECT title FROM articles WHERE id = 2")[0]["title"] == "From stdin"


def test_copied_facet_columns_stay_in_step_and_fts_stays_sound(dbfile):
    db = connect(str(dbfile))
    store.add_article(db, Article("“We will rebuild,” said Mayor Ann Lee.\n", "a"), {"outlet": "Ledger"})
    claim = rows(dbfile, "SELECT id, source_id, source_kind, outlet FROM claims")[0]
    assert (claim["source_kind"], claim["outlet"]) == ("person", "Ledger")
    with db.conn:
        db.execute("UPDATE articles SET outlet = 'Gazette'")
        db.execute("UPDATE sources SET kind = 'organization'")
        db.execute(
            "INSERT INTO claims (article_id, seq, text, type, origin, status, source_id) "
            "VALUES (1, 99, 'Added by SQL.', 'reported_fact', 'manual', 'unreviewed', ?)",
            [claim["source_id"]],
        )
    assert {(r["source_kind"], r["outlet"]) for r in rows(dbfile, "SELECT source_kind, outlet FROM claims")} == {
        ("organization", "Gazette")
    }
    store.add_review(db, claim["id"], "false", "alice")
    db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    hits = rows(dbfile, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'rebuild'")
    assert [h["rowid"] for h in hits] == [claim["id"]]


def test_database_made_before_m002_is_upgraded_and_backfilled(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from claims.storage import schema

    path = tmp_path / "claims.db"
    old = Database(sqlite3.connect(str(path), isolation_level=None))
    schema.migrations.apply(old, stop_before="m002_facets_and_fast_views")  # the first released schema
    old.execute(
        "INSERT INTO articles (id, title, outlet, added_at, text, content_hash) "
        "VALUES (1, 'Old', 'Ledger', 'x', 'Old text.', 'h1')"
    )
    old.execute("INSERT INTO sources (id, name, kind) VALUES (1, 'Ann Lee', 'person')")
    old.execute(
        "INSERT INTO source_aliases (source_id, alias, alias_key, first_word, last_word) "
        "VALUES (1, 'Ann Lee', 'ann lee', 'ann', 'lee')"
    )
    old.execute(
        "INSERT INTO claims (article_id, seq, text, type, origin, status, source_id) "
        "VALUES (1, 1, 'Old text.', 'official_quote', 'auto', 'unreviewed', 1)"
    )
    old.conn.close()
    db = connect(str(path))
    assert not schema.migrations.pending(db)
    assert rows(path, "SELECT source_kind, outlet FROM claims") == [{"source_kind": "person", "outlet": "Ledger"}]
    store.add_article(db, Article("“Fine,” said Ann Lee.\n", "new"), {"outlet": "Gazette"})
    assert rows(path, "SELECT COUNT(*) n FROM claims WHERE source_id = 1")[0]["n"] == 2
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'sources_summary'")


def test_stored_claims_csv_has_ids_status_and_verdict(dbfile):
    import csv as csvmod
    import io as iomod

    cli("add", EXAMPLES, "--db", dbfile, "--outlet", "Ledger")
    cli("reviewers", "add", "ann", "--db", dbfile, "--password", "pass-word-1")
    cli("review", "5", "--verdict", "half_true", "--reviewer", "ann", "--db", dbfile)
    out = cli("list", "--db", dbfile, "--format", "csv").stdout
    rows_ = list(csvmod.DictReader(iomod.StringIO(out)))
    row = next(r for r in rows_ if r["id"] == "5")
    assert (row["article_id"], row["status"], row["verdict"], row["outlet"]) == ("1", "done", "half_true", "Ledger")
    assert row["source"] == "Angela Ruiz"
    table = cli("list", "--db", dbfile, "--limit", "5").stdout
    assert "id" in table.splitlines()[1]


def test_cli_tables_show_database_ids_not_positions(dbfile):
    """`claims list/show` tables must print the id that `claims review` takes."""
    assert cli("add", ARTICLES, "--db", dbfile).exit_code == 0
    assert cli("add", EXAMPLES / "riverton-water.txt", "--db", dbfile).exit_code == 0
    db = connect(str(dbfile))
    art = db.execute("SELECT MAX(id) FROM articles").fetchone()[0]
    ids = [r[0] for r in db.execute("SELECT id FROM claims WHERE article_id = ? ORDER BY seq", [art])]
    assert ids[0] > 1  # the last article's claims do not start at 1
    listed = cli("list", "--article", art, "--db", dbfile, "--limit", 3)
    first_cells = [ln.split("│")[1].strip() for ln in listed.stdout.splitlines() if ln.count("│") > 3]
    assert [c for c in first_cells if c.isdigit()][:3] == [str(i) for i in ids[:3]]
    shown = cli("show", art, "--db", dbfile)
    first_cells = [ln.split("│")[1].strip() for ln in shown.stdout.splitlines() if ln.count("│") > 3]
    assert str(ids[0]) in first_cells and "1" not in first_cells[:2]


def test_table_wraps_claim_text_in_a_narrow_terminal(dbfile, monkeypatch):
    from claims import render

    monkeypatch.setenv("COLUMNS", "80")
    rows = [{"id": 7, "type": "reported_fact", "source": None, "cue": None, "text": "word " * 40}]
    import io

    from rich.console import Console

    buf = io.StringIO()
    monkeypatch.setattr(render, "_console", lambda: Console(file=buf, width=80), raising=False)
    render.table(rows, key="id")
    out = buf.getvalue()
    assert "…" not in out and out.count("word") == 40


def test_mention_and_cue_spans_are_stored(dbfile, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Mayor backs plan\n\n“We will build it,” Mayor Ann Lee said on Monday.\n", encoding="utf-8")
    assert cli("add", art, "--db", dbfile).exit_code == 0
    db = connect(str(dbfile))
    text = db.execute("SELECT text FROM articles").fetchone()[0]
    row = db.execute("SELECT mention, mention_start, mention_end, cue, cue_start, cue_end FROM claims WHERE cue IS NOT NULL").fetchone()
    assert text[row[1] : row[2]] == row[0] and text[row[4] : row[5]] == row[3] == "said"
    (claim,) = [c for c in store.article_claims(db, 1) if c["cue"]]
    assert claim["mention_span"] == [row[1], row[2]]
