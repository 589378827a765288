"""RUN: problems of the run itself, reported by the engine rather than checked."""

from __future__ import annotations

from collections.abc import Iterator

from seolint.document import Document
from seolint.findings import Severity, Violation
from seolint.rules import NoOptions, Rule


def reported_by_engine(doc: Document, options: NoOptions) -> Iterator[Violation]:
    """The engine emits these findings itself; there is nothing to check per document."""
    return iter(())


RULES = (
    Rule(
        "RUN001", "file-unreadable", Severity.ERROR, reported_by_engine,
        what="Reports a path that cannot be read: permission denied, a folder where a file "
        "was expected, or a file that vanished during the run.",
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
)
