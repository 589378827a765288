"""Where the data files from ``rules/`` live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def rules_dir() -> Path:
    """The folder holding presets, language data and font metrics.

    A wheel carries it as ``seolint/_rules``; a source checkout (editable install, tests)
    keeps it at the repository root as ``rules/``.
    """
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    if installed.is_dir():
        return installed
    return here.parent / "rules"
