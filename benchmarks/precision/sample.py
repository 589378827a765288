"""Draw a seeded random sample of findings from zero-config runs over real sites, for review.

    python benchmarks/precision/sample.py -n 100 --seed 13 > benchmarks/precision/sample-<date>.jsonl

Each site of the shared corpus is checked as its writer would check it: from the site's root,
with no seolint config and no cache. The sample is drawn evenly across the sites (the rest of
``n`` going to the largest ones), then uniformly among each site's findings, so a site with
10,000 findings does not drown one with 800. Each line is one finding with the source lines
around it, and empty ``verdict`` and ``reason`` fields for the reviewer to fill: ``true``
(a real defect the writer should fix), ``false`` (a false positive: the finding is wrong) or
``debatable`` (right by the letter, but a writer could fairly disagree). ``summarize`` reads a
reviewed file back and prints the false-positive rate per site and in all.

Reads ``../shared/corpus`` next to the repository; skips the sites that are not there.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SITES = ("hugo-docs", "jekyll-docs", "mkdocs-material", "eleventy-website", "vue-docs-fr",
         "astro-docs-fr", "putaindecode", "rust-blog")
CONTEXT = 2  # source lines shown on each side of the finding


def findings(site: Path) -> list[dict[str, Any]]:
    """Every finding of a zero-config run from the site's root."""
    run = subprocess.run(
        [sys.executable, "-m", "seolint", "check", "--no-cache", "-q", "--output-format", "json", "."],
        cwd=site, capture_output=True, text=True,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"{site.name}: seolint exited {run.returncode}: {run.stderr.strip()}")
    found: list[dict[str, Any]] = json.loads(run.stdout)
    return found


def context(site: Path, finding: dict[str, Any]) -> list[str]:
    try:
        lines = (site / finding["path"]).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    line = int(finding.get("line") or 1)
    first = max(1, line - CONTEXT)
    return [f"{number}: {lines[number - 1][:300]}" for number in range(first, min(len(lines), line + CONTEXT) + 1)]


def quotas(sizes: dict[str, int], n: int) -> dict[str, int]:
    """``n`` spread evenly over the sites, never more than a site has."""
    share = {site: 0 for site in sizes}
    left = n
    while left > 0:
        open_sites = [site for site in sorted(sizes, key=lambda s: -sizes[s]) if share[site] < sizes[site]]
        if not open_sites:
            break
        for site in open_sites:
            if left == 0:
                break
            share[site] += 1
            left -= 1
    return share


def sample(n: int, seed: int, sites: list[str]) -> list[dict[str, Any]]:
    by_site = {name: findings(CORPUS / name) for name in sites if (CORPUS / name).is_dir()}
    rng = random.Random(seed)
    drawn: list[dict[str, Any]] = []
    for name, count in quotas({name: len(found) for name, found in by_site.items()}, n).items():
        for finding in rng.sample(by_site[name], count):
            drawn.append({
                "site": name, "path": finding["path"], "line": finding["line"], "column": finding["column"],
                "code": finding["code"], "severity": finding["severity"], "message": finding["message"],
                "context": context(CORPUS / name, finding), "verdict": "", "reason": "",
            })
    return drawn


def summarize(path: Path) -> str:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        verdicts[row["site"]][row["verdict"] or "unreviewed"] += 1
        verdicts["all"][row["verdict"] or "unreviewed"] += 1
    out = ["| site | findings | true | debatable | false | false positives |", "|---|---:|---:|---:|---:|---:|"]
    for site in [*sorted(s for s in verdicts if s != "all"), "all"]:
        seen = verdicts[site]
        total = sum(seen.values())
        out.append(f"| {site} | {total} | {seen['true']} | {seen['debatable']} | {seen['false']} | "
                   f"{100 * seen['false'] / total:.1f} % |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100, help="findings to draw (default 100)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sites", default=",".join(SITES), help="comma-separated corpus folders")
    parser.add_argument("--summarize", type=Path, metavar="JSONL", help="print the verdicts of a reviewed sample")
    args = parser.parse_args(argv)
    if args.summarize:
        print(summarize(args.summarize))
        return 0
    for row in sample(args.n, args.seed, args.sites.split(",")):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
