"""The default format: each finding with the offending line, a caret and a hint."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from seolint.findings import Finding, Severity
from seolint.report.concise import line
from seolint.report.summary import counted

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class _Lines:
    """Reads each reported file once, to quote its lines."""

    def __init__(self) -> None:
        self._cache: dict[str, list[str]] = {}

    def get(self, path: str, number: int) -> str:
        if path not in self._cache:
            try:
                text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
                self._cache[path] = text.splitlines()
            except OSError:
                self._cache[path] = []
        lines = self._cache[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def forget_before(self, path: str) -> None:
        """Let go of the files before ``path``: findings come sorted by path, so that only
        the current file's lines are held."""
        for other in [other for other in self._cache if other != path]:
            del self._cache[other]


def stream(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> Iterator[str]:
    """The report piece by piece (each ends with a newline), as the findings come."""
    source = _Lines()
    findings, tally = counted(findings)
    for finding in findings:
        head = line(finding)
        if color:
            head = click.style(head, fg=_COLORS[finding.severity], bold=True)
        yield "\n".join([head, *_excerpt(finding, source), "", ""])
        source.forget_before(finding.path)
    if footer:
        yield tally.line(files) + "\n" + tally.fix_line()


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))


def _window(text: str, column: int, limit: int = 160) -> tuple[str, int]:
    """The quoted part of a long line, cut with "..." so that it holds ``column``, and how
    many characters of the line come before its first one (the caret moves left by that)."""
    if len(text) <= limit:
        return text, 0
    if column - 1 < limit - 3:
        return text[: limit - 3] + "...", 0
    first = max(0, min(column - 1 - 40, len(text) - (limit - 3)))
    tail = "..." if first + limit - 6 < len(text) else ""
    body = text[first: first + limit - 6 + (3 if not tail else 0)]
    return "..." + body + tail, first - 3


def _excerpt(finding: Finding, source: _Lines) -> list[str]:
    text = source.get(finding.path, finding.line).replace("\t", " ")
    out = []
    if text.strip():
        gutter = str(finding.line)
        shown, start = _window(text, finding.column)
        column = finding.column - start  # in the quoted text
        end = finding.end_column - start if finding.end_line == finding.line else len(shown) + 1
        visible = len(shown) + 1 - (3 if start + len(shown) - (3 if start else 0) < len(text) else 0)
        width = max(1, min(end, visible) - column)
        out.append(f"  {gutter} | {shown}")
        out.append(f"  {' ' * len(gutter)} | {' ' * (column - 1)}{'^' * width}")
    if finding.hint:
        out.append(f"  hint: {finding.hint}")
    if finding.fix is not None:
        out.append(f"  fix ({finding.fix.applicability.value}): {finding.fix.message}")
    return out
