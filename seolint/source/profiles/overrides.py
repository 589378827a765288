"""``[site]`` in seolint.toml over the detected profile: any key set wins."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint.source.profiles import Permalink, Profile, defaults, detect

if TYPE_CHECKING:
    from seolint.source.settings import SiteConfig


def profile_for(path: Path, layers: list[tuple[SiteConfig, Path]]) -> Profile | None:
    """The profile for the article at ``path`` under config ``layers`` (first to last)."""
    folder = os.path.dirname(os.path.abspath(path))
    from seolint.source.settings import NOT_PROFILE

    tables = tuple((site.model_dump_json(exclude_unset=True), str(root)) for site, root in layers
                   if site.model_fields_set - NOT_PROFILE)
    return _overridden(folder, tables) if tables else detect(Path(folder))


@lru_cache(maxsize=1024)
def _overridden(folder: str, tables: tuple[tuple[str, str], ...]) -> Profile | None:
    import json

    from seolint.source.settings import NOT_PROFILE

    values: dict[str, Any] = {}
    for text, root in tables:
        site = json.loads(text)
        values.update({name: value for name, value in site.items() if name not in NOT_PROFILE})
        if site.get("root") is not None:
            values["root"] = (Path(root) / site["root"]).resolve()
    generator = values.get("generator")
    if generator == "none":
        return None
    found = detect(Path(values["root"])) if "root" in values else detect(Path(folder))
    if generator is not None and (found is None or found.generator != generator):
        found = defaults(generator, Path(values.get("root") or tables[-1][1]))
    if found is None:
        return None
    return found.with_values(**_changes(values, found), reasons=(*found.reasons, "[site] in config applied"))


def _changes(values: dict[str, Any], found: Profile) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if values.get("root") is not None:
        changes["root"] = Path(values["root"]).as_posix()
    if values.get("content_dir") is not None:
        changes["content_dirs"] = ((values["content_dir"].strip("/"), None),)
    if values.get("permalinks") is not None:
        changes["permalinks"] = tuple(Permalink(k, v) for k, v in values["permalinks"].items())
    if values.get("languages") is not None:
        changes["languages"] = tuple(values["languages"])
    for name, field in (("default_language", "default_language"), ("default_language_in_subdir", "default_in_subdir"),
                        ("language_folders", "language_folders"), ("trailing_slash", "trailing_slash")):
        if values.get(name) is not None:
            changes[field] = values[name]
    if values.get("dated") is not None:
        changes["dated"] = tuple(values["dated"])
    return changes

