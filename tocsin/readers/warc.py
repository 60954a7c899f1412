"""WARC and ARC web archives (warcio): HTML responses become Articles, record by record."""
from __future__ import annotations

import logging
from typing import BinaryIO, Iterator

from ..model import Article
from warcio.limitreader import LimitReader

from .base import InputProblem, Options, Problem, ReadStats, parse_date
from .detect import sniff
from .html import extract_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")

# warcio warns through logging about quirks it repairs (spaces in URIs); without a
# handler Python would print those on stderr, in the middle of a run's output.
logging.getLogger("warcio").addHandler(logging.NullHandler())


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()


def _missing_bytes(record) -> int:
    # warcio stops quietly at the end of the file; a record's length reader that still
    # expects bytes after the record was read to its end shows the file was cut short.
    raw = record.raw_stream
    return raw.limit if isinstance(raw, LimitReader) and raw.limit > 0 else 0


def _check_tail(stream: BinaryIO, it, origin: str, problems: list[Problem]) -> None:
    # warcio ends quietly when the file stops inside a record's header: whatever follows the
    # last whole record is a record cut short, and says so.
    end = getattr(it, "offset", None)
    try:
        if end is None or not stream.seekable():
            return
        stream.seek(end)
        rest = stream.read(1 << 16)
    except (OSError, ValueError):
        return
    if rest.strip(b"\r\n\t \x00"):
        problems.append(Problem(f"{origin}@{end}", f"truncated record: the file ends inside a record header "
                                                   f"({len(rest):,} bytes after the last whole record)"))


def read_warc_stream(stream: BinaryIO, origin: str, opts: Options, problems: list[Problem],
                     stats: ReadStats, arc: bool = False) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio falls back to reading a damaged WARC as ARC lines; keeping ARC conversion to
    # ARC files lets such records show up as what they are.
    it = ArchiveIterator(stream, arc2warc=arc)
    offset: int | None = None
    try:
        for record in it:
            if not arc and record.format != "warc":
                raise ArchiveLoadFailed("not a WARC record")
            ctype = _content_type(record)
            wanted = (record.rec_type in ("response", "resource")  # not requests, metadata, revisits
                      and (record.http_headers is None or record.http_headers.get_statuscode() == "200")
                      and (not ctype or ctype in _HTML_TYPES))  # not images, scripts, PDFs
            data, failure = b"", None
            if wanted:
                try:
                    data = record.content_stream().read(opts.max_markup_bytes + 1)
                except Exception as exc:  # bad chunking or content-encoding in this one record
                    failure = f"unreadable HTTP payload ({type(exc).__name__}: {exc})"
            # get_record_offset() reads the record to its end, so only after the payload.
            offset = it.get_record_offset()
            where = f"{origin}@{offset}"
            if not record.rec_type:
                problems.append(Problem(where, "WARC record without a WARC-Type (a damaged file?)"))
                continue
            missing = _missing_bytes(record)
            if missing:
                problems.append(Problem(where, f"truncated record: the file ends {missing:,} bytes early"))
                continue
            if failure:
                problems.append(Problem(where, failure))
                continue
            if not wanted or (not ctype and sniff(data[:4096]) != "html"):
                stats.passed_over += 1
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
            except Exception as exc:  # one odd record must not cost the rest of the archive
                problems.append(Problem(where, f"unreadable record ({type(exc).__name__}: {exc})"))
        _check_tail(stream, it, origin, problems)
    except ArchiveLoadFailed as exc:
        reason = " ".join(str(exc).split())
        where = "at the start" if offset is None else f"after the record at offset {offset}"
        raise InputProblem(f"malformed WARC {where}; rest of the file skipped ({reason})") from None
