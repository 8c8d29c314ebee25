"""Claim groups (issue 8, part 2): a reprinted wire story groups with its
reprints, same-topic articles do not, and a verdict is applied to the group in one step."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from typer.testing import CliRunner

from claims.cli import app
from tests.conftest import ARTICLES as ARTICLE_DIR
from tests.conftest import EXAMPLES
from tests.story_claims import ARTICLES, REPRINTS
from tests.test_quote_groups import rows

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "claims.db"
    for n, (outlet, text) in enumerate(ARTICLES.items()):
        p = tmp_path / f"{n}.txt"
        p.write_text(text, encoding="utf-8")
        r = runner.invoke(
            app,
            ["add", str(p), "--db", str(path), "--outlet", outlet, "--url", f"https://{outlet.lower()}.example/bridge"],
        )
        assert r.exit_code == 0, r.output
    return path


def cross_article_pairs(db) -> tuple[set, set]:
    """(pairs grouped together, pairs that should be) across articles, as ((outlet, text), (outlet, text))."""
    found = rows(
        db,
        """SELECT a.outlet, c.text, m.group_id FROM claim_group_members m JOIN claims c ON c.id = m.claim_id
        JOIN articles a ON a.id = c.article_id""",
    )
    said = {(x[:2], y[:2]) for x, y in itertools.combinations(found, 2) if x[2] == y[2] and x[0] != y[0]}
    truth = set()
    for x, y in itertools.combinations(found, 2):
        for group in REPRINTS:
            if any(x[0] == o and x[1].startswith(s) for o, s in group) and any(
                y[0] == o and y[1].startswith(s) for o, s in group
            ):
                truth.add((x[:2], y[:2]))
    return said, truth


def test_reprints_group_and_same_topic_articles_do_not(db):
    said, truth = cross_article_pairs(db)
    assert len(truth) == 3 + 3 + 1 + 1  # the pairs REPRINTS describes
    assert said - truth == set(), "false merges"
    assert truth - said == set(), "missed reprints"


def test_no_false_merges_across_the_bundled_articles(tmp_path):
    """Eleven unrelated test articles and the example: no sentence is shared, so no group spans two articles."""
    path = tmp_path / "c.db"
    assert runner.invoke(app, ["add", str(ARTICLE_DIR), str(EXAMPLES), "--db", str(path)]).exit_code == 0
    assert rows(path, "SELECT COUNT(*) FROM claim_groups WHERE articles > 1") == [(0,)]
    assert rows(path, "SELECT COUNT(*) FROM claim_group_members")[0][0] > 30


def test_re_adding_does_not_duplicate_and_rebuild_agrees(db, tmp_path):
    before = rows(db, "SELECT claim_id, group_id FROM claim_group_members ORDER BY claim_id")
    for n in range(len(ARTICLES)):
        p = tmp_path / f"{n}.txt"
        assert runner.invoke(app, ["add", str(p), "--db", str(db)]).exit_code == 0
    assert rows(db, "SELECT claim_id, group_id FROM claim_group_members ORDER BY claim_id") == before
    from claims.storage.claim_groups import rebuild
    from claims.storage.db import connect, write

    conn = connect(str(db))
    with write(conn):
        rebuild(conn)
    conn.close()
    after = rows(db, "SELECT claim_id, group_id FROM claim_group_members ORDER BY claim_id")
    assert len(after) == len(before)
    by = lambda pairs: sorted(sorted(c for c, g in pairs if g == gid) for gid in {g for _, g in pairs})  # noqa: E731
    assert by(after) == by(before)


def test_group_articles_lists_every_appearance_for_claimreview(db):
    from claims.storage.claim_groups import group_articles
    from claims.storage.db import connect

    claim = rows(
        db,
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.outlet = 'Ledger' AND c.text LIKE 'The Riverton council voted 7-2%'",
    )[0][0]
    conn = connect(str(db))
    urls = [a["url"] for a in group_articles(conn, claim)]
    conn.close()
    assert urls == ["https://ledger.example/bridge", "https://wire.example/bridge", "https://post.example/bridge"]


async def test_a_reviewer_applies_a_verdict_to_the_group_in_one_step(db, monkeypatch):
    from claims.web.serve import make_datasette

    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 1000)
    assert (
        runner.invoke(app, ["reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse"]).exit_code == 0
    )
    wire = rows(
        db,
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.outlet = 'Wire' AND c.text LIKE 'Construction is expected%'",
    )[0][0]
    r = runner.invoke(app, ["review", str(wire), "--verdict", "mostly_true", "--reviewer", "alice", "--db", str(db)])
    assert r.exit_code == 0, r.output
    original = rows(db, "SELECT id FROM reviews WHERE claim_id = ?", (wire,))[0][0]
    others = [
        c
        for (c,) in rows(
            db,
            "SELECT m.claim_id FROM claim_group_members m WHERE m.group_id = (SELECT group_id FROM claim_group_members WHERE claim_id = ?) AND m.claim_id != ?",
            (wire, wire),
        )
    ]
    assert len(others) == 2
    ds = make_datasette(db)
    anonymous = await ds.client.get(f"/-/claim/{others[0]}")
    assert "The same claim in other articles" in anonymous.text and "mostly true" in anonymous.text
    assert "Sign in as a reviewer</a> to apply a verdict" in anonymous.text
    cookies = {"ds_actor": ds.sign({"a": {"id": "alice"}}, "actor")}
    page = await ds.client.get(f"/-/claim/{others[0]}", cookies=cookies)
    assert "given to claim" in page.text
    token = re.search(
        r'action="/-/claim/\d+/apply-verdict">\s*<input type="hidden" name="csrftoken" value="([^"]+)"', page.text
    ).group(1)
    cookies = {**cookies, "ds_csrftoken": page.cookies.get("ds_csrftoken", "")}
    r = await ds.client.post(
        f"/-/claim/{others[0]}/apply-verdict", data={"csrftoken": token, "review_id": str(original)}, cookies=cookies
    )
    assert r.status_code == 302, r.text
    assert sorted(rows(db, f"SELECT id, verdict FROM claims WHERE id IN ({others[0]}, {others[1]})")) == sorted(
        (c, "mostly_true") for c in others
    )
    applied = rows(
        db,
        "SELECT r.claim_id, r.reviewer, g.from_review_id, r.note FROM reviews r JOIN claim_group_reviews g ON g.review_id = r.id",
    )
    assert sorted(a[0] for a in applied) == sorted(others)
    assert all(a[1] == "alice" and a[2] == original and f"review {original} of claim {wire}" in a[3] for a in applied)
    again = await ds.client.post(
        f"/-/claim/{others[0]}/apply-verdict", data={"csrftoken": token, "review_id": str(original)}, cookies=cookies
    )
    assert again.status_code == 302 and len(rows(db, "SELECT * FROM claim_group_reviews")) == 2  # nothing twice
    page = await ds.client.get(f"/-/claim/{others[0]}", cookies=cookies)
    assert "given to claim" not in page.text  # every member has it now


def test_claimreview_appearance_lists_every_article_of_the_group(db, monkeypatch):
    """Issue 8: a reviewed claim reprinted by other outlets appears in each of them."""
    monkeypatch.setattr("claims.storage.reviewers.ITERATIONS", 1000)
    assert runner.invoke(app, ["reviewers", "add", "alice", "--db", str(db), "--password", "correct-horse"]).exit_code == 0
    claim = rows(
        db,
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.outlet = 'Ledger' AND c.text LIKE 'The Riverton council voted 7-2%'",
    )[0][0]
    assert runner.invoke(app, ["review", str(claim), "--verdict", "true", "--reviewer", "alice", "--db", str(db)]).exit_code == 0
    r = runner.invoke(
        app,
        ["export", "claimreview", "--db", str(db), "--site-url", "https://c.example", "--desk", "Desk", "--format", "jsonl"],
    )
    assert r.exit_code == 0, r.output
    (doc,) = [json.loads(line) for line in r.stdout.splitlines()]
    urls = [a["url"] for a in doc["itemReviewed"]["appearance"]]
    assert urls == ["https://ledger.example/bridge", "https://wire.example/bridge", "https://post.example/bridge"]
