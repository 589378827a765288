"""What an audit reports of each article beside its findings: a small, picklable profile
(language, length, reading ease) and the 0–100 score of :mod:`seolint.score`.

Profiles are measured only when a report asks for them (``--report html:``, ``csv:``,
``summary:``), so that a pre-commit run on front-matter rules never parses a body for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from seolint.findings import Finding, Severity
from seolint.score import score

if TYPE_CHECKING:
    from seolint.document import Document


class Profile(NamedTuple):
    path: str  # as reported
    lang: str
    title: str | None
    words: int
    reading_ease: float | None  # None: no formula for the language, or too short to measure


class Row(NamedTuple):
    """One article of an audit: its profile, its finding counts and its score."""

    profile: Profile
    errors: int
    warnings: int
    infos: int
    score: int

    @property
    def path(self) -> str:
        return self.profile.path


def profile(doc: Document) -> Profile:
    from seolint.checks.content import measure_ease

    readable = doc.source is not None and doc.split.problem is None
    title = doc.article.text("title") if readable and doc.data is not None else None
    words = doc.word_count if readable else 0
    measured = measure_ease(doc) if readable else None
    ease = round(measured[0], 1) if measured is not None else None
    return Profile(doc.display, doc.lang if readable else "", title, words, ease)


def unread(path: str) -> Profile:
    """The profile of a file that could not be read or crashed: nothing measured."""
    return Profile(path, "", None, 0, None)


def rows(profiles: Iterable[Profile], findings: list[Finding]) -> list[Row]:
    """One row per article, in path order, with the counts and score of its findings."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    result = []
    for item in sorted(profiles, key=lambda p: p.path):
        own = by_path.get(item.path, [])
        counts = Counter(finding.severity for finding in own)
        result.append(Row(item, counts[Severity.ERROR], counts[Severity.WARNING],
                          counts[Severity.INFO], score(own)))
    return result
