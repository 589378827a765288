"""Where internal links lead: the index of a site's addresses that the rules across articles
share (``Site``), built once per run from the summaries.

Without a site profile, an article's URL is ``/<folder>/<slug>/`` from the site root and a
relative link is tried as a file first. With one (``Summary.url`` set), URLs are the
generator's, a relative link resolves against the page's URL (a ``.md`` link against the
file), and the generator's link forms are followed (``seolint.source.profiles.links``).
"""

from __future__ import annotations

import os
import re
from array import array
from collections import defaultdict
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from seolint.site.summaries import Summaries, Summary, file_exists, normalize_url, url_of

#: Where a link leads when it is not an article (``Site.targets``): a file, or nowhere.
FILE, MISSING = -1, -2
#: Files a generator or its plugins write without a source file: feeds (jekyll-feed's
#: `feed.xml`, Hugo's `index.xml`, Eleventy's RSS plugin, Astro's `rss.xml`) and sitemaps.
_GENERATED = re.compile(r"/(?:feed|rss|atom|index|sitemap(?:-index)?)\.xml$|/(?:feed|rss|atom)/?$", re.IGNORECASE)


def _on_host(href: str, site_url: str) -> str | None:
    """What follows the site's host in an absolute link to it (`https://gohugo.io/a/#b` ->
    `/a/#b`), else None; http or https, with or without `www.`."""
    if not href.startswith(("http://", "https://")):
        return None
    parts, site = urlsplit(href), urlsplit(site_url)
    host, wanted = (parts.hostname or "").removeprefix("www."), (site.hostname or "").removeprefix("www.")
    if not wanted or host != wanted:
        return None
    rest = href.split(parts.netloc, 1)[1]
    return rest if rest.startswith("/") else "/" + rest


def _with_slug(summary: Summary, url: str, slug: str, root: str) -> str:
    """The article's URL had its slug been ``slug`` (an old slug that still leads to it)."""
    if summary.url is None and not summary.permalink:
        return url_of(summary._replace(slug=slug), root)
    return normalize_url(url.rstrip("/").rsplit("/", 1)[0] + "/" + slug + "/")


