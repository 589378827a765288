"""The closing line of the text formats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from seolint.findings import Finding, Severity


def _count(number: int, word: str) -> str:
    plural = "" if number == 1 or word == "info" else "s"
    return f"{number} {word}{plural}"


class Tally:
    """Counts findings as a format prints them, for the closing line: the findings of a
    large run are seen once, as they stream past (or not at all: see ``known``)."""

    def __init__(self) -> None:
        self.counts = {severity: 0 for severity in Severity}
        self.paths: set[str] = set()
        self._paths_known = 0

    @classmethod
    def known(cls, findings: Iterable[Finding]) -> Tally | None:
        """The tally of a ``FindingStore``, which counted its findings as they came."""
        from seolint.store import FindingStore

        if not isinstance(findings, FindingStore):
            return None
        tally = cls()
        tally.counts = findings.severities()
        tally._paths_known = findings.paths()
        return tally

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.paths.add(finding.path)

    def line(self, files: int) -> str:
        checked = _count(files, "file")
        with_findings = len(self.paths) or self._paths_known
        if not with_findings:
            return f"All clear: no findings in {checked}."
        parts = [_count(self.counts[s], s.value) for s in Severity if self.counts[s]]
        listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return f"Found {listed} in {with_findings} of {checked} checked."


def counted(findings: Iterable[Finding]) -> tuple[Iterator[Finding], Tally]:
    """The findings, and their tally, complete once they have all been read (a store's at
    once: it counted its findings as they came)."""
    known = Tally.known(findings)
    if known is not None:
        return iter(findings), known
    tally = Tally()

    def counting() -> Iterator[Finding]:
        for finding in findings:
            tally.add(finding)
            yield finding

    return counting(), tally


def summary(findings: Iterable[Finding], files: int) -> str:
    tally = Tally()
    for finding in findings:
        tally.add(finding)
    return tally.line(files)
