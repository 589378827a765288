"""Pixel widths from the Liberation Sans table (``seolint/language/width.py``)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from seolint._data import rules_dir
from seolint.language.width import chars_to_drop, text_width

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
TITLE = "Le réseau professionnel : le guide complet pour développer le vôtre en 2025"
FRENCH = "« L’été à Paris », dit-elle\u00a0: c’est\u202fça\u202f!"


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((rules_dir() / "fonts" / "liberation-sans.json").read_text())
    return data


def units(char: str, table: dict[str, Any]) -> float:
    """A character's advance in font units: its width at a size of one em."""
    return text_width(char, table["units_per_em"])


def test_table_is_small_and_sorted(table: dict[str, Any]) -> None:
    path = rules_dir() / "fonts" / "liberation-sans.json"
    assert path.stat().st_size < 100_000
    starts = [first for first, _ in table["runs"]]
    assert starts == sorted(starts)
    ends = [first + len(widths) for first, widths in table["runs"]]
    assert all(end < start for end, start in zip(ends, starts[1:]))  # runs are merged
    assert table["units_per_em"] == 2048
    assert table["source"]["name"] == "Liberation Sans"


def test_empty_text_is_zero_wide() -> None:
    assert text_width("", 20) == 0
    assert chars_to_drop("", 20, 0) == 0


def test_narrow_letters_are_narrower_than_wide_ones() -> None:
    assert text_width("iiii", 20) < text_width("WWWW", 20)
    assert text_width("iiii", 20) == pytest.approx(4 * 455 * 20 / 2048)
    assert text_width("WWWW", 20) == pytest.approx(4 * 1933 * 20 / 2048)


def test_width_scales_with_font_size() -> None:
    assert text_width(TITLE, 14) == pytest.approx(text_width(TITLE, 20) * 14 / 20)


def test_matches_the_font_itself(table: dict[str, Any]) -> None:
    """The table agrees with the font read directly, when the font is installed."""
    ttlib = pytest.importorskip("fontTools.ttLib")
    if not FONT.is_file():
        pytest.skip(f"{FONT} is not installed (Debian package fonts-liberation)")
    font = ttlib.TTFont(FONT, lazy=True)
    if font["name"].getDebugName(5) != table["source"]["version"]:
        pytest.skip("the installed font is not the version the table was built from")
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    expected = sum(hmtx[cmap[ord(char)]][0] for char in TITLE) * 20 / font["head"].unitsPerEm
    assert text_width(TITLE, 20) == pytest.approx(expected)
    assert text_width(TITLE, 20) == pytest.approx(674.892578125)


@pytest.mark.parametrize("char", ["é", "à", "ô", "’", "«", "»", "\u00a0", "\u202f"])
def test_french_characters_have_their_own_widths(char: str, table: dict[str, Any]) -> None:
    assert units(char, table) != table["default_advance"]
    assert 0 < units(char, table) < table["units_per_em"]


def test_french_characters_have_real_widths(table: dict[str, Any]) -> None:
    assert units("é", table) == units("e", table) == 1139
    assert units("à", table) == units("a", table) == 1139
    assert units("’", table) == 455
    assert units("«", table) == units("»", table) == 1139
    assert units("\u00a0", table) == units(" ", table) == 569
    assert units("\u202f", table) == 284  # missing from the font: half a space, as HarfBuzz does


def test_missing_characters_use_the_default(table: dict[str, Any]) -> None:
    assert units("中", table) == table["default_advance"]
    assert units("\u200b", table) == 0  # zero width space


def test_decomposed_text_measures_like_composed_text() -> None:
    decomposed = unicodedata.normalize("NFD", FRENCH)
    assert decomposed != FRENCH
    assert text_width(decomposed, 20) == text_width(FRENCH, 20)


def test_combining_marks_take_no_room() -> None:
    assert text_width("q\u0301\u0327", 20) == text_width("q", 20)  # no precomposed form


@pytest.mark.parametrize("max_px", [1000, 674.892578125])
def test_nothing_to_drop_when_it_fits(max_px: float) -> None:
    assert chars_to_drop(TITLE, 20, max_px) == 0


@pytest.mark.parametrize("max_px", [674.8, 580, 500, 123.4, 12])
def test_drops_the_fewest_characters_that_make_it_fit(max_px: float) -> None:
    drop = chars_to_drop(TITLE, 20, max_px)
    assert 0 < drop < len(TITLE)
    assert text_width(TITLE[: len(TITLE) - drop], 20) <= max_px
    assert text_width(TITLE[: len(TITLE) - drop + 1], 20) > max_px


def test_drop_count_on_a_real_title() -> None:
    assert chars_to_drop(TITLE, 20, 580) == 10  # cut after "le vôt"
    assert chars_to_drop(TITLE, 20, 0) == len(TITLE)
