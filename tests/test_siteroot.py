"""Where a run's site starts (seolint/source/siteroot.py), on real folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seolint.source.config import Config
from seolint.engine import Configs
from seolint.source.siteroot import git_top, site_root


def _config(folder: Path) -> Config:
    return Configs().for_folder(folder)


def test_site_root_is_the_config_folder_then_the_git_top_then_the_common_parent(write: Any, isolated: Path) -> None:
    write("repo/site/content/en/a.md", "x")
    write("repo/site/content/fr/b.md", "x")
    (isolated / "repo/.git").write_text("gitdir: elsewhere\n")  # a linked work tree
    files = [Path("repo/site/content/en/a.md"), Path("repo/site/content/fr/b.md")]
    top = isolated.resolve() / "repo"
    assert git_top(isolated / "repo/site/content") == isolated / "repo"
    assert site_root(files, _config(Path("repo/site/content/en"))).resolve() == top
    write("repo/site/seolint.toml", "")
    assert site_root(files, _config(Path("repo/site/content/en"))) == top / "site"
    assert site_root([Path("repo/site/content")], _config(Path("repo/site/content"))) == top / "site"
    write("loose/x/a.md", "x")
    write("loose/y/b.md", "x")
    loose = [Path("loose/x/a.md"), Path("loose/y/b.md")]
    assert site_root(loose, _config(Path("loose/x"))) == isolated.absolute() / "loose"
    # A folder outside any config keeps its own folder as the root, as before.
    assert site_root([Path("loose/x")], _config(Path("loose/x"))) == isolated.absolute() / "loose/x"


def test_a_folder_inside_a_generated_site_has_the_site_as_its_root(write: Any, isolated: Path) -> None:
    write("site/hugo.toml", "baseURL = 'https://example.org/'\n")
    write("site/content/posts/a.md", "x")
    folder = Path("site/content/posts")
    assert site_root([folder], _config(folder)).resolve() == (isolated / "site").resolve()
    assert site_root([Path("site")], _config(Path("site"))).resolve() == (isolated / "site").resolve()
