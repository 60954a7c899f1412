"""A plain-text file (or standard input) is one article."""
from __future__ import annotations

from datetime import date as Date
from typing import BinaryIO, Iterator

from ..model import Article
from .base import MAX_CHARS, InputProblem, Options, check_size, decode


def read_text_stream(stream: BinaryIO, origin: str, name_id: str, opts: Options) -> Iterator[Article]:
    # UTF-8 takes up to 4 bytes a character: read no more than could still be a legal text,
    # so a multi-gigabyte file is refused without being loaded.
    limit = opts.max_chars * 4
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputProblem(f"too large for one article (more than {limit:,} bytes); split it into "
                           "articles (e.g. JSONL) or raise --max-chars")
    text = decode(data, origin)
    check_size(text, opts.max_chars)
    yield Article(id=name_id, text=text, date=opts.date, origin=origin)


def read_text(path: str, date: Date | None, max_chars: int = MAX_CHARS) -> Article:
    """One text file as an article (kept for callers of the first reader API)."""
    from pathlib import Path

    with open(path, "rb") as f:
        return next(read_text_stream(f, path, Path(path).stem, Options(date=date, max_chars=max_chars)))
