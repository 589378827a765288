"""seolint's code-point columns become LSP's columns in one place (seolint.lsp.positions)."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol")

from lsprotocol import types  # noqa: E402

from seolint.findings import Finding, Severity  # noqa: E402
from seolint.lsp.positions import (  # noqa: E402
    UTF8, UTF16, UTF32, diagnostic, lsp_column, offset_position, seolint_column, split_lines,
)

# "é" is one code point, one UTF-16 unit, two UTF-8 bytes; "e" + U+0301 is two code points;
# 😀 (U+1F600) and 𝔘 (U+1D518) are outside the BMP: two UTF-16 units, four UTF-8 bytes.
LINE = "Café 😀 de\u0301jà 𝔘 [ici](x)"


def test_columns_after_astral_characters_and_accents() -> None:
    link = LINE.index("[") + 1  # seolint's 1-based code-point column
    assert link == 16
    assert lsp_column(LINE, link, UTF16) == 17  # 0-based, and two astral characters take 2 more
    assert lsp_column(LINE, link, UTF32) == 15
    assert lsp_column(LINE, link, UTF8) == len(LINE[: link - 1].encode("utf-8")) == 24
    assert lsp_column(LINE, 1) == 0
    assert lsp_column(LINE, 500) == len(LINE.encode("utf-16-le")) // 2  # clamped to the line


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_columns_round_trip(encoding: str) -> None:
    for column in range(1, len(LINE) + 2):
        assert seolint_column(LINE, lsp_column(LINE, column, encoding), encoding) == column


def test_a_diagnostic_has_the_clis_code_severity_message_and_link() -> None:
    finding = Finding("L003", "link-text-generic", Severity.WARNING, "Link text “ici” says nothing", "a.md",
                      2, 16, 2, 24, "Say where it leads.")
    found = diagnostic(["---", LINE], finding)
    assert found.range == types.Range(types.Position(1, 17), types.Position(1, 25))
    assert found.severity == types.DiagnosticSeverity.Warning
    assert found.code == "L003" and found.source == "seolint"
    assert found.message == "Link text “ici” says nothing\n\nSay where it leads."
    assert found.code_description is None  # no published home yet: no link to a missing page


def test_a_diagnostic_links_the_rules_page_under_the_configured_home(monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.report import _common

    monkeypatch.setattr(_common, "HOMEPAGE", "https://git.example.org/seo/seolint")
    finding = Finding("L003", "link-text-generic", Severity.WARNING, "m", "a.md", 2, 16, 2, 24)
    found = diagnostic(["---", LINE], finding)
    assert found.code_description is not None
    assert found.code_description.href == "https://git.example.org/seo/seolint/blob/main/docs/rules/L003.md"


def test_lines_end_only_at_cr_and_lf() -> None:
    assert split_lines("a\u2028b\r\nc\rd\n") == ["a\u2028b", "c", "d", ""]
    assert offset_position("ab\n😀x", 5) == types.Position(1, 3)
