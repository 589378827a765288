"""C: the body's prose — its length, paragraphs, sentences, their starts and language
(reading ease and style: :mod:`seolint.checks.style`).

Every count is made on prose only (no code, HTML, URLs or image alt text), where each block —
paragraph, heading, list item, table cell, quote — ends a sentence (:mod:`seolint.source.markdown`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pydantic import Field

from seolint.source.document import Document
from seolint.source.langid import Origin, function_word_shares
from seolint.findings import Severity, Span, Violation
from seolint.i18n import joined, msg, msg_n
from seolint.rules import Options, Rule
from seolint.language.data import language
from seolint.language.fold import fold
from seolint.language.words import Sentence, prose_words, words


def _span(doc: Document, line: int, end_line: int | None = None) -> Span:
    """From the first visible character of ``line`` to the end of ``end_line``."""
    first = Span.at_line(line, doc.line_text(line))
    if end_line is None or end_line <= line:
        return first
    last = Span.at_line(end_line, doc.line_text(end_line))
    return Span(line, first.column, end_line, last.end_column)


def _has_body(doc: Document) -> bool:
    """A body to judge: the file was read, its front matter closed, and something follows it.

    A page with no body at all is rendered from its front matter by a layout (list pages,
    redirects); a file that could not be read or split is FM001/FM002's to report.
    """
    return doc.source is not None and doc.split.problem is None and bool(doc.split.body.strip())


def _first_prose_line(doc: Document) -> int:
    """Where the body's prose starts; the body's first line when it has none."""
    if doc.body.blocks:
        return doc.body.blocks[0].line
    filled = (n for n in range(doc.split.body_line, len(doc.lines) + 1) if doc.line_text(n).strip())
    return next(filled, max(1, min(doc.split.body_line, len(doc.lines))))


# --- C001 word-count ------------------------------------------------------------------------


class WordCount(Options):
    min: int = Field(300, ge=1, description="Fewest words of prose in the body.")


def word_count(doc: Document, options: WordCount) -> Iterator[Violation]:
    count = doc.word_count
    if _has_body(doc) and count < options.min:
        line = _first_prose_line(doc)
        yield Violation(
            msg_n("The body has {count} word of prose, under the {min} minimum",
                  "The body has {count} words of prose, under the {min} minimum", count, min=options.min),
            _span(doc, line),
            msg_n("Add at least {count} words that answer the reader's question; code, HTML and URLs do not "
                  "count.", "Add at least {count} words that answer the reader's question; code, HTML and URLs "
                  "do not count.", options.min - count),
        )


# --- C002 paragraph-length --------------------------------------------------------------------


class ParagraphLength(Options):
    max: int = Field(150, ge=1, description="Most words in one paragraph (or list item, or quote).")


def paragraph_length(doc: Document, options: ParagraphLength) -> Iterator[Violation]:
    if not _has_body(doc):
        return
    for block in doc.body.blocks:
        if block.kind in ("heading", "table_cell"):
            continue
        count = len(prose_words(block.text))
        if count > options.max and not _names(block.text):
            yield Violation(
                msg("Paragraph of {count} words, over the {max} maximum", count=count, max=options.max),
                _span(doc, block.line, block.end_line),
                msg("Split it where the idea changes: readers on a phone see a wall of text."),
            )


def _names(text: str) -> bool:
    """A list of names written as one paragraph (a release's contributors: “AJ Acevedo, Adam
    Richeimer, Alan Scherger, …”): a dozen comma-separated items or more, nearly all of them a
    capitalized name of four words at most. No prose to split."""
    items = [item.strip() for item in text.replace(" and ", ", ").split(",") if item.strip()]
    named = [item for item in items if len(item.split()) <= 4 and item[0].isupper() or item[0] in "@["]
    return len(items) >= 12 and len(named) >= 0.8 * len(items)


# --- C003 sentence-length ---------------------------------------------------------------------


class SentenceLength(Options):
    words: int | None = Field(
        None, ge=1,
        description="A sentence with more words than this is long; unset, the language's "
        "`long-sentence-words` (20 for en and fr).",
    )
    max_share: float = Field(25, ge=0, le=100, description="Largest share of long sentences, in %.")


def _long_sentence_words(lang: str, options: SentenceLength) -> int:
    if options.words is not None:
        return options.words
    value = language(lang).data.get("long-sentence-words", 20)
    return value if isinstance(value, int) and value > 0 else 20


def sentence_length(doc: Document, options: SentenceLength) -> Iterator[Violation]:
    if not _has_body(doc):
        return
    found = doc.running_sentences  # a list written inline (20 names between commas) is no sentence
    limit = _long_sentence_words(doc.lang, options)
    long = [sentence for sentence in found if len(sentence.words) > limit]
    if not found or not long:
        return
    share = 100 * len(long) / len(found)
    if share > options.max_share:
        longest = max(long, key=lambda sentence: len(sentence.words))
        yield Violation(
            msg("{share:.0f} % of sentences ({long} of {all}) have more than {limit} words, over the {max:g} % "
                "maximum; the longest, here, has {longest} words", share=share, long=len(long), all=len(found),
                limit=limit, max=options.max_share, longest=len(longest.words)),
            _span(doc, longest.line),
            msg("Split long sentences at their conjunctions, or turn an enumeration into a list."),
        )


# --- C005 sentence-starts ---------------------------------------------------------------------


class SentenceStarts(Options):
    min_run: int = Field(3, ge=2, description="Fewest consecutive sentences with the same first word.")
    across_code: bool = Field(
        False, description="Count a run across code blocks, as Yoast does: “To post data:”, “To add a "
        "header:”… above their code examples then count as consecutive sentences.",
    )


#: Yoast's firstWordExceptions: after these, the beginning is the first two words ("The cat",
#: "The dog" differ). A language file may give its own as `first-word-exceptions`.
_FIRST_WORD_EXCEPTIONS = {
    "en": ("the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
           "nine", "ten", "this", "that", "these", "those"),
    "fr": ("le", "la", "les", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept",
           "huit", "neuf", "dix", "celui", "celle", "ceux", "celles", "celui-ci", "celle-ci",
           "celui-la", "celle-la"),
}


@cache
def _exceptions(lang: str) -> frozenset[str]:
    listed = language(lang).words("first-word-exceptions") or _FIRST_WORD_EXCEPTIONS.get(lang, ())
    return frozenset(fold(word) for word in listed)


def _beginning(sentence: Sentence, exceptions: frozenset[str]) -> str:
    first = [fold(word) for word in sentence.words[:2]]
    if first and first[0] in exceptions and len(first) > 1:
        return " ".join(first)
    return first[0] if first else ""


def _prose_runs(doc: Document, across_code: bool) -> Iterator[list[Sentence]]:
    """Runs of sentences in running prose: headings, lists (definition lists too), tables,
    HTML and code blocks end a run (code blocks not when ``across_code``)."""
    run: list[Sentence] = []
    last = 0  # the last line of the run's last block
    code = _code_lines(doc) if across_code else frozenset()
    for block, block_sentences in zip(doc.body.blocks, doc.block_sentences):
        prose = block.kind in ("paragraph", "blockquote") and not block.emphasis_only \
            and not doc.line_text(block.line + 1).startswith(": ")  # a definition list's term
        if run and (not prose or _something_between(doc, last, block.line, code)):
            yield run
            run = []
        if prose:
            run += block_sentences
            last = block.end_line
    if run:
        yield run


def _code_lines(doc: Document) -> frozenset[int]:
    """The file's lines of top-level code blocks (fenced or indented)."""
    start = doc.split.body_line
    return frozenset(line for token in doc.body.tokens if token.type in ("fence", "code_block")
                     and token.map and token.level == 0
                     for line in range(start + token.map[0], start + token.map[1]))


