"""Which language an article is written in, and how seolint knows it.

The first answer wins:

1. the front matter's ``lang`` (or ``language``, ``locale``);
2. the config's ``[lang-paths]`` pattern for the file;
3. the site's own i18n structure (:func:`site_language`, answered by the site profile);
4. the text itself, from the share of each language's function words, when one language
   leads clearly (:func:`detect`);
5. a language folder among sibling language folders (``fr/`` beside ``en/``);
6. the configured ``lang`` (``en`` when none is configured).

The first three *declare* the language: C006 reports a text that contradicts them. The
others are what seolint could tell; there is nothing to contradict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from seolint._data import rules_dir
from seolint.language.data import language, primary_subtag
from seolint.language.words import words
from seolint.i18n import msg
from seolint.source import globs

if TYPE_CHECKING:
    from seolint.source.frontmatter import Split
    from seolint.source.markdown import Body
    from seolint.source.reading import Source
    from seolint.source.schema import Article
    from seolint.source.settings import FileSettings


class Read(Protocol):
    """What telling an article's language reads of it (a ``Document`` is one)."""

    path: Path
    settings: FileSettings
    source: Source | None
    split: Split

    @property
    def article(self) -> Article: ...

    @property
    def body(self) -> Body: ...

    def is_dir(self, path: Path) -> bool: ...


class Origin(Enum):
    FRONT_MATTER = "front matter"
    LANG_PATHS = "[lang-paths]"
    SITE = "site"
    DETECTED = "detected"
    FOLDER = "folder"
    CONFIG = "config"


DECLARED = frozenset({Origin.FRONT_MATTER, Origin.LANG_PATHS, Origin.SITE})


class ArticleLanguage(NamedTuple):
    code: str  # a primary subtag: "fr", "en"
    origin: Origin
    source: str  # what told it, for messages: "`lang: fr`", "[lang-paths] `fr/**`"

    @property
    def declared(self) -> bool:
        return self.origin in DECLARED


# --- detection from the text ---------------------------------------------------------------

#: Fewest words of prose read before the text is trusted to tell its language: under this,
#: a short note could lean either way.
MIN_WORDS = 30
#: Under this many words, the lead must be clearer (``SHORT_MARGIN``).
SHORT_TEXT = 80
#: Words read at most: the opening of a long article tells its language as well as all of it.
MAX_WORDS = 5000
#: Share of the leading language's own function words, in %: 11–40 % in running prose.
MIN_SHARE = 10.0
#: Points by which the leading language's share must beat the next one's.
MARGIN = 8.0
SHORT_MARGIN = 12.0


@cache
def known_languages() -> tuple[str, ...]:
    """The languages with a data file, whose function words can be counted."""
    return tuple(sorted(path.stem for path in (rules_dir() / "lang").glob("*.toml")))


def function_word_shares(tokens: Sequence[str]) -> dict[str, float]:
    """For each language with function words, the share of ``tokens`` (folded words) that are
    its function words, in %."""
    return _shares(tokens, {code: language(code).function_words for code in known_languages()})


@cache
def _own_function_words() -> dict[str, frozenset[str]]:
    """Each language's function words that no other language shares: French « le », « des »,
    « est » but not « de », « la », « en », which Spanish has too."""
    vocabularies = {code: language(code).function_words for code in known_languages()}
    return {
        code: words - frozenset().union(*(other for name, other in vocabularies.items() if name != code))
        for code, words in vocabularies.items()
    }


def _shares(tokens: Sequence[str], vocabularies: dict[str, frozenset[str]]) -> dict[str, float]:
    if not tokens:
        return {}
    occurrences = Counter(tokens)  # each distinct token tested once per language
    return {
        code: 100 * sum(count for token, count in occurrences.items() if token in vocabulary) / len(tokens)
        for code, vocabulary in vocabularies.items() if vocabulary
    }


def detect(tokens: Sequence[str]) -> str | None:
    """The language of a text's folded words, or None when it does not say clearly: too few
    words, too few function words, or two languages too close.

    Only the function words that belong to one language count, so that French and Spanish,
    which share « de », « la », « que », « en », stand apart. Over the eight sites of the
    shared corpus in English and French (2,870 pages, 2,354 with 30 words of prose or more),
    the leading language was the site's own on every page, and another language's share never
    passed 10.2 %; the bounds tell 2,344 of them, all right (the rest are short pages).
    """
    if len(tokens) < MIN_WORDS:
        return None
    shares = _shares(tokens[:MAX_WORDS], _own_function_words())
    ranked = sorted(shares.values(), reverse=True)
    if not ranked or ranked[0] < MIN_SHARE:
        return None
    margin = MARGIN if len(tokens) >= SHORT_TEXT else SHORT_MARGIN
    if len(ranked) > 1 and ranked[0] - ranked[1] < margin:
        return None
    return max(shares, key=shares.__getitem__)


