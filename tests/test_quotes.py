from claims.engine import analyze
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


def test_a_plural_possessive_inside_a_single_quoted_quotation_does_not_close_it():
    """"‘Teachers’ pay must rise,’ said …": the quotation closes at the second mark; "‘We will win the
    states’ she said" closes at the first, and a new quotation opening after it keeps them apart."""
    from claims.engine import analyze

    text = (
        "Strike vote\n\n‘Teachers’ pay must rise,’ said Karen Littlewood.\n\n"
        "'The kids' futures are at stake,' said teacher Ann Wong.\n\n‘We will win the states’ she said.\n\n"
        "He called them ‘bad actors’ and said the ‘players’ union’ had failed.\n"
    )
    quotes = [[q.text for q in c.quotes] for c in analyze(text).claims[1:]]
    assert quotes[0] == ["Teachers’ pay must rise,"]
    assert quotes[1] == ["The kids' futures are at stake,"]
    assert quotes[2] == ["We will win the states"]
    assert analyze(text).claims[1].source.name == "Karen Littlewood"
    from claims.engine.quotes import find_quotes
    from claims.engine.segment import units

    terms = "He called them ‘bad actors’ and said the ‘players’ union’ had failed."
    assert [q.text for q in find_quotes(terms, units(terms))] == ["bad actors", "players’ union"]


def test_two_apostrophes_are_one_straight_double_mark():
    """''…'' (the New York Times' archive style), and a straight mark closed by two apostrophes (wire copy)."""
    text = "''We will win,'' said Ann Lee. ''It is done.''\n\nIt said these factors \"would not be enough'' for him."
    assert [t for t, _ in quotes(text)] == ["We will win,", "It is done.", "would not be enough"]
    claims = analyze("Vote\n\n''We will win,'' said Ann Lee. ''It is done.''\n").claims
    assert [c.text for c in claims[1:]] == ["''We will win,'' said Ann Lee.", "''It is done.''"]
    assert [c.source.name for c in claims[1:]] == ["Ann Lee", "Ann Lee"]
