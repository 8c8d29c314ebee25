"""The Datasette site: metadata.json (descriptions, facets, audits as canned
queries) is generated from here so it never drifts from the schema.

Regenerate with `python -m claims.web.site > metadata.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from claims.storage.desk import KIND_SQL, PRECISION_SQL
from claims.storage.schema import QUEUE_OPEN, QUEUE_RANK, TABLES, VERDICTS

PACKAGE = Path(__file__).resolve().parent / "datasette"
PLUGINS_DIR = PACKAGE / "plugins"
TEMPLATES_DIR = PACKAGE / "templates"
STATIC_DIR = PACKAGE / "static"

AUDITS: dict[str, dict] = {
    "unsourced_facts": {
        "title": "Reported facts that name no source",
        "description": "Sentences stated as fact with no attribution: where a fact-checker should ask 'says who?'.",
        "sql": """SELECT claims.id AS claim, articles.outlet, articles.title AS article, claims.text, claims.confidence
FROM claims LEFT JOIN articles ON articles.id = claims.article_id
WHERE claims.type = 'reported_fact' AND claims.source_id IS NULL
ORDER BY claims.article_id, claims.seq LIMIT 1000""",
    },
    "claims_by_source": {
        "title": "All claims by a source",
        "description": "Every claim and quote attributed to a source, found by any name it goes by.",
        "sql": """SELECT claims.id AS claim, sources.name AS source, claims.type, claims.text, claims.verdict,
       articles.outlet, articles.title AS article
FROM claims JOIN sources ON sources.id = claims.source_id LEFT JOIN articles ON articles.id = claims.article_id
WHERE claims.source_id IN (SELECT source_id FROM source_aliases WHERE alias LIKE '%' || :source || '%')
ORDER BY articles.published DESC, claims.article_id, claims.seq""",
    },
    "anonymous_quotes_per_outlet": {
        "title": "Quotes by anonymous sources, per outlet",
        "description": "How often each outlet quotes unnamed people, and what share of its quotes they are.",
        "sql": """SELECT outlet,
       SUM(source_kind = 'anonymous') AS anonymous_quotes,
       COUNT(*) AS quotes,
       ROUND(100.0 * SUM(source_kind = 'anonymous') / COUNT(*), 1) AS anonymous_percent
FROM claims
WHERE type = 'official_quote' AND article_id IS NOT NULL
GROUP BY outlet ORDER BY anonymous_percent DESC""",
    },
    "editorial_share_per_outlet": {
        "title": "Share of editorial assertions per outlet",
        "description": "What part of each outlet's sentences are the author's own interpretation or evaluation.",
        "sql": """SELECT outlet, COUNT(*) AS claims,
       SUM(type = 'editorial_assertion') AS editorial_assertions,
       ROUND(100.0 * SUM(type = 'editorial_assertion') / COUNT(*), 1) AS editorial_percent
FROM claims WHERE article_id IS NOT NULL
GROUP BY outlet ORDER BY editorial_percent DESC""",
    },
    "awaiting_review": {
        "title": "Claims awaiting review",
        "description": "Open claims of current article versions in queue order: sourced facts and quotes, then "
        "unsourced ones, then editorial assertions; newest article first (the queue page is /-/queue).",
        "sql": f"""SELECT id AS claim, type, text, (SELECT name FROM sources WHERE sources.id = claims.source_id) AS source,
       status, assignee, outlet, (SELECT title FROM articles WHERE articles.id = claims.article_id) AS article
FROM claims WHERE {QUEUE_OPEN}
ORDER BY {QUEUE_RANK}, article_id DESC, seq LIMIT 500""",
    },
    "search_claims": {
        "title": "Search claims by relevance",
        "description": "Full-text search (porter stemming; words, \"phrases\", OR, prefix*), best matches first, "
        "the matched words marked.",
        "sql": """SELECT claims_fts.rowid AS claim, snippet(claims_fts, 0, '[[', ']]', '…', 40) AS match,
       claims.type, claims.verdict, claims.outlet
