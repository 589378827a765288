"""One Atom feed per language (RFC 4287): ``feed.<lang>.xml``.

The feed's ``updated`` is the newest entry's, never the clock. An entry needs an ``updated``
date, so an article with neither ``date`` nor ``updated`` is left out of the feed (it is still
in the sitemap and the index), and a language none of whose articles has a date gets no feed.
Entries come newest first, then by URL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from urllib.parse import urlsplit

from seolint.publish.entry import Entry
from seolint.publish.values import instant, rfc3339
from seolint.publish.xmltext import Element, document, element

NAMESPACE = "http://www.w3.org/2005/Atom"


def name(lang: str) -> str:
    return f"feed.{lang}.xml"


def files(entries: list[Entry], base_url: str) -> dict[str, bytes]:
    """Each language's feed by file name."""
    by_lang: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.lastmod is not None:
            by_lang[entry.lang].append(entry)
    return {name(lang): _feed(lang, items, base_url) for lang, items in sorted(by_lang.items())}


def _feed(lang: str, entries: list[Entry], base_url: str) -> bytes:
    entries = sorted(entries, key=lambda entry: entry.url)
    entries.sort(key=_when, reverse=True)  # stable: newest first, then by URL
    site = _site_name(base_url)
    url = f"{base_url}/{name(lang)}"
    children = [
        element("id", url),
        element("title", f"{site} ({lang})"),
        element("updated", rfc3339(_when(entries[0]))),
        element("link", rel="self", type="application/atom+xml", href=url),
        element("link", rel="alternate", type="text/html", href=f"{base_url}/"),
    ]
    if any(not entry.authors for entry in entries):
        children.append(element("author", None, element("name", site)))
    children.append(element("generator", "seolint"))
    children += [_entry(entry) for entry in entries]
    return document(element("feed", None, *children, xmlns=NAMESPACE, xml__lang=lang))


def _when(entry: Entry) -> dt.datetime:
    moment = entry.lastmod
    assert moment is not None, "an article without a date reached the feed"
    return instant(moment)


def _entry(entry: Entry) -> Element:
    children = [
        element("id", entry.url),
        element("title", entry.headline),
        element("link", rel="alternate", type="text/html", hreflang=entry.hreflang, href=entry.url),
        element("updated", rfc3339(_when(entry))),
    ]
    if entry.date is not None:
        children.append(element("published", rfc3339(entry.date)))
    children += [element("author", None, element("name", author)) for author in entry.authors]
    children += [element("category", term=tag) for tag in entry.tags]
    if entry.description:
        children.append(element("summary", entry.description))
    return element("entry", None, *children)


def _site_name(base_url: str) -> str:
    parts = urlsplit(base_url)
    return (parts.netloc + parts.path).rstrip("/") or base_url

