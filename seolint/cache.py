"""A content-hash cache of each file's results, in ``.seolint_cache/`` beside the config.

One index file per cache root and effective config holds every checked file's results. Its
name and header cover seolint's version (and the newest change to its code and data) and the
config's fingerprint; each entry covers one file, by absolute path:

- the file's content hash (sha256 of its bytes), the path as reported and the day checked;
- the file's stat stamp (mode, size, mtime, ctime, inode): while it is unchanged the file is
  not even read; when it changed, the file is read and hashed, and an equal hash is still a
  hit. A stamp taken less than two seconds after the file's last change is not trusted (a
  write within the same clock tick would go unseen), so that file is hashed next time;
- the other files its rules looked at (a cover image beside it or under a static root),
  each with what was seen of it, checked again before the entry is used.

The index is in ``marshal`` format (never pickle: a foreign cache must not run code, and
marshal only builds plain values; it loads several times faster than JSON because repeated
strings are stored once), written atomically
(temporary file and rename), so that concurrent runs are safe (the last writer wins, the other
run's new entries are recomputed next time) and an interrupted run leaves the previous index.
A corrupt or foreign index or entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from seolint import __version__, paths
from seolint.atomic import write_atomic
from seolint.audit import Profile
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.site import LinkRef, Summary
from seolint.suppress import Suppressions

if TYPE_CHECKING:
    from seolint.config import Config
    from seolint.engine import FileResult

FOLDER = ".seolint_cache"
FORMAT = 2
#: A stamp this close to the file's last change (ns) is not trusted: hash the file next time.
RACY_NS = 2_000_000_000


def folder_for(root: Path) -> Path:
    return root / FOLDER / f"v{FORMAT}"


def tree_stamp(folder: str) -> str:
    """The newest modification time under a folder (files added, removed or changed)."""
    newest = 0.0
    for current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
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


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Record(NamedTuple):
    """What a check learnt of a file besides its results, for the index."""

    stamp: paths.Stamp | None  # taken before the file was read
    digest: str  # sha256 of the bytes read
    looked_at: dict[str, object]  # other files: path -> kind or stamp (see Document.looked_at)
    summary: str | None  # digest of its summary: what the rules across articles depend on


def record(
    path: Path, stamp: paths.Stamp | None, data: bytes, looked_at: dict[str, object], summary: Summary | None
) -> Record:
    if stamp is not None and _racy(stamp):
        stamp = None  # changed just now: a second change in the same tick would keep the stamp
    return Record(stamp, digest(data), looked_at, summary_digest(summary) if summary is not None else None)


def _racy(stamp: paths.Stamp) -> bool:
    """Whether the file changed (content or inode) too recently for its stamp to be trusted."""
    return time.time_ns() - max(stamp[2], stamp[3]) < RACY_NS


def summary_digest(summary: Summary) -> str:
    text = json.dumps(summary_to_json(summary), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class Index:
    """The entries of one cache root for one config, loaded once and saved once per run."""

    def __init__(self, folder: Path, config_fingerprint: str) -> None:
        self.header = {"format": FORMAT, "code": code_stamp(), "config": config_fingerprint}
        name = hashlib.sha256(config_fingerprint.encode()).hexdigest()[:24]  # a new seolint overwrites it
        self.path = folder / f"index-{name}.marshal"
        self.entries: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.strings: dict[str, str] = {}  # one object per text among new entries (see _shared)
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            raw = marshal.loads(self.path.read_bytes())
            if not isinstance(raw, dict) or raw.get("header") != self.header:
                return  # another version or config under a colliding name: start afresh
            entries = raw["entries"]
            if isinstance(entries, dict):
                self.entries = entries
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            pass  # missing, corrupt or foreign: rewritten at the end of the run

    def lookup(self, name: str, display: str, today: str, profiles: bool) -> FileResult | None:
        """The stored result for the file ``name`` (absolute) when neither it nor what its
        rules read changed."""
        self.seen.add(name)
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            stamp, known, shown, day, looked_at, stored, _ = entry
            if shown != display or day != today:
                return None
            now = paths.stamp(name)
            if now is None:
                return None
            if stamp != now:
                if not _same_content(name, known):
                    return None
                entry = self.entries[name] = (None if _racy(now) else now, *entry[1:])
                self.dirty = True
            if not all(_unchanged(other, seen) for other, seen in looked_at.items()):
                return None
            result = result_from_values(stored, display)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
            self.entries.pop(name, None)  # foreign or corrupt: recomputed and rewritten
            self.dirty = True
            return None
        if profiles and result.profile is None:
            return None
        return result

    def put(self, name: str, display: str, today: str, record: Record, result: FileResult) -> None:
        if any(finding.code == "RUN002" for finding in result.findings):
            self.entries.pop(name, None)  # a crash is not remembered: the next run tries again
            self.dirty = True
            return
        entry = (record.stamp, record.digest, display, today, record.looked_at, result_to_values(result), record.summary)
        self.entries[name] = _shared(entry, self.strings)
        self.seen.add(name)
        self.dirty = True

    def summary_digest(self, name: str) -> str | None:
        entry = self.entries.get(name)
        found = entry[6] if isinstance(entry, tuple) and len(entry) == 7 else None
        return found if isinstance(found, str) else None

    def save(self) -> None:
        """Write the index when something changed; entries of vanished files are dropped."""
        for name in [name for name in self.entries if name not in self.seen]:
            if not os.path.exists(name):
                del self.entries[name]
                self.dirty = True
        if not self.dirty:
            return
        payload = {"header": self.header, "entries": self.entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _ensure_tag(self.path.parent.parent)
            write_atomic(self.path, marshal.dumps(payload, 4))
        except OSError:
            pass  # a read-only tree: run without a cache
        self.dirty = False


class Indexes:
    """The index of each (cache root, config) a run meets."""

    def __init__(self, today: str, profiles: bool) -> None:
        self.today = today
        self.profiles = profiles
        self._open: dict[tuple[Path, str], Index] = {}

    def index_for(self, config: Config) -> Index:
        key = (config.root, config.fingerprint)
        found = self._open.get(key)
        if found is None:
            found = self._open[key] = Index(folder_for(config.root), config.fingerprint)
        return found

    def lookup(self, path: Path, display: str, config: Config) -> FileResult | None:
        return self.index_for(config).lookup(os.path.abspath(path), display, self.today, self.profiles)

    def put(self, path: Path, display: str, config: Config, record: Record, result: FileResult) -> None:
        self.index_for(config).put(os.path.abspath(path), display, self.today, record, result)

    def summary_digest(self, path: Path, config: Config) -> str | None:
        """The digest of the summary stored for ``path`` (after a lookup or a put)."""
        return self.index_for(config).summary_digest(os.path.abspath(path))

    def save(self) -> None:
        for index in self._open.values():
            index.save()


# --- the findings of the rules across articles -------------------------------------------


def site_key(root: str, rules: list[str], summaries: list[str]) -> str:
    """What the rules across articles depend on: code, site root, rules and their options,
    and every article's summary, in order."""
    digest = hashlib.sha256()
    for part in (code_stamp(), root, *rules, *summaries):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _site_path(folder: Path, root: str) -> Path:
    return folder / f"site-{hashlib.sha256(root.encode('utf-8', 'surrogateescape')).hexdigest()[:24]}.marshal"


