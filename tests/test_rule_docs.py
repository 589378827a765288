"""docs/rules/ holds one page per rule, as the rule documents itself (linked from SARIF)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .conftest import ROOT


def test_rule_pages_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("build_rule_docs", ROOT / "scripts" / "build_rule_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = ROOT / "docs" / "rules"
    stale = [name for name, text in module.pages().items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python scripts/build_rule_docs.py"
