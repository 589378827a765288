"""Where the site of a run starts: the folder whose articles the rules across articles see,
and against which an article's URL is computed (``site.url_of``).

Decided here and nowhere else. A run over folders keeps the root it always had: the folder
of the config file when the (first) folder lies inside it, else the folder of the site
generator's file at or above it (so that ``site/`` and ``site/sub/`` see the same site), else
that folder itself. A run over files (a pre-commit hook's staged
articles, an editor's buffer) must see the site those files belong to: the folder of their
config file, else the top of their git work tree, else their common parent folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from seolint.source.config import Config
from seolint.source.globs import absolute


def site_root(paths: list[Path], config: Config) -> Path:
    """The site root of a run over ``paths`` (files or folders; none means the current
    folder), whose first folder's config is ``config``."""
    given = paths or [Path(".")]
    if all(path.is_dir() for path in given):
        first = absolute(given[0])
        if has_config_file(config) and first.is_relative_to(config.root):
            return config.root
        return generator_root(first) or first
    folders = [absolute(path if path.is_dir() else path.parent) for path in given]
    common = Path(os.path.commonpath(folders))
    if has_config_file(config) and common.is_relative_to(config.root):
        return config.root
    return generator_root(common) or git_top(common) or common


def generator_root(folder: Path) -> Path | None:
    """The folder of the site generator's file (``hugo.toml``, ``_config.yml``…) at or above
    ``folder``, when there is one: a run over ``site/sub/`` sees the same site as a run over
    ``site/``, so that the rules across articles give the same findings."""
    from seolint.source.profiles import detect

    profile = detect(folder)
    return Path(profile.root) if profile is not None else None


def has_config_file(config: Config) -> bool:
    """Whether the config came from a file (not only from the command line)."""
    return any(layer.origin != "the command line" for layer in config.layers)


def git_top(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder`` (where ``.git`` is: a folder, or a
    file in a linked work tree or a submodule); None outside one. No process is started."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None
