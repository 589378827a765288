"""The report's two charts, drawn as inline SVG: scores in bands of 10, and reading ease by
language (the spread of each language's articles)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from seolint.audit import Row
from seolint.language.readability import formula
from seolint.report.html.markup import plural, safe_text


def charts(rows: list[Row]) -> str:
    return (
        '<section class="charts" aria-label="Charts">'
        f"<figure>{_histogram([row.score for row in rows])}</figure>"
        f"<figure>{_ease_by_language(rows)}</figure></section>\n"
    )


def _svg(title: str, desc: str, width: int, height: int, content: str, ident: str) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'class="chart"><title id="{ident}-t">{safe_text(title)}</title>'
        f'<desc id="{ident}-d">{safe_text(desc)}</desc>{content}</svg>'
    )


def band_class(score: float) -> str:
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
            f'<rect class="bar {band_class(10 * i)}" x="{x + 3:.1f}" y="{base - height:.1f}" '
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
            f'<g><title>{safe_text(s.lang or "unknown")}: {s.articles} articles, median {s.median:.1f}, '
            f"quartiles {s.q1:.1f}–{s.q3:.1f}, range {s.low:.1f}–{s.high:.1f}</title>"
            f'<text x="{left - 8}" y="{mid + 4:.1f}" class="tick" text-anchor="end">'
            f"{safe_text(s.lang or 'unknown')} (n={s.articles})</text>"
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
    formulas = ", ".join(f"{safe_text(s.lang)}: {safe_text(f.name)}" for s in spreads
                         if (f := formula(s.lang)) is not None)
    return _svg("Reading ease by language", desc, 500, base + 48, "".join(parts), "ease") + (
        "<figcaption><strong>Reading ease by language.</strong> Line: median; box: middle half "
        f"of the articles; whiskers: lowest to highest. Each language has its formula ({formulas or 'none'}), "
        "so compare articles within a language. "
        f"{plural(unmeasured, 'article')} not measured (under 100 words, or no formula).</figcaption>"
    )
