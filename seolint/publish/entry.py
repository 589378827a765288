"""What gets published of one article: clean values read once from its Document.

Every writer (index, sitemap, feed, JSON-LD, head) reads an :class:`Entry`, never the
front matter, so that each hostile value is cleaned in one place (:mod:`.values`).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote, urljoin, urlsplit

from seolint.publish import values
from seolint.publish.paths import url_path, url_segments

if TYPE_CHECKING:
    from seolint.source.document import Document

#: Silent reading speed in words per minute, by language (see docs/publish.md). English:
#: Brysbaert 2019, non-fiction (238). French: that rate times the ratio of French to English
#: reading speed on texts matched across languages, IReST (195 / 228), which gives 204.
WORDS_PER_MINUTE = {"en": 238, "fr": 204}
DEFAULT_WORDS_PER_MINUTE = WORDS_PER_MINUTE["en"]

#: og:locale when the article's language tag has no region.
LOCALES = {"de": "de_DE", "en": "en_US", "es": "es_ES", "fr": "fr_FR", "it": "it_IT", "nl": "nl_NL",
           "pt": "pt_PT"}


#: Characters kept as they are in a URL: RFC 3986's reserved and unreserved ones, and ``%``.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


class Heading(NamedTuple):
    level: int
    text: str


class Link(NamedTuple):
    href: str
    url: str  # resolved against the article's URL


class Entry(NamedTuple):
    path: PurePosixPath  # source path relative to SRC (also the normalized file's path in DIR)
    segments: tuple[str, ...]  # URL path segments (also the folder of head.html)
    url: str  # absolute
    lang: str  # primary subtag
    hreflang: str  # fr, fr-CA
    locale: str | None  # og:locale, fr_FR
    title: str | None
    description: str | None
    slug: str
    date: values.Moment | None
    updated: values.Moment | None
    keywords: list[str]
    keyphrase: str | None
    image: str | None  # absolute http(s) URL
    authors: list[str]
    tags: list[str]
    draft: bool
    word_count: int
    readability: float | None
    headings: list[Heading]
    links: list[Link]
    translation_key: str | None
    translation_of: str | None

    @property
    def headline(self) -> str:
        """The title, or the slug when there is none (a title is required in feeds)."""
        return self.title or self.slug

    @property
    def reading_time_minutes(self) -> int:
        if self.word_count <= 0:
            return 0
        speed = WORDS_PER_MINUTE.get(self.lang, DEFAULT_WORDS_PER_MINUTE)
        return max(1, math.ceil(self.word_count / speed))

    @property
    def lastmod(self) -> values.Moment | None:
        return values.latest(self.date, self.updated)


def read_entry(doc: Document, relative: PurePosixPath, base_url: str, default_lang: str) -> Entry:
    article = doc.article
    data = doc.data or {}
    declared = values.language_tag(article.text("lang"))
    lang, region = declared if declared else (_fallback_lang(doc.lang, default_lang), None)
    slug_given = values.clean(article.text("slug"))
    segments = url_segments(relative, slug_given, lang)
    url = base_url + url_path(segments)
    keyphrase = doc.keyphrase
    return Entry(
        path=relative,
        segments=segments,
        url=url,
        lang=lang,
        hreflang=f"{lang}-{region}" if region else lang,
        locale=f"{lang}_{region}" if region else LOCALES.get(lang),
        title=values.clean(article.text("title")),
        description=values.clean(article.text("description")),
        slug=segments[-1] if segments else "",
        date=_moment(article.get("date")),
        updated=_moment(article.get("updated")),
        keywords=values.texts(article.get("keywords") or []),
        keyphrase=values.clean(keyphrase[0]) if keyphrase else None,
        image=_absolute_image(article.get("image"), url),
        authors=_authors(article.get("author")),
        tags=values.texts(article.get("tags") or []),
        draft=article.get("draft") is True,
        word_count=doc.word_count,
        readability=_readability(doc, lang),
        headings=[Heading(h.level, values.clean(h.source or h.text) or "") for h in doc.body.headings],
        links=_internal_links(doc, url, base_url),
        translation_key=_key(data.get("translationKey")),
        translation_of=_key(data.get("translation_of")),
    )


def _fallback_lang(lang: str, default: str) -> str:
    for candidate in (lang, default):
        tag = values.language_tag(candidate)
        if tag:
            return tag[0]
    return "und"


def _moment(value: object) -> values.Moment | None:
    return value if isinstance(value, dt.date) else None


def _key(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return values.clean(value)


def _absolute_image(value: object, page: str) -> str | None:
    path = values.clean(value)
    if path is None:
        return None
    joined = _encoded(urljoin(page, path))
    return joined if urlsplit(joined).scheme in ("http", "https") and urlsplit(joined).netloc else None


def _encoded(url: str) -> str:
    """The URL with spaces, quotes, angle brackets and non-ASCII letters percent-encoded
    (reserved characters and existing escapes are kept)."""
    return quote(url, safe=_URL_SAFE)


def _authors(value: Any) -> list[str]:
    if isinstance(value, dict):
        return values.texts(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _authors(item)]
    return values.texts(value)


def _internal_links(doc: Document, page: str, base_url: str) -> list[Link]:
    from seolint.site.summaries import is_internal
    from seolint.source.facts.links import links

    found: list[Link] = []
    for link in links(doc):
        href = values.clean(link.href)
        if href and is_internal(href, base_url):
            found.append(Link(href, _encoded(urljoin(page, href))))
    return found


def _readability(doc: Document, lang: str) -> float | None:
    """Reading ease in the article's language, when seolint.language.readability is available."""
    try:
        from seolint.language.readability import reading_ease, syllables
    except ImportError:
        return None
    words = [word for sentence in doc.sentences for word in sentence.words]
    try:
        count = sum(syllables(word, lang) for word in words)
        ease = reading_ease(len(words), len(doc.sentences), count, lang)
    except Exception:  # a readability bug must not stop a publish: no figure, that's all
        return None
    return None if ease is None else round(ease, 1)
