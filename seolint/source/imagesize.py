"""An image's width and height, read from its header without decoding it.

PNG (IHDR), GIF (logical screen), JPEG (the first SOFn frame header, walking the segments
before it), WebP (VP8, VP8L and VP8X chunks) and SVG (``width``/``height`` in pixels, else
the ``viewBox``). Anything else, and any truncated or garbage file, gives None: a reader of
untrusted files must never raise.
"""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path
from typing import BinaryIO

Size = tuple[int, int]

#: Bytes read up front: enough for every fixed header and for the opening tag of an SVG.
HEAD = 64 * 1024
#: Segments walked in a JPEG before giving up (EXIF, ICC and XMP come before the frame).
MAX_SEGMENTS = 256

_PNG = b"\x89PNG\r\n\x1a\n"
#: Frame headers: SOF0–SOF3, SOF5–SOF7, SOF9–SOF11, SOF13–SOF15 (C4, C8 and CC are not).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: Markers without a length: TEM, RST0–RST7, SOI, EOI.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xDA)})


def image_size(path: Path) -> Size | None:
    """Width and height in pixels, or None when unknown, unreadable or not an image."""
    try:
        with path.open("rb") as stream:
            return read_size(stream)
    except OSError:
        return None


def read_size(stream: BinaryIO) -> Size | None:
    head = stream.read(HEAD)
    if head.startswith(_PNG):
        return _png(head)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return _valid(*struct.unpack("<HH", head[6:10])) if len(head) >= 10 else None
    if head.startswith(b"\xff\xd8"):
        stream.seek(2)
        return _jpeg(stream)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp(head)
    return _svg(head)


def _valid(width: int, height: int) -> Size | None:
    return (width, height) if width > 0 and height > 0 else None


def _png(head: bytes) -> Size | None:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return _valid(width, height)


def _jpeg(stream: BinaryIO) -> Size | None:
    for _ in range(MAX_SEGMENTS):
        marker = _next_marker(stream)
        if marker is None or marker in (0xD9, 0xDA):  # end of image, or scan data: no frame
            return None
        if marker in _STANDALONE:
            continue
        raw = stream.read(2)
        if len(raw) < 2:
            return None
        (length,) = struct.unpack(">H", raw)
        if length < 2:
            return None
        if marker in _SOF:
            frame = stream.read(5)  # precision, height, width
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return _valid(width, height)  # height 0 means "given later" (DNL): unknown
        stream.seek(length - 2, 1)
    return None


def _next_marker(stream: BinaryIO) -> int | None:
    """The next marker's code: an 0xFF byte, any fill bytes (0xFF), then the code."""
    if stream.read(1) != b"\xff":
        return None
    byte = stream.read(1)
    for _ in range(64):  # fill bytes are allowed, but not forever
        if byte != b"\xff":
            break
        byte = stream.read(1)
    return byte[0] if byte and byte != b"\xff" else None


def _webp(head: bytes) -> Size | None:
    chunk, data = head[12:16], head[20:30]
    if len(data) < 10:
        return None
    if chunk == b"VP8 " and data[3:6] == b"\x9d\x01\x2a":  # key frame start code
        width, height = struct.unpack("<HH", data[6:10])
        return _valid(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and data[0] == 0x2F:  # lossless signature
        (bits,) = struct.unpack("<I", data[1:5])
        return _valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":  # extended: 24-bit canvas width and height, minus one
        width = int.from_bytes(data[4:7], "little") + 1
        height = int.from_bytes(data[7:10], "little") + 1
        return _valid(width, height)
    return None


_SVG_TAG = re.compile(rb"<svg\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""\b([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PIXELS = re.compile(r"\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def _svg(head: bytes) -> Size | None:
    """The root ``<svg>`` tag's pixel ``width`` and ``height``, else its ``viewBox`` size.

    Relative units (``%``, ``em``) and physical ones (``mm``) are not pixels: the viewBox
    decides then. No XML parser: nothing is resolved, expanded or fetched.
    """
    found = _SVG_TAG.search(head)
    if found is None:
        return None
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(found.group(1)):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        attributes[match.group(1).decode("ascii", "replace").lower()] = value.decode("utf-8", "replace")
    width, height = _pixels(attributes.get("width")), _pixels(attributes.get("height"))
    if width is not None and height is not None:
        return _valid(width, height)
    box = [_whole(number) for number in _NUMBER.findall(attributes.get("viewbox", ""))]
    if len(box) != 4 or box[2] is None or box[3] is None:
        return None
    return _valid(box[2], box[3])


def _pixels(value: str | None) -> int | None:
    match = _PIXELS.fullmatch(value) if value is not None else None
    return _whole(match.group(1)) if match else None


def _whole(number: str) -> int | None:
    """A number rounded to whole pixels; None when it overflows (``1e999``)."""
    value = float(number)
    return round(value) if math.isfinite(value) else None
