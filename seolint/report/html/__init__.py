"""The audit report as one self-contained HTML page (``--report html:PATH``), for SEO teams.

Sections: a header (version, articles, findings by severity, mean score); two charts drawn
here as inline SVG (scores in bands of 10, reading ease by language); the table of articles,
sortable and filterable, each row expanding to its findings; the findings per rule; the
findings of the rules across articles. Everything is inline: no script, style, font or image
is fetched, so the file can be mailed, archived or opened offline.

Without JavaScript the page is complete but static. With it, the table sorts (header
buttons, ``aria-sort``), filters, and lists a row's findings on demand from one JSON blob,
so that 10,000 articles stay a few megabytes. The view is mirrored in the URL fragment, so a
filtered view can be shared: ``#q=guide&lang=fr&rule=X005&errors=1&min=0&max=50&sort=-score``
(text in path or title, language, articles with findings of a rule, only articles with errors,
score range, sort column with ``-`` for descending; columns: path title lang score errors
warnings infos words ease). Unsorted, the articles come worst first (most errors, then most
warnings, then lowest score), and the rules are triaged: errors first, then by count; a click
on a rule's code filters the articles by it. Paths open the file: at the finding's line
through the ``--editor-url`` pattern (``vscode://file/{path}:{line}:{column}``), else as a
link relative to the report's folder.

Every path, title and message is article content, hence untrusted: all of it goes through
:func:`.markup.safe_text`, and the JSON blob is escaped so that nothing in it can close its ``<script>``.

The page speaks the run's language (``seolint.i18n.speaking``): its words are messages of the
catalogue, ``<html lang>`` names the language, and the script's own words (the count of
articles shown, the sort buttons' titles, a row's findings) come in the JSON blob, each
plural message as its two forms, which the script picks with ``Intl.PluralRules``.
"""

from __future__ import annotations

import json
import os
import statistics
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import NamedTuple
from urllib.parse import quote

from seolint import __version__
from seolint.audit import Audit, Row
from seolint.findings import Finding, Severity
from seolint.i18n import Message, current, msg, msg_in, msg_n, say
from seolint.report._common import counts, severity_word
from seolint.report.html.charts import band_class, charts
from seolint.report.html.markup import UNPRINTABLE, number, safe_text


class Column(NamedTuple):
    key: str  # in the URL fragment: sort=KEY
    label: Message
    numeric: bool


COLUMNS = (
    Column("path", msg("File"), False), Column("title", msg_in("column", "Title"), False),
    Column("lang", msg("Language"), False), Column("score", msg("Score"), True),
    Column("errors", msg("Errors"), True), Column("warnings", msg("Warnings"), True),
    Column("infos", msg("Infos"), True), Column("words", msg("Words"), True),
    Column("ease", msg("Reading ease"), True),
)


def render(audit: Audit) -> str:
    rows = sorted(audit.rows, key=_worst_first)
    links = Links(audit.editor_url, audit.report_dir or os.getcwd())
    main = "".join((
        _header(audit, rows), charts(rows), _articles(rows, links),
        _rules(audit), _cross(audit.cross_findings, links),
    ))
    title = say(msg_n("SEO audit: {count} articles", "SEO audit: {count} articles", len(rows)))
    return (
        f'<!DOCTYPE html>\n<html lang="{current()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="seolint {__version__}">\n'
        f"<title>{title}</title>\n<style>\n{_asset('audit.css')}</style>\n</head>\n"
        f"<body>\n<main>\n{main}</main>\n"
        f'<script type="application/json" id="findings-data">{_findings_json(rows, audit.findings, links)}'
        f"</script>\n<script>\n{_asset('audit.js')}</script>\n</body>\n</html>\n"
    )


def _worst_first(row: Row) -> tuple[int, int, int, str]:
    """Articles with the most errors first, then the most warnings, then the lowest score."""
    return (-row.errors, -row.warnings, row.score, row.path)


