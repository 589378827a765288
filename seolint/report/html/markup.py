"""Article content made safe for the page: every path, title and message is untrusted."""

from __future__ import annotations

import re
from html import escape

#: Lone surrogates (undecodable file names) and control characters cannot be written as UTF-8
#: or are invalid in HTML: each becomes U+FFFD.
UNPRINTABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_text(value: object) -> str:
    """Any value as HTML text or attribute content."""
    return escape(UNPRINTABLE.sub("\ufffd", str(value)), quote=True)


def plural(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"
