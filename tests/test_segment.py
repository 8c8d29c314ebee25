import pytest

from claims.engine.segment import sentences


def texts(text: str) -> list[str]:
    return [s.text for s in sentences(text)[0]]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr. Smith met Dr. Jones at 3 p.m. on Friday. They talked.",
            ["Mr. Smith met Dr. Jones at 3 p.m. on Friday.", "They talked."],
        ),
        ("The U.S. economy grew 2.5 percent. Prices rose.", ["The U.S. economy grew 2.5 percent.", "Prices rose."]),
        ("Sanctions hit the U.S. The talks failed.", ["Sanctions hit the U.S.", "The talks failed."]),
        ("P. J. O'Rourke wrote the book. It sold well.", ["P. J. O'Rourke wrote the book.", "It sold well."]),
        (
            "Col. Steve Warren and Gov. Ann Lee spoke in Lansing, Mich. on Jan. 5 at noon.",
            ["Col. Steve Warren and Gov. Ann Lee spoke in Lansing, Mich. on Jan. 5 at noon."],
        ),
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        ("“We won.” The crowd cheered.", ["“We won.”", "The crowd cheered."]),
        ('"We won." The crowd cheered.', ['"We won."', "The crowd cheered."]),
        ("“Why now?” Smith asked. Nobody answered.", ["“Why now?” Smith asked.", "Nobody answered."]),
        ("“Why now?” she asked.", ["“Why now?” she asked."]),
        (
            "The deal—worth $1.2 billion—closed Monday. Shares rose.",
            ["The deal—worth $1.2 billion—closed Monday.", "Shares rose."],
        ),
        (
            "Acme Inc. said profits rose. The company hired 40 people.",
            ["Acme Inc. said profits rose.", "The company hired 40 people."],
        ),
    ],
)
def test_sentence_traps(text, expected):
    assert texts(text) == expected


def test_headline_deck_subhead_are_claims_and_title_found():
    text = "Council approves budget\n\nSpending rises for the third year\n\nThe council voted 5-2.\n\nWhat comes next\n\nA hearing is set."
    got, title = sentences(text)
    assert [s.text for s in got] == [
        "Council approves budget",
        "Spending rises for the third year",
        "The council voted 5-2.",
        "What comes next",
        "A hearing is set.",
    ]
    assert title == "Council approves budget"


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (Reuters) – ",
        "VIENNA • ",
        "NEW YORK, Nov. 3 (AP) — ",
        "SAN FRANCISCO, Nov. 3, 2026 /PRNewswire/ -- ",
        "MAPLETON — ",
    ],
)
def test_datelines_are_not_part_of_claims(dateline):
    text = f"{dateline}The talks resumed on Friday. They ended late."
    assert texts(text) == ["The talks resumed on Friday.", "They ended late."]


def test_bylines_and_furniture_are_not_claims():
    text = "By Jane Doe and John Roe\n\nThe storm hit Tuesday.\n\nPhoto: Getty Images\n\n(Reporting by Jane Doe; Editing by John Roe)"
    assert texts(text) == ["The storm hit Tuesday."]


def test_hard_wrapped_lines_join_into_one_sentence():
    text = (
        "The committee met on Tuesday to discuss the proposal for a new\n"
        "bridge over the river, which would cost an estimated $40 million\n"
        "and take three years to build.\n"
    )
    assert len(texts(text)) == 1


def test_one_paragraph_per_line_without_blank_lines():
    text = "First paragraph ends here.\nSecond paragraph starts here.\n"
    got, _ = sentences(text)
    assert [s.paragraph for s in got] == [0, 1]


def test_offsets_point_into_text_with_crlf():
    text = "Headline here\r\n\r\nThe mayor said no. She left.\r\n"
    got, _ = sentences(text)
    assert [text[s.start : s.end] for s in got] == ["Headline here", "The mayor said no.", "She left."]


def test_list_items_are_separate_claims():
    text = "The plan has three parts:\n\n• Cutting costs by 10%\n• Hiring 200 engineers\n- Closing two plants\n1. Selling the jet\n"
    assert texts(text) == [
        "The plan has three parts:",
        "• Cutting costs by 10%",
        "• Hiring 200 engineers",
        "- Closing two plants",
        "1. Selling the jet",
    ]


