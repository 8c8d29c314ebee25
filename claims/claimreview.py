"""schema.org ClaimReview JSON-LD for reviewed claims: the markup Google Fact
Check Tools and fact-check aggregators read. One builder serves the CLI export
and the claim page, so both publish the same document."""

from __future__ import annotations

import os

from sqlite_utils import Database

from claims.errors import ClaimsError
from claims.storage.links import http_link
from claims.storage.schema import RATINGS

PERSON_KINDS = {"person", "anonymous"}  # the rest (organisations, media, documents, unspecified) are Organizations

EXPORT_SQL = """SELECT c.id, c.text, c.verdict, s.name AS source_name, s.kind AS source_kind, s.title AS source_title,
  a.url AS article_url, a.title AS article_title, a.outlet, a.published, a.author,
  (SELECT MAX(created_at) FROM reviews WHERE claim_id = c.id) AS reviewed_at
FROM claims c LEFT JOIN sources s ON s.id = c.source_id LEFT JOIN articles a ON a.id = c.article_id"""


def desk(plugin_config: dict | None = None) -> dict:
    """The desk's organisation: Datasette's `plugins.claims` metadata (desk_name, desk_url) wins over
    $CLAIMS_DESK_NAME and $CLAIMS_DESK_URL. An empty name means not configured."""
    cfg = plugin_config or {}
    return {
        "name": (cfg.get("desk_name") or os.environ.get("CLAIMS_DESK_NAME") or "").strip(),
        "url": (cfg.get("desk_url") or os.environ.get("CLAIMS_DESK_URL") or "").strip(),
    }


def _author(row: dict) -> dict | None:
    """Who made the claim: its source, else the article's byline, else its outlet."""
    if row.get("source_name"):
        out = {
            "@type": "Person" if row.get("source_kind") in PERSON_KINDS else "Organization",
            "name": row["source_name"],
        }
        if row.get("source_title") and out["@type"] == "Person":
            out["jobTitle"] = row["source_title"]
        return out
    if row.get("author"):
        return {"@type": "Person", "name": row["author"]}
    if row.get("outlet"):
        return {"@type": "Organization", "name": row["outlet"]}
    return None


def _appearance(url: str | None, title: str | None, outlet: str | None, published: str | None) -> dict:
    out: dict = {"@type": "CreativeWork"}
    if http_link(url):
        out["url"] = url
    if title:
        out["headline"] = title
    if outlet:
        out["publisher"] = {"@type": "Organization", "name": outlet}
    if published:
        out["datePublished"] = published
    return out


def claim_review(row: dict, desk_org: dict, url: str, elsewhere: list[dict] | None = None) -> dict:
    """The ClaimReview of one claim (`row` as EXPORT_SQL selects it); no
    reviewRating when there is no verdict or the verdict is unverifiable.
    `elsewhere`: the other articles of its claim group (issue 8), each one
    more `appearance`."""
    own = _appearance(row.get("article_url"), row.get("article_title"), row.get("outlet"), row.get("published"))
    others = [_appearance(a.get("url"), a.get("title"), a.get("outlet"), a.get("published")) for a in elsewhere or []]
    item: dict = {"@type": "Claim", "appearance": [own, *others] if others else own}
    author = _author(row)
    if author:
        item["author"] = author
    org = {"@type": "Organization", "name": desk_org["name"]}
    if desk_org.get("url"):
        org["url"] = desk_org["url"]
    doc = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": row["text"],
        "itemReviewed": item,
        "author": org,
    }
    if row.get("reviewed_at"):
        doc["datePublished"] = row["reviewed_at"][:10]
    rating = RATINGS.get(row.get("verdict") or "")
    if rating is not None:
        doc["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": row["verdict"].replace("_", " ").capitalize(),
        }
    return doc


def export(db: Database, site_url: str, desk_org: dict, since: str | None = None) -> list[dict]:
    """ClaimReviews of every current reviewed claim, oldest review first (reviewed on or after `since`)."""
    if not desk_org.get("name"):
        raise ClaimsError(
            "set the desk's organisation first: --desk NAME or $CLAIMS_DESK_NAME (see README: ClaimReview)"
        )
    if not http_link(site_url):
        raise ClaimsError("--site-url must be the http(s) address the site is published at")
    sql = f"SELECT * FROM ({EXPORT_SQL} WHERE c.verdict IS NOT NULL AND c.superseded = 0)"
    params: list = []
    if since:
        sql += " WHERE reviewed_at >= ?"
        params.append(since)
    from claims.storage.claim_groups import group_articles

    base = site_url.rstrip("/")
    return [
        claim_review(r, desk_org, f"{base}/-/claim/{r['id']}", group_articles(db, r["id"])[1:])
        for r in db.query(sql + " ORDER BY reviewed_at, id", params)
    ]
