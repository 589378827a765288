"""E003 placeholder-text: text a template or a brief left for the writer to fill in.

Read from the literal text of the body and its links (:mod:`seolint.source.facts.links`), never inside
code or HTML comments: TODO markers, "TK", lorem ipsum, bracketed instructions, unrendered
template variables and links to example domains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

from pydantic import Field

from seolint.source.document import Document
from seolint.source.facts.demonstration import demonstration_lines
from seolint.source.facts.destination import on_domain
from seolint.source.facts.links import Piece, scan
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg
from seolint.rules import Options, Rule
from seolint.language.fold import fold
from seolint.language.words import words_and_english


# --- E003 placeholder-text -------------------------------------------------------------------


class Placeholders(Options):
    markers: list[str] = Field(
        ["TODO", "FIXME", "XXX"],
        description="Markers reported in capitals where they mark something: before a colon "
        "(“TODO: chiffres”), in brackets, or opening a block alone or before a lower-case word "
        "(“TODO ajouter”); not where a sentence or heading names them (“des messages TODO”, "
        "“TODO Comments”).",
    )
    words: list[str] = Field(
        ["TK"], description="Words reported anywhere as whole words in capitals (“TK”, the "
        "journalists' “to come”).",
    )
    domains: list[str] = Field(
        ["example.com", "example.org", "example.net"],
        description="Links to these domains (and their subdomains) are placeholders.",
    )
    rendered_variables: list[str] = Field(
        ["site.", "page.", "include.", "layout.", "paginator.", "jekyll."],
        description="Prefixes of `{{ }}` variables that the site generator renders in content "
        "(Jekyll's Liquid globals); any other `{{ variable }}` is reported as unrendered.",
    )


_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\[\s*([^\[\]]{1,80}?)\s*\]")
_VARIABLE = re.compile(r"(?<![\w:$/\\])\{\{\s*([A-Za-z_.$][\w.$\[\]'\" |:,()-]*?)?\s*\}\}")
_CALL = re.compile(r"^[\w.]+\s*\(")  # Zola's inline shortcodes, `{{ youtube(id="…") }}`


class _Found(NamedTuple):
    start: int
    text: str
    what: str


class _Line(NamedTuple):
    line: int
    text: str
    opens: bool  # the first line of its block


def _lines(pieces: list[Piece]) -> Iterator[_Line]:
    """The literal text of each line of each block (link text included, code left out)."""
    key: tuple[int, int] | None = None
    parts: list[str] = []
    opens = False
    for piece in pieces:
        if (piece.block, piece.line) != key:
            if key is not None:
                yield _Line(key[1], "".join(parts), opens)
            opens = key is None or piece.block != key[0]
            key, parts = (piece.block, piece.line), []
        parts.append(piece.text)
    if key is not None:
        yield _Line(key[1], "".join(parts), opens)


@cache
def _bracket_words(lang: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in words_and_english(lang, "placeholder-brackets") if word.strip())


def _whole_words(words: list[str], text: str) -> Iterator[re.Match[str]]:
    if words:
        yield from _whole_words_pattern(tuple(words)).finditer(text)


@cache
def _whole_words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Built once per list of words: escaping and joining them for every line of every
    article cost more than the search itself."""
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])")


def _marks(line: _Line, found: re.Match[str]) -> bool:
    """A marker marks something where it has a colon, stands in brackets, or opens the block
    alone or before a lower-case word (“TODO add figures”, not the heading “TODO Comments”)."""
    before = line.text[: found.start()].rstrip(" \t\u00a0*_")
    after = line.text[found.end() :]
    return (
        bool(re.match(r"\s*[:：!]", after))
        or before.endswith(("(", "["))
        or (line.opens and not before.strip() and bool(re.match(r"\s*(?:$|[^\W\d_A-Z])", after)))
    )


_MARKER, _FILLER, _BRACKET, _VARIABLE_LEFT = (
    "Placeholder marker", "Filler text", "Bracketed placeholder", "Unrendered template variable",
)
_HINTS = {
    _MARKER: msg("Finish the passage and remove the marker before publishing."),
    _FILLER: msg("Replace the filler with the real text."),
    _BRACKET: msg("Replace the bracketed instruction with the real content."),
    _VARIABLE_LEFT: msg("Markdown content is not a template here: write the value. If the site renders it, add its "
                        "prefix to `rendered-variables` (on a Jekyll or Eleventy site that seolint detects, content is "
                        "taken as a Liquid template and no variable is reported)."),
}


def _left(what: str, text: str) -> str:
    if what == _MARKER:
        return msg("Placeholder marker “{text}” left in the text", text=text)
    if what == _FILLER:
        return msg("Filler text “{text}” left in the text", text=text)
    if what == _BRACKET:
        return msg("Bracketed placeholder “{text}” left in the text", text=text)
    return msg("Unrendered template variable “{text}” left in the text", text=text)


