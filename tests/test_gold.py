"""The shared hand-labelled articles and the project's own (tests/gold), scored by the shared scorer."""

import contextlib
import importlib.util
import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD

BARS = {"seg_f1": 0.97, "type_lenient": 0.93, "type_macro_f1": 0.85, "source_f1": 0.85, "direct_f1": 0.95}


PROJECT_GOLD = Path(__file__).parent / "gold"


@pytest.mark.skipif(
    not (GOLD / "score.py").exists(), reason="../shared/gold is not beside this checkout (a user's clone)"
)
@pytest.mark.parametrize("folder", [GOLD, PROJECT_GOLD], ids=["shared", "project"])
def test_gold_scores_meet_the_bar(monkeypatch, folder):
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    cmd = f"{shlex.quote(sys.executable)} -m claims split {{file}} --format json"
    files = sorted(str(p) for p in folder.glob("*.json"))
    assert files
    monkeypatch.setattr(sys, "argv", ["score.py", "--cmd", cmd, *files])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.main()
    summary = dict(re.findall(r"(\w+)=([\d.]+)", out.getvalue().splitlines()[-1]))
    for key, bar in BARS.items():
        assert float(summary[key]) >= bar, f"{key} {summary[key]} below {bar}\n{out.getvalue()}"
