"""Links as the reader meets them, and the literal text around them.

A link's *visible content* counts inline code and an image's alt; inline HTML ``<a>`` without
``href`` is a named anchor, not a link (``<a id="top"></a>``); and a text piece knows whether it
follows inline markup directly (a path glued to a link is no reference). The tokens are walked
once per document, and only when a rule reads :func:`links` or :func:`pieces`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote

from seolint.source.markdown import position, without_fenced_code
from seolint.source.masking import unglued

if TYPE_CHECKING:
    from seolint.source.document import Document


class Anchor(NamedTuple):
    """A link as the reader meets it."""

    href: str
    text: str  # visible content: text, inline code, the alt of an image
    line: int
    column: int
    html: bool = False
    templated: bool = False  # the destination is a template or shortcode (masked or not)
    label: str = ""  # aria-label or title of an HTML link
    closed: bool = True  # False for an HTML block's <a> whose content goes on after the block
    code: bool = False  # its text is inline code only: an identifier ([`break`](…)), not prose
    #: The alt of each image inside the link, None for an HTML <img> without an alt attribute:
    #: ``alt=""`` marks the image as decoration, a missing alt leaves it unnamed.
    images: tuple[str | None, ...] = ()


class Piece(NamedTuple):
    """Literal text outside code, on one line of one block."""

    text: str
    line: int
    block: int  # index of the inline token it belongs to
    link: bool  # part of a link's text
    glued: bool  # follows inline markup directly (code, link, HTML, closing emphasis)


class Scan(NamedTuple):
    anchors: list[Anchor]
    pieces: list[Piece]


_CODE_TAGS = frozenset({"code", "kbd", "samp", "var", "tt", "pre"})
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)([^>]*)>", re.DOTALL)
_TEMPLATE_DESTINATION = re.compile(r"\]\(\s*<?\s*\{[{%]")
_UNGLUED = frozenset({"softbreak", "hardbreak", "strong_open", "em_open", "s_open"})


def _attribute(attributes: str, name: str) -> str | None:
    """An attribute's value in a tag's source (``data-href`` is not ``href``)."""
    pattern = rf"""(?<![\w-]){name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
    found = re.search(pattern, attributes, re.IGNORECASE)
    if found is None:
        return None
    return unescape(next(group for group in found.groups() if group is not None))


def _templated(href: str) -> bool:
    return unquote(href).lstrip().startswith(("{{", "{%"))


@dataclass
class _Open:
    href: str
    line: int
    column: int
    html: bool
    templated: bool
    label: str = ""
    parts: list[str] = field(default_factory=list)
    prose: bool = False  # some of its text is literal text, not code
    images: list[str | None] = field(default_factory=list)


@dataclass
class _Walk:
    """One inline token's children: links with their content, and text pieces."""

    doc: Document
    token: Any
    block: int
    out: Scan
    masked: list[str]  # the body's lines as parsed
    line: int = 0
    link: _Open | None = None
    code: int = 0  # depth of inline HTML code elements (<code>, <kbd>…)
    glued: bool = False
    cursor: dict[int, int] = field(default_factory=dict)

    def run(self, children: list[Any]) -> None:
        self.line = self.doc.split.body_line + self.token.map[0]
        for child in children:
            self.step(child)
            self.glued = child.type not in _UNGLUED

    def step(self, child: Any) -> None:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            self.line += 1
        elif kind == "text":
            if not self.code:
                self.out.pieces.append(
                    Piece(child.content, self.line, self.block, self.link is not None, self.glued)
                )
            self._content(child.content, prose=not self.code)
        elif kind in ("code_inline", "image"):
            self._content(child.content, prose=kind == "image")  # an image's content: its alt
            if kind == "image" and self.link is not None:
                self.link.images.append(child.content)
            if "end" in child.meta:  # its line breaks are gone from its content
                self.line += self.token.content.count("\n", child.meta["start"], child.meta["end"])
        elif kind == "link_open":
            href = str(child.attrs.get("href") or "")
            autolink = child.markup == "autolink"
            self._open(href, "<" if autolink else "[", False, child.meta.get("start"))
        elif kind == "link_close" and self.link is not None and not self.link.html:
            self._close()
        elif kind == "html_inline":
            self._html(child.content, child.meta.get("start"))

    def _content(self, text: str, prose: bool = True) -> None:
        if self.link is not None:
            self.link.parts.append(text)
            self.link.prose = self.link.prose or (prose and bool(text.strip()))

    def _html(self, tag: str, start: int | None) -> None:
        found = _TAG.match(tag)
        if found is None:
            return
        closing, name, attributes = found.group(1), found.group(2).lower(), found.group(3)
        if name == "a" and closing:
            if self.link is not None and self.link.html:
                self._close()
        elif name == "a":
            href = _attribute(attributes, "href")
            if href is not None:  # without href, <a> is a named anchor
                self._open(href, "<a", True, start)
                if self.link is not None:
                    self.link.label = _attribute(attributes, "aria-label") or _attribute(attributes, "title") or ""
        elif name in _CODE_TAGS:
            self.code = max(0, self.code + (-1 if closing else 1))
        elif name == "img":
            alt = _attribute(attributes, "alt")
            self._content(alt or "")
            if self.link is not None:
                self.link.images.append(alt)

    def _open(self, href: str, needle: str, html: bool, start: int | None) -> None:
        """A link opens: where, from the offset the parser recorded (``markdown.position``),
        else found on the line the walk has reached."""
        found = None if start is None else position(self.token, start, self.masked)
        if found is not None:
            line, column = self.doc.split.body_line + found[0], found[1]
            source = self.doc.line_text(line)
        else:
            line, source = self.line, self.doc.line_text(self.line)
            column = self._find(source, needle, html)
        templated = _templated(href) or (not href.strip() and bool(_TEMPLATE_DESTINATION.search(source))) \
            or (html and _blanked(href))
        href = unglued(href) if templated else href  # a Liquid destination glued for the parser
        if templated and self.doc.settings.site is not None and self.doc.settings.site.variables:
            from seolint.source.facts.references import resolved

            href = resolved(href, dict(self.doc.settings.site.variables))
            templated = href.startswith("{") or "://" not in href
        self.link = _Open(href, line, column + 1, html, templated)

    def _find(self, source: str, needle: str, html: bool) -> int:
        start = self.cursor.get(self.line, 0)
        if needle == "[":
            column = _markdown_link_start(source, start)
        else:
            column = (source.lower() if html else source).find(needle, start)
        if column < 0:
            column = len(source) - len(source.lstrip())
        self.cursor[self.line] = column + 1
        return column

    def _close(self) -> None:
        link = self.link
        assert link is not None
        text = " ".join("".join(link.parts).split())
        if not link.href.strip() and not link.templated and not link.html:
            # The destination may stand on a later line than the text, or in a definition
            # (`[text][]` … `[text]: <{{% eturl x %}}>`), masked before parsing.
            source = self.doc.line_text(self.line)
            link.templated = bool(_TEMPLATE_DESTINATION.search(source)) or any(
                label in _template_definitions(self.doc) for label in _labels(source, text))
        self.out.anchors.append(Anchor(link.href, text, link.line, link.column, link.html,
                                       link.templated, link.label, True, bool(text) and not link.prose,
                                       tuple(link.images)))
        self.link = None


def _blanked(href: str) -> bool:
    """An HTML ``href`` made of spaces only: a template tag blanked before parsing
    (``href="{% link x.md %}"``); a real empty one is ``href=""``."""
    return bool(href) and not href.strip()


_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?[ \t]*\{[{%]", re.MULTILINE)


def _template_definitions(doc: Document) -> frozenset[str]:
    """Labels of the reference definitions whose destination is a template tag."""
    return doc.derived(_definitions)


def _definitions(doc: Document) -> frozenset[str]:
    body = doc.split.body
    return frozenset(_label(found) for found in _DEFINITION.findall(body)) if "]:" in body else frozenset()


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _labels(source: str, text: str) -> Iterator[str]:
    """The labels a reference link may use: its text (``[text][]``, ``[text]``) and any
    ``][label]`` on its line."""
    yield _label(text)
    yield from (_label(found) for found in re.findall(r"\]\[([^\]]+)\]", source))


def _markdown_link_start(source: str, start: int) -> int:
    """Where ``[text](…)`` opens: the bracket matching a ``](`` after ``start`` that is not an
    image's (``[![alt](src)](href)`` opens at its first bracket)."""
    close = source.find("](", start)
    while close >= 0:
        opening = _matching_bracket(source, start, close)
        if opening >= 0 and not (opening > 0 and source[opening - 1] == "!"):
            return opening
        close = source.find("](", close + 2)
    return source.find("[", start)


def _matching_bracket(source: str, start: int, close: int) -> int:
    depth = 0
    for index in range(close - 1, start - 1, -1):
        if source[index] == "]":
            depth += 1
        elif source[index] == "[":
            if depth == 0:
                return index
            depth -= 1
    return -1


def target_end(lines: list[str], line: int, column: int, href: str) -> int:
    """The column after a link's target, counted as written on its line (a percent-encoded
    or normalized ``href`` is longer than the source), and never past the line's end (the
    target of a link that spans two lines is on the next one; a reference link's is
    elsewhere)."""
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    length = len(href)
    start = _label_end(source, column - 1) if source[column - 1:column] == "[" else -1
    if start >= 0 and source.startswith("](", start):
        target = _TARGET.match(source, start + 2)
        stop = target.end() if target else start + 2
        length = stop - start - 2 or length
    return max(column + 1, min(column + length, len(source) + 1))


#: A link's target as written after ``](``: up to a space, a tab or ``)``.
_TARGET = re.compile(r"[^ )\t]*")
#: What counts for a label's brackets: a backslash escapes the character after it.
_BRACKET = re.compile(r"\\[\s\S]?|[\[\]]")


def _label_end(source: str, opening: int) -> int:
    """Where the ``]`` that closes the ``[`` at ``opening`` stands on the line, or -1."""
    depth = 0
    for found in _BRACKET.finditer(source, opening):
        char = found.group()
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return found.start()
    return -1


def _html_anchors(token: Any, first: int, masked: list[str]) -> Iterator[Anchor]:
    """Links of an HTML block, read with beautifulsoup4 when there are any."""
    html = token.content
    lowered = html.lower()
    if "<a" not in lowered:
        return
    from bs4 import BeautifulSoup

    closed = lowered.count("</a") >= len(re.findall(r"<a\b", lowered))
    starts = [0, *accumulate(len(row) + 1 for row in html.split("\n"))]  # offset of each line
    for tag in BeautifulSoup(without_fenced_code(html), "html.parser").find_all("a"):
        href = tag.get("href")
        if href is None:
            continue
        images = [image.get("alt") for image in tag.find_all("img")]
        alts = [str(alt or "") for alt in images]
        text = " ".join(" ".join([tag.get_text(" ", strip=True), *alts]).split())
        label = str(tag.get("aria-label") or tag.get("title") or "")
        row, column = (tag.sourceline or 1) - 1, tag.sourcepos or 0
        found = position(token, starts[row] + column, masked) if row < len(starts) else None
        line, column = (token.map[0] + row, column) if found is None else found
        yield Anchor(str(href), text, first + line, column + 1, True, _templated(str(href)) or _blanked(str(href)),
                     label, closed, False, tuple(None if alt is None else str(alt) for alt in images))


def scan(doc: Document) -> Scan:
    """Every link of the body with its visible content, and every piece of literal text
    (walked once per document: six rules read it)."""
    return doc.derived(_scan)


def links(doc: Document) -> list[Anchor]:
    """Every link of the body, with its visible content, in the order of the text."""
    return scan(doc).anchors


def pieces(doc: Document) -> list[Piece]:
    """Every piece of literal text outside code, line by line, block by block."""
    return scan(doc).pieces


def _scan(doc: Document) -> Scan:
    result = Scan([], [])
    first = doc.split.body_line
    masked = doc.body.text.split("\n")
    for index, token in enumerate(doc.body.tokens):
        if not token.map:
            continue
        if token.type == "inline":
            _Walk(doc, token, index, result, masked).run(token.children or [])
        elif token.type == "html_block":
            result.anchors.extend(_html_anchors(token, first, masked))
    if doc.settings.site is not None and doc.settings.site.templated_content:
        _templated_references(doc, result)
    return result


def _templated_references(doc: Document, result: Scan) -> None:
    """Links whose reference definition a template writes (a Liquid loop's
    `[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}`): text to the parser."""
    from seolint.source.facts.references import definitions, references

    assert doc.settings.site is not None
    known = definitions(doc.split.body, dict(doc.settings.site.variables))
    if not known:
        return
    skipped = {doc.split.body_line + definition.line for definition in known}
    for piece in result.pieces:
        if piece.link or piece.line in skipped:
            continue
        source = doc.line_text(piece.line)
        for offset, text, href in references(piece.text, known):
            column = source.find(piece.text[offset:offset + len(text) + 2])
            result.anchors.append(Anchor(href, text, piece.line, max(column, 0) + 1, templated=href.startswith("{")))
    result.anchors.sort(key=lambda anchor: (anchor.line, anchor.column))  # in the order of the text


def masked_start(doc: Document, line: int, column: int, href: str) -> bool:
    """Whether the target of the Markdown link opening at ``column`` starts with a template
    tag that was masked before parsing: what is left of it (`#v3` when the tag was blanked)
    is not where the link leads. A Liquid destination kept whole (``unglued``) is not."""
    if href.lstrip("<").startswith("{"):
        return False
    source = doc.line_text(line)
    start = source.find("](", column - 1) if source[column - 1:column] == "[" else -1
    return start >= 0 and re.match(r"\s*<?\s*\{[{%]", source[start + 2:]) is not None
