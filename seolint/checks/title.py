"""T: the title, as the search result's headline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from seolint.checks._serp import Bounds, Width, keyphrase_in, length, width
from seolint.source.document import Document
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg
from seolint.rules import NoOptions, Rule
from seolint.language.fold import fold
from seolint.language.words import contains_phrase, starts_with_phrase


class TitleBounds(Bounds):
    min: int = Field(30, ge=0, description="Fewest characters.")
    max: int = Field(60, ge=1, description="Most characters.")
    docs_min: int = Field(
        10, ge=0, description="Fewest characters on a documentation page (`seolint site` shows each page's kind), "
        "whose title names one function or setting.")


def title_length(doc: Document, options: TitleBounds) -> Iterator[Violation]:
    if doc.kind == "docs":
        options = options.model_copy(update={"min": min(options.docs_min, options.max)})
    site = doc.settings.site
    suffix = site.title_suffix if site is not None and site.title_suffix else ""
    if suffix and (doc.article.text("title") or "").strip() == suffix.lstrip(" |-–—").strip():
        suffix = ""  # the home page, titled with the site's name, gets no suffix
    yield from length(doc, "title", msg("Title"), options, msg("Google shows about 60 characters."), suffix)


def title_width(doc: Document, options: Width) -> Iterator[Violation]:
    yield from width(doc, "title", msg("Title"), options)


def title_keyphrase(doc: Document, options: NoOptions) -> Iterator[Violation]:
    yield from keyphrase_in(doc, "title", msg("the title"))


def title_keyphrase_position(doc: Document, options: NoOptions) -> Iterator[Violation]:
    title, found = doc.article.text("title"), doc.keyphrase
    if title is None or found is None:
        return
    phrase = found[0]
    if contains_phrase(title, phrase, doc.lang) and not starts_with_phrase(title, phrase, doc.lang):
        yield Violation(
            msg("The focus keyphrase “{phrase}” is in the title but not at its start", phrase=phrase),
            doc.field_span("title"),
            msg("Start the title with “{phrase}”: readers scan the first words of a result.", phrase=phrase),
        )


def _comparable(text: str) -> str:
    """Case, accents, punctuation and spacing folded away: « Guide : l’art » = "guide l art"."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def title_h1_mismatch(doc: Document, options: NoOptions) -> Iterator[Violation]:
    title = doc.article.text("title")
    if not title or not title.strip():
        return
    h1 = next((heading for heading in doc.body.headings if heading.level == 1), None)
    if h1 is None or any(block.text and block.line < h1.line for block in doc.body.blocks):
        return  # an H1 after prose is a section's heading (H001 reports a second H1), not the page's
    if _comparable(title) != _comparable(h1.shown):
        yield Violation(
            msg("The body's H1 “{h1}” differs from the title “{title}” (they should match, ignoring case, "
                "accents and punctuation)", h1=h1.shown, title=title.strip()),
            Span.at_line(h1.line, doc.line_text(h1.line)),
            msg("Make the H1 and the title say the same thing, or drop the body H1 when the theme renders the "
                "title as the H1."),
        )


RULES = (
    Rule(
        "T001", "title-length", Severity.WARNING, title_length, options=TitleBounds,
        what="Reports a title shorter or longer than the bounds, in characters (30–60; on "
        "documentation pages the lower bound is `docs-min`, 10). Where the site appends its "
        "name to every title (jekyll-seo-tag, MkDocs, VitePress, Docusaurus, Starlight, Hugo's "
        "`title`; `seolint site` shows it), the lower bound measures the title as results show "
        "it, with that name; the upper bound measures the article's own part, which engines "
        "keep when they cut or drop the site's name.",
        why="Google cuts titles at about 600 px, roughly 60 characters; a title under 30 "
        "characters wastes the most visible line of the result. Rank Math recommends 15–60 "
        "characters and Front Matter CMS warns past 60.",
        example="title: Networking",
        use_instead="title: Professional networking: a practical guide for 2025",
        references=(
            "Rank Math: title length (15–60)",
            "Front Matter CMS: SEO title length (60)",
        ),
    ),
    Rule(
        "T002", "title-width", Severity.WARNING, title_width, options=Width,
        what="Estimates how wide the title renders in search results (Arial 20 px, from "
        "Liberation Sans metrics, which are metric-compatible with Arial) and reports it "
        "past 580 px.",
        why="Google truncates by pixels, not characters: 60 wide letters (W, M) overflow "
        "where 70 narrow ones fit. Rank Math's preview cuts at 580 px, Yoast's at 600 px.",
        example="title: WORKING WITH MAMMOTH WAREHOUSE WORKFLOWS: WHAT WE MEAN",
        use_instead="title: Working with warehouse workflows",
        references=(
            "Rank Math: SERP preview title width (580 px)",
            "Yoast SEO: title width (600 px)",
            "Liberation Sans, metric-compatible with Arial",
        ),
    ),
    Rule(
        "T003", "title-keyphrase", Severity.WARNING, title_keyphrase,
        what="Reports a title that does not contain the focus keyphrase (case, accents, "
        "apostrophes, function words and word forms do not matter).",
        why="The title is the strongest on-page relevance signal and what searchers match "
        "their query against. Yoast's keyphraseInSEOTitle assessment checks the same.",
        example="keyphrase: professional network\ntitle: How to meet people at work",
        use_instead="keyphrase: professional network\ntitle: Build a professional network that lasts",
        references=("Yoast SEO: keyphrase in SEO title",),
    ),
    Rule(
        "T004", "title-keyphrase-position", Severity.WARNING, title_keyphrase_position,
        enabled=False,
        what="Reports a title that contains the focus keyphrase but not at its start.",
        why="Searchers scan the first words of each result; Yoast scores a keyphrase at the "
        "beginning of the SEO title 9 and elsewhere 6.",
        example="title: How to build a professional network",
        use_instead="title: Professional network: how to build one",
        references=("Yoast SEO: keyphrase in SEO title (position)",),
    ),
    Rule(
        "T005", "title-h1-mismatch", Severity.WARNING, title_h1_mismatch, needs_body=True,
        what="Reports a body H1 whose text differs from the front-matter title, once case, "
        "accents, punctuation and spacing are folded away. Articles without a body H1 are "
        "not concerned, nor an H1 that comes after prose: it heads a section, and H001 "
        "reports it as a second H1.",
        why="Searchers click a result for its title and expect the page's headline to confirm "
        "it; an H1 that says something else looks like a different page, and search engines "
        "may rewrite the result's title from the H1.",
        example="title: Réseau professionnel : le guide\n---\n\n# Comment réseauter",
        use_instead="title: Réseau professionnel : le guide\n---\n\n# Réseau professionnel, "
        "le guide",
        references=("Google Search Central: influencing title links (main heading)",),
    ),
)
