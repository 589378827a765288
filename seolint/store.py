"""Every finding of a run, in output order, without holding them all as objects.

Each file's findings stay packed (``seolint.packed``) until they are printed, and so do the
findings of the rules across articles, packed per path as they come. Iterating yields the
findings sorted by path, then line, column and code (ties keep the order they were added
in: a file's own findings before those across articles), decoding one file at a time: a
folder of ten thousand articles is printed in the memory of one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from seolint import packed
from seolint.findings import Finding, Severity

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class FindingStore:
    """Each file's packed findings, as they came (a cache hit's blob is the cache's own
    bytes, not a copy), with their counts per severity."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._blobs: list[bytes] = []
        self._paths: list[str] = []  # the path of each blob, in the order added
        self._counts = {severity: 0 for severity in Severity}
        self.add(findings)

    def add_packed(self, path: str, result: packed.Packed) -> None:
        """One file's packed findings, reported at ``path``."""
        if not any(result.counts):
            return
        self._blobs.append(result.findings)
        self._paths.append(path)
        for severity, count in zip(_ORDER, result.counts):
            self._counts[severity] += count

    def add(self, findings: Iterable[Finding]) -> None:
        """Findings in any order (those across articles): packed per path."""
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.path, []).append(finding)
        for path, found in by_path.items():
            self.add_packed(path, packed.pack(found))

    def __iter__(self) -> Iterator[Finding]:
        for group in self.by_path():
            yield from group

    def by_path(self) -> Iterator[list[Finding]]:
        """The findings of each path in turn, sorted (paths in order)."""
        order = sorted(range(len(self._paths)), key=self._paths.__getitem__)  # stable: added order
        found: list[Finding] = []
        for position, index in enumerate(order):
            path = self._paths[index]
            found += _unpack(self._blobs[index], path)
            following = order[position + 1] if position + 1 < len(order) else None
            if following is None or self._paths[following] != path:
                yield _sorted(found)
                found = []

    def paths(self) -> int:
        """How many paths have findings."""
        return len(set(self._paths))

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


def _sorted(found: list[Finding]) -> list[Finding]:
    try:
        found.sort(key=Finding.sort_key)
    except TypeError as error:  # a damaged blob that decoded to the wrong types
        return [_damaged(found[0].path, error)]
    return found


def _unpack(blob: bytes, path: str) -> list[Finding]:
    """A file's findings; a damaged blob (it passed the cache's checks, so this is rare)
    becomes one finding that says so rather than a crash at the end of a long run."""
    try:
        return packed.findings(blob, path)
    except ValueError as error:
        return [_damaged(path, error)]


def _damaged(path: str, error: Exception) -> Finding:
    from seolint.engine import crash_finding

    return crash_finding(None, path, error)
