"""Reading an article's bytes (only regular files, and never more than a bound), and
decoding them into text.

A FIFO named ``x.md`` would block a plain ``open`` forever and a link to ``/dev/zero`` would
read until memory runs out; both are refused here with a reason, as is a file larger than
the configured ``max-file-size``.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import NamedTuple

from seolint.i18n import msg

#: The default bound on an article's size: the largest real article found in the corpus of
#: public sites (cpp-docs' cwnd-class.md) is 0.56 MB, so 10 MB leaves room for any real one.
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class NotARegularFile(OSError):
    """The path is a FIFO, a socket or a device: reading it could block or never end."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"it is a {kind}, not a regular file")
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than ``max-file-size``."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, over the limit of {limit}")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def read_article(path: Path | str, limit: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``OSError`` otherwise
    (``NotARegularFile``, ``TooLarge``, or what the system said).

    The file is opened without blocking (a FIFO with no writer would block ``open``), then
    checked on its open descriptor, so a path swapped after a check is still caught."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(_kind(status.st_mode))
        if status.st_size > limit:
            raise TooLarge(status.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        total = 0
        while True:  # a file growing while read is still cut at the bound
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(total, limit)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


#: Bytes sniffed for NUL characters to tell a binary file.
SNIFF = 8192


class SourceProblem(Exception):
    """The bytes are not a text we can read (FM002)."""

    def __init__(self, message: str, line: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


class Source(NamedTuple):
    text: str  # newlines normalized to \n, BOM removed
    newline: str  # "\n" or "\r\n", as the file had it
    bom: bool


def decode(data: bytes) -> Source:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16 or UTF-32; refuse binary data."""
    bom = False
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8) :], True
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        encoding, bom = "utf-32", True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, bom = "utf-16", True
    if encoding == "utf-8" and b"\x00" in data[:SNIFF]:
        raise SourceProblem(
            msg("This is a binary file, not a Markdown article"),
            1,
            msg("Exclude it (`exclude` in config) or give it a non-Markdown extension."),
        )
    try:
        decoded = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise SourceProblem(
            msg("The file is not valid {encoding}: byte 0x{byte:02x} at line {line} cannot be decoded",
                encoding=encoding.upper(), byte=data[error.start], line=line),
            line,
            msg("Re-save the file as UTF-8."),
        ) from None
    newline = "\r\n" if "\r\n" in decoded[:SNIFF] else "\n"
    return Source(decoded.replace("\r\n", "\n").replace("\r", "\n"), newline, bom)
