"""Is a sentence the writer's own view? A small learned linear model.

Hand-weighted cue lists found half of the editorial sentences of real news
and misfired on plain reporting. This model instead weighs features that hold
across texts: the subjectivity and polarity of its words (TextBlob's pattern
lexicon and VADER's lexicon, both shipped inside their PyPI packages), closed
classes of function words (`lang/en/opinion_words.txt`), figures, names and
verbs of saying, and frequent words. The weights in `lang/en/opinion_model.tsv`
were learned by `tools/train_opinion.py` from real news sentences labelled by
`GUIDE.md`; applying them is plain Python: a dot product and a logistic.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from claims.engine.doc import tokenize
from claims.engine.lexicon import _sections, lexicon, words

_SUPERLATIVE = re.compile(r"[^\W\d_]{3,}est\Z")
_FIGURE = re.compile(r"\d")


def _package_file(package: str, *parts: str) -> str | None:
    """A data file inside an installed package, found without importing it
    (importing TextBlob pulls in NLTK, which the lexicon does not need)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(next(iter(spec.submodule_search_locations)), *parts)
    return path if os.path.exists(path) else None


@cache
def subjectivity_lexicon() -> dict[str, tuple[float, float]]:
    """word -> (subjectivity, |polarity|), averaged over the lexicon's senses."""
    path = _package_file("textblob", "en", "en-sentiment.xml")
    if path is None:
        return {}
    sums: dict[str, list[float]] = {}
    for w in ET.parse(path).getroot().iter("word"):
        form = (w.get("form") or "").lower()
        if not form or " " in form:
            continue
        acc = sums.setdefault(form, [0.0, 0.0, 0.0])
        acc[0] += float(w.get("subjectivity") or 0)
        acc[1] += abs(float(w.get("polarity") or 0))
        acc[2] += 1
    return {k: (s / n, p / n) for k, (s, p, n) in sums.items()}


@cache
def valence_lexicon() -> dict[str, float]:
    """word -> valence from VADER's lexicon (-4 to 4)."""
    path = _package_file("vaderSentiment", "vader_lexicon.txt")
    if path is None:
        return {}
    out: dict[str, float] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].isalpha():
                out[parts[0].lower()] = float(parts[1])
    return out


@cache
def word_classes() -> dict[str, frozenset[str]]:
    classes = {k: frozenset(" ".join(v).replace("’", "'").split()) for k, v in _sections("opinion_words.txt").items() if k}
    classes["inference"] = words("inference_verbs")  # "The vote underscores …": shared with attribution
    return classes


@cache
def _time_words() -> frozenset[str]:
    return words("time")


@cache
def speech_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(w for w in (*lex.speech_core, *lex.speech_content) if " " not in w)


@dataclass(frozen=True, slots=True)
class Bars:
    """Decision probabilities learned with the weights: a sentence read alone,
    one inside a news story, one inside an article in the writer's voice. An
    article is in the writer's voice when the mean probability of its
    unattributed sentences, less `reported_weight` times the share of its
    sentences that report what someone said, reaches `pivot`: a news story
    leans on its sources, a column on its writer."""

    alone: float = 0.5
    news: float = 0.5
    opinion: float = 0.5
    pivot: float = 1.0
    reported_weight: float = 0.0

    def voice(self, probabilities: list[float], sentences: int) -> float:
        """How far an article leans to its writer's own voice (compared with `pivot`)."""
        reported = 1 - len(probabilities) / sentences if sentences else 0.0
        return sum(probabilities) / len(probabilities) - self.reported_weight * max(0.0, reported)


