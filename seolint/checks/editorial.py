"""E: editorial leftovers — notes and hashtags that were never meant to ship.

The language files list what a note's label looks like (``editorial-markers``) and which
bracketed texts are placeholders (``placeholder-brackets``); English's lists apply to every
article too, since drafting tools and SEO briefs are often in English whatever the language.
Text is read as the reader sees it: never inside code, and never from HTML comments.
Placeholders (E003) are :mod:`seolint.checks.placeholders`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from pydantic import Field

from seolint.source.document import Document
from seolint.source.facts.paragraphs import Paragraph, paragraphs
from seolint.findings import AddItems, Edit, FixSafety, Severity, Span, Violation
from seolint.i18n import msg
from seolint.rules import Options, Rule
from seolint.language.fold import fold
from seolint.language.words import words_and_english

#: A word of a label: letters and digits, apostrophes inside ("l’éditeur", "writer's").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(fold(text)))


def _block_span(doc: Document, paragraph: Paragraph) -> Span:
    """The whole block, list marker included: what removing the note removes."""
    column = Span.at_line(paragraph.line, doc.line_text(paragraph.line)).column
    last = doc.line_text(paragraph.end_line).rstrip()
    return Span(paragraph.line, column, paragraph.end_line, max(len(last) + 1, column + 1))


# --- E001 editorial-notes --------------------------------------------------------------------


class Markers(Options):
    extra_markers: list[str] = Field(
        [], description="Labels reported on top of the language's `editorial-markers`."
    )


#: What may follow a label: a colon (with or without a no-break space before it), a closing
#: bracket before a space (“[Note to editor] …”, not “[slug].astro”), or a dash between spaces.
_AFTER_LABEL = re.compile(r"\s*(?:[:：]|[\])](?=\s|$)|[—–](?=\s))")
#: Any “Label: value” start, to tell a list of notes from a list of CMS fields.
_ANY_LABEL = re.compile(r"[\s*_]*[^\W_][^:：.!?]{0,40}?\s*[:：]")


Labels = tuple[tuple[int, frozenset[str]], ...]


@cache
def marker_table(lang: str, extra: tuple[str, ...] = ()) -> Labels:
    """The labels, folded word by word, grouped by their number of words, longest first."""
    table: dict[int, set[str]] = {}
    for marker in [*words_and_english(lang, "editorial-markers"), *extra]:
        words = _words(marker)
        if words:
            table.setdefault(len(words.split()), set()).add(words)
    return tuple((size, frozenset(table[size])) for size in sorted(table, reverse=True))


def find_label(paragraph: Paragraph, table: Labels) -> str | None:
    """The note's label as written (“Mots-clés SEO :”) when the paragraph starts with one."""
    text = paragraph.lines[0]
    # Only the first words can make a label: a long paragraph is not split to its end.
    words = list(islice(_WORD.finditer(text), table[0][0] if table else 0))
    if not words or paragraph.linked or text[: words[0].start()].strip(" \t\u00a0\u202f*_[(") != "":
        return None  # a link, or something other than emphasis or a bracket, comes first
    begin = len(text) - len(text.lstrip(" \t\u00a0\u202f*_"))
    folded = [fold(word.group(0)) for word in words]  # once, for every size of label
    for size, labels in table:
        if size > len(words) or " ".join(folded[:size]) not in labels:
            continue
        end = words[size - 1].end()
        after = _AFTER_LABEL.match(text, end)
        if after is not None and (after.group(0)[-1] not in "])" or text.lstrip(" *_")[:1] in "[("):
            return text[begin : after.end()].strip()
        if _bold_label_alone(paragraph) and not text[end:].strip(" *_"):
            return text[begin:end]  # “**SEO keywords**” above the list of keywords
    return None


def _bold_label_alone(paragraph: Paragraph) -> bool:
    return paragraph.emphasized and paragraph.group is None and len(paragraph.lines) == 1


def notes(doc: Document, table: Labels) -> Iterator[tuple[Paragraph, str]]:
    """The paragraphs that are notes, with their labels.

    In a list of “Label: value” items, the items are notes only when most labelled items are:
    “- **Slug:** `astro-est-incroyable`” among “Title:”, “Description:” and “Date:” documents
    the fields of a CMS.
    """
    found = [(paragraph, find_label(paragraph, table)) for paragraph in paragraphs(doc)]
    labelled: dict[int, int] = {}
    marked: dict[int, int] = {}
    for paragraph, label in found:
        if paragraph.group is not None and (label is not None or _ANY_LABEL.match(paragraph.lines[0])):
            labelled[paragraph.group] = labelled.get(paragraph.group, 0) + 1
            marked[paragraph.group] = marked.get(paragraph.group, 0) + (label is not None)
    for paragraph, label in found:
        group = paragraph.group
        if label is not None and (group is None or 2 * marked[group] > labelled[group]):
            yield paragraph, label


def editorial_notes(doc: Document, options: Markers) -> Iterator[Violation]:
    table = marker_table(doc.lang, tuple(options.extra_markers))
    for paragraph, label in notes(doc, table):
        yield Violation(
            msg("Editorial note “{label}” left in the body", label=label),
            _block_span(doc, paragraph),
            msg("Readers see this note: delete it, and move what it lists into front matter (`keywords`, "
                "`description`, `slug`, `tags`)."),
            fix=msg("Remove the note and merge its keywords into front matter"),
            edits=_note_removal(doc, paragraph.line),
        )


_KEYWORD_LABEL = re.compile(
    r"^(?:seo\s+)?(?:mots?[- ]cle?f?s?|mots? cles?|keywords?|key ?phrases?|palabras? clave|"
    r"schlusselworter?|expressions?[- ]cles?|requetes? cibles?)\b"
)


