"""Output formats: each module turns the run's findings into text."""

from __future__ import annotations

from collections.abc import Callable

from seolint.findings import Finding
from seolint.report import concise, full, github, gitlab, json_format, junit, markdown, rdjson, sarif

Formatter = Callable[[list[Finding], int, bool], str]

FORMATS: dict[str, Formatter] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "rdjson": rdjson.render,
    "markdown": markdown.render,
}
