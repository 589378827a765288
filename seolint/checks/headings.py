"""H: headings and the structure they give the article.

The outline is the body's list of :class:`~seolint.source.markdown.Heading`; a heading's text here is
``Heading.shown``: what a reader sees, code spans and image alt text included, with a trailing
``{#anchor}`` id (Zola, kramdown, Pandoc) removed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from seolint.source.document import Document
from seolint.source.facts.paragraphs import EmphasisLine, emphasis_lines
from seolint.findings import FixSafety, RemoveLines, Severity, Span, Violation
from seolint.i18n import msg, msg_n
from seolint.source.markdown import Heading
from seolint.rules import NoOptions, Options, Rule
from seolint.language.fold import fold
from seolint.language.words import prose_words

#: Sentence punctuation that makes an emphasized line a sentence, not a heading (MD036's,
#: plus the ellipsis); a French no-break space before it changes nothing.
_CLOSING = ".,;:!?…。，；：！？"
_QUOTES = "\"'»”’)] \u00a0\u202f"


def outline(doc: Document) -> list[Heading]:
    """Every Markdown heading of the body, in order (``Heading.shown`` is its visible text)."""
    return doc.body.headings


def _span(doc: Document, line: int) -> Span:
    return Span.at_line(line, doc.line_text(line))


def _quoted(text: str, size: int = 50) -> str:
    """The text, cut with … past ``size`` characters (messages put it in quotes)."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


# --- H001 multiple-h1 ----------------------------------------------------------------------


class SingleH1(Options):
    policy: Literal["title", "body"] = Field(
        "title",
        description="`title`: the front-matter title is rendered as the page's H1, so any H1 in "
        "the body is a second one; `body`: only H1s in the body count.",
    )


def _same(a: str, b: str) -> bool:
    return bool(b) and " ".join(fold(a).split()) == " ".join(fold(b).split())


def multiple_h1(doc: Document, options: SingleH1) -> Iterator[Violation]:
    title = (doc.article.text("title") or "").strip()
    h1s = [heading for heading in outline(doc) if heading.level == 1]
    # MkDocs (Material), Docusaurus and VitePress render the body's H1 as the page heading and
    # add the title only to a body without one: there, the title is no second H1.
    site = doc.settings.site
    from_title = options.policy == "title" and bool(title) and not (site is not None and site.title_from_h1)
    for count, heading in enumerate(h1s, 2 if from_title else 1):
        if count == 1:
            continue
        if from_title:
            message = msg("H1 “{h1}” is H1 number {count} of the page (1 allowed): the front-matter title is already "
                          "rendered as the H1", h1=_quoted(heading.shown), count=count)
        else:
            message = msg("H1 “{h1}” is H1 number {count} of the body (1 allowed)", h1=_quoted(heading.shown),
                          count=count)
        yield Violation(
            message,
            _span(doc, heading.line),
            msg("Delete this H1 if it repeats the title, or make it an H2 (`##`).") if from_title
            else msg("Keep one H1 for the article's subject and make the others H2 (`##`)."),
            fix=msg("Remove the H1 that repeats the title") if _same(heading.shown, title) else None,
            edits=_removal(doc, heading.line) if _same(heading.shown, title) else (),
        )


def _removal(doc: Document, line: int) -> tuple[RemoveLines, ...]:
    found = doc.block_removal(line)
    return (found,) if found is not None else ()


# --- H002 heading-increment ----------------------------------------------------------------


class HeadingIncrement(Options):
    front_matter_title: bool = Field(
        True,
        description="Count a front-matter title as the level-1 heading the body starts under "
        "(markdownlint MD001's `front_matter_title`); otherwise the first heading may have "
        "any level.",
    )


def heading_increment(doc: Document, options: HeadingIncrement) -> Iterator[Violation]:
    previous: int | None = None
    if options.front_matter_title and (doc.article.text("title") or "").strip():
        previous = 1
    for number, heading in enumerate(outline(doc)):
        if previous is not None and heading.level > previous + 1:
            after = msg("the front-matter title") if number == 0 else msg("the heading before")
            yield Violation(
                msg("Heading level skips from H{previous} ({after}) to H{level}: 1 level at a time allowed",
                    previous=previous, after=after, level=heading.level),
                _span(doc, heading.line),
                msg("Make “{heading}” an H{level} (`{marks}`), or add the missing H{level} above it.",
                    heading=_quoted(heading.shown), level=previous + 1, marks="#" * (previous + 1)),
            )
        previous = heading.level


