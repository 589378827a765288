"""X: rules across articles, run on the summaries of all of them (see seolint.site.summaries)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from pydantic import Field

from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg, msg_n
from seolint.rules import NoOptions, Options, Rule
from seolint.site.resolve import FILE, MISSING, Site, link_fragment, site_of, split
from seolint.site.anchors import AnyStyle, anchors
from seolint.site.summaries import Summaries, Summary, normalize_url
from seolint.language.fold import fold

if TYPE_CHECKING:
    from seolint.source.document import Document

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


#: How many other members of a group a finding names; the rest are counted. A message per
#: member naming every other one made a group of 13,000 articles weigh gigabytes.
NAMED = 3


def others_named(displays: list[str], own: int) -> str:
    """The other members of a group (``own`` is this article's position in it): every one
    when few, else the first ``NAMED`` and how many more."""
    others = (display for position, display in enumerate(displays) if position != own)
    named = [display for _, display in zip(range(NAMED), others)]
    rest = len(displays) - 1 - len(named)
    if not rest:
        return ", ".join(named)
    return msg("{named} and {rest:,} more", named=", ".join(named), rest=rest)


def _sharing(summaries: Summaries, groups: Iterable[list[int]], field: str) -> Iterator[tuple[Summary, int, str]]:
    """Each article that shares its key on ``field`` with others: how many others share it,
    and who they are (``others_named``). Only positions and paths are kept, never summaries."""
    for group in groups:
        same: dict[object, list[tuple[int, str]]] = defaultdict(list)
        for index in group:
            summary = summaries[index]
            same[_key(summary, field)].append((index, summary.display))
        for members in same.values():
            if len(members) < 2:
                continue
            displays = [display for _, display in members]
            for own, (index, _) in enumerate(members):
                yield summaries[index], len(members) - 1, others_named(displays, own)


def _duplicates(summaries: Summaries, field: str, label: str) -> Iterator[SiteFinding]:
    for summary, count, others in _sharing(summaries, _groups_by(summaries, field), field):
        if field == "title":
            message = msg_n("Another article in the same language has the same title: {others}",
                            "{count:,} other articles in the same language have the same title: {others}",
                            count, others=others)
            hint = msg_n("Search engines pick one of the two; write a title that only this article has.",
                         "Search engines pick one of them; write a title that only this article has.", count)
        else:
            message = msg_n("Another article in the same language has the same description: {others}",
                            "{count:,} other articles in the same language have the same description: {others}",
                            count, others=others)
            hint = msg_n("Search engines pick one of the two; write a description that only this article has.",
                         "Search engines pick one of them; write a description that only this article has.", count)
        yield summary, Violation(message, _at(summary, field), hint)


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
        if len(group) < 2:
            continue
        displays = [summaries[index].display for index in group]
        for own, index in enumerate(group):
            summary = summaries[index]
            others = others_named(displays, own)
            yield summary, Violation(
                msg("This article and {others} resolve to the same URL {url}", others=others, url=url)
                if len(group) == 2 else msg("This article and {others} resolve to the same URL {url} ({count:,} "
                                            "articles in all)", others=others, url=url, count=len(group)),
                _at(summary, "slug"),
                msg("Give each article its own slug; one of them would overwrite the other."),
            )


def cannibalization(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    for summary, count, others in _sharing(summaries, _groups_by(summaries, "keyphrase_key"), "keyphrase_key"):
        yield summary, Violation(
            msg_n("The keyphrase “{phrase}” is also the target of {others}",
                  "The keyphrase “{phrase}” is also the target of {others} ({count:,} other articles)",
                  count, phrase=summary.keyphrase, others=others),
            _at(summary, "keyphrase"),
            msg("Articles competing for one query split its traffic: merge them, or give each its own keyphrase and "
                "link them to each other."),
        )


class LinkOptions(Options):
    anchors: bool = Field(True, description="Also check `#fragment` parts against heading ids.")
    anchor_style: Literal["github", "hugo", "mkdocs", "slugify"] | None = Field(
        None, description="How heading ids are made; by default the site generator's way "
        "(Hugo's, MkDocs'), else GitHub's.")


#: Fragments a generator makes besides heading ids: footnotes (`#fn:1`, `#fnref:1`, and
#: `#fn1`/`#fnref1` for kramdown and markdown-it).
_FOOTNOTE = re.compile(r"^fn(?:ref)?[:-]?\w+$")


def broken_link(summaries: Summaries, root: str, options: LinkOptions) -> Iterator[SiteFinding]:
    site = site_of(summaries, root)

    def ids_of(target: Summary) -> tuple[str, Container[str] | None]:
        """The heading ids of an article (lower-cased); None when some are made by the site in
        ways seolint cannot know (a heading that is only an HTML comment, which MkDocs hooks
        expand, or a page drawn by a component without a heading of its own: VitePress'
        `<ApiIndex />`)."""
        style = options.anchor_style or target.heading_style or "github"
        if target.heading_style is not None and "" in target.headings:
            return target.display, None
        if options.anchor_style or target.heading_style is not None:
            ids = anchors(target.headings, style, site=target.heading_style is not None)
            return target.display, frozenset(i.lower() for i in ids)
        return target.display, AnyStyle(target.headings)  # no generator known: an id any of them gives is there

    @lru_cache(maxsize=1024)  # other articles' #anchors, read again: recent ones remembered
    def heading_ids(index: int) -> tuple[str, Container[str] | None]:
        return ids_of(summaries[index])

    for index, summary in enumerate(summaries):
        own: tuple[str, Container[str] | None] | None = None  # the article's own ids, for #fragment links
        for link, target in zip(summary.links, site.targets(index, summary)):
            span = Span(link.line, link.column, link.line, link.end or link.column + len(link.href))
            if target == MISSING:
                yield summary, Violation(
                    msg("Link to `{href}` leads nowhere: no article, alias or static file has that address",
                        href=link.href),
                    span,
                    _missing_hint(site, summaries, summary, link.href),
                )
                continue
            fragment = link_fragment(summary, link.href)
            if options.anchors and fragment and target != FILE:
                if target == index:
                    own = own or ids_of(summary)
                    display, ids = own
                else:
                    display, ids = heading_ids(target)
                if summary.url is not None and _FOOTNOTE.match(fragment):
                    continue
                if ids is not None and unquote(fragment).lower() not in ids:
                    yield summary, Violation(
                        msg("Link to `{href}`: {display} has no heading with the id `{fragment}`", href=link.href,
                            display=display, fragment=fragment),
                        span,
                        msg("Link to an existing heading (ids follow {style}'s rules).",
                            style=options.anchor_style or summary.heading_style or "github"),
                    )


def _missing_hint(site: Site, summaries: Summaries, source: Summary, href: str) -> str:
    """What to do about a link that leads nowhere: with a site profile, the URL of the
    article the link most likely means (the one whose URL or file ends the same way)."""
    if source.url is None:
        return msg("Fix the path (articles are at /<folder>/<slug>/), or add the missing page.")
    last = normalize_url(split(href)[0] or "/").rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:md|mdx|markdown|html?)$", "", last)
    found = site.ending_with(last) if last else []
    if len(found) == 1:
        target = summaries[found[0]]
        return msg("{display} is served at {url}: link to that URL.", display=target.display, url=site.urls[found[0]])
    return msg("Fix the path: link to the URL the target article is served at (`seolint site` shows how this site's "
               "URLs are made), or add the missing page.")


def orphan(summaries: Summaries, root: str, options: NoOptions) -> Iterator[SiteFinding]:
    site = site_of(summaries, root)
    linked: set[int] = set()
    for index in range(len(summaries)):
        linked.update(target for target in site.targets(index) if target >= 0 and target != index)
    if len(summaries) < 2:
        return
    for index in range(len(summaries)):
        if index not in linked and not (summary := summaries[index]).in_nav:  # menus link to every page
            yield summary, Violation(
                msg("No other article links to this one"),
                Span(1, 1, 1, 1),
                msg("Link to it from related articles: crawlers and readers find pages through links."),
            )


def _across_articles(doc: Document, options: NoOptions) -> Iterator[Violation]:
    """A site rule reads the summaries of every article, not one document: nothing here."""
    return iter(())


RULES = (
    Rule(
        "X001", "duplicate-title", Severity.WARNING, _across_articles, site_check=duplicate_title,
        what="Reports articles of the same language that share a title (case and accents ignored).",
        why="Two pages with one title compete for the same query and confuse readers choosing "
        "between results; Google may show neither the way you expect.",
        example="a.md: title: Networking guide\nb.md: title: Networking guide",
        use_instead="a.md: title: Networking guide for freelancers\nb.md: title: Networking at conferences",
        references=("Google Search Central: influencing title links (unique titles)",),
    ),
    Rule(
        "X002", "duplicate-description", Severity.WARNING, _across_articles, site_check=duplicate_description,
        what="Reports articles of the same language that share a meta description.",
        why="A description copied across pages tells searchers nothing about each one; Google "
        "then writes its own snippets.",
        example="two articles with the same `description:`",
        use_instead="a description written for each article",
        references=("Google Search Central: create good meta descriptions",),
    ),
    Rule(
        "X003", "duplicate-slug", Severity.ERROR, _across_articles, site_check=duplicate_slug,
        what="Reports articles that resolve to the same URL (/<folder>/<slug>/).",
        why="Two files at one address: the generator publishes one and silently drops the other.",
        example="fr/a.md and fr/b.md both with `slug: guide`",
        use_instead="`slug: guide-reseau` and `slug: guide-entretien`",
        references=("Hugo and Jekyll URL management",),
    ),
    Rule(
        "X004", "keyphrase-cannibalization", Severity.WARNING, _across_articles, site_check=cannibalization,
        what="Reports articles of the same language that target the same focus keyphrase "
        "(same content-word stems).",
        why="Pages targeting one query compete with each other and split clicks and links; Yoast "
        "warns when a keyphrase was used before.",
        example="a.md: keyphrase: réseau professionnel\nb.md: keyphrase: réseaux professionnels",
        use_instead="b.md: keyphrase: réseau professionnel LinkedIn",
        references=("Yoast SEO: previously used keyphrase",),
    ),
    Rule(
        "X005", "broken-internal-link", Severity.ERROR, _across_articles, site_check=broken_link,
        options=LinkOptions,
        what="Reports internal links to a page, file or heading that no article, alias or static "
        "file provides. Links resolve against URLs (/<folder>/<slug>/), file paths, `aliases` "
        "and the static roots; `#anchors` against heading ids (GitHub's or Hugo's rules). On a "
        "site whose generator seolint detects (`seolint site`), URLs are those the generator "
        "builds (permalink patterns, dated posts, collections, language folders, `slug`, "
        "`url`, `permalink`), a relative link resolves against the page's URL (a link to a "
        "`.md` file against the file), the generator's link forms are followed or accepted "
        "(Hugo `(g)` and `ref`, Jekyll `{{ site.baseurl }}` and `{% link %}`, Zola `@/`), "
        "explicit ids `{#id}`, `{ #id }`, `{: #id}` and `{/* #id */}` count, and footnote "
        "anchors are accepted; the hint names the URL the article that was probably meant has. "
        "A page a template of the content folder makes (`docs/assets.webc`, "
        "`docs/index.njk`, an `.html` page) is an address too, and so are the feeds and "
        "sitemaps generators and their plugins write (`/feed.xml`, `/index.xml`, `/rss.xml`, "
        "`/sitemap.xml`). Without a generator file, an anchor any generator's ids would give "
        "(GitHub, Hugo, MkDocs, Zola) is there.",
        why="A broken link is a dead end for readers and wastes crawl budget; crawlers report "
        "404s and the linking page looks neglected.",
        example="[our quiz](/quizz/)",
        use_instead="[our quiz](/quiz/)",
        references=("Google Search Central: links crawlable", "GitHub heading anchors"),
    ),
    Rule(
        "X006", "orphan-article", Severity.INFO, _across_articles, site_check=orphan,
        what="Reports an article that no other article links to and that the site's navigation "
        "(Jekyll `_data/*nav*.yml`, MkDocs `nav`, a VitePress sidebar in YAML or JSON) does not "
        "list. Off on documentation pages by default (`[site] kind-ignore`).",
        why="Pages without internal links are found late by crawlers and rarely by readers; "
        "Yoast's orphaned content filter lists them.",
        example="an article no other page mentions",
        use_instead="link to it from two or three related articles",
        references=("Yoast SEO: orphaned content",),
    ),
)
