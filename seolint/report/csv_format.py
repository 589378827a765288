"""One row per article, for spreadsheets: ``--report csv:audit.csv``.

Columns: path, title, language, score, errors, warnings, infos, words, reading ease (empty
when not measured). The file is UTF-8 with a byte-order mark, which Excel needs to read
accents right (LibreOffice, pandas with ``encoding="utf-8-sig"`` and Python's csv module
read it too), and RFC 4180 quoting with CRLF line ends. A cell that a spreadsheet would take
for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading apostrophe, as OWASP advises against CSV injection: titles are untrusted text.
"""

from __future__ import annotations

import csv
import io

from seolint.audit import Audit
from seolint.report._common import report_path

COLUMNS = ("path", "title", "language", "score", "errors", "warnings", "infos", "words", "reading_ease")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str | None) -> str:
    """Text as a spreadsheet shows it, never as a formula."""
    value = value or ""
    return "'" + value if value.startswith(_FORMULA) else value


def render(audit: Audit) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in audit.rows:
        item = row.profile
        ease = "" if item.reading_ease is None else f"{item.reading_ease:.1f}"
        writer.writerow([text_cell(report_path(item.path)), text_cell(item.title), item.lang, row.score,
                         row.errors, row.warnings, row.infos, item.words, ease])
    return "\ufeff" + out.getvalue()
