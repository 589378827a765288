"""Reading dates written the way people write them, to rewrite them as ISO 8601.

Only unambiguous forms are read on their own: ``2024/03/14``, ``2024.03.14``,
``14 March 2024``, ``March 14, 2024``, ``14 mars 2024``, ``Jul 08 2022``. A form such as
``05/09/2022`` is May 9 in the US and 5 September in France: it is read only when the config
names its format (``[rules.FM007] date-format = "%d/%m/%Y"``).
"""

from __future__ import annotations

import datetime as dt
import re

from seolint.language.words import fold

_MONTHS = {
    # English, then French (folded: no accents), full and abbreviated
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "decembre": 12,
}
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def read_date(text: str, date_format: str | None = None) -> dt.date | None:
    """The date ``text`` means, or None when it is ambiguous or not a date."""
    text = " ".join(text.split())
    if date_format:
        try:
            return dt.datetime.strptime(text, date_format).date()
        except ValueError:
            pass
    found = _YMD.match(text)
    if found:
        return _make(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    found = _DAY_MONTH_YEAR.match(text)
    if found and fold(found.group(2)) in _MONTHS:
        return _make(int(found.group(3)), _MONTHS[fold(found.group(2))], int(found.group(1)))
    found = _MONTH_DAY_YEAR.match(text)
    if found and fold(found.group(1)) in _MONTHS:
        return _make(int(found.group(3)), _MONTHS[fold(found.group(1))], int(found.group(2)))
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
