"""Schema.org JSON-LD for each article (valid against ``schemas/jsonld.schema.json``).

``BlogPosting`` when the article has a publication date and an author, ``Article`` otherwise.
:func:`script_json` is the text to put inside ``<script type="application/ld+json">``:
``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (still the same
JSON), so that no value can close the script element or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

from seolint.publish.entry import Entry
from seolint.publish.values import w3c

CONTEXT = "https://schema.org"
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def data(entry: Entry) -> dict[str, Any]:
    kind = "BlogPosting" if entry.date is not None and entry.authors else "Article"
    found: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": kind,
        "headline": entry.headline,
        "url": entry.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": entry.url},
        "inLanguage": entry.hreflang,
        "wordCount": entry.word_count,
    }
    optional: dict[str, Any] = {
        "description": entry.description,
        "datePublished": w3c(entry.date) if entry.date is not None else None,
        "dateModified": w3c(entry.updated) if entry.updated is not None else None,
        "author": [{"@type": "Person", "name": name} for name in entry.authors] or None,
        "image": [entry.image] if entry.image else None,
        "keywords": entry.keywords or None,
        "timeRequired": f"PT{entry.reading_time_minutes}M" if entry.word_count else None,
    }
    found.update({key: value for key, value in optional.items() if value is not None})
    return found


def dumps(value: Any) -> str:
    """Stable JSON: sorted keys, two-space indentation, UTF-8 text."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element."""
    return dumps(value).translate(_SCRIPT_SAFE)
