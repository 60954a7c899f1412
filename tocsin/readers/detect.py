"""Which inputs there are (files, folders, globs, stdin) and what format each is in."""
from __future__ import annotations

import fnmatch
import glob
import gzip
import io
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Literal

from .base import InputProblem, Problem

Format = Literal["text", "html", "feed", "warc", "jsonl", "csv", "tsv"]
FORMATS: tuple[str, ...] = ("text", "html", "feed", "warc", "jsonl", "csv", "tsv")

HEAD_BYTES = 4096
_JSON_ARRAY = re.compile(rb"^\s*\[\s*\{")
GZIP_MAGIC = b"\x1f\x8b"

_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
}

# Files a folder walk meets that are plainly not articles: say what they are.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); unpack it first"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 file; decompress it first (gzip is read directly)"),
    (b"\xfd7zXZ", "an xz file; decompress it first (gzip is read directly)"),
    (b"\x28\xb5\x2f\xfd", "a zstd file; decompress it first (gzip is read directly)"),
    (b"SQLite format 3", "an SQLite database"),
)


@dataclass(frozen=True)
class Source:
    """One input file (or stdin) and the id a single-article file gets from its name."""

    path: str  # "-" for standard input
    name_id: str  # file stem, or the path below the folder/glob root for walked files

    @property
    def origin(self) -> str:
        return "<stdin>" if self.path == "-" else self.path


def _strip_suffixes(rel: str) -> str:
    p = Path(rel)
    while p.suffix.lower() in _BY_SUFFIX or p.suffix.lower() == ".gz":
        p = p.with_suffix("")
    return p.as_posix()


def expand(inputs: Iterable[str], problems: list[Problem]) -> Iterator[Source]:
    """Files, ``-``, folders (walked recursively in sorted order) and glob patterns.

    Inputs that match nothing are reported to ``problems`` and skipped. A folder or a glob
    visits each real file once and stays inside its folder: links to folders are not
    followed (they can loop), and a link to a file outside the folder is reported, not read
    (name that file itself to read it).
    """
    seen: set[tuple[int, int]] = set()
    for raw in inputs:
        path = str(raw)
        if path == "-":
            yield Source("-", "stdin")
            continue
        p = Path(path)
        if p.is_file():
            if _first_visit(p, seen, problems):
                yield Source(path, _strip_suffixes(p.name))
        elif p.is_dir():
            yield from _walk(p, problems, seen=seen)
        elif glob.has_magic(path):
            root = _glob_root(path)
            parts = Path(path).parts[len(Path(root).parts) if root != "." else 0:]
            found = False
            if Path(root).is_dir():
                for src in _walk(Path(root), problems, seen=seen,
                                 keep=lambda rel: _glob_match(parts, rel.split("/"))):
                    found = True
                    yield Source(src.path, _strip_suffixes(os.path.relpath(src.path, root)))
            if not found:
                problems.append(Problem(path, "no files match this pattern"))
        elif p.exists():
            problems.append(Problem(path, "not a file or folder"))
        else:
            problems.append(Problem(path, "no such file or folder"))


