"""Where a claim's mention and cue stand in the article: character spans.

Attribution reads the sentence with its quotations masked, so it knows the
words but not their offsets; this finds them again in the sentence, outside
the quotations, taking the pair of mention and cue that stand closest.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


def locate(
    text: str, start: int, end: int, mention: str | None, cue: str | None, blocked: list[Span]
) -> tuple[Span | None, Span | None]:
    """Spans of the mention and the cue inside text[start:end], outside the quotations."""
    mentions = _occurrences(text, start, end, mention, blocked) if mention else []
    cues = _occurrences(text, start, end, cue, blocked) if cue and cue != ":" else []
    if mentions and cues:
        return min(((m, c) for m in mentions for c in cues), key=lambda mc: abs(mc[0][0] - mc[1][0]))
    return (mentions[0] if mentions else None), (cues[0] if cues else None)
