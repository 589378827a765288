"""The HTML audit report (seolint/report/html.py): real runs through the command line, parsed
with BeautifulSoup, then rendered by headless Chromium when /usr/bin/chromium is there.

The Chromium tests read the DOM after the page's script ran (``--dump-dom``) and take a
screenshot, copied to the folder in ``SEOLINT_ARTIFACTS`` when that is set.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from seolint import engine
from seolint.batch import runner
from seolint.audit import Audit, Profile
from seolint.cli import main
from seolint.findings import Finding, Severity
from seolint.report import html

from .conftest import CORPUS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "</script><img src=x onerror=alert(1)><!--\u2028"
COLUMNS = ["path", "title", "lang", "score", "errors", "warnings", "infos", "words", "ease"]


def report(folder: Path, out: Path, *options: str) -> BeautifulSoup:
    """Run ``seolint check FOLDER --report html:OUT`` from the folder's parent."""
    previous = Path.cwd()
    os.chdir(folder.parent)
    try:
        code = main(["check", folder.name, "--quiet", "--no-cache", "--report", f"html:{out}", *options])
    finally:
        os.chdir(previous)
    assert code in (0, 1)
    return BeautifulSoup(out.read_text("utf-8"), "html.parser")


def expected_audit(folder: Path) -> Audit:
    """The same run through the engine, for the numbers the page must show."""
    previous = Path.cwd()
    os.chdir(folder.parent)
    try:
        result = runner.run([Path(folder.name)], engine.Configs(None, None, False, True))
    finally:
        os.chdir(previous)
    return Audit(result.findings, result.files, result.profiles, result.summaries)


def worst_first(audit: Audit) -> list[Any]:
    """The articles as the page lists them: most errors, then most warnings, then lowest score."""
    return sorted(audit.rows, key=lambda row: (-row.errors, -row.warnings, row.score, row.path))


def article_rows(page: BeautifulSoup) -> list[Tag]:
    table = page.find("table", id="articles-table")
    assert isinstance(table, Tag)
    return table.tbody.find_all("tr", recursive=False)  # type: ignore[union-attr]


def findings_data(page: BeautifulSoup) -> Any:
    blob = page.find("script", id="findings-data")
    assert isinstance(blob, Tag)
    return json.loads(blob.string or "")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BeautifulSoup]:
    out = tmp_path_factory.mktemp("html") / "audit.html"
    return out, report(ROOT / "examples", out)


# --- the page, parsed ---------------------------------------------------------------------