def _glob_match(pattern, parts: list[str]) -> bool:
    """Shell-style match of a relative path, part by part; ``**`` stands for any number of parts."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_glob_match(rest, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _glob_match(rest, parts[1:])


def _first_visit(p: Path, seen: set[tuple[int, int]], problems: list[Problem]) -> bool:
    try:
        st = p.stat()
    except OSError:
        return True  # the reader says what is wrong with it
    key = (st.st_dev, st.st_ino)
    if key in seen:
        problems.append(Problem(str(p), "the same file as one already read in this run", "duplicate"))
        return False
    seen.add(key)
    return True


def _glob_root(pattern: str) -> str:
    # Ids of globbed files are their paths below the pattern's fixed part ("news/2022/*.txt"
    # gives "a", "b"), as for a folder walk.
    fixed: list[str] = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def _walk(root: Path, problems: list[Problem], top: Path | None = None, *,
          seen: set[tuple[int, int]] | None = None, keep=None) -> Iterator[Source]:
    # Files and folders together in name order, so a run (and which of two duplicates is
    # kept) is reproducible; hidden entries (.git, .DS_Store, editor swap files) are not
    # articles. Links to folders are not followed (they can loop); links to files are read
    # when they point inside the folder, once per real file.
    top = top or root
    seen = seen if seen is not None else set()
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(str(root), f"cannot list folder ({exc.strerror or exc})"))
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        try:
            if e.is_dir(follow_symlinks=False):
                yield from _walk(Path(e.path), problems, top, seen=seen, keep=keep)
                continue
            if not e.is_file():
                continue  # sockets, fifos, devices, links to folders or to nothing
            link = e.is_symlink()
        except OSError:
            continue
        rel = Path(e.path).relative_to(top).as_posix()
        if keep is not None and not keep(rel):
            continue
        if link:
            real_top, target = os.path.realpath(top), os.path.realpath(e.path)
            if os.path.commonpath([real_top, target]) != real_top:
                problems.append(Problem(e.path, f"a link to {target}, outside the folder: not followed "
                                                "(name the file itself to read it)"))
            elif not any(part.startswith(".") for part in Path(os.path.relpath(target, real_top)).parts):
                # The walk reaches the file itself, under its own name.
                problems.append(Problem(e.path, f"a link to {target}, read under its own name", "duplicate"))
            else:
                if _first_visit(Path(e.path), seen, problems):
                    yield Source(e.path, _strip_suffixes(rel))
            continue
        if _first_visit(Path(e.path), seen, problems):
            yield Source(e.path, _strip_suffixes(rel))


def suffix_format(name: str) -> tuple[Format | None, bool]:
    """Format implied by the file name, and whether it is gzip-wrapped (``.jsonl.gz``)."""
    p = Path(name.lower())
    gz = p.suffix == ".gz"
    if gz:
        p = p.with_suffix("")
    return _BY_SUFFIX.get(p.suffix), gz


def sniff(head: bytes) -> Format | None:
    """Format from the first bytes of the (decompressed) content, or None if it looks like prose."""
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if h.startswith(b"WARC/") or h.startswith(b"filedesc://"):
        return "warc"
    low = h[:HEAD_BYTES].lower()
    if low.startswith(b"<"):
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        if b"<html" in low or low.startswith(b"<!doctype html") or b"<body" in low or b"<head" in low:
            return "html"
    if h.startswith(b"{"):
        first = h.split(b"\n", 1)[0].rstrip()
        if first.endswith(b"}") or b'"text"' in first or b'"id"' in first:
            return "jsonl"
    return None


def binary_kind(head: bytes) -> str | None:
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return what
    return None


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (b"" if it is broken)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


class _Prefixed(io.RawIOBase):
    """A non-seekable stream (stdin) with its already-read head put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)


@dataclass
class Opened:
    """An input, opened: its format and a binary stream of its (decompressed) bytes."""

    fmt: Format
    stream: BinaryIO  # the raw stream for WARC (warcio reads gzip members itself)
    closers: list
    arc: bool = False  # an ARC (not WARC) archive


def open_source(src: Source, force: Format | None = None) -> Opened:
    """Open an input and decide its format: by name first, by content where the name says nothing."""
    if src.path == "-":
        raw: BinaryIO = sys.stdin.buffer
        head = raw.read(HEAD_BYTES)
        raw = io.BufferedReader(_Prefixed(head, raw), buffer_size=1 << 16)  # type: ignore[arg-type]
        closers: list = []
        name_fmt, name_gz = None, False
    else:
        raw = open(src.path, "rb")
        closers = [raw]
        head = raw.read(HEAD_BYTES)
        raw.seek(0)
        name_fmt, name_gz = suffix_format(src.path)
    try:
        is_gz = head.startswith(GZIP_MAGIC)
        if name_gz and not is_gz:
            raise InputProblem("named .gz but not gzip data")
        inner = gunzip_head(head) if is_gz else head
        if is_gz and not inner:
            raise InputProblem("corrupt gzip data (cannot decompress its first block)")
        if not inner.strip():
            raise InputProblem("empty input")
        what = binary_kind(inner)
        if what:
            raise InputProblem(f"{what}, not an article format")
        if inner.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputProblem("UTF-16 text; convert it to UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)")
        if force is None and name_fmt is None and _JSON_ARRAY.match(inner):
            raise InputProblem("a JSON array; write one JSON object per line (JSON Lines), "
                               "e.g. `jq -c '.[]' FILE > FILE.jsonl`")
        fmt: Format | None = force or name_fmt
        content = sniff(inner)
        if fmt is None:
            fmt = content or "text"
        if fmt == "warc":
            return Opened("warc", raw, closers, arc=inner.lstrip().startswith(b"filedesc://"))
        if b"\x00" in inner:  # archives carry binary payloads; every other format is text
            raise InputProblem("binary data (NUL bytes), not text")
        stream: BinaryIO = raw
        if is_gz:
            stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
            closers.insert(0, stream)
        return Opened(fmt, stream, closers)
    except BaseException:
        for c in closers:
            c.close()
        raise
