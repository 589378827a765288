"""seolint fix: only what it means to change, idempotent, atomic, refused when unsure."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from .conftest import CORPUS, FIXTURES, ROOT

YAML_IN = """---
# Draft metadata: keep this comment
title: "  Build   a professional network that lasts  "
description: >-
  Where to meet people, what to say and how to keep in touch, so that your
  professional network grows a little every single week of the year.
date: 2024-05-02 # published on a Thursday
defaults: &defaults
  layout: post
extra:
  <<: *defaults
keywords: networking, career, Networking
tags:
    - one
    - two
---

Body text stays exactly as it is.
"""

YAML_OUT = """---
# Draft metadata: keep this comment
title: "Build a professional network that lasts"
slug: build-a-professional-network-that-lasts
description: >-
  Where to meet people, what to say and how to keep in touch, so that your
  professional network grows a little every single week of the year.
date: 2024-05-02 # published on a Thursday
defaults: &defaults
  layout: post
extra:
  <<: *defaults
keywords: [networking, career]
tags:
    - one
    - two
---

Body text stays exactly as it is.
"""


#: The file name the title's slug matches: writing that slug keeps the URL (a safe fix).
NAME = "build-a-professional-network-that-lasts.md"


def test_yaml_round_trip_changes_only_the_fixed_keys(seolint: Any, write: Any, isolated: Path) -> None:
    path = write(NAME, YAML_IN)
    result = seolint("fix", "--output-format", "concise", NAME)
    assert result.code == 1  # something changed: a pre-commit hook must stop
    assert result.out.splitlines()[0] == f"Fixed {NAME}"
    assert path.read_text(encoding="utf-8") == YAML_OUT
    again = seolint("fix", "--output-format", "concise", NAME)
    assert "Fixed" not in again.out and path.read_text(encoding="utf-8") == YAML_OUT


def test_crlf_and_bom_survive(seolint: Any, write: Any, isolated: Path) -> None:
    data = b"\xef\xbb\xbf" + YAML_IN.replace("\n", "\r\n").encode("utf-8")
    path = write(NAME, data)
    seolint("fix", NAME)
    expected = b"\xef\xbb\xbf" + YAML_OUT.replace("\n", "\r\n").encode("utf-8")
    assert path.read_bytes() == expected


def test_toml_front_matter(seolint: Any, write: Any, isolated: Path) -> None:
    text = (
        '+++\ntitle = "Hugo   post about networking"  # shown in lists\n'
        'keywords = "hugo, networking, hugo"\ndate = 2024-05-02\n\n[params]\ncover = "x.png"\n+++\n\nBody.\n'
    )
    path = write("hugo-post-about-networking.md", text)
    seolint("fix", path)
    assert path.read_text(encoding="utf-8") == (
        '+++\ntitle = "Hugo post about networking"\nslug = "hugo-post-about-networking"\n'
        'keywords = ["hugo", "networking"]\ndate = 2024-05-02\n\n[params]\ncover = "x.png"\n+++\n\nBody.\n'
    )


def test_json_front_matter_keeps_its_indentation(seolint: Any, write: Any, isolated: Path) -> None:
    text = '{\n  "title": "JSON post  about networking",\n  "slug": "json-post",\n  "keywords": "a, b, a"\n}\n\nBody.\n'
    path = write("a.md", text)
    seolint("fix", "a.md")
    assert path.read_text(encoding="utf-8") == (
        '{\n  "title": "JSON post about networking",\n  "slug": "json-post",\n  "keywords": ["a", "b"]\n}\n\nBody.\n'
    )


def test_diff_writes_nothing_and_exits_1(seolint: Any, write: Any, isolated: Path) -> None:
    path = write("a.md", YAML_IN)
    result = seolint("fix", "--diff", "a.md")
    assert result.code == 1
    assert "-keywords: networking, career, Networking\n+keywords: [networking, career]" in result.out
    assert path.read_text(encoding="utf-8") == YAML_IN
    clean = write("b.md", YAML_OUT)
    assert seolint("fix", "--diff", clean).out == ""


def test_unsafe_fixes_only_on_request(seolint: Any, write: Any, isolated: Path) -> None:
    text = YAML_OUT.replace("slug: build-a-professional-network-that-lasts", "slug: Réseau_Pro")
    path = write("a.md", text)
    seolint("fix", "a.md")
    assert "slug: Réseau_Pro" in path.read_text(encoding="utf-8")
    seolint("fix", "--unsafe-fixes", "a.md")
    assert "slug: reseau-pro\n" in path.read_text(encoding="utf-8")


def test_mode_is_kept_and_no_temporary_file_is_left(seolint: Any, write: Any, isolated: Path) -> None:
    path = write("a.md", YAML_IN)
    os.chmod(path, 0o640)
    seolint("fix", "a.md")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in isolated.iterdir()) == ["a.md"]


def test_check_fix_is_the_same_as_fix(seolint: Any, write: Any, isolated: Path) -> None:
    path = write(NAME, YAML_IN)
    assert seolint("check", "--fix", NAME).code == 1
    assert path.read_text(encoding="utf-8") == YAML_OUT


def test_a_fix_that_would_not_read_back_is_refused(seolint: Any, write: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.fix import splice

    monkeypatch.setattr(splice, "_render", lambda fmt, key, value, original: [f"{key}: [broken"])
    path = write("a.md", YAML_IN)
    result = seolint("fix", "a.md")
    assert result.code == 1
    assert "a.md: not fixed: the fixed front matter would not read back" in result.err
    assert path.read_text(encoding="utf-8") == YAML_IN


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in {".md", ".mdx", ".markdown"} and p.is_file())


def _fix_twice(seolint: Any, folder: Path) -> None:
    seolint("fix", "--unsafe-fixes", folder)
    before = {p: p.read_bytes() for p in _articles(folder)}
    seolint("fix", "--unsafe-fixes", folder)
    after = {p: p.read_bytes() for p in _articles(folder)}
    changed = [str(p) for p in before if before[p] != after[p]]
    assert changed == [], "fixing a fixed file changed it again"


def test_idempotent_on_every_fixture(seolint: Any, tmp_path: Path) -> None:
    copy = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, copy)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    _fix_twice(seolint, copy)
    _fix_twice(seolint, tmp_path / "examples")


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["astro-docs-fr", "putaindecode", "rust-blog", "cilium-blog", "markdownlint-tests"])
def test_idempotent_on_the_corpus(seolint: Any, tmp_path: Path, folder: str) -> None:
    if not (CORPUS / folder).is_dir():
        pytest.skip("no shared corpus here")
    copy = tmp_path / folder
    shutil.copytree(CORPUS / folder, copy, symlinks=True)
    for path in _articles(copy):
        os.chmod(path, 0o644)
    _fix_twice(seolint, copy)


def test_dates_become_iso_when_unambiguous(seolint: Any, write: Any, isolated: Path) -> None:
    path = write("a.md", '---\ntitle: Dated\ndate: 14 mars 2024 # publication\nupdated: "2024/05/02"\nlastmod_note: 05/09/2022\n---\n')
    seolint("fix", "--select", "FM007", "a.md")
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: Dated\ndate: 2024-03-14 # publication\nupdated: 2024-05-02\nlastmod_note: 05/09/2022\n---\n"
    )
    ambiguous = write("b.md", "---\ntitle: US or French?\ndate: 05/09/2022\n---\n")
    seolint("fix", "--select", "FM007", "b.md")
    assert "date: 05/09/2022" in ambiguous.read_text(encoding="utf-8")  # left alone
    write("seolint.toml", '[rules.FM007]\ndate-format = "%d/%m/%Y"\n')
    seolint("fix", "--select", "FM007", "b.md")
    assert "date: 2022-09-05\n" in ambiguous.read_text(encoding="utf-8")


def test_canonical_key_order_when_configured(seolint: Any, write: Any, isolated: Path) -> None:
    text = "---\n# the slug\nslug: x\nzzz: 1\ntitle: Ordered keys\n\n# when\ndate: 2024-01-01\naaa: 2\n---\n\nBody.\n"
    path = write("a.md", text)
    seolint("fix", "--select", "FM001", "a.md")
    assert path.read_text(encoding="utf-8") == text  # no order configured: nothing moves
    write("seolint.toml", '[fix]\nkey-order = ["title", "date", "slug"]\n')
    seolint("fix", "--select", "FM001", "a.md")
    assert path.read_text(encoding="utf-8") == (
        # blank lines stay at their place in the sequence: here after the third key
        "---\ntitle: Ordered keys\n# when\ndate: 2024-01-01\n# the slug\nslug: x\n\nzzz: 1\naaa: 2\n---\n\nBody.\n"
    )
    toml = write("b.md", '+++\ndate = 2024-01-01\ntitle = "T"\n\n[extra]\nx = 1\n+++\n')
    seolint("fix", "--select", "FM001", "b.md")
    assert toml.read_text(encoding="utf-8").startswith('+++\ntitle = "T"\ndate = 2024-01-01\n\n[extra]\n')
    assert seolint("fix", "--select", "FM001", "--diff", ".").out == ""  # idempotent


def test_unsafe_fixes_remove_notes_and_the_repeated_h1(seolint: Any, write: Any, isolated: Path) -> None:
    text = (
        "---\ntitle: Le réseau professionnel\nlang: fr\nkeywords:\n  - réseau professionnel\n---\n\n"
        "# Le réseau professionnel\n\nUn texte utile.\n\n"
        "**Mots-clés SEO :** réseau professionnel, networking, LinkedIn\n\n"
        "**Hashtags suggérés :** #Networking #Carrière\n"
    )
    path = write("a.md", text)
    seolint("fix", "a.md")
    safe = path.read_text(encoding="utf-8")
    assert safe.split("---\n", 2)[2] == text.split("---\n", 2)[2]  # safe fixes leave the body alone
    seolint("fix", "--unsafe-fixes", "a.md")
    fixed = path.read_text(encoding="utf-8")
    assert "Mots-clés" not in fixed and "Hashtags" not in fixed and "# Le réseau" not in fixed
    assert "  - réseau professionnel\n  - networking\n  - LinkedIn\n" in fixed
    assert fixed.endswith("Un texte utile.\n")


def test_a_crashing_fixer_leaves_only_its_file_alone(seolint: Any, write: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seolint.fix import splice

    def boom(fmt: str, key: str, value: Any, original: list[str]) -> list[str]:
        raise KeyError("boom")

    monkeypatch.setattr(splice, "_render", boom)
    bad = write("a.md", YAML_IN)
    good = write("b.md", YAML_IN.replace("keywords: networking, career, Networking", "keywords: [networking]")
                 .replace('title: "  Build   a', 'title: "Build a'))
    result = seolint("fix", "a.md", "b.md")
    assert result.code == 1
    assert "a.md: not fixed (a bug in seolint): KeyError: 'boom'" in result.err
    assert bad.read_text(encoding="utf-8") == YAML_IN
    assert "- two\n---\n" in good.read_text(encoding="utf-8")  # its duplicate anchor…


def test_a_slug_that_moves_the_article_is_an_unsafe_fix(seolint: Any, write: Any, isolated: Path) -> None:
    text = "---\ntitle: Build a professional network\ndate: 2024-05-02\n---\n\nBody.\n"
    moved = write("old-name.md", text)
    kept = write("build-a-professional-network.md", text)
    found = {item["path"]: item["fix"] for item in
             seolint("check", "--select", "S005", "--output-format", "json", ".").json()}
    assert found["old-name.md"]["applicability"] == "unsafe"
    assert "changes the URL from `old-name`" in found["old-name.md"]["message"]
    assert found["build-a-professional-network.md"]["applicability"] == "safe"
    seolint("fix", "--select", "S005", ".")
    assert moved.read_text(encoding="utf-8") == text  # the URL stays
    assert "slug: build-a-professional-network\n" in kept.read_text(encoding="utf-8")
    seolint("fix", "--select", "S005", "--unsafe-fixes", ".")
    assert "slug: build-a-professional-network\n" in moved.read_text(encoding="utf-8")


def test_a_file_with_mixed_line_endings_and_nothing_to_fix_is_left_alone(seolint: Any, write: Any, isolated: Path) -> None:
    lines = [b"---", b"title: Mixed endings", b"slug: mixed", b"---", b""] + [b"Line %d." % n for n in range(40)]
    data = b"".join(line + (b"\r\n" if number in (7, 20, 33) else b"\n") for number, line in enumerate(lines))
    data = data.replace(b"Line 9.", b"Line\r9.")  # a lone CR is not a line break to rewrite
    path = write("mixed.md", data)
    assert seolint("fix", "--diff", "mixed.md").out == ""
    seolint("fix", "mixed.md")
    assert path.read_bytes() == data
