"""Scoring the engine against hand-labelled gold articles (the GUIDE format).

The metrics are those of the shared scorer (`../shared/gold/score.py`),
reimplemented here so that a user's clone, which has no `../shared`, can
measure the engine on its own labelled articles, in process and without a
subprocess per article. The same inputs give the same numbers as score.py.

Pure: the functions take parsed JSON and return tallies, metrics and lines;
reading files is the CLI's business (`claims eval`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claims.engine.model import CLAIM_TYPES
from claims.errors import ClaimsError

TYPES: tuple[str, ...] = CLAIM_TYPES  # the order score.py prints them in
Span = tuple[int, int]

_OPTIONAL_STR = ("source", "source_kind", "title", "mention", "cue", "via")


# -- reading gold and predictions (already parsed JSON) -----------------------


def check_gold(obj: object, label: str) -> dict:
    """The gold article, or a one-line ClaimsError saying what is wrong with it,
    so a labelling slip is told before it silently skews a score."""
    if not isinstance(obj, dict):
        raise ClaimsError(f"{label}: a gold file is one JSON object with 'text' and 'claims', not {_kind(obj)}")
    text, claims = obj.get("text"), obj.get("claims")
    if not isinstance(text, str) or not text.strip():
        raise ClaimsError(f"{label}: 'text' must be the article text (a non-empty string)")
    if not isinstance(claims, list):
        raise ClaimsError(f"{label}: 'claims' must be a list of claim objects")
    for n, c in enumerate(claims, 1):
        where = f"{label}: claim {n}"
        if not isinstance(c, dict):
            raise ClaimsError(f"{where} must be an object, not {_kind(c)}")
        if not isinstance(c.get("text"), str) or not c["text"].strip():
            raise ClaimsError(f"{where}: 'text' must be the sentence as it stands in the article")
        if c.get("type") not in TYPES:
            raise ClaimsError(f"{where}: 'type' is {c.get('type')!r}, not one of {', '.join(TYPES)}")
        also = c.get("also", [])
        if not isinstance(also, list) or any(t not in TYPES for t in also):
            raise ClaimsError(f"{where}: 'also' must be a list of types ({', '.join(TYPES)})")
        ok = c.get("source_ok", [])
        if not isinstance(ok, list) or not all(isinstance(s, str) for s in ok):
            raise ClaimsError(f"{where}: 'source_ok' must be a list of names")
        for key in _OPTIONAL_STR:
            if c.get(key) is not None and not isinstance(c[key], str):
                raise ClaimsError(f"{where}: {key!r} must be a string or null")
        if not isinstance(c.get("direct", False), bool):
            raise ClaimsError(f"{where}: 'direct' must be true or false")
    locate(text, claims, label)
    return obj


def locate(text: str, claims: list[dict], label: str = "gold") -> list[Span]:
    """Offsets of the gold claims, each searched after the previous one (the
    claims are in article order, so a repeated sentence finds its own place)."""
    out: list[Span] = []
    pos = 0
    for n, c in enumerate(claims, 1):
        t = c["text"]
        i = text.find(t, pos)
        if i < 0:
            why = "is out of order (it stands before the previous claim)" if t in text else "is not in the article text"
            raise ClaimsError(f"{label}: claim {n} {why}: {_short(t)!r}")
        out.append((i, i + len(t)))
        pos = i + len(t)
    return out


def parse_predictions(raw: str, label: str) -> list[dict]:
    """Predicted claims from a saved run: `claims split --format json` output,
    a JSON list of claims, or JSON lines (what score.py accepts from a command)."""
    raw = raw.strip()
    if not raw:
        return []
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError:
        try:
            obj = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise ClaimsError(f"{label}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    claims = obj.get("claims") if isinstance(obj, dict) else obj
    if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
        raise ClaimsError(f"{label}: predictions must be an object with a 'claims' list, or a list of claim objects")
    return claims


def predict(text: str) -> list[dict]:
    """The engine's claims for an article, as `claims split --format json` gives them."""
    from claims.engine import analyze

    return analyze(text).to_dict()["claims"]


# -- scoring ------------------------------------------------------------------


def norm(name: str | None) -> str:
    """A source name reduced so that case, punctuation and a leading article
    ("the Pentagon") do not count as disagreement."""
    if not name:
        return ""
    s = name.lower().replace("’", "'")
    s = re.sub(r"[^\w' ]+", " ", s)
    s = re.sub(r"^(a|an|the|one)\s+", "", s.strip())
    return " ".join(s.split())


