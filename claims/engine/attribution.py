"""Attribution cues in one sentence: verbs of saying (before, after or inside
a quotation), "according to X", "X told Y", "a statement read", findings.

Works on the sentence with its quotations masked (`QMARK`), so words inside a
quotation never look like the attribution of the quotation itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex  # \p{Lu}: names outside ASCII ("Émile", "Ökobank") are names too

from claims.engine import mentions
from claims.engine.doc import ABBR_DOT, PARTY_TAG, QMARK, tokenize
from claims.engine.lexicon import alternation, lexicon, words
from claims.engine.mentions import (
    CONNECTORS,
    DESCRIPTORS,
    DETERMINERS,
    LOCATIVES,
    NAME_PARTICLES,
    PRONOUNS,
    base,
    is_cap,
    known_word,
    person_noun,
    postmodifier_start,
)

_BE = words("be")
_SKIP_BEFORE_VERB = words("skip_before_verb")
_TIME = words("time")
_STOP_CAPS = words("clause_openers")
_VIA = regex.compile(
    r"\b(?:(?i:in\s+(?:an?\s+)?interview\s+with|in\s+(?:his\s+|her\s+|their\s+)?remarks(?:\s+\w+){0,2}\s+(?:to|at|before)"
    r"|speaking\s+(?:to|with|on|at)|in\s+an?\s+(?:post|tweet|op-ed|column|letter|article)\s+(?:on|in|to|for)"
    r"|wrote\s+in|writing\s+in|said\s+on|told|appearing\s+on|in\s+an?\s+appearance\s+on"
    r"|interviewed\s+by|polled\s+by|surveyed\s+by|quoted\s+by))"
    r"\s+(?:the\s+)?(\p{Lu}[\w&.'’\-]*(?:\s+(?:(?:of|the|for|and|&)\s+)?\p{Lu}[\w&.'’\-]*)*)"
)
_TIME_OPENERS = words("time_openers")
_FUNCTION_WORDS = words("function_words")
_RELATIVE = words("relative")
_FINITE = words("finite_verbs")
_AUXILIARIES = words("auxiliaries")
_FIRST_PERSON = frozenset(("i", "we", "us"))  # the writer speaking ("Most of us believe"): never a source of a belief
_HEDGING_MODALS = words("hedging_modals")
_MAKE = frozenset(k.split()[0] for k in lexicon().speech_core if k.endswith(" clear"))  # "made it clear"
_OBJECT_PRONOUNS = words("object_pronouns")
_TOPIC_PREPOSITIONS = words("topic_prepositions")
_TELL = words("listener_verbs")
_NOUN_FORMS = words("noun_forms")
_NEGATIVE_SUBJECTS = words("negative_subjects")
_CHARGING = words("charging_verbs")
_ARTICLES = words("articles")
_COLLECTIVE = words("collective_nouns")
_INFERENCE = words("inference_verbs")
_COUNT_NOUNS = words("count_nouns")
_PHRASE_OPENERS = _ARTICLES | {"this", "that", "these", "those"}  # "The scandal at …", "This increase in …"
_OBJECT_PREPOSITIONS = frozenset(("of", "for", "to", "with", "by", "over", "about", "against", "among", "within"))
_LISTENER_OBJECTS = words("listener_objects")
_CONTENT_NOUNS = words("content_nouns")
_ACT_VERBS = words("act_verbs")
_REFUSED = words("refused_objects")
_RESPONSE_NOUNS = words("response_nouns")
_VERDICTS = words("verdicts")
_OCCASION_PREPOSITIONS = words("occasion_prepositions")
_NO_HOLDER = words("impersonal_subjects")
_EVERYONE = words("universal_subjects")
_DURATIONS = words("durations")
_QUANTITY_WORDS = words("quantity_words")
_TIME_MODIFIERS = words("time_modifiers")
_TIME_LEADS = words("time_leads")
_ADVERBS_BETWEEN = 3  # words that may stand between a subject and its verb ("had officially confirmed")
_OPENER_WORDS = 6  # an opening adverbial before a comma is this short
_CLOSING_PHRASE = 7  # words of place or occasion after a closing "…, X explained"
_DEGREE = words("degree_adverbs")
_COLON_PREDICATE = 4  # "is more blunt": a copula and a word or two of manner before a colon
_QUOTE_FIRST_REACH = 24  # a sentence that opens with a quotation has its verb within this many tokens
_PARTY_TAG = PARTY_TAG
_DESCRIBED_WORDS = 8
_APPOSITIVE_REACH = 30  # tokens back from a verb to the comma that opens its subject's appositive or aside
_ISSUED_OBJECT = 8  # tokens from a verb of issuing to the participle of saying: "sent an email to members saying"
_RELATIVE_REACH = 16  # tokens from a subject's relative pronoun to the verb: "that looked at data up to 2015"
_PHRASE_BREAKS = (
    words("subordinators") | words("relative") | {"as", "but", "and"}
)  # a clause starts: no one phrase  # a head and its description before a verb of saying: at most this many words
_QUANTIFIED_HEADS = words("quantified_heads")
_DESCRIBING_PREPOSITIONS = words("describing_prepositions")
_LEMMA: dict[str, str] = {}  # every form of a cue verb -> its lemma, the first form on its line
for _table in (lexicon().speech_core, lexicon().speech_content, lexicon().finding, lexicon().finding_content):
    for _form, _lemma in _table.items():
        _LEMMA.setdefault(_form, _lemma)
_FORMS_OF: dict[str, set[str]] = {}
for _form, _lemma in _LEMMA.items():
    _FORMS_OF.setdefault(_lemma, set()).add(_form)
_CLAUSE_SUBJECTS = words("clause_subjects")
_NOT_CLAUSE_START = words("not_clause_start")
_POSSESSIVES = words("possessives")
_IS_CONTRACTIONS = words("is_contractions")
_SUBORDINATORS = words("subordinators")
_CHARACTERISING = words("characterising_verbs")
_COMPLEMENT_STOPS = words("complement_stops")
_DEFINITE = words("definite")
_FINDING_WHEN_DOCUMENT = words("finding_when_document")
_COMPOUND_MODIFIERS = words("compound_modifiers")
_IDIOM_OBJECTS = words("finding_idioms")
_PLEADING = words("pleading_verbs")  # content: an object and what they are asked to do
_DIRECTIVES = words("directive_verbs")  # "is urging X to …": speech in the progressive too
_ASIDE_OPENERS = words("aside_openers")
_PREPOSITIONS = words("prepositions")
_PARTICLES = words("particles")
_EMPTY_OBJECTS = words("empty_objects")
_EMPTY_TOPICS = words("empty_object_topics")
_SCANT_OBJECTS = words("scant_objects")
_INFINITIVE_FRAMES = words("infinitive_frames")
_PERCEIVED = words("perceived_participles")
_FRAME_REACH = 5  # tokens from a framing verb to the "to" of its infinitive: "took to social media to say"
_EMBEDDING = words("embedding_openers")
_REFUSALS = words("refusal_verbs")
_ISSUING = words("issuing_verbs")
_FOREIGN_OBJECT = words("foreign_object_words")
_MODALS = _AUXILIARIES - {"do", "does", "did", "also"}  # "could issue", "will issue", "has yet to issue"
_QUESTION_OPENERS = words("question_openers")
_WONDERING = words("wondering_verbs")
_HEADLINE_SPEAKER = regex.compile(r"((?:\p{Lu}[\w.’'\-]*\s+){0,3}\p{Lu}[\w.’'\-]*)\s*:\s*\ue000")
# a word that opens a clause of its own; "after", "before", "when" … may just date the statement
_CLAUSE_WORDS = (_SUBORDINATORS - {"after", "before", "since", "until", "when", "while"}) | _RELATIVE | PRONOUNS
_STATEMENT = re.compile(
    r"(?<![Ii]n )\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[\w’'.\-]+\s+){0,6}?)"
    rf"(?:{alternation(lexicon().carrier_nouns)})\b"
    rf"(?:\s+(?!(?i:{alternation(_CLAUSE_WORDS)})\b)[\w’'.\-]+){{0,10}}?\s+(read|reads|said|says|stated|added|noted)\b"
)  # "a Russian foreign ministry statement on the talks read"; not "said in a statement and added",
# nor "penned the letter because he said"


@dataclass(slots=True)
class Found:
    """An attribution cue before resolution against the article."""

    cue: str
    cue_kind: str  # speech | according | finding | statement
    words: list[str]  # the mention, as written
    via: str | None = None
    title: str | None = None  # from an appositive: "Jane Doe, a spokeswoman for X,"
    ends_with_colon: bool = False
    cue_at: int | None = None  # token index of the cue in the masked sentence, when a token made it
    cue_len: int = 1  # tokens the cue spans ("according to": 2)


def _month_as_surname(toks: list[str], j: int) -> bool:
    """Is the month at j a surname after a given name ("Elizabeth May", "Theresa May")? A weekday never is."""
    prev = toks[j - 1]
    return is_cap(toks[j]) and not toks[j].lower().endswith("day") and is_cap(prev) and mentions.first_name(prev)


def _np_before(toks: list[str], i: int) -> list[str]:
    """The subject noun phrase that ends right before token i (the verb)."""
    j = i - 1
    seen_time = False
    while j >= 0:
        b = toks[j].lower()
        if b in _TIME and j > 0 and (base(toks[j - 1]) in lexicon().honorifics or _month_as_surname(toks, j)):
            break  # "Ms. May said", "Elizabeth May said": a name, not the month
        adverb = len(b) >= 7 and b.endswith(mentions.ADVERB_ENDINGS) and toks[j].islower()  # "ultimately concluded"
        skip = b in _SKIP_BEFORE_VERB and (toks[j].islower() or b != "long" and (j == 0 or title_case(toks)))
        # "Steve Long said" is a name; "Putin Again Warns West" a Title Case headline's adverb
        if skip or b in _TIME or (seen_time and b in _TIME_OPENERS) or adverb:
            seen_time = seen_time or b in _TIME
            j -= 1
            continue
        break
    if j < 0:
        return []
    skipped = toks[j + 1 : i]  # the time words between the phrase and its verb ("on Sunday has")
    while skipped and skipped[-1].lower() not in _TIME:
        skipped.pop()
    if toks[j].lower() in _OBJECT_PRONOUNS:
        return []  # "heard him tell Kody": him is no subject
    if toks[j].lower() in PRONOUNS:
        return [toks[j]]
    tail = _postmodifier(toks, j)
    if tail is None:
        tail = _place_description(toks, j)
    if tail is not None:  # "people familiar with the matter", "parents at a school board meeting"
        head = _np_before(toks, tail)
        if not head and tail > 0 and base(toks[tail - 1]) in _QUANTIFIED_HEADS:
            head = [toks[tail - 1]]  # "Those familiar with the plan", "Some close to the talks"
        return head + toks[tail : j + 1] if head else []
    out: list[str] = []
    modifiers = 0
    while j >= 0:
        t = toks[j]
        b = base(t)
        if t == ")":  # "Acme Corp (NASDAQ: ACME) announced"
            k = j
            while k >= 0 and toks[k] != "(":
                k -= 1
            if k > 0 and j - k < 10:
                j = k - 1
                continue
        if t == "." and j > 0 and toks[j - 1].lower() in ABBR_DOT:
            j -= 1
            continue
        if t == QMARK or not (t[0].isalnum()) or _PARTY_TAG.fullmatch(t):
            break  # a party tag ("D-Calif.") is an aside, not a name
        if is_cap(t):
            if b in _STOP_CAPS and j > 0 and toks[j - 1] not in (",", ";") and out:
                break
            if b in _STOP_CAPS and (j == 0 or toks[j - 1] in (",", ";")):
                break
            if b in DETERMINERS:
                out.append(t)
                break
            out.append(t)
        elif mentions.possessive(t) and known_word(t) and j > 0 and toks[j - 1][:1].isalpha():
            out.append(t)  # "the prime minister's spokesman": the owner's own phrase goes on
        elif b in DETERMINERS or mentions.possessive(t):
            out.append(t)
            if j > 0 and toks[j - 1].lower() in CONNECTORS:
                j -= 1
                continue
            break
        elif (b in CONNECTORS and out and j > 0) or known_word(t):
            out.append(t)
        elif out and t.isdigit():
            out.append(t)  # "a 2023 survey", "three 2019 reports"
        elif not out and t.isdigit() and j > 0 and is_cap(toks[j - 1]) and toks[j - 1].lower() not in _TIME:
            out.append(t)  # "UFCW Local 832 said": a name that ends in its number
        elif out and modifiers < 2 and _noun_modifier(t, out[-1]) and not _verb_after_noun(toks, j):
            out.append(t)  # "business owners", "dock workers"
            modifiers += 1
        elif out and modifiers and f"{b}_{base(out[-1])}" in _COMPOUND_MODIFIERS:
            out.append(t)  # "law enforcement officials": a two-word modifier
            modifiers += 1
        else:
            break
        j -= 1
    out.reverse()
    while out and (base(out[0]) in CONNECTORS):
        out.pop(0)
    if not out or base(out[-1]) in CONNECTORS or base(out[-1]) in DETERMINERS:
        return []
    if out[0][0].isupper() and base(out[0]) in _STOP_CAPS:
        return []
    if skipped and mentions.is_media(" ".join(out + skipped)):
        return out + skipped  # "The Mail on Sunday reported": the outlet's name, not its day
    start = i - len(skipped) - len(out)
    if _reduced_relative(toks, i, start):
        return []  # "Among patients admitted during …": the object of the opening preposition, no subject
    if i < len(toks) and toks[i].lower() in _INFERENCE and _object_of_a_non_source(toks, start, out):
        return []  # "The scandal at the Veterans Administration suggests": the scandal, which is nobody
    return out


def _reduced_relative(toks: list[str], i: int, start: int) -> bool:
    """Is the verb at i a participle describing the object of the sentence's opening preposition
    ("Among patients admitted during …"), or a noun that ends it ("In another tweet, …")?"""
    return (
        start <= 1  # "Among patients" may be read as one capitalised phrase
        and base(toks[0]) in _PREPOSITIONS
        and i + 1 < len(toks)
        and (
            (toks[i].endswith("ed") and toks[i + 1].lower() in _PREPOSITIONS)
            or (toks[i + 1] == "," and toks[i + 2 : i + 3] != [QMARK])  # "In another tweet, Wing complained"
        )
    )


def _object_of_a_non_source(toks: list[str], start: int, name: list[str]) -> bool:
    """Is the name that starts at `start` the object of a preposition after a
    noun that names no source ("The increase in the Consumer Price Index",
    "The mood in Ottawa")? Source nouns before it ("officials at the
    ministry", "the lawyer for Jane Doe") were read as described subjects already."""
    if start < 2 or toks[start : start + len(name)] != name or not is_cap(name[-1]):
        return False
    prep, head = toks[start - 1].lower(), toks[start - 2]
    opener = next((k for k in range(start - 3, max(-1, start - 6), -1) if base(toks[k]) in _PHRASE_OPENERS), None)
    return (
        (prep in LOCATIVES or prep in _OBJECT_PREPOSITIONS)
        and opener is not None  # "The outrageous scandal at …": an article opens the phrase the name ends
        and all(t.isalpha() and t.islower() and t not in _PREPOSITIONS for t in toks[opener + 1 : start - 2])
        and not head.endswith(("ed", "en"))  # "A study published in …", "a report seen by …"
        and head.isalpha()
        and head.islower()
        and base(head) not in DETERMINERS
        and base(head) not in _QUANTIFIED_HEADS
        and base(head) not in _COUNT_NOUNS  # "A majority of Canadians", "a third of Britons"
        and base(head) not in PRONOUNS
        and not _known_noun(head)
        and base(head) not in lexicon().document_nouns
        and base(head) not in lexicon().carrier_nouns
    )


def _verb_after_noun(toks: list[str], j: int) -> bool:
    """Is the -ed word at j a verb after its own subject ("The minister dismissed
    media reports"), not a modifier ("elected officials", "two retired teachers")?"""
    prev = toks[j - 1] if j > 0 else ""
    return toks[j].endswith("ed") and prev[:1].isalpha() and base(prev) not in DETERMINERS and not prev.isdigit()


def _noun_modifier(word: str, right: str) -> bool:
    """A lower-case word standing before a source noun as its modifier."""
    lex = lexicon()
    head = base(right)
    if not (person_noun(right) or head in lex.org_nouns or head in lex.document_nouns or head in lex.titles):
        return False
    b = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and not b.endswith("ly")
        and b not in _FUNCTION_WORDS
        and b not in _SKIP_BEFORE_VERB
        and b not in _TIME
        and b not in PRONOUNS
        and b not in _RELATIVE
        and b not in _PREPOSITIONS
        and b not in lex.speech_core
        and b not in lex.speech_content
    )


