"""K: the focus keyphrase and the keyword list in front matter (K001–K004); the keyphrase in
the body is :mod:`seolint.checks.keyphrase`'s."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from seolint.source.document import Document
from seolint.findings import FixSafety, RemoveItem, Severity, Violation
from seolint.i18n import msg
from seolint.rules import NoOptions, Options, Rule
from seolint.language.fold import fold
from seolint.language.words import content_words


def keyphrase_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is not None and doc.keyphrase is None:
        yield Violation(
            msg("No focus keyphrase: the keyphrase rules are skipped for this article"),
            doc.key_span(),
            msg("Add `keyphrase:` with the 1–4 words searchers type, or list `keywords`."),
        )


def keywords_duplicate(doc: Document, options: NoOptions) -> Iterator[Violation]:
    keywords = doc.article.get("keywords")
    key = doc.article.keys.get("keywords")
    if not keywords or key is None:
        return
    seen: dict[str, int] = {}
    for index, keyword in enumerate(keywords):
        folded = " ".join(fold(keyword).split())
        if folded in seen:
            yield Violation(
                msg("Keyword “{keyword}” repeats keyword {number} (“{first}”)", keyword=keyword.strip(),
                    number=seen[folded] + 1, first=keywords[seen[folded]].strip()),
                doc.key_span(key, index),
                msg("Remove the repetition; each keyword should name a different search intent."),
                fix=msg("Remove the duplicate keyword"),
                edits=(RemoveItem(key, index),),
            )
        else:
            seen[folded] = index


class KeywordsCount(Options):
    max: int = Field(10, ge=1, description="Most keywords.")


def keywords_count(doc: Document, options: KeywordsCount) -> Iterator[Violation]:
    keywords = doc.article.get("keywords")
    if keywords and len(keywords) > options.max:
        yield Violation(
            msg("{count} keywords listed, over the {max} maximum", count=len(keywords), max=options.max),
            doc.field_span("keywords"),
            msg("Keep the few phrases this article really answers; the rest dilutes its focus."),
        )


class KeyphraseLength(Options):
    max: int = Field(4, ge=1, description="Most content words in the keyphrase.")


def keyphrase_length(doc: Document, options: KeyphraseLength) -> Iterator[Violation]:
    found = doc.keyphrase
    if found is None:
        return
    phrase, key = found
    count = len(content_words(phrase, doc.lang))
    if count > options.max:
        yield Violation(
            msg("The keyphrase “{phrase}” has {count} content words, over the {max} maximum", phrase=phrase,
                count=count, max=options.max),
            doc.key_span(doc.article.keys.get(key, key)),
            msg("Keep the 1–4 words people actually search for; long phrases are rarely typed."),
        )


RULES = (
    Rule(
        "K001", "keyphrase-missing", Severity.WARNING, keyphrase_missing,
        what="Reports an article with no focus keyphrase (`keyphrase`, `focus_keyword`, "
        "`focus_keyphrase`, or else the first of `keywords`). Off on documentation pages by default (`seolint site` shows each page's kind; `[site] kind-ignore`).",
        why="Every keyphrase rule needs one; Yoast asks for a focus keyphrase before any "
        "other SEO assessment.",
        example="---\ntitle: Networking guide\n---",
        use_instead="---\ntitle: Networking guide\nkeyphrase: professional networking\n---",
        references=("Yoast SEO: focus keyphrase",),
    ),
    Rule(
        "K002", "keywords-duplicate", Severity.WARNING, keywords_duplicate, fix=FixSafety.SAFE,
        what="Reports keywords listed twice, ignoring case and accents.",
        why="A repeated keyword adds nothing and usually hides a copy-paste slip.",
        example="keywords: [SEO, content, seo]",
        use_instead="keywords: [SEO, content]",
        references=("Front Matter CMS: keywords",),
    ),
    Rule(
        "K003", "keywords-count", Severity.WARNING, keywords_count, options=KeywordsCount,
        what="Reports more than 10 keywords.",
        why="An article that targets everything ranks for nothing; a short list keeps the "
        "writing focused.",
        example="keywords: [a, b, c, d, e, f, g, h, i, j, k, l]",
        use_instead="keywords: [a, b, c]",
        references=("Yoast SEO: one focus keyphrase plus a few related ones",),
    ),
    Rule(
        "K004", "keyphrase-length", Severity.WARNING, keyphrase_length, options=KeyphraseLength,
        what="Reports a focus keyphrase with more than 4 content words (function words such "
        "as “the” or « de » do not count).",
        why="Yoast rates keyphrases of 1–4 content words: longer ones are rarely searched "
        "and hard to use naturally.",
        example="keyphrase: the best way to build a large professional network quickly",
        use_instead="keyphrase: build a professional network",
        references=("Yoast SEO: keyphrase length (1–4 content words)",),
    ),
)
