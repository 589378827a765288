"""``head.html``: the tags a page's ``<head>`` needs, ready to include.

Every value goes through ``html.escape(value, quote=True)``; the JSON-LD goes through
:func:`seolint.publish.jsonld.script_json`. Tags come in a fixed order, one a line.
"""

from __future__ import annotations

from html import escape

from seolint.publish import jsonld
from seolint.publish.entry import Entry
from seolint.publish.values import w3c


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _meta(kind: str, key: str, value: str | None) -> list[str]:
    return [f'<meta {kind}="{key}" content="{_attr(value)}">'] if value else []


def render(entry: Entry, alternates: list[tuple[str, str]], locales: list[str]) -> bytes:
    """The snippet for one article; ``alternates`` as :func:`.sitemap.alternates` gives them,
    ``locales`` the og:locale of the other versions."""
    lines = [f"<title>{escape(entry.headline, quote=True)}</title>"]
    lines += _meta("name", "description", entry.description)
    lines.append(f'<link rel="canonical" href="{_attr(entry.url)}">')
    lines += [f'<link rel="alternate" hreflang="{_attr(lang)}" href="{_attr(url)}">' for lang, url in alternates]
    lines += _meta("property", "og:type", "article")
    lines += _meta("property", "og:title", entry.headline)
    lines += _meta("property", "og:description", entry.description)
    lines += _meta("property", "og:url", entry.url)
    lines += _meta("property", "og:image", entry.image)
    lines += _meta("property", "og:locale", entry.locale)
    for locale in locales:
        lines += _meta("property", "og:locale:alternate", locale)
    lines += _meta("property", "article:published_time", w3c(entry.date) if entry.date else None)
    lines += _meta("property", "article:modified_time", w3c(entry.updated) if entry.updated else None)
    for tag in entry.tags:
        lines += _meta("property", "article:tag", tag)
    lines += _meta("name", "twitter:card", "summary_large_image" if entry.image else "summary")
    lines += _meta("name", "twitter:title", entry.headline)
    lines += _meta("name", "twitter:description", entry.description)
    lines += _meta("name", "twitter:image", entry.image)
    lines.append('<script type="application/ld+json">')
    lines.append(jsonld.script_json(jsonld.data(entry)))
    lines.append("</script>")
    return ("\n".join(lines) + "\n").encode("utf-8")
