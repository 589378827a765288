"""The body as markdown-it-py tokens, and the facts rules read from them.

Real content is not pure CommonMark: what the parser must not see is blanked out first
(``seolint.source.masking``), every line and column staying where it was.

Every position is whole-file: a token's ``map`` is 0-based within the body, so the body's
first line in the file is added in exactly one place, :func:`parse`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from seolint.source.masking import blank, mask, unglued


@cache
def _parser(mdx: bool = False) -> Any:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import autolink, backtick, html_inline, image, link

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # One rule in the place of five (markdown-it asks every rule at every punctuation
    # character): the first of them, backticks; between it and the others stand only
    # strikethrough and emphasis, which start at other characters (`~`, `*`, `_`).
    parser.inline.ruler.at("backticks", _starting({
        "`": ((backtick, "code_inline"),), "[": ((link, "link_open"),), "!": ((image, "image"),),
        "<": ((autolink, "link_open"), (html_inline, "html_inline")),
    }))
    parser.inline.ruler.disable(["link", "image", "autolink", "html_inline"])
    if mdx:
        from markdown_it.rules_block import list_block

        parser.block.ruler.at("list", _any_indent(list_block), {"alt": ["paragraph", "reference", "blockquote"]})
        return parser.disable("code")
    from markdown_it.rules_block import code

    parser.block.ruler.at("code", _unless_blanked(code))
    return parser


def _unless_blanked(rule: Any) -> Any:
    """The indented-code rule, except at a line whose indentation is a blanked template tag
    (``{% callout %}Text…``): the writer wrote no indented code there, only text."""

    def guarded(state: Any, start: int, end: int, silent: bool) -> bool:
        if start in state.env.get("blanked-indent", ()):
            return False
        found: bool = rule(state, start, end, silent)
        return found

    return guarded


def _any_indent(rule: Any) -> Any:
    """The list rule as MDX reads it, where indentation never makes code: a list item
    indented 4 spaces or more past its list's own (``- item`` inside a component, under an
    item of a numbered list) starts the next item, where CommonMark continues the item's
    paragraph with it (« - a » then « - b », both inside ``<Fragment>``, read as one
    sentence « a - b »). That special case is the only place the rule reads
    ``listIndent``; the rule sets its own for the items it parses."""

    def unlimited(state: Any, start: int, end: int, silent: bool) -> bool:
        kept = state.listIndent
        if kept >= 0 and state.sCount[start] - kept >= 4 and state.sCount[start] < state.blkIndent:
            state.listIndent = -1
        try:
            found: bool = rule(state, start, end, silent)
        finally:
            state.listIndent = kept
        return found

    return unlimited


def _blanked_indents(body: str, masked: str) -> frozenset[int]:
    """The lines (0-based) that masking indented: a construct blanked at the line's start
    with text after it on the line."""
    if masked == body:
        return frozenset()
    return frozenset(
        number for number, (before, after) in enumerate(zip(body.split("\n"), masked.split("\n")))
        if after != before and after.strip()
        and len(after) - len(after.lstrip(" ")) > len(before) - len(before.lstrip(" "))
    )


def _starting(rules: dict[str, tuple[tuple[Any, str], ...]]) -> Any:
    """The inline rules that start at each character, in markdown-it's order, recording
    where the token each makes starts and ends in its inline token's content
    (``meta["start"]``, ``meta["end"]``): inline children have no ``map`` of their own."""

    def recording(state: Any, silent: bool) -> bool:
        starting = rules.get(state.src[state.pos])
        if starting is None:
            return False
        start = state.pos
        for rule, kind in starting:
            count = len(state.tokens)
            if rule(state, silent):
                if not silent:
                    for token in state.tokens[count:]:
                        if token.type == kind:
                            token.meta["start"], token.meta["end"] = start, state.pos
                            break
                return True
        return False

    return recording


def position(token: Any, start: int, lines: list[str]) -> tuple[int, int] | None:
    """Where offset ``start`` of an inline token's content stands in the body: 0-based line
    and column in ``lines`` (the masked body's), or None when the content's line cannot be
    found on its source line (a tab expanded by the parser)."""
    content = token.content
    line = token.map[0] + content.count("\n", 0, start)
    begin = content.rfind("\n", 0, start) + 1
    end = content.find("\n", start)
    written = content[begin:] if end < 0 else content[begin:end]
    source = lines[line] if line < len(lines) else ""
    kept = written.rstrip()
    if kept and source.rstrip().endswith(kept):  # a line of a paragraph: its text ends the line
        return line, len(source.rstrip()) - len(kept) + start - begin
    found = source.find(written)  # a heading (closing `#`s) or a table cell
    return None if found < 0 else (line, found + start - begin)


#: A trailing id or attribute list: ``{#id}`` (Zola, kramdown, Pandoc, VitePress, with spaces
#: too), ``{ #id .class data-toc-label="…" }`` (Python-Markdown's attr_list, MkDocs).
_ANCHOR_ID = re.compile(r"\s*\{\s*(?:[#.:][^{}]*|[^{}]*?[\w-]+\s*=[^{}]*)\}\s*$")


class Heading(NamedTuple):
    """A heading of the body: the outline is the list of them, in order."""

    level: int
    text: str  # prose: inline code left out
    line: int
    column: int
    source: str = ""  # everything a reader sees: code spans and image alt too; {#id} kept
    markup: str = ""  # `#`… for an ATX heading, `=` or `-` for a setext one
    content: str = ""  # the inline source as parsed (shortcodes blanked), HTML comments included
    tags: bool = False  # holds inline HTML other than comments

    @property
    def shown(self) -> str:
        """What a reader sees, without a trailing ``{#anchor}`` id or ``{ … }`` attribute list."""
        return _ANCHOR_ID.sub("", self.source)


class Image(NamedTuple):
    src: str
    alt: str | None  # None: an HTML <img> with no alt attribute at all
    line: int
    column: int
    html: bool = False
    #: Marked as decoration for screen readers: an explicit ``alt=""``, ``role="presentation"``
    #: (or ``none``) or ``aria-hidden="true"`` on an HTML <img>. Markdown's ``![](src)`` has no
    #: way to say so: its empty brackets are an alt text left out.
    decorative: bool = False


class Block(NamedTuple):
    """A unit of prose that ends a sentence: paragraph, heading, list item, cell, quote."""

    kind: str  # paragraph, heading, list_item, table_cell, blockquote
    text: str  # prose only: no code, HTML, URLs or image alt text
    line: int
    end_line: int
    emphasis_only: bool = False  # the whole paragraph is one bold/italic run


@dataclass
class Body:
    tokens: list[Any]
    text: str = ""  # as parsed: constructs of site generators blanked out (:func:`mask`)
    headings: list[Heading] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    html: list[tuple[str, int]] = field(default_factory=list)  # raw HTML and its line


#: Code fenced inside an HTML block (MDX's <details> examples): not HTML to read.
_FENCED = re.compile(r"^\s*(`{3,}|~{3,}).*?^\s*\1\s*$", re.MULTILINE | re.DOTALL)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def parse(body: str, first_line: int, lines: list[str], mdx: bool = False) -> Body:
    """Parse once and collect the facts; ``lines`` are the whole file's lines."""
    masked = mask(body, mdx)
    indented = frozenset() if mdx else _blanked_indents(body, masked)
    result = Body(_parser(mdx).parse(masked, {"blanked-indent": indented} if indented else None), masked)
    containers: list[str] = []
    heading: int | None = None
    markup = ""
    table = False
    for token in result.tokens:
        if token.type in ("table_open", "table_close"):
            table = token.type == "table_open"
        elif token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append("blockquote" if token.type == "blockquote_open" else "list_item")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            heading = int(token.tag[1])
            markup = token.markup
        elif token.type == "heading_close":
            heading = None
        elif token.type == "html_block" and token.map:
            result.html.append((token.content, first_line + token.map[0]))
        elif token.type == "inline" and token.map:
            line = first_line + token.map[0]
            end = first_line + token.map[1] - 1
            if heading:
                kind = "heading"
            elif table:
                kind = "table_cell"
            else:
                kind = containers[-1] if containers else "paragraph"
            text, only_emphasis = _inline(token, line, lines, result)
            if heading:
                result.headings.append(Heading(heading, text, line, _column(lines, line, "#"), visible_text(token),
                                               markup, token.content, _tags(token)))
            result.blocks.append(Block(kind, text, line, end, only_emphasis))
    _html_facts(result, lines)
    return result


def _inline(token: Any, line: int, lines: list[str], out: Body) -> tuple[str, bool]:
    """Walk an inline token's children: prose text and images (links are the facts layer's,
    :mod:`seolint.source.facts.links`).

    Returns the block's prose and whether all of its text is emphasized (bold or italic).
    """
    parts: list[str] = []
    link = ""  # the kind of link open: "markdown", "autolink" or "html"
    emphasis = 0
    plain = False  # some text outside emphasis
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            parts.append(" ")
            line += 1
        elif kind == "text":
            parts.append(child.content)
            plain = plain or (emphasis == 0 and bool(child.content.strip()))
        elif kind == "link_open":
            link = "autolink" if child.markup == "autolink" else "markdown"
        elif kind == "html_inline" and _HTML_A.match(child.content):
            link = "html"
        elif (kind == "link_close" or (kind == "html_inline" and child.content.startswith("</a"))) and link:
            if link == "autolink":
                parts.append(" ")
            link = ""
        elif kind == "image":
            src = str(child.attrs.get("src", ""))
            out.images.append(Image(src, child.content, line, _column(lines, line, "](" + src, opener="![")))
        elif kind in ("strong_open", "em_open"):
            emphasis += 1
        elif kind in ("strong_close", "em_close"):
            emphasis -= 1
        elif kind == "html_inline":
            out.html.append((child.content, line))
            parts.append(" ")  # <br>, <span>, a comment: words on each side stay apart
        elif kind == "code_inline":
            parts.append(" ")
            plain = True
    text = " ".join(_URL.sub(" ", "".join(parts)).split())
    return text, bool(text) and not plain


def _tags(token: Any) -> bool:
    """Whether an inline token holds HTML other than comments (``<br>``, ``<span>``)."""
    return any(child.type == "html_inline" and not str(child.content).startswith("<!--")
               for child in token.children or [])


_HTML_A = re.compile(r"<a\b", re.IGNORECASE)


def visible_text(token: Any) -> str:
    """What a reader sees of an inline token: text, code spans and image alt, one line."""
    parts = [
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in token.children or []
        if child.type in ("text", "code_inline", "image", "softbreak", "hardbreak")
    ]
    # Runs of ASCII whitespace become one space; a no-break space (French typography, `Titre :`)
    # stays, since generators drop it from heading ids where they turn spaces into `-`.
    return _SPACES.sub(" ", "".join(parts)).strip(" ")


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _column(lines: list[str], line: int, needle: str, detail: str = "", opener: str = "") -> int:
    """Where on its line an inline element starts: the most specific match of ``needle``
    (followed by ``detail`` when given), moved back to ``opener`` (a link's ``[``)."""
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    found = source.find(needle + detail) if detail else -1
    if found < 0:
        found = source.find(needle)
    if found < 0 and needle.startswith("]("):
        found = source.find("](")
    if found < 0:
        return len(source) - len(source.lstrip()) + 1
    if opener:
        found = max(0, source.rfind(opener, 0, found))
    return found + 1


def without_fenced_code(html: str) -> str:
    """An HTML block with the code fenced inside it blanked out (lines and columns kept)."""
    return _FENCED.sub(blank, html) if "``" in html or "~~" in html else html


def _html_facts(body: Body, lines: list[str]) -> None:
    """Images written as raw HTML, read with beautifulsoup4 when there are any."""
    interesting = [(html, line) for html, line in body.html if "<img" in html]
    if not interesting:
        return
    from bs4 import BeautifulSoup

    for html, line in interesting:
        soup = BeautifulSoup(without_fenced_code(html), "html.parser")
        for tag in soup.find_all("img"):
            where = line + (tag.sourceline or 1) - 1  # each <img> on its own line, not the block's first
            alt = tag.get("alt")
            body.images.append(Image(str(tag.get("src", "")), str(alt) if alt is not None else None,
                                     where, _column(lines, where, "<img"), True, _decorative(tag)))


def _decorative(tag: Any) -> bool:
    """An <img> its author marked as decoration, which assistive technology skips."""
    alt = tag.get("alt")
    role = str(tag.get("role") or "").strip().lower()
    hidden = str(tag.get("aria-hidden") or "").strip().lower()
    return alt == "" or role in ("presentation", "none") or hidden == "true"


#: What may be a link's target in raw Markdown: an inline link's (or image's) destination,
#: a reference definition's, an HTML ``href`` (looked for only where the text has one) and
#: an autolink. Matched in code and comments too: a superset of the links ``parse`` finds.
_LINKISH = (  # each with a string the text must hold for it to match
    (re.compile(r"\]\(\s*(?:<([^<>\n]*)>|((?:\\.|[^\s()\\]|\([^\s()]*\))+))"), "]("),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(?:<([^<>\n]*)>|(\S+))", re.MULTILINE), "]:"),
    (re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>"), ":"),
    (re.compile(r"\]\((\{\{(?![<%])[^\n{}]*\}\}[^\s()]*|\{%[^\n%]*%\}[^\s()]*)"), "]({"),  # Liquid
)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.IGNORECASE)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def link_targets(body: str) -> list[str]:
    """Every string of the body that may be a link's target, unescaped as a parser would
    (backslash escapes, HTML entities), in no particular order: what a scan of a site reads
    of the articles it does not parse. Links in code count too; no link is missed."""
    patterns = [pattern for pattern, needle in _LINKISH if needle in body]
    if "href" in body.lower():
        patterns.append(_HREF)
    found = ["".join(groups) for pattern in patterns for groups in pattern.findall(body)]  # one group matched
    if "\\" in body:
        found = [_ESCAPED.sub(r"\1", href) for href in found]
    if "&" in body:
        found = [html.unescape(href) for href in found]
    return found
