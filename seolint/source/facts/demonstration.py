"""Lines of the body that show an example's rendered result rather than the page's own text.

Documentation about Markdown or templates shows a sample's source in a code block, then the
same sample rendered: the filler text (“Lorem ipsum”), the ``#`` links and the example.com
URLs there are the point of the example, not left-overs. A line is demonstration when

- it stands inside an HTML element marked as a rendered example: a ``class`` holding
  ``result``, ``example`` or ``demo`` (Material for MkDocs' ``<div class="result" markdown>``,
  Jekyll's ``<div class="highlight result">``), or ``data-proofer-ignore`` (links html-proofer
  is told to skip, because they lead nowhere on purpose), up to the matching closing tag;
- or its text (at least :data:`_ECHO_MIN` characters) is shown word for word in a code block
  of the same page: the rendering of a sample written out just above or below.

Read by the rules that report unfinished text (E003) and dead links (L005).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seolint.source.document import Document

_ECHO_MIN = 20
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_OPEN = re.compile(r"<([a-zA-Z][\w-]*)\b([^<>]*)>")
_MARKED = re.compile(
    r"""\bclass\s*=\s*["'][^"']*\b(?:result|example|demo)\b[^"']*["']|\bdata-proofer-ignore\b""",
    re.IGNORECASE,
)


def demonstration_lines(doc: Document) -> frozenset[int]:
    """Whole-file numbers of the body lines that show a rendered example."""
    return doc.derived(_demonstration_lines)


def _demonstration_lines(doc: Document) -> frozenset[int]:
    first = doc.split.body_line
    lines = doc.split.body.split("\n")
    prose, code = _split(lines)
    found = set(_marked(lines, prose))
    shown = {text for text in (line.strip() for line in code) if len(text) >= _ECHO_MIN}
    if shown:
        found.update(index for index in prose if _echo(lines[index], shown))
    return frozenset(first + index for index in found)


def _split(lines: list[str]) -> tuple[list[int], list[str]]:
    """The indexes of the lines outside fenced code, and the text of the lines inside."""
    prose: list[int] = []
    code: list[str] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        opener = _FENCE.match(line) if "`" in line or "~" in line else None  # most lines: no call
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            else:
                code.append(line)
        elif opener:
            fence = opener.group(1)
        else:
            prose.append(index)
    return prose, code


def _marked(lines: list[str], prose: list[int]) -> set[int]:
    """Lines from the opening tag of a marked element to its closing tag (same tag name,
    nesting counted), outside fenced code."""
    found: set[int] = set()
    name: str | None = None
    depth = 0
    for index in prose:
        line = lines[index]
        if name is None:
            if "<" not in line:  # no tag to open: most lines
                continue
            opened = next((tag for tag in _OPEN.finditer(line) if _MARKED.search(tag.group(2))), None)
            if opened is None:
                continue
            name, depth = opened.group(1).lower(), 0
            line = line[opened.start():]
        found.add(index)
        depth += len(re.findall(rf"<{name}\b", line, re.IGNORECASE))
        depth -= len(re.findall(rf"</{name}\s*>", line, re.IGNORECASE))
        if depth <= 0:
            name = None
    return found


_MARKUP = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*|\[\^[^\]]+\]:\s*)")


def _echo(line: str, shown: set[str]) -> bool:
    text = line.strip()
    if len(text) < _ECHO_MIN or text in shown:
        return len(text) >= _ECHO_MIN
    # list, quote or footnote markup in front: the same text without it (no other first
    # character can start any)
    return (text[0] in "-*+>[" or text[0].isdecimal()) and _MARKUP.sub("", text) in shown
