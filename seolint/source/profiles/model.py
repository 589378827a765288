"""What a site profile says, and the URL, language and kind of one article under it.

A :class:`Profile` is plain data (picklable, hashable): the generator modules fill it from
their config files, ``[site]`` overrides any of it, and the functions below read it. Paths
are POSIX strings relative to the site root; URLs are paths (``/guide/intro/``) without the
site's base path unless said otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

#: A date at the start of a file name (Jekyll posts, Eleventy and Zola file slugs).
DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_NUMBER_PREFIX = re.compile(r"^\d+[-_.]")
_SLUG_OK = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INDEX_NAMES = ("index", "_index", "readme")


class Permalink(tuple[str, str]):
    """(folder under the content folder, pattern): ``("_posts", "/:year/:month/:day/:title/")``."""

    __slots__ = ()

    def __new__(cls, folder: str, pattern: str) -> Permalink:
        return super().__new__(cls, (folder.strip("/"), pattern))

    @property
    def folder(self) -> str:
        return self[0]

    @property
    def pattern(self) -> str:
        return self[1]


@dataclass(frozen=True)
class Profile:
    generator: str
    root: str  # absolute POSIX path of the site root
    config_file: str | None = None  # the generator file read, relative to the root
    #: Where articles live (relative to the root, "" for the root itself), each with the
    #: language it holds when the generator gives one folder per language (Hugo).
    content_dirs: tuple[tuple[str, str | None], ...] = (("", None),)
    base_path: str = "/"  # the URL path the site is served under (baseURL's path, baseurl)
    #: The site's own address (`https://gohugo.io/`) from the config (`baseURL`, `url`,
    #: `site_url`, `site`...) or a CNAME file: absolute links to it are internal.
    site_url: str | None = None
    permalinks: tuple[Permalink, ...] = ()  # first folder match wins; "" matches every article
    url_keys: tuple[str, ...] = ()  # front-matter keys that give the whole URL
    slug_key: bool = True  # `slug` replaces the last segment of the URL
    trailing_slash: bool = True  # a page's URL ends with `/` (else `.html` or nothing)
    strip_date: bool = False  # a date prefix of the file name is not part of its URL
    strip_number: bool = False  # nor a number prefix (Docusaurus `01-intro.md`)
    date_from_name: bool = False  # a date prefix of the file name is the article's date
    languages: tuple[str, ...] = ()
    default_language: str | None = None
    default_in_subdir: bool = False  # the default language's URLs have a prefix too
    language_folders: bool = False  # the first folder under the content folder names a language
    language_suffix: bool = False  # `a.fr.md` is the French translation of `a.md` (Hugo)
    dated: tuple[str, ...] = ()  # folder names whose articles are dated content
    #: Folder names whose undated articles are documentation, "" for every undated article
    #: (a documentation generator); folders named `docs`, `guides`... always are (.kinds).
    docs: tuple[str, ...] = ()
    keys: frozenset[str] = frozenset()  # front-matter keys the generator defines
    heading_style: str = "github"  # how heading ids are made (seolint.site.anchors.anchor)
    #: Folders (relative to the root) whose directory data file gives their pages front-matter
    #: keys (Eleventy's data cascade: `quicktips/quicktips.json` with `eleventyComputed.title`).
    data_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Site variables the config sets to an address (Jekyll's `repository`, `url`): what a
    #: `{{ site.repository }}` starting a link's destination stands for.
    variables: tuple[tuple[str, str], ...] = ()
    #: Content tabs (`=== "Title"`) with ids from their titles (pymdownx.tabbed's `slugify`):
    #: "plain" (`title`) or "combined" (`heading-title`, its `combine_header_slug`); "" none.
    tab_ids: str = ""
    link_forms: tuple[str, ...] = ()  # "glossary", "liquid", "jekyll-tags", "relref", "zola" (profiles.links)
    #: A relative link that leads nowhere from the page is tried from the site root (Hugo's
    #: link render hook looks pages up with GetPage, which does that).
    root_fallback: bool = False
    definition_ids: bool = False  # definition-list terms get ids (Hugo's autoDefinitionTermID)
    #: What the site appends to every page's title in results (`" | Hugo"`): jekyll-seo-tag's
    #: site title, MkDocs' `" - site_name"`, VitePress', Docusaurus' and Starlight's `" | title"`.
    title_suffix: str | None = None
    title_from_h1: bool = False  # without a `title` key, the first heading, an H1, is the title
    #: The Markdown renderer turns a bare `https://…` into a link (GFM's autolink literals:
    #: Hugo's goldmark `linkify`, VitePress, Docusaurus and Astro's remark-gfm, MkDocs' magiclink).
    autolinks: bool = False
    #: Markdown content goes through a template engine first (Jekyll's and Eleventy's Liquid):
    #: a `{{ variable }}` in it is rendered, not left as it is.
    templated_content: bool = False
    #: The generator runs code over each page's Markdown before rendering it (MkDocs `hooks`,
    #: the `macros` plugin): an HTML comment can be a directive that becomes text.
    source_hooks: bool = False
    #: Folders (relative to the root) whose files are never published as pages: Hugo's
    #: headless bundles (`headless: true`), and with a trailing `/*` the pages below a
    #: section whose `cascade` sets `build.render = never` (not its own `_index.md`).
    unpublished: tuple[str, ...] = ()
    #: Globs (relative to the root) of files the generator builds no page from (VitePress
    #: `srcExclude`).
    excluded: tuple[str, ...] = ()
    #: The site's navigation (`.nav`): URLs and source files its menus or sidebars list.
    nav: frozenset[str] = frozenset()
    static_dirs: tuple[str, ...] = ("static", "public")  # folders served as they are, from the root
    cover_keys: tuple[str, ...] = ()
    bundle_covers: tuple[str, ...] = ()  # page-bundle file stems used as cover (Hugo)
    #: Folders (relative to the root; "" for all) whose pages get a cover from the site's
    #: config: Jekyll `defaults` setting `image`, Hugo `params.images`, MkDocs' social plugin.
    default_covers: tuple[str, ...] = ()
    #: The URLs of pages built from files seolint does not check (Jekyll's HTML pages with
    #: front matter, .pages), and the files and folders read to find them (for the cache).
    pages: tuple[str, ...] = ()
    pages_read: tuple[str, ...] = field(default=(), compare=False)
    reasons: tuple[str, ...] = field(default=(), compare=False)  # what was read, for `seolint site`

    def with_values(self, **values: Any) -> Profile:
        return replace(self, **values)


# --- where an article sits --------------------------------------------------------------


def content_path(profile: Profile, path: str) -> tuple[PurePosixPath, str | None] | None:
    """The article's path under its content folder, and that folder's language; None when
    it is outside every content folder (or outside the site)."""
    root = profile.root.rstrip("/")
    if not path.startswith(root + "/"):
        return None
    relative = path[len(root) + 1:]
    best: tuple[str, str | None] | None = None
    for folder, lang in profile.content_dirs:
        if not folder or relative.startswith(folder.strip("/") + "/"):
            if best is None or len(folder) > len(best[0]):
                best = (folder.strip("/"), lang)
    if best is None:
        return None
    inner = relative[len(best[0]) + 1:] if best[0] else relative
    return PurePosixPath(inner), best[1]


def path_language(profile: Profile | None, path: str) -> str | None:
    """The language an article's place implies: its language folder, its content folder's
    language, or a Hugo `.fr.md` suffix; None when its place says nothing."""
    if profile is None:
        return None
    found = content_path(profile, path)
    if found is None:
        return None
    inner, lang = found
    if profile.language_suffix:
        parts = inner.name.split(".")
        if len(parts) >= 3 and parts[-2] in profile.languages:
            return parts[-2]
    if profile.language_folders:  # `fr/a.md`, or under a collection: `docs/fr/a.md` (Starlight)
        for part in inner.parts[:-1][:2]:
            if part in profile.languages:
                return part
    if lang is not None:
        return lang
    return profile.default_language if profile.languages else None


def dated_by_name(profile: Profile, path: str) -> bool:
    """Whether the generator reads the article's date from its file (or bundle) name."""
    name = PurePosixPath(path)
    stem = name.parent.name if name.stem in INDEX_NAMES else name.name
    return profile.date_from_name and bool(DATE_PREFIX.match(stem))


