"""CSV and TSV corpora: a header row, one article a row, columns mapped by ``Columns``."""
from __future__ import annotations

import csv
import io
from collections import deque
from typing import BinaryIO, Iterator

from ..model import Article
from .base import InputProblem, Options, Problem
from .records import article_from_record

_DELIMITERS = ",;\t|"


def _delimiter(header: str, default: str) -> str:
    # Spreadsheet exports in much of Europe use ';'; the header line says which one it is
    # more reliably than csv.Sniffer does on long quoted article texts.
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > 0 else default


class _Lines:
    """The lines the csv parser reads, counted, with the ones of the last record kept (and
    lines can be put back, to be read again as rows of their own)."""

    def __init__(self, f) -> None:
        self.f = f
        self.back: deque[str] = deque()
        self.taken: list[str] = []
        self.number = 1  # lines consumed, the header included

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = self.back.popleft() if self.back else next(self.f)
        self.taken.append(line)
        self.number += 1
        return line

    def take(self) -> list[str]:
        out, self.taken = self.taken, []
        return out

    def push_back(self, lines: list[str]) -> None:
        self.back.extendleft(reversed(lines))
        self.number -= len(lines)


def _swallowed(lines: list[str], delim: str, width: int) -> bool:
    """Whether the lines after the first of a record look like rows of their own: what a quote
    that opens a field and is never closed does to the rows below it."""
    rest = [x for x in lines[1:] if x.strip()]
    if len(rest) < 2:
        return False
    rows = sum(1 for x in rest if '"' not in x and len(next(csv.reader([x], delimiter=delim), [])) == width)
    return rows >= 0.8 * len(rest)


def read_csv_stream(stream: BinaryIO, origin: str, opts: Options, problems: list[Problem],
                    tab: bool = False) -> Iterator[Article]:
    # surrogateescape: one undecodable byte costs its record, not the rest of the file.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    header_line = text.readline()
    if not header_line.strip():
        raise InputProblem("empty CSV (no header row)")
    delim = "\t" if tab else _delimiter(header_line, ",")
    header = next(csv.reader([header_line], delimiter=delim))
    names = {h.strip().lower(): i for i, h in enumerate(header)}
    cols = opts.columns
    if cols.text.lower() not in names:
        shown = ", ".join(repr(h) for h in header[:20])
        raise InputProblem(f"no text column {cols.text!r} in the header ({shown}); "
                           "name the column that holds the article text (--text-col)")
    wanted = {c: names.get(c.lower()) for c in
              (cols.id, cols.text, cols.date, cols.title, cols.url, cols.source, cols.author)}

    # Long articles exceed the csv module's 128 KiB field default; allow one article's worth
    # (escaped bytes count as characters here), but no more, so a stray quote cannot
    # swallow a whole corpus into one field. Only ever raised, as other readers share it.
    need = opts.max_chars * 4 + 1024
    if csv.field_size_limit() < need:
        csv.field_size_limit(need)
    lines = _Lines(text)
    try:
        reader = csv.reader(lines, delimiter=delim)
        while True:
            start = lines.number + 1  # 1-based: the header is line 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                taken = lines.take()
                if _swallowed(taken, delim, len(header)):
                    problems.append(Problem(f"{origin}:{start}", f"a stray quote opens a field that runs over "
                                                                 f"{len(taken) - 1} lines that read as rows; this "
                                                                 "row skipped, the lines after it read as rows"))
                    lines.push_back(taken[1:])
                    reader = csv.reader(lines, delimiter=delim)
                    continue
                # The parser starts afresh on the next line; the record is lost either way.
                problems.append(Problem(f"{origin}:{start}", f"malformed CSV ({exc})"))
                reader = csv.reader(lines, delimiter=delim)
                continue
            taken = lines.take()
            where = f"{origin}:{start}"
            if len(taken) > 2 and _swallowed(taken, delim, len(header)):
                # A quote opened a field and nothing closed it: the rows below were read as its text.
                problems.append(Problem(where, f"a stray quote opens a field that runs over {len(taken) - 1} "
                                               "lines that read as rows; this row skipped, the lines after it "
                                               "read as rows"))
                lines.push_back(taken[1:])
                reader = csv.reader(lines, delimiter=delim)
                continue
            if not row or all(not c.strip() for c in row):
                continue
            try:
                if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                    raise InputProblem(f"{len(row)} fields but the header has {len(header)} "
                                       "(an unquoted delimiter or a stray quote?)")

                def get(col: str, row: list[str] = row) -> str | None:
                    i = wanted.get(col)
                    if i is None or i >= len(row):
                        return None
                    return row[i].strip()

                yield article_from_record(get, where, opts)
            except InputProblem as exc:
                problems.append(Problem(where, str(exc), exc.kind))
            except Exception as exc:  # one odd row must not cost the rest of the file
                problems.append(Problem(where, f"unreadable row ({type(exc).__name__}: {exc})"))
    finally:
        text.detach()
