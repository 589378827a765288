"""L: links — to the site's own pages and to others, their text, and references left unlinked.

A link is *internal* when it leads to another page of the same site: a relative path
(``../guide/``), a root-relative path (``/quiz``), an absolute URL under ``[site] base-url``,
or a destination a site generator writes (Hugo ``{{< ref >}}``, Liquid ``{% link %}`` or
``{{site.baseurl}}/…``; with spaces, ``{{ site.baseurl }}`` makes the destination invalid
CommonMark, and no link is parsed at all). A same-page anchor (``#section``) leads to no other page: it is
neither internal nor outbound, and neither are ``mailto:``, ``tel:`` or localhost links.

The shared :class:`~seolint.source.markdown.Body` lacks three facts these rules need: a link's
visible content (inline code and an image's alt count), whether inline HTML ``<a>`` has an
``href`` at all (``<a id="top"></a>`` is a named anchor, not a link), and whether a text run
follows inline markup directly (a path glued to a link is no reference). :func:`scan` walks
the tokens once per rule for them; :mod:`seolint.checks.editorial` reads it too.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html import unescape
from typing import Any, NamedTuple
from urllib.parse import SplitResult, unquote, urlsplit

from pydantic import Field

from seolint.source.document import Document
from seolint.findings import Severity, Span, Violation
from seolint.rules import NoOptions, Options, Rule
from seolint.language.data import language
from seolint.language.fold import fold

# --- the inline walk -------------------------------------------------------------------------


class Anchor(NamedTuple):
    """A link as the reader meets it."""

    href: str
    text: str  # visible content: text, inline code, the alt of an image
    line: int
    column: int
    html: bool = False
    templated: bool = False  # the destination is a template or shortcode (masked or not)
    label: str = ""  # aria-label or title of an HTML link
    closed: bool = True  # False for an HTML block's <a> whose content goes on after the block
    code: bool = False  # its text is inline code only: an identifier ([`break`](…)), not prose


class Piece(NamedTuple):
    """Literal text outside code, on one line of one block."""

    text: str
    line: int
    block: int  # index of the inline token it belongs to
    link: bool  # part of a link's text
    glued: bool  # follows inline markup directly (code, link, HTML, closing emphasis)


class Scan(NamedTuple):
    anchors: list[Anchor]
    pieces: list[Piece]


_CODE_TAGS = frozenset({"code", "kbd", "samp", "var", "tt", "pre"})
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)([^>]*)>", re.DOTALL)
_TEMPLATE_DESTINATION = re.compile(r"\]\(\s*<?\s*\{[{%]")
_UNGLUED = frozenset({"softbreak", "hardbreak", "strong_open", "em_open", "s_open"})


def _attribute(attributes: str, name: str) -> str | None:
    """An attribute's value in a tag's source (``data-href`` is not ``href``)."""
    pattern = rf"""(?<![\w-]){name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
    found = re.search(pattern, attributes, re.IGNORECASE)
    if found is None:
        return None
    return unescape(next(group for group in found.groups() if group is not None))


def _templated(href: str) -> bool:
    return unquote(href).lstrip().startswith(("{{", "{%"))


@dataclass
class _Open:
    href: str
    line: int
    column: int
    html: bool
    templated: bool
    label: str = ""
    parts: list[str] = field(default_factory=list)
    prose: bool = False  # some of its text is literal text, not code


@dataclass
class _Walk:
    """One inline token's children: links with their content, and text pieces."""

    doc: Document
    line: int
    block: int
    out: Scan
    link: _Open | None = None
    code: int = 0  # depth of inline HTML code elements (<code>, <kbd>…)
    glued: bool = False
    cursor: dict[int, int] = field(default_factory=dict)

    def run(self, children: list[Any]) -> None:
        for child in children:
            self.step(child)
            self.glued = child.type not in _UNGLUED

    def step(self, child: Any) -> None:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            self.line += 1
        elif kind == "text":
            if not self.code:
                self.out.pieces.append(
                    Piece(child.content, self.line, self.block, self.link is not None, self.glued)
                )
            self._content(child.content, prose=not self.code)
        elif kind in ("code_inline", "image"):
            self._content(child.content, prose=kind == "image")  # an image's content: its alt
        elif kind == "link_open":
            href = str(child.attrs.get("href") or "")
            autolink = child.markup == "autolink"
            self._open(href, "<" if autolink else "[", html=False)
        elif kind == "link_close" and self.link is not None and not self.link.html:
            self._close()
        elif kind == "html_inline":
            self._html(child.content)

    def _content(self, text: str, prose: bool = True) -> None:
        if self.link is not None:
            self.link.parts.append(text)
            self.link.prose = self.link.prose or (prose and bool(text.strip()))

    def _html(self, tag: str) -> None:
        found = _TAG.match(tag)
        if found is None:
            return
        closing, name, attributes = found.group(1), found.group(2).lower(), found.group(3)
        if name == "a" and closing:
            if self.link is not None and self.link.html:
                self._close()
        elif name == "a":
            href = _attribute(attributes, "href")
            if href is not None:  # without href, <a> is a named anchor
                self._open(href, "<a", html=True)
                if self.link is not None:
                    self.link.label = _attribute(attributes, "aria-label") or _attribute(attributes, "title") or ""
        elif name in _CODE_TAGS:
            self.code = max(0, self.code + (-1 if closing else 1))
        elif name == "img":
            self._content(_attribute(attributes, "alt") or "")

    def _open(self, href: str, needle: str, html: bool) -> None:
        source = self.doc.line_text(self.line)
        start = self.cursor.get(self.line, 0)
        if needle == "[":
            column = _markdown_link_start(source, start)
        else:
            column = (source.lower() if html else source).find(needle, start)
        if column < 0:
            column = len(source) - len(source.lstrip())
        self.cursor[self.line] = column + 1
        templated = _templated(href) or (not href.strip() and bool(_TEMPLATE_DESTINATION.search(source)))
        self.link = _Open(href, self.line, column + 1, html, templated)

    def _close(self) -> None:
        link = self.link
        assert link is not None
        text = " ".join("".join(link.parts).split())
        self.out.anchors.append(Anchor(link.href, text, link.line, link.column, link.html,
                                       link.templated, link.label, True, bool(text) and not link.prose))
        self.link = None


def _markdown_link_start(source: str, start: int) -> int:
    """Where ``[text](…)`` opens: the bracket matching a ``](`` after ``start`` that is not an
    image's (``[![alt](src)](href)`` opens at its first bracket)."""
    close = source.find("](", start)
    while close >= 0:
        opening = _matching_bracket(source, start, close)
        if opening >= 0 and not (opening > 0 and source[opening - 1] == "!"):
            return opening
        close = source.find("](", close + 2)
    return source.find("[", start)


def _matching_bracket(source: str, start: int, close: int) -> int:
    depth = 0
    for index in range(close - 1, start - 1, -1):
        if source[index] == "]":
            depth += 1
        elif source[index] == "[":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _html_anchors(html: str, line: int) -> Iterator[Anchor]:
    """Links of an HTML block, read with beautifulsoup4 when there are any."""
    lowered = html.lower()
    if "<a" not in lowered:
        return
    from bs4 import BeautifulSoup

    closed = lowered.count("</a") >= len(re.findall(r"<a\b", lowered))
    for tag in BeautifulSoup(html, "html.parser").find_all("a"):
        href = tag.get("href")
        if href is None:
            continue
        alts = [str(image.get("alt") or "") for image in tag.find_all("img")]
        text = " ".join(" ".join([tag.get_text(" ", strip=True), *alts]).split())
        label = str(tag.get("aria-label") or tag.get("title") or "")
        where = line + (tag.sourceline or 1) - 1
        yield Anchor(str(href), text, where, (tag.sourcepos or 0) + 1, True, _templated(str(href)),
                     label, closed)


def scan(doc: Document) -> Scan:
    """Every link of the body with its visible content, and every piece of literal text
    (walked once per document: six rules read it)."""
    return doc.derived(_scan)


def _scan(doc: Document) -> Scan:
    result = Scan([], [])
    first = doc.split.body_line
    for index, token in enumerate(doc.body.tokens):
        if not token.map:
            continue
        if token.type == "inline":
            _Walk(doc, first + token.map[0], index, result).run(token.children or [])
        elif token.type == "html_block":
            result.anchors.extend(_html_anchors(token.content, first + token.map[0]))
    return result


# --- where a link leads ----------------------------------------------------------------------

LOCAL_HOSTS = ("localhost", "0.0.0.0")


def is_local_host(host: str) -> bool:
    """A host that exists only on the writer's machine (localhost, loopback addresses)."""
    host = host.lower().strip("[]")
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split(href: str) -> SplitResult | None:
    try:
        parts = urlsplit(href.strip())
        _ = parts.port  # raises on an invalid port
    except ValueError:
        return None
    return parts


def _site_host(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def under_site(parts: SplitResult, base_url: str | None) -> bool:
    """An absolute URL on the site's host, under the base URL's path."""
    base = _split(base_url) if base_url else None
    if base is None or not base.hostname or not parts.hostname:
        return False
    if _site_host(parts.hostname) != _site_host(base.hostname):
        return False
    prefix = base.path.rstrip("/")
    return parts.path == prefix or parts.path.startswith(prefix + "/") or not prefix


def destination(anchor: Anchor, base_url: str | None) -> str:
    """``internal``, ``outbound``, ``anchor`` (same page), ``empty`` or ``other``."""
    href = anchor.href.strip()
    if anchor.templated:
        return "internal"
    if not href:
        return "empty"
    if href.startswith("#"):
        return "anchor"
    parts = _split(href)
    if parts is None:
        return "other"
    scheme = parts.scheme.lower()
    if scheme not in ("", "http", "https"):
        return "other"  # mailto:, tel:, javascript:, ftp:…
    if not parts.netloc:
        return "other" if scheme else "internal"
    if is_local_host(parts.hostname or ""):
        return "other"
    return "internal" if under_site(parts, base_url) else "outbound"


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


def _count(doc: Document, kind: str) -> int:
    base = doc.settings.base_url
    return sum(destination(anchor, base) == kind for anchor in scan(doc).anchors)


def internal_links_missing(doc: Document, options: LinkCount) -> Iterator[Violation]:
    line = _first_line(doc)
    if line is None:
        return
    kinds = [destination(anchor, doc.settings.base_url) for anchor in scan(doc).anchors]
    count = kinds.count("internal")
    if count >= options.min:
        return
    hint = ("Link to related articles of the site with descriptive text, e.g. "
            "[our networking quiz](/quiz) or [the CV guide](../cv-guide/).")
    if doc.settings.base_url is None and "outbound" in kinds:
        hint += " Absolute URLs count as internal only under `[site] base-url`, which is not set."
    yield Violation(
        "No internal link: the article links to no other page of the site" if count == 0
        else f"{count} internal link(s), under the {options.min} minimum",
        Span.at_line(line, doc.line_text(line)),
        hint,
    )


def outbound_links_missing(doc: Document, options: LinkCount) -> Iterator[Violation]:
    line = _first_line(doc)
    if line is None:
        return
    count = _count(doc, "outbound")
    if count < options.min:
        yield Violation(
            "No outbound link: the article cites no other site" if count == 0
            else f"{count} outbound link(s), under the {options.min} minimum",
            Span.at_line(line, doc.line_text(line)),
            "Link to a source you rely on (official documentation, a study, the tool you "
            "mention); it backs your claims and helps readers go further.",
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
    base = doc.settings.base_url
    for anchor in scan(doc).anchors:
        if anchor.code or destination(anchor, base) not in ("internal", "outbound"):
            continue  # code names an identifier; same-page anchors and mailto: as in Lighthouse
        bare = _bare(anchor.text)
        if bare in generic:
            yield Violation(
                f"Link text “{anchor.text}” says nothing about its target ({_shown(anchor.href)})",
                _anchor_span(doc, anchor),
                "Name what the reader gets in the link text itself, e.g. “[the networking "
                "quiz](/quiz)”; search engines and screen-reader users read links out of context.",
            )
        elif options.url_text and re.match(r"https?://", bare):
            yield Violation(
                f"Link text is a bare URL “{_shown(anchor.text)}”",
                _anchor_span(doc, anchor),
                "Replace the URL with words that say what the page is.",
            )


# --- L004 unlinked-reference -----------------------------------------------------------------


class Unlinked(Options):
    urls: bool = Field(True, description="Report URLs (`https://…`, `www.…`) written as plain text.")
    site_paths: bool = Field(
        True, description="Report site paths (`/quiz`, `/guides/e-commerce`) written as plain text."
    )


_PLAIN_URL = re.compile(r"(?<![\w@/.:-])(?:https?://|www\.)[^\s<>\"'`«»“”]+", re.IGNORECASE)
_SEGMENT = r"[a-z0-9](?:[a-z0-9._~-]*[a-z0-9])?"
_SITE_PATH = re.compile(rf"(?<![^\s(\[])/({_SEGMENT})(?:/{_SEGMENT})*/?(?![\w/~-])")
#: What may follow a site path that ends a sentence or clause (in the source line).
_CLAUSE_END = re.compile(r"\s*(?:$|<!--)|[.,;:!?…](?=\s|$)|[)\]»”\"’']|\s+[»”)\]]")
#: Emphasis closing right after a path: `**… notre quiz : /quiz**`.
_CLOSING_EMPHASIS = re.compile(r"(?:\*{1,3}|_{1,3}|</(?:strong|em|b|i)>)+", re.IGNORECASE)
#: Another switch or path before the path, in the same emphasis: a command line.
_SWITCH = re.compile(r"(?:^|\s)/\w")
#: The words of the emphasized text before the path (a call to action is a sentence).
_WORD_BEFORE = re.compile(r"[^\W\d_]{2,}")
#: What both finders need: a slash (a URL's scheme, a site path) or a bare ``www.``.
_MAYBE_REFERENCE = re.compile(r"/|www\.", re.IGNORECASE)
#: An HTTP method before a path makes it an API endpoint (`GET /customers/42`), not a page.
_HTTP_METHOD = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+$")
#: First segments of file-system paths (`/etc/hosts`, `/usr/bin`), not of a site's pages.
SYSTEM_ROOTS = frozenset({
    "applications", "bin", "boot", "cygdrive", "dev", "etc", "home", "lib", "lib64", "library",
    "media", "mnt", "nix", "opt", "private", "proc", "root", "run", "sbin", "snap", "srv", "sys",
    "system", "tmp", "usr", "users", "var", "volumes",
})
PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net")


def _trim_url(url: str) -> str:
    url = url.rstrip(".,;:!?…’'\"")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?")
    return url


def on_domain(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def _illustrative(url: str) -> bool:
    """A URL that shows a shape rather than cites a page: localhost, example.com."""
    parts = _split(url if "://" in url else "https://" + url)
    host = parts.hostname if parts is not None else None
    return host is None or is_local_host(host) or on_domain(host, PLACEHOLDER_DOMAINS)


def _urls(piece: Piece) -> Iterator[str]:
    for found in _PLAIN_URL.finditer(piece.text):
        url = _trim_url(found.group(0))
        if url.count(".") and not _illustrative(url):
            yield url


def _site_paths(piece: Piece) -> Iterator[str]:
    for found in _SITE_PATH.finditer(piece.text):
        first = found.group(1)
        if found.start() == 0 and piece.glued:
            continue  # `[TCP](…)/ip`: glued to the markup before it
        if len(first) < 2 or not re.search(r"[a-z]", first) or first in SYSTEM_ROOTS:
            continue  # `/s`, `/r/rust`, `/2024`, `/etc/hosts`
        if not _HTTP_METHOD.search(piece.text, 0, found.start()):
            yield found.group(0)


def _references(piece: Piece, options: Unlinked) -> Iterator[tuple[str, str]]:
    if options.urls:
        yield from (("URL", url) for url in _urls(piece))
    if options.site_paths:
        yield from (("site path", path) for path in _site_paths(piece))


def _ends_clause(piece: Piece, path: str, source: str, end: int) -> bool:
    """Whether the path at ``end`` in its source line ends a sentence or clause: followed by
    punctuation or the end of the line, or closing an emphasized sentence that has words
    before it (`**… notre quiz : /quiz**`), unlike a path emphasized on its own (`_/public_`)."""
    if _CLAUSE_END.match(source, end):
        return True
    closing = _CLOSING_EMPHASIS.match(source, end)
    before = piece.text[: piece.text.find(path)] if path in piece.text else ""
    if closing is None or _SWITCH.search(before):
        return False  # `**dumpbin /section:x /rawdata**`: a command line's switches, no call to action
    return len(_WORD_BEFORE.findall(before)) >= 2  # a sentence, not a command (`**RC /fo**`)


def unlinked_reference(doc: Document, options: Unlinked) -> Iterator[Violation]:
    searched: dict[int, int] = {}  # per line, where the previous finding ended
    for piece in scan(doc).pieces:
        if piece.link or not _MAYBE_REFERENCE.search(piece.text):
            continue  # most pieces are prose with no slash: one search instead of two finders
        source = doc.line_text(piece.line)
        for what, found in _references(piece, options):
            start = source.find(found, searched.get(piece.line, 0))
            end = start + len(found)
            if what == "site path" and (start < 0 or not _ends_clause(piece, found, source, end)):
                continue  # mid-sentence (“/api traffic”) or emphasized alone (`_/public_`): a mention
            column = start + 1 if start >= 0 else Span.at_line(piece.line, source).column
            searched[piece.line] = column - 1 + len(found)
            example = f"[descriptive text]({found if what == 'site path' else _shown(found, 40)})"
            yield Violation(
                f"Plain-text {what} “{_shown(found)}” is not a link",
                Span(piece.line, column, piece.line, column + len(found)),
                f"Make it a link whose text says what the page is: {example}; as plain text "
                "it may not be clickable and passes nothing to the page it names.",
            )


# --- L005 link-empty -------------------------------------------------------------------------


def _emptiness(anchor: Anchor) -> tuple[str, str] | None:
    """What is missing from a link, and what to do about it; None when nothing is."""
    href = anchor.href.strip()
    no_target = not href and not anchor.templated
    no_text = anchor.closed and not (anchor.text.strip() or anchor.label.strip())
    if no_target and no_text:
        return "has neither target nor text", "Remove it, or give it a target and words."
    if no_target or href == "#":
        what = "has no target" if no_target else "has the `#` placeholder as its target"
        return what, "Point the link at the page it names, or remove the link."
    if no_text:
        return "has no text", ("Put words in the link that say where it leads; an image "
                               "inside a link needs alt text.")
    return None


def link_empty(doc: Document, options: NoOptions) -> Iterator[Violation]:
    for anchor in scan(doc).anchors:
        found = _emptiness(anchor)
        if found is None:
            continue
        what, hint = found
        name = f"“{anchor.text}”" if anchor.text else f"to {_shown(anchor.href.strip())}"
        yield Violation(
            f"Link {name} {what}" if anchor.text or anchor.href.strip() else f"Link {what}",
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
    for anchor in scan(doc).anchors:
        parts = _split(anchor.href)
        if parts is None or parts.scheme.lower() != "http" or not parts.hostname:
            continue
        if is_local_host(parts.hostname) or on_domain(parts.hostname, allowed):
            continue
        secure = "https" + anchor.href.strip()[4:]
        yield Violation(
            f"Link to {_shown(anchor.href.strip())} uses plain HTTP",
            _anchor_span(doc, anchor),
            f"Link to {_shown(secure)} if the site supports it: browsers flag HTTP pages as "
            "not secure and Google prefers HTTPS.",
        )


RULES = (
    Rule(
        "L001", "internal-links-missing", Severity.WARNING, internal_links_missing,
        options=LinkCount, needs_body=True,
        what="Reports an article whose body links to no other page of the site. Internal "
        "links are relative paths (`../guide/`), root-relative paths (`/quiz`), absolute URLs "
        "under `[site] base-url`, and destinations written with a shortcode or template "
        "(Hugo `{{< ref >}}`, Liquid `{% link %}`). A same-page anchor (`#section`) is not a "
        "link to another page and does not count. The finding stands on the first line of the "
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
        "outside `[site] base-url`; localhost does not count). The finding stands on the first "
        "line of the body's prose, as L001's does.",
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
        "L004", "unlinked-reference", Severity.WARNING, unlinked_reference, options=Unlinked,
        needs_body=True,
        what="Reports a URL (`https://…`, `www.…`) or a site path (`/quiz`, "
        "`/guides/e-commerce`) written as plain text, outside code (inline HTML `<code>` and "
        "`<kbd>` included) and outside links. A site path starts with `/` at the start of a "
        "line or after a space or an opening bracket, its first segment is a lowercase slug of "
        "two characters or more with a letter, and it ends a sentence or clause, as a call to "
        "action does (« notre quiz : /quiz »). Not reported: `and/or`, `km/h`, `TCP/IP`, "
        "`12/05`, `1/2`, `/s`; file-system paths (`/etc/hosts`); API endpoints after an HTTP "
        "method (`GET /customers/42`); and paths in the middle of a sentence or emphasized on "
        "their own (`/api traffic`, `_/public_`), which name a route rather than send the "
        "reader to a page. A path that ends an emphasized sentence is a call to action and is "
        "reported (`**découvrez votre profil grâce à notre quiz : /quiz**`). URLs on localhost and example domains illustrate a shape rather than cite a "
        "page and are not reported either.",
        why="A reference in plain text is a call to action nobody can click (many renderers "
        "do not autolink), and it passes no relevance to the page it names; as a link with "
        "descriptive text it does both.",
        example="Testez vos connaissances avec notre quiz : /quiz",
        use_instead="Testez vos connaissances avec [notre quiz sur le networking](/quiz).",
        references=("Google Search Central: make your links crawlable (use <a href>)",),
    ),
    Rule(
        "L005", "link-empty", Severity.ERROR, link_empty, needs_body=True,
        what="Reports a link with an empty target (`[text]()`, `<a href=\"\">`), the `#` "
        "placeholder as its target, or no text at all. An image inside the link counts as its "
        "text through its alt, and so do inline code and an HTML link's `aria-label`. A "
        "destination written with a shortcode (`{{< ref \"x\" >}}`) is not empty, and "
        "`<a id=\"…\">` without `href` is a named anchor, not a link.",
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
)
