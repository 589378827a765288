"""From the articles to publish, every output file's path and bytes (nothing written here)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import NamedTuple

from seolint.findings import Finding
from seolint.publish import feed, head, index, jsonld, sitemap
from seolint.publish.entry import Entry
from seolint.publish.paths import PublishError, check_layout
from seolint.publish.translations import Member, groups
from seolint.score import CLOCK_RULES, score

HEAD = "head.html"
JSONLD = "article.jsonld"


class Publishable(NamedTuple):
    entry: Entry
    text: str  # the normalized article
    findings: list[Finding]


class Site(NamedTuple):
    base_url: str
    default_lang: str  # the language x-default points to
    translations: str  # auto, key or slug
    sitemap_limit: int


def outputs(items: list[Publishable], site: Site) -> tuple[dict[PurePosixPath, bytes], list[str]]:
    """Every file to write, in writing order (articles first, index.json last), and the
    warnings about translations."""
    _refuse_shared_urls(items)
    entries = [item.entry for item in items]
    members = [Member(e.path.as_posix(), e.lang, e.slug, e.translation_key, e.translation_of) for e in entries]
    linked, warnings = groups(members, site.translations)
    files = _Files()
    articles = []
    alternates: dict[str, list[tuple[str, str]]] = {}
    for number, item in enumerate(items):
        entry = item.entry
        others = [entries[other] for other in linked[number]]
        pairs = sitemap.alternates(entry, others, site.default_lang)
        alternates[entry.url] = pairs
        folder = PurePosixPath(*entry.segments)
        files.add(entry.path, item.text.encode("utf-8"))
        locales = sorted({other.locale for other in others if other.locale and other.locale != entry.locale})
        files.add(folder / HEAD, head.render(entry, pairs, locales))
        files.add(folder / JSONLD, (jsonld.dumps(jsonld.data(entry)) + "\n").encode("utf-8"))
        counted = [finding for finding in item.findings if finding.code not in CLOCK_RULES]
        articles.append(index.article(entry, score(counted), others))
    for name, data in feed.files(entries, site.base_url).items():
        files.add(PurePosixPath(name), data)
    maps = sitemap.files(entries, alternates, site.base_url, site.sitemap_limit)
    for name in sorted(maps, key=lambda name: name == "sitemap.xml"):  # the index after its parts
        files.add(PurePosixPath(name), maps[name])
    files.add(PurePosixPath("index.json"), index.render(site.base_url, articles))
    check_layout(list(files))
    return files, warnings


class _Files(dict[PurePosixPath, bytes]):
    def add(self, path: PurePosixPath, data: bytes) -> None:
        if path in self:
            raise PublishError(f"two outputs would be written to `{path}`: give the articles different slugs")
        self[path] = data


def _refuse_shared_urls(items: list[Publishable]) -> None:
    seen: dict[str, str] = {}
    for item in items:
        path = item.entry.path.as_posix()
        if item.entry.url in seen:
            raise PublishError(
                f"{seen[item.entry.url]} and {path} would both be published at {item.entry.url}: "
                "give one of them another slug"
            )
        seen[item.entry.url] = path
