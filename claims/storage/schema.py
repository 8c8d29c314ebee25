"""The database schema, as versioned migrations, with a description of every
table and column (they are published in Datasette's metadata.json).

A database made by an older version is upgraded in place: add a migration at
the end, never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

RATINGS: dict[str, float | None] = {
    # verdict -> schema.org ClaimReview reviewRating.ratingValue (worstRating 1, bestRating 5).
    # `misleading` sits between half true and mostly false: its facts may be accurate but the
    # impression it leaves is not, so it must not share mostly_false's 2 (see README: Review).
    "true": 5,
    "mostly_true": 4,
    "half_true": 3,
    "misleading": 2.5,
    "mostly_false": 2,
    "false": 1,
    "unverifiable": None,  # no rating: an unverifiable claim is not rated on the scale
}
VERDICTS: dict[str, str] = {
    v: v.replace("_", " ").capitalize() + (f" ({r:g})" if r is not None else " (no rating)") for v, r in RATINGS.items()
}
STATUSES = ("unstarted", "in_progress", "done")
CORRECTED_FIELDS = ("type", "source", "kind", "title")
# the review queue's order: sourced facts and quotes (0), unsourced ones (1), editorial assertions (2);
# an index on this very expression (migration m007) keeps the queue fast on a million claims
QUEUE_RANK = "(CASE WHEN type = 'editorial_assertion' THEN 2 WHEN source_id IS NULL THEN 1 ELSE 0 END)"
QUEUE_OPEN = "status != 'done' AND superseded = 0"

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "articles": (
        "One row per version of a news article added to the tracker.",
        {
            "id": "Article number",
            "url": "Where the article was published",
            "title": "Headline",
            "outlet": "News outlet that published it",
            "author": "Byline",
            "published": "Publication date as given by the outlet",
            "added_at": "When it was added to the tracker (UTC)",
            "text": "Full article text; claim offsets point into it",
            "content_hash": "SHA-256 of the text: the same text is never stored twice",
            "words": "Word count",
            "previous_id": "Earlier version of the same URL, when the text changed",
            "canonical_url": "The canonical link the page itself claims (metadata only: versions follow `url`)",
        },
    ),
    "sources": (
        "One row per real-world person or body that claims come from, linked across articles.",
        {
            "id": "Source number",
            "name": "Canonical name (the fullest form seen)",
            "kind": "person, organization, media, document, anonymous or unspecified",
            "title": "Role or title as stated in an article",
            "affiliation": "Body the source speaks for, when known",
            "article_id": "For anonymous and unspecified sources: the one article they belong to",
            "created_at": "When the source was first seen (UTC)",
            "locked": "1 when a fact-checker fixed this source by hand: the linker never renames it",
        },
    ),
    "source_aliases": (
        "Every name a source has been seen under; new mentions link through them.",
        {
            "id": "Alias number",
            "source_id": "The source",
            "alias": "The name as written",
            "alias_key": "Normalised form used for matching",
            "first_word": "First word of the normalised form (finds spelling variants)",
            "last_word": "Last word of the normalised form (finds people by surname)",
        },
    ),
    "claims": (
        "One row per claim: a sentence of an article (or a claim recorded by hand), typed and attributed.",
        {
            "id": "Claim number",
            "article_id": "Article the claim comes from (empty for a claim recorded by hand without one)",
            "seq": "Position of the claim in its article",
            "paragraph": "Paragraph number in the article (from 0)",
            "start": "Character offset where the claim starts in the article text",
            "end": "Character offset where the claim ends",
            "text": "The claim as written",
            "type": "reported_fact, official_quote or editorial_assertion",
            "confidence": "How sure the engine is of the type (0 to 1)",
            "rationale": "The cues that decided the type (JSON list)",
            "source_id": "Who the claim comes from",
            "mention": "Words in the sentence pointing at the source (he, Kerry)",
            "cue": "Attribution cue (said, according to, told)",
            "mention_start": "Character offset where the mention starts in the article text",
            "mention_end": "Character offset where the mention ends",
            "cue_start": "Character offset where the cue starts in the article text",
            "cue_end": "Character offset where the cue ends",
            "via": "Named outlet or venue that carried the statement",
            "direct": "1 when the claim holds a direct quotation of its source",
            "origin": "auto (found by the engine) or manual (recorded by a fact-checker)",
            "status": "unstarted, in_progress or done (a verdict makes it done)",
            "verdict": "Latest review verdict (true, mostly_true, half_true, misleading, mostly_false, false, unverifiable)",
            "source_kind": "Kind of the claim's source (copied from sources for fast facets)",
            "outlet": "Outlet of the claim's article (copied from articles for fast facets)",
            "updated_at": "When the claim last changed (UTC)",
            "assignee": "Reviewer the claim is assigned to",
            "engine_type": "The engine's type, kept when a reviewer corrected the claim (empty: never corrected)",
            "engine_source_id": "The engine's source, kept when a reviewer corrected the claim",
            "superseded": "1 when a newer version of the article replaced this claim (it leaves the queue)",
            "carried_from": "The claim of the previous version this one took its desk work from",
        },
    ),
    "quotes": (
        "Direct quotations inside claims, with their speaker.",
        {
            "id": "Quote number",
            "claim_id": "Claim holding the quotation",
            "article_id": "Article holding the quotation",
            "start": "Character offset of the quoted words in the article text",
            "end": "Character offset where the quoted words end",
            "text": "The quoted words (quotation marks excluded)",
            "source_id": "Who is quoted",
        },
    ),
    "reviews": (
        "Append-only review history: a claim's verdict is its latest review.",
        {
            "id": "Review number",
            "claim_id": "Claim reviewed",
            "reviewer": "Signed-in reviewer who gave the verdict",
            "verdict": "true, mostly_true, half_true, misleading, mostly_false, false or unverifiable",
            "note": "Reasoning, for the record",
            "evidence_url": "Link to the evidence",
            "created_at": "When the review was made (UTC)",
        },
    ),
    "corrections": (
        "Append-only record of every correction a reviewer made to the engine's output.",
        {
            "id": "Correction number",
            "claim_id": "Claim corrected (type, source)",
            "source_id": "Source corrected (kind, title)",
            "field": "type, source, kind or title",
            "before": "Value before (a source id for field source)",
            "after": "Value after (a source id for field source)",
            "reviewer": "Reviewer who made it",
            "created_at": "When (UTC)",
            "carried_from": "Correction of the previous version of the article this one was carried over from",
        },
    ),
    "notes": (
        "Reviewers' notes on a claim: a thread, separate from verdicts.",
        {
            "id": "Note number",
            "claim_id": "Claim the note is about",
            "reviewer": "Who wrote it",
            "text": "The note",
            "created_at": "When (UTC)",
        },
    ),
}

migrations = Migrations("claims")


@migrations()
def m001_initial(db: Database) -> None:
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "title": str,
            "outlet": str,
            "author": str,
            "published": str,
            "added_at": str,
            "text": str,
            "content_hash": str,
            "words": int,
            "previous_id": int,
        },
        pk="id",
        not_null={"text", "content_hash", "added_at"},
        foreign_keys=[("previous_id", "articles", "id")],
    )
    db["articles"].create_index(["content_hash"], unique=True)
    for col in ("url", "outlet", "published", "previous_id"):
        db["articles"].create_index([col])
    db["sources"].create(
        {
            "id": int,
            "name": str,
            "kind": str,
            "title": str,
            "affiliation": str,
            "article_id": int,
            "created_at": str,
            "locked": int,
        },
        pk="id",
        not_null={"name", "kind"},
        defaults={"locked": 0},
        foreign_keys=[("article_id", "articles", "id")],
    )
    for col in ("name", "kind", "article_id"):
        db["sources"].create_index([col])
    db["source_aliases"].create(
        {"id": int, "source_id": int, "alias": str, "alias_key": str, "first_word": str, "last_word": str},
        pk="id",
        not_null={"source_id", "alias", "alias_key"},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["source_aliases"].create_index(["source_id", "alias_key"], unique=True)
    for col in ("alias_key", "first_word", "last_word"):
        db["source_aliases"].create_index([col])
    db["claims"].create(
        {
            "id": int,
            "article_id": int,
            "seq": int,
            "paragraph": int,
            "start": int,
            "end": int,
            "text": str,
            "type": str,
            "confidence": float,
            "rationale": str,
            "source_id": int,
            "mention": str,
            "cue": str,
            "via": str,
            "direct": int,
            "origin": str,
            "status": str,
            "verdict": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"text", "type", "origin", "status"},
        defaults={"origin": "auto", "status": "unreviewed", "direct": 0},
        foreign_keys=[("article_id", "articles", "id"), ("source_id", "sources", "id")],
    )
    db["claims"].create_index(["article_id", "seq"], unique=True)
    for col in ("type", "source_id", "status", "verdict", "origin", "direct", "via"):
        db["claims"].create_index([col])
    db["quotes"].create(
        {"id": int, "claim_id": int, "article_id": int, "start": int, "end": int, "text": str, "source_id": int},
        pk="id",
        not_null={"claim_id", "text"},
        foreign_keys=[("claim_id", "claims", "id"), ("article_id", "articles", "id"), ("source_id", "sources", "id")],
    )
    for col in ("claim_id", "article_id", "source_id"):
        db["quotes"].create_index([col])
    db["reviews"].create(
        {
            "id": int,
            "claim_id": int,
            "reviewer": str,
            "verdict": str,
            "note": str,
            "evidence_url": str,
            "created_at": str,
        },
        pk="id",
        not_null={"claim_id", "reviewer", "verdict", "created_at"},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    for col in ("claim_id", "reviewer", "verdict", "created_at"):
        db["reviews"].create_index([col])
    verdicts = ", ".join(f"'{v}'" for v in VERDICTS)
    # A review is the only way a verdict changes: the claim follows its latest review.
    db.execute(f"""
        CREATE TRIGGER reviews_check BEFORE INSERT ON reviews
        WHEN NEW.verdict NOT IN ({verdicts})
        BEGIN SELECT RAISE(ABORT, 'unknown verdict'); END""")
    db.execute("""
        CREATE TRIGGER reviews_apply AFTER INSERT ON reviews BEGIN
          UPDATE claims SET verdict = NEW.verdict, status = 'reviewed', updated_at = NEW.created_at
          WHERE id = NEW.claim_id;
        END""")
    db["claims"].enable_fts(["text"], create_triggers=True, tokenize="porter")
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db.create_view(
        "claims_browse",
        """
        SELECT claims.id, claims.type, claims.text, sources.name AS source, sources.kind AS source_kind,
               sources.title AS source_title, claims.cue, claims.via, claims.direct, claims.confidence,
               claims.status, claims.verdict, articles.title AS article, articles.outlet, articles.published,
               claims.article_id, claims.source_id, claims.seq, claims.origin
        FROM claims
        LEFT JOIN sources ON sources.id = claims.source_id
        LEFT JOIN articles ON articles.id = claims.article_id""",
    )
    db.create_view(
        "sources_summary",
        """
        SELECT sources.id, sources.name, sources.kind, sources.title,
               COUNT(claims.id) AS claims,
               COUNT(DISTINCT claims.article_id) AS articles,
               SUM(claims.type = 'official_quote') AS quotes,
               SUM(claims.type = 'reported_fact') AS reported_facts,
               SUM(claims.type = 'editorial_assertion') AS editorial_assertions,
               SUM(claims.verdict IN ('false', 'mostly_false', 'misleading')) AS rated_false_or_misleading
        FROM sources LEFT JOIN claims ON claims.source_id = sources.id
        GROUP BY sources.id""",
    )


@migrations()
def m002_facets_and_fast_views(db: Database) -> None:
    """Source kind and outlet copied onto claims (indexed, kept in step by
    triggers) so they facet fast on a million claims; views that compute only
    the rows a page shows."""
    db.execute("ALTER TABLE claims ADD COLUMN source_kind TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN outlet TEXT")
    db.execute("""UPDATE claims SET
        source_kind = (SELECT kind FROM sources WHERE sources.id = claims.source_id),
        outlet = (SELECT outlet FROM articles WHERE articles.id = claims.article_id)""")
    for col in ("source_kind", "outlet"):
        db["claims"].create_index([col])
    db.execute("""
        CREATE TRIGGER claims_copy_on_insert AFTER INSERT ON claims
        WHEN (NEW.source_kind IS NULL AND NEW.source_id IS NOT NULL)
          OR (NEW.outlet IS NULL AND NEW.article_id IS NOT NULL)
        BEGIN
          UPDATE claims SET
            source_kind = (SELECT kind FROM sources WHERE id = NEW.source_id),
            outlet = (SELECT outlet FROM articles WHERE id = NEW.article_id)
          WHERE id = NEW.id;
        END""")
    db.execute("""
        CREATE TRIGGER claims_copy_on_source_change AFTER UPDATE OF source_id ON claims BEGIN
          UPDATE claims SET source_kind = (SELECT kind FROM sources WHERE id = NEW.source_id) WHERE id = NEW.id;
        END""")
    db.execute("""
        CREATE TRIGGER sources_kind_change AFTER UPDATE OF kind ON sources BEGIN
          UPDATE claims SET source_kind = NEW.kind WHERE source_id = NEW.id;
        END""")
    db.execute("""
        CREATE TRIGGER articles_outlet_change AFTER UPDATE OF outlet ON articles BEGIN
          UPDATE claims SET outlet = NEW.outlet WHERE article_id = NEW.id;
        END""")
    # the full-text index follows the text only: a verdict or a copied column changing must not touch it
    # (and an update fired from another AFTER INSERT trigger must not delete an entry not yet indexed)
    db.execute('DROP TRIGGER "claims_au"')
    db.execute("""
        CREATE TRIGGER "claims_au" AFTER UPDATE OF text ON claims BEGIN
          INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
          INSERT INTO claims_fts (rowid, text) VALUES (new.rowid, new.text);
        END""")
    db.execute('DROP TRIGGER "articles_au"')
    db.execute("""
        CREATE TRIGGER "articles_au" AFTER UPDATE OF title, text ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""")
    db.execute("DROP VIEW claims_browse")
    db.execute("DROP VIEW sources_summary")
    db.create_view(
        "claims_browse",
        """
        SELECT claims.id, claims.type, claims.text,
               (SELECT name FROM sources WHERE sources.id = claims.source_id) AS source,
               claims.source_kind,
               (SELECT title FROM sources WHERE sources.id = claims.source_id) AS source_title,
               claims.cue, claims.via, claims.direct, claims.confidence, claims.status, claims.verdict,
               (SELECT title FROM articles WHERE articles.id = claims.article_id) AS article,
               claims.outlet,
               (SELECT published FROM articles WHERE articles.id = claims.article_id) AS published,
               claims.article_id, claims.source_id, claims.seq, claims.origin
        FROM claims""",
    )
    db.create_view(
        "sources_summary",
        """
        SELECT sources.id, sources.name, sources.kind, sources.title,
               (SELECT COUNT(*) FROM claims WHERE source_id = sources.id) AS claims,
               (SELECT COUNT(DISTINCT article_id) FROM claims WHERE source_id = sources.id) AS articles,
               (SELECT COUNT(*) FROM claims WHERE source_id = sources.id AND type = 'official_quote') AS quotes,
               (SELECT COUNT(*) FROM claims WHERE source_id = sources.id AND type = 'reported_fact') AS reported_facts,
               (SELECT COUNT(*) FROM claims WHERE source_id = sources.id AND type = 'editorial_assertion')
                 AS editorial_assertions,
               (SELECT COUNT(*) FROM claims WHERE source_id = sources.id
                  AND verdict IN ('false', 'mostly_false', 'misleading')) AS rated_false_or_misleading
        FROM sources""",
    )


@migrations()
def m003_canonical_url(db: Database) -> None:
    """A page's claimed canonical link kept beside the URL it was fetched
    from, so a page cannot pass itself off as another outlet's article."""
    db.execute("ALTER TABLE articles ADD COLUMN canonical_url TEXT")


