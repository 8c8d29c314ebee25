"""Read a source mention ("Defense Department spokesman Colonel Steve Warren",
"an unnamed senior official", "a Russian foreign ministry statement") into
a name, a title and a source kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex  # \p{Lu}: names outside ASCII ("Émile", "Ökobank") are names too

from claims.engine.lexicon import lexicon, member_groups, words

TOKEN = re.compile(r"\w+(?:[’'&.\-]\w+)*|[^\w\s]")
PRONOUNS = words("pronouns")
DETERMINERS = words("determiners")
OWNER_NOUNS = words("owner_nouns")
OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}  # a possessive points at its pronoun
DESCRIPTORS = words("descriptors")
CONNECTORS = words("connectors")
NAME_PARTICLES = words("name_particles")
_PORTFOLIOS = words("portfolios")
_INITIAL = regex.compile(r"\p{Lu}\.?")  # "A." in "Christopher A. Wray"
LOCATIVES = words("locatives")
HOLDER_VERBS = words("holder_verbs")
SPOKES_ROLES = words("spokes_roles")
NAMED_CARRIERS = words("named_carriers")
BODY_ROLES = words("body_roles")
TIME_WORDS = words("time")
_NUMBERED_TEXTS = words("numbered_texts")
_TIME_LEADS = words("time_leads")
_CLAUSE_CUT = words("mention_clause_cuts")
_COUNT_COMPARATIVES = words("count_comparatives")
_COUNT_NOUNS = words("count_nouns")
_COUNT_FILLERS = words("count_fillers")
_QUANTIFIED_HEADS = words("quantified_heads")
_FORMER = words("former")
IMPERSONAL = words("impersonal_verbs")
_CLAUSE_OPENERS = words("clause_openers")
_AGENT_ENDINGS = tuple(words("agent_endings"))
_NOT_AGENTS = words("not_agents")
ADVERB_ENDINGS = ("ally", "ously", "fully", "ively", "ably", "ibly", "ently", "antly", "ately", "arly", "edly", "ssly")
_AFFILIATION = frozenset(("at", "of", "with", "from", "in"))  # "X at the University of Y"
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}0-9&.]+\Z")
_SPACED_APOSTROPHE = re.compile(r" ([’'])")
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
_SURNAME_PREFIX = regex.compile(
    "(?i:" + "|".join(re.escape(p) for p in sorted(words("surname_prefixes"), key=len, reverse=True)) + r")\p{Lu}"
)


@cache
def countries() -> frozenset[str]:
    text = resources.files("claims.lang.en").joinpath("countries.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1 << 16)
def base(word: str) -> str:
    """Lower case, without a possessive or a final period."""
    low = word.lower().rstrip(".")
    if low.endswith(("’s", "'s")):
        low = low[:-2]
    elif len(low) > 2 and low.endswith(("s’", "s'")):
        low = low[:-1]  # "the Lakers’": the plural's possessive
    return low


def uncontracted(low: str) -> tuple[str, bool]:
    """ "he’s" -> ("he", True): a pronoun with its auxiliary written on."""
    if "’" not in low and "'" not in low:
        return low, False
    for ending in _CONTRACTIONS:
        for mark in ("’", "'"):
            if low.endswith(mark + ending) and len(low) > len(ending) + 1:
                return low[: -len(ending) - 1], True
    return low, False


_CONTRACTIONS = tuple(sorted(words("contraction_endings"), key=len, reverse=True))


def first_name(word: str) -> bool:
    """A common given name ("Maria", "tom"), from the census lists in `first_names.txt`;
    never a possessive ("Stella's Cafe" is a place)."""
    b = base(word)
    return not possessive(word) and (b in lexicon().female_names or b in lexicon().male_names)


def plural(word: str) -> bool:
    """A noun written as a plural ("analysts", "Democrats"; not "Congress")."""
    b = base(word)
    return b.endswith("s") and not b.endswith("ss")


def possessive(word: str) -> bool:
    """ "Musk's", "the union’s", "the Lakers’": the word ends with a possessive 's or a plural's apostrophe."""
    return word.endswith(_POSSESSIVE_ENDINGS) or (len(word) > 2 and word[-1] in "’'" and word[-2] in "sS")


def unpossessed(word: str) -> str:
    """A word without its possessive, case kept ("McCallum’s" -> "McCallum", "Lakers’" -> "Lakers")."""
    if word.endswith(_POSSESSIVE_ENDINGS):
        return word[:-2]
    return word[:-1] if possessive(word) else word


_POSSESSIVE_ENDINGS = ("’s", "'s", "’S", "'S")


def is_cap(word: str) -> bool:
    return word[:1].isupper()


@dataclass(slots=True)
class Parsed:
    """What a mention says before it is resolved against the article."""

    mention: str
    name: str
    kind: str
    title: str | None = None
    pronoun: bool = False
    generic: bool = False  # "the company", "the judge": a role that points back
    carrier: bool = False  # "the statement": points back to whoever made it
    owned: bool = False  # "the city's police department": a named body's own, never just the body named last


def is_media(name: str) -> bool:
    lex = lexicon()
    low = name.lower()
    if low.startswith("the "):
        low = low[4:]
    if low in lex.media:
        return True
    words = low.split()
    return len(words) >= 2 and words[-1] in lex.media_suffixes


def _title_text(words: list[str]) -> str | None:
    """Title words as the guide writes them: a trailing rank after a role is
    set off by a comma ("Defense Department spokesman, Colonel")."""
    if not words:
        return None
    lex = lexicon()
    if (
        len(words) >= 2
        and is_cap(words[-1])
        and base(words[-1]) in lex.titles
        and not is_cap(words[-2])
        and base(words[-2]) in lex.titles
    ):
        return " ".join(words[:-1]) + ", " + words[-1]
    return " ".join(words)


def _role_of(core: list[str], had_det: bool, mention: str) -> Parsed | None:
    """A lower-case role before "of" and a name: a relative or friend speaks for themselves ("the widow
    of Alexei Navalny", described); any other role speaks for the body it belongs to ("the chief executive
    of Tesco", "the governor of the Bank of England"), unless the name reads as a person's ("the lawyer
    for Jane Doe")."""
    at = next((k for k, w in enumerate(core) if base(w) in _ROLE_PREPOSITIONS), None)
    if not had_det or at is None or at == 0 or not all(w.isalpha() and w.islower() for w in core[:at]):
        return None
    rest = core[at + 1 :]
    if rest and base(rest[0]) in DETERMINERS:
        rest = rest[1:]
    if not rest or not is_cap(rest[0]):
        return None
    role = core[:at]
    if base(role[-1]) in _RELATION_NOUNS and base(core[at]) == "of":
        return Parsed(mention, " ".join(core), "anonymous")
    lex = lexicon()
    speaks_for = base(role[-1]) in lex.titles or base(role[-1]) in BODY_ROLES or base(role[-1]) in lex.org_nouns
    if not speaks_for:
        return None  # "a critic of the Liberal Party", "a member of the club": described, not the body
    owner = parse(rest, after_preposition=True)
    if owner is None or owner.pronoun:
        return None
    if owner.kind == "person" and (first_name(rest[0]) or owner.title or len(owner.name.split()) > 1):
        return None  # "the lawyer for Jane Doe", "the agent for Shohei Ohtani", "a spokesman for Mr. Johnson"
    kind = owner.kind if owner.kind in ("organization", "media") else "organization"
    return Parsed(mention, owner.name, kind, title=" ".join(role))


_RELATION_NOUNS = words("relation_nouns")
_MODIFIER_ENDINGS = words("modifier_endings")
_BODY_ADJECTIVES = words("body_adjectives")
_ROLE_PREPOSITIONS = frozenset(("of", "for", "at"))


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split into (title words, name words): the name is the trailing run of
    capitalised words that are not titles or honorifics."""
    lex = lexicon()
    i = len(words)
    while i > 0:
        w = words[i - 1]
        b = base(w)
        # a surname that is also a title ("Maura Dean", "Ann Major") when a given name precedes it
        surname = (
            i == len(words) and i > 1 and is_cap(w) and is_cap(words[i - 2]) and base(words[i - 2]) not in lex.titles
        )
        if (is_cap(w) or (b in NAME_PARTICLES and i < len(words))) and (
            surname
            or (
                b not in lex.titles
                and b not in lex.honorifics
                and not (
                    i < len(words)
                    and office_plural(b)
                    and not any(base(w) in CONNECTORS for w in words[i:])
                    and classify_proper(words[i:]) == "person"
                )
            )
        ):  # "Commissioners Hayes": a plural title before the name; "Directors Guild of America" is a body
            i -= 1
            continue
        break
    while i < len(words) and base(words[i]) in NAME_PARTICLES:
        i += 1
    rank_word = i > 0 and len(words) - i >= 3 and base(words[i - 1]) in lex.titles and len(words[i]) <= 4
    if rank_word and not first_name(words[i]) and first_name(words[i + 1]):
        i += 1  # "Det Con Jacqueline Wilkie", "Ch Supt Ann Hale": a rank's second word before a given name
    title = [w for w in words[:i] if base(w) not in lex.honorifics]
    return title, words[i:]


def classify_proper(name_words: list[str]) -> str:
    """Kind of a capitalised name: organization, media, document or person."""
    lex = lexicon()
    name = " ".join(name_words)
    low = name.lower()
    if is_media(name):
        return "media"
    if low in countries() or any(base(w) in lex.org_nouns or "&" in w for w in name_words):
        return "organization"  # "S&P Global Ratings", "Keystone Bancorp", "Ministry of Health"
    if len(name_words) >= 2 and any(base(w) in _BODY_ADJECTIVES for w in name_words):
        return "organization"  # "Kruger National Park", "Royal Mail", "Federal Reserve"
    if len(name_words) >= 2 and base(name_words[-1]) in countries() and not first_name(name_words[0]):
        return "organization"  # "Rally Canada", "Statistics Canada"; not "Michael Jordan"
    if any(base(w) in lex.document_nouns for w in name_words[-1:]):
        return "document"
    if len(name_words) == 1 and (_ACRONYM.match(name_words[0]) or _camel_brand(name_words[0])):
        return "organization"  # "UN", "FactSet", "YouTube"
    return "person"


BODY_PREPOSITIONS = frozenset(("of", "in", "for", "at"))  # a title's body follows: "Inspector General of Police …"


def personal_tail(run: list[str]) -> list[str]:
    """The personal name that ends a capitalised run: surname, the given name
    before it and any particles or initials between ("Anurag Srivastava" in
    "External Affairs Anurag Srivastava", "Jean-Yves Le Drian")."""
    given = next((k for k in range(len(run) - 1) if first_name(run[k])), None)
    if given is not None:
        return run[given:]  # "Hillary Rodham Clinton", "Anna Maria Rossi": from the given name on
    j = len(run) - 2
    while j > 0 and (base(run[j]) in NAME_PARTICLES or _INITIAL.fullmatch(run[j])):
        j -= 1
    return run[max(j, 0) :]


def titled_name_after_body(core: list[str]) -> Parsed | None:
    """ "Inspector General of Police Gilbert Masengeli", "Spokesperson in the
    Ministry of External Affairs Anurag Srivastava": a title naming a body, then
    the person; the body's last words are no part of the name."""
    lex = lexicon()
    if len(core) < 5 or base(core[0]) not in lex.titles:
        return None
    at = max((k for k, w in enumerate(core) if w in BODY_PREPOSITIONS), default=None)
    if at is None:
        return None
    run = core[at + 1 :]
    if run and base(run[0]) == "the":
        run = run[1:]
    if len(run) < 3 or not all(is_cap(w) or base(w) in NAME_PARTICLES for w in run):
        return None
    name = personal_tail(run)
    if len(name) == len(run) or base(name[0]) in lex.titles or classify_proper(name) != "person":
        return None
    return Parsed(" ".join(core), " ".join(name), "person", " ".join(core[: len(core) - len(name)]))


def demonym(word: str) -> bool:
    """ "Kenyan", "Canadian", "Chinese": a people's adjective, made from a country
    the lexicon knows or a people it lists ("Texan" from "Texans")."""
    b = base(word)
    if not is_cap(word) or len(b) < 4:
        return False
    if member_groups().get(b + "s") == "peoples":
        return True
    stems = [b[:-1], b[:-2] + "a", b[:-3] + "a", b[:-3], b[:-3] + "e"]  # Kenya-n, Canad-ian, Chin-ese
    return b[-1:] in ("n", "e", "h") and any(stem in countries() for stem in stems)


def _camel_brand(word: str) -> bool:
    """ "YouTube", "FactSet": a capital inside the word that is not a surname's ("McCallum", "DeBoer")."""
    m = _CAMEL.search(word)
    return bool(m) and not (_SURNAME_PREFIX.match(word) and _SURNAME_PREFIX.match(word).end() == m.end())


def drop_openers(words: list[str]) -> list[str]:
    """A name without the sentence openers glued before it ("But Green", "Perhaps
    Tracy", "Knowing Bardos"): closed-class openers, and capitalised adverbs and
    participles ("-ly", "-ing") that are no one's first name."""
    lex = lexicon()
    i = 0
    while i < len(words) - 1 and is_cap(words[i]) and is_cap(words[i + 1]):
        b = base(words[i])
        given = first_name(words[i])
        adverb = len(b) >= 6 and b.endswith(ADVERB_ENDINGS)  # "Finally", not "Rally Canada" or "Kelly"
        participle = len(b) > 4 and b.endswith("ing")  # "Knowing Bardos"
        # "Knowing Bardos", "But Knowing Bardos", not "A Downing Street spokeswoman"
        opener = i == 0 or (base(words[i - 1]) in lex.starters and base(words[i - 1]) not in DETERMINERS)
        modifier = "-" in b and b.rsplit("-", 1)[1] in _MODIFIER_ENDINGS  # "British-born Cryan"
        if b in lex.starters or b in _CLAUSE_OPENERS or modifier or ((adverb or participle) and opener and not given):
            i += 1
            continue
        if b.endswith("day") and b in TIME_WORDS and not possessive(words[i]) and classify_proper(words[i + 1 :]) == "person" and not any(is_media(" ".join(words[i:k])) for k in range(i + 2, len(words) + 1)):
            i += 1  # "On Wednesday Poilievre said": the day, then the name; "the Sunday Times" is an outlet
            continue
        break
    if i < len(words) - 1 and base(words[i]) in _CLAUSE_OPENERS and words[i + 1][:1].islower():
        i += 1  # "But people arrested at the camp", "And officials"
    return words[i:]


def postmodifier_start(lows: list[str]) -> int | None:
    """Index where a describing phrase ("familiar with the matter",
    "interviewed by the Gazette") starts in lower-case words that end with it."""
    by_first = _postmodifiers_by_first_word()
    for k, w in enumerate(lows):
        for phrase in by_first.get(w, ()):
            n = len(phrase)
            if tuple(lows[k : k + n]) == phrase and all(x[0].isalnum() for x in lows[k + n :]):
                return k
    return None


@cache
def _postmodifiers_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon().postmodifiers:
        out.setdefault(phrase[0], []).append(phrase)
    return out


@lru_cache(maxsize=1 << 14)
def person_noun(word: str) -> bool:
    """A common noun for a person, as written: listed ("neighbour", "official"),
    or a lower-case agent noun by its ending ("goaltender", "defenceman",
    "economist", "barista"), so a described speaker needs no list entry;
    "Chapman" or "Freeman" is a name, not a noun."""
    b = base(word)
    if b in lexicon().anon_nouns or b.endswith(("-year-old", "-year-olds")):
        return True  # "the 46-year-old said", "my two-year-old"
    if not word[:1].islower() or len(b) < 5 or not b.isalpha() or b in _NOT_AGENTS:
        return False
    if plural_title(b):
        return True  # "the judges", "governors"
    stem = b[:-1] if b.endswith("s") and not b.endswith(("ss", "us")) else b
    return stem.endswith(_AGENT_ENDINGS)


def office_plural(low: str) -> bool:
    """The plural of an office's title ("commissioners", "senators"), written before names
    ("Commissioners Hayes and Brown"); not of a person noun ("Veterans Affairs", "Residents …")."""
    return plural_title(low) and low[:-1] not in lexicon().anon_nouns and low[:-2] not in lexicon().anon_nouns


def plural_title(low: str) -> bool:
    """The plural of a title, a group of people ("judges", "governors", "coaches", "deputies")."""
    titles = lexicon().titles
    if not low.endswith("s") or len(low) < 4:
        return False
    return low[:-1] in titles or (low.endswith("es") and low[:-2] in titles) or (
        low.endswith("ies") and low[:-3] + "y" in titles
    )


def known_word(word: str) -> bool:
    """A word that can be part of a source mention: a title, a source noun, a descriptor."""
    lex = lexicon()
    b = base(word)
    return (
        b in lex.titles
        or plural_title(b)
        or person_noun(word)
        or b in lex.org_nouns
        or b in lex.document_nouns
        or b in lex.carrier_nouns
        or b in DESCRIPTORS
        or b in lex.unspecified_nouns
    )


def epithet(mention: list[str]) -> bool:
    """A definite description that renames someone the story has named, not a role in its frame: an age
    ("the 42-year-old"), a party's member ("the Kentucky Republican"), or an agent noun by its ending
    after a modifier ("the rookie defenceman", "the veteran goaltender"). Not "the judge", "the driver",
    "the senior official" (listed roles, which a story may leave unnamed)."""
    if len(mention) < 2 or mention[0].lower() != "the":
        return False
    head = head_noun(mention[1:])
    b = base(head)
    if b.endswith("-year-old"):
        return True
    if is_cap(head) and member_groups().get(b + "s") == "parties":
        return True  # "the Kentucky Republican", "the Democrat"
    modifiers = mention[1 : mention.index(head)] if head in mention else []
    lex = lexicon()
    return bool(modifiers) and head[:1].islower() and person_noun(head) and b not in lex.anon_nouns and b not in lex.titles


def head_noun(core: list[str]) -> str:
    """The head noun of a common-noun phrase: the word before its first
    post-modifier ("investigator" in "German investigator embedded with ...")."""
    pre: list[str] = []
    for i, w in enumerate(core):
        modifier = i + 1 < len(core) and known_word(core[i + 1]) and base(core[i + 1]) not in DESCRIPTORS
        last_after_name = i == len(core) - 1 and is_cap(core[i - 1])  # "British Airways strike": a strike
        if pre and (base(w) in CONNECTORS or (w[:1].islower() and not known_word(w) and not modifier and not last_after_name)):
            break
        pre.append(w)
    return pre[-1]


def _without_trailing_time(words: list[str]) -> list[str]:
    """ "UFCW Local 832 late Friday", "the ministry on Friday": the time is no
    part of the name; "the Mail on Sunday" keeps its day."""
    if len(words) < 3 or base(words[-1]) not in TIME_WORDS:
        return words
    lead, before = words[-2], words[-3]
    named = is_cap(before) or before.isdigit()  # "UFCW Local 832 late Friday"; not "people arrested last week"
    on_a_day = before.islower() or (named and not is_media(" ".join(words)))  # "the Commission on Monday"
    if lead.islower() and base(lead) in _TIME_LEADS and (on_a_day if lead == "on" else named):
        return words[:-2]  # but "the Mail on Sunday" keeps its day
    return words


def parse(words: list[str], after_preposition: bool = False) -> Parsed | None:
    """Parse the words of a mention (as written, determiners included); after a preposition
    ("a letter from Downing Street") nothing before the name can be a sentence opener."""
    both = bool(words) and base(words[0]) == "both"
    after_the = bool(words) and base(words[0]) == "the"  # "The Globe reported": dropped as an opener below
    words = words if after_preposition else drop_openers(words)
    if not words:
        return None
    lex = lexicon()
    clause = next(
        (
            i
            for i, w in enumerate(words)
            if i > 0 and (w.lower() in _CLAUSE_CUT or _participle_at(words, i) or _made_document_at(words, i))
        ),
        None,
    )
    if clause is not None:  # "a senior aide who spoke on condition of anonymity": the aide
        words = words[:clause]
        while words and not words[-1].rstrip(",;:—–-"):
            words.pop()  # the dash or comma before the clause
        if not words:
            return None
        words[-1] = words[-1].rstrip(",")
    words = _without_trailing_time(words)
    if len(words) >= 2 and words[-1].isdigit() and is_cap(words[-2]):
        words = [*words[:-2], f"{words[-2]} {words[-1]}"]  # "UFCW Local 832": the number is part of the name
    pair = _first_of_pair(words, both)
    if pair is not None:  # "Both Sandmann and Phillips have said": the first named speaks (GUIDE)
        first = parse(pair)
        if first is not None:
            first.mention = " ".join(words)
            return first
    mention = " ".join(words)
    mention = _SPACED_APOSTROPHE.sub(r"\1", mention)
    if len(words) == 1 and uncontracted(words[0].lower())[0] in PRONOUNS:  # "he", "I’d"
        return Parsed(mention, uncontracted(words[0].lower())[0], "person", pronoun=True)
    if len(words) >= 2 and uncontracted(words[0].lower())[0] == "it" and words[-1].lower() in IMPERSONAL:
        return Parsed(mention, " ".join(w.lower() for w in words), "unspecified")  # "it is understood" (GUIDE)
    if len(words) > 2 and base(words[0]) in _QUANTIFIED_HEADS and (
        base(words[1]) in LOCATIVES or postmodifier_start([w.lower() for w in words[1:]]) == 0
    ):
        return Parsed(mention, mention, "anonymous")  # "Those at the meeting", "Those close to the talks"
    lone = base(words[0]) if len(words) == 1 else ""
    if lone in _QUANTIFIED_HEADS or lone in _COUNT_NOUNS:
        return Parsed(mention, words[0], "anonymous")  # "Some say …", "Many said …": people, described vaguely
    if lone in lex.starters and not person_noun(words[0]) and lone not in lex.org_nouns:
        return None  # "Nonetheless, she ... told": an opener is nobody
    if sum(1 for w in words if len(w) > 1 and w.isupper()) >= 3:
        return None  # a line in capitals is a subhead ("HOW MUCH WILL THE PARTIES ..."), not a name
    # "one of the players", "some of the residents": the quantifier heads the phrase
    had_det = base(words[0]) in DETERMINERS and not (len(words) > 2 and base(words[1]) == "of")
    core = words[1:] if had_det else list(words)
    affiliated = _affiliation(core)
    if affiliated is not None:  # "Kent Moore at the University of Toronto", "Richard Shelby of Alabama"
        person = parse(words[: len(words) - len(core) + affiliated])
        if person is not None and person.kind == "person":
            affiliation = " ".join(core[affiliated:])
            person.title = f"{person.title} {affiliation}" if person.title else affiliation
            return person
    # "a report from X", "a briefing given by X", "a spokesman for X"
    for i, w in enumerate(core):
        b = base(w)
        if b in ("from", "by", "for", "of", "with", "at") and i > 0 and i + 1 < len(core):
            heads = [base(x) for x in core[:i]]
            rest = core[i + 1 :]
            holder = heads[-1] in HOLDER_VERBS
            if (
                b in ("from", "by")
                and not holder
                and any(h in lex.carrier_nouns or h in lex.document_nouns for h in heads)
            ):
                return parse(rest, after_preposition=True)  # "a report from X": X is the source
            if holder:  # "records obtained by the Ledger": the records are the source
                return parse(words[: words.index(w) - 1]) or None
            if heads[-1] in BODY_ROLES and b in ("for", "with", "of", "from", "at") and not is_cap(core[i - 1]):
                # "a spokesman for X", "the lawyer for X", "an official with X": the named body speaks (GUIDE)
                spoken_for = parse(rest, after_preposition=True)
                if spoken_for and spoken_for.kind == "person" and heads[-1] in SPOKES_ROLES and len(rest) == 1:
                    spoken_for.kind = "organization"  # "a spokesman for Alpine": a body, unless the text names
                    # a person so (the registry links "Pelosi" to "Nancy Pelosi")
                if spoken_for and spoken_for.kind == "organization" and not spoken_for.generic:
                    spoken_for.title = " ".join(core[:i])
                    spoken_for.mention = mention
                    return spoken_for
            break
    k = postmodifier_start([w.lower() for w in core])
    if k:  # "residents interviewed by the Gazette": the head comes before the description
        kind = "organization" if base(core[k - 1]) in lex.org_nouns else "anonymous"
        if is_cap(core[k - 1]) and not known_word(core[k - 1]):
            named_head = parse(core[:k])
            kind = named_head.kind if named_head else kind
        return Parsed(mention, " ".join(core), kind)
    # drop a trailing carrier: "a Russian foreign ministry statement"
    if len(core) > 1 and base(core[0]) in lex.carrier_nouns and core[0].endswith("ing") and is_cap(core[1]):
        core = core[1:]  # "the ruling African National Congress": an adjective, not the ruling
    cut = len(core)
    outlet = all(is_cap(w) for w in core) and is_media(" ".join(core))  # "The Washington Post": no post cut off
    for i, w in enumerate([] if outlet else core):
        adjective = (
            w.endswith("ing")
            and i + 1 < len(core)
            and base(core[i + 1]) not in CONNECTORS
            and base(core[i + 1]) not in TIME_WORDS  # "The Pentagon briefing Tuesday": the briefing, then its day
            and base(core[i + 1]) not in _TIME_LEADS  # "The appeals court ruling last week"
        )
        if base(w) in lex.carrier_nouns and i > 0 and not adjective:  # "the ruling Fidesz party" keeps its name
            cut = i
            break
    if (
        len(core) == 1
        and base(words[0]) in OWNER_PRONOUNS
        and (base(core[0]) in lex.carrier_nouns or base(core[0]) in OWNER_NOUNS)
    ):
        # "her statement said", "said his office": the person the possessive points at
        pointed = OWNER_PRONOUNS[base(words[0])]
        return Parsed(mention, pointed, "person" if pointed in ("he", "she") else "organization", pronoun=True)
    if len(core) == 1 and base(core[0]) in NAMED_CARRIERS:
        return None  # "The decision said": whose decision, the text around it must tell
    if len(core) == 1 and base(core[0]) in lex.carrier_nouns and had_det:
        # "the statement said": the statement of the body that spoke last
        return Parsed(mention, core[0], "organization", generic=True, carrier=True)
    owner = next((i for i, w in enumerate(core[: cut - 1]) if possessive(w)), None)
    if cut < len(core) and owner is not None:
        cut = owner + 1  # "the union's Friday release": the union, whose release it is
    carried = cut < len(core)
    core = core[:cut]
    while carried and len(core) > 1 and core[-1].islower() and base(core[-1]) not in lex.org_nouns and not person_noun(core[-1]):
        core = core[:-1]  # "The BP news release": BP's, the "news" is the release's
    core = [unpossessed(w) if i == len(core) - 1 else w for i, w in enumerate(core)]
    if not core:
        return None
    if had_det and base(words[0]) == "the" and member_groups().get(base(core[-1]) + "s") == "parties":
        return Parsed(mention, " ".join(core), "anonymous", generic=True)  # "The Wyoming Republican": one member
    group = member_groups().get(" ".join(core[-2:]).lower()) or member_groups().get(base(core[-1]))
    if group:  # "Republicans argue", "Some Democrats said", "Many Canadians say": people, described
        party = group == "parties" and any(possessive(w) for w in core[:-1])  # "Justin Trudeau’s Liberals": the party
        return Parsed(mention, " ".join(core), "organization" if party else "anonymous")
    counted = _counted(core)
    if counted and (person_noun(head_noun(counted)) or (is_cap(counted[-1]) and plural(counted[-1]))):
        return Parsed(mention, " ".join(core), "anonymous")  # "More than 200 workers", "Millions of Americans"
    if counted and base(head_noun(counted)) in lex.document_nouns:
        return Parsed(mention, " ".join(core), "document")  # "Thousands of documents show …"
    if len(core) > 1 and is_cap(head_word := core[-1]) and base(head_word) in _PORTFOLIOS and is_cap(core[-2]):
        return Parsed(mention, " ".join(core), "organization")  # "NSW Treasury", "Queensland Health": a department
    after_body = titled_name_after_body(core)
    if after_body is not None:
        after_body.mention = mention
        return after_body
    head = core[-1]
    hb = base(head)
    common = len(core) == 1 and (
        person_noun(head) or hb in lex.org_nouns or hb in lex.unspecified_nouns or hb in lex.document_nouns
    )
    for i, w in enumerate(core[1:], 1):
        if base(w) in LOCATIVES and (core[i - 1].islower() or i == 1) and known_word(core[i - 1]):
            common = True  # "a Western diplomat in Beirut": the head is the diplomat, not the place
            break
    surname_head = (
        len(core) > 1
        and is_cap(core[-2])
        and base(core[-2]) not in lex.titles
        and not demonym(core[-2])
        and not _ACRONYM.match(core[-2])
    )  # "Maura Dean"; not "Kenyan President", "NSW Premier"
    if is_cap(head) and (hb not in lex.titles or surname_head or is_media(" ".join(core))) and not common:
        proper = all(is_cap(w) or w.isdigit() or base(w) in CONNECTORS for w in core)
        if proper and is_media(" ".join(core)):
            return Parsed(mention, " ".join(core), "media")  # "Channel 4 News", "the Mail on Sunday"
        title_words, name_words = _split_name(core)
        owned_by = _role_of(core, had_det, mention)
        if owned_by is not None:  # "the widow of Alexei Navalny", "the chief executive of Tesco"
            return owned_by
        at = next((k for k, w in enumerate(core) if base(w) in _ROLE_PREPOSITIONS), 0)
        after = [w for w in core[at + 1 : at + 3] if base(w) not in DETERMINERS][:1]
        if at and all(w.islower() for w in core[:at]) and base(core[at - 1]) in lex.titles and after and after[0].islower():
            return Parsed(mention, " ".join(core), "anonymous")  # "the mayor of a small town in Newfoundland"
        first_cap = next((k for k, w in enumerate(core) if is_cap(w)), 0)  # "the state Board of Elections"
        owner_at = next((k for k in range(len(core) - 2, -1, -1) if possessive(core[k])), None)
        if owner_at is not None:  # "Zimbabwe's opposition Movement for Democratic Change": the body after its owner
            first_cap = next((k for k in range(owner_at + 1, len(core)) if is_cap(core[k])), first_cap)
        if (
            not any(
                base(w) in lex.titles
                for k, w in enumerate(title_words)
                if is_cap(w) and not (k and base(title_words[k - 1]) in CONNECTORS)
            )  # a title after "for" or "of" is part of the body's name: "Movement for Democratic Change"
            and all(is_cap(w) or base(w) in CONNECTORS for w in core[first_cap:])
            and any(base(w) in CONNECTORS for w in core[first_cap + 1 : -1])
            and (not first_cap or base(core[first_cap]) in lex.org_nouns)
        ):
            described = owner_at is not None and first_cap > owner_at + 1  # "Zimbabwe's opposition Movement …"
            name = " ".join(core[first_cap:] if described else core)  # "Chamber of Commerce", "Ontario's Ministry of …"
            return Parsed(mention, name, "media" if is_media(name) else "organization")
        owned = next((i for i, w in enumerate(name_words[:-1]) if possessive(w)), None)
        if owned is not None and len(name_words) - owned > 2:
            # "CBC's Richard Cuthbertson": the person; the possessive names whom they work for
            employer = unpossessed(name_words[owned])
            title_words, name_words = [*title_words, *name_words[:owned], employer], name_words[owned + 1 :]
        honorific = any(base(w) in lex.honorifics for w in words)
        if not name_words or (
            all(base(w).endswith("day") and base(w) in TIME_WORDS for w in name_words) and not honorific
        ):
            return None  # "Friday": a day, not a source (a month may be a name: "May said")
        kind = classify_proper(name_words)
        if kind in ("person", "organization") and any(c.isdigit() for c in name_words[-1]):
            # "UFCW Local 832": no person's name ends in a number; "Article 5" is a text
            numbered = base(name_words[-1].split()[0]) in _NUMBERED_TEXTS
            kind = "document" if numbered and len(name_words) == 1 else "organization"
        if kind in ("person", "organization") and after_the and len(core) == 1 and core[0].lower() in lex.media_suffixes:
            kind = "media"  # "the Journal", "The Globe reported": an outlet's short name
        if kind == "person" and had_det and base(words[0]) == "the" and not title_words:
            kind = "organization"  # "the Pentagon", "the Sierra Club"
        if kind != "person":
            name = " ".join(core if not title_words or kind == "organization" else name_words)
            return Parsed(mention, name, kind)
        return Parsed(mention, " ".join(name_words), "person", _title_text(title_words))
    # "Some parents", "two officials": the quantifier stays, it is part of the describing phrase (GUIDE)
    phrase = " ".join(core)
    hb = base(head_noun(core))
    owner = next((k for k in range(len(core) - 2, -1, -1) if possessive(core[k])), None)
    if (hb in SPOKES_ROLES or hb in BODY_ROLES) and owner is not None and hb == base(core[-1]):
        # "the prime minister's official spokesman", "Pelosi's spokesman": the one they speak for
        whose = parse([*words[: len(words) - len(core)], *core[:owner], unpossessed(core[owner])])
        if whose is not None and not whose.pronoun:
            whose.mention, whose.title = mention, " ".join(core[owner + 1 :])
            return whose
    if (hb in SPOKES_ROLES or hb in BODY_ROLES) and len(core) >= 2 and hb == base(core[-1]):
        body = core[:-1]
        named = [w for w in body if is_cap(w) and base(w) not in _FORMER]
        former = any(base(w) in _FORMER for w in body)  # "a former Pentagon official" speaks for no one
        personal = bool(named) and first_name(named[0])
        # a spokesman speaks for whoever is named; an official or lawyer only for what reads as a body
        body_like = (
            bool(named)
            and not demonym(" ".join(named))  # "South Korean officials": people of a country, not a body
            and (hb in SPOKES_ROLES or len(named) > 1 or classify_proper(named) != "person")
        )
        if not former and not personal and body_like and is_cap(body[-1]) and named == body[len(body) - len(named) :]:
            # "a Pentagon spokesman", "a White House official": the body, with the role as title (GUIDE)
            lead = body[: len(body) - len(named)]
            return Parsed(mention, " ".join(named), "organization", title=" ".join([*lead, core[-1]]))
    if hb in SPOKES_ROLES and len(core) >= 2:
        body = core[:-1]
        if base(body[-1]) in lex.org_nouns:  # "a hospital spokesman": the hospital of this article
            return Parsed(mention, " ".join(body), "organization", title=core[-1], generic=True)
    if hb in lex.org_nouns or hb in countries():
        # "the company", "the Austin-based company": a body the article has named
        generic = had_det and base(words[0]) == "the" and hb == base(core[-1])
        owned = any(possessive(w) and base(w) in lex.org_nouns for w in core)  # "the county’s … department"
        return Parsed(mention, phrase, "organization", generic=generic, owned=owned)
    if hb in lex.document_nouns:
        if hb in lex.unspecified_nouns and len(core) == 1:
            return Parsed(mention, phrase, "unspecified")
        return Parsed(mention, phrase, "document")
    if hb in lex.unspecified_nouns and len(core) == 1:
        return Parsed(mention, phrase, "unspecified")
    partitive = len(core) > 2 and base(core[0]) in DETERMINERS and base(core[1]) == "of"  # "one of the players"
    if (base(core[0]) in _QUANTIFIED_HEADS or partitive) and len(core) > 1:
        return Parsed(mention, phrase, "anonymous")  # "some in the Muslim community", "those involved"
    if person_noun(head_noun(core)) or hb in lex.titles or (core[-1].islower() and person_noun(core[-1])):
        # "the judge", or a bare role noun in a headline ("Judge rules ..."); "Two law enforcement sources"
        generic = (had_det and base(words[0]) == "the") or (len(words) == 1 and is_cap(words[0]))
        return Parsed(mention, phrase, "anonymous", generic=generic)
    return None


def _counted(core: list[str]) -> list[str]:
    """The people or texts a count opens with ("workers" in "More than 200 workers", "voters" in "Less than
    a third of voters"), or nothing when the phrase does not open with a count."""
    k, counts = 0, False
    while k < len(core) - 1 and (counting := _count_word(core[k])) is not None:
        counts = counts or counting
        k += 1
    return core[k:] if counts and k else []


def _count_word(word: str) -> bool | None:
    """True for a word that counts ("200", "dozens", "half", "more"), False for one that may stand inside a
    count ("than", "of", "a"), None for any other."""
    b = base(word)
    if b in _COUNT_NOUNS or b in _COUNT_COMPARATIVES or word[0].isdigit():
        return True
    return False if b in _COUNT_FILLERS else None


def count_start(toks: list[str], start: int) -> int:
    """Where a count that runs up to a noun phrase at `start` begins ("More than half of" before
    "Americans", "Tens of thousands of" before "people"): `start` itself when none does, or when the
    count does not open its clause ("was more than 200 people said")."""
    j = start
    while j > 0 and _count_word(toks[j - 1]) is not None:
        j -= 1
    if j == start:
        return start
    measures = any(_count_word(t) and base(t) not in _COUNT_COMPARATIVES for t in toks[j:start])
    counted = measures or (start < len(toks) and toks[start][0].isdigit())  # "More than 200"
    opens = j == 0 or not toks[j - 1][0].isalnum() or base(toks[j - 1]) in ("and", "but")
    return j if counted and opens else start


def _made_document_at(words: list[str], i: int) -> bool:
    """ "A poll released Tuesday", "A study published in Nature": a participle after a document's head starts
    its description; with "by" or "from" after it ("a survey released by the X Group") the maker is read."""
    w = words[i]
    return (
        w.islower()
        and w.endswith("ed")
        and base(words[i - 1]) in lexicon().document_nouns
        and not any(base(x) in ("by", "from") for x in words[i + 1 :])
    )


def _participle_at(words: list[str], i: int) -> bool:
    """ "The parole board decision allowing his release", "statistics showing
    that": a lower-case -ing word after a noun, before a determiner, starts a
    description of the source, not its name."""
    w = words[i]
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    return (
        w.islower()
        and len(w) > 5
        and w.endswith("ing")
        and words[i - 1][:1].isalpha()
        and (nxt in DETERMINERS or nxt in OWNER_PRONOUNS or nxt == "that")
    )


def _first_of_pair(words: list[str], both: bool = False) -> list[str] | None:
    """The first of two named speakers joined by "and" ("Ms. May and the EU",
    "Both Sandmann and Phillips"), not a name with "and" in it ("Department of
    Health and Human Services", "Procter and Gamble", "Trinidad and Tobago"):
    the first part is a person's name, by honorific or first name, or "both" says two."""
    if words and base(words[0]) == "both":
        words = words[1:]
    if "and" not in words:
        return None
    k = words.index("and")
    left, right = words[:k], words[k + 1 :]
    if not left or not right or len(left) > 4 or not (is_cap(right[0]) or right[0].lower() == "the"):
        return None
    lex = lexicon()
    if not all(is_cap(w) for w in left) or any(base(w) in lex.org_nouns for w in left):
        return None
    first = base(left[0])
    titled = 0
    while titled < len(left) and base(left[titled]) in lex.titles:
        titled += 1  # "Det Sgt Ann Hale and Supt Mark Dunn": a title before a name makes it a person's
    personal = first in lex.honorifics or first_name(left[0]) or 0 < titled < len(left)
    return left if personal or both else None


def _affiliation(core: list[str]) -> int | None:
    """Where a prepositional affiliation after a personal name starts ("Tim
    Guest with the Nova Scotia Health Authority"); None inside a body's own
    name ("University of Toronto", "Bank of Canada")."""
    for i in range(2, len(core) - 1):
        if core[i].lower() in _AFFILIATION and all(is_cap(w) for w in core[i - 2 : i]):
            name = core[:i]
            j = len(name)
            while j > 0 and is_cap(name[j - 1]) and base(name[j - 1]) not in lexicon().titles:
                j -= 1
            if len(name) - j >= 2 and classify_proper(name[j:]) == "person":
                return i
    return None


def fallback(words: list[str]) -> Parsed:
    """Whatever follows "according to" is a source: an unnamed one when the
    phrase fits no pattern ("according to library staff")."""
    mention = " ".join(words)
    core = words[1:] if base(words[0]) in DETERMINERS and len(words) > 1 else words
    return Parsed(mention, " ".join(core), "anonymous")
