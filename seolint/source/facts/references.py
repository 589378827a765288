"""Links a template makes: reference definitions written by a Liquid loop, and site variables
in a destination.

Jekyll's release posts write their reference definitions with a loop::

    {% for issue in issue_numbers %}
    [#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}
    {% endfor %}

so ``[#1037][]`` is a link on the built page while CommonMark sees an undefined reference
(plain text) and a definition whose destination has spaces (plain text too). A definition
whose destination is a template tag is read here: its label, with each tag standing for any
text, and its destination. A site variable that the generator's config sets to an address
(Jekyll's `repository: https://github.com/jekyll/jekyll`) is put in its place, so the link is
known to lead to another site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?[ \t]*(\{[{%][^\n]*?)>?[ \t]*$", re.MULTILINE)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_SITE_VARIABLE = re.compile(r"^\{\{\s*site\.([A-Za-z_][\w-]*)\s*\}\}")
#: A reference as text: `[label][]`, `[text][label]` or `[label]`, not followed by `(` or `:`.
_REFERENCE = re.compile(r"\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:\[])")


class Definition(NamedTuple):
    label: re.Pattern[str]  # the label, a template tag in it matching any text
    destination: str  # as written, a site variable put in its place when known
    line: int  # 0-based, in the body


def resolved(href: str, variables: Mapping[str, str]) -> str:
    """``href`` with a leading ``{{ site.x }}`` replaced by the address the site's config gives
    ``x``; unchanged when there is none."""
    found = _SITE_VARIABLE.match(href.strip())
    value = variables.get(found.group(1)) if found else None
    return value.rstrip("/") + href.strip()[found.end():] if found and value else href


def definitions(body: str, variables: Mapping[str, str]) -> list[Definition]:
    """The reference definitions whose destination is a template tag."""
    if "]:" not in body:
        return []
    found = []
    for match in _DEFINITION.finditer(body):
        parts = _TAG.split(" ".join(match.group(1).split()))
        if not "".join(parts).strip():
            continue  # `[{{ name }}]:` alone would match any bracketed text
        pattern = ".+?".join(re.escape(part) for part in parts)
        found.append(Definition(re.compile(f"^{pattern}$", re.IGNORECASE), resolved(match.group(2), variables),
                                body.count("\n", 0, match.start())))
    return found


def references(text: str, known: list[Definition]) -> Iterator[tuple[int, str, str]]:
    """Where ``text`` (a line of prose) writes a reference to one of ``known``: the offset of its
    ``[``, its text and the definition's destination."""
    for match in _REFERENCE.finditer(text):
        label = " ".join((match.group(2) or match.group(1)).split())
        for definition in known:
            if definition.label.match(label):
                yield match.start(), match.group(1), definition.destination
                break