@migrations()
def m004_http_links_only(db: Database) -> None:
    """Links must be http(s): a `javascript:` URL written through raw SQL
    (the writable canned query) is refused by the schema itself."""
    evidence = "(lower(NEW.evidence_url) GLOB 'http://?*' OR lower(NEW.evidence_url) GLOB 'https://?*')"
    url = "(lower(NEW.url) GLOB 'http://?*' OR lower(NEW.url) GLOB 'https://?*')"
    db.execute(f"""
        CREATE TRIGGER reviews_evidence_http BEFORE INSERT ON reviews
        WHEN NEW.evidence_url IS NOT NULL AND NEW.evidence_url != '' AND NOT {evidence}
        BEGIN SELECT RAISE(ABORT, 'the evidence link must be an http:// or https:// URL'); END""")
    for event in ("INSERT", "UPDATE OF url"):
        name = "articles_url_http_" + event.split()[0].lower()
        db.execute(f"""
            CREATE TRIGGER {name} BEFORE {event} ON articles
            WHEN NEW.url IS NOT NULL AND NOT {url}
            BEGIN SELECT RAISE(ABORT, 'an article URL must be an http:// or https:// URL'); END""")


@migrations()
def m005_review_log_integrity(db: Database) -> None:
    """A review must name a claim that exists, whoever writes it (Datasette
    does not turn foreign keys on), and every review time has one format
    (UTC to the millisecond) so the history sorts in the order it was made."""
    db.execute("""
        CREATE TRIGGER reviews_claim_exists BEFORE INSERT ON reviews
        WHEN NOT EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id)
        BEGIN SELECT RAISE(ABORT, 'no claim has this id'); END""")
    # older rows: "…:SSZ" from the web form, "…:SS.ffffffZ" from the CLI
    db.execute("""UPDATE reviews SET created_at = substr(created_at, 1, 19) || '.000Z'
        WHERE created_at GLOB '????-??-??T??:??:??Z'""")
    db.execute("""UPDATE reviews SET created_at = substr(created_at, 1, 23) || 'Z'
        WHERE created_at GLOB '????-??-??T??:??:??.??????Z'""")


