"""The claim type of a sentence, with a confidence and the cues that decided it."""

from __future__ import annotations

import re
from functools import cache

from claims.lexicon import lexicon

_FIGURE = re.compile(r"\d")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*|[?!]")


@cache
def _cue_tables() -> tuple[dict[str, float], dict[str, float], int]:
    folded: dict[str, float] = {}
    exact: dict[str, float] = {}
    longest = 1
    for phrase, weight, is_exact in lexicon().editorial:
        (exact if is_exact else folded)[phrase.replace("’", "'")] = weight
        longest = max(longest, len(phrase.split()))
    return folded, exact, longest


def editorial_cues(outside: str) -> tuple[float, list[str]]:
    """Weight of the author's-own-voice cues in text outside quotations."""
    folded, exact, longest = _cue_tables()
    words = [w.replace("’", "'") for w in _WORD.findall(outside)]
    lows = [w.lower() for w in words]
    score = 0.0
    found: list[str] = []
    n = len(lows)
    i = 0
    while i < n:
        step = 1
        for k in range(min(longest, n - i), 0, -1):
            phrase = " ".join(lows[i : i + k]) if k > 1 else lows[i]
            w = folded.get(phrase)
            if w is None and k == 1:
                w = exact.get(words[i])
                phrase = words[i]
            if w is not None:
                if phrase not in found:
                    score += w
                    found.append(phrase)
                step = k
                break
        i += step
    if score and _FIGURE.search(outside):
        # figures and dates are the stuff of reporting ("Starting Jan. 1, residents must ...")
        score = max(0.0, score - 1)
        found.append("specific figures (weigh less)")
    if outside.rstrip().endswith("?"):
        score += 2
        found.append("question in the author's voice")
    return score, found


def short_statement(outside: str) -> bool:
    """A short declarative with no name or figure ("It has not.", "The reason is
    not a mystery."): the author's punchline in an opinion piece, and nothing
    in a news story."""
    words = _WORD.findall(outside)
    return 0 < len(words) <= _RETORT_WORDS and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


_RETORT_WORDS = 7  # a short declarative: weighs only where the article is in the author's voice
EDITORIAL_THRESHOLD = 2.0
OPINION_THRESHOLD = 1.0  # in an article written in the author's own voice, weaker cues count
OPINION_SHARE = 0.25  # share of unattributed sentences with clear editorial cues that marks such an article
OPINION_DENSITY = 0.6  # or the mean cue weight of its unattributed sentences (news stays under 0.5)
OPINION_MIN_SENTENCES = 4


def labelled_opinion(title: str | None) -> bool:
    """Whether the headline labels the piece as opinion ("Analysis: ...")."""
    label = title.split(":", 1)[0].strip().lower() if title and ":" in title else ""
    return label in lexicon().opinion_labels


def opinion_threshold(scores: list[float], title: str | None = None) -> float:
    """The cue weight that makes a sentence editorial in this article: lower
    when it is labelled as opinion ("Analysis: ...") or when many of its
    unattributed sentences are clearly the author's voice (a column, an
    editorial), the usual bar otherwise."""
    if labelled_opinion(title):
        return OPINION_THRESHOLD
    clear = sum(1 for s in scores if s >= EDITORIAL_THRESHOLD)
    if clear >= 2 and clear >= OPINION_SHARE * len(scores):
        return OPINION_THRESHOLD
    if len(scores) >= OPINION_MIN_SENTENCES and sum(scores) / len(scores) >= OPINION_DENSITY:
        return OPINION_THRESHOLD  # many weak cues spread over the article
    return EDITORIAL_THRESHOLD


def editorial_type(
    score: float, cues: list[str], threshold: float = EDITORIAL_THRESHOLD, short: bool = False
) -> tuple[str, float, list[str]]:
    """Type of a sentence that has no attribution: the author's assertion
    when its evaluative or inferential cues reach the threshold. In an article
    written in the author's voice (a lower threshold) a short statement counts too."""
    opinion = threshold < EDITORIAL_THRESHOLD
    if opinion and short:
        score, cues = score + 1, [*cues, "short statement"]
    if score >= threshold and score > 0:
        why = [f"author's own voice: {', '.join(repr(c) for c in cues[:6])}"]
        if opinion and (score < EDITORIAL_THRESHOLD or short):
            why.append("article is written in the author's voice (opinion): weaker cues count")
        return "editorial_assertion", min(0.95, 0.5 + 0.1 * score), why
    why = ["no attribution and no evaluative cue: presented as fact"]
    if cues:
        why = [f"presented as fact; weak evaluative cue {', '.join(repr(c) for c in cues)} below threshold"]
    return "reported_fact", max(0.55, 0.85 - 0.15 * score), why