def pred_spans(text: str, claims: list[dict]) -> list[Span | None]:
    """Character spans of predicted claims; offsets are trusted only when they
    point at the claim's own text, otherwise the text is searched."""
    spans: list[Span | None] = []
    pos = 0
    for c in claims:
        t = (c.get("text") or "").strip()
        s, e = c.get("start"), c.get("end")
        if isinstance(s, int) and isinstance(e, int) and text[s:e].strip() == t:
            spans.append((s, e))
            pos = e
            continue
        i = text.find(t, pos) if t else -1
        if i < 0:
            i = text.find(t) if t else -1
        spans.append((i, i + len(t)) if i >= 0 else None)
        if i >= 0:
            pos = i + len(t)
    return spans


def strip_span(text: str, span: Span) -> Span:
    """A span without surrounding whitespace, so "exact" ignores a trailing newline."""
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def source_name(claim: dict) -> tuple[str | None, str | None]:
    """(name, kind) of a claim's source, whether given as an object or a string."""
    src = claim.get("source")
    if isinstance(src, dict):
        return src.get("name"), src.get("kind")
    return src, claim.get("source_kind")


@dataclass
class Disagreement:
    """One place where the engine and the labeller part: what a desk should check."""

    article: str
    claim: str
    field: str  # type, source, kind or direct
    gold: str | bool | None
    predicted: str | bool | None

    def line(self) -> str:
        return f"  {self.field:7s} gold={self.gold!r} pred={self.predicted!r}: {_short(self.claim, 70)!r}"

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "claim": self.claim,
            "field": self.field,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class Tally:
    """Counts over one or more articles; summed, then turned into Metrics."""

    counts: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (gold type, predicted type or None) -> n
    disagreements: list[Disagreement] = field(default_factory=list)

    def __iadd__(self, other: Tally) -> Tally:
        self.counts.update(other.counts)
        self.confusion.update(other.confusion)  # keeps first-seen order, as score.py's rows do
        self.disagreements.extend(other.disagreements)
        return self


def score_article(gold: dict, predicted: list[dict], label: str = "gold") -> Tally:
    """Each gold claim against the predicted claim that overlaps it most."""
    text = gold["text"]
    gspans = [strip_span(text, s) for s in locate(text, gold["claims"], label)]
    pspans = pred_spans(text, predicted)
    pstrip = {strip_span(text, s) for s in pspans if s}
    tally = Tally()
    n = tally.counts
    n["gold_claims"] += len(gspans)
    n["pred_claims"] += len(predicted)
    n["seg_exact"] += sum(1 for s in gspans if s in pstrip)
    for g, gs in zip(gold["claims"], gspans, strict=True):
        p = _best_overlap(gs, pspans, predicted)
        ptype = p.get("type")
        tally.confusion[(g["type"], ptype)] += 1
        ok_lenient = ptype in [g["type"], *g.get("also", [])]
        n["type_strict"] += ptype == g["type"]
        n["type_lenient"] += ok_lenient
        pname, pkind = source_name(p)
        gnames = {norm(x) for x in [g.get("source"), *g.get("source_ok", [])] if x}
        found: list[Disagreement] = []
        if g.get("source"):
            n["src_gold"] += 1
            if pname and norm(pname) in gnames:
                n["src_tp"] += 1
                n["kind_ok"] += pkind == g.get("source_kind")
                if pkind != g.get("source_kind"):
                    found.append(Disagreement(label, g["text"], "kind", g.get("source_kind"), pkind))
            else:
                found.append(Disagreement(label, g["text"], "source", g["source"], pname))
        elif pname:
            found.append(Disagreement(label, g["text"], "source", None, pname))
        if pname:
            n["src_pred"] += 1
        if g.get("direct"):
            n["direct_gold"] += 1
            n["direct_tp"] += bool(p.get("direct"))
        if p.get("direct"):
            n["direct_pred"] += 1
        if bool(g.get("direct")) != bool(p.get("direct")):
            found.append(Disagreement(label, g["text"], "direct", bool(g.get("direct")), bool(p.get("direct"))))
        if not ok_lenient:
            found.insert(0, Disagreement(label, g["text"], "type", g["type"], ptype))
        tally.disagreements.extend(found)
    return tally


def _best_overlap(gs: Span, pspans: list[Span | None], predicted: list[dict]) -> dict:
    best, best_ov = None, 0
    for k, ps in enumerate(pspans):
        if ps is None:
            continue
        ov = min(gs[1], ps[1]) - max(gs[0], ps[0])
        if ov > best_ov:
            best, best_ov = k, ov
    return predicted[best] if best is not None else {}