def test_one_row_per_article_with_its_numbers(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples
    audit = expected_audit(ROOT / "examples")
    rows = article_rows(page)
    assert len(rows) == audit.files == len(audit.rows) > 0
    for tr, row in zip(rows, worst_first(audit)):
        cells = [td.get_text() for td in tr.find_all("td")]
        p = row.profile
        ease = "—" if p.reading_ease is None else f"{p.reading_ease:.1f}"
        assert cells == [p.path, p.title or "—", p.lang, str(row.score), str(row.errors),
                         str(row.warnings), str(row.infos), str(p.words), ease]
        assert tr["data-lang"] == p.lang
    assert {tr["data-lang"] for tr in rows} == {"en", "fr"}
    assert page.find(id="count").get_text() == f"{len(rows)} articles"  # type: ignore[union-attr]


def test_header_counts_and_mean_score(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples
    audit = expected_audit(ROOT / "examples")
    cards = {dt.get_text(): dt.find_next("dd").strong.get_text() for dt in page.select(".cards dt")}
    mean = sum(row.score for row in audit.rows) / len(audit.rows)
    severities = {s: sum(1 for f in audit.findings if f.severity is s) for s in Severity}
    assert cards == {"Articles": str(audit.files), "Mean score": f"{mean:.1f}",
                     "Errors": str(severities[Severity.ERROR]),
                     "Warnings": str(severities[Severity.WARNING]), "Infos": str(severities[Severity.INFO])}
    assert "seolint 0.1.0" in page.header.get_text()  # type: ignore[union-attr]


def test_findings_blob_lists_each_rows_findings(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples
    data = findings_data(page)
    audit = expected_audit(ROOT / "examples")
    assert len(data["rows"]) == len(audit.rows)
    for row, listed in zip(worst_first(audit), data["rows"]):
        own = [f for f in audit.findings if f.path == row.path]
        assert [(line, col, *data["rules"][rule], data["texts"][msg]) for line, col, rule, msg, _ in listed] \
            == [(f.line, f.column, f.code, f.name, f.severity.value, f.message) for f in own]


def test_rules_and_cross_article_sections(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples
    audit = expected_audit(ROOT / "examples")
    rules = page.find(id="rules").tbody.find_all("tr")  # type: ignore[union-attr]
    first = [td.get_text() for td in rules[0].find_all("td")]
    triaged = sorted(audit.rule_counts(), key=lambda item: (-item[2].rank, -item[3], item[0]))
    code, name, severity, count = triaged[0]
    assert severity is Severity.ERROR  # errors first, however rare
    affected = len({f.path for f in audit.findings if f.code == code})
    assert first == [code, name, severity.value, str(count), str(affected)]
    assert len(rules) == len(audit.rule_counts())
    cross = page.find(id="cross")
    assert cross is not None and "X006" in cross.get_text()
    orphans = [f for f in audit.findings if f.code == "X006"]
    assert orphans and len(cross.find_all("tbody")[0].find_all("tr")) == len(orphans)


def test_charts_are_accessible_svg(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples
    charts = page.find_all("svg")
    assert len(charts) == 2
    for svg in charts:
        assert svg["role"] == "img"
        for ident in svg["aria-labelledby"].split():
            assert page.find(id=ident).get_text().strip()  # type: ignore[union-attr]
        assert svg.find("desc").get_text().strip()
        assert len(svg.select("text.label")) >= 1
    histogram, ease = charts
    assert histogram.find("title").get_text() == "Score distribution"
    assert "90–100:" in histogram.find("desc").get_text()
    assert "en:" in ease.find("desc").get_text() and "fr:" in ease.find("desc").get_text()
    assert "Kandel–Moles" in page.get_text()


def test_page_is_self_contained(examples: tuple[Path, BeautifulSoup]) -> None:
    path, page = examples
    assert page.find("link") is None and page.find("iframe") is None and page.find("object") is None
    assert all(not script.get("src") for script in page.find_all("script"))
    for tag in page.find_all(True):
        for attribute in ("src", "srcset", "poster", "data", "action", "background"):
            assert not tag.get(attribute), (tag.name, attribute)
        if tag.get("href"):
            assert tag.name == "a", tag  # links to rule pages navigate, they load nothing
    style = " ".join(s.get_text() for s in page.find_all("style"))
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    text = path.read_text("utf-8")
    assert not re.search(r"""(src|srcset)\s*=\s*["']?https?:""", text)


def test_utf8_and_static_page_without_script(examples: tuple[Path, BeautifulSoup]) -> None:
    path, page = examples
    assert page.html["lang"] == "en"  # type: ignore[index]
    assert page.find("meta", charset="utf-8") is not None
    raw = path.read_text("utf-8")
    assert "Réseau professionnel\u00a0: le guide complet" in raw  # written as is, not as entities
    assert page.find("form", class_="filters").has_attr("hidden")  # shown by the script only
    assert "[hidden]{display:none!important}" in page.style.get_text()  # .filters sets display
    assert page.find(id="articles-table").find("button") is None  # sort buttons come with the script


def test_hostile_title_and_path_are_inert(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    name = 'a<b>&"c".md'
    (folder / name).write_text(
        f"---\ntitle: '{HOSTILE}'\ndescription: '{HOSTILE}'\n---\n\nSome text.\n", "utf-8")
    page = report(folder, tmp_path / "audit.html")
    assert page.find("img") is None
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert len(page.find_all("script")) == 2
    [row] = article_rows(page)
    cells = row.find_all("td")
    assert cells[0].get_text() == f"site/{name}" and cells[1].get_text() == HOSTILE
    findings_data(page)  # the blob is still valid JSON


def test_json_blob_cannot_close_its_script() -> None:
    message = "</script><script>alert(1)</script><!-- \u2028\u2029 & done"
    finding = Finding("T001", "title-length", Severity.ERROR, message, "a.md", 2, 1, 2, 5, hint=message)
    audit = Audit([finding], 1, [Profile("a.md", "en", HOSTILE, 10, None)])
    text = html.render(audit)
    blob = text.split('id="findings-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in blob and "\u2028" not in blob and "\u2029" not in blob
    data = json.loads(blob)
    assert data["texts"] == [message] and data["rows"] == [[[2, 1, 0, 0, 0]]]
    assert text.count("</script>") == 2 and "<img" not in text


def test_undecodable_names_and_control_characters_still_write() -> None:
    audit = Audit([], 1, [Profile("bad\udcff\x1b.md", "", "t\x00", 0, None)])
    text = html.render(audit)
    text.encode("utf-8")
    assert "bad\ufffd\ufffd.md" in text and "unknown" in text


def test_histogram_bands_and_ease_spread() -> None:
    profiles = [Profile(f"{i}.md", "fr" if i % 2 else "en", "t", 200, float(i * 10)) for i in range(11)]
    page = BeautifulSoup(html.render(Audit([], 11, profiles)), "html.parser")
    histogram, ease = page.find_all("svg")
    assert "0–9: 0" in histogram.desc.get_text() and "90–100: 11" in histogram.desc.get_text()
    desc = ease.desc.get_text()
    assert "en: 6 articles, median 50.0, quartiles 25.0 to 75.0, range 0.0 to 100.0" in desc
    assert "fr: 5 articles, median 50.0" in desc


def test_cross_findings_write_a_shared_message_once() -> None:
    def cross(code: str, path: str, message: str) -> Finding:
        return Finding(code, "x", Severity.INFO, message, path, 1, 1, 1, 1, hint="Link to it.")

    findings = [cross("X006", "a.md", "Orphan"), cross("X006", "b.md", "Orphan"),
                cross("X005", "a.md", "Link to /x/ leads nowhere"), cross("X005", "a.md", "Link to /y/ <b>")]
    profiles = [Profile(p, "en", p, 10, None) for p in ("a.md", "b.md")]
    page = BeautifulSoup(html.render(Audit(findings, 2, profiles, cross_codes=frozenset({"X005", "X006"}))),
                         "html.parser")
    broken, orphans = page.find(id="cross").find_all("details")  # type: ignore[union-attr]
    assert [td.get_text() for td in broken.tbody.find_all("td")] == [
        "a.md", "1", "Link to /x/ leads nowhere", "a.md", "1", "Link to /y/ <b>"]
    assert [td.get_text() for td in orphans.tbody.find_all("td")] == ["a.md", "1", "b.md", "1"]
    assert [p.get_text() for p in orphans.find_all("p")] == ["Orphan", "Link to it."]


def test_empty_audit() -> None:
    page = BeautifulSoup(html.render(Audit([], 0, [])), "html.parser")
    assert article_rows(page) == [] and "No findings." in page.get_text()


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["astro-docs-fr", "putaindecode"])
def test_corpus_report(folder: str, tmp_path: Path) -> None:
    path = CORPUS / folder
    if not path.is_dir():
        pytest.skip(f"{path} is not here")
    page = report(path, tmp_path / "audit.html", "--jobs", "2")
    rows = article_rows(page)
    assert len(rows) == expected_audit(path).files
    assert len(findings_data(page)["rows"]) == len(rows)
    titles = [tr.find_all("td")[1].get_text() for tr in rows]
    assert any("é" in title for title in titles)  # French titles arrive intact


# --- in Chromium --------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / f"chromium-{len(list(tmp_path.glob('chromium-*')))}"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}"]
    done = subprocess.run([str(CHROMIUM), *flags, *args], capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done


def dom(tmp_path: Path, page: Path, fragment: str = "") -> BeautifulSoup:
    done = chromium(tmp_path, "--dump-dom", page.as_uri() + fragment)
    return BeautifulSoup(done.stdout.decode("utf-8"), "html.parser")


def visible(page: BeautifulSoup) -> list[Tag]:
    return [tr for tr in article_rows(page) if not tr.has_attr("hidden")]


def score(tr: Tag) -> int:
    return int(tr.find_all("td")[3].get_text())


@pytest.fixture
def rendered(examples: tuple[Path, BeautifulSoup]) -> Path:
    return examples[0]


@pytest.mark.slow
@needs_chromium
def test_chromium_renders_every_row_with_sort_buttons(rendered: Path, tmp_path: Path) -> None:
    page = dom(tmp_path, rendered)
    rows = article_rows(page)
    assert len(rows) == len(visible(page)) == expected_audit(ROOT / "examples").files
    assert page.find(id="count").get_text() == f"{len(rows)} of {len(rows)} articles"  # type: ignore[union-attr]
    assert [th.button.get_text() for th in page.select("#articles-table thead th")][:2] == ["File", "Title"]
    assert not page.find("form", class_="filters").has_attr("hidden")
    assert page.select("#articles-table .expand[aria-expanded=false]")


@pytest.mark.slow
@needs_chromium
def test_chromium_filters_from_the_fragment(rendered: Path, tmp_path: Path) -> None:
    page = dom(tmp_path, rendered, "#lang=fr")
    rows, shown = article_rows(page), visible(page)
    assert shown and all(tr["data-lang"] == "fr" for tr in shown)
    assert all(tr["data-lang"] != "fr" for tr in rows if tr.has_attr("hidden"))
    assert page.find(id="count").get_text() == f"{len(shown)} of {len(rows)} articles"  # type: ignore[union-attr]

    page = dom(tmp_path, rendered, "#q=guide&errors=1&max=50")
    shown = visible(page)
    assert shown and all("guide" in tr.get_text().lower() and score(tr) <= 50 for tr in shown)
    assert all(int(tr.find_all("td")[4].get_text()) > 0 for tr in shown)


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("spec", ["score", "-score"])
def test_chromium_sorts_from_the_fragment(rendered: Path, tmp_path: Path, spec: str) -> None:
    page = dom(tmp_path, rendered, f"#sort={spec}")
    scores = [score(tr) for tr in article_rows(page)]
    assert scores == sorted(scores, reverse=spec.startswith("-")) and len(set(scores)) > 1
    th = page.select_one("#articles-table th[data-key=score]")
    assert th is not None and th["aria-sort"] == ("descending" if spec.startswith("-") else "ascending")
    assert len(page.select("#articles-table th[aria-sort]")) == 1


@pytest.mark.slow
@needs_chromium
def test_chromium_keeps_a_hostile_title_inert(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: '{HOSTILE}'\n---\n\nText.\n", "utf-8")
    out = tmp_path / "audit.html"
    report(folder, out)
    page = dom(tmp_path, out)
    assert page.find("img") is None
    assert article_rows(page)[0].find_all("td")[1].get_text() == HOSTILE
    assert page.find(id="count").get_text() == "1 of 1 articles"  # type: ignore[union-attr]


@pytest.mark.slow
@needs_chromium
def test_chromium_screenshot(rendered: Path, tmp_path: Path) -> None:
    shot = tmp_path / "audit.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,1800", rendered.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000
    artifacts = os.environ.get("SEOLINT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artifacts) / "audit-report.png")


# --- triage, rule filter and links (issue 14) ---------------------------------------------

def test_paths_link_to_the_files_relative_to_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a b.md").write_text("---\ntitle: Hi\n---\n\nText.\n", "utf-8")
    out = tmp_path / "reports" / "audit.html"
    page = report(folder, out)
    [row] = article_rows(page)
    assert row.find("td").a["href"] == "../site/a%20b.md"
    assert findings_data(page)["files"] == ["../site/a%20b.md"]


def test_an_editor_url_opens_each_file_at_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text("---\ntitle: Same title for both\n---\n\nText.\n", "utf-8")
    out = tmp_path / "audit.html"
    page = report(folder, out, "--editor-url", "vscode://file/{path}:{line}:{column}")
    where = (folder / "a.md").as_posix()
    assert article_rows(page)[0].find("td").a["href"] == f"vscode://file/{where}:1:1"
    assert findings_data(page)["files"][0] == f"vscode://file/{where}:{{line}}:{{column}}"
    duplicate = page.find(id="cross").find("a", href=f"vscode://file/{where}:2:1")  # type: ignore[union-attr]
    assert duplicate is not None  # X001 points at the title, line 2


def test_an_editor_url_without_a_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Hi\n---\n", "utf-8")
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        code = main(["check", "a.md", "--no-cache", "--report", "html:x.html", "--editor-url", "vscode://x"])
    finally:
        os.chdir(previous)
    assert code == 2 and not (tmp_path / "x.html").exists()


def _clicked(page: Path, script: str) -> Path:
    """A copy of the page that runs ``script`` once its own script has run."""
    copy = page.with_name(f"clicked-{abs(hash(script))}.html")
    copy.write_text(page.read_text("utf-8").replace("</body>", f"<script>{script}</script></body>"), "utf-8")
    return copy


@pytest.mark.slow
@needs_chromium
def test_chromium_a_click_on_a_rule_filters_the_articles(rendered: Path, tmp_path: Path) -> None:
    audit = expected_audit(ROOT / "examples")
    orphans = {f.path for f in audit.findings if f.code == "X006"}
    page = dom(tmp_path, _clicked(rendered, 'document.querySelector("#rules a.rule[href=\'#rule=X006\']").click();'))
    shown = visible(page)
    assert {tr.find("td").a.get_text() for tr in shown} == orphans
    assert page.find(id="count").get_text() == f"{len(orphans)} of {audit.files} articles"  # type: ignore[union-attr]
    assert page.select_one("#f-rule option[value=X006]") is not None
    by_fragment = dom(tmp_path, rendered, "#rule=X006")
    assert [tr.find("td").a.get_text() for tr in visible(by_fragment)] == [tr.find("td").a.get_text() for tr in shown]


@pytest.mark.slow
@needs_chromium
def test_chromium_a_rows_findings_link_to_their_lines(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Hi\n---\n\nText.\n", "utf-8")
    out = tmp_path / "audit.html"
    report(folder, out, "--editor-url", "vscode://file/{path}:{line}:{column}")
    page = dom(tmp_path, _clicked(out, 'document.querySelector(".expand").click();'))
    links = [a["href"] for a in page.select("tr.detail a")]
    assert f"vscode://file/{(folder / 'a.md').as_posix()}:2:1" in links  # T001 on the title line


# --- in French (issue 17) -------------------------------------------------------------------

#: Words of the English page that the French page must not show (article content aside).
ENGLISH_PAGE = re.compile(r"\b(File|Title|Language|Words|Reading|Search|Rule|only|from|Mean|out of|findings?|"
                          r"per|Across|distribution|checked|Sort|Show|Line|Severity|error|warning|unknown|none|"
                          r"median|range|bands?|with|of|the|and|No)\b")
#: Rule names, paths and file names: not words of the page.
_NAMES = re.compile(r"\S*[/.]\S*|[a-z0-9]+(?:-[a-z0-9]+)+")


def page_words(page: BeautifulSoup) -> str:
    """What a reader of the page reads: its text, its tooltips and labels, without the
    script, the style sheet, rule names and paths."""
    copy = BeautifulSoup(str(page), "html.parser")
    for tag in copy(["script", "style"]):
        tag.decompose()
    said = [copy.get_text(" ")]
    for tag in copy.find_all(True):
        said += [tag[name] for name in ("title", "aria-label", "placeholder") if tag.has_attr(name)]
    return _NAMES.sub(" ", " ".join(said))


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BeautifulSoup]:
    """The report of the French examples, with the language left to auto: every article is French."""
    out = tmp_path_factory.mktemp("html-fr") / "audit.html"
    return out, report(ROOT / "examples" / "fr", out)


def test_the_report_of_french_articles_is_in_french(french: tuple[Path, BeautifulSoup]) -> None:
    _, page = french
    assert page.html["lang"] == "fr"  # type: ignore[index]
    assert page.title.get_text() == "Audit SEO\u202f: 4 articles"  # type: ignore[union-attr]
    assert page.h1.get_text() == "Audit SEO"  # type: ignore[union-attr]
    assert [dt.get_text() for dt in page.select(".cards dt")] == [
        "Articles", "Score moyen", "Erreurs", "Avertissements", "Infos"]
    assert [th.get_text() for th in page.select("#articles-table thead th")] == [
        "Fichier", "Titre", "Langue", "Score", "Erreurs", "Avertissements", "Infos", "Mots", "Facilité de lecture"]
    assert [h2.get_text() for h2 in page.find_all("h2")] == ["Articles", "Problèmes par règle", "Entre articles"]
    mean = page.select(".cards dd strong")[1].get_text()
    assert re.fullmatch(r"\d+,\d", mean)  # the decimal comma
    eases = [tr.find_all("td")[8].get_text() for tr in article_rows(page)]
    assert eases and all(re.fullmatch(r"\d+,\d|—", ease) for ease in eases)
    assert {span.get_text() for span in page.select("#rules .sev")} <= {"erreur", "avertissement", "info"}
    assert page.find(id="count").get_text() == "4 articles"  # type: ignore[union-attr]
    assert "Kandel–Moles" in page.get_text() and "Répartition des scores" in page.get_text()
    assert not ENGLISH_PAGE.search(page_words(page)), ENGLISH_PAGE.findall(page_words(page))
    words = findings_data(page)["words"]
    assert words["sort"] == "Trier par «\u00a0{column}\u00a0»"
    assert words["shown"] == ["{shown} article sur {count}", "{shown} articles sur {count}"]
    assert words["severities"] == {"error": "erreur", "warning": "avertissement", "info": "info"}


def test_the_english_page_says_its_words_in_english(examples: tuple[Path, BeautifulSoup]) -> None:
    _, page = examples  # English and French articles: the locale's language, none here
    words = findings_data(page)["words"]
    assert words["sort"] == "Sort by {column}" and words["heads"] == ["Line", "Code", "Severity", "Message"]
    assert words["show"] == ["Show {count} finding", "Show {count} findings"]
    assert page.title.get_text() == f"SEO audit: {len(article_rows(page))} articles"  # type: ignore[union-attr]


def test_messages_lang_fr_writes_the_page_of_english_articles_in_french(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Hi\nlang: en\n---\n\nShort text.\n", "utf-8")
    page = report(folder, tmp_path / "audit.html", "--messages-lang", "fr")
    assert page.html["lang"] == "fr"  # type: ignore[index]
    assert page.find(id="count").get_text() == "1 article"  # type: ignore[union-attr]
    assert "Le titre fait 2 caractères" in "".join(findings_data(page)["texts"])


@pytest.mark.slow
@needs_chromium
def test_chromium_renders_the_french_page_in_french(french: tuple[Path, BeautifulSoup], tmp_path: Path) -> None:
    path, _ = french
    page = dom(tmp_path, _clicked(path, 'document.querySelector(".expand").click();'), "#sort=-ease")
    rows = [tr for tr in article_rows(page) if tr.has_attr("data-i")]  # not the row of findings opened
    assert page.find(id="count").get_text() == f"{len(rows)} articles sur {len(rows)}"  # type: ignore[union-attr]
    assert [th.button["title"] for th in page.select("#articles-table > thead th")][:2] == [
        "Trier par «\u00a0Fichier\u00a0»", "Trier par «\u00a0Titre\u00a0»"]
    eases = [float(tr.find_all("td")[8].get_text().replace(",", ".")) for tr in rows]
    assert eases == sorted(eases, reverse=True) and len(set(eases)) > 1  # "76,9" sorts as 76.9
    detail = page.select_one("tr.detail")
    assert detail is not None
    assert [th.get_text() for th in detail.select("thead th")] == ["Ligne", "Code", "Gravité", "Message"]
    assert {span.get_text() for span in detail.select(".sev")} <= {"erreur", "avertissement", "info"}
    labels = [button["aria-label"] for button in page.select(".expand")]
    assert labels and all(re.fullmatch(r"Afficher (\d+ problème|les \d+ problèmes)", label) for label in labels)
    shown = page_words(page)
    assert "Afficher" in shown and not ENGLISH_PAGE.search(shown), ENGLISH_PAGE.findall(shown)
    filtered = dom(tmp_path, path, "#errors=1")
    left = visible(filtered)
    assert filtered.find(id="count").get_text() == (  # type: ignore[union-attr]
        f"{len(left)} article{'s' * (len(left) > 1)} sur {len(rows)}")
