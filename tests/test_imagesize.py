"""Image sizes from file headers, on tiny real files built here byte by byte."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest

from seolint.source.imagesize import image_size, read_size


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int) -> bytes:
    """A valid black-and-white PNG: IHDR, one IDAT of blank rows, IEND."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = (b"\x00" + b"\x00" * ((width + 7) // 8)) * height  # filter byte, then pixels
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, 9))
        + _chunk(b"IEND", b"")
    )


def _lzw(pixels: list[int], min_size: int) -> bytes:
    """GIF's variable-width LZW, packed least significant bit first."""
    clear, end = 1 << min_size, (1 << min_size) + 1
    table = {(i,): i for i in range(clear)}
    size, next_code = min_size + 1, end + 1
    bits, count, out = 0, 0, bytearray()

    def emit(code: int) -> None:
        nonlocal bits, count
        bits |= code << count
        count += size
        while count >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            count -= 8

    emit(clear)
    current: tuple[int, ...] = ()
    for pixel in pixels:
        candidate = (*current, pixel)
        if candidate in table:
            current = candidate
            continue
        emit(table[current])
        if next_code < 4096:
            table[candidate] = next_code
            next_code += 1
            if next_code > (1 << size) and size < 12:
                size += 1
        else:  # the table is full: start over
            emit(clear)
            table = {(i,): i for i in range(clear)}
            size, next_code = min_size + 1, end + 1
        current = (pixel,)
    emit(table[current])
    emit(end)
    if count:
        out.append(bits & 0xFF)
    return bytes(out)


def gif(width: int, height: int) -> bytes:
    """A valid two-colour GIF89a of one blank frame."""
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    data = _lzw([0] * (width * height), 2)
    blocks = b"".join(bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255))
    return screen + frame + b"\x02" + blocks + b"\x00" + b"\x3b"


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg(width: int, height: int, sof: int = 0xC0, fill: bool = False) -> bytes:
    """The head of a baseline JPEG: SOI, APP0 (JFIF), APP1, DQT, SOFn, DHT, SOS."""
    jfif = _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    exif = _segment(0xE1, b"Exif\x00\x00" + bytes(300))
    quant = _segment(0xDB, b"\x00" + bytes(range(1, 65)))
    frame = bytes([0xFF] * 3 if fill else [0xFF]) + bytes([sof])
    frame += struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    huffman = _segment(0xC4, b"\x00" + bytes(16))
    scan = _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    return b"\xff\xd8" + jfif + exif + quant + frame + huffman + scan + b"\x00" * 8 + b"\xff\xd9"


def _riff(chunk: bytes, payload: bytes) -> bytes:
    body = b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


def webp_vp8x(width: int, height: int) -> bytes:
    canvas = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return _riff(b"VP8X", b"\x10\x00\x00\x00" + canvas)


def webp_vp8l(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    return _riff(b"VP8L", b"\x2f" + struct.pack("<I", bits) + bytes(8))


def webp_vp8(width: int, height: int) -> bytes:
    return _riff(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a" + struct.pack("<HH", width, height) + bytes(8))


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (png(1200, 630), (1200, 630)),
        (png(1, 1), (1, 1)),
        (gif(40, 21), (40, 21)),
        (jpeg(800, 420), (800, 420)),
        (jpeg(1200, 630, sof=0xC1), (1200, 630)),
        (jpeg(1920, 1080, sof=0xC2, fill=True), (1920, 1080)),
        (webp_vp8x(1200, 630), (1200, 630)),
        (webp_vp8x(16383 * 2, 1), (16383 * 2, 1)),
        (webp_vp8l(600, 315), (600, 315)),
        (webp_vp8(640, 480), (640, 480)),
    ],
    ids=["png", "png-1px", "gif", "jpeg-sof0", "jpeg-sof1", "jpeg-sof2-fill", "webp-vp8x",
         "webp-vp8x-wide", "webp-vp8l", "webp-vp8"],
)
def test_raster_sizes(data: bytes, size: tuple[int, int]) -> None:
    assert read_size(io.BytesIO(data)) == size


def test_the_generated_png_and_gif_are_whole_files() -> None:
    data = png(1200, 630)
    idat = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[idat - 4 : idat])
    assert len(zlib.decompress(data[idat + 4 : idat + 4 + length])) == 630 * (1 + 150)
    assert data.endswith(_chunk(b"IEND", b""))
    assert gif(3, 2).endswith(b"\x00\x3b")


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">', (1200, 630)),
        ("<?xml version='1.0'?>\n<!-- cover -->\n<svg width='600px' height = '315.4px'>", (600, 315)),
        ('<svg viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">', (1200, 630)),
        ('<svg width="100%" height="100%" viewBox="0,0,800,420">', (800, 420)),
        ('<svg width="12cm" height="4cm">', None),
        ('<svg width="1200">', None),
        ('<svg viewBox="0 0 1e999 630">', None),
        ('<svg viewBox="0 0 -5 630">', None),
        ("<html><body>no image here</body></html>", None),
    ],
)
def test_svg_sizes(svg: str, size: tuple[int, int] | None) -> None:
    assert read_size(io.BytesIO(svg.encode())) == size


@pytest.mark.parametrize(
    "data",
    [
        png(1200, 630)[:20],
        b"GIF89a\x01",
        jpeg(800, 420)[:200],  # cut inside the EXIF segment
        b"\xff\xd8" + _segment(0xDA, b"\x00") + b"\xff\xd9",  # scan before any frame
        b"\xff\xd8\xff\xc0\x00\x0b\x08\x00\x00\x03\x20\x01",  # height 0: defined later (DNL)
        b"\xff\xd8\xff\xe0\x00\x01",  # a length under 2
        b"\xff\xd8" + b"\xff" * 100,  # fill bytes forever
        b"\xff\xd8\x00\x00",  # no marker
        _riff(b"VP8 ", bytes(20)),  # no key frame start code
        _riff(b"ALPH", bytes(20)),
        b"RIFF\x00\x00\x00\x00WEBPVP8X",
        png(0, 10),
        b"",
    ],
)
def test_truncated_or_garbage_headers_give_none(data: bytes) -> None:
    assert read_size(io.BytesIO(data)) is None


def test_every_prefix_of_a_real_file_is_safe() -> None:
    for data in (png(30, 20), gif(30, 20), jpeg(30, 20), webp_vp8x(30, 20), webp_vp8l(30, 20)):
        for cut in range(len(data)):
            read_size(io.BytesIO(data[:cut]))  # must not raise


def test_random_bytes_never_raise() -> None:
    generator = random.Random(1200630)
    prefixes = [b"", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8", b"RIFF\x00\x00\x00\x00WEBP", b"<svg "]
    for _ in range(2000):
        data = generator.choice(prefixes) + generator.randbytes(generator.randrange(64))
        size = read_size(io.BytesIO(data))
        assert size is None or (size[0] > 0 and size[1] > 0)


def test_files(tmp_path: Path) -> None:
    (tmp_path / "cover.png").write_bytes(png(600, 315))
    (tmp_path / "garbage.jpg").write_bytes(b"not an image at all")
    assert image_size(tmp_path / "cover.png") == (600, 315)
    assert image_size(tmp_path / "garbage.jpg") is None
    assert image_size(tmp_path / "missing.png") is None
    assert image_size(tmp_path) is None  # a folder
