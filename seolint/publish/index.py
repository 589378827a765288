"""``index.json``: every published article's facts (valid against ``schemas/index.schema.json``).

Articles are sorted by source path and keys are sorted, with two-space indentation and a
final newline, so that the same content always gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from seolint.publish.entry import Entry
from seolint.publish.jsonld import dumps
from seolint.publish.values import w3c

#: Bumped when a field changes meaning or goes away (adding a field does not bump it).
FORMAT_VERSION = 1


def article(entry: Entry, score: int, translations: list[Entry]) -> dict[str, Any]:
    return {
        "path": entry.path.as_posix(),
        "url": entry.url,
        "lang": entry.lang,
        "title": entry.title,
        "description": entry.description,
        "slug": entry.slug,
        "date": w3c(entry.date) if entry.date is not None else None,
        "updated": w3c(entry.updated) if entry.updated is not None else None,
        "keywords": entry.keywords,
        "keyphrase": entry.keyphrase,
        "image": entry.image,
        "authors": entry.authors,
        "tags": entry.tags,
        "draft": entry.draft,
        "word_count": entry.word_count,
        "reading_time_minutes": entry.reading_time_minutes,
        "readability": entry.readability,
        "score": score,
        "headings": [{"level": heading.level, "text": heading.text} for heading in entry.headings],
        "links": [{"href": link.href, "url": link.url} for link in entry.links],
        "translations": [
            {"lang": other.hreflang, "url": other.url, "path": other.path.as_posix()}
            for other in sorted(translations, key=lambda item: (item.hreflang, item.url))
        ],
    }


def render(base_url: str, articles: list[dict[str, Any]]) -> bytes:
    ordered = sorted(articles, key=lambda item: str(item["path"]))
    index = {"version": FORMAT_VERSION, "base_url": base_url, "articles": ordered}
    return (dumps(index) + "\n").encode("utf-8")
