"""Datasette pages for quotations across outlets (issue 8): the quote page
(/-/quote/N: canonical wording, every appearance, variants with the differing
words marked) and the quote groups and transcript checks shown on a claim page.

Kept apart from claims_site.py so the two can change independently; all text
goes through Jinja's autoescaping.
"""

from __future__ import annotations

from datasette import Response, hookimpl
from sqlite_utils import Database

RELATIONS = {
    "canonical": "canonical wording",
    "same": "same words",
    "shortened": "shortened",
    "spelling": "spelling only",
    "variant": "words differ",
}


CHECK_LABELS = {
    "exact": "exact: the same words as the transcript",
    "altered": "altered: the words differ from the transcript",
    "out_of_context": "out of context: the words are there, but the passage says more",
    "not_found": "not found in the source's words",
}


def _check_view(row: dict) -> dict:
    """A stored check with its differing words and time ready for a template."""
    import json

    from claims.transcripts import timestamp
    from claims.wording import describe

    changes = json.loads(row["changes"]) if row.get("changes") else []
    row["differs"] = describe(changes)
    row["time"] = timestamp(row.get("start_ms"))
    return row


def _db(datasette):
    for name, db in datasette.databases.items():
        if name != "_internal" and db.path:
            return name, db
    raise LookupError("no claims database is attached")


async def quote_page(datasette, request):
    from claims.storage import quote_groups

    name, db = _db(datasette)
    gid = int(request.url_vars["id"])
    group = await db.execute_fn(lambda conn: quote_groups.group(Database(conn), gid))
    if group is None:
        return Response.html("No such quotation", status=404)
    return Response.html(
        await datasette.render_template(
            "claims_quote.html",
            {
                "group": group,
                "variants": [m for m in group["members"] if m["relation"] in ("variant", "spelling")],
                "relations": RELATIONS,
                "database": name,
            },
            request=request,
        )
    )


def _claim_write(datasette, request, anchor: str, message: str):
    """The database, claim id and way back (the claim page at `anchor`) of a
    reviewer's write on a claim, and the refusal when it may not go ahead."""
    _, db = _db(datasette)
    claim_id = int(request.url_vars["id"])
    back = Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}") + anchor)
    return db, claim_id, back, _refuse_unless_reviewer(request, db, back, message)


def _refuse_unless_reviewer(request, db, back: Response, message: str) -> Response | None:
    """The answer to a write that is not a POST (back to the claim) or not by
    an existing reviewer (403); None when the write may go ahead."""
    from claims.storage.reviewers import accounts_path, exists

    if request.method != "POST":
        return back
    actor = request.actor or {}
    if not actor.get("id") or not exists(accounts_path(db.path), str(actor["id"])):
        return Response.html(message, status=403)
    return None


async def verify_claim(datasette, request):
    """The claim page's button: check this claim's quotations against the transcripts and keep the result.
    A signed-in reviewer only (the form carries Datasette's CSRF token)."""
    from claims.verify import store, verify

    db, claim_id, back, refused = _claim_write(
        datasette, request, "#verification", "Sign in as a reviewer to check quotations"
    )
    if refused:
        return refused

    def run(conn) -> int:
        dbx = Database(conn)
        results = verify(dbx, claim_id=claim_id)
        with conn:
            store(dbx, results)
        return len(results)

    n = await db.execute_write_fn(run, block=True)
    if n:
        datasette.add_message(request, f"Checked {n} quotation{'s' if n != 1 else ''} against the transcripts")
    else:
        datasette.add_message(request, "No transcript of this source to check against", datasette.WARNING)
    return back


