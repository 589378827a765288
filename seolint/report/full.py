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
        yield tally.line(files) + "\n"


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))


def _excerpt(finding: Finding, source: _Lines) -> list[str]:
    text = source.get(finding.path, finding.line).replace("\t", " ")
    out = []
    if text.strip():
        gutter = str(finding.line)
        shown = text if len(text) <= 160 else text[:157] + "..."
        width = max(1, min(finding.end_column if finding.end_line == finding.line else len(shown) + 1,
                           len(shown) + 1) - finding.column)
        out.append(f"  {gutter} | {shown}")
        out.append(f"  {' ' * len(gutter)} | {' ' * (finding.column - 1)}{'^' * width}")
    if finding.hint:
        out.append(f"  hint: {finding.hint}")
    if finding.fix is not None:
        out.append(f"  fix ({finding.fix.applicability.value}): {finding.fix.message}")
    return out
