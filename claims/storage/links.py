"""Which links the tracker stores and renders: http(s) only, so a
`javascript:` or `data:` URL typed as evidence or as an article's address can
never become a clickable link on the published site."""

from __future__ import annotations

from urllib.parse import urlsplit

from claims.errors import ClaimsError


def is_http_url(value: object) -> bool:
    """True for an absolute http(s) URL with a host and no spaces or control characters."""
    if not isinstance(value, str) or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def checked_url(value: str | None, what: str) -> str | None:
    """`value` when it is empty or an http(s) URL; otherwise a one-line error."""
    if value is None or value == "":
        return None
    if not is_http_url(value):
        raise ClaimsError(f"{what} must be an http:// or https:// URL, not {value[:80]!r}")
    return value


def http_link(value: object) -> str:
    """For templates: the URL when it may be a link, else an empty string."""
    return value if is_http_url(value) else ""  # type: ignore[return-value]
