"""The extraction pipeline: article text in, typed and attributed claims out.

Pure: no I/O, no global state besides the cached word lists. Stages:
segment -> quotations -> attribution cues -> speaker resolution -> type.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex  # \p{Lu}: names outside ASCII ("Émile", "Ökobank") are names too

from claims.engine import attribution, classify, mentions, opinion, spans
from claims.engine import doc as doc_module
from claims.engine.doc import Doc, SentenceView
from claims.engine.lexicon import lexicon, words
from claims.engine.model import Analysis, Claim, Quote, Sentence, Source
from claims.engine.resolve import Registry

_SPEECH_WORDS = 6  # a quotation this long with no cue is still speech, not a scare quote
_INHERIT_WINDOW = 3  # sentences back that a cue-less quotation may take its speaker from
_TERM_INTRO = words("term_intro")
_OPENS_WITH_NAME = regex.compile(r"[“\"‘'(]?\p{Lu}[\w.’'\-]*\s+\p{Lu}")
_NEXT_WORD = regex.compile(r"[ \t]+(\p{Ll}+)\b")
_FUNCTION_WORDS = words("function_words")
_SUBHEAD_WORDS = 12  # a line this short standing alone is a subhead
_SIGNED_SUBHEAD = regex.compile(r"[”’\"']?:\s+(\p{Lu}[\w’'\-]+(?:\s+\p{Lu}[\w’'\-]+){0,2})\s*\Z")
_REPORTING_NOUNS = words("reporting_nouns")
_SUBORDINATE_OPENERS = words("subordinators") | {"as"}
_NON_WORD = regex.compile(r"[^\w' ]+")


@dataclass(slots=True)
class _Row:
    sentence: Sentence
    pieces: list[Quote]
    outside: str
    quoted: float
    view: SentenceView | None = None
    found: attribution.Found | None = None
    source: Source | None = None
    mention: str | None = None
    groups: set[int] = field(default_factory=set)
    subject: Source | None = None  # the person a sentence without a cue opens with ("Brian Sauve is the president …")


@dataclass(slots=True)
class _Group:
    words: int = 0
    sentences: int = 0
    cue: bool = False
    speech_cue: bool = False
    term: bool = False
    full_sentence: bool = False  # a quoted piece ends with . ? or !: a sentence, not a term
    source: Source | None = None


def _clip(q: Quote, s: Sentence, text: str) -> Quote:
    a, b = max(q.start, s.start), min(q.end, s.end)
    return Quote(a, b, text[a:b], q.group, q.open_mark, q.close_mark)


def analyze(text: str) -> Analysis:
    """Split an article into claims, each typed and attributed."""
    return analyze_doc(doc_module.build(text))


def analyze_doc(doc: Doc) -> Analysis:
    """Type and attribute the sentences of a built document."""
    text, title = doc.text, doc.title
    registry = Registry(text, [v.sentence.start for v in doc.sentences])
    rows: list[_Row] = []
    groups: dict[int, _Group] = {}
    for view in doc.sentences:
        s, pieces, outside = view.sentence, view.pieces, view.outside
        inside = sum(min(q.end, s.end) - max(q.start, s.start) for q in pieces)
        row = _Row(s, pieces, outside, inside / max(1, s.end - s.start), view)
        for q in pieces:
            g = groups.get(q.group)
            if g is None:
                g = groups[q.group] = _Group(term=_is_term(text, q))
            if q.group not in row.groups:
                g.sentences += 1
                row.groups.add(q.group)
            g.words += len(_clip(q, s, text).text.split())
            g.full_sentence = g.full_sentence or (q.close_mark is not None and q.text.rstrip()[-1:] in (".", "?", "!"))
        row.found = attribution.find(outside, view.words)
        if not row.found and s.text == title:
            row.found = _named_after_colon(view.words, text)
        if not row.found:
            # parse only what may start with a name; a Title Case headline is no one's name
            named = _OPENS_WITH_NAME.match(s.text) and not (s.text == title and attribution.title_case(s.text.split()))
            subject = mentions.parse(attribution.leading_subject(outside, view.words)) if named else None
            row.subject = registry.note_subject(s.text, subject, s.start)
        if row.found:
            appositive = row.found.title
            parsed = mentions.parse(row.found.words)
            if parsed is not None and parsed.pronoun and parsed.name in ("they", "them"):
                parsed = _plural_subject(outside, view.words, parsed)
            if parsed is None and row.found.cue_kind == "according":
                parsed = mentions.fallback(row.found.words)
            if parsed:
                if appositive:
                    parsed.title = f"{parsed.title}, {appositive}" if parsed.title else appositive
                row.source = _bound_pronoun(registry, parsed, row.found, outside, view.words, s.start)
                row.source = row.source or registry.resolve(parsed, s.start)
                row.mention = parsed.mention
                if row.source is not None and row.found.cue_kind == "speech":
                    registry.spoke(row.source, s.start)
            if row.found.cue_kind in ("speech", "statement", "according", "finding"):
                for gid in row.groups - _subject_terms(row, text):
                    groups[gid].cue = True
                    groups[gid].speech_cue |= row.found.cue_kind in ("speech", "statement")
                    if row.source and groups[gid].source is None and row.found.cue_kind in ("speech", "statement"):
                        groups[gid].source = row.source
        rows.append(row)
    _signed_pull_quotes(rows)
    claims = _subheads_from_the_story(_type_rows(rows, groups, text, title), rows)
    used = list({id(c.source): c.source for c in claims if c.source}.values())
    return Analysis(title, len(text), len(text.split()), claims, used)


def _named_after_colon(words: list[str], text: str) -> attribution.Found | None:
    """A headline's source after its final colon, when those words name a source
    ("…: police", "…: MEA", "…: Matlow" when the story names Josh Matlow), not a
    pronoun, a place or a label ("…: Explained", "…: Victoria"). A name before
    the colon is not read as a speaker: "Taylor Swift: Singer adds three dates"
    labels a topic far more often than "Newsham: Police make 1 arrest" quotes."""
    found = attribution.headline_tail_source(words)
    if found is None:
        return None
    parsed = mentions.parse(found.words)
    if parsed is None or parsed.pronoun or parsed.name.lower() in mentions.countries():
        return None  # "…: Victoria", "…: Kerala": a place the story is about
    capitalised = [w for w in found.words if w[:1].isupper()]
    if capitalised and not all(w.isupper() for w in capitalised) and not _named_in_full(capitalised[-1], text):
        return None  # "…: Fiction", "…: Photo Gallery": a label; "…: Matlow" is a person the story names in full
    if parsed.kind == "document":
        found.cue_kind = "finding"  # "Air pollution linked to dementia: study": the study's finding
    return found


def _named_in_full(word: str, text: str) -> bool:
    """Does the story write the word after a given name or a title ("Chief Peter Newsham"),
    as it writes a person's surname, not a place's name ("in Gaza", "In Gaza")?"""
    body = text[text.find("\n") + 1 :]
    for m in regex.finditer(r"(\p{Lu}[\w.’'\-]*)[ \t]+" + regex.escape(word) + r"\b", body):
        if m.group(1).lower() not in lexicon().starters:
            return True
    return False


def _bound_pronoun(
    registry: Registry, parsed: mentions.Parsed, found: attribution.Found, outside: str, words: list[str], start: int
) -> Source | None:
    """A "he" or "she" after the sentence's own named subject is that person."""
    if not parsed.pronoun or parsed.name not in ("he", "she") or found.cue_at is None:
        return None
    after = words[found.cue_at + found.cue_len : found.cue_at + found.cue_len + 1]
    if after in ([","], [doc_module.QMARK], ["."]) or not after:
        return None  # "Schumer, he said, “knows …”": a parenthetical tag, the speaker of the last quote
    at = next((k for k in range(found.cue_at - 1, max(-1, found.cue_at - 4), -1) if words[k].lower() == parsed.name), None)
    subordinate = words[0].lower() in _SUBORDINATE_OPENERS  # "While Scheer has said …, he has made clear …"
    if at is None or (at > 0 and words[at - 1] == "," and not subordinate):
        return None  # "Joe Biden should step aside, he told reporters": a closing tag, not the sentence's subject
    lead = attribution.leading_subject(outside, words)
    if not lead or lead == found.words or len(lead) >= found.cue_at:
        return None  # the pronoun is the subject itself, or nothing named comes before it
    subject = mentions.parse(lead)
    if subject is None or subject.pronoun or subject.kind != "person":
        return None
    return registry.bound(parsed, subject, start)


