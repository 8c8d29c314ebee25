"""`claims reanalyze`: a newer engine over stored articles keeps the desk's
work (issue 10: corrections last, whatever re-runs the engine)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_desk import RIVERTON, URL, cli, desk, rows  # noqa: F401  (desk is a fixture)


def older_engine(db: Path) -> dict:
    """Make the stored reading look like an older engine's: one sentence typed
    and attributed differently, one not found at all, one that only the old
    engine split off (and the desk reviewed), and an unknown engine version."""
    conn = sqlite3.connect(db)
    try:
        claims = conn.execute("SELECT id, text, type FROM claims WHERE origin = 'auto' ORDER BY seq").fetchall()
        facts = [c for c in claims if c[2] == "reported_fact"]
        retyped, missing = facts[0], facts[-1]
        conn.execute("UPDATE claims SET type = 'editorial_assertion', mention = 'old' WHERE id = ?", [retyped[0]])
        conn.execute("DELETE FROM claim_group_members WHERE claim_id = ?", [missing[0]])
        conn.execute("DELETE FROM claims WHERE id = ?", [missing[0]])
        conn.execute(
            """INSERT INTO claims (article_id, seq, start, "end", text, type, confidence, rationale, origin, status,
            updated_at) VALUES (1, 999, 0, 5, 'Phantom sentence only the old splitter saw.', 'reported_fact', 0.5,
            '[]', 'auto', 'unstarted', '2026-01-01T00:00:00Z')"""
        )
        phantom = conn.execute("SELECT MAX(id) FROM claims").fetchone()[0]
        conn.execute("UPDATE articles SET engine_version = '0.0.1+old'")
        conn.commit()
    finally:
        conn.close()
    return {"retyped": retyped, "missing": missing, "phantom": phantom, "count": len(claims)}


def test_reanalyze_updates_claims_in_place_and_keeps_the_desks_work(desk):  # noqa: F811
    quote = rows(desk, "SELECT * FROM claims WHERE type = 'official_quote' AND source_id IS NOT NULL LIMIT 1")[0]
    assert cli("fix", quote["id"], "--type", "reported_fact", "--reviewer", "alice", "--db", desk).exit_code == 0
    r = cli("fix", quote["id"], "--new-source", "Ohio EPA", "--kind", "organization", "--reviewer", "alice", "--db", desk)
    assert r.exit_code == 0, r.output
    assert cli("review", quote["id"], "--verdict", "false", "--reviewer", "bob", "--db", desk).exit_code == 0
    assert cli("note", quote["id"], "Checked with the EPA", "--reviewer", "bob", "--db", desk).exit_code == 0
    fixed = rows(desk, "SELECT * FROM claims WHERE id = ?", (quote["id"],))[0]
    old = older_engine(desk)
    cli("review", old["phantom"], "--verdict", "true", "--reviewer", "bob", "--db", desk)

    r = cli("reanalyze", "--db", desk)
    assert r.exit_code == 0, r.output
    assert "1 articles read again" in r.stdout and "1 added" in r.stdout and "1 kept" in r.stdout
    assert "2 desk corrections kept" in r.stdout  # the new reading disagrees with both corrected fields

    after = rows(desk, "SELECT * FROM claims WHERE id = ?", (quote["id"],))[0]
    assert (after["type"], after["source_id"], after["verdict"]) == ("reported_fact", fixed["source_id"], "false")
    assert (after["engine_type"], after["engine_source_id"]) == ("official_quote", quote["source_id"])
    assert rows(desk, "SELECT COUNT(*) AS n FROM notes WHERE claim_id = ?", (quote["id"],))[0]["n"] == 1
    assert rows(desk, "SELECT COUNT(*) AS n FROM reviews WHERE claim_id = ?", (quote["id"],))[0]["n"] == 1
    retyped = rows(desk, "SELECT * FROM claims WHERE id = ?", (old["retyped"][0],))[0]
    assert retyped["type"] == "reported_fact" and retyped["mention"] != "old"  # uncorrected: the engine's reading
    back = rows(desk, "SELECT * FROM claims WHERE text = ?", (old["missing"][1],))
    assert len(back) == 1 and back[0]["id"] != old["missing"][0]
    phrase = '"' + " ".join(old["missing"][1].replace('"', " ").split()[:6]) + '"'
    found = rows(desk, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", (phrase,))
    assert back[0]["id"] in {f["rowid"] for f in found}  # the full-text index follows
    phantom = rows(desk, "SELECT * FROM claims WHERE id = ?", (old["phantom"],))
    assert phantom and phantom[0]["verdict"] == "true"  # reviewed: kept although the engine no longer finds it
    seqs = rows(desk, 'SELECT seq, start FROM claims WHERE article_id = 1 ORDER BY seq')
    assert [s["seq"] for s in seqs] == list(range(1, len(seqs) + 1))
    assert [s["start"] for s in seqs] == sorted(s["start"] for s in seqs)
    assert len(seqs) == old["count"] + 1  # every sentence once, plus the kept phantom

    again = cli("reanalyze", "--db", desk)
    assert again.exit_code == 0 and "0 articles read again" in again.stdout and "1 already current" in again.stdout
    forced = cli("reanalyze", "1", "--force", "--db", desk)
    assert forced.exit_code == 0 and "0 claims changed, 0 added, 0 removed" in forced.stdout, forced.output
    assert rows(desk, "SELECT type FROM claims WHERE id = ?", (quote["id"],))[0]["type"] == "reported_fact"


def test_reanalyze_only_reads_current_versions_and_checks_ids(desk, tmp_path):  # noqa: F811
    text = RIVERTON.read_text(encoding="utf-8")
    (tmp_path / "v2.txt").write_text(text + "\nA late paragraph was added to the story.\n", encoding="utf-8")
    assert cli("add", tmp_path / "v2.txt", "--db", desk, "--url", URL).exit_code == 0
    sqlite3.connect(desk).execute("UPDATE articles SET engine_version = NULL").connection.commit()
    r = cli("reanalyze", "--db", desk)
    assert r.exit_code == 0 and "1 articles read again" in r.stdout, r.output  # version 2 only
    bad = cli("reanalyze", "99", "--db", desk)
    assert bad.exit_code == 1 and "no article with id 99" in bad.output


@pytest.mark.parametrize("missing", ["nowhere.db"])
def test_reanalyze_needs_an_existing_database(tmp_path, missing):
    r = cli("reanalyze", "--db", tmp_path / missing)
    assert r.exit_code == 1 and "no database here yet" in r.output and not (tmp_path / missing).exists()