def load_site(folder: Path, root: str, key: str) -> list[Finding] | None:
    """The stored findings across articles for ``key``, when no file they tested changed."""
    try:
        raw = marshal.loads(_site_path(folder, root).read_bytes())
        if raw.get("format") != FORMAT or raw.get("key") != key:
            return None
        for name, existed in raw["looked_at"].items():
            found = os.path.exists(name[1:]) if name[0] == "*" else os.path.isfile(name[1:])
            if found != existed:
                return None
        found_in: list[Finding] = []
        for path, rows in raw["findings"].items():
            found_in += result_from_values((rows, None, None), path).findings
        return found_in
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError):
        return None  # missing, corrupt or foreign: recomputed and rewritten


def store_site(folder: Path, root: str, key: str, findings: list[Finding], looked_at: dict[str, bool]) -> None:
    from seolint.engine import FileResult

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    rows = {path: result_to_values(FileResult(found))[0] for path, found in by_path.items()}
    payload = {"format": FORMAT, "key": key, "looked_at": looked_at, "findings": _shared(rows)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _ensure_tag(folder.parent)
        write_atomic(_site_path(folder, root), marshal.dumps(payload, 4))
    except OSError:
        pass


def _same_content(name: str, known: str) -> bool:
    try:
        with open(name, "rb") as stream:
            return digest(stream.read()) == known
    except OSError:
        return False


def _unchanged(path: str, seen: object) -> bool:
    if isinstance(seen, str):
        return paths.kind(path) == seen
    return paths.stamp(path) == seen


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


# --- results as plain values (marshal) -----------------------------------------------------

_SEVERITIES = {severity.value: severity for severity in Severity}
_SAFETIES = {safety.value: safety for safety in FixSafety}


def result_to_values(result: FileResult) -> tuple[Any, ...]:
    """One file's results as tuples, strings and numbers: findings as rows without their
    path (the entry's), the summary's fields with plain tuples and sets."""
    rows = tuple(
        (f.code, f.name, f.severity.value, f.message, f.line, f.column, f.end_line, f.end_column,
         f.hint, (f.fix.applicability.value, f.fix.message) if f.fix else None)
        for f in result.findings
    )
    summary = _summary_values(result.summary) if result.summary is not None else None
    return rows, summary, tuple(result.profile) if result.profile is not None else None


def result_from_values(data: tuple[Any, ...], path: str) -> FileResult:
    from seolint.engine import FileResult

    rows, summary, profile = data
    findings = []
    make, severities, safeties = tuple.__new__, _SEVERITIES, _SAFETIES
    for code, name, severity, message, line, column, end_line, end_column, hint, fix in rows:
        if type(line) is not int or type(column) is not int or type(code) is not str:
            raise TypeError("not a finding")  # what sorting reads must be sound
        findings.append(make(Finding, (
            code, name, severities[severity], message, path, line, column, end_line, end_column, hint,
            None if fix is None else Fix(safeties[fix[0]], fix[1]),
        )))
    return FileResult(
        findings,
        _summary_from_values(summary) if summary is not None else None,
        Profile(*profile) if profile is not None else None,
    )


def _summary_values(summary: Summary) -> tuple[Any, ...]:
    suppressions = summary.suppressions
    return (
        *summary[:10], tuple(tuple(link) for link in summary.links), *summary[11:13],
        (frozenset(suppressions.file), {line: frozenset(codes) for line, codes in suppressions.lines.items()},
         tuple(suppressions.ranges)),
        *summary[14:],
    )


def _summary_from_values(values: tuple[Any, ...]) -> Summary:
    file, lines, ranges = values[13]
    suppressions = Suppressions(set(file), {line: set(codes) for line, codes in lines.items()}, list(ranges))
    make = tuple.__new__
    links = tuple([make(LinkRef, link) for link in values[10]])
    summary = Summary._make((*values[:10], links, *values[11:13], suppressions, *values[14:]))
    if not isinstance(summary.path, str) or not isinstance(summary.lines, dict):
        raise TypeError("not a summary")
    return summary


def _shared(value: Any, strings: dict[str, str] | None = None) -> Any:
    """``value`` with equal strings made one object, which marshal then stores once (and
    loads once: entries read back share their strings, so a warm run holds each text once)."""
    table = {} if strings is None else strings
    if type(value) is str:
        return table.setdefault(value, value)
    if type(value) is tuple:
        return tuple(_shared(item, table) for item in value)
    if type(value) is dict:
        return {_shared(key, table): _shared(item, table) for key, item in value.items()}
    return value


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
