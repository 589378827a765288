"""The default format: each finding with the offending line, a caret and a hint."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import os

import click

from seolint.findings import Finding, FixSafety, Severity
from seolint.i18n import msg, say
from seolint.printable import name_bytes, terminal
from seolint.report.concise import labels as severity_tags, line
from seolint.report.tally import counted
from seolint.source.reading import read_article

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class _Lines:
    """Reads each reported file once, to quote its lines."""

    def __init__(self) -> None:
        self._cache: dict[str, list[str]] = {}

    def get(self, path: str, number: int) -> str:
        if path not in self._cache:
            try:
                data = read_article(os.fsdecode(name_bytes(path)))  # a regular file, bounded
                self._cache[path] = data.decode("utf-8-sig", errors="replace").splitlines()
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
    labels = _labels()
    tags = severity_tags()
    findings, tally = counted(findings)
    for finding in findings:
        head = line(finding, tags)
        if color:
            head = click.style(head, fg=_COLORS[finding.severity], bold=True)
        yield "\n".join([head, *_excerpt(finding, source, labels), "", ""])
        source.forget_before(finding.path)
    if footer:
        yield tally.line(files) + "\n" + tally.fix_line()


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))


#: A quoted line longer than this is shown as a window of ``WINDOW`` characters around the
#: finding's column, cut with ``…``: a 2 MB line quoted for each of its 100,000 links wrote
#: 19 GB.
LONGEST, WINDOW, BEFORE = 160, 120, 40


def _labels() -> dict[str | FixSafety, str]:
    """The labels of the hint and fix lines, in the run's language."""
    return {"hint": say(msg("hint:")), FixSafety.SAFE: say(msg("fix (safe):")),
            FixSafety.UNSAFE: say(msg("fix (unsafe):"))}


def _excerpt(finding: Finding, source: _Lines, labels: dict[str | FixSafety, str]) -> list[str]:
    text = source.get(finding.path, finding.line).replace("\t", " ")
    out = []
    if text.strip():
        gutter = str(finding.line)
        shown, offset, width = _window(text, finding)
        out.append(f"  {gutter} | {shown}")
        out.append(f"  {' ' * len(gutter)} | {' ' * offset}{'^' * width}")
    if finding.hint:
        out.append(f"  {labels['hint']} {terminal(finding.hint)}")
    if finding.fix is not None:
        out.append(f"  {labels[finding.fix.applicability]} {terminal(finding.fix.message)}")
    return out


def _window(text: str, finding: Finding) -> tuple[str, int, int]:
    """The part of the line to show, where its carets start and how many: the whole line
    when short, else ``WINDOW`` characters from a little before the column, cut with
    ``…``. Controls are escaped (``seolint.printable``); the carets stay under the
    characters they mark."""
    first = max(1, finding.column) - 1
    last = finding.end_column - 1 if finding.end_line == finding.line else len(text)
    start, stop = 0, len(text)
    if len(text) > LONGEST:
        start = min(max(0, first - BEFORE), max(0, len(text) - WINDOW))
        stop = min(len(text), start + WINDOW)
    first = min(first, stop)
    marked_end = min(max(last, first + 1), stop)
    head = ("…" if start else "") + terminal(text[start:first])
    marked = terminal(text[first:marked_end])
    tail = terminal(text[marked_end:stop]) + ("…" if stop < len(text) else "")
    return head + marked + tail, len(head), max(1, len(marked))