# --- H003 emphasis-as-heading --------------------------------------------------------------


class EmphasisHeading(Options):
    max_words: int = Field(
        12, ge=1, description="Longest emphasized line, in words, still taken for a heading."
    )


def _word_count(text: str) -> int:
    """Words with a letter: the number of « Étape 2 » or "Step 2" is a label, not a word."""
    return sum(1 for word in prose_words(text) if any(char.isalpha() for char in word))


def _ends_sentence(text: str) -> bool:
    """Ends with punctuation, also before closing quotes or brackets (« … ! »)."""
    stripped = text.rstrip(_QUOTES)
    return bool(stripped) and stripped[-1] in _CLOSING


#: Emphasized lines that are no heading: an attribution or credit with a URL, a file name
#: over its code (`**_config.yml**`), an aside in brackets, a TL;DR summary, two clauses
#: joined by a semicolon (a note: « Requis pour X ; indisponible pour Y »).
_NOT_A_HEADING = re.compile(
    r"https?://|\bwww\.|^[\w~-]*(?:[./][\w~-]+)*\.[A-Za-z0-9]{1,10}$|^\.?[\w~.-]+(?:/[\w~.-]+)+/?$"
    r"|^\(.*\)$|^\[.*\]$|^tl;?dr\b|\w[\s\u00a0\u202f]*;\s",
    re.IGNORECASE,
)


def _stands_for_heading(line: EmphasisLine) -> bool:
    """Whether an emphasized line can be a stand-in heading: it must introduce content (not
    stand before a heading or at the end), and an italic line after an image is its caption."""
    if line.followed_by in ("", "heading_open") or _NOT_A_HEADING.search(line.text):
        return False
    if line.followed_by in ("fence", "code_block", "html_block") and _word_count(line.text) <= 3:
        return False  # a label over the sample after it (“**YAML**”, “**Result**”)
    return not (line.italic and line.after_image)


def emphasis_as_heading(doc: Document, options: EmphasisHeading) -> Iterator[Violation]:
    for emphasized in emphasis_lines(doc):
        text = emphasized.text
        if _ends_sentence(text) or not _stands_for_heading(emphasized):
            continue
        words = _word_count(text)
        if words > options.max_words:
            continue
        level = min(emphasized.section + 1, 6)
        yield Violation(
            msg_n("Emphasized line “{text}” stands in for a heading ({count} word, at most {max}, no closing "
                  "punctuation)", "Emphasized line “{text}” stands in for a heading ({count} words, at most {max}, "
                  "no closing punctuation)", words, text=_quoted(text), max=options.max_words),
            _span(doc, emphasized.line),
            msg("Write it as a heading, `{heading}`, so that it is in the outline; if it is a sentence, end it with "
                "punctuation.", heading=f"{'#' * level} {text}"),
        )


# --- H004 heading-duplicate ----------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def heading_duplicate(doc: Document, options: NoOptions) -> Iterator[Violation]:
    # markdownlint MD024 siblings_only: one list of seen texts per level, reset when a
    # shallower heading opens a new parent.
    seen: dict[int, dict[str, Heading]] = {}
    for heading in outline(doc):
        level = heading.level
        for deeper in [known for known in seen if known > level]:
            del seen[deeper]
        siblings = seen.setdefault(level, {})
        key = _key(heading.shown)
        first = siblings.get(key)
        if key and first is not None:
            yield Violation(
                msg("H{level} “{heading}” repeats its sibling at line {line} (0 repeats allowed under one parent)",
                    level=level, heading=_quoted(heading.shown), line=first.line),
                _span(doc, heading.line),
                msg("Say what this section adds (“… in French”, “… for teams”); identical headings get numbered "
                    "anchors (#example-1) and read as a copy."),
            )
        elif key:
            siblings[key] = heading


# --- H005 heading-empty --------------------------------------------------------------------


def _masked(source: str, markup: str, parsed: str) -> bool:
    """Whether the heading's line says more than the parser saw (a shortcode it blanked)."""
    start = source.find(markup)
    rest = source[start + len(markup) :] if start >= 0 else source
    return rest.strip().rstrip("#").strip() != parsed.strip()


