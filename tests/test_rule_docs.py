"""docs/rules/ holds one page per rule, as the rule documents itself (linked from SARIF), and
docs/rules/fr/ the same pages in French; `seolint rule` prints either."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pytest

from seolint import i18n
from seolint.checks import REGISTRY

from .conftest import ROOT

pytestmark = pytest.mark.usefixtures("no_locale")

DOCS = ROOT / "docs" / "rules"


def _script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_pages_are_up_to_date() -> None:
    pages = _script("build_rule_docs").pages()
    stale = [name for name, text in pages.items()
             if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python scripts/build_rule_docs.py"


def test_every_rule_has_an_english_and_a_french_page_linked_from_the_indexes() -> None:
    english = {path.name for path in DOCS.glob("*.md")}
    french = {path.name for path in (DOCS / "fr").glob("*.md")}
    assert english == french == {f"{code}.md" for code in REGISTRY} | {"README.md"}
    assert "[fr/README.md](fr/README.md)" in (DOCS / "README.md").read_text(encoding="utf-8")
    index = (DOCS / "fr" / "README.md").read_text(encoding="utf-8")
    assert "| [T002](T002.md) | title-width | titre | avertissement |  |" in index
    assert "docs/rules/fr/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_french_page_translates_the_explanations_and_keeps_code_examples_and_options() -> None:
    for code, rule in REGISTRY.items():
        page = (DOCS / "fr" / f"{code}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {rule.name} ({code})\n\nFamille\u202f: ")
        assert rule.what not in page and rule.why not in page, f"{code} is English in French"
        assert "## Ce que fait la règle\n" in page and "## Pourquoi est-ce un problème\u202f?\n" in page
        if rule.example:
            assert f"```markdown\n{rule.example}\n```" in page
        for name in rule.options.model_fields:
            assert f"- `{name.replace('_', '-')}` (par défaut " in page
    s005 = (DOCS / "fr" / "S005.md").read_text(encoding="utf-8")
    assert "## Sûreté du correctif\nLe correctif n’est sûr que si" in s005
    assert "Par défaut\u202f: désactivée (une fois activée\u202f: avertissement)." in (
        DOCS / "fr" / "T004.md").read_text(encoding="utf-8")


def test_seolint_rule_speaks_the_locales_the_options_or_the_configs_language(
        seolint: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = (DOCS / "T002.md").read_text(encoding="utf-8")
    french = (DOCS / "fr" / "T002.md").read_text(encoding="utf-8")
    assert seolint("rule", "T002", cwd=tmp_path).out == english
    assert seolint("rule", "title-width", "--messages-lang", "fr", cwd=tmp_path).out == french
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert seolint("rule", "T002", cwd=tmp_path).out == french
    assert seolint("rule", "T002", "--messages-lang", "en", cwd=tmp_path).out == english
    monkeypatch.setenv("LC_ALL", "C")  # LC_ALL wins over LANG
    assert seolint("rule", "T002", cwd=tmp_path).out == english
    (tmp_path / "seolint.toml").write_text('messages = "fr"\n', encoding="utf-8")
    assert seolint("rule", "T002", cwd=tmp_path).out == french
    config = tmp_path / "other.toml"
    config.write_text('messages = "en"\n', encoding="utf-8")
    assert seolint("rule", "T002", "--config", config, cwd=tmp_path).out == english


def test_every_english_page_is_what_it_was_and_opens_no_catalogue(seolint: Any, tmp_path: Path) -> None:
    i18n._catalogue.cache_clear()
    for code in REGISTRY:
        assert seolint("rule", code, cwd=tmp_path).out == (DOCS / f"{code}.md").read_text(encoding="utf-8")
    assert i18n._catalogue.cache_info().currsize == 0


def test_a_translation_that_changes_a_code_span_or_lacks_an_entry_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("babel")
    catalogues = _script("catalogues")
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "seolint" / "locale", locale)
    po = locale / "fr" / "LC_MESSAGES" / "seolint-rules.po"
    text = po.read_text(encoding="utf-8")
    assert "`r%C3%A9seau`" in text and 'msgstr "## Exemple"' in text
    po.write_text(text.replace("dans les liens partagés (`r%C3%A9seau`)", "dans les liens partagés (`réseau`)")
                  .replace('msgstr "## Exemple"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.setattr(catalogues, "LOCALE", locale)
    rules = next(domain for domain in catalogues.DOMAINS if domain.name == "seolint-rules")
    found = "\n".join(catalogues.problems(rules, "fr"))
    assert "docs/rules/S001.md:None: fr code spans ['`réseau`'] differ from ['`r%C3%A9seau`']" in found
    assert "empty fr translation of '## Example'" in found
    assert "is not compiled from its .po" in found
