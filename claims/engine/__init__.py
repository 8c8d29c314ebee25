"""The pure extraction engine: article text in, typed and attributed claims out.

No I/O and no database: storage (`claims.storage`) and presentation
(`claims.cli`, `claims.web`) depend on it, never the other way round. Its
language data lives in `claims/lang/en/`.
"""

from claims.engine.pipeline import analyze

__all__ = ["analyze"]