@migrations()
def m006_claim_spans(db: Database) -> None:
    """Where each claim's mention and cue stand in the article, so a page can mark the speaker's words."""
    db["claims"].add_column("mention_start", int)
    db["claims"].add_column("mention_end", int)
    db["claims"].add_column("cue_start", int)
    db["claims"].add_column("cue_end", int)


@migrations()
def m007_review_desk(db: Database) -> None:
    """The desk's work: corrections (with the engine's original kept), a
    workflow status and assignment, notes, and superseded versions."""
    db["claims"].add_column("assignee", str)
    db["claims"].add_column("engine_type", str)
    db["claims"].add_column("engine_source_id", int)
    db["claims"].add_column("superseded", int, not_null_default=0)
    db["claims"].add_column("carried_from", int)
    db.execute("UPDATE claims SET status = CASE status WHEN 'reviewed' THEN 'done' ELSE 'unstarted' END")
    db.execute("""UPDATE claims SET superseded = 1
        WHERE article_id IN (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)""")
    # writers that still say unreviewed/reviewed (the column's old default, older code) land on the new values
    for event in ("INSERT", "UPDATE OF status"):
        db.execute(f"""
            CREATE TRIGGER claims_status_{event.split()[0].lower()} AFTER {event} ON claims
            WHEN NEW.status NOT IN ('unstarted', 'in_progress', 'done') BEGIN
              UPDATE claims SET status = CASE NEW.status WHEN 'reviewed' THEN 'done' ELSE 'unstarted' END
              WHERE id = NEW.id;
            END""")
    db.execute("DROP TRIGGER reviews_apply")
    db.execute("""
        CREATE TRIGGER reviews_apply AFTER INSERT ON reviews BEGIN
          UPDATE claims SET verdict = NEW.verdict, status = 'done', updated_at = NEW.created_at
          WHERE id = NEW.claim_id;
        END""")
    for col in ("assignee", "engine_type", "superseded"):
        db["claims"].create_index([col])
    db.execute(f"CREATE INDEX claims_queue ON claims({QUEUE_RANK}, article_id DESC, seq) WHERE {QUEUE_OPEN}")
    db["corrections"].create(
        {
            "id": int,
            "claim_id": int,
            "source_id": int,
            "field": str,
            "before": str,
            "after": str,
            "reviewer": str,
            "created_at": str,
            "carried_from": int,
        },
        pk="id",
        not_null={"field", "reviewer", "created_at"},
        foreign_keys=[("claim_id", "claims", "id"), ("source_id", "sources", "id")],
    )
    for col in ("claim_id", "source_id", "field", "created_at"):
        db["corrections"].create_index([col])
    fields = ", ".join(f"'{f}'" for f in CORRECTED_FIELDS)
    db.execute(f"""
        CREATE TRIGGER corrections_check BEFORE INSERT ON corrections
        WHEN NEW.field NOT IN ({fields}) OR (NEW.claim_id IS NULL AND NEW.source_id IS NULL)
        BEGIN SELECT RAISE(ABORT, 'a correction names a known field and a claim or a source'); END""")
    db["notes"].create(
        {"id": int, "claim_id": int, "reviewer": str, "text": str, "created_at": str},
        pk="id",
        not_null={"claim_id", "reviewer", "text", "created_at"},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["notes"].create_index(["claim_id"])
    db.execute("""
        CREATE TRIGGER notes_claim_exists BEFORE INSERT ON notes
        WHEN NOT EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id)
        BEGIN SELECT RAISE(ABORT, 'no claim has this id'); END""")


def upgrade(db: Database) -> None:
    """Bring a database up to the current schema."""
    migrations.apply(db)


@migrations()
def m020_quote_groups(db: Database) -> None:
    """Quote groups (issue 8): one row per utterance quoted across articles,
    its members, and the blocking index of rare words per source."""
    db.execute("""CREATE TABLE quote_groups (
        id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id), canonical_quote_id INTEGER,
        canonical TEXT NOT NULL, norm TEXT NOT NULL, appearances INTEGER NOT NULL DEFAULT 1,
        outlets INTEGER NOT NULL DEFAULT 0, variants INTEGER NOT NULL DEFAULT 0, updated_at TEXT)""")
    db.execute("CREATE INDEX idx_quote_groups_source ON quote_groups (source_id, appearances)")
    db.execute("CREATE INDEX idx_quote_groups_variants ON quote_groups (variants)")
    db.execute("""CREATE TABLE quote_members (
        quote_id INTEGER PRIMARY KEY REFERENCES quotes(id), group_id INTEGER NOT NULL REFERENCES quote_groups(id),
        relation TEXT NOT NULL, score REAL, changes TEXT, joined_at TEXT)""")
    db.execute("CREATE INDEX idx_quote_members_group ON quote_members (group_id)")
    db.execute("""CREATE TABLE quote_group_words (
        source_id INTEGER NOT NULL, word TEXT NOT NULL, group_id INTEGER NOT NULL,
        PRIMARY KEY (source_id, word, group_id)) WITHOUT ROWID""")
    db.execute("CREATE INDEX idx_quote_group_words_group ON quote_group_words (group_id)")
    # a source merged by hand takes its quote groups along (`claims quotes --rebuild` joins groups that now match)
    db.execute("""
        CREATE TRIGGER quotes_source_change_groups AFTER UPDATE OF source_id ON quotes BEGIN
          UPDATE quote_groups SET source_id = NEW.source_id
          WHERE id = (SELECT group_id FROM quote_members WHERE quote_id = NEW.id);
          UPDATE OR IGNORE quote_group_words SET source_id = NEW.source_id
          WHERE group_id = (SELECT group_id FROM quote_members WHERE quote_id = NEW.id);
        END""")
    from claims.storage.quote_groups import rebuild

    rebuild(db)


TABLES.update(
    {
        "quote_groups": (
            "One row per utterance quoted across articles: its canonical wording and how many outlets carry it.",
            {
                "id": "Quote group number (its page is /-/quote/N)",
                "source_id": "Who said it",
                "canonical_quote_id": "The quotation whose wording is canonical (the longest; ties: the commonest)",
                "canonical": "The canonical wording",
                "norm": "The canonical wording folded and spelling-normalised (what matching compares)",
                "appearances": "Quotations in the group",
                "outlets": "Distinct outlets that carry it",
                "variants": "Members whose words differ from the canonical beyond punctuation, case and spelling",
                "updated_at": "When the group last changed (UTC)",
            },
        ),
        "quote_members": (
            "Which group each direct quotation belongs to, and how its wording differs from the canonical one.",
            {
                "quote_id": "The quotation",
                "group_id": "Its quote group",
                "relation": "canonical, same (punctuation/case only), shortened, spelling (spelling or contractions only) or variant",
                "score": "Similarity to the group when it joined (0-100, rapidfuzz)",
                "changes": "The differing words (JSON list of {op, a: canonical words, b: these words})",
                "joined_at": "When it was grouped (UTC)",
            },
        ),
        "quote_group_words": (
            "Blocking index: the rarer words of each group per source, so a new quotation is compared with few groups.",
            {"source_id": "Who said it", "word": "A normalised word of the group", "group_id": "The group"},
        ),
    }
)


@migrations()
def m021_transcripts_and_checks(db: Database) -> None:
    """Transcripts (issue 8): what sources really said, in turns with times,
    and the latest check of each direct quotation against them."""
    db.execute("""CREATE TABLE transcripts (
        id INTEGER PRIMARY KEY, title TEXT, path TEXT, format TEXT NOT NULL, speaker_format TEXT NOT NULL,
        recorded TEXT, added_at TEXT NOT NULL, content_hash TEXT NOT NULL UNIQUE, turns INTEGER, words INTEGER)""")
    db.execute("""CREATE TABLE transcript_turns (
        id INTEGER PRIMARY KEY, transcript_id INTEGER NOT NULL REFERENCES transcripts(id), seq INTEGER NOT NULL,
        speaker TEXT, speaker_key TEXT, start_ms INTEGER, end_ms INTEGER, text TEXT NOT NULL, cues TEXT,
        UNIQUE (transcript_id, seq))""")
    db.execute("CREATE INDEX idx_transcript_turns_speaker ON transcript_turns (speaker_key)")
    db.execute("""CREATE TABLE quote_checks (
        quote_id INTEGER PRIMARY KEY REFERENCES quotes(id), label TEXT NOT NULL, score REAL,
        transcript_id INTEGER REFERENCES transcripts(id), turn_id INTEGER REFERENCES transcript_turns(id),
        turn_seq INTEGER, start_ms INTEGER, passage TEXT, changes TEXT, note TEXT, checked_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_quote_checks_label ON quote_checks (label)")


TABLES.update(
    {
        "transcripts": (
            "Transcripts and statements: what sources said, to check quotations against.",
            {
                "id": "Transcript number",
                "title": "Title (the file name unless given)",
                "path": "The file it was read from",
                "format": "text, vtt (WebVTT) or srt",
                "speaker_format": "How speakers are marked: colon (SPEAKER: words), voice (WebVTT <v>) or none (one speaker)",
                "recorded": "When it was said, as given",
                "added_at": "When it was added (UTC)",
                "content_hash": "SHA-256 of the text and how it was read: the same transcript is stored once",
                "turns": "Number of turns",
                "words": "Number of words",
            },
        ),
        "transcript_turns": (
            "One row per turn of a transcript: who spoke, when, and the words.",
            {
                "id": "Turn id",
                "transcript_id": "The transcript",
                "seq": "Position of the turn in the transcript (from 1)",
                "speaker": "Speaker as written in the transcript",
                "speaker_key": "Normalised speaker name, matched with source names and aliases",
                "start_ms": "Start time in milliseconds (subtitles only)",
                "end_ms": "End time in milliseconds (subtitles only)",
                "text": "The words of the turn",
                "cues": "Subtitle cues joined into this turn: JSON list of [offset in text, start ms]",
            },
        ),
        "quote_checks": (
            "The latest check of each direct quotation against its source's transcripts (`claims verify`).",
            {
                "quote_id": "The quotation",
                "label": "exact, altered, out_of_context or not_found",
                "score": "Share of the quotation's words found in the passage (0-100)",
                "transcript_id": "Transcript of the closest passage",
                "turn_id": "Turn of the closest passage",
                "turn_seq": "Its position in the transcript",
                "start_ms": "Time of the passage in milliseconds (subtitles only)",
                "passage": "The transcript's words the quotation was aligned with",
                "changes": "The differing words (JSON list of {op, a: transcript words, b: quoted words})",
                "note": "Why: the words that change the context, a splice, or the speaker whose words they are",
                "checked_at": "When it was checked (UTC)",
            },
        ),
    }
)


@migrations()
def m022_claim_groups(db: Database) -> None:
    """Claim groups (issue 8): the same reported fact or assertion across
    articles, the blocking index, and reviews applied from a group member's."""
    db.execute("""CREATE TABLE claim_groups (
        id INTEGER PRIMARY KEY, first_claim_id INTEGER REFERENCES claims(id), norm TEXT NOT NULL, facts TEXT,
        members INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0, updated_at TEXT)""")
    db.execute("CREATE INDEX idx_claim_groups_articles ON claim_groups (articles)")
    db.execute("""CREATE TABLE claim_group_members (
        claim_id INTEGER PRIMARY KEY REFERENCES claims(id), group_id INTEGER NOT NULL REFERENCES claim_groups(id),
        score REAL, joined_at TEXT)""")
    db.execute("CREATE INDEX idx_claim_group_members_group ON claim_group_members (group_id)")
    db.execute("""CREATE TABLE claim_group_words (
        word TEXT NOT NULL, group_id INTEGER NOT NULL, PRIMARY KEY (word, group_id)) WITHOUT ROWID""")
    db.execute("CREATE TABLE claim_word_counts (word TEXT PRIMARY KEY, groups INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("""CREATE TABLE claim_group_reviews (
        review_id INTEGER PRIMARY KEY REFERENCES reviews(id), from_review_id INTEGER NOT NULL REFERENCES reviews(id))""")
    from claims.storage.claim_groups import rebuild

    rebuild(db)


TABLES.update(
    {
        "claim_groups": (
            "The same reported fact or editorial assertion in near-identical words across articles (a reprint).",
            {
                "id": "Claim group number",
                "first_claim_id": "The first claim seen",
                "norm": "Its words folded and spelling-normalised (what matching compares)",
                "facts": "Its numbers and names: members must hold the same ones",
                "members": "Claims in the group",
                "articles": "Distinct articles carrying it",
                "updated_at": "When the group last changed (UTC)",
            },
        ),
        "claim_group_members": (
            "Which claim group each reported fact or assertion belongs to.",
            {
                "claim_id": "The claim",
                "group_id": "Its group",
                "score": "rapidfuzz ratio with the group when it joined (0-100; 85 or more)",
                "joined_at": "When it was grouped (UTC)",
            },
        ),
        "claim_group_words": (
            "Blocking index: the rarer words of each claim group.",
            {"word": "A normalised word", "group_id": "The group"},
        ),
        "claim_word_counts": (
            "How many claim groups hold each word (picks the rarest words to block on).",
            {"word": "A normalised word", "groups": "Groups holding it"},
        ),
        "claim_group_reviews": (
            "Reviews applied to a claim from another member's review, in one step.",
            {"review_id": "The review made by applying", "from_review_id": "The original review it came from"},
        ),
    }
)


@migrations()
def m023_fast_filters(db: Database) -> None:
    """Indexes for the pages a desk opens most at scale (1,000,000 claims): the
    claims table filtered by type and status counts and facets from an index
    alone; "sources quoted in the most articles" and "quotes by anonymous
    sources, per outlet" and "share of editorial assertions per outlet" each
    read one covering index.
    (No ANALYZE: statistics taken on a young database would mislead the
    planner once it holds a million rows; without them it picks these.)"""
    for col in ("source_kind", "outlet", "verdict"):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_claims_type_status_{col} ON claims (type, status, {col})")
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_type_source_article ON claims (type, source_id, article_id)")
    # "quotes by anonymous sources, per outlet" reads the copies of outlet and source kind (m002) from one index
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_claims_type_outlet_kind ON claims (type, outlet, source_kind, article_id)"
    )
    # "share of editorial assertions per outlet" likewise
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_outlet_type ON claims (outlet, type, article_id)")


@migrations()
def m024_engine_version(db: Database) -> None:
    """Which engine read each article (`claims reanalyze` runs a newer one over
    it), and an index to tell when no claim keeps an engine's source any more."""
    db["articles"].add_column("engine_version", str)
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_engine_source ON claims (engine_source_id)")


TABLES["articles"][1]["engine_version"] = (
    "The engine that produced its claims: package version + digest of the engine's code and language data"
)
