"""Comparing the wording of quotations: folding away punctuation and case,
normalising spelling (British/American, "gonna") so two outlets' renderings
of one utterance compare equal, and word-level differences for display.

Shared by quote groups and transcript verification, so both call the same
words "the same".
"""

from __future__ import annotations

import difflib
import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# colloquial forms and contractions -> the full words (applied word by word)
_SPOKEN = {
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "gimme": "give me",
    "kinda": "kind of",
    "sorta": "sort of",
    "lemme": "let me",
    "outta": "out of",
    "dunno": "do not know",
    "ain't": "is not",
    "won't": "will not",
    "can't": "cannot",
    "shan't": "shall not",
    "'til": "until",
    "til": "until",
    "cause": "because",
    "'cause": "because",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "what's": "what is",
    "let's": "let us",
}
_CONTRACTION_TAILS = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'m", " am"),
    ("'d", " would"),
)

# British -> American spellings: explicit words (and their regular endings), no blind suffix rules ("four" is not "for")
_OUR = "colour favour honour labour neighbour behaviour harbour humour rumour flavour vigour valour endeavour savour armour splendour parlour odour tumour clamour candour fervour rancour saviour".split()
_ISE = "organis realis recognis apologis criticis prioritis mobilis stabilis modernis legalis privatis normalis minimis maximis capitalis finalis authoris characteris summaris utilis jeopardis patronis scrutinis sympathis terroris subsidis centralis decentralis energis harmonis hospitalis industrialis legitimis marginalis memoris moralis neutralis penalis polaris popularis publicis radicalis rationalis specialis standardis symbolis vandalis visualis weaponis emphasis".split()
_SIMPLE = {
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "calibre": "caliber",
    "sombre": "somber",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "cheque": "check",
    "cheques": "checks",
    "analyse": "analyze",
    "analysed": "analyzed",
    "paralyse": "paralyze",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "judgement": "judgment",
    "ageing": "aging",
    "mould": "mold",
    "plough": "plow",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "whilst": "while",
    "amongst": "among",
    "towards": "toward",
    "travelled": "traveled",
    "travelling": "traveling",
    "traveller": "traveler",
    "travellers": "travelers",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "modelled": "modeled",
    "fuelled": "fueled",
    "counselled": "counseled",
    "signalled": "signaled",
    "enrol": "enroll",
    "fulfil": "fulfill",
}
for _stem in _OUR:
    for _end in (
        "",
        "s",
        "ed",
        "ing",
        "able",
        "ably",
        "ite",
        "ites",
        "ful",
        "less",
        "hood",
        "hoods",
        "ly",
        "er",
        "ers",
    ):
        _SIMPLE[_stem + _end] = _stem[:-3] + "or" + _end
for _stem in _ISE:
    for _end in ("e", "es", "ed", "ing", "er", "ers", "ation", "ations"):
        _SIMPLE[_stem + _end] = _stem[:-1] + "z" + _end


def fold(text: str) -> str:
    """Lowercase, curly quotes straightened, accents kept, punctuation gone."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    return " ".join(WORD.findall(text))


def words(text: str) -> list[str]:
    """The folded words of a text (punctuation and case do not count)."""
    return fold(text).split()


def normal_word(w: str) -> str:
    """One folded word in its normal spelling (may become several words: gonna -> going to)."""
    if w in _SPOKEN:
        return _SPOKEN[w]
    if w in _SIMPLE:
        return _SIMPLE[w]
    for tail, full in _CONTRACTION_TAILS:
        if w.endswith(tail) and len(w) > len(tail):
            head = w[: -len(tail)]
            return head + full
    return w


def normal_words(text_or_words: str | list[str]) -> list[str]:
    """Folded words with spelling and colloquial forms normalised: the words two outlets agree on."""
    ws = words(text_or_words) if isinstance(text_or_words, str) else text_or_words
    out: list[str] = []
    for w in ws:
        if w == "cent" and out and out[-1] == "per":  # "per cent" and "percent"
            out[-1] = "percent"
            continue
        out.extend(normal_word(w).split())
    return out


def normal(text: str) -> str:
    return " ".join(normal_words(text))


def _opcodes(a: list[str], b: list[str], shortened: bool) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes; with `shortened`, words of `a` left out before or after `b` do not count (a shortened quote)."""
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    if shortened:
        if ops and ops[0][0] == "delete":
            ops = ops[1:]
        if ops and ops[-1][0] == "delete":
            ops = ops[:-1]
    return ops


def diff(a: list[str], b: list[str], shortened: bool = False) -> list[dict]:
    """Word-level differences from `a` to `b`: [{"op": replace|delete|insert, "a": words, "b": words}]."""
    out = []
    for op, i1, i2, j1, j2 in _opcodes(a, b, shortened):
        if op != "equal":
            out.append({"op": op, "a": " ".join(a[i1:i2]), "b": " ".join(b[j1:j2])})
    return out


def runs(a: list[str], b: list[str], shortened: bool = False) -> list[dict]:
    """`b` cut into runs for display: unchanged words, and changed words with what `a` had there."""
    out: list[dict] = []
    for op, i1, i2, j1, j2 in _opcodes(a, b, shortened):
        if op == "equal":
            out.append({"text": " ".join(b[j1:j2])})
        else:
            out.append({"op": op, "text": " ".join(b[j1:j2]), "was": " ".join(a[i1:i2])})
    return out


def describe(changes: list[dict]) -> str:
    """One line for a terminal: 'not -> never; dropped: whatever it costs'."""
    parts = []
    for c in changes:
        if c["op"] == "replace":
            parts.append(f"{c['a']} -> {c['b']}")
        elif c["op"] == "delete":
            parts.append(f"dropped: {c['a']}")
        else:
            parts.append(f"added: {c['b']}")
    return "; ".join(parts)
