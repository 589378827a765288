"""The body as markdown-it-py tokens, and the facts rules read from them.

Real content is not pure CommonMark. Before parsing, constructs of site generators are
blanked out (replaced by spaces, so every line and column stays where it was): MDX
``import``/``export`` lines, JSX component tags and ``{/* */}`` comments, Hugo shortcodes,
Liquid tags, kramdown attribute lines, ``:::`` aside fences, GitHub ``[!NOTE]`` markers and
Microsoft ``[!INCLUDE[...](...)]``. Code is never touched.

Every position is whole-file: a token's ``map`` is 0-based within the body, so the body's
first line in the file is added in exactly one place, :func:`parse`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MDX_LINE = re.compile(r"^(?:import|export)\s.*$")
_JSX_LINE = re.compile(r"^\s*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>\s*$")
_KRAMDOWN = re.compile(r"^\s*\{:[^}]*\}\s*$")
_ASIDE = re.compile(r"^\s*:::+.*$")
#: Any of the four above, tested with one match per line instead of four.
_BLANKED_LINE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in (_MDX_LINE, _JSX_LINE, _KRAMDOWN, _ASIDE))
)
_INLINE_CONSTRUCTS = re.compile(
    r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}|\{/\*.*?\*/\}|\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]"
    r"|(?<=>)\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]",
    re.DOTALL,
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_MDX_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def mask(body: str, mdx: bool = False) -> str:
    """The body with non-CommonMark constructs blanked out, outside code fences.

    MDX has no indented code blocks, so a fence indented inside a JSX component
    (``<TabItem>`` then four spaces and a fence) is still a fence: its indentation is dropped.
    """
    out: list[str] = []
    fence: str | None = None
    chunk: list[str] = []
    fence_pattern = _MDX_FENCE if mdx else _FENCE
    shown_as_code = _code_shortcodes(body) if "{{" in body or "{%" in body else set()
    for number, line in enumerate(body.split("\n")):
        if number in shown_as_code:
            chunk.append(" " * len(line))
            continue
        opener = fence_pattern.match(line)
        if opener and mdx:
            line = line.lstrip()
        if fence is not None:
            out.append(line)
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            if chunk:
                out.append(_INLINE_CONSTRUCTS.sub(_blank, "\n".join(chunk)))
            chunk = []
            out.append(line)
            fence = opener.group(1)
            continue
        if _BLANKED_LINE.match(line):
            line = " " * len(line)
        chunk.append(line)
    if chunk:
        out.append(_INLINE_CONSTRUCTS.sub(_blank, "\n".join(chunk)))
    return "\n".join(out)


#: Template blocks that show their content as code: Hugo's ``{{< code-toggle >}}`` …
#: ``{{< /code-toggle >}}`` (and ``highlight``, ``code``), Liquid's and Nunjucks'
#: ``{% highlight %}`` … ``{% endhighlight %}``, and a Nunjucks ``{% set codeBlock %}`` …
#: ``{% endset %}`` whose content a filter highlights (Eleventy's docs).
_CODE_BLOCK = re.compile(
    r"^\s*(?:\{\{[<%]\s*(?P<hugo>code-toggle|highlight|code)\b(?:(?!/[>%]\}\}).)*[>%]\}\}\s*$"
    r"|\{%-?\s*(?P<liquid>highlight|set)\b(?(liquid)[^%=]*-?%\}))"
)


def _code_end(opened: re.Match[str]) -> re.Pattern[str]:
    if opened.group("hugo"):
        return re.compile(rf"^\s*\{{\{{[<%]\s*/\s*{opened.group('hugo')}\s*[>%]\}}\}}")
    return re.compile(rf"\{{%-?\s*end{opened.group('liquid')}\s*-?%\}}")


def _code_shortcodes(body: str) -> set[int]:
    """Indexes of the lines inside a template's code block, its tags included, outside fences."""
    found: set[int] = set()
    fence: str | None = None
    opened: tuple[int, re.Pattern[str]] | None = None
    for number, line in enumerate(body.split("\n")):
        opener = _FENCE.match(line) if opened is None else None
        if opener and fence is None:
            fence = opener.group(1)
        elif opener and fence and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
            fence = None
        elif opened is not None and opened[1].search(line):
            found.update(range(opened[0], number + 1))
            opened = None
        elif fence is None and (start := _CODE_BLOCK.match(line)):
            opened = (number, _code_end(start))  # a second opener: the first was never closed
    return found


