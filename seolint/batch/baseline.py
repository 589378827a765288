"""Baselines: record today's findings, then fail only on new ones.

A finding is identified by its path, its code and the normalized content of its line (plus
an occurrence index for identical lines), so inserting lines above a known finding does not
bring it back.
"""

from __future__ import annotations

from collections.abc import Iterable

import json
from collections import Counter
from pathlib import Path

from seolint.atomic import write_atomic
from seolint.errors import ConfigError
from seolint.findings import Finding
from seolint.i18n import msg
from seolint.report._common import SourceLines, fingerprint

VERSION = 1


def write(path: Path, findings: Iterable[Finding]) -> None:
    source = SourceLines()
    entries = [
        {"path": finding.path, "code": finding.code, "fingerprint": fingerprint(finding, source)}
        for finding in findings
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)
    write_atomic(path, (text + "\n").encode("utf-8"))


def load(path: Path) -> Counter[tuple[str, str, str]]:
    """The recorded fingerprints, counted; a missing, empty or corrupt file is an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(msg("{path}: baseline file not found (create it with --write-baseline)", path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(msg("{path}: not a seolint baseline ({error})", path=path, error=str(error))) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(msg("{path}: not a seolint baseline (expected version {version} and a findings list)",
                              path=path, version=str(VERSION)))
    known: Counter[tuple[str, str, str]] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "code", "fingerprint")):
            raise ConfigError(msg("{path}: corrupt baseline entry {entry}", path=path, entry=repr(entry)))
        known[(entry["path"], entry["code"], entry["fingerprint"])] += 1
    return known


def new_findings(findings: Iterable[Finding], known: Counter[tuple[str, str, str]]) -> list[Finding]:
    """The findings the baseline does not account for."""
    remaining = Counter(known)
    source = SourceLines()
    fresh = []
    for finding in findings:
        key = (finding.path, finding.code, fingerprint(finding, source))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh
