"""Paragraphs as the editorial rules read them, and the one-line paragraphs all in emphasis.

A paragraph stands on its own, in a list item or in a quote (headings and table cells are not
paragraphs). Its text is kept line by line, links' text included and inline code replaced by
:data:`CODE`, so that no pattern matches across code. Both lists are found once per document,
and only when a rule reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from seolint.source.document import Document

CODE = "\ufffc"  # stands for inline code in a paragraph's text


class Paragraph(NamedTuple):
    lines: list[str]  # the text of each source line: literal text and link text, code as CODE
    line: int
    end_line: int
    group: int | None  # the list it is an item of (its opening token's index), if any
    linked: bool = False  # its text starts inside a link (“- [Keywords](keywords.md)”)
    emphasized: bool = False  # all of its text is bold or italic (“**SEO keywords**”)


def _read(children: list[Any]) -> tuple[list[str], bool, bool]:
    """The lines of a paragraph, whether it opens with a link, whether it is all emphasis."""
    lines = [""]
    link = emphasis = 0
    linked: bool | None = None
    plain = False
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append("")
        elif kind in ("link_open", "link_close"):
            link += 1 if kind == "link_open" else -1
        elif kind in ("strong_open", "em_open", "strong_close", "em_close"):
            emphasis += 1 if kind.endswith("_open") else -1
        elif kind in ("text", "code_inline"):
            lines[-1] += child.content if kind == "text" else f" {CODE} "
            if child.content.strip():
                linked = bool(link) if linked is None else linked
                plain = plain or not emphasis
        elif kind == "image":
            lines[-1] += " "
    return lines, bool(linked), linked is not None and not plain


def paragraphs(doc: Document) -> list[Paragraph]:
    """Every paragraph, on its own or in a list item or quote (not headings or table cells);
    found once per document, for the rules that read them."""
    return doc.derived(_paragraph_list)


def _paragraph_list(doc: Document) -> list[Paragraph]:
    return list(_paragraphs(doc))


def _paragraphs(doc: Document) -> Iterator[Paragraph]:
    tokens = doc.body.tokens
    first = doc.split.body_line
    lists: list[int] = []
    for index, (before, token) in enumerate(zip(tokens, tokens[1:]), 1):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(index)
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif before.type == "paragraph_open" and token.type == "inline" and token.map:
            lines, linked, emphasized = _read(token.children or [])
            yield Paragraph(lines, first + token.map[0], first + token.map[1] - 1,
                            lists[-1] if lists else None, linked, emphasized)


class EmphasisLine(NamedTuple):
    """A top-level paragraph of one line whose whole text is bold or italic."""

    text: str  # the emphasized text, spaces collapsed
    line: int
    section: int  # the level of the heading it stands under (1 before any heading)
    italic: bool = False  # italic only, no bold
    followed_by: str = ""  # the type of the next block's opening token ("" at the end)
    after_image: bool = False  # the paragraph before it is an image alone (it is a caption)


def emphasis_lines(doc: Document) -> list[EmphasisLine]:
    """Every one-line paragraph that is all emphasis (HTML comments aside), in order."""
    return doc.derived(_emphasis_lines)


def _emphasis_lines(doc: Document) -> list[EmphasisLine]:
    tokens = doc.body.tokens
    found: list[EmphasisLine] = []
    section = 1
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open":
            section = int(token.tag[1])
        if token.type != "paragraph_open" or not token.map:
            continue
        emphasized = _emphasized_line(token, tokens[index + 1])
        if emphasized is not None:
            after = tokens[index + 3].type if index + 3 < len(tokens) else ""
            image = index >= 2 and tokens[index - 1].type == "paragraph_close" and _image_only(tokens[index - 2])
            found.append(EmphasisLine(emphasized[0], doc.split.body_line + token.map[0], section,
                                      emphasized[1], after, image))
    return found


def _emphasized_line(paragraph: Any, inline: Any) -> tuple[str, bool] | None:
    """The text of a top-level one-line paragraph that is all bold or italic, and whether it
    is italic only; None for any other paragraph."""
    if paragraph.level != 0 or not inline.map or inline.map[1] - inline.map[0] != 1:
        return None
    depth, text = 0, []
    bold = False
    for child in inline.children or []:
        if child.type in ("strong_open", "em_open"):
            depth += 1
            bold = bold or child.type == "strong_open"
        elif child.type in ("strong_close", "em_close"):
            depth -= 1
        elif child.type == "text" and (depth > 0 or not child.content.strip()):
            text.append(child.content)
        elif depth > 0 or not _comment(child):  # plain text, a link, code, an image, HTML
            return None
    joined = " ".join("".join(text).split())
    return (joined, not bold) if joined else None


def _image_only(inline: Any) -> bool:
    children = [child for child in inline.children or []
                if not (child.type in ("text", "softbreak") and not child.content.strip())]
    return bool(children) and all(child.type == "image" for child in children)


def _comment(child: Any) -> bool:
    return child.type == "html_inline" and str(child.content).startswith("<!--")
