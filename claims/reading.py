"""Reading article text from files and stdin, with clear errors and limits.

Text is decoded exactly as stored (no newline translation), so the offsets
the engine reports point into the file's own characters. Every read is
streamed and stops at a size cap, so `/dev/zero` or a huge file cannot fill
memory, and only regular files are opened, so a FIFO cannot block.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from typing import BinaryIO

from claims.errors import ClaimsError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
MB = 1024 * 1024
DEFAULT_MAX_MB = 20.0  # a long article is well under 1 MB; 20 leaves room for whole HTML pages
DEFAULT_FETCH_DEADLINE_S = 30.0
MAX_MB_ENV = "CLAIMS_MAX_MB"
FETCH_DEADLINE_ENV = "CLAIMS_FETCH_TIMEOUT"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much one input may be: bytes read (after decompression for URLs) and seconds a fetch may take."""

    max_bytes: int = int(DEFAULT_MAX_MB * MB)
    fetch_deadline_s: float = DEFAULT_FETCH_DEADLINE_S

    @classmethod
    def of(cls, max_mb: float | None = None, fetch_timeout: float | None = None) -> Limits:
        mb = DEFAULT_MAX_MB if max_mb is None else max_mb
        deadline = DEFAULT_FETCH_DEADLINE_S if fetch_timeout is None else fetch_timeout
        if mb <= 0:
            raise ClaimsError("--max-mb must be more than 0")
        if deadline <= 0:
            raise ClaimsError("--fetch-timeout must be more than 0 seconds")
        return cls(round(mb * MB), deadline)

    def too_large(self, label: str) -> ClaimsError:
        return ClaimsError(
            f"{label}: larger than the {self.max_bytes / MB:.3g} MB size limit "
            f"(raise it with --max-mb or ${MAX_MB_ENV})"
        )


def decode(data: bytes, label: str) -> str:
    """UTF-8 text from bytes, refusing binary data and empty input."""
    if b"\x00" in data:  # anywhere, not only in the first block: text never holds NUL
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


def read_capped(stream: BinaryIO, limits: Limits, label: str) -> bytes:
    """All of a stream, in chunks, failing as soon as it passes the cap."""
    out = bytearray()
    while True:
        try:
            chunk = stream.read(min(_CHUNK, limits.max_bytes + 1 - len(out)))
        except OSError as exc:
            raise ClaimsError(f"{label}: cannot be read ({exc.strerror or exc})") from None
        if not chunk:
            return bytes(out)
        out += chunk
        if len(out) > limits.max_bytes:
            raise limits.too_large(label)


def read_bytes(path: str, limits: Limits | None = None) -> tuple[bytes, str]:
    """Bytes of a regular file, or of stdin for "-", at most `limits.max_bytes`."""
    limits = limits or Limits()
    if path == "-":
        stdin = sys.stdin  # None when the shell closed it (`<&-`)
        if stdin is None or getattr(stdin, "buffer", None) is None:
            raise ClaimsError("<stdin>: is closed; pipe an article in or give a file")
        return read_capped(stdin.buffer, limits, "<stdin>"), "<stdin>"
    try:
        # O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting forever
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise ClaimsError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ClaimsError(f"{path}: is a directory, not an article file") from None
    except OSError as exc:
        raise ClaimsError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ClaimsError(f"{path}: is a directory, not an article file")
        if not stat.S_ISREG(st.st_mode):
            raise ClaimsError(f"{path}: is not a regular file (a pipe, device or socket); pipe it to `-` instead")
        if st.st_size > limits.max_bytes:
            raise limits.too_large(path)
        os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with f:
        return read_capped(f, limits, path), path
