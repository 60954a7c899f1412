"""``read_inputs``: every input, whatever its format, as one stream of Articles."""
from __future__ import annotations

import gzip
import hashlib
import zlib
from datetime import date as Date
from typing import Collection, Iterable, Iterator

import numpy as np

from ..model import Article
from .base import MAX_CHARS, Columns, InputProblem, Options, Problem, ReadStats
from .csvfile import read_csv_stream
from .detect import FORMATS, Format, Source, expand, open_source
from .feeds import read_feed_stream
from .html import read_html_stream
from .jsonl import read_jsonl_stream
from .language import identify, wanted_label
from .text import read_text_stream
from .warc import read_warc_stream


def _read_one(src: Source, fmt: Format | None, opts: Options, problems: list[Problem],
              stats: ReadStats) -> Iterator[tuple[str, Article]]:
    opened = open_source(src, fmt)
    try:
        stream, origin = opened.stream, src.origin
        if opened.fmt == "jsonl":
            articles = read_jsonl_stream(stream, origin, opts, problems)
        elif opened.fmt in ("csv", "tsv"):
            articles = read_csv_stream(stream, origin, opts, problems, tab=opened.fmt == "tsv")
        elif opened.fmt == "html":
            articles = read_html_stream(stream, origin, src.name_id, opts)
        elif opened.fmt == "feed":
            articles = read_feed_stream(stream, origin, opts, problems)
        elif opened.fmt == "warc":
            articles = read_warc_stream(stream, origin, opts, problems, stats, arc=opened.arc)
        else:
            articles = read_text_stream(stream, origin, src.name_id, opts)
        for art in articles:
            yield opened.fmt, art
    finally:
        for c in opened.closers:
            c.close()


def read_inputs(inputs: Iterable[str], date: Date | None = None, problems: list[Problem] | None = None,
                max_chars: int = MAX_CHARS, *, columns: Columns | None = None,
                languages: Collection[str] | None = ("en",), dedupe_ids: bool = True,
                dedupe_text: bool = False, fmt: str | None = None,
                stats: ReadStats | None = None) -> Iterator[Article]:
    """Articles from files, ``-`` (standard input), folders and glob patterns, in order.

    Formats: plain text (one article a file), HTML, RSS/Atom, WARC/ARC, JSON Lines, CSV/TSV,
    any of them gzip-compressed; chosen by file name, else by content (``fmt`` forces one).
    ``date`` is the publication date of records that carry none. ``languages``: the
    languages to keep (None keeps all; ``Article.language`` is set either way).
    ``dedupe_ids`` skips a second record with an id already read in this run;
    ``dedupe_text`` also skips a second record with the same text under another id (off by
    default: gold sets repeat sentences under different ids).

    Nothing raises for bad input: each skipped record or file is appended to ``problems``
    with a reason and a kind ("error", "language", "duplicate"), and reading goes on.
    """
    problems = problems if problems is not None else []
    stats = stats if stats is not None else ReadStats()
    # Checked here, not in the generator, so that a bad option fails at the call.
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if isinstance(languages, str):  # "en" or "en,fr", as typed on a command line
        languages = [x.strip() for x in languages.split(",") if x.strip()]
    wanted = tuple(languages) if languages is not None else None
    if wanted == ():
        raise ValueError("no language to keep: give ISO 639-1 codes such as en or en,fr, or 'all'")
    if wanted is not None:
        _check_languages(wanted)
    opts = Options(date=date, max_chars=max_chars, columns=columns or Columns())
    return _read_all(list(inputs), fmt, opts, wanted, dedupe_ids, dedupe_text, problems, stats)  # type: ignore[arg-type]