def _place_description(toks: list[str], j: int) -> int | None:
    """Where a place description after a source noun starts ("parents at a
    school board meeting"), when the words up to token j end with one."""
    if not toks[j].isalpha() or not toks[j].islower() or _known_noun(toks[j]):
        return None
    for k in range(j - 1, max(0, j - 7), -1):
        t = toks[k]
        if not t[0].isalnum():
            return None
        if t.lower() in LOCATIVES and k > 0 and _known_noun(toks[k - 1]):
            return k
        if t.lower() == "of" and k > 0 and base(toks[k - 1]) in lexicon().document_nouns:
            return k  # "Minutes of a city council meeting"
    return None


def _known_noun(word: str) -> bool:
    lex = lexicon()
    b = base(word)
    return person_noun(word) or b in lex.org_nouns or b in lex.titles


def _postmodifier(toks: list[str], j: int) -> int | None:
    """Where a describing phrase ("familiar with the matter") starts, when the
    words up to token j end with one."""
    offset = max(0, j - 9)
    k = postmodifier_start([t.lower() for t in toks[offset : j + 1]])
    return None if k is None else offset + k


def _np_after(toks: list[str], i: int, limit: int = 14) -> list[str]:
    """A noun phrase that starts at token i, up to a comma or the end."""
    out: list[str] = []
    window = toks[i : i + limit]
    for k, t in enumerate(window):
        b = base(t)
        if t == QMARK or not t[0].isalnum():
            break
        nxt = window[k + 1] if k + 1 < len(window) else ""
        if out and b == "that" and (base(nxt) in PRONOUNS or base(nxt) in mentions.OWNER_PRONOUNS or is_cap(nxt)):
            break  # "informed by police that her son had died": the clause; "the director of that agency" goes on
        occasion = out and b in _OCCASION_PREPOSITIONS and _occasion(window[k + 1 : k + 4])
        if occasion and not mentions.is_media(" ".join([*out, *window[k : k + 2]])):  # "the Mail on Sunday"
            break  # "said Nicholson in an Aug. 28 email", "said Smith on Monday": the occasion, not the name
        if is_cap(t) or b in DETERMINERS or b in CONNECTORS or known_word(t):
            out.append(t)
        elif t.isdigit() and out and is_cap(out[-1]) and base(out[-1]) not in _TIME and out[-1][-1] != "." and (
            not nxt or not nxt[0].isalnum() or is_cap(nxt) or known_word(nxt)
        ):
            out.append(t)  # "said Local 27 president Dave Kowalczyk"; not "said Smith 24 hours later"
        elif _modifies_a_source_noun(window, k):
            out.append(t)  # "said lead author Dr. Allan Garland", "said the veteran goaltender"
        elif len(out) == 1 and base(out[0]) in ("a", "an") and t.isalpha() and t.islower() and is_cap(nxt):
            out.append(t)  # "said an exuberant Porter": an adjective before the name
        else:
            break
    while out and (base(out[-1]) in CONNECTORS or base(out[-1]) in DETERMINERS):
        out.pop()
    return out


def _occasion(after: list[str]) -> bool:
    """Do these words (after "in", "on", "at") name a time or a statement?"""
    words = [w for w in after if base(w) not in DETERMINERS]
    return bool(words) and (base(words[0]) in _TIME or base(words[0]) in lexicon().carrier_nouns or words[0][0].isdigit())


def _modifies_a_source_noun(window: list[str], k: int) -> bool:
    """A lower-case word (or two) standing before a person or source noun as its modifier."""
    for j in (k + 1, k + 2):
        if j < len(window) and known_word(window[j]) and base(window[j]) not in DESCRIPTORS:
            return _noun_modifier(window[k], window[j]) and all(
                window[m].isalpha() and window[m].islower() and (m == k or base(window[m]) not in DETERMINERS)
                for m in range(k, j)
            )  # not "Trump attacked the media": a modifier never stands before a determiner
    return False


def _according(toks: list[str], i: int) -> list[str]:
    out: list[str] = []
    for t in toks[i:]:
        if t in (",", ";", ":", QMARK, "(", ")", "—", "–") or t in ".!?":
            break
        out.append(t)
    while len(out) >= 2 and base(out[-1]) in _TIME and base(out[-2]) in _TIME_OPENERS:
        out = out[:-2]  # "according to the ministry on Friday"
    while out and base(out[-1]) in _TIME:
        out.pop()
    return out


def _appositive(toks: list[str], i: int) -> str | None:
    """ ", a spokesman for the ministry," after a name gives its title."""
    if i >= len(toks) or toks[i] != ",":
        return None
    words: list[str] = []
    lex = lexicon()
    for t in toks[i + 1 : i + 14]:
        if not t[0].isalnum():
            break
        words.append(t)
    if words and base(words[0]) in DETERMINERS:
        words = words[1:]
    if words and any(base(w) in lex.titles for w in words[:4]):
        return " ".join(words)
    return None


def _closing_aside(toks: list[str], i: int) -> bool:
    """ "..., said Dr. Robert Rutledge, a Halifax radiation oncologist.": a short
    description that runs to the end of the sentence after an inverted tag."""
    rest = toks[i + 1 :]
    return (
        toks[i] == ","
        and 0 < len(rest) <= 16
        and QMARK not in rest
        and not any(t.lower() in _cue_verbs() for t in rest)
    )


