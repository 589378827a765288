"""FM: the front matter itself — present, parseable, typed and tidy; its dates are
:mod:`seolint.checks.dates`'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pydantic import Field

from seolint.source.document import Document
from seolint.source.profiles.model import given_by_data
from seolint.findings import Edit, FixSafety, SetItem, SetKey, Severity, Span, Violation
from seolint.i18n import msg
from seolint.rules import NoOptions, Options, Rule
from seolint.source.schema import is_empty
from seolint.language.words import edit_distance


def frontmatter_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.source is None or doc.split.problem is not None or doc.frontmatter is not None:
        return
    if _titled_by_h1(doc):  # MkDocs, VitePress, Docusaurus: front matter is optional there
        yield Violation(
            msg("The page has no front matter: its title comes from the H1, but search engines get no description "
                "of it"),
            Span(1, 1, 1, 1),
            msg("Start the file with a `---` block holding a `description:` of 120–160 characters."),
        )
    else:
        yield Violation(
            msg("The article has no front matter: search engines get no title, description or date"),
            Span(1, 1, 1, 1),
            msg("Start the file with a `---` block holding at least title, description and date."),
        )


def frontmatter_syntax(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.problem is not None:
        line = doc.problem.line
        yield Violation(doc.problem.message, Span(line, 1, line, 1), doc.problem.hint)
    if doc.split.problem is not None:
        yield Violation(doc.split.problem.message, doc.split.problem.span, doc.split.problem.hint)
    if doc.frontmatter is not None:
        for problem in doc.frontmatter.problems:
            if problem.code == "FM002":
                yield Violation(problem.message, problem.span, problem.hint)


def duplicate_key(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.frontmatter is not None:
        for problem in doc.frontmatter.problems:
            if problem.code == "FM006":
                yield Violation(problem.message, problem.span, problem.hint)


def field_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is None:
        return
    article = doc.article
    invalid = {problem.key for problem in article.problems}
    for name in doc.settings.fields.required:
        if name == "date" and not _needs_date(doc):
            continue  # a documentation page, or a post dated by its file name
        if name == "title" and (_titled_by_h1(doc) or _titled_by_layout(doc)):
            continue  # the first H1 (MkDocs, VitePress, Docusaurus) or a layout's own key gives it
        key = article.keys.get(name)
        if key in invalid:
            continue  # FM004 or FM007 already says what is wrong with it
        if key is None and given_by_data(doc.settings.site, doc.path.absolute().as_posix(), name):
            continue  # Eleventy's directory data file gives it (`eleventyComputed.title`)
        if key is None:
            keys = doc.settings.fields.keys.get(name, (name,))
            accepted = ", ".join(f"`{k}`" for k in keys[:4])
            yield Violation(
                msg("Required field `{name}` is missing", name=name),
                doc.key_span(),
                msg("Add `{name}:` to the front matter (accepted keys: {accepted}).", name=name, accepted=accepted),
            )
        elif is_empty(doc.data.get(key)):
            yield Violation(
                msg("Required field `{key}` is empty", key=key),
                doc.key_span(key),
                msg("Give `{key}` a value, or remove the key and let the missing-field error guide you.", key=key),
            )


def _needs_date(doc: Document) -> bool:
    """Whether the article needs a `date` key: dated content (posts, news: every article
    without a site profile, save Starlight docs) does, unless its URL key starts with the
    date (rust-blog's `path = "2021/06/24/x"`) or the generator reads the date from the file
    name (Jekyll's `_posts/2021-06-24-title.md`); documentation and plain pages do not."""
    from seolint.source.profiles.kinds import dated_url

    if doc.kind != "dated" or dated_url(doc.data) is not None:
        return False
    site = doc.settings.site
    if site is None:
        return True
    from seolint.source.profiles import dated_by_name

    return not dated_by_name(site, doc.path.absolute().as_posix())


def _titled_by_layout(doc: Document) -> bool:
    """Whether an Eleventy page names its title in a key of its own that the site's layout
    reads (``newstitle``, ``pageTitle``) or in its navigation entry (``eleventyNavigation.key``,
    which layouts fall back to): Eleventy's titles are the templates' to make."""
    site = doc.settings.site
    if site is None or site.generator != "eleventy" or doc.data is None:
        return False
    navigation = doc.data.get("eleventyNavigation")
    if isinstance(navigation, dict) and isinstance(navigation.get("key"), str) and navigation["key"].strip():
        return True
    return any("title" in str(key).casefold() and "subtitle" not in str(key).casefold()
               and isinstance(value, str) and value.strip() for key, value in doc.data.items())


def _titled_by_h1(doc: Document) -> bool:
    """Whether the generator takes the page's title from its first heading, an H1 (read
    from the lines: front-matter rules never parse the Markdown)."""
    site = doc.settings.site
    if site is None or not site.title_from_h1:
        return False
    fence = ""
    for line in doc.lines[doc.split.body_line - 1:]:
        stripped = line.lstrip()
        if fence:
            fence = "" if stripped.startswith(fence) else fence
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif stripped.startswith("#"):
            return stripped.startswith("# ")
    return False


def _article_problems(code: str) -> Any:
    def check(doc: Document, options: NoOptions) -> Iterator[Violation]:
        if doc.data is None:
            return
        for problem in doc.article.problems:
            if problem.code == code:
                edits = _as_list(doc.data.get(problem.key), problem.key) if problem.fix else ()
                yield Violation(problem.message, doc.key_span(problem.key), problem.hint, problem.fix, edits)

    return check


def _as_list(value: Any, key: str) -> tuple[Edit, ...]:
    """A comma-separated string rewritten as the list it means (FM004's fix)."""
    if not isinstance(value, str):
        return ()
    return (SetKey(key, [item.strip() for item in value.split(",") if item.strip()]),)


class UnknownOptions(Options):
    all_unknown: bool = Field(False, description="Report every unknown key, not only likely typos.")
    max_distance: int = Field(
        2, ge=1, le=3, description="Edits (1 for keys of 4 letters or fewer) that make a typo."
    )


def field_unknown(doc: Document, options: UnknownOptions) -> Iterator[Violation]:
    if doc.data is None:
        return
    known = doc.settings.fields.all_keys
    if doc.settings.site is not None:
        known = known | doc.settings.site.keys
    for key in doc.data:
        key = str(key)
        if key in known or "." in key or (doc.settings.site is not None and key.startswith("_")):
            continue  # with a site generator, `_key` is a private note (Hugo's `_comment`)
        limit = 1 if len(key) <= 4 else options.max_distance
        near = closest_key(key, known, limit)
        if near is not None:
            yield Violation(
                msg("Unknown key `{key}`: did you mean `{near}`?", key=key, near=near),
                doc.key_span(key),
                msg("Rename it to `{near}`; as written, the value is ignored.", near=near),
            )
        elif options.all_unknown:
            yield Violation(
                msg("Unknown key `{key}`", key=key),
                doc.key_span(key),
                msg("Remove it, or declare it under [fields.custom] or `fields.known` in the config."),
            )


@lru_cache(maxsize=4096)
def closest_key(key: str, known: frozenset[str], limit: int) -> str | None:
    """The known key within ``limit`` edits of ``key`` (the nearest, then alphabetical).

    Cached: a folder repeats the same unknown keys (``ms.topic``, ``helpviewer_keywords``) in
    thousands of files, and the known set is the same object for a whole config.
    """
    lowered = key.lower()
    best: tuple[int, str] | None = None
    for other in known:
        distance = edit_distance(lowered, other.lower(), limit)
        if distance <= limit and (best is None or (distance, other) < best):
            best = (distance, other)
    return best[1] if best else None


_STRING_FIELDS = ("title", "description", "slug", "keyphrase", "image", "author", "lang")
_DOUBLED = re.compile(r"[ \t\u00a0]{2,}")


def _whitespace_issue(value: str) -> str | None:
    if "\n" in value.strip() or "\r" in value:
        return msg("a line break")
    if value.endswith("\n") and value[:-1] == value.strip():
        value = value[:-1]  # YAML's `>` and `|` keep one final line break: no page or card shows it
    if value != value.strip():
        return msg("leading or trailing whitespace")
    if _DOUBLED.search(value):
        return msg("doubled spaces")
    return None


#: What the fix turns into one space: a run with a line break or a tab, or doubled spaces. A
#: single no-break space stays (French puts one before « : ; ! ? »).
_MESSY = re.compile(r"\s*[\r\n\t]\s*|\s{2,}")


def _tidy(value: str) -> str:
    return _MESSY.sub(" ", value.strip())


def field_whitespace(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is None:
        return
    article = doc.article
    for name in (*_STRING_FIELDS, "keywords", "tags"):
        key = article.keys.get(name)
        value = doc.data.get(key) if key else None
        items: list[tuple[tuple[str | int, ...], str, str]] = []
        if key and isinstance(value, str):
            items.append(((key,), value, ""))
        elif key and isinstance(value, list):
            items += [
                ((key, index), item, "item")
                for index, item in enumerate(value)
                if isinstance(item, str)
            ]
        for path, text, label in items:
            issue = _whitespace_issue(text)
            if issue is not None:
                tidy = _tidy(text)
                edit = SetKey(str(path[0]), tidy) if len(path) == 1 else SetItem(str(path[0]), int(path[1]), tidy)
                yield Violation(
                    msg("`{key}` contains {issue}", key=key, issue=issue) if not label else
                    msg("Item {number} of `{key}` contains {issue}", number=int(path[1]) + 1, key=key, issue=issue),
                    doc.key_span(*path),
                    msg("Search results and social cards show it on one line: trim it and use single spaces."),
                    fix=msg("Trim and collapse whitespace"),
                    edits=(edit,),
                )


RULES = (
    Rule(
        "FM001", "frontmatter-missing", Severity.ERROR, frontmatter_missing,
        what="Reports an article with no front matter block at its top.",
        why="Without front matter a site generator has no title, description, date or slug "
        "for the page, and every other SEO rule has nothing to check.",
        example="# My article\n\nText.",
        use_instead="---\ntitle: My article about a topic\ndescription: What the reader gets.\n"
        "date: 2025-03-14\n---\n\nText.",
        references=("Hugo, Jekyll and Astro front matter documentation",),
    ),
    Rule(
        "FM002", "frontmatter-syntax", Severity.ERROR, frontmatter_syntax,
        what="Reports front matter that cannot be read: YAML, TOML or JSON syntax errors, a "
        "block that is never closed, forbidden YAML tags, alias bombs, invalid UTF-8 and "
        "binary files. The finding points at the line the parser stopped on.",
        why="A generator that cannot parse the front matter fails the build or, worse, "
        "publishes the page with no metadata.",
        example="---\ntitle: \"Unclosed quote\n---",
        use_instead="---\ntitle: \"Closed quote\"\n---",
        references=("YAML 1.2 specification", "TOML 1.0 specification", "RFC 8259 (JSON)"),
    ),
    Rule(
        "FM003", "field-missing", Severity.ERROR, field_missing,
        what="Reports a required field that is missing or empty (by default title, "
        "description and date; configure `[fields] required`). On a site whose generator "
        "seolint detects (see `seolint site`), `date` is required only of dated content "
        "(posts, blog, news folders, per the site profile; without one, every article but "
        "Starlight docs pages), and not when the generator reads the date from the file name "
        "(`_posts/2021-06-24-title.md`) or a `path`/`permalink`/`url` key starts with it "
        "(`path = \"2021/06/24/x\"`); documentation pages and plain pages need none. "
        "On MkDocs, VitePress and Docusaurus sites a page whose first heading is an H1 has its "
        "title there; on an Eleventy site, a page with a key of its own for the title "
        "(`newstitle`, `pageTitle`) or an `eleventyNavigation.key` has one, made by its layout.",
        why="The title and description become the search result's headline and snippet; "
        "without a date, feeds and sitemaps cannot order or refresh the page.",
        example="---\ntitle: Networking guide\n---",
        use_instead="---\ntitle: Networking guide\ndescription: How to grow a professional "
        "network.\ndate: 2025-03-14\n---",
        references=("Google Search Central: title links and snippets",),
    ),
    Rule(
        "FM004", "field-type", Severity.ERROR, _article_problems("FM004"),
        what="Reports a field whose value has the wrong type or shape: keywords and tags "
        "must be lists of text, draft true or false, title and description text; "
        "user-declared fields must match their type, pattern, enum and length.",
        why="Generators silently mis-read wrongly typed values (a comma string is one "
        "keyword, not several), so the published metadata is not what the writer meant.",
        example="keywords: seo, content, writing",
        use_instead="keywords: [seo, content, writing]",
        references=("pydantic validation of the Article model",),
        fix=FixSafety.SAFE,
    ),
    Rule(
        "FM005", "field-unknown", Severity.WARNING, field_unknown, options=UnknownOptions,
        what="Reports a key that is not a known field but is within two edits of one "
        "(`descripton`); with `all-unknown`, every key seolint does not know. The keys the "
        "site's generator defines (Hugo's `weight`, `related`, `aliases`; Jekyll's "
        "`nav_order`; MkDocs' `icon`…) are known, and on a detected site `_key` is a private "
        "note.",
        why="A misspelt key is ignored by the generator: the page silently loses its "
        "description or date. Two edits (one for short keys) catch typos without "
        "flagging real keys.",
        example="descripton: How to grow a network.",
        use_instead="description: How to grow a network.",
        references=("Damerau–Levenshtein edit distance",),
    ),
    Rule(
        "FM006", "duplicate-key", Severity.ERROR, duplicate_key,
        what="Reports a key that appears twice in the same mapping.",
        why="YAML parsers keep the last value without a word, so one of the two values "
        "the writer typed is silently lost.",
        example="title: First\ntitle: Second",
        use_instead="title: Second",
        references=("YAML 1.2 §3.2.1.1: mapping keys are unique",),
    ),
    Rule(
        "FM010", "field-whitespace", Severity.INFO, field_whitespace,
        what="Reports leading, trailing or doubled whitespace and line breaks in text fields.",
        why="Titles and descriptions are shown on one line; stray whitespace leaks into "
        "HTML attributes, social cards and feeds, and makes duplicate detection miss.",
        example="title: \"  Networking guide \"",
        use_instead="title: Networking guide",
        references=("Google Search Central: title links",),
        fix=FixSafety.SAFE,
    ),
)
