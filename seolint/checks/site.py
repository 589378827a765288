"""X: rules across articles, run on the summaries of all of them (see seolint.site)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import unquote, urljoin, urlsplit

from pydantic import Field

from seolint.checks.run import reported_by_engine
from seolint.findings import Severity, Span, Violation
from seolint.rules import NoOptions, Options, Rule
from seolint.site import Summaries, Summary, anchors, file_exists, normalize_url, url_of
from seolint.text import fold

SiteFinding = tuple[Summary, Violation]


def _at(summary: Summary, field: str) -> Span:
    line = summary.lines.get(field, 1)
    return Span(line, 1, line, 1)


#: What X001, X002 and X004 compare, by the field each reads.
_COMPARED = ("title", "description", "keyphrase_key")


def _key(summary: Summary, field: str) -> tuple[str, object] | None:
    """What two articles share when they compete on ``field``: the language and the value
    (texts compared case- and accent-blind); None when the article has no such value."""
    value = getattr(summary, field)
    if not value:
        return None
    return summary.lang, value if field == "keyphrase_key" else " ".join(fold(value).split())


def _groups_by(summaries: Summaries, field: str) -> list[list[int]]:
    """The articles that may share a value of ``field``, as groups of two or more positions.

    All three compared fields are grouped in one reading of the summaries, by the hash of
    their key (a number, not the text: ten thousand descriptions would weigh megabytes);
    ``_sharing`` confirms each group on the summaries themselves."""
    key = ("groups", field)
    if key not in summaries.shared:
        found: dict[str, dict[int, list[int]]] = {name: defaultdict(list) for name in _COMPARED}
        for index, summary in enumerate(summaries):
            for name in _COMPARED:
                same = _key(summary, name)
                if same is not None:
                    found[name][hash(same)].append(index)
        for name in _COMPARED:
            summaries.shared[("groups", name)] = [group for group in found[name].values() if len(group) > 1]
    groups = summaries.shared[key]
    assert isinstance(groups, list)
    return groups


def _sharing(summaries: Summaries, groups: Iterable[list[int]], field: str) -> Iterator[tuple[Summary, str]]:
    """Each article that shares its key on ``field`` with others, and the others' paths."""
    for group in groups:
        same: dict[object, list[Summary]] = defaultdict(list)
        for index in group:
            summary = summaries[index]
            same[_key(summary, field)].append(summary)
        for members in same.values():
            for summary in members if len(members) > 1 else []:
                yield summary, ", ".join(other.display for other in members if other is not summary)


def _duplicates(summaries: Summaries, field: str, label: str) -> Iterator[SiteFinding]:
    for summary, others in _sharing(summaries, _groups_by(summaries, field), field):
        yield summary, Violation(
            f"Another article in the same language has the same {label}: {others}",
            _at(summary, field),
            f"Search engines pick one of the two; write a {label} that only this article has.",
        )


