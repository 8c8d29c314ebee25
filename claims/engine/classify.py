"""The claim type of a sentence, with a confidence and the cues that decided it."""

from __future__ import annotations

from claims.engine import opinion
from claims.engine.doc import tokenize
from claims.engine.lexicon import lexicon


def short_statement(outside: str, tokens: list[str] | None = None) -> bool:
    """A short declarative with no name or figure ("It has not.", "The reason is
    not a mystery."): the author's punchline in an opinion piece, and nothing
    in a news story."""
    words = [w for w in (tokens if tokens is not None else tokenize(outside)) if w[0].isalnum() or w in "?!"]
    return 0 < len(words) <= _RETORT_WORDS and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


_RETORT_WORDS = 7  # a short declarative: weighs only where the article is in the author's voice
OPINION_MIN_SENTENCES = 4  # a text shorter than this: each sentence is read as if alone
SHORT_BONUS = 0.15  # a short punchline inside an opinion piece counts toward the writer's voice


def labelled_opinion(title: str | None) -> bool:
    """Whether the headline labels the piece as opinion ("Analysis: ...")."""
    label = title.split(":", 1)[0].strip().lower() if title and ":" in title else ""
    return label in lexicon().opinion_labels


def opinion_threshold(probabilities: list[float], title: str | None = None, sentences: int = 0) -> float:
    """The probability that makes a sentence editorial in this article. The
    bars are learned with the weights: a news story keeps a high bar, an
    article in the writer's voice overall (its unattributed sentences lean to
    opinion and few sentences report what others said: a column, an
    editorial, or a headline labelled "Opinion:") a lower one, and a text too
    short to tell (a sentence alone) the bar for one sentence.
    `probabilities` are those of the unattributed sentences, of `sentences` in all."""
    bars = opinion.bars()
    if labelled_opinion(title):
        return bars.opinion
    if max(sentences, len(probabilities)) < OPINION_MIN_SENTENCES:  # a quote-heavy story is still a story
        return bars.alone
    if not probabilities:
        return bars.news  # every sentence is attributed: a news story
    return bars.opinion if bars.voice(probabilities, max(sentences, len(probabilities))) >= bars.pivot else bars.news


def editorial_type(
    probability: float, cues: list[str], threshold: float, short: bool = False
) -> tuple[str, float, list[str]]:
    """Type of a sentence that has no attribution: the author's assertion when
    the opinion model's probability reaches the article's bar."""
    voiced = threshold <= opinion.bars().opinion
    if voiced and short:
        probability, cues = probability + SHORT_BONUS, [*cues, "short statement"]
    shown = ", ".join(repr(c) for c in cues[:5]) or "no single strong cue"
    if probability >= threshold:
        why = [f"author's own voice (opinion model p={probability:.2f}): {shown}"]
        if voiced:
            why.append("article is written in the author's voice (opinion): the bar is lower")
        return "editorial_assertion", min(0.95, 0.5 + probability / 2), why
    if probability < 0.25:
        return "reported_fact", 0.85, ["no attribution and no sign of the writer's view: presented as fact"]
    return (
        "reported_fact",
        max(0.55, 1 - probability),
        [f"presented as fact; opinion model p={probability:.2f} below the bar ({shown})"],
    )
