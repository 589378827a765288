"""I: the cover image declared in front matter (body images come with the body rules)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from pydantic import Field

from seolint.document import Document
from seolint.findings import Severity, Violation
from seolint.rules import NoOptions, Options, Rule


def image_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is not None and not doc.article.text("image"):
        yield Violation(
            "No cover image: shared links show a blank card",
            doc.key_span(),
            "Add `image:` with a 1200×630 PNG, JPEG or WebP (also read: cover, og_image).",
        )


class ImageFormats(Options):
    formats: list[str] = Field(
        ["jpg", "jpeg", "png", "webp", "gif"], description="File extensions social cards show."
    )


def _extension(image: str) -> str | None:
    if image.startswith("data:"):  # data:image/svg+xml;base64,... -> svg
        mime = image[5:].split(",", 1)[0].split(";", 1)[0]
        return mime.split("/")[-1].split("+")[0].lower() or None
    suffix = PurePosixPath(urlsplit(image).path).suffix
    return suffix[1:].lower() if suffix else None


def image_format(doc: Document, options: ImageFormats) -> Iterator[Violation]:
    image = doc.article.text("image")
    extension = _extension(image) if image else None
    allowed = {item.lower().lstrip(".") for item in options.formats}
    if extension is not None and extension not in allowed:
        yield Violation(
            f"Cover image is {extension.upper()}: Open Graph cards (Facebook, LinkedIn, X) "
            "do not display it",
            doc.field_span("image"),
            f"Export the cover as 1200×630 {', '.join(sorted(allowed)).upper()} and point "
            "`image` to that file.",
        )


def is_local(target: str) -> bool:
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and not target.startswith("#") and bool(parts.path)


def candidates(target: str, doc: Document) -> list[Path] | None:
    """Where a local image may be: under the static roots, and beside the article when the
    path is relative. None when it cannot be judged: a root-relative path while no static
    root exists (the site keeps its assets somewhere seolint was not told about).
    """
    path = unquote(urlsplit(target).path)
    roots = [root for root in doc.settings.static_roots if root.is_dir()]
    if path.startswith("/"):
        return [root / path.lstrip("/") for root in roots] if roots else None
    return [doc.path.parent / path, *(root / path for root in roots)]


def image_not_found(doc: Document, options: NoOptions) -> Iterator[Violation]:
    image = doc.article.text("image")
    if image is None or not is_local(image.strip()):
        return
    places = candidates(image.strip(), doc)
    if places is not None and not any(place.is_file() for place in places):
        root = doc.settings.root
        shown = ", ".join(
            place.relative_to(root).as_posix() if place.is_relative_to(root) else place.as_posix()
            for place in places
        )
        yield Violation(
            f"Cover image `{image.strip()}` does not exist (looked for {shown})",
            doc.field_span("image"),
            "Fix the path or add the file; a missing image gives a broken social card.",
        )


RULES = (
    Rule(
        "I001", "image-missing", Severity.WARNING, image_missing,
        what="Reports an article without a cover or social image in front matter (`image`, "
        "`cover`, `og_image`, `ogImage`, `heroImage`, Hugo's `images`).",
        why="Shared links without an image get a small, blank card and far fewer clicks; "
        "Open Graph and X cards take the cover image.",
        example="---\ntitle: Networking guide\n---",
        use_instead="---\ntitle: Networking guide\nimage: /images/networking.png\n---",
        references=("The Open Graph protocol: og:image", "X cards: summary_large_image"),
    ),
    Rule(
        "I002", "image-format", Severity.WARNING, image_format, options=ImageFormats,
        what="Reports a cover image in a format social cards do not show (SVG, TIFF, AVIF, …).",
        why="Facebook, LinkedIn and X render JPEG, PNG, WebP and GIF; an SVG cover leaves "
        "the card blank.",
        example="image: /images/cover.svg",
        use_instead="image: /images/cover.png",
        references=("Facebook sharing: image requirements", "X cards: supported formats"),
    ),
    Rule(
        "I003", "image-not-found", Severity.ERROR, image_not_found,
        what="Reports a local cover image that exists neither beside the article nor under "
        "a static root (`static-roots` in config; default `static` and `public`).",
        why="A missing file gives a broken card and a 404 that crawlers report.",
        example="image: /images/typo.png",
        use_instead="image: /images/cover.png",
        references=("Hugo static folder, Astro/Next.js public folder",),
    ),
)
