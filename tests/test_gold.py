"""The hand-labelled articles, scored in process by claims.evaluate: the project's
own (tests/gold, in every clone) and the shared set (../shared/gold, only when it
stands beside this checkout). `claims eval` must print what the shared score.py
prints for the same input."""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
import re
import shlex
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.evaluate import Tally, evaluate, metrics, predict, score_article
from tests.conftest import GOLD

# The old bars stay the floor; over them, each bar sits just under what this
# branch measured (the score minus 0.015, rounded down), so a real regression fails.
FLOOR = {"seg_f1": 0.97, "type_lenient": 0.93, "type_macro_f1": 0.85, "source_f1": 0.85, "direct_f1": 0.95}
# measured with the learned opinion model: seg 1.000, lenient 0.989, macro 0.960, source 0.988, direct 1.000 (560 claims)
PROJECT_BARS = {"seg_f1": 0.98, "type_lenient": 0.97, "type_macro_f1": 0.94, "source_f1": 0.97, "direct_f1": 0.98}
# measured on sinjar.json: seg 1.000, lenient 0.970, macro 0.924, source 1.000, direct 1.000 (33 claims). Its
# editorial sentences were caught by cue entries fitted to this one article ("hirelings", "imperialism",
# "fundamentally"), which issue 12 took out; the opinion model retrained on 240 excerpts of real news and
# opinion finds them again without those entries. One sentence moves lenient by 0.03, so its type bars sit
# one sentence under today's score.
SHARED_BARS = {"seg_f1": 0.98, "type_lenient": 0.93, "type_macro_f1": 0.88, "source_f1": 0.98, "direct_f1": 0.98}
SHARED_FLOOR = {**{"seg_f1": 0.97, "source_f1": 0.85, "direct_f1": 0.95}, "type_lenient": 0.0, "type_macro_f1": 0.0}

PROJECT_GOLD = Path(__file__).parent / "gold"
SINJAR = GOLD / "sinjar.json"
shared = pytest.mark.skipif(
    not (GOLD / "score.py").exists(), reason="../shared/gold is not beside this checkout (a user's clone)"
)
runner = CliRunner()


