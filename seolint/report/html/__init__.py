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
:func:`_text`, and the JSON blob is escaped so that nothing in it can close its ``<script>``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib.resources import files
from typing import NamedTuple
from urllib.parse import quote

from seolint import __version__
from seolint.audit import Audit, Row
from seolint.findings import Finding, Severity
from seolint.language.readability import formula
from seolint.report._common import counts


class Column(NamedTuple):
    key: str  # in the URL fragment: sort=KEY
    label: str
    numeric: bool


COLUMNS = (
    Column("path", "File", False), Column("title", "Title", False), Column("lang", "Language", False),
    Column("score", "Score", True), Column("errors", "Errors", True),
    Column("warnings", "Warnings", True), Column("infos", "Infos", True),
    Column("words", "Words", True), Column("ease", "Reading ease", True),
)

#: Lone surrogates (undecodable file names) and control characters cannot be written as UTF-8
#: or are invalid in HTML: each becomes U+FFFD.
_UNPRINTABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def render(audit: Audit) -> str:
    rows = sorted(audit.rows, key=_worst_first)
    links = Links(audit.editor_url, audit.report_dir or os.getcwd())
    main = "".join((
        _header(audit, rows), _charts(rows), _articles(rows, links),
        _rules(audit), _cross(audit.cross_findings, links),
    ))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="seolint {__version__}">\n'
        f"<title>SEO audit: {len(rows)} articles</title>\n<style>\n{_asset('audit.css')}</style>\n</head>\n"
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


def _text(value: object) -> str:
    """Any value as HTML text or attribute content."""
    return escape(_UNPRINTABLE.sub("\ufffd", str(value)), quote=True)


def _plural(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"


# --- header -----------------------------------------------------------------------------------

def _header(audit: Audit, rows: list[Row]) -> str:
    found = counts(audit.findings)
    mean = f"{statistics.fmean(row.score for row in rows):.1f}" if rows else "–"
    with_errors = sum(1 for row in rows if row.errors)
    cards = [
        ("Articles", f"{len(rows):,}", f"{with_errors:,} with errors", ""),
        ("Mean score", mean, "out of 100", ""),
        ("Errors", f"{found[Severity.ERROR]:,}", "findings", "error"),
        ("Warnings", f"{found[Severity.WARNING]:,}", "findings", "warning"),
        ("Infos", f"{found[Severity.INFO]:,}", "findings", "info"),
    ]
    items = "".join(
        f'<div class="card {kind}"><dt>{label}</dt><dd><strong>{value}</strong> {note}</dd></div>'
        for label, value, note, kind in cards
    )
    return (
        f'<header><h1>SEO audit</h1><p class="muted">seolint {_text(__version__)} · '
        f"{_plural(audit.files, 'file')} checked · scores: 100 minus 15 per error, 5 per warning, "
        f'1 per info</p><dl class="cards">{items}</dl></header>\n'
    )


# --- charts -----------------------------------------------------------------------------------

def _charts(rows: list[Row]) -> str:
    return (
        '<section class="charts" aria-label="Charts">'
        f"<figure>{_histogram([row.score for row in rows])}</figure>"
        f"<figure>{_ease_by_language(rows)}</figure></section>\n"
    )


def _svg(title: str, desc: str, width: int, height: int, content: str, ident: str) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'class="chart"><title id="{ident}-t">{_text(title)}</title>'
        f'<desc id="{ident}-d">{_text(desc)}</desc>{content}</svg>'
    )


def _band_class(score: float) -> str:
    return "bad" if score < 50 else "fair" if score < 80 else "good"


def _histogram(scores: list[int]) -> str:
    """Articles per band of 10 points of score; the last band, 90–100, includes 100."""
    bands = [0] * 10
    for value in scores:
        bands[min(value // 10, 9)] += 1
    labels = [f"{10 * i}–{10 * i + 9}" for i in range(9)] + ["90–100"]
    top, step = _nice_scale(max(bands))
    left, plot_w, plot_h, base = 52, 440, 180, 210
    bar_w = plot_w / 10
    parts = [_axes(left, base, plot_w, plot_h, top, step, "Articles")]
    for i, count in enumerate(bands):
        height = plot_h * count / top
        x = left + i * bar_w
        parts.append(
            f'<rect class="bar {_band_class(10 * i)}" x="{x + 3:.1f}" y="{base - height:.1f}" '
            f'width="{bar_w - 6:.1f}" height="{height:.1f}"><title>{labels[i]}: {count}</title></rect>'
            f'<text x="{x + bar_w / 2:.1f}" y="{base + 16}" class="tick" text-anchor="middle">'
            f"{labels[i]}</text>"
        )
        if count:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - height - 4:.1f}" class="value" '
                         f'text-anchor="middle">{count}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{base + 38}" class="label" '
                 'text-anchor="middle">Score (0–100, bands of 10)</text>')
    desc = "Articles per score band: " + ", ".join(f"{b}: {c}" for b, c in zip(labels, bands)) + "."
    return _svg("Score distribution", desc, 500, 260, "".join(parts), "hist") + (
        "<figcaption><strong>Score distribution.</strong> Articles per band of 10 points; "
        "red under 50, amber under 80, green from 80.</figcaption>"
    )


