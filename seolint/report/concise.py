"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from seolint.findings import Finding, Severity
from seolint.i18n import current, render as said_in
from seolint.printable import terminal
from seolint.report.tally import counted


_LABELS = {severity: severity.value for severity in Severity}
_BATCH = 1024


def labels() -> Mapping[Severity, str]:
    """The severity tags in the run's language (``seolint.i18n.speaking``): ``[warning]``,
    ``[avertissement]``. The words the human reports use for a severity."""
    lang = current()
    return _LABELS if lang == "en" else _labels_in(lang)


@lru_cache(maxsize=None)
def _labels_in(lang: str) -> Mapping[Severity, str]:
    from seolint.report._common import SEVERITY_WORDS

    return {severity: said_in(SEVERITY_WORDS[severity], lang) for severity in Severity}


def line(finding: Finding, tags: Mapping[Severity, str] = _LABELS) -> str:
    """The one place the line is written: ``stream`` prints it, ``lines`` keeps it for the
    cache of printed lines, and the two must give the same bytes. ``tags``: ``labels()``,
    the severities in the run's language (English by default)."""
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
        f"[{tags[finding.severity]}] {terminal(finding.message)}"
    )


def stream(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> Iterator[str]:
    """The report in pieces of many lines (each piece ends with a newline), as the findings
    come: a hundred thousand findings are printed without holding them all."""
    findings, tally = counted(findings)
    tags = labels()
    batch: list[str] = []
    for finding in findings:
        batch.append(line(finding, tags) + "\n")
        if len(batch) == _BATCH:
            yield "".join(batch)
            batch = []
    if footer:
        batch.append(tally.line(files) + "\n" + tally.fix_line())
    if batch:
        yield "".join(batch)


def lines(findings: list[Finding]) -> str:
    """One path's findings as ``stream`` prints them (what ``FindingStore.rendered`` keeps)."""
    tags = labels()
    return "".join([line(finding, tags) + "\n" for finding in findings])


def render(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> str:
    return "".join(stream(findings, files, color, footer))
