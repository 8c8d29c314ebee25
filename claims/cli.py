"""The `claims` command line: split, add, show, list, sources, review, serve."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from claims import render
from claims.errors import ClaimsError

app = typer.Typer(
    help="Split news articles into typed, attributed claims and track them for fact-checking.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

F = TypeVar("F", bound=Callable)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


def friendly(fn: F) -> F:
    """Turn expected failures into one line on stderr and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ClaimsError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted") from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def root() -> None:
    """claims: a claim and quote attribution tracker for fact-checkers."""


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table for people; json, jsonl, csv for tools")]


@app.command()
@friendly
def split(
    path: Annotated[str, typer.Argument(help="Article file (plain text or Markdown), or - for stdin")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Print an article's claims, typed and attributed, without storing anything."""
    from claims.engine import analyze
    from claims.reading import read_text

    result = analyze(read_text(path)).to_dict()
    emit(result["claims"], fmt, doc=result, title=result["article"]["title"])


def emit(
    rows: list[dict],
    fmt: Format,
    doc: dict | None = None,
    title: str | None = None,
    extra: list[str] | None = None,
    csv_fields: list[str] | None = None,
) -> None:
    if fmt is Format.json:
        sys.stdout.write(render.to_json(doc if doc is not None else rows) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(render.to_jsonl(rows))
    elif fmt is Format.csv:
        flat = [render.flat(r) if "source" in r and isinstance(r.get("source"), dict | None) else r for r in rows]
        sys.stdout.write(render.to_csv(flat, csv_fields or render.CSV_FIELDS))
    else:
        render.table(rows, title=title, extra=extra)


def main() -> None:
    app()
