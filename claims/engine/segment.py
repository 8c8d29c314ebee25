"""Paragraphs and sentences with exact character offsets.

News copy breaks generic splitters in known ways: titles and initials before
names, abbreviations that end a sentence only sometimes (U.S., p.m., Inc.),
sentences that end inside a closing quotation mark, headlines and subheads
without final punctuation, datelines, bylines and page furniture. This module
handles them with a few compiled patterns and the lists in `lang/en/`, which is
what makes it fast enough to run on whole archives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex  # \p{Lu}: names outside ASCII ("Émile", "Ökobank") are names too

from claims.engine.lexicon import alternation, lexicon, words
from claims.engine.mentions import first_name, is_media
from claims.engine.model import Sentence

_LINE = re.compile(r"[^\r\n]+")
_HAS_WORD = re.compile(r"\w")
_WIRE_FOOTER = re.compile(r"(?:SOURCE|CONTACT)\b")  # press-release wire footers, in capitals
_NAME_WORD = r"\p{Lu}[\p{L}.'’\-]*"
_CREDIT = regex.compile(  # "(Steve Lawrence/CBC)", "Chris Young/The Canadian Press.", "Marley Jay, The Associated Press"
    rf"\(?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s*(?:/|,)\s*(?:The\s+|THE\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}\.?\)?\.?"
)
_DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")  # a video's running time under its player
_TIMESTAMP = re.compile(r"(?:Updated|Published|Posted|Last updated|First published)\b[^.\n]*\d", re.I)
_BULLET = re.compile(r"(?:[•·▪◦*–—-]|\d{1,2}[.)])\s")  # a list item starts its own paragraph
_TERMINAL = frozenset('.!?:;"”’»)…')
_OPENING = "\"“‘«(['"
# A run of sentence-final punctuation and closing marks followed by space.
_BOUNDARY = re.compile(r"(?:\.\.\.|[.!?…]+)[\"”’»)\]']*(?=\s)")
_DATELINE = regex.compile(
    r"""(?:
        \p{Lu}[\p{Lu}.'’\-]+(?:\ \p{Lu}[\p{Lu}.'’\-]+)*                      # CITY
        (?:,\ \p{Lu}[\p{L}.'’\-]+(?:\ \p{Lu}[\p{L}.'’\-]+)*)?         # , Region
        (?:,\ \p{Lu}\p{Ll}{2,8}\.?\ \d{1,2}(?:,\ \d{4})?)?            # , Nov. 3, 2026
        \ ?(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?                      # (Reuters) /PRNewswire/
      | \p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){0,2}(?:,\ \p{Lu}\p{Ll}+)?\ ?\([\p{L} .&\-]{1,30}\)  # City (AP)
      | \(\p{Lu}[\p{L} .&\-]{1,20}\)                                       # (CNN)
    )
    \ *(?:--|[-–—•|])\ +""",
    regex.X,
)
_BYLINE = regex.compile(r"(?:By|BY)\s+\p{Lu}[\w.'’\-]*(?:[ ,&]+[\w.'’\-]+){0,10}\s*")
# A caption's credit or a video's running time after its last sentence:
# "… on Saturday. (Jason Franson/Canadian Press)", "… defeat. 1:56"
_TRAILING_CREDIT = regex.compile(
    rf"(?<=[.!?”\"’])\s+(?:\(\s*[^()\n/]{{2,60}}/[^()\n]{{2,60}}\)|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s*/\s*[^.!?\n/]{{2,40}})\s*\Z"
)
# A pull quote signed by its speaker: "… what it's brought me. Morgan McNeely"
_TRAILING_NAME = regex.compile(
    rf"(?<=[.!?”\"’])\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}}(?:,(?:[^.!?\n]|\.(?=\w)){{1,40}})?)\s*\Z"
)  # "…, Rentals.ca": a period inside a name is no stop
# "Tijana Martin / The Canadian Press Anne Marie Cerato …": a photographer's credit before a caption
_LEADING_CREDIT = regex.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s*/\s*")
_SIGNATURE_JOINERS = words("name_particles") | {"of", "the", "and"}  # "Konrad Gajewski, University of Ottawa"
_TAIL = 140  # characters at a paragraph's end that may hold a credit or a signature
_CAPTION_OPENERS = tuple(ln.lower() for ln in lexicon().caption_openers)


@dataclass(slots=True)
class Unit:
    """A hard paragraph: a block between blank lines, or a line that stands
    alone inside a block (headline, subhead, one-line paragraph)."""

    start: int
    end: int
    index: int


def units(text: str) -> list[Unit]:
    """Split text into paragraph units, joining hard-wrapped lines."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]
    if not lines:
        return []
    blocks: list[list[tuple[int, int]]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:], strict=False):
        if text.count("\n", prev[1], cur[0]) >= 2 or text.count("\r", prev[1], cur[0]) >= 2:
            blocks.append([cur])
        else:
            blocks[-1].append(cur)
    out: list[Unit] = []
    for block in blocks:
        longest = max(e - s for s, e in block)
        start = block[0][0]
        for i, (s, e) in enumerate(block):
            last = i == len(block) - 1
            if not last:
                line = text[s:e].rstrip()
                nxt = text[block[i + 1][0] : block[i + 1][1]].lstrip()
                ends = line[-1:] in _TERMINAL
                short = len(line) < 0.7 * longest or len(block) == 1
                if not ends and not (short and nxt[:1].isupper()) and not _BULLET.match(nxt):
                    continue  # a soft wrap: the sentence goes on
            out.append(Unit(start, e, len(out)))
            if not last:
                start = block[i + 1][0]
    return out


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _outlet_tail(line: str) -> bool:
    """ "Marley Jay, The Associated Press": a credit's second half names an outlet."""
    tail = line.split(",", 1)[1].strip().rstrip(".")
    return is_media(tail) or tail.split()[-1:] in (["Press"], ["Post"], ["News"], ["Times"])


