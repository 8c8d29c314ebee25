import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claims.cli import app

runner = CliRunner()


def test_json_contract(tmp_path):
    path = tmp_path / "a.txt"
    text = "Mayor backs plan\n\n“It will work,” Mayor Ann Lee said. Critics disagreed, according to reports."
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["split", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["article"] == {"title": "Mayor backs plan", "chars": len(text), "words": len(text.split())}
    quote = doc["claims"][1]
    assert set(quote) == {
        "seq",
        "start",
        "end",
        "paragraph",
        "text",
        "type",
        "confidence",
        "rationale",
        "source",
        "mention",
        "cue",
        "mention_span",
        "cue_span",
        "via",
        "direct",
        "quotes",
    }
    a, b = quote["mention_span"]
    assert text[a:b] == quote["mention"]  # spans point into the article text
    a, b = quote["cue_span"]
    assert text[a:b] == quote["cue"]
    assert quote["source"] == {"name": "Ann Lee", "kind": "person", "title": "Mayor"}
    assert quote["type"] == "official_quote" and quote["direct"] and quote["cue"] == "said"
    assert text[quote["quotes"][0]["start"] : quote["quotes"][0]["end"]] == "It will work,"
    for c in doc["claims"]:
        assert text[c["start"] : c["end"]] == c["text"]
    assert doc["sources"][0]["name"] == "Ann Lee"


def test_jsonl_csv_and_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The council met. “We agree,” said Tom Beck.", encoding="utf-8")
    lines = runner.invoke(app, ["split", str(path), "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(x)["seq"] for x in lines] == [1, 2]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["split", str(path), "--format", "csv"]).stdout)))
    assert rows[1]["source"] == "Tom Beck" and rows[1]["type"] == "official_quote"
    table = runner.invoke(app, ["split", str(path)])
    assert table.exit_code == 0 and "official_quote" in table.stdout and "Tom Beck" in table.stdout


def test_stdin():
    result = runner.invoke(app, ["split", "-", "--format", "jsonl"], input="Prices rose. They fell.")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "e.txt", b""), "is empty"),
        (lambda d: _write(d / "w.txt", b"  \n\t\n "), "is empty"),
        (lambda d: _write(d / "b.bin", bytes(range(256)) * 4), "binary"),
        (lambda d: _write(d / "l.txt", "Caf\u00e9 ol\u00e9".encode("latin-1")), "not UTF-8"),
    ],
)
def test_bad_input_one_line_error(tmp_path, make, message):
    result = runner.invoke(app, ["split", str(make(tmp_path))])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_html_file_is_reduced_to_its_article(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Dam opens</title></head><body><nav>Home | Sports | Weather</nav><article>"
        "<h1>Dam opens after delays</h1><p>The new dam opened on Monday after three years of delays.</p>"
        "<p>“It is a great day for the valley,” said Governor Ruth Alder at the ceremony.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    doc = json.loads(runner.invoke(app, ["split", str(page), "--format", "json"]).stdout)
    texts = [c["text"] for c in doc["claims"]]
    assert "Home | Sports | Weather" not in " ".join(texts)
    quote = next(c for c in doc["claims"] if c["text"].startswith("“It is a great day"))
    assert quote["source"]["name"] == "Ruth Alder" and quote["direct"]
