from claims.engine.quotes import find_quotes
from claims.engine.segment import units


def quotes(text: str) -> list[tuple[str, int]]:
    return [(q.text, q.group) for q in find_quotes(text, units(text))]


def test_curly_straight_guillemets_and_single():
    text = '“One,” he said. "Two," she said. «Trois», il a dit. Headline says ‘no deal’ today.'
    assert [t for t, _ in quotes(text)] == ["One,", "Two,", "Trois", "no deal"]


def test_apostrophes_are_not_quote_marks():
    text = "Friday’s vote was the Kurds’ first since the ’90s, and it’s over."
    assert quotes(text) == []


def test_quotation_over_paragraphs_keeps_one_group():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said.\n\nUnrelated “term” here."
    got = quotes(text)
    assert got[0][1] == got[1][1]
    assert got[0][0] == "First paragraph of the quote."
    assert got[2][1] != got[1][1]


def test_unbalanced_marks_close_at_paragraph_end_without_error():
    text = "He said “this never closes\n\nNext paragraph” with a stray mark. And ” another."
    got = quotes(text)
    assert got[0][0] == "this never closes"


def test_nested_single_inside_double_is_part_of_the_outer_quote():
    text = "“He told me ‘never again’ and left,” she said."
    assert [t for t, _ in quotes(text)] == ["He told me ‘never again’ and left,"]