class Links:
    """Where a finding's path and line open: the ``--editor-url`` pattern ({path}, {line},
    {column}), or else the file itself, relative to the report's folder (no line: a browser
    opens a file at its top)."""

    def __init__(self, pattern: str | None, report_dir: str) -> None:
        self.pattern = pattern
        self.report_dir = report_dir

    def file(self, path: str) -> str:
        """The link of a path, or the base the script puts the line and column into."""
        where = os.path.abspath(path)
        if self.pattern is None:
            return _quoted(os.path.relpath(where, self.report_dir), "/")
        return self.pattern.replace("{path}", _quoted(where, "/:"))

    def at(self, path: str, line: int, column: int = 1) -> str:
        return self.file(path).replace("{line}", str(line)).replace("{column}", str(column))


def _quoted(path: str, safe: str) -> str:
    """A path in a URL: its bytes as the file system has them, percent-encoded (a name that
    is not UTF-8 keeps its bytes)."""
    return quote(os.fsencode(path.replace(os.sep, "/")), safe=safe)


# --- header -----------------------------------------------------------------------------------

def _header(audit: Audit, rows: list[Row]) -> str:
    found = counts(audit.findings)
    mean = number(statistics.fmean(row.score for row in rows), ".1f") if rows else "–"
    with_errors = sum(1 for row in rows if row.errors)
    cards = [
        (msg("Articles"), number(len(rows)), msg_n("{count:,} with errors", "{count:,} with errors", with_errors), ""),
        (msg("Mean score"), mean, msg("out of 100"), ""),
        *((label, number(found[severity]), msg_n("finding", "findings", found[severity]), severity.value)
          for severity, label in ((Severity.ERROR, msg("Errors")), (Severity.WARNING, msg("Warnings")),
                                  (Severity.INFO, msg("Infos")))),
    ]
    items = "".join(
        f'<div class="card {kind}"><dt>{say(label)}</dt><dd><strong>{value}</strong> {say(note)}</dd></div>'
        for label, value, note, kind in cards
    )
    checked = say(msg_n("{count:,} file checked", "{count:,} files checked", audit.files))
    scores = say(msg("scores: 100 minus 15 per error, 5 per warning, 1 per info"))
    heading = say(msg("SEO audit"))
    return (
        f'<header><h1>{heading}</h1><p class="muted">seolint {safe_text(__version__)} · '
        f'{checked} · {scores}</p><dl class="cards">{items}</dl></header>\n'
    )


# --- articles ---------------------------------------------------------------------------------

def _articles(rows: list[Row], links: Links) -> str:
    langs = sorted({row.profile.lang for row in rows})
    unknown = say(msg("unknown"))
    options = "".join(f'<option value="{safe_text(lang)}">{safe_text(lang or unknown)}</option>'
                      for lang in langs)
    heads = "".join(f'<th scope="col" data-key="{c.key}"{" data-num" if c.numeric else ""}>{say(c.label)}</th>'
                    for c in COLUMNS)
    body = "".join(_row(i, row, links) for i, row in enumerate(rows))
    w = _said(articles=msg("Articles"), search=msg("Search"), q=msg("path or title"), lang=msg("Language"),
              all=msg("all"), rule=msg("Rule"), errors=msg("only with errors"), min=msg("Score from"),
              max=msg("to"), count=msg_n("{count:,} article", "{count:,} articles", len(rows)))
    return (
        f'<section id="articles"><h2>{w["articles"]}</h2>'
        '<form class="filters" hidden role="search" aria-controls="articles-table">'
        f'<label>{w["search"]} <input type="search" id="f-q" placeholder="{w["q"]}"></label>'
        f'<label>{w["lang"]} <select id="f-lang"><option value="">{w["all"]}</option>{options}</select></label>'
        f'<label>{w["rule"]} <select id="f-rule"><option value="">{w["all"]}</option></select></label>'
        f'<label><input type="checkbox" id="f-errors"> {w["errors"]}</label>'
        f'<label>{w["min"]} <input type="number" id="f-min" min="0" max="100" inputmode="numeric"></label>'
        f'<label>{w["max"]} <input type="number" id="f-max" min="0" max="100" inputmode="numeric"></label>'
        '</form>'
        f'<p id="count" aria-live="polite">{w["count"]}</p>'
        '<div class="scroll"><table id="articles-table"><thead><tr>'
        f"{heads}</tr></thead><tbody>{body}</tbody></table></div></section>\n"
    )


