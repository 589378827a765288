"""D: the meta description, as the search result's snippet."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from seolint.checks._serp import Bounds, Width, keyphrase_in, length, width
from seolint.language.width import visible
from seolint.source.document import Document
from seolint.findings import Severity, Violation
from seolint.i18n import msg
from seolint.rules import NoOptions, Rule
from seolint.language.fold import fold


class DescriptionBounds(Bounds):
    min: int = Field(120, ge=0, description="Fewest characters.")
    max: int = Field(160, ge=1, description="Most characters.")


class DescriptionWidth(Width):
    max_px: float = Field(920, gt=0, description="Widest allowed rendering, in pixels.")
    font_px: float = Field(14, gt=0, description="Font size of the snippet, in pixels.")


def description_length(doc: Document, options: DescriptionBounds) -> Iterator[Violation]:
    yield from length(
        doc, "description", msg("Description"), options, msg("Google shows about 155–160 characters.")
    )


def description_width(doc: Document, options: DescriptionWidth) -> Iterator[Violation]:
    yield from width(doc, "description", msg("Description"), options)


def description_keyphrase(doc: Document, options: NoOptions) -> Iterator[Violation]:
    yield from keyphrase_in(doc, "description", msg("the description"))


def description_equals_title(doc: Document, options: NoOptions) -> Iterator[Violation]:
    title, description = doc.article.text("title"), doc.article.text("description")
    if title and description and fold(visible(title)) == fold(visible(description)):
        yield Violation(
            msg("The description repeats the title word for word"),
            doc.field_span("description"),
            msg("Write a 120–160 character summary that says what the reader will get and why."),
        )


RULES = (
    Rule(
        "D001", "description-length", Severity.WARNING, description_length,
        options=DescriptionBounds,
        what="Reports a meta description shorter or longer than the bounds (120–160 "
        "characters).",
        why="Google shows about 155–160 characters of a snippet; a shorter description "
        "leaves space Google fills with text it picks from the page. Yoast recommends "
        "121–156 characters, Rank Math 80–160.",
        example="description: A guide.",
        use_instead="description: How to build a professional network that helps your career: "
        "where to meet people, what to say, and how to keep in touch.",
        references=("Yoast SEO: meta description length (121–156)", "Rank Math: 80–160"),
    ),
    Rule(
        "D002", "description-width", Severity.INFO, description_width, options=DescriptionWidth,
        what="Estimates how wide the description renders (Arial 14 px, Liberation Sans "
        "metrics) and reports it past 920 px.",
        why="Snippets are truncated by pixel width; Rank Math's preview allows 920 px.",
        example="description: WWW WORKFLOWS WITH MAMMOTH WAREHOUSES … (wide capitals)",
        use_instead="description: A sentence in ordinary case fits more words.",
        references=("Rank Math: SERP preview description width (920 px)",),
    ),
    Rule(
        "D003", "description-keyphrase", Severity.WARNING, description_keyphrase,
        what="Reports a description that does not contain the focus keyphrase.",
        why="Google bolds the searched words in snippets, which draws the eye and clicks; "
        "Yoast's metaDescriptionKeyword assessment checks the same.",
        example="keyphrase: professional network\ndescription: Tips to meet people.",
        use_instead="keyphrase: professional network\ndescription: Tips to grow your "
        "professional network.",
        references=("Yoast SEO: keyphrase in meta description",),
    ),
    Rule(
        "D004", "description-equals-title", Severity.WARNING, description_equals_title,
        what="Reports a description that repeats the title.",
        why="The snippet is a second chance to convince; repeating the title wastes it, and "
        "Google then often rewrites the snippet itself.",
        example="title: Networking guide\ndescription: Networking guide",
        use_instead="title: Networking guide\ndescription: Where to meet people, what to say "
        "and how to keep in touch, step by step.",
        references=("Google Search Central: control your snippets",),
    ),
)
