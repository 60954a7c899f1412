"""Shared reader machinery: problems, options, byte checks and dates.

Every format reader takes a binary stream and yields ``Article`` records; a bad record
becomes a ``Problem`` (where, why, what kind) and the reader goes on.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from email.utils import parsedate_to_datetime
from typing import Literal

# spaCy's own default ceiling; a longer text is a corpus, not a news article.
MAX_CHARS = 1_000_000
# Raw markup is several times longer than the text it carries; past this a "page" is a dump.
MAX_MARKUP_BYTES = 20_000_000

ProblemKind = Literal["error", "language", "duplicate"]


@dataclass(frozen=True)
class Problem:
    """A record that was skipped: where it was, why, and whether that was an error.

    ``kind`` separates broken input ("error") from records skipped on purpose
    ("language": not a language we code; "duplicate": already read in this run), so a
    caller can fail a run on errors without failing it on a German article.
    """

    origin: str  # file, file:line, file@offset (WARC) or file#item (feeds)
    reason: str
    kind: ProblemKind = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputProblem(Exception):
    """Raised inside a reader for one record; turned into a Problem by the caller."""

    def __init__(self, reason: str, kind: ProblemKind = "error") -> None:
        super().__init__(reason)
        self.kind: ProblemKind = kind


def count_kinds(problems: list[Problem]) -> Counter[str]:
    """How many records were skipped for each kind of reason."""
    return Counter(p.kind for p in problems)


@dataclass(frozen=True)
class Columns:
    """Which field of a CSV row or JSON record holds what (names match case-insensitively in CSV)."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    source: str = "source"
    author: str = "author"


@dataclass(frozen=True)
class Options:
    """What every reader needs to know about the run."""

    date: Date | None = None  # publication date for records that carry none
    max_chars: int = MAX_CHARS
    max_markup_bytes: int = MAX_MARKUP_BYTES
    columns: Columns = field(default_factory=Columns)


@dataclass
class ReadStats:
    """Counts a caller can report at the end of a run (problems are counted by ``count_kinds``)."""

    articles: int = 0
    by_format: Counter[str] = field(default_factory=Counter)
    # Records that are not articles and not faults either (WARC requests, images, redirects).
    passed_over: int = 0


_NUL_CHECK = 8192


def decode(data: bytes, origin: str = "") -> str:
    """Bytes to text, refusing what is not a UTF-8 text with a reason a person can act on."""
    if not data.strip():
        raise InputProblem("empty input")
    if b"\x00" in data[:_NUL_CHECK]:
        raise InputProblem("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputProblem(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                           "convert it, e.g. `iconv -f latin1 -t utf-8`") from None
    controls = sum(1 for ch in text[:_NUL_CHECK] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), _NUL_CHECK):
        raise InputProblem("binary data (control characters), not text")
    return text


def check_size(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputProblem(f"too large for one article ({len(text):,} characters > {max_chars:,}); "
                           "split it into articles (e.g. JSONL) or raise --max-chars")


def check_text(text: object, max_chars: int) -> str:
    """The checks every record's text goes through, whatever the format."""
    if not isinstance(text, str):
        raise InputProblem("text is not a string")
    if not text.strip():
        raise InputProblem("empty text")
    if has_surrogates(text):
        raise InputProblem("not valid UTF-8 (undecodable bytes in the text)")
    check_size(text, max_chars)
    return text


def has_surrogates(text: str) -> bool:
    # Streams are opened with errors="surrogateescape" so that one bad byte costs one
    # record, not the file; the escaped bytes show up here as lone surrogates.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?$")  # GDELT-style 20220321 / 20220321103000


def parse_date(value: object, origin: str = "") -> Date | None:
    """A publication date from ISO (date or datetime), RFC 2822 (feeds, mail) or YYYYMMDD.

    The date is taken as written, not converted to UTC: a story published late evening in
    Kyiv belongs to that day in Kyiv.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    s = str(value).strip()
    try:
        return Date.fromisoformat(s[:10].replace("/", "-"))
    except ValueError:
        pass
    m = _COMPACT.match(s)
    if m:
        try:
            return Date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputProblem(f"date {value!r} is not YYYY-MM-DD (nor an RFC 2822 date)")


def field_str(rec: dict, key: str) -> str | None:
    """A field as a stripped string ("" when present but blank), None when absent."""
    v = rec.get(key)
    if v is None:
        return None
    if isinstance(v, (dict, list)):
        v = json.dumps(v, ensure_ascii=False)
    return str(v).strip()


__all__ = ["MAX_CHARS", "Columns", "InputProblem", "Options", "Problem", "ReadStats", "check_size",
           "check_text", "count_kinds", "decode", "field_str", "parse_date"]