def _subject_terms(row: _Row, text: str) -> set[int]:
    """Quotations that are terms inside the subject, right before the verb:
    "Critics of the “backstop” argue …" quotes no one's speech."""
    found, view = row.found, row.view
    if not row.pieces or found is None or found.cue_at is None or view is None or found.cue_at >= len(view.tokens):
        return set()
    cue = view.tokens[found.cue_at].start
    terms = {
        q.group
        for q in row.pieces
        if q.close_mark is not None
        and q.close_mark < cue
        and text[row.sentence.start : q.open_mark].strip()
        and not text[q.close_mark + 1 : cue].strip()
        and q.text.rstrip()[-1:] not in (",", ".", "?", "!")
    }
    if terms and any(attribution.characterises(w) for w in view.words[: found.cue_at]):
        return set()  # "The minister who called the protesters “thugs” said": quoted words, not a term
    return terms


def _signed_pull_quotes(rows: list[_Row]) -> None:
    """A pull quote signed by a name ("… what it's brought me. Morgan McNeely",
    "… Matt Danison, Rentals.ca") is that person's when the story has them
    speaking too: a byline, a photo credit or a name that only ends a paragraph
    is no one's statement."""
    speakers: dict[str, tuple[Source, str | None]] = {}
    for row in rows:
        if row.found and row.source and row.found.cue_kind in ("speech", "statement") and row.source.kind == "person":
            speakers.setdefault(row.source.name.lower(), (row.source, row.mention))
    if not speakers:
        return
    for row in rows:
        if row.found or not row.sentence.signed:
            continue
        parsed = mentions.parse(row.sentence.signed.split(",", 1)[0].split())
        if parsed is not None and not parsed.pronoun and parsed.kind == "person" and parsed.name.lower() in speakers:
            row.source, row.mention = speakers[parsed.name.lower()][0], parsed.mention


