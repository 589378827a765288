"""A 0–100 score per article, from its findings and a small table of weights.

Every article starts at 100 and loses points per finding, by severity; the score never goes
below 0. The weights make one error cost as much as three warnings, and a warning as much as
five notes, so that an article with a single blocking problem ranks below one with a few
stylistic ones:

=========  ======
severity   points
=========  ======
error      15
warning    5
info       1
=========  ======

The table is repeated in ``docs/publish.md``; ``seolint publish`` writes the score into
``index.json`` and audit reports reuse it. Callers choose which findings to pass: publish
leaves out the rules whose verdict depends on the day of the run (:data:`CLOCK_RULES`), so
that its output depends on the content alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from seolint.findings import Finding, Severity

__all__ = ["CLOCK_RULES", "MAXIMUM", "WEIGHTS", "penalty", "score"]

#: The score of an article without findings.
MAXIMUM = 100

#: Points lost per finding, by severity.
WEIGHTS: MappingProxyType[Severity, int] = MappingProxyType({
    Severity.ERROR: 15,
    Severity.WARNING: 5,
    Severity.INFO: 1,
})

#: Rules whose verdict changes with the date of the run (FM008: a date in the future).
CLOCK_RULES = frozenset({"FM008"})


def penalty(findings: Iterable[Finding]) -> int:
    """The points the findings cost, before the floor at 0."""
    return sum(WEIGHTS[finding.severity] for finding in findings)


def score(findings: Iterable[Finding]) -> int:
    """``MAXIMUM`` minus the weight of each finding, floored at 0."""
    return max(0, MAXIMUM - penalty(findings))
