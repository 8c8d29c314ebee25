"""Quotation spans: curly, straight, single and guillemet marks.

Follows the news convention that a quotation running over paragraphs is
re-opened at each paragraph and closed only at its end; apostrophes (inside a
word, or closing a plural possessive with no quotation open) are not quote
marks; two apostrophes (''…'', the New York Times' archive style) are one
straight double mark; unbalanced marks close at the paragraph's end and never raise.
"""

from __future__ import annotations

import re

from claims.engine.model import Quote
from claims.engine.segment import Unit

_MARKS = re.compile(r"''|[“”„\"«»‘’‹›']")
_DOUBLE_OPEN = "“„«‹"
_DOUBLE_CLOSE = "”»›"
_BEFORE_OPEN = ' \t\r\n([{—–-/“"«'
_DOUBLE = re.compile(r"''|[“”„\"«»‹›]")
_UNMARKED_REACH = 6  # paragraphs a statement may run on without marks before the one that closes it


def find_quotes(text: str, paragraphs: list[Unit]) -> list[Quote]:
    """Every quoted span, in order; pieces of one quotation share `group`."""
    out: list[Quote] = []
    group = -1
    carried = False  # the previous paragraph ended inside a quotation
    for k, unit in enumerate(paragraphs):
        first = unit.start
        while first < unit.end and text[first].isspace():
            first += 1
        if carried and not _DOUBLE.search(text, unit.start, unit.end) and _closed_later(text, paragraphs, k):
            # a statement quoted over paragraphs that are not re-opened, closed in a later one
            end = unit.end
            while end > first and text[end - 1].isspace():
                end -= 1
            out.append(Quote(first, end, text[first:end], group, first, None))
            continue
        continues = carried and first < unit.end and text[first] in _DOUBLE_OPEN + '"'
        open_at: int | None = None  # position of the open double mark
        single_at: int | None = None
        open_width = 1
        for m in _MARKS.finditer(text, unit.start, unit.end):
            i, width = m.start(), len(m.group())
            c = '"' if width == 2 else text[i]  # '' is a straight double mark
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + width] if i + width < len(text) else " "
            if open_at is None:
                # a closing mark typed where a quotation opens ("(”Anxiety is …”)") opens it
                wrong_way = c in _DOUBLE_CLOSE and prev in _BEFORE_OPEN and nxt.isalnum()
                # a straight mark after a word or stop and before a space closes a quotation begun before
                closing = c == '"' and (prev.isalpha() or prev in ",.?!") and (nxt.isspace() or nxt in ".,;")
                if c in _DOUBLE_OPEN or (c == '"' and not prev.isdigit() and not closing) or wrong_way:
                    open_at, open_width = i, width
                    if not (continues and i == first):
                        group += 1
                    continues = False
                elif (c in _DOUBLE_CLOSE or closing) and not out_has_open_before(out, unit, i):
                    # a closing mark with no opener: the quotation began before, in an earlier
                    # paragraph, or (its opener lost) at the start of this sentence
                    start = first
                    if not carried:
                        group += 1
                        stop = max(text.rfind(e, first, i) for e in (". ", "? ", "! "))
                        start = stop + 2 if stop >= first else first
                    out.append(Quote(start, i, text[start:i], group, start, i + width - 1))
                    carried = False
                elif c in "‘'" and single_at is None and prev in _BEFORE_OPEN and not nxt.isspace() and nxt != "'":
                    single_at = i
                elif c in "’'" and single_at is not None and not nxt.isalnum() and not prev.isspace():
                    if _plural_possessive(text, i, unit.end):
                        continue  # "‘Teachers’ pay must rise,’ said …": the quotation closes later
                    group += 1
                    out.append(Quote(single_at + 1, i, text[single_at + 1 : i], group, single_at, i))
                    single_at = None
            elif c in _DOUBLE_CLOSE or c == '"':
                if c == '"' and prev.isdigit() and text[open_at] != '"':
                    continue
                a = open_at + open_width
                out.append(Quote(a, i, text[a:i], group, open_at, i + width - 1))
                open_at = None
        carried = False
        if open_at is not None:
            a, end = open_at + open_width, unit.end
            while end > a and text[end - 1].isspace():
                end -= 1
            out.append(Quote(a, end, text[a:end], group, open_at, None))
            carried = True
    return out


def _closed_later(text: str, paragraphs: list[Unit], k: int) -> bool:
    """Does the first double mark after paragraph k close a quotation (“… no marks … last words.”)?"""
    for unit in paragraphs[k + 1 : k + 1 + _UNMARKED_REACH]:
        m = _DOUBLE.search(text, unit.start, unit.end)
        if m is None:
            continue
        c, i = m.group()[0].replace("'", '"'), m.start()
        return c in _DOUBLE_CLOSE or (c == '"' and i > 0 and not text[i - 1].isspace() and text[i - 1] not in _BEFORE_OPEN)
    return False


def out_has_open_before(out: list[Quote], unit: Unit, i: int) -> bool:
    """True when a quotation already closed earlier in this paragraph, so a
    stray closing mark is noise rather than the end of a carried quotation."""
    return bool(out) and out[-1].close_mark is not None and unit.start <= out[-1].close_mark < i


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """Is the single mark at i a plural's possessive inside a single-quoted quotation ("‘Teachers’ pay must
    rise,’ said …")? It follows an "s", a lower-case word follows it, and the quotation closes later in the
    paragraph, before any new one opens; "‘We will win the states’ she said" closes at the mark."""
    if text[i - 1] not in "sS" or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].islower():
        return False
    for k in range(i + 1, end):
        c = text[k]
        if c in "‘'" and text[k - 1] in _BEFORE_OPEN and k + 1 < end and text[k + 1].isalnum():
            return False  # a new quotation opens first
        if c in "’'" and not text[k - 1].isspace() and not (k + 1 < end and text[k + 1].isalnum()):
            return True
    return False