class _Seen:
    """Keys read so far, each with a tag of its value: 8 bytes a key plus the tag's bytes.

    A dict of the ids and hashes themselves costs about 250 bytes a record: 250 MB over a million
    records. Here keys are 64-bit BLAKE2 digests, in sorted runs of ``buffer`` keys (a dict of the
    latest ones becomes a run when it fills). Runs are never merged: a merge holds the old and the
    new arrays and a sort index at once, 3.5 times the set for a moment (56 MB at a million), and
    a lookup's few binary searches per run (16 at a million) cost microseconds. Two distinct ids
    share a digest with odds of about n^2 / 2^65 (3e-8 for a million); that id would be reported as
    already read. ``tag_bits`` below 64 keep the tags short where they only tell "same or not".
    """

    def __init__(self, buffer: int = 1 << 16, tag_bits: int = 64) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []
        self.recent: dict[int, int] = {}
        self.buffer = buffer
        self.mask = (1 << tag_bits) - 1
        self.tag_dtype = {8: np.uint8, 16: np.uint16, 32: np.uint32, 64: np.uint64}[tag_bits]

    @staticmethod
    def _digest(value: str) -> int:
        return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                              "little")

    @staticmethod
    def tag(value: str) -> int:
        return _Seen._digest(value)

    @property
    def stored(self) -> int:
        """Keys in the runs (not counting the recent dict)."""
        return sum(len(k) for k, _ in self.runs)

    def get(self, key: str) -> int | None:
        """The tag stored with ``key`` (masked to ``tag_bits``), or None if ``key`` was not added."""
        k = self._digest(key)
        got = self.recent.get(k)
        if got is not None:
            return got
        probe = np.uint64(k)
        for keys, tags in self.runs:
            i = int(np.searchsorted(keys, probe))
            if i < len(keys) and int(keys[i]) == k:
                return int(tags[i])
        return None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def add(self, key: str, tag: int) -> None:
        self.recent[self._digest(key)] = tag & self.mask
        if len(self.recent) >= self.buffer:
            keys = np.fromiter(self.recent.keys(), np.uint64, len(self.recent))
            tags = np.fromiter(self.recent.values(), self.tag_dtype, len(self.recent))
            order = np.argsort(keys)
            self.runs.append((keys[order], tags[order]))
            self.recent = {}


def _read_all(inputs: list[str], fmt: Format | None, opts: Options, wanted: tuple[str, ...] | None,
              dedupe_ids: bool, dedupe_text: bool, problems: list[Problem],
              stats: ReadStats) -> Iterator[Article]:
    seen_ids = _Seen(tag_bits=16)  # article id -> tag of its text's hash (for "same text" or not)
    seen_text = _Seen()  # text hash -> tag of the first id (its name is found again by the problem below)
    first_of_text: dict[int, str] = {}

    for src in expand(inputs, problems):
        try:
            for kind, art in _read_one(src, fmt, opts, problems, stats):
                lang, keep = identify(art.text, wanted)
                art.language = lang
                if not keep:
                    problems.append(Problem(art.origin or src.origin,
                                            f"not {wanted_label(wanted or ())} ({lang})", "language"))
                    continue
                if dedupe_ids or dedupe_text:
                    digest = art.content_hash
                    tag = _Seen.tag(digest)
                    had = seen_ids.get(art.id) if dedupe_ids else None
                    if had is not None:
                        same = "same text" if had == tag & seen_ids.mask else "a different text"
                        problems.append(Problem(art.origin or src.origin,
                                                f"id {art.id!r} already read in this run ({same})", "duplicate"))
                        continue
                    first = seen_text.get(digest) if dedupe_text else None
                    if first is not None:
                        problems.append(Problem(art.origin or src.origin,
                                                f"same text as article {first_of_text.get(first, '?')!r}",
                                                "duplicate"))
                        continue
                    if dedupe_ids:
                        seen_ids.add(art.id, tag)
                    if dedupe_text:
                        seen_text.add(digest, _Seen.tag(art.id))
                        first_of_text[_Seen.tag(art.id)] = art.id
                stats.articles += 1
                stats.by_format[kind] += 1
                yield art
        except InputProblem as exc:
            problems.append(Problem(src.origin, str(exc), exc.kind))
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            problems.append(Problem(src.origin, f"corrupt or truncated compressed data ({exc or type(exc).__name__}); "
                                                "records before the damage were read"))
        except OSError as exc:
            problems.append(Problem(src.origin, exc.strerror or str(exc)))
        except Exception as exc:  # a library's failure on one odd file must not end the run
            problems.append(Problem(src.origin, f"unreadable ({type(exc).__name__}: {exc})"))


def _check_languages(wanted: tuple[str, ...]) -> None:
    from .language import _identifier

    known = set(_identifier().labels)
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ValueError(f"unknown language code(s) {', '.join(unknown)}; use ISO 639-1 codes such as en, fr")
