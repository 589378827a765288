"""seolint against Yoast SEO on corpus articles: C005, C007, C008, I006 and L007 against
Yoast's sentenceBeginnings, transitionWords, passiveVoice, imageKeyphrase and textCompetingLinks.

    python compare.py select      # writes selection.json: 40 French and 40 English articles
    node run_yoast.js             # writes yoast-results.json (npm ci first)
    python compare.py             # runs seolint, writes seolint-results.json and the table

Articles are read from the corpus (../../../shared/corpus, or $SEOLINT_CORPUS), never copied.
An article without a focus keyphrase gets one for both tools: the first two content words of
its title (seolint reads it from front matter, so it is added to the text given on stdin).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = Path(os.environ.get("SEOLINT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
SITES = {
    "fr": ("vue-docs-fr", "astro-docs-fr", "putaindecode"),
    "en": ("rust-blog", "hugo-docs", "jekyll-docs", "eleventy-website", "mkdocs-material", "cilium-blog"),
}
PER_LANGUAGE = 40
MIN_WORDS = 300
#: seolint rule -> Yoast assessment.
PAIRS = {"C005": "sentenceBeginnings", "C007": "transitionWords", "C008": "passiveVoice",
         "I006": "imageKeyphrase", "L007": "textCompetingLinks"}


def _front_matter(text: str) -> tuple[str, str, str] | None:
    """(fence, front matter, body) of a YAML (---) or TOML (+++) article."""
    match = re.match(r"\ufeff?(---|\+\+\+)[^\n]*\n(.*?)\n\1[ \t]*(?:\n|$)", text, re.S)
    return (match[1], match[2], text[match.end():]) if match else None


def _title_keyphrase(title: str, lang: str) -> str:
    from seolint.language.data import language
    from seolint.language.fold import fold
    from seolint.language.words import prose_words

    function_words = language(lang).function_words
    content = [word for word in prose_words(title) if fold(word) not in function_words
               and not word[0].isdigit() and "’" not in word and "'" not in word]
    return " ".join(content[:2])


def select() -> None:
    import frontmatter

    from seolint.language.words import prose_words

    chosen = []
    for lang, sites in SITES.items():
        candidates = []
        for site in sites:
            for path in sorted((CORPUS / site).rglob("*")):
                if path.suffix not in (".md", ".mdx") or path.name.lower() in ("readme.md", "changelog.md"):
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                split = _front_matter(text)
                if split is None:
                    continue
                try:
                    data = frontmatter.loads(text).metadata
                except Exception:  # noqa: BLE001 - a broken front matter is no benchmark article
                    continue
                title = data.get("title")
                prose = re.sub(r"```.*?```", "", split[2], flags=re.S)
                if not isinstance(title, str) or len(prose_words(prose)) < MIN_WORDS:
                    continue
                keyphrase = data.get("keyphrase") or _title_keyphrase(title, lang)
                if keyphrase:
                    candidates.append({"path": path.relative_to(CORPUS).as_posix(), "lang": lang,
                                       "keyphrase": str(keyphrase), "given": "keyphrase" in data})
        chosen += random.Random(17).sample(candidates, PER_LANGUAGE)
    (HERE / "selection.json").write_text(json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"selection.json: {len(chosen)} articles")


def _with_keyphrase(text: str, item: dict[str, str]) -> str:
    if item.get("given"):
        return text
    split = _front_matter(text)
    assert split is not None
    fence, matter, body = split
    line = f"keyphrase = {json.dumps(item['keyphrase'])}" if fence == "+++" else \
        f"keyphrase: {json.dumps(item['keyphrase'], ensure_ascii=False)}"
    return f"{fence}\n{line}\n{matter}\n{fence}\n{body}"


#: Every rule judged on every article, documentation pages included (C007 and C008 are off
#: on docs pages by default; Yoast judges every page).
CONFIG = HERE / "every-page.toml"


def seolint_verdicts(item: dict[str, str], select: str = ",".join(PAIRS), config: Path = CONFIG) -> dict[str, object]:
    path = CORPUS / item["path"]
    text = _with_keyphrase(path.read_text(encoding="utf-8", errors="replace"), item)
    run = subprocess.run(
        [sys.executable, "-m", "seolint", "check", "--no-cache", "--output-format", "json",
         "--select", select, "--stdin-filename", str(path), "--config", str(config)],
        input=text, capture_output=True, text=True, cwd=path.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"seolint failed on {item['path']}: {run.stderr}")
    findings = json.loads(run.stdout)
    return {"path": item["path"], **{code: [f["message"] for f in findings if f["code"] == code] for code in PAIRS}}


def yoast_problem(result: dict[str, object], name: str) -> bool | None:
    """Yoast's verdict: True for a problem (orange or red), None when it does not apply."""
    outcome = result.get(name)
    if not isinstance(outcome, dict) or "score" not in outcome:
        return None
    score = float(outcome["score"])
    if name == "imageKeyphrase" and not result.get("images"):
        return None  # no image: Yoast's red is about having no image, not about alt texts
    return score < 7 if name in ("transitionWords", "passiveVoice") else score < 8


