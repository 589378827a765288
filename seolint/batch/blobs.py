"""How the cache keeps bytes on disk: sealed files (a tag, the length and a CRC-32 before
the marshalled payload) and blob files (bytes end to end, never changed once written).

A flipped bit or a cut file is a miss, never a wrong result; marshal, never pickle, so that
a foreign cache cannot run code.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import time
import zlib
from pathlib import Path
from typing import Any

from seolint.atomic import write_atomic


#: A save copies the blobs still used into one file when there are this many blob files,
MAX_BLOB_FILES = 8


#: or when the outdated bytes in them exceed this and half of those still used.
COMPACT_BYTES = 1 << 20


#: How many results a run reads from a blob file on their own before it reads the whole file.
RANGE_READS = 64


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


def ensure_tag(folder: Path) -> None:
    """Mark the folder as a cache for backup tools and git (as ruff and pytest do)."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, b"# Created by seolint\n*\n")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# seolint cache\n")