def _plural_subject(outside: str, words: list[str], pronoun: mentions.Parsed) -> mentions.Parsed:
    """ "Republican senators are eager to …, and they say …": a "they" later in
    the sentence is its plural subject, not the last body that spoke."""
    lead = attribution.leading_subject(outside, words)
    if not lead or lead[0].lower() in ("they", "them"):
        return pronoun
    subject = mentions.parse(lead)
    if subject is None or subject.pronoun:
        return pronoun
    plural = mentions.plural(subject.name.split()[-1])
    if plural and subject.kind == "person" and lead[0].lower() == "the" and len(subject.name.split()) == 1:
        subject.kind = "organization"  # "The Conservatives believe …; they say …": a party, not a person
    if plural and subject.kind in ("anonymous", "organization"):
        subject.mention = pronoun.mention
        return subject
    return pronoun


def _subheads_from_the_story(claims: list[Claim], rows: list[_Row]) -> list[Claim]:
    """A subhead that repeats a speaker's words ("'Inhumane and inappropriate'")
    or names them after a colon ("All governments should work 'in tandem': Matlow")
    is that speaker's quotation: the story below it says who spoke."""
    per_paragraph: dict[int, int] = {}
    for c in claims:
        per_paragraph[c.paragraph] = per_paragraph.get(c.paragraph, 0) + 1
    out = list(claims)
    spoken: list[tuple[Claim, list[str]]] | None = None  # quoted words of each claim with a speaker, read once
    for n, (c, row) in enumerate(zip(claims, rows, strict=True)):
        if c.source is not None or per_paragraph[c.paragraph] > 1 or len(c.text.split()) > _SUBHEAD_WORDS:
            continue
        source, why = None, ""
        signed = _SIGNED_SUBHEAD.search(c.text)
        if signed:
            word = signed.group(1).split()[-1]
            source = next((o.source for o in claims if o.source and o.source.name.split()[-1] == word), None)
            why = f"subhead signed with the name of {source.name!r}" if source else ""
        elif row.quoted >= 0.6 and row.pieces:
            words = _plain(" ".join(q.text for q in row.pieces))
            if len(words.split()) >= 2:
                if spoken is None:
                    spoken = [(o, [_plain(q.text) for q in o.quotes]) for o in claims if o.source and o.direct]
                speakers = [o for o, quoted in spoken if any(words in q for q in quoted)]
                if speakers:
                    source = min(speakers, key=lambda o: abs(o.seq - c.seq)).source
                    why = f"subhead repeats words that {source.name!r} says in the story" if source else ""
        if source is not None:
            out[n] = replace(c, type="official_quote", confidence=0.75, rationale=[why], source=source, direct=True)
    return out


