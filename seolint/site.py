"""What cross-article rules see: a small, picklable summary of each article, never the
parsed document; and how URLs and links between articles resolve.

An article's URL is ``/<folder relative to the site root>/<slug>/`` (lower case), or the file
path without its extension when there is no slug (``index.md`` stands for its folder). The
site root is decided in ``seolint.siteroot``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote, urlsplit

from seolint.markdown import link_targets
from seolint.suppress import Suppressions
from seolint.text import fold, stems

if TYPE_CHECKING:
    from seolint.document import Document

_ASCII_DROPPED = re.compile(r"[^a-z0-9 _-]")
_EXPLICIT_ID = re.compile(r"\s*\{#([^}\s]+)\}\s*$")
_INDEX = {"index", "_index", "readme"}


class LinkRef(NamedTuple):
    href: str
    line: int
    column: int


class Summary(NamedTuple):
    path: str  # absolute, POSIX
    display: str
    lang: str
    title: str | None
    description: str | None
    slug: str | None
    keyphrase: str | None
    keyphrase_key: tuple[str, ...]  # sorted stems: equal keys target the same query
    aliases: tuple[str, ...]
    headings: tuple[str, ...]
    links: tuple[LinkRef, ...]
    lines: dict[str, int]  # field -> line of its key (1 when missing)
    ignored: frozenset[str]
    suppressions: Suppressions
    base_url: str | None
    static_roots: tuple[str, ...]
    permalink: str | None = None  # an explicit address from front matter (permalink, url, path)
    base_path: str = "/"  # where the site's articles start ([site] base-path)


class Summaries:
    """The summaries the rules across articles run on, in path order, with room for what
    those rules share (an index of the site's addresses, built once for all of them).

    A run's summaries stay packed: each is decoded when read and let go after, so that the
    summaries of a large site are never all in memory at once. A rule must therefore keep
    positions in this sequence, or small values, never the summaries it has read.
    """

    def __init__(self, items: Iterable[Summary] = (), *, packed: Sequence[Any] = (),
                 decode: Callable[[Any], Summary] | None = None) -> None:
        self._items = list(items)
        self._packed = list(packed)
        self._decode = decode
        self.shared: dict[object, object] = {}

    def __len__(self) -> int:
        return len(self._packed) if self._decode else len(self._items)

    def __getitem__(self, index: int) -> Summary:
        if self._decode is not None:
            return self._decode(self._packed[index])
        return self._items[index]

    def __iter__(self) -> Iterator[Summary]:
        if self._decode is not None:
            return map(self._decode, self._packed)
        return iter(self._items)

    def replace(self, index: int, summary: Summary) -> None:
        """Put a fuller summary of the same article (same path and front matter) in place
        of the one at ``index``, before the rules run (``seolint.partial``)."""
        if self._decode is not None:
            raise TypeError("packed summaries are not replaced")
        self._items[index] = summary


#: The files that rules across articles looked for, while a run records them (for the cache).
_looked_at: ContextVar[dict[str, bool] | None] = ContextVar("looked_at", default=None)


@contextmanager
def recording() -> Iterator[dict[str, bool]]:
    """Record every file the rules across articles test for (path -> it existed)."""
    found: dict[str, bool] = {}
    token = _looked_at.set(found)
    try:
        yield found
    finally:
        _looked_at.reset(token)


def file_exists(path: str, any_kind: bool = False) -> bool:
    """Whether a link's target is a file (or, with ``any_kind``, anything) on disk."""
    found = os.path.exists(path) if any_kind else os.path.isfile(path)
    looked = _looked_at.get()
    if looked is not None:
        looked[("*" if any_kind else "f") + path] = found
    return found


def summarize(doc: Document, ignored: frozenset[str], suppressions: Suppressions) -> Summary | None:
    if doc.data is None:
        return None
    links = [(link.href, link.line, link.column) for link in doc.body.links]
    headings = tuple(heading.source or heading.text for heading in doc.body.headings)
    return _summary(doc, links, headings, ignored, suppressions)


#: The front-matter keys a summary reads besides the fields' (``Fields.all_keys``).
SKETCHED_KEYS = frozenset({"aliases", "permalink", "url", "path"})


def sketch(doc: Document, wanted: Callable[[str, str | None], bool] | None = None) -> Summary | None:
    """A summary read from the front matter and from what may be a link in the raw body
    (``markdown.link_targets``, links in code included), without parsing the body: no
    headings, ignores or suppressions, and each link placed on the body's first line. For
    the articles a run over part of a site does not check (``seolint.partial``), whose own
    findings are not reported; only the links ``wanted(href, base_url)`` are kept."""
    if doc.data is None:
        return None
    base_url = doc.settings.base_url
    line = doc.split.body_line
    links = [(href, line, 1) for href in link_targets(doc.split.body) if wanted is None or wanted(href, base_url)]
    return _summary(doc, links, (), frozenset(), Suppressions())


def _summary(
    doc: Document, links: Iterable[tuple[str, int, int]], headings: tuple[str, ...], ignored: frozenset[str],
    suppressions: Suppressions,
) -> Summary:
    assert doc.data is not None
    article = doc.article
    found = doc.keyphrase
    phrase = found[0] if found else None
    aliases = doc.data.get("aliases", [])
    base_url = doc.settings.base_url
    return Summary(
        path=doc.path.absolute().as_posix(),  # engine._Summaries sorts fresh ones by this, unread
        display=doc.display,
        lang=doc.lang,
        title=article.text("title"),
        description=article.text("description"),
        slug=article.text("slug"),
        keyphrase=phrase,
        keyphrase_key=tuple(sorted(set(stems(phrase, doc.lang)))) if phrase else (),
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        headings=headings,
        links=tuple(LinkRef(href, line, column) for href, line, column in links if is_internal(href, base_url)),
        lines={name: doc.field_span(name).line for name in ("title", "description", "slug", "keyphrase")},
        ignored=ignored,
        suppressions=suppressions,
        base_url=base_url,
        static_roots=tuple(root.as_posix() for root in doc.settings.static_roots),
        permalink=_permalink(doc.data),
        base_path=doc.settings.base_path,
    )


def _permalink(data: dict[str, object]) -> str | None:
    """Jekyll's ``permalink``, Hugo's ``url``, Zola's and Gatsby's ``path``, when given."""
    for key in ("permalink", "url", "path"):
        value = data.get(key)
        if isinstance(value, str) and "/" in value and "://" not in value and ":" not in value.split("/")[0]:
            return value
    return None


def is_internal(href: str, base_url: str | None) -> bool:
    parts = urlsplit(href)
    if base_url and href.startswith(base_url.rstrip("/") + "/"):
        return True
    return not parts.scheme and not parts.netloc and not href.startswith(("mailto:", "tel:")) and bool(href)


def url_of(summary: Summary, root: str) -> str:
    if summary.permalink:
        return normalize_url("/" + summary.permalink.lstrip("/"))
    path = PurePosixPath(summary.path)
    try:
        relative = path.relative_to(root)
    except ValueError:
        relative = PurePosixPath(path.name)
    folder = relative.parent
    if summary.slug:
        parts = [*folder.parts, summary.slug]
    elif path.stem.lower() in _INDEX:
        parts = list(folder.parts)
    else:
        parts = [*folder.parts, path.stem]
    return normalize_url("/" + "/".join([summary.base_path.strip("/"), *parts]).lstrip("/"))


@lru_cache(maxsize=1 << 14)
def normalize_url(url: str) -> str:
    """Lower case, no query or fragment, one trailing slash."""
    path = unquote(urlsplit(url).path).lower()
    path = re.sub(r"/+", "/", path)
    path = re.sub(r"/(index|_index)(\.html?|\.mdx?|\.markdown)?$", "/", path)
    path = re.sub(r"\.(html?|mdx?|markdown)$", "", path)
    return path.rstrip("/") + "/"


def anchor(text: str, style: str = "github") -> str:
    """The id a generator gives a heading: GitHub's rules, or Hugo's (which keep accents)."""
    explicit = _EXPLICIT_ID.search(text)
    if explicit:
        return explicit.group(1)
    lowered = text.strip().lower()
    if lowered.isascii():  # most headings: letters, digits, space, - and _ are all either keeps
        return _ASCII_DROPPED.sub("", lowered).replace(" ", "-")
    if style == "hugo":
        kept = "".join(c for c in lowered if c.isalnum() or c in " -_")
        return re.sub(r"\s", "-", kept)
    kept = "".join(c for c in lowered if unicodedata.category(c)[0] in "LNM" or c in " -_")
    return kept.replace(" ", "-")


def anchors(headings: tuple[str, ...], style: str = "github") -> set[str]:
    """Every heading's id; repeated ids get -1, -2… as GitHub and Hugo number them."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for text in headings:
        base = anchor(text, style)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(fold(a or "").split()) == " ".join(fold(b or "").split())
