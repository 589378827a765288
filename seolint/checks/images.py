"""I: the cover image declared in front matter, and the images of the body."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from pydantic import Field

from seolint.source.document import Document
from seolint.findings import Severity, Span, Violation
from seolint.i18n import msg, msg_n
from seolint.source.markdown import Image
from seolint.rules import NoOptions, Options, Rule
from seolint.language.fold import fold
from seolint.language.words import contains_phrase


def image_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    if doc.data is not None and not doc.article.text("image") and not _site_cover(doc):
        yield Violation(
            msg("No cover image: shared links show a blank card"),
            doc.key_span(),
            msg("Add `image:` with a 1200×630 PNG, JPEG or WebP (also read: cover, og_image)."),
        )


def _site_cover(doc: Document) -> bool:
    """A cover the site's generator finds on its own: a cover key it reads (Hugo's
    `images`), a default its config gives the page's folder, or an image named `cover.*`/`featured.*` in the article's page bundle."""
    site = doc.settings.site
    if site is None:
        return False
    data = doc.data or {}
    if any(data.get(key) for key in site.cover_keys):
        return True
    if site.default_covers:
        root = site.root.rstrip("/") + "/"
        relative = doc.path.absolute().as_posix().removeprefix(root)
        if any(not folder or relative.startswith(folder + "/") for folder in site.default_covers):
            return True  # the site's config gives these pages a cover
    if not site.bundle_covers or doc.path.stem not in ("index", "_index"):
        return False
    folder = doc.path.parent
    return any(doc.is_file(folder / f"{name}.{ext}") for name in site.bundle_covers
               for ext in ("jpg", "jpeg", "png", "webp"))


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
            msg("Cover image is {format}: Open Graph cards (Facebook, LinkedIn, X) do not display it",
                format=extension.upper()),
            doc.field_span("image"),
            msg("Export the cover as 1200×630 {formats} and point `image` to that file.",
                formats=", ".join(sorted(allowed)).upper()),
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
    roots = [root for root in doc.settings.static_roots if doc.is_dir(root)]
    if path.startswith("/"):
        return [root / path.lstrip("/") for root in roots] if roots else None
    return [doc.path.parent / path, *(root / path for root in roots)]


def image_not_found(doc: Document, options: NoOptions) -> Iterator[Violation]:
    image = doc.article.text("image")
    if image is None or not is_local(image.strip()):
        return
    places = candidates(image.strip(), doc)
    if places is not None and not any(doc.is_file(place) for place in places):
        root = doc.settings.root
        shown = ", ".join(
            place.relative_to(root).as_posix() if place.is_relative_to(root) else place.as_posix()
            for place in places
        )
        yield Violation(
            msg("Cover image `{image}` does not exist (looked for {shown})", image=image.strip(), shown=shown),
            doc.field_span("image"),
            msg("Fix the path or add the file; a missing image gives a broken social card."),
        )


_FILE_NAME = re.compile(r".*\S\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|ico)", re.IGNORECASE)
#: A file name's shape without its extension: no space, words joined by - or _.
_SLUG = re.compile(r"[^\W_]+(?:[-_][^\W_]+)+")
#: Names cameras, phones and screenshot tools give files, and placeholders, once folded:
#: IMG_1234, DSC01234, PXL_20240101_123456, Screenshot 2024-01-02 at 10.22.33, capture d'écran.
_DEFAULT_NAME = re.compile(
    r"(?:img|image|dsc[nf]?|pxl|photo|picture|pic|screenshot|screen[\s_-]?shot"
    r"|capture(?:[\s_-]*d'[\s_-]*ecran)?|untitled|sans[\s_-]titre|placeholder)"
    r"(?:[\s_.:-]*\d+|\s+(?:at|a|du|de)\s+)*"
)


def alt_problem(image: Image) -> str | None:
    """Why an image's alt text is useless (missing, empty, a file name), or None when it is
    fine or the image is marked as decoration (``alt=""`` on an HTML <img>)."""
    if image.decorative:
        return None
    if image.alt is None:
        return msg("has no alt attribute")
    alt = " ".join(image.alt.split())
    if not alt:
        return msg("has an empty alt text")
    stem = PurePosixPath(urlsplit(image.src).path).stem
    if _FILE_NAME.fullmatch(alt) or (_SLUG.fullmatch(alt) and fold(alt) == fold(unquote(stem))):
        return msg("has the alt text “{alt}”, a file name", alt=alt)
    if _DEFAULT_NAME.fullmatch(fold(alt)):
        return msg("has the alt text “{alt}”, a camera, screenshot or placeholder name", alt=alt)
    if not re.search(r"[^\W\d_]", alt):
        return msg("has the alt text “{alt}”, with no word in it", alt=alt)
    return None


def _image_span(doc: Document, image: Image) -> Span:
    source = doc.line_text(image.line)
    end = source.find(">" if image.html else ")", image.column - 1)
    return Span(image.line, image.column, image.line, end + 2 if end >= 0 else len(source) + 1)


def image_alt_missing(doc: Document, options: NoOptions) -> Iterator[Violation]:
    for image in doc.body.images:
        problem = alt_problem(image)
        if problem is None:
            continue
        shown = image.src if len(image.src) <= 60 else "…" + image.src[-59:]
        yield Violation(
            msg("Image `{image}` {problem} (a description is required)", image=shown, problem=problem),
            _image_span(doc, image),
            msg("Say in a few words what the image shows, as you would to someone on the phone; for a purely "
                "decorative image, write it as HTML with an explicit empty alt (`<img src=\"…\" alt=\"\">`)."),
        )


class CardSize(Options):
    min_width: int = Field(1200, ge=1, description="Narrowest cover, in pixels.")
    min_height: int = Field(630, ge=1, description="Shortest cover, in pixels.")
    tolerance: int = Field(
        4, ge=0,
        description="Pixels a cover may lack on either side and still pass: 1200×628, a common "
        "export of the card size, fills the card as well.",
    )


def local_file(target: str, doc: Document) -> Path | None:
    """The file a local image path names, when it exists."""
    places = candidates(target, doc) if is_local(target) else None
    return next((place for place in places or [] if doc.is_file(place)), None)


def image_too_small(doc: Document, options: CardSize) -> Iterator[Violation]:
    from seolint.source.imagesize import image_size

    image = doc.article.text("image")
    found = local_file(image.strip(), doc) if image else None
    size = image_size(doc.reads(found)) if found is not None else None
    if size is None:
        return
    width, height = size
    slack = options.tolerance
    if width + slack >= options.min_width and height + slack >= options.min_height:
        return
    bound = f"{options.min_width}×{options.min_height}"
    yield Violation(
        msg("Cover image is {width}×{height} px, under the {bound} px card size", width=width, height=height,
            bound=bound),
        doc.field_span("image"),
        msg("Export the cover at {bound} px or larger (a 1.91:1 ratio): smaller ones get a small thumbnail card, "
            "or are stretched and blurry.", bound=bound),
    )


# --- I006 image-keyphrase ---------------------------------------------------------------------


class ImageKeyphrase(Options):
    min_share: float = Field(30, ge=0, le=100, description="With `many` images or more: the "
                             "lowest share whose alt text holds the keyphrase, in %.")
    max_share: float = Field(75, ge=0, le=100, description="With `many` images or more: the "
                             "highest share, in % (more reads as keyword stuffing).")
    many: int = Field(5, ge=1, description="From this many images on, the share is judged; "
                      "with fewer, one alt text holding the keyphrase is enough.")


def _keyphrase_bounds(count: int, options: ImageKeyphrase) -> tuple[int, int]:
    """The fewest and most images whose alt should hold the keyphrase (Yoast: 2–4 of 5)."""
    if count < options.many:
        return 1, count
    low = math.ceil(count * options.min_share / 100)
    high = math.floor(count * options.max_share / 100)
    if count == 5:  # Yoast's own exception: 4 of 5 is still fine
        high = max(high, math.ceil(count * options.max_share / 100))
    return low, max(high, low)


def image_keyphrase(doc: Document, options: ImageKeyphrase) -> Iterator[Violation]:
    if doc.keyphrase is None:
        return
    phrase, key = doc.keyphrase
    images = [image for image in doc.body.images if not image.decorative]
    described = [image for image in images if image.alt and image.alt.strip()]
    if not images:
        return
    if not described:  # I004 reports each missing alt; this says what the alts should hold
        yield Violation(
            msg_n("The body's {count} image has no alt text, so it does not hold the focus keyphrase “{phrase}”",
                  "The body's {count} images have no alt text, so none holds the focus keyphrase “{phrase}”",
                  len(images), phrase=phrase),
            _image_span(doc, min(images, key=lambda image: (image.line, image.column))),
            msg("Write an alt text for each image (I004 reports each one) and, where an image shows the topic, "
                "use the keyphrase's words in it: alt text is what image search reads."),
        )
        return
    holding = [image for image in described if contains_phrase(image.alt or "", phrase, doc.lang)]
    low, high = _keyphrase_bounds(len(images), options)
    count = msg_n("{held} of {count} image ({share:.0f} %)", "{held} of {count} images ({share:.0f} %)", len(images),
                  held=len(holding), share=100 * len(holding) / len(images))
    if len(holding) < low:
        few = len(images) < options.many
        yield Violation(
            msg_n("No alt text of the body's {count} image holds the focus keyphrase “{phrase}”",
                  "No alt text of the body's {count} images holds the focus keyphrase “{phrase}”", len(images),
                  phrase=phrase) if few
            else msg("The focus keyphrase “{phrase}” is in the alt text of {count}, under the {min:g} % minimum "
                     "({low})", phrase=phrase, count=count, min=options.min_share, low=low),
            _image_span(doc, next((i for i in described if i not in holding), described[0])),
            msg("Where an image shows the topic, say so in its alt text with the keyphrase's words; alt text is what "
                "image search reads."),
        )
    elif len(holding) > high:
        yield Violation(
            msg("The focus keyphrase “{phrase}” is in the alt text of {count}, over the {max:g} % maximum ({high})",
                phrase=phrase, count=count, max=options.max_share, high=high),
            _image_span(doc, holding[-1]),
            msg("Describe what each image shows; keep the keyphrase for the images that show the topic."),
        )


RULES = (
    Rule(
        "I001", "image-missing", Severity.WARNING, image_missing,
        what="Reports an article without a cover or social image in front matter (`image`, "
        "`cover`, `og_image`, `ogImage`, `heroImage`, Hugo's `images`). On a Hugo site, a "
        "page bundle's `cover.*`, `featured.*` or `thumbnail.*` image counts, and so does a "
        "social image the site's config gives every page (see docs/site.md). Off on documentation pages by default (`seolint site` shows each page's kind; `[site] kind-ignore`).",
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
    Rule(
        "I004", "image-alt-missing", Severity.WARNING, image_alt_missing, needs_body=True,
        what="Reports a body image (Markdown `![alt](src)` or HTML `<img>`) with no alt "
        "attribute, an empty alt text (Markdown's `![](src)`), a file name (`IMG_1234.jpg`, `photo-2.png`, `open-rates-2024` for "
        "`open-rates-2024.png`), a camera, screenshot or placeholder name (`DSC01234`, "
        "`Screenshot 2024-01-02 at 10.22.33`, `image`) or has no word at all (`2`). An HTML "
        "image marked as decoration is not reported: an explicit `alt=\"\"`, "
        "`role=\"presentation\"` or `aria-hidden=\"true\"` (WCAG's technique H67).",
        why="Alt text is what screen readers say and what image search indexes; a file name "
        "says nothing to either. WCAG 1.1.1 requires a text alternative, and Google uses alt "
        "text to understand an image.",
        example="![IMG_1234.jpg](/images/salon.jpg)",
        use_instead="![Deux personnes échangent leurs cartes à un salon](/images/salon.jpg)",
        references=(
            "WCAG 2.2, 1.1.1 Non-text Content",
            "WCAG technique H67: null alt text and no title on img elements for decorative images",
            "Google Search Central: image SEO best practices (alt text)",
        ),
    ),
    Rule(
        "I005", "image-too-small", Severity.INFO, image_too_small, options=CardSize,
        what="Reads the width and height of the local cover image from its file header (PNG, "
        "GIF, JPEG, WebP; SVG `width`/`height` or `viewBox`) and reports it when it is "
        "smaller than 1200×630 px, by more than 4 px on a side (`tolerance`): a 1200×628 "
        "cover passes, since social networks scale and crop a cover to the card by a few "
        "pixels anyway. Remote images and unreadable files are not judged.",
        why="Facebook and LinkedIn recommend 1200×630 px for link previews (Open Graph); a "
        "smaller image gets a small thumbnail instead of a large card, or is upscaled and "
        "blurry. X's summary_large_image card has the same 1.91:1 shape.",
        example="image: /images/cover-600x315.png",
        use_instead="image: /images/cover-1200x630.png",
        references=(
            "Facebook for Developers: sharing best practices (1200×630 images)",
            "The Open Graph protocol: og:image",
            "X cards: summary_large_image",
        ),
    ),
    Rule(
        "I006", "image-keyphrase", Severity.INFO, image_keyphrase, options=ImageKeyphrase,
        needs_body=True,
        what="Reports a body whose image alt texts do not carry the focus keyphrase (matched "
        "as the K rules match it: every content word, in any form and order): with fewer than "
        "5 images, when none of them does; with 5 or more, when fewer than 30 % or more than "
        "75 % do (2 to 4 of 5). Images marked as decoration (`alt=\"\"`, "
        "`role=\"presentation\"`) are not counted; images without any alt text count as "
        "images without the keyphrase. When none of the images has an alt text, the finding "
        "says so, once, at the first image: I004 reports each missing alt, and this rule what "
        "the alts should hold, so that they are written once, with the keyphrase where an "
        "image shows the topic. Skipped without a focus keyphrase.",
        why="Alt text is what image search indexes and what tells search engines what an "
        "image shows; an image of the topic described with the keyphrase's words ties the "
        "images to the text's topic. Yoast SEO's imageKeyphrase assessment asks for the "
        "keyphrase in at least one alt text, and with 5 images or more in 30–75 % of them "
        "(more is keyword stuffing). Yoast accepts an alt with half of the keyphrase's words; "
        "seolint asks for all of them, as its keyphrase rules do, so that “réseau” alone does "
        "not count for « réseau professionnel ». Yoast reports a page whose images have no alt "
        "text at all too.",
        example="---\nkeyphrase: réseau professionnel\n---\n\n![Une salle de conférence](/img/salle.jpg)",
        use_instead="---\nkeyphrase: réseau professionnel\n---\n\n![Des membres d’un réseau "
        "professionnel échangent à un salon](/img/salle.jpg)",
        references=("Yoast SEO: keyphrase in image alt attributes (imageKeyphrase, 30–75 %)",
                    "Google Search Central: image SEO best practices (alt text)"),
    ),
)
