"""Workers end with their parent, whatever ends it (issue #16, item 7): a `--jobs 2` run
killed with SIGKILL or ended with SIGTERM or SIGINT leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = "---\ntitle: Post {number}\ndescription: Short.\n---\n\n" + "Some text about a subject. " * 200 + "\n"


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stream:
                    fields = stream.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_workers_end_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    for number in range(1500):
        (tmp_path / f"post-{number:04}.md").write_text(ARTICLE.format(number=number), encoding="utf-8")
    command = [sys.executable, "-m", "seolint", "check", ".", "--jobs", "2", "--no-cache", "-q"]
    log = tmp_path / "stderr.txt"  # not a pipe: a worker left behind would hold it open
    with log.open("wb") as stream:
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=stream)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the run was meant to start two workers"
    time.sleep(0.3)
    process.send_signal(sig)
    try:
        process.wait(timeout=30)
    finally:
        process.kill()
    err = log.read_text(encoding="utf-8", errors="replace")
    assert process.returncode != 0 and "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers left behind after {sig.name}"
