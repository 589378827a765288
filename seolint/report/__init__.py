"""Output formats: each module turns the run's findings into text.

Two families: the finding formats (``FORMATS``) print findings, for terminals and CI tools;
the audit formats (``AUDITS``) describe every article of a run (profile, score), for
``--report`` files. Audit formats are imported when used: the HTML report is large.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from seolint.audit import Audit
from seolint.findings import Finding
from seolint.report import concise, full, github, gitlab, json_format, junit, markdown, rdjson, sarif

Formatter = Callable[[list[Finding], int, bool], str]
AuditFormatter = Callable[[Audit], str]

FORMATS: dict[str, Formatter] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "rdjson": rdjson.render,
    "markdown": markdown.render,
}

#: Audit format -> module with ``render(audit) -> str``.
AUDITS: dict[str, str] = {
    "html": "seolint.report.html",
    "csv": "seolint.report.csv_format",
    "summary": "seolint.report.summary_json",
}

#: The text formats that end with a summary line, which ``--quiet`` leaves out.
_WITH_FOOTER = {"full": full.render, "concise": concise.render}


def audit_formatter(name: str) -> AuditFormatter:
    render: AuditFormatter = import_module(AUDITS[name]).render
    return render


def render(name: str, findings: list[Finding], files: int, color: bool, quiet: bool = False) -> str:
    """The findings in format ``name``; ``quiet`` drops the closing summary line."""
    if quiet and name in _WITH_FOOTER:
        return _WITH_FOOTER[name](findings, files, color, footer=False)
    return FORMATS[name](findings, files, color)
