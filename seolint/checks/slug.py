"""S: the slug, the article's part of the URL."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from seolint.source.document import Document
from seolint.source.globs import absolute
from seolint.findings import FixSafety, SetKey, Severity, Violation
from seolint.i18n import msg, msg_n
from seolint.printable import shown_name
from seolint.rules import NoOptions, Options, Rule
from seolint.language.words import make_slug, stems

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_INDEX_NAMES = {"index", "_index", "readme"}


class SlugFormat(Options):
    pattern: str = Field(
        r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Regular expression a slug must match."
    )


def slug_format(doc: Document, options: SlugFormat) -> Iterator[Violation]:
    slug = doc.article.text("slug")
    if slug is None or re.fullmatch(options.pattern, slug):
        return
    better = make_slug(slug, doc.lang)
    yield Violation(
        msg("Slug `{slug}` is not lowercase ASCII kebab-case", slug=slug),
        doc.field_span("slug"),
        msg("Use `{better}`; accents, capitals, spaces and underscores make fragile URLs.", better=better),
        fix=msg("Rename the slug to `{better}` (changes the URL: add a redirect)", better=better),
        edits=(SetKey(doc.article.keys.get("slug", "slug"), better),) if better else (),
    )


class SlugLength(Options):
    max: int = Field(75, ge=1, description="Most characters.")


def slug_length(doc: Document, options: SlugLength) -> Iterator[Violation]:
    slug = doc.article.text("slug")
    if slug is not None and len(slug) > options.max:
        yield Violation(
            msg("Slug is {size} characters long, over the {max} maximum", size=len(slug), max=options.max),
            doc.field_span("slug"),
            msg_n("Keep the keyphrase and drop at least {count} characters (stop words, dates).",
                  "Keep the keyphrase and drop at least {count} characters (stop words, dates).",
                  len(slug) - options.max),
        )


def slug_keyphrase(doc: Document, options: NoOptions) -> Iterator[Violation]:
    slug, found = doc.article.text("slug"), doc.keyphrase
    if slug is None or found is None:
        return
    phrase = found[0]
    wanted = set(stems(phrase, doc.lang))
    if wanted and not wanted <= set(stems(slug.replace("-", " "), doc.lang)):
        yield Violation(
            msg("The focus keyphrase “{phrase}” is not in the slug `{slug}`", phrase=phrase, slug=slug),
            doc.field_span("slug"),
            msg("Include `{words}` in the slug (this changes the URL).", words=make_slug(phrase, doc.lang)),
        )


#: Front-matter keys that give an article's whole URL, on the common generators.
_URL_KEYS = ("path", "permalink", "url")


def file_slug(doc: Document) -> str:
    """The slug a generator derives from the file (or its folder, for ``index.md``)."""
    name = doc.path.stem
    if name.lower() in _INDEX_NAMES:
        name = absolute(doc.path).parent.name
    return _DATE_PREFIX.sub("", name)


def slug_filename_mismatch(doc: Document, options: NoOptions) -> Iterator[Violation]:
    slug = doc.article.text("slug")
    expected = file_slug(doc)
    if slug is not None and slug != expected:
        yield Violation(
            msg("Slug `{slug}` differs from the file name `{expected}`", slug=slug, expected=expected),
            doc.field_span("slug"),
            msg("Rename the file or the slug so that both say the same; it keeps URLs predictable."),
        )


def slug_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is None or doc.article.text("slug"):
        return
    if any(isinstance(doc.data.get(key), str) and doc.data[key].strip() for key in _URL_KEYS):
        return  # the whole URL comes from a key (rust-blog's `path = "2021/06/24/x"`), not the file name
    site = doc.settings.site
    if site is not None and "slug" not in doc.article.keys:
        from seolint.source.profiles import good_file_slug

        if good_file_slug(site, doc.path.absolute().as_posix(), doc.data):
            return  # the generator makes the URL from a file name that is already a good slug
    title = doc.article.text("title")
    segment = file_slug(doc)  # the URL's last part today
    shown = shown_name(segment)  # as reports show a file name: escaped when it is no text
    proposed = make_slug(title if title else segment, doc.lang)
    empty = "slug" in doc.article.keys
    key = doc.article.keys.get("slug", "slug")
    keeps_url = proposed == segment
    fix = msg("Add `slug: {proposed}`", proposed=proposed) if keeps_url else msg(
        "Add `slug: {proposed}` (changes the URL from `{shown}`: add a redirect)", proposed=proposed, shown=shown)
    yield Violation(
        msg("The slug is empty: the URL comes from the file name") if empty
        else msg("No slug: the URL comes from the file name"),
        doc.field_span("slug"),
        msg("Set `slug: {proposed}` so that renaming the file does not change the URL.", proposed=proposed)
        if keeps_url
        else msg("Set `slug: {shown}` so that renaming the file does not change the URL (`{proposed}`, from the "
                 "title, would move the article).", shown=shown, proposed=proposed)
        if make_slug(segment, doc.lang) == segment
        else msg("A slug keeps the URL when the file is renamed; `{proposed}`, from the title, would move the "
                 "article: add a redirect if you set it.", proposed=proposed),
        fix=fix,
        edits=(SetKey(key, proposed, None if key in doc.data else doc.article.keys.get("title")),)
        if proposed else (),
        safety=None if keeps_url else FixSafety.UNSAFE,  # a new URL breaks the links to it
    )


RULES = (
    Rule(
        "S001", "slug-format", Severity.ERROR, slug_format, options=SlugFormat,
        fix=FixSafety.UNSAFE,
        what="Reports a slug that is not lowercase ASCII kebab-case.",
        why="Accents are percent-encoded in shared links (`r%C3%A9seau`), capitals make "
        "case-sensitive servers serve two URLs, and Google recommends hyphens over "
        "underscores to separate words.",
        example="slug: Réseau_Pro",
        use_instead="slug: reseau-pro",
        references=("Google Search Central: URL structure best practices",),
    ),
    Rule(
        "S002", "slug-length", Severity.WARNING, slug_length, options=SlugLength,
        what="Reports a slug longer than 75 characters.",
        why="Long URLs are cut in results and shared links; Rank Math and Front Matter CMS "
        "both warn past 75 characters.",
        example="slug: the-complete-and-definitive-guide-to-everything-about-building-your-"
        "professional-network",
        use_instead="slug: professional-network-guide",
        references=("Rank Math: URL length (75)", "Front Matter CMS: slug length (75)"),
    ),
    Rule(
        "S003", "slug-keyphrase", Severity.WARNING, slug_keyphrase,
        what="Reports a slug that does not contain the focus keyphrase (slugified, function "
        "words dropped, any word form).",
        why="Words of the URL are shown in results and used as a relevance hint; Yoast's "
        "slugKeyword assessment checks the same.",
        example="keyphrase: réseau professionnel\nslug: guide-2025",
        use_instead="keyphrase: réseau professionnel\nslug: reseau-professionnel-guide",
        references=("Yoast SEO: keyphrase in slug",),
    ),
    Rule(
        "S004", "slug-filename-mismatch", Severity.WARNING, slug_filename_mismatch,
        enabled=False,
        what="Reports a slug that differs from the file name (or the folder name for "
        "`index.md`), ignoring a Jekyll date prefix.",
        why="When the two disagree, contributors link to the wrong URL; some sites require "
        "them to match.",
        example="# file: networking.md\nslug: reseau-pro",
        use_instead="# file: reseau-pro.md\nslug: reseau-pro",
        references=("Hugo and Jekyll URL management",),
    ),
    Rule(
        "S005", "slug-missing-generated", Severity.INFO, slug_missing, fix=FixSafety.SAFE,
        what="Reports an article without a slug; the fix writes one generated from the "
        "title, transliterated for the article's language. On a site whose generator seolint "
        "detects, an article whose URL comes from a file name that is already a good slug "
        "(lowercase ASCII kebab-case) is not reported, nor one whose `path`, `permalink` or `url` "
        "key gives the whole URL. Off on documentation pages by default (`seolint site` shows each page's kind; `[site] kind-ignore`).",
        fix_note="The fix is safe only when the slug from the title is the URL segment the "
        "article already has (its file name, or its folder's name for `index.md` and "
        "`_index.md`, without a Jekyll date): then `seolint fix` applies it and the URL stays. "
        "When the two differ, writing the slug moves the article and breaks every link to it, "
        "so the fix is unsafe (applied only with `--unsafe-fixes`) and its title says it "
        "changes the URL.",
        why="Without an explicit slug the URL follows the file name, so renaming a file "
        "breaks links and loses the page's ranking.",
        example="title: Réseau professionnel",
        use_instead="title: Réseau professionnel\nslug: reseau-professionnel",
        references=("Google Search Central: keep URLs stable",),
    ),
)