@cache
def model() -> tuple[dict[str, float], Bars]:
    """The learned weights and bars, from `lang/en/opinion_model.tsv`."""
    weights: dict[str, float] = {}
    bars: dict[str, float] = {}
    text = resources.files("claims.lang.en").joinpath("opinion_model.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, value = line.rsplit("\t", 1)
        if name.startswith("@"):
            bars[name[1:]] = float(value)
        else:
            weights[name] = float(value)
    alone = bars.get("threshold", 0.5)
    return weights, Bars(
        alone,
        bars.get("news_threshold", alone),
        bars.get("opinion_threshold", alone),
        bars.get("opinion_pivot", 1.0),
        bars.get("opinion_reported_weight", 0.0),
    )


@cache
def _cue_tables() -> tuple[dict[str, float], dict[str, float], int]:
    folded: dict[str, float] = {}
    exact: dict[str, float] = {}
    longest = 1
    for phrase, weight, is_exact in lexicon().editorial:
        (exact if is_exact else folded)[phrase.replace("’", "'")] = weight
        longest = max(longest, len(phrase.split()))
    return folded, exact, longest


@cache
def _cue_starts() -> frozenset[str]:
    folded, _, _ = _cue_tables()
    return frozenset(p.split()[0] for p in folded if p.split())


def editorial_cues(outside: str, tokens: list[str] | None = None) -> tuple[float, list[str]]:
    """Weight of the author's-own-voice cues in text outside quotations."""
    folded, exact, longest = _cue_tables()
    toks = tokens if tokens is not None else tokenize(outside)
    words = [w.replace("’", "'") for w in toks if w[0].isalnum() or w in "?!"]
    lows = [w.lower() for w in words]
    score = 0.0
    found: list[str] = []
    n = len(lows)
    i = 0
    starts = _cue_starts()
    while i < n:
        step = 1
        if lows[i] not in starts and words[i] not in exact:
            i += 1
            continue
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


@lru_cache(maxsize=1 << 16)
def _profile(w: str) -> tuple[float, float, float, tuple[str, ...]]:
    """What the lexicons and word classes say of one lower-case word, looked up once."""
    s, p = subjectivity_lexicon().get(w, (0.0, 0.0))
    marks = [name for name, members in word_classes().items() if w in members]
    if w in _time_words():
        marks.append("time")  # "on Monday", "last week": the stuff of reporting
    if _SUPERLATIVE.match(w) and s > 0:
        marks.append("@superlative")
    if w.endswith("ly") and len(w) > 4 and _adjective_stem(w):
        marks.append("@ly_adverb")  # "sharply", "happily"; not "rally", "family", "supply"
    if w in speech_words():
        marks.append("@verb_of_saying")
    v = valence_lexicon().get(w, 0.0)
    if v <= -1.5:
        marks.append("@negative")
    return s, p, abs(v), tuple(marks)


@cache
def _lexicon_words() -> frozenset[str]:
    return frozenset(subjectivity_lexicon()) | frozenset(valence_lexicon())


def _adjective_stem(w: str) -> bool:
    """Is an -ly word an adverb made from an adjective the lexicons know ("sharp-ly",
    "happi-ly", "simp-ly", "ful-ly"), rather than a noun or verb ("rally", "supply")?"""
    known = _lexicon_words()
    stem = w[:-2]
    forms = [stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else "", stem + "l" if w.endswith("lly") else ""]
    if w.endswith(("bly", "ply", "tly")):
        forms.append(stem + "le")  # "possibly", "simply", "gently"
    return any(f in known for f in forms if f)


_FORM_MARKS = {
    "@superlative": "form:superlative",
    "@ly_adverb": "form:ly_adverb",
    "@verb_of_saying": "form:verb_of_saying",
    "@negative": "lex:negative",
}


def _common_words(words: list[str]) -> list[str]:
    """The sentence's words in lower case, less the names inside it: "May" in
    "Theresa May lost the vote" is no hedge, "Liberal" in "the Liberal
    government" no judgement. A capital past the first word marks a name
    (days and months aside), unless the line is set in capitals or Title Case."""
    capitals = sum(w[0].isupper() for w in words[1:])
    if capitals * 2 >= len(words) - 1:
        return [w.lower() for w in words]
    times = _time_words()
    lows = [w.lower() for w in words]
    out = []
    for k, (w, low) in enumerate(zip(words, lows, strict=True)):
        if k == 0 or not w[0].isupper() or w == "I" or w.startswith("I'"):
            out.append(low)
        elif low in times and (not words[k - 1][0].isupper() or lows[k - 1] in times):
            out.append(low)  # "on Tuesday", "in May": a capital that is the stuff of reporting; not "Theresa May"
    return out


def features(text: str, tokens: list[str] | None = None) -> dict[str, float]:
    """Features of one sentence (quotations already masked by the caller),
    from the document's tokens when the caller has them."""
    toks = [t.replace("’", "'") for t in (tokens if tokens is not None else tokenize(text)) if t[0].isalnum() or t in "?!"]
    words = [t for t in toks if t[0].isalpha()]
    lows = _common_words(words)
    n = max(1, len(words))
    f: dict[str, float] = {"bias": 1.0}
    s_sum = p_sum = v_sum = 0.0
    s_strong = v_strong = 0
    hits: dict[str, int] = {}
    profiles = [_profile(w) for w in lows]
    for s, p, v, marks in profiles:
        s_sum += s
        p_sum += p
        s_strong += s >= 0.5
        v_sum += v
        v_strong += v >= 1.5
        for m in marks:
            hits[m] = hits.get(m, 0) + 1
    f["lex:subjectivity"] = min(s_sum, 4.0) / 2
    f["lex:subjective_words"] = min(s_strong, 4) / 2
    f["lex:polarity"] = min(p_sum, 3.0) / 2
    f["lex:valence"] = min(v_sum, 8.0) / 4
    f["lex:valenced_words"] = min(v_strong, 4) / 2
    copula, degree = _copula_and_degree()
    for k in range(len(lows) - 1):
        if lows[k] in copula:
            j = k + 2 if lows[k + 1] in degree and k + 2 < len(lows) else k + 1
            if profiles[j][0] >= 0.5:
                f["form:evaluative_predicate"] = 1.0  # "The mayor's candour is welcome"
                break
    for m, count in hits.items():
        if m in _FORM_MARKS:
            f[_FORM_MARKS[m]] = 1.0
        elif m == "time":
            f["class:time"] = 1.0
        else:
            f["class:" + m] = min(count, 3) / 1.5
    if "?" in toks:
        f["form:question"] = 1.0
    if "!" in toks:
        f["form:exclamation"] = 1.0
    figures = sum(len(t.split(",")) for t in toks if t[0].isdigit())  # "380,000" weighs as the digit groups it has
    if figures:
        f["form:figures"] = min(figures, 3) / 1.5
    names = sum(1 for w in words[1:] if w[0].isupper())
    f["form:names"] = min(names / n * 4, 2.0)
    if "\ue000" in text:
        f["form:quotation"] = 1.0
    listed, _ = editorial_cues(text, tokens)
    if listed:
        f["cue:listed"] = min(listed, 4.0) / 2  # the GUIDE's inference markers and loaded words, weighed by the model
    f["form:long"] = 1.0 if n > 30 else 0.0
    f["form:short"] = 1.0 if n < 8 else 0.0
    for w in lows:
        f["w:" + w] = 1.0
    return f


@cache
def _copula_and_degree() -> tuple[frozenset[str], frozenset[str]]:
    """The copulas, and the words that may stand between one and its predicate ("is not welcome")."""
    classes = word_classes()
    return classes.get("copula", frozenset()), classes.get("intensifier", frozenset()) | classes.get(
        "negation", frozenset()
    )


def probability(text: str, tokens: list[str] | None = None) -> tuple[float, list[str]]:
    """P(the writer's own view) and the features that pushed it up most."""
    weights, _ = model()
    z = 0.0
    pushed: list[tuple[float, str]] = []
    for k, v in features(text, tokens).items():
        w = weights.get(k)
        if w is not None:
            c = w * v
            z += c
            if c > 0.15 and k != "bias":
                pushed.append((c, k))
    p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    return p, [k for _, k in sorted(pushed, reverse=True)[:5]]


def bars() -> Bars:
    return model()[1]
