"""Datasette plugin for the claims tracker: reviewer sign-in, and the pages a
fact-checker works in (article with highlighted claims, claim, source).

All article text goes through Jinja's autoescaping: an article holding HTML
or <script> shows it as text.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import math
import os
import re
import sqlite3
import time
from collections import deque
from urllib.parse import parse_qsl, urlencode, urlsplit

from datasette import Response, hookimpl
from datasette.utils import baseconv

from claims import claimreview
from claims.engine.model import SOURCE_KINDS
from claims.errors import ClaimsError
from claims.storage.links import http_link, is_http_url
from claims.storage.reviewers import accounts_path, check, exists, load
from claims.storage.schema import QUEUE_OPEN, QUEUE_RANK, STATUSES, VERDICTS

SOURCE_PAGE_LIMIT = 500  # claims listed on a source page; the counts cover all of them
TYPE_LABELS = {
    "reported_fact": "Reported fact",
    "official_quote": "Official quote",
    "editorial_assertion": "Editorial assertion",
}


def _db(datasette):
    for name, db in datasette.databases.items():
        if name != "_internal" and db.path:
            return name, db
    raise LookupError("no claims database is attached")


async def _one(db, sql: str, params: list) -> dict | None:
    rows = (await db.execute(sql, params)).rows
    return dict(rows[0]) if rows else None


async def _all(db, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


def _segments(text: str, claims: list[dict]) -> list[dict]:
    """The article text cut into plain runs and claim runs, in order."""
    out, pos = [], 0
    for c in sorted((c for c in claims if c["start"] is not None), key=lambda c: c["start"]):
        if c["start"] < pos:
            continue
        if c["start"] > pos:
            out.append({"text": text[pos : c["start"]]})
        out.append({"text": text[c["start"] : c["end"]], "claim": c, "parts": _marked(text, c)})
        pos = c["end"]
    out.append({"text": text[pos:]})
    return out


def _marked(text: str, c: dict) -> list[dict]:
    """A claim's text in runs, with the words that name its source and its cue marked."""
    marks = sorted(
        (c[f"{k}_start"], c[f"{k}_end"], k)
        for k in ("mention", "cue")
        if c.get(f"{k}_start") is not None and c["start"] <= c[f"{k}_start"] < c[f"{k}_end"] <= c["end"]
    )
    out, pos = [], c["start"]
    for a, b, kind in marks:
        if a < pos:
            continue
        if a > pos:
            out.append({"text": text[pos:a]})
        out.append({"text": text[a:b], "mark": kind})
        pos = b
    out.append({"text": text[pos : c["end"]]})
    return out


CLAIM_SQL = """SELECT c.*, s.name AS source_name, s.kind AS source_kind, s.title AS source_title
FROM claims c LEFT JOIN sources s ON s.id = c.source_id"""


async def article_page(datasette, request):
    name, db = _db(datasette)
    article = await _one(db, "SELECT * FROM articles WHERE id = ?", [request.url_vars["id"]])
    if article is None:
        return Response.html("No such article", status=404)
    claims = await _all(db, CLAIM_SQL + " WHERE c.article_id = ? ORDER BY c.seq", [article["id"]])
    counts = {t: sum(1 for c in claims if c["type"] == t) for t in TYPE_LABELS}
    newer = await _one(db, "SELECT id FROM articles WHERE previous_id = ? ORDER BY id DESC LIMIT 1", [article["id"]])
    if request.url_vars.get("fmt"):
        return Response.json({"article": article, "claims": claims, "newer_version": newer and newer["id"]})
    return Response.html(
        await datasette.render_template(
            "claims_article.html",
            {
                "article": article,
                "segments": _segments(article["text"], claims),
                "claims": claims,
                "counts": counts,
                "types": TYPE_LABELS,
                "database": name,
                "newer": newer,
            },
            request=request,
        )
    )


