"""Link forms a generator resolves itself, turned into what seolint can check.

- ``glossary``: Hugo's documentation links a term to its glossary page as ``[term](g)``
  (a render hook of gohugo.io's own site): accepted, not checked.
- ``relref``: Hugo's ``{{< ref "path" >}}``/``{{< relref "path" >}}`` name a content file.
- ``liquid``: Jekyll's ``{{ site.baseurl }}/x/`` and ``{{ '/x/' | relative_url }}`` are site
  URLs (Jekyll's filters, which Eleventy sites often copy).
- ``jekyll-tags``: Jekyll's ``{% link _docs/x.md %}`` and ``{% post_url 2010-07-21-name %}``
  name source files; elsewhere (Eleventy) such a tag is a site's own shortcode: not checked.
- ``zola``: ``@/blog/post.md`` names a file under ``content/``.

Any other template destination (``{{ site.repository }}/issues``) is not checked.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

_BASEURL = re.compile(r"^\{\{\s*site\.baseurl\s*\}\}")
_FILTERED = re.compile(r"""^\{\{\s*['"]([^'"]+)['"]\s*\|\s*(?:relative_url|absolute_url)\s*\}\}(.*)$""")
_LIQUID_LINK = re.compile(r"^\{%\s*link\s+(\S+?)\s*%\}(.*)$")
_POST_URL = re.compile(r"^\{%\s*post_url\s+(\S+?)\s*%\}(.*)$")
_REF = re.compile(r"""^\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%]+)"?\s*[>%]\}\}(.*)$""")


class Target(NamedTuple):
    kind: Literal["url", "source", "post", "content"]  # a site URL; a file from the site root;
    path: str  # a post's name; a file from the content folder


def rewrite(href: str, forms: tuple[str, ...]) -> Target | str | None:
    """``href`` itself when no form applies, a :class:`Target` when one does, None when the
    link is a form seolint cannot follow (accepted, not checked)."""
    text = href.strip()
    if "glossary" in forms and text == "g":
        return None
    if "zola" in forms and text.startswith("@/"):
        return Target("content", text[2:])
    if not text.startswith(("{{", "{%")):
        return href
    if "relref" in forms and (found := _REF.match(text)):
        return Target("content", found.group(1).lstrip("/") + found.group(2))
    if "liquid" in forms:
        if _BASEURL.match(text):
            return Target("url", "/" + _BASEURL.sub("", text).lstrip("/"))
        if found := _FILTERED.match(text):
            return Target("url", "/" + found.group(1).lstrip("/") + found.group(2))
    if "jekyll-tags" in forms:
        if found := _LIQUID_LINK.match(text):
            return Target("source", found.group(1) + found.group(2))
        if found := _POST_URL.match(text):
            return Target("post", found.group(1) + found.group(2))
    return None