def is_published(profile: Profile, path: str, data: Mapping[str, Any] | None = None) -> bool:
    """Whether the file becomes a page of the site: a headless bundle's files do not, nor an
    Eleventy template whose front matter says `permalink: false` (it is rendered for use
    elsewhere, never written as a page)."""
    if profile.generator == "eleventy" and data is not None and data.get("permalink") is False:
        return False
    root = profile.root.rstrip("/") + "/"
    relative = path[len(root):] if path.startswith(root) else path
    if profile.excluded:
        from seolint.source.globs import matches_any

        if matches_any(profile.excluded, relative):
            return False
    for entry in profile.unpublished:
        folder = entry.removesuffix("/*")
        if relative.startswith(folder + "/") and (folder == entry or relative != f"{folder}/_index.md"):
            return False
    return True


def is_dated(profile: Profile, path: str) -> bool:
    """Whether an article is dated content (a post, a news item) rather than a page of
    documentation: it sits in a dated folder, or its file name starts with a date."""
    found = content_path(profile, path)
    inner = found[0] if found else PurePosixPath(path)
    if DATE_PREFIX.match(inner.name):
        return True
    dated = set(profile.dated)
    folders = inner.parts[:-1]
    if inner.stem.lower() in INDEX_NAMES:  # `posts/_index.md` is the list, not a post
        folders = folders[:-1]
    return any(part in dated for part in folders)


