"""seolint benchmarks: start-up of one article, front-matter rule throughput, import check.

Standard library only. Run from anywhere; commands run from the repository root:

    python benchmarks/run.py                  # everything (about a minute on 2 cores)
    python benchmarks/run.py --skip-corpus    # start-up and import check only
    python benchmarks/run.py --hyperfine      # also the same commands through hyperfine

Every figure is a wall-clock time of a whole process (``subprocess.run``, from spawn to
exit), measured with ``time.perf_counter``. See ``benchmarks/README.md`` for what each
figure means and for the targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = "examples/fr/guide-reseau-professionnel.md"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MAIN_CORPUS = "cpp-docs"
OTHER_CORPORA = ("astro-docs-fr", "putaindecode", "rust-blog", "cilium-blog")
#: The config used by the "default config" variant of the one-article figure.
DEFAULT_CONFIG = Path(__file__).resolve().parent / "default.toml"

#: Targets from the issue.
TARGET_ARTICLE_S = 0.3
TARGET_FILES_PER_S = 1000.0

#: Packages that a front-matter-only run must never import (Markdown parse, readability,
#: HTML, pretty output).
FORBIDDEN_IMPORTS = ("markdown_it", "textstat", "bs4", "rich")

#: What seolint's folder walk picks up (seolint/source/discover.py), to count a corpus's files.
EXTENSIONS = frozenset({".md", ".markdown", ".mdx"})
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})

_IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)\s*$")
_SUMMARY = re.compile(r"^(Found .*|All clear: .*)$", re.MULTILINE)


# --- measuring ---------------------------------------------------------------------------


@dataclass
class Timing:
    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    returncode: int | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def minimum(self) -> float:
        return min(self.times)

    @property
    def command(self) -> str:
        return shlex.join(display_argv(self.argv))


def display_argv(argv: Sequence[str]) -> list[str]:
    """The argv as a reader would type it: paths below the repository made relative."""
    shown = []
    for arg in argv:
        path = Path(arg)
        if path.is_absolute():
            for base, prefix in ((ROOT, ""), (ROOT.parent, "../")):
                try:
                    arg = prefix + path.relative_to(base).as_posix()
                    break
                except ValueError:
                    continue
        shown.append(arg)
    return shown


def run_once(argv: Sequence[str], *, capture: bool = False) -> tuple[float, subprocess.CompletedProcess[str]]:
    """One process, spawn to exit, in seconds; output discarded unless ``capture``."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, stdout=out, stderr=out, text=True, check=False)
    return time.perf_counter() - start, done


def measure(label: str, argv: list[str], runs: int, warmup: int) -> Timing:
    """``runs`` timed runs after ``warmup`` untimed ones (page cache, .pyc files)."""
    timing = Timing(label, argv)
    for index in range(max(warmup, 1)):
        # The first untimed run is captured: its exit code and summary go in the notes.
        _, done = run_once(argv, capture=index == 0)
        if index == 0:
            timing.returncode = done.returncode
            timing.note = _describe(done)
    for _ in range(runs):
        elapsed, done = run_once(argv)
        timing.times.append(elapsed)
        timing.returncode = done.returncode
    return timing


def _describe(done: subprocess.CompletedProcess[str]) -> str:
    """A short note on a run's output: its summary line, errors, rule crashes."""
    notes = []
    stdout, stderr = done.stdout or "", done.stderr or ""
    summary = _SUMMARY.findall(stdout)
    if summary:
        notes.append(summary[-1])
    crashes = len(re.findall(r"\bRUN002\b", stdout))
    if crashes:
        crashed = sorted(set(re.findall(r"Rule (\S+) \([^)]*\) crashed", stdout)))
        notes.append(f"{crashes} RUN002 rule crashes ({', '.join(crashed)})")
    errors = [line for line in stderr.splitlines() if "error" in line.lower()]
    if errors:
        notes.append(errors[-1].strip())
    return "; ".join(notes)


# --- commands ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Executables:
    python: list[str]  # the interpreter that runs seolint
    seolint: list[str]  # the console script, or ``python -m seolint``
    shims: dict[str, str]  # name -> PATH entry, when that entry is a pyenv shim


