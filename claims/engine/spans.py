"""Where a claim's mention and cue stand in the article: character spans.

Attribution reports the cue as a token of the document, so its span is the
token's; the mention is the run of tokens with its words that stands nearest
the cue. A cue found by a pattern over the masked text (a statement, a
headline "Name: 'quote'") has no token, and is found again in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.engine.doc import Token, tokenize

Span = tuple[int, int]


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)", re.I)


def _occurrences(text: str, start: int, end: int, phrase: str, blocked: list[Span]) -> list[Span]:
    if not phrase.split():
        return []
    pattern = _pattern(phrase)
    return [
        (m.start(), m.end())
        for m in pattern.finditer(text, start, end)
        if not any(a <= m.start() < b for a, b in blocked)
    ]


def from_tokens(
    tokens: list[Token], mention: str | None, cue_at: int | None, cue_len: int
) -> tuple[Span | None, Span | None]:
    """Spans of the mention and the cue from the sentence's tokens."""
    cue = (tokens[cue_at].start, tokens[cue_at + cue_len - 1].end) if cue_at is not None else None
    if not mention:
        return None, cue
    words = tokenize(mention)
    n = len(words)
    first = words[0] if words else None
    starts = [
        i
        for i in range(len(tokens) - n + 1)
        if tokens[i].text == first and all(tokens[i + j].text == words[j] for j in range(1, n))
    ]
    if not starts:
        return None, cue
    i = min(starts, key=lambda k: abs(k - cue_at)) if cue_at is not None else starts[0]
    return (tokens[i].start, tokens[i + n - 1].end), cue


def locate(
    text: str, start: int, end: int, mention: str | None, cue: str | None, blocked: list[Span]
) -> tuple[Span | None, Span | None]:
    """Spans of the mention and the cue inside text[start:end], outside the quotations."""
    mentions = _occurrences(text, start, end, mention, blocked) if mention else []
    cues = _occurrences(text, start, end, cue, blocked) if cue and cue != ":" else []
    if mentions and cues:
        return min(((m, c) for m in mentions for c in cues), key=lambda mc: abs(mc[0][0] - mc[1][0]))
    return (mentions[0] if mentions else None), (cues[0] if cues else None)
