"""JSON Lines: one ``{"id", "text", "date"?, "title"?, "url"?, "source"?}`` object a line."""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..model import Article
from .base import MAX_CHARS, InputProblem, Options, Problem, field_str
from .records import article_from_record

_SKIP_CHUNK = 1 << 20


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``, streaming; None for a line longer than ``limit`` (its
    rest is read and dropped in chunks, never held whole)."""
    n = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:
                chunk = stream.readline(_SKIP_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, raw


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
                rec = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                raise InputProblem(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None
            except json.JSONDecodeError as exc:
                raise InputProblem(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(rec, dict):
                raise InputProblem(f"not a JSON object but a JSON {type(rec).__name__}")
            text_key = opts.columns.text
            if text_key in rec and not isinstance(rec[text_key], str):
                raise InputProblem(f"{text_key!r} is not a string")
            yield article_from_record(lambda k: field_str(rec, k), where, opts)
        except InputProblem as exc:
            problems.append(Problem(where, str(exc), exc.kind))


def read_jsonl(path: str, max_chars: int = MAX_CHARS, problems: list[Problem] | None = None) -> Iterator[Article]:
    """Records of one JSONL file (kept for callers of the first reader API)."""
    problems = problems if problems is not None else []
    with open(path, "rb") as f:
        yield from read_jsonl_stream(f, path, Options(max_chars=max_chars), problems)