def heading_empty(doc: Document, options: NoOptions) -> Iterator[Violation]:
    hooks = doc.settings.site is not None and doc.settings.site.source_hooks
    for heading in doc.body.headings:
        # Empty: nothing a reader sees (no text, code or alt text), only HTML comments if anything.
        if heading.shown or heading.tags or _masked(doc.line_text(heading.line), heading.markup, heading.content):
            continue
        if hooks and heading.content.strip():
            continue  # a comment a hook turns into the heading's text (`<!-- md:setting x -->`)
        yield Violation(
            msg("H{level} heading has no text (0 characters)", level=heading.level),
            _span(doc, heading.line),
            msg("Write the heading's text after `{markup}`, or delete the line.", markup=heading.markup),
        )


# --- H006 heading-length -------------------------------------------------------------------


class HeadingLength(Options):
    max: int = Field(70, ge=1, description="Most characters in a heading.")


def heading_length(doc: Document, options: HeadingLength) -> Iterator[Violation]:
    for heading in outline(doc):
        size = len(heading.shown)
        if size > options.max:
            yield Violation(
                msg("H{level} is {size} characters long, over the {max} maximum", level=heading.level, size=size,
                    max=options.max),
                _span(doc, heading.line),
                msg_n("Drop at least {count} characters: keep the topic in the heading and move the detail to the "
                      "sentence below it.", "Drop at least {count} characters: keep the topic in the heading and "
                      "move the detail to the sentence below it.", size - options.max),
            )


# --- H007 subheading-distribution ----------------------------------------------------------


class SubheadingDistribution(Options):
    max_words: int = Field(
        300, ge=1, description="Most words of prose in one section before a subheading."
    )


_PROSE = ("paragraph", "list_item", "blockquote")


def _sections(doc: Document) -> Iterator[tuple[Heading | None, int, int]]:
    """Each section as (its heading or None for the opening text, first line, words)."""
    headings = outline(doc)
    starts = [heading.line for heading in headings]  # in order: the file is read top down
    counts = [0] * (len(headings) + 1)
    first_line = [0] * (len(headings) + 1)
    for block in doc.body.blocks:
        if block.kind not in _PROSE:
            continue
        section = bisect_right(starts, block.line)
        counts[section] += len(prose_words(block.text))
        first_line[section] = first_line[section] or block.line
    yield None, first_line[0], counts[0]
    for number, heading in enumerate(headings, 1):
        yield heading, heading.line, counts[number]


def subheading_distribution(doc: Document, options: SubheadingDistribution) -> Iterator[Violation]:
    for heading, line, words in _sections(doc):
        if words <= options.max_words:
            continue
        if heading is not None:
            message = msg("The section under “{heading}” runs {words} words without a subheading, over the {max} "
                          "maximum", heading=_quoted(heading.shown), words=words, max=options.max_words)
        else:
            message = msg("The text before the first subheading runs {words} words, over the {max} maximum",
                          words=words, max=options.max_words)
        yield Violation(
            message,
            _span(doc, line),
            msg("Add a subheading about every {max} words where the topic turns, so that readers can scan the page.",
                max=options.max_words),
        )


