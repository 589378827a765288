"""`seolint site [PATH]`: what was detected about the site around PATH, and why."""

from __future__ import annotations

import os
from pathlib import Path

import click

from seolint.i18n import Message, msg, say
from seolint.source.profiles.kinds import page_kind
from seolint.source.profiles.model import Profile, article_url, dated_by_name, path_language

#: Articles shown as examples of the URL mapping.
EXAMPLES = 6


def run(path: Path, profile: Profile | None) -> int:
    """Print what was detected, in the run's language (``seolint.i18n.speaking``): the
    headings and the words around the values; generators, paths, keys and patterns as they are."""
    if profile is None:
        click.echo(say(msg("No site generator file at or above {path}: URLs are /<folder>/<slug>/ "
                           "from the checked folder, every article is dated content (but Starlight "
                           "documentation pages, known by their imports or `i18nReady` key, are docs), and no "
                           "generator keys are known (set `[site] generator` to choose one, and "
                           "`[site] page-kinds` to say what pages are).", path=str(path))))
        return 0
    click.echo(describe(profile, _examples(profile, path)))
    return 0


def describe(profile: Profile, examples: list[Path]) -> str:
    rows = _rows(profile)
    labels = [say(label) for label, _ in rows]
    width = max(len(label) for label in labels) + 1  # 16 in English: "default covers: "
    lines = [f"{label:<{width}}{value}" for label, (_, value) in zip(labels, rows)]
    if examples:
        lines.append(say(msg("examples:")))
    for example in examples:
        path = example.absolute().as_posix()
        data = _front_matter(example)
        url = article_url(profile, path, data)
        kind: str = page_kind(profile, path, data, _head(example))
        if kind == "dated" and dated_by_name(profile, path):
            kind = say(msg("{kind}, date from the file name", kind=kind))
        lang = path_language(profile, path)
        shown = os.path.relpath(example, profile.root)
        where = url or say(msg("(outside the content folders)"))
        lines.append(f"  {shown} -> {where} [{kind}{', ' + lang if lang else ''}]")
    return "\n".join(lines)


def _rows(profile: Profile) -> list[tuple[Message, str]]:
    """Each heading, and what follows it."""
    none, yes, no = say(msg("(none)")), say(msg("yes")), say(msg("no"))
    sep = say(msg("; "))  # a narrow no-break space before it in French
    languages = (", ".join(profile.languages) or say(msg("(not set)"))) + "".join(
        f"{sep}{say(part)}" for part in [
            *([msg("default {lang}", lang=profile.default_language)] if profile.default_language else []),
            *([msg("in folders")] if profile.language_folders else []),
            *([msg("as .<lang>.md suffixes")] if profile.language_suffix else []),
        ])
    tabs = {"plain": msg("content tabs by title"), "combined": msg("content tabs by heading and title")}
    data_files = [f"{folder}: {', '.join(keys)}" for folder, keys in profile.data_keys
                  if {"title", "description", "date", "image"} & set(keys)]
    return [
        (msg("generator:"), profile.generator),
        (msg("root:"), str(profile.root)),
        (msg("config file:"), str(profile.config_file or say(msg("(none: documented defaults)")))),
        (msg("content:"), ", ".join(f"{folder or '.'}" + (f" ({lang})" if lang else "")
                                    for folder, lang in profile.content_dirs)),
        (msg("base path:"), profile.base_path),
        (msg("languages:"), languages),
        (msg("permalinks:"), sep.join(f"{rule.folder or '*'} -> {rule.pattern}" for rule in profile.permalinks)
         or say(msg("(the file's path)"))),
        (msg("url keys:"), ", ".join([*profile.url_keys, *([say(msg("slug (last segment)"))] if profile.slug_key else [])])),
        (msg("dated content:"), ", ".join(profile.dated)
         + (f"{sep}{say(msg('date from file names'))}" if profile.date_from_name else "")),
        (msg("documentation:"), say(msg("every undated page")) if "" in profile.docs
         else ", ".join([*profile.docs, say(msg("folders named docs, guides, reference..."))])),
        (msg("heading ids:"), profile.heading_style
         + (f"{sep}{say(tabs[profile.tab_ids])}" if profile.tab_ids in tabs else "")),
        (msg("title from H1:"), yes if profile.title_from_h1 else no),
        (msg("title suffix:"), say(msg("“{suffix}”", suffix=profile.title_suffix)) if profile.title_suffix
         else say(msg("(none known)"))),
        (msg("source hooks:"), say(msg("yes (comments may become text)")) if profile.source_hooks else no),
        (msg("templated:"), say(msg("yes (Liquid renders {braces} in content)", braces="{{ }}"))
         if profile.templated_content else no),
        (msg("link forms:"), ", ".join(profile.link_forms) or say(msg("(plain links)"))),
        (msg("default covers:"), ", ".join(f or say(msg("(all)")) for f in profile.default_covers) or none),
        (msg("not published:"), ", ".join([*profile.unpublished, *profile.excluded]) or none),
        (msg("data files:"), sep.join(data_files) or none),
        (msg("why:"), "; ".join(profile.reasons)),
    ]


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