def _plain(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower().replace("’", "'")).split())


def _words(row: _Row) -> list[str] | None:
    return row.view.words if row.view is not None else None


def _speech(g: _Group) -> bool:
    if g.speech_cue:
        return True  # a quoted fragment under a verb of saying is speech (“identified and corrected” errors)
    if g.term:
        return False
    return g.cue or g.words >= _SPEECH_WORDS or g.sentences > 1 or g.full_sentence


def _is_term(text: str, q: Quote) -> bool:
    """A short quotation used as a name or modifier ("six “train and advise”
    bases", "so-called “reforms”") is a quoted term, not speech."""
    if q.close_mark is None or len(q.text.split()) >= _SPEECH_WORDS or q.text.rstrip()[-1:] in ",.?!":
        return False
    before = text[max(0, q.open_mark - 20) : q.open_mark].lower().split()
    if before and before[-1] in _TERM_INTRO:
        return True
    m = _NEXT_WORD.match(text, q.close_mark + 1)
    return bool(m) and m.group(1) not in _FUNCTION_WORDS


def _reports(source: Source | None) -> bool:
    """ "Reports say …" is reporting, not anybody's speech (GUIDE)."""
    return (
        source is not None
        and source.kind in ("unspecified", "document")
        and mentions.head_noun(source.name.split()).lower() in _REPORTING_NOUNS  # "Media reports in Israel"
    )


def _colon_blocks(rows: list[_Row]) -> dict[int, Source]:
    """The rows of a block that "X said:" introduces (the paragraph after it),
    with X: its speaker's words, never the writer's, so they tell nothing of the voice."""
    out: dict[int, Source] = {}
    block: tuple[int, Source] | None = None
    for n, row in enumerate(rows):
        if row.found and row.found.ends_with_colon and row.source:
            block = (row.sentence.paragraph + 1, row.source)
        elif block and row.sentence.paragraph == block[0] and not row.found and not row.pieces:
            out[n] = block[1]
    return out


def _introduced_before(rows: list[_Row], n: int, last_speaker: tuple[int, Source] | None) -> Source | None:
    """The person an unquoted sentence right before the quotation at row n is about, when the
    quotation is theirs ("Brian Sauve is the president of the federation. “Our thoughts are …”")."""
    subject = rows[n - 1].subject if n else None
    if subject is None or rows[n - 1].pieces:
        return None
    if rows[n].pieces and rows[n].pieces[0].start < rows[n].sentence.start:
        return None  # the quotation began before this sentence: it goes on, whoever the sentence before was about
    if last_speaker is None or n - last_speaker[0] > _INHERIT_WINDOW:
        return subject  # no one spoke just before: "Finance Minister Rachel Adeyemi defended the cuts. “Nobody …”"
    # someone did: only a sentence that introduces its subject by a role gives them the floor
    gives_floor = last_speaker[0] < n - 1 and last_speaker[1] is not subject and _introduces(rows[n - 1])
    return subject if gives_floor else None


def _introduces(row: _Row) -> bool:
    """Does the sentence introduce its subject by a role ("Brian Sauve is the president of …",
    "Dr Mary Fox is a GP in Sligo"), as a story does before giving them the floor? "John Doyle
    died in the crash" tells of him; the quotation after it is still the last speaker's."""
    words = row.view.words if row.view is not None else row.outside.split()
    k = next((i for i, w in enumerate(words) if i and w[:1].islower()), None)
    return k is not None and words[k] in ("is", "was") and k + 1 < len(words) and words[k + 1] in ("the", "a", "an")


