"""Transcripts and the check of quotations against them (issue 8, part 3):
every label, on an invented press conference in three formats."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app

runner = CliRunner()
HERE = Path(__file__).parent / "transcripts"

EXPECTED = {
    "We are going to finish this bridge by the end of next year, whatever it costs": "exact",
    "finish this bridge by the end of next year": "exact",  # shortened
    "We are going to finish this bridge by the end of this year": "altered",  # one word changed
    "We are going to finish this bridge and we expect an answer in May": "altered",  # spliced
    "Whatever it costs, we are going to finish this bridge by the end of next year": "altered",  # order
    "We will build a second bridge next spring": "not_found",  # fabricated
    "The mayor has no plan for the money": "not_found",  # another speaker's turn
    "I will not raise taxes": "out_of_context",  # "... this year"
}


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "claims.db"
    assert invoke("add", str(HERE / "article.txt"), "--db", str(path), "--outlet", "Ledger").exit_code == 0
    return path


def by_text(results: list[dict]) -> dict[str, dict]:
    return {r["text"].strip(" ,."): r for r in results}


def test_every_label_from_a_speaker_turn_transcript(db):
    r = invoke("transcripts", "add", str(HERE / "press.txt"), "--db", str(db))
    assert r.exit_code == 0, r.output
    assert "5 turns by ANN LEE, MAYOR LEE, RAJ PATEL, REPORTER" in r.stdout
    r = invoke("verify", "--db", str(db), "--format", "json")
    assert r.exit_code == 0, r.output
    got = by_text(json.loads(r.stdout))
    assert {t: got[t]["label"] for t in EXPECTED} == EXPECTED
    assert got["We are going to finish this bridge by the end of this year"]["changes"] == [
        {"op": "replace", "a": "next", "b": "this"}
    ]
    spliced = got["We are going to finish this bridge and we expect an answer in May"]
    assert "joins passages" in spliced["note"]
    assert (
        "the sentence goes on" in got["I will not raise taxes"]["note"]
        and "this year" in got["I will not raise taxes"]["note"]
    )
    assert "RAJ PATEL" in got["The mayor has no plan for the money"]["note"]
    assert got["finish this bridge by the end of next year"]["turn_seq"] == 2
    table = invoke("verify", "Ann Lee", "--db", str(db))
    assert (
        table.exit_code == 0
        and "8 quotations checked: 2 exact, 3 altered, 1 out_of_context, 2 not_found" in table.stdout
    )
    assert "next -> this" in table.stdout


def test_checks_are_stored_once_and_queryable(db):
    invoke("transcripts", "add", str(HERE / "press.txt"), "--db", str(db))
    again = invoke("transcripts", "add", str(HERE / "press.txt"), "--db", str(db))
    assert again.exit_code == 0 and "already present" in again.stdout
    listed = invoke("transcripts", "list", "--db", str(db))
    assert listed.exit_code == 0 and "1: press (text, 5 turns, 77 words) — ANN LEE, MAYOR LEE, RAJ PATEL, REPORTER" in listed.stdout
    assert json.loads(invoke("transcripts", "list", "--db", str(db), "--format", "json").stdout)[0]["turns"] == 5
    for _ in range(2):
        assert invoke("verify", "--db", str(db)).exit_code == 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM transcripts").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT quote_id) FROM quote_checks").fetchone() == (8, 8)
        assert conn.execute("SELECT COUNT(*) FROM quote_checks WHERE label != 'exact'").fetchone()[0] == 6
    finally:
        conn.close()


@pytest.mark.parametrize("name, speaker_format", [("press.vtt", "voice"), ("press.srt", "colon")])
def test_subtitles_give_the_time_of_the_match(db, name, speaker_format):
    r = invoke("transcripts", "add", str(HERE / name), "--speaker-format", speaker_format, "--db", str(db))
    assert r.exit_code == 0, r.output
    got = by_text(json.loads(invoke("verify", "--db", str(db), "--format", "json").stdout))
    assert got["We are going to finish this bridge by the end of next year, whatever it costs"]["label"] == "exact"
    assert got["We are going to finish this bridge by the end of next year, whatever it costs"]["start_ms"] == 4000
    taxes = got["I will not raise taxes"]
    assert taxes["label"] == "out_of_context" and taxes["start_ms"] == 9500  # the second cue of the same turn
    assert got["The mayor has no plan for the money"]["label"] == "not_found"
    assert "1:02.0" in invoke("verify", "--db", str(db)).stdout  # Patel's words, with their time


def test_plain_statement_by_one_speaker(db, tmp_path):
    p = tmp_path / "statement.txt"
    p.write_text("I will not raise taxes. That is my promise to every family in this city.\n", encoding="utf-8")
    r = invoke("transcripts", "add", str(p), "--speaker-format", "none", "--speaker", "Ann Lee", "--db", str(db))
    assert r.exit_code == 0, r.output
    got = by_text(json.loads(invoke("verify", "Ann Lee", "--db", str(db), "--format", "json").stdout))
    assert got["I will not raise taxes"]["label"] == "exact"


def test_transcript_errors_are_one_line(db, tmp_path):
    cases = [
        (["transcripts", "add", str(tmp_path / "missing.txt")], "missing.txt"),
        (
            ["transcripts", "add", str(HERE / "press.txt"), "--speaker-format", "nope"],
            "--speaker-format must be one of",
        ),
        (["transcripts", "add", str(HERE / "press.txt"), "--speaker-format", "none"], "needs --speaker"),
        (["transcripts", "add", str(HERE / "press.txt"), "--format", "vtt"], "not WebVTT"),
        (["verify", "--transcript", "99"], "no transcript with id 99"),
        (["verify", "Nobody Atall"], "no source matches"),
    ]
    for args, message in cases:
        r = invoke(*args, "--db", str(db))
        assert r.exit_code == 1, (args, r.output)
        assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.output
    empty = tmp_path / "empty.srt"
    empty.write_text("\n", encoding="utf-8")
    r = invoke("transcripts", "add", str(empty), "--db", str(db))
    assert r.exit_code == 1 and r.stderr.startswith("error: ")


# -- the site ------------------------------------------------------------------------------------


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def test_claim_page_shows_the_check_and_a_reviewer_can_run_it(db, monkeypatch):
    import re

    from claims.web.serve import make_datasette

    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 1000)
    assert invoke("reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse").exit_code == 0
    assert invoke("transcripts", "add", str(HERE / "press.txt"), "--db", str(db)).exit_code == 0
    claim = query(db, "SELECT claim_id FROM quotes WHERE text LIKE 'I will not raise taxes%'")[0][0]
    ds = make_datasette(db)
    page = await ds.client.get(f"/-/claim/{claim}")
    assert "Against the transcript" in page.text and "not checked yet" in page.text
    assert (await ds.client.post(f"/-/claim/{claim}/verify", data={})).status_code in (403, 302)
    assert query(db, "SELECT COUNT(*) FROM quote_checks")[0][0] == 0
    cookies = {"ds_actor": ds.sign({"a": {"id": "alice"}}, "actor")}
    page = await ds.client.get(f"/-/claim/{claim}", cookies=cookies)
    token = re.search(
        r'action="/-/claim/\d+/verify">\s*<input type="hidden" name="csrftoken" value="([^"]+)"', page.text
    )
    cookies = {**cookies, "ds_csrftoken": page.cookies.get("ds_csrftoken", "")}
    r = await ds.client.post(f"/-/claim/{claim}/verify", data={"csrftoken": token.group(1)}, cookies=cookies)
    assert r.status_code == 302, r.text
    assert query(db, "SELECT label FROM quote_checks") == [("out_of_context",)]
    page = await ds.client.get(f"/-/claim/{claim}", cookies=cookies)
    assert "out of context" in page.text and "this year" in page.text and "turn 2" in page.text


async def test_audit_lists_quotations_that_do_not_match(db):
    from claims.web.serve import make_datasette

    invoke("transcripts", "add", str(HERE / "press.txt"), "--db", str(db))
    assert invoke("verify", "--db", str(db)).exit_code == 0
    ds = make_datasette(db)
    r = await ds.client.get("/claims/quotes_not_matching_transcript.json?_shape=array")
    assert r.status_code == 200, r.text
    labels = sorted(row["label"] for row in r.json())
    assert labels == ["altered", "altered", "altered", "not_found", "not_found", "out_of_context"]
    gid = query(db, "SELECT group_id FROM quote_members LIMIT 1")[0][0]
    assert "transcript" in (await ds.client.get(f"/-/quote/{gid}")).text.lower()
