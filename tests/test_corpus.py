"""Smoke test over real public content in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import CORPUS

FOLDERS = ["astro-docs-fr", "putaindecode", "rust-blog", "cilium-blog", "markdownlint-tests", "cpp-docs"]


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS)
def test_corpus_runs_clean(folder: str, seolint: Any, tmp_path: Path) -> None:
    path = CORPUS / folder
    if not path.is_dir():
        pytest.skip(f"{path} is not here")
    result = seolint("check", "--output-format", "json", path, cwd=tmp_path)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    findings = result.json()
    crashes = [f"{f['path']}: {f['message']}" for f in findings if f["code"] == "RUN002"]
    assert crashes == []
    assert findings, "real content always has something to say"