def _charges(toks: list[str], i: int) -> bool:
    """ "accused him of parsing words", "praised the crews for their work": an
    object, then "of" or "for" and what it is charged with."""
    for k in range(i + 2, min(i + 6, len(toks) - 1)):
        if not toks[k - 1][0].isalnum() or toks[k - 1].lower() == "to":
            return False  # the object ends before a comma or a quotation; "condemned him to death for"
        if toks[k].lower() in ("of", "for") and toks[k + 1][0].isalnum():
            return toks[k].lower() == "of" or not _duration(toks[k + 1 : k + 5])
    return False


def _duration(words: list[str]) -> bool:
    """ "several minutes", "nearly a minute", "months": a span of time, not what someone is praised for
    ("years of neglect" is)."""
    for n, w in enumerate(words):
        b = base(w)
        if b in _TIME or b in _DURATIONS:
            return words[n + 1 : n + 2] != ["of"]
        if not (w[0].isdigit() or b in _ARTICLES or b in _QUANTITY_WORDS):
            return False
    return False


def _characterises(toks: list[str], i: int) -> bool:
    """ "called the deal painful but necessary", "called it a disgrace",
    "described the plan as reckless": a definite object, then what it was
    called (not "called the police to report", "called a news conference")."""
    j = i + 1
    if j >= len(toks):
        return False
    if is_cap(toks[j]) and toks[j].lower() not in _DEFINITE:  # "described Halvorsen as a fighter"
        return "as" in [t.lower() for t in toks[j + 1 : j + 4]] and all(t[0].isalnum() for t in toks[j + 1 : j + 4])
    if toks[j].lower() not in _DEFINITE:
        return False
    for k in range(j + 1, min(j + 4, len(toks))):
        if not toks[k][0].isalnum() or toks[k].lower() in _COMPLEMENT_STOPS:
            return False
        if k > j + 1 and (toks[k].lower() == "as" or toks[k - 1][0].isalnum()):
            return True  # something follows the object
        if toks[j].lower() in PRONOUNS:
            return True  # "called it a disgrace"
    return False


def _has_content(toks: list[str], i: int, subject: int = 0, lemma: str | None = None) -> bool:
    """Does content (a that-clause, quotation, colon) follow or precede the verb?
    A quotation may stand before a long subject ("“…,” then-Surrey mayoral
    candidate Doug McCallum responded") or after an adverbial ("joked in his
    turn to answer the question, “…”")."""
    window = toks[i + 1 : i + 9]
    # an object right after the verb makes a later "that" relative, unless the object is a listener
    first = base(window[0]) if window else ""
    object_first = bool(first) and (window[0][0].isalnum() or window[0] == "$") and not (
        first == "that" or first in _PREPOSITIONS or first in _TIME or first.endswith("ly") or first in _DEGREE
    )  # "proposed a budget that", "charged customers fees that"; not "argued in court that", "said again that"
    relative = object_first and lemma not in _LISTENER_OBJECTS
    if first in _QUESTION_OPENERS:  # "detailed how the animals suffered"; "wonders why …" is a thought,
        return lemma in _speech_lemmas() and lemma not in _WONDERING  # "will determine whether …" no finding
    if any(t in (QMARK, ":") for t in window[:4]) or any(
        t.lower() == "that"
        and _clause_after(toks, i + 1 + k)
        and not (relative and k > 0 and not _content_noun_before(window, k))
        for k, t in enumerate(window)
    ):
        return True
    after = toks[i + 1 : i + 16]
    if any(t == QMARK and after[k - 1] in (",", ":") for k, t in enumerate(after) if k):
        return True
    comma = next((k for k, t in enumerate(window[:6]) if t == ","), None) if first in ("in", "at", "during") else None
    if comma and _bare_clause(after[comma + 1 : comma + 8]):
        return True  # "admits in this instance, there were fatalities": an opening phrase, then the clause
    # "“…,” a citizen, whose name is redacted, wrote"; not a title ("“Hamilton” fans protested")
    opens_with_quote = len(toks) > 1 and toks[0] == QMARK and toks[1] in (",", "?", "!")
    return (
        QMARK in toks[max(0, i - max(8, subject + 6)) : i]
        or (opens_with_quote and i < _QUOTE_FIRST_REACH)
        or _bare_clause(toks[i + 1 : i + 8])
    )


def _clause_after(toks: list[str], k: int) -> bool:
    """Is the "that" at token k a complementiser? A clause has a subject and a
    verb, so "maintain that confidence." (a determiner) and "the statement that
    was released" (a relative, its verb straight after) do not qualify."""
    rest = toks[k + 1 : k + 3]
    if rest[:1] == [QMARK]:
        return True
    return len(rest) == 2 and all(t[0].isalnum() or t == QMARK for t in rest) and rest[0].lower() not in _FINITE


def _content_noun_before(window: list[str], k: int) -> bool:
    """Does a content noun head the object before the "that" at k ("added the
    caveat that", "echoed comments by the governor that")?"""
    for j in range(k - 1, -1, -1):
        if base(window[j]) in _CONTENT_NOUNS:
            between = [w.lower() for w in window[j + 1 : k]]
            return not between or (between[0] in ("by", "from", "of") and len(between) <= 4)
    return False


def _bare_clause(after: list[str]) -> bool:
    """A clause without "that" after the verb: "claimed a study had been done",
    "agreed tenants should be helped", "assured her he didn't think less of her"."""
    if not after or after[0].lower() in _NOT_CLAUSE_START:
        return False
    for k, t in enumerate(after):
        low = t.lower()
        if (not t[0].isalnum() and t not in ("’", "'")) or low in CONNECTORS or low in _SUBORDINATORS or low == "as":
            return False  # a comma, a quotation, "and" or "as" ends the window: no clause of its own
        subject, contracted = mentions.uncontracted(low)
        if (
            k <= 1
            and subject in _CLAUSE_SUBJECTS
            and (
                contracted
                or (k + 1 < len(after) and after[k + 1][:1].islower() and after[k + 1] not in _PARTICLES)
            )
        ):
            return True  # "admitted he was wrong", "signalled he's in no rush"
        if k >= 1 and low in _FINITE and after[k - 1].lower() not in _RELATIVE:
            return True
    return False


def _subject(toks: list[str], i: int) -> tuple[list[str], str | None]:
    """Subject of the verb at i, and a title from appositives between them:
    "Dr. Priya Natarajan, the county's health commissioner, said",
    "Whitmore, 52, a former trade lawyer, has long argued" or
    "Her deputy, Tom Adeyemi, said"."""
    words = _np_before(toks, i)
    j = i - 1
    while j >= 0 and (toks[j].lower() in _SKIP_BEFORE_VERB or toks[j].lower() in _TIME):
        j -= 1  # "…, the chairman of the Russell group, today warned"
    if words or j < 1 or toks[j] != ",":
        return words, None
    lead = _opening_name(toks, j)
    if lead is not None:
        return lead
    for k in range(j - 1, max(-1, j - _APPOSITIVE_REACH), -1):
        if toks[k] != ",":
            continue
        inner = toks[k + 1 : j]
        outer = _np_before(toks, k) or _described_subject(toks, k)  # "Another member of the public, whose …,"
        if inner and not outer and k == 1 and toks[0] == QMARK and is_cap(inner[0]) and QMARK not in inner:
            return _np_after(toks, k + 1) or [], None  # "“…,” Marcia Freeman of Atlanta, told the AP": a stray comma
        if not inner or not outer or QMARK in inner:
            continue
        if inner[0].lower() in _ASIDE_OPENERS:
            return outer, None  # "The official, who spoke on condition of anonymity, said"
        if postmodifier_start([w.lower() for w in outer]):
            return outer, None  # "A person close to the engine maker, Arden Propulsion, said": it renames the maker
        named = mentions.parse(inner)
        party = _party_tag(inner)  # "Sen. Ted Cruz, R-Texas, said"
        inner_named = (
            not party
            and (all(is_cap(w) or base(w) in NAME_PARTICLES for w in inner) and base(inner[-1]) not in lexicon().titles)
            or (
                named is not None
                and named.kind == "person"
                and named.title is not None
                and any(_known_noun(w) for w in named.title.replace(",", " ").split())
            )
        )
        # "Her deputy, Tom Adeyemi, said", "Her opponent, council member Brian Feld, said";
        # not "The study, published in Nature, found"
        outer_named = is_cap(outer[-1]) and base(outer[-1]) not in lexicon().titles
        if not inner_named:  # a description: "Benton, 61, a former mayor," / "The study, published in Nature,"
            parts = [w for w in inner if w != "," and not w.isdigit()]
            core = parts[1:] if parts and base(parts[0]) in DETERMINERS else parts
            return outer, (" ".join(core) or None) if outer_named else None
        # a name: "Her deputy, Tom Adeyemi," / "The UN force in Lebanon, UNIFIL,"
        core = outer[1:] if base(outer[0]) in DETERMINERS else outer
        return inner, " ".join(core)
    return [], None


def _party_tag(words: list[str]) -> bool:
    """A lawmaker's party and state or home town set off by commas: "R-Texas", "D-Calif.", "R-Grand Rapids"."""
    return 0 < len(words) <= 3 and bool(_PARTY_TAG.fullmatch(words[0])) and all(is_cap(w) for w in words[1:])


def _opening_name(toks: list[str], j: int) -> tuple[list[str], str | None] | None:
    """ "Donald Tusk, the president of the European Council, which represents EU
    leaders, said": a clause that opens with a proper name set off by a comma,
    with the verb right after the appositives, has that name as its subject;
    the first appositive is the title."""
    start = 0
    while start < j and (
        toks[start].lower() in _PREPOSITIONS
        or toks[start].lower() in _TIME_OPENERS
        or base(toks[start]) in _TIME
        or toks[start] == ","
    ):
        start += 1  # "On Tuesday, Donald Tusk, ..."
    lead = _np_after(toks, start)
    k = start + len(lead)
    if (
        not lead
        or k >= j
        or toks[k] != ","
        or QMARK in toks[k:j]
        or not all(is_cap(w) or base(w) in NAME_PARTICLES for w in lead)
    ):
        return None
    if any(t.lower() in _cue_verbs() for t in toks[k:j]):
        return None  # another verb of saying between them: not one subject
    inner: list[str] = []
    party = ""
    for t in toks[k + 1 : j]:
        if t == "," and _party_tag(inner) and not party:
            party, inner = " ".join(inner), []  # "Rep. Lucille Roybal Allard, D-Calif., the incoming chairwoman …,"
            continue
        if t == ",":
            break
        inner.append(t)
    if not inner or all(is_cap(w) or base(w) in NAME_PARTICLES for w in inner):
        return None  # "Her deputy, Tom Adeyemi, said" and "Ottawa, Ont., police said" are not this case
    if inner[0].lower() in _ASIDE_OPENERS:
        return lead, party or None
    core = inner[1:] if base(inner[0]) in DETERMINERS else inner
    return lead, ", ".join(p for p in (party, " ".join(core)) if p) or None


def _negated(lows: list[str], i: int) -> bool:
    before = lows[max(0, i - 2) : i]
    return "not" in before or "never" in before or any(w.endswith("n't") for w in before)


