"""Hover: what a finding means, and how a title or description shows in search results.

On a finding's range, the hover shows the measured message and hint, then the rule's
documentation (what ``seolint rule CODE`` prints). On the ``title`` or ``description`` key
of the front matter it adds a SERP line: the text as a result page shows it, its width in
pixels, and where Google would cut it, from the same width functions as T002 and D002.
"""

from __future__ import annotations

from typing import Any

from seolint.checks import REGISTRY
from seolint.findings import Finding
from seolint.i18n import msg, msg_n, render
from seolint.source.document import Document

#: The front-matter key a SERP preview is shown for, and the rule whose options set its
#: font size and the width at which search results cut it.
SERP_KEYS = {"title": "T002", "description": "D002"}


def covers(finding: Finding, line: int, column: int) -> bool:
    """Whether seolint's 1-based ``line`` and ``column`` fall on the finding (a finding on
    one point, or whose end is its start, covers its whole line)."""
    if not finding.line <= line <= max(finding.end_line, finding.line):
        return False
    if (finding.line, finding.column) >= (finding.end_line, finding.end_column):
        return True
    after_start = line > finding.line or column >= finding.column
    before_end = line < finding.end_line or column <= finding.end_column
    return after_start and before_end


def finding_text(finding: Finding, lang: str = "en") -> str:
    """The finding (its message and hint are in its article's language already), then the
    rule's page in ``lang``."""
    hint = f"\n\n{finding.hint}" if finding.hint else ""
    heading = render(msg("**{code}** `{name}`: {message}", code=finding.code, name=finding.name,
                         message=finding.message), lang) + hint
    return f"{heading}\n\n---\n\n{REGISTRY[finding.code].documentation(lang)}"


def key_at(doc: Document, line: int) -> str | None:
    """The top-level front-matter key written on seolint's 1-based ``line``, if any."""
    fm = doc.frontmatter
    if fm is None:
        return None
    for path, span in fm.positions.items():
        if len(path) == 1 and isinstance(path[0], str) and span.line == line:
            return path[0]
    return None


def serp_preview(doc: Document, key: str, options: Any, lang: str = "en") -> str | None:
    """One line for the hover: the value as a result page shows it, its width, and where
    Google cuts it, in ``lang``."""
    from seolint.language.width import chars_to_drop, text_width, visible

    value = doc.article.text(key)
    if value is None:
        return None
    shown = visible(value)
    font_px, max_px = float(options.font_px), float(options.max_px)
    pixels = text_width(shown, font_px)
    drop = chars_to_drop(shown, font_px, max_px)
    size = msg("~{pixels} px of {max_px} px at {font_px} px Arial", pixels=round(pixels),
               max_px=_number(max_px), font_px=_number(font_px))
    if not drop:
        return render(msg("**SERP preview** ({size}, shown whole): {shown}", size=size, shown=shown), lang)
    kept = shown[: len(shown) - drop].rstrip()
    return (render(msg("**SERP preview** ({size}): {kept}…", size=size, kept=kept), lang) + "\n\n"
            + render(msg_n("Google cuts it after “{end}”: {count} character does not show.",
                           "Google cuts it after “{end}”: {count} characters do not show.", drop, end=kept[-20:]),
                     lang))


def _number(value: float) -> int | float:
    """``580`` for 580.0, as ``:g`` writes it; a number, so French gives it a decimal comma."""
    return int(value) if value == int(value) else value


def hover_text(findings: list[Finding], doc: Document | None, options: dict[str, Any],
               line: int, column: int, lang: str = "en") -> str | None:
    """The Markdown of the hover at seolint's ``line`` and ``column``, None for nothing; in
    ``lang``, the document's language."""
    parts = []
    key = key_at(doc, line) if doc is not None else None
    if doc is not None and key in SERP_KEYS and SERP_KEYS[key] in options:
        preview = serp_preview(doc, key, options[SERP_KEYS[key]], lang)
        if preview:
            parts.append(preview)
    for finding in findings:
        if covers(finding, line, column) or (key is not None and finding.line == line):
            parts.append(finding_text(finding, lang))
    return "\n\n---\n\n".join(parts) if parts else None