def _golds(folder: Path) -> list[tuple[str, dict]]:
    return [(str(p), json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def _score_py():
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "folder, bars, floor",
    [(PROJECT_GOLD, PROJECT_BARS, FLOOR), pytest.param(GOLD, SHARED_BARS, SHARED_FLOOR, marks=shared)],
    ids=["project", "shared"],
)
def test_gold_scores_meet_the_bar(folder, bars, floor):
    golds = _golds(folder)
    assert golds
    result = metrics(evaluate(golds))
    report = "\n".join(result.lines())
    for key, value in result.summary().items():
        bar = max(bars[key], floor[key])
        assert value >= bar, f"{key} {value:.3f} below {bar}\n{report}"


def _spoilt(claims: list[dict]) -> list[dict]:
    """Engine output with the kinds of mistakes the metrics must count: a lost
    claim, two merged, a wrong type, a wrong source, a dropped quote flag, and
    offsets that no longer point at the text."""
    out = copy.deepcopy(claims)
    del out[3]
    out[5]["text"] = out[5]["text"] + " " + out.pop(6)["text"]
    out[5]["start"] = None
    out[1]["type"] = "editorial_assertion" if out[1]["type"] != "editorial_assertion" else "reported_fact"
    for c in out:
        if c["source"]:
            c["source"] = {"name": "Somebody Else", "kind": "person", "title": None}
            break
    for c in out:
        if c["direct"]:
            c["direct"] = False
            break
    out[-1]["start"] += 1
    out.append({"text": "A sentence the article does not have.", "type": "official_quote", "source": "x"})
    return out


@shared
@pytest.mark.parametrize("spoil", [False, True], ids=["engine", "spoilt"])
def test_metrics_equal_score_py_line_for_line(spoil):
    """Same gold and predictions: claims.evaluate prints what score.py prints,
    also when the predictions are wrong in every way the metrics count."""
    score = _score_py()
    stats: Counter = Counter()
    stats["conf"] = Counter()
    tally = Tally()
    for label, gold in [*_golds(PROJECT_GOLD)[:20], (str(SINJAR), json.loads(SINJAR.read_text(encoding="utf-8")))]:
        claims = predict(gold["text"])
        claims = _spoilt(claims) if spoil and len(claims) >= 10 else claims
        score.score_doc(gold, claims, stats, False)
        tally += score_article(gold, claims, label)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.report(stats)
    assert metrics(tally).lines() == out.getvalue().splitlines()


def _summary(line: str) -> dict[str, str]:
    assert line.startswith("SUMMARY "), line
    return dict(re.findall(r"(\w+)=([\d.]+)", line))


def test_eval_prints_the_summary_line_of_the_scores():
    result = runner.invoke(app, ["eval", str(PROJECT_GOLD)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("claims: gold ") and "confusion (gold -> predicted):" in lines
    expected = metrics(evaluate(_golds(PROJECT_GOLD))).summary()
    assert _summary(lines[-1]) == {k: f"{v:.3f}" for k, v in expected.items()}


@shared
def test_eval_numbers_equal_score_py_on_sinjar(monkeypatch):
    cmd = f"{shlex.quote(sys.executable)} -m claims split {{file}} --format json"
    monkeypatch.setattr(sys, "argv", ["score.py", "--cmd", cmd, str(SINJAR)])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _score_py().main()
    result = runner.invoke(app, ["eval", str(SINJAR)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == out.getvalue().splitlines()
    assert _summary(result.stdout.splitlines()[-1]) == _summary(out.getvalue().splitlines()[-1])


ARTICLE = "Rates rose on Monday.\n\n“We will act,” the minister said.\n"
GOLD_DOC = {
    "id": "t",
    "text": ARTICLE,
    "claims": [
        {"text": "Rates rose on Monday.", "type": "reported_fact", "source": None},
        {
            "text": "“We will act,” the minister said.",
            "type": "official_quote",
            "source": "minister",
            "source_kind": "anonymous",
            "direct": True,
        },
    ],
}


@pytest.fixture
def workdir(monkeypatch):
    """A scratch folder, the current one during the test, gone after it."""
    with tempfile.TemporaryDirectory() as d:
        monkeypatch.chdir(d)
        yield Path(d)


def test_verbose_lists_where_engine_and_labeller_disagree(workdir):
    (workdir / "g.json").write_text(json.dumps(GOLD_DOC), encoding="utf-8")
    wrong = [
        {"start": 0, "end": 21, "text": "Rates rose on Monday.", "type": "editorial_assertion", "source": None},
        {"text": "“We will act,” the minister said.", "type": "official_quote", "source": "the mayor", "direct": True},
    ]
    (workdir / "p.json").write_text(json.dumps({"claims": wrong}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "g.json", "--predictions", "p.json", "--verbose"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "g.json: 2 disagreements" in out
    assert "type    gold='reported_fact' pred='editorial_assertion': 'Rates rose on Monday.'" in out
    assert "source  gold='minister' pred='the mayor'" in out
    assert out.splitlines()[-1] == (
        "SUMMARY seg_f1=1.000 type_lenient=0.500 type_macro_f1=0.333 source_f1=0.000 direct_f1=1.000"
    )
    as_json = runner.invoke(app, ["eval", "g.json", "--predictions", "p.json", "-v", "--format", "json"])
    doc = json.loads(as_json.stdout)
    assert doc["summary"]["type_lenient"] == 0.5 and doc["confusion"]["reported_fact"] == {"editorial_assertion": 1}
    assert [d["field"] for d in doc["disagreements"]] == ["type", "source"]


def test_eval_scores_every_json_file_of_a_folder(workdir):
    (workdir / "gold").mkdir()
    for name in ("a", "b"):
        (workdir / "gold" / f"{name}.json").write_text(json.dumps(GOLD_DOC), encoding="utf-8")
    (workdir / "gold" / "notes.txt").write_text("not gold", encoding="utf-8")
    result = runner.invoke(app, ["eval", "gold", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [Path(f).name for f in doc["files"]] == ["a.json", "b.json"] and doc["claims"]["gold"] == 4


def _claim_not_in_text() -> dict:
    doc = copy.deepcopy(GOLD_DOC)
    doc["claims"][1]["text"] = "“We will not act,” the minister said."
    return doc


def _out_of_order() -> dict:
    doc = copy.deepcopy(GOLD_DOC)
    doc["claims"].reverse()
    return doc


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("{not json", "not JSON"),
        ("", "is empty"),
        (json.dumps([GOLD_DOC]), "one JSON object with 'text' and 'claims'"),
        (json.dumps({"text": ARTICLE}), "'claims' must be a list"),
        (json.dumps({**GOLD_DOC, "claims": [{"text": "Rates rose on Monday.", "type": "fact"}]}), "'type' is 'fact'"),
        (json.dumps(_claim_not_in_text()), "claim 2 is not in the article text"),
        (json.dumps(_out_of_order()), "claim 2 is out of order"),
    ],
    ids=["missing", "not-json", "empty", "list", "no-claims", "bad-type", "not-in-text", "out-of-order"],
)
def test_bad_gold_one_line_error(workdir, content, message):
    if content is not None:
        (workdir / "g.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", "g.json"])
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.startswith("error: g.json: ")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_folder_without_gold_files_and_bad_predictions_are_one_line_errors(workdir):
    (workdir / "empty").mkdir()
    result = runner.invoke(app, ["eval", "empty"])
    assert result.exit_code == 1 and result.stderr == "error: empty: no gold files (*.json) in this folder\n"
    (workdir / "g.json").write_text(json.dumps(GOLD_DOC), encoding="utf-8")
    (workdir / "p.json").write_text(json.dumps({"claims": "none"}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "g.json", "--predictions", "p.json"])
    assert result.exit_code == 1 and "p.json: predictions must be" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
