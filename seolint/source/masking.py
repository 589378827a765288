"""What the parser must not see, blanked out before it runs.

Real content is not pure CommonMark. Constructs of site generators are replaced by spaces,
so every line and column stays where it was: MDX ``import``/``export`` lines, JSX component
tags (in MDX, a ``<p>`` alone on its line too) and ``{/* */}`` comments, Hugo shortcodes,
Liquid tags, kramdown attribute lines, ``:::`` aside fences, GitHub ``[!NOTE]`` markers and
Microsoft ``[!INCLUDE[...](...)]``, and the lines of template blocks that show code. Code is
never touched. A Liquid destination of a link is kept, glued into one word for the parser
(:func:`unglued` undoes it).
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MDX_LINE = re.compile(r"^(?:import|export)\s.*$")
_JSX_LINE = re.compile(r"^\s*</?[A-Z][\w.]*(?:\s[^<>]*)?/?>\s*$")
#: In MDX, a paragraph tag alone on its line is JSX whose content is Markdown (astro-docs-fr's
#: quiz answers: ``<p>``, then ``<Spoiler>Oui, …</Spoiler>``, then ``</p>``), not an HTML
#: block that would hide the text inside it.
_MDX_PARAGRAPH_TAG = re.compile(r"^\s*</?p>\s*$")
_KRAMDOWN = re.compile(r"^\s*\{:[^}]*\}\s*$")
_ASIDE = re.compile(r"^\s*:::+.*$")
#: Any of the four above, tested with one match per line instead of four.
_BLANKED_LINE = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in (_MDX_LINE, _JSX_LINE, _KRAMDOWN, _ASIDE))
)
#: Every alternative starts with a literal character (``{``, ``[`` or ``>``), so that the regex
#: engine skips ahead to those characters instead of trying each alternative at every position
#: (seven times faster on Microsoft's docs). A GitHub alert's ``>`` is matched but kept
#: (:func:`_blank_inline`); a Liquid tag right after ``](`` is a link's destination, not blanked.
_INLINE_CONSTRUCTS = re.compile(
    r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{(?<!\]\(\{)%.*?%\}|\{/\*.*?\*/\}|\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]"
    r"|>\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]",
    re.DOTALL,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group(0))


def _blank_inline(match: re.Match[str]) -> str:
    text = match.group(0)
    if text[0] == ">":
        return ">" + _NOT_NEWLINE.sub(" ", text[1:])
    return _NOT_NEWLINE.sub(" ", text)


#: A Liquid destination of a Markdown link: `[x]({{ '/a/' | relative_url }})`, `[x]({% link a.md %})`,
#: its `](` included (it holds no space to glue): a pattern that starts with a literal is
#: searched for far faster than one that starts with a lookbehind.
_TEMPLATE_LINK = re.compile(r"\]\((?:\{\{(?![<%])[^\n{}]*\}\}|\{%[^\n%]*%\})")
#: Stands for a space in such a destination, so that the parser takes it as one (CommonMark
#: ends a destination at a space); the link's facts put the spaces back.
TEMPLATE_SPACE = "\u00a0"


def _glue(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", TEMPLATE_SPACE)


def unglued(href: str) -> str:
    """A link's destination as written, when :func:`_glue` made it one for the parser."""
    if "%C2%A0" in href and href.startswith("%7B"):
        from urllib.parse import unquote

        return unquote(href).replace(TEMPLATE_SPACE, " ")
    return href


def _masked(text: str) -> str:
    if "](" in text and "{" in text:
        text = _TEMPLATE_LINK.sub(_glue, text)
    return _INLINE_CONSTRUCTS.sub(_blank_inline, text)


_MDX_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def mask(body: str, mdx: bool = False) -> str:
    """The body with non-CommonMark constructs blanked out, outside code fences.

    MDX has no indented code blocks, so a fence indented inside a JSX component
    (``<TabItem>`` then four spaces and a fence) is still a fence: its indentation is dropped.
    """
    out: list[str] = []
    fence: str | None = None
    chunk: list[str] = []
    fence_pattern = _MDX_FENCE if mdx else _FENCE
    shown_as_code = _code_shortcodes(body) if "{{" in body or "{%" in body else set()
    for number, line in enumerate(body.split("\n")):
        if number in shown_as_code:
            chunk.append(" " * len(line))
            continue
        opener = fence_pattern.match(line) if "`" in line or "~" in line else None  # most lines: no call
        if opener and mdx:
            line = line.lstrip()
        if fence is not None:
            out.append(line)
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            if chunk:
                out.append(_masked("\n".join(chunk)))
            chunk = []
            out.append(line)
            fence = opener.group(1)
            continue
        if _BLANKED_LINE.match(line) or (mdx and _MDX_PARAGRAPH_TAG.match(line)):
            line = " " * len(line)
        chunk.append(line)
    if chunk:
        out.append(_masked("\n".join(chunk)))
    return "\n".join(out)


#: Template blocks that show their content as code: Hugo's ``{{< code-toggle >}}`` …
#: ``{{< /code-toggle >}}`` (and ``highlight``, ``code``), Liquid's and Nunjucks'
#: ``{% highlight %}`` … ``{% endhighlight %}``, and a Nunjucks ``{% set codeBlock %}`` …
#: ``{% endset %}`` whose content a filter highlights (Eleventy's docs).
_CODE_BLOCK = re.compile(
    r"^\s*(?:\{\{[<%]\s*(?P<hugo>code-toggle|highlight|code)\b(?:(?!/[>%]\}\}).)*[>%]\}\}\s*$"
    r"|\{%-?\s*(?P<liquid>highlight|set)\b(?(liquid)[^%=]*-?%\}))"
)


def _code_end(opened: re.Match[str]) -> re.Pattern[str]:
    if opened.group("hugo"):
        return re.compile(rf"^\s*\{{\{{[<%]\s*/\s*{opened.group('hugo')}\s*[>%]\}}\}}")
    return re.compile(rf"\{{%-?\s*end{opened.group('liquid')}\s*-?%\}}")


def _code_shortcodes(body: str) -> set[int]:
    """Indexes of the lines inside a template's code block, its tags included, outside fences."""
    found: set[int] = set()
    fence: str | None = None
    opened: tuple[int, re.Pattern[str]] | None = None
    for number, line in enumerate(body.split("\n")):
        opener = _FENCE.match(line) if opened is None and ("`" in line or "~" in line) else None
        if opener and fence is None:
            fence = opener.group(1)
        elif opener and fence and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
            fence = None
        elif opened is not None and opened[1].search(line):
            found.update(range(opened[0], number + 1))
            opened = None
        elif fence is None and (start := _CODE_BLOCK.match(line)):
            opened = (number, _code_end(start))  # a second opener: the first was never closed
    return found
