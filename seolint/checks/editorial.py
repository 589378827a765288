"""E: editorial leftovers — notes, hashtags and placeholders that were never meant to ship.

The language files list what a note's label looks like (``editorial-markers``) and which
bracketed texts are placeholders (``placeholder-brackets``); English's lists apply to every
article too, since drafting tools and SEO briefs are often in English whatever the language.
Text is read as the reader sees it: never inside code, and never from HTML comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from pydantic import Field

from seolint.checks.links import Piece, on_domain, scan
from seolint.source.document import Document
from seolint.findings import AddItems, Edit, FixSafety, Severity, Span, Violation
from seolint.rules import Options, Rule
from seolint.language.data import language
from seolint.language.fold import fold

#: A word of a label: letters and digits, apostrophes inside ("l’éditeur", "writer's").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CODE = "\ufffc"  # stands for inline code in a block's text, so no pattern matches across it


def _union(lang: str, key: str) -> list[str]:
    own = language(lang).words(key)
    return own if lang == "en" else [*own, *language("en").words(key)]


def _words(text: str) -> str:
    return " ".join(_WORD.findall(fold(text)))


class Paragraph(NamedTuple):
    lines: list[str]  # the text of each source line: literal text and link text, code as _CODE
    line: int
    end_line: int
    group: int | None  # the list it is an item of (its opening token's index), if any
    linked: bool = False  # its text starts inside a link (“- [Keywords](keywords.md)”)
    emphasized: bool = False  # all of its text is bold or italic (“**SEO keywords**”)


def _read(children: list[Any]) -> tuple[list[str], bool, bool]:
    """The lines of a paragraph, whether it opens with a link, whether it is all emphasis."""
    lines = [""]
    link = emphasis = 0
    linked: bool | None = None
    plain = False
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append("")
        elif kind in ("link_open", "link_close"):
            link += 1 if kind == "link_open" else -1
        elif kind in ("strong_open", "em_open", "strong_close", "em_close"):
            emphasis += 1 if kind.endswith("_open") else -1
        elif kind in ("text", "code_inline"):
            lines[-1] += child.content if kind == "text" else f" {_CODE} "
            if child.content.strip():
                linked = bool(link) if linked is None else linked
                plain = plain or not emphasis
        elif kind == "image":
            lines[-1] += " "
    return lines, bool(linked), linked is not None and not plain


def paragraphs(doc: Document) -> list[Paragraph]:
    """Every paragraph, on its own or in a list item or quote (not headings or table cells);
    found once per document, for the rules that read them."""
    return doc.derived(_paragraph_list)


def _paragraph_list(doc: Document) -> list[Paragraph]:
    return list(_paragraphs(doc))


def _paragraphs(doc: Document) -> Iterator[Paragraph]:
    tokens = doc.body.tokens
    first = doc.split.body_line
    lists: list[int] = []
    for index, (before, token) in enumerate(zip(tokens, tokens[1:]), 1):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(index)
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif before.type == "paragraph_open" and token.type == "inline" and token.map:
            lines, linked, emphasized = _read(token.children or [])
            yield Paragraph(lines, first + token.map[0], first + token.map[1] - 1,
                            lists[-1] if lists else None, linked, emphasized)


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
    for marker in [*_union(lang, "editorial-markers"), *extra]:
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
            f"Editorial note “{label}” left in the body",
            _block_span(doc, paragraph),
            "Readers see this note: delete it, and move what it lists into front matter "
            "(`keywords`, `description`, `slug`, `tags`).",
            fix="Remove the note and merge its keywords into front matter",
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
                f"Line of hashtags left in the body: “{shown}”",
                Span(line, column, line, len(source.rstrip()) + 1),
                "Hashtags belong to social posts, not to the page: delete the line and put "
                "the topics in front-matter `tags`.",
                fix="Remove the hashtag line",
                edits=_removal(doc, line),
            )


def _removal(doc: Document, line: int) -> tuple[Edit, ...]:
    found = doc.block_removal(line)
    return (found,) if found is not None else ()


# --- E003 placeholder-text -------------------------------------------------------------------


class Placeholders(Options):
    markers: list[str] = Field(
        ["TODO", "FIXME", "XXX"],
        description="Markers reported in capitals where they mark something: before a colon "
        "(“TODO: chiffres”), in brackets, or opening a block alone or before a lower-case word "
        "(“TODO ajouter”); not where a sentence or heading names them (“des messages TODO”, "
        "“TODO Comments”).",
    )
    words: list[str] = Field(
        ["TK"], description="Words reported anywhere as whole words in capitals (“TK”, the "
        "journalists' “to come”).",
    )
    domains: list[str] = Field(
        ["example.com", "example.org", "example.net"],
        description="Links to these domains (and their subdomains) are placeholders.",
    )
    rendered_variables: list[str] = Field(
        ["site.", "page.", "include.", "layout.", "paginator.", "jekyll."],
        description="Prefixes of `{{ }}` variables that the site generator renders in content "
        "(Jekyll's Liquid globals); any other `{{ variable }}` is reported as unrendered.",
    )


_LOREM = re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\[\s*([^\[\]]{1,80}?)\s*\]")
_VARIABLE = re.compile(r"(?<![\w:$/\\])\{\{\s*([A-Za-z_.$][\w.$\[\]'\" |:,()-]*?)?\s*\}\}")
_CALL = re.compile(r"^[\w.]+\s*\(")  # Zola's inline shortcodes, `{{ youtube(id="…") }}`


class _Found(NamedTuple):
    start: int
    text: str
    what: str


class _Line(NamedTuple):
    line: int
    text: str
    opens: bool  # the first line of its block


def _lines(pieces: list[Piece]) -> Iterator[_Line]:
    """The literal text of each line of each block (link text included, code left out)."""
    key: tuple[int, int] | None = None
    parts: list[str] = []
    opens = False
    for piece in pieces:
        if (piece.block, piece.line) != key:
            if key is not None:
                yield _Line(key[1], "".join(parts), opens)
            opens = key is None or piece.block != key[0]
            key, parts = (piece.block, piece.line), []
        parts.append(piece.text)
    if key is not None:
        yield _Line(key[1], "".join(parts), opens)


@cache
def _bracket_words(lang: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in _union(lang, "placeholder-brackets") if word.strip())


def _whole_words(words: list[str], text: str) -> Iterator[re.Match[str]]:
    if words:
        yield from _whole_words_pattern(tuple(words)).finditer(text)


@cache
def _whole_words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Built once per list of words: escaping and joining them for every line of every
    article cost more than the search itself."""
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])")


