"""L: links — to the site's own pages and to others, their text, and references left unlinked.

A link is *internal* when it leads to another page of the same site: a relative path
(``../guide/``), a root-relative path (``/quiz``), an absolute URL under ``[site] base-url``,
or a destination a site generator writes (Hugo ``{{< ref >}}``, Liquid ``{% link %}`` or
``{{site.baseurl}}/…``; with spaces, ``{{ site.baseurl }}`` makes the destination invalid
CommonMark, and no link is parsed at all). A same-page anchor (``#section``) leads to no other page: it is
neither internal nor outbound, and neither are ``mailto:``, ``tel:`` or localhost links.

Links are read from the facts layer (:mod:`seolint.source.facts.links`): a link's visible content
counts inline code and an image's alt, and ``<a>`` without ``href`` is no link. Plain-text
references are L004's (:mod:`seolint.checks.unlinked`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pydantic import Field

from seolint.source.document import Document
from seolint.source.facts.demonstration import demonstration_lines
from seolint.source.facts.includes import included
from seolint.source.facts.destination import bare_urls, destination, href_destination, is_local_host, on_domain, split_url
from seolint.source.facts.links import Anchor, links
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg, msg_n
from seolint.rules import NoOptions, Options, Rule
from seolint.language.data import language
from seolint.language.fold import fold
from seolint.language.words import stems


def _first_line(doc: Document) -> int | None:
    """Where the body's prose starts (as C001 reports it); None without prose."""
    return doc.body.blocks[0].line if doc.body.blocks else None


def _anchor_span(doc: Document, anchor: Anchor) -> Span:
    source = doc.line_text(anchor.line)
    end = source.find(anchor.text, anchor.column - 1) if anchor.text else -1
    last = end + len(anchor.text) + 1 if end >= 0 else anchor.column
    return Span(anchor.line, anchor.column, anchor.line, max(anchor.column + 1, last + 1))


def _shown(href: str, limit: int = 60) -> str:
    return href if len(href) <= limit else href[: limit - 1] + "…"


# --- L001 internal-links-missing, L002 outbound-links-missing ----------------------------


class LinkCount(Options):
    min: int = Field(1, ge=1, description="Fewest links of this kind the body must have.")


def _kinds(doc: Document) -> list[str]:
    """Where each link leads, the bare URLs the renderer links among them (L001 and L002
    read it: computed once)."""
    return doc.derived(_link_kinds)


def _link_kinds(doc: Document) -> list[str]:
    """The page's own links, and those of the content files it includes (Hugo's `include`
    shortcode: the Hugo docs' `{{% include "/_common/…" %}}` are rendered on the page)."""
    base = doc.settings.own_url
    return [kind for page in (doc, *included(doc))
            for kind in (*(destination(anchor, base) for anchor in links(page)),
                         *(href_destination(url, base) for url in bare_urls(page)))]


#: A template pulled into the content (Liquid's and Nunjucks' `{% include %}`, `{% render %}`).
_INCLUDE = re.compile(r"\{%-?\s*(?:include|render|include_relative)\s")


def _includes_a_template(doc: Document) -> bool:
    """Whether a template the site renders in the content may hold links seolint cannot see
    (eleventy-website's `{% include "related-build-awesome.njk" %}` lists related posts)."""
    site = doc.settings.site
    return site is not None and site.templated_content and _INCLUDE.search(doc.split.body) is not None


def internal_links_missing(doc: Document, options: LinkCount) -> Iterator[Violation]:
    line = _first_line(doc)
    if line is None:
        return
    kinds = _kinds(doc)
    count = kinds.count("internal")
    if count >= options.min or _includes_a_template(doc):
        return
    hint = msg("Link to related articles of the site with descriptive text, e.g. [our networking quiz](/quiz) or "
               "[the CV guide](../cv-guide/).")
    if doc.settings.own_url is None and "outbound" in kinds:
        hint = msg("Link to related articles of the site with descriptive text, e.g. [our networking quiz](/quiz) or "
                   "[the CV guide](../cv-guide/). Absolute URLs count as internal only under `[site] base-url`, "
                   "which is not set.")
    yield Violation(
        msg("No internal link: the article links to no other page of the site") if count == 0
        else msg_n("{count} internal link(s), under the {min} minimum", "{count} internal link(s), under the {min} "
                   "minimum", count, min=options.min),
        Span.at_line(line, doc.line_text(line)),
        hint,
    )


