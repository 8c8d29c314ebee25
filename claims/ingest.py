"""Getting article text and metadata from what a user passes to `claims add`:
text and Markdown files, HTML pages (body, title, author and date extracted
with trafilatura), directories, stdin and http(s) URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claims.errors import ClaimsError
from claims.reading import decode, read_bytes

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
FETCH_TIMEOUT_S = 15.0
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]+\)")


@dataclass
class Article:
    """An article ready for the engine: its text and what is known about it."""

    text: str
    label: str
    meta: dict[str, str | None] = field(default_factory=dict)


def expand(paths: list[str]) -> Iterator[str]:
    """Paths as given, with directories replaced by the article files in them."""
    for p in paths:
        path = Path(p)
        if p != "-" and not p.startswith(("http://", "https://")) and path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise ClaimsError(f"{p}: no article files (.txt, .md, .html) in this directory")
            yield from (str(f) for f in found)
        else:
            yield p


def load(item: str) -> Article:
    """Read one path, URL or "-" into an Article."""
    if item.startswith(("http://", "https://")):
        data, content_type = fetch(item)
        if "html" in content_type or data.lstrip()[:1] == b"<":
            art = from_html(decode(data, item), item)
        else:
            art = Article(decode(data, item), item)
        art.meta["url"] = art.meta.get("url") or item
        return art
    data, label = read_bytes(item)
    text = decode(data, label)
    suffix = Path(item).suffix.lower()
    if suffix in (".html", ".htm") or (item == "-" and text.lstrip()[:1] == "<"):
        return from_html(text, label)
    if suffix in (".md", ".markdown"):
        text = from_markdown(text)
    return Article(text, label)


def from_markdown(text: str) -> str:
    """Plain text of a Markdown article: headings, emphasis and links unwrapped."""
    return _MD_LINK.sub(r"\1", _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", text)))


def from_html(html: str, label: str) -> Article:
    """The article body of an HTML page, with its headline first."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as exc:  # a broken or partial install (ImportError) or a parser crash: one line, not a traceback
        raise ClaimsError(f"{label}: could not be read as HTML ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise ClaimsError(f"{label}: no article text found in this HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = (data.get("text") or "").strip()
    if len(body.split()) < 5:
        raise ClaimsError(f"{label}: no article text found in this HTML page")
    title = (data.get("title") or "").strip() or None
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    meta = {
        "title": title,
        "author": data.get("author"),
        "published": data.get("date"),
        "url": data.get("url"),
        "outlet": data.get("sitename"),
    }
    return Article(text, label, {k: v for k, v in meta.items() if v})


def fetch(url: str) -> tuple[bytes, str]:
    """GET a URL with a timeout; one clear error when it cannot be had."""
    import httpx

    try:
        resp = httpx.get(
            url,
            timeout=FETCH_TIMEOUT_S,
            follow_redirects=True,
            headers={"User-Agent": "claims/0.1 (fact-checking tracker)"},
        )
    except httpx.TimeoutException:
        raise ClaimsError(f"{url}: timed out after {FETCH_TIMEOUT_S:.0f} s") from None
    except httpx.HTTPError as exc:
        raise ClaimsError(f"{url}: could not be fetched ({type(exc).__name__}: {exc})") from None
    if resp.status_code >= 400:
        raise ClaimsError(f"{url}: server answered HTTP {resp.status_code}")
    return resp.content, resp.headers.get("content-type", "")