def duplicate_title(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    yield from _duplicates(summaries, "title", "title")


def duplicate_description(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    yield from _duplicates(summaries, "description", "description")


def duplicate_slug(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    site = site_of(summaries, root)
    by_url: dict[str, list[int]] = defaultdict(list)
    for index, url in enumerate(site.urls):
        by_url[url].append(index)
    for url, group in by_url.items():
        members = [summaries[index] for index in group] if len(group) > 1 else []
        for summary in members:
            others = ", ".join(other.display for other in members if other is not summary)
            yield summary, Violation(
                f"This article and {others} resolve to the same URL {url}",
                _at(summary, "slug"),
                "Give each article its own slug; one of them would overwrite the other.",
            )


def cannibalization(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    for summary, others in _sharing(summaries, _groups_by(summaries, "keyphrase_key"), "keyphrase_key"):
        yield summary, Violation(
            f"The keyphrase “{summary.keyphrase}” is also the target of {others}",
            _at(summary, "keyphrase"),
            "Articles competing for one query split its traffic: merge them, or give each "
            "its own keyphrase and link them to each other.",
        )


#: Where a link leads when it is not an article (``Site.targets``): a file, or nowhere.
FILE, MISSING = -1, -2


class Site:
    """The URLs, files and anchors that internal links may point at, and where each
    article's links lead: built once per run and shared by the rules that follow links.
    Articles are known by their position in the summaries (which are read again when needed,
    never kept)."""

    def __init__(self, summaries: Summaries, root: str) -> None:
        self.by_url: dict[str, int] = {}
        self.by_file: dict[str, int] = {}
        self.urls: list[str] = []  # each article's own URL
        for index, summary in enumerate(summaries):
            url = url_of(summary, root)
            self.urls.append(url)
            self.by_url[url] = index
            for alias in summary.aliases:
                self.by_url.setdefault(normalize_url("/" + alias.lstrip("/")), index)
            self.by_file[os.path.normpath(summary.path)] = index
        self.root = root
        self._summaries = summaries
        self._targets: list[array[int] | None] = [None] * len(self.urls)

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
        path = _split(href)[0]
        if not path:
            return index
        if path.startswith("/"):
            target = self.by_url.get(normalize_url(path))
            if target is not None:
                return target
            found = any(file_exists(os.path.join(root, path.lstrip("/"))) for root in source.static_roots)
            return FILE if found else MISSING
        on_disk = os.path.normpath(os.path.join(os.path.dirname(source.path), path))
        folder = on_disk.rstrip(os.sep)  # "/" itself: "/index.md", not "//index.md"
        for candidate in (on_disk, on_disk + ".md", on_disk + ".mdx", folder + _INDEX, folder + _UNDER_INDEX):
            target = self.by_file.get(candidate)
            if target is not None:
                return target
        target = self.by_url.get(normalize_url(urljoin(self.urls[index], path)))
        if target is not None:
            return target
        return FILE if file_exists(on_disk, any_kind=True) else MISSING


#: The index files a link to a folder may mean.
_INDEX, _UNDER_INDEX = f"{os.sep}index.md", f"{os.sep}_index.md"

#: The extensions ``normalize_url`` drops, and the names a link to a folder's index ends in.
_EXTENSIONS = frozenset({".html", ".htm", ".md", ".mdx", ".markdown"})
_ANYWHERE = frozenset({"", ".", "..", "index", "_index"})


def names(summary: Summary, url: str) -> set[str]:
    """The last parts (lower case) of every path or address by which ``Site.resolve`` may
    lead a link to this article (its ``url``): its file's name and stem, its folder's name,
    and the last part of its URL and of each alias (see ``may_lead_to``)."""
    path = PurePosixPath(summary.path)
    found = {path.name.lower(), path.stem.lower(), path.parent.name.lower(), _last(url)}
    found.update(_last(normalize_url("/" + alias.lstrip("/"))) for alias in summary.aliases)
    return found


def may_lead_to(href: str, base_url: str | None, wanted: set[str]) -> bool:
    """Whether ``Site.resolve`` may lead the link ``href`` of one article to another with
    one of the ``names`` in ``wanted``: False when it has no path (it stays on its page),
    or when the last part of its path (unquoted, lower case, with or without an extension)
    is none of them. A link whose last part is empty, ``.``, ``..`` or an index file may
    lead anywhere. Kept in step with ``resolve``."""
    if base_url and href.startswith(base_url.rstrip("/") + "/"):
        href = href[len(base_url.rstrip("/")):]
    path = _split(href)[0]
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

#: Characters after which a link is no plain relative path: ``urlsplit`` and ``unquote`` are
#: needed (a scheme, query, fragment, escape, or whitespace that urlsplit strips).
_NOT_PLAIN = re.compile(r"[:?#%\s\x00-\x1f\x7f]|^//")


def _split(href: str) -> tuple[str, str]:
    """The unquoted path and the fragment of a link (most are plain paths: no parsing)."""
    if _NOT_PLAIN.search(href) is None:
        return href, ""
    parts = urlsplit(href)
    return unquote(parts.path), parts.fragment


def site_of(summaries: Summaries, root: str) -> Site:
    """The ``Site`` of these summaries, built once for all the rules of a run."""
    found = summaries.shared.get(("site", root))
    if not isinstance(found, Site):
        found = summaries.shared[("site", root)] = Site(summaries, root)
    return found


class LinkOptions(Options):
    anchors: bool = Field(True, description="Also check `#fragment` parts against heading ids.")
    anchor_style: Literal["github", "hugo"] = Field("github", description="How heading ids are made.")


def broken_link(summaries: Summaries, root: str, options: LinkOptions) -> Iterator[SiteFinding]:
    site = site_of(summaries, root)

    def ids_of(target: Summary) -> tuple[str, frozenset[str]]:
        return target.display, frozenset(i.lower() for i in anchors(target.headings, options.anchor_style))

    @lru_cache(maxsize=1024)  # other articles' #anchors, read again: recent ones remembered
    def heading_ids(index: int) -> tuple[str, frozenset[str]]:
        return ids_of(summaries[index])

    for index, summary in enumerate(summaries):
        own: tuple[str, frozenset[str]] | None = None  # the article's own ids, for #fragment links
        for link, target in zip(summary.links, site.targets(index, summary)):
            span = Span(link.line, link.column, link.line, link.column + len(link.href))
            if target == MISSING:
                yield summary, Violation(
                    f"Link to `{link.href}` leads nowhere: no article, alias or static file has that address",
                    span,
                    "Fix the path (articles are at /<folder>/<slug>/), or add the missing page.",
                )
                continue
            fragment = _split(link.href)[1]
            if options.anchors and fragment and target != FILE:
                if target == index:
                    own = own or ids_of(summary)
                    display, ids = own
                else:
                    display, ids = heading_ids(target)
                if unquote(fragment).lower() not in ids:
                    yield summary, Violation(
                        f"Link to `{link.href}`: {display} has no heading with the id `{fragment}`",
                        span,
                        f"Link to an existing heading (ids follow {options.anchor_style}'s rules).",
                    )


def orphan(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    site = site_of(summaries, root)
    linked: set[int] = set()
    for index in range(len(summaries)):
        linked.update(target for target in site.targets(index) if target >= 0 and target != index)
    if len(summaries) < 2:
        return
    for index in range(len(summaries)):
        if index not in linked:
            yield summaries[index], Violation(
                "No other article links to this one",
                Span(1, 1, 1, 1),
                "Link to it from related articles: crawlers and readers find pages through links.",
            )


RULES = (
    Rule(
        "X001", "duplicate-title", Severity.WARNING, reported_by_engine, site_check=duplicate_title,
        what="Reports articles of the same language that share a title (case and accents ignored).",
        why="Two pages with one title compete for the same query and confuse readers choosing "
        "between results; Google may show neither the way you expect.",
        example="a.md: title: Networking guide\nb.md: title: Networking guide",
        use_instead="a.md: title: Networking guide for freelancers\nb.md: title: Networking at conferences",
        references=("Google Search Central: influencing title links (unique titles)",),
    ),
    Rule(
        "X002", "duplicate-description", Severity.WARNING, reported_by_engine, site_check=duplicate_description,
        what="Reports articles of the same language that share a meta description.",
        why="A description copied across pages tells searchers nothing about each one; Google "
        "then writes its own snippets.",
        example="two articles with the same `description:`",
        use_instead="a description written for each article",
        references=("Google Search Central: create good meta descriptions",),
    ),
    Rule(
        "X003", "duplicate-slug", Severity.ERROR, reported_by_engine, site_check=duplicate_slug,
        what="Reports articles that resolve to the same URL (/<folder>/<slug>/).",
        why="Two files at one address: the generator publishes one and silently drops the other.",
        example="fr/a.md and fr/b.md both with `slug: guide`",
        use_instead="`slug: guide-reseau` and `slug: guide-entretien`",
        references=("Hugo and Jekyll URL management",),
    ),
    Rule(
        "X004", "keyphrase-cannibalization", Severity.WARNING, reported_by_engine, site_check=cannibalization,
        what="Reports articles of the same language that target the same focus keyphrase "
        "(same content-word stems).",
        why="Pages targeting one query compete with each other and split clicks and links; Yoast "
        "warns when a keyphrase was used before.",
        example="a.md: keyphrase: réseau professionnel\nb.md: keyphrase: réseaux professionnels",
        use_instead="b.md: keyphrase: réseau professionnel LinkedIn",
        references=("Yoast SEO: previously used keyphrase",),
    ),
    Rule(
        "X005", "broken-internal-link", Severity.ERROR, reported_by_engine, site_check=broken_link,
        options=LinkOptions,
        what="Reports internal links to a page, file or heading that no article, alias or static "
        "file provides. Links resolve against URLs (/<folder>/<slug>/), file paths, `aliases` "
        "and the static roots; `#anchors` against heading ids (GitHub's or Hugo's rules).",
        why="A broken link is a dead end for readers and wastes crawl budget; crawlers report "
        "404s and the linking page looks neglected.",
        example="[our quiz](/quizz/)",
        use_instead="[our quiz](/quiz/)",
        references=("Google Search Central: links crawlable", "GitHub heading anchors"),
    ),
    Rule(
        "X006", "orphan-article", Severity.INFO, reported_by_engine, site_check=orphan,
        what="Reports an article that no other article links to.",
        why="Pages without internal links are found late by crawlers and rarely by readers; "
        "Yoast's orphaned content filter lists them.",
        example="an article no other page mentions",
        use_instead="link to it from two or three related articles",
        references=("Yoast SEO: orphaned content",),
    ),
)
