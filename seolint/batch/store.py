"""Every finding of a run, in output order, without holding them all as objects.

Each file's findings stay packed (``seolint.batch.packed``) until they are printed, and so do the
findings of the rules across articles, packed per path as they come. Iterating yields the
findings sorted by path, then line, column and code (ties keep the order they were added
in: a file's own findings before those across articles), decoding one file at a time: a
folder of ten thousand articles is printed in the memory of one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from seolint.batch import packed
from seolint.batch.spill import Spill
from seolint.findings import Finding, Severity
from seolint.i18n import Tally

if TYPE_CHECKING:
    from seolint.report import Lines

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class FindingStore:
    """Each file's packed findings, as they came (a cache hit's blob is the cache's own
    bytes, not a copy), with their counts per severity. With ``spill``, what outgrows a few
    megabytes waits on disk (``seolint.batch.spill``): for runs whose findings nothing else holds
    (no cache), so that memory stays flat however large the folder."""

    def __init__(self, findings: Iterable[Finding] = (), *, spill: bool = False) -> None:
        self._blobs: list[bytes | int] = []  # a blob, or its number in the spill
        self._spill = Spill() if spill else None
        self._paths: list[str] = []  # the path of each blob, in the order added
        self._blob_counts: list[tuple[int, int, int]] = []
        #: per path with damaged blobs: what they claimed to hold (per severity), and how many
        #: RUN002 findings replace them (found when iterating)
        self._corrections: dict[str, tuple[list[int], int]] = {}
        self._counts = {severity: 0 for severity in Severity}
        #: the languages the files' messages are in (seolint.i18n.for_run)
        self.languages = Tally()
        self.add(findings)

    def add_packed(self, path: str, result: packed.Packed) -> None:
        """One file's packed findings, reported at ``path``."""
        if result.said:
            self.languages.add(result.said)
        if not any(result.counts):
            return
        self._blobs.append(result.findings if self._spill is None else self._spill.put(result.findings))
        self._paths.append(path)
        self._blob_counts.append(result.counts)
        for severity, count in zip(_ORDER, result.counts):
            self._counts[severity] += count

    def mark(self) -> int:
        """Where the store stands now, to ``rollback`` to."""
        return len(self._paths)

    def rollback(self, mark: int) -> None:
        """Forget what was added since ``mark`` (the findings of a rule that then crashed)."""
        for counts in self._blob_counts[mark:]:
            for severity, count in zip(_ORDER, counts):
                self._counts[severity] -= count
        del self._blobs[mark:], self._paths[mark:], self._blob_counts[mark:]

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
        for path, indexes in self._groups():
            yield self._group(path, indexes)

    def rendered(self, render: Callable[[list[Finding]], bytes], known: Lines | None = None
                 ) -> Iterator[bytes | memoryview]:
        """Each path's findings rendered in turn (paths in order); with ``known``, the lines
        of a path whose packed findings it holds are printed as stored, not decoded. A path
        with a damaged blob is never stored: it is decoded (and counted) on every run."""
        for path, indexes in self._groups():
            key = None
            if known is not None:
                key = known.key(path, [self._blob(index) for index in indexes])
                text = known.get(key)
                if text is not None:
                    yield text
                    continue
            text = render(self._group(path, indexes))
            if key is not None and known is not None and path not in self._corrections:
                known.put(key, text)
            yield text

    def _groups(self) -> Iterator[tuple[str, list[int]]]:
        """Each path, in order, with the indexes of its blobs (in the order added)."""
        order = sorted(range(len(self._paths)), key=self._paths.__getitem__)  # stable: added order
        start = 0
        while start < len(order):
            path = self._paths[order[start]]
            end = start
            while end < len(order) and self._paths[order[end]] == path:
                end += 1
            yield path, order[start:end]
            start = end

    def _group(self, path: str, indexes: list[int]) -> list[Finding]:
        """One path's findings, sorted. A damaged blob (it passed the cache's checks, so this
        is rare) becomes one RUN002 finding rather than a crash at the end of a long run, and
        is counted as such: the closing line and the exit code agree with what is printed."""
        from seolint.engine import crash_finding

        found: list[Finding] = []
        damaged: list[int] = []
        for index in indexes:
            try:
                found += packed.findings(self._blob(index), path)
            except ValueError as error:
                found.append(crash_finding(None, path, error))
                damaged.append(index)
        crashes = len(damaged)
        try:
            found.sort(key=Finding.sort_key)
        except TypeError as error:  # a blob that decoded to values of the wrong types
            found, damaged, crashes = [crash_finding(None, path, error)], indexes, 1
        if damaged:
            lost = [sum(self._blob_counts[index][rank] for index in damaged) for rank in range(3)]
            self._corrections[path] = (lost, crashes)
        return found

    def _blob(self, index: int) -> bytes:
        """A blob as added; ValueError when the spill cannot give it back."""
        blob = self._blobs[index]
        if isinstance(blob, int):
            assert self._spill is not None
            return self._spill.get(blob)
        return blob

    def fixes(self) -> tuple[int, int]:
        """How many findings have a safe fix and an unsafe one (damaged blobs count none)."""
        safe = unsafe = 0
        for index in range(len(self._blobs)):
            try:
                found = packed.fix_counts(self._blob(index))
            except (ValueError, TypeError, IndexError):
                continue
            safe, unsafe = safe + found[0], unsafe + found[1]
        return safe, unsafe

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
        return sum(self.severities().values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def severities(self) -> dict[Severity, int]:
        counts = dict(self._counts)
        for lost, crashes in self._corrections.values():
            for severity, count in zip(_ORDER, lost):
                counts[severity] -= count
            counts[Severity.ERROR] += crashes
        return counts