RULES = (
    Rule(
        "H001", "multiple-h1", Severity.WARNING, multiple_h1, options=SingleH1, needs_body=True,
        fix=FixSafety.UNSAFE,
        what="Reports every H1 after the first. By default (policy `title`) the front-matter "
        "title counts as the page's H1, as site generators render it, so any `#` heading in the "
        "body is a second one; with policy `body`, or without a title, only body H1s count, and so "
        "on a site whose generator renders the body's H1 as the page heading and adds the title "
        "only to a body without one (MkDocs and Material, Docusaurus, VitePress).",
        why="One H1 tells readers, screen readers and search engines what the page is about; a "
        "second one (often the title pasted again) splits the outline. markdownlint's MD025 "
        "(single-title, with `front_matter_title`) and Yoast's singleH1 assessment check the same.",
        example="---\ntitle: Réseau professionnel : le guide\n---\n\n# Réseau professionnel : "
        "le guide\n\nUn réseau…",
        use_instead="---\ntitle: Réseau professionnel : le guide\n---\n\nUn réseau…",
        references=("markdownlint MD025 single-title", "Yoast SEO: single title (H1)"),
    ),
    Rule(
        "H002", "heading-increment", Severity.WARNING, heading_increment,
        options=HeadingIncrement, needs_body=True,
        what="Reports a heading more than one level deeper than the heading before it (H2 → "
        "H4). A front-matter title counts as the level-1 heading above the body; without one, "
        "the first heading may have any level. Going back up any number of levels is fine.",
        why="Screen readers, tables of contents and search engines read the outline from the "
        "levels; a skipped level looks like a missing section. This is markdownlint's MD001.",
        example="## Préparer l’entretien\n\n#### Les questions fréquentes",
        use_instead="## Préparer l’entretien\n\n### Les questions fréquentes",
        references=("markdownlint MD001 heading-increment",),
    ),
    Rule(
        "H003", "emphasis-as-heading", Severity.WARNING, emphasis_as_heading,
        options=EmphasisHeading, needs_body=True,
        what="Reports a short paragraph of one line whose whole text is bold or italic and that "
        "does not end with sentence punctuation (`.,;:!?…`): a heading written as emphasis. "
        "Words are counted without bare numbers (the 2 of « Étape 2 »). "
        "Lines that mix plain text, links or code with the emphasis are not reported, nor "
        "lines that head nothing (before a heading or at the end: a summary, a sign-off), a "
        "label of up to 3 words over a code sample or HTML block (“**YAML**”, “**Result**”), a "
        "file name, a line holding a URL (a source, a credit), an aside in brackets, a TL;DR, "
        "and an italic line under an image (its caption).",
        why="Bold text looks like a heading but is not one: it is missing from the outline, "
        "the table of contents and the structure search engines read. markdownlint's MD036 "
        "(no-emphasis-as-heading) checks the same; 12 words is longer than most headings.",
        example="**Étape 1 : Faites le point**\n\nListez les personnes…",
        use_instead="### Étape 1 : Faites le point\n\nListez les personnes…",
        references=("markdownlint MD036 no-emphasis-as-heading",),
    ),
    Rule(
        "H004", "heading-duplicate", Severity.INFO, heading_duplicate, needs_body=True,
        what="Reports a heading whose text (ignoring case and accents) repeats a sibling "
        "heading: one of the same level under the same parent section. The same subheading "
        "under two different sections is fine.",
        why="Identical sibling headings make an outline that says nothing, anchors that differ "
        "only by a number, and sections that compete for the same snippet. This is "
        "markdownlint's MD024 (no-duplicate-heading) with `siblings_only`.",
        example="## Exemples\n\n…\n\n## exemples",
        use_instead="## Exemples en entreprise\n\n…\n\n## Exemples en freelance",
        references=("markdownlint MD024 no-duplicate-heading (siblings_only)",),
    ),
    Rule(
        "H005", "heading-empty", Severity.ERROR, heading_empty, needs_body=True,
        what="Reports a heading with no text (`##` alone on a line).",
        why="An empty heading renders as an empty, invisible element: it breaks the outline "
        "and the table of contents, and screen readers announce a heading with nothing in it.",
        example="## \n\nLe texte de la section…",
        use_instead="## Les bases\n\nLe texte de la section…",
        references=("WCAG 2.4.6 Headings and Labels",),
    ),
    Rule(
        "H006", "heading-length", Severity.INFO, heading_length, options=HeadingLength,
        needs_body=True,
        what="Reports a heading longer than 70 characters (as shown: markup removed).",
        why="A heading is read at a glance and reused as a table-of-contents entry and a "
        "jump-to link in search results, where long ones are cut. 70 characters is seolint's "
        "bound, a little above the ~60 characters Google shows of a title.",
        example="## Toutes les questions que les recruteurs posent pendant un entretien et "
        "comment y répondre",
        use_instead="## Les questions des recruteurs et comment y répondre",
        references=("Google Search Central: headings and jump-to links",),
    ),
    Rule(
        "H007", "subheading-distribution", Severity.WARNING, subheading_distribution,
        options=SubheadingDistribution, needs_body=True,
        what="Reports a section with more than 300 words of prose (paragraphs, list items and "
        "quotes; not code or tables) before the next heading. The text before the first "
        "subheading is a section too; it is reported at its first line.",
        why="Readers scan: long stretches without a subheading are skipped. Yoast's subheading "
        "distribution assessment turns red past 300 words per section (orange from 300 to "
        "350 in some languages).",
        example="## Entretenir son réseau\n\n(450 mots d’un seul tenant)",
        use_instead="## Entretenir son réseau\n\n(200 mots)\n\n### Le mentorat\n\n(250 mots)",
        references=("Yoast SEO: subheading distribution",),
    ),
)
