"""Where a link leads: to another page of the site, to another site, or nowhere a reader goes.

A link is *internal* when it leads to another page of the same site: a relative path
(``../guide/``), a root-relative path (``/quiz``), an absolute URL under ``[site] base-url``,
or a destination a site generator writes (Hugo ``{{< ref >}}``, Liquid ``{% link %}``). A
same-page anchor (``#section``) leads to no other page: it is neither internal nor outbound,
and neither are ``mailto:``, ``tel:`` or localhost links. A URL written out in the text is
a link where the site's renderer makes it one (:func:`bare_urls`).
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from seolint.source.facts.links import Anchor, pieces

if TYPE_CHECKING:
    from seolint.source.document import Document

LOCAL_HOSTS = ("localhost", "0.0.0.0")
_QUOTED_URL = re.compile(r"""["'](https?://[^"'\s]+)["']""")


def is_local_host(host: str) -> bool:
    """A host that exists only on the writer's machine (localhost, loopback addresses)."""
    host = host.lower().strip("[]")
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_url(href: str) -> SplitResult | None:
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
    base = split_url(base_url) if base_url else None
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
        quoted = _QUOTED_URL.search(href)  # `{{ "https://x.org/a" | filter }}` leads to that URL
        if quoted is None:
            return "internal"
        href = quoted.group(1)
    return href_destination(href, base_url)


def href_destination(href: str, base_url: str | None) -> str:
    """Where a written-out link target leads (:func:`destination`'s kinds)."""
    if not href:
        return "empty"
    if href.startswith("#"):
        return "anchor"
    parts = split_url(href)
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



def on_domain(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in domains)


#: A URL written out in the text, as GFM's autolink literal extension finds it.
_BARE_URL = re.compile(r"(?<![\w@/.:-])https?://[^\s<>\"'`«»“”]+", re.IGNORECASE)


def renders_bare_urls(doc: Document) -> bool:
    """Whether the site's renderer turns a bare ``https://…`` into a link: the site profile
    says (GFM autolink literals: ``autolinks``); without one, the renderer is unknown, and
    most of today's (GitHub, goldmark, remark-gfm, markdown-it with linkify) do."""
    site = doc.settings.site
    return site is None or site.autolinks


def bare_urls(doc: Document) -> list[str]:
    """The URLs written out in the text that the renderer links (none when it does not)."""
    if not renders_bare_urls(doc):
        return []
    return [found.group(0).rstrip(".,;:!?)»”’") for piece in pieces(doc) if not piece.link and "://" in piece.text
            for found in _BARE_URL.finditer(piece.text)]