async def _review(datasette, request, name: str, db, claim_id: int, form: dict | None = None) -> Response:
    """Save a review posted from the claim page by running the writable
    canned query `review_claim`, so its SQL and permission live in one place."""
    if not await datasette.permission_allowed(request.actor, "view-query", resource=(name, "review_claim")):
        return Response.html("Sign in as a reviewer to review claims", status=403)
    if not exists(accounts_path(db.path), str(request.actor.get("id"))):  # removed since signing in
        return Response.html("This reviewer account no longer exists", status=403)
    query = await datasette.get_canned_query(name, "review_claim", request.actor)
    form = form if form is not None else await request.post_vars()
    if form.get("verdict") not in VERDICTS:
        datasette.add_message(request, "Choose a verdict", datasette.ERROR)
        return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))
    if form.get("evidence_url") and not is_http_url(form["evidence_url"]):
        datasette.add_message(request, "The evidence link must be an http:// or https:// URL", datasette.ERROR)
        return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))
    params = {
        "claim_id": claim_id,
        "verdict": form["verdict"],
        "note": form.get("note") or None,
        "evidence_url": form.get("evidence_url") or None,
        "_actor_id": request.actor["id"],
    }
    try:
        await db.execute_write(query["sql"], params)
    except sqlite3.DatabaseError as exc:  # refused by the schema's triggers
        datasette.add_message(request, f"Review not saved: {exc}", datasette.ERROR)
        return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))
    datasette.add_message(request, f"Review saved: {form['verdict'].replace('_', ' ')}")
    return Response.redirect(datasette.urls.path(f"/-/claim/{claim_id}"))