#: C005 as Yoast counts it: a run goes on across code blocks.
ACROSS_CODE = HERE / "across-code.toml"


def _all_decorative(item: dict[str, str]) -> bool:
    """Whether every body image of the article is marked as decoration (``alt=""`` on an HTML
    <img>, as seolint reads it): I006 leaves those out."""
    import datetime as dt

    from seolint.engine import Configs, Document

    path = CORPUS / item["path"]
    settings = Configs(CONFIG).for_file(str(path)).settings_for(path, dt.date.today())
    doc = Document.from_bytes(path, str(path), path.read_bytes(), settings)
    return bool(doc.body.images) and all(image.decorative for image in doc.body.images)


def deliberate(code: str, item: dict[str, str], result: dict[str, object]) -> bool:
    """A disagreement by design (called only where the verdicts differ):

    - I006: Yoast's imageKeyphrase reports a page whose images are all marked as decoration
      (an HTML ``alt=""``): they describe nothing, so they are no place for the keyphrase;
    - C005: seolint reports the run once code blocks do not end it (`across-code`): the
      sentences are captions, each above its code example, a deliberate parallel;
    - C007: Yoast's verdict turns into seolint's once a two-part transition counts only with
      its parts in order, as two words (Yoast takes « soit » alone, the verb, as « soit … soit »).
    """
    outcome = result.get(PAIRS[code])
    text = outcome.get("text", "") if isinstance(outcome, dict) else ""
    if code == "I006":
        return "do not have alt attributes that reflect" in str(text) and _all_decorative(item)
    if code == "C005":
        return bool(seolint_verdicts(item, "C005", ACROSS_CODE)["C005"])
    if code == "C007":
        in_order = result.get("transitionShareInOrder")
        seolint_fires = yoast_problem(result, "transitionWords") is False
        return isinstance(in_order, (int, float)) and float(str(result.get("textLength", 0))) >= 200 \
            and (float(in_order) < 30) == seolint_fires
    return False


def main() -> None:
    if sys.argv[1:] == ["select"]:
        select()
        return
    selection = json.loads((HERE / "selection.json").read_text(encoding="utf-8"))
    yoast = {row["path"]: row for row in json.loads((HERE / "yoast-results.json").read_text(encoding="utf-8"))}
    ours = [seolint_verdicts(item) for item in selection]
    (HERE / "seolint-results.json").write_text(json.dumps(ours, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rows, disagreements = [], []
    for code, name in PAIRS.items():
        for lang in ("fr", "en", None):
            agree = total = both = by_design = 0
            for item, mine in zip(selection, ours):
                if lang and item["lang"] != lang:
                    continue
                theirs = yoast_problem(yoast[item["path"]], name)
                if theirs is None:
                    continue
                fired = bool(mine[code])
                total += 1
                agree += fired == theirs
                both += fired and theirs
                design = fired != theirs and deliberate(code, item, yoast[item["path"]])
                by_design += design
                if fired != theirs and lang is None:
                    disagreements.append((code, item["path"], fired, theirs, design, mine[code], yoast[item["path"]][name]))
            if total:
                kept = total - by_design
                rows.append(f"| {code} | {name} | {lang or 'all'} | {total} | {agree} | {100 * agree / total:.0f} % "
                            f"| {by_design} | {100 * agree / kept if kept else 100:.0f} % |")
    table = ["| seolint | Yoast | lang | articles judged | same verdict | agreement | differ by design "
             "| agreement without those |", "|---|---|---|---|---|---|---|---|", *rows]
    (HERE / "table.md").write_text("\n".join(table) + "\n", encoding="utf-8")
    print("\n".join(table))
    with (HERE / "disagreements.md").open("w", encoding="utf-8") as out:
        for code, path, fired, theirs, design, messages, outcome in disagreements:
            out.write(f"- {code} {path}: seolint {'fires' if fired else 'silent'}, Yoast "
                      f"{'problem' if theirs else 'fine'}{' (by design)' if design else ''} — "
                      f"{messages[0] if messages else ''} / "
                      f"{outcome.get('text', '') if isinstance(outcome, dict) else ''}\n")


if __name__ == "__main__":
    main()
