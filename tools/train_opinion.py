"""Learn the opinion model's weights from GUIDE-format gold files.

    .venv/bin/pip install scikit-learn   # training only; the engine never imports it
    .venv/bin/python tools/train_opinion.py GOLD_DIR_OR_FILE... [--out claims/lang/en/opinion_model.tsv]

Every claim typed `editorial_assertion` is a positive example and every
`reported_fact` a negative one (quotes are attributed before this model is
asked). Regularisation and the decision threshold are chosen by
cross-validation grouped by article, on the training articles only, so no
evaluation set is looked at. Frequent words (in at least --min-df articles)
become features next to the lexicon and closed-class ones.

The shipped weights were learned with `--min-df 3` from `tests/gold` and 240
excerpts of real news and opinion pages labelled by the GUIDE (the header of
`claims/lang/en/opinion_model.tsv` says more). Those excerpts are the outlets'
text, so they are not in the repository; a desk retrains on its own labels.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

import regex as re

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from claims.engine.opinion import features  # noqa: E402

_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")


def examples(
    paths: list[str], args_also: bool
) -> tuple[list[str], list[int], list[str], list[int], dict[str, float]]:
    """Sentences with labels and their article, and each article's share of
    sentences that report what someone said (official quotes)."""
    texts, labels, groups, strict = [], [], [], []
    reported: dict[str, float] = {}
    files: list[str] = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            doc = json.load(fh)
        attributed = [c["type"] == "official_quote" or bool(c.get("source")) for c in doc["claims"]]
        reported[f] = sum(attributed) / max(1, len(attributed))  # as the engine sees it: sentences with a source
        for c in doc["claims"]:
            if c["type"] not in ("editorial_assertion", "reported_fact"):
                continue
            texts.append(_QUOTED.sub("\ue000", c["text"]))
            also = args_also and "editorial_assertion" in (c.get("also") or [])
            labels.append(int(c["type"] == "editorial_assertion" or also))
            strict.append(int(c["type"] == "editorial_assertion"))
            groups.append(f)
    return texts, labels, groups, strict, reported


def _macro_f1(gold: list[int], pred: list[int]) -> float:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    tn = len(gold) - tp - fp - fn
    f1 = [2 * a / (2 * a + b + c) if a else 0.0 for a, b, c in ((tp, fp, fn), (tn, fn, fp))]
    return sum(f1) / 2


def article_bars(
    probs: list[float],
    strict: list[int],
    groups: list[str],
    reported: dict[str, float],
    weights: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0),
) -> tuple[float, float, float, float, float]:
    """The bars for sentences read inside their article, chosen on held-out
    (cross-validated) probabilities: a news story keeps a high bar, an article
    in the writer's voice (its sentences lean to opinion, few of them report
    what others said: a column) a lower one."""
    by_article: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_article.setdefault(g, []).append(i)
    mean = {g: sum(probs[i] for i in ix) / len(ix) for g, ix in by_article.items()}
    best = (0.0, 0.5, 0.5, 0.5, 0.0)
    for weight in weights:
        voice = {g: m - weight * reported[g] for g, m in mean.items()}
        for pivot in [x / 100 for x in range(10, 66, 3)]:
            for news in [x / 100 for x in range(50, 92, 3)]:
                for opinion in [x / 100 for x in range(26, 66, 3)]:
                    pred = [int(p >= (opinion if voice[g] >= pivot else news)) for p, g in zip(probs, groups, strict=True)]
                    f = _macro_f1(strict, pred)
                    if f > best[0] + 1e-9:
                        best = (f, news, opinion, pivot, weight)
    f, news, opinion, pivot, weight = best
    return news, opinion, pivot, weight, f


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--out", default="claims/lang/en/opinion_model.tsv")
    ap.add_argument("--min-df", type=int, default=6)
    ap.add_argument("--C", type=float, nargs="+", default=[0.03, 0.1, 0.3, 1.0], help="regularisation to try")
    ap.add_argument("--also", action="store_true", help="facts with editorial in `also` count as editorial")
    ap.add_argument(
        "--reported-weights", type=float, nargs="+", default=[0.0, 0.25, 0.5, 0.75, 1.0], help="voice weights to try"
    )
    args = ap.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    texts, y, groups, strict, reported = examples(args.gold, args.also)
    feats = [features(t) for t in texts]
    df: dict[str, set[str]] = {}
    for fd, g in zip(feats, groups, strict=True):
        for k in fd:
            if k.startswith("w:"):
                df.setdefault(k, set()).add(g)
    keep = {k for k, gs in df.items() if len(gs) >= args.min_df}
    feats = [{k: v for k, v in fd.items() if not k.startswith("w:") or k in keep} for fd in feats]
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    best = (0.0, 1.0, 0.5, [])
    for C in args.C:
        probs = [0.0] * len(y)
        for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
            m = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
            m.fit(X[tr], [y[i] for i in tr])
            for i, p in zip(te, m.predict_proba(X[te])[:, 1], strict=True):
                probs[i] = p
        for t in [x / 100 for x in range(30, 80, 2)]:
            f = f1_score(y, [int(p >= t) for p in probs], average="macro")
            if f > best[0]:
                best = (f, C, t, probs)
    f, C, t, probs = best
    news_bar, opinion_bar, pivot, weight, article_f = article_bars(probs, strict, groups, reported, tuple(args.reported_weights))
    m = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X, y)
    weights = dict(zip(vec.get_feature_names_out(), m.coef_[0], strict=True))
    weights["bias"] = weights.get("bias", 0.0) + m.intercept_[0]
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(
            "# Weights of the opinion model (claims/engine/opinion.py), learned by tools/train_opinion.py\n"
            f"# from {len(y)} sentences of {len(set(groups))} GUIDE-labelled articles ({sum(y)} editorial);\n"
            f"# cross-validated macro-F1 {f:.3f} at C={C}. '@threshold' is the bar for a sentence alone;\n"
            "# inside an article the bar is '@news_threshold', or '@opinion_threshold' when the mean probability\n"
            "# of its unattributed sentences, less '@opinion_reported_weight' times the share of its sentences that\n"
            f"# report what someone said, reaches '@opinion_pivot' (chosen together: macro-F1 {article_f:.3f}).\n"
        )
        out.write(f"@threshold\t{t:.2f}\n@news_threshold\t{news_bar:.2f}\n")
        out.write(f"@opinion_threshold\t{opinion_bar:.2f}\n@opinion_pivot\t{pivot:.3f}\n")
        out.write(f"@opinion_reported_weight\t{weight:.2f}\n")
        for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
            if abs(w) >= 0.01:
                out.write(f"{k}\t{w:.4f}\n")
    print(
        f"{len(y)} sentences, {sum(y)} editorial; CV macro-F1 {f:.3f} C={C} threshold {t:.2f}; in articles: news "
        f"{news_bar:.2f}, opinion {opinion_bar:.2f} from voice {pivot:.3f} with reported weight {weight:.2f} "
        f"(macro-F1 {article_f:.3f}); wrote {args.out}"
    )


if __name__ == "__main__":
    main()
