"""The closing line of the text formats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from seolint.findings import Finding, FixSafety, Severity
from seolint.i18n import Message, msg, msg_n, say


@runtime_checkable
class Counted(Protocol):
    """Findings that counted themselves as they came (a run's ``FindingStore``)."""

    def __iter__(self) -> Iterator[Finding]: ...

    def severities(self) -> dict[Severity, int]: ...

    def paths(self) -> int: ...

    def fixes(self) -> tuple[int, int]: ...


def _count(number: int, severity: Severity) -> Message:
    if severity is Severity.ERROR:
        return msg_n("{count} error", "{count} errors", number)
    if severity is Severity.WARNING:
        return msg_n("{count} warning", "{count} warnings", number)
    return msg_n("{count} info", "{count} info", number)


def _listed(parts: list[Message]) -> str:
    if len(parts) == 1:
        return parts[0]
    return msg("{first} and {last}", first=", ".join(say(part) for part in parts[:-1]), last=parts[-1])


class Tally:
    """Counts findings as a format prints them, for the closing line: the findings of a
    large run are seen once, as they stream past (or not at all: see ``known``)."""

    def __init__(self, store: Counted | None = None) -> None:
        self.counts = {severity: 0 for severity in Severity}
        self.paths: set[str] = set()
        self.fixes = {FixSafety.SAFE: 0, FixSafety.UNSAFE: 0}
        self._store = store

    @classmethod
    def known(cls, findings: Iterable[Finding]) -> Tally | None:
        """The tally of findings that counted themselves as they came (read when the line is
        written: after printing, so that it agrees with what was printed)."""
        return cls(findings) if isinstance(findings, Counted) else None

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.paths.add(finding.path)
        if finding.fix is not None:
            self.fixes[finding.fix.applicability] += 1

    def line(self, files: int) -> str:
        """The closing line, in the run's language (``seolint.i18n.speaking``)."""
        counts, with_findings = self.counts, len(self.paths)
        if self._store is not None:
            counts, with_findings = self._store.severities(), self._store.paths()
        if not with_findings:
            return say(msg_n("All clear: no findings in {count} file.", "All clear: no findings in {count} files.",
                             files))
        listed = _listed([_count(counts[s], s) for s in Severity if counts[s]])
        return say(msg_n("Found {listed} in {paths} of {count} file checked.",
                         "Found {listed} in {paths} of {count} files checked.", files,
                         listed=listed, paths=with_findings))

    def fix_line(self) -> str:
        """ruff's closing hint: how many findings ``seolint fix`` would mend ("" for none),
        then a newline."""
        safe, unsafe = self.fixes[FixSafety.SAFE], self.fixes[FixSafety.UNSAFE]
        if self._store is not None:
            safe, unsafe = self._store.fixes()
        if safe and unsafe:
            return say(msg_n("{count} fixable with `seolint fix` ({unsafe} more with `--unsafe-fixes`).",
                             "{count} fixable with `seolint fix` ({unsafe} more with `--unsafe-fixes`).",
                             safe, unsafe=unsafe)) + "\n"
        if safe:
            return say(msg_n("{count} fixable with `seolint fix`.", "{count} fixable with `seolint fix`.", safe)) + "\n"
        if unsafe:
            return say(msg_n("{count} fixable with `seolint fix --unsafe-fixes`.",
                             "{count} fixable with `seolint fix --unsafe-fixes`.", unsafe)) + "\n"
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


def closing_line(findings: Iterable[Finding], files: int) -> str:
    tally = Tally()
    for finding in findings:
        tally.add(finding)
    return tally.line(files)
