"""Messages in the writer's language, through gettext catalogues.

A check writes ``msg("Title is ~{width} px wide", width=643)``: a :class:`Message`, a ``str``
holding the English text (so every consumer of a plain string keeps working, and English
output is the text the check wrote) plus its template and parameters, from which
:func:`render` writes it in another language. The engine renders a finding's message, hint
and fix title once, in the language chosen for its article (:func:`choose`); reports render
their own words with :func:`say`, in the run's language (:func:`speaking`).

Catalogues are ``seolint/locale/<lang>/LC_MESSAGES/<domain>.mo``, compiled from the ``.po``
files beside them (``scripts/catalogues.py``), and read only when a message is first
rendered in their language: an English run never opens one. Parameters that are numbers are
written as the language writes them (French: a decimal comma, a narrow no-break space
between thousands); parameters that are messages are rendered in the same language.
"""

from __future__ import annotations

import os
import string
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext

#: The languages messages exist in: English, the source, then one per catalogue.
LANGUAGES = ("en", "fr")
#: What ``messages`` (config) and ``--messages-lang`` accept.
CHOICES = ("auto", *LANGUAGES)
#: The catalogue of messages, hints, fix titles and report text (rule docs may add another).
DOMAIN = "seolint"
LOCALE_DIR = Path(__file__).parent / "locale"

NARROW_NBSP = "\u202f"


class Message(str):
    """English text that knows how to say itself in another language."""

    template: str
    plural: str | None
    count: int | None  # type: ignore[assignment]  # the plural's number, not str.count
    params: Mapping[str, Any]
    domain: str
    context: str | None  # gettext's msgctxt: where a word is used, when one English word is two in French

    def __new__(cls, english: str, template: str, params: Mapping[str, Any],
                plural: str | None = None, count: int | None = None, domain: str = DOMAIN,
                context: str | None = None) -> Message:
        made = super().__new__(cls, english)
        made.template, made.params, made.plural, made.count, made.domain = template, params, plural, count, domain
        made.context = context
        return made

    def __reduce__(self) -> Any:  # pickled (to a worker) as the plain English text
        return (str, (str(self),))


def msg(template: str, /, **params: Any) -> Message:
    """A message from a template with ``{named}`` placeholders (a msgid of the catalogue)."""
    return Message(_format(template, params, "en"), template, params)


def msg_in(context: str, template: str, /, **params: Any) -> Message:
    """``msg`` for a word that another language says differently in another place ("Title" as
    a table's column, "Le titre" as a sentence's subject): ``context`` tells the catalogue's
    two entries apart (gettext's ``msgctxt``)."""
    return Message(_format(template, params, "en"), template, params, context=context)


def msg_n(singular: str, plural: str, count: int, /, **params: Any) -> Message:
    """A message whose wording depends on ``count`` (``{count}`` in the templates)."""
    params = {"count": count, **params}
    english = singular if count == 1 else plural
    return Message(_format(english, params, "en"), singular, params, plural, count)


def joined(parts: Sequence[str], separator: str = ", ") -> Message:
    """Parts (messages among them) one after the other, each said in the message's language."""
    params = {f"part{number}": part for number, part in enumerate(parts)}
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + name + "}" for name in params)
    return Message(separator.join(parts), template, params)


def render(text: str, lang: str) -> str:
    """``text`` in ``lang``, as a plain ``str`` (a message without a translation stays English)."""
    if not isinstance(text, Message):
        return str(text)
    if lang == "en" or lang not in LANGUAGES:
        return str(text)  # made in English
    catalogue = _catalogue(lang, text.domain)
    if text.context is not None:
        template = catalogue.pgettext(text.context, text.template)
    elif text.plural is None:
        template = catalogue.gettext(text.template)
    else:
        template = catalogue.ngettext(text.template, text.plural, text.count or 0)
    return _format(template, text.params, lang)


@lru_cache(maxsize=None)
def _catalogue(lang: str, domain: str) -> gettext.NullTranslations:
    import gettext

    return gettext.translation(domain, str(LOCALE_DIR), languages=[lang], fallback=True)


