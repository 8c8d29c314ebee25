"""A benchmark corpus built from the bundled articles, varied so that no two
articles are identical (names, numbers and paragraph order change)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Ann", "Tom", "Maria", "David", "Priya", "Kwame", "Elena", "Hiro", "Fatima", "Lars"]
LAST = ["Lopez", "Okafor", "Chen", "Novak", "Ruiz", "Patel", "Berg", "Haddad", "Kim", "Silva"]


def seed_articles() -> list[str]:
    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def articles(count: int, seed: int = 7) -> Iterator[str]:
    """`count` distinct article texts, generated lazily."""
    rng = random.Random(seed)
    seeds = seed_articles()
    for n in range(count):
        base = seeds[n % len(seeds)]
        paras = base.split("\n\n")
        head, body = paras[:2], paras[2:]
        rng.shuffle(body)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        extra = f"{name} said on day {n} that {rng.randint(2, 900)} people attended, according to the organisers."
        yield "\n\n".join(head + body + [extra])


def corpus(min_words: int) -> list[str]:
    out: list[str] = []
    words = 0
    for text in articles(100_000):
        out.append(text)
        words += len(text.split())
        if words >= min_words:
            return out
    return out
