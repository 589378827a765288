"""Output formats: each module turns the run's findings into text.

Two families: the finding formats (``FORMATS``) print findings, for terminals and CI tools;
the audit formats (``AUDITS``) describe every article of a run (profile, score), for
``--report`` files. Audit formats are imported when used: the HTML report is large.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import import_module

from seolint.audit import Audit
from seolint.findings import Finding
from seolint.report import concise, full, github
from seolint.report.tally import Tally
from seolint.batch.store import FindingStore, Lines

Formatter = Callable[[list[Finding], int, bool], str]
Streamer = Callable[[Iterable[Finding], int, bool, bool], Iterator[str]]
AuditFormatter = Callable[[Audit], str]

class _Formats(Mapping[str, Formatter]):
    """Format name -> ``render``, each module imported when its format is first used: a
    run prints one format (JUnit's XML alone took 9 ms to import)."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, name: str) -> Formatter:
        render: Formatter = import_module(f"seolint.report.{self._modules[name]}").render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


FORMATS: Mapping[str, Formatter] = _Formats({
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
    "markdown": "markdown",
})

#: Audit format -> module with ``render(audit) -> str``.
AUDITS: dict[str, str] = {
    "html": "seolint.report.html",
    "csv": "seolint.report.csv_format",
    "summary": "seolint.report.summary_json",
}

#: The text formats that end with a summary line, which ``--quiet`` leaves out.
_WITH_FOOTER = {"full": full.render, "concise": concise.render}

#: The formats printed as the findings come, one file decoded at a time: the ones a large
#: folder is printed in. The others build one document (JSON, XML) from the whole list.
_STREAMS: dict[str, Streamer] = {"full": full.stream, "concise": concise.stream, "github": github.stream}


#: The formats whose lines depend only on each path's findings (and the working folder):
#: what a path prints can be kept from one run to the next (``FindingStore.rendered``).
#: ``full`` quotes the articles' lines, which its findings do not capture.
REUSABLE: dict[str, Callable[[list[Finding]], str]] = {"concise": concise.lines, "github": github.lines}

#: Whether each reusable format ends with the summary line even when quiet.
_ALWAYS_FOOTER = {"concise": False, "github": True}


def stream_encoded(name: str, findings: FindingStore, files: int, quiet: bool, known: Lines,
                   encode: Callable[[str], bytes]) -> Iterator[bytes | memoryview | str]:
    """``stream`` for a ``REUSABLE`` format, each path's lines encoded for the output by
    ``encode``: a path whose findings ``known`` holds the lines of is written as stored.
    The closing line stays text."""
    render = REUSABLE[name]
    yield from findings.rendered(lambda group: encode(render(group)), known)
    if _ALWAYS_FOOTER[name] or not quiet:
        tally = Tally(findings)
        yield tally.line(files) + "\n" + ("" if name == "github" else tally.fix_line())


def audit_formatter(name: str) -> AuditFormatter:
    render: AuditFormatter = import_module(AUDITS[name]).render
    return render


def render(name: str, findings: list[Finding], files: int, color: bool, quiet: bool = False) -> str:
    """The findings in format ``name``; ``quiet`` drops the closing summary line."""
    if quiet and name in _WITH_FOOTER:
        return _WITH_FOOTER[name](findings, files, color, footer=False)
    return FORMATS[name](findings, files, color)


def stream(name: str, findings: Iterable[Finding], files: int, color: bool, quiet: bool = False) -> Iterator[str]:
    """``render``, in pieces: the line formats yield as the findings come, the others once."""
    if name in _STREAMS:
        yield from _STREAMS[name](findings, files, color, not (quiet and name in _WITH_FOOTER))
    else:
        yield render(name, list(findings), files, color, quiet)