# -- metrics ------------------------------------------------------------------


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Metrics:
    """The figures score.py prints, computed from a Tally."""

    counts: Counter
    confusion: Counter
    seg: tuple[float, float, float]
    type_strict: float
    type_lenient: float
    type_f1: dict[str, float]
    type_macro_f1: float
    source: tuple[float, float, float]
    direct: tuple[float, float, float]

    def summary(self) -> dict[str, float]:
        """The five headline numbers the bars in tests/test_gold.py guard."""
        return {
            "seg_f1": self.seg[2],
            "type_lenient": self.type_lenient,
            "type_macro_f1": self.type_macro_f1,
            "source_f1": self.source[2],
            "direct_f1": self.direct[2],
        }

    def summary_line(self) -> str:
        return "SUMMARY " + " ".join(f"{k}={v:.3f}" for k, v in self.summary().items())

    def lines(self) -> list[str]:
        """The report, line for line as score.py prints it."""
        c = self.counts
        sp, sr, sf = self.source
        dp, dr, df = self.direct
        out = [
            f"claims: gold {c['gold_claims']}, predicted {c['pred_claims']}",
            f"segmentation exact-span P {self.seg[0]:.3f} R {self.seg[1]:.3f} F1 {self.seg[2]:.3f}",
            f"type accuracy strict {self.type_strict:.3f} lenient {self.type_lenient:.3f}",
            "type F1 " + " ".join(f"{t} {self.type_f1[t]:.3f}" for t in TYPES) + f" macro {self.type_macro_f1:.3f}",
            f"source P {sp:.3f} R {sr:.3f} F1 {sf:.3f} (gold {c['src_gold']}, predicted {c['src_pred']}); "
            f"kind ok {c['kind_ok']}/{c['src_tp']}",
            f"direct-quote P {dp:.3f} R {dr:.3f} F1 {df:.3f}",
            "confusion (gold -> predicted):",
        ]
        for t in TYPES:
            row = sorted(((p, v) for (g, p), v in self.confusion.items() if g == t), key=lambda x: -x[1])
            out.append(f"  {t:20s} " + " ".join(f"{str(p):20s}{v:3d}" for p, v in row))
        out.append(self.summary_line())
        return out

    def to_dict(self) -> dict:
        c = self.counts
        r3, prf = _r3, _prf
        confusion: dict[str, dict[str, int]] = {t: {} for t in TYPES}
        for (g, p), v in self.confusion.items():
            confusion.setdefault(g, {})[str(p)] = v
        return {
            "claims": {"gold": c["gold_claims"], "predicted": c["pred_claims"]},
            "segmentation": prf(self.seg),
            "type_accuracy": {"strict": r3(self.type_strict), "lenient": r3(self.type_lenient)},
            "type_f1": {**{t: r3(v) for t, v in self.type_f1.items()}, "macro": r3(self.type_macro_f1)},
            "source": {
                **prf(self.source),
                "gold": c["src_gold"],
                "predicted": c["src_pred"],
                "kind_ok": c["kind_ok"],
                "matched": c["src_tp"],
            },
            "direct": prf(self.direct),
            "confusion": confusion,
            "summary": {k: r3(v) for k, v in self.summary().items()},
        }


def metrics(tally: Tally) -> Metrics:
    """Precision, recall and F1 from the counts, with score.py's rules for
    empty denominators (a zero count divides by one)."""
    c, conf = tally.counts, tally.confusion
    n = c["gold_claims"] or 1
    seg_p = c["seg_exact"] / (c["pred_claims"] or 1)
    seg_r = c["seg_exact"] / n
    per: dict[str, float] = {}
    for t in TYPES:
        tp = conf[(t, t)]
        pp = sum(v for (_, p), v in conf.items() if p == t)
        gp = sum(v for (g, _), v in conf.items() if g == t)
        per[t] = f1(tp / pp if pp else 0.0, tp / gp if gp else 0.0)
    sp = c["src_tp"] / (c["src_pred"] or 1)
    sr = c["src_tp"] / (c["src_gold"] or 1)
    dp = c["direct_tp"] / (c["direct_pred"] or 1)
    dr = c["direct_tp"] / (c["direct_gold"] or 1)
    return Metrics(
        counts=c,
        confusion=conf,
        seg=(seg_p, seg_r, f1(seg_p, seg_r)),
        type_strict=c["type_strict"] / n,
        type_lenient=c["type_lenient"] / n,
        type_f1=per,
        type_macro_f1=sum(per.values()) / len(per),
        source=(sp, sr, f1(sp, sr)),
        direct=(dp, dr, f1(dp, dr)),
    )


def evaluate(golds: Iterable[tuple[str, dict]], predictions: dict[str, list[dict]] | None = None) -> Tally:
    """Score labelled articles, in order; the engine predicts any article
    whose label has no saved predictions."""
    total = Tally()
    for label, gold in golds:
        gold = check_gold(gold, label)
        pred = (predictions or {}).get(label)
        total += score_article(gold, predict(gold["text"]) if pred is None else pred, label)
    return total


def _r3(x: float) -> float:
    return round(x, 3)  # the precision the table prints


def _prf(t: tuple[float, float, float]) -> dict[str, float]:
    return dict(zip(("precision", "recall", "f1"), map(_r3, t), strict=True))


def _kind(obj: object) -> str:
    return {list: "a list", str: "a string", type(None): "null"}.get(type(obj), type(obj).__name__)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n]
