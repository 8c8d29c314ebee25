"""One document object that every stage reads: the article cut into
paragraphs and sentences, its quotations, and each sentence tokenised once,
with character offsets into the article (spaCy's `Doc` is the model).

Attribution works on a sentence with its quotations masked (`QMARK`), so the
tokens are those of the masked sentence: a whole quotation is one `QMARK`
token whose span covers the quotation, marks and all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex  # \p{Lu}: a party tag may name a state outside ASCII

from claims.engine import segment
from claims.engine.lexicon import lexicon
from claims.engine.model import Quote, Sentence
from claims.engine.quotes import find_quotes

QMARK = "\ue000"
TOKEN = re.compile(
    r"\w+(?:[’'&.\-]\w+)*|[^\w\s\u00ad\u200b-\u200f\u2060\ufeff]"
)  # invisible format characters are no tokens
PARTY_TAG = regex.compile(r"[RDI]-\p{Lu}[\p{L}.]*")  # a US lawmaker's party and state: "R-Texas", "D-Calif."
ABBR_DOT = (
    lexicon().abbr_never | lexicon().abbr_unless_starter | lexicon().abbr_before_number
)  # periods that belong to a word


@dataclass(slots=True)
class Token:
    """A word or punctuation mark of a masked sentence, where it stands in the article."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class SentenceView:
    """A sentence as the stages see it: its quotations, the masked text and its tokens."""

    sentence: Sentence
    pieces: list[Quote]
    outside: str
    tokens: list[Token]
    words: list[str] = field(init=False)  # the tokens' texts, listed once for the stages that read words

    def __post_init__(self) -> None:
        self.words = [t.text for t in self.tokens]


@dataclass(slots=True)
class Doc:
    text: str
    title: str | None
    quotes: list[Quote]
    sentences: list[SentenceView] = field(default_factory=list)


def build(text: str) -> Doc:
    """Segment, find quotations and tokenise every sentence, once."""
    paragraphs = segment.units(text)
    sents, title = segment.sentences(text, paragraphs)
    quotes = find_quotes(text, paragraphs)
    doc = Doc(text, title, quotes)
    for s, pieces in zip(sents, _overlapping(sents, quotes), strict=False):
        spans = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end, q.text) for q in pieces]
        outside, tokens = _masked(text, s.start, s.end, spans)
        doc.sentences.append(SentenceView(s, pieces, outside, tokens))
    return doc


def _overlapping(sents: list[Sentence], quotes: list[Quote]) -> list[list[Quote]]:
    """The quotations that overlap each sentence (both lists are in text order)."""
    out: list[list[Quote]] = [[] for _ in sents]
    j = 0
    for i, s in enumerate(sents):
        while j < len(quotes) and _last_char(quotes[j]) < s.start:
            j += 1
        k = j
        while k < len(quotes) and quotes[k].open_mark < s.end:
            q = quotes[k]
            if q.end > s.start and q.start < s.end:
                out[i].append(q)
            k += 1
    return out


def _last_char(q: Quote) -> int:
    """Where a quotation stops: its closing mark, or its end when it has none."""
    return q.close_mark if q.close_mark is not None else q.end


def _masked(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> tuple[str, list[Token]]:
    """The sentence with each quotation replaced by QMARK (keeping the
    quotation's final comma or stop, which matters for cues), and its tokens."""
    parts: list[str] = []
    tokens: list[Token] = []
    pos = start

    def words(a: int, b: int) -> None:
        for m in TOKEN.finditer(text, a, b):
            tokens.append(Token(m.group(), m.start(), m.end()))

    for a, b, inner in spans:
        a, b = max(a, start), min(b, end)
        if a < pos or a >= b:
            continue
        parts.append(text[pos:a])
        words(pos, a)
        tail = inner.rstrip()[-1:]
        kept = tail if tail and tail in ",.?!" else ""
        parts.append(QMARK + kept + " ")
        tokens.append(Token(QMARK, a, b))
        if kept:
            tokens.append(Token(kept, b - 1, b))
        pos = b
    parts.append(text[pos:end])
    words(pos, end)
    return "".join(parts), _join_abbreviations(tokens)


def _join_abbreviations(toks: list[Token]) -> list[Token]:
    """Keep the period of "U.S.", "Inc." or an initial with its word inside a sentence."""
    if not any(t.text == "." for t in toks[:-1]):
        return toks
    out: list[Token] = []
    for k, t in enumerate(toks):
        prev = out[-1] if out else None
        initial = prev is not None and len(prev.text) == 1 and prev.text.isupper()  # "J. R. Whitfield"
        party = prev is not None and bool(PARTY_TAG.fullmatch(prev.text))  # "D-Calif.", a lawmaker's party and state
        if t.text == "." and prev is not None and (prev.text.lower() in ABBR_DOT or initial or party) and k < len(toks) - 1:
            out[-1] = Token(prev.text + ".", prev.start, t.end)
        else:
            out.append(t)
    return out


def tokenize(outside: str) -> list[str]:
    """Tokens of a masked sentence given as a string (for callers without a Doc)."""
    return [
        t.text for t in _join_abbreviations([Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(outside)])
    ]