@cache
def _anything(words: tuple[str, ...]) -> re.Pattern[str]:
    """What every finding of :func:`_in_text` contains: one of the words or markers, a lorem
    ipsum, a bracket or ``{{``. One search settles the lines that hold none (nearly all)."""
    literals = [re.escape(word) for word in words]
    return re.compile("|".join([*literals, f"(?i:{_LOREM.pattern})", r"\[", r"\{\{"]))


def _in_text(line: _Line, options: Placeholders, brackets: tuple[str, ...], templated: bool) -> Iterator[_Found]:
    text = line.text
    if not _anything((*options.words, *options.markers)).search(text):
        return
    for found in _whole_words(options.words, text):
        yield _Found(found.start(), found.group(0), _MARKER)
    for found in _whole_words(options.markers, text):
        if _marks(line, found):
            yield _Found(found.start(), found.group(0), _MARKER)
    for found in _LOREM.finditer(text):
        yield _Found(found.start(), found.group(0), _FILLER)
    for found in _BRACKETED.finditer(text):
        if text.startswith("(", found.end()):
            continue  # a link the parser did not take (`[Guide]({{ '/x/' | relative_url }})`)
        inside = fold(found.group(1))
        if any(inside.startswith(word) and (word.endswith(" ") or len(inside) == len(word)
                                            or not inside[len(word)].isalnum())
               for word in brackets):
            yield _Found(found.start(), found.group(0), _BRACKET)
    for found in () if templated else _VARIABLE.finditer(text):
        expression = (found.group(1) or "").strip()
        if not expression.startswith(tuple(options.rendered_variables)) and not _CALL.match(expression):
            yield _Found(found.start(), found.group(0), _VARIABLE_LEFT)


def placeholder_text(doc: Document, options: Placeholders) -> Iterator[Violation]:
    brackets = _bracket_words(doc.lang)
    # Jekyll and Eleventy run Markdown content through Liquid: every `{{ }}` there is rendered.
    templated = doc.settings.site is not None and doc.settings.site.templated_content
    found_in = scan(doc)
    shown = demonstration_lines(doc)  # a rendered example's filler is the example
    for row in _lines(found_in.pieces):
        line, source = row.line, doc.line_text(row.line)
        if line in shown:
            continue
        taken = searched = 0
        for found in sorted(_in_text(row, options, brackets, templated)):
            if found.start < taken:
                continue  # `[TODO]` is one placeholder, not two
            taken = found.start + len(found.text)
            start = source.find(found.text, searched)
            column = start + 1 if start >= 0 else Span.at_line(line, source).column
            searched = column - 1 + len(found.text)
            yield Violation(
                _left(found.what, found.text),
                Span(line, column, line, column + len(found.text)),
                _HINTS[found.what],
            )
    for anchor in found_in.anchors:
        if anchor.line in shown:
            continue
        host = _host(anchor.href)
        if host and on_domain(host, options.domains):
            yield Violation(
                msg("Link to the placeholder domain {host}: {href}", host=host, href=anchor.href.strip()),
                Span(anchor.line, anchor.column, anchor.line, anchor.column + 1),
                msg("Example domains are reserved for documentation: link to the real page."),
            )


def _host(href: str) -> str | None:
    try:
        return urlsplit(href.strip()).hostname
    except ValueError:
        return None


RULES = (
    Rule(
        "E003", "placeholder-text", Severity.ERROR, placeholder_text, options=Placeholders,
        needs_body=True,
        what="Reports placeholder text outside code: the markers TODO, FIXME and XXX (whole "
        "words in capitals, where they mark a gap: “TODO: figures”, “(FIXME)”, a block opening "
        "with “TODO add…”; not “leave TODO comments”), TK anywhere, “lorem ipsum”, a "
        "bracketed instruction (“[insert link]”, "
        "« [insérer une image] », `placeholder-brackets` in the language file), links to "
        "example.com, .org and .net, and unrendered `{{ variable }}`. Hugo shortcodes "
        "(`{{< >}}`, `{{% %}}`) and Liquid tags are masked before parsing, Zola's "
        "`{{ shortcode(…) }}` calls are rendered, and Jekyll's `{{ site.… }}` / `{{ page.… }}` "
        "are rendered too: none of them is reported. Nor is a rendered example: the lines inside an "
        "element marked as one (`<div class=\"result\">`, `data-proofer-ignore`) and a line "
        "shown word for word in a code block of the page.",
        why="A placeholder that reaches production looks unfinished to readers and to "
        "quality raters, and an example.com link is a dead end.",
        example="TODO: ajouter les chiffres de l’Apec. Voir [le rapport](https://example.com).",
        use_instead="Selon [l’Apec](https://www.apec.fr/), 40 % des postes de cadres…",
        references=("RFC 2606: reserved example domains",
                    "Google Search Central: creating helpful, reliable content"),
    ),
)