def _row(index: int, row: Row, links: Links) -> str:
    p = row.profile
    ease = "—" if p.reading_ease is None else number(p.reading_ease, ".1f")
    title = safe_text(p.title) if p.title else '<span class="muted">—</span>'
    flagged = ("e" if row.errors else "", "w" if row.warnings else "", "")
    counts_html = "".join(f'<td class="num {flag}">{value}</td>'
                          for value, flag in zip((row.errors, row.warnings, row.infos), flagged))
    return (
        f'<tr data-i="{index}" data-lang="{safe_text(p.lang)}"><td class="path">'
        f'<a href="{safe_text(links.at(p.path, 1))}">{_path(p.path)}</a></td>'
        f"<td>{title}</td><td>{safe_text(p.lang or '—')}</td>"
        f'<td class="num"><span class="score {band_class(row.score)}">{row.score}</span></td>'
        f'{counts_html}<td class="num">{p.words}</td><td class="num">{ease}</td></tr>'
    )


def _path(path: str) -> str:
    """A path that may wrap after each slash, and only there."""
    return safe_text(path).replace("/", "/<wbr>")


def _findings_json(rows: list[Row], findings: Iterable[Finding], links: Links) -> str:
    """Each row's findings as ``[line, column, rule, message, hint]``, where rule indexes
    ``rules`` (code, name, severity) and message and hint index ``texts`` (-1: no hint): the
    repeated strings are stored once. ``files`` holds each row's link with ``{line}`` and
    ``{column}`` left for the script to fill (none in a relative file link)."""
    index = {row.path: i for i, row in enumerate(rows)}
    rules: dict[tuple[str, str, str], int] = {}
    texts: dict[str, int] = {}
    per_row: list[list[tuple[int, int, int, int, int]]] = [[] for _ in rows]
    for f in findings:
        i = index.get(f.path)
        if i is None:
            continue
        rule = rules.setdefault((f.code, f.name, f.severity.value), len(rules))
        message = texts.setdefault(UNPRINTABLE.sub("\ufffd", f.message), len(texts))
        hint = texts.setdefault(UNPRINTABLE.sub("\ufffd", f.hint), len(texts)) if f.hint else -1
        per_row[i].append((f.line, f.column, rule, message, hint))
    files = [links.file(row.path) for row in rows]
    blob = {"rules": list(rules), "texts": list(texts), "rows": per_row, "files": files, "words": _script_words()}
    return _script_safe(json.dumps(blob, ensure_ascii=False, separators=(",", ":")))


def _script_words() -> dict[str, object]:
    """The script's own words in the run's language, with ``{placeholders}`` it fills; a
    plural message as its two forms (one, other). The count is given as its placeholder, so
    that the catalogue's form for 1 and for 2 come out with ``{count}`` still in them."""
    return {
        "shown": [say(msg_n("{shown} of {count} articles", "{shown} of {count} articles", n,
                            shown="{shown}", count="{count}")) for n in (1, 2)],
        "sort": say(msg("Sort by {column}", column="{column}")),
        "heads": [say(word) for word in (msg("Line"), msg("Code"), msg("Severity"), msg("Message"))],
        "severities": {severity.value: severity_word(severity) for severity in Severity},
        "show": [say(msg_n("Show {count} finding", "Show {count} findings", n, count="{count}")) for n in (1, 2)],
    }


def _script_safe(text: str) -> str:
    """JSON that no HTML parser can end early: no ``<`` (so no ``</script>`` or ``<!--``), no
    ``>`` or ``&``, and no U+2028/U+2029 (line ends to older JavaScript)."""
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


# --- rules and findings across articles -------------------------------------------------------

def _severity(severity: Severity) -> str:
    return f'<span class="sev {severity.value}">{severity_word(severity)}</span>'


def _triage(item: tuple[str, str, Severity, int]) -> tuple[int, int, str]:
    """Errors first, then warnings, then infos; within each, the most frequent first."""
    code, _, severity, count = item
    return (-severity.rank, -count, code)


