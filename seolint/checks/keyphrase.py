"""K: the focus keyphrase in the body — its density, the introduction, the subheadings — and
the front-matter keywords the body never uses (K005–K008).

A keyphrase is matched by word forms (:func:`seolint.language.words.stems`), sentence by sentence, as
Yoast counts it: an occurrence is every word of the phrase in one sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from pydantic import Field, model_validator

from seolint.source.document import Document
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg, msg_n
from seolint.source.markdown import Block
from seolint.rules import NoOptions, Options, Rule
from seolint.language.data import language
from seolint.language.fold import fold
from seolint.language.words import contains_phrase, stems, words


class _Phrase(NamedTuple):
    """A keyphrase as the body rules match it: stems of its content words, each as often as
    it is needed; or, for a phrase of function words only (« Qui sommes-nous »), its words."""

    forms: Counter[str]
    sequence: tuple[str, ...]
    length: int  # the words Yoast counts: content words, else all words


def _phrase(text: str, lang: str) -> _Phrase:
    forms = stems(text, lang)
    sequence = tuple(words(text))
    return _Phrase(Counter(forms), sequence, len(forms) or len(sequence))


def _sentence_forms(doc: Document) -> list[Counter[str]]:
    """The word forms of each sentence's content words, counted."""
    return [Counter(stems(sentence.text, doc.lang)) for sentence in doc.sentences]