def _is_pyenv_shim(path: str) -> bool:
    try:
        head = Path(path).read_bytes()[:1024]
    except OSError:
        return False
    return head.startswith(b"#!") and b"pyenv" in head and b"exec" in head


def _on_path(name: str) -> tuple[str | None, str | None]:
    """The first pyenv shim and the first real executable called ``name`` on PATH.

    Under ``pyenv exec`` (how a shimmed ``python`` starts this script) the real bin folder
    comes first on PATH, so the shims folder of ``$PYENV_ROOT`` is looked at as well: a user's
    shell finds the shim.
    """
    folders = os.environ.get("PATH", "").split(os.pathsep)
    pyenv_root = os.environ.get("PYENV_ROOT")
    if pyenv_root:
        folders.append(os.path.join(pyenv_root, "shims"))
    shim: str | None = None
    real: str | None = None
    for folder in folders:
        found = shutil.which(name, path=folder) if folder else None
        if found is None:
            continue
        if _is_pyenv_shim(found):
            shim = shim or found
        else:
            real = real or found
    return shim, real


def find_executables() -> Executables:
    """The real executables (past any pyenv shim), and the shims themselves."""
    shims: dict[str, str] = {}
    shim, real = _on_path("seolint")
    seolint = [real] if real is not None else [sys.executable, "-m", "seolint"]
    if shim is not None:
        shims["seolint"] = shim
    python_shim, _ = _on_path("python")
    if python_shim is not None:
        shims["python"] = python_shim
    return Executables([sys.executable], seolint, shims)


# --- corpora -----------------------------------------------------------------------------


def count_articles(folder: Path) -> int:
    """The files seolint's folder walk checks (no .gitignore: the corpus is no work tree)."""
    count = 0
    for _, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".") and name not in SKIPPED_DIRS]
        count += sum(
            1 for name in files
            if Path(name).suffix.lower() in EXTENSIONS and not name.startswith(".")
        )
    return count


@dataclass
class Throughput:
    timing: Timing
    files: int

    @property
    def files_per_s(self) -> float:
        return self.files / self.timing.median


def measure_corpus(name: str, folder: Path, exe: Executables, runs: int) -> Throughput:
    argv = [*exe.seolint, "check", str(folder), "--output-format", "concise"]
    files = count_articles(folder)
    timing = Timing(name, argv)
    # Warm-up (page cache, .pyc files), untimed: its output is read for the notes column
    # (summary line, rule crashes); the timed runs write to /dev/null.
    _, done = run_once(argv, capture=True)
    timing.note = _describe(done)
    for _ in range(runs):
        elapsed, done = run_once(argv)
        timing.times.append(elapsed)
        timing.returncode = done.returncode
    return Throughput(timing, files)


# --- import check ------------------------------------------------------------------------


@dataclass
class ImportReport:
    argv: list[str]
    returncode: int
    forbidden: dict[str, list[str]]  # package -> modules of it that were imported
    top: list[tuple[int, int, str]]  # (cumulative us, self us, module)
    count: int


def import_check(argv: list[str]) -> ImportReport:
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        found = _IMPORT_LINE.match(line)
        if found:
            rows.append((int(found.group(2)), int(found.group(1)), found.group(4)))
    forbidden = {
        package: [name for _, _, name in rows if name == package or name.startswith(package + ".")]
        for package in FORBIDDEN_IMPORTS
    }
    top = sorted(rows, reverse=True)[:10]
    return ImportReport(argv, done.returncode, forbidden, top, len(rows))


# --- hyperfine ---------------------------------------------------------------------------


def run_hyperfine(commands: list[list[str]], runs: int, warmup: int) -> str:
    """Hyperfine's Markdown table for ``commands`` (no shell, failures allowed)."""
    hyperfine = shutil.which("hyperfine")
    if hyperfine is None:
        return "hyperfine is not installed (Debian: `apt-get install -y hyperfine`); skipped.\n"
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "hyperfine.md"
        argv = [
            hyperfine, "--shell=none", "--ignore-failure", "--style", "basic",
            "--runs", str(runs), "--warmup", str(warmup), "--export-markdown", str(export),
            *(shlex.join(command) for command in commands),
        ]
        print("$ " + shlex.join(display_argv(argv[:-len(commands)]) + [
            shlex.join(display_argv(command)) for command in commands
        ]), file=sys.stderr)
        done = subprocess.run(argv, cwd=ROOT, stdout=sys.stderr, check=False)
        if done.returncode != 0 or not export.exists():
            return f"hyperfine failed (exit {done.returncode}).\n"
        table = export.read_text(encoding="utf-8")
    for command in commands:
        table = table.replace(shlex.join(command), shlex.join(display_argv(command)))
    return table