async def apply_group_verdict(datasette, request):
    """The claim page's offer: give one member's verdict to the other claims of its group in one step,
    each recorded as a review by the signed-in reviewer linked to the original review."""
    from claims.errors import ClaimsError
    from claims.storage.claim_groups import apply_verdict

    db, claim_id, back, refused = _claim_write(
        datasette, request, "#same-claim", "Sign in as a reviewer to apply a verdict"
    )
    if refused:
        return refused
    actor = request.actor
    form = await request.post_vars()
    if not str(form.get("review_id", "")).isdigit():
        datasette.add_message(request, "Choose the review to apply", datasette.ERROR)
        return back

    def run(conn) -> list[int]:
        with conn:
            return apply_verdict(Database(conn), int(form["review_id"]), str(actor["id"]))

    try:
        done = await db.execute_write_fn(run, block=True)
    except ClaimsError as exc:
        datasette.add_message(request, str(exc), datasette.ERROR)
        return back
    if done:
        datasette.add_message(
            request, f"Verdict applied to claim{'s' if len(done) > 1 else ''} {', '.join(map(str, done))}"
        )
    else:
        datasette.add_message(request, "Every claim of the group already has this verdict", datasette.WARNING)
    return back


@hookimpl
def register_routes():
    return [
        (r"^/-/quote/(?P<id>\d+)$", quote_page),
        (r"^/-/claim/(?P<id>\d+)/verify$", verify_claim),
        (r"^/-/claim/(?P<id>\d+)/apply-verdict$", apply_group_verdict),
    ]


SOURCE_GROUPS_SHOWN = 50  # quotations listed on a source page, most quoted first


@hookimpl
def extra_template_vars(template, datasette, request):
    """On a claim page: the quote groups, transcript checks and same claims elsewhere; on a source page: its
    quotations across outlets."""
    if request is None or "id" not in request.url_vars:
        return None
    if template == "claims_source.html":

        async def source_extras():
            _, db = _db(datasette)
            rows = await db.execute(
                """SELECT id, canonical, appearances, outlets, variants FROM quote_groups WHERE source_id = ?
                ORDER BY appearances DESC, id LIMIT ?""",
                [int(request.url_vars["id"]), SOURCE_GROUPS_SHOWN],
            )
            return {"source_quote_groups": [dict(r) for r in rows.rows]}

        return source_extras
    if template != "claims_claim.html":
        return None

    async def claim_extras():
        _, db = _db(datasette)
        rows = await db.execute(
            """SELECT q.id AS quote_id, m.group_id, m.relation, g.appearances, g.outlets, g.variants
            FROM quotes q JOIN quote_members m ON m.quote_id = q.id JOIN quote_groups g ON g.id = m.group_id
            WHERE q.claim_id = ? ORDER BY q.start""",
            [int(request.url_vars["id"])],
        )
        checks = await db.execute(
            """SELECT q.id AS quote_id, q.text, c.label, c.score, c.passage, c.changes, c.note, c.transcript_id,
            c.turn_seq, c.start_ms, c.checked_at, t.title AS transcript
            FROM quotes q LEFT JOIN quote_checks c ON c.quote_id = q.id LEFT JOIN transcripts t ON t.id = c.transcript_id
            WHERE q.claim_id = ? ORDER BY q.start""",
            [int(request.url_vars["id"])],
        )
        from claims.storage.claim_groups import offers, siblings

        claim_id = int(request.url_vars["id"])
        same = await db.execute_fn(lambda conn: siblings(Database(conn), claim_id))
        offered = await db.execute_fn(lambda conn: offers(Database(conn), claim_id)) if same else []
        return {
            "same_claims": same,
            "verdict_offers": offered,
            "quote_groups": [dict(r) for r in rows.rows],
            "quote_relations": RELATIONS,
            "quote_checks": [_check_view(dict(r)) for r in checks.rows],
            "check_labels": CHECK_LABELS,
        }

    return claim_extras


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Quote group ids link to the quote page."""
    from markupsafe import Markup, escape

    linked = (table, column) in {("quote_groups", "id"), ("quote_members", "group_id")} or column == "quote_group"
    if linked and isinstance(value, int):
        return Markup(f'<a href="{datasette.urls.path(f"/-/quote/{value}")}">{escape(value)}</a>')
    return None