def _rules(audit: Audit) -> str:
    affected: dict[str, set[str]] = defaultdict(set)
    for finding in audit.findings:
        affected[finding.code].add(finding.path)
    lines = "".join(
        f'<tr><td><a href="#rule={safe_text(code)}" class="rule" title="{_show_rule(code)}">'
        f'{safe_text(code)}</a></td><td>{safe_text(name)}</td>'
        f'<td>{_severity(severity)}</td><td class="num">{number(count)}</td>'
        f'<td class="num">{number(len(affected[code]))}</td></tr>'
        for code, name, severity, count in sorted(audit.rule_counts(), key=_triage)
    )
    w = _said(code=msg("Code"), rule=msg("Rule"), severity=msg("Severity"), findings=msg("Findings"),
              articles=msg("Articles"), none=msg("No findings."), heading=msg("Findings per rule"),
              note=msg("Errors first, then warnings, then infos; the most frequent first. "
                       "A rule's code shows the articles that have it."))
    table = (
        f'<table><thead><tr><th scope="col">{w["code"]}</th><th scope="col">{w["rule"]}</th>'
        f'<th scope="col">{w["severity"]}</th><th scope="col" class="num">{w["findings"]}</th>'
        f'<th scope="col" class="num">{w["articles"]}</th></tr></thead>'
        f"<tbody>{lines}</tbody></table>" if lines else f'<p class="muted">{w["none"]}</p>'
    )
    note = f'<p class="muted">{w["note"]}</p>' if lines else ""
    return f'<section id="rules"><h2>{w["heading"]}</h2>{note}<div class="scroll">{table}</div></section>\n'


def _show_rule(code: str) -> str:
    return say(msg("Show the articles with {code}", code=safe_text(code)))


def _said(**words: Message) -> dict[str, str]:
    """Each of the page's words in the run's language, by a short name for the markup."""
    return {name: say(word) for name, word in words.items()}


def _cross(findings: list[Finding], links: Links) -> str:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.code].append(finding)
    content = "".join(_cross_group(code, group, links) for code, group in sorted(by_code.items()))
    w = _said(heading=msg("Across articles"), none=msg("No findings across articles."),
              what=msg("Duplicate titles and descriptions, broken links between articles, cannibalized keyphrases, "
                       "orphans."))
    return (
        f'<section id="cross"><h2>{w["heading"]}</h2><p class="muted">{w["what"]}</p>'
        f'{content or "<p class=muted>" + w["none"] + "</p>"}</section>\n'
    )


def _cross_group(code: str, group: list[Finding], links: Links) -> str:
    """One rule's findings; a message or hint that all of them share is written once, above
    the table (10,000 orphan articles are 10,000 times the same sentence)."""
    messages, hints = {f.message for f in group}, {f.hint for f in group}
    (message_once,), (hint_once,) = (sorted(messages)[:1], sorted(hints)[:1])
    shared = (f"<p>{safe_text(message_once)}</p>" if len(messages) == 1 else "") + (
        f'<p class="muted">{safe_text(hint_once)}</p>' if len(hints) == 1 and hint_once else "")
    varied = len(messages) > 1 or len(hints) > 1

    def message(f: Finding) -> str:
        hint = f'<br><span class="muted">{safe_text(f.hint)}</span>' if f.hint and len(hints) > 1 else ""
        return f"<td>{safe_text(f.message) if len(messages) > 1 else ''}{hint}</td>" if varied else ""

    lines = "".join(f'<tr><td class="path"><a href="{safe_text(links.at(f.path, f.line, f.column))}">{_path(f.path)}</a>'
                    f'</td><td class="num">{f.line}</td>'
                    f"{message(f)}</tr>" for f in group)
    severities = " ".join(_severity(s) for s in sorted({f.severity for f in group}, key=lambda s: -s.rank))
    rule = f"<strong>{safe_text(code)}</strong> {safe_text(group[0].name)} {severities}"
    summary = say(msg_n("{rule}: {count:,} finding", "{rule}: {count:,} findings", len(group), rule=rule))
    file, line, message_head = say(msg("File")), say(msg("Line")), say(msg("Message"))
    return (
        f"<details{' open' if len(group) <= 20 else ''}><summary>{summary}</summary>{shared}"
        f'<div class="scroll"><table><thead><tr><th scope="col">{file}</th><th scope="col" class="num">'
        f'{line}</th>{f"<th scope=col>{message_head}</th>" if varied else ""}</tr></thead><tbody>{lines}</tbody>'
        "</table></div></details>"
    )


@cache
def _asset(name: str) -> str:
    """The page's style sheet and script, kept beside this module as plain files."""
    return (files(__package__) / name).read_text(encoding="utf-8")
