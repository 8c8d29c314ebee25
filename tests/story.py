"""An invented story carried by five outlets, with the quotations each one
prints (issue 8): the same words, a shortened form, "gonna", British
spelling, a changed word, a changed order, and look-alike quotations that are
other utterances. GROUPS says which quotations are one utterance."""

from __future__ import annotations

OUTLETS: dict[str, tuple[str, str]] = {
    "Daily Ledger": (
        "2026-03-02",
        """Bridge will be finished, mayor says

Mayor Ann Lee promised on Monday to complete the river bridge. "We are going to finish this bridge by the end of next year, whatever it costs," Lee said.

"I will not raise taxes to pay for it," she told reporters at City Hall.

"The colour of the railings was chosen by the neighbourhood council," Lee added.

Councillor Raj Patel was sceptical. "The mayor has no plan for the money," Patel said.
""",
    ),
    "Morning Post": (
        "2026-03-02",
        """Lee vows to finish bridge

Mayor Ann Lee said the bridge would be done. "We're gonna finish this bridge by the end of next year, whatever it costs," Lee said on Monday.

"I will not raise taxes to pay for it," Lee said.

"We are going to finish the school by the end of this year," she said of a second project.
""",
    ),
    "City Wire": (
        "2026-03-03",
        """Mayor sets bridge deadline

Mayor Ann Lee said the city would "finish this bridge by the end of next year" despite rising costs.

"I will never raise taxes to pay for it," Lee said.

"The color of the railings was chosen by the neighborhood council," Lee said.
""",
    ),
    "Evening Star": (
        "2026-03-03",
        """Bridge by year's end, says Lee

Mayor Ann Lee set a tight deadline on Monday. "We are going to finish this bridge by the end of this year, whatever it costs," Lee said.

Councillor Raj Patel disagreed. "I will not raise taxes to pay for it," Patel said, mocking the mayor.
""",
    ),
    "Harbour Times": (
        "2026-03-04",
        """Whatever it costs

Mayor Ann Lee was firm. "Whatever it costs, we are going to finish this bridge by the end of next year," Lee said.

"We are going to open the new library by the end of next year," Lee said.
""",
    ),
}

# quotations by (outlet, first words) -> utterance label; same label = same group
GROUPS: dict[tuple[str, str], str] = {
    ("Daily Ledger", "We are going to finish this bridge"): "bridge",
    ("Morning Post", "We're gonna finish"): "bridge",
    ("City Wire", "finish this bridge"): "bridge",
    ("Evening Star", "We are going to finish this bridge"): "bridge",
    ("Harbour Times", "Whatever it costs"): "bridge",
    ("Daily Ledger", "I will not raise taxes"): "taxes",
    ("Morning Post", "I will not raise taxes"): "taxes",
    ("City Wire", "I will never raise taxes"): "taxes",
    ("Daily Ledger", "The colour"): "railings",
    ("City Wire", "The color"): "railings",
    ("Daily Ledger", "The mayor has no plan"): "patel-plan",
    ("Morning Post", "We are going to finish the school"): "school",
    ("Evening Star", "I will not raise taxes"): "patel-taxes",
    ("Harbour Times", "We are going to open"): "library",
}
