"""Every finding of a run, in output order, without holding them all as objects.

Each file's findings stay packed (``seolint.packed``) until they are printed; the findings of
the rules across articles, few, are kept as they are. Iterating yields the findings sorted by
path, then line, column and code (ties keep the order they were added in: a file's own
findings before those across articles), decoding one file at a time: a folder of ten
thousand articles is printed in the memory of one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from seolint import packed
from seolint.findings import Finding, Severity

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class FindingStore:
    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._packed: dict[str, list[bytes]] = {}
        self._loose: dict[str, list[Finding]] = {}
        self._counts = {severity: 0 for severity in Severity}
        self.add(findings)

    def add_packed(self, path: str, result: packed.Packed) -> None:
        """One file's packed findings, reported at ``path``."""
        if not any(result.counts):
            return
        self._packed.setdefault(path, []).append(result.findings)
        for severity, count in zip(_ORDER, result.counts):
            self._counts[severity] += count

    def add(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self._loose.setdefault(finding.path, []).append(finding)
            self._counts[finding.severity] += 1

    def __iter__(self) -> Iterator[Finding]:
        for path in sorted(self._packed.keys() | self._loose.keys()):
            found = [finding for blob in self._packed.get(path, ()) for finding in _unpack(blob, path)]
            found += self._loose.get(path, ())
            found.sort(key=Finding.sort_key)
            yield from found

    def __eq__(self, other: object) -> bool:
        """Equal to another store or list with the same findings in the same order."""
        if not isinstance(other, (FindingStore, list)):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __len__(self) -> int:
        return sum(self._counts.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def severities(self) -> dict[Severity, int]:
        return dict(self._counts)

    def paths(self) -> int:
        """How many files have findings."""
        return len(self._packed.keys() | self._loose.keys())


def _unpack(blob: bytes, path: str) -> list[Finding]:
    """A file's findings; a damaged blob (it passed the cache's checks, so this is rare)
    becomes one finding that says so rather than a crash at the end of a long run."""
    try:
        return packed.findings(blob, path)
    except ValueError as error:
        from seolint.engine import crash_finding

        return [crash_finding(None, path, error)]
