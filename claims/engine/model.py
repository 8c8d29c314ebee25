"""The data model that flows through the extraction pipeline.

Every stage reads and returns these plain dataclasses, so each stage can be
tested alone and the storage and presentation layers depend on one shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CLAIM_TYPES: tuple[str, ...] = ("reported_fact", "official_quote", "editorial_assertion")
SOURCE_KINDS: tuple[str, ...] = ("person", "organization", "media", "document", "anonymous", "unspecified")
BODY_KINDS: tuple[str, ...] = ("organization", "media", "document")  # sources that are bodies, not people


@dataclass(slots=True)
class Sentence:
    """A claim-sized span of the article: one sentence, headline or subhead."""

    start: int
    end: int
    paragraph: int
    text: str
    signed: str | None = None  # the name that signs a pull quote: "… what it's brought me. Morgan McNeely"


@dataclass(slots=True)
class Quote:
    """Quoted text (marks excluded); `group` ties the pieces of one quotation
    that runs over sentences or paragraphs together."""

    start: int
    end: int
    text: str
    group: int
    open_mark: int
    close_mark: int | None


@dataclass(slots=True)
class Source:
    """Who a claim comes from, under its canonical name within the article."""

    name: str
    kind: str
    title: str | None = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "title": self.title}


@dataclass(slots=True)
class Claim:
    seq: int
    start: int
    end: int
    paragraph: int
    text: str
    type: str
    confidence: float
    rationale: list[str]
    source: Source | None
    mention: str | None
    cue: str | None
    via: str | None
    direct: bool
    quotes: list[Quote]
    mention_span: tuple[int, int] | None = None  # where `mention` stands in the article text
    cue_span: tuple[int, int] | None = None  # where `cue` stands

    def to_dict(self) -> dict:
        return {
            "seq": self.seq,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "text": self.text,
            "type": self.type,
            "confidence": round(self.confidence, 2),
            "rationale": list(self.rationale),
            "source": self.source.to_dict() if self.source else None,
            "mention": self.mention,
            "mention_span": list(self.mention_span) if self.mention_span else None,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "via": self.via,
            "direct": self.direct,
            "quotes": [{"start": q.start, "end": q.end, "text": q.text} for q in self.quotes],
        }


@dataclass(slots=True)
class Analysis:
    """Everything the engine found in one article."""

    title: str | None
    chars: int
    words: int
    claims: list[Claim]
    sources: list[Source]

    def to_dict(self) -> dict:
        return {
            "article": {"title": self.title, "chars": self.chars, "words": self.words},
            "claims": [c.to_dict() for c in self.claims],
            "sources": [asdict(s) for s in self.sources],
        }
