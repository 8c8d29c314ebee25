"""The `claims` command line: split, add, show, list, sources, review, serve, eval."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import click
import typer

from claims import render
from claims.engine.model import CLAIM_TYPES
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
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # last resort: a library bug still ends in one line, not a traceback
            if os.environ.get("CLAIMS_DEBUG"):
                raise
            raise fail(f"unexpected {type(exc).__name__}: {exc} (CLAIMS_DEBUG=1 shows the traceback)") from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def root() -> None:
    """claims: a claim and quote attribution tracker for fact-checkers."""


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table for people; json, jsonl, csv for tools")]
MaxMbOpt = Annotated[
    float | None,
    typer.Option("--max-mb", envvar="CLAIMS_MAX_MB", help="Refuse an input larger than this many MB (default 20)"),
]
FetchTimeoutOpt = Annotated[
    float | None,
    typer.Option("--fetch-timeout", envvar="CLAIMS_FETCH_TIMEOUT", help="Seconds a URL may take in all (default 30)"),
]


@app.command()
@friendly
def split(
    path: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html), an http(s) URL, or - for stdin")],
    fmt: FormatOpt = Format.table,
    max_mb: MaxMbOpt = None,
    fetch_timeout: FetchTimeoutOpt = None,
) -> None:
    """Print an article's claims, typed and attributed, without storing anything."""
    from claims.engine import analyze
    from claims.ingest import load
    from claims.reading import Limits

    result = analyze(load(path, Limits.of(max_mb, fetch_timeout)).text).to_dict()
    emit(result["claims"], fmt, doc=result, title=result["article"]["title"])
    if fmt is Format.table:
        counts = {t: sum(1 for c in result["claims"] if c["type"] == t) for t in CLAIM_TYPES}
        typer.echo(
            f"{len(result['claims'])} claims: "
            + ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in counts.items())
            + f"; {len(result['sources'])} sources"
        )