def _occurrences(phrase: _Phrase, text: str, have: Counter[str]) -> int:
    """Occurrences in one sentence (``have``: its stems): as Yoast counts, the times every
    word of the keyphrase is there."""
    if phrase.forms:
        return min(have[form] // needed for form, needed in phrase.forms.items())
    haystack, size = words(text), len(phrase.sequence)
    count = index = 0
    while size and index <= len(haystack) - size:
        if tuple(haystack[index : index + size]) == phrase.sequence:
            count, index = count + 1, index + size
        else:
            index += 1
    return count


def _keyphrase_span(doc: Document, key: str) -> Span:
    return doc.key_span(doc.article.keys.get(key, key))


def _times(count: int) -> str:
    return msg_n("{count} time", "{count} times", count)


class KeyphraseDensity(Options):
    min: float = Field(
        0.5, ge=0,
        description="Lowest density: occurrences per 100 words × (0.7 + keyphrase words / 3), in %.",
    )
    max: float = Field(3, gt=0, description="Highest density, weighted the same way, in %.")
    min_words: int = Field(100, ge=1, description="Shortest body checked, in words of prose.")

    @model_validator(mode="after")
    def _ordered(self) -> KeyphraseDensity:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


def _length_factor(length: int) -> float:
    """Yoast's weight for the keyphrase's length: a long phrase is needed less often."""
    return 0.7 + length / 3


def _recommended(density: float, total: int, length: int, minimum: bool) -> int:
    """Yoast's recommended count for a density: never under 2 occurrences."""
    count = density * total / (100 * _length_factor(length))
    if count < 2:
        return 2
    return math.ceil(count) if minimum else math.floor(count)


def keyphrase_density(doc: Document, options: KeyphraseDensity) -> Iterator[Violation]:
    found, total = doc.keyphrase, doc.word_count
    if found is None or total < options.min_words:
        return
    phrase = _phrase(found[0], doc.lang)
    if not phrase.length:
        return
    count = sum(
        _occurrences(phrase, sentence.text, have)
        for sentence, have in zip(doc.sentences, _sentence_forms(doc))
    )
    density = 100 * count / total * _length_factor(phrase.length)
    low = _recommended(options.min, total, phrase.length, True)
    high = _recommended(options.max, total, phrase.length, False)
    if count < 2 or density < options.min:
        yield Violation(
            msg("The focus keyphrase “{phrase}” occurs {times} in {total} words; at least {low} are recommended for "
                "this length", phrase=found[0], times=_times(count), total=total, low=low),
            _keyphrase_span(doc, found[1]),
            msg("Use it where it fits naturally (introduction, a subheading, the conclusion); word forms count, in "
                "any order, when all its words are in one sentence."),
        )
    elif density > options.max and not (count == 2 and low <= 2):
        yield Violation(
            msg("The focus keyphrase “{phrase}” occurs {times} in {total} words; at most {high} are recommended for "
                "this length", phrase=found[0], times=_times(count), total=total, high=high),
            _keyphrase_span(doc, found[1]),
            msg("Replace some occurrences with synonyms or pronouns: repetition reads as keyword stuffing."),
        )


def _introduction(doc: Document) -> Block | None:
    """The first paragraph of prose: an image-only or HTML-only paragraph has no prose, and a
    bold or italic line without closing punctuation is a label (« **Sommaire** »), but an
    italic paragraph of sentences is an introduction like any other."""
    for block in doc.body.blocks:
        if block.kind != "paragraph" or not block.text.strip():
            continue
        if block.emphasis_only and not block.text.rstrip(" \"'’”»)]").endswith((".", "!", "?", "…")):
            continue
        return block
    return None


def keyphrase_intro(doc: Document, options: NoOptions) -> Iterator[Violation]:
    found = doc.keyphrase
    first = _introduction(doc)
    if found is None or first is None or contains_phrase(first.text, found[0], doc.lang):
        return
    yield Violation(
        msg("The first paragraph does not contain the focus keyphrase “{phrase}”", phrase=found[0]),
        Span.at_line(first.line, doc.line_text(first.line)),
        msg("Say what the article is about in its first paragraph, with the keyphrase's words."),
    )


class SubheadingShare(Options):
    min: float = Field(
        30, ge=0, le=100, description="Lowest share of H2/H3 subheadings with the keyphrase, in %."
    )
    max: float = Field(
        75, ge=0, le=100, description="Highest share, in % (only with two subheadings or more)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> SubheadingShare:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


def _reflects(phrase: _Phrase, heading: str, lang: str) -> bool:
    """Yoast: more than half of the keyphrase's content words, all of them for a language
    without function words."""
    if not phrase.forms:
        return _occurrences(phrase, heading, Counter()) > 0
    wanted = set(phrase.forms)
    share = len(wanted & set(stems(heading, lang))) / len(wanted)
    return share > 0.5 if language(lang).function_words else share == 1


def keyphrase_subheadings(doc: Document, options: SubheadingShare) -> Iterator[Violation]:
    found = doc.keyphrase
    subheadings = [heading for heading in doc.body.headings if heading.level in (2, 3)]
    if found is None or not subheadings:
        return
    phrase = _phrase(found[0], doc.lang)
    if not phrase.length:
        return
    total = len(subheadings)
    matches = sum(_reflects(phrase, heading.text, doc.lang) for heading in subheadings)
    low = math.ceil(total * options.min / 100)
    high = math.floor(total * options.max / 100)
    first = subheadings[0]
    span = Span(first.line, first.column, first.line, len(doc.line_text(first.line).rstrip()) + 1)
    if matches < low:
        yield Violation(
            msg("{matches} of {total} H2/H3 subheadings reflect the focus keyphrase “{phrase}”, under the {min:g} % "
                "minimum (at least {low})", matches=matches, total=total, phrase=found[0], min=options.min, low=low),
            span,
            msg("Name the topic in a few subheadings: readers scan them, search engines weigh them."),
        )
    elif total > 1 and matches > high:
        yield Violation(
            msg("{matches} of {total} H2/H3 subheadings reflect the focus keyphrase “{phrase}”, over the {max:g} % "
                "maximum (at most {high})", matches=matches, total=total, phrase=found[0], max=options.max,
                high=high),
            span,
            msg("Let some subheadings say what their section adds instead of repeating the keyphrase."),
        )


def keyword_unused(doc: Document, options: NoOptions) -> Iterator[Violation]:
    keywords = doc.article.get("keywords")
    key = doc.article.keys.get("keywords")
    if not keywords or key is None or not doc.word_count:
        return
    sentence_forms = _sentence_forms(doc)
    seen: set[str] = set()  # a keyword listed twice is reported once (K002 reports the repeat)
    for index, keyword in enumerate(keywords):
        if not isinstance(keyword, str):
            continue
        folded = " ".join(fold(keyword).split())
        if folded in seen:
            continue
        seen.add(folded)
        phrase = _phrase(keyword, doc.lang)
        if not phrase.length:
            continue
        used = any(
            _occurrences(phrase, sentence.text, have)
            for sentence, have in zip(doc.sentences, sentence_forms)
        )
        if not used:
            yield Violation(
                msg("Keyword “{keyword}” appears nowhere in the body", keyword=keyword.strip()),
                doc.key_span(key, index),
                msg("Cover it in the text (all its words in one sentence), or drop it from the list."),
            )


#: How words are compared, for the rules that match the keyphrase in the text.
_FORMS = (
    " Word forms: an inflection counts as the same word (plural, feminine, verb tense: "
    "“networks”, “networking” for “network”; « réseaux professionnels », « professionnelle » "
    "for « réseau professionnel »), a derivation does not, since it names something else: “maintainers” is "
    "not “maintain”, “accessibility” is not “access”, « compilateur » is not « compiler », "
    "« développement » is not « développer ». Yoast SEO's English word forms strip inflections "
    "only in the same way (yoastseo's determineStem: plural nouns to the singular, verb forms to "
    "the infinitive); a Snowball stemmer also merges derivations. On the pair list in "
    "tests/fixtures/word_forms, seolint's endings keep 19 of 19 English and 12 of 12 French "
    "derivations apart (Snowball: 9 and 5) and merge every listed inflection (Snowball misses 4 "
    "of 24 in French); `scripts/measure_word_forms.py` measures it. The endings are "
    "`[word-forms]` in `rules/lang/<lang>.toml`."
)
_FORMS_REFERENCE = "Yoast SEO: word forms (yoastseo determineStem, English morphology)"


RULES = (
    Rule(
        "K005", "keyphrase-density", Severity.WARNING, keyphrase_density, options=KeyphraseDensity,
        needs_body=True,
        what="Counts the focus keyphrase in the body's prose and reports too few or too many "
        "occurrences for the text's length, as Yoast's keyphrase density assessment does. An "
        "occurrence is a sentence holding every content word of the keyphrase, in any order and "
        "form (a sentence holding them twice counts twice). The density is occurrences per 100 "
        "words times a weight for the keyphrase's length, 0.7 + words/3, so a long keyphrase is "
        "needed less often; it must lie within 0.5–3 %. Short texts: the recommended counts are "
        "never under 2, one occurrence is always too few, two are always enough when at most 2 "
        "are recommended, and a body under 100 words is not checked." + _FORMS,
        why="A keyphrase that barely appears does not tell search engines what the page is "
        "about; one repeated everywhere reads as keyword stuffing, which Google's spam policies "
        "name. The bounds, the length weight and the short-text rules are those of Yoast SEO's "
        "free keyphrase density assessment (KeywordDensityAssessment and "
        "recommendedKeywordCount in yoastseo: 0.5–3 %, at least 2 occurrences, from 100 words).",
        example="keyphrase: professional network\n---\n\n(800 words that say “professional "
        "network” once)",
        use_instead="keyphrase: professional network\n---\n\n(800 words that mention a professional "
        "network 3 to 17 times: the counts Yoast recommends for a two-word keyphrase)",
        references=(
            "Yoast SEO: keyphrase density (0.5–3 %, keyphrase-length weight, at least 2)",
            _FORMS_REFERENCE,
            "Google Search: spam policies, keyword stuffing",
        ),
    ),
    Rule(
        "K006", "keyphrase-intro", Severity.WARNING, keyphrase_intro, needs_body=True,
        what="Reports a first paragraph that does not contain every content word of the focus "
        "keyphrase, in any order and form. The first paragraph is the body's first paragraph of "
        "prose: not a heading, list or quote, not a paragraph holding only an image or HTML, "
        "and not a bold or italic label without closing punctuation (« **Sommaire** »); an "
        "italic introduction made of sentences counts." + _FORMS,
        why="The introduction tells readers and search engines at once what the page is about. "
        "Yoast's introductionKeyword assessment checks that the keyphrase's words appear in the "
        "first paragraph.",
        example="keyphrase: professional network\n---\n\nMeeting people is hard when you work alone.",
        use_instead="keyphrase: professional network\n---\n\nA professional network is hard to build "
        "when you work alone.",
        references=("Yoast SEO: keyphrase in introduction (introductionKeyword)", _FORMS_REFERENCE),
    ),
    Rule(
        "K007", "keyphrase-subheadings", Severity.INFO, keyphrase_subheadings,
        options=SubheadingShare, needs_body=True,
        what="Reports when the share of H2 and H3 subheadings that reflect the focus keyphrase "
        "is under 30 % or over 75 %. A subheading reflects it when it holds more than half of "
        "its content words (all of them in a language without function-word data), as Yoast "
        "counts. Applies as soon as there is one H2/H3; the maximum only from two.",
        why="Subheadings that name the topic help readers scan and search engines understand the "
        "structure; every subheading repeating the keyphrase is over-optimization. The bounds are "
        "Yoast's subheadingsKeyword assessment (30–75 %).",
        example="keyphrase: professional network\n---\n\n## Why it matters\n\n## Getting started\n\n"
        "## Keeping in touch",
        use_instead="keyphrase: professional network\n---\n\n## Why a professional network matters\n\n"
        "## Getting started\n\n## Keeping in touch",
        references=("Yoast SEO: keyphrase in subheading (subheadingsKeyword, 30–75 %)",),
    ),
    Rule(
        "K008", "keyword-unused", Severity.INFO, keyword_unused, needs_body=True,
        what="Reports a keyword of the `keywords` list whose content words never appear "
        "together in one sentence of the body's prose (any form and order). Skipped for a body "
        "without prose.",
        why="A listed keyword the text never covers is a promise the page does not keep; "
        "Front Matter CMS's SEO panel checks each keyword against the content in the same way.",
        example="keywords: [networking, mentoring]\n---\n\nNetworking is a skill. (no mentoring)",
        use_instead="keywords: [networking, mentoring]\n---\n\nNetworking is a skill; mentoring "
        "is one way to learn it.",
        references=("Front Matter CMS: SEO keyword checks",),
    ),
)