def _something_between(doc: Document, after: int, before: int, code: frozenset[int]) -> bool:
    """Whether lines other than blank ones (or bare ``>``) and code stand between two blocks."""
    return any(doc.line_text(line).strip(" \t>") and line not in code for line in range(after + 1, before))


def sentence_starts(doc: Document, options: SentenceStarts) -> Iterator[Violation]:
    if not _has_body(doc):
        return
    exceptions = _exceptions(doc.lang)
    for run in _prose_runs(doc, options.across_code):
        beginnings = [_beginning(sentence, exceptions) for sentence in run]
        start = 0
        while start < len(run):
            end = start + 1
            while end < len(run) and beginnings[end] == beginnings[start]:
                end += 1
            if end - start >= options.min_run and beginnings[start]:
                shown = " ".join(run[start].words[: beginnings[start].count(" ") + 1])
                yield Violation(
                    msg("{count} consecutive sentences start with “{shown}”", count=end - start, shown=shown),
                    _span(doc, run[start].line),
                    msg("Vary the openings: start one with its subject, another with a transition."),
                )
            start = end


# --- C006 language-mismatch -------------------------------------------------------------------


class LanguageMismatch(Options):
    min_words: int = Field(50, ge=1, description="Shortest text judged, in words.")
    min_share: float = Field(
        20, ge=0, le=100,
        description="Share of the words that must be function words of the estimated language, in %.",
    )
    margin: float = Field(
        20, ge=0, le=100,
        description="How many points the estimated language's share must exceed the declared one's.",
    )