def find(outside: str, toks: list[str] | None = None) -> Found | None:
    """The attribution of one masked sentence, or None. `toks` are its tokens
    from the document (`doc.SentenceView.words`); without them the string is tokenised."""
    if toks is None:
        toks = tokenize(outside)
    lows = [t.lower() for t in toks]
    for i, low in enumerate(lows):
        if low == "according" and i + 1 < len(toks) and lows[i + 1] == "to":
            words = _according(toks, i + 2)
            if words:
                k = i + 2 + len(words)
                name = _np_after(toks, k + 1) if k < len(toks) and toks[k] == "," else []
                after = toks[k + 1 + len(name) : k + 2 + len(name)]
                closed = not after or after[0] in (",", ".", ";", "!", "?")  # not "..., Benton steered ..."
                if (
                    name
                    and closed
                    and all(is_cap(w) or base(w) in NAME_PARTICLES for w in name)
                    and not is_cap(words[-1])
                ):
                    # "according to the plant's owner, Atlantic Power": the name, with the role as title
                    role = words[1:] if base(words[0]) in DETERMINERS else words
                    return Found("according to", "according", name, title=" ".join(role), cue_at=i, cue_len=2)
                return Found("according to", "according", words, cue_at=i, cue_len=2)
    m = _HEADLINE_SPEAKER.match(outside)
    if m:  # "Kerry: ‘We are just getting started’"
        return Found(":", "speech", m.group(1).split())
    m = _STATEMENT.search(outside)
    if m and m.group(0)[: m.start(2) - m.start(0)].split()[-1].lower() not in ("and", "but", "or"):
        # "a statement on wages and benefits said"; not "released a statement after the verdict and said"
        words = m.group(0)[: m.start(2) - m.start(0)].split()
        if not _bare_named_carrier(words):
            # "The court ruling said …", "Her ruling said …": a ruling, the noun of a finding verb, heads the
            # subject and is a finding (GUIDE); not "The ruling party said", "A statement on the ruling said"
            ruled = _ruling_head(words)
            return Found(m.group(2), "finding" if ruled else "statement", words, via=_via(outside))
    # verbs of saying frame the sentence ("X ruled ..., the office said"); findings come second
    verbs = _cue_verbs()
    candidates = [i for i, w in enumerate(lows) if w in verbs]
    for want_speech in (True, False):
        found = None
        for i in candidates:
            cue = _verb_cue(toks, lows, i, want_speech)
            if cue and (found is None or _trailing(toks, i, cue)):
                found = cue  # the first cue, unless a trailing ", analysts said" frames the whole sentence
        if found:
            found.via = _via(outside)
            found.ends_with_colon = outside.rstrip().endswith(":")
            return found
    return (
        _in_their_words(toks, lows)  # after the verbs: "The senator said the bill was, in his words, “a disaster.”"
        or _impersonal(toks)
        or _colon_quotation(toks)
        or _belief_state(toks, lows)
        or _named_as_words(toks, lows)
    )


_TAIL_SOURCE_WORDS = 4  # "…: disaster agency", "…: Indian foreign ministry": a source this short after the colon
_CLAUSE_BEFORE_TAIL = 4  # and a statement at least this long before it ("Live updates: Biden" is a label)


def headline_tail_source(toks: list[str]) -> Found | None:
    """ "Indonesia quake death toll 100-200: disaster agency", "… talks: MEA": a
    headline that names who said it after a final colon (wire style)."""
    if ":" not in toks:
        return None
    k = len(toks) - 1 - toks[::-1].index(":")
    tail = toks[k + 1 :]
    while tail and tail[-1] in (".", "!", "?"):
        tail = tail[:-1]
    if k < _CLAUSE_BEFORE_TAIL or not 1 <= len(tail) <= _TAIL_SOURCE_WORDS:
        return None
    if any(not t[0].isalpha() or base(t) in CONNECTORS for t in tail):
        return None  # "Winners: Smith and Jones", a number, a quotation
    return Found(":", "speech", tail, cue_at=k, cue_len=1)


def _denial(lows: list[str], k: int) -> bool:
    """Is "nothing of the sort/kind" at k a denial ("said nothing of the sort", "… of the sort happened")?"""
    return lows[k : k + 3] in (["of", "the", "sort"], ["of", "the", "kind"])


def _ruling_head(words: list[str]) -> bool:
    """Does a ruling head the subject ("The court ruling", "Her ruling"; not "The ruling party", "a statement on
    the ruling")? Its statement is a finding (GUIDE)."""
    core = list(words)
    while core and (base(core[-1]) in _TIME or base(core[-1]) in _TIME_LEADS):
        core.pop()  # "The Supreme Court ruling Friday said"
    by = core.index("by") if "by" in core else len(core)  # "A 2019 ruling by the Supreme Court said": by the ruler
    head = base(core[by - 1]) if by else ""
    return (
        head in mentions.NAMED_CARRIERS
        and head in lexicon().finding
        and not any(base(w) in _PREPOSITIONS for w in core[:by])
    )


def _bare_named_carrier(words: list[str]) -> bool:
    """ "The decision": a carrier that names no body, so no one in particular speaks."""
    return (
        bool(words)
        and base(words[-1]) in mentions.NAMED_CARRIERS
        and not any(
            (is_cap(w) and base(w) not in DETERMINERS)
            or mentions.possessive(w)
            or base(w) in mentions.OWNER_PRONOUNS
            or base(w) in lexicon().org_nouns  # "the board decision"
            or person_noun(w)
            for w in words[:-1]
        )
    )  # "The written decision said"; not "Its decision", "The board's ruling", "The Liberals' decision"


def _named_as_words(toks: list[str], lows: list[str]) -> Found | None:
    """ "“The best sleigh this Christmas!” was the response of one jolly viewer":
    a quotation named as someone's response, reply or verdict."""
    if not toks or toks[0] != QMARK:
        return None
    k = 1
    while k < len(toks) and toks[k] in ",.?!":
        k += 1
    if k + 3 >= len(toks) or lows[k] not in _BE or lows[k + 1] not in _ARTICLES:
        return None
    if base(lows[k + 2]) not in _RESPONSE_NOUNS or lows[k + 3] not in ("of", "from"):
        return None
    words = _according(toks, k + 4)  # the phrase up to the stop, as after "according to"
    return Found(toks[k + 2], "speech", words, cue_at=k + 2, cue_len=1) if words else None


def _belief_state(toks: list[str], lows: list[str]) -> Found | None:
    """ "The senator is confident she has the votes", "he’s convinced that …":
    a view held by the subject, reported like a belief verb. The writer's own
    "I am sure …" stays editorial."""
    states = lexicon().belief_states
    if states.isdisjoint(lows):
        return None
    for i, low in enumerate(lows):
        if low not in states or i == 0:
            continue
        j = i - 1
        while j > 0 and (lows[j] in _DEGREE or lows[j].endswith("ly") or lows[j] in ("not", "never")):
            j -= 1  # "is increasingly confident"; "is not convinced" is a view too
        pronoun, contracted = mentions.uncontracted(lows[j])
        if lows[j] in _BE:
            subject = _subject(toks, j)[0]  # "Smith, 45, is confident …"
        elif contracted and pronoun in PRONOUNS:
            subject = [toks[j][: len(pronoun)]]  # "he’s confident": the pronoun of the contraction
        else:
            continue
        if not subject or subject[-1].lower() in _FIRST_PERSON or subject[-1].lower() in _NO_HOLDER:
            continue  # "I am sure …" is the writer's; "It is doubtful that …", "What is certain …" nobody's
        after = toks[i + 1 : i + 9]
        if not (after and (after[0].lower() == "that" and _clause_after(toks, i + 1) or _bare_clause(after))):
            continue  # "is sure to win", "is confident in the plan": no view stated
        return Found(toks[i], "finding", subject, cue_at=i, cue_len=1)
    return None


def _in_their_words(toks: list[str], lows: list[str]) -> Found | None:
    """ "It had, in her words, become “unhealthy”", "in the words of one
    official": the sentence gives their words, so it is their statement."""
    if "words" not in lows:
        return None
    for i in range(len(lows) - 2):
        if lows[i] != "in" or (i > 0 and toks[i - 1] != "," and not (i == 1 and lows[0] in _STOP_CAPS)):
            continue  # set off or opening the sentence ("But in her words, …"); not "took comfort in his words"
        owner = lows[i + 1]
        own = 1 if lows[i + 2] == "own" else 0  # "in her own words"
        after = lows[i + 3 + own : i + 4 + own]
        said = lows[i + 2 + own : i + 3 + own] == ["words"] and (
            not after or after[0] in (",", ".", ":", "—", "–", "-", QMARK)
        )  # "In her words: “…”"; not "in his words and deeds"
        if said and (owner in mentions.OWNER_PRONOUNS or mentions.possessive(toks[i + 1])):
            who = mentions.OWNER_PRONOUNS.get(owner) or mentions.unpossessed(toks[i + 1])
            if who != "it":
                return Found(" ".join(toks[i : i + 3 + own]), "speech", [who], cue_at=i, cue_len=3 + own)
        if lows[i + 1 : i + 4] == ["the", "words", "of"]:
            words = _according(toks, i + 4)
            if words:
                return Found(" ".join(toks[i : i + 4]), "speech", words, cue_at=i, cue_len=4)
    return None


def _impersonal(toks: list[str]) -> Found | None:
    """ "It is understood that …", "It was reported that …": a sourced fact
    whose source is the vague phrase itself."""
    lows = [t.lower() for t in toks[:6]]
    if len(lows) < 3 or mentions.uncontracted(lows[0])[0] != "it":
        return None
    perfect = lows[1] in ("has", "had") and lows[2] == "been"
    k = 1 if lows[0] != "it" else 2 if lows[1] in _BE else 3 if perfect else 0  # "it’s", "it is", "it has been"
    if (
        k
        and k < len(lows) - 1
        and lows[k] in mentions.IMPERSONAL
        and (lows[k + 1] == "that" or _bare_clause(toks[k + 1 : k + 8]))
    ):
        return Found(toks[k], "according", toks[: k + 1], cue_at=k, cue_len=1)
    return None


def _colon_quotation(toks: list[str]) -> Found | None:
    """ "Martell, the addictions doctor, is more blunt: “…”": a quotation after a
    colon, with no verb of saying, belongs to the named subject of the clause before it."""
    if QMARK not in toks:
        return None
    q = toks.index(QMARK)
    if q < 3 or toks[q - 1] != ":":
        return None
    subject = _leading_subject(toks[: q - 1])
    if not subject or not all(is_cap(w) for w in subject) or base(subject[0]) in _PREPOSITIONS:
        return None
    if mentions.possessive(subject[-1]):
        return None  # "Martha Stewart's new book has a simple title: “Cake.”"
    j = len(subject)
    k = toks.index(",", j + 1) if j < q - 1 and toks[j] == "," and "," in toks[j + 1 : q - 1] else -1
    if k < 0 and len(subject) < 2:
        return None  # a lone capital opening a sentence ("Governance …", "It's …") may be no name at all
    predicate = [t.lower() for t in toks[(k if k > 0 else j - 1) + 1 : q - 1]]
    if (
        not predicate
        or predicate[0] not in _BE
        or len(predicate) > _COLON_PREDICATE
        or any(w.endswith("ed") for w in predicate)
    ):
        return None  # only "is blunt:", "was more direct:"; not "was asked a question:", "received a text:"
    title = " ".join(toks[j + 1 : k]) if k > 0 else None  # "Martell, the addictions doctor …,"
    return Found(":", "speech", subject, title=title, cue_at=q - 1, cue_len=1)