#: What the raw reading of a body leaves out: fenced code, HTML comments and tags, MDX
#: imports, link destinations, inline code, and lines that are headings, tables, quotations,
#: indented code or template/shortcode lines.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_SKIPPED = re.compile(
    r"<!--.*?-->|<[^>\n]*>|\]\([^)\n]*\)|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}"
    r"|^ {0,3}(?:#|\||>|import |export |:::|!!!|\[!)[^\n]*$|^(?: {4}|\t)[^\n]*$",
    re.MULTILINE | re.DOTALL,
)


_RAW_PREFIX = 200_000


def raw_prose_tokens(doc: Read, limit: int = MAX_WORDS) -> list[str]:
    """The folded words of the title, the description and the body's prose, read from the raw
    text without parsing the Markdown (what a scan of a site's unchecked articles can
    afford): code, markup, headings, tables and quotations left out."""
    tokens: list[str] = []
    for name in ("title", "description"):
        tokens += words(doc.article.text(name) or "")
    prefix = doc.split.body[:_RAW_PREFIX]  # the opening tells the language as well as the whole
    tokens += words(_SKIPPED.sub(" ", _FENCE.sub("\n", prefix)))
    return tokens[:limit]


def prose_tokens(doc: Read, limit: int = MAX_WORDS) -> list[str]:
    """The folded words of the title, the description and the body's running prose
    (paragraphs and list items; no headings, table cells, quotations — an error message or a
    citation in another language — code or HTML), up to ``limit``."""
    tokens: list[str] = []
    for name in ("title", "description"):
        tokens += words(doc.article.text(name) or "")
    for block in doc.body.blocks:
        if block.kind in ("paragraph", "list_item"):
            tokens += words(block.text)
            if len(tokens) >= limit:
                break
    return tokens[:limit]


# --- the site's folders ---------------------------------------------------------------------


def site_language(path: Path, settings: FileSettings) -> str | None:
    """The language the site's generator gives the article at ``path`` from its own i18n
    configuration (Hugo's ``[languages]`` content folders and ``.fr.md`` suffixes, Astro's
    and VitePress' locale folders…), as the site profile reads it; None without a profile or
    when the article's place says nothing, which lets the text speak."""
    from seolint.source.profiles import path_language

    found = path_language(settings.site, globs.absolute(path).as_posix())
    return primary_subtag(found) if found else None


_LANGUAGE_FOLDER = re.compile(r"[a-z]{2}(?:[-_][a-zA-Z]{2,4})?")


def folder_language(doc: Read) -> str | None:
    """``fr`` for an article under a folder named ``fr`` whose parent also holds another
    language folder (``en/``, ``de/``) — a site's translations side by side. A lone ``fr/``
    folder, or ``fr`` deeper than three folders below the site root, tells nothing."""
    root = doc.settings.root
    try:
        parts = globs.absolute(doc.path).parent.relative_to(root).parts
    except ValueError:
        return None
    for depth, name in enumerate(parts[:3]):
        if not _LANGUAGE_FOLDER.fullmatch(name):
            continue
        code = primary_subtag(name)
        parent = root.joinpath(*parts[:depth])
        siblings = (other for other in known_languages() if other != code)
        if code in known_languages() and any(doc.is_dir(parent / other) for other in siblings):
            return code
    return None


# --- resolution -----------------------------------------------------------------------------


def resolve(doc: Read, raw: bool = False) -> ArticleLanguage:
    """The article's language and where it came from, in the order of this module's doc;
    with ``raw``, the text is read without parsing the Markdown (``raw_prose_tokens``)."""
    stated = doc.article.text("lang")
    if stated and primary_subtag(stated):
        key = doc.article.keys.get("lang", "lang")
        return ArticleLanguage(primary_subtag(stated), Origin.FRONT_MATTER, f"`{key}: {stated.strip()}`")
    settings = doc.settings
    if settings.lang_path is not None:
        pattern, code = settings.lang_path
        return ArticleLanguage(code, Origin.LANG_PATHS, f'[lang-paths] "{pattern}"')
    site = site_language(doc.path, settings)
    if site:
        return ArticleLanguage(primary_subtag(site), Origin.SITE, msg("the site's languages"))
    reader = raw_prose_tokens if raw else prose_tokens
    detected = detect(reader(doc)) if doc.source is not None and doc.split.body.strip() else None
    if detected:
        return ArticleLanguage(detected, Origin.DETECTED, msg("detected from the text"))
    folder = folder_language(doc)
    if folder:
        return ArticleLanguage(folder, Origin.FOLDER, msg("the `{folder}/` folder", folder=folder))
    return ArticleLanguage(settings.lang, Origin.CONFIG, msg("the configured default"))