def _is_furniture(line: str) -> bool:
    if (_TIMESTAMP.match(line) or _WIRE_FOOTER.match(line)) and len(line) < 100 and not line.endswith("."):
        return True  # "Updated 3:45 PM EST, November 2, 2026", "SOURCE Solvia Health"
    low = line.lower().lstrip("([ ")
    if len(line) < 200 and (
        low.startswith(lexicon().furniture) or low.rstrip(" )").endswith(lexicon().furniture_endings)
    ):
        return True
    if _DURATION.fullmatch(line.strip()):
        return True
    if "/" in line or line.count(",") == 1:
        credit = _CREDIT.fullmatch(line.strip())
        if credit and ("/" in line or _outlet_tail(line)):
            return True
    m = _BYLINE.fullmatch(line)
    return bool(m) and len(line.split()) <= 12 and not line.endswith(".")


def _without_credits(text: str, s: int, e: int) -> tuple[int, int, str | None]:
    """A paragraph without the photo credit, running time or "Open this photo
    in gallery" that a page wraps around a caption: they are never claims.
    A name that signs a pull quote is cut off too, and returned."""
    last = text[e - 1]
    # credits and signatures are short and end a paragraph without a stop: read only such ends
    m = (
        _TRAILING_CREDIT.search(text, max(s, e - _TAIL), e)
        if last == ")" or last.isdigit() or "/" in text[max(s, e - 60) : e]
        else None
    )
    if m:
        e = m.start()
    signed = None
    m = _TRAILING_NAME.search(text, max(s, e - _TAIL), e) if text[e - 1].isalpha() else None
    if m and _is_signature(m.group(1)) and _ends_sentence(text, s, m.start(), e):
        e, signed = m.start(), m.group(1)
    low = text[s:e].lower()
    for opener in _CAPTION_OPENERS:
        if low.startswith(opener):
            s = _skip_space(text, s + len(opener), e)
            break
    m = _LEADING_CREDIT.match(text, s, e) if "/" in text[s : s + 60] else None
    if m:
        after = text[m.end() : e].split()
        for k in range(min(5, len(after) - 1), 0, -1):
            if is_media(" ".join(after[:k]).rstrip(".")):
                s = _skip_space(text, text.index(after[k - 1], m.end()) + len(after[k - 1]), e)
                break
    return s, e, signed


def _ends_sentence(text: str, s: int, at: int, e: int) -> bool:
    """Does the punctuation that ends at `at` close a sentence, by the splitter's
    own rule? A signature follows a sentence, never an abbreviation ("for Gov. Kathy Hochul")."""
    stop = next((m for m in _BOUNDARY.finditer(text, max(s, at - 8), at + 1) if m.end() == at), None)
    return stop is None or _breaks(text, stop, _skip_space(text, at, e), e, s)


def _is_signature(line: str) -> bool:
    """A name standing alone under a pull quote ("Julie Easley", "Konrad
    Gajewski, University of Ottawa"): a credit line, not a claim."""
    words = line.split(",", 1)[0].split()
    if not 2 <= len(words) <= 6 or len(line.split()) > 8 or line.rstrip()[-1:] in '.!?:;"”’':
        return False
    if not all(w[:1].isupper() or w in _SIGNATURE_JOINERS for w in words):
        return False
    return any(first_name(w) for w in words[:-1])