def _words(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """Widen nothing, narrow to whole words: the context never starts or ends mid-word."""
    if lo > 0:
        cut = re.search(r"\s", text[lo:start])
        lo = lo + cut.end() if cut else start
    if hi < len(text):
        tail = text[end:hi]
        cut = max(tail.rfind(" "), tail.rfind("\n"))
        hi = end + cut if cut >= 0 else end
    return lo, hi


async def _writer(datasette, request, db) -> str | None:
    """The signed-in reviewer who may write (the account must still exist), else None."""
    actor = request.actor or {}
    who = actor.get("id")
    if not who or not exists(accounts_path(db.path), str(who)):
        return None
    return str(who)


async def _write(db, fn):
    """Run a desk function on Datasette's write connection, in its own transaction."""
    from sqlite_utils import Database

    return await db.execute_write_fn(lambda conn: fn(Database(conn)), block=True)


async def _next_in_queue(db, reviewer: str | None, after: int) -> dict | None:
    """The claim to take next: the reviewer's own queue first, then the unassigned queue."""
    order = f"ORDER BY {QUEUE_RANK}, article_id DESC, seq LIMIT 1"
    if reviewer:
        mine = await _one(
            db, f"SELECT id, text FROM claims WHERE assignee = ? AND {QUEUE_OPEN} AND id != ? {order}", [reviewer, after]
        )
        if mine:
            return mine
    return await _one(db, f"SELECT id, text FROM claims WHERE {QUEUE_OPEN} AND assignee IS NULL AND id != ? {order}", [after])


async def _desk_post(datasette, request, name: str, db, claim: dict) -> Response:
    """The claim page's forms: review, correct, assign/status, note. Signed-in reviewers only (403 otherwise)."""
    from claims.storage import desk

    form = await request.post_vars()
    action = form.get("action") or "review"
    if action == "review":
        return await _review(datasette, request, name, db, claim["id"], form)
    who = await _writer(datasette, request, db)
    if who is None:
        return Response.html("Sign in as a reviewer to change claims", status=403)
    back = Response.redirect(datasette.urls.path(f"/-/claim/{claim['id']}"))
    try:
        if action == "correct":
            new_name = (form.get("new_name") or "").strip()
            source = (form.get("source") or "").strip()
            ctype = form.get("type") or None
            kwargs: dict = {"ctype": ctype if ctype != claim["type"] else None}
            if new_name:
                kwargs["new_source"] = {"name": new_name, "kind": form.get("new_kind"), "title": form.get("new_title")}
            elif form.get("no_source"):
                kwargs["no_source"] = True
            elif source and source != str(claim["source_id"] or ""):
                kwargs["source"] = source
            if not any(kwargs.values()):
                datasette.add_message(request, "Nothing to correct", datasette.WARNING)
                return back
            changed = await _write(db, lambda d: desk.fix_claim(d, claim["id"], who, **kwargs))
            datasette.add_message(request, "Corrected: " + "; ".join(changed))
        elif action == "assign":
            assignee = (form.get("assignee") or "").strip() or None
            if assignee and assignee not in load(accounts_path(db.path)):
                raise ClaimsError(f"no reviewer named {assignee}")
            await _write(db, lambda d: desk.assign(d, claim["id"], assignee))
            if form.get("status") and form["status"] != claim["status"]:
                await _write(db, lambda d: desk.set_status(d, claim["id"], form["status"]))
            datasette.add_message(request, f"Assigned to {assignee}" if assignee else "Unassigned")
        elif action == "status":
            await _write(db, lambda d: desk.set_status(d, claim["id"], form.get("status", "")))
            datasette.add_message(request, f"Status: {form.get('status', '').replace('_', ' ')}")
        elif action == "note":
            await _write(db, lambda d: desk.add_note(d, claim["id"], who, form.get("text") or ""))
            datasette.add_message(request, "Note added")
        else:
            return Response.html("Unknown action", status=400)
    except (ClaimsError, sqlite3.DatabaseError) as exc:
        datasette.add_message(request, f"Not saved: {exc}", datasette.ERROR)
    return back


def _site_url(datasette, request, path: str) -> str:
    """An absolute address for `path`: the configured site_url, else the address this request came to."""
    base = (datasette.plugin_config("claims") or {}).get("site_url") or os.environ.get("CLAIMS_SITE_URL")
    if base:
        return base.rstrip("/") + path
    return f"{request.scheme}://{request.host}{datasette.urls.path(path)}"


async def claim_page(datasette, request):
    name, db = _db(datasette)
    claim = await _one(db, CLAIM_SQL + " WHERE c.id = ?", [request.url_vars["id"]])
    if claim is None:
        return Response.html("No such claim", status=404)
    if request.method == "POST":
        return await _desk_post(datasette, request, name, db, claim)
    article = None
    context = None
    if claim["article_id"]:
        article = await _one(
            db,
            "SELECT id, title, outlet, url, published, author, text FROM articles WHERE id = ?",
            [claim["article_id"]],
        )
        text = article.pop("text")
    if article and claim["start"] is not None:  # a claim recorded by hand has an article but no offsets
        lo, hi = _words(
            text, max(0, claim["start"] - 300), min(len(text), claim["end"] + 300), claim["start"], claim["end"]
        )
        context = {
            "before": text[lo : claim["start"]],
            "claim": text[claim["start"] : claim["end"]],
            "after": text[claim["end"] : hi],
            "cut_before": lo > 0,
            "cut_after": hi < len(text),
        }
    reviews = await _all(
        db, "SELECT * FROM reviews WHERE claim_id = ? ORDER BY created_at DESC, id DESC", [claim["id"]]
    )
    notes = await _all(db, "SELECT * FROM notes WHERE claim_id = ? ORDER BY created_at, id", [claim["id"]])
    quotes = await _all(db, "SELECT * FROM quotes WHERE claim_id = ? ORDER BY start", [claim["id"]])
    corrections = await _all(
        db,
        """SELECT k.*, sb.name AS before_name, sa.name AS after_name FROM corrections k
        LEFT JOIN sources sb ON k.field = 'source' AND sb.id = CAST(k.before AS INTEGER)
        LEFT JOIN sources sa ON k.field = 'source' AND sa.id = CAST(k.after AS INTEGER)
        WHERE k.claim_id = ? OR (k.source_id IS NOT NULL AND k.source_id = ?) ORDER BY k.created_at, k.id""",
        [claim["id"], claim["source_id"]],
    )
    engine_source = None
    if claim["engine_type"] is not None and claim["engine_source_id"] != claim["source_id"]:
        engine_source = await _one(db, "SELECT id, name, kind FROM sources WHERE id = ?", [claim["engine_source_id"]]) or {
            "id": None,
            "name": "none named",
        }
    who = await _writer(datasette, request, db)
    next_claim = await _next_in_queue(db, who, claim["id"])
    ld = None
    org = claimreview.desk(datasette.plugin_config("claims"))
    if claim["verdict"] and org["name"] and not claim["superseded"]:
        row = {
            **claim,
            "article_url": article and article["url"],
            "article_title": article and article["title"],
            "outlet": article and article["outlet"],
            "published": article and article["published"],
            "author": article and article["author"],
            "reviewed_at": reviews[0]["created_at"] if reviews else None,
        }
        elsewhere = await db.execute_fn(lambda conn: _group_articles(conn, claim["id"]))
        ld = claimreview.claim_review(row, org, _site_url(datasette, request, f"/-/claim/{claim['id']}"), elsewhere)
    data = {
        "claim": claim,
        "rationale": json.loads(claim["rationale"] or "[]"),
        "article": article,
        "context": context,
        "reviews": reviews,
        "notes": notes,
        "quotes": quotes,
        "corrections": corrections,
        "engine_source": engine_source,
        "next": next_claim,
        "claimreview": ld,
    }
    if request.url_vars.get("fmt"):
        return Response.json(data, default=str)
    reviewers = sorted(load(accounts_path(db.path))) if who else []
    return Response.html(
        await datasette.render_template(
            "claims_claim.html",
            {
                **data,
                "claimreview_json": json.dumps(ld, ensure_ascii=False).replace("<", "\\u003c") if ld else None,
                "verdicts": VERDICTS,
                "types": TYPE_LABELS,
                "kinds": SOURCE_KINDS,
                "statuses": STATUSES,
                "reviewers": reviewers,
                "database": name,
                "actor": request.actor,
                "writer": who,
            },
            request=request,
        )
    )


async def source_page(datasette, request):
    name, db = _db(datasette)
    source = await _one(db, "SELECT * FROM sources WHERE id = ?", [request.url_vars["id"]])
    if source is None:
        return Response.html("No such source", status=404)
    sid = source["id"]
    if request.method == "POST":
        return await _source_post(datasette, request, db, source)
    claims = await _all(
        db,
        """SELECT c.*, a.title AS article_title, a.outlet FROM claims c
        LEFT JOIN articles a ON a.id = c.article_id WHERE c.source_id = ? ORDER BY c.article_id DESC, c.seq LIMIT ?""",
        [sid, SOURCE_PAGE_LIMIT],
    )
    from claims.storage.linker import key

    aliases = [
        r["alias"]
        for r in await _all(db, "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY id", [sid])
        if key(r["alias"]) != key(source["name"])  # "also seen as" lists other names, not its own
    ]
    totals = await _one(
        db, "SELECT COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles FROM claims WHERE source_id = ?", [sid]
    )
    by_type = {t: 0 for t in TYPE_LABELS}
    for r in await _all(db, "SELECT type, COUNT(*) AS n FROM claims WHERE source_id = ? GROUP BY type", [sid]):
        by_type[r["type"]] = r["n"]
    by_verdict = {
        (r["verdict"] or "unreviewed"): r["n"]
        for r in await _all(db, "SELECT verdict, COUNT(*) AS n FROM claims WHERE source_id = ? GROUP BY verdict", [sid])
    }
    corrections = await _all(db, "SELECT * FROM corrections WHERE source_id = ? ORDER BY created_at, id", [sid])
    if request.url_vars.get("fmt"):
        return Response.json(
            {"source": source, "aliases": aliases, "totals": totals, "by_type": by_type, "by_verdict": by_verdict,
             "corrections": corrections, "claims": claims}
        )
    return Response.html(
        await datasette.render_template(
            "claims_source.html",
            {
                "source": source,
                "claims": claims,
                "aliases": aliases,
                "by_type": by_type,
                "by_verdict": by_verdict,
                "types": TYPE_LABELS,
                "totals": totals,
                "limit": SOURCE_PAGE_LIMIT,
                "database": name,
                "corrections": corrections,
                "kinds": SOURCE_KINDS,
                "writer": await _writer(datasette, request, db),
            },
            request=request,
        )
    )


async def _source_post(datasette, request, db, source: dict) -> Response:
    """The source page's correction form (kind, title): signed-in reviewers only."""
    from claims.storage import desk

    who = await _writer(datasette, request, db)
    if who is None:
        return Response.html("Sign in as a reviewer to correct sources", status=403)
    form = await request.post_vars()
    kind = form.get("kind") if form.get("kind") != source["kind"] else None
    title = form.get("title") if "title" in form and (form.get("title") or None) != source["title"] else None
    try:
        _, changed = await _write(db, lambda d: desk.correct_source(d, str(source["id"]), who, kind=kind, title=title))
        datasette.add_message(request, "Corrected: " + "; ".join(changed))
    except (ClaimsError, sqlite3.DatabaseError) as exc:
        datasette.add_message(request, f"Not saved: {exc}", datasette.ERROR)
    return Response.redirect(datasette.urls.path(f"/-/source/{source['id']}"))


QUEUE_PAGE_SQL = """SELECT c.id, c.type, c.text, c.status, c.assignee, c.article_id,
  (SELECT name FROM sources WHERE id = c.source_id) AS source,
  (SELECT title FROM articles WHERE id = c.article_id) AS article, c.outlet
FROM claims c WHERE {where} AND {open} ORDER BY {rank}, c.article_id DESC, c.seq LIMIT ?"""
QUEUE_PAGE_LIMIT = 50


async def queue_page(datasette, request):
    """My queue (the signed-in reviewer's open claims) and the review queue (open, unassigned), in queue order:
    sourced facts and quotes, then unsourced ones, then editorial assertions; newest article first."""
    name, db = _db(datasette)
    who = await _writer(datasette, request, db)
    mine = []
    if who:
        mine = await _all(
            db,
            QUEUE_PAGE_SQL.format(where="c.assignee = ?", open=QUEUE_OPEN, rank=QUEUE_RANK),
            [who, QUEUE_PAGE_LIMIT],
        )
    rest = await _all(
        db, QUEUE_PAGE_SQL.format(where="c.assignee IS NULL", open=QUEUE_OPEN, rank=QUEUE_RANK), [QUEUE_PAGE_LIMIT]
    )
    if request.url_vars.get("fmt"):
        return Response.json({"reviewer": who, "my_queue": mine, "review_queue": rest})
    return Response.html(
        await datasette.render_template(
            "claims_queue.html",
            {"mine": mine, "rest": rest, "writer": who, "types": TYPE_LABELS, "database": name, "limit": QUEUE_PAGE_LIMIT},
            request=request,
        )
    )


# -- sign-in ---------------------------------------------------------------------------------------

SESSION_HOURS = 12.0  # CLAIMS_SESSION_HOURS: how long a sign-in lasts
SIGNIN_WINDOW_MINUTES = 15.0  # CLAIMS_SIGNIN_WINDOW_MINUTES: failures are counted over this window
SIGNIN_MAX_PER_NAME = 5  # CLAIMS_SIGNIN_MAX_PER_NAME: wrong passwords for one name within the window
SIGNIN_MAX_PER_CLIENT = 20  # CLAIMS_SIGNIN_MAX_PER_CLIENT: failed sign-ins from one address within the window


def setting(name: str, default: float) -> float:
    """A limit from the environment (read at each use, so a restart is all a change needs)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


class Throttle:
    """Failed sign-ins per name and per client address over a sliding window."""

    MAX_KEYS = 10_000  # random names must not grow the table without bound

    def __init__(self) -> None:
        self.failures: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float, window: float) -> deque[float]:
        times = self.failures.get(key, deque())
        while times and times[0] <= now - window:
            times.popleft()
        return times

    def wait(self, limits: dict[str, int], now: float, window: float) -> float:
        """Seconds until a try is allowed for every key (0: allowed now)."""
        waits = [0.0]
        for key, limit in limits.items():
            times = self._recent(key, now, window)
            if len(times) >= limit:
                waits.append(times[-limit] + window - now)
        return max(waits)

    def fail(self, keys: list[str], now: float, window: float) -> None:
        if len(self.failures) > self.MAX_KEYS:
            self.failures = {k: t for k, t in self.failures.items() if self._recent(k, now, window)}
        for key in keys:
            self.failures.setdefault(key, deque()).append(now)

    def clear(self, key: str) -> None:
        self.failures.pop(key, None)


def _throttle(datasette) -> Throttle:
    if not hasattr(datasette, "_claims_throttle"):
        datasette._claims_throttle = Throttle()
    return datasette._claims_throttle


def _hash_slots(datasette) -> asyncio.Semaphore:
    """PBKDF2 runs in threads, at most half the cores at once, so pages stay fast during a password storm."""
    if not hasattr(datasette, "_claims_hash_slots"):
        datasette._claims_hash_slots = asyncio.Semaphore(max(1, (os.cpu_count() or 2) // 2))
    return datasette._claims_hash_slots


def safe_next(target: str | None) -> str:
    """Only a path on this site may be followed after sign-in: no scheme, no host, no `//` or `/\\`."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(c in target for c in "\\\r\n\t") or any(ord(c) < 32 for c in target):
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"


def _csrf_ok(request, form: dict) -> bool:
    """The double-submit check, done here because Datasette's CSRF protection
    skips requests that carry no cookies, which is how login CSRF gets in."""
    token, cookie = form.get("csrftoken", ""), request.cookies.get("ds_csrftoken", "")
    return bool(token) and hmac.compare_digest(token, cookie)


def _client(request) -> str:
    client = request.scope.get("client")
    return client[0] if client else "unknown"


async def login(datasette, request):
    error, status, name = None, 200, ""
    next_path = safe_next(request.args.get("next"))
    if request.method == "POST":
        form = await request.post_vars()
        next_path = safe_next(form.get("next"))
        name, password = form.get("username", ""), form.get("password", "")
        window = setting("CLAIMS_SIGNIN_WINDOW_MINUTES", SIGNIN_WINDOW_MINUTES) * 60
        keys = {
            f"name:{name.lower()}": int(setting("CLAIMS_SIGNIN_MAX_PER_NAME", SIGNIN_MAX_PER_NAME)),
            f"client:{_client(request)}": int(setting("CLAIMS_SIGNIN_MAX_PER_CLIENT", SIGNIN_MAX_PER_CLIENT)),
        }
        throttle = _throttle(datasette)
        wait = throttle.wait(keys, time.monotonic(), window)
        if not _csrf_ok(request, form):
            error, status = "The sign-in form expired; please try again", 403
        elif wait:
            error, status = f"Too many failed sign-ins; try again in {math.ceil(wait / 60)} minutes", 429
        else:
            _, db = _db(datasette)
            async with _hash_slots(datasette):
                ok = await asyncio.to_thread(check, accounts_path(db.path), name, password)
            if ok:
                throttle.clear(f"name:{name.lower()}")
                hours = setting("CLAIMS_SESSION_HOURS", SESSION_HOURS)
                expires = baseconv.base62.encode(int(time.time() + hours * 3600))
                response = Response.redirect(next_path)
                response.set_cookie(
                    "ds_actor",
                    datasette.sign({"a": {"id": name}, "e": expires}, "actor"),
                    max_age=int(hours * 3600),
                    httponly=True,
                    samesite="lax",
                    secure=request.scheme == "https",
                )
                return response
            throttle.fail(list(keys), time.monotonic(), window)
            error, status = "Wrong name or password", 401
    return Response.html(
        await datasette.render_template("claims_login.html", {"error": error, "next": next_path, "username": name}, request=request),
        status=status,
    )


async def logout(datasette, request):
    """Sign-out is a POST with the CSRF token (a GET shows the button), so no link or image can sign anyone out."""
    if request.method == "POST":
        form = await request.post_vars()
        if not _csrf_ok(request, form):
            return Response.html("The sign-out form expired; please try again", status=403)
        response = Response.redirect(datasette.urls.path("/"))
        response.set_cookie("ds_actor", "", expires=0, httponly=True, samesite="lax")
        return response
    return Response.html(await datasette.render_template("claims_signout.html", {}, request=request))


def _is_write_query(datasette, database: str, name: str) -> bool:
    queries = datasette.metadata("queries", database=database) or {}
    query = queries.get(name)
    return isinstance(query, dict) and bool(query.get("write"))


@hookimpl(trylast=True)  # called last, so its veto is the result Datasette keeps
def permission_allowed(datasette, actor, action, resource):
    """Every write re-checks the account: a removed reviewer's cookie cannot write."""
    if action != "view-query" or not actor or not isinstance(resource, tuple | list):
        return None
    database, name = resource
    if not _is_write_query(datasette, database, name):
        return None
    db = datasette.databases.get(database)
    if db is None or not db.path or not exists(accounts_path(db.path), str(actor.get("id"))):
        return False
    return None


def _group_articles(conn, claim_id: int) -> list[dict]:
    """The other articles that carry the same claim (its claim group)."""
    from sqlite_utils import Database

    from claims.storage.claim_groups import group_articles

    return group_articles(Database(conn), claim_id)[1:]


@hookimpl
def extra_template_vars(template, datasette, request):
    """`base` (the site's root, honouring base_url) for every template; on the
    home page also counts by type, the review queue, recent articles, audits."""
    base = datasette.urls.path("/")
    if template != "index.html":
        return {"base": base}

    async def home():
        try:
            name, db = _db(datasette)
        except LookupError:
            return {"claims_home": None, "base": base}
        counts = {r["type"]: r["n"] for r in await _all(db, "SELECT type, COUNT(*) AS n FROM claims GROUP BY type", [])}
        unreviewed = (await db.execute(f"SELECT COUNT(*) FROM claims WHERE {QUEUE_OPEN}")).first()[0]
        articles = await _all(
            db,
            """SELECT a.id, a.title, a.outlet, a.published,
            (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims
            FROM articles a ORDER BY a.id DESC LIMIT 20""",
            [],
        )
        queries = datasette.metadata("queries", database=name) or {}
        audits = [(k, q) for k, q in queries.items() if not q.get("write")]
        return {
            "base": base,
            "claims_home": {
                "database": name,
                "counts": counts,
                "unreviewed": unreviewed,
                "articles": articles,
                "audits": audits,
                "types": TYPE_LABELS,
            }
        }

    return home


# -- anonymous SQL -------------------------------------------------------------------------------

ARBITRARY_SQL_TIME_LIMIT_MS = 1000  # CLAIMS_SQL_TIME_LIMIT_MS: typed SQL; tables and canned audits keep 3000
MAX_VALUE_MB = 100  # CLAIMS_SQL_MAX_VALUE_MB: the largest string or blob one SQL value may be
SQL_HEAP_MB = 512  # CLAIMS_SQL_HEAP_MB: all the memory SQLite may take in the server
_ARBITRARY_SQL_PATH = re.compile(r"^/[^/]+(\.\w+)?$")  # /claims?sql= and /claims.json?sql=, not canned queries


@hookimpl
def asgi_wrapper(datasette):
    """Typed SQL gets a shorter time limit than pages and canned audits:
    Datasette 0.65 has one `sql_time_limit_ms` for all, but honours a lower
    `_timelimit` per request, so it is set (never raised) here."""

    def wrap(app):
        async def limited(scope, receive, send):
            if scope.get("type") == "http" and _ARBITRARY_SQL_PATH.match(scope.get("path", "")):
                args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                if any(k == "sql" for k, _ in args):
                    cap = int(setting("CLAIMS_SQL_TIME_LIMIT_MS", ARBITRARY_SQL_TIME_LIMIT_MS))
                    asked = [v for k, v in args if k == "_timelimit" and v.isdigit() and int(v) > 0]
                    limit = min([cap, *(int(v) for v in asked)])
                    args = [(k, v) for k, v in args if k != "_timelimit"] + [("_timelimit", str(limit))]
                    scope = {**scope, "query_string": urlencode(args).encode("latin-1")}
            await app(scope, receive, send)

        return limited

    return wrap


@hookimpl
def prepare_connection(conn):
    """A memory bound for anonymous SQL: `randomblob(9e8)` or a huge
    group_concat fails with "string or blob too big" instead of taking a GB."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, int(setting("CLAIMS_SQL_MAX_VALUE_MB", MAX_VALUE_MB) * 1024 * 1024))
    conn.execute(f"PRAGMA hard_heap_limit = {int(setting('CLAIMS_SQL_HEAP_MB', SQL_HEAP_MB) * 1024 * 1024)}")


async def databases_page(datasette, request):
    """Datasette's /-/databases without the absolute path of each file."""
    return Response.json(
        [
            {"name": d.name, "route": d.route, "is_mutable": d.is_mutable, "is_memory": d.is_memory}
            for name, d in datasette.databases.items()
            if name != "_internal"
        ]
    )


@hookimpl
def prepare_jinja2_environment(env):
    """`|http_link`: a URL that may be rendered as a link (http or https), else empty."""
    env.filters["http_link"] = http_link
    env.filters["when"] = human_time


MONTHS = "January February March April May June July August September October November December".split()


def human_time(value: object) -> str:
    """`2026-05-01T09:30:00.123Z` as `1 May 2026, 09:30 UTC` (anything else unchanged)."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", str(value or ""))
    if not m or not 1 <= int(m[2]) <= 12:
        return str(value or "")
    return f"{int(m[3])} {MONTHS[int(m[2]) - 1]} {m[1]}, {m[4]}:{m[5]} UTC"


@hookimpl
def register_routes():
    return [
        (r"^/-/article/(?P<id>\d+)(?P<fmt>\.json)?$", article_page),
        (r"^/-/claim/(?P<id>\d+)(?P<fmt>\.json)?$", claim_page),
        (r"^/-/source/(?P<id>\d+)(?P<fmt>\.json)?$", source_page),
        (r"^/-/queue(?P<fmt>\.json)?$", queue_page),
        (r"^/-/signin$", login),
        (r"^/-/signout$", logout),
        (r"^/-/databases(\.json)?$", databases_page),
    ]


LINKED_COLUMNS = {
    # (table, column) -> page; table None: canned queries (audits) and typed SQL
    ("claims", "id"): "claim",
    ("articles", "id"): "article",
    ("sources", "id"): "source",
    ("claims_browse", "id"): "claim",
    ("sources_summary", "id"): "source",
    (None, "claim"): "claim",
    (None, "claim_id"): "claim",
    (None, "source_id"): "source",
    (None, "article_id"): "article",
}
for _table in ("claims", "reviews", "notes", "corrections", "quotes", "claims_browse"):
    LINKED_COLUMNS[(_table, "claim_id")] = "claim"
    LINKED_COLUMNS[(_table, "carried_from")] = "claim"
for _table in ("claims", "quotes", "claims_browse", "corrections", "source_aliases"):
    LINKED_COLUMNS[(_table, "source_id")] = "source"
for _table in ("claims", "quotes", "claims_browse", "sources"):
    LINKED_COLUMNS[(_table, "article_id")] = "article"


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Every claim, article and source id, on tables, views and audits, links to its page."""
    from markupsafe import Markup, escape

    if table is None and column == "match" and isinstance(value, str):  # the search audit's snippet
        return Markup(str(escape(value)).replace("[[", "<mark>").replace("]]", "</mark>"))
    kind = LINKED_COLUMNS.get((table, column))
    if kind and isinstance(value, dict) and "value" in value:  # a foreign key Datasette expanded with its label
        value = value["value"]
    if kind and isinstance(value, int) and not isinstance(value, bool):
        return Markup(f'<a href="{escape(datasette.urls.path(f"/-/{kind}/{value}"))}">{escape(value)}</a>')
    return None


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("claims", "claims.css")]


@hookimpl
def extra_body_script():
    """Long column descriptions folded into a <details> so the table itself comes first."""
    return """document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
  var d = document.createElement('details'), s = document.createElement('summary');
  s.textContent = 'Column descriptions'; dl.replaceWith(d); d.appendChild(s); d.appendChild(dl);
});"""


@hookimpl
def menu_links(datasette, actor):
    queue = {"href": datasette.urls.path("/-/queue"), "label": "Review queue"}
    if actor:
        return [queue, {"href": datasette.urls.path("/-/signout"), "label": f"Sign out ({actor.get('id')})"}]
    return [queue, {"href": datasette.urls.path("/-/signin"), "label": "Reviewer sign-in"}]
