"""Front-matter values made safe and exact for output: text, dates, languages.

Text is cleaned once, where it leaves the front matter: characters that XML 1.0 forbids (C0
controls other than tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF)
are removed and runs of whitespace become one space. Every writer then only has to escape
for its own format.

Dates come from the content only, never from the clock. A date without a time stays a date
where the format allows one (sitemap ``lastmod``, JSON-LD) and becomes midnight UTC where a
time is required (Atom). A time without an offset is taken as UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: Characters that may not appear in an XML 1.0 document (and have no business in HTML).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: A BCP 47 tag as sites write it: language, optional script, optional region.
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|[0-9]{3}))?$", re.IGNORECASE)

Moment = dt.date  # a date, or a datetime (a subclass)


def clean(value: object) -> str | None:
    """One line of text, without forbidden characters; None when nothing is left."""
    if not isinstance(value, str):
        return None
    text = " ".join(_FORBIDDEN.sub("", value).split())
    return text or None


def strip_forbidden(value: str) -> str:
    """The text with the characters XML 1.0 forbids removed; whitespace kept."""
    return _FORBIDDEN.sub("", value)


def texts(value: Any) -> list[str]:
    """A string or a list of strings as a list of clean strings (empties dropped)."""
    items = value if isinstance(value, list) else [value]
    return [text for text in (clean(item) for item in items) if text]


def instant(value: Moment) -> dt.datetime:
    """The moment as an aware datetime (a date is midnight UTC; a naive time is UTC)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def w3c(value: Moment) -> str:
    """W3C Datetime (sitemaps, JSON-LD): ``2025-03-18`` or ``2025-04-08T09:30:00+02:00``."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    return rfc3339(value)


def rfc3339(value: Moment) -> str:
    """RFC 3339 date-time (Atom): a time and an offset are always given."""
    text = instant(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def latest(*values: Moment | None) -> Moment | None:
    """The latest of the given moments (None when none is given)."""
    given = [value for value in values if value is not None]
    return max(given, key=instant) if given else None


def language_tag(value: object) -> tuple[str, str | None] | None:
    """``fr-CA`` → (``fr``, ``CA``); None when the value is not a language tag."""
    if not isinstance(value, str):
        return None
    found = _TAG.match(value.strip())
    if found is None:
        return None
    region = found.group(3)
    return found.group(1).lower(), region.upper() if region else None