def _nice_scale(largest: int) -> tuple[int, int]:
    """The top of a vertical axis at or above ``largest``, and a tick step of 1, 2 or 5 times a
    power of ten that divides it in at most five."""
    step = 1
    while step * 5 < largest:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return max(-(-largest // step) * step, step), step


def _axes(left: int, base: int, width: float, height: int, top: int, step: int, label: str) -> str:
    """A vertical axis from 0 to ``top`` with a tick every ``step``, a baseline, and a label."""
    parts = [f'<line class="axis" x1="{left}" y1="{base}" x2="{left + width}" y2="{base}"/>']
    for value in range(0, top + 1, step):
        y = base - height * value / top
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{value}</text>')
    parts.append(f'<text class="label" text-anchor="middle" transform="translate(14 {base - height / 2}) '
                 f'rotate(-90)">{label}</text>')
    return "".join(parts)


class Spread(NamedTuple):
    lang: str
    articles: int
    low: float
    q1: float
    median: float
    q3: float
    high: float


def _spreads(rows: Iterable[Row]) -> list[Spread]:
    by_lang: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row.profile.reading_ease is not None:
            by_lang[row.profile.lang].append(row.profile.reading_ease)
    spreads = []
    for lang, values in sorted(by_lang.items(), key=lambda item: (-len(item[1]), item[0])):
        values.sort()
        q1, median, q3 = (statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1
                          else values * 3)
        spreads.append(Spread(lang, len(values), values[0], q1, median, q3, values[-1]))
    return spreads


def _ease_by_language(rows: list[Row]) -> str:
    """Per language, a box plot: whiskers from the lowest to the highest reading ease, the box
    from the first to the third quartile, a line at the median."""
    spreads = _spreads(rows)
    unmeasured = sum(1 for row in rows if row.profile.reading_ease is None)
    low, high = min([0.0, *(s.low for s in spreads)]), max([100.0, *(s.high for s in spreads)])
    tick = 20 if high - low > 120 else 10
    low, high = low // tick * tick, -(-high // tick) * tick
    left, width, step, top = 110, 370, 34, 16
    base = top + step * max(len(spreads), 1)

    def x(value: float) -> float:
        return left + width * (value - low) / (high - low)

    parts = [f'<line class="axis" x1="{left}" y1="{base}" x2="{left + width}" y2="{base}"/>']
    for value in range(int(low), int(high) + 1, tick):
        parts.append(f'<line class="grid" x1="{x(value):.1f}" y1="{top}" x2="{x(value):.1f}" y2="{base}"/>'
                     f'<text x="{x(value):.1f}" y="{base + 16}" class="tick" text-anchor="middle">{value}</text>')
    for i, s in enumerate(spreads):
        mid = top + step * i + step / 2
        parts.append(
            f'<g><title>{_text(s.lang or "unknown")}: {s.articles} articles, median {s.median:.1f}, '
            f"quartiles {s.q1:.1f}–{s.q3:.1f}, range {s.low:.1f}–{s.high:.1f}</title>"
            f'<text x="{left - 8}" y="{mid + 4:.1f}" class="tick" text-anchor="end">'
            f"{_text(s.lang or 'unknown')} (n={s.articles})</text>"
            f'<line class="whisker" x1="{x(s.low):.1f}" y1="{mid}" x2="{x(s.high):.1f}" y2="{mid}"/>'
            f'<rect class="box" x="{x(s.q1):.1f}" y="{mid - 9}" width="{max(x(s.q3) - x(s.q1), 1):.1f}" '
            f'height="18"/><line class="median" x1="{x(s.median):.1f}" y1="{mid - 11}" '
            f'x2="{x(s.median):.1f}" y2="{mid + 11}"/></g>'
        )
    if not spreads:
        parts.append(f'<text x="{left + width / 2}" y="{top + step / 2 + 4}" class="tick" '
                     'text-anchor="middle">No article long enough to measure</text>')
    parts.append(f'<text x="{left + width / 2}" y="{base + 36}" class="label" '
                 'text-anchor="middle">Reading ease (higher reads easier)</text>')
    desc = "; ".join(f"{s.lang or 'unknown'}: {s.articles} articles, median {s.median:.1f}, "
                     f"quartiles {s.q1:.1f} to {s.q3:.1f}, range {s.low:.1f} to {s.high:.1f}"
                     for s in spreads) or "No article was measured."
    formulas = ", ".join(f"{_text(s.lang)}: {_text(f.name)}" for s in spreads
                         if (f := formula(s.lang)) is not None)
    return _svg("Reading ease by language", desc, 500, base + 48, "".join(parts), "ease") + (
        "<figcaption><strong>Reading ease by language.</strong> Line: median; box: middle half "
        f"of the articles; whiskers: lowest to highest. Each language has its formula ({formulas or 'none'}), "
        "so compare articles within a language. "
        f"{_plural(unmeasured, 'article')} not measured (under 100 words, or no formula).</figcaption>"
    )


# --- articles ---------------------------------------------------------------------------------

def _articles(rows: list[Row], links: Links) -> str:
    langs = sorted({row.profile.lang for row in rows})
    options = "".join(f'<option value="{_text(lang)}">{_text(lang or "unknown")}</option>'
                      for lang in langs)
    heads = "".join(f'<th scope="col" data-key="{c.key}"{" data-num" if c.numeric else ""}>{c.label}</th>'
                    for c in COLUMNS)
    body = "".join(_row(i, row, links) for i, row in enumerate(rows))
    return (
        '<section id="articles"><h2>Articles</h2>'
        '<form class="filters" hidden role="search" aria-controls="articles-table">'
        '<label>Search <input type="search" id="f-q" placeholder="path or title"></label>'
        f'<label>Language <select id="f-lang"><option value="">all</option>{options}</select></label>'
        '<label>Rule <select id="f-rule"><option value="">all</option></select></label>'
        '<label><input type="checkbox" id="f-errors"> only with errors</label>'
        '<label>Score from <input type="number" id="f-min" min="0" max="100" inputmode="numeric"></label>'
        '<label>to <input type="number" id="f-max" min="0" max="100" inputmode="numeric"></label>'
        '</form>'
        f'<p id="count" aria-live="polite">{_plural(len(rows), "article")}</p>'
        '<div class="scroll"><table id="articles-table"><thead><tr>'
        f"{heads}</tr></thead><tbody>{body}</tbody></table></div></section>\n"
    )


def _row(index: int, row: Row, links: Links) -> str:
    p = row.profile
    ease = "—" if p.reading_ease is None else f"{p.reading_ease:.1f}"
    title = _text(p.title) if p.title else '<span class="muted">—</span>'
    flagged = ("e" if row.errors else "", "w" if row.warnings else "", "")
    counts_html = "".join(f'<td class="num {flag}">{value}</td>'
                          for value, flag in zip((row.errors, row.warnings, row.infos), flagged))
    return (
        f'<tr data-i="{index}" data-lang="{_text(p.lang)}"><td class="path">'
        f'<a href="{_text(links.at(p.path, 1))}">{_path(p.path)}</a></td>'
        f"<td>{title}</td><td>{_text(p.lang or '—')}</td>"
        f'<td class="num"><span class="score {_band_class(row.score)}">{row.score}</span></td>'
        f'{counts_html}<td class="num">{p.words}</td><td class="num">{ease}</td></tr>'
    )


def _path(path: str) -> str:
    """A path that may wrap after each slash, and only there."""
    return _text(path).replace("/", "/<wbr>")


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
        message = texts.setdefault(_UNPRINTABLE.sub("\ufffd", f.message), len(texts))
        hint = texts.setdefault(_UNPRINTABLE.sub("\ufffd", f.hint), len(texts)) if f.hint else -1
        per_row[i].append((f.line, f.column, rule, message, hint))
    files = [links.file(row.path) for row in rows]
    blob = {"rules": list(rules), "texts": list(texts), "rows": per_row, "files": files}
    return _script_safe(json.dumps(blob, ensure_ascii=False, separators=(",", ":")))


def _script_safe(text: str) -> str:
    """JSON that no HTML parser can end early: no ``<`` (so no ``</script>`` or ``<!--``), no
    ``>`` or ``&``, and no U+2028/U+2029 (line ends to older JavaScript)."""
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


# --- rules and findings across articles -------------------------------------------------------

def _severity(severity: Severity) -> str:
    return f'<span class="sev {severity.value}">{severity.value}</span>'


def _triage(item: tuple[str, str, Severity, int]) -> tuple[int, int, str]:
    """Errors first, then warnings, then infos; within each, the most frequent first."""
    code, _, severity, count = item
    return (-severity.rank, -count, code)


def _rules(audit: Audit) -> str:
    affected: dict[str, set[str]] = defaultdict(set)
    for finding in audit.findings:
        affected[finding.code].add(finding.path)
    lines = "".join(
        f'<tr><td><a href="#rule={_text(code)}" class="rule" title="Show the articles with {_text(code)}">'
        f'{_text(code)}</a></td><td>{_text(name)}</td>'
        f'<td>{_severity(severity)}</td><td class="num">{count:,}</td>'
        f'<td class="num">{len(affected[code]):,}</td></tr>'
        for code, name, severity, count in sorted(audit.rule_counts(), key=_triage)
    )
    table = (
        '<table><thead><tr><th scope="col">Code</th><th scope="col">Rule</th><th scope="col">Severity</th>'
        '<th scope="col" class="num">Findings</th><th scope="col" class="num">Articles</th></tr></thead>'
        f"<tbody>{lines}</tbody></table>" if lines else '<p class="muted">No findings.</p>'
    )
    note = ('<p class="muted">Errors first, then warnings, then infos; the most frequent first. '
            "A rule's code shows the articles that have it.</p>" if lines else "")
    return f'<section id="rules"><h2>Findings per rule</h2>{note}<div class="scroll">{table}</div></section>\n'


def _cross(findings: list[Finding], links: Links) -> str:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.code].append(finding)
    content = "".join(_cross_group(code, group, links) for code, group in sorted(by_code.items()))
    return (
        '<section id="cross"><h2>Across articles</h2><p class="muted">Duplicate titles and '
        "descriptions, broken links between articles, cannibalized keyphrases, orphans.</p>"
        f'{content or "<p class=muted>No findings across articles.</p>"}</section>\n'
    )


def _cross_group(code: str, group: list[Finding], links: Links) -> str:
    """One rule's findings; a message or hint that all of them share is written once, above
    the table (10,000 orphan articles are 10,000 times the same sentence)."""
    messages, hints = {f.message for f in group}, {f.hint for f in group}
    (message_once,), (hint_once,) = (sorted(messages)[:1], sorted(hints)[:1])
    shared = (f"<p>{_text(message_once)}</p>" if len(messages) == 1 else "") + (
        f'<p class="muted">{_text(hint_once)}</p>' if len(hints) == 1 and hint_once else "")
    varied = len(messages) > 1 or len(hints) > 1

    def message(f: Finding) -> str:
        hint = f'<br><span class="muted">{_text(f.hint)}</span>' if f.hint and len(hints) > 1 else ""
        return f"<td>{_text(f.message) if len(messages) > 1 else ''}{hint}</td>" if varied else ""

    lines = "".join(f'<tr><td class="path"><a href="{_text(links.at(f.path, f.line, f.column))}">{_path(f.path)}</a>'
                    f'</td><td class="num">{f.line}</td>'
                    f"{message(f)}</tr>" for f in group)
    severities = " ".join(_severity(s) for s in sorted({f.severity for f in group}, key=lambda s: -s.rank))
    return (
        f"<details{' open' if len(group) <= 20 else ''}><summary><strong>{_text(code)}</strong> "
        f"{_text(group[0].name)} {severities}: {_plural(len(group), 'finding')}</summary>{shared}"
        '<div class="scroll"><table><thead><tr><th scope="col">File</th><th scope="col" class="num">'
        f'Line</th>{"<th scope=col>Message</th>" if varied else ""}</tr></thead><tbody>{lines}</tbody>'
        "</table></div></details>"
    )


@cache
def _asset(name: str) -> str:
    """The page's style sheet and script, kept beside this module as plain files."""
    return (files(__package__) / name).read_text(encoding="utf-8")
