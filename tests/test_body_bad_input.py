"""Hostile bodies: findings or a clean result, never a traceback, and the run goes on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

FRONT = "---\ntitle: Hostile body for the parser\ndescription: x\ndate: 2024-01-01\n---\n\n"

CASES = {
    "unclosed-fence": "Intro.\n\n```python\nnever closed\n\n## Not a heading\n",
    "nested-lists": "- " * 10_000 + "item\n",
    "nested-quotes": ">" * 10_000 + " deep\n",
    "nul-and-scripts": "Text with a \x00 NUL byte, 日本語, русский and عربى side by side.\n",
    "emphasis-storm": "*" * 50_000 + "a" + "_" * 50_000 + "\n",
    "bracket-storm": "[" * 20_000 + "x" + "]" * 20_000 + "(y)\n",
    "shortcodes-unclosed": "{{< figure src=\"x\" \n{% include x\n<Steps>\n:::note\n> [!NOTE\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_body(seolint: Any, write: Any, isolated: Path, name: str) -> None:
    write("bad.md", FRONT + CASES[name])
    write("good.md", FRONT.replace("Hostile body for the parser", "A fine article") + "Short text.\n")
    result = seolint("check", "--no-cache", "--output-format", "json", ".")
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    findings = result.json()
    assert not [f for f in findings if f["code"] in ("RUN001", "RUN002")]
    assert any(f["path"] == "good.md" for f in findings)  # the run went on


@pytest.mark.slow
@pytest.mark.parametrize("name", ["table", "paragraph"])
def test_large_bodies_finish(seolint: Any, write: Any, isolated: Path, name: str) -> None:
    body = "| a | b |\n|---|---|\n" + "| x | y |\n" * 50_000 if name == "table" else "word " * 1_000_000
    write("big.md", FRONT + body + "\n")
    result = seolint("check", "--no-cache", "--output-format", "json", "big.md")
    assert result.code in (0, 1) and "Traceback" not in result.err
    codes = {f["code"] for f in result.json()}
    assert "RUN002" not in codes
    if name == "paragraph":
        assert "C002" in codes  # one paragraph of a million words is too long
