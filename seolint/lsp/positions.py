"""Where seolint's positions become LSP's, in this one place.

seolint counts 1-based lines and 1-based columns in Unicode code points (end column
exclusive). LSP counts 0-based lines, and columns in the units the server and client agreed
on at initialization: UTF-16 code units unless the client offers another (a character
outside the Basic Multilingual Plane, most emoji, takes two UTF-16 units, four UTF-8 bytes,
one UTF-32 unit).
"""

from __future__ import annotations

import re

from lsprotocol import types

from seolint.findings import Finding, Severity
from seolint.report._common import full_message, rule_url

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def split_lines(text: str) -> list[str]:
    """The lines of a document as LSP numbers them (only CR, LF and CRLF end a line)."""
    return _LINE_BREAK.split(text)


#: The position encodings the server can speak (LSP's names).
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(char: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    if encoding == UTF8:
        return len(char.encode("utf-8", "surrogatepass"))
    return 2 if ord(char) > 0xFFFF else 1


def lsp_column(line: str, column: int, encoding: str = UTF16) -> int:
    """LSP's 0-based column of seolint's 1-based code-point ``column`` in ``line`` (clamped
    to the line's end)."""
    return sum(_units(char, encoding) for char in line[: max(column - 1, 0)])


def seolint_column(line: str, units: int, encoding: str = UTF16) -> int:
    """seolint's 1-based code-point column of LSP's 0-based column ``units`` in ``line``
    (clamped to the line's end; inside a character: that character)."""
    counted = 0
    for index, char in enumerate(line):
        counted += _units(char, encoding)
        if counted > units:
            return index + 1
    return len(line) + 1


def position(lines: list[str], line: int, column: int, encoding: str = UTF16) -> types.Position:
    """LSP's position of seolint's 1-based ``line`` and ``column`` (clamped to the text)."""
    index = min(max(line - 1, 0), len(lines) - 1)
    return types.Position(index, lsp_column(lines[index], column, encoding))


def seolint_position(lines: list[str], where: types.Position, encoding: str = UTF16) -> tuple[int, int]:
    """seolint's 1-based line and column of an LSP position."""
    index = min(where.line, len(lines) - 1)
    return index + 1, seolint_column(lines[index], where.character, encoding)


def text_range(lines: list[str], finding: Finding, encoding: str = UTF16) -> types.Range:
    return types.Range(position(lines, finding.line, finding.column, encoding),
                       position(lines, finding.end_line, finding.end_column, encoding))


def diagnostic(lines: list[str], finding: Finding, encoding: str = UTF16) -> types.Diagnostic:
    """The finding as an LSP diagnostic: the CLI's code, severity, message (with its hint)
    and rule link (none while seolint has no published home: ``report._common.HOMEPAGE``)."""
    page = rule_url(finding.code)
    return types.Diagnostic(
        range=text_range(lines, finding, encoding),
        message=full_message(finding),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=page) if page is not None else None,
        source="seolint",
    )


def offset_position(text: str, offset: int, encoding: str = UTF16) -> types.Position:
    """LSP's position of the code-point ``offset`` in ``text``."""
    before = split_lines(text[:offset])
    return types.Position(len(before) - 1, lsp_column(before[-1], len(before[-1]) + 1, encoding))