def _first_word(text: str, i: int, end: int) -> str:
    j = i
    while j < end and text[j] in _OPENING:
        j += 1
    k = j
    while k < end and (text[k].isalnum() or text[k] in "'’-"):
        k += 1
    return text[j:k]


@cache
def _attribution_tail() -> re.Pattern[str]:
    """`“Why now?” Smith asked.` must not split after the question mark."""
    lex = lexicon()
    verbs = alternation(set(lex.speech_core) | set(lex.speech_content))
    return regex.compile(rf"(?:(?:\p{{Lu}}[\w.'’\-]*|the|a|an|of)\s+){{1,5}}(?:{verbs})\b|(?:{verbs})\s+\p{{Lu}}")


def _breaks(text: str, m: re.Match[str], nxt: int, end: int, start: int) -> bool:
    """Does the punctuation run `m` (in a sentence begun at `start`) end a
    sentence before position `nxt`?"""
    c = text[nxt]
    if c in _OPENING and nxt + 1 < end:
        c = text[nxt + 1]
        if c == "'" == text[nxt] and nxt + 2 < end:
            c = text[nxt + 2]  # ''It …: two apostrophes open a quotation
    if not (c.isupper() or c.isdigit()):
        return False
    punct = m.group()
    lex = lexicon()
    closed_quote = punct[-1] in "\"”’»'"
    if closed_quote and punct.rstrip("\"”’»)]'")[-1:] in "?!" and _attribution_tail().match(text, nxt, end):
        return False
    if punct.startswith(".") and not punct.startswith("..."):
        ws = text.rfind(" ", 0, m.start())
        ws = max(ws, text.rfind("\n", 0, m.start()))
        token = text[ws + 1 : m.start()].lstrip(_OPENING).lower()
        if token in lex.abbr_never or (token.isdigit() and ws + 1 <= start):
            return False  # a title before a name, or a list number ("1. Selling the jet")
        if token in lex.time_of_day:  # "at 11 a.m. Smith left" ends; "at 3 p.m. Friday" does not
            nxt_word = _first_word(text, nxt, end).lower()
            if nxt_word in lex.zone_names:  # "10 a.m. Eastern time" goes on; "2 p.m. Central Bank officials" ends
                after = _first_word(text, nxt + len(nxt_word) + 1, end).lower()
                return after != "time"
            return nxt_word not in lex.time_zones and nxt_word not in words("time")
        if token.replace(",", "").replace(".", "").isdigit():
            return True  # a figure ends the sentence: "slipped 0.6 per cent to 20,442.75. South Korea's …"
        if token in lex.abbr_before_number:  # "No. 5", but "No. Is either …" is a sentence
            return not text[nxt : nxt + 1].isdigit()
        initial = len(token) == 1 and token.isalpha()
        if initial or "." in token or token in lex.abbr_unless_starter:
            return _first_word(text, nxt, end).lower() in lex.starters
        return True
    if punct.startswith(("...", "…")):
        return _first_word(text, nxt, end).lower() in lex.starters
    return True


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the claim text begins after a dateline such as `VIENNA •`."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


def sentences(text: str, found: list[Unit] | None = None) -> tuple[list[Sentence], str | None]:
    """All claim spans of an article, and its headline when it has one."""
    out: list[Sentence] = []
    title = None
    if found is None:
        found = units(text)
    for n, unit in enumerate(found):
        s = _skip_space(text, unit.start, unit.end)
        e = unit.end
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e or _is_furniture(text[s:e]) or not _HAS_WORD.search(text, s, e):
            continue  # furniture, or a rule line such as "---" or "* * *"
        headline = n == 0 and len(found) > 1 and text[e - 1] not in ".!?" and "\n" not in text[s:e]
        if headline and len(text[s:e].split()) <= 30:
            title = text[s:e]
        if headline and len(text[s:e].split()) <= 30:
            out.append(Sentence(s, e, unit.index, text[s:e]))  # a headline is one claim, even with two sentences
            continue
        s = dateline_end(text, s, e)
        s, e, signed = _without_credits(text, s, e)
        if s >= e or _is_signature(text[s:e]):
            continue
        for m in _BOUNDARY.finditer(text, s, e):
            nxt = _skip_space(text, m.end(), e)
            if nxt >= e or not _breaks(text, m, nxt, e, s):
                continue
            out.append(Sentence(s, m.end(), unit.index, text[s : m.end()], signed))
            s = nxt
        if s < e:
            out.append(Sentence(s, e, unit.index, text[s:e], signed))
    return out, title