def outbound_links_missing(doc: Document, options: LinkCount) -> Iterator[Violation]:
    line = _first_line(doc)
    if line is None:
        return
    count = _kinds(doc).count("outbound")
    if count < options.min:
        yield Violation(
            msg("No outbound link: the article cites no other site") if count == 0
            else msg_n("{count} outbound link(s), under the {min} minimum", "{count} outbound link(s), under the "
                       "{min} minimum", count, min=options.min),
            Span.at_line(line, doc.line_text(line)),
            msg("Link to a source you rely on (official documentation, a study, the tool you mention); it backs your "
                "claims and helps readers go further."),
        )


# --- L003 link-text-generic ------------------------------------------------------------------


class GenericText(Options):
    extra_texts: list[str] = Field(
        [], description="Phrases reported on top of the language's `generic-link-texts`."
    )
    url_text: bool = Field(
        False, description="Also report a link whose text is a bare URL, as Lighthouse does."
    )


#: What may surround a link's words in prose: spaces, quotes, brackets, arrows, and after the
#: words sentence punctuation. A leading `.`, `/` or `-` stays: `.CONTINUE`, `/link` are names.
_LEADING = " \t\u00a0\u202f\"'«»“”‘’„([{*_→⇒➔▶›•·–—"
_TRAILING = " \t\u00a0\u202f\"'«»“”‘’)]}*_→⇒➔▶›.,;:!?…"


def _bare(text: str) -> str:
    """Folded, spaces collapsed, without what surrounds the words (“→ Read more…”)."""
    return " ".join(fold(text).split()).lstrip(_LEADING).rstrip(_TRAILING)


