"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from seolint.findings import Finding
from seolint.report.summary import Tally


def line(finding: Finding) -> str:
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
        f"[{finding.severity.value}] {finding.message}"
    )


def stream(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> Iterator[str]:
    """The report piece by piece (each ends with a newline), as the findings come."""
    tally = Tally()
    for finding in findings:
        tally.add(finding)
        yield line(finding) + "\n"
    if footer:
        yield tally.line(files) + "\n"


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))