def emit(
    rows: list[dict],
    fmt: Format,
    doc: dict | None = None,
    title: str | None = None,
    extra: list[str] | None = None,
    csv_fields: list[str] | None = None,
    key: str = "seq",
) -> None:
    if fmt is Format.json:
        sys.stdout.write(render.to_json(doc if doc is not None else rows) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(render.to_jsonl(rows))
    elif fmt is Format.csv:
        flat = [render.flat(r) if "source" in r else r for r in rows]  # claims flatten; source rows are flat
        sys.stdout.write(render.to_csv(flat, csv_fields or render.CSV_FIELDS))
    else:
        render.table(rows, title=title, extra=extra, key=key)


DbOpt = Annotated[str | None, typer.Option("--db", help="Database file (default $CLAIMS_DB or db/claims.db)")]


def open_db(db_path: str | None, create: bool = False):
    """The database a command works on (existing unless `create`)."""
    from claims.storage.db import connect

    return connect(db_path, create=create)


@app.command()
@friendly
def add(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files (.txt .md .html), directories, URLs, or - for stdin")
    ] = None,
    db_path: DbOpt = None,
    title: Annotated[str | None, typer.Option(help="Headline (overrides what was found)")] = None,
    outlet: Annotated[str | None, typer.Option(help="News outlet")] = None,
    url: Annotated[str | None, typer.Option(help="Where the article was published")] = None,
    author: Annotated[str | None, typer.Option(help="Byline")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date")] = None,
    claim: Annotated[str | None, typer.Option("--claim", help="Record one claim by hand instead of an article")] = None,
    ctype: Annotated[str | None, typer.Option("--type", help="Type of a claim recorded with --claim")] = None,
    source: Annotated[str | None, typer.Option(help="Source of a claim recorded with --claim")] = None,
    article: Annotated[int | None, typer.Option(help="Article id a --claim belongs to")] = None,
    max_mb: MaxMbOpt = None,
    fetch_timeout: FetchTimeoutOpt = None,
) -> None:
    """Add articles to the database (or one claim by hand with --claim)."""
    from claims.ingest import expand, load
    from claims.reading import Limits
    from claims.storage import store
    from claims.storage.db import DiskFull
    from claims.storage.links import checked_url

    limits = Limits.of(max_mb, fetch_timeout)
    checked_url(url, "--url")
    db = open_db(db_path, create=True)
    if claim is not None:
        if not ctype:
            raise ClaimsError("--claim needs --type (reported_fact, official_quote or editorial_assertion)")
        claim_id = store.add_manual_claim(db, claim, ctype, source, article)
        typer.echo(f"recorded claim {claim_id}")
        return
    if not paths:
        raise ClaimsError("give article files, directories, URLs or - (or --claim TEXT)")
    from claims.ingest import skipped

    items = list(expand(paths))
    not_articles = skipped(paths)
    overrides = {"title": title, "outlet": outlet, "url": url, "author": author, "published": published}
    counts = {"added": 0, "skipped": 0, "version": 0}
    claims_n = sources_n = 0
    new_ids: list[int] = []
    present_ids: list[int] = []
    failures: list[str] = []
    with typer.progressbar(
        items, label="adding", file=sys.stderr, hidden=len(items) < 5 or not sys.stderr.isatty()
    ) as bar:
        for done, item in enumerate(bar, 1):
            try:
                result = store.add_article(db, load(item, limits), overrides)
            except DiskFull as exc:  # every later article would fail the same way
                left = len(items) - done
                failures.append(f"{exc}; stopped with {left} inputs not tried" if left else str(exc))
                break
            except ClaimsError as exc:
                failures.append(str(exc))
                continue
            except Exception as exc:  # one bad input must not stop the batch or hide its summary
                if os.environ.get("CLAIMS_DEBUG"):
                    raise
                failures.append(f"{item}: unexpected {type(exc).__name__}: {exc}")
                continue
            counts[result.status] += 1
            (present_ids if result.status == "skipped" else new_ids).append(result.article_id)
            claims_n += result.claims
            sources_n += result.new_sources
    added = counts["added"] + counts["version"]
    versions = f" ({counts['version']} new versions)" if counts["version"] else ""
    typer.echo(
        f"{added} articles added{versions}, {counts['skipped']} skipped as already present, "
        f"{claims_n} claims, {sources_n} new sources"
    )
    if new_ids:
        typer.echo(f"new article ids: {_ids(new_ids)}")
    if present_ids:
        typer.echo(f"already present as: {_ids(present_ids)}")
    if not_articles:
        typer.echo(f"{len(not_articles)} files skipped as not articles (.txt, .md, .html):")
        for f in not_articles:
            typer.echo(f"  skipped: {f}")
    if failures:
        for f in failures:
            typer.echo(f"error: {f}", err=True)
        raise typer.Exit(1)


@app.command()
@friendly
def reanalyze(
    articles: Annotated[
        list[int] | None, typer.Argument(help="Article ids (default: every current article version)")
    ] = None,
    db_path: DbOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Also articles this engine version already read")] = False,
) -> None:
    """Run this engine over stored articles again. Claim ids, verdicts, notes
    and assignments stay; the desk's corrections win over the new reading."""
    from claims.engine.version import engine_version
    from claims.storage import reanalysis

    db = open_db(db_path)
    ids = articles or reanalysis.current_articles(db)
    totals = reanalysis.Reanalysed(0, "")
    done = current = 0
    regroup = False
    for article_id in ids:
        r = reanalysis.reanalyse(db, article_id, force)
        if r.status == "current":
            current += 1
            continue
        done += 1
        regroup |= r.regroup
        for field in ("updated", "added", "removed", "kept", "corrections_kept", "sources_removed"):
            setattr(totals, field, getattr(totals, field) + getattr(r, field))
        if r.kept:
            typer.echo(f"article {article_id}: {r.kept} claims the engine no longer finds kept for the desk's work")
    if regroup:
        reanalysis.regroup(db)
    typer.echo(
        f"{done} articles read again with engine {engine_version()}, {current} already current: "
        f"{totals.updated} claims changed, {totals.added} added, {totals.removed} removed, {totals.kept} kept; "
        f"{totals.corrections_kept} desk corrections kept over the new reading"
        + (f"; {totals.sources_removed} sources no claim names any more removed" if totals.sources_removed else "")
    )


def _ids(ids: list[int]) -> str:
    """Article ids as ranges: 1-40, 42."""
    out: list[str] = []
    for i in sorted(set(ids)):
        if out and out[-1].split("-")[-1] == str(i - 1):
            out[-1] = out[-1].split("-")[0] + f"-{i}"
        else:
            out.append(str(i))
    return ", ".join(out)


@app.command()
@friendly
def articles(
    db_path: DbOpt = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet")] = None,
    limit: Annotated[int, typer.Option(help="At most this many, newest first")] = 200,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the articles in the database, newest first."""
    db = open_db(db_path)
    sql = (
        """SELECT a.id, a.title, a.outlet, a.published, a.url, a.previous_id,
      (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims,
      EXISTS (SELECT 1 FROM articles n WHERE n.previous_id = a.id) AS superseded
      FROM articles a"""
        + (" WHERE a.outlet = ? COLLATE NOCASE" if outlet else "")
        + " ORDER BY a.id DESC LIMIT ?"
    )
    rows = list(db.query(sql, ([outlet] if outlet else []) + [limit]))
    fields = ["id", "title", "outlet", "published", "claims", "previous_id", "superseded", "url"]
    if fmt is Format.table:
        render.plain_table(rows, fields[:-1])
    else:
        emit(rows, fmt, csv_fields=fields)


@app.command()
@friendly
def show(
    article: Annotated[str, typer.Argument(help="Article id, URL or part of its title")],
    db_path: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Print an article's claims in order with type, source and verdict."""
    from claims.storage import store

    db = open_db(db_path)
    art = store.find_article(db, article)
    rows = store.article_claims(db, art["id"])
    new, removed = store.changes(db, art)
    for r in rows:
        r["changed"] = "new" if r["text"] in new else ""
    if fmt is Format.table:
        outlet = f" — {art['outlet']}" if art.get("outlet") else ""
        emit(
            rows,
            fmt,
            title=f"[{art['id']}] {art['title'] or '(untitled)'}{outlet}",
            extra=["seq", "verdict", "changed"],
            key="id",
        )
        if art.get("previous_id"):
            typer.echo(
                f"new version of article {art['previous_id']}: {len(new)} claims new or changed, {len(removed)} gone"
            )
            for text in removed:
                typer.echo(f"  gone: {text}")
    else:
        emit(
            rows,
            fmt,
            doc={"article": {k: v for k, v in art.items() if k != "text"}, "claims": rows, "removed": removed},
            csv_fields=[*render.STORED_CSV_FIELDS, "changed"],
        )


@app.command("list")
@friendly
def list_(
    db_path: DbOpt = None,
    ctype: Annotated[
        str | None, typer.Option("--type", help="reported_fact, official_quote, editorial_assertion")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source name, alias or id")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet")] = None,
    status: Annotated[str | None, typer.Option(help="unstarted, in_progress or done")] = None,
    verdict: Annotated[
        str | None,
        typer.Option(
            help="Latest verdict: true, mostly_true, half_true, misleading, mostly_false, false, unverifiable"
        ),
    ] = None,
    article: Annotated[int | None, typer.Option(help="Article id")] = None,
    limit: Annotated[int, typer.Option(help="At most this many claims")] = 200,
    fmt: FormatOpt = Format.table,
) -> None:
    """List claims across articles, filtered."""
    from claims.storage import store

    db = open_db(db_path)
    rows = store.list_claims(
        db, ctype=ctype, source=source, outlet=outlet, status=status, verdict=verdict, article=article, limit=limit
    )
    emit(rows, fmt, extra=["article_id", "verdict"], key="id", csv_fields=render.STORED_CSV_FIELDS)


sources_app = typer.Typer(
    help="List and fix the sources that claims come from.", no_args_is_help=False, invoke_without_command=True
)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
@friendly
def sources_list(
    ctx: typer.Context,
    db_path: DbOpt = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind")] = None,
    limit: Annotated[int, typer.Option(help="At most this many")] = 200,
    fmt: FormatOpt = Format.table,
) -> None:
    """List sources with their claim counts."""
    if ctx.invoked_subcommand:
        return
    from claims.storage import store

    rows = store.list_sources(open_db(db_path), kind, limit)
    _emit_sources(rows, fmt)


def _emit_sources(rows: list[dict], fmt: Format) -> None:
    if fmt is Format.table:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        t = Table()
        for col in ("id", "name", "kind", "title", "claims", "articles"):
            t.add_column(col)
        for r in rows:
            t.add_row(
                *(
                    escape(str(r[c] if r[c] is not None else "-"))
                    for c in ("id", "name", "kind", "title", "claims", "articles")
                )
            )
        Console().print(t)
    else:
        emit(rows, fmt, csv_fields=["id", "name", "kind", "title", "claims", "articles", "locked"])


@sources_app.command("show")
@friendly
def sources_show(
    ref: Annotated[str, typer.Argument(help="Source id, name or alias")],
    db_path: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """A source's names and every claim attributed to it."""
    from claims.storage import store

    db = open_db(db_path)
    src = store.find_source(db, ref)
    aliases = store.source_aliases(db, src["id"])
    rows = store.list_claims(db, source=str(src["id"]), limit=10_000)
    if fmt is Format.table:
        typer.echo(f"{src['id']}: {src['name']} ({src['kind']}){' — ' + src['title'] if src['title'] else ''}")
        typer.echo(f"also seen as: {', '.join(aliases) or '-'}; {src['claims']} claims in {src['articles']} articles")
        emit(rows, fmt, extra=["article_id", "verdict"], key="id", csv_fields=render.STORED_CSV_FIELDS)
    else:
        emit(
            rows, fmt, doc={"source": {**src, "aliases": aliases}, "claims": rows}, csv_fields=render.STORED_CSV_FIELDS
        )


@sources_app.command("merge")
@friendly
def sources_merge(
    keep: Annotated[str, typer.Argument(help="Source to keep")],
    absorb: Annotated[str, typer.Argument(help="Source folded into it")],
    db_path: DbOpt = None,
) -> None:
    """Merge two sources that are the same person or body."""
    from claims.storage import store

    src = store.merge_sources(open_db(db_path), keep, absorb)
    typer.echo(f"merged into {src['id']}: {src['name']} ({src['claims']} claims)")


@sources_app.command("rename")
@friendly
def sources_rename(
    ref: Annotated[str, typer.Argument(help="Source id, name or alias")],
    new_name: Annotated[str, typer.Argument(help="The right name")],
    db_path: DbOpt = None,
) -> None:
    """Give a source its right name (the old one is kept as an alias)."""
    from claims.storage import store

    src = store.rename_source(open_db(db_path), ref, new_name)
    typer.echo(f"renamed {src['id']} to {src['name']}")


@sources_app.command("alias")
@friendly
def sources_alias(
    ref: Annotated[str, typer.Argument(help="Source id, name or alias")],
    alias: Annotated[str, typer.Argument(help="Another name it goes by")],
    db_path: DbOpt = None,
) -> None:
    """Record another name for a source, so later mentions link to it."""
    from claims.storage import store

    src = store.alias_source(open_db(db_path), ref, alias)
    typer.echo(f"{src['name']} is also {alias}")


@sources_app.command("kind")
@friendly
def sources_kind(
    ref: Annotated[str, typer.Argument(help="Source id, name or alias")],
    kind: Annotated[str, typer.Argument(help="person, organization, media, document, anonymous or unspecified")],
    reviewer: Annotated[str, typer.Option(help="Who corrects (an existing reviewer)")],
    title: Annotated[str | None, typer.Option(help="Also correct its title (empty clears it)")] = None,
    db_path: DbOpt = None,
) -> None:
    """Correct a source's kind (and title); recorded in the corrections table."""
    from claims.storage import desk

    db = open_db(db_path)
    _reviewer(db_path, reviewer)
    src, changed = desk.correct_source(db, ref, reviewer, kind=kind, title=title)
    typer.echo(
        f"source {src['id']} {src['name']}: " + ("; ".join(changed) if changed else "already so, nothing changed")
    )


def _reviewer(db_path: str | None, name: str) -> str:
    """The CLI's --reviewer must be an account: a typo must not put work under a name nobody signs in as."""
    from claims.storage import reviewers
    from claims.storage.db import resolve_path

    path = reviewers.accounts_path(resolve_path(db_path))
    if not reviewers.exists(path, name):
        known = ", ".join(sorted(reviewers.load(path))) or "none yet"
        raise ClaimsError(
            f"no reviewer named {name!r} (reviewers: {known}; create one with: claims reviewers add NAME)"
        )
    return name


@app.command()
@friendly
def fix(
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    reviewer: Annotated[str, typer.Option(help="Who corrects (an existing reviewer)")],
    ctype: Annotated[
        str | None, typer.Option("--type", help="reported_fact, official_quote or editorial_assertion")
    ] = None,
    source: Annotated[str | None, typer.Option(help="An existing source (id, name or alias)")] = None,
    new_source: Annotated[str | None, typer.Option(help="Create this source (with --kind, --title)")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind of the --new-source")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the --new-source")] = None,
    no_source: Annotated[bool, typer.Option("--no-source", help="The claim names no source")] = False,
    db_path: DbOpt = None,
) -> None:
    """Correct the engine: a claim's type or source (the engine's value stays on record)."""
    from claims.storage import desk

    db = open_db(db_path)
    _reviewer(db_path, reviewer)
    if (kind or title) and not new_source:
        raise ClaimsError("--kind and --title describe a --new-source (to correct a source: claims sources kind)")
    created = {"name": new_source, "kind": kind or "person", "title": title} if new_source else None
    changed = desk.fix_claim(
        db, claim_id, reviewer, ctype=ctype, source=source, new_source=created, no_source=no_source
    )
    typer.echo(f"claim {claim_id}: " + ("; ".join(changed) if changed else "already so, nothing changed"))


@app.command()
@friendly
def precision(db_path: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """The engine as the desk saw it: how often reviewers corrected it, by type and by field."""
    from claims.storage import desk

    result = desk.precision(open_db(db_path))
    if fmt is Format.table:
        typer.echo("claims the desk checked (reviewed or corrected), by the engine's type:")
        render.plain_table(
            result["claims"],
            ["engine_type", "checked", "type_corrected", "type_precision", "source_corrected", "source_precision"],
        )
        if result["sources"]:
            typer.echo("source corrections:")
            render.plain_table(result["sources"], ["field", "before", "after", "corrections"])
    elif fmt is Format.csv:
        emit(result["claims"], fmt, csv_fields=list(result["claims"][0]) if result["claims"] else ["engine_type"])
    else:
        emit(result["claims"], fmt, doc=result)


@app.command()
@friendly
def assign(
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    reviewer: Annotated[str | None, typer.Argument(help="Reviewer (leave out with --none to unassign)")] = None,
    none: Annotated[bool, typer.Option("--none", help="Unassign")] = False,
    db_path: DbOpt = None,
) -> None:
    """Assign a claim to a reviewer (an unstarted claim becomes in_progress)."""
    from claims.storage import desk

    db = open_db(db_path)
    if not none and not reviewer:
        raise ClaimsError("give a reviewer, or --none to unassign")
    if reviewer:
        _reviewer(db_path, reviewer)
    claim = desk.assign(db, claim_id, None if none else reviewer)
    typer.echo(f"claim {claim_id}: assigned to {claim['assignee'] or 'nobody'}, {claim['status']}")


@app.command()
@friendly
def status(
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    value: Annotated[str, typer.Argument(help="unstarted, in_progress or done")],
    db_path: DbOpt = None,
) -> None:
    """Set a claim's workflow status."""
    from claims.storage import desk

    desk.set_status(open_db(db_path), claim_id, value)
    typer.echo(f"claim {claim_id}: {value}")


@app.command()
@friendly
def note(
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    text: Annotated[str, typer.Argument(help="The note")],
    reviewer: Annotated[str, typer.Option(help="Who writes (an existing reviewer)")],
    db_path: DbOpt = None,
) -> None:
    """Add a note to a claim's thread (notes are not verdicts)."""
    from claims.storage import desk

    db = open_db(db_path)
    _reviewer(db_path, reviewer)
    note_id = desk.add_note(db, claim_id, reviewer, text)
    typer.echo(f"note {note_id} on claim {claim_id}")


@app.command()
@friendly
def queue(
    reviewer: Annotated[str | None, typer.Option(help="This reviewer's queue (default: the unassigned queue)")] = None,
    limit: Annotated[int, typer.Option(help="At most this many")] = 50,
    db_path: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """The review queue: sourced facts and quotes, then unsourced ones, then editorial assertions; newest articles first."""
    from claims.storage import desk

    db = open_db(db_path)
    if reviewer:
        _reviewer(db_path, reviewer)
    rows = desk.my_queue(db, reviewer, limit) if reviewer else desk.review_queue(db, limit)
    if fmt is Format.table:
        render.table(rows, extra=["article_id", "status", "assignee"], key="id")
    else:
        emit(
            rows, fmt, csv_fields=["id", "article_id", "seq", "type", "source", "status", "assignee", "verdict", "text"]
        )


export_app = typer.Typer(help="Publish the desk's work: ClaimReview JSON-LD, gold files.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class LdFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@export_app.command("claimreview")
@friendly
def export_claimreview(
    db_path: DbOpt = None,
    since: Annotated[str | None, typer.Option(help="Only claims reviewed on or after this date (YYYY-MM-DD)")] = None,
    site_url: Annotated[
        str | None, typer.Option(envvar="CLAIMS_SITE_URL", help="Address the site is published at (claim page URLs)")
    ] = None,
    desk_name: Annotated[
        str | None, typer.Option("--desk", help="The desk's organisation (default $CLAIMS_DESK_NAME)")
    ] = None,
    desk_url: Annotated[str | None, typer.Option(help="The desk's web site (default $CLAIMS_DESK_URL)")] = None,
    fmt: Annotated[
        LdFormat, typer.Option("--format", "-f", help="json: one JSON-LD document; jsonl: one a line")
    ] = LdFormat.json,
) -> None:
    """Reviewed claims as schema.org ClaimReview JSON-LD (Google Fact Check Tools, aggregators)."""
    import re

    from claims import claimreview

    if since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?", since):
        raise ClaimsError(f"--since must be a date like 2026-05-01, not {since!r}")
    org = claimreview.desk()
    org = {"name": desk_name or org["name"], "url": desk_url or org["url"]}
    if not site_url:
        raise ClaimsError("give --site-url (or $CLAIMS_SITE_URL): ClaimReview needs the claim pages' address")
    docs = claimreview.export(open_db(db_path), site_url, org, since)
    if fmt is LdFormat.jsonl:
        sys.stdout.write(render.to_jsonl(docs))
    else:
        graph = [{k: v for k, v in d.items() if k != "@context"} for d in docs]
        sys.stdout.write(render.to_json({"@context": "https://schema.org", "@graph": graph}) + "\n")
    typer.echo(f"{len(docs)} ClaimReviews", err=True)


@export_app.command("gold")
@friendly
def export_gold(
    folder: Annotated[Path, typer.Argument(help="Folder to write the gold files to (created if missing)")],
    db_path: DbOpt = None,
) -> None:
    """Articles with desk-checked claims as GUIDE-format gold files, corrections applied (score with claims eval)."""
    from claims.storage import desk

    docs = desk.gold(open_db(db_path))
    if folder.exists() and not folder.is_dir():
        raise ClaimsError(f"{folder}: is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (folder / f"{d['id']}.json").write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{len(docs)} gold files in {folder}")


@app.command()
@friendly
def serve(
    db_path: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8001,
    open_browser: Annotated[bool, typer.Option("--open", help="Open a browser")] = False,
) -> None:
    """Publish the database with Datasette for browsing, review and SQL audits."""
    import ipaddress

    from claims.storage.db import connect, resolve_path
    from claims.web import serve as serve_module

    if not resolve_path(db_path).exists():
        raise ClaimsError(f"{resolve_path(db_path)}: no database here (add articles with: claims add FILE --db PATH)")
    connect(db_path, create=False).close()  # upgraded before Datasette opens it
    serve_module.check_port(host, port)
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if not local:
        typer.echo(
            f"warning: --host {host} makes the site public to every network this machine is on; anyone who can "
            "reach it can read the database and run SQL on it (use 127.0.0.1 behind a proxy to limit that)",
            err=True,
        )
    typer.echo(f"serving on http://{host}:{port}/", err=True)
    serve_module.run(resolve_path(db_path), host, port, open_browser)


@app.command()
@friendly
def review(
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    verdict: Annotated[
        str, typer.Option(help="true, mostly_true, half_true, misleading, mostly_false, false, unverifiable")
    ],
    reviewer: Annotated[str, typer.Option(help="Who reviews")],
    note: Annotated[str | None, typer.Option(help="Reasoning")] = None,
    evidence: Annotated[str | None, typer.Option(help="Link to the evidence")] = None,
    db_path: DbOpt = None,
) -> None:
    """Record a verdict on a claim (appended to its review history)."""
    from claims.storage import store

    db = open_db(db_path)
    _reviewer(db_path, reviewer)
    review_id = store.add_review(db, claim_id, verdict, reviewer, note, evidence)
    typer.echo(f"review {review_id}: claim {claim_id} is {verdict}")


reviewers_app = typer.Typer(help="Reviewer accounts for signing in to Datasette.", no_args_is_help=True)
app.add_typer(reviewers_app, name="reviewers")


def _password(given: str | None) -> str:
    """The password given, or prompted for after saying what it must be."""
    from claims.storage import reviewers

    if given is not None:
        return given
    typer.echo(f"password rules: {reviewers.PASSWORD_RULES}", err=True)
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _accounts(db_path: str | None) -> Path:
    from claims.storage import reviewers
    from claims.storage.db import resolve_path

    return reviewers.accounts_path(resolve_path(db_path))


PasswordOpt = Annotated[str | None, typer.Option(help="Prompted (with the rules) when not given")]


@reviewers_app.command("add")
@friendly
def reviewers_add(
    name: Annotated[str, typer.Argument(help="Sign-in name")],
    db_path: DbOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Create (or reset) a reviewer account; the password is stored hashed beside the database."""
    from claims.storage import reviewers

    path = _accounts(db_path)
    reviewers.check_name(name)
    reviewers.add(path, name, _password(password))
    typer.echo(f"reviewer {name} can sign in ({path})")


@reviewers_app.command("list")
@friendly
def reviewers_list(db_path: DbOpt = None) -> None:
    """The reviewer accounts (names only)."""
    from claims.storage import reviewers

    names = sorted(reviewers.load(_accounts(db_path)))
    for n in names:
        typer.echo(n)
    typer.echo(f"{len(names)} reviewers", err=True)


@reviewers_app.command("remove")
@friendly
def reviewers_remove(name: Annotated[str, typer.Argument(help="Sign-in name")], db_path: DbOpt = None) -> None:
    """Remove an account: its cookie no longer writes; its past work stays on record."""
    from claims.storage import reviewers

    reviewers.remove(_accounts(db_path), name)
    typer.echo(f"reviewer {name} removed")


@reviewers_app.command("password")
@friendly
def reviewers_password(
    name: Annotated[str, typer.Argument(help="Sign-in name")], db_path: DbOpt = None, password: PasswordOpt = None
) -> None:
    """Change an existing reviewer's password."""
    from claims.storage import reviewers

    path = _accounts(db_path)
    if not reviewers.exists(path, name):
        raise ClaimsError(f"no reviewer named {name!r} (claims reviewers list shows them)")
    reviewers.add(path, name, _password(password))
    typer.echo(f"password of {name} changed")


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def _gold_paths(paths: list[str]) -> list[Path]:
    """Gold files as given, with a folder replaced by the *.json files in it."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise ClaimsError(f"{p}: no gold files (*.json) in this folder")
            out.extend(found)
        else:
            out.append(path)
    return out


def _read_json(path: Path) -> object:
    from claims.reading import decode, read_bytes

    data, label = read_bytes(str(path))
    try:
        return json.loads(decode(data, label))
    except json.JSONDecodeError as exc:
        raise ClaimsError(f"{label}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None


def _saved_predictions(where: str, golds: list[Path]) -> dict[str, list[dict]]:
    """Predictions saved from a run (`claims split --format json` or another
    tool): one file for one gold file, or a folder of files named like the gold files."""
    from claims.evaluate import parse_predictions
    from claims.reading import decode, read_bytes

    folder = Path(where)
    if not folder.is_dir() and len(golds) != 1:
        raise ClaimsError(f"{where}: with several gold files, --predictions must be a folder of files named like them")
    out: dict[str, list[dict]] = {}
    for g in golds:
        data, label = read_bytes(str(folder / g.name if folder.is_dir() else folder))
        out[str(g)] = parse_predictions(decode(data, label), label)
    return out


@app.command("eval")
@friendly
def eval_(
    paths: Annotated[list[str], typer.Argument(help="Gold files in the GUIDE format (*.json), or folders of them")],
    fmt: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="table for people; json for tools")
    ] = EvalFormat.table,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list each claim where engine and labeller disagree")
    ] = False,
    predictions: Annotated[
        str | None,
        typer.Option(
            help="Score saved predictions (a JSON file, or a folder named like the gold files) instead of the engine"
        ),
    ] = None,
) -> None:
    """Score the engine against hand-labelled articles (the metrics of the shared score.py)."""
    from claims.evaluate import evaluate, metrics

    files = _gold_paths(paths)
    golds = [(str(f), _read_json(f)) for f in files]
    saved = _saved_predictions(predictions, files) if predictions else None
    tally = evaluate(golds, saved)
    result = metrics(tally)
    if fmt is EvalFormat.json:
        doc = {"files": [str(f) for f in files], **result.to_dict()}
        if verbose:
            doc["disagreements"] = [d.to_dict() for d in tally.disagreements]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if verbose:
        for f in files:
            mine = [d for d in tally.disagreements if d.article == str(f)]
            if mine:
                typer.echo(f"{f.name}: {len(mine)} disagreement{'s' if len(mine) > 1 else ''}")
            for d in mine:
                typer.echo(d.line())
    for line in result.lines():
        typer.echo(line)


@app.command()
@friendly
def quotes(
    source: Annotated[str | None, typer.Argument(help="Source id, name or alias")] = None,
    db_path: DbOpt = None,
    variants: Annotated[bool, typer.Option("--variants", help="Only quotations worded differently by outlets")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Regroup every stored quotation (after merging sources)")] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """A source's quotations grouped across outlets, with where the wording differs."""
    from claims.quote_cli import show_quotes

    show_quotes(open_db(db_path), source, variants, rebuild, fmt.value)


transcripts_app = typer.Typer(help="Transcripts and statements to check quotations against.", no_args_is_help=True)
app.add_typer(transcripts_app, name="transcripts")


@transcripts_app.command("add")
@friendly
def transcripts_add(
    path: Annotated[str, typer.Argument(help="Transcript: plain text, WebVTT (.vtt) or SRT (.srt), or - for stdin")],
    speaker_format: Annotated[
        str, typer.Option(help="colon (SPEAKER: words), voice (WebVTT <v Name>) or none (all words by --speaker)")
    ] = "colon",
    speaker: Annotated[str | None, typer.Option(help="Whose words these are (where no speaker is marked)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="auto (by extension), text, vtt or srt")] = "auto",
    title: Annotated[str | None, typer.Option(help="Title")] = None,
    recorded: Annotated[str | None, typer.Option(help="When it was said")] = None,
    db_path: DbOpt = None,
) -> None:
    """Store a transcript or statement, in turns by speaker."""
    from claims.transcripts import add as add_transcript

    r = add_transcript(open_db(db_path, create=True), path, fmt, speaker_format, speaker, title, recorded)
    if r.status == "skipped":
        typer.echo(f"transcript {r.transcript_id} already present ({r.turns} turns)")
    else:
        typer.echo(f"transcript {r.transcript_id}: {r.turns} turns by {', '.join(r.speakers) or 'no named speaker'}")


@transcripts_app.command("list")
@friendly
def transcripts_list(db_path: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """The stored transcripts with their speakers."""
    from claims.quote_cli import show_transcripts

    show_transcripts(open_db(db_path), fmt.value)


@app.command()
@friendly
def verify(
    source: Annotated[str | None, typer.Argument(help="Only this source (id, name or alias)")] = None,
    transcript: Annotated[int | None, typer.Option(help="Only against this transcript id")] = None,
    db_path: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Check direct quotations against their sources' transcripts: exact, altered, out_of_context, not_found."""
    from claims.quote_cli import show_verify

    show_verify(open_db(db_path), source, transcript, fmt.value)


def main() -> None:
    app()
