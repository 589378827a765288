"""The Article: a typed, normalized view of the front matter (pydantic at the boundary).

Which front-matter keys feed which field is configuration (``[fields.keys]``): the defaults
cover the names Hugo, Jekyll, Astro, Eleventy and Docusaurus sites use. Users may declare
fields of their own with a type, a pattern, an enum and length bounds. Validation problems
come back as plain sentences tied to the offending key, never as a pydantic dump.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
)

from seolint.i18n import msg, msg_n

BUILTIN_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("seo_title", "seoTitle", "meta_title", "title"),
    "description": (
        "description", "meta_description", "metaDescription", "summary", "ogSummary",
        "excerpt", "abstract",
    ),
    "date": ("date", "pubDate", "publishDate", "published_at", "pub_date", "created"),
    "updated": (
        "updated", "lastmod", "updatedDate", "last_modified_at", "modified", "dateModified",
        "lastUpdated",
    ),
    "slug": ("slug",),
    "lang": ("lang", "language", "locale"),
    "keywords": ("keywords",),
    "keyphrase": ("keyphrase", "focus_keyword", "focus_keyphrase", "focusKeyphrase"),
    "image": (
        "image", "cover", "og_image", "ogImage", "heroImage", "featured_image",
        "featuredImage", "thumbnail", "images",
    ),
    "draft": ("draft",),
    "tags": ("tags",),
    "author": ("author", "authors"),
}

#: Keys that sites commonly use and that feed no field: never reported as typos.
COMMON_KEYS = frozenset(
    """
    layout categories category aliases weight toc sidebar sidebar_position sidebar_label
    sidebar_class_name permalink template type series menu url canonical canonical_url
    canonicalURL published hidden id extra params taxonomies redirect_from comments featured
    translationKey translation_of translations seolint outputs resources tableOfContents
    hide_title hide_table_of_contents pagination_next pagination_prev head i18nReady
    show_toc github_url githubURL editUrl math mermaid nav_order parent has_children ogTitle
    path isFeatured subtitle lead oldSlug old_slug
    """.split()
)

DATE_FIELDS = ("date", "updated")
FieldType = Literal["string", "integer", "number", "boolean", "date", "list", "url"]


class FieldSpec(BaseModel):
    """A user-declared front-matter field (``[fields.custom.NAME]``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: FieldType = "string"
    pattern: str | None = None
    enum: list[str | int | float | bool] | None = None
    min_length: int | None = Field(None, alias="min-length", ge=0)
    max_length: int | None = Field(None, alias="max-length", ge=0)


class Problem(NamedTuple):
    code: str  # FM004 or FM007
    key: str  # the front-matter key at fault
    message: str
    hint: str
    fix: str | None = None


class Article(NamedTuple):
    """What the rules read. Every field is None when absent or invalid."""

    values: dict[str, Any]  # field name -> normalized value
    keys: dict[str, str]  # field name -> the front-matter key it came from
    problems: list[Problem]

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        return value if isinstance(value, str) and value.strip() else None


class _Builtin(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title: str | None = None
    description: str | None = None
    slug: str | None = None
    lang: str | None = None
    keywords: list[str] | None = None
    keyphrase: str | None = None
    image: str | None = None
    draft: bool | None = None
    tags: list[str] | None = None
    author: str | list[str] | dict[str, Any] | None = None


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not str(value).strip()) or (
        isinstance(value, (list, dict)) and len(value) == 0
    )


def build_article(
    data: dict[str, Any],
    keys: dict[str, tuple[str, ...]],
    custom: dict[str, FieldSpec],
) -> Article:
    """Pick each field's key, validate the values, and collect problems in plain words."""
    raw: dict[str, Any] = {}
    used: dict[str, str] = {}
    for name, candidates in keys.items():
        present = [key for key in candidates if key in data]
        if present:
            # The first key with a value wins; an empty `title:` still counts as given
            # (FM003 then says it is empty, at its line).
            key = next((key for key in present if data[key] is not None), present[0])
            raw[name], used[name] = data[key], key
    for name in custom:
        if name in data:
            raw[name], used[name] = data[name], name
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name in DATE_FIELDS:
        if name in raw:
            values[name] = _date(raw.pop(name), used[name], problems)
    raw["image"] = _image_path(raw.get("image"))
    _coerce_lists(raw, used, problems)
    values.update(_validate(_Builtin, raw, used, problems))
    if custom:
        values.update(_validate(_custom_model(_freeze(custom)), raw, used, problems))
    return Article(values, used, problems)


def _image_path(value: Any) -> Any:
    """Hugo's ``images: [..]``, PaperMod's ``cover: {image: ..}``: the path itself."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        for key in ("image", "src", "url", "path"):
            if isinstance(value.get(key), str):
                return value[key]
    return value


def _coerce_lists(raw: dict[str, Any], used: dict[str, str], problems: list[Problem]) -> None:
    """A comma string where a list belongs: reported (FM004, fixable) and read as the list."""
    for name in ("keywords", "tags"):
        value = raw.get(name)
        if isinstance(value, str):
            items = [item.strip() for item in value.split(",") if item.strip()]
            key = used[name]
            problems.append(
                Problem(
                    "FM004",
                    key,
                    msg("`{key}` is a comma-separated string; it should be a list", key=key),
                    msg("Write it as a list: {key}: [{items}]", key=key, items=", ".join(items)),
                    fix=msg_n("Rewrite `{key}` as a list of {count} items", "Rewrite `{key}` as a list of {count} items",
                              len(items), key=key),
                )
            )
            raw[name] = items
        elif isinstance(value, list):
            # YAML reads `tags: [2024, seo]` as a number and a string; both are fine as tags.
            raw[name] = [
                str(item) if isinstance(item, (int, float)) and not isinstance(item, bool) else item
                for item in value
            ]


def _date(value: Any, key: str, problems: list[Problem]) -> dt.date | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if is_empty(value):
        return None  # empty, not invalid: FM003 reports it when the field is required
    if isinstance(value, dict) and "created" in value:  # Material for MkDocs' blog: `date: {created: …}`
        return _date(value["created"], f"{key}.created", problems)
    if not isinstance(value, str):
        problems.append(Problem("FM007", key,
                                msg("`{key}` should be a date, not {value}", key=key, value=describe(value)),
                                msg("Write one date as YYYY-MM-DD (for example 2025-03-14).")))
        return None
    text = value.strip()
    parsed = parse_iso_date(text)
    if parsed is None and _ISO_DATE.match(text):
        problems.append(
            Problem("FM007", key, msg("`{key}` {text} is not a real calendar date", key=key, text=text),
                    msg("Check the day and the month: this day does not exist."))
        )
    elif parsed is None:
        problems.append(
            Problem(
                "FM007",
                key,
                msg("`{key}` is not an ISO 8601 date: {text}", key=key, text=repr(text)),
                msg("Write it as YYYY-MM-DD (for example 2025-03-14), optionally with a time."),
            )
        )
    return parsed


# ISO 8601 / RFC 3339, plus Jekyll's "2015-11-17 16:16:01 -0600" (a space before the offset).
_ISO_DATE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_iso_date(text: str) -> dt.date | None:
    found = _ISO_DATE.match(text)
    if not found:
        return None
    day, time, zone = found.groups()
    try:
        if time is None:
            return dt.date.fromisoformat(day)
        zone = "+00:00" if zone == "Z" else zone or ""
        if len(zone) == 5:  # +0600 -> +06:00, which Python 3.10 requires
            zone = f"{zone[:3]}:{zone[3:]}"
        return dt.datetime.fromisoformat(f"{day}T{time}{zone}")
    except ValueError:
        return None


def _validate(
    model: type[BaseModel], raw: dict[str, Any], used: dict[str, str], problems: list[Problem]
) -> dict[str, Any]:
    fields = {name: raw[name] for name in model.model_fields if name in raw}
    try:
        return model.model_validate(fields).model_dump(exclude_unset=True)
    except ValidationError as error:
        bad = set()
        for item in error.errors(include_url=False):
            name = str(item["loc"][0])
            bad.add(name)
            message = plain_error(used[name], item)
            problems.append(Problem("FM004", used[name], message, _hint(used[name], model)))
        kept = {name: value for name, value in fields.items() if name not in bad}
        return model.model_validate(kept).model_dump(exclude_unset=True)


def _hint(key: str, model: type[BaseModel]) -> str:
    if model is _Builtin:
        return msg("Correct the value of `{key}`; `seolint rule FM004` lists the expected shapes.", key=key)
    return msg("Correct the value of `{key}`; its constraints are in [fields.custom] of your config.", key=key)


_TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "dict_type": "a mapping of keys to values",
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
    "url_type": "a URL",
    "url_parsing": "a URL",
    "url_scheme": "a URL",
}


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return msg("the boolean {value}", value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("the number {value}", value=str(value))
    if isinstance(value, str):
        return msg("the text {value}", value=repr(value[:40]))
    if isinstance(value, list):
        return msg_n("a list of {count} items", "a list of {count} items", len(value))
    if isinstance(value, dict):
        return msg("a mapping")
    return msg("a {type}", type=type(value).__name__)


def plain_error(key: str, item: Any) -> str:
    """One pydantic error as a sentence a writer understands."""
    loc = item["loc"]
    where = f"`{key}`" if len(loc) < 2 or not isinstance(loc[1], int) else (
        f"Item {loc[1] + 1} of `{key}`"
    )
    kind, ctx, value = item["type"], item.get("ctx", {}), item.get("input")
    if kind in _TYPE_WORDS:
        expected = _TYPE_WORDS[kind]
        if len(loc) > 2 and isinstance(loc[-1], str) and loc[-1] in ("str", "list[str]", "dict[str,any]"):
            expected = "text or a list of text"
        return f"{where} should be {expected}, not {describe(value)}"
    if kind == "string_pattern_mismatch":
        return f"{where} does not match the required pattern {ctx.get('pattern')}"
    if kind in ("literal_error", "enum"):
        return f"{where} should be one of {ctx.get('expected')}, not {describe(value)}"
    if kind in ("string_too_short", "too_short"):
        return f"{where} is too short: at least {ctx.get('min_length')} needed"
    if kind in ("string_too_long", "too_long"):
        return f"{where} is too long: at most {ctx.get('max_length')} allowed"
    return f"{where} is not valid: {item['msg']}"


def _freeze(custom: dict[str, FieldSpec]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name, spec.model_dump_json()) for name, spec in custom.items()))


@cache
def _custom_model(frozen: tuple[tuple[str, str], ...]) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for name, spec_json in frozen:
        spec = FieldSpec.model_validate_json(spec_json)
        fields[name] = (_annotation(spec) | None, None)
    model: type[BaseModel] = create_model(
        "CustomFields", __config__=ConfigDict(extra="ignore"), **fields
    )
    return model


def _annotation(spec: FieldSpec) -> Any:
    if spec.enum:
        return Literal[tuple(spec.enum)]
    low, high = spec.min_length, spec.max_length
    if spec.type == "string" or spec.type == "url":
        pattern = spec.pattern or (r"^(https?://|/)" if spec.type == "url" else None)
        return Annotated[str, StringConstraints(pattern=pattern, min_length=low, max_length=high)]
    if spec.type == "list":
        item: Any = Annotated[str, StringConstraints(pattern=spec.pattern)] if spec.pattern else str
        return Annotated[list[item], Field(min_length=low, max_length=high)]
    return {"integer": int, "number": float, "boolean": bool, "date": dt.date}[spec.type]
