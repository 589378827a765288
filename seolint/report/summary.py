"""The closing line of the text formats."""

from __future__ import annotations

from collections.abc import Iterable

from seolint.findings import Finding, Severity


def _count(number: int, word: str) -> str:
    plural = "" if number == 1 or word == "info" else "s"
    return f"{number} {word}{plural}"


class Tally:
    """Counts findings as a format prints them, for the closing line: the findings of a
    large run are seen once, as they stream past."""

    def __init__(self) -> None:
        self.counts = {severity: 0 for severity in Severity}
        self.paths: set[str] = set()

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.paths.add(finding.path)

    def line(self, files: int) -> str:
        checked = _count(files, "file")
        if not self.paths:
            return f"All clear: no findings in {checked}."
        parts = [_count(self.counts[s], s.value) for s in Severity if self.counts[s]]
        listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return f"Found {listed} in {len(self.paths)} of {checked} checked."


def summary(findings: Iterable[Finding], files: int) -> str:
    tally = Tally()
    for finding in findings:
        tally.add(finding)
    return tally.line(files)
