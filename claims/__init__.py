"""claims: split news articles into typed, attributed claims for fact-checkers."""

__version__ = "0.1.0"
