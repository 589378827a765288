"""What an audit reports of each article beside its findings: a small, picklable profile
(language, length, reading ease) and the 0–100 score of :mod:`seolint.score`.

Profiles are measured only when a report asks for them (``--report html:``, ``csv:``,
``summary:``), so that a pre-commit run on front-matter rules never parses a body for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from seolint.findings import Finding, Severity
from seolint.score import score

if TYPE_CHECKING:
    from seolint.source.document import Document
    from seolint.rules import SiteRule
    from seolint.site.summaries import Summary


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
    from seolint.language.readability import measure_ease

    readable = doc.source is not None and doc.split.problem is None
    title = doc.article.text("title") if readable and doc.data is not None else None
    words = doc.word_count if readable else 0
    measured = measure_ease(doc) if readable else None
    ease = round(measured[0], 1) if measured is not None else None
    return Profile(doc.display, doc.lang if readable else "", title, words, ease)


def unread(path: str) -> Profile:
    """The profile of a file that could not be read or crashed: nothing measured."""
    return Profile(path, "", None, 0, None)


def rows(profiles: Iterable[Profile], findings: Iterable[Finding]) -> list[Row]:
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


@dataclass
class Audit:
    """Everything an audit report shows of one run (or of merged shards)."""

    findings: Iterable[Finding]  # sorted by path, then position; a list or a FindingStore (read again)
    files: int
    profiles: list[Profile]  # one per article checked
    summaries: list[Summary] = field(default_factory=list)  # what the rules across articles saw
    cross_codes: frozenset[str] = frozenset()  # the codes of the rules across articles (X…)
    root: str = ""  # the site root the rules across articles resolved URLs against
    site_rules: list[SiteRule] = field(default_factory=list)  # as enabled, for summary files
    shard: tuple[int, int] | None = None  # (index, count) when the run checked one shard
    #: how the HTML report links a file at a line: a pattern with {path} (absolute), {line}
    #: and {column}, e.g. "vscode://file/{path}:{line}:{column}"; None: relative file links
    editor_url: str | None = None
    report_dir: str = ""  # the folder the report is written to (relative links start there)

    @property
    def rows(self) -> list[Row]:
        return rows(self.profiles, self.findings)

    @property
    def cross_findings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.code in self.cross_codes]

    def rule_counts(self) -> list[tuple[str, str, Severity, int]]:
        """(code, name, severity, findings) per rule that fired, most frequent first."""
        counted = Counter((f.code, f.name, f.severity) for f in self.findings)
        return [(code, name, severity, count) for (code, name, severity), count
                in sorted(counted.items(), key=lambda item: (-item[1], item[0][0]))]
