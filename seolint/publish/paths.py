"""Where things go: each article's URL, and writing under ``--out`` without ever leaving it.

URL scheme
    ``<base-url>/<folders>/<slug>/``: the article's folders relative to SRC, then its slug,
    all lower case (``fr/guide.md`` with ``slug: reseau-pro`` is ``/fr/reseau-pro/``). Without
    a slug the file name stands in (``index.md``, ``_index.md`` and ``README.md`` stand for
    their folder). A slug that is not one plain URL segment (``../../x``, ``/etc/passwd``,
    ``a/b``) is turned into one by the slug rules' transliteration (``x``, ``etc-passwd``,
    ``a-b``); nothing from the front matter is ever used as a path as written.

Writing
    Every file is written with :func:`seolint.atomic.write_atomic` (a temporary file, then a
    rename), below the real folder of ``--out``. Folders below it are created one at a time
    and never followed when they are symbolic links: publish refuses with a message instead.
    A symbolic link where a file goes is replaced (renamed over), never written through.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from seolint.atomic import write_atomic
from seolint.errors import SeolintError

_INDEX_NAMES = frozenset({"index", "_index", "readme"})
#: One plain URL segment: letters, digits, ``_ . ~ -``, not starting with a dot.
_SEGMENT = re.compile(r"^\w[\w.~-]*$")
_FORBIDDEN_PART = re.compile(r"[\x00-\x1f\x7f/\\]")


class PublishError(SeolintError):
    """Publishing cannot go on (exit 2)."""


def safe_segment(value: str) -> bool:
    return bool(_SEGMENT.match(value)) and not value.endswith(".")


def url_segments(relative: PurePosixPath, slug: str | None, lang: str) -> tuple[str, ...]:
    """The path segments of an article's URL (see the module's documentation)."""
    folders = [part.lower() for part in relative.parent.parts]
    if slug is not None:
        return (*folders, _plain(slug, lang))
    stem = relative.stem
    if stem.lower() in _INDEX_NAMES:
        return tuple(folders)
    return (*folders, _plain(stem, lang))


def _plain(value: str, lang: str) -> str:
    text = value.strip().lower()
    if safe_segment(text):
        return text
    from seolint.language.words import make_slug

    return make_slug(text, lang) or "article"


def url_path(segments: tuple[str, ...]) -> str:
    """``/fr/reseau-pro/``, percent-encoded."""
    if not segments:
        return "/"
    return "/" + "/".join(quote(segment, safe="") for segment in segments) + "/"


class OutputTree:
    """The folder given as ``--out``, and the only place publish writes to."""

    def __init__(self, root: Path, staging: bool = False) -> None:
        self.staging = staging  # a private folder: files are written as they are, not renamed
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PublishError(f"cannot create the output folder {root}: {error.strerror or error}") from None
        self.root = Path(os.path.realpath(root))

    def check(self, files: list[PurePosixPath]) -> None:
        """Refuse the whole plan before anything is written when a folder on the way is a
        link or a file (``write`` checks again as it goes)."""
        folders = sorted({parent for path in files for parent in _parts(path).parents if parent.parts})
        for folder in folders:
            mode = _lstat_mode(self.root.joinpath(*folder.parts))
            if mode is not None and not stat.S_ISDIR(mode):
                self._ensure_folder(self.root.joinpath(*folder.parts))  # raises the right message

    def stage(self) -> OutputTree:
        """A new empty tree beside this one (same file system: its files move by rename),
        to write every output in before ``take`` moves them here."""
        try:
            folder = tempfile.mkdtemp(prefix=f".{self.root.name}.seolint-", dir=self.root.parent)
        except OSError as error:
            raise PublishError(f"cannot stage the output beside {self.root}: {error.strerror or error}") from None
        return OutputTree(Path(folder), staging=True)

    def take(self, staged: OutputTree, files: list[PurePosixPath]) -> None:
        """Move ``files`` from ``staged`` (where every one was written) into place."""
        for relative in files:
            if stat.S_ISDIR(_lstat_mode(self.root.joinpath(*_parts(relative).parts)) or 0):
                raise PublishError(f"cannot write {self.root.joinpath(*relative.parts)}: a folder is in the way")
        for relative in files:
            parts = relative.parts
            folder = self.root
            for part in parts[:-1]:
                folder = folder / part
                self._ensure_folder(folder)
            try:
                os.replace(staged.root.joinpath(*parts), folder / parts[-1])  # a link is replaced, not followed
            except OSError as error:
                raise PublishError(f"cannot write {folder / parts[-1]}: {error.strerror or error}") from None

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def write(self, relative: PurePosixPath, data: bytes) -> None:
        parts = _parts(relative).parts
        folder = self.root
        for part in parts[:-1]:
            folder = folder / part
            self._ensure_folder(folder)
        target = folder / parts[-1]
        mode = _lstat_mode(target)
        if mode is not None and stat.S_ISDIR(mode):
            raise PublishError(f"cannot write {target}: a folder is in the way")
        try:
            if mode is not None and stat.S_ISLNK(mode):
                self._replace_link(target, data)
            elif self.staging:
                target.write_bytes(data)
            else:
                write_atomic(target, data)
        except OSError as error:
            raise PublishError(f"cannot write {target}: {error.strerror or error}") from None

    def _ensure_folder(self, folder: Path) -> None:
        mode = _lstat_mode(folder)
        if mode is None:
            try:
                folder.mkdir()
            except OSError as error:
                raise PublishError(f"cannot create {folder}: {error.strerror or error}") from None
        elif stat.S_ISLNK(mode):
            raise PublishError(
                f"refusing to write through the symbolic link {folder}: publish never follows "
                "links in the output folder; remove it and publish again"
            )
        elif not stat.S_ISDIR(mode):
            raise PublishError(f"cannot create the folder {folder}: a file is in the way")

    @staticmethod
    def _replace_link(target: Path, data: bytes) -> None:
        """Write beside the link, then rename over it: the link itself is replaced."""
        fresh = target.with_name(f".{target.name}.seolint-new")
        if _lstat_mode(fresh) is not None:
            fresh.unlink()
        write_atomic(fresh, data)
        os.replace(fresh, target)


def _parts(relative: PurePosixPath) -> PurePosixPath:
    if not relative.parts or any(not _valid_part(part) for part in relative.parts):
        raise PublishError(f"refusing to write to `{relative}`: not a plain path below --out")
    return relative


def _valid_part(part: str) -> bool:
    return part not in ("", ".", "..") and not _FORBIDDEN_PART.search(part)


#: The longest file name most file systems accept, in bytes (ext4, XFS, APFS, NTFS: 255).
NAME_MAX = 255


def _too_long(part: str) -> bool:
    return len(part.encode("utf-8", "surrogateescape")) > NAME_MAX


def _lstat_mode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None


def check_layout(files: list[PurePosixPath]) -> None:
    """Refuse a plan in which two outputs share a path, or a file stands where a folder goes."""
    seen: set[PurePosixPath] = set()
    for path in files:
        long = next((part for part in path.parts if _too_long(part)), None)
        if long is not None:
            size = len(long.encode("utf-8", "surrogateescape"))
            raise PublishError(
                f"`{long[:40]}…` in `{path}` is {size} bytes long: a file name has at most {NAME_MAX}; "
                "give the article a shorter slug (nothing was written)"
            )
        if path in seen:
            raise PublishError(f"two outputs would be written to `{path}`: give the articles different slugs")
        seen.add(path)
    folders = {parent for path in files for parent in path.parents}
    clashes = sorted(path for path in seen if path in folders)
    if clashes:
        raise PublishError(f"`{clashes[0]}` would be both a file and a folder in the output: change a slug")
