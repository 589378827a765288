"""The lines each path printed in a line format, kept from one run to the next: a warm run
writes the bytes of an unchanged path without decoding, formatting or encoding its findings."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import zlib
from pathlib import Path
from typing import Any

from seolint.atomic import write_atomic
from seolint.batch.blobs import BlobFiles, ensure_tag, seal, unseal
from seolint.batch.cache import FORMAT, code_stamp


#: Printed lines (``Rendered``) no run printed for this many days are dropped.
KEEP_DAYS = 7


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
            ensure_tag(self.path.parent.parent)
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


def _line_place(where: Any, blobs: BlobFiles) -> bool:
    """Whether a place of ``Rendered`` has its shape and lies in a loaded blob file."""
    return (type(where) is tuple and len(where) == 5 and type(where[2]) is int and type(where[3]) is int
            and type(where[4]) is int and where[2] >= 0 and blobs.holds(where, where[2]))


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
