"""GitLab Code Quality: a JSON array of issues (a subset of the Code Climate format).

Severities map error → major, warning → minor, info → info. Each fingerprint is unique in the
report and stable across runs: it hashes the path, the code and the normalized content of the
finding's line with an occurrence index, never the line number (see ``_common``), so GitLab
does not report a finding as fixed and new again when lines are inserted above it.
"""

from __future__ import annotations

import json

from seolint.findings import Finding, Severity
from seolint.report._common import SourceLines, fingerprints, report_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(findings: list[Finding], files: int, color: bool) -> str:
    prints = fingerprints(findings, SourceLines())
    issues = [
        {
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.code,
            "fingerprint": mark.unique(),
            "severity": SEVERITIES[finding.severity],
            "location": {
                "path": report_path(finding.path),
                "lines": {"begin": finding.line, "end": max(finding.line, finding.end_line)},
            },
        }
        for finding, mark in zip(findings, prints)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