def _trailing(toks: list[str], i: int, cue: Found) -> bool:
    """Is the cue at token i a closing attribution: ", analysts said." at the end?"""
    return _closing_tag(toks, i - len(cue.words) - 1, i + 1)


def _closing_tag(toks: list[str], comma: int, after: int) -> bool:
    """Does a comma at `comma` end the content of a closing tag whose verb ends
    at `after` (", the study finds.")? Not an opening adverbial ("On Friday, …")."""
    return comma >= 0 and toks[comma] == "," and not _opener(toks, comma) and _ends_sentence(toks, after)


def _opener(toks: list[str], comma: int) -> bool:
    """Is everything before this comma an opening adverbial ("On Friday,",
    "Afterward,", "At the hearing,") rather than a clause of content?"""
    lead = toks[:comma]
    if not lead or len(lead) > _OPENER_WORDS or "," in lead:
        return False  # "Of those, 12 were children, the ministry added": content after the adverbial
    first = base(lead[0])
    if len(lead) == 1:
        return lead[0] != QMARK  # "Afterward,", "Meanwhile,": one word is no content
    return first in _PREPOSITIONS or (first in _TIME_OPENERS and any(base(t) in _TIME for t in lead))

def _ends_sentence(toks: list[str], k: int) -> bool:
    """Do the tokens from k on close the sentence with nothing of their own to
    say: punctuation, time words, and at most one short phrase of place or
    occasion (", Garland explained from Winnipeg.", ", the company wrote in a report in December.")."""
    rest = [t for t in toks[k:] if t[0].isalnum() and base(t) not in _TIME]
    if not rest:
        return True
    words = toks[k:]
    if base(words[0]) not in _PREPOSITIONS or any(t in (",", QMARK, ";", ":") for t in words):
        return False
    return len(rest) <= _CLOSING_PHRASE and not any(t.lower() in ("that", "to") for t in rest[1:])


def characterises(word: str) -> bool:
    """Is this a form of a verb that characterises its object ("called the protesters “thugs”")?"""
    return lexicon().speech_content.get(word.lower()) in _CHARACTERISING


@cache
def _speech_lemmas() -> frozenset[str]:
    """The lemmas of the verbs of saying."""
    lex = lexicon()
    return frozenset(lex.speech_core.values()) | frozenset(lex.speech_content.values())


@cache
def _cue_verbs() -> frozenset[str]:
    """Every word that can start a cue verb (first words of multi-word ones too)."""
    lex = lexicon()
    forms = (
        set(lex.speech_core)
        | set(lex.speech_content)
        | set(lex.finding)
        | set(lex.finding_content)
        | set(lex.finding_ruling)
        | set(lex.finding_document)
    )
    return frozenset(f.split()[0] for f in forms)


def leading_subject(outside: str, toks: list[str] | None = None) -> list[str]:
    """The noun phrase that opens a masked sentence (for the salience of people)."""
    return _leading_subject(toks if toks is not None else tokenize(outside))


def _coordinated(lows: list[str], i: int) -> bool:
    """Is the verb at i the second of two joined by "and"/"but" ("welcomed the move but said")?"""
    j = i - 1
    while j >= 0 and lows[j] in _SKIP_BEFORE_VERB:
        j -= 1
    return j > 0 and lows[j] in ("and", "but")


def _clause_subject(toks: list[str], lows: list[str], i: int) -> list[str]:
    """The subject of the clause the verb at i is coordinated in: the sentence's, or the one a subordinator
    opens before it ("Jones was driving when officers pulled up and told him …": the officers)."""
    for j in range(i - 2, 0, -1):
        if lows[j] in _SUBORDINATORS:
            after = _np_after(toks, j + 1)
            if after and j + 1 + len(after) < i:
                return after
            break
    return _leading_subject(toks)


def _leading_subject(toks: list[str]) -> list[str]:
    """The noun phrase that opens a sentence, up to its first connector."""
    if toks and toks[0].lower() in _PREPOSITIONS:
        return []  # "Under Patel, Northbridge grew ...": no subject here
    start = 0
    comma = toks.index(",", 1) if "," in toks[1:7] else 0
    # "The mayor opened the bridge, and said" opens with its subject; "A day later, …" with a time
    at = next(
        (k for k in range(1, min(comma, 6)) if base(toks[k]) in _TIME or base(toks[k]) in _DURATIONS or base(toks[k]) in _TIME_OPENERS),
        0,
    )
    timely = bool(at) and all(
        base(t) in _TIME_MODIFIERS or base(t) in _QUANTITY_WORDS or base(t) in _ARTICLES for t in toks[1:at]
    )  # "The next day," "A couple of days later," "The Monday after the vote,"; not "The union walked out Tuesday,"
    opener = toks and (base(toks[0]) not in _ARTICLES or timely)
    pronoun = base(toks[0]) in PRONOUNS if toks else False  # "It apologized, saying …": the subject itself
    counted = base(toks[0]) in _QUANTIFIED_HEADS if toks else False  # "Many residents are upset, saying …"
    if opener and not pronoun and not counted and (base(toks[0]) in lexicon().starters or base(toks[0]) in _TIME_OPENERS) and "," in toks[1:7]:
        start = toks.index(",", 1) + 1  # "Later that month, SNC-Lavalin applied ..."
    words = _np_after(toks, start)
    for k, w in enumerate(words):
        inside_a_name = w in ("of", "&") and is_cap(words[k - 1]) and k + 1 < len(words) and is_cap(words[k + 1])
        if base(w) in CONNECTORS and k > 0 and not inside_a_name:  # "Bank of Canada" stays whole
            return words[:k]
    return words


def _passive_agent(toks: list[str], j: int, cue: str) -> Found | None:
    """The agent of a passive verb of saying or finding ("confirmed by X"): a
    sourced fact. With no agent ("was told", "is said to") there is no source."""
    if j >= len(toks) or toks[j].lower() != "by":
        return None
    words = _np_after(toks, j + 1)
    if not words or (len(words) == 1 and base(words[0]) in _QUANTIFIED_HEADS):
        return None  # "was criticized by many": no one in particular
    k = j + 1 + len(words)
    if k + 1 < len(toks) and toks[k] == ",":
        name = _np_after(toks, k + 1)
        if name and all(is_cap(w) or base(w) in NAME_PARTICLES for w in name):
            return Found(cue, "finding", name, title=" ".join(words))  # "her son, David Osei"
    return Found(cue, "finding", words)


def _described_subject(toks: list[str], i: int) -> list[str]:
    """A subject whose head comes first and a description after it, which the
    noun phrase before the verb alone misses: "Proponents of remediation
    agreements say", "some in the Muslim community say", "People arrested last
    week said", "All those involved say". The head opens the clause."""
    lo = max(0, i - _DESCRIBED_WORDS)
    marks = [j for j in range(lo, i) if not toks[j][0].isalnum()]
    for k in range(marks[-1] + 1 if marks else lo, i - 1):  # no comma or quotation between: one phrase
        before = base(toks[k - 1]) if k > 0 else ""
        if k > 0 and toks[k - 1] not in (",", ";") and before not in DETERMINERS and before not in _QUANTIFIED_HEADS:
            continue
        h = k  # the head, after up to two modifiers: "team members dressed …", "School board trustees appointed …"
        if toks[k].isalpha() and (k == 0 or toks[k].islower()):
            if k + 2 < i and person_noun(toks[k + 1]):
                h = k + 1
            if k + 3 < i and toks[k + 1].isalpha() and toks[k + 1].islower() and person_noun(toks[k + 2]):
                h = k + 2  # the last noun of the compound heads it
        head, nxt = toks[h], toks[h + 1]
        quantifier = base(head) in _QUANTIFIED_HEADS
        titled = head.islower() and base(head) in lexicon().titles and nxt.lower() in ("of", "for")  # "The mayor of a …"
        if not (person_noun(head) or quantifier or titled):
            continue
        after = base(toks[h + 2]) if h + 2 < i else ""
        ending = ("ed", "ing") if person_noun(head) else ("ed",)  # "people living nearby", "those involved"
        passive = not after or after in _PREPOSITIONS or after in _TIME or after in _TIME_OPENERS or after.endswith("ly")
        participle = (
            nxt.islower()
            and nxt.endswith(ending)
            and (person_noun(head) or h + 1 == i - 1)
            and after not in DETERMINERS
            and (nxt.endswith("ing") or passive)
        )  # "people arrested last week", not "Advocates welcomed the plan" nor "The minister dismissed media"
        follows = nxt.lower() in _DESCRIBING_PREPOSITIONS or participle
        rest = [t.lower() for t in toks[h + 2 : i]]
        if any(t in _PHRASE_BREAKS or t in PRONOUNS or (t.endswith("ed") and n) for n, t in enumerate(rest)):
            continue  # "Many in the crowd cheered when Smith said": a clause, not one phrase
        if follows:
            start = k - 1 if before in DETERMINERS or before in _QUANTIFIED_HEADS else k  # "All those involved"
            return toks[start:i]
    return []


def _document_subject(toks: list[str], i: int) -> list[str]:
    """A document that opens the clause with a participle after its head, running up to the verb at i:
    "A poll released Tuesday found", "A study published in Nature found", "A survey released Tuesday by
    the Lakeshore Research Group found" (the by-phrase names who made it)."""
    documents = lexicon().document_nouns
    for h in range(i - 2, max(-1, i - 2 - _DESCRIBED_WORDS), -1):
        if not toks[h][0].isalnum():
            return []  # a comma or a quotation between: not one phrase
        participle = toks[h + 1]
        if base(toks[h]) in documents and participle.islower() and participle.endswith("ed"):
            head = _np_before(toks, h + 1)
            start = h + 1 - len(head)
            opens = start == 0 or toks[start - 1] == ","
            if head and opens and base(head[0]) in DETERMINERS and not any(w in _PHRASE_BREAKS for w in toks[h + 2 : i]):
                return toks[start:i]
            return []
    return []


def _relative_subject(toks: list[str], i: int) -> list[str]:
    """ "One study that looked at data up to 2015 found", "A report that was
    released Monday says": a subject that opens the clause, then a relative
    clause running up to the verb. The head speaks; the clause describes it."""
    lex = lexicon()
    lows_i = toks[i].lower()
    for r in range(i - 2, max(0, i - _RELATIVE_REACH), -1):
        number = toks[r] == "," and toks[r - 1].isdigit() and toks[r + 1].isdigit()  # "2,833 deaths"
        low = toks[r].lower()
        if not toks[r][0].isalnum() and not number and toks[r] != QMARK:
            return []  # a comma between: not one phrase ("called the plan “reckless”" is still one)
        if low not in _RELATIVE:
            continue
        clause = [t.lower() for t in toks[r + 1 : i]]
        if all(w in _SKIP_BEFORE_VERB or w.endswith("ly") for w in clause):
            return []  # "The doctor who first warned …": the verb is the clause's own
        if lows_i not in lex.speech_core and any(w in lex.speech_core for w in clause) and any(w in _BE for w in clause):
            return []  # "The woman who told police she had been attacked was charged with … a false report"
        head = _np_before(toks, r) or (
            [toks[r - 1]] if r > 0 and base(toks[r - 1]) in _QUANTIFIED_HEADS else []
        )  # "Those who have seen the footage say": a quantifier heads on its own
        start = r - len(head)
        if not head or toks[start:r] != head:
            return []
        if start > 0 and not (toks[start - 1] == "," and _opener(toks, start - 1)):
            return []  # "… praised the study that found": an object, not the subject
        noun = base(head[-1])
        if not (
            person_noun(head[-1])
            or noun in lex.document_nouns
            or noun in lex.org_nouns
            or noun in _QUANTIFIED_HEADS
            or noun in lex.titles  # "The MP who called …"
        ):
            return []
        return head
    return []