def _marks(line: _Line, found: re.Match[str]) -> bool:
    """A marker marks something where it has a colon, stands in brackets, or opens the block
    alone or before a lower-case word (“TODO add figures”, not the heading “TODO Comments”)."""
    before = line.text[: found.start()].rstrip(" \t\u00a0*_")
    after = line.text[found.end() :]
    return (
        bool(re.match(r"\s*[:：!]", after))
        or before.endswith(("(", "["))
        or (line.opens and not before.strip() and bool(re.match(r"\s*(?:$|[^\W\d_A-Z])", after)))
    )


_MARKER, _FILLER, _BRACKET, _VARIABLE_LEFT = (
    "Placeholder marker", "Filler text", "Bracketed placeholder", "Unrendered template variable",
)
_HINTS = {
    _MARKER: "Finish the passage and remove the marker before publishing.",
    _FILLER: "Replace the filler with the real text.",
    _BRACKET: "Replace the bracketed instruction with the real content.",
    _VARIABLE_LEFT: "Markdown content is not a template here: write the value. If the site "
    "renders it, add its prefix to `rendered-variables` (on a Jekyll or Eleventy site that "
    "seolint detects, content is taken as a Liquid template and no variable is reported).",
}


@cache
def _anything(words: tuple[str, ...]) -> re.Pattern[str]:
    """What every finding of :func:`_in_text` contains: one of the words or markers, a lorem
    ipsum, a bracket or ``{{``. One search settles the lines that hold none (nearly all)."""
    literals = [re.escape(word) for word in words]
    return re.compile("|".join([*literals, f"(?i:{_LOREM.pattern})", r"\[", r"\{\{"]))


