"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from seolint.findings import Finding, Severity
from seolint.printable import terminal
from seolint.report.tally import counted


_LABELS = {severity: severity.value for severity in Severity}
_BATCH = 1024


def line(finding: Finding) -> str:
    """The one place the line is written: ``stream`` prints it, ``lines`` keeps it for the
    cache of printed lines, and the two must give the same bytes."""
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
        f"[{_LABELS[finding.severity]}] {terminal(finding.message)}"
    )


def stream(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> Iterator[str]:
    """The report in pieces of many lines (each piece ends with a newline), as the findings
    come: a hundred thousand findings are printed without holding them all."""
    findings, tally = counted(findings)
    batch: list[str] = []
    for finding in findings:
        batch.append(line(finding) + "\n")
        if len(batch) == _BATCH:
            yield "".join(batch)
            batch = []
    if footer:
        batch.append(tally.line(files) + "\n" + tally.fix_line())
    if batch:
        yield "".join(batch)


def lines(findings: list[Finding]) -> str:
    """One path's findings as ``stream`` prints them (what ``FindingStore.rendered`` keeps)."""
    return "".join([line(finding) + "\n" for finding in findings])


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))