def language_mismatch(doc: Document, options: LanguageMismatch) -> Iterator[Violation]:
    declared = doc.language
    if not declared.declared or not _has_body(doc) or doc.word_count < options.min_words:
        return  # a language seolint detected or defaulted to has nothing to contradict
    tokens = [token for sentence in doc.sentences for token in words(sentence.text)]
    shares = function_word_shares(tokens)
    if not shares:
        return
    best = max(shares, key=lambda code: shares[code])
    if best == declared.code or shares[best] < options.min_share:
        return
    if shares[best] - shares.get(declared.code, 0.0) < options.margin:
        return
    ranked = sorted(shares, key=shares.__getitem__, reverse=True)
    measured = joined([msg("{code} {share:.0f} %", code=code, share=shares[code]) for code in ranked])
    in_front_matter = declared.origin is Origin.FRONT_MATTER
    name = _LANGUAGE_NAMES.get(best) or language(best).name
    message = msg("The text reads as {name} ({best}), but its language is {declared} ({source}); function words: "
                  "{measured}", name=name, best=best, declared=declared.code, source=declared.source,
                  measured=measured)
    hint = msg("Set `lang: {best}` in the front matter so the language's rules, function words and readability "
               "formula apply; or translate the text.", best=best) if in_front_matter else msg(
        "Set `lang: {best}` in the front matter (or correct {source} in the config) so the language's rules, "
        "function words and readability formula apply; or translate the text.", best=best, source=declared.source)
    yield Violation(message, doc.field_span("lang") if in_front_matter else _span(doc, 1), hint)


_LANGUAGE_NAMES = {"en": msg("English"), "fr": msg("French")}  # others: as the language data names them


# --- the rules --------------------------------------------------------------------------------

_PROSE = "Prose only: code, HTML, URLs and image alt text do not count."


