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
marshal only builds plain values; it loads several times faster than JSON). Each entry
points at the file's results, packed (``seolint.batch.packed``), in a blob file beside the index
(see ``Index``): a hit hands them to the output as they are, without decoding, and a run
that checked one file rewrites neither the others' results nor a 27 MB index. Every file
is written atomically (temporary file and rename), so that concurrent runs are safe (the
last writer wins, the other run's new entries are recomputed next time) and an interrupted
run leaves the previous index. Every index, printed-lines and site file is sealed with its
length and CRC-32 (``seal``), and each blob with a CRC-32 in its index: a corrupt or foreign
file or entry is a miss, ignored and rewritten, never a result.

Sealed files and blob files are :mod:`.blobs`; beside the index, :mod:`.printed` keeps the
lines each path printed in a line format, and :mod:`.across` the findings of the rules
across articles.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import time
import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from seolint import __version__
from seolint.atomic import write_atomic
from seolint.audit import Profile
from seolint.batch.blobs import BlobFiles, ensure_tag, seal, unseal
from seolint.batch.codec import SUMMARIES
from seolint.batch.packed import Packed
from seolint.site.summaries import Summary
from seolint.source import globs

if TYPE_CHECKING:
    from seolint.source.config import Config

FOLDER = ".seolint_cache"
FORMAT = 7  # 6: findings and summaries by field name (seolint.batch.codec); 7: the language of messages
#: A stamp this close to the file's last change (ns) is not trusted: hash the file next time.
RACY_NS = 2_000_000_000


def folder_for(root: Path) -> Path:
    return root / FOLDER / f"v{FORMAT}"


def tree_stamp(folder: str) -> str:
    """The newest modification time of the files under a folder, and their number (a file
    removed). Folders' own times are left out: Python's ``__pycache__`` appearing beside the
    code is not a change to it."""
    newest, count = 0, 0
    for current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            try:
                newest = max(newest, os.stat(os.path.join(current, name)).st_mtime_ns)
                count += 1
            except OSError:
                continue
    return f"{newest}:{count}"


@cache
def code_stamp() -> str:
    """seolint's version and the newest change to its code and data: an edited rule (in a
    checkout, between releases) must not be answered from the cache."""
    import seolint
    from seolint._data import rules_dir

    package = Path(seolint.__file__).resolve().parent  # the whole package, wherever this module sits

    return f"{__version__}:{tree_stamp(str(package))}:{tree_stamp(str(rules_dir()))}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Record(NamedTuple):
    """What a check learnt of a file besides its results, for the index."""

    stamp: globs.Stamp | None  # taken before the file was read
    digest: str  # sha256 of the bytes read
    looked_at: dict[str, object]  # other files: path -> kind or stamp (see Document.looked_at)
    summary: str | None  # digest of its summary: what the rules across articles depend on
    crashed: bool = False  # a rule crashed: not remembered, so that the next run tries again


def record(
    path: Path, stamp: globs.Stamp | None, data: bytes, looked_at: dict[str, object], summary: Summary | None,
    crashed: bool = False,
) -> Record:
    if stamp is not None and _racy(stamp):
        stamp = None  # changed just now: a second change in the same tick would keep the stamp
    return Record(stamp, digest(data), looked_at, summary_digest(summary) if summary is not None else None, crashed)


def _racy(stamp: globs.Stamp) -> bool:
    """Whether the file changed (content or inode) too recently for its stamp to be trusted."""
    return time.time_ns() - max(stamp[2], stamp[3]) < RACY_NS


def summary_digest(summary: Summary) -> str:
    text = json.dumps(SUMMARIES.encode(summary), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class Index:
    """The entries of one cache root for one config, loaded once and saved once per run.

    Two kinds of file: the index (``index-*.marshal``: each file's stamp, digests, counts
    and where its packed results lie) and the blob files (``blobs-*-ID.bin``: packed
    findings and summaries, end to end), which are never changed once written. A run that
    checked a few files writes their results to a new small blob file and rewrites the
    index only (3 MB for cpp-docs, not the 27 MB of everything); once the blob files are
    many or mostly outdated, a save copies what is still used into one file and removes
    the others. A blob file another run removed meanwhile makes its entries misses.
    """

    def __init__(self, folder: Path, config_fingerprint: str) -> None:
        self.header = {"format": FORMAT, "code": code_stamp(), "config": config_fingerprint}
        self.name = hashlib.sha256(config_fingerprint.encode()).hexdigest()[:24]  # a new seolint overwrites it
        self.folder = folder
        self.path = folder / f"index-{self.name}.marshal"
        self.entries: dict[str, Any] = {}
        self.blobs = BlobFiles(folder, f"blobs-{self.name}-")
        self.fresh: dict[str, tuple[bytes, bytes | None]] = {}  # the blobs put in this run, by file
        self.seen: set[str] = set()
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            raw = unseal(self.path.read_bytes())
            if not isinstance(raw, dict) or raw.get("header") != self.header:
                return  # another version or config under a colliding name: start afresh
            entries, files = raw["entries"], raw["files"]
            if not isinstance(entries, dict) or not isinstance(files, list):
                return
            self.entries = entries
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return  # missing, corrupt or foreign: rewritten at the end of the run
        self.blobs.load(files)

    def _packed(self, name: str, where: Any) -> tuple[bytes, bytes | None]:
        """An entry's packed findings and summary, from its blob file or from this run."""
        if where is None:
            return self.fresh[name]
        ident, start, size, summary_size = where
        data = self.blobs.read(ident, start, size + max(summary_size, 0))
        if data is None:
            raise ValueError("a blob file is missing")
        if len(data) != size + max(summary_size, 0):
            raise ValueError("a blob file is shorter than its index says")
        if summary_size < 0:
            return data, None
        return data[:size], data[size:]

    def lookup(self, name: str, display: str, today: str, profiles: bool) -> Packed | None:
        """The stored result for the file ``name`` (absolute) when neither it nor what its
        rules read changed. Asked of every file of every run: kept lean."""
        self.seen.add(name)
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            stamp, known, shown, day, looked_at, counts, profile, check, where, _, said = entry
            if shown != display or day != today:
                return None
            now = globs.stamp(name)
            if now is None:
                return None
            if stamp != now:
                if not _same_content(name, known):
                    return None
                entry = self.entries[name] = (None if _racy(now) else now, *entry[1:])
                self.dirty = True
            if looked_at and not all(_unchanged(other, seen) for other, seen in looked_at.items()):
                return None
            findings, summary = self._packed(name, where)
            if (type(counts) is not tuple or len(counts) != 3 or type(counts[0]) is not int
                    or type(counts[1]) is not int or type(counts[2]) is not int):
                raise TypeError("not counts")
            if zlib.crc32(summary or b"", zlib.crc32(findings)) != check:
                raise ValueError("damaged packed data")
            if type(said) is not str:
                raise TypeError("not a language")
            result = Packed(findings, counts, summary, None if profile is None else Profile(*profile), said)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
            self.entries.pop(name, None)  # foreign or corrupt: recomputed and rewritten
            self.dirty = True
            return None
        if profiles and result.profile is None:
            return None
        return result

    def put(self, name: str, display: str, today: str, record: Record, result: Packed) -> None:
        self.seen.add(name)
        self.dirty = True
        if record.crashed:
            self.entries.pop(name, None)  # a crash is not remembered: the next run tries again
            return
        profile = None if result.profile is None else tuple(result.profile)
        self.fresh[name] = (result.findings, result.summary)
        self.entries[name] = (record.stamp, record.digest, display, today, record.looked_at, result.counts,
                              profile, _checksum(result), None, record.summary, result.said)

    def stored_summary(self, name: str) -> tuple[bytes, str | None, str] | None:
        """The packed summary stored for the file ``name`` (absolute), its digest, and the
        path it was shown as, when the file is unchanged since (its stamp, else its hash),
        whatever the day it was checked and the other files its rules read: a summary
        depends on neither. None when there is none, or the entry is stale or damaged."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            stamp, known, shown, _, _, _, _, check, where, digest, _ = entry
            now = globs.stamp(name)
            if now is None or (stamp != now and not _same_content(name, known)):
                return None
            findings, summary = self._packed(name, where)
            if summary is None or type(shown) is not str or zlib.crc32(summary, zlib.crc32(findings)) != check:
                return None
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
            return None  # foreign or damaged: the caller reads the file instead
        return summary, digest if type(digest) is str else None, shown

    def forget(self, name: str) -> None:
        """Drop an entry found damaged after its lookup: the next run recomputes the file."""
        if self.entries.pop(name, None) is not None:
            self.dirty = True

    def summary_digest(self, name: str) -> str | None:
        entry = self.entries.get(name)
        found = entry[9] if isinstance(entry, tuple) and len(entry) == 11 else None
        return found if isinstance(found, str) else None

    def save(self) -> None:
        """Write the index when something changed, dropping the entries of vanished files
        then (harmless until: a pre-commit run on one article does not test the whole
        site's files for existence)."""
        if not self.dirty:
            return
        for name in [name for name in self.entries if name not in self.seen]:
            if not os.path.exists(name):
                del self.entries[name]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ensure_tag(self.folder.parent)
            _drop_older_formats(self.folder.parent)
            files = self._write_blobs()
            payload = {"header": self.header, "entries": self.entries, "files": files}
            write_atomic(self.path, seal(payload))
            self.blobs.remove_unused(files)
        except OSError:
            pass  # a read-only tree: run without a cache
        self.dirty = False

    def _write_blobs(self) -> list[str]:
        """Put this run's blobs in a new blob file (or everything still used, when the blob
        files are many or mostly outdated), point the entries at them, and tell the blob
        files the index uses."""
        used: dict[str, int] = {}
        for name, entry in list(self.entries.items()):
            where: Any = entry[8] if isinstance(entry, tuple) and len(entry) == 11 else False
            if where is None and name in self.fresh:
                continue
            size = where[2] + max(where[3], 0) if _place(where) else -1
            if size < 0 or not self.blobs.holds(where, size):
                del self.entries[name]  # foreign, or its blob file is gone: recomputed next time
                continue
            used[where[0]] = used.get(where[0], 0) + size
        compact = self.blobs.outdated(used)
        moved = list(self.entries) if compact else [name for name, entry in self.entries.items() if entry[8] is None]
        if not moved:
            return sorted(used)
        parts: list[bytes] = []
        places = []
        offset = 0
        for name in moved:
            findings, summary = self._packed(name, self.entries[name][8])
            parts += [findings] if summary is None else [findings, summary]
            places.append((offset, len(findings), -1 if summary is None else len(summary)))
            offset += len(findings) + (0 if summary is None else len(summary))
        ident = self.blobs.write(parts)
        for name, (start, size, summary_size) in zip(moved, places):
            entry = self.entries[name]
            self.entries[name] = (*entry[:8], (ident, start, size, summary_size), *entry[9:])
        self.fresh.clear()
        return [ident] if compact else sorted({*used, ident})


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

    def lookup(self, name: str, display: str, config: Config) -> Packed | None:
        """The stored result for the file at ``name`` (absolute, links not resolved)."""
        return self.index_for(config).lookup(name, display, self.today, self.profiles)

    def put(self, name: str, display: str, config: Config, record: Record, result: Packed) -> None:
        self.index_for(config).put(name, display, self.today, record, result)

    def summary_digest(self, name: str, config: Config) -> str | None:
        """The digest of the summary stored for ``name`` (after a lookup or a put)."""
        return self.index_for(config).summary_digest(name)

    def stored_summary(self, name: str, config: Config) -> tuple[bytes, str | None, str] | None:
        """``Index.stored_summary`` of the file at ``name`` (absolute)."""
        return self.index_for(config).stored_summary(name)

    def forget(self, name: str, config: Config) -> None:
        self.index_for(config).forget(name)

    def save(self) -> None:
        for index in self._open.values():
            index.save()


# --- the printed lines of each path ------------------------------------------------------


def _place(where: Any) -> bool:
    """Whether an index entry's place has the shape ``Index`` writes: (id, offset, size,
    summary size or -1)."""
    return (type(where) is tuple and len(where) == 4 and type(where[0]) is str and type(where[1]) is int
            and type(where[2]) is int and type(where[3]) is int and where[2] >= 0 and where[3] >= -1)


def _checksum(result: Packed) -> int:
    """A damaged entry is recomputed, not decoded at the end of the run (12 ms for the 9,746
    entries of cpp-docs)."""
    return zlib.crc32(result.summary or b"", zlib.crc32(result.findings))


def _same_content(name: str, known: str) -> bool:
    try:
        with open(name, "rb") as stream:
            return digest(stream.read()) == known
    except OSError:
        return False


def _unchanged(path: str, seen: object) -> bool:
    if isinstance(seen, str):
        return globs.kind(path) == seen
    return globs.stamp(path) == seen


def clean(root: Path) -> bool:
    target = root / FOLDER
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
        return True
    return False


def _drop_older_formats(folder: Path) -> None:
    """Remove what older versions of seolint left (``v1/``, ``v2/``): never read again."""
    for version in range(1, FORMAT):
        old = folder / f"v{version}"
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