class Site:
    """The URLs, files and anchors that internal links may point at, and where each
    article's links lead: built once per run and shared by the rules that follow links.
    Articles are known by their position in the summaries (which are read again when needed,
    never kept)."""

    def __init__(self, summaries: Summaries, root: str) -> None:
        self.by_url: dict[str, int] = {}
        self.by_file: dict[str, int] = {}
        self.urls: list[str] = []  # each article's own URL
        self.languages: list[str] = []  # each article's language
        for index, summary in enumerate(summaries):
            url = url_of(summary, root)
            self.languages.append(summary.lang.lower())
            self.urls.append(url)
            self.by_url[url] = index
            for alias in summary.aliases:
                self.by_url.setdefault(normalize_url("/" + alias.lstrip("/")), index)
            for old in summary.old_slugs:
                self.by_url.setdefault(_with_slug(summary, url, old, root), index)
            self.by_file[os.path.normpath(summary.path)] = index
        self.root = root
        self._summaries = summaries
        self._targets: list[array[int] | None] = [None] * len(self.urls)
        self._endings: dict[str, list[int]] | None = None

    def ending_with(self, segment: str) -> list[int]:
        """The articles whose URL ends with ``segment`` (or whose file name is it)."""
        if self._endings is None:
            self._endings = defaultdict(list)
            for index, url in enumerate(self.urls):
                self._endings[url.rstrip("/").rsplit("/", 1)[-1]].append(index)
            for path, index in self.by_file.items():
                stem = os.path.splitext(os.path.basename(path))[0].lower()
                if index not in self._endings[stem]:
                    self._endings[stem].append(index)
        return self._endings.get(segment.lower(), [])

    def targets(self, index: int, source: Summary | None = None) -> array[int]:
        """Where each link of an article leads, in order (computed once): an article's
        position, ``FILE`` or ``MISSING``. ``source`` is the article, when already read."""
        found = self._targets[index]
        if found is None:
            source = source or self._summaries[index]
            found = self._targets[index] = array("l", (self.resolve(index, source, link.href) for link in source.links))
        return found

    def forget(self, index: int) -> None:
        """Forget where an article's links lead: its summary was replaced by a fuller one."""
        self._targets[index] = None

    def resolve(self, index: int, source: Summary, href: str) -> int:
        """The article a link of article ``index`` points at, else ``FILE`` or ``MISSING``."""
        if source.base_url and href.startswith(source.base_url.rstrip("/") + "/"):
            href = href[len(source.base_url.rstrip("/")):]
        elif source.site_url and (path := _on_host(href, source.site_url)) is not None:
            # The generator's own address: followed like a root-relative link, but one that
            # leads to no article may be a page made by a template: accepted, not reported.
            on_host = self.resolve(index, source._replace(site_url=None), path)
            return FILE if on_host == MISSING else on_host
        if source.url is not None:
            return self._resolve_served(index, source, href)
        found = self._local(index, source, href)
        if isinstance(found, int):
            return found
        path, on_disk = found
        target = self._by_file(on_disk)
        if target is not None:
            return target
        target = self.by_url.get(normalize_url(urljoin(self.urls[index], path)))
        if target is not None:
            return target
        return FILE if file_exists(on_disk, any_kind=True) else MISSING

    def _local(self, index: int, source: Summary, href: str) -> int | tuple[str, str]:
        """Where a link leads when its path alone says (none: the page itself; from the root:
        ``_absolute``), else its path and the file that path names beside the article."""
        path = split(href)[0]
        if not path:
            return index
        if path.startswith("/"):
            return self._absolute(source, path)
        return path, os.path.normpath(os.path.join(os.path.dirname(source.path), path))

    def _absolute(self, source: Summary, path: str) -> int:
        target = self.by_url.get(normalize_url(path))
        if target is None and path == "/" and source.url is not None:
            return FILE  # every generator makes a home page
        if target is None and source.site_base != "/" and path.startswith(source.site_base):
            target = self.by_url.get(normalize_url(path[len(source.site_base) - 1:]))
        prefix = path.split("/")[1].lower() if target is None and path.count("/") > 1 else ""
        if prefix and source.url is None:
            # No generator file: a folder of French articles is served under `/fr/`, so
            # `/fr/guides/x/` from a French article, or to a French article (an error page
            # still in English links it too), means the article at `guides/x`.
            found = self.by_url.get(normalize_url(path[len(prefix) + 1:]))
            target = found if found is not None and prefix in (source.lang.lower(), self.languages[found]) else None
        if target is not None:
            return target
        found = any(file_exists(os.path.join(root, path.lstrip("/"))) for root in source.static_roots)
        if not found and source.pages:
            found = normalize_url(path) in source.pages or (source.site_base != "/" and path.startswith(source.site_base)
                                                           and normalize_url(path[len(source.site_base) - 1:]) in source.pages)
        return FILE if found or _template_page(source, path) or _GENERATED.search(path) else MISSING

    def _by_file(self, on_disk: str) -> int | None:
        folder = on_disk.rstrip(os.sep)  # "/" itself: "/index.md", not "//index.md"
        for candidate in (on_disk, on_disk + ".md", on_disk + ".mdx", folder + _INDEX, folder + _UNDER_INDEX):
            target = self.by_file.get(candidate)
            if target is not None:
                return target
        return None

    def _resolve_served(self, index: int, source: Summary, href: str) -> int:
        """As the site serves it: a link form of the generator, a root-relative URL, a
        source file (``x.md``, resolved by file as MkDocs, Docusaurus and Hugo's render hooks
        do), else a URL relative to the page's own URL (``fr/a.md`` at ``/fr/a/`` linking
        ``../b/`` means ``/fr/b/``)."""
        from seolint.source.profiles.links import Target, rewrite

        text = unquote(href) if href.startswith("%7B") else href
        written = rewrite(text, source.link_forms)
        if written is None:
            return FILE  # a form seolint cannot follow: accepted
        if isinstance(written, Target):
            return self._target(index, source, written)
        found = self._local(index, source, href)
        if isinstance(found, int):
            return found
        path, on_disk = found
        if _SOURCE_FILE.search(path):
            target = self._by_file(on_disk)
            if target is not None:
                return target
            return FILE if file_exists(on_disk, any_kind=True) else MISSING
        assert source.url is not None
        target = self.by_url.get(normalize_url(urljoin(source.url, path)))
        if target is None and source.root_fallback:
            target = self.by_url.get(normalize_url("/" + path))
        if target is None:
            target = self._by_file(on_disk)
        if target is not None:
            return target
        return FILE if file_exists(on_disk, any_kind=True) else MISSING

    def _target(self, index: int, source: Summary, target: object) -> int:
        from seolint.source.profiles.links import Target

        assert isinstance(target, Target)
        path = split(target.path)[0]
        if target.kind == "url":
            return self._absolute(source, path) if path else index
        base = source.site_root if target.kind == "source" else source.content_root
        if target.kind == "post":
            base, path = f"{source.site_root}/_posts", path
        on_disk = os.path.normpath(os.path.join(base or "/", path))
        found = self._by_file(on_disk)
        if found is None and target.kind == "post":
            found = self._by_file(on_disk + ".markdown")
        if found is not None:
            return found
        return FILE if file_exists(on_disk, any_kind=True) else MISSING


