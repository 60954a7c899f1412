"""Shared reader machinery: problems, byte checks, and dispatch by input kind."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article

# spaCy's own default ceiling; a longer text is a corpus, not a news article.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Problem:
    """A record that was skipped: where it was and why."""

    origin: str  # file, file:line or file@offset
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputProblem(Exception):
    """Raised inside a reader for one record; turned into a Problem by the caller."""


def decode(data: bytes, origin: str) -> str:
    """Bytes to text, refusing what is not a UTF-8 text with a reason a person can act on."""
    if not data.strip():
        raise InputProblem("empty input")
    if b"\x00" in data[:8192]:
        raise InputProblem("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputProblem(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                           "convert it, e.g. `iconv -f latin1 -t utf-8`") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputProblem("binary data (control characters), not text")
    return text


def check_size(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputProblem(f"too large for one article ({len(text):,} characters > {max_chars:,}); "
                           "split it into articles (e.g. JSONL) or raise --max-chars")


def parse_date(value: object, origin: str) -> Date | None:
    if value in (None, ""):
        return None
    try:
        return Date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputProblem(f"date {value!r} is not YYYY-MM-DD") from None


def read_text(path: str, date: Date | None, max_chars: int) -> Article:
    origin = "<stdin>" if path == "-" else path
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    text = decode(data, origin)
    check_size(text, max_chars)
    stem = "stdin" if path == "-" else Path(path).stem
    return Article(id=stem, text=text, date=date, origin=origin)


def read_jsonl(path: str, max_chars: int, problems: list[Problem]) -> Iterator[Article]:
    """Records ``{"id", "text", "date"?, "title"?, "url"?, "source"?}``, one per line."""
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            origin = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    raise InputProblem("not valid UTF-8") from None
                except json.JSONDecodeError as exc:
                    raise InputProblem(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
                if not isinstance(rec, dict):
                    raise InputProblem("not a JSON object")
                if rec.get("id") in (None, "") or not isinstance(rec.get("text"), str):
                    raise InputProblem("a record needs an \"id\" and a string \"text\"")
                if not rec["text"].strip():
                    raise InputProblem("empty text")
                check_size(rec["text"], max_chars)
                yield Article(id=str(rec["id"]), text=rec["text"], date=parse_date(rec.get("date"), origin),
                              title=rec.get("title"), url=rec.get("url"), source=rec.get("source"),
                              origin=origin)
            except InputProblem as exc:
                problems.append(Problem(origin, str(exc)))


def read_inputs(inputs: Iterable[str], date: Date | None = None, problems: list[Problem] | None = None,
                max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """Articles from text files, ``-`` (standard input) and ``.jsonl`` files, in order."""
    problems = problems if problems is not None else []
    for path in inputs:
        try:
            if path != "-" and not Path(path).is_file():
                raise InputProblem("no such file" if not Path(path).exists() else "not a file")
            if path.endswith(".jsonl"):
                yield from read_jsonl(path, max_chars, problems)
            else:
                yield read_text(path, date, max_chars)
        except InputProblem as exc:
            problems.append(Problem("<stdin>" if path == "-" else path, str(exc)))
        except OSError as exc:
            problems.append(Problem(path, exc.strerror or str(exc)))
