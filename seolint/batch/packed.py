"""One file's results as a run keeps them: compact bytes, decoded only when printed.

A folder of ten thousand articles gives a hundred thousand findings and ten thousand
summaries. Held as Python objects until the end of the run they cost ~100 MB; packed as one
``marshal`` blob per file they cost a third of that, cross process boundaries and go into
the cache index without being converted again, and a warm run hands the cache's blobs to the
output untouched. marshal, not pickle: it builds plain values only, so a foreign cache cannot
run code; a value of the wrong type becomes a finding on its file (see ``seolint.batch.store``).
"""

from __future__ import annotations

import marshal
import zlib
from typing import Any, NamedTuple

from seolint.audit import Profile
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.site.summaries import LinkRef, Summary
from seolint.source.suppress import Suppressions

_SEVERITIES = {severity.value: severity for severity in Severity}
_SAFETIES = {safety.value: safety for safety in FixSafety}


class Packed(NamedTuple):
    """One file's findings (without their path: the file's), its counts per severity (error,
    warning, info), its summary for the rules across articles, and its audit profile."""

    findings: bytes
    counts: tuple[int, int, int]
    summary: bytes | None = None
    profile: Profile | None = None

    def check(self) -> bool:
        """Whether the parts have the types a run relies on (a cache entry may be foreign)."""
        return (type(self.findings) is bytes and type(self.counts) is tuple and len(self.counts) == 3
                and all(type(count) is int for count in self.counts)
                and (self.summary is None or type(self.summary) is bytes))


def pack(findings: list[Finding], summary: Summary | None = None, profile: Profile | None = None) -> Packed:
    rows = tuple(
        (f.code, f.name, f.severity.value, f.message, f.line, f.column, f.end_line, f.end_column,
         f.hint, (f.fix.applicability.value, f.fix.message) if f.fix else None)
        for f in findings
    )
    counts = [0, 0, 0]
    for finding in findings:
        counts[2 - finding.severity.rank] += 1
    return Packed(
        marshal.dumps(rows, 4), (counts[0], counts[1], counts[2]),
        None if summary is None else _compressed(summary_values(summary)), profile,
    )


def findings(blob: bytes, path: str) -> list[Finding]:
    """The findings of a packed file, reported at ``path``; ValueError when the blob is not
    one that ``pack`` wrote (values of the wrong type surface when the findings are sorted,
    as TypeError: ``FindingStore`` turns either into a finding)."""
    make, severities, safeties = tuple.__new__, _SEVERITIES, _SAFETIES
    try:
        return [
            make(Finding, (code, name, severities[severity], message, path, line, column, end_line, end_column,
                           hint, None if fix is None else Fix(safeties[fix[0]], fix[1])))
            for code, name, severity, message, line, column, end_line, end_column, hint, fix in _raw(blob)
        ]
    except (TypeError, KeyError, IndexError, ValueError) as error:
        raise ValueError(f"not packed findings: {error}") from None


def fix_counts(blob: bytes) -> tuple[int, int]:
    """How many of a packed file's findings have a safe fix and an unsafe one. A blob without
    the bytes ``safe`` holds no fix (``unsafe`` contains them too) and is not decoded."""
    if b"safe" not in blob:
        return 0, 0
    safe = unsafe = 0
    for row in _raw(blob):
        fix = row[9]
        if fix is not None:
            safe += fix[0] == "safe"
            unsafe += fix[0] == "unsafe"
    return safe, unsafe


def summary(blob: bytes) -> Summary:
    try:
        return summary_from_values(_decompressed(blob))
    except (TypeError, KeyError, IndexError, AttributeError) as error:
        raise ValueError(f"not a packed summary: {error}") from None


_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    """One object for a value most summaries repeat (the static roots of a site)."""
    return _SHARED.setdefault(value, value) if len(_SHARED) < 256 else _SHARED.get(value, value)


def _raw(blob: bytes) -> Any:
    # Findings are printed on every run, warm ones included: they stay plain marshal, which
    # decodes twice as fast as through zlib (0.13 s of a warm run over cpp-docs).
    try:
        return marshal.loads(blob)
    except (EOFError, TypeError) as error:
        raise ValueError(f"damaged packed data: {error}") from None


def _compressed(value: Any) -> bytes:
    # Summaries are decoded only when the rules across articles cannot answer from their
    # cache: zlib at its fastest level halves what they weigh in the run and in the cache.
    return zlib.compress(marshal.dumps(value, 4), 1)


def _decompressed(blob: bytes) -> Any:
    try:
        return marshal.loads(zlib.decompress(blob))
    except (zlib.error, EOFError, TypeError) as error:
        raise ValueError(f"damaged packed data: {error}") from None


def summary_values(summary: Summary) -> tuple[Any, ...]:
    """A summary as tuples, sets, strings and numbers (what marshal stores)."""
    suppressions = summary.suppressions
    return (
        *summary[:10], tuple(tuple(link) for link in summary.links), *summary[11:13],
        (frozenset(suppressions.file), {line: frozenset(codes) for line, codes in suppressions.lines.items()},
         tuple(suppressions.ranges)),
        *summary[14:],
    )


#: The suppressions of an article without any (most): one object for all, which the rules
#: across articles only read.
_NONE = Suppressions()


def summary_from_values(values: tuple[Any, ...]) -> Summary:
    file, lines, ranges = values[13]
    suppressions = _NONE
    if file or lines or ranges:
        suppressions = Suppressions(set(file), {line: set(codes) for line, codes in lines.items()}, list(ranges))
    make = tuple.__new__
    links = tuple([make(LinkRef, link) for link in values[10]])
    summary = Summary._make((*values[:10], links, *values[11:13], suppressions, *values[14:15],
                             _shared(values[15]), *values[16:]))
    if not isinstance(summary.path, str) or not isinstance(summary.lines, dict):
        raise TypeError("not a summary")
    return summary
