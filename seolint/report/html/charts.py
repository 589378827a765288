"""The report's two charts, drawn as inline SVG: scores in bands of 10, and reading ease by
language (the spread of each language's articles)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from functools import reduce
from collections.abc import Iterable
from typing import NamedTuple

from seolint.audit import Row
from seolint.i18n import msg, msg_n, say
from seolint.language.readability import formula
from seolint.report.html.markup import safe_text


def charts(rows: list[Row]) -> str:
    label = say(msg("Charts"))
    return (
        f'<section class="charts" aria-label="{label}">'
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
    parts = [_axes(left, base, plot_w, plot_h, top, step, say(msg("Articles")))]
    for i, count in enumerate(bands):
        height = plot_h * count / top
        x = left + i * bar_w
        parts.append(
            f'<rect class="bar {band_class(10 * i)}" x="{x + 3:.1f}" y="{base - height:.1f}" '
            f'width="{bar_w - 6:.1f}" height="{height:.1f}"><title>{_pair(labels[i], count)}</title></rect>'
            f'<text x="{x + bar_w / 2:.1f}" y="{base + 16}" class="tick" text-anchor="middle">'
            f"{labels[i]}</text>"
        )
        if count:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - height - 4:.1f}" class="value" '
                         f'text-anchor="middle">{count}</text>')
    axis = say(msg("Score (0–100, bands of 10)"))
    parts.append(f'<text x="{left + plot_w / 2}" y="{base + 38}" class="label" '
                 f'text-anchor="middle">{axis}</text>')
    pairs = ", ".join(_pair(b, c) for b, c in zip(labels, bands))
    desc = say(msg("Articles per score band: {bands}.", bands=pairs))
    title = say(msg("Score distribution"))
    caption = say(msg("Articles per band of 10 points; red under 50, amber under 80, green from 80."))
    return _svg(title, desc, 500, 260, "".join(parts), "hist") + (
        f"<figcaption><strong>{title}.</strong> {caption}</figcaption>"
    )


def _listed(items: list[str]) -> str:
    """Items one after the other, with a semicolon (and French's space before it)."""
    if not items:
        return ""
    return reduce(lambda first, then: say(msg("{first}; {then}", first=first, then=then)), items)


def _pair(label: str, value: object) -> str:
    """``label: value``, with the space French puts before the colon."""
    return say(msg("{label}: {value}", label=label, value=value))


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
    unknown = say(msg("unknown"))
    for i, s in enumerate(spreads):
        mid = top + step * i + step / 2
        spread = say(msg_n("{lang}: {count} articles, median {median:.1f}, quartiles {q1:.1f}–{q3:.1f}, "
                           "range {low:.1f}–{high:.1f}",
                           "{lang}: {count} articles, median {median:.1f}, quartiles {q1:.1f}–{q3:.1f}, "
                           "range {low:.1f}–{high:.1f}", s.articles, lang=safe_text(s.lang or unknown),
                           median=s.median, q1=s.q1, q3=s.q3, low=s.low, high=s.high))
        parts.append(
            f'<g><title>{spread}</title>'
            f'<text x="{left - 8}" y="{mid + 4:.1f}" class="tick" text-anchor="end">'
            f"{safe_text(s.lang or unknown)} (n={s.articles})</text>"
            f'<line class="whisker" x1="{x(s.low):.1f}" y1="{mid}" x2="{x(s.high):.1f}" y2="{mid}"/>'
            f'<rect class="box" x="{x(s.q1):.1f}" y="{mid - 9}" width="{max(x(s.q3) - x(s.q1), 1):.1f}" '
            f'height="18"/><line class="median" x1="{x(s.median):.1f}" y1="{mid - 11}" '
            f'x2="{x(s.median):.1f}" y2="{mid + 11}"/></g>'
        )
    if not spreads:
        empty = say(msg("No article long enough to measure"))
        parts.append(f'<text x="{left + width / 2}" y="{top + step / 2 + 4}" class="tick" '
                     f'text-anchor="middle">{empty}</text>')
    axis = say(msg("Reading ease (higher reads easier)"))
    parts.append(f'<text x="{left + width / 2}" y="{base + 36}" class="label" '
                 f'text-anchor="middle">{axis}</text>')
    desc = _listed([say(msg_n("{lang}: {count} articles, median {median:.1f}, quartiles {q1:.1f} to {q3:.1f}, "
                               "range {low:.1f} to {high:.1f}",
                               "{lang}: {count} articles, median {median:.1f}, quartiles {q1:.1f} to {q3:.1f}, "
                               "range {low:.1f} to {high:.1f}", s.articles, lang=s.lang or unknown,
                               median=s.median, q1=s.q1, q3=s.q3, low=s.low, high=s.high))
                     for s in spreads]) or say(msg("No article was measured."))
    formulas = ", ".join(_pair(safe_text(s.lang), safe_text(f.name)) for s in spreads
                         if (f := formula(s.lang)) is not None)
    title = say(msg("Reading ease by language"))
    none = say(msg("none"))
    caption = say(msg("Line: median; box: middle half of the articles; whiskers: lowest to highest. Each "
                      "language has its formula ({formulas}), so compare articles within a language.",
                      formulas=formulas or none))
    unmeasured_note = say(msg_n("{count:,} article not measured (under 100 words, or no formula).",
                                "{count:,} articles not measured (under 100 words, or no formula).", unmeasured))
    return _svg(title, desc, 500, base + 48, "".join(parts), "ease") + (
        f"<figcaption><strong>{title}.</strong> {caption} {unmeasured_note}</figcaption>"
    )
