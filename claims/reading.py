"""Reading article text from files and stdin, with clear errors.

Text is decoded exactly as stored (no newline translation), so the offsets
the engine reports point into the file's own characters.
"""

from __future__ import annotations

import sys
from pathlib import Path

from claims.errors import ClaimsError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def decode(data: bytes, label: str) -> str:
    """UTF-8 text from bytes, refusing binary data and empty input."""
    if b"\x00" in data[:65536]:
        raise ClaimsError(f"{label}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ClaimsError(
            f"{label}: not UTF-8 text (bad byte at position {exc.start}); convert it to UTF-8 first"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ClaimsError(f"{label}: is empty")
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _CONTROL_OK)
    if controls > max(8, len(sample) // 50):
        raise ClaimsError(f"{label}: looks like a binary file, not text")
    return text


def read_bytes(path: str) -> tuple[bytes, str]:
    """Bytes of a file path, or of stdin for "-"."""
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    p = Path(path)
    if not p.exists():
        raise ClaimsError(f"{path}: no such file")
    if p.is_dir():
        raise ClaimsError(f"{path}: is a directory, not an article file")
    try:
        return p.read_bytes(), path
    except OSError as exc:
        raise ClaimsError(f"{path}: cannot be read ({exc.strerror})") from None