# --- its URL ----------------------------------------------------------------------------


def _stem(name: str, profile: Profile) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if profile.language_suffix and "." in stem and stem.rsplit(".", 1)[1] in profile.languages:
        stem = stem.rsplit(".", 1)[0]
    if profile.strip_date:
        stem = DATE_PREFIX.sub("", stem)
    if profile.strip_number:
        stem = _NUMBER_PREFIX.sub("", stem)
    return stem


def _date(data: dict[str, Any], name: str) -> tuple[str, str, str] | None:
    value = data.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}", f"{value.month:02d}", f"{value.day:02d}"
    if isinstance(value, str):
        found = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if found:
            return found.group(1), found.group(2), found.group(3)
    prefix = DATE_PREFIX.match(name)
    return (prefix.group(1), prefix.group(2), prefix.group(3)) if prefix else None


def _pattern_for(profile: Profile, inner: PurePosixPath) -> Permalink | None:
    folders = inner.parts[:-1]
    for rule in profile.permalinks:
        if not rule.folder or (folders and "/".join(folders[: rule.folder.count("/") + 1]) == rule.folder):
            return rule
    return None


def _expand(rule: Permalink, inner: PurePosixPath, stem: str, data: dict[str, Any]) -> str | None:
    """A permalink pattern with the article's values; None when a value is missing."""
    folders = list(inner.parts[:-1])
    below = folders[rule.folder.count("/") + 1:] if rule.folder else folders
    date = _date(data, inner.name)
    slug = data.get("slug") if isinstance(data.get("slug"), str) else None
    categories = data.get("categories")
    if isinstance(categories, str):
        categories = categories.split()
    values = {
        "year": date[0] if date else None, "month": date[1] if date else None,
        "day": date[2] if date else None,
        "title": slug or stem, "slug": slug or stem, "filename": stem, "name": stem,
        "contentbasename": stem, "output_ext": ".html", "collection": rule.folder.lstrip("_"),
        "section": folders[0] if folders else "",
        "sections": "/".join(folders),
        "path": "/".join([*below, stem]) if stem.lower() not in INDEX_NAMES else "/".join(below),
        "categories": "/".join(str(c) for c in categories) if isinstance(categories, list) else "",
    }
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        if match.group(1) is None:  # Eleventy's {{ page.fileSlug }} / {{ page.filePathStem }}
            slug = DATE_PREFIX.sub("", stem)  # fileSlug drops a leading date
            return slug if match.group(2) == "fileSlug" else "/" + "/".join([*folders, stem])
        found = values.get(match.group(1))
        if found is None:
            missing = True
            return ""
        return str(found)

    text = re.sub(r":([a-z_]+)|\{\{\s*page\.(fileSlug|filePathStem)\s*\}\}", value, rule.pattern)
    return None if missing else text


