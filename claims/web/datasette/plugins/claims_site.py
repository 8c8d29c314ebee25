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

from claims.storage.links import http_link, is_http_url
from claims.storage.reviewers import accounts_path, check, exists
from claims.storage.schema import VERDICTS

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
            },
            request=request,
        )
    )


async def _review(datasette, request, name: str, db, claim_id: int) -> Response:
    """Save a review posted from the claim page by running the writable
    canned query `review_claim`, so its SQL and permission live in one place."""
    if not await datasette.permission_allowed(request.actor, "view-query", resource=(name, "review_claim")):
        return Response.html("Sign in as a reviewer to review claims", status=403)
    if not exists(accounts_path(db.path), str(request.actor.get("id"))):  # removed since signing in
        return Response.html("This reviewer account no longer exists", status=403)
    query = await datasette.get_canned_query(name, "review_claim", request.actor)
    form = await request.post_vars()
    if form.get("verdict") not in VERDICTS:
        datasette.add_message(request, "Choose a verdict", datasette.ERROR)
        return Response.redirect(f"/-/claim/{claim_id}")
    if form.get("evidence_url") and not is_http_url(form["evidence_url"]):
        datasette.add_message(request, "The evidence link must be an http:// or https:// URL", datasette.ERROR)
        return Response.redirect(f"/-/claim/{claim_id}")
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
        return Response.redirect(f"/-/claim/{claim_id}")
    datasette.add_message(request, f"Review saved: {form['verdict'].replace('_', ' ')}")
    return Response.redirect(f"/-/claim/{claim_id}")


async def claim_page(datasette, request):
    name, db = _db(datasette)
    claim = await _one(db, CLAIM_SQL + " WHERE c.id = ?", [request.url_vars["id"]])
    if claim is None:
        return Response.html("No such claim", status=404)
    if request.method == "POST":
        return await _review(datasette, request, name, db, claim["id"])
    article = None
    context = None
    if claim["article_id"]:
        article = await _one(
            db, "SELECT id, title, outlet, url, published, text FROM articles WHERE id = ?", [claim["article_id"]]
        )
        text = article.pop("text")
    if article and claim["start"] is not None:  # a claim recorded by hand has an article but no offsets
        lo, hi = max(0, claim["start"] - 300), min(len(text), claim["end"] + 300)
        context = {
            "before": text[lo : claim["start"]],
            "claim": text[claim["start"] : claim["end"]],
            "after": text[claim["end"] : hi],
        }
    reviews = await _all(
        db, "SELECT * FROM reviews WHERE claim_id = ? ORDER BY created_at DESC, id DESC", [claim["id"]]
    )
    quotes = await _all(db, "SELECT * FROM quotes WHERE claim_id = ? ORDER BY start", [claim["id"]])
    return Response.html(
        await datasette.render_template(
            "claims_claim.html",
            {
                "claim": claim,
                "rationale": json.loads(claim["rationale"] or "[]"),
                "article": article,
                "context": context,
                "reviews": reviews,
                "quotes": quotes,
                "verdicts": VERDICTS,
                "types": TYPE_LABELS,
                "database": name,
                "actor": request.actor,
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
    claims = await _all(
        db,
        """SELECT c.*, a.title AS article_title, a.outlet FROM claims c
        LEFT JOIN articles a ON a.id = c.article_id WHERE c.source_id = ? ORDER BY c.article_id DESC, c.seq LIMIT ?""",
        [sid, SOURCE_PAGE_LIMIT],
    )
    aliases = [r["alias"] for r in await _all(db, "SELECT alias FROM source_aliases WHERE source_id = ?", [sid])]
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
            },
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
    error, status = None, 200
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
        await datasette.render_template("claims_login.html", {"error": error, "next": next_path}, request=request),
        status=status,
    )


async def logout(datasette, request):
    """Sign-out is a POST with the CSRF token (a GET shows the button), so no link or image can sign anyone out."""
    if request.method == "POST":
        form = await request.post_vars()
        if not _csrf_ok(request, form):
            return Response.html("The sign-out form expired; please try again", status=403)
        response = Response.redirect("/")
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


@hookimpl
def extra_template_vars(template, datasette, request):
    """The home page: counts by type, the review queue, recent articles, audits."""
    if template != "index.html":
        return None

    async def home():
        try:
            name, db = _db(datasette)
        except LookupError:
            return {"claims_home": None}
        counts = {r["type"]: r["n"] for r in await _all(db, "SELECT type, COUNT(*) AS n FROM claims GROUP BY type", [])}
        unreviewed = (await db.execute("SELECT COUNT(*) FROM claims WHERE status = 'unreviewed'")).first()[0]
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


@hookimpl
def register_routes():
    return [
        (r"^/-/article/(?P<id>\d+)$", article_page),
        (r"^/-/claim/(?P<id>\d+)$", claim_page),
        (r"^/-/source/(?P<id>\d+)$", source_page),
        (r"^/-/signin$", login),
        (r"^/-/signout$", logout),
        (r"^/-/databases(\.json)?$", databases_page),
    ]


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Claim, article and source ids link to the fact-checker's pages."""
    from markupsafe import Markup, escape

    targets = {
        ("claims", "id"): "claim",
        ("articles", "id"): "article",
        ("sources", "id"): "source",
        ("claims_browse", "id"): "claim",
        ("sources_summary", "id"): "source",
    }
    kind = targets.get((table, column))
    if kind and isinstance(value, int):
        return Markup(f'<a href="/-/{kind}/{value}">{escape(value)}</a>')
    return None


@hookimpl
def menu_links(datasette, actor):
    if actor:
        return [{"href": "/-/signout", "label": f"Sign out ({actor.get('id')})"}]
    return [{"href": "/-/signin", "label": "Reviewer sign-in"}]