# --- report ------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def startup_table(timings: list[Timing]) -> list[str]:
    lines = [
        "| what | command | median | min | exit | notes |",
        "|---|---|---:|---:|---:|---|",
    ]
    for timing in timings:
        note = timing.note.replace("|", "\\|")
        lines.append(
            f"| {timing.label} | `{timing.command}` | {_ms(timing.median)} | {_ms(timing.minimum)} "
            f"| {timing.returncode} | {note} |"
        )
    return lines


def throughput_table(results: list[Throughput], cli_floor: float | None) -> list[str]:
    lines = [
        "| corpus | files | runs | median | min | files/s | files/s past start-up | exit | notes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        timing = result.timing
        past = "n/a"
        if cli_floor is not None and timing.median > cli_floor:
            past = f"{result.files / (timing.median - cli_floor):,.0f}"
        lines.append(
            f"| {timing.label} | {result.files:,} | {len(timing.times)} | {timing.median:.2f} s "
            f"| {timing.minimum:.2f} s | {result.files_per_s:,.0f} | {past} | {timing.returncode} "
            f"| {timing.note.replace('|', chr(92) + '|')} |"
        )
    return lines


def import_table(report: ImportReport) -> list[str]:
    lines = [f"Command: `{shlex.join(display_argv(report.argv))}` (exit {report.returncode}, "
             f"{report.count} modules imported)", ""]
    for package, modules in report.forbidden.items():
        state = f"**imported** ({len(modules)} modules)" if modules else "not imported"
        lines.append(f"- `{package}`: {state}")
    lines += ["", "| # | module | cumulative | self |", "|---:|---|---:|---:|"]
    for rank, (cumulative, own, name) in enumerate(report.top, 1):
        lines.append(f"| {rank} | `{name}` | {cumulative / 1000:.1f} ms | {own / 1000:.1f} ms |")
    return lines


# --- body rules, workers, cache, memory, markdownlint-cli2 -------------------------------

#: Targets for the body-rule era (see README).
TARGET_ARTICLE_BODY_S = 0.5
TARGET_FM_ARTICLE_S = 0.3
TARGET_J2_VS_MDL = 2.0
TARGET_WARM_SPEEDUP = 20.0
TARGET_ONE_CHANGED_S = 1.0
TARGET_RSS_GROWTH_MB = 50.0
FM_SELECT = "FM,T001,T002,T003,D,S001,S002,S003,S005,K001,K002,K003,K004,I001,I002,I003"  # T005 and S004 read the body or the file name
MDL_PREFIX = Path("/tmp/mdl")
TIME_BIN = Path("/usr/bin/time")


@dataclass
class Heavy:
    """A whole-corpus run: wall times and the peak RSS (KB) of each run."""

    label: str
    argv: list[str]
    cwd: Path
    times: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    returncode: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def command(self) -> str:
        return f"(cd {self.cwd} && {shlex.join(display_argv(self.argv))})"


def run_heavy(argv: Sequence[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KB (-1 if unknown) and exit code of one process.

    The peak RSS comes from ``/usr/bin/time -f %M`` (ru_maxrss of the waited-for process and
    its descendants); without it, from a fresh Python wrapper's ``RUSAGE_CHILDREN``.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        if TIME_BIN.exists():
            wrapped = [str(TIME_BIN), "-f", "%M", "-o", rss_file.name, *argv]
        else:
            code = ("import resource,subprocess,sys;"
                    "r=subprocess.run(sys.argv[2:]).returncode;"
                    "open(sys.argv[1],'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));"
                    "sys.exit(r)")
            wrapped = [sys.executable, "-c", code, rss_file.name, *argv]
        start = time.perf_counter()
        done = subprocess.run(wrapped, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        numbers = re.findall(r"^\d+$", rss_file.read(), re.MULTILINE)
    return elapsed, int(numbers[-1]) if numbers else -1, done.returncode


def measure_heavy(label: str, argv: list[str], cwd: Path, runs: int,
                  before_each: Callable[[int], None] | None = None) -> Heavy:
    heavy = Heavy(label, argv, cwd)
    for index in range(runs):
        if before_each is not None:
            before_each(index)
        progress(f"{label}: run {index + 1}/{runs}")
        elapsed, rss, code = run_heavy(argv, cwd)
        heavy.times.append(elapsed)
        heavy.rss_kb.append(rss)
        heavy.returncode = code
    return heavy


def copy_subset(source: Path, target: Path, limit: int | None) -> int:
    """Copy the first ``limit`` articles of ``source`` (sorted walk; all when None)."""
    count = 0
    for folder, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if Path(name).suffix.lower() not in EXTENSIONS or name.startswith("."):
                continue
            if limit is not None and count >= limit:
                return count
            relative = Path(folder, name).relative_to(source)
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(folder, name), target / relative)
            count += 1
    return count


def install_markdownlint() -> Path | None:
    binary = MDL_PREFIX / "node_modules" / ".bin" / "markdownlint-cli2"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        return None
    progress(f"npm install --prefix {MDL_PREFIX} markdownlint-cli2")
    subprocess.run([npm, "install", "--prefix", str(MDL_PREFIX), "markdownlint-cli2"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return binary if binary.exists() else None


def body_section(exe: Executables, article: str, corpus_dir: Path, runs: int,
                 heavy_runs: int) -> list[str]:
    """Sections 1-5 of the body-rule benchmark; returns Markdown lines."""
    out: list[str] = ["## Body rules, workers, cache (all rules unless said)", ""]
    verdicts: list[str] = []
    # 1. one article -------------------------------------------------------------------
    one_cmds = [
        ("one article, all rules", [*exe.seolint, "check", "--no-cache", article]),
        ("one article, front-matter rules", [*exe.seolint, "check", "--no-cache", "--select",
                                             FM_SELECT, article]),
    ]
    timings = []
    for label, command in one_cmds:
        progress(f"{label}: {runs} runs")
        timings.append(measure(label, command, runs, 1))
    out += ["### 1. One article, process start to exit", ""] + startup_table(timings) + [""]
    for timing, target in zip(timings, (TARGET_ARTICLE_BODY_S, TARGET_FM_ARTICLE_S)):
        verdicts.append(f"{timing.label} ≤ {target} s: {_verdict(timing.median <= target)} "
                        f"({timing.median:.3f} s median, {timing.median / target:.2f}x the target)")

    folder = corpus_dir / MAIN_CORPUS
    if not folder.is_dir():
        out += [f"Skipped the corpus figures: no folder at `{folder}`.", ""]
        return out + ["### Verdicts", ""] + [f"- {v}" for v in verdicts] + [""]
    files = count_articles(folder)
    with tempfile.TemporaryDirectory(prefix="seolint-bench-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "cwd"  # an empty working folder: any cache lands here, never in the corpus
        work.mkdir()
        sl = [*exe.seolint, "check"]
        concise = ["--output-format", "concise"]
        # 2. front-matter throughput -------------------------------------------------------
        run_heavy([*sl, "--no-cache", "-j1", "--select", FM_SELECT, str(folder), *concise], work)  # page cache
        fm = measure_heavy("front-matter rules, -j1", [*sl, "--no-cache", "-j1", "--select", FM_SELECT,
                                                        str(folder), *concise], work, heavy_runs)
        fm_rate = files / fm.median
        verdicts.append(f"front-matter rules ≥ {TARGET_FILES_PER_S:,.0f} files/s: "
                        f"{_verdict(fm_rate >= TARGET_FILES_PER_S)} ({fm_rate:,.0f} files/s, "
                        f"{fm_rate / TARGET_FILES_PER_S:.2f}x the target)")
        # 3. all rules vs markdownlint-cli2 ------------------------------------------------
        j1 = measure_heavy("all rules, --no-cache -j1",
                           [*sl, "--no-cache", "-j1", str(folder), *concise], work, heavy_runs)
        j2 = measure_heavy("all rules, --no-cache --jobs 2",
                           [*sl, "--no-cache", "--jobs", "2", str(folder), *concise], work, heavy_runs)
        heavies = [fm, j1, j2]
        mdl_bin = install_markdownlint()
        mdl: Heavy | None = None
        if mdl_bin is not None:
            mdl = measure_heavy("markdownlint-cli2, default config", [str(mdl_bin), "**/*.md"],
                                folder, heavy_runs)
            heavies.append(mdl)
            r1 = mdl.median / j1.median
            r2 = mdl.median / j2.median
            verdicts.append(f"-j1 at least as fast as markdownlint-cli2: {_verdict(r1 >= 1.0)} "
                            f"(markdownlint-cli2 / seolint = {r1:.2f}x)")
            verdicts.append(f"--jobs 2 ≥ {TARGET_J2_VS_MDL:.0f}x faster than markdownlint-cli2: "
                            f"{_verdict(r2 >= TARGET_J2_VS_MDL)} ({r2:.2f}x)")
        else:
            verdicts.append("markdownlint-cli2: not installed (npm missing or failed); skipped")
        # 4. cache: cold fill, warm, one changed file --------------------------------------
        copy = tmp / "cpp-docs"
        progress(f"copying {MAIN_CORPUS} to {copy}")
        copy_subset(folder, copy, None)
        cached = [*sl, "--jobs", "2", ".", *concise]
        cold = measure_heavy("cache cold (fills .seolint_cache), --jobs 2", cached, copy, 1)
        warm = measure_heavy("cache warm, nothing changed, --jobs 2", cached, copy, heavy_runs)
        victim = sorted(copy.rglob("*.md"))[0]

        def touch(index: int) -> None:
            with victim.open("a", encoding="utf-8") as handle:
                handle.write(f"\nBenchmark line {index}.\n")

        changed = measure_heavy(f"cache, one file changed ({victim.relative_to(copy)}), --jobs 2",
                                cached, copy, heavy_runs, touch)
        heavies += [cold, warm, changed]
        speedup = j2.median / warm.median
        verdicts.append(f"warm re-run ≥ {TARGET_WARM_SPEEDUP:.0f}x faster than cold (--jobs 2, "
                        f"--no-cache median): {_verdict(speedup >= TARGET_WARM_SPEEDUP)} ({speedup:.1f}x; "
                        f"vs the cache-filling run: {cold.median / warm.median:.1f}x)")
        verdicts.append(f"one changed file < {TARGET_ONE_CHANGED_S} s: "
                        f"{_verdict(changed.median < TARGET_ONE_CHANGED_S)} ({changed.median:.2f} s)")
        # 5. memory ------------------------------------------------------------------------
        small = tmp / "first-1000"
        copy_subset(folder, small, 1000)
        mem = measure_heavy("all rules, 1,000 files, --no-cache -j1",
                            [*sl, "--no-cache", "-j1", str(small), *concise], work, 1)
        mem2 = measure_heavy("all rules, 1,000 files, --no-cache --jobs 2",
                             [*sl, "--no-cache", "--jobs", "2", str(small), *concise], work, 1)
        heavies += [mem, mem2]
        # peak RSS of the largest process (with workers: the parent or one worker)
        for label, big, little in (("-j1", j1, mem), ("--jobs 2", j2, mem2)):
            big_kb, small_kb = max(big.rss_kb), max(little.rss_kb)
            if big_kb > 0 and small_kb > 0:
                growth = (big_kb - small_kb) / 1024
                verdicts.append(f"peak RSS growth 1,000 → {files:,} files < {TARGET_RSS_GROWTH_MB:.0f} MB, "
                                f"{label}: {_verdict(growth < TARGET_RSS_GROWTH_MB)} ({small_kb / 1024:.0f} MB → "
                                f"{big_kb / 1024:.0f} MB, +{growth:.0f} MB)")
        out += [f"### 2-5. {MAIN_CORPUS} ({files:,} files), output to /dev/null", "",
                "| what | command | runs | median | min | peak RSS | exit |",
                "|---|---|---:|---:|---:|---:|---:|"]
        for heavy in heavies:
            rss = max(heavy.rss_kb)
            out.append(f"| {heavy.label} | `{heavy.command}` | {len(heavy.times)} | {heavy.median:.2f} s "
                       f"| {min(heavy.times):.2f} s | {rss / 1024:.0f} MB | {heavy.returncode} |")
        out.append("")
    return out + ["### Verdicts", ""] + [f"- {v}" for v in verdicts] + [""]


# --- main --------------------------------------------------------------------------------


def progress(text: str) -> None:
    print(f"... {text}", file=sys.stderr, flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark seolint: one article's start-up, front-matter rule throughput, "
        "and which heavy packages a front-matter run imports.",
    )
    parser.add_argument("-n", "--runs", type=int, default=15,
                        help="timed runs of each one-article command (default: 15)")
    parser.add_argument("-r", "--corpus-runs", type=int, default=3,
                        help=f"timed runs over {MAIN_CORPUS} (default: 3)")
    parser.add_argument("--other-runs", type=int, default=1,
                        help="timed runs over each other corpus folder (default: 1)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="untimed runs before each one-article command (default: 1)")
    parser.add_argument("--article", default=DEFAULT_ARTICLE,
                        help=f"the article, relative to the repository root (default: {DEFAULT_ARTICLE})")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="the folder holding the corpus folders (default: ../shared/corpus)")
    parser.add_argument("--skip-corpus", action="store_true", help="skip the throughput figures")
    parser.add_argument("--skip-imports", action="store_true", help="skip the import check")
    parser.add_argument("--no-shims", action="store_true",
                        help="do not also time the pyenv shims on PATH")
    parser.add_argument("--body", action="store_true",
                        help="only the body-rule benchmark: one article, front-matter throughput, "
                        "all rules -j1/--jobs 2 vs markdownlint-cli2, cache, peak memory")
    parser.add_argument("--heavy-runs", type=int, default=3,
                        help="timed runs of each whole-corpus command of --body (default: 3)")
    parser.add_argument("--hyperfine", action="store_true",
                        help="also run the same commands through hyperfine and print its tables")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.corpus_runs < 1 or args.other_runs < 1 or args.warmup < 0:
        parser.error("run counts must be at least 1 (warm-up at least 0)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # A package installed by pip has its bytecode compiled at install time. A machine that
    # sets PYTHONDONTWRITEBYTECODE (this one does) would make every measured run of an
    # editable checkout compile seolint's source again (~0.1 s): not what users run.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        progress("PYTHONDONTWRITEBYTECODE unset for the measured commands (bytecode as after pip install)")
    exe = find_executables()
    article = args.article
    if not (ROOT / article).is_file():
        print(f"run.py: no article at {ROOT / article}", file=sys.stderr)
        return 2
    corpus: Path = args.corpus.expanduser().resolve()
    out: list[str] = []

    out += [
        f"# seolint benchmarks, {dt.date.today().isoformat()}",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()} ({sys.executable}).",
        f"seolint: `{shlex.join(exe.seolint)}`. Repository root: `{ROOT}`.",
        "",
    ]

    if args.body:
        out += body_section(exe, article, corpus, args.runs, args.heavy_runs)
        print("\n".join(out).rstrip() + "\n")
        return 0

    # (a) one article, process start to exit ----------------------------------------------
    commands: list[tuple[str, list[str]]] = [
        ("interpreter floor", [*exe.python, "-c", "pass"]),
        ("CLI floor", [*exe.seolint, "--version"]),
        ("one article", [*exe.seolint, "check", article]),
        ("one article, default config", [*exe.seolint, "check", "--config", str(DEFAULT_CONFIG), article]),
    ]
    if not args.no_shims:
        if "python" in exe.shims:
            commands.append(("interpreter floor via pyenv shim", [exe.shims["python"], "-c", "pass"]))
        if "seolint" in exe.shims:
            commands += [
                ("CLI floor via pyenv shim", [exe.shims["seolint"], "--version"]),
                ("one article via pyenv shim", [exe.shims["seolint"], "check", article]),
            ]
    timings = []
    for label, command in commands:
        progress(f"{label}: {args.runs} runs of {shlex.join(display_argv(command))}")
        timings.append(measure(label, command, args.runs, args.warmup))
    by_label = {timing.label: timing for timing in timings}
    one = by_label["one article"]
    out += [f"## One article, process start to exit ({args.runs} runs each, median and min)", ""]
    out += startup_table(timings)
    out += [""]
    article_ok = one.median <= TARGET_ARTICLE_S
    out.append(f"Target: one article ≤ {TARGET_ARTICLE_S} s wall: median {one.median:.3f} s, "
               f"{_verdict(article_ok)}.")
    shimmed = by_label.get("one article via pyenv shim")
    if shimmed is not None:
        out.append(f"Through the pyenv shim on PATH (what `seolint` runs in a shell here): median "
                   f"{shimmed.median:.3f} s, {_verdict(shimmed.median <= TARGET_ARTICLE_S)}.")
    if one.returncode not in (0, 1):
        out.append(f"Warning: `{one.command}` exited {one.returncode} (not 0 or 1): it failed "
                   "before checking the article, so its time is not a check's time; see the "
                   "default-config row.")
    out.append("")

    # (b), (c) throughput -------------------------------------------------------------------
    throughput: list[Throughput] = []
    files_ok: bool | None = None
    if args.skip_corpus:
        out += ["## Front-matter rule throughput", "", "Skipped (--skip-corpus).", ""]
    elif not corpus.is_dir():
        out += ["## Front-matter rule throughput", "",
                f"Skipped: no corpus folder at `{corpus}` (use --corpus).", ""]
    else:
        for name, runs in [(MAIN_CORPUS, args.corpus_runs), *((n, args.other_runs) for n in OTHER_CORPORA)]:
            folder = corpus / name
            if not folder.is_dir():
                out.append(f"Skipped `{name}`: no folder at `{folder}`.")
                continue
            progress(f"{name}: {runs} run(s)")
            throughput.append(measure_corpus(name, folder, exe, runs))
        out += ["## Front-matter rule throughput (default rules, `--output-format concise > /dev/null`)", ""]
        if throughput:
            out += throughput_table(throughput, by_label["CLI floor"].median)
            out += ["", "Commands:", ""]
            out += [f"- `{result.timing.command} > /dev/null`" for result in throughput]
            main_result = next((r for r in throughput if r.timing.label == MAIN_CORPUS), None)
            if main_result is not None:
                files_ok = main_result.files_per_s >= TARGET_FILES_PER_S
                out += ["", f"Target: ≥ {TARGET_FILES_PER_S:,.0f} files/s on {MAIN_CORPUS}: "
                        f"{main_result.files_per_s:,.0f} files/s, {_verdict(files_ok)}."]
        out.append("")

    # (2) import check --------------------------------------------------------------------
    if not args.skip_imports:
        out += ["## Import check: no Markdown parse for front-matter rules", ""]
        variants = [
            [*exe.python, "-X", "importtime", "-m", "seolint", "check", article],
            [*exe.python, "-X", "importtime", "-m", "seolint", "check", "--config",
             str(DEFAULT_CONFIG), article],
        ]
        for command in variants:
            progress(f"import check: {shlex.join(display_argv(command))}")
            out += import_table(import_check(command))
            out.append("")

    # hyperfine ---------------------------------------------------------------------------
    if args.hyperfine:
        out += ["## hyperfine", ""]
        out.append(run_hyperfine([command for _, command in commands], args.runs, args.warmup))
        if throughput:
            main_runs = [r.timing.argv for r in throughput if r.timing.label == MAIN_CORPUS]
            others = [r.timing.argv for r in throughput if r.timing.label != MAIN_CORPUS]
            if main_runs:
                out.append(run_hyperfine(main_runs, args.corpus_runs, 1))
            if others:
                out.append(run_hyperfine(others, args.other_runs, 1))

    out += ["## Summary", ""]
    out.append(f"- one article ≤ {TARGET_ARTICLE_S} s: {_verdict(article_ok)} "
               f"({one.median:.3f} s median, exit {one.returncode})")
    if files_ok is not None:
        main_result = next(r for r in throughput if r.timing.label == MAIN_CORPUS)
        out.append(f"- ≥ {TARGET_FILES_PER_S:,.0f} files/s on {MAIN_CORPUS}: {_verdict(files_ok)} "
                   f"({main_result.files_per_s:,.0f} files/s)")
    else:
        out.append(f"- ≥ {TARGET_FILES_PER_S:,.0f} files/s on {MAIN_CORPUS}: not measured")
    print("\n".join(out).rstrip() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
