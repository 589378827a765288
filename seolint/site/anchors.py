"""The ids generators give headings, for ``#fragment`` links (X005) and publish.

Each generator has its own rules: GitHub's (and most Markdown renderers'), Hugo's (accents
kept), MkDocs' (Python-Markdown's toc slugify: accents dropped), Eleventy's (slugify), Zola's
(the slug crate: transliterated with deunicode, emoji by name). Site generators also read ids
written after a heading: ``{#id}``, attribute lists, MDX comments.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASCII_DROPPED = re.compile(r"[^a-z0-9 _-]")
_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES_DASHES = re.compile(r"[\s-]+")
_SPACE = re.compile(r"\s")
_EXPLICIT_ID = re.compile(r"\s*\{#([^}\s]+)\}\s*$")
#: The explicit ids site generators read: `{#id}`, attribute lists `{ #id .class }` and
#: `{: #id}` (MkDocs, kramdown, Hugo), MDX comments `{/* #id */}` (Docusaurus 3).
SITE_ID = re.compile(r"""\s*\{(?::|/\*)?\s*(?:#|[^}]*?\bid=["']?)([^}\s*"']+)[^}]*?(?:\*/)?\}\s*$""")


@lru_cache(maxsize=1 << 15)  # the same headings ("Remarks", "See also") on many pages, read by many links
def anchor(text: str, style: str = "github", site: bool = False) -> str:
    """The id a generator gives a heading: GitHub's rules, Hugo's (which keep accents), or
    MkDocs' (Python-Markdown's toc slugify, which drops them); the site styles also read
    attribute-list and MDX-comment ids."""
    explicit = (SITE_ID if site or style != "github" else _EXPLICIT_ID).search(text)
    if explicit:
        return explicit.group(1)
    if style == "slugify":  # GitHub's, with runs of "-" collapsed (`--serve` -> `serve`)
        kept = _NOT_WORD.sub("", text.strip().lower())
        return _SPACES_DASHES.sub("-", kept).strip("-")
    if style == "zola":  # the slug crate: transliterated (deunicode: 🦀 is "crab"), then [a-z0-9] and "-"
        from slugify import slugify

        return str(slugify(text if text.isascii() else "".join(map(_emoji_name, text))))
    if style == "mkdocs":
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return _SPACES_DASHES.sub("-", _NOT_WORD.sub("", ascii_text).strip().lower())
    lowered = text.strip().lower()
    if lowered.isascii():  # most headings: letters, digits, space, - and _ are all either keeps
        return _ASCII_DROPPED.sub("", lowered).replace(" ", "-")
    if style == "hugo":
        kept = "".join(c for c in lowered if c.isalnum() or c in " -_")
        return _SPACE.sub("-", kept)
    kept = "".join(c for c in lowered if unicodedata.category(c)[0] in "LNM" or c in " -_")
    return kept.replace(" ", "-")


def _emoji_name(char: str) -> str:
    """An emoji as deunicode writes it, by its name; other characters are python-slugify's
    to transliterate (text-unidecode: ß is "ss", 東京 "dong-jing", as deunicode does)."""
    if not char.isascii() and unicodedata.category(char) == "So":
        return f" {unicodedata.name(char, '')} "
    return char


#: Without a site profile the generator is unknown: an id any of them would give is there.
ANY_STYLE = ("github", "hugo", "mkdocs", "slugify", "zola")


class AnyStyle:
    """The ids (lower-cased) any generator of :data:`ANY_STYLE` gives a page's headings, made
    one style at a time as fragments ask for them: nearly every fragment is found among
    GitHub's, so the costlier styles (Zola's transliteration above all) are rarely made."""

    def __init__(self, headings: tuple[str, ...]) -> None:
        self._headings = headings
        self._made: list[frozenset[str]] = []

    def __contains__(self, fragment: object) -> bool:
        for index, style in enumerate(ANY_STYLE):
            if index == len(self._made):
                self._made.append(frozenset(found.lower() for found in anchors(self._headings, style)))
            if fragment in self._made[index]:
                return True
        return False


def anchors(headings: tuple[str, ...], style: str = "github", site: bool = False) -> set[str]:
    """Every heading's id; repeated ids get -1, -2… as GitHub and Hugo number them."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for text in headings:
        base = anchor(text, style, site)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found
