"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from seolint.findings import Finding
from seolint.report.summary import summary


def line(finding: Finding) -> str:
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
        f"[{finding.severity.value}] {finding.message}"
    )


def render(findings: list[Finding], files: int, color: bool, footer: bool = True) -> str:
    lines = [line(finding) for finding in findings]
    if footer:
        lines.append(summary(findings, files))
    return "\n".join(lines) + "\n" if lines else ""
