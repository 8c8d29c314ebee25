import pytest

from claims.engine.mentions import parse


@pytest.mark.parametrize(
    "mention, name, kind, title",
    [
        (
            "Defense Department spokesman Colonel Steve Warren",
            "Steve Warren",
            "person",
            "Defense Department spokesman, Colonel",
        ),
        ("US Secretary of State John Kerry", "John Kerry", "person", "US Secretary of State"),
        ("local official Mehme Khalil", "Mehme Khalil", "person", "local official"),
        ("an unnamed senior official", "unnamed senior official", "anonymous", None),
        ("a Russian foreign ministry statement", "Russian foreign ministry", "organization", None),
        ("the Wall Street Journal", "Wall Street Journal", "media", None),
        ("the Chamber of Commerce", "Chamber of Commerce", "organization", None),
        ("a Pentagon spokesman", "Pentagon", "organization", "spokesman"),
        ("reports", "reports", "unspecified", None),
        ("court documents", "court documents", "document", None),
        ("Mr. Hill", "Hill", "person", None),
        ("Dr. Priya Natarajan", "Priya Natarajan", "person", None),
    ],
)
def test_mentions_read_into_name_kind_and_title(mention, name, kind, title):
    p = parse(mention.split())
    assert (p.name, p.kind, p.title) == (name, kind, title)


def test_pronouns_are_flagged_for_resolution():
    assert parse(["she"]).pronoun and parse(["they"]).pronoun


def test_surname_that_is_also_a_title():
    p = parse(["Gov.", "Maura", "Dean"])
    assert (p.name, p.kind, p.title) == ("Maura Dean", "person", "Gov.")


def test_described_speakers_need_no_list_entry():
    """Issue 11: "said the veteran goaltender", "a barista said", "said lead author Dr. Allan Garland"."""
    from claims.engine import analyze

    cases = {
        "“We lost,” said the veteran goaltender.": ("veteran goaltender", "anonymous"),
        "A barista said the shop would close early.": ("barista", "anonymous"),
        "“It matters,” said lead author Dr. Allan Garland, an internist.": ("Allan Garland", "person"),
        "“Fine,” Chapman said.": ("Chapman", "organization"),  # a lone name with -man is a name, not a noun
    }
    for text, (name, kind) in cases.items():
        (claim,) = analyze(text).claims
        assert claim.type == "official_quote" and claim.source.name == name, (text, claim.source)
        if kind != "organization":
            assert claim.source.kind == kind


def test_a_role_of_a_named_body_is_that_body_and_participles_end_the_mention():
    from claims.engine.doc import tokenize
    from claims.engine.mentions import parse

    lawyer = parse(tokenize("the lawyer for Animal Protection Services of Saskatchewan"))
    assert (lawyer.name, lawyer.kind, lawyer.title) == ("Animal Protection Services of Saskatchewan", "organization", "lawyer")
    official = parse(tokenize("An official with the Harbour Authority"))
    assert (official.name, official.kind, official.title) == ("Harbour Authority", "organization", "official")
    decision = parse(tokenize("The parole board decision allowing his release"))
    assert (decision.mention, decision.name) == ("The parole board decision", "parole board")  # its decision speaks for it
    critic = parse(tokenize("a critic of the Liberal Party"))
    assert critic.name == "critic of the Liberal Party"  # the critic, not the party it criticises
    assert parse(tokenize("Rather")) is None


def test_an_official_of_a_named_body_is_that_body_with_the_role_as_title():
    from claims.engine.doc import tokenize
    from claims.engine.mentions import parse

    official = parse(tokenize("a senior White House official"))
    assert (official.name, official.kind, official.title) == ("White House", "organization", "senior official")
    assert parse(tokenize("a senior official")).kind == "anonymous"
