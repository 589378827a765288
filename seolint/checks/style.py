"""C: how the prose reads — reading ease (C004), transition words (C007), passive voice (C008).

Counts are made on prose only, where each block ends a sentence (:mod:`seolint.source.markdown`);
the word lists are the language's data (``rules/lang/<lang>.toml``), read by
:mod:`seolint.language.style`. A language without a list is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from seolint.findings import Severity, Span, Violation
from seolint.i18n import joined, msg, msg_n
from seolint.language import readability
from seolint.language.style import has_passive, has_transitions, passive, transition, transition_examples
from seolint.language.words import Sentence
from seolint.rules import Options, Rule
from seolint.source.document import Document


def _span(doc: Document, line: int) -> Span:
    return Span.at_line(line, doc.line_text(line))


def _first_prose_line(doc: Document) -> int:
    return doc.body.blocks[0].line if doc.body.blocks else max(1, doc.split.body_line)


def _has_body(doc: Document) -> bool:
    return doc.source is not None and doc.split.problem is None and bool(doc.split.body.strip())


#: The blocks whose sentences C007 and C008 count: those Yoast SEO counts (headings, list
#: items and table cells included; quotes, code and HTML left out), so that the share is
#: measured as it is where the 30 % and 10 % bounds come from.
_COUNTED = ("paragraph", "heading", "list_item", "table_cell")

#: A list item or table cell of fewer words is a label (a contributor's name, a file, « Oui »),
#: not a sentence: a release note's list of 150 names would otherwise drown its prose.
_LABEL_WORDS = 3


def _counted_sentences(doc: Document) -> list[Sentence]:
    """The sentences a share of C007 or C008 is taken of: every sentence of the paragraphs
    and headings, and those of list items and table cells that are more than labels."""
    return [sentence for block, sentences in zip(doc.body.blocks, doc.block_sentences)
            if block.kind in _COUNTED for sentence in sentences
            if len(sentence.words) >= (_LABEL_WORDS if block.kind in ("list_item", "table_cell") else 1)]


def _percent(share: float) -> float:
    """A share as the message shows it (``{share:g}``), to a tenth ("29.7", "24"): rounded to
    a whole number, 29.7 % would read as the 30 % bound it misses."""
    return round(share, 1)


def _lines(sentences: list[Sentence]) -> str:
    lines = sorted({sentence.line for sentence in sentences})
    return ", ".join(map(str, lines))


# --- C004 readability -------------------------------------------------------------------------


class Readability(Options):
    min: float = Field(50, description="Lowest reading ease (0–100 scale; higher is easier).")
    min_words: int = Field(
        100, ge=1,
        description="Shortest text measured, in words: the score of a few sentences means little.",
    )


#: Flesch's bands (Flesch 1948; the ones Yoast and Rank Math show), lowest score first.
_BANDS = ((30, msg("very difficult")), (50, msg("difficult")), (60, msg("fairly difficult")),
          (70, msg("standard")), (80, msg("fairly easy")), (90, msg("easy")))


def _band(score: float) -> str:
    return next((name for bound, name in _BANDS if score < bound), msg("very easy"))


def _longest(sentences: list[Sentence], count: int = 3) -> str:
    """The ``count`` longest sentences, by line: "line 12 (48 words), line 30 (41 words)"."""
    ranked = sorted(sentences, key=lambda sentence: -len(sentence.words))[:count]
    return joined([msg_n("line {line} ({count} word)", "line {line} ({count} words)", len(sentence.words),
                         line=sentence.line) for sentence in ranked])


def reading_ease(doc: Document, options: Readability) -> Iterator[Violation]:
    measured = readability.measure_ease(doc, options.min_words)
    if measured is None:
        return
    score, sentence_count, syllables = measured
    formula, count = readability.formula(doc.lang), readability.running_word_count(doc)
    assert formula is not None
    if score < options.min:
        yield Violation(
            msg("Reading ease {score:.1f} ({formula} for {lang}, {source}; {band}), under the {min:g} minimum: "
                "{words:.1f} words a sentence, {syllables:.2f} syllables a word; longest sentences: {longest}",
                score=score, formula=formula.name, lang=doc.lang, source=doc.language.source, band=_band(score),
                min=options.min, words=count / sentence_count, syllables=syllables / count,
                longest=_longest(doc.running_sentences)),
            _span(doc, _first_prose_line(doc)),
            msg("Shorten the sentences and prefer short, common words, starting with the longest sentences; "
                "each list item counts as a sentence."),
        )


# --- C007 transition-words --------------------------------------------------------------------


class TransitionWords(Options):
    min_share: float = Field(
        30, ge=0, le=100, description="Lowest share of sentences holding a transition word, in %."
    )
    min_words: int = Field(
        200, ge=1, description="Shortest text judged, in words of prose (Yoast: 200)."
    )


def _longest_stretch(sentences: list[Sentence], linked: list[bool]) -> tuple[int, int]:
    """The start and length of the longest run of sentences without a transition."""
    best = (0, 0)
    start = 0
    for index, has in enumerate([*linked, True]):
        if has:
            if index - start > best[1]:
                best = (start, index - start)
            start = index + 1
    return best


def transition_words(doc: Document, options: TransitionWords) -> Iterator[Violation]:
    if not has_transitions(doc.lang) or not _has_body(doc) or doc.word_count < options.min_words:
        return
    found = _counted_sentences(doc)
    if not found:
        return
    linked = [transition(sentence.text, doc.lang) is not None for sentence in found]
    share = 100 * sum(linked) / len(found)
    if share >= options.min_share:
        return
    start, length = _longest_stretch(found, linked)
    examples = joined([msg("“{word}”", word=word) for word in transition_examples(doc.lang)[:5]])
    yield Violation(
        msg("{share:g} % of sentences ({count} of {total}) contain a transition word, under the {min:g} % "
            "minimum; the longest stretch without one, {length} sentences, starts here", share=_percent(share),
            count=sum(linked), total=len(found), min=options.min_share, length=length),
        _span(doc, found[start].line),
        msg("Tie sentences to the ones before them with words such as {examples}: they show the reader how one "
            "idea leads to the next.", examples=examples),
    )


# --- C008 passive-voice -----------------------------------------------------------------------


class PassiveVoice(Options):
    max_share: float = Field(
        10, ge=0, le=100, description="Largest share of sentences in the passive voice, in %."
    )
    min_words: int = Field(
        200, ge=1, description="Shortest text judged, in words of prose: a share of a few "
        "sentences says little.",
    )


def passive_voice(doc: Document, options: PassiveVoice) -> Iterator[Violation]:
    if not has_passive(doc.lang) or not _has_body(doc) or doc.word_count < options.min_words:
        return
    found = _counted_sentences(doc)
    if not found:
        return
    passives = [(sentence, phrase) for sentence in found
                if (phrase := passive(sentence.text, doc.lang)) is not None]
    share = 100 * len(passives) / len(found)
    if share <= options.max_share:
        return
    first, phrase = passives[0]
    yield Violation(
        msg("{share:g} % of sentences ({count} of {total}) are in the passive voice, over the {max:g} % maximum; "
            "the first, here: “{phrase}” (lines {lines})", share=_percent(share), count=len(passives),
            total=len(found), max=options.max_share, phrase=phrase,
            lines=_lines([sentence for sentence, _ in passives[:10]]) + (", …" if len(passives) > 10 else "")),
        _span(doc, first.line),
        msg("Name who acts and make them the subject: “the team built the house” rather than “the house was "
            "built by the team”."),
    )


# --- the rules --------------------------------------------------------------------------------


RULES = (
    Rule(
        "C004", "readability", Severity.WARNING, reading_ease, options=Readability, needs_body=True,
        what="Reports a reading ease under 50, computed with the language's own formula: Flesch "
        "reading ease for English, Kandel–Moles for French, Amstad for German, and so on (the "
        "constants textstat uses). The language is the article's own (its `lang`, `[lang-paths]`, "
        "or else detected from the text), and the message says where it came from. The message "
        "names the formula, the average words a sentence and syllables a word the score comes "
        "from, and the three longest sentences by line, where cutting helps most. Skipped for "
        "a language without a formula and for texts under 100 words, whose score says little. "
        "Each list item, heading and table cell ends a sentence, so a list does not count as "
        "one endless sentence.",
        why="Reading ease falls with long sentences and long words. On Flesch's scale, 60–70 is "
        "plain English, 50–60 fairly difficult and under 50 difficult: the bands Yoast and "
        "Rank Math show, where Yoast turns red under 50.",
        example="Notwithstanding considerable organisational heterogeneity, interpersonal "
        "relationship cultivation constitutes an indispensable professional competency.",
        use_instead="Every workplace is different. But everywhere, knowing people helps.",
        references=(
            "Flesch, R. (1948), A new readability yardstick",
            "Kandel, L. & Moles, A. (1958), Application de l’indice de Flesch à la langue française",
            "Yoast SEO: Flesch reading ease (bands)",
            "Rank Math: content readability (Flesch)",
        ),
    ),
    Rule(
        "C007", "transition-words", Severity.WARNING, transition_words, options=TransitionWords,
        needs_body=True,
        what="Reports, once, a text of 200 words or more in which fewer than 30 % of the "
        "sentences contain a transition word or phrase (“because”, “however”, “for example”; "
        "« car », « cependant », « par exemple »), at the start of the longest stretch of "
        "sentences without one. The sentences counted are those Yoast SEO counts: paragraphs, "
        "headings, list items and table cells; quotes (someone else's words), code and HTML are "
        "left out, and so is a list item or table cell of one or two words (a name, a file), a "
        "label rather than a sentence. The words are the language's `[transitions]` list in "
        "`rules/lang/<lang>.toml`, Yoast's own; `pairs` (“either … or”, « soit … soit ») count "
        "when both parts are in one sentence, the first before the second. A language without a "
        "list is not judged. Off on documentation pages by default (`seolint site` shows each "
        "page's kind; `[site] kind-ignore`): documentation is scanned step by step or entry by "
        "entry, not read from start to end.",
        why="Transition words tell the reader how a sentence relates to the one before it — a "
        "cause, a contrast, an example, a next step — and so make a text easier to follow. "
        "Yoast SEO's readability analysis asks for at least 30 % of sentences with one in texts "
        "of 200 words or more (orange at 20–30 %, red under 20 %). That bound was set on Yoast's "
        "count, so seolint counts the same sentences with the same words: the English and French "
        "lists are Yoast's (yoastseo 3.6.0, `transitionWords.js` and `twoPartTransitionWords.js`), "
        "broad as they are (“if”, “following”, « selon », « suivant »). On 80 corpus articles "
        "C007 and Yoast give the same verdict on 96 % (benchmarks/yoast).",
        example="Networking takes time. You meet people. You follow up. You stay in touch.",
        use_instead="Networking takes time: first, you meet people; then you follow up; "
        "finally, you stay in touch.",
        references=(
            "Yoast SEO: transition words (textTransitionWords: 30 %, texts of 200 words or more)",
            "Yoast: “Why use transition words?” (yoast.com/transition-words-why-and-how-to-use-them/)",
            "yoastseo 3.6.0 (npm): languageProcessing/languages/{en,fr}/config/transitionWords.js, "
            "twoPartTransitionWords.js; researches/findTransitionWords.js",
            "seolint language data: rules/lang/*.toml ([transitions])",
        ),
    ),
    Rule(
        "C008", "passive-voice", Severity.WARNING, passive_voice, options=PassiveVoice,
        needs_body=True,
        what="Reports, once, a text of 200 words or more in which more than 10 % of the sentences "
        "are in the passive voice, at the first of them, with the passive found and the lines of "
        "the others. The sentences counted are C007's, those Yoast SEO counts: paragraphs, "
        "headings, list items and table cells, not quotes, code or labels of one or two words. "
        "English: a form of *be* followed by a past participle (regular “-ed” or irregular, “was "
        "built”), with only negation and adverbs between (“is not always used”); “get started” "
        "and adjectives (“is interested”) are not passive. French: a form of *être* followed by a "
        "past participle (« la maison est construite », « ont été modifiés »), except the verbs "
        "that form their compound tenses with *être* (« il est allé », « elle est née » are "
        "active), pronominal verbs (« elle s’est lancée »), « c’est » and adjectives in -é (« il "
        "est âgé »). The lists are the language's `[passive]` table in `rules/lang/<lang>.toml`; "
        "a language without one is not judged. Off on documentation pages by default (`seolint "
        "site` shows each page's kind; `[site] kind-ignore`): there the program is usually the "
        "one that acts, and the passive names what the reader cares about (“the file is "
        "uploaded”).",
        why="A passive sentence hides who acts and takes more words to say the same thing; "
        "readers follow active sentences more easily. Yoast SEO's passive voice assessment "
        "warns when more than 10 % of the sentences are passive (red past 15 %), counted over "
        "the same sentences as here. The French exceptions (verbs conjugated with *être*, "
        "pronominal verbs, adjectives in -é) are those of Yoast's research on French passives. "
        "Yoast takes a participle anywhere in the clause after the auxiliary (« est un "
        "générateur … construit sur React »); seolint only one right after it, with negation "
        "and adverbs between, so a participle that describes a noun is not read as a passive. "
        "On 80 corpus articles C008 and Yoast give the same verdict on 94 % (benchmarks/yoast).",
        example="The article was written by our team. The photos were taken in Lyon.",
        use_instead="Our team wrote the article. We took the photos in Lyon.",
        references=(
            "Yoast SEO: passive voice (passiveVoice: 10 %)",
            "Yoast: “What is the passive voice?” (yoast.com/the-passive-voice-what-is-it-and-how-to-avoid-it/)",
            "seolint language data: rules/lang/*.toml ([passive])",
        ),
    ),
)
