"""Word lists of news-writing conventions, loaded once from `claims/lang/en/`.

Keeping them in data files lets an editor extend a list (a new verb of
saying, an outlet, a title) without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("claims.lang.en").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"": []}
    current = ""
    for ln in _lines(name):
        if ln.startswith("["):
            if not ln.endswith("]"):
                raise ValueError(f"{name}: a section header must be a line of its own: {ln!r}")
            current = ln[1:-1]
            out.setdefault(current, [])
        else:
            out[current].append(ln)
    return out


def _words(lines: list[str]) -> set[str]:
    """Every word of the lines, lower case, without a final period."""
    return {w.lower().rstrip(".") for ln in lines for w in ln.split()}


def _with_plurals(nouns: set[str]) -> frozenset[str]:
    """The nouns and their regular plurals ("audit" -> "audits", "agency" -> "agencies")."""
    out = set(nouns)
    for n in nouns:
        if n.endswith("y") and not n.endswith(("ay", "ey", "oy")):
            out.add(n[:-1] + "ies")
        elif not n.endswith("s"):
            out.add(n + "s")
    return frozenset(out)


def _phrase(form: str) -> str:
    return form.replace("_", " ")


@dataclass(frozen=True)
class Lexicon:
    speech_core: dict[str, str]  # inflected form -> lemma
    speech_content: dict[str, str]
    finding: dict[str, str]
    finding_content: dict[str, str]
    belief: dict[str, str]
    belief_states: frozenset[str]
    finding_ruling: dict[str, str]
    finding_document: dict[str, str]
    rulers: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    org_nouns: frozenset[str]
    anon_nouns: frozenset[str]
    document_nouns: frozenset[str]
    carrier_nouns: frozenset[str]
    company_nouns: frozenset[str]
    opinion_labels: frozenset[str]
    unspecified_nouns: frozenset[str]
    postmodifiers: tuple[tuple[str, ...], ...]
    grammar: dict[str, frozenset[str]]
    female_names: frozenset[str]
    male_names: frozenset[str]
    media: frozenset[str]
    media_suffixes: frozenset[str]
    editorial: tuple[tuple[str, float, bool], ...]  # phrase, weight, case-sensitive
    abbr_never: frozenset[str]
    abbr_unless_starter: frozenset[str]
    abbr_before_number: frozenset[str]
    starters: frozenset[str]
    time_of_day: frozenset[str]
    time_zones: frozenset[str]
    zone_names: frozenset[str]
    furniture: tuple[str, ...]
    furniture_endings: tuple[str, ...]
    caption_openers: tuple[str, ...]


def _forms(lines: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in lines:
        parts = [_phrase(p) for p in ln.split()]
        for p in parts:
            out.setdefault(p, parts[0])
    return out


def _compound_titles(titles: set[str]) -> frozenset[str]:
    """ "secretary-general", "vice-president", "editor-in-chief": a title joined by a hyphen to a
    prefix or suffix of `grammar/title_compounds.txt` is a title too."""
    prefixes, suffixes = (ln.split() for ln in _lines("grammar/title_compounds.txt"))
    plain = [t for t in titles if t.isalpha()]
    return frozenset([f"{p}-{t}" for p in prefixes for t in plain] + [f"{t}-{s}" for s in suffixes for t in plain])


@cache
def lexicon() -> Lexicon:
    speech = _sections("speech_verbs.txt")
    titles = _lines("titles.txt")
    honor = _words([ln[1:] for ln in titles if ln.startswith("|")])
    plain_titles = _words([ln for ln in titles if not ln.startswith("|")])
    nouns = _sections("source_nouns.txt")
    media = _sections("media.txt")
    editorial = []
    for ln in _lines("editorial_cues.txt"):
        weight, _, phrase = ln.partition("\t")
        exact = phrase.startswith("=")
        editorial.append((phrase[1:] if exact else phrase.lower(), float(weight), exact))
    abbr = _sections("abbreviations.txt")
    findings = _sections("finding_verbs.txt")
    return Lexicon(
        speech_core=_forms(speech["core"]),
        speech_content=_forms(speech["content"]),
        finding=_forms(findings["core"]),
        finding_content={**_forms(findings["content"]), **_forms(findings["belief"])},
        belief=_forms(findings["belief"]),
        belief_states=frozenset(_words(findings["belief_state"])),
        finding_ruling=_forms(findings["ruling"]),
        finding_document=_forms(findings["document"]),
        rulers=frozenset(_words(findings["rulers"])),
        titles=frozenset(plain_titles) | _compound_titles(plain_titles),
        honorifics=frozenset(honor),
        org_nouns=_with_plurals(_words(nouns["organization"]) | _words(nouns["company"])),
        anon_nouns=_with_plurals(_words(nouns["anonymous"])),
        document_nouns=_with_plurals(_words(nouns["document"])),
        company_nouns=frozenset(_words(nouns["company"])),
        opinion_labels=frozenset(_words(nouns["opinion_labels"])),
        carrier_nouns=frozenset(_words(nouns["carrier"])),
        unspecified_nouns=frozenset(_words(nouns["unspecified"])),
        postmodifiers=tuple(tuple(ln.lower().split()) for ln in nouns["postmodifier"]),
        grammar=_grammar(),
        female_names=frozenset(_words(_sections("first_names.txt")["female"])),
        male_names=frozenset(_words(_sections("first_names.txt")["male"])),
        media=frozenset(m.lower() for m in media[""]),
        media_suffixes=frozenset(m.lower() for m in media["suffix"]),
        editorial=tuple(editorial),
        abbr_never=frozenset(_words(abbr["never"])),
        abbr_unless_starter=frozenset(_words(abbr["unless_starter"])),
        abbr_before_number=frozenset(_words(abbr["before_number"])),
        starters=frozenset(_words(abbr["starters"])),
        time_of_day=frozenset(_words(abbr["time_of_day"])),
        time_zones=frozenset(_words(abbr["time_zones"])),
        zone_names=frozenset(_words(abbr["zone_names"])),
        furniture=tuple(ln.lower() for ln in _sections("furniture.txt")[""]),
        furniture_endings=tuple(ln.lower() for ln in _sections("furniture.txt")["suffix"]),
        caption_openers=tuple(ln.lower() for ln in _sections("furniture.txt")["caption"]),
    )


def _grammar() -> dict[str, frozenset[str]]:
    """The closed word classes of `lang/en/grammar/`, one file a class."""
    folder = resources.files("claims.lang.en").joinpath("grammar")
    return {
        f.name[: -len(".txt")]: frozenset(w for ln in _lines("grammar/" + f.name) for w in ln.split())
        for f in folder.iterdir()
        if f.name.endswith(".txt")
    }


def alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation that tries longer phrases first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def words(section: str) -> frozenset[str]:
    """A closed class of grammar words, from `lang/en/grammar/<section>.txt`."""
    return lexicon().grammar[section]


@cache
def member_groups() -> dict[str, str]:
    """Plural names of a party's members or of a people ("Republicans", "Canadians"), lower case, each with
    its section in `member_groups.txt` ("parties" or "peoples")."""
    return {ln.lower(): section for section, lines in _sections("member_groups.txt").items() for ln in lines}


@cache
def typed_bodies() -> dict[str, tuple[str, ...]]:
    """Generic nouns for a kind of body ("union"), each with the words its members' names carry,
    strongest first ("union" before "association"), from `typed_bodies.txt`."""
    return {ln.split()[0]: tuple(ln.lower().split()[1:]) for ln in _lines("typed_bodies.txt")}


@cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated titles ("gov", "sen") and the title each stands for, from `title_abbreviations.txt`."""
    return {ln.split()[0]: ln.split()[1] for ln in _lines("title_abbreviations.txt")}
