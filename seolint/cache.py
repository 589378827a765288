"""A content-hash cache of each file's findings, in ``.seolint_cache/`` beside the config.

An entry's key covers everything its findings depend on: seolint's version, the effective
config, the path as reported, the file's bytes and, for the rules that look at other files
(images under the static roots, files beside the article), the modification times of those
folders. Entries are JSON (never pickle: a foreign entry must not run code), written
atomically, so concurrent runs are safe; a corrupt or foreign entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint import __version__
from seolint.atomic import write_atomic
from seolint.audit import Profile
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.site import LinkRef, Summary
from seolint.suppress import Suppressions

if TYPE_CHECKING:
    from seolint.engine import FileResult

FOLDER = ".seolint_cache"
FORMAT = 1


def folder_for(root: Path) -> Path:
    return root / FOLDER / f"v{FORMAT}"


@cache
def tree_stamp(folder: str) -> str:
    """The newest modification time under a folder (files added, removed or changed)."""
    newest = 0.0
    for current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        try:
            newest = max(newest, os.stat(current).st_mtime, *(os.stat(os.path.join(current, f)).st_mtime for f in files))
        except OSError:
            continue
    return repr(newest)


@cache
def code_stamp() -> str:
    """seolint's version and the newest change to its code and data: an edited rule (in a
    checkout, between releases) must not be answered from the cache."""
    package = Path(__file__).resolve().parent
    from seolint._data import rules_dir

    return f"{__version__}:{tree_stamp(str(package))}:{tree_stamp(str(rules_dir()))}"


def key(display: str, data: bytes, config_fingerprint: str, world: list[str]) -> str:
    digest = hashlib.sha256()
    for part in (code_stamp(), config_fingerprint, display, *world):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def load(folder: Path, entry: str) -> FileResult | None:
    from seolint.engine import FileResult

    path = folder / entry[:2] / f"{entry}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT or raw.get("key") != entry:
            return None
        findings = [finding_from_json(item) for item in raw["findings"]]
        summary = summary_from_json(raw["summary"]) if raw.get("summary") is not None else None
        profile = Profile(*raw["profile"]) if raw.get("profile") is not None else None
        return FileResult(findings, summary, profile)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, corrupt or foreign: recomputed and rewritten


def store(folder: Path, entry: str, result: FileResult) -> None:
    path = folder / entry[:2] / f"{entry}.json"
    payload = {
        "format": FORMAT,
        "key": entry,
        "findings": [finding.to_json() for finding in result.findings],
        "summary": summary_to_json(result.summary) if result.summary is not None else None,
        "profile": list(result.profile) if result.profile is not None else None,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _ensure_tag(folder.parent)
        write_atomic(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a read-only tree: run without a cache


def clean(root: Path) -> bool:
    target = root / FOLDER
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
        return True
    return False


def _ensure_tag(folder: Path) -> None:
    """Mark the folder as a cache for backup tools and git (as ruff and pytest do)."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, b"# Created by seolint\n*\n")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# seolint cache\n")


def finding_from_json(item: dict[str, Any]) -> Finding:
    fix = item.get("fix")
    return Finding(
        str(item["code"]), str(item["name"]), Severity(item["severity"]), str(item["message"]),
        str(item["path"]), int(item["line"]), int(item["column"]), int(item["end_line"]),
        int(item["end_column"]), str(item.get("hint") or ""),
        Fix(FixSafety(fix["applicability"]), str(fix["message"])) if fix else None,
    )


def summary_to_json(summary: Summary) -> dict[str, Any]:
    data = summary._asdict()
    data["links"] = [list(link) for link in summary.links]
    data["ignored"] = sorted(summary.ignored)
    data["suppressions"] = {
        "file": sorted(summary.suppressions.file),
        "lines": {str(line): sorted(codes) for line, codes in summary.suppressions.lines.items()},
        "ranges": [[start, end, sorted(codes)] for start, end, codes in summary.suppressions.ranges],
    }
    return data


def summary_from_json(data: dict[str, Any]) -> Summary:
    raw = data["suppressions"]
    suppressions = Suppressions(
        set(raw["file"]),
        {int(line): set(codes) for line, codes in raw["lines"].items()},
        [(int(start), int(end), frozenset(codes)) for start, end, codes in raw["ranges"]],
    )
    values = dict(data)
    values.update(
        links=tuple(LinkRef(str(h), int(l), int(c)) for h, l, c in data["links"]),
        ignored=frozenset(data["ignored"]),
        suppressions=suppressions,
        keyphrase_key=tuple(data["keyphrase_key"]),
        aliases=tuple(data["aliases"]),
        headings=tuple(data["headings"]),
        static_roots=tuple(data["static_roots"]),
    )
    return Summary(**values)
