"""Presenting claims: JSON (the documented contract), JSON lines, CSV, and a
coloured table for the terminal."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable

CSV_FIELDS = [
    "seq",
    "start",
    "end",
    "paragraph",
    "type",
    "confidence",
    "source",
    "source_kind",
    "source_title",
    "mention",
    "cue",
    "via",
    "direct",
    "text",
]
STORED_CSV_FIELDS = [
    "id",
    "article_id",
    "seq",
    "type",
    "confidence",
    "source",
    "source_kind",
    "source_title",
    "cue",
    "via",
    "direct",
    "status",
    "verdict",
    "outlet",
    "origin",
    "text",
]
TYPE_STYLE = {"reported_fact": "cyan", "official_quote": "green", "editorial_assertion": "magenta"}


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_jsonl(rows: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def flat(claim: dict) -> dict:
    """A claim dict as one flat CSV row."""
    src = claim.get("source") or {}
    row = {k: v for k, v in claim.items() if k not in ("source", "rationale", "quotes")}
    row.update(source=src.get("name"), source_kind=src.get("kind"), source_title=src.get("title"))
    return row


def to_csv(rows: Iterable[dict], fields: list[str] = CSV_FIELDS) -> str:
    """CSV with booleans as 0/1, as the database and Datasette write them."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: int(v) if isinstance(v, bool) else v for k, v in r.items()})
    return buf.getvalue()


def _console():
    """The terminal's width when there is one; a wide page when piped."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=200)


def table(rows: Iterable[dict], title: str | None = None, extra: list[str] | None = None, key: str = "seq") -> None:
    """Print claims as a table: type in colour, source, cue (and extra columns);
    `key` names the first column (the claim's position, or its database id)."""
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    t = Table(title=title, show_lines=False, expand=True)
    t.add_column("#" if key == "seq" else key, justify="right", no_wrap=True)
    t.add_column("type", overflow="fold")
    t.add_column("source", max_width=30, overflow="fold")
    t.add_column("cue", max_width=14, overflow="fold")
    for col in extra or []:
        t.add_column(col, overflow="fold")
    t.add_column("claim", ratio=3, overflow="fold")  # wraps: a claim is never cut to "…"
    for r in rows:
        src = r.get("source") or {}
        name = src.get("name") if isinstance(src, dict) else src
        kind = src.get("kind") if isinstance(src, dict) else r.get("source_kind")
        who = escape(f"{name} ({kind})") if name else "-"
        style = TYPE_STYLE.get(r["type"], "white")
        cells = [str(r.get(key)), f"[{style}]{r['type']}[/]", who, escape(r.get("cue") or "-")]
        cells += [escape(str(r.get(c) if r.get(c) is not None else "-")) for c in extra or []]
        cells.append(escape(r["text"]))
        t.add_row(*cells)
    console.print(t)


def plain_table(rows: Iterable[dict], fields: list[str]) -> None:
    """Rows of any kind as a table with the given columns (text wraps, never cut)."""
    from rich.markup import escape
    from rich.table import Table

    t = Table(expand=False)
    for f in fields:
        t.add_column(f, overflow="fold")
    for r in rows:
        t.add_row(*(escape(str(r.get(f) if r.get(f) is not None else "-")) for f in fields))
    _console().print(t)
