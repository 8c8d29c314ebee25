"""Quote groups across outlets (issue 8, part 1), on the invented five-outlet story in tests/story.py."""

from __future__ import annotations

import itertools
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claims.cli import app
from tests.story import GROUPS, OUTLETS

runner = CliRunner()


def add_story(tmp_path, db) -> None:
    for n, (outlet, (date, text)) in enumerate(OUTLETS.items()):
        path = tmp_path / f"story{n}.txt"
        path.write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["add", str(path), "--db", str(db), "--outlet", outlet, "--published", date])
        assert r.exit_code == 0, r.output


@pytest.fixture
def story_db(tmp_path):
    db = tmp_path / "claims.db"
    add_story(tmp_path, db)
    return db


def rows(db, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def grouped(db) -> dict[tuple[str, str], tuple[int, str]]:
    """Each labelled quotation -> (group id, relation)."""
    found = rows(
        db,
        """SELECT a.outlet, q.text, m.group_id, m.relation FROM quotes q JOIN articles a ON a.id = q.article_id
        JOIN quote_members m ON m.quote_id = q.id""",
    )
    out = {}
    for (outlet, start), _ in GROUPS.items():
        hits = [(g, rel) for o, text, g, rel in found if o == outlet and text.startswith(start)]
        assert len(hits) == 1, (outlet, start, found)
        out[(outlet, start)] = hits[0]
    return out


def test_five_outlets_group_by_utterance_with_full_precision_and_recall(story_db):
    got = grouped(story_db)
    pairs = list(itertools.combinations(GROUPS, 2))
    truth = {p for p in pairs if GROUPS[p[0]] == GROUPS[p[1]]}
    said = {p for p in pairs if got[p[0]][0] == got[p[1]][0]}
    precision = len(truth & said) / len(said)
    recall = len(truth & said) / len(truth)
    assert (precision, recall) == (1.0, 1.0), (sorted(said - truth), sorted(truth - said))


def test_relations_name_what_changed(story_db):
    got = grouped(story_db)
    rel = {k: r for k, (_, r) in got.items()}
    assert rel[("Daily Ledger", "We are going to finish this bridge")] == "canonical"
    assert rel[("Morning Post", "We're gonna finish")] == "spelling"
    assert rel[("City Wire", "finish this bridge")] == "shortened"
    assert rel[("Evening Star", "We are going to finish this bridge")] == "variant"
    assert rel[("Harbour Times", "Whatever it costs")] == "variant"
    assert rel[("City Wire", "I will never raise taxes")] == "variant"
    assert rel[("Morning Post", "I will not raise taxes")] == "same"
    assert {rel[("Daily Ledger", "The colour")], rel[("City Wire", "The color")]} == {"canonical", "spelling"}
    changes = rows(
        story_db,
        """SELECT m.changes FROM quote_members m JOIN quotes q ON q.id = m.quote_id
        JOIN articles a ON a.id = q.article_id WHERE a.outlet = 'Evening Star' AND m.relation = 'variant'""",
    )
    assert json.loads(changes[0][0]) == [{"op": "replace", "a": "next", "b": "this"}]


def test_re_adding_and_new_versions_never_duplicate(story_db, tmp_path):
    before = rows(story_db, "SELECT COUNT(*), (SELECT COUNT(*) FROM quote_groups) FROM quote_members")[0]
    add_story(tmp_path, story_db)  # the same texts: skipped
    assert rows(story_db, "SELECT COUNT(*), (SELECT COUNT(*) FROM quote_groups) FROM quote_members")[0] == before
    r = runner.invoke(app, ["quotes", "--rebuild", "--db", str(story_db)])
    assert r.exit_code == 0, r.output
    assert rows(story_db, "SELECT COUNT(*), (SELECT COUNT(*) FROM quote_groups) FROM quote_members")[0] == before


def test_incremental_grouping_matches_a_rebuild(story_db):
    def snapshot():
        return sorted(
            rows(
                story_db,
                """SELECT m.quote_id, m.relation, g.canonical_quote_id,
                (SELECT MIN(quote_id) FROM quote_members WHERE group_id = m.group_id)
                FROM quote_members m JOIN quote_groups g ON g.id = m.group_id""",
            )
        )

    incremental = snapshot()
    assert runner.invoke(app, ["quotes", "--rebuild", "--db", str(story_db)]).exit_code == 0
    assert snapshot() == incremental


def test_cli_quotes_lists_groups_and_differences(story_db):
    r = runner.invoke(app, ["quotes", "Ann Lee", "--db", str(story_db)])
    assert r.exit_code == 0, r.output
    assert "finish this bridge by the end of next year, whatever it costs" in r.stdout
    assert "5 appearances, 5 outlets, 2 variants" in r.stdout
    assert "next -> this" in r.stdout and "not -> never" in r.stdout
    data = json.loads(runner.invoke(app, ["quotes", "Lee", "--db", str(story_db), "--format", "json"]).stdout)
    assert data["source"]["name"] == "Ann Lee" and data["groups"][0]["appearances"] == 5
    only = runner.invoke(app, ["quotes", "Ann Lee", "--variants", "--db", str(story_db), "--format", "jsonl"])
    assert {json.loads(line)["group_id"] for line in only.stdout.splitlines()} == {
        g["id"] for g in data["groups"] if g["variants"]
    }


def test_cli_quotes_errors_are_one_line(story_db, tmp_path):
    r = runner.invoke(app, ["quotes", "Nobody Atall", "--db", str(story_db)])
    assert r.exit_code == 1 and r.stderr.startswith("error: no source matches") and len(r.stderr.splitlines()) == 1
    r = runner.invoke(app, ["quotes", "--db", str(story_db)])
    assert r.exit_code == 1 and "give a source" in r.stderr
    r = runner.invoke(app, ["quotes", "Lee", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "no database here yet" in r.stderr


# -- the site ------------------------------------------------------------------------------------


async def test_quote_page_shows_every_appearance_and_marks_the_differences(story_db):
    from claims.web.serve import make_datasette

    ds = make_datasette(story_db)
    gid = rows(story_db, "SELECT id FROM quote_groups WHERE canonical LIKE 'We are going to finish this bridge%'")[0][0]
    page = await ds.client.get(f"/-/quote/{gid}")
    assert page.status_code == 200
    html = page.text
    assert "We are going to finish this bridge by the end of next year, whatever it costs" in html
    for outlet in OUTLETS:
        assert outlet in html
    assert "2026-03-04" in html and "/-/article/" in html
    assert '<mark class="quote-diff" title="canonical: next">this</mark>' in html
    assert "5 appearances in 5 outlets" in html
    assert (await ds.client.get("/-/quote/99999")).status_code == 404
    claim = rows(
        story_db,
        "SELECT q.claim_id FROM quotes q JOIN quote_members m ON m.quote_id = q.id WHERE m.group_id = ?",
        (gid,),
    )[0][0]
    assert f'href="/-/quote/{gid}"' in (await ds.client.get(f"/-/claim/{claim}")).text
    lee = rows(story_db, "SELECT source_id FROM quote_groups WHERE id = ?", (gid,))[0][0]
    source_page = (await ds.client.get(f"/-/source/{lee}")).text
    assert "Quotations across outlets" in source_page and f'href="/-/quote/{gid}"' in source_page
    assert "2 worded differently" in source_page


async def test_audit_lists_wording_that_differs_between_outlets(story_db):
    from claims.web.serve import make_datasette

    ds = make_datasette(story_db)
    r = await ds.client.get("/claims/quote_wording_differs.json?_shape=array")
    assert r.status_code == 200, r.text
    found = {(row["outlet"], row["wording"].strip(" ,.")) for row in r.json()}
    assert ("City Wire", "I will never raise taxes to pay for it") in found
    assert ("Evening Star", "We are going to finish this bridge by the end of this year, whatever it costs") in found
    assert not any(o == "Morning Post" for o, _ in found)  # "gonna" and the same words are not variants


async def test_quote_text_is_escaped_on_the_quote_page(tmp_path):
    from claims.web.serve import make_datasette

    db = tmp_path / "claims.db"
    for n, word in enumerate(
        ["<script>alert(1)</script> we will open the harbour", "<b>we</b> will open the harbor gates"]
    ):
        p = tmp_path / f"x{n}.txt"
        p.write_text(f'Mayor Ann Lee spoke.\n\n"{word} on Monday," Lee said.\n', encoding="utf-8")
        assert runner.invoke(app, ["add", str(p), "--db", str(db), "--outlet", f"O{n}"]).exit_code == 0
    ds = make_datasette(db)
    gid = rows(db, "SELECT group_id FROM quote_members ORDER BY quote_id LIMIT 1")[0][0]
    html = (await ds.client.get(f"/-/quote/{gid}")).text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>we</b>" not in html


def test_an_older_database_is_grouped_when_upgraded(tmp_path):
    from sqlite_utils import Database

    from claims.storage import schema
    from claims.storage.db import connect

    db_path = tmp_path / "old.db"
    old = Database(db_path)
    schema.migrations.apply(old, stop_before="m020_quote_groups")  # as a database made before issue 8
    old.close()
    from claims.engine import analyze

    # two articles stored by that version: their quotations, and no groups
    conn = sqlite3.connect(db_path)
    assert "quote_groups" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    sid = conn.execute("INSERT INTO sources (name, kind) VALUES ('Ann Lee', 'person')").lastrowid
    for n, (outlet, (_, text)) in enumerate(list(OUTLETS.items())[:2]):
        aid = conn.execute(
            "INSERT INTO articles (outlet, added_at, text, content_hash) VALUES (?, 'x', ?, ?)", [outlet, text, str(n)]
        ).lastrowid
        for c in analyze(text).claims:
            for q in c.quotes:
                if c.source and c.source.name == "Ann Lee":
                    cid = conn.execute(
                        "INSERT INTO claims (article_id, seq, text, type, origin, status) VALUES (?, ?, ?, ?, 'auto', 'unreviewed')",
                        [aid, c.seq, c.text, c.type],
                    ).lastrowid
                    conn.execute(
                        "INSERT INTO quotes (claim_id, article_id, text, source_id) VALUES (?, ?, ?, ?)",
                        [cid, aid, q.text, sid],
                    )
    conn.commit()
    conn.close()
    connect(str(db_path)).close()  # upgrades: m020 groups what is there
    groups = rows(db_path, "SELECT appearances, outlets FROM quote_groups ORDER BY appearances DESC")
    assert groups[0] == (2, 2) and rows(db_path, "SELECT COUNT(*) FROM quote_members")[0][0] == 6


def test_merged_sources_take_their_groups_along(story_db):
    before = rows(story_db, "SELECT COUNT(*) FROM quote_groups")[0][0]
    r = runner.invoke(app, ["sources", "merge", "Ann Lee", "Raj Patel", "--db", str(story_db)])
    assert r.exit_code == 0, r.output
    lee = rows(story_db, "SELECT id FROM sources WHERE name = 'Ann Lee'")[0][0]
    assert rows(story_db, "SELECT COUNT(*) FROM quote_groups WHERE source_id != ?", (lee,)) == [(0,)]
    assert "The mayor has no plan for the money" in runner.invoke(app, ["quotes", "Ann Lee", "--db", str(story_db)]).stdout
    # Patel's "I will not raise taxes" now belongs with Lee's: a rebuild joins the two groups
    assert runner.invoke(app, ["quotes", "--rebuild", "--db", str(story_db)]).exit_code == 0
    assert rows(story_db, "SELECT COUNT(*) FROM quote_groups")[0][0] == before - 1
