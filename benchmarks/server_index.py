"""seolint server's workspace index on a large site: build time, memory, and the cost the
rules across articles add to each check.

    python benchmarks/server_index.py ../shared/corpus/cpp-docs

Builds the index as the server does at start-up (in a thread of this process, without the
cache so that nothing is written into the site), then reports the process's resident memory
(current, from /proc, and peak), and the median time of one run of the rules across
articles over the whole index (``Index.recompute``), which the server makes in the
background when a document is opened, saved or closed (never in a keystroke's check).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("-n", "--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from seolint import engine
    from seolint.lsp.workspace import Index

    site = args.site.resolve()
    before = rss_mb()
    index = Index(site, cache=False)
    configs = engine.Configs()
    done = threading.Event()
    started = time.perf_counter()
    index.build(configs, done.set).join()
    built = time.perf_counter() - started
    after = rss_mb()
    times = []
    for _ in range(args.runs):
        finished = threading.Event()
        started = time.perf_counter()
        index.recompute(configs, finished.set)
        finished.wait()
        times.append(time.perf_counter() - started)
    found = sum(len(index.findings(Path(path))) for path in index._files)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| site | articles | index built | RSS before → after | peak RSS | one run of the rules across articles |")
    print("|---|---|---|---|---|---|")
    print(f"| {site.name} | {len(index._files):,} | {built:.1f} s | {before:.0f} → {after:.0f} MB | {peak:.0f} MB "
          f"| {statistics.median(times) * 1000:.0f} ms ({found:,} findings) |")
    return 0 if done.is_set() else 1


if __name__ == "__main__":
    raise SystemExit(main())
