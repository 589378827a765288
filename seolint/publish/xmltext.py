"""A small XML serializer: elements in, UTF-8 bytes out, escaped and byte-for-byte stable.

Written rather than taken from ``xml.etree`` so that namespace prefixes are the ones the
formats document (``xhtml:link``) without registering them in the process-wide table, and so
that the layout (two-space indentation, attribute order as given) never varies. Text and
attribute values lose the characters XML 1.0 forbids; ``&``, ``<``, ``>`` (so ``]]>``
cannot appear), and in attributes ``"`` and whitespace controls, become references.
"""

from __future__ import annotations

from typing import NamedTuple

from seolint.publish.values import strip_forbidden

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


class Element(NamedTuple):
    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    children: tuple[Element, ...] = ()
    text: str | None = None


def element(tag: str, text: str | None = None, /, *children: Element, **attributes: str) -> Element:
    """``element("link", rel="alternate", href=url)``; a trailing ``_`` in a name is dropped,
    and ``__`` becomes ``:`` (``xmlns__xhtml`` is ``xmlns:xhtml``)."""
    pairs = tuple((name.rstrip("_").replace("__", ":"), value) for name, value in attributes.items())
    return Element(tag, pairs, children, text)


def document(root: Element) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    _render(root, 0, lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _render(node: Element, depth: int, lines: list[str]) -> None:
    indent = "  " * depth
    attributes = "".join(f' {name}="{strip_forbidden(value).translate(_ATTRIBUTE)}"'
                         for name, value in node.attributes)
    opening = f"{indent}<{node.tag}{attributes}"
    if node.children:
        lines.append(opening + ">")
        for child in node.children:
            _render(child, depth + 1, lines)
        lines.append(f"{indent}</{node.tag}>")
    elif node.text is not None:
        lines.append(f"{opening}>{strip_forbidden(node.text).translate(_TEXT)}</{node.tag}>")
    else:
        lines.append(opening + "/>")