def _note_removal(doc: Document, line: int) -> tuple[Edit, ...]:
    """Remove the note; the keywords a keyword note lists join the front matter's list."""
    removal = doc.block_removal(line)
    edits: list[Edit] = [removal] if removal is not None else []
    listed: list[str] = []
    for block in doc.body.blocks:
        label, sep, rest = block.text.partition(":")
        if block.line == line and sep and _KEYWORD_LABEL.match(fold(label).strip()):
            listed += [item.strip(" .") for item in re.split(r"[,;]", rest) if item.strip(" .")
                       and not item.strip().startswith("#")]
    key = doc.article.keys.get("keywords", "keywords")
    current = (doc.data or {}).get(key)
    if listed and (current is None or isinstance(current, list)):
        seen = {" ".join(fold(str(item)).split()) for item in current or []}
        added = []
        for item in listed:
            if " ".join(fold(item).split()) not in seen:
                seen.add(" ".join(fold(item).split()))
                added.append(item)
        if added:
            edits.append(AddItems(key, tuple(added)))
    return tuple(edits)


# --- E002 hashtag-line -----------------------------------------------------------------------


class HashtagLine(Options):
    min_hashtags: int = Field(2, ge=1, description="Fewest hashtags on the line.")
    min_share: float = Field(
        60, ge=0, le=100, description="Lowest share of the line's words that are hashtags, in %."
    )


_HASHTAG = re.compile(r"#[^\W_][\w-]*")


def _hashtags(line: str) -> tuple[list[str], int]:
    """The hashtags of a line (`#1234` is an issue number, not one) and its number of words."""
    words = [word for word in line.split() if any(char.isalnum() for char in word)]
    tags = [
        word for word in (w.rstrip(".,;:!?…)") for w in words)
        if _HASHTAG.fullmatch(word) and any(char.isalpha() for char in word)
    ]
    return tags, len(words)


def hashtag_line(doc: Document, options: HashtagLine) -> Iterator[Violation]:
    labelled: set[int] | None = None  # found only for an article with a line of hashtags
    for paragraph in paragraphs(doc):
        if not any("#" in text for text in paragraph.lines):
            continue  # no hashtag at all: the cheap test that settles almost every paragraph
        if labelled is None:
            labelled = {note.line for note, _ in notes(doc, marker_table(doc.lang))}
        if paragraph.line in labelled:
            continue  # a labelled note (“Hashtags suggérés : #…”) is E001's, whose fix removes it
        for offset, text in enumerate(paragraph.lines):
            tags, count = _hashtags(text)
            if len(tags) < options.min_hashtags or 100 * len(tags) < options.min_share * count:
                continue
            line = paragraph.line + offset
            source = doc.line_text(line)
            column = source.find(tags[0]) + 1 or Span.at_line(line, source).column
            shown = " ".join(tags[:4]) + (" …" if len(tags) > 4 else "")
            yield Violation(
                msg("Line of hashtags left in the body: “{tags}”", tags=shown),
                Span(line, column, line, len(source.rstrip()) + 1),
                msg("Hashtags belong to social posts, not to the page: delete the line and put the topics in "
                    "front-matter `tags`."),
                fix=msg("Remove the hashtag line"),
                edits=_removal(doc, line),
            )


def _removal(doc: Document, line: int) -> tuple[Edit, ...]:
    found = doc.block_removal(line)
    return (found,) if found is not None else ()


RULES = (
    Rule(
        "E001", "editorial-notes", Severity.ERROR, editorial_notes, options=Markers,
        fix=FixSafety.UNSAFE, needs_body=True,
        what="Reports a note left for the writer or the SEO team: a paragraph or list item "
        "that starts with a label such as “SEO keywords:”, “Meta description:”, « Mots-clés "
        "SEO : », « Hashtags suggérés : », “Note to editor”, “Slug:” (`editorial-markers` in "
        "`rules/lang/<lang>.toml`; the English labels apply to every language). The label may "
        "be bold or not; case, accents and hyphens do not matter; a colon (with or without the "
        "French no-break space), a closing bracket or a dash must follow it, unless the "
        "paragraph is the label alone, in bold or italics, outside a list. In a list of "
        "“Label: value” items, the items are notes only when most labels are: “Slug:” among "
        "“Title:”, “Description:” and “Date:” documents a CMS's fields. Link text, headings "
        "and HTML comments are not read. “Editor's note:” is not a marker: it is a published "
        "convention.",
        why="Briefs pasted into the article end up published: readers see keyword lists and "
        "instructions, and search engines index them as content, which reads like keyword "
        "stuffing. Keywords, description and slug belong in front matter.",
        example="**Mots-clés SEO :** réseau professionnel, networking, LinkedIn",
        use_instead="---\nkeywords: [réseau professionnel, networking, LinkedIn]\n---",
        references=("Google Search Central: spam policies (keyword stuffing)",),
    ),
    Rule(
        "E002", "hashtag-line", Severity.WARNING, hashtag_line, options=HashtagLine,
        fix=FixSafety.UNSAFE, needs_body=True,
        what="Reports a line of a paragraph or list item made mostly of hashtags: at least 2 "
        "hashtags that are at least 60 % of its words (`#1234`, an issue number, is no "
        "hashtag). A line that starts with an editorial label (“Hashtags suggérés : #…”) is "
        "left to E001, whose fix removes the whole note, so it is not reported twice.",
        why="Hashtags are for social posts; on a page they are noise for readers and "
        "meaningless to search engines. Topics belong in front-matter `tags`.",
        example="#Networking #RéseauProfessionnel #Carrière",
        use_instead="---\ntags: [networking, réseau professionnel, carrière]\n---",
        references=("Google Search Central: SEO starter guide (write for people)",),
    ),
)
