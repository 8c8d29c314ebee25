"""Getting article text and metadata from what a user passes to `claims add`:
text and Markdown files, HTML pages (body, title, author and date extracted
with trafilatura), directories, stdin and http(s) URLs."""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from claims.errors import ClaimsError
from claims.reading import FETCH_DEADLINE_ENV, Limits, decode, read_bytes
from claims.storage.links import is_http_url

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
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


_DATABASE_FILES = (".db", ".db-wal", ".db-shm", ".db-journal", "-reviewers.json")  # the tracker's own files


def skipped(paths: list[str]) -> list[str]:
    """Files in the given folders that are not articles (.png, .bin): listed so a folder add never skips silently."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and not p.startswith(("http://", "https://")) and path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.rglob("*"))
                if f.is_file()
                and f.suffix.lower() not in ARTICLE_SUFFIXES
                and not f.name.startswith(".")
                and not f.name.endswith(_DATABASE_FILES)
            )
    return out


def load(item: str, limits: Limits | None = None) -> Article:
    """Read one path, URL or "-" into an Article, within `limits`."""
    limits = limits or Limits()
    if item.startswith(("http://", "https://")):
        data, content_type = fetch(item, limits)
        if "html" in content_type or data.lstrip()[:1] == b"<":
            art = from_html(decode(data, item), item)
        else:
            art = Article(decode(data, item), item)
        # provenance is the address actually fetched; a page's own canonical link is only a claim about itself
        art.meta["url"] = item
        return art
    data, label = read_bytes(item, limits)
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
        "canonical_url": data.get("url"),  # what the page says it is: metadata, never its identity
        "outlet": data.get("sitename"),
    }
    if not is_http_url(meta["canonical_url"]):
        meta["canonical_url"] = None
    return Article(text, label, {k: v for k, v in meta.items() if v})


class _Inflate:
    """Content-Encoding undone chunk by chunk, never producing more than the
    caller has room for (a 1 MB gzip of zeros must not become 2 GB)."""

    def __init__(self, encoding: str, label: str) -> None:
        self.label = label
        self.encoding = encoding.strip().lower() or "identity"
        if self.encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise ClaimsError(f"{label}: the server sent an unsupported Content-Encoding ({encoding})")
        self.z: zlib._Decompress | None = None
        if self.encoding in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of `data`, at most room + 1 of them (one more than fits tells the caller it is over)."""
        if self.encoding == "identity":
            return data
        if self.z is None:  # deflate: zlib-wrapped as the standard says, or raw as some servers send it
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and ((data[0] << 8) | data[1]) % 31 == 0
            self.z = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        try:
            out = self.z.decompress(data, room + 1)
            while self.z.unconsumed_tail and len(out) <= room:
                out += self.z.decompress(self.z.unconsumed_tail, room + 1 - len(out))
        except zlib.error as exc:
            raise ClaimsError(f"{self.label}: the response could not be decompressed ({exc})") from None
        return out


def check_url(url: str) -> None:
    """Refuse a malformed http(s) URL before any connection is tried."""
    import httpx

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError when out of range or not a number)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("an http(s) address with a host is needed")
        if any(c.isspace() or ord(c) < 32 for c in url):
            raise ValueError("spaces and control characters are not allowed")
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise ClaimsError(f"{url}: not a valid URL ({exc})") from None


def fetch(url: str, limits: Limits | None = None) -> tuple[bytes, str]:
    """GET a URL within a total deadline and a byte cap (counted after
    decompression); one clear error when it cannot be had.

    The download runs in a daemon thread so the deadline holds however the
    server drips its bytes: httpx's timeouts are per read, not per request."""

    limits = limits or Limits()
    check_url(url)
    outcome: dict[str, object] = {}
    done, cancelled = threading.Event(), threading.Event()

    def run() -> None:
        try:
            outcome["value"] = _download(url, limits, cancelled)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="claims-fetch", daemon=True).start()
    if not done.wait(limits.fetch_deadline_s):
        cancelled.set()
        raise ClaimsError(
            f"{url}: took longer than {limits.fetch_deadline_s:g} s "
            f"(the fetch deadline; change it with --fetch-timeout or ${FETCH_DEADLINE_ENV})"
        )
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _download(url: str, limits: Limits, cancelled: threading.Event) -> tuple[bytes, str]:
    import httpx

    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(limits.fetch_deadline_s),  # no single phase outlives the whole deadline
                follow_redirects=True,
                max_redirects=5,
                # only encodings we can undo within the cap
                headers={"User-Agent": "claims/0.1 (fact-checking tracker)", "Accept-Encoding": "gzip, deflate"},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise ClaimsError(f"{url}: server answered HTTP {resp.status_code}")
            inflate = _Inflate(resp.headers.get("content-encoding", ""), url)
            declared = resp.headers.get("content-length", "")
            if inflate.encoding == "identity" and declared.isdigit() and int(declared) > limits.max_bytes:
                raise limits.too_large(url)
            body = bytearray()
            for raw in resp.iter_raw():
                if cancelled.is_set():
                    break
                body += inflate.feed(raw, limits.max_bytes - len(body))
                if len(body) > limits.max_bytes:
                    raise limits.too_large(url)
            return bytes(body), resp.headers.get("content-type", "")
    except httpx.TimeoutException:
        raise ClaimsError(f"{url}: timed out after {limits.fetch_deadline_s:g} s") from None
    except httpx.HTTPError as exc:
        raise ClaimsError(f"{url}: could not be fetched ({type(exc).__name__}: {exc})") from None
    except (httpx.InvalidURL, ValueError) as exc:
        raise ClaimsError(f"{url}: not a valid URL ({exc})") from None