# --- numbers and placeholders -----------------------------------------------------------


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return format(render(value, self.lang), format_spec)
        shown = format(value, format_spec)
        if self.lang == "fr" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return number_fr(shown)
        return shown


def number_fr(shown: str) -> str:
    """A number written the English way (``1,234.5``) written the French way (``1 234,5``)."""
    return shown.replace(",", NARROW_NBSP).replace(".", ",")


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def _format(template: str, params: Mapping[str, Any], lang: str) -> str:
    if not params:
        return template
    formatter = _FORMATTERS.get(lang, _FORMATTERS["en"])
    fields = _fields(template)
    if fields is None:
        return formatter.vformat(template, (), params)
    parts: list[str] = []
    for literal, name, spec in fields:
        parts.append(literal)
        if name is not None:
            parts.append(formatter.format_field(params[name], spec))
    return "".join(parts)


@lru_cache(maxsize=4096)
def _fields(template: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """A template read once: its literal texts, each followed by a placeholder's name and
    format spec, as ``string.Formatter`` reads it on every call (a message is formatted once in
    English, once more in another language). None for what only ``vformat`` handles: an
    attribute or index (``{a.b}``, ``{a[0]}``), a positional or conversion (``{!r}``), a spec
    with a placeholder of its own."""
    fields: list[tuple[str, str | None, str]] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (not name.isidentifier() or conversion is not None or "{" in (spec or "")
                                 or "}" in (spec or "")):
            return None
        fields.append((literal, name, spec or ""))
    return tuple(fields)


def placeholders(template: str) -> frozenset[str]:
    """The names a template uses (for the catalogue tests)."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template) if name)


# --- choosing the language --------------------------------------------------------------


def locale_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The user's language from the locale (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``,
    the first one set wins as in C's setlocale), when messages exist in it."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose(choice: str | None, article: str | None) -> str:
    """The language of an article's messages: the configured one, else (``auto``) the
    article's when messages exist in it, else the user's locale's, else English."""
    if choice in LANGUAGES:
        return choice
    primary = (article or "").split("-")[0].split("_")[0].lower()
    if primary in LANGUAGES:
        return primary
    return locale_language() or "en"


def choice_key(choice: str) -> str:
    """What a cache key must hold of a choice: ``auto`` depends on the locale too."""
    return f"auto:{locale_language()}" if choice == "auto" else choice


class Tally(Counter[str]):
    """How many files' messages are in each language."""

    def add(self, lang: str) -> None:
        self[lang] += 1


def for_run(choice: str | None, languages: Collection[str]) -> str:
    """The language of what a run says as a whole (closing line, report pages): the
    configured one, else (``auto``) the one its articles' messages share or most of them
    are in (a French site with a few English pages), else the locale's. ``languages``: a
    :class:`Tally`, or a set when how many does not matter."""
    if choice in LANGUAGES:
        return choice
    if len(languages) == 1:
        return next(iter(languages))
    if isinstance(languages, Counter) and languages:
        first: str
        (first, count), = languages.most_common(1)
        if 2 * count > sum(languages.values()):
            return first
    return locale_language() or "en"


_SPEAKING: ContextVar[str] = ContextVar("seolint_messages_lang", default="en")
#: The language the command's run last spoke (``speaking``), kept after its block: an error
#: that ends the run is said in it (``seolint.cli.main``).
_SPOKEN: dict[str, str] = {}


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Reports written inside this block say their own words in ``lang``."""
    token = _SPEAKING.set(lang)
    _SPOKEN["last"] = lang
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def current() -> str:
    return _SPEAKING.get()


def last_spoken() -> str | None:
    """The language the current command last spoke in, None before it chose one."""
    return _SPOKEN.get("last")


def forget_spoken() -> None:
    """A new command starts (tests run many in one process)."""
    _SPOKEN.clear()


def say(text: str) -> str:
    """A report's own text in the run's language."""
    return render(text, _SPEAKING.get())
