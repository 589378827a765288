"""RUN: problems of the run itself, reported by the engine rather than checked."""

from __future__ import annotations

from collections.abc import Iterator

from seolint.source.document import Document
from seolint.findings import Severity, Violation
from seolint.rules import NoOptions, Rule


def reported_by_engine(doc: Document, options: NoOptions) -> Iterator[Violation]:
    """The engine emits these findings itself; there is nothing to check per document."""
    return iter(())


RULES = (
    Rule(
        "RUN001", "file-unreadable", Severity.ERROR, reported_by_engine,
        what="Reports a path that cannot be read: permission denied, a folder where a file "
        "was expected or that cannot be listed, a named pipe, socket or device (never read: "
        "it could block or never end), or a file that vanished during the run.",
        why="An article seolint cannot read is an article nobody checked; the run says so "
        "instead of passing silently.",
        references=("DESIGN.md: bad input never crashes the run",),
    ),
    Rule(
        "RUN002", "internal-error", Severity.ERROR, reported_by_engine,
        what="Reports a rule that raised an exception on a file, naming the rule and the "
        "exception; the other rules and files still run.",
        why="Any RUN002 is a bug in seolint: please report it with the file. The run fails "
        "so that a crash never passes for a clean result.",
        references=("seolint issue tracker",),
    ),
    Rule(
        "RUN003", "file-too-large", Severity.ERROR, reported_by_engine,
        what="Reports a file larger than `max-file-size` (10 MB by default; config key "
        "`max-file-size` or `--max-file-size`, in bytes or with KB, MB, GB). The file is not "
        "read; this one finding says so.",
        why="The largest real article in the public sites seolint is tested on is 0.56 MB; a "
        "file twenty times larger is generated data or a mistake, and reading it whole could "
        "exhaust memory. The run fails so that an unchecked file never passes for a clean one.",
        references=("seolint's corpus of public sites: largest article 557,541 bytes (cpp-docs)",),
    ),
    Rule(
        "RUN004", "unknown-code", Severity.WARNING, reported_by_engine,
        what="Reports a code, name or prefix in a `seolint-disable` comment that names no rule "
        "(a typo such as `T0001`, or a rule of another version): it silences nothing.",
        why="A suppression that silences nothing looks like one that works; the writer who "
        "typed it believes the finding is handled. ruff reports unknown codes in `noqa` "
        "comments for the same reason (RUF100 and its warning on unknown codes).",
        example="<!-- seolint-disable-next-line L0003 -->\nRead more [here](https://example.org/).",
        use_instead="<!-- seolint-disable-next-line L003 -->\nRead more [here](https://example.org/).",
        references=("ruff: unused-noqa (RUF100)",),
    ),
)
