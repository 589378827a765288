"""Content files a page pulls into its own: Hugo's `include` shortcode.

The Hugo docs write ``{{% include "/_common/methods/to-use-this-method.md" %}}`` (or with
``{{< >}}``): the shortcode looks the file up with ``GetPage``, from the page's folder, then
from the content folder (with or without a leading slash), and renders its content in place.
What the included file holds (its links) is then on the page. Each file looked at is recorded
on the page's document (``Document.is_file``, ``Document.reads``): a cached result of the page
is recomputed when an included file changes, appears or goes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from seolint.source.document import Document
from seolint.source.profiles.model import content_path

#: `{{% include "path" %}}`, `{{< include "path" >}}` (not the commented-out `{{</* include */>}}`).
_INCLUDE = re.compile(r"""\{\{(?:%|<)-?\s*include\s+["`]([^"`\n]+)["`]\s*-?(?:%|>)\}\}""")

#: How deep an included file's own includes are followed.
_DEPTH = 3


def _content_folder(doc: Document) -> Path | None:
    site = doc.settings.site
    if site is None or site.generator != "hugo":
        return None
    found = content_path(site, doc.path.absolute().as_posix())
    if found is None:
        return None
    inner: PurePosixPath = found[0]
    return doc.path.absolute().parents[len(inner.parts) - 1]


def _candidates(folder: Path, target: str) -> list[Path]:
    base = folder / target.strip("/")
    if PurePosixPath(target).suffix:
        return [base]
    return [base.with_name(base.name + ".md"), base / "index.md", base / "_index.md"]


def _find(doc: Document, content: Path, start: Path, target: str) -> Path | None:
    if ".." in PurePosixPath(target).parts:
        return None  # GetPage finds pages, never outside the content folder
    folders = [content] if target.startswith("/") else [start, content]
    for folder in folders:
        for candidate in _candidates(folder, target):
            if doc.is_file(candidate):
                return candidate
    return None


def included(doc: Document) -> list[Document]:
    """The documents of the content files the page includes, theirs included; [] outside a
    Hugo site's content folder."""
    content = _content_folder(doc)
    if content is None or "include" not in doc.split.body:
        return []
    found: list[Document] = []
    seen = {doc.path.absolute()}
    pending = [(doc, 0)]
    while pending:
        page, depth = pending.pop()
        if depth >= _DEPTH:
            continue
        for match in _INCLUDE.finditer(page.split.body):
            path = _find(doc, content, page.path.absolute().parent, match.group(1).strip())
            if path is None or path in seen:
                continue
            seen.add(path)
            try:
                data = doc.reads(path).read_bytes()
            except OSError:
                continue
            other = Document.from_bytes(path, path.as_posix(), data, doc.settings, positions=False)
            found.append(other)
            pending.append((other, depth + 1))
    return found