def test_photo_credits_and_contributor_lines_are_not_claims():
    text = (
        "The storm hit Tuesday.\n\n(AP Photo/Evan Vucci)\n\nFILE - A flooded street in 2021.\n\n"
        "Associated Press writer Jane Roe contributed to this report.\n\nJohn Doe in Paris contributed reporting."
    )
    assert texts(text) == ["The storm hit Tuesday."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The meeting ended at 11 a.m. Smith left early.", ["The meeting ended at 11 a.m.", "Smith left early."]),
        ("The vote is at 3 p.m. Friday in Lansing.", ["The vote is at 3 p.m. Friday in Lansing."]),
        ("Polls close at 8 p.m. ET on Tuesday.", ["Polls close at 8 p.m. ET on Tuesday."]),
    ],
)
def test_time_of_day(text, expected):
    assert texts(text) == expected


def test_timestamps_and_network_datelines_are_not_claims():
    text = (
        "Storm pounds coast\n\nUpdated 3:45 PM EST, November 2, 2026\n\n"
        "(CNN) — Flights were canceled at Logan Airport, officials said.\n"
    )
    assert texts(text) == ["Storm pounds coast", "Flights were canceled at Logan Airport, officials said."]


def test_press_release_footers_are_not_claims():
    text = (
        "Solvia Health operates 112 clinics.\n\nMedia contact: Jordan Lee, press@solvia.example\n\n"
        "SOURCE Solvia Health\n\n###\n\nSource code for the app was leaked.\n"
    )
    assert texts(text) == ["Solvia Health operates 112 clinics.", "Source code for the app was leaked."]


def test_web_furniture_goes_but_sentences_that_look_alike_stay():
    from claims.engine import analyze

    text = (
        "Council backs plan\n\nThe council approved the plan on Monday.\n\n(Steve Lawrence/CBC)\n\n1:42\n\n"
        "Story continues below advertisement\n\nMarley Jay, The Associated Press\n\n"
        "Also on Tuesday, the mayor said the budget would pass.\n\nMore from the council came later.\n"
    )
    texts = [c.text for c in analyze(text).claims]
    assert texts == [
        "Council backs plan",
        "The council approved the plan on Monday.",
        "Also on Tuesday, the mayor said the budget would pass.",
        "More from the council came later.",
    ]


def test_caption_credits_running_times_and_signatures_are_not_claims():
    text = (
        "Mill closes after 80 years\n\n"
        "Workers leave the Harlow mill on Friday. (Dana Whitcombe/Northern Ledger)\n\n"
        "Open this photo in gallery Ana Ruiz and Tom Baird at the gate.\n\n"
        "Tom Baird / The Canadian Press Union members at the last shift.\n\n"
        "The owners say the mill lost money for six years. 2:14\n\n"
        "It was the only job I ever wanted. Ana Ruiz\n\n"
        "Ana Ruiz\n\n"
        "The mill employed 300 people, Ruiz said.\n"
    )
    assert texts(text) == [
        "Mill closes after 80 years",
        "Workers leave the Harlow mill on Friday.",
        "Union members at the last shift.",
        "The owners say the mill lost money for six years.",
        "It was the only job I ever wanted.",  # a pull quote is a claim (its speaker's); its signature is not
        "The mill employed 300 people, Ruiz said.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Is he No. 1? No. Is she? Yes.", ["Is he No. 1?", "No.", "Is she?", "Yes."]),
        ("The index slipped to 20,442.75. Bonds rose.", ["The index slipped to 20,442.75.", "Bonds rose."]),
        ("Trading opened at 10 a.m. Eastern time.", ["Trading opened at 10 a.m. Eastern time."]),
        ("He said, 'We lost.' Then he left.", ["He said, 'We lost.'", "Then he left."]),
        ("Prices held steady for a third month. Governor Tiff Macklem spoke.", ["Prices held steady for a third month.", "Governor Tiff Macklem spoke."]),
        ("The train was on time. Passengers cheered.", ["The train was on time.", "Passengers cheered."]),
        ("Talks began at 2 p.m. Central Bank officials left.", ["Talks began at 2 p.m.", "Central Bank officials left."]),
        ("It happened on Main Street, police said. Mary Ann Smith", ["It happened on Main Street, police said."]),
    ],
)
def test_sentence_ends_after_figures_no_and_single_quotes(text, expected):
    assert texts(text) == expected
