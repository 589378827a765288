"""What title and description rules share: how long and how wide a SERP line is."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from seolint.source.document import Document
from seolint.findings import Violation
from seolint.i18n import msg, msg_n
from seolint.rules import Options
from seolint.language.width import visible
from seolint.language.words import contains_phrase


class Bounds(Options):
    min: int = Field(30, ge=0, description="Fewest characters.")
    max: int = Field(60, ge=1, description="Most characters.")

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Width(Options):
    max_px: float = Field(580, gt=0, description="Widest allowed rendering, in pixels.")
    font_px: float = Field(20, gt=0, description="Font size of the SERP line, in pixels.")


def length(doc: Document, name: str, label: str, bounds: Bounds, cut: str, suffix: str = "") -> Iterator[Violation]:
    """Out of bounds in characters. ``label``: the field as a sentence starts with it
    ("Title"); ``cut``: what the result page shows of it, a sentence; the lower bound counts
    ``suffix``, what the site appends to it in results (the upper bound does not: engines cut
    or drop that part first)."""
    value = doc.article.text(name)
    if value is None:
        return
    count = len(visible(value))
    span = doc.field_span(name)
    if suffix and bounds.min > count and count + len(suffix) >= bounds.min:
        return  # as results show it, with the site's name, it is long enough
    if count > bounds.max:
        yield Violation(
            msg("{label} is {count} characters long, over the {max} maximum", label=label, count=count,
                max=bounds.max),
            span,
            msg_n("{cut} Drop at least {count} characters; keep the keyphrase near the start.",
                  "{cut} Drop at least {count} characters; keep the keyphrase near the start.",
                  count - bounds.max, cut=cut),
        )
    elif count < bounds.min and suffix:
        shown = visible(value) + suffix
        yield Violation(
            msg("{label} is {count} characters long as results show it with the site's name (“{shown}”), "
                "under the {min} minimum", label=label, count=len(shown), shown=shown, min=bounds.min),
            span,
            msg_n("Add at least {count} characters that say what the reader gets.",
                  "Add at least {count} characters that say what the reader gets.", bounds.min - len(shown)),
        )
    elif count < bounds.min:
        yield Violation(
            msg("{label} is {count} characters long, under the {min} minimum", label=label, count=count,
                min=bounds.min),
            span,
            msg_n("Add at least {count} characters that say what the reader gets.",
                  "Add at least {count} characters that say what the reader gets.", bounds.min - count),
        )


def width(doc: Document, name: str, label: str, options: Width) -> Iterator[Violation]:
    from seolint.language.width import chars_to_drop, text_width

    value = doc.article.text(name)
    if value is None:
        return
    shown = visible(value)
    pixels = text_width(shown, options.font_px)
    if pixels > options.max_px:
        drop = chars_to_drop(shown, options.font_px, options.max_px)
        yield Violation(
            msg("{label} is ~{pixels:.0f} px wide at {font:g} px Arial; search results cut it at {max:g} px",
                label=label, pixels=pixels, font=options.font_px, max=options.max_px),
            doc.field_span(name),
            msg_n("Drop ~{count} characters (or use narrower words) so that the end is not replaced by an "
                  "ellipsis.", "Drop ~{count} characters (or use narrower words) so that the end is not "
                  "replaced by an ellipsis.", drop),
        )


def keyphrase_in(doc: Document, name: str, field: str) -> Iterator[Violation]:
    """``field``: the field as a sentence names it inside ("the title")."""
    value = doc.article.text(name)
    found = doc.keyphrase
    if value is None or found is None:
        return
    phrase, _ = found
    if not contains_phrase(value, phrase, doc.lang):
        yield Violation(
            msg("The focus keyphrase “{phrase}” is not in {field}", phrase=phrase, field=field),
            doc.field_span(name),
            msg("Use “{phrase}” (any word form) in {field}, ideally near its start.", phrase=phrase, field=field),
        )