FROM claims_fts JOIN claims ON claims.id = claims_fts.rowid
WHERE claims_fts MATCH (CASE WHEN trim(:q) = '' THEN '""' ELSE :q END) ORDER BY rank LIMIT 100""",
    },
    "engine_precision": {
        "title": "The engine as the desk saw it",
        "description": "Over the claims the desk checked (reviewed or corrected), by the engine's type: how often "
        "reviewers corrected the type and the source (`claims precision` prints the same).",
        "sql": PRECISION_SQL,
    },
    "source_corrections": {
        "title": "Corrections to source kinds and titles",
        "description": "What the desk changed on sources, by field and value (`claims precision` prints the same).",
        "sql": KIND_SQL,
    },
    "most_quoted_sources": {
        "title": "Sources quoted in the most articles",
        "description": "Who the coverage relies on: sources ranked by the number of articles that quote them.",
        "sql": """SELECT sources.id AS source_id, sources.name, sources.kind, sources.title,
       COUNT(DISTINCT claims.article_id) AS articles, COUNT(*) AS claims
FROM claims JOIN sources ON sources.id = claims.source_id
WHERE claims.type = 'official_quote' AND sources.kind IN ('person', 'organization', 'media', 'document')
GROUP BY sources.id ORDER BY articles DESC, claims DESC LIMIT 100""",
    },
    "verdict_changed": {
        "title": "Claims whose verdict changed",
        "description": "Claims reviewed more than once with different verdicts, from the review history.",
        "sql": """SELECT reviews.claim_id AS claim, claims.text,
       GROUP_CONCAT(reviews.verdict || ' by ' || reviews.reviewer || ' at ' || reviews.created_at, ' → ') AS history,
       claims.verdict AS current_verdict
FROM (SELECT * FROM reviews ORDER BY created_at, id) AS reviews JOIN claims ON claims.id = reviews.claim_id
GROUP BY reviews.claim_id HAVING COUNT(DISTINCT reviews.verdict) > 1
ORDER BY MAX(reviews.created_at) DESC""",
    },
    "review_claim": {
        "title": "Review a claim",
        "description": "Record a verdict (" + ", ".join(VERDICTS) + ") with a note and evidence link. "
        "Signed-in reviewers only; the reviewer recorded is the one signed in.",
        "sql": """INSERT INTO reviews (claim_id, reviewer, verdict, note, evidence_url, created_at)
VALUES (:claim_id, :_actor_id, :verdict, :note, :evidence_url, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))""",
        "write": True,
        "allow": {"id": "*"},
        "on_success_message": "Review saved",
    },
}

AUDITS["quote_wording_differs"] = {
    "title": "Quotations whose wording differs between outlets",
    "description": "The same utterance quoted by several outlets with words added, dropped, replaced or moved "
    "(punctuation, case and British/American spelling do not count). Open the quotation for the differences marked.",
    "sql": """SELECT g.id AS quote_group, sources.name AS source, g.canonical, g.outlets, g.variants,
       articles.outlet, articles.published, q.text AS wording, m.changes, q.claim_id AS claim
FROM quote_groups g JOIN quote_members m ON m.group_id = g.id JOIN quotes q ON q.id = m.quote_id
LEFT JOIN articles ON articles.id = q.article_id LEFT JOIN sources ON sources.id = g.source_id
WHERE g.variants > 0 AND g.outlets > 1 AND m.relation = 'variant'
ORDER BY g.outlets DESC, g.id, articles.published LIMIT 1000""",
}

AUDITS["quotes_not_matching_transcript"] = {
    "title": "Quotations that do not match the transcript",
    "description": "Direct quotations checked against their source's transcripts (`claims verify`) that are altered, "
    "out of context or not found, with the closest passage and the differing words.",
    "sql": """SELECT k.quote_id, q.claim_id AS claim, sources.name AS source, articles.outlet, q.text AS quoted,
       k.label, k.passage, k.changes, k.note, k.transcript_id, k.turn_seq, k.start_ms, k.checked_at
