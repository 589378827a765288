"""Draw a seeded random sample of findings over the corpus sites, for a hand review.

    python benchmarks/precision/sample.py -n 100 --seed 13 > benchmarks/precision/sample.jsonl

Runs `seolint check --no-cache --output-format json` with no configuration over each site of
../shared/corpus (skipping the ones that are not there), pools the findings, and prints a
sample of N as JSON lines: site, path (relative to the site), line, code, message. The same
seed and the same findings give the same sample; add `verdict` and `reason` to each line by
hand when reviewing.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SITES = ("hugo-docs", "jekyll-docs", "mkdocs-material", "eleventy-website", "vue-docs-fr",
         "astro-docs-fr", "putaindecode", "rust-blog")


def findings(site: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "seolint", "check", "--no-cache", "-q", "--output-format", "json", str(site)],
        capture_output=True, text=True, check=False, cwd=site,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"seolint failed on {site.name}: {done.stderr.strip()}")
    found = json.loads(done.stdout or "[]")
    return [
        {"site": site.name, "path": str((site / item["path"]).resolve().relative_to(site.resolve())),
         "line": item["line"], "code": item["code"], "message": item["message"]}
        for item in found
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="how many findings (default 100)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--site", action="append", help="only these sites (repeatable)")
    arguments = parser.parse_args(argv)
    pool: list[dict[str, object]] = []
    for name in arguments.site or SITES:
        if (CORPUS / name).is_dir():
            pool += findings(CORPUS / name)
    pool.sort(key=lambda item: (str(item["site"]), str(item["path"]), int(str(item["line"])), str(item["code"])))
    for item in random.Random(arguments.seed).sample(pool, min(arguments.n, len(pool))):
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
