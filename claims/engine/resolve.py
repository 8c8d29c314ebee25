"""Speakers within one article: pronouns, surnames, "Mr Khan" and role nouns
("the judge", "the secretary of state") resolve to one canonical source.

Two people who share a surname stay apart: a bare surname goes to the one
mentioned most recently.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from itertools import islice

import regex  # \p{Lu}: names outside ASCII ("Émile", "Ökobank") are names too

from claims.engine.doc import ABBR_DOT
from claims.engine.lexicon import lexicon, member_groups, title_abbreviations, typed_bodies, words
from claims.engine.mentions import (
    BODY_PREPOSITIONS,
    BODY_ROLES,
    DETERMINERS,
    NAME_PARTICLES,
    SPOKES_ROLES,
    Parsed,
    base,
    classify_proper,
    countries,
    demonym,
    drop_openers,
    epithet,
    first_name,
    head_noun,
    is_cap,
    office_plural,
    person_noun,
    personal_tail,
    plural,
    possessive,
    unpossessed,
)
from claims.engine.model import BODY_KINDS, Source

_NAME_RUN = regex.compile(
    r"\b\p{Lu}[\w’'\-]+(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\w’'\-]+|(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\b))+"
)
_COMPANY_NAME = regex.compile(
    r"((?:(?:\p{Lu}[\w&.’'\-]*|&)[ \t]+){1,4})(?:Inc|Corp|Co|Ltd|LLC|PLC|Group|Holdings|Corporation|Bancorp)\b"
)
_CAP_WORD = regex.compile(r"\b\p{Lu}[\w’'\-]*")
_FEMALE_MARKERS = words("female_markers")
_SHE = frozenset(("she", "her", "hers", "herself"))
_HE = frozenset(("he", "him", "his", "himself"))
_PLACE_NOUNS = words("place_nouns")  # "the city", "the province": a place, not the last body named
_PLACES = countries()
_LOOKBACK = 12_000  # characters back (about two articles' worth) that a role noun or "the company" looks for its name
_SALIENCE = 40  # sources touched last that a pronoun, a role noun or "the company" may point to
_MALE_MARKERS = words("male_markers")
_PLACE_AFTER = regex.compile(
    r"\b(?:" + "|".join(sorted(words("place_prepositions"))) + r")\s+(\p{Lu}[\w’'\-]*(?:[ \t]+\p{Lu}[\w’'\-]*)*)"
)
_THING_HEADS = words("thing_heads")
_LEAD_CHARS = 160  # an opening adverbial before the subject is shorter than this
_CLAUSE_LEADS = words("prepositions") | words("subordinators")
_VIEW_SENTENCES = 2  # sentences back whose fully named people a pronoun may point to
_SPEAKER_VIEW = 3  # sentences back in which the last speaker keeps "he said" when no one is named after
_DESCRIBED_VIEW = 5  # sentences back with no named person, for "she" to be the described person who spoke last
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Mx|Sir|Dame)\b")
_CORPORATE_SUFFIX = re.compile(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|Group|Holdings|Company|Corporation)\b")
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\b")  # "Benton, 61"
_WORD_BEFORE = re.compile(r"(\w+),?\s+\Z")  # "her daughter, Grace"
_TITLE_BEFORE = regex.compile(r"\b(\p{L}+)(\.?)[ \t]+\Z")  # "President Trump", "Sen. Cochran"
_HE_OR_SHE_AFTER = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?:he|she)\b")  # "Carter said he was innocent"
_IT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?:it|its)\b")  # "Microsoft said it would fight …"


_PUNCTUATION = re.compile(r"[^\w\s]")
_CORPORATE = re.compile(r"\s+(?:inc|corp|co|ltd|llc|plc|company|corporation)\.?$")


def _norm(name: str) -> str:
    """Comparison form of a name: case, punctuation and "Inc." folded."""
    return _CORPORATE.sub("", " ".join(_PUNCTUATION.sub(" ", name.lower()).split()))


@lru_cache(maxsize=1024)
def _role_pattern(role: str) -> re.Pattern[str]:
    return regex.compile(r"\b(?i:" + re.escape(role) + r")[ \t]+((?:\p{Lu}[\w’'\-]+[ \t]?){1,3})")


@lru_cache(maxsize=1024)
def _body_pattern(head: str) -> re.Pattern[str]:
    """A capitalised name ending with `head`, or continuing after it with "of …"
    ("International Union of Operating Engineers", "Bank of Canada"); a name
    never runs over a line break (a Title Case headline is not part of it)."""
    return regex.compile(
        r"((?:\p{Lu}[\w.’'\-]*[ \t]+(?:(?:and|&)[ \t]+(?=\p{Lu}))?){0,5})"
        + re.escape(head)
        + r"\b((?:[ \t]+of(?:[ \t]+the)?(?:[ \t]+\p{Lu}[\w.’'\-]*)+)?)"
    )


@lru_cache(maxsize=256)
def _indefinite_pattern(head: str) -> re.Pattern[str]:
    """ "a new report", "Another report": an indefinite mention that brings in a document of its own."""
    return re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:\w+\s+){0,2}" + re.escape(head.lower()) + r"\b")


@lru_cache(maxsize=256)
def _document_pattern(head: str) -> re.Pattern[str]:
    """Capitalised words, then a document noun in either case ("Field Poll", "Suburbtrends report")."""
    return regex.compile(r"((?:\p{Lu}[\w.’'\-]*[ \t]+){1,4})(" + re.escape(head.capitalize()) + "|" + re.escape(head.lower()) + r")\b")


@lru_cache(maxsize=4)
def _noun_then_name(nouns: str) -> re.Pattern[str]:
    return regex.compile(rf"\b(?:{nouns})[ \t]+((?:(?:\p{{Lu}}[\w&’'\-]*|&)[ \t]?){{1,4}})")


def _names_before_suffixes(text: str) -> set[str]:
    """Every run of capitalised words the text writes before "Inc.", "Corp." …,
    and its shorter tails ("Acme Widget Corp." -> "Acme Widget", "Widget")."""
    out: set[str] = set()
    for m in _CORPORATE_SUFFIX.finditer(text):
        words = text[max(0, m.start() - 120) : m.start()].split()[-4:]
        k = len(words)
        while k > 0 and words[k - 1][:1].isupper():
            k -= 1
        run = words[k:]
        out.update(" ".join(run[i:]) for i in range(len(run)))
    return out


_Titled = tuple[int, str, str]  # where a name is written, the name, and the title written with it


def _full_names(text: str) -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[_Titled]]]:
    """Every full personal name the text writes, by surname, built in one pass:
    runs of capitalised words without the openers, titles and honorifics that
    precede them ("But Green", "DUP MP Nigel Dodds" -> "Nigel Dodds"); and, by
    the head word of the title, the names written after one ("coach Ange
    Postecoglou", "EPA Administrator Michael Regan"), which are people's even
    when the first name is not a common one, and whom a role noun stands for."""
    lex = lexicon()
    out: dict[str, list[tuple[int, str]]] = {}
    titled: dict[str, list[_Titled]] = {}
    for m in _NAME_RUN.finditer(text):
        opened = m.group().split()
        parts = drop_openers(opened)
        unopened = len(parts) == len(opened)  # no "But", "Knowing" glued before the name
        last = len(parts) - 1  # a surname may be a title word too ("Robert Major", "Maura Dean")
        cut = max(
            (
                k + 1
                for k, w in enumerate(parts)
                if (base(w) in lex.titles or base(w) in lex.honorifics or (k < last and office_plural(base(w))))
                and (k < last or k == 0 or base(parts[k - 1]) in lex.titles or base(parts[k - 1]) in lex.honorifics)
            ),
            default=0,
        )
        owner = max((k + 1 for k, w in enumerate(parts[:-2]) if possessive(w)), default=0)
        cut = max(cut, owner)  # "Plaid's Rhun ap Iorwerth": whom he works for is no part of his name
        title = parts[:cut]
        parts = parts[cut:]
        parts = _without_openers(parts)
        if len(parts) >= 3 and _AFTER_BODY_PREPOSITION.search(text, max(0, m.start() - 8), m.start()):
            parts = personal_tail(parts)  # "Inspector General of Police Gilbert Masengeli": not "Police Gilbert …"
        if len(parts) < 2 or len(parts) > 4 or classify_proper(parts) != "person":
            continue
        if base(parts[-1]) in lex.titles and (demonym(parts[-2]) or not first_name(parts[0])):
            continue  # "Kenyan President", "(Home) Affairs Minister": a role, no one's name; "Robert Major" is one
        parts[-1] = unpossessed(parts[-1])
        name = " ".join(parts)
        out.setdefault(parts[-1], []).append((m.start(), name))
        if unopened and m.start() > 1 and text[m.start() - 1] == " " and text[m.start() - 2] in _TITLE_ENDS:
            title = _title_before(text, m.start()) + title  # a lower-case or abbreviated title right before
        elif title and unopened and text[max(0, m.start() - 4) : m.start()] in (" of ", "the "):
            owner = _BODY_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if owner:  # "Bank of England Governor Mark Carney": the body's words belong to the title
                title = [*owner.group(1).split(), *title]
        if not title and text[m.end() : m.end() + 1] == ",":
            title = _title_after(text, m.end())
        if title and not plural(title[-1]):  # "Senators Ask White House": a headline's plural, no one's title
            head = _title_head(title[-1])
            titled.setdefault(head, []).append((m.start(), name, " ".join(title)))
    return out, titled


def _person_title(word: str, stop: bool) -> bool:
    """A title or honorific that only a person carries before a name ("President", "Sen.", "Mr"); with a
    full stop only an abbreviation ("Sen. Cochran"), for "… its CFO. Huawei" ends a sentence."""
    lex, b = lexicon(), base(word)
    abbreviated = b in title_abbreviations() or b in lex.honorifics
    return word[:1].isupper() and (abbreviated or (not stop and b in lex.titles))


def _near(runs: list[_Titled], position: int) -> list[_Titled]:
    """The titled names written within reach of a position (a role looks back as far as
    a role noun does, and a little ahead for a headline's), so the cost per mention stays flat."""
    lo = bisect.bisect_left(runs, (position - _LOOKBACK, ""))
    hi = bisect.bisect_left(runs, (position + _LOOKBACK // 4, ""))
    return runs[lo:hi]


def _title_head(word: str) -> str:
    """A title word as the role nouns that stand for it are written: "Gov." is "governor"."""
    return title_abbreviations().get(base(word), base(word))


def _holds_title(title: str, head: str) -> bool:
    """Does a person's title name this role ("Gov." the governor, "chief executive" the executive),
    not a lesser or past one ("Lt. Gov.", "Vice President", "former mayor")?"""
    words = {_title_head(w) for w in title.replace("-", " ").split()}
    if words & _QUALIFIERS:
        return False
    return head in title.lower() or head in words


def _title_words(title: str) -> set[str]:
    """The words of a title, abbreviations written out ("Lt. Gov." -> lieutenant, governor)."""
    return {_title_head(w) for w in title.split()}


_BODY_BEFORE = regex.compile(r"((?:\p{Lu}[\w.’'\-]*[ \t]+)+)of[ \t]+(?:the[ \t]+)?\Z")
_AFTER_BODY_PREPOSITION = re.compile(r"\b(?:" + "|".join(sorted(BODY_PREPOSITIONS)) + r")\s+(?:the\s+)?\Z")
_TITLE_WORDS_BEFORE = 4
_TITLE_ENDS = frozenset("abcdefghijklmnopqrstuvwxyz.")  # the last letter of "coach" or "Gov." before a name  # "Ontario PC leader Doug Ford": the title before a name, as far back as this


_APPOSITIVE = regex.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+)?([^,.;:()\n]{1,80})")
_TITLE_REACH = 4  # the title's head comes within this many words of the appositive's start


def _title_after(text: str, at: int) -> list[str]:
    """The title an appositive gives the name that ends at `at` ("Brian Keating, the
    mayor of Marystown," -> "Marystown mayor"): its head, after the capitalised
    words of the body named after "of", "for" or "at"."""
    m = _APPOSITIVE.match(text, at)
    if not m:
        return []
    words = m.group(1).split()
    lex = lexicon()
    head = next((k for k, w in enumerate(words[:_TITLE_REACH]) if base(w) in lex.titles and w[:1].islower()), None)
    if head is None:
        return []
    body = [w for w in words[head + 1 :] if w[:1].isupper()] if words[head + 1 : head + 2] in (["of"], ["for"], ["at"]) else []
    return [*body, *words[: head + 1]]  # written as a title before a name would be: "Marystown mayor"


def _title_before(text: str, at: int) -> list[str]:
    """The lower-case or abbreviated title written right before a name and its
    capitalised modifiers ("PCB chairman", "Socceroos coach", "Ohio Gov."), or nothing."""
    lex = lexicon()
    words = text[max(0, at - 80) : at].split()
    if not words or base(words[-1]) not in lex.titles or not (words[-1][:1].islower() or words[-1].endswith(".")):
        return []  # "coach Ange Postecoglou", "Gov. Dannel P. Malloy" (a capitalised title is in the run itself)
    out = [words[-1]]
    for w in reversed(words[-_TITLE_WORDS_BEFORE:-1]):
        if not w[:1].isupper() or w[-1:] in ".,;:" or base(w) in lex.starters:
            break
        out.insert(0, w)
    return out


_HYPERNYMS = words("body_hypernyms")
_LEADER_NOUNS = words("leader_nouns")
_QUALIFIERS = words("title_qualifiers")  # "Lt. Gov." is not the governor, a former mayor not the mayor
_TYPED_BODIES = typed_bodies()
_INDEFINITE = words("indefinite_determiners")  # "a police officer": someone
_NAMED_INSTITUTIONS = words("named_institutions")


def _without_openers(words: list[str], also: frozenset[str] = frozenset()) -> list[str]:
    """A capitalised run without the sentence openers (and the other words given) that
    precede its name: "But Green", "The new Field Poll" -> "Field Poll"."""
    k = 0
    while k < len(words) and (base(words[k]) in lexicon().starters or base(words[k]) in also):
        k += 1
    return words[k:]


def _acronym(name: str) -> bool:
    """A name written as its initials ("NYPD", "SEC", "MoD"), which hides its noun."""
    return " " not in name and sum(c.isupper() for c in name) >= 2 and name[:1].isupper()


def _words_of(name: str) -> set[str]:
    """The words of a name, as compared with a generic noun ("bank" in "Bank of Canada", not in "Banks")."""
    return {base(w) for w in name.split()}


def _name_head(name: str) -> str:
    """The head word of a body's name: "Bank" in "Bank of Canada", "Department" in "Health Department"."""
    return name.split(" of ")[0].split()[-1]


def _name_tail(words: list[str]) -> list[str]:
    """The "of …" words that belong to a body's name: up to a title, the end of
    the sentence or five words ("Bank of Canada Governor Tiff Macklem" -> "of Canada")."""
    out: list[str] = []
    for w in words:
        if w[:1].isupper() and (base(w) in lexicon().titles or len(out) >= 5):
            break
        if w.endswith(".") and w[:-1].lower() not in ABBR_DOT:
            out.append(w[:-1])  # the sentence's period, not the name's
            break
        out.append(w)
    return out if any(w[:1].isupper() for w in out) else []


class Registry:
    """The sources of one article, with the salience needed for pronouns."""

    def __init__(self, text: str, sentence_starts: list[int] | None = None) -> None:
        self.text = text
        self._starts = sentence_starts or [0]
        self.sources: list[Source] = []
        self._by_key: dict[str, Source] = {}
        self._recent: dict[int, Source] = {}  # id -> source, most recent last
        self._stamp: dict[int, int] = {}  # id -> when last touched
        self._clock = 0
        self._by_word: dict[str, list[Source]] = {}  # each word of a person's name -> those people
        self._by_alias: dict[str, Source] = {}
        self._candidates: dict[str, list[tuple[int, str]]] | None = None
        self._titled: dict[str, list[_Titled]] = {}  # title head -> the names written with such a title
        self._titled_names: frozenset[str] = frozenset()
        self._all_titled_runs: list[_Titled] | None = None
        self._gender_seen: dict[int, str] = {}
        self._mentioned: dict[str, list[int]] | None = None  # capitalised word -> its positions
        self._introduced: frozenset[str] | None = None
        self._companies: frozenset[str] | None = None
        self._named_runs: list[tuple[int, str]] | None = None
        self._name_counts: Counter[str] | None = None
        self._cap_words: list[tuple[int, str]] = []
        self._places: frozenset[str] | None = None
        self._speaker: tuple[Source, int] | None = None  # the person who spoke last, and where

    def spoke(self, src: Source, position: int) -> None:
        """Record who spoke in the sentence at `position`: "he said" after it is
        them before anyone else that sentence named ("Each charge against Emery
        carries …, Lohmar said. … “…,” he said": Lohmar)."""
        if src.kind == "person":
            self._speaker = (src, position)

    def _continuing_speaker(self, people: list[Source], position: int) -> Source | None:
        """The last speaker, when no one is named after the sentence they spoke in."""
        if self._speaker is None or not people:
            return None
        speaker, spoken_at = self._speaker
        if speaker not in people:
            return None
        k = self._sentence_at(position)
        said = self._sentence_at(spoken_at)
        if said < k - _SPEAKER_VIEW:
            return None
        after = self._starts[said + 1] if said + 1 < len(self._starts) else len(self.text)
        if self._last_mention(people[0], position) >= after:
            return None  # someone named since: "Lohmar said …. Emery fled. He said …" is open again
        return speaker

    # -- helpers -----------------------------------------------------------
    def _sentence_at(self, position: int) -> int:
        """The index of the sentence a text position falls in."""
        return bisect.bisect_right(self._starts, position) - 1

    def _salient_people(self, position: int, wanted: str | None = None) -> list[Source]:
        """The people in view at a position (of one gender, when given), most salient first."""
        self._bring_into_view(position)
        people = [s for s in self._people() if wanted is None or self._gender(s) in (wanted, None)]
        people.sort(key=lambda s: self._salience(s, position), reverse=True)
        return people

    def _touch(self, src: Source) -> Source:
        self._recent.pop(id(src), None)
        self._recent[id(src)] = src
        self._clock += 1
        self._stamp[id(src)] = self._clock
        return src

    def _latest(self, limit: int = _SALIENCE) -> list[Source]:
        """The sources touched last, most recent first: only these are salient
        enough for a pronoun or a role noun, which keeps the cost per mention flat."""
        return list(islice(reversed(self._recent.values()), limit))

    def _index_person(self, src: Source) -> None:
        for w in src.name.split():
            bucket = self._by_word.setdefault(w, [])
            if src not in bucket:
                bucket.append(src)

    def _add(self, name: str, kind: str, title: str | None, alias: str | None) -> Source:
        src = Source(name, kind, title, [])
        self.sources.append(src)
        self._by_key[(kind if kind != "person" else "p") + ":" + _norm(name)] = src
        if kind == "person":
            self._index_person(src)
        if alias:
            self._alias(src, alias)
        return src

    def _alias(self, src: Source, alias: str) -> None:
        if alias and alias != src.name and alias not in src.aliases:
            src.aliases.append(alias)
            self._by_alias.setdefault(src.kind + ":" + _norm(alias), src)

    def _people(self) -> list[Source]:
        return [s for s in self._latest() if s.kind == "person"]

    def _people_named(self, word: str) -> list[Source]:
        """People whose name holds a word, most recently touched first."""
        return sorted(self._by_word.get(word, ()), key=lambda s: -self._stamp.get(id(s), 0))

    def _index(self) -> dict[str, list[tuple[int, str]]]:
        if self._candidates is None:
            self._candidates, self._titled = _full_names(self.text)
            self._titled_names = frozenset(name for runs in self._titled.values() for _, name, _ in runs)
        return self._candidates

    def _is_titled(self, name: str) -> bool:
        """Whether the text writes a title before this name ("coach Ange Postecoglou")."""
        self._index()
        return name in self._titled_names

    def _role_holder_named(self, p: Parsed, position: int) -> tuple[str, str] | None:
        """The named person a definite role mention stands for ("the president",
        "the TTC CEO", "The Wyoming Republican", "the governor of the Bank of
        England"); an indefinite one ("A senator said privately") is someone unnamed."""
        if p.kind not in ("anonymous", "organization") or p.pronoun or base(p.mention.split()[0]) in _INDEFINITE:
            return None
        role = p.name.split()
        body = None
        if p.title and p.kind == "organization":  # "the governor of the Bank of England", "Tesco's chief executive"
            if base(p.title.split()[-1]) in BODY_ROLES:
                return None  # "a lawyer for the union" speaks for the union (GUIDE)
            body = [w for w in role if is_cap(w)]
            role = [*body, *p.title.split()]
        elif p.title:
            return None
        elif len(role) > 2 and role[-1][:1].isupper() and base(head_noun(role)) in lexicon().titles:
            head_word = head_noun(role)  # "mayor of a small town in Newfoundland": the mayor, of Newfoundland
            role = [*(w for w in role if is_cap(w)), head_word]
        head = base(role[-1])
        if plural(role[-1]) or head in SPOKES_ROLES:
            return None  # "Senators", "officials": people, not the one person titled so; a spokesman speaks for a body
        if head not in lexicon().titles and member_groups().get(head + "s") != "parties":
            return None
        if p.kind == "organization" and not any(is_cap(w) for w in role[:-1]):
            return None
        return self.title_holder(role, position, body)

    def _all_titled(self) -> list[_Titled]:
        """Every titled name of the text, in text order (built once)."""
        if self._all_titled_runs is None:
            self._all_titled_runs = sorted(r for group in self._titled.values() for r in group)
        return self._all_titled_runs

    def title_holder(self, role: list[str], position: int, body: list[str] | None = None) -> tuple[str, str] | None:
        """The person a role noun stands for ("the president", "EPA chief", "The
        Ontario PC leader") and their title as written: someone the text names
        with a title of the same head word; with several such people, those
        whose title shares most of the role's other words; never a lesser or past
        office ("Lt. Gov."), and for a role of a named body only a holder whose
        title names it. The last named before the position, else the first after
        (a headline's role)."""
        self._index()
        head, wanted = base(role[-1]), {base(w) for w in role[:-1]}
        runs = _near(self._titled.get(head, []), position)
        if head in _LEADER_NOUNS and wanted:  # "PCB chief": the PCB's chairman, whatever the title
            runs = _near(self._all_titled(), position)
        elif member_groups().get(head + "s") == "parties":  # "the Wyoming Republican": a member titled so
            runs = [r for r in _near(self._all_titled(), position) if head in _title_words(r[2])]
        several = len({name for _, name, _ in runs}) > 1
        if (several and wanted) or head in _LEADER_NOUNS:
            best = max((len(wanted & _title_words(title)) for _, _, title in runs), default=0)
            runs = [r for r in runs if best and len(wanted & _title_words(r[2])) == best]
        runs = [r for r in runs if not (_title_words(r[2]) & _QUALIFIERS) - wanted]  # not "Lt. Gov."
        if body:  # "the president of Acme Motors" is not President Joe Biden: the body's own word is in the title
            runs = [r for r in runs if base(body[-1]) in _title_words(r[2])]
        if not runs:
            return None
        earlier = [r for r in runs if r[0] < position]
        _, name, title = earlier[-1] if earlier else runs[0]
        return name, title

    def _full_name_for(self, token: str, before: int) -> str | None:
        """A full name in the text that ends with a lone surname ("Nadeau" ->
        "Marie Nadeau"): of those written before the position (else after), the
        one written most often, then the latest. A story about Robert Major that
        names his son Brenden Major once means Robert by "Major"."""
        options = self._index().get(token, [])
        if not options:
            return None
        k = bisect.bisect_left(options, (before, ""))  # the index lists each surname's names in text order
        earlier = options[:k] or options
        if self._name_counts is None:
            self._name_counts = Counter(n for runs in self._index().values() for _, n in runs)
        counts = self._name_counts
        latest = {n: k for k, (_, n) in enumerate(earlier)}
        return max(latest, key=lambda n: (counts[n], latest[n]))

    # -- resolution ---------------------------------------------------------
    def bound(self, pronoun: Parsed, subject: Parsed, position: int) -> Source | None:
        """The person a "he"/"she" inside a sentence refers to when the sentence
        opens with that person as its subject ("Colton told an audience about the
        time he admitted …", "While Scheer has said …, he has made clear …"),
        if the gender allows it."""
        src = self.resolve(subject, position)
        wanted = "f" if pronoun.name in ("she", "her") else "m"
        if src is None or src.kind != "person" or self._gender(src) not in (wanted, None):
            return None
        self._gender_seen[id(src)] = wanted
        return src

    def resolve(self, p: Parsed, position: int) -> Source | None:
        """The canonical source for a parsed mention at a text position."""
        if p.pronoun:
            if p.name in ("he", "him", "she", "her"):
                wanted = "f" if p.name in ("she", "her") else "m"
                people = self._salient_people(position, wanted)
                described = self._described_in_view(people, position)
                if described is not None:  # "Another parent said she … “…,” she said": the parent
                    return self._touch(described)
                continuing = self._continuing_speaker(people, position)
                if continuing is not None:
                    self._gender_seen[id(continuing)] = wanted
                    return self._touch(continuing)
                if people:
                    self._gender_seen[id(people[0])] = wanted  # "she said" tells us about her
                return self._touch(people[0]) if people else None
            if p.name in ("they", "them", "it", "we"):
                # "it" is a body, a paper or an outlet, never "sources familiar with the situation"
                groups = ("anonymous", "unspecified") if p.name == "it" else ()
                others = [s for s in self._latest() if s.kind != "person" and s.kind not in groups]
                return self._touch(others[0]) if others else None
            return None
        lone = p.mention.split()
        if len(lone) == 1 and lone[0][:1].isupper():
            for s in self._latest():  # "The Post said" after "The Washington Post": that outlet
                if s.kind in ("organization", "media") and len(s.name.split()) > 1 and s.name.split()[-1] == lone[0]:
                    return self._touch(s)
        if p.kind == "person":
            return self._touch(self._person(p, position))
        if len(lone) == 1 and lone[0][:1].isupper() and self._people_named(unpossessed(lone[0])):
            return self._touch(self._people_named(unpossessed(lone[0]))[0])  # "Major said" after "Robert Major"
        if len(lone) == 1 and lone[0][:1].isupper() and p.kind == "anonymous" and lone[0].lower() not in member_groups():
            full = self._full_name_for(unpossessed(lone[0]), position)  # not "Republicans": a group, no surname
            if full:  # "Major previously testified": the surname of "Robert Major", not the rank
                return self.resolve(Parsed(p.mention, full, "person"), position)
        if p.kind == "organization" and p.title and len(p.name.split()) == 1:
            full = self._full_name_for(unpossessed(p.name), position)
            if full and full != p.name:  # "a spokesman for Pelosi" after "House Speaker Nancy Pelosi": her
                return self.resolve(Parsed(p.mention, full, "person", p.title), position)
            if self._introduced_as_person(p.name):  # "… McConnell said he …": a person, known by surname
                return self._touch(self._add_person(Parsed(p.mention, p.name, "person", p.title)))
        if p.carrier:
            latest = self._latest()
            if latest and latest[0].kind == "person" and self._issued_before(latest[0], p.name, position):
                return self._touch(latest[0])  # "Pastor praised the vote in a statement. … the statement read"
            bodies = [s for s in latest if s.kind in BODY_KINDS]
            return self._touch(bodies[0]) if bodies else None
        if p.kind == "anonymous" and len(lone) <= 2 and base(lone[-1]) in SPOKES_ROLES:
            body = self._body_in_view(position)
            if body is not None:  # "TransLink said … “…,” a spokesperson said": the body speaks (GUIDE)
                return self._touch(body)
        if p.generic:
            head = base(head_noun(p.name.split()) if p.kind == "anonymous" else p.name.split()[-1])
            for s in self._latest():
                if p.kind == "anonymous" and s.kind == "person" and s.title and _holds_title(s.title, head):
                    return self._touch(s)
                if (
                    p.kind == "anonymous"
                    and s.kind == "anonymous"
                    and base(head_noun(s.name.split())) == head
                    and set(p.name.lower().split()[:-1]) <= set(s.name.lower().split())
                ):
                    return self._touch(s)  # "A senior administration official said … The official said";
                    # not "a security guard … the coast guard"
                if p.kind == "organization" and s.kind == "organization" and head in _words_of(s.name):
                    return self._touch(s)

            typed = self._typed_body(head) if p.kind == "organization" else None
            if typed is not None:  # "the union" after "the Air Line Pilots Association"
                return self._touch(typed)
            titled = self.body_named(head, position) if p.kind == "organization" else None
            for word in _TYPED_BODIES.get(head, ()) if not titled and p.kind == "organization" else ():
                titled = self.body_named(word, position)  # "the union": the Association the text names
                if titled:
                    break
            if titled and " of " in titled:  # "the bank" -> "Bank of Canada", "the union" -> "Union of …"
                return self.resolve(Parsed(p.mention, titled, "organization", p.title), position)
            if p.kind == "organization" and head in lexicon().company_nouns:
                company = self.company_named(position)
                if company:  # "the company said" -> "Brightline Software Inc."
                    return self.resolve(Parsed(p.mention, company, "organization", p.title), position)
            if p.kind == "anonymous" and not plural(p.name.split()[-1]):
                holder = self.role_holder(p.name, position)
                if holder:
                    return self.resolve(Parsed(p.mention, holder, "person", p.name), position)
            if p.kind == "organization":
                if titled:  # "the hospital" -> "St. Mary's Hospital"
                    return self.resolve(Parsed(p.mention, titled, "organization", p.title), position)
                org_nouns = lexicon().org_nouns
                bodies = [
                    s
                    for s in self._latest()
                    if s.kind == "organization"
                    and _norm(s.name) not in _PLACES
                    and (
                        head in _HYPERNYMS
                        or base(_name_head(s.name)) not in org_nouns
                        or base(_name_head(s.name)) == head
                    )
                ]  # "the council" is not the health department named last; "the agency" may be TransLink
                if head in _NAMED_INSTITUTIONS:  # "the court" is no newspaper; "the department" may be the NYPD,
                    # but "the appeals court" is a court of its own, not the SEC
                    bodies = [s for s in bodies if _acronym(s.name)] if len(p.name.split()) == 1 else []
                if head in _TYPED_BODIES:
                    bodies = []  # "the union" is only a body whose name says so (_typed_body), never the airline
                if bodies and head not in _PLACE_NOUNS and not p.owned:  # "TransLink said ... The agency told CTV News"
                    return self._touch(bodies[0])
        if p.kind == "document" and len(p.name.split()) == 1 and base(p.mention.split()[0]) == "the":
            cited = self._document_named(p.name, position)
            if cited:  # "The poll found …" after "the new Field Poll": that poll
                return self.resolve(Parsed(p.mention, cited, "document", p.title), position)
        if p.kind == "anonymous" and epithet(p.mention.split()):
            renamed = self._renamed_in_view(position)
            if renamed is not None:  # "Caleb Jones recorded his first goal. … said the rookie defenceman"
                return self._touch(renamed)
        titled_holder = self._role_holder_named(p, position)
        if titled_holder:  # "The President made the call" after "President William Ruto"
            return self.resolve(Parsed(p.mention, titled_holder[0], "person", titled_holder[1]), position)
        key = p.kind + ":" + _norm(p.name)
        src = self._by_key.get(key)
        if src is None:
            src = self._by_alias.get(key)
        if src is None:
            src = self._add(p.name, p.kind, p.title, p.mention if p.mention != p.name else None)
        else:
            self._alias(src, p.mention)
            src.title = src.title or p.title
        return self._touch(src)

    def _person(self, p: Parsed, position: int) -> Source:
        parts = p.name.split()
        last = parts[-1]
        matches = self._people_named(last)
        if len(parts) > 1:
            for s in matches:
                sp = s.name.split()
                if sp[-1] == last and (
                    len(sp) == 1 or sp[0] == parts[0] or sp[0][0] == parts[0][0] and len(sp[0]) <= 2
                ):
                    if len(parts) > len(sp):
                        self._alias(s, s.name)
                        del self._by_key["p:" + _norm(s.name)]
                        s.name = p.name
                        self._by_key["p:" + _norm(s.name)] = s
                        self._index_person(s)
                    self._alias(s, p.mention)
                    s.title = s.title or p.title
                    return s
            return self._add_person(p)
        if matches:
            s = matches[0]
            self._alias(s, p.mention)
            s.title = s.title or p.title
            return s
        full = self._full_name_for(last, position)
        if full and full != p.name:
            known = self._by_key.get("p:" + _norm(full))
            if known:
                self._alias(known, p.mention)
                return known
            return self._add(full, "person", p.title, p.mention)
        if not p.title and not _HONORIFIC.match(p.mention) and not self._introduced_as_person(p.name):
            # news introduces people by full name, title or age: a lone name
            # with none of them ("Apple said", "Hamas said") is a body
            return self._add(p.name, "organization", None, p.mention if p.mention != p.name else None)
        return self._add_person(p)

    def _introduced_as_person(self, name: str) -> bool:
        """Whether the text gives a lone name an age ("Benton, 61"), a person
        noun ("her daughter, Grace", "my neighbour Frank") or a he or she right
        after its verb ("Carter said he was innocent")."""
        return name in self._people_markers()

    def _people_markers(self) -> frozenset[str]:
        """Capitalised words the text gives an age, a person noun or a he or she
        (unless it also gives them an "it"), found in one pass (a pattern per
        name made the cost grow with the square of the length)."""
        if self._introduced is None:
            nouns, text = lexicon().anon_nouns, self.text
            found: set[str] = set()
            pronouns: set[str] = set()  # "Carter said he …"
            bodies: set[str] = set()  # "Microsoft said it would fight …": a body, whoever "she" is elsewhere
            for m in _CAP_WORD.finditer(text):
                if _AGE_AFTER.match(text, m.end()):
                    found.add(m.group())
                elif _HE_OR_SHE_AFTER.match(text, m.end()):
                    pronouns.add(m.group())
                elif _IT_AFTER.match(text, m.end()):
                    bodies.add(m.group())
                before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                if before and before.group(1).lower() in nouns:
                    found.add(m.group())
                titled = _TITLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                if titled and _person_title(titled.group(1), bool(titled.group(2))):
                    found.add(unpossessed(m.group()))  # "President Trump’s spokeswoman", "Sen. Cochran": a person's title
            self._introduced = frozenset(found | (pronouns - bodies))
        return self._introduced

    def _add_person(self, p: Parsed) -> Source:
        """A new name; one that the article elsewhere writes as "X Inc." or
        "X Corp." is a company, not a person."""
        kind = "person"
        if self._companies is None:
            self._companies = frozenset(_names_before_suffixes(self.text))
        if p.name in self._companies:
            kind = "organization"
        return self._add(p.name, kind, p.title, p.mention if p.mention != p.name else None)

    def role_holder(self, role: str, before: int) -> str | None:
        """The name that a role noun ("the minister") stands for, from a
        "Finance Minister Rachel Adeyemi" mention earlier in the text."""
        pattern = _role_pattern(role)
        found = None
        lo, hi = max(0, before - _LOOKBACK), before + _LOOKBACK // 4
        for m in pattern.finditer(self.text, lo, hi):
            name = unpossessed(m.group(1).strip())
            if name[:1].isupper() and (len(name.split()) >= 2 or name in self._index()):
                found = name
                if m.start() >= before:
                    break  # nothing earlier: the first naming after it (a headline's "Judge")
        return found

    def company_named(self, before: int) -> str | None:
        """The company an article names last before a position ("Acme Inc.")."""
        found: tuple[int, str] | None = None
        lo = max(0, before - _LOOKBACK)
        for m in _COMPANY_NAME.finditer(self.text, lo, before):
            words = m.group(1).split()
            words = _without_openers(words)
            if words:
                found = (m.start(), " ".join(words))
        nouns = "|".join(sorted(lexicon().company_nouns))
        # "Italian startup Veltro", "the retailer Acme"
        named_after_noun = _noun_then_name(nouns)
        for m in named_after_noun.finditer(self.text, lo, before):
            if found is None or m.start() > found[0]:
                found = (m.start(), m.group(1).strip())
        return found[1] if found else None

    def body_named(self, head: str, before: int) -> str | None:
        """The full name a generic body noun ("the hospital", "the library")
        stands for: the last capitalised name in the text ending with it."""
        pattern = _body_pattern(head.capitalize())
        found = None
        for m in pattern.finditer(self.text, max(0, before - _LOOKBACK), before):
            words = m.group(1).split()
            words = _without_openers(words, lexicon().titles)
            tail = _name_tail(m.group(2).split())
            if words or tail:
                name = [*words, head.capitalize(), *tail]
                found = " ".join([*name[:-1], unpossessed(name[-1])])  # "… of Canada's decision": the board
        return found

    def _typed_body(self, head: str) -> Source | None:
        """The body a generic noun of a kind stands for ("the union"): the last one named
        with the kind's strongest word ("Teamsters", "Union"), then with a weaker one ("Association")."""
        latest = [s for s in self._latest() if s.kind == "organization"]
        for word in _TYPED_BODIES.get(head, ()):
            for s in latest:
                if word in _words_of(s.name):
                    return s
        return None

    def _document_named(self, head: str, before: int) -> str | None:
        """The named report, poll or study a bare "the poll" stands for: a document
        source with that head already, else the last capitalised name the text writes
        before the head ("the new Field Poll", "The Suburbtrends report")."""
        for s in self._latest():
            named = len(s.name.split()) > 1 and any(w[:1].isupper() for w in s.name.split()[:-1])
            if s.kind == "document" and named and s.name.split()[-1].lower() == head.lower():
                return s.name  # "the study" after "a Civic Action study"; not "the memo" after "an internal memo"
        found, at = None, -1
        body = self.text.find("\n")  # a Title Case headline capitalises every noun ("Damning Report Criticises …")
        for m in _document_pattern(head).finditer(self.text, max(0, before - _LOOKBACK, body), before):
            words = m.group(1).split()
            words = _without_openers(words, DETERMINERS)
            if words and not any(base(w) in lexicon().titles for w in words):
                found, at = " ".join([*words, m.group(2)]), m.end()
        if found and _indefinite_pattern(head).search(self.text, at, before):
            return None  # "A new report by the council …": a report of its own, not the one named before
        return found

    def _described_in_view(self, people: list[Source], position: int) -> Source | None:
        """The one described person who spoke last ("a father of two girls", "another parent"), when no
        named person is in the last sentences: "he" or "she" is them."""
        latest = self._latest()
        if not latest or latest[0].kind != "anonymous":
            return None
        head = head_noun(latest[0].name.split())
        if plural(head) or not person_noun(head):
            return None  # "residents", "some parents": "they", not "she"
        k = self._sentence_at(position)
        before = {w.strip(".,;:!?\"“”‘’'()") for w in self.text[self._starts[max(0, k - 1)] : position].lower().split()}
        if head.lower() not in before:
            return None  # described in this sentence or the one before, or not at all
        since = self._starts[max(0, k - _DESCRIBED_VIEW)]
        return latest[0] if all(self._last_mention(person, position) < since for person in people) else None

    def _renamed_in_view(self, position: int) -> Source | None:
        """The person an epithet renames: the most salient one named in the last sentences."""
        people = self._salient_people(position)
        if not people:
            return None
        k = self._sentence_at(position)
        since = self._starts[max(0, k - _VIEW_SENTENCES)]
        return people[0] if self._last_mention(people[0], position) >= since else None

    def _issued_before(self, src: Source, carrier: str, position: int) -> bool:
        """Was `src` named in the sentence before this one, beside the same carrier ("in a statement")?"""
        k = self._sentence_at(position)
        if k < 1:
            return False
        since = self._starts[k - 1]
        return self._last_mention(src, position) >= since and carrier.lower() in self.text[since : self._starts[k]].lower()

    def _body_in_view(self, position: int) -> Source | None:
        """The body that spoke or was named as a subject in this sentence or the
        one before, whose unnamed spokesperson this is."""
        k = self._sentence_at(position)
        since = self._starts[max(0, k - 1)]
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)
        for src in self._latest():
            if src.kind == "organization" and self._last_mention(src, end) >= since:
                return src
        return None

    def _last_mention(self, src: Source, before: int) -> int:
        """Where the text last names a person before a position: a pronoun
        points to the person written last, not the one resolved last."""
        last = -1
        for spots in self._name_spots(src):
            k = bisect.bisect_left(spots, before)
            if k:
                last = max(last, spots[k - 1])
        return last

    def _name_spots(self, src: Source) -> list[list[int]]:
        """Where the text writes each of a source's names (by last word), in text order."""
        self._last_mention_index()
        assert self._mentioned is not None
        return [self._mentioned.get(unpossessed(name.split()[-1]), []) for name in (src.name, *src.aliases)]

    def _bring_into_view(self, before: int) -> None:
        """People the last sentences name in full but who have said nothing yet
        ("McCallum expressed serious concern …. “…,” he said") are candidates too."""
        if self._named_runs is None:
            self._named_runs = sorted((pos, name) for runs in self._index().values() for pos, name in runs)
        k = self._sentence_at(before)
        lo = self._starts[max(0, k - _VIEW_SENTENCES)]
        i = bisect.bisect_left(self._named_runs, (lo, ""))
        while i < len(self._named_runs) and self._named_runs[i][0] < before:
            self._in_view(self._named_runs[i][1])
            i += 1
        self._last_mention_index()
        index = self._index()
        for word in self._words_between(lo, before):
            if word in index:  # "McCallum expressed …" after "Doug McCallum" earlier
                full = self._full_name_for(word, before)
                if full:
                    self._in_view(full)

    def _in_view(self, name: str) -> None:
        """Add a person named in the text, when a common first name shows the run is a person's name."""
        last = name.split()[-1]
        if not first_name(name.split()[0]) and not self._is_titled(name):
            return
        if self._places is None:
            self._places = frozenset(unpossessed(m.group(1)) for m in _PLACE_AFTER.finditer(self.text))
        if name in self._places or base(last) in _THING_HEADS or classify_proper(name.split()) != "person":
            return  # "in Nova Scotia", "John Street", "Victoria Cross": no one who speaks
        if not any(s.name.split()[-1] == last for s in self._people_named(last)):
            self._touch(self._add_person(Parsed(name, name, "person")))

    def _salience(self, src: Source, before: int) -> tuple[int, int]:
        """How much in view a person is for a pronoun: named in a later sentence
        first, and within one sentence named earlier, as its subject usually is
        ("Trudeau urged people to send a message to the Ford government. … he said")."""
        first = self._first_in_sentence(src, before)
        k = self._sentence_at(first)
        clause = self._clause_start(self._starts[max(k, 0)])
        # a name in an opening adverbial ranks after every name of the main clause
        offset = first - clause if first >= clause else _LEAD_CHARS * 10 + first
        return k, -offset

    def _first_in_sentence(self, src: Source, before: int) -> int:
        """The position of the person's first naming in the last sentence that names them."""
        last = self._last_mention(src, before)
        if last < 0:
            return last
        k = self._sentence_at(last)
        lo = self._clause_start(self._starts[max(k, 0)])
        first = last
        for spots in self._name_spots(src):
            i = bisect.bisect_left(spots, lo)
            if i < len(spots) and spots[i] < first:
                first = spots[i]
        return first

    def _clause_start(self, start: int) -> int:
        """Where a sentence's main clause begins: after an opening adverbial
        ("After meeting Premier Kowal on Monday, Rudd demanded …"), whose names are not its subject."""
        lead = self.text[start : start + _LEAD_CHARS]
        parts = lead.split(" ", 2)
        first = parts[0].lower()
        participle = first.endswith("ing") and len(parts) > 1 and parts[1][:1].islower()  # not "Fleming, …"
        comma = lead.find(",")
        if comma > 0 and (first in _CLAUSE_LEADS or participle):
            return start + comma + 1
        return start

    def _last_mention_index(self) -> None:
        if self._mentioned is None:
            self._mentioned, self._cap_words = {}, []
            for m in _CAP_WORD.finditer(self.text):
                word = unpossessed(m.group())
                self._mentioned.setdefault(word, []).append(m.start())
                self._cap_words.append((m.start(), word))

    def _words_between(self, lo: int, hi: int) -> list[str]:
        """The capitalised words written between two positions."""
        i = bisect.bisect_left(self._cap_words, (lo, ""))
        j = bisect.bisect_left(self._cap_words, (hi, ""))
        return [w for _, w in self._cap_words[i:j]]

    def _gender(self, src: Source) -> str | None:
        """The pronoun a person takes, from the text: a pronoun already resolved
        to them, a gendered title or honorific, or a common first name."""
        if id(src) in self._gender_seen:
            return self._gender_seen[id(src)]
        lex = lexicon()
        words = {w.lower().strip(".,") for w in " ".join([src.title or "", *src.aliases]).split()}
        if words & _FEMALE_MARKERS:
            return "f"
        if words & _MALE_MARKERS:
            return "m"
        first = src.name.split()[0].lower() if len(src.name.split()) > 1 else ""
        if first in lex.female_names and first not in lex.male_names:
            return "f"
        if first in lex.male_names and first not in lex.female_names:
            return "m"
        return None

    def note_subject(self, sentence: str, subject: Parsed | None, position: int) -> Source | None:
        """A person named at the start of a sentence ("Okafor laughs ...",
        "Arizona Gov. Ruben Navarro, whose state ...") becomes the most salient
        one, so a following "he said" points to them; and takes the gender of
        the pronouns the same sentence uses ("McNeely was afraid to let her
        guard down"). Returns the person, who may speak the quotation that follows."""
        person = self._note_subject(sentence, subject, position)
        owner = possessive(sentence.lstrip("“\"‘'( ").split(" ", 1)[0])
        # "Freeland's remarks came after … his criticism": the pronoun is not hers
        if person is not None and person.kind == "person" and not owner and id(person) not in self._gender_seen:
            words = {w.strip(".,;:!?\"“”'’()").lower() for w in sentence.split()[1:]}
            female, male = bool(words & _SHE), bool(words & _HE)
            if female != male:
                self._gender_seen[id(person)] = "f" if female else "m"
        return person if person is not None and person.kind == "person" and not owner else None

    def _note_subject(self, sentence: str, subject: Parsed | None, position: int) -> Source | None:
        first = [unpossessed(w.strip(",.;:")) for w in sentence.lstrip("“\"‘'( ").split(" ", 2)[:2]]
        if len(first) == 2 and first[0][:1].isupper() and first[1][:1].isupper():
            named = [s for s in self._people_named(first[1]) if first[0] in s.name.split()]  # "Mike McFadden"
        else:
            named = self._people_named(first[0]) if first else []
        if named:
            return self._touch(named[0])
        if subject is None and first and first[0][:1].isupper() and base(first[0]) not in lexicon().starters:
            full = self._full_name_for(first[0], position)
            # "Bissonnette had a history ..." after "Alexandre Bissonnette": he is the one in view
            return self.resolve(Parsed(first[0], full, "person"), position) if full else None
        if subject and subject.kind == "person" and not subject.pronoun and (
            len(subject.name.split()) >= 2 or subject.title or _HONORIFIC.match(subject.mention)
        ):  # "Justice Garnham advised the jury …. He said: …": a titled surname is a person in view
            return self.resolve(subject, position)
        if (
            subject
            and subject.kind == "organization"
            and not (subject.generic or subject.carrier)
            and _norm(subject.name) not in _PLACES
            and base(subject.name.split()[-1]) not in _PLACE_NOUNS
        ):
            self.resolve(subject, position)  # "Procter & Gamble reported ...": "the company" may point to it
        return None
