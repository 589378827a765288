"""Build ``rules/fonts/liberation-sans.json``, the advance-width table behind T002 and D002.

Search results set titles and descriptions in Arial. Liberation Sans is metric-compatible with
Arial (same advance for every glyph they share) and free to read, so its ``hmtx`` table stands
in for Arial's. This script is the only place fontTools and the font are needed; the linter
reads the JSON it writes (see ``seolint/language/width.py``).

The table holds:

* ``units_per_em``, from ``head``;
* ``default_advance``: the font's own average advance, ``OS/2.xAvgCharWidth``, for characters
  it lacks. That average is wider than a lowercase letter, which errs towards warning: most
  missing characters are CJK, symbols or emoji, which render wider than Latin text;
* ``runs``: the advance of every BMP character in the cmap, as ``[first, [w1, w2, ...]]``
  runs of consecutive code points, to keep the file small;
* ``synthesized``: characters the font lacks but a browser draws without falling back to
  another font, with where their width comes from. Like HarfBuzz (which Chrome shapes with),
  a missing Unicode space is drawn with the space glyph at a width fixed by its definition
  (U+202F narrow no-break space, common in French, is half a space), and a missing
  default-ignorable format character (zero width space, joiners, BOM) takes no room.

Run ``apt-get install fonts-liberation`` (Debian) for the font and ``pip install fonttools``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

DEFAULT_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "rules" / "fonts" / "liberation-sans.json"

BMP_END = 0xFFFF
NAME_FULL = 4
NAME_VERSION = 5

Advances = dict[int, int]
# How wide a missing character is drawn, given the advances the font has and its em size.
Rule = tuple[str, Callable[[Advances, int], float]]


def _em(numerator: int, denominator: int = 1) -> Rule:
    """A space defined as a fraction of the em."""
    what = f"{numerator}/{denominator} em" if denominator != 1 else f"{numerator} em"
    return (what, lambda _advances, em: em * numerator / denominator)


def _like(char: str, denominator: int = 1) -> Rule:
    """A space defined by a glyph the font has (figure space = a digit, and so on)."""
    what = f"U+{ord(char):04X}" + (f"/{denominator}" if denominator != 1 else "")
    return (what, lambda advances, _em_size: advances[ord(char)] / denominator)


ZERO: Rule = ("ignorable", lambda _advances, _em_size: 0)

# Spaces at the widths Unicode defines for them (chart U+2000), as HarfBuzz draws them when a
# font lacks them, then the default-ignorable format characters, which take no room.
FALLBACKS: dict[int, Rule] = {
    0x2000: _em(1, 2), 0x2001: _em(1), 0x2002: _em(1, 2), 0x2003: _em(1),
    0x2004: _em(1, 3), 0x2005: _em(1, 4), 0x2006: _em(1, 6),
    0x2007: _like("0"), 0x2008: _like("."),
    0x2009: _em(1, 5), 0x200A: _em(1, 16),
    0x202F: _like(" ", 2), 0x205F: _em(4, 18), 0x3000: _em(1),
    **{code: ZERO for code in (*range(0x200B, 0x2010), *range(0x202A, 0x202F))},
    **{code: ZERO for code in (*range(0x2060, 0x2065), 0xFEFF)},
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Write the Liberation Sans advance-width table used by seolint/language/width.py."
    )
    parser.add_argument("--font", type=Path, default=DEFAULT_FONT,
                        help=f"LiberationSans-Regular.ttf (default: {DEFAULT_FONT})")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="where to write the table (default: rules/fonts/liberation-sans.json)")
    return parser.parse_args(argv)


def font_advances(font: Any) -> Advances:
    """The advance width of each BMP code point the font maps to a glyph."""
    metrics = font["hmtx"]
    return {
        code: int(metrics[glyph][0])
        for code, glyph in font.getBestCmap().items()
        if code <= BMP_END
    }


def synthesized(advances: Advances, em: int) -> dict[int, tuple[int, str]]:
    """Widths, and their origin, for the fallback characters that the font lacks."""
    return {
        code: (round(width(advances, em)), what)
        for code, (what, width) in FALLBACKS.items()
        if code not in advances
    }


def runs(advances: Advances) -> list[list[Any]]:
    """``[[first, [w, ...]], ...]``: one entry per stretch of consecutive code points."""
    result: list[list[Any]] = []
    previous = -2
    for code in sorted(advances):
        if code != previous + 1:
            result.append([code, []])
        result[-1][1].append(advances[code])
        previous = code
    return result


def name(font: Any, name_id: int) -> str:
    value = font["name"].getDebugName(name_id)
    if value is None:
        raise ValueError(f"the font has no name record {name_id}")
    return str(value)


def build_table(font: Any, source: Path) -> dict[str, Any]:
    em = int(font["head"].unitsPerEm)
    advances = font_advances(font)
    extra = synthesized(advances, em)
    return {
        "about": "Advance widths of Liberation Sans (metric-compatible with Arial), in font units. "
        "Generated by scripts/build_font_metrics.py; do not edit.",
        "source": {"file": source.name, "name": name(font, NAME_FULL),
                   "version": name(font, NAME_VERSION)},
        "units_per_em": em,
        "default_advance": int(font["OS/2"].xAvgCharWidth),
        "default_advance_from": "OS/2 xAvgCharWidth",
        "runs": runs(advances | {code: width for code, (width, _) in extra.items()}),
        "synthesized": [[code, what] for code, (_, what) in sorted(extra.items())],
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.font.is_file():
        print(f"error: no font at {args.font} (apt-get install fonts-liberation, or pass --font)",
              file=sys.stderr)
        return 1
    table = build_table(TTFont(args.font, lazy=True), args.font)
    text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode())} bytes, {len(table['runs'])} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
