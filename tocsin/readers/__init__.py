"""Readers: every input format becomes ``Article`` records.

``read_inputs(inputs, date, problems, ...)`` takes files, ``-`` (standard input), folders
(walked recursively in name order, hidden entries skipped) and glob patterns. The format
comes from the file name, else from the first bytes; ``.gz`` wraps any of them:

=========================  ===========================================  ==================
format                     one Article per                              id, unless given
=========================  ===========================================  ==================
text (.txt, anything)      file                                         file stem / path
                                                                        below the folder
HTML (.html .htm)          page (trafilatura: text, title, date,        canonical URL,
                           author, site)                                else as text
RSS/Atom (.rss .atom .xml) item (content or summary, HTML stripped;     link URL, else
                           headline when there is nothing else)         guid, else text
WARC/ARC (.warc[.gz] .arc) HTML response with status 200                target URI
JSONL (.jsonl .ndjson)     line ``{"id", "text", "date"?, ...}``        the id field,
CSV/TSV (.csv .tsv)        row (header; ``Columns`` maps the names)     else URL, else text
=========================  ===========================================  ==================

Derived ids are stable (``u-``/``g-``/``h-`` plus 16 hex digits of a SHA-1), so reading
the same input again gives the same ids, and a story reached by a feed link and by a crawl
gets one id. A reader never raises on bad input: it reports a ``Problem`` (origin as
``file``, ``file:line``, ``file@offset`` or ``file#item``; a reason; a kind: "error",
"language" or "duplicate") and goes on.
"""
from .base import Columns, InputProblem, Problem, ReadStats, count_kinds
from .dispatch import read_inputs

__all__ = ["Columns", "InputProblem", "Problem", "ReadStats", "count_kinds", "read_inputs"]