def _in_text(line: _Line, options: Placeholders, brackets: tuple[str, ...], templated: bool) -> Iterator[_Found]:
    text = line.text
    if not _anything((*options.words, *options.markers)).search(text):
        return
    for found in _whole_words(options.words, text):
        yield _Found(found.start(), found.group(0), _MARKER)
    for found in _whole_words(options.markers, text):
        if _marks(line, found):
            yield _Found(found.start(), found.group(0), _MARKER)
    for found in _LOREM.finditer(text):
        yield _Found(found.start(), found.group(0), _FILLER)
    for found in _BRACKETED.finditer(text):
        inside = fold(found.group(1))
        if any(inside.startswith(word) and (word.endswith(" ") or len(inside) == len(word)
                                            or not inside[len(word)].isalnum())
               for word in brackets):
            yield _Found(found.start(), found.group(0), _BRACKET)
    for found in () if templated else _VARIABLE.finditer(text):
        expression = (found.group(1) or "").strip()
        if not expression.startswith(tuple(options.rendered_variables)) and not _CALL.match(expression):
            yield _Found(found.start(), found.group(0), _VARIABLE_LEFT)


def placeholder_text(doc: Document, options: Placeholders) -> Iterator[Violation]:
    brackets = _bracket_words(doc.lang)
    # Jekyll and Eleventy run Markdown content through Liquid: every `{{ }}` there is rendered.
    templated = doc.settings.site is not None and doc.settings.site.templated_content
    found_in = scan(doc)
    for row in _lines(found_in.pieces):
        line, source = row.line, doc.line_text(row.line)
        taken = searched = 0
        for found in sorted(_in_text(row, options, brackets, templated)):
            if found.start < taken:
                continue  # `[TODO]` is one placeholder, not two
            taken = found.start + len(found.text)
            start = source.find(found.text, searched)
            column = start + 1 if start >= 0 else Span.at_line(line, source).column
            searched = column - 1 + len(found.text)
            yield Violation(
                f"{found.what} “{found.text}” left in the text",
                Span(line, column, line, column + len(found.text)),
                _HINTS[found.what],
            )
    for anchor in found_in.anchors:
        host = _host(anchor.href)
        if host and on_domain(host, options.domains):
            yield Violation(
                f"Link to the placeholder domain {host}: {anchor.href.strip()}",
                Span(anchor.line, anchor.column, anchor.line, anchor.column + 1),
                "Example domains are reserved for documentation: link to the real page.",
            )


def _host(href: str) -> str | None:
    try:
        return urlsplit(href.strip()).hostname
    except ValueError:
        return None


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
    Rule(
        "E003", "placeholder-text", Severity.ERROR, placeholder_text, options=Placeholders,
        needs_body=True,
        what="Reports placeholder text outside code: the markers TODO, FIXME and XXX (whole "
        "words in capitals, where they mark a gap: “TODO: figures”, “(FIXME)”, a block opening "
        "with “TODO add…”; not “leave TODO comments”), TK anywhere, “lorem ipsum”, a "
        "bracketed instruction (“[insert link]”, "
        "« [insérer une image] », `placeholder-brackets` in the language file), links to "
        "example.com, .org and .net, and unrendered `{{ variable }}`. Hugo shortcodes "
        "(`{{< >}}`, `{{% %}}`) and Liquid tags are masked before parsing, Zola's "
        "`{{ shortcode(…) }}` calls are rendered, and Jekyll's `{{ site.… }}` / `{{ page.… }}` "
        "are rendered too: none of them is reported.",
        why="A placeholder that reaches production looks unfinished to readers and to "
        "quality raters, and an example.com link is a dead end.",
        example="TODO: ajouter les chiffres de l’Apec. Voir [le rapport](https://example.com).",
        use_instead="Selon [l’Apec](https://www.apec.fr/), 40 % des postes de cadres…",
        references=("RFC 2606: reserved example domains",
                    "Google Search Central: creating helpful, reliable content"),
    ),
)
