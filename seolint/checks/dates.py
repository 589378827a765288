"""FM007–FM009: the front matter's dates — readable, not in the future, updated after publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import Field

from seolint.source.document import Document
from seolint.findings import FixSafety, SetKey, Severity, Violation
from seolint.i18n import msg, msg_n
from seolint.rules import NoOptions, Options, Rule


class DateOptions(Options):
    date_format: str | None = Field(
        None, description="strptime format of ambiguous dates such as 05/09/2022, e.g. %d/%m/%Y; "
        "with it the fix can rewrite them.",
    )


def date_invalid(doc: Document, options: DateOptions) -> Iterator[Violation]:
    from seolint.language.dates import read_date

    if doc.data is None:
        return
    for problem in doc.article.problems:
        if problem.code != "FM007":
            continue
        value = doc.data.get(problem.key)
        meant = read_date(value, options.date_format) if isinstance(value, str) else None
        fix = msg("Rewrite `{key}` as {date}", key=problem.key, date=meant.isoformat()) if meant else None
        hint = msg("Write it as {date}.", date=meant.isoformat()) if meant else problem.hint
        edits = (SetKey(problem.key, meant),) if meant else ()
        yield Violation(problem.message, doc.key_span(problem.key), hint, fix, edits)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def date_future(doc: Document, options: NoOptions) -> Iterator[Violation]:
    date = _as_date(doc.article.get("date")) if doc.data is not None else None
    if date is None or doc.article.get("draft") is True:
        return
    today = doc.settings.today
    if date > today:
        days = (date - today).days
        yield Violation(
            msg_n("Date {date} is {count} day in the future", "Date {date} is {count} days in the future", days,
                  date=date.isoformat()),
            doc.field_span("date"),
            msg("Many generators hide future posts; set `draft: true` or correct the date."),
        )


def updated_before_date(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is None:
        return
    date, updated = _as_date(doc.article.get("date")), _as_date(doc.article.get("updated"))
    if date is not None and updated is not None and updated < date:
        key = doc.article.keys["updated"]
        yield Violation(
            msg("`{key}` ({updated}) is earlier than the publication date ({date})", key=key,
                updated=updated.isoformat(), date=date.isoformat()),
            doc.field_span("updated"),
            msg("Set `{key}` to the day of the last real change, on or after {date}.", key=key, date=date.isoformat()),
        )


RULES = (
    Rule(
        "FM007", "date-invalid", Severity.ERROR, date_invalid, options=DateOptions,
        fix=FixSafety.SAFE,
        what="Reports a date that is not ISO 8601 or does not exist (2025-02-30). The fix "
        "rewrites unambiguous dates (2024/03/14, 14 March 2024, 14 mars 2024) as ISO 8601, "
        "and ambiguous ones (05/09/2022) only when `date-format` says how to read them. A date "
        "written as a mapping with `created` (Material for MkDocs' blog) is that date.",
        why="Sitemaps, feeds and structured data need ISO 8601 dates; an impossible or "
        "ambiguous date (05/09/2022) is read differently by different tools.",
        example="date: 05/09/2022",
        use_instead="date: 2022-09-05",
        references=("ISO 8601", "sitemaps.org lastmod (W3C Datetime)"),
    ),
    Rule(
        "FM008", "date-future", Severity.WARNING, date_future,
        what="Reports a publication date after today, unless the article is a draft.",
        why="Hugo and Jekyll skip future-dated posts by default, so the article silently "
        "does not appear; usually the year is mistyped.",
        example="date: 2062-01-10",
        use_instead="date: 2026-01-10",
        references=("Hugo buildFuture, Jekyll future settings",),
    ),
    Rule(
        "FM009", "updated-before-date", Severity.WARNING, updated_before_date,
        what="Reports an `updated`/`lastmod` date earlier than the publication date.",
        why="Search engines read `dateModified` as the freshness signal; one before "
        "`datePublished` is contradictory and may be ignored.",
        example="date: 2025-05-01\nupdated: 2025-04-01",
        use_instead="date: 2025-05-01\nupdated: 2025-06-01",
        references=("schema.org dateModified", "Google: dates in structured data"),
    ),
)
