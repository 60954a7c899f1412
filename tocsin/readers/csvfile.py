"""CSV and TSV corpora: a header row, one article a row, columns mapped by ``Columns``."""
from __future__ import annotations

import csv
import io
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
    try:
        reader = csv.reader(text, delimiter=delim)
        while True:
            start = reader.line_num + 2  # 1-based, after the header line read above
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # The parser starts afresh on the next line; the record is lost either way.
                problems.append(Problem(f"{origin}:{start}", f"malformed CSV ({exc})"))
                continue
            where = f"{origin}:{start}"
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
    finally:
        text.detach()