FROM quote_checks k JOIN quotes q ON q.id = k.quote_id LEFT JOIN sources ON sources.id = q.source_id
LEFT JOIN articles ON articles.id = q.article_id
WHERE k.label != 'exact'
ORDER BY k.label = 'not_found', k.label, articles.published DESC LIMIT 1000""",
}


def metadata() -> dict:
    tables: dict[str, dict] = {}
    for name, (description, columns) in TABLES.items():
        tables[name] = {"description": description, "columns": columns}
    tables["claims"].update(
        facets=["type", "source_kind", "outlet", "status", "verdict"],
        sort_desc="id",
        fts_table="claims_fts",
        fts_pk="id",
        label_column="text",
        size=50,
    )
    tables["articles"].update(
        facets=["outlet"], sort_desc="id", fts_table="articles_fts", fts_pk="id", label_column="title"
    )
    tables["sources"].update(facets=["kind"], label_column="name", sort="name")
    tables["source_aliases"].update(label_column="alias")
    tables["reviews"].update(facets=["verdict", "reviewer"], sort_desc="created_at")
    tables["corrections"].update(facets=["field", "reviewer"], sort_desc="id")
    tables["notes"].update(facets=["reviewer"], sort_desc="id")
    # one grouped query for all of them on a search (web/datasette/facets.py)
    tables["claims"]["facets"] = [
        {"columns": c} for c in ("type", "source_kind", "outlet", "status", "verdict", "assignee")
    ]
    claim_cols, source_cols, article_cols = TABLES["claims"][1], TABLES["sources"][1], TABLES["articles"][1]
    tables["claims_browse"] = {
        "description": "Claims with the name of their source and the headline of their article, for reading.",
        "facets": ["type", "source_kind", "status", "verdict"],
        "columns": {
            **{
                k: claim_cols[k]
                for k in (
                    "id",
                    "type",
                    "text",
                    "cue",
                    "via",
                    "direct",
                    "confidence",
                    "status",
                    "verdict",
                    "article_id",
                    "source_id",
                    "seq",
                    "origin",
                    "source_kind",
                    "outlet",
                )
            },
            "source": "Who the claim comes from",
            "source_title": source_cols["title"],
            "article": "Headline of the article",
            "published": article_cols["published"],
        },
    }
    tables["sources_summary"] = {
        "description": "Sources with counts of claims by type and of claims rated false or misleading.",
        "facets": ["kind"],
        "columns": {
            "id": "Source number",
            "name": source_cols["name"],
            "kind": source_cols["kind"],
            "title": source_cols["title"],
            "claims": "Claims attributed to the source",
            "articles": "Articles it is quoted or cited in",
            "quotes": "Official quotes",
            "reported_facts": "Reported facts citing it",
            "editorial_assertions": "Editorial assertions attributed to it",
            "rated_false_or_misleading": "Claims whose latest verdict is false, mostly false or misleading",
        },
    }
    tables["quote_groups"].update(label_column="canonical", sort_desc="appearances")
    tables["quote_members"].update(facets=["relation"])
    tables["quote_checks"].update(facets=["label"])
    tables["transcript_turns"].update(facets=["speaker"], label_column="text")
    tables["transcripts"].update(label_column="title")
    for hidden in ("claims_fts", "articles_fts", "_sqlite_migrations", "quote_group_words"):
        tables[hidden] = {"hidden": True}
    return {
        "title": "Claims tracker",
        "description": "Claims from news articles, typed (reported fact, official quote, editorial assertion) and "
        "attributed to their sources, for fact-checking. Verdicts: "
        + "; ".join(f"{k} = {v}" for k, v in VERDICTS.items())
        + " (schema.org ClaimReview ratings).",
        "license": "Apache-2.0",
        "license_url": "https://www.apache.org/licenses/LICENSE-2.0",
        "source": "claims (the tracker that built this database)",
        "databases": {"claims": {"tables": tables, "queries": AUDITS}},
    }


def main() -> None:
    print(json.dumps(metadata(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
