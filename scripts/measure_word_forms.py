"""Measure how keyphrase matching treats word forms: inflections merged, derivations kept apart.

This is how ``seolint/language/wordforms.py`` chose to strip inflections only. Run from the
repository root::

    python scripts/measure_word_forms.py [--corpus FOLDER] [--lang en|fr] [--show N]

Two measures:

* the pair list ``tests/fixtures/word_forms/pairs.toml``: for each language, the share of
  `same` pairs (inflections, as Yoast SEO's word forms merge them) that each method gives one
  key, and the share of `different` pairs (derivations of another meaning) it keeps apart;
* with ``--corpus``, a word list: every distinct word of the Markdown files under the folder
  (code and front matter included, as a rough list), and the groups of words the Snowball
  stemmer merges that seolint's word forms keep apart (the first ``--show`` of them).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from seolint.language.words import fold, language  # noqa: E402  (after the path is set)
from seolint.language.wordforms import _snowball, form  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "word_forms" / "pairs.toml"


def snowball(word: str, lang: str) -> str:
    name = language(lang).stemmer
    return str(_snowball(name).stemWord(word)) if name else word


def score(lang: str) -> None:
    pairs = tomllib.loads(PAIRS.read_text(encoding="utf-8"))[lang]
    for name, method in (("snowball", snowball), ("word forms", form)):
        same = sum(method(fold(a), lang) == method(fold(b), lang) for a, b in pairs["same"])
        apart = sum(method(fold(a), lang) != method(fold(b), lang) for a, b in pairs["different"])
        print(f"{lang} {name:10}: inflections merged {same}/{len(pairs['same'])}, "
              f"derivations kept apart {apart}/{len(pairs['different'])}")


def corpus(folder: Path, lang: str, show: int) -> None:
    seen: set[str] = set()
    for path in folder.rglob("*.md*"):
        text = path.read_text(encoding="utf-8", errors="replace")
        seen.update(word for word in re.findall(r"[^\W\d_]{3,}", fold(text)))
    merged: dict[str, set[str]] = defaultdict(set)
    for word in seen:
        merged[snowball(word, lang)].add(word)
    split = [sorted(group) for group in merged.values()
             if len({form(word, lang) for word in group}) > 1]
    print(f"{folder}: {len(seen)} distinct words, {len(merged)} Snowball stems, "
          f"{len(split)} Snowball groups split by word forms")
    for group in sorted(split, key=len, reverse=True)[:show]:
        print("  " + ", ".join(f"{word}→{form(word, lang)}" for word in group))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lang", choices=("en", "fr"), action="append")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    for lang in args.lang or ["en", "fr"]:
        score(lang)
        if args.corpus:
            corpus(args.corpus, lang, args.show)


if __name__ == "__main__":
    main()
