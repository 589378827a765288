"""A Markdown summary, for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment.

A heading, the summary line, a table of counts per severity, the articles with findings and
their scores (lowest first, at most ``MAX_ARTICLES``), then one row per finding (at most
``MAX_ROWS``, so that a comment stays under GitHub's 65,536-character limit). Cells are
escaped: Markdown punctuation with a backslash, HTML's ``& < >`` as entities, line breaks as
``<br>``. A clean run says "All clear".
"""

from __future__ import annotations

import re

from seolint.findings import Finding, Severity
from seolint.i18n import msg, msg_n, say
from seolint.report._common import counts, report_path, severity_word
from seolint.report.tally import closing_line
from seolint.score import score

MAX_ROWS = 200
MAX_ARTICLES = 30
_PUNCTUATION = re.compile(r"([\\`|*_\[\]~])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def cell(text: str) -> str:
    """Text that stays inside one table cell and renders as itself."""
    text = "".join(_ENTITIES.get(char, char) for char in text)
    text = _PUNCTUATION.sub(r"\\\1", text)
    return "<br>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def render(findings: list[Finding], files: int, color: bool) -> str:
    lines = ["## seolint", "", cell(closing_line(findings, files))]
    if findings:
        lines += ["", *_counts(findings), "", *_scores(findings), "", *_rows(findings)]
    return "\n".join(lines) + "\n"


def _counts(findings: list[Finding]) -> list[str]:
    found = counts(findings)
    severity, count = say(msg("Severity")), say(msg("Findings"))
    return [f"| {severity} | {count} |", "| --- | ---: |",
            *(f"| {severity_word(severity)} | {found[severity]} |" for severity in Severity)]


def _scores(findings: list[Finding]) -> list[str]:
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    ranked = sorted(by_path.items(), key=lambda item: (score(item[1]), item[0]))
    head = [say(word) for word in (msg("Article"), msg("Score"), msg("Errors"), msg("Warnings"), msg("Info"))]
    rows = ["| " + " | ".join(head) + " |", "| --- | ---: | ---: | ---: | ---: |"]
    for path, own in ranked[:MAX_ARTICLES]:
        found = counts(own)
        rows.append(f"| {cell(report_path(path))} | {score(own)} | {found[Severity.ERROR]} | "
                    f"{found[Severity.WARNING]} | {found[Severity.INFO]} |")
    if len(ranked) > MAX_ARTICLES:
        rows += ["", say(msg_n("… and {count} more article with findings.", "… and {count} more articles with findings.",
                               len(ranked) - MAX_ARTICLES))]
    return rows


def _rows(findings: list[Finding]) -> list[str]:
    head = [say(word) for word in (msg("Location"), msg("Code"), msg("Severity"), msg("Message"))]
    rows = ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- |"]
    for finding in findings[:MAX_ROWS]:
        where = cell(f"{report_path(finding.path)}:{finding.line}")
        code = cell(f"{finding.code} {finding.name}")
        rows.append(f"| {where} | {code} | {severity_word(finding.severity)} | {cell(finding.message)} |")
    if len(findings) > MAX_ROWS:
        rows += ["", say(msg("… and {count} more: run `seolint check` to see them all.",
                             count=len(findings) - MAX_ROWS))]
    return rows
