"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub turns each into an annotation on the pull request. Values are escaped as the Actions
toolkit does (``packages/core/src/command.ts``): the message escapes ``%``, CR and LF; the
properties also escape ``:`` and ``,``. The closing summary is a plain line, which the runner
prints as log text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from seolint.findings import Finding, Severity
from seolint.printable import terminal
from seolint.report._common import full_message, report_path
from seolint.report.tally import counted

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    properties = {
        "file": report_path(finding.path),
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.name}",
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {listed}::{escape_data(_printable(full_message(finding)))}"


def _printable(message: str) -> str:
    """The message without control sequences (the log would run them), lines kept."""
    return "".join(part if part in ("\r", "\n") else terminal(part) for part in re.split(r"([\r\n])", message))


def stream(findings: Iterable[Finding], files: int, color: bool, footer: bool = True) -> Iterator[str]:
    """The report piece by piece (each ends with a newline), as the findings come."""
    findings, tally = counted(findings)
    for finding in findings:
        yield command(finding) + "\n"
    yield tally.line(files) + "\n"


def lines(findings: list[Finding]) -> str:
    """One path's findings as ``stream`` prints them (what ``FindingStore.rendered`` keeps)."""
    return "".join([command(finding) + "\n" for finding in findings])


def render(findings: Iterable[Finding], files: int, color: bool) -> str:
    return "".join(stream(findings, files, color))
