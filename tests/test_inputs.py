"""Faults and hostile inputs (issue 9): every input has a limit, and every
failure while reading one is a one-line error, never a traceback."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from claims.cli import app

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
