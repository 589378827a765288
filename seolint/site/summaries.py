"""What cross-article rules see: a small, picklable summary of each article, never the
parsed document; and how URLs and links between articles resolve.

An article's URL is ``/<folder relative to the site root>/<slug>/`` (lower case), or the file
path without its extension when there is no slug (``index.md`` stands for its folder). The
site root is decided in ``seolint.source.siteroot``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote, urlsplit

from seolint.language.fold import fold
from seolint.language.words import stems
from seolint.site.anchors import SITE_ID, anchor
from seolint.source.facts.links import links as body_links, masked_start, target_end
from seolint.source.markdown import link_targets
from seolint.source.profiles.mkdocs import tab_ids
from seolint.source.profiles.model import OLD_SLUG_KEYS, old_slugs
from seolint.source.suppress import Suppressions

if TYPE_CHECKING:
    from seolint.source.document import Document

#: A kramdown block attribute list on its own line (`{: #v3-8-6}`): the id of the heading above.
_BLOCK_IAL = re.compile(r"^\{:\s*#([\w.:-]+)[^}]*\}\s*$")
_COMPONENT = re.compile(r"^\s*<(?:[A-Z][\w.]*|script)\b", re.MULTILINE)
_HOOKED_OPTION = re.compile(r"^\s*<!--\s*md:(?:option|setting)\s+([\w.:-]+)\s*-->\s*$")
_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
#: An `id` (or a named anchor) of inline HTML, a target for `#fragment` links too.
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=["']([^"'\s>]+)["']""")
_INDEX = {"index", "_index", "readme"}


class LinkRef(NamedTuple):
    href: str
    line: int
    column: int
    end: int = 0  # where the link's target ends on its line (exclusive; 0: not known)


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
    #: From the site profile (seolint.source.profiles), when the site has one: the article's URL
    #: as the generator builds it, the site's base path, how it makes heading ids, the link
    #: forms it resolves, and the site root and content folder for links naming files.
    url: str | None = None
    site_base: str = "/"
    heading_style: str | None = None
    link_forms: tuple[str, ...] = ()
    root_fallback: bool = False
    content_root: str | None = None
    site_root: str | None = None
    site_url: str | None = None  # the generator's address for the site, when `base_url` is unset
    in_nav: bool = False  # the site's navigation lists it (linked from every page: no orphan)
    #: Slugs the article had before (putaindecode's `oldSlug`): its URL with one of them in
    #: place of its slug still leads to it.
    old_slugs: tuple[str, ...] = ()
    #: The URLs of the site's pages that are no articles (Jekyll's HTML pages), normalized.
    pages: tuple[str, ...] = ()


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
        of the one at ``index``, before the rules run (``seolint.batch.partial``)."""
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
    if not _is_article(doc):
        return None
    links = tuple(LinkRef(link.href, link.line, link.column, target_end(doc.lines, link.line, link.column, link.href))
                  for link in body_links(doc)
                  if is_internal(link.href, doc.settings.own_url) and not masked_start(doc, link.line, link.column, link.href))
    return _summary(doc, links, _headings(doc), ignored, suppressions)



def _is_article(doc: Document) -> bool:
    """Without a site profile, a file without front matter is no article."""
    return doc.data is not None or (doc.settings.site is not None and doc.source is not None)


#: The front-matter keys a summary reads besides the fields' (``Fields.all_keys``), without
#: a site profile (with one, its URL may read any key).
SKETCHED_KEYS = frozenset({"aliases", "permalink", "url", "path", *OLD_SLUG_KEYS})  # keys of old URLs


def sketch(doc: Document, wanted: Callable[[str, str | None], bool] | None = None) -> Summary | None:
    """A summary read from the front matter and from what may be a link in the raw body
    (``markdown.link_targets``, links in code included), without parsing the body: no
    headings, ignores or suppressions, and each link placed on the body's first line. For
    the articles a run over part of a site does not check (``seolint.batch.partial``), whose own
    findings are not reported; only the links ``wanted(href, base_url)`` are kept (all of
    them on a site with a profile, whose link forms may lead anywhere)."""
    if not _is_article(doc):
        return None
    if "language" not in doc.__dict__:  # detected from the raw text: parsing every unchecked
        from seolint.source.langid import resolve  # article would cost a pre-commit run seconds

        doc.__dict__["language"] = resolve(doc, raw=True)
    base_url = doc.settings.own_url
    line = doc.split.body_line
    keep = wanted if wanted is not None and doc.settings.site is None else None
    links = tuple(LinkRef(href, line, 1, 1 + len(href)) for href in link_targets(doc.split.body)
                  if is_internal(href, base_url) and (keep is None or keep(href, base_url)))
    return _summary(doc, links, (), frozenset(), Suppressions())


def _summary(doc: Document, links: tuple[LinkRef, ...], headings: tuple[str, ...], ignored: frozenset[str],
             suppressions: Suppressions) -> Summary:
    profile = doc.settings.site
    data = doc.data or {}
    article = doc.article
    found = doc.keyphrase
    phrase = found[0] if found else None
    aliases = data.get("aliases", [])
    return Summary(
        path=doc.path.absolute().as_posix(),  # runner._Summaries sorts fresh ones by this, unread
        display=doc.display,
        lang=doc.lang,
        title=article.text("title"),
        description=article.text("description"),
        slug=article.text("slug"),
        keyphrase=phrase,
        keyphrase_key=tuple(sorted(set(stems(phrase, doc.lang)))) if phrase else (),
        aliases=_aliases(aliases, data if profile is not None else {}),
        headings=headings,
        links=links,
        lines={name: doc.field_span(name).line for name in ("title", "description", "slug", "keyphrase")},
        ignored=ignored,
        suppressions=suppressions,
        base_url=doc.settings.base_url,
        static_roots=_static_roots(doc),
        permalink=_permalink(data),
        old_slugs=old_slugs(data),
        base_path=doc.settings.base_path,
        **_site_fields(doc, data),
    )


def _aliases(aliases: object, data: dict[str, Any]) -> tuple[str, ...]:
    """`aliases`, and on a detected site the jekyll-redirect-from `redirect_from` paths."""
    found = [str(a) for a in aliases] if isinstance(aliases, list) else []
    redirects = data.get("redirect_from")
    if isinstance(redirects, str):
        found.append(redirects)
    elif isinstance(redirects, list):
        found += [str(redirect) for redirect in redirects]
    return tuple(found)


def _with_explicit_id(text: str, line: str) -> str:
    """A heading with the explicit id its source line gives, when parsing dropped it (MDX
    comments `{/* #id */}` are not text)."""
    if SITE_ID.search(text):
        return text
    found = SITE_ID.search(line)
    return f"{text} {found.group(0).strip()}" if found else text


def _static_roots(doc: Document) -> tuple[str, ...]:
    roots = tuple(root.as_posix() for root in doc.settings.static_roots)
    profile = doc.settings.site
    if profile is None:
        return roots
    served = tuple(f"{profile.root}/{folder}".rstrip("/") for folder in profile.static_dirs)
    return tuple(dict.fromkeys((*served, *roots)))


def _headings(doc: Document) -> tuple[str, ...]:
    """The headings that give ids, as written; on a Jekyll or Eleventy site without their
    templates (rendered before Markdown), plus kramdown's `{: #id}` lines."""
    profile = doc.settings.site
    if profile is None:
        return tuple(heading.source or heading.text for heading in doc.body.headings)
    headings = tuple(_with_explicit_id(heading.source or heading.text, doc.line_text(heading.line))
                     for heading in doc.body.headings)
    if "liquid" in profile.link_forms:
        headings = tuple(re.sub(r"[ \t]+", " ", _TEMPLATE.sub("", text)).strip(" ") or text for text in headings)
        headings += tuple("{#" + found.group(1) + "}" for line in doc.lines if (found := _BLOCK_IAL.match(line)))
    if profile.definition_ids:
        headings += _definition_terms(doc.lines)
    if profile.source_hooks:  # Material's hooks turn `<!-- md:option x -->` into an entry with id `+x`
        headings += tuple("{#+" + m.group(1) + "}" for line in doc.lines if (m := _HOOKED_OPTION.match(line)))
    if profile.tab_ids:  # pymdownx.tabbed: `=== "Icon, bundled"` under `### Logo` has the id `logo-icon-bundled`
        placed = [(heading.line, anchor(text, profile.heading_style, True)) for heading, text in zip(doc.body.headings, headings)]
        headings += tuple("{#" + found + "}" for found in tab_ids(doc.lines, placed, profile.tab_ids == "combined"))
    headings += tuple("{#" + found + "}" for line in doc.lines if "id=" in line for found in _HTML_ID.findall(line))
    # A Markdown shortcode's output may hold headings, a component draw the page: ids unknowable.
    if ("relref" in profile.link_forms and any("{{%" in line for line in doc.lines)) \
            or (not headings and _COMPONENT.search(doc.split.body)):
        headings += ("",)
    return headings


