"""The closing line of the text formats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from seolint.findings import Finding, FixSafety, Severity

if TYPE_CHECKING:
    from seolint.batch.store import FindingStore


def _count(number: int, word: str) -> str:
    plural = "" if number == 1 or word == "info" else "s"
    return f"{number} {word}{plural}"


class Tally:
    """Counts findings as a format prints them, for the closing line: the findings of a
    large run are seen once, as they stream past (or not at all: see ``known``)."""

    def __init__(self, store: FindingStore | None = None) -> None:
        self.counts = {severity: 0 for severity in Severity}
        self.paths: set[str] = set()
        self.fixes = {FixSafety.SAFE: 0, FixSafety.UNSAFE: 0}
        self._store = store

    @classmethod
    def known(cls, findings: Iterable[Finding]) -> Tally | None:
        """The tally of a ``FindingStore``, which counted its findings as they came (read when
        the line is written: after printing, so that it agrees with what was printed)."""
        from seolint.batch.store import FindingStore

        return cls(findings) if isinstance(findings, FindingStore) else None

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.paths.add(finding.path)
        if finding.fix is not None:
            self.fixes[finding.fix.applicability] += 1

    def line(self, files: int) -> str:
        checked = _count(files, "file")
        counts, with_findings = self.counts, len(self.paths)
        if self._store is not None:
            counts, with_findings = self._store.severities(), self._store.paths()
        if not with_findings:
            return f"All clear: no findings in {checked}."
        parts = [_count(counts[s], s.value) for s in Severity if counts[s]]
        listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return f"Found {listed} in {with_findings} of {checked} checked."


    def fix_line(self) -> str:
        """ruff's closing hint: how many findings ``seolint fix`` would mend ("" for none),
        then a newline."""
        safe, unsafe = self.fixes[FixSafety.SAFE], self.fixes[FixSafety.UNSAFE]
        if self._store is not None:
            safe, unsafe = self._store.fixes()
        if safe:
            more = f" ({unsafe} more with `--unsafe-fixes`)" if unsafe else ""
            return f"{safe} fixable with `seolint fix`{more}.\n"
        if unsafe:
            return f"{unsafe} fixable with `seolint fix --unsafe-fixes`.\n"
        return ""


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
