"""One file's results as a run keeps them: compact bytes, decoded only when printed.

A folder of ten thousand articles gives a hundred thousand findings and ten thousand
summaries. Held as Python objects until the end of the run they cost ~100 MB; packed as one
``marshal`` blob per file they cost a third of that, cross process boundaries and go into
the cache index without being converted again, and a warm run hands the cache's blobs to the
output untouched. marshal, not pickle: it builds plain values only, so a foreign cache cannot
run code; a value of the wrong type becomes a finding on its file (see ``seolint.batch.store``).
Findings and summaries become plain values by field name (:mod:`seolint.batch.codec`).
"""

from __future__ import annotations

import marshal
import zlib
from typing import Any, NamedTuple

from seolint.audit import Profile
from seolint.batch.codec import FINDINGS, SUMMARIES, fix_kinds
from seolint.findings import Finding
from seolint.site.summaries import Summary


class Packed(NamedTuple):
    """One file's findings (without their path: the file's), its counts per severity (error,
    warning, info), its summary for the rules across articles, and its audit profile."""

    findings: bytes
    counts: tuple[int, int, int]
    summary: bytes | None = None
    profile: Profile | None = None
    said: str = ""  # the language of its messages (seolint.i18n), "" when not known


    def check(self) -> bool:
        """Whether the parts have the types a run relies on (a cache entry may be foreign)."""
        return (type(self.findings) is bytes and type(self.counts) is tuple and len(self.counts) == 3
                and all(type(count) is int for count in self.counts)
                and (self.summary is None or type(self.summary) is bytes) and type(self.said) is str)


def pack(findings: list[Finding], summary: Summary | None = None, profile: Profile | None = None,
         said: str = "") -> Packed:
    counts = [0, 0, 0]
    for finding in findings:
        counts[2 - finding.severity.rank] += 1
    return Packed(
        marshal.dumps(FINDINGS.encode_many(findings), 4), (counts[0], counts[1], counts[2]),
        None if summary is None else _compressed(SUMMARIES.encode(summary)), profile, said,
    )


def findings(blob: bytes, path: str) -> list[Finding]:
    """The findings of a packed file, reported at ``path``; ValueError when the blob is not
    one that ``pack`` wrote (values of the wrong type surface when the findings are sorted,
    as TypeError: ``FindingStore`` turns either into a finding)."""
    try:
        return FINDINGS.decode_many(_raw(blob), path=path)
    except (TypeError, KeyError, IndexError, ValueError, AttributeError) as error:
        raise ValueError(f"not packed findings: {error}") from None


def fix_counts(blob: bytes) -> tuple[int, int]:
    """How many of a packed file's findings have a safe fix and an unsafe one. A blob without
    the bytes ``safe`` holds no fix (``unsafe`` contains them too) and is not decoded."""
    if b"safe" not in blob:
        return 0, 0
    safe = unsafe = 0
    for kind in fix_kinds(_raw(blob)):
        safe += kind == "safe"
        unsafe += kind == "unsafe"
    return safe, unsafe


def summary(blob: bytes) -> Summary:
    try:
        return SUMMARIES.decode(_decompressed(blob))
    except (TypeError, KeyError, IndexError, AttributeError, ValueError) as error:
        raise ValueError(f"not a packed summary: {error}") from None


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