def _head_before_quoted_term(toks: list[str], q: int) -> list[str]:
    """ "Critics of the “backstop” argue …", "Supporters of the “Green New
    Deal” say …": a described subject whose description ends in a quoted term
    (at q) speaks by its head, the people before "of"."""
    for p in range(q - 1, max(-1, q - 5), -1):
        if not toks[p][0].isalnum():
            return []
        if toks[p].lower() in _DESCRIBING_PREPOSITIONS:
            head = _np_before(toks, p)
            start = p - len(head)
            opens = start == 0 or (toks[start - 1] == "," and _opener(toks, start - 1))
            return head if head and opens and toks[start:p] == head and person_noun(head[-1]) else []
    return []


def _framed_infinitive(toks: list[str], lows: list[str], i: int) -> list[str]:
    """The subject of a verb that frames the infinitive of saying at i ("went on to say", "took to Twitter
    to say", "used the speech to argue"): that subject says it. Plans and refusals frame nothing."""
    for k in range(i - 2, max(-1, i - 2 - _FRAME_REACH), -1):
        if not toks[k][0].isalnum():
            return []  # a comma or a quotation between: not one clause
        if toks[k].lower() in _INFINITIVE_FRAMES and toks[k].islower():
            return [] if _negated(lows, k) else _np_before(toks, k)  # not "never went on to say"
    return []


_UNISSUED: list[str] = []  # the issuer of a text that was not issued: no one, and no statement


def _issuer(toks: list[str], lows: list[str], i: int) -> list[str]:
    """Who issued the statement, letter or order that a participle of saying at i follows, when it is the
    object of a verb of issuing: "She posted a message on Facebook saying …" is she, as is "Police released
    the suspect saying …". Not "He read a statement from the family saying …", "Hart shared the mayor's
    post saying …", a text not (yet) issued ("did not issue", "could issue", "denied issuing"), nor "There
    was a statement saying …"."""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    if not after or not (after[0].isalnum() or after in (QMARK, ":")):
        return []  # "Environment Canada issued a warning.": the noun, saying nothing
    v = next(
        (k for k in range(i - 2, max(0, i - _ISSUED_OBJECT) - 1, -1) if not toks[k][0].isalnum() or toks[k] in _ISSUING),
        -1,
    )
    if v < 1 or toks[v] not in _ISSUING:
        return []
    obj = toks[v + 1 : i]
    obj = obj[1:] if obj and obj[0].lower() in _PARTICLES else obj  # "put out a statement"
    if not obj or not obj[0].islower() or any(mentions.possessive(w) for w in obj[1:]):
        return []  # "the mayor's post": someone else's text
    if any(base(w) in _FOREIGN_OBJECT for w in obj):
        return []  # "a statement from the family", "an interview with Cole", "a warning after a report"
    if toks[v].endswith("ing") or lows[v - 1] in _MODALS or _negated(lows, v):
        return _UNISSUED  # "did not issue", "could issue", "is expected to issue", "denied issuing"
    issuer = _np_before(toks, v) if base(toks[v - 1]) not in CONNECTORS else []
    if not issuer:  # "Critics said the ministry issued a statement saying …" is the ministry's
        clause = toks[:v]
        if base(clause[0]) in _PREPOSITIONS and "," in clause[1:_OPENER_WORDS]:
            clause = clause[clause.index(",") + 1 :]  # "On Tuesday, the ministry, …, issued …"
        issuer = _leading_subject(clause)
    return issuer


def _object_relative(toks: list[str], lows: list[str], i: int, span: int, start: int) -> bool:
    """Is the verb at i inside a relative clause whose pronoun is its object, set off by commas ("The
    report, which Lopez disputed, says …")? Then it frames nothing; "the plan, which officials said would
    fail" still reports what they said."""
    after = toks[i + span] if i + span < len(toks) else ""
    return start > 0 and lows[start - 1] in ("which", "whom") and after == ","


def _subject_start(toks: list[str], i: int, subject: list[str]) -> int:
    """Where the subject of the verb at i begins: right before it, or before an
    appositive ("Rep. Lucille Roybal-Allard, D-Calif., the chairwoman of the
    subcommittee that handles …, said")."""
    n = len(subject)
    for j in range(i - n, -1, -1):
        if toks[j : j + n] == subject:
            return j
    return i - n


def _nobody(toks: list[str], i: int, subject: list[str], k: int) -> bool:
    """Is the subject before the verb at i, starting at k, negative ("Nobody",
    "None of the officials", "Neither the palace nor the government")?"""
    if subject[0].lower() in _NEGATIVE_SUBJECTS:
        return True
    if _NEGATIVE_SUBJECTS.isdisjoint(t.lower() for t in toks[max(0, i - len(subject) - 8) : i]):
        return False
    if toks[k : k + len(subject)] != subject or i - len(subject) - k > _ADVERBS_BETWEEN:
        return False  # the subject stands apart ("The mayor, who has neither …, said")
    before = toks[max(0, k - 3) : k]
    for n in range(len(before) - 1, -1, -1):
        if before[n] in (",", ";") or before[n].lower() in ("and", "but", "or"):
            before = before[n + 1 :]  # "… neither signed nor ratified, the ministry said"; "did not pass and the ministry said"
            break
    return any(t.lower() in _NEGATIVE_SUBJECTS for t in before if t[0].isalnum())


def _content_or_frame(toks: list[str], lows: list[str], i: int, span: int, words: list[str], start: int) -> bool:
    """Content after a verb that needs it, or an "As X reports, …" frame whose content is the clause after."""
    topic = lows[i + span : i + span + 1] == ["about"] and not _quoted_speech(toks, i)  # "fuming about how …"
    if not topic and _has_content(toks, i + span - 1, len(words), _LEMMA.get(lows[i], lows[i])):
        return True
    as_before = (start > 0 and lows[start - 1] == "as") or (lows[0] == "as" and "," not in toks[:i])
    return as_before and toks[i + span : i + span + 1] == [","]


def _told_by(lows: list[str], k: int) -> bool:
    """ "informed by police that …": the agent, then straight away what it told."""
    if lows[k : k + 1] != ["by"]:
        return False
    for j in range(k + 1, min(k + 6, len(lows))):
        if lows[j] == "that":
            return j > k + 1
        if not lows[j][0].isalnum() or lows[j] in _SUBORDINATORS or lows[j] in _RELATIVE or lows[j] == "with":
            return False
    return False


def _quoted_speech(toks: list[str], i: int) -> bool:
    """A quotation before the verb, or after it behind a colon or comma ("“…,” she wrote about the flood")."""
    return QMARK in toks[:i] or any(t == QMARK and toks[k - 1] in (":", ",") for k, t in enumerate(toks[i + 1 :], i + 1))


def _refuses(toks: list[str], k: int) -> bool:
    """Does "deny" at k-1 refuse something rather than deny a claim: a double
    object ("denied Republicans the votes") or a thing asked for ("denied a request")?"""
    after = [t.lower() for t in toks[k : k + 3]]
    first = toks[k] if k < len(toks) else ""
    claimlike = after and (
        base(after[0]) in _CONTENT_NOUNS or base(after[0]) in _TIME or (first.islower() and first.endswith("ly"))
    )
    if len(after) >= 2 and not claimlike and after[0] not in DETERMINERS and after[0][0].isalpha() and after[1] in _ARTICLES:
        return True  # "denied Republicans the votes"; not "denied claims the program was cut", "denied Friday a report"
    if len(after) >= 3 and after[0] in DETERMINERS and after[2] in _ARTICLES:
        return True  # "denied the protesters a permit"
    wider = [t.lower() for t in toks[k : k + 4]]
    return any(base(w) in _REFUSED for w in wider)  # "denied a request", "denied them entry", "a defence motion"


def _told_about(toks: list[str], k: int) -> bool:
    """ "told an audience about …", "told reporters of …": the listener, then a topic."""
    window = toks[k : k + 5]
    topic = next((n for n, t in enumerate(window) if t.lower() in _TOPIC_PREPOSITIONS), None)
    if topic is None or any(not t[0].isalnum() for t in window[:topic]):
        return False
    if any(t.lower() == "that" for t in window[:topic]):
        return False
    if QMARK in toks[:k]:
        return False  # "“…,” Legault told a crowd of about 100 candidates": the quotation is what he told them
    if window[topic].lower() == "about" and window[topic + 1 : topic + 2] and window[topic + 1][0].isdigit():
        return False  # "told a meeting of about 200 residents that …": a count in the listener, not a topic
    return not any(t in (QMARK, ":") for t in toks[k : k + 14])  # "told the BBC about her ordeal: “…”" quotes her


def _disagrees(subject: list[str], lows: list[str], i: int, form: str) -> bool:
    """A bare form that is also a noun ("project", "report") after a singular
    name or body ("the Coastal GasLink project is run by …", "Tesla report")
    with no auxiliary between is that noun: English would write "projects"."""
    lex = lexicon()
    lemma = _LEMMA.get(form)
    if form != lemma or not _has_own_past(lemma):
        return False  # "forecast" is its own past: "Smith forecast growth" is a verb
    if form not in lex.org_nouns and form not in lex.document_nouns and form not in lex.carrier_nouns and form not in _NOUN_FORMS:
        return False  # "Police say", "Staff say": "say" is no noun
    head = subject[-1]
    if not is_cap(head) or base(head) in PRONOUNS or any(base(w) in CONNECTORS for w in subject):
        return False
    if mentions.plural(head) or _known_noun(head):
        return False  # "Researchers report …", "Police report …": a plural or a common noun at the start
    return (lows[i - 1] if i > 0 else "") not in _AUXILIARIES


def _singular_before_bare(subject: list[str], lows: list[str], i: int, form: str) -> bool:
    """ "a democratic say", "an equal say": one thing ("a" and one word) before the bare form of a verb with no
    auxiliary cannot be its subject ("a spokesman says"); "a few say", "a majority say" count people."""
    if len(subject) != 2 or subject[0].lower() not in ("a", "an") or lows[i - 1 : i] != [subject[1].lower()]:
        return False
    head = base(subject[1])
    if head in _COUNT_NOUNS or head in _QUANTIFIED_HEADS or head in _QUANTITY_WORDS:
        return False
    return _LEMMA.get(form) == form and not form.endswith("s") and _has_own_past(form)


