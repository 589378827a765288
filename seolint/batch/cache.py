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

Beside them, ``Rendered`` keeps the lines each path printed in a line format, and
``load_site``/``store_site`` the findings of the rules across articles.
"""

from __future__ import annotations

import contextlib
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

from seolint.source import globs
from seolint.atomic import write_atomic
from seolint.audit import Profile
from seolint.findings import Finding, Fix, FixSafety, Severity
from seolint.batch.packed import Packed
from seolint.site.summaries import LinkRef, Summary
from seolint.source.suppress import Suppressions

if TYPE_CHECKING:
    from seolint.source.config import Config

FOLDER = ".seolint_cache"
FORMAT = 5  # 5: every index, printed-lines and site file sealed with a CRC-32
#: A save copies the blobs still used into one file when there are this many blob files,
MAX_BLOB_FILES = 8
#: or when the outdated bytes in them exceed this and half of those still used.
COMPACT_BYTES = 1 << 20
#: How many results a run reads from a blob file on their own before it reads the whole file.
RANGE_READS = 64
#: Printed lines (``Rendered``) no run printed for this many days are dropped.
KEEP_DAYS = 7
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
    package = Path(__file__).resolve().parent
    from seolint._data import rules_dir

    return f"{__version__}:{tree_stamp(str(package))}:{tree_stamp(str(rules_dir()))}"


#: What starts every sealed cache file: a tag, then the length and CRC-32 of what follows.
_SEAL = b"seolint-cache\0"


def seal(payload: Any) -> bytes:
    """``payload`` in marshal format behind a tag, its length and its CRC-32: a flipped bit
    or a cut file is then a miss, never a wrong result (CRC-32 catches every one-bit and
    every burst error up to 32 bits; 27 MB are checked in ~15 ms)."""
    data = marshal.dumps(payload, 4)
    return _SEAL + len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little") + data


def unseal(data: bytes) -> Any:
    """What ``seal`` sealed; ``ValueError`` when the file is not one or was damaged (never
    unmarshalled then: a few damaged bytes could ask marshal for gigabytes)."""
    start = len(_SEAL) + 12
    if not data.startswith(_SEAL) or len(data) < start:
        raise ValueError("not a sealed cache file")
    size = int.from_bytes(data[len(_SEAL):len(_SEAL) + 8], "little")
    crc = int.from_bytes(data[len(_SEAL) + 8:start], "little")
    body = memoryview(data)[start:]
    if len(body) != size or zlib.crc32(body) != crc:
        raise ValueError("a damaged cache file")
    try:
        return marshal.loads(body)
    except MemoryError:  # pragma: no cover - only a sealed file that lies could get here
        raise ValueError("a damaged cache file") from None


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
    text = json.dumps(summary_to_json(summary), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class BlobFiles:
    """The blob files of one index: bytes end to end, never changed once written, each read
    whole when first needed (a pre-commit run on one article reads none of a site's 24 MB),
    then kept for the run (a run that removes one meanwhile does not disturb a run that read
    it; one removed before it was read makes its entries misses). An index points into them
    with places: (file id, offset, size)."""

    def __init__(self, folder: Path, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix
        self.named: list[str] = []  # the files the index names
        self._data: dict[str, bytes | None] = {}  # those read (None: could not be)
        self._sizes: dict[str, int | None] = {}
        self._ranges: dict[str, int] = {}  # how many ranges were read of each unread file

    def path(self, ident: str) -> Path:
        return self.folder / f"{self.prefix}{ident}.bin"

    def load(self, idents: Any) -> None:
        """Know the files an index names (a list of ids), to read when first needed."""
        self.named = [ident for ident in (idents if isinstance(idents, list) else ())
                      if type(ident) is str and ident.isalnum()]

    def get(self, ident: str) -> bytes | None:
        """A named file's bytes, read on first use; None when it cannot be read."""
        if ident not in self._data:
            data = None
            if ident in self.named:
                try:
                    data = self.path(ident).read_bytes()
                except OSError:
                    pass
            self._data[ident] = data
        return self._data[ident]

    def read(self, ident: str, start: int, size: int) -> bytes | None:
        """``size`` bytes at ``start`` of a named file (shorter when the file is); None when
        it cannot be read. The first few reads of a file read only their range: a run over
        one article takes its results, not the site's; past them, the file is read whole."""
        data = self._data.get(ident)
        if data is None and ident not in self._data:
            self._ranges[ident] = self._ranges.get(ident, 0) + 1
            if self._ranges[ident] > RANGE_READS:
                data = self.get(ident)
            elif ident in self.named:
                try:
                    with open(self.path(ident), "rb") as stream:
                        stream.seek(start)
                        return stream.read(size)
                except OSError:
                    return None
        return None if data is None else data[start:start + size]

    def size(self, ident: str) -> int | None:
        """A named file's length, without reading it; None when it is gone."""
        data = self._data.get(ident)
        if data is not None:
            return len(data)
        if ident not in self._sizes:
            try:
                self._sizes[ident] = os.stat(self.path(ident)).st_size if ident in self.named else None
            except OSError:
                self._sizes[ident] = None
        return self._sizes[ident]

    def holds(self, where: Any, size: int) -> bool:
        """Whether ``where`` (id, offset, ...) starts ``size`` bytes inside a named file."""
        length = self.size(where[0]) if type(where) is tuple and len(where) >= 2 and type(where[0]) is str else None
        return length is not None and type(where[1]) is int and 0 <= where[1] and where[1] + size <= length

    def outdated(self, used: dict[str, int]) -> bool:
        """Whether the named files are many, or hold many more bytes than the run used of
        them (``used``: bytes per file): then a save copies what is used into one file."""
        live = sum(used.values())
        dead = sum(self.size(ident) or 0 for ident in self.named) - live
        return len(self.named) >= MAX_BLOB_FILES or dead > max(live // 2, COMPACT_BYTES)

    def write(self, parts: list[bytes]) -> str:
        """A new file of ``parts`` end to end; its id (unique: time and process)."""
        ident = f"{time.time_ns():x}{os.getpid():x}"
        data = self._data[ident] = b"".join(parts)
        write_atomic(self.path(ident), data)
        self.named.append(ident)
        return ident

    def remove_unused(self, used: list[str]) -> None:
        """Remove the files of this index that it no longer names."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for found in names:
            if found.startswith(self.prefix) and found.endswith(".bin") and found[len(self.prefix):-4] not in used:
                with contextlib.suppress(OSError):
                    os.remove(self.folder / found)


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
            stamp, known, shown, day, looked_at, counts, profile, check, where, _ = entry
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
            result = Packed(findings, counts, summary, None if profile is None else Profile(*profile))
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
                              profile, _checksum(result), None, record.summary)

    def stored_summary(self, name: str) -> tuple[bytes, str | None, str] | None:
        """The packed summary stored for the file ``name`` (absolute), its digest, and the
        path it was shown as, when the file is unchanged since (its stamp, else its hash),
        whatever the day it was checked and the other files its rules read: a summary
        depends on neither. None when there is none, or the entry is stale or damaged."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            stamp, known, shown, _, _, _, _, check, where, digest = entry
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
        found = entry[-1] if isinstance(entry, tuple) and len(entry) == 10 else None
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
            _ensure_tag(self.folder.parent)
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
            where: Any = entry[8] if isinstance(entry, tuple) and len(entry) == 10 else False
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
            self.entries[name] = (*entry[:8], (ident, start, size, summary_size), entry[9])
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


class Rendered:
    """Each path's printed lines in one output format, as the last run wrote them (encoded),
    keyed by a digest of what they were rendered from (the path and its packed findings,
    own and across articles): a warm run writes the bytes of an unchanged path without
    decoding, formatting or encoding its findings (a quarter of a warm run over cpp-docs
    went to that).

    One index per output form (format, colour, working folder: paths may be printed
    relative to it, and how stdout encodes) under a header with seolint's code stamp (an
    edited formatter renders afresh), pointing into blob files as ``Index`` does: a run
    that printed a few new paths adds a small file. Each entry knows the day it was last
    printed: lines no run printed for ``KEEP_DAYS`` are dropped (a run over one folder
    does not drop the lines of a run over the whole site). Missing, corrupt or foreign
    files are ignored and rewritten.
    """

    def __init__(self, folder: Path, form: str) -> None:
        self.header = {"format": FORMAT, "code": code_stamp(), "form": form}
        name = hashlib.sha256(form.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = folder / f"render-{name}.marshal"
        self.blobs = BlobFiles(folder, f"lines-{name}-")
        self.today = int(time.time() // 86_400)
        self._known: dict[bytes, Any] = {}  # key -> place: (file id, offset, size, crc32, day printed)
        self._used: set[bytes] = set()  # the keys this run printed
        self._touched = False  # a key printed today that was last printed on another day
        self._fresh: dict[bytes, bytes] = {}
        self._swept = -1  # the day lines not printed for KEEP_DAYS were last dropped
        self._load()

    @staticmethod
    def key(path: str, blobs: list[bytes]) -> bytes:
        """What a path's lines are rendered from: its path and its packed findings, in the
        order they were added (sha1 for speed: 28 MB of findings in 20 ms; not a defence)."""
        digest = hashlib.sha1(path.encode("utf-8", "surrogateescape"))
        for blob in blobs:
            digest.update(len(blob).to_bytes(8, "little"))
            digest.update(blob)
        return digest.digest()

    def _load(self) -> None:
        try:
            raw = unseal(self.path.read_bytes())
            if isinstance(raw, dict) and raw.get("header") == self.header and isinstance(raw.get("lines"), dict):
                self._known = raw["lines"]
                self._swept = raw.get("swept", -1)
                self.blobs.load(raw.get("files"))
        except (OSError, ValueError, EOFError, TypeError):
            pass  # missing, corrupt or foreign: rewritten at the end of the run

    def get(self, key: bytes) -> bytes | memoryview | None:
        """The bytes stored for ``key`` (a view into their blob file), kept for next time;
        None when missing or damaged (rendered again)."""
        where = self._known.get(key)
        if where is None or not _line_place(where, self.blobs):
            return None
        data = self.blobs.get(where[0])
        if data is None:
            return None
        found = memoryview(data)[where[1]:where[1] + where[2]]
        if zlib.crc32(found) != where[3]:
            return None
        self._used.add(key)
        self._touched = self._touched or where[4] != self.today
        return found

    def put(self, key: bytes, data: bytes) -> None:
        self._fresh[key] = data

    def _stored(self, where: Any) -> bytes | None:
        data = self.blobs.get(where[0])
        return None if data is None else data[where[1]:where[1] + where[2]]

    def save(self) -> None:
        """Keep this run's new lines in a new blob file and the day each printed line was
        last printed; drop lines not printed for ``KEEP_DAYS``. When the blob files are
        many or mostly hold dropped lines, copy the kept ones into one file. A run that
        printed nothing new does nothing (once a day, it looks for lines to drop)."""
        if not self._fresh and not self._touched and self._swept == self.today:
            return
        if self._swept != self.today:
            _drop_unused_forms(self.path.parent, KEEP_DAYS * 86_400, self.path.name)
        lines = {key: where if key not in self._used else (*where[:4], self.today)
                 for key, where in self._known.items()
                 if _line_place(where, self.blobs) and (key in self._used or where[4] > self.today - KEEP_DAYS)}
        used: dict[str, int] = {}
        for where in lines.values():
            used[where[0]] = used.get(where[0], 0) + where[2]
        compact = self.blobs.outdated(used)
        moved = dict(self._fresh)
        if compact:
            kept = {key: self._stored(where) for key, where in lines.items() if key not in moved}
            moved = {key: data for key, data in kept.items() if data is not None} | moved
            lines = {key: where for key, where in lines.items() if key in moved}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _ensure_tag(self.path.parent.parent)
            if moved:
                ident = self.blobs.write(list(moved.values()))
                offset = 0
                for key, data in moved.items():
                    lines[key] = (ident, offset, len(data), zlib.crc32(data), self.today)
                    offset += len(data)
            files = sorted({where[0] for where in lines.values()})
            payload = {"header": self.header, "files": files, "lines": lines, "swept": self.today}
            write_atomic(self.path, seal(payload))
            self.blobs.remove_unused(files)
        except OSError:
            return  # a read-only tree: run without it
        self._known, self._used, self._fresh, self._touched, self._swept = lines, set(), {}, False, self.today


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


def load_site(folder: Path, root: str, key: str) -> list[tuple[str, Packed]] | None:
    """The stored findings across articles for ``key``, packed per file, when no file they
    tested changed."""
    try:
        raw = unseal(_site_path(folder, root).read_bytes())
        if raw.get("format") != FORMAT or raw.get("key") != key:
            return None
        for name, existed in raw["looked_at"].items():
            found = os.path.exists(name[1:]) if name[0] == "*" else os.path.isfile(name[1:])
            if found != existed:
                return None
        found_in = [(path, Packed(blob, counts)) for path, blob, counts in raw["findings"]]
        if not all(type(path) is str and result.check() for path, result in found_in):
            return None
        return found_in
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError):
        return None  # missing, corrupt or foreign: recomputed and rewritten


def store_site(folder: Path, root: str, key: str, rows: list[tuple[str, Packed]], looked_at: dict[str, bool]) -> None:
    """Keep the findings across articles for ``key``: packed, in rows of (path, result)."""
    payload = {"format": FORMAT, "key": key, "looked_at": looked_at,
               "findings": [(path, result.findings, result.counts) for path, result in rows]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _ensure_tag(folder.parent)
        write_atomic(_site_path(folder, root), seal(payload))
    except OSError:
        pass


def _place(where: Any) -> bool:
    """Whether an index entry's place has the shape ``Index`` writes: (id, offset, size,
    summary size or -1)."""
    return (type(where) is tuple and len(where) == 4 and type(where[0]) is str and type(where[1]) is int
            and type(where[2]) is int and type(where[3]) is int and where[2] >= 0 and where[3] >= -1)


def _line_place(where: Any, blobs: BlobFiles) -> bool:
    """Whether a place of ``Rendered`` has its shape and lies in a loaded blob file."""
    return (type(where) is tuple and len(where) == 5 and type(where[2]) is int and type(where[3]) is int
            and type(where[4]) is int and where[2] >= 0 and blobs.holds(where, where[2]))


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


def _drop_unused_forms(folder: Path, age: float, own: str) -> None:
    """Remove the printed lines of every other output form (another format, colour or
    working folder; ``own`` is the index of this run's) that no run has saved for ``age``
    seconds: each form keeps its own copy of a site's lines, and a form never used again
    would otherwise keep it for good."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for found in names:
        if found == own or not (found.startswith("render-") and found.endswith(".marshal")):
            continue
        try:
            if now - os.stat(folder / found).st_mtime <= age:
                continue
            os.remove(folder / found)
        except OSError:
            continue
        prefix = f"lines-{found[len('render-'):-len('.marshal')]}-"
        for blob in names:
            if blob.startswith(prefix) and blob.endswith(".bin"):
                with contextlib.suppress(OSError):
                    os.remove(folder / blob)


def _drop_older_formats(folder: Path) -> None:
    """Remove what older versions of seolint left (``v1/``, ``v2/``): never read again."""
    for version in range(1, FORMAT):
        old = folder / f"v{version}"
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _ensure_tag(folder: Path) -> None:
    """Mark the folder as a cache for backup tools and git (as ruff and pytest do)."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, b"# Created by seolint\n*\n")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# seolint cache\n")


# --- JSON forms (summary files of sharded runs) ------------------------------------------


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
        links=tuple(LinkRef(str(link[0]), int(link[1]), int(link[2]), int(link[3]) if len(link) > 3 else 0)
                    for link in data["links"]),
        ignored=frozenset(data["ignored"]),
        suppressions=suppressions,
        keyphrase_key=tuple(data["keyphrase_key"]),
        aliases=tuple(data["aliases"]),
        headings=tuple(data["headings"]),
        static_roots=tuple(data["static_roots"]),
    )
    return Summary(**values)
