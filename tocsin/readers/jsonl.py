"""JSON Lines: one ``{"id", "text", "date"?, "title"?, "url"?, "source"?}`` object a line."""
from __future__ import annotations

import json
import re
from typing import BinaryIO, Iterator

from ..model import Article
from .base import MAX_CHARS, InputProblem, Options, Problem, field_str
from .records import article_from_record

_SKIP_CHUNK = 1 << 20


_BLANK = re.compile(rb"[ \t\r\n]+")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``, streaming; None for a line longer than ``limit`` (its rest is
    read and dropped in chunks, never held whole). Runs of blank lines are skipped a block at a
    time: a gzip of a gigabyte of newlines is a megabyte, and line by line it took minutes."""
    n = 0
    buf, pos, eof = b"", 0, False
    # read1: what is there, one underlying read at a time, so that the lines before a damaged
    # stretch of a gzip are yielded before its error ends the file.
    read = getattr(stream, "read1", stream.read)

    def more() -> bool:
        nonlocal buf, pos, eof
        chunk = read(_SKIP_CHUNK)
        if not chunk:
            eof = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    while True:
        m = _BLANK.match(buf, pos)
        if m is not None:
            n += buf.count(b"\n", pos, m.end())
            pos = m.end()
        if pos >= len(buf):
            if eof or not more():
                return
            continue
        nl = buf.find(b"\n", pos)
        if nl < 0:
            if len(buf) - pos > limit:  # an overlong line: drop it up to its end
                n += 1
                buf, pos = b"", 0
                while True:
                    chunk = read(_SKIP_CHUNK)
                    if not chunk:
                        eof = True
                        break
                    j = chunk.find(b"\n")
                    if j >= 0:
                        buf = chunk[j + 1:]
                        break
                yield n, None
                continue
            if eof or not more():
                n += 1
                yield n, buf[pos:]  # the last line, without its newline
                return
            continue
        n += 1
        line = buf[pos:nl + 1]
        pos = nl + 1
        yield n, (None if len(line) > limit else line)


def read_jsonl_stream(stream: BinaryIO, origin: str, opts: Options,
                      problems: list[Problem]) -> Iterator[Article]:
    # A JSON string escapes a character in at most 12 bytes (a \\uXXXX surrogate pair).
    limit = opts.max_chars * 12 + 65536
    for n, raw in _lines(stream, limit):
        where = f"{origin}:{n}"
        try:
            if raw is None:
                raise InputProblem(f"line longer than {limit:,} bytes; too large for one article")
            if not raw.strip():
                continue
            try:
                # utf-8-sig on every line: files joined with `cat` carry a BOM mid-file.
                rec = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as exc:
                raise InputProblem(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None
            except json.JSONDecodeError as exc:
                raise InputProblem(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:
                raise InputProblem("JSON nested too deeply to read") from None
            except ValueError as exc:  # e.g. an integer of more than 4,300 digits
                raise InputProblem(f"unreadable JSON value ({exc})") from None
            if not isinstance(rec, dict):
                raise InputProblem(f"not a JSON object but a JSON {type(rec).__name__}")
            text_key = opts.columns.text
            if text_key in rec and not isinstance(rec[text_key], str):
                raise InputProblem(f"{text_key!r} is not a string")
            yield article_from_record(lambda k: field_str(rec, k), where, opts)
        except InputProblem as exc:
            problems.append(Problem(where, str(exc), exc.kind))
        except Exception as exc:  # whatever one record does, the lines after it are still read
            problems.append(Problem(where, f"unreadable record ({type(exc).__name__}: {exc})"))


def read_jsonl(path: str, max_chars: int = MAX_CHARS, problems: list[Problem] | None = None) -> Iterator[Article]:
    """Records of one JSONL file (kept for callers of the first reader API)."""
    problems = problems if problems is not None else []
    with open(path, "rb") as f:
        yield from read_jsonl_stream(f, path, Options(max_chars=max_chars), problems)