def _definition_terms(lines: list[str]) -> tuple[str, ...]:
    """The terms of definition lists (a line followed by `: definition`), which Hugo gives
    ids with `autoDefinitionTermID`."""
    return tuple(
        term.strip().replace("`", "")
        for term, following in zip(lines, lines[1:])
        if following.startswith(": ") and term.strip() and not term.startswith((" ", "\t", ":", "#", "-", "*", "|", "`" * 3))
    )


def _site_fields(doc: Document, data: dict[str, Any]) -> dict[str, Any]:
    """What the site profile adds to a summary (nothing without one)."""
    profile = doc.settings.site
    if profile is None:
        return {}
    from seolint.source.profiles import article_url

    from seolint.source.profiles.model import content_path
    from seolint.source.profiles.nav import listed

    path = doc.path.absolute().as_posix()
    content = profile.content_dirs[0][0]
    url, inner = article_url(profile, path, data), content_path(profile, path)
    return {
        "url": url,
        "pages": tuple(normalize_url(page) for page in profile.pages),
        "in_nav": listed(profile.nav, url, inner[0].as_posix() if inner else None, profile.base_path),
        "site_base": profile.base_path,
        "heading_style": profile.heading_style,
        "link_forms": profile.link_forms,
        "root_fallback": profile.root_fallback,
        "content_root": f"{profile.root}/{content}".rstrip("/"),
        "site_root": profile.root,
        "site_url": None if doc.settings.base_url else profile.site_url,
    }


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
    return not parts.scheme and not parts.netloc and not href.startswith(("mailto:", "tel:")) and bool(href.strip())  # blank: a template tag, masked


def url_of(summary: Summary, root: str) -> str:
    if summary.url is not None:
        return normalize_url(summary.url)
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


def same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(fold(a or "").split()) == " ".join(fold(b or "").split())
