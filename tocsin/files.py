"""Output files that appear only once complete, and never replace what is not a file.

Every file tocsin writes (``code -o``, ``places -o``, ``events -o``, exports) goes through
``AtomicFile``: the data goes to a temporary file beside the target, renamed over it when
complete, and removed if the run fails or is interrupted (SIGINT and SIGTERM end a run with an
exception, so the removal runs). A target that exists and is not a regular file (``/dev/stdout``,
a named pipe, a device) is written in place: renaming over it would replace the device itself.
A finished file gets the usual permissions (0666 less the umask, or the replaced file's own),
not the temporary's 0600.
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


class OutputError(OSError):
    """The output cannot be written where asked (a folder, a missing folder, no permission)."""


def umask_mode() -> int:
    """0666 minus the umask: what ``open(path, "w")`` would give a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def publish(tmp: str, path: Path | str) -> None:
    """Move a finished temporary file over ``path``. mkstemp makes files private (0600); an export
    is an ordinary file, so it gets the umask's permissions."""
    os.chmod(tmp, umask_mode())
    os.replace(tmp, path)


def check_target(path: Path) -> None:
    """Refuse, before any work, an output that can never be written."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; name a file")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"cannot write {path}: folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: {parent} is not a folder")


class AtomicFile:
    def __init__(self, path: Path, mode: str = "w") -> None:
        self.path = Path(path)
        check_target(self.path)
        self._tmp: str | None = None
        kw = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        try:
            st = os.stat(self.path)
        except OSError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            self.file: IO = open(self.path, mode, **kw)  # a device or a pipe: write through
            self._mode = None
            return
        self._mode = stat.S_IMODE(st.st_mode) if st is not None else umask_mode()
        parent = self.path.parent if str(self.path.parent) else Path(".")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=parent)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self.file = os.fdopen(fd, mode, **kw)

    def commit(self) -> None:
        try:
            self.file.close()
            if self._tmp is not None:
                os.chmod(self._tmp, self._mode)
                os.replace(self._tmp, self.path)
                self._tmp = None
        except OSError as exc:
            self.discard()
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def discard(self) -> None:
        """Leave whatever was at ``path`` before untouched."""
        try:
            if not self.file.closed:
                self.file.close()
        except OSError:
            pass
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except FileNotFoundError:
                pass
            self._tmp = None


@contextmanager
def atomic(path: Path, mode: str = "w") -> Iterator[IO]:
    """A file at ``path`` that appears only once fully written."""
    out = AtomicFile(path, mode)
    try:
        yield out.file
    except BaseException:
        out.discard()
        raise
    out.commit()
