"""``sitemap.xml`` (sitemaps.org 0.9), with hreflang alternates between translations.

Each ``<url>`` has its ``<loc>`` and, when the article has a date, ``<lastmod>`` (the later
of ``updated`` and ``date``, as a W3C Datetime). A translated article lists every version,
itself included, as ``<xhtml:link rel="alternate" hreflang="…">``, plus ``x-default`` for
the version in the site's default language when there is one (Google's hreflang rules).

Past ``limit`` URLs (50,000, the protocol's maximum) the URLs go to ``sitemap-1.xml``,
``sitemap-2.xml``… and ``sitemap.xml`` becomes the sitemap index listing them.
"""

from __future__ import annotations

from seolint.publish.entry import Entry
from seolint.publish.values import Moment, latest, w3c
from seolint.publish.xmltext import Element, document, element

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
#: The protocol's limit of URLs in one sitemap file (https://www.sitemaps.org/protocol.html).
LIMIT = 50_000


def alternates(entry: Entry, translations: list[Entry], default_lang: str) -> list[tuple[str, str]]:
    """(hreflang, url) of every version of a translated article, x-default last; [] alone."""
    if not translations:
        return []
    versions = sorted([entry, *translations], key=lambda item: (item.hreflang, item.url))
    pairs = [(item.hreflang, item.url) for item in versions]
    default = next((item for item in versions if item.lang == default_lang), None)
    if default is not None:
        pairs.append(("x-default", default.url))
    return pairs


def files(entries: list[Entry], links: dict[str, list[tuple[str, str]]], base_url: str,
          limit: int = LIMIT) -> dict[str, bytes]:
    """The sitemap file(s) by name: one ``sitemap.xml``, or an index and its parts; none
    without any article (a sitemap must list at least one URL)."""
    if limit < 1:
        raise ValueError("the sitemap limit must be at least 1")
    if not entries:
        return {}
    ordered = sorted(entries, key=lambda entry: entry.url)
    if len(ordered) <= limit:
        return {"sitemap.xml": _urlset(ordered, links)}
    parts = [ordered[start:start + limit] for start in range(0, len(ordered), limit)]
    out = {f"sitemap-{number}.xml": _urlset(part, links) for number, part in enumerate(parts, 1)}
    out["sitemap.xml"] = _index(parts, base_url)
    return out


def _urlset(entries: list[Entry], links: dict[str, list[tuple[str, str]]]) -> bytes:
    children = tuple(_url(entry, links.get(entry.url, [])) for entry in entries)
    namespaces = {"xmlns": NAMESPACE}
    if any(links.get(entry.url) for entry in entries):
        namespaces["xmlns__xhtml"] = XHTML
    return document(element("urlset", None, *children, **namespaces))


def _url(entry: Entry, pairs: list[tuple[str, str]]) -> Element:
    children = [element("loc", entry.url)]
    if entry.lastmod is not None:
        children.append(element("lastmod", w3c(entry.lastmod)))
    children += [element("xhtml:link", rel="alternate", hreflang=lang, href=url) for lang, url in pairs]
    return element("url", None, *children)


def _index(parts: list[list[Entry]], base_url: str) -> bytes:
    sitemaps = []
    for number, part in enumerate(parts, 1):
        children = [element("loc", f"{base_url}/sitemap-{number}.xml")]
        newest: Moment | None = latest(*(entry.lastmod for entry in part))
        if newest is not None:
            children.append(element("lastmod", w3c(newest)))
        sitemaps.append(element("sitemap", None, *children))
    return document(element("sitemapindex", None, *sitemaps, xmlns=NAMESPACE))
