"""`seolint site [PATH]`: what was detected about the site around PATH, and why."""

from __future__ import annotations

import os
from pathlib import Path

import click

from seolint.source.profiles.kinds import page_kind
from seolint.source.profiles.model import Profile, article_url, dated_by_name, path_language

#: Articles shown as examples of the URL mapping.
EXAMPLES = 6


def run(path: Path, profile: Profile | None) -> int:
    if profile is None:
        click.echo(f"No site generator file at or above {path}: URLs are /<folder>/<slug>/ "
                   "from the checked folder, every article is dated content (but Starlight "
                   "documentation pages, known by their imports or `i18nReady` key, are docs), and no "
                   "generator keys are known (set `[site] generator` to choose one, and "
                   "`[site] page-kinds` to say what pages are).")
        return 0
    click.echo(describe(profile, _examples(profile, path)))
    return 0


def describe(profile: Profile, examples: list[Path]) -> str:
    lines = [
        f"generator:      {profile.generator}",
        f"root:           {profile.root}",
        f"config file:    {profile.config_file or '(none: documented defaults)'}",
        "content:        " + ", ".join(f"{folder or '.'}" + (f" ({lang})" if lang else "")
                                       for folder, lang in profile.content_dirs),
        f"base path:      {profile.base_path}",
        "languages:      " + (", ".join(profile.languages) or "(not set)")
        + (f"; default {profile.default_language}" if profile.default_language else "")
        + ("; in folders" if profile.language_folders else "")
        + ("; as .<lang>.md suffixes" if profile.language_suffix else ""),
        "permalinks:     " + ("; ".join(f"{rule.folder or '*'} -> {rule.pattern}" for rule in profile.permalinks)
                              or "(the file's path)"),
        "url keys:       " + ", ".join([*profile.url_keys, *(["slug (last segment)"] if profile.slug_key else [])]),
        "dated content:  " + ", ".join(profile.dated) + ("; date from file names" if profile.date_from_name else ""),
        "documentation:  " + ("every undated page" if "" in profile.docs
                              else ", ".join([*profile.docs, "folders named docs, guides, reference..."])),
        f"heading ids:    {profile.heading_style}"
        + {"plain": "; content tabs by title", "combined": "; content tabs by heading and title"}.get(profile.tab_ids, ""),
        f"title from H1:  {'yes' if profile.title_from_h1 else 'no'}",
        "title suffix:   " + (f"“{profile.title_suffix}”" if profile.title_suffix else "(none known)"),
        f"source hooks:   {'yes (comments may become text)' if profile.source_hooks else 'no'}",
        f"templated:      {'yes (Liquid renders {{ }} in content)' if profile.templated_content else 'no'}",
        "link forms:     " + (", ".join(profile.link_forms) or "(plain links)"),
        "default covers: " + (", ".join(f or "(all)" for f in profile.default_covers) or "(none)"),
        "not published:  " + (", ".join([*profile.unpublished, *profile.excluded]) or "(none)"),
        "data files:     " + ("; ".join(f"{folder}: {', '.join(keys)}" for folder, keys in profile.data_keys
                                        if {"title", "description", "date", "image"} & set(keys)) or "(none)"),
        "why:            " + "; ".join(profile.reasons),
    ]
    if examples:
        lines.append("examples:")
    for example in examples:
        path = example.absolute().as_posix()
        data = _front_matter(example)
        url = article_url(profile, path, data)
        kind: str = page_kind(profile, path, data, _head(example))
        if kind == "dated" and dated_by_name(profile, path):
            kind = "dated, date from the file name"
        lang = path_language(profile, path)
        shown = os.path.relpath(example, profile.root)
        lines.append(f"  {shown} -> {url or '(outside the content folders)'} [{kind}{', ' + lang if lang else ''}]")
    return "\n".join(lines)


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _front_matter(path: Path) -> dict[str, object]:
    from seolint.source.reading import SourceProblem, decode
    from seolint.source.frontmatter import split

    try:
        found = split(decode(path.read_bytes()).text).frontmatter
    except (OSError, SourceProblem):
        return {}
    return found.data if found is not None and isinstance(found.data, dict) else {}


def _examples(profile: Profile, path: Path) -> list[Path]:
    """A few articles under ``path`` (the content folders when ``path`` is the root), one
    per folder first, so that each permalink rule shows."""
    start = path if path.is_dir() else path.parent
    found: list[Path] = []
    for folder, dirs, files in os.walk(start):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        articles = sorted(name for name in files if name.endswith((".md", ".mdx", ".markdown")))
        if articles and not articles[0].upper().startswith(("README", "LICENSE", "CHANGELOG")):
            found.append(Path(folder, articles[0]))
        if len(found) >= EXAMPLES:
            break
    return found
