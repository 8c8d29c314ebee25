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
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:[’'&.\-]\w+)*(?:(?<=s)[’'](?!\w))?|[^\w\s\u00ad\u200b-\u200f\u2060\ufeff]"
)  # "1,000" is one number, "Players’" one possessive; invisible format characters are no tokens
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
    """A sentence as the stages see it: its quotations, the masked text and its words.

    The words are what every stage reads; their character offsets (`tokens`) are
    needed only where a span is marked, so they are laid out once, on first use."""

    sentence: Sentence
    pieces: list[Quote]
    outside: str
    words: list[str]
    layout: list[tuple[int, int, str]]  # (start, end, QMARK or kept mark) for a quotation; ("", …) for a word run
    text: str = field(repr=False)
    _tokens: list[Token] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> list[Token]:
        """The words with where they stand in the article."""
        if self._tokens is None:
            raw: list[Token] = []
            for a, b, mark in self.layout:
                if not mark:
                    raw.extend(Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(self.text, a, b))
                elif mark == QMARK:
                    raw.append(Token(QMARK, a, b))
                else:
                    raw.append(Token(mark, a, b))
            self._tokens = _join_tokens(raw, self.words)
        return self._tokens


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
        outside, words, layout = _masked(text, s.start, s.end, spans)
        doc.sentences.append(SentenceView(s, pieces, outside, words, layout, text))
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


def _masked(
    text: str, start: int, end: int, spans: list[tuple[int, int, str]]
) -> tuple[str, list[str], list[tuple[int, int, str]]]:
    """The sentence with each quotation replaced by QMARK (keeping the
    quotation's final comma or stop, which matters for cues), its words, and
    the layout from which their offsets are laid out when a span needs them."""
    parts: list[str] = []
    words: list[str] = []
    layout: list[tuple[int, int, str]] = []
    pos = start
    for a, b, inner in spans:
        a, b = max(a, start), min(b, end)
        if a < pos or a >= b:
            continue
        parts.append(text[pos:a])
        words += TOKEN.findall(text, pos, a)
        layout.append((pos, a, ""))
        tail = inner.rstrip()[-1:]
        kept = tail if tail and tail in ",.?!" else ""
        parts.append(QMARK + kept + " ")
        words.append(QMARK)
        layout.append((a, b, QMARK))
        if kept:
            at = text.rfind(kept, a, b)  # the mark inside the quotation, before its closing mark
            at = at if at >= 0 else b - 1
            words.append(kept)
            layout.append((at, at + 1, kept))
        pos = b
    parts.append(text[pos:end])
    words += TOKEN.findall(text, pos, end)
    layout.append((pos, end, ""))
    return "".join(parts), join_abbreviations(words), layout


def join_abbreviations(words: list[str]) -> list[str]:
    """Keep the period of "U.S.", "Inc." or an initial with its word inside a sentence."""
    if "." not in words or words.index(".") == len(words) - 1:
        return words
    out: list[str] = []
    last = len(words) - 1
    for k, w in enumerate(words):
        if w == "." and out and k < last and _takes_dot(out[-1]):
            out[-1] += "."
        else:
            out.append(w)
    return out


def _takes_dot(prev: str) -> bool:
    """Is a period after this word part of it: an abbreviation, an initial ("J. R. Whitfield"), or a
    lawmaker's party and state ("D-Calif.")?"""
    return prev.lower() in ABBR_DOT or (len(prev) == 1 and prev.isupper()) or bool(PARTY_TAG.fullmatch(prev))


def _join_tokens(raw: list[Token], words: list[str]) -> list[Token]:
    """The raw tokens merged as `join_abbreviations` merged their words."""
    if len(raw) == len(words):
        return raw
    out: list[Token] = []
    k = 0
    for w in words:
        n = 1 + len(w) - len(raw[k].text)  # a joined word is its token and one token per period
        out.append(Token(w, raw[k].start, raw[k + n - 1].end))
        k += n
    return out


def tokenize(outside: str) -> list[str]:
    """Tokens of a masked sentence given as a string (for callers without a Doc)."""
    return join_abbreviations(TOKEN.findall(outside))