#: A link that names a source file (resolved by file, not by URL).
_SOURCE_FILE = re.compile(r"\.(?:md|mdx|markdown)$", re.IGNORECASE)

#: The index files a link to a folder may mean.
_INDEX, _UNDER_INDEX = f"{os.sep}index.md", f"{os.sep}_index.md"

#: Characters after which a link is no plain relative path: ``urlsplit`` and ``unquote`` are
#: needed (a scheme, query, fragment, escape, or whitespace that urlsplit strips).
_NOT_PLAIN = re.compile(r"[:?#%\s\x00-\x1f\x7f]|^//")


#: Page templates a generator builds pages from besides Markdown: Eleventy's Nunjucks, Liquid,
#: WebC and JavaScript templates, Jekyll's and Hugo's HTML pages, Astro's components.
_TEMPLATE_PAGES = (".html", ".htm", ".njk", ".liquid", ".webc", ".11ty.js", ".11ty.cjs", ".11ty.mjs",
                   ".hbs", ".pug", ".ejs", ".haml", ".mustache", ".astro")


def _template_page(source: Summary, path: str) -> bool:
    """Whether a template file in the content folder makes the page at ``path``
    (`/docs/assets/` from `docs/assets.webc` or `docs/assets/index.njk`)."""
    if source.content_root is None:
        return False
    stem = os.path.join(source.content_root, split(path)[0].strip("/"))
    if stem.endswith(".html"):
        stem = stem[:-5]
    return any(file_exists(candidate + extension)
               for candidate in (stem, os.path.join(stem, "index")) for extension in _TEMPLATE_PAGES)


def split(href: str) -> tuple[str, str]:
    """The unquoted path and the fragment of a link (most are plain paths: no parsing)."""
    if _NOT_PLAIN.search(href) is None:
        return href, ""
    parts = urlsplit(href)
    return unquote(parts.path), parts.fragment


#: The extensions ``normalize_url`` drops, and the names a link to a folder's index ends in.
_EXTENSIONS = frozenset({".html", ".htm", ".md", ".mdx", ".markdown"})
_ANYWHERE = frozenset({"", ".", "..", "index", "_index"})


def names(summary: Summary, url: str) -> set[str]:
    """The last parts (lower case) of every path or address by which ``Site.resolve`` may
    lead a link to this article (its ``url``) on a site without a profile: its file's name
    and stem, its folder's name, and the last part of its URL and of each alias (see
    ``may_lead_to``)."""
    path = PurePosixPath(summary.path)
    found = {path.name.lower(), path.stem.lower(), path.parent.name.lower(), _last(url)}
    found.update(_last(normalize_url("/" + alias.lstrip("/"))) for alias in summary.aliases)
    return found


def may_lead_to(href: str, base_url: str | None, wanted: set[str]) -> bool:
    """Whether ``Site.resolve`` may lead the link ``href`` of one article to another with
    one of the ``names`` in ``wanted``, on a site without a profile (whose link forms may
    lead anywhere: the caller keeps every link there): False when it has no path (it stays
    on its page), or when the last part of its path (unquoted, lower case, with or without
    an extension) is none of them. A link whose last part is empty, ``.``, ``..`` or an
    index file may lead anywhere. Kept in step with ``resolve``."""
    if base_url and href.startswith(base_url.rstrip("/") + "/"):
        href = href[len(base_url.rstrip("/")):]
    path = split(href)[0]
    if not path:
        return False
    last = path.rstrip("/").rpartition("/")[2].lower()
    for part in (last, unquote(last)) if "%" in last else (last,):
        dot = part.rfind(".")
        stem = part[:dot] if dot > 0 and part[dot:] in _EXTENSIONS else part
        if part in wanted or stem in wanted or stem in _ANYWHERE:
            return True
    return False


def _last(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def site_of(summaries: Summaries, root: str) -> Site:
    """The ``Site`` of these summaries, built once for all the rules of a run."""
    found = summaries.shared.get(("site", root))
    if not isinstance(found, Site):
        found = summaries.shared[("site", root)] = Site(summaries, root)
    return found


def link_fragment(source: Summary, href: str) -> str:
    """A link's `#fragment`; for a generator's link form, the fragment of what it names."""
    if source.url is not None and href.lstrip().startswith(("{", "%7B")):
        from seolint.source.profiles.links import Target, rewrite

        written = rewrite(unquote(href), source.link_forms)
        return split(written.path)[1] if isinstance(written, Target) else ""
    return split(href)[1]
