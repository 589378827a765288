"""Only regular files are read, and never more than ``max-file-size`` (issue #16, item 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seolint.source.reading import NotARegularFile, TooLarge, read_article

ARTICLE = "---\ntitle: A title\ndescription: Short.\n---\n\nSome text.\n"


def test_a_fifo_named_like_an_article_is_a_finding_not_a_hang(write: Any, isolated: Path) -> None:
    write("ok.md", ARTICLE)
    os.mkfifo(isolated / "pipe.md")  # no writer: a plain open() would block forever
    command = [sys.executable, "-m", "seolint", "check", ".", "--select", "RUN,T001", "--no-cache",
               "--output-format", "concise"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert "pipe.md:1:1: RUN001 [error] Cannot read this path: it is a named pipe (FIFO), not a regular file" \
        in result.stdout
    assert result.returncode == 1


def test_a_link_to_dev_zero_is_a_finding_not_a_memory_error(seolint: Any, isolated: Path) -> None:
    (isolated / "zero.md").symlink_to("/dev/zero")
    result = seolint("check", "zero.md", "--no-cache", "--output-format", "concise")
    assert "zero.md:1:1: RUN001 [error] Cannot read this path: it is a device, not a regular file" in result.out
    assert result.code == 1


def test_a_file_over_the_limit_gets_one_finding(seolint: Any, write: Any, isolated: Path) -> None:
    write("big.md", ARTICLE + "word " * 400)
    write("small.md", ARTICLE)
    result = seolint("check", ".", "--no-cache", "--max-file-size", "1KB", "--output-format", "concise")
    big = [line for line in result.out.splitlines() if line.startswith("big.md")]
    assert big == ["big.md:1:1: RUN003 [error] This file is 2,055 bytes, over the limit of 1,024 "
                   "(max-file-size): not checked"]
    assert result.code == 1
    assert "small.md" in result.out


def test_the_limit_is_a_config_key(seolint: Any, write: Any, isolated: Path) -> None:
    write("seolint.toml", 'max-file-size = 100\n')
    write("a.md", ARTICLE + "word " * 40)
    assert "RUN003" in seolint("check", "a.md", "--no-cache").out
    write("seolint.toml", 'max-file-size = "10 MB"\n')
    assert "RUN003" not in seolint("check", "a.md", "--no-cache").out
    write("seolint.toml", 'max-file-size = "lots"\n')
    wrong = seolint("check", "a.md", "--no-cache")
    assert wrong.code == 2 and "`lots` is not a size" in wrong.err


def test_the_fix_command_does_not_read_special_files(seolint: Any, isolated: Path) -> None:
    os.mkfifo(isolated / "pipe.md")
    result = seolint("fix", "pipe.md", "--output-format", "concise")
    assert "RUN001" in result.out and result.code == 1


def test_read_article(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 10)
    assert read_article(path, 10) == b"x" * 10
    with pytest.raises(TooLarge):
        read_article(path, 9)
    with pytest.raises(NotARegularFile):
        read_article("/dev/null")
    with pytest.raises(IsADirectoryError):
        read_article(tmp_path)
