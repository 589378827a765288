"""How wide a title or description renders in search results, in pixels.

Google sets result titles in Arial at 20 px and descriptions in Arial at 14 px (the sizes the
Rank Math and Yoast SERP previews use), and cuts a line that is too wide. The widths here come
from the advance widths of Liberation Sans Regular, which is metric-compatible with Arial:
``scripts/build_font_metrics.py`` reads them from the font once and stores them in
``rules/fonts/liberation-sans.json``, so neither the font nor fontTools is needed here.

It is an estimate: kerning, hinting and the fallback font used for characters Arial lacks
are ignored, and such characters count as the font's average advance.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from seolint._data import rules_dir


@dataclass(frozen=True)
class _Metrics:
    units_per_em: int
    default_advance: int
    advances: dict[str, int]


@cache
def _metrics() -> _Metrics:
    """The table, read on first use: most runs never measure a width."""
    path = rules_dir() / "fonts" / "liberation-sans.json"
    table: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    advances: dict[str, int] = {}
    for first, widths in table["runs"]:
        for offset, width in enumerate(widths):
            advances[chr(first + offset)] = int(width)
    return _Metrics(int(table["units_per_em"]), int(table["default_advance"]), advances)


def _advance(char: str, metrics: _Metrics) -> int:
    """Font units one character takes; combining marks sit on their base and take none."""
    width = metrics.advances.get(char)
    if width is not None:
        return width
    if unicodedata.category(char) == "Mn":
        return 0
    return metrics.default_advance


def _advances(text: str) -> list[int]:
    metrics = _metrics()
    return [_advance(char, metrics) for char in text]


def _scale(font_px: float) -> float:
    return font_px / _metrics().units_per_em


def visible(text: str) -> str:
    """The text as a result page shows it: NFC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_width(text: str, font_px: float) -> float:
    """The width of ``text`` set in Arial at ``font_px`` pixels, in pixels.

    The text is NFC-normalized first, so "é" typed as e + U+0301 measures like "é".
    """
    return sum(_advances(unicodedata.normalize("NFC", text))) * _scale(font_px)


def chars_to_drop(text: str, font_px: float, max_px: float) -> int:
    """How many characters to remove from the end of ``text`` for it to fit in ``max_px``.

    Search results cut a line at its end, so this is the count to shorten it by; 0 if it
    already fits (is at most ``max_px`` wide). Characters are counted in the NFC form, which
    is what the result page shows; a prefix of NFC text is still NFC, so each shortened text
    measures as ``text_width`` would measure it.
    """
    advances = _advances(unicodedata.normalize("NFC", text))
    scale = _scale(font_px)
    total = sum(advances)
    dropped = 0
    while dropped < len(advances) and total * scale > max_px:
        dropped += 1
        total -= advances[-dropped]
    return dropped