@cache
def _parser(mdx: bool = False) -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.disable("code") if mdx else parser


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


class Link(NamedTuple):
    href: str
    text: str
    line: int
    column: int
    html: bool = False
    autolink: bool = False


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
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    html: list[tuple[str, int]] = field(default_factory=list)  # raw HTML and its line


#: Code fenced inside an HTML block (MDX's <details> examples): not HTML to read.
_FENCED = re.compile(r"^\s*(`{3,}|~{3,}).*?^\s*\1\s*$", re.MULTILINE | re.DOTALL)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def parse(body: str, first_line: int, lines: list[str], mdx: bool = False) -> Body:
    """Parse once and collect the facts; ``lines`` are the whole file's lines."""
    tokens = _parser(mdx).parse(mask(body, mdx))
    result = Body(tokens)
    containers: list[str] = []
    heading: int | None = None
    markup = ""
    table = False
    for token in tokens:
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
    """Walk an inline token's children: prose text, links, images.

    Returns the block's prose and whether all of its text is emphasized (bold or italic).
    """
    parts: list[str] = []
    link: _OpenLink | None = None
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
            if link is not None:
                link.text.append(child.content)
        elif kind == "link_open":
            link = _OpenLink(str(child.attrs.get("href", "")), [], line, child.markup == "autolink", False)
        elif kind == "html_inline" and _HTML_A.match(child.content):
            link = _OpenLink(_href(child.content), [], line, False, True)
        elif (kind == "link_close" or (kind == "html_inline" and child.content.startswith("</a"))) and link:
            if link.href or not link.html:  # <a id="x"></a> is a target, not a link
                out.links.append(link.close(lines))
            if link.autolink:
                parts.append(" ")
            link = None
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


def _href(tag: str) -> str:
    if "href" not in tag.lower():
        return ""  # most inline <a> are named anchors (<a name="x">): no need to parse them
    from bs4 import BeautifulSoup

    anchor = BeautifulSoup(tag, "html.parser").find("a")
    href = anchor.get("href") if anchor is not None else None
    return str(href) if href is not None else ""


class _OpenLink(NamedTuple):
    href: str
    text: list[str]
    line: int
    autolink: bool
    html: bool

    def close(self, lines: list[str]) -> Link:
        if self.html:
            column = _column(lines, self.line, f'="{self.href}"', opener="<a")
        elif self.autolink:
            column = _column(lines, self.line, "<" + self.href)
        else:
            column = _column(lines, self.line, "](" + self.href, opener="[")
        return Link(self.href, "".join(self.text), self.line, column, self.html, self.autolink)


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


def _html_facts(body: Body, lines: list[str]) -> None:
    """Links and images written as raw HTML, read with beautifulsoup4 when there are any."""
    interesting = [(html, line) for html, line in body.html if "<a" in html or "<img" in html]
    if not interesting:
        return
    from bs4 import BeautifulSoup

    for html, line in interesting:
        soup = BeautifulSoup(_FENCED.sub(_blank, html), "html.parser")
        for tag in soup.find_all(["a", "img"]):
            offset = html.count("\n", 0, max(0, html.find(f"<{tag.name}")))
            where = line + offset
            if tag.name == "img":
                alt = tag.get("alt")
                body.images.append(Image(str(tag.get("src", "")), str(alt) if alt is not None else None,
                                         where, _column(lines, where, "<img"), True, _decorative(tag)))
            elif tag.get("href") is not None:
                body.links.append(Link(str(tag.get("href")), tag.get_text(" ", strip=True), where,
                                       _column(lines, where, "<a"), True))


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
