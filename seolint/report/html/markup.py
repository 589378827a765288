"""Article content made safe for the page: every path, title and message is untrusted. And
the page's own numbers, written as the run's language writes them."""

from __future__ import annotations

import re
from html import escape

from seolint.i18n import current, number_fr

#: Lone surrogates (undecodable file names) and control characters cannot be written as UTF-8
#: or are invalid in HTML: each becomes U+FFFD.
UNPRINTABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_text(value: object) -> str:
    """Any value as HTML text or attribute content."""
    return escape(UNPRINTABLE.sub("\ufffd", str(value)), quote=True)


def number(value: float, spec: str = ",") -> str:
    """A number in the run's language (``seolint.i18n.speaking``): ``1,234.5`` in English,
    ``1 234,5`` (narrow no-break space, decimal comma) in French."""
    shown = format(value, spec)
    return number_fr(shown) if current() == "fr" else shown
