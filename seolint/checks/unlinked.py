"""L004 unlinked-reference: a URL or a site path written as plain text, where a link belongs.

A reference is read from the literal text of the body (:func:`seolint.source.facts.links.pieces`):
never inside code, inline HTML ``<code>`` and ``<kbd>`` included, and never inside a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from seolint.source.document import Document
from seolint.source.facts.destination import is_local_host, on_domain, renders_bare_urls, split_url
from seolint.source.facts.links import Piece, pieces
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg
from seolint.rules import Options, Rule


def _shown(href: str, limit: int = 60) -> str:
    return href if len(href) <= limit else href[: limit - 1] + "…"


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
#: A link's destination opening right before a reference: the link is there, written with a
#: template tag the parser does not take (`[talk](https://youtu.be/{{ id }})`).
#: Likewise a reference definition the parser did not take (kramdown's `[3]: https://…` after a
#: paragraph), and an attribute's value (`<site-card @url="https://…">`).
_DESTINATION_BEFORE = re.compile(r"\]\(\s*(?:\{\{-?\s*[\"']?)?$|^\s*\[[^\]]+\]:\s*<?$|=\s*[\"']$")
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


def _illustrative(url: str) -> bool:
    """A URL that shows a shape rather than cites a page: localhost, example.com."""
    parts = split_url(url if "://" in url else "https://" + url)
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
    if renders_bare_urls(doc):  # the renderer links a bare URL (GFM autolinks)
        options = options.model_copy(update={"urls": False})
    for piece in pieces(doc):
        if piece.link or not _MAYBE_REFERENCE.search(piece.text):
            continue  # most pieces are prose with no slash: one search instead of two finders
        source = doc.line_text(piece.line)
        for what, found in _references(piece, options):
            start = source.find(found, searched.get(piece.line, 0))
            end = start + len(found)
            if "{" in found or (start >= 0 and _DESTINATION_BEFORE.search(source, 0, start)):
                continue  # a link's target the parser did not take: `[x]({{ "https://…" | f }})`
            if what == "site path" and (start < 0 or not _ends_clause(piece, found, source, end)):
                continue  # mid-sentence (“/api traffic”) or emphasized alone (`_/public_`): a mention
            column = start + 1 if start >= 0 else Span.at_line(piece.line, source).column
            searched[piece.line] = column - 1 + len(found)
            target = found if what == "site path" else _shown(found, 40)
            yield Violation(
                msg("Plain-text site path “{found}” is not a link", found=_shown(found)) if what == "site path"
                else msg("Plain-text URL “{found}” is not a link", found=_shown(found)),
                Span(piece.line, column, piece.line, column + len(found)),
                msg("Make it a link whose text says what the page is: [descriptive text]({target}); as plain text it "
                    "may not be clickable and passes nothing to the page it names.", target=target),
            )


RULES = (
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
        "page and are not reported either, nor are URLs at all on a site whose renderer turns "
        "a bare URL into a link (Hugo's goldmark `linkify`, VitePress, Docusaurus, Astro, "
        "MkDocs with `pymdownx.magiclink`) or whose generator seolint does not know (most "
        "renderers today link them; Jekyll's kramdown and Zola do not), nor a URL that is the target of a link the "
        "parser did not take (`[talk](https://youtu.be/{{ id }})`, a reference definition, an "
        "attribute's value).",
        why="A reference in plain text is a call to action nobody can click (many renderers "
        "do not autolink), and it passes no relevance to the page it names; as a link with "
        "descriptive text it does both.",
        example="Testez vos connaissances avec notre quiz : /quiz",
        use_instead="Testez vos connaissances avec [notre quiz sur le networking](/quiz).",
        references=("Google Search Central: make your links crawlable (use <a href>)",),
    ),
)