_STATEMENT_REACH = 8  # words after the verb within which "in a statement" frames it


def _in_a_statement(lows: list[str], k: int) -> bool:
    """ "praised the council's decision in a statement", "welcomed the ruling in a tweet": the verb names what
    a statement said, so it needs no content of its own (not "in a statement on …" before the verb)."""
    carriers = lexicon().carrier_nouns
    for j in range(k, min(len(lows) - 1, k + _STATEMENT_REACH)):
        if lows[j] in (",", ";", QMARK) or lows[j] in _SUBORDINATORS:
            return False  # the phrase belongs to another clause
        if lows[j] == "in" and lows[j + 1] in ("a", "an", "his", "her", "their", "its"):
            rest = lows[j + 2 : j + 4]
            return bool(rest) and (rest[0] in carriers or (len(rest) > 1 and rest[1] in carriers))
    return False


def _has_own_past(lemma: str) -> bool:
    """Whether a verb's forms include a past different from its bare form."""
    return any(f not in (lemma, lemma + "s", lemma + "es") and not f.endswith("ing") for f in _FORMS_OF.get(lemma, ()))


_NOUN_FOLLOWERS = frozenset((".", ",", ";", "to", "of", "and", "or", "for", "on", "in"))


def _owned_noun(toks: list[str], lows: list[str], i: int, span: int) -> bool:
    """A present form after a possessive and the words that modify it ("Trump's key campaign promises",
    "Biden's campaign promise to forgive") is a noun when what follows suits a noun (an end, "to", "of", a
    verb); "Trump's lawyer claims that …" has a person before it, and "said" is never a noun."""
    low = lows[i]
    lemma = _LEMMA.get(low, low)
    if low not in (lemma, lemma + "s"):
        return False
    nxt = lows[i + span] if i + span < len(lows) else "."
    if nxt not in _NOUN_FOLLOWERS and nxt not in _BE and nxt not in _AUXILIARIES:
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        if j < i - 1 and _possessive(lows[j]):  # at least one modifier between
            return True
        w = toks[j]
        if not (w.isalpha() and w.islower()) or w.endswith("ly") or person_noun(w) or _closed_word(lows[j]):
            return False
    return False


def _closed_word(low: str) -> bool:
    """A function word, which no noun modifier is ("her lawyer has the claims"): a determiner, pronoun,
    preposition, auxiliary or form of "be"."""
    return low in DETERMINERS or low in PRONOUNS or low in _PREPOSITIONS or low in _BE or low in _AUXILIARIES


def _possessive(low: str) -> bool:
    """A possessive word ("Musk's", "the agencies'", "their"); "it's" and "that's" are "it is"."""
    if low in _POSSESSIVES:
        return True
    if low.endswith(("'s", "’s")):
        return low[:-2] not in _IS_CONTRACTIONS
    return len(low) > 2 and low.endswith(("s'", "s’"))


def title_case(toks: list[str]) -> bool:
    """A line set in Title Case or capitals ("Trudeau Says Deal Is Near", "Minister Says a Deal on the
    Future of the Port Is Near"), where verbs have capitals too: short function words may stay lower."""
    words = [t for t in toks if t[:1].isalpha() and len(t) >= 4]
    return len(words) >= 2 and sum(t[0].isupper() for t in words) >= 0.7 * len(words)