def _type_rows(rows: list[_Row], groups: dict[int, _Group], text: str, title: str | None) -> list[Claim]:
    in_blocks = _colon_blocks(rows)
    scores = {
        n: opinion.probability(r.outside, _words(r))
        for n, r in enumerate(rows)
        if not r.found and r.quoted < 0.5 and n not in in_blocks
    }
    shorts = {n for n in scores if classify.short_statement(rows[n].outside, _words(rows[n]))}
    threshold = classify.opinion_threshold([p for p, _ in scores.values()], title, len(rows))
    claims: list[Claim] = []
    last_speaker: tuple[int, Source] | None = None
    for n, row in enumerate(rows):
        s = row.sentence
        speech_pieces = [q for q in row.pieces if _speech(groups[q.group])]
        found = row.found
        source, mention, cue, via = row.source, row.mention, None, None
        direct = False
        if found:
            cue, via = found.cue, found.via
            direct = bool(speech_pieces)  # quoted speech, even when its speaker could not be resolved
            who = f" with source {mention!r}" if mention else ""
            if found.cue_kind in ("according", "finding") or _reports(source):
                ctype, conf = "reported_fact", 0.85
                label = (
                    "'according to'"
                    if found.cue_kind == "according"
                    else f"finding verb {cue!r}"
                    if found.cue_kind == "finding"
                    else f"reports cited with {cue!r}"
                )
                why = [f"{label}{who}: presented as fact from a source"]
            else:
                ctype, conf = "official_quote", 0.9 if direct else 0.8
                label = "statement cue" if found.cue_kind == "statement" else "verb of saying"
                why = [f"{label} {cue!r}{who}"]
            if direct:
                why.append("holds a direct quotation")
        elif s.signed and source is not None:
            ctype, direct, conf = "official_quote", True, 0.8
            why = [f"pull quote signed by {source.name!r}"]
        elif speech_pieces and row.quoted >= 0.5:
            group_source = next((groups[q.group].source for q in speech_pieces if groups[q.group].source), None)
            ctype, direct = "official_quote", True
            if group_source:
                source, conf = group_source, 0.85
                why = [f"inside a quotation attributed to {source.name!r} in a neighbouring sentence"]
            elif (introduced := _introduced_before(rows, n, last_speaker)) is not None:
                source, conf = introduced, 0.7
                why = [f"quotation with no cue right after a sentence about {introduced.name!r}"]
            elif last_speaker and n - last_speaker[0] <= _INHERIT_WINDOW:
                source, conf = last_speaker[1], 0.7
                why = [f"quotation with no cue of its own continues the previous speaker {source.name!r}"]
            else:
                conf = 0.5
                why = ["quotation with no speaker found"]
        elif n in in_blocks:  # "X said:" opens a block in the next paragraph
            ctype, direct, source, conf = "official_quote", True, in_blocks[n], 0.75
            why = [f"in the block introduced by {source.name!r} with a colon"]
        else:
            score, cues = scores.get(n) or opinion.probability(row.outside, _words(row))
            if n == 0 and title and s.text == title and classify.labelled_opinion(title):
                score, cues = max(score, threshold), [*cues, "headline of an opinion piece states its thesis"]
            ctype, conf, why = classify.editorial_type(score, cues, threshold, n in shorts)
        if ctype == "official_quote" and source is not None:
            last_speaker = (n, source)
        quotes = [_clip(q, s, text) for q in speech_pieces] if direct else []
        blocked = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in row.pieces]
        if s.signed and not found and mention:
            at = text.find(mention, s.end)  # the signature under the pull quote
            mention_span, cue_span = ((at, at + len(mention)) if at >= 0 else None), None
        elif found and found.cue_at is not None and row.view is not None:
            mention_span, cue_span = spans.from_tokens(row.view.tokens, mention, found.cue_at, found.cue_len)
        else:
            mention_span, cue_span = spans.locate(text, s.start, s.end, mention if found else None, cue, blocked)
        claims.append(
            Claim(
                len(claims) + 1,
                s.start,
                s.end,
                s.paragraph,
                s.text,
                ctype,
                conf,
                why,
                source,
                mention,
                cue,
                via,
                direct,
                quotes,
                mention_span,
                cue_span,
            )
        )
    return claims
