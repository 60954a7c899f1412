"""Output files written whole or not at all, with the permissions any new file gets here (the umask's)."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


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


@contextmanager
def atomic(path: Path, mode: str = "w") -> Iterator[IO]:
    """A file at ``path`` that appears only once fully written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as f:
            yield f
        publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