def _verb_cue(toks: list[str], lows: list[str], i: int, want_speech: bool) -> Found | None:
    """The attribution made by the verb at token i, if it is one."""
    lex = lexicon()
    n = len(toks)
    low, span = lows[i], 1
    if i + 2 < n and (triple := " ".join(lows[i : i + 3])) in lex.speech_content:
        low, span = triple, 3  # "made the case that", "raised the possibility that"
    elif i + 1 < n and ((pair := low + " " + lows[i + 1]) in lex.speech_core or pair in lex.speech_content):
        low, span = pair, 2
    elif i + 2 < n and lows[i + 1] in _POSSESSIVES and (owned := low + " " + lows[i + 2]) in lex.speech_content:
        low, span = owned, 3  # "expressed his confidence that …": the light verb and its noun, the owner between
    elif low in _MAKE and lows[i + 1 : i + 2] == ["it"]:  # "has made it (very) clear that"
        rest = lows[i + 2 : i + 4]
        span = 3 if rest[:1] == ["clear"] else 4 if rest == ["very", "clear"] else 1
        low = "made clear" if span > 1 else low
    if i > 0 and toks[i][:1].isupper() and not title_case(toks):
        return None  # "Tupperware Brands Corporation": a capital inside a sentence is a name, not a verb
    speech = low in lex.speech_core or low in lex.speech_content
    ruling = low in lex.finding_ruling
    document = low in lex.finding_document
    if speech != want_speech or not (speech or ruling or document or low in lex.finding or low in lex.finding_content):
        return None
    if low == "saying" and i > 3 and lows[i - 2 : i] == ["quoted", "as"] and lows[i - 3] in _BE:
        words = _np_before(toks, i - 3)  # "He was quoted as saying …": the subject said it
        if not words:
            return None
        return Found("quoted as saying", "speech", words, cue_at=i - 2, cue_len=3)
    if low == "saying" and i > 2 and lows[i - 1] in _PERCEIVED and lows[i - 2] in _BE:
        words = _np_before(toks, i - 2)  # "She was heard saying …": the subject said it
        heard = bool(words) and not _negated(lows, i - 2) and _content_or_frame(toks, lows, i, 1, words, i - 2)
        return Found("saying", "speech", words, cue_at=i, cue_len=1) if heard else None  # not "saying goodbye"
    nxt = lows[i + span] if i + span < n else ""
    before = lows[i - 1] if i > 0 else ""
    after_nothing = lows[i + span + 1 : i + span + 2]
    if nxt in _EMPTY_OBJECTS and (
        not after_nothing
        or not after_nothing[0][0].isalnum()
        or after_nothing[0] in _SUBORDINATORS  # "said nothing when asked"
        or (after_nothing[0] in _PREPOSITIONS | _EMPTY_TOPICS and not _denial(lows, i + span + 1))
    ):  # "said nothing about the cost", "said nothing of note"; "said nothing of the sort had been agreed" says
        return None  # "say nothing in public", "said nothing."; not "said nothing had changed"
    if nxt in _SCANT_OBJECTS and (not after_nothing or after_nothing[0] in (".", ";") or after_nothing[0] in _EMPTY_TOPICS):
        return None  # "said little about the cuts", "said little."; not "said little had changed"
    if i > 0 and lows[i - 1] == "having" and (i == 1 or not toks[i - 2][0].isalnum()):
        return None  # "Having said that, the governor failed …": a perfect participle's subject is the main clause's
    if i > 1 and lows[i - 1] == "to" and lows[i - 2] in _REFUSALS:
        return None  # "refused to say whether …": no statement
    if low == "reports" and (nxt in _cue_verbs() or nxt in _BE or nxt in _AUXILIARIES or before in _PREPOSITIONS):
        return None  # "Police reports show …", "news reports have said": the noun
    if (
        span == 1
        and low.endswith("ing")
        and i > 0
        and toks[i - 1][0].isalnum()
        and (nxt in _BE or nxt in _AUXILIARIES or (nxt in _cue_verbs() and low not in lex.finding))
    ):
        return None  # "The court ruling was issued", "the briefing was": a noun; "The court ruling said" is a ruling
    if i > 0 and lows[i - 1] in _BE and not lows[i].endswith("ing"):  # "was saying" is no passive
        if _LEMMA.get(low, low) in _ACT_VERBS and not _told_by(lows, i + span):
            return None  # "was charged by police with assault": an act; "was informed by police that …" is not
        agent = _passive_agent(toks, i + span, low)  # "was confirmed by her son, David Osei"; "was told" has none
        if agent:
            agent.cue_at, agent.cue_len = i, span
        return agent
    if _negated(lows, i) and (speech or low in lex.finding or low in lex.finding_ruling):
        return None  # negated speech or report ("did not say", "did not report"); "did not prove that" stays
    if i > 0 and _possessive(lows[i - 1]):
        return None  # "Musk's tweet the previous month", "their report": a noun after a possessive
    if i > 0 and nxt == "of" and (lows[i - 1] in DETERMINERS or lows[i - 1].isdigit()):
        return None  # "charged with one count of murder", "a report of shots fired": a noun and its "of"
    if _owned_noun(toks, lows, i, span):
        return None  # "Trump's key campaign promises.", "Biden's campaign promise to forgive …": nouns
    if i > 0 and toks[i - 1] == "," and lows[i + span : i + span + 1] in (["and"], ["or"]):
        return None  # "offered advice, quips and commentary": a noun in a list
    if i > 1 and _possessive(lows[i - 2]) and lows[i - 1] in _TIME:
        return None  # "Musk's August tweet"; "Trudeau's office said" is a subject
    progressive = i > 1 and lows[i - 1] in _BE and lows[i].endswith("ing")
    words, title = _subject(toks, i - 1 if progressive else i)  # "She was saying that …"
    described = _described_subject(toks, i)  # "Proponents of remediation agreements say …"
    named = bool(words) and (is_cap(words[-1]) or base(words[-1]) in PRONOUNS)
    if described and words and len(described) > len(words) and described[-len(words) :] == words:
        before = described[-len(words) - 1].lower()  # "Proponents of the plan in Ottawa": Ottawa is an object
        named = named and before not in _DESCRIBING_PREPOSITIONS
    if described and (not words or (not named and len(described) > len(words) and described[-len(words) :] == words)):
        words, title = described, None
    made = [] if described else _document_subject(toks, i)  # "A study published in Nature found …"
    if made and (not words or made[-len(words) :] == words):
        words, title = made, None
    if not described:
        relative = _relative_subject(toks, i)  # "One study that looked at data up to 2015 found"
        embedded = bool(words) and (
            words[0].lower() in _RELATIVE or lows[_subject_start(toks, i, words) - 1] in _RELATIVE
        )  # "The man that police say shot …": police speak
        if relative and not embedded:
            words, title = relative, None  # "The students who met the minister said"; not "… that the mayor said"
    if not words and speech and lows[i].endswith("ing") and i > 0 and toks[i - 1] == "," and i + span < n - 1:
        words = _leading_subject(toks)  # "Tenants sued their landlord, saying he ignored ..."; not "…, tweeting."
    if not words and speech and lows[i].endswith("ing") and i > 1 and lows[i - 1] == "by" and toks[i - 2][0].isalpha():
        words = _leading_subject(toks)  # "Poilievre responded by saying …", "She began by telling reporters …"
    if not words and speech and _coordinated(lows, i):
        words = _clause_subject(toks, lows, i)  # "Advocates welcomed the move but said ..."
        between = lows[len(words) : i]
        if any(
            w == "been" and k + 1 < len(between) and not between[k + 1].endswith("ing") for k, w in enumerate(between)
        ):
            return None  # "Cable had been diagnosed … and told he had months to live": passive, no teller
    inverted = False
    if not words and i > 0 and low not in _TELL:  # "“…,” told the AP": the object of "told" listens
        after = _np_after(toks, i + span)
        end = i + span + len(after)
        closes = (
            end >= n - 1
            or toks[end] in (",", ".")
            and (end + 1 >= n - 1 or _appositive(toks, end) or _closing_aside(toks, end))
        )
        # "“…” said Smith in an interview"; but a pronoun running on is the subject of a clause after
        # a quoted term: "Critics of the “backstop” argue it could …" is not inverted
        lone_pronoun = (len(after) == 1 and after[0].lower() in PRONOUNS and not closes) or after[:1] == ["that"]
        quote_before = (toks[i - 1] in ",.?!" and i > 1 and toks[i - 2] == QMARK) or (
            toks[i - 1] == QMARK and not lone_pronoun
        )
        if after and (quote_before or (toks[i - 1] == "," and closes)):
            words, inverted = after, True
            title = _appositive(toks, end)
            renamed = _np_after(toks, end + 1) if end < n and toks[end] == "," and not is_cap(after[-1]) else []
            if renamed and all(is_cap(w) or base(w) in NAME_PARTICLES for w in renamed) and len(renamed) >= 2:
                # "said his sister, Maria Lopez": the name speaks, the relation is her title
                role = after[1:] if base(after[0]) in DETERMINERS or after[0].lower() in PRONOUNS else after
                words, title = renamed, " ".join(role)
    if not words and i > 0 and toks[i - 1] == QMARK:
        words = _head_before_quoted_term(toks, i - 1)  # "Critics of the “backstop” argue it could …"
    framed = not words and speech and i > 2 and lows[i - 1] == "to"
    if framed:
        words = _framed_infinitive(toks, lows, i)  # "She went on to say …", "He took to Twitter to say …"
    issuer = _issuer(toks, lows, i) if speech and low.endswith("ing") else None
    if issuer is _UNISSUED:
        return None  # "The union could issue a statement saying …": no statement has been made
    if issuer:
        words, title = issuer, None  # "The union put out a statement Monday saying it would strike": the union
    if not words:
        return None
    if _bare_named_carrier(words):
        return None  # "The decision said …": whose decision is not said here
    start = _subject_start(toks, i, words)  # where the subject begins, found once for the checks below
    counted = mentions.count_start(toks, start) if not inverted else start
    if counted < start:
        words, start = toks[counted:start] + words, counted  # "More than half of Americans said": one subject
    object_before = start > 0 and lows[start - 1].endswith("ed") and lows[start - 1].isalpha()
    if not inverted and nxt in ("", ".", "!") and start > 0 and lows[start - 1] in _PREPOSITIONS - {"like"}:
        return None  # "… a case of more promises.": a noun ending a prepositional phrase; "or so X said." is a tag
    if (low == "reports" or low in _NOUN_FORMS) and not inverted and object_before:
        return None  # "The minister dismissed media reports the deal was dead", "challenged the ACE rule": objects
    if len(words) == 1 and mentions.uncontracted(words[0].lower())[0] in _NO_HOLDER - {"it", "you"}:
        return None  # "This implies that …", "That suggests …", "Here’s hoping …": the writer's, nobody's statement
    if not inverted and _nobody(toks, i, words, start):
        return None  # "Nobody confirmed …", "Neither the palace nor the government confirmed …": no statement
    lone = words[0] if len(words) == 1 and words[0].islower() else ""
    if lone and person_noun(lone) and not mentions.plural(lone) and base(lone) not in _COLLECTIVE:
        return None  # "earnings above analyst forecasts": a singular noun with no determiner is a modifier
    if len(words) == 1 and words[0].islower() and base(words[0]) in lex.titles and not person_noun(words[0]):
        return None  # "an email with general comments": a lower-case title word alone is an adjective
    if _LEMMA.get(low) == "deny" and not inverted and _refuses(toks, i + span):
        return None  # "denied Republicans the votes", "denied a request by the district": a refusal, not a denial
    if low in _TELL and not inverted and _told_about(toks, i + 1):
        return None  # "Colton told an audience about the first time …": a topic, not what was said
    if not inverted and _singular_before_bare(words, lows, i, low):
        return None  # "have a democratic say", "wants a say": "a" and a bare verb do not agree, "say" is a noun
    if not inverted and _disagrees(words, lows, i, low):
        return None  # "the Coastal GasLink project is run by …": a bare verb form after a singular name is a noun
    pronoun, contracted = mentions.uncontracted(words[-1].lower())
    if words[-1] == "US":
        pronoun = ""  # "Officials in the US fear …": the country, not the writer's "us"
    hedged = low in lex.belief or contracted or (i > 0 and lows[i - 1] in _HEDGING_MODALS)
    if pronoun in _FIRST_PERSON and not inverted and (hedged or (speech and QMARK not in toks)):
        return None  # "I believe …", "I’d say …", "We have long argued …": the writer's own view (GUIDE);
    # "“…,” I said" keeps the writer as the quotation's speaker
    consensus = low in lex.belief or _LEMMA.get(low) == "agree"
    if consensus and (base(words[0]) in _EVERYONE or (pronoun == "it" and low.endswith("ing"))):
        return None  # "Everyone agrees that …", "Everyone knows …", "It is worrying that …": the writer's view
    if low in lex.belief and (pronoun == "you" or base(words[0]) in _RELATIVE or toks[-1:] == ["?"]):
        return None  # "You think the worst is over", "Who would have thought …?": no one's view in particular
    if low in lex.belief and i > 0 and (
        lows[i - 1] in DETERMINERS or lows[i - 1] in _PREPOSITIONS or lows[i - 1] + " " + low in lex.speech_content
    ):
        return None  # "in hopes that", "in the hope that", "the fear that", "Expressing hope that": the noun
    if _object_relative(toks, lows, i, span, start):
        return None  # "The report, which Lopez disputed, says …": the verb's object is the relative pronoun
    loose_report = low in ("reports", "reporting") and (nxt in _PREPOSITIONS or nxt.endswith("ly"))
    # "is saying goodbye", "are promising", "were arguing" say nothing by themselves; "is urging Council to
    # consider …" does, as "urged" would: a directive with its object and infinitive
    directive = low.replace(" ", "_") in _DIRECTIVES and (span > 1 or "to" in lows[i + 1 : i + 5])  # "is calling for"
    pleaded = _LEMMA.get(low, low) in _PLEADING and "guilty" not in lows[i + span : i + span + 3] and any(
        w == "to" and k + 1 < n and lows[k + 1].isalpha() and lows[k + 1] not in DETERMINERS and lows[k + 1] not in _POSSESSIVES
        for k, w in enumerate(lows[: i + span + 6]) if k >= i + span
    )  # "pleaded with the council to keep …", "begged people to stay"; not "pleaded guilty to two counts"
    progressive_plain = progressive and not directive
    needs_content = (
        low in lex.speech_content or low in lex.finding_content or progressive_plain or loose_report or framed
    )  # "reports directly to the chief", "reports on climate change" say nothing; "reports 45 new cases" does;
    # "came to say goodbye" says nothing
    at = (i - 1 if progressive else i) - len(words) - 1  # the comma before the subject ("…, CNN is reporting.")
    trailing = not inverted and _closing_tag(toks, at, i + span)  # "..., study finds": the content comes first
    lemma = lex.speech_content.get(low)
    characterised = (
        (lemma in _CHARACTERISING and _characterises(toks, i + span - 1))
        or (lemma in _CHARGING and _charges(toks, i + span - 1))
        or (_LEMMA.get(low) == "find" and any(t in _VERDICTS for t in lows[i + span : i + span + 5]))
    )  # "the jury found him guilty": a verdict
    aside = (  # "The tax cut, he added, would return …": a tag set off inside its content
        not inverted
        and at > 0
        and toks[at] == ","
        and len(words) <= 3
        and i + span < n - 2
        and toks[i + span] == ","
        and not _opener(toks, at)
    )
    content = inverted or trailing or aside or characterised or _content_or_frame(toks, lows, i, span, words, start)
    # "The poll found 45 percent of voters …", "The audit found irregularities": what a text finds is its content
    found_by_text = (
        low in lex.finding_content
        and bool(words)
        and base(words[-1]) in lex.document_nouns
        and nxt not in _PREPOSITIONS  # "A recording found on his phone": a participle, not a finding
        and nxt not in _TIME
        and nxt not in _TIME_LEADS  # "The files found yesterday", "The documents found last week"
        and nxt not in _POSSESSIVES  # "The report found its way to reporters": an idiom
        and nxt not in _IDIOM_OBJECTS  # "The study found favour with ministers"
    )
    if needs_content and not content and not found_by_text and not pleaded and not _in_a_statement(lows, i + span):
        return None
    if ruling and not any(base(w) in lex.rulers for w in words):
        return None  # "the company ordered 50 planes" is no ruling
    if document and not speech and low not in lex.finding_content and not any(base(w) in lex.document_nouns for w in words):
        opening = _leading_subject(toks)
        if not (opening and base(opening[-1]) in lex.document_nouns and i < 16):
            return None  # "the audit identified ...", not "police identified the victim"
        words, start = toks[:i], 0  # "A poll released last week by the University of Nevada showed ..."
    k = start - 1
    before_subject = lows[k] if not inverted and k >= 0 else ""
    if not inverted and len(words) > 1 and words[0].lower() in _RELATIVE and is_cap(words[1]):
        before_subject, words = words[0].lower(), words[1:]  # "worried that Caelynn would say": embedded
    qualified_as = before_subject == "as" and k > 0 and lows[k - 1] in ("even", "just")
    said_was = lows[i + span : i + span + 1] in (["was"], ["is"])  # "What the minister said was that …"
    noun_clause = before_subject == "what" and not said_was and (i + span >= n or toks[i + span] != QMARK)
    if before_subject in _EMBEDDING or any(w.lower() in _EMBEDDING for w in words):
        return None  # "declined to say whether the minister said …": an embedded question, no statement
    if before_subject in _SUBORDINATORS or qualified_as or noun_clause:  # "what he said about Uber" names no claim
        return None  # "..., even as they announced job cuts", "after the company reported": not the frame
    ahead = toks[i + span : i + span + 6]
    colon = ahead.index(":") if ":" in ahead else -1  # "As he said in 2016: “…”"
    introduces = ahead[:1] == [QMARK] or (colon >= 0 and ahead[colon + 1 : colon + 2] == [QMARK] and "," not in ahead[:colon])
    embedded = (before_subject in _RELATIVE and not said_was) or (
        before_subject == "as" and not introduces
    )  # "as officials said" ~ "according to"; "As one veteran commented: “…”" quotes them
    if (
        speech
        and lex.speech_content.get(low) in _FINDING_WHEN_DOCUMENT
        and any(base(w) in lex.document_nouns for w in words)
    ):
        embedded = True  # "a study suggests that ...": a finding, a sourced fact
    kind = "finding" if embedded or not speech or _ruling_head(words) else "speech"  # "Her ruling said"  # "the plan, which officials said would ..."
    return Found(" ".join(toks[i : i + span]), kind, words, title=title, cue_at=i, cue_len=span)


def _via(outside: str) -> str | None:
    for m in _VIA.finditer(outside):
        name = m.group(1).rstrip(".")
        if name.lower() in _TIME:
            continue
        cue = m.group(0).split()[0].lower()
        if cue == "told" and mentions.classify_proper(name.split()) == "person":
            continue
        return name
    return None
