"""What a page is: ``dated`` content (posts, blog, news), ``docs`` (documentation) or a plain
``page`` (about, contact, a landing page).

The kind decides which rules mean something for the page: a date is asked of dated content
only, and the rules that are noise for a documentation team (a focus keyphrase, a cover
image, 300 words, a slug, an outbound link, inbound links) are off on docs pages by default
(:data:`KIND_IGNORE`, replaced by ``[site] kind-ignore``). ``[site] page-kinds`` (globs ->
kind) overrides what is decided here.

In order: a date in the article's URL key (rust-blog's ``path = "2021/06/24/x"``) or at the
start of its file name makes it dated; then the site profile: a dated folder (``posts``,
``blog``, ``_posts``, the generator's own), a documentation generator or collection (MkDocs,
VitePress, Starlight's ``docs`` collection, Docusaurus ``docs/``, a docs theme, a folder
named ``docs``/``guides``/``reference``...), else a page. Without a site profile, a page that
shows itself as Starlight documentation (an import from ``@astrojs/starlight``, the
``i18nReady`` key of Astro's docs) or Microsoft Learn's (``ms.date``, ``ms.topic``) is docs,
and anything else is dated, as before profiles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, Literal

from seolint.source.profiles.model import DATE_PREFIX, Profile, content_path, is_dated

Kind = Literal["dated", "docs", "page"]
KINDS: tuple[Kind, ...] = ("dated", "docs", "page")

#: Rules off by default on each kind of page (``[site] kind-ignore`` replaces a kind's list).
#: On documentation pages: the focus keyphrase (K001), a cover image (I001), 300 words
#: (C001), a slug key (S005), an outbound link (L002) and inbound links (X006) are noise; the
#: date (FM003) is asked of dated content only, and T001's lower bound is its `docs-min`.
#: Transition words (C007) and passive voice (C008) too: Yoast's bounds are for prose read
#: from start to end, while documentation is scanned, step by step or entry by entry, and
#: names the program as the one that acts ("the file is uploaded"). On the well-edited
#: docs of vue-docs-fr, C008 fired on 87 of 119 pages.
KIND_IGNORE: dict[str, tuple[str, ...]] = {
    "dated": (),
    "docs": ("K001", "I001", "C001", "S005", "L002", "X006", "C007", "C008"),
    "page": (),
}

#: Folder names that hold documentation, whatever the generator.
DOCS_FOLDERS = frozenset("""
    docs doc documentation guide guides reference references manual handbook tutorial
    tutorials _docs _guides _tutorials _reference howto how-to api
    """.split())

#: A date starting a segment of a URL key's value: `2021/06/24/slug`, `/2021-06-24-slug`,
#: `inside-rust/2020/07/27/slug`.
_DATED_URL = re.compile(r"(?:^|/)(\d{4})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)")
_URL_KEYS = ("path", "permalink", "url")

#: Signs, in an article's own text, of a documentation page: Starlight's (an import from
#: ``@astrojs/starlight``, the ``i18nReady`` key of Astro's docs) and Microsoft Learn's
#: (docfx's ``ms.date``, ``ms.topic``… keys: learn.microsoft.com/contribute/content/metadata).
_DOCS_SIGNS = re.compile(r"^import .*['\"]@astrojs/starlight/|^i18nReady\s*:|^ms\.[a-z]+\s*:", re.MULTILINE)


def dated_url(data: Mapping[str, Any] | None) -> tuple[str, str, str] | None:
    """The (year, month, day) of a URL key that starts with a date (`path = "2021/06/24/x"`)."""
    for key in _URL_KEYS:
        value = (data or {}).get(key)
        if isinstance(value, str) and (found := _DATED_URL.search(value.strip())):
            return found.group(1), found.group(2), found.group(3)
    return None


def page_kind(profile: Profile | None, path: str, data: Mapping[str, Any] | None, head: str = "") -> Kind:
    """The kind of the article at ``path`` (absolute POSIX) with front matter ``data``;
    ``head`` is the start of its text, read for signs of a generator without a profile."""
    if dated_url(data) is not None or DATE_PREFIX.match(PurePosixPath(path).name):
        return "dated"
    if profile is None:
        if PurePosixPath(path).stem == "_index":
            return "page"  # a section's list page (Hugo, Zola), not a post
        return "docs" if _DOCS_SIGNS.search(head) else "dated"
    if profile.generator == "eleventy" and PurePosixPath(path).stem == PurePosixPath(path).parent.name:
        return "page"  # Eleventy's folder index (`blog/blog.md` is `/blog/`): the list of its posts
    if is_dated(profile, path):
        return "dated"
    found = content_path(profile, path)
    inner = found[0] if found else PurePosixPath(path)
    if "" in profile.docs or any(part in DOCS_FOLDERS or part in profile.docs for part in inner.parts[:-1]):
        return "docs"
    return "page"


def kind_ignored(kind: str, overrides: Mapping[str, list[str]] | None) -> tuple[str, ...]:
    """The rule selectors off on pages of ``kind``: the config's list when it sets one."""
    if overrides is not None and kind in overrides:
        return tuple(overrides[kind])
    return KIND_IGNORE.get(kind, ())