def article_url(profile: Profile, path: str, data: dict[str, Any]) -> str | None:
    """The URL the generator gives the article at ``path`` (absolute POSIX) with front
    matter ``data``, without the base path; None when it is outside the content folders."""
    found = content_path(profile, path)
    if found is None:
        return None
    inner, folder_lang = found
    for key in profile.url_keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip() and "{" not in value and "://" not in value:
            return "/" + value.strip().lstrip("/")
    stem = _stem(inner.name, profile)
    rule = _pattern_for(profile, inner)
    url = _expand(rule, inner, stem, data) if rule is not None else None
    if url is None:
        parts = [*inner.parts[:-1]]
        if stem.lower() not in INDEX_NAMES:
            parts.append(stem)
        slug = data.get("slug")
        if profile.slug_key and isinstance(slug, str) and slug.strip():
            parts = [*inner.parts[:-1], slug.strip().strip("/")]
        url = "/" + "/".join(parts)
        if profile.trailing_slash or stem.lower() in INDEX_NAMES:
            url = url.rstrip("/") + "/"
    lang = path_language(profile, path)
    if folder_lang is not None or profile.language_suffix:
        if lang and (lang != profile.default_language or profile.default_in_subdir):
            url = f"/{lang}/" + url.lstrip("/")
    return url


def good_file_slug(profile: Profile, path: str, data: dict[str, Any] | None = None) -> bool:
    """Whether the URL segment a file name gives is already a good slug (lowercase ASCII
    kebab-case), so that no `slug` key is needed."""
    if any(isinstance((data or {}).get(key), str) for key in profile.url_keys):
        return True  # the URL comes from a front-matter key, not from the file name
    url = article_url(profile, path, {})
    if url is None:
        return False
    last = url.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.html?$", "", last)
    if profile.generator == "hugo":  # Hugo lower-cases URLs (disablePathToLower = false)
        last = last.lower()
    return not last or bool(_SLUG_OK.match(last))


#: Keys that hold a slug the article had before (putaindecode's `oldSlug`): its URL with
#: one of them in place of its slug still leads to it.
OLD_SLUG_KEYS = ("oldSlug", "old_slug", "oldSlugs", "old_slugs")


def old_slugs(data: Mapping[str, Any]) -> tuple[str, ...]:
    values: list[Any] = []
    for key in OLD_SLUG_KEYS:
        value = data.get(key)
        values += value if isinstance(value, list) else [value]
    return tuple(item.strip("/") for item in values if isinstance(item, str) and item.strip("/"))


def given_by_data(profile: Profile | None, path: str, key: str) -> bool:
    """Whether a directory data file above the article at ``path`` (absolute POSIX) gives
    it ``key``."""
    if profile is None or not profile.data_keys:
        return False
    relative = path[len(profile.root.rstrip("/")) + 1:] if path.startswith(profile.root.rstrip("/") + "/") else ""
    return any(relative.startswith(folder + "/") and key in keys for folder, keys in profile.data_keys)
