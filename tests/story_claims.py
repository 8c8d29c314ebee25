"""A wire story reprinted by two outlets with light edits, and two other
articles on the same topic that share no sentence with it (issue 8, claim
groups). REPRINTS lists the sentences that are one claim; every other
cross-article pair is a false merge if grouped."""

from __future__ import annotations

WIRE = """Council backs bridge loan

The Riverton council voted 7-2 on Tuesday to approve a $40 million loan for the new river bridge.

Construction is expected to begin in April and take about 18 months, according to the city engineer.

The bridge will carry four lanes of traffic and a protected bike path across the Tamar River.

Opponents argued that the loan would double the city's debt within five years.

The vote was a remarkable victory for a mayor who has struggled for years to win over the council.
"""

REPRINT_A = """Riverton approves bridge loan

The Riverton council voted 7-2 Tuesday to approve a $40 million loan for the new river bridge.

Construction is expected to start in April and take about 18 months, according to the city engineer.

The bridge will carry four lanes of traffic and a protected bicycle path across the Tamar River.

Opponents argued the loan would double the city's debt within five years.

The vote was a remarkable victory for a mayor who had struggled for years to win over the council.
"""

REPRINT_B = """Bridge loan approved

The Riverton council voted 7-2 on Tuesday to approve a $40 million loan for the new river bridge, the largest in its history.

Construction is expected to begin in April and take around 18 months, according to the city engineer.

Opponents argued that the loan would double the city's debt within five years.
"""

SAME_TOPIC_C = """What the bridge vote means

Riverton councillors approved a $40 million loan for the river bridge on Tuesday by a vote of seven to two.

The city engineer said construction could begin in April and would last roughly a year and a half.

The new bridge across the Tamar River will have four traffic lanes and a bike path.

Critics say the loan could double the city's debt in five years.
"""

SAME_TOPIC_D = """County rejects rail bridge grant

The Riverton council voted 5-4 on Monday to reject a $12 million grant for the old rail bridge.

Construction is expected to begin in June and take about 12 months, according to the county engineer.

The bridge will carry two lanes of traffic and a narrow footpath across the Avon River.

Supporters argued that the grant would halve the county's debt within ten years.
"""

ARTICLES = {"Wire": WIRE, "Ledger": REPRINT_A, "Post": REPRINT_B, "Courier": SAME_TOPIC_C, "Gazette": SAME_TOPIC_D}

# sentences (by outlet and first words) that are one claim
REPRINTS = [
    {
        ("Wire", "The Riverton council voted 7-2"),
        ("Ledger", "The Riverton council voted 7-2"),
        ("Post", "The Riverton council voted 7-2"),
    },
    {
        ("Wire", "Construction is expected"),
        ("Ledger", "Construction is expected"),
        ("Post", "Construction is expected"),
    },
    {("Wire", "The bridge will carry"), ("Ledger", "The bridge will carry")},
    {("Wire", "The vote was"), ("Ledger", "The vote was")},
]
