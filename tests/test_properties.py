"""The engine never raises and its offsets always hold, whatever the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.engine import analyze

PIECES = list("abcXYZ .,;:!?\"“”‘’'«»—–-\n\t()0123") + ["Mr.", " said ", " U.S. ", "according to ", " he ", "\n\n"]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=300).map("".join)


def check(text: str) -> None:
    result = analyze(text)
    last = 0
    for c in result.claims:
        assert text[c.start : c.end] == c.text
        assert c.start >= last and c.end > c.start
        last = c.end
        for q in c.quotes:
            assert text[q.start : q.end] == q.text
            assert c.start <= q.start <= q.end <= c.end
    assert result.chars == len(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_any_unicode(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_news_like_noise(text):
    check(text)


def test_a_megabyte_without_punctuation():
    text = "word " * 200_000
    result = analyze(text)
    assert len(result.claims) == 1 and result.claims[0].text == text.strip()


def test_whitespace_and_control_characters():
    for text in [
        "",
        "   \n\n\t ",
        "\x00\x01\x02",
        "“" * 50,
        "”" * 50,
        '"' * 51,
        "a\u2028b\u2029c",
        "\ufeffHello. World.",
    ]:
        check(text)


def test_spans_point_at_the_words_on_every_project_article():
    """mention_span and cue_span slice the article to the mention and cue words (issue 11)."""
    import json
    from pathlib import Path

    from claims.engine import analyze
    from claims.engine.doc import tokenize

    checked = 0
    for path in sorted((Path(__file__).parent / "gold").glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        for c in analyze(text).claims:
            if c.cue_span:
                a, b = c.cue_span
                assert text[a:b].lower().split() == c.cue.lower().split(), (path.name, c.cue, text[a:b])
                checked += 1
            if c.mention_span:
                a, b = c.mention_span
                assert c.start <= a < b <= c.end
                assert tokenize(text[a:b]) == tokenize(c.mention), (path.name, c.mention, text[a:b])
    assert checked > 200


def test_token_offsets_agree_with_the_words_stages_read():
    """A sentence's tokens are laid out on first use: each is one of the words, in order, and stands
    where that word stands in the article; joined abbreviations and quotations keep their whole span."""
    from claims.engine.doc import QMARK, build

    text = (
        'Sen. Ted Cruz, R-Texas, told the U.S. Senate on Jan. 5 that "the vote is over," and '
        "J. R. Whitfield of Acme Inc. agreed. “It is done.” Officials said so.\n\nA second paragraph follows."
    )
    views = build(text).sentences
    joined = {"Sen.", "U.S.", "Jan.", "J.", "R.", "Inc."}
    seen = set()
    for view in views:
        assert [t.text for t in view.tokens] == view.words
        for t in view.tokens:
            if t.text == QMARK:
                assert text[t.start] in "\"“" and text[t.end - 1] in "\"”"
            else:
                assert text[t.start : t.end] == t.text
                seen.add(t.text)
    assert joined <= seen
    assert any(t.text == "R-Texas" for v in views for t in v.tokens)
