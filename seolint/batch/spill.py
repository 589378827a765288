"""Bytes a run keeps until its end, set aside on disk once they outgrow a budget.

A folder run keeps every file's packed findings until they are printed, sorted: over ten
thousand articles that is 20 MB, a tenth of a megabyte per hundred files, and the one part
of a run's memory that grows with the folder. Past ``budget`` bytes in memory, further
blobs go to an unnamed temporary file (removed by the system when the run ends, however it
ends) and are read back one at a time when printed; so peak memory stays flat however large
the folder. When the temporary file cannot be written (no space, no temporary folder), the
blobs stay in memory: a run never loses what it found.
"""

from __future__ import annotations

import tempfile
from typing import IO

#: Bytes kept in memory before further blobs go to disk: a pre-commit run or a small site
#: never touches the disk.
BUDGET = 4 << 20


class Spill:
    """Blobs by number, in memory up to ``budget`` bytes, then in a temporary file."""

    def __init__(self, budget: int | None = None) -> None:
        self._budget = BUDGET if budget is None else budget
        self._kept: list[bytes | tuple[int, int]] = []  # a blob, or (offset, length) on disk
        self._file: IO[bytes] | None = None
        self._end = 0  # the file's length
        self._failed = False  # the file could not be written: memory only from then on

    def put(self, blob: bytes) -> int:
        """Keep ``blob``; returns the number to ``get`` it back with."""
        if self._budget > 0 or self._failed or not blob:
            self._budget -= len(blob)
            self._kept.append(blob)
        else:
            self._kept.append(self._write(blob))
        return len(self._kept) - 1

    def get(self, number: int) -> bytes:
        """A blob kept; ValueError when the temporary file cannot give it back."""
        kept = self._kept[number]
        if isinstance(kept, bytes):
            return kept
        offset, length = kept
        try:
            assert self._file is not None
            self._file.seek(offset)
            blob = self._file.read(length)
        except (OSError, AssertionError) as error:
            raise ValueError(f"the findings set aside on disk cannot be read back: {error}") from None
        if len(blob) != length:
            raise ValueError("the findings set aside on disk were cut short")
        return blob

    @property
    def on_disk(self) -> int:
        """How many bytes went to the temporary file."""
        return self._end

    def _write(self, blob: bytes) -> bytes | tuple[int, int]:
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="seolint-")
            self._file.seek(self._end)
            self._file.write(blob)
        except OSError:
            self._failed = True
            return blob
        offset, self._end = self._end, self._end + len(blob)
        return offset, len(blob)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __del__(self) -> None:
        self.close()