RULES = (
    Rule(
        "C001", "word-count", Severity.WARNING, word_count, options=WordCount, needs_body=True,
        what="Reports a body with fewer than 300 words of prose. " + _PROSE + " The finding "
        "points at the first line of the body's prose (the body's first line when it has none). "
        "A file with nothing after its front matter is not reported: such a page is rendered "
        "from its front matter by a layout (a list page, a redirect). Off on documentation pages by default (`seolint site` shows each page's kind; `[site] kind-ignore`).",
        why="A short page rarely answers a query well enough to rank, and gives search engines "
        "little to understand its topic. Yoast's textLength assessment asks for at least 300 "
        "words in a post: orange at 250–299 words, red under 250, and scored far lower under 200.",
        example="---\ntitle: Networking tips\n---\n\nMeet people. Follow up. That's it.",
        use_instead="---\ntitle: Networking tips\n---\n\n(300 words or more that explain how, why "
        "and with which examples)",
        references=("Yoast SEO: text length (textLength, 300 words)",),
    ),
    Rule(
        "C002", "paragraph-length", Severity.WARNING, paragraph_length, options=ParagraphLength,
        needs_body=True,
        what="Reports a paragraph, list item or quote of more than 150 words, at its first line. "
        "Headings and table cells are not paragraphs.",
        why="Long paragraphs are walls of text, worse on a phone, and readers skip them. Yoast's "
        "paragraph length assessment recommends at most 150 words per paragraph (red past 200).",
        example="A paragraph of 180 words that tells the whole story in one block…",
        use_instead="A first paragraph for the first idea.\n\nA second paragraph for the next one.",
        references=("Yoast SEO: paragraph length (150 words)",),
    ),
    Rule(
        "C003", "sentence-length", Severity.WARNING, sentence_length, options=SentenceLength,
        needs_body=True,
        what="Reports, once, a body in which more than 25 % of the sentences have more than 20 "
        "words (the language's `long-sentence-words`), with the measured share; the finding "
        "points at the longest sentence's block. Each heading, list item and table cell ends a "
        "sentence; abbreviations (`M.`, `etc.`, `e.g.`) do not. A paragraph that is a list "
        "written inline (20 or more short items between commas, such as contributors' names) "
        "is no sentence and is left out, here and in C004.",
        why="Long sentences are harder to follow, and a text made of them reads as hard work. "
        "Yoast's sentence length assessment counts sentences over 20 words (a per-language "
        "limit) and warns when they are more than 25 % of the text (red past 30 %).",
        example="When you meet someone at an event, and you would like to keep in touch with them, "
        "you should send a message within two days that reminds them of what you talked about.",
        use_instead="Met someone you want to keep in touch with? Send a message within two days. "
        "Remind them of what you talked about.",
        references=("Yoast SEO: sentence length (20 words, 25 %)",),
    ),
    Rule(
        "C005", "sentence-starts", Severity.INFO, sentence_starts, options=SentenceStarts,
        needs_body=True,
        what="Reports 3 or more consecutive sentences that start with the same word (ignoring "
        "case and accents), at the first of them. As in Yoast, after an article, a number or a "
        "demonstrative (“The”, « Les », “This”) the first two words are compared. Only running "
        "prose counts: headings, lists, tables, code blocks and HTML end a run, since parallel "
        "list items are deliberate, and so are the captions of code examples (“To post data:”, "
        "“To add a header:”, each above its code block). Yoast counts across code blocks; "
        "`across-code = true` does too (the `yoast` preset sets it).",
        why="Repeated openings make a text monotonous and often hide a list that should be "
        "written as one. Yoast's sentenceBeginnings assessment flags 3 or more consecutive "
        "sentences with the same first word.",
        example="You can write. You can plan. You can publish.",
        use_instead="You can write, plan and publish.",
        references=("Yoast SEO: consecutive sentences (sentenceBeginnings)",),
    ),
    Rule(
        "C006", "language-mismatch", Severity.WARNING, language_mismatch, options=LanguageMismatch,
        needs_body=True,
        what="Estimates the language of the prose from its function words (the share of words "
        "that are articles, pronouns, prepositions… of each language seolint has data for) and "
        "reports when it contradicts the language the article *declares*: its front-matter "
        "`lang` (`language`, `locale`), the config's `[lang-paths]`, or the site's language "
        "folders. Needs 50 words, a share of at least 20 % and a lead of 20 points over the "
        "declared language. An article that declares no language is not reported: its language "
        "is detected from the function words that belong to one language only (« le », « est », "
        "“the”, “is”; not « de » or « la », which Spanish has too) in its title, description, "
        "paragraphs and list items: at least 30 words, a share of 10 % and a lead of 8 points "
        "over the next language (12 under 80 words), else taken from a language folder beside "
        "others (`fr/` next to `en/`), else from the configured `lang` (default `en`).",
        why="The language decides the rules applied: keyphrase matching, function words, the "
        "readability formula, the long-sentence limit. A French article checked as English gets "
        "wrong results everywhere, and search engines may be told the wrong `hreflang`. Function "
        "words make up 35–55 % of running English or French prose, against under 10 % of the "
        "other's words and about 20 % for a close language (Spanish words in French text), as "
        "measured on the example articles and 1,300 public ones; the 20-point lead keeps a "
        "quotation or a page of code names from tipping the estimate.",
        example="---\nlang: en\n---\n\nUn réseau professionnel ne se résume pas à une liste…",
        use_instead="---\nlang: fr\n---\n\nUn réseau professionnel ne se résume pas à une liste…",
        references=("seolint language data: rules/lang/*.toml (function-words)",),
    ),
)

