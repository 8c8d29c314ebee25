"""What `claims quotes`, `claims transcripts` and `claims verify` print (kept
out of cli.py so the command file stays a list of commands)."""

from __future__ import annotations

import json
import sys
from collections import Counter

import typer
from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.wording import describe

RELATION_LABELS = {
    "canonical": "canonical",
    "same": "same words",
    "shortened": "shortened",
    "spelling": "spelling",
    "variant": "VARIANT",
}


def show_quotes(db: Database, source: str | None, variants_only: bool, rebuild: bool, fmt: str) -> None:
    from claims.storage import quote_groups, store
    from claims.storage.db import write

    if rebuild:
        with write(db):
            n = quote_groups.rebuild(db)
        typer.echo(
            f"regrouped {n} quotations into {db.execute('SELECT COUNT(*) FROM quote_groups').fetchone()[0]} groups"
        )
        if source is None:
            return
    if source is None:
        raise ClaimsError("give a source (id, name or alias), or --rebuild")
    src = store.find_source(db, source)
    groups = quote_groups.source_groups(db, src["id"], variants_only)
    if fmt == "json":
        sys.stdout.write(json.dumps({"source": src, "groups": groups}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in ("jsonl", "csv"):
        rows = [
            {
                "group_id": g["id"],
                "canonical": g["canonical"],
                "quote_id": m["quote_id"],
                "relation": m["relation"],
                "text": m["text"],
                "differs": describe(m["changes"]),
                "outlet": m["outlet"],
                "article_id": m["article_id"],
                "published": m["published"],
            }
            for g in groups
            for m in g["members"]
        ]
        from claims import render

        sys.stdout.write(
            render.to_jsonl(rows) if fmt == "jsonl" else render.to_csv(rows, list(rows[0]) if rows else ["group_id"])
        )
        return
    typer.echo(f"{src['id']}: {src['name']} — {len(groups)} quotations")
    for g in groups:
        typer.echo(
            f"\n[{g['id']}] \u201c{g['canonical'].strip()}\u201d — {g['appearances']} appearances, "
            f"{g['outlets']} outlets, {g['variants']} variants"
        )
        for m in g["members"]:
            where = f"{m['outlet'] or '-'}, article {m['article_id']}{', ' + m['published'] if m['published'] else ''}"
            line = f"  {RELATION_LABELS[m['relation']]:<10} {where}"
            if m["changes"]:
                line += f": {describe(m['changes'])}"
            typer.echo(line)


def show_verify(db: Database, source: str | None, transcript: int | None, fmt: str) -> None:
    from claims import render
    from claims.storage import store
    from claims.verify import line, verify_and_store

    sid = store.find_source(db, source)["id"] if source else None
    results = verify_and_store(db, source=sid, transcript_id=transcript)
    if fmt == "json":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(render.to_jsonl(results))
    elif fmt == "csv":
        fields = ["quote_id", "claim_id", "source", "outlet", "label", "score", "transcript_id", "turn_seq", "start_ms"]
        flat = [
            {**{k: r.get(k) for k in fields}, "differs": describe(r.get("changes") or []), "note": r.get("note")}
            for r in results
        ]
        sys.stdout.write(render.to_csv(flat, [*fields, "differs", "note"]))
    else:
        for r in results:
            typer.echo(line(r))
        counts = Counter(r["label"] for r in results)
        typer.echo(
            f"{len(results)} quotations checked: "
            + ", ".join(f"{counts[k]} {k}" for k in ("exact", "altered", "out_of_context", "not_found"))
        )
        if not results:
            typer.echo("(no direct quotation has a transcript of its source: add one with `claims transcripts add`)")


def show_transcripts(db: Database, fmt: str) -> None:
    rows = [
        dict(r)
        for r in db.query(
            """SELECT t.id, t.title, t.format, t.recorded, t.turns, t.words,
            (SELECT GROUP_CONCAT(speaker, ', ') FROM (SELECT DISTINCT speaker FROM transcript_turns
               WHERE transcript_id = t.id AND speaker IS NOT NULL ORDER BY speaker)) AS speakers
            FROM transcripts t ORDER BY t.id"""
        )
    ]
    if fmt in ("json", "jsonl", "csv"):
        from claims import render

        out = {
            "json": lambda: json.dumps(rows, ensure_ascii=False, indent=2) + "\n",
            "jsonl": lambda: render.to_jsonl(rows),
            "csv": lambda: render.to_csv(rows, ["id", "title", "format", "recorded", "turns", "words", "speakers"]),
        }[fmt]()
        sys.stdout.write(out)
        return
    for r in rows:
        typer.echo(
            f"{r['id']}: {r['title']} ({r['format']}, {r['turns']} turns, {r['words']} words"
            f"{', ' + r['recorded'] if r['recorded'] else ''}) — {r['speakers'] or 'no named speaker'}"
        )
    if not rows:
        typer.echo("no transcripts yet (claims transcripts add FILE)")
