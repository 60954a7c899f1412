"""WARC and ARC web archives (warcio): HTML responses become Articles, record by record."""
from __future__ import annotations

from typing import BinaryIO, Iterator

from ..model import Article
from .base import InputProblem, Options, Problem, ReadStats, parse_date
from .detect import sniff
from .html import extract_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()


def read_warc_stream(stream: BinaryIO, origin: str, opts: Options, problems: list[Problem],
                     stats: ReadStats) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    it = ArchiveIterator(stream, arc2warc=True)
    offset: int | None = None
    try:
        for record in it:
            offset = it.get_record_offset()
            where = f"{origin}@{offset}"
            if record.rec_type not in ("response", "resource"):
                stats.passed_over += 1  # requests, metadata, revisits: not pages
                continue
            if record.http_headers is not None and record.http_headers.get_statuscode() != "200":
                stats.passed_over += 1  # redirects and errors carry no article
                continue
            ctype = _content_type(record)
            try:
                data = record.content_stream().read(opts.max_markup_bytes + 1)
            except Exception as exc:  # bad chunking or content-encoding in this one record
                problems.append(Problem(where, f"unreadable HTTP payload ({type(exc).__name__}: {exc})"))
                continue
            if ctype not in _HTML_TYPES and not (not ctype and sniff(data[:4096]) == "html"):
                stats.passed_over += 1  # images, scripts, PDFs, JSON
                continue
            try:
                uri = record.rec_headers.get_header("WARC-Target-URI") or None
                try:
                    crawled = parse_date(record.rec_headers.get_header("WARC-Date"), where)
                except InputProblem:
                    crawled = None
                # The crawl date stands in last: news crawls fetch a story within a day or so.
                yield extract_html(data, where, opts, url=uri, fallback_date=crawled)
            except InputProblem as exc:
                problems.append(Problem(where, str(exc), exc.kind))
    except ArchiveLoadFailed as exc:
        reason = " ".join(str(exc).split())
        where = "at the start" if offset is None else f"after the record at offset {offset}"
        raise InputProblem(f"malformed WARC {where}; rest of the file skipped ({reason})") from None