@cache
def generic_texts(lang: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The language's list (English's when the language has none), plus ``extra``."""
    phrases = language(lang).words("generic-link-texts") or language("en").words("generic-link-texts")
    return frozenset(_bare(phrase) for phrase in [*phrases, *extra])


def link_text_generic(doc: Document, options: GenericText) -> Iterator[Violation]:
    generic = generic_texts(doc.lang, tuple(options.extra_texts))
    base = doc.settings.own_url
    for anchor in links(doc):
        if anchor.code or destination(anchor, base) not in ("internal", "outbound"):
            continue  # code names an identifier; same-page anchors and mailto: as in Lighthouse
        bare = _bare(anchor.text)
        if bare in generic:
            yield Violation(
                msg("Link text “{text}” says nothing about its target ({target})", text=anchor.text,
                    target=_shown(anchor.href)),
                _anchor_span(doc, anchor),
                msg("Name what the reader gets in the link text itself, e.g. “[the networking quiz](/quiz)”; search "
                    "engines and screen-reader users read links out of context."),
            )
        elif options.url_text and re.match(r"https?://", bare):
            yield Violation(
                msg("Link text is a bare URL “{url}”", url=_shown(anchor.text)),
                _anchor_span(doc, anchor),
                msg("Replace the URL with words that say what the page is."),
            )


# --- L005 link-empty -------------------------------------------------------------------------


def _emptiness(anchor: Anchor) -> tuple[str, str] | None:
    """What is missing from a link, and what to do about it; None when nothing is."""
    href = anchor.href.strip()
    no_target = not href and not anchor.templated
    no_text = anchor.closed and not (anchor.text.strip() or anchor.label.strip())
    if no_target and no_text:
        return msg("has neither target nor text"), msg("Remove it, or give it a target and words.")
    if no_target or href == "#":
        what = msg("has no target") if no_target else msg("has the `#` placeholder as its target")
        return what, msg("Point the link at the page it names, or remove the link.")
    if no_text:
        return msg("has no text"), msg("Put words in the link that say where it leads; an image inside a link needs "
                                       "alt text.")
    return None


#: A link whose content a template or a custom element draws: ``[{% addedin "x" %}](…)``,
#: ``<a href="…">{% screenshot %}</a>``, ``<a href="…"><build-cost></build-cost></a>``.
_DRAWN_TEXT = re.compile(r"(?:\[|<a\b[^<>]*>)\s*(?:\{[{%]|<[a-z][\w]*-[\w-]*)", re.IGNORECASE)


def link_empty(doc: Document, options: NoOptions) -> Iterator[Violation]:
    shown = demonstration_lines(doc)  # `#` links of a rendered example lead nowhere on purpose
    for anchor in links(doc):
        if anchor.line in shown:
            continue
        found = _emptiness(anchor)
        if found is None:
            continue
        what, hint = found
        if what == "has no text" and _DRAWN_TEXT.match(doc.line_text(anchor.line), anchor.column - 1):
            continue
        if anchor.text:
            message = msg("Link “{text}” {what}", text=anchor.text, what=what)
        elif anchor.href.strip():
            message = msg("Link to {target} {what}", target=_shown(anchor.href.strip()), what=what)
        else:
            message = msg("Link {what}", what=what)
        yield Violation(
            message,
            _anchor_span(doc, anchor),
            hint,
        )


# --- L006 link-insecure ----------------------------------------------------------------------


class Insecure(Options):
    allowed_hosts: list[str] = Field(
        [], description="Hosts whose `http://` links are accepted (an intranet, a service "
        "without HTTPS); localhost and loopback addresses always are.",
    )


def link_insecure(doc: Document, options: Insecure) -> Iterator[Violation]:
    allowed = [host.lower() for host in options.allowed_hosts]
    for anchor in links(doc):
        parts = split_url(anchor.href)
        if parts is None or parts.scheme.lower() != "http" or not parts.hostname:
            continue
        if is_local_host(parts.hostname) or on_domain(parts.hostname, allowed):
            continue
        secure = "https" + anchor.href.strip()[4:]
        yield Violation(
            msg("Link to {target} uses plain HTTP", target=_shown(anchor.href.strip())),
            _anchor_span(doc, anchor),
            msg("Link to {target} if the site supports it: browsers flag HTTP pages as not secure and Google prefers "
                "HTTPS.", target=_shown(secure)),
        )


# --- L007 competing-link -----------------------------------------------------------------------


def competing_link(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.keyphrase is None:
        return
    phrase, _ = doc.keyphrase
    wanted = set(stems(phrase, doc.lang))
    if not wanted:
        return
    base = doc.settings.own_url
    for anchor in links(doc):
        if anchor.code or destination(anchor, base) not in ("internal", "outbound"):
            continue  # code names an identifier; a same-page anchor competes with nothing
        if set(stems(anchor.text, doc.lang)) == wanted:
            yield Violation(
                msg("Link text “{text}” is the focus keyphrase “{phrase}”: it tells search engines that {target} is "
                    "the page for it, competing with this one", text=anchor.text, phrase=phrase,
                    target=_shown(anchor.href)),
                _anchor_span(doc, anchor),
                msg("Link with words that name what the target page is about instead, and keep the keyphrase for "
                    "this page's own text."),
            )


RULES = (
    Rule(
        "L001", "internal-links-missing", Severity.WARNING, internal_links_missing,
        options=LinkCount, needs_body=True,
        what="Reports an article whose body links to no other page of the site. Internal "
        "links are relative paths (`../guide/`), root-relative paths (`/quiz`), absolute URLs "
        "under `[site] base-url`, and destinations written with a shortcode or template "
        "(Hugo `{{< ref >}}`, Liquid `{% link %}`). A same-page anchor (`#section`) is not a "
        "link to another page and does not count; a bare URL counts where the renderer links "
        "it (see L004). A page of a Jekyll or Eleventy site that includes a template in its "
        "content (`{% include %}`, `{% render %}`) is not reported: its links may be there. "
        "On a Hugo site, the links of a content file the page pulls in with the `include` "
        "shortcode (`{{% include \"/_common/note.md\" %}}`, as the Hugo docs do) count as the "
        "page's own, for L002 too. "
        "The finding stands on the first line of the "
        "body's prose (as C001's does), so that a `seolint-disable-next-line` comment above it "
        "works; a body without prose is not reported.",
        why="Internal links let readers go on to related pages, and let search engines find "
        "those pages and understand how the site's content fits together. Yoast's "
        "internalLinks assessment reports a text without any.",
        example="Test your knowledge with our quiz.",
        use_instead="Test your knowledge with [our networking quiz](/quiz).",
        references=("Yoast SEO: internal links assessment",
                    "Google Search Central: make your links crawlable"),
    ),
    Rule(
        "L002", "outbound-links-missing", Severity.INFO, outbound_links_missing,
        options=LinkCount, needs_body=True,
        what="Reports an article whose body links to no other site (an absolute `http(s)` URL "
        "outside `[site] base-url` or the address the site's generator config gives; localhost "
        "does not count). The finding stands on the first line of the body's prose, as L001's does. Off on documentation pages by default (`seolint site` shows each page's kind; `[site] kind-ignore`).",
        why="Citing sources backs the article's claims and sends readers further; Yoast's "
        "externalLinks assessment reports a text without outbound links.",
        example="LinkedIn's help centre explains the invitation limits.",
        use_instead="[LinkedIn's help centre](https://www.linkedin.com/help/linkedin) explains "
        "the invitation limits.",
        references=("Yoast SEO: outbound links assessment",),
    ),
    Rule(
        "L003", "link-text-generic", Severity.WARNING, link_text_generic, options=GenericText,
        needs_body=True,
        what="Reports a link whose text is a generic phrase of the article's language "
        "(`generic-link-texts` in `rules/lang/<lang>.toml`: “click here”, “read more”, « cliquez "
        "ici », « en savoir plus », „hier klicken“, «leer más»…). The text is compared folded "
        "(case, accents, apostrophes) and without the quotes, brackets, arrows and sentence "
        "punctuation around it; an image's alt counts as text. A link whose text is only "
        "inline code names an identifier (“[`continue`](…)”) and is not judged, nor is a name "
        "that starts with `.` or `/` (`.CONTINUE`, `/link`). As in Lighthouse, same-page "
        "anchors and `mailto:` links are skipped. A language without a list uses the English "
        "one.",
        why="Anchor text tells search engines what the target page is about and tells "
        "screen-reader users, who often list a page's links out of context, where each one "
        "leads. Lighthouse's link-text audit reports the same phrases, but has no French list; "
        "seolint's French list translates its entries and adds the usual French formulas.",
        example="Pour en savoir plus, [cliquez ici](/quiz).",
        use_instead="Testez vos connaissances avec [notre quiz sur le networking](/quiz).",
        references=("Lighthouse: links do not have descriptive text (link-text audit)",
                    "Google Search Central: write good anchor text"),
    ),
    Rule(
        "L005", "link-empty", Severity.ERROR, link_empty, needs_body=True,
        what="Reports a link with an empty target (`[text]()`, `<a href=\"\">`), the `#` "
        "placeholder as its target, or no text at all. An image inside the link counts as its "
        "text through its alt, and so do inline code and an HTML link's `aria-label`. A "
        "destination written with a shortcode (`{{< ref \"x\" >}}`) is not empty, and "
        "`<a id=\"…\">` without `href` is a named anchor, not a link. Content drawn by a "
        "template tag or a custom element counts as text, and the links of a rendered example "
        "(`<div class=\"result\">`, `data-proofer-ignore`) are not reported.",
        why="An empty or `#` target goes nowhere (or back to the top of the page), and a link "
        "without text is announced as a bare URL by screen readers and carries no anchor text "
        "for search engines: both are left-overs of an unfinished edit.",
        example="[Notre quiz](#) et [](https://www.apec.fr/)",
        use_instead="[Notre quiz](/quiz) et [les ateliers de l’Apec](https://www.apec.fr/)",
        references=("Lighthouse: links do not have a discernible name",
                    "WCAG 2.4.4 Link Purpose (In Context)"),
    ),
    Rule(
        "L006", "link-insecure", Severity.INFO, link_insecure, options=Insecure, needs_body=True,
        what="Reports a link to an `http://` URL, except to localhost and loopback addresses.",
        why="Browsers mark HTTP pages as not secure and may block or upgrade them; Google "
        "uses HTTPS as a ranking signal. Most sites serve the same page over HTTPS.",
        example="[Apec](http://www.apec.fr/)",
        use_instead="[Apec](https://www.apec.fr/)",
        references=("Google Search Central: HTTPS as a ranking signal",),
    ),
    Rule(
        "L007", "competing-link", Severity.WARNING, competing_link, needs_body=True,
        what="Reports a link whose text is the focus keyphrase: the same content words, in "
        "any form and order, and no others (matched as the K rules match it). A link whose "
        "text only contains the keyphrase among other words is not reported, nor are same-page "
        "anchors, `mailto:` links and links whose text is inline code. Skipped without a focus "
        "keyphrase.",
        why="Anchor text tells search engines what the target page is about: linking out with "
        "the exact keyphrase says that another page, not this one, is the one to rank for it. "
        "Yoast SEO's textCompetingLinks assessment reports any link whose anchor text is the "
        "keyphrase (or a synonym) and turns red for a single one.",
        example="---\nkeyphrase: réseau professionnel\n---\n\nLisez aussi notre guide du "
        "[réseau professionnel](/guides/reseau).",
        use_instead="---\nkeyphrase: réseau professionnel\n---\n\nLisez aussi notre guide "
        "[pour relancer un contact après un salon](/guides/reseau).",
        references=("Yoast SEO: competing links (textCompetingLinks)",),
    ),
)
