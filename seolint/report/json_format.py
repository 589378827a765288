"""The JSON contract: one array of finding objects (see the README)."""

from __future__ import annotations

import json

from seolint.findings import Finding


def render(findings: list[Finding], files: int, color: bool) -> str:
    return json.dumps([finding.to_json() for finding in findings], ensure_ascii=False, indent=2) + "\n"
