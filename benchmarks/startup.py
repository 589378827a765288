"""Start-up of ``seolint check`` on one article, before and after a change, runs interleaved.

Standard library only. Each tree is a checkout of seolint (a worktree of the commit before
the change, the working tree after it), run as ``python -m seolint`` with ``PYTHONPATH`` set
to the tree, so both use the same interpreter and the same installed dependencies:

    git worktree add --detach /tmp/seolint-before 15b3250
    python benchmarks/startup.py --tree before=/tmp/seolint-before --tree after=. \\
        --article examples/en/content-audit-checklist.md \\
        --article ../shared/reference/networking-professionnel-2025.md -n 25

The runs are interleaved (one run of each tree and article per round, the trees' order
swapped every round), so that a machine shared with other jobs slows both trees alike; a
figure is the median of ``-n`` runs, after one untimed run of each: wall time from spawn to
exit (``time.perf_counter`` around ``subprocess.run``, output to ``/dev/null``), and the
child's CPU time (user + system, from ``resource.getrusage``), which a busy machine disturbs
less than the wall time (it still pays for cache misses and frequency changes). The
articles are copied into a temporary folder without a config (the built-in defaults), and
checked with ``--no-cache``: every run parses the article and runs every default rule.
Each tree's package is byte-compiled first (``compileall``), as an installed package is: a
tree without ``.pyc`` files (``PYTHONDONTWRITEBYTECODE=1`` keeps Python from writing them)
compiles every module on every run, about 100 ms of CPU here.
Prints a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, metavar="NAME=PATH",
                        help="a seolint checkout to measure (repeatable; the first is the reference)")
    parser.add_argument("--article", action="append", required=True, type=Path, help="an article (repeatable)")
    parser.add_argument("-n", "--runs", type=int, default=25, help="timed runs of each tree and article")
    parser.add_argument("--python", default=sys.executable, help="the interpreter (default: this one)")
    args = parser.parse_args(argv)
    trees = [(name, Path(path).resolve()) for name, _, path in (item.partition("=") for item in args.tree)]
    for _, path in trees:
        subprocess.run([args.python, "-m", "compileall", "-q", str(path / "seolint")], check=True)
    with tempfile.TemporaryDirectory(prefix="seolint-startup-") as folder:
        articles = []
        for article in args.article:
            copy = Path(folder) / article.name
            shutil.copyfile(article, copy)
            articles.append(copy)
        times = measure(args.python, trees, articles, args.runs, Path(folder))
    print(table(trees, articles, times, args.runs))
    return 0


#: (tree, article) -> [(wall seconds, CPU seconds)], one per timed run.
Times = dict[tuple[str, str], list[tuple[float, float]]]


def measure(python: str, trees: list[tuple[str, Path]], articles: list[Path], runs: int, folder: Path) -> Times:
    times: Times = {(name, a.name): [] for name, _ in trees for a in articles}
    for round_ in range(runs + 1):  # round 0 is the untimed warm-up
        order = trees if round_ % 2 else trees[::-1]
        for article in articles:
            for name, path in order:
                elapsed = run(python, path, article, folder)
                if round_:
                    times[(name, article.name)].append(elapsed)
        print(f"round {round_}/{runs}", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return times


def run(python: str, tree: Path, article: Path, folder: Path) -> tuple[float, float]:
    """One run's wall time and CPU time (user + system), in seconds."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    argv = [python, "-m", "seolint", "check", "--no-cache", article.name]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def table(trees: list[tuple[str, Path]], articles: list[Path], times: Times, runs: int) -> str:
    reference = trees[0][0]
    lines = []
    for kind, which in (("wall", 0), ("CPU", 1)):
        lines += [f"| article, {kind} | {' | '.join(f'{name} median (min)' for name, _ in trees)} | "
                  + " | ".join(f"{name} − {reference}" for name, _ in trees[1:]) + " |",
                  "|---|" + "---:|" * (2 * len(trees) - 1)]
        for article in articles:
            values = {name: [run[which] * 1000 for run in times[(name, article.name)]] for name, _ in trees}
            medians = {name: statistics.median(values[name]) for name, _ in trees}
            cells = [f"{medians[name]:.0f} ms ({min(values[name]):.0f})" for name, _ in trees]
            deltas = [f"{medians[name] - medians[reference]:+.0f} ms" for name, _ in trees[1:]]
            lines.append(f"| {article.name} | {' | '.join(cells)} | {' | '.join(deltas)} |")
        lines.append("")
    lines.append(f"Median of {runs} interleaved runs each, spawn to exit, in ms (minimum in brackets).")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
