"""What the fuzz harnesses share: seed inputs of every format, mutations, and the properties checked.

``tests/test_fuzz.py`` drives these with hypothesis (bounded: ``TOCSIN_FUZZ_EXAMPLES`` examples
per property, 40 by default, deterministic in CI); ``scripts/fuzz.py`` drives the same checks
with atheris (coverage-guided, for as long as one likes). A crash either finds becomes a case
in ``tests/test_fuzz.py::REGRESSIONS``.
"""
from __future__ import annotations

import gzip
import json
import tempfile
from datetime import date
from pathlib import Path

from tocsin.model import Article
from tocsin.readers import Problem, read_inputs

STORY = ("MINSK, March 17 (Northern Wire) - Belarus recalled its ambassador to Ukraine on Thursday, citing "
         "hostile statements by officials in Kyiv. The envoy will return to Minsk next week.")


def _warc(uri: str, body: str) -> bytes:
    payload = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>{body}</p><p>{body}</p>"
               f"</article></body></html>").encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-03-17T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


SEEDS: dict[str, bytes] = {
    "txt": STORY.encode(),
    "html": (f"<html><head><title>Recall</title><meta name='date' content='2022-03-17'></head><body><article>"
             f"<h1>Recall</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>").encode(),
    "rss": (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>Recall</title>"
            f"<link>https://example.org/1</link><pubDate>Thu, 17 Mar 2022 10:00:00 +0200</pubDate>"
            f"<description>{STORY}</description></item><item><title>Two</title><description>{STORY}"
            f"</description></item></channel></rss>").encode(),
    "atom": (f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>W</title><entry><title>R</title>"
             f"<id>tag:x,2022:1</id><updated>2022-03-17T10:00:00Z</updated><content type='html'>&lt;p&gt;{STORY}"
             f"&lt;/p&gt;</content></entry></feed>").encode(),
    "warc": _warc("https://example.org/a", STORY) + _warc("https://example.org/b", STORY),
    "jsonl": "".join(json.dumps({"id": f"a{i}", "text": STORY, "date": "2022-03-17", "title": "t"}) + "\n"
                     for i in range(3)).encode(),
    "csv": ("id,text,date,title\n" + "".join(f'a{i},"{STORY}",2022-03-17,t\n' for i in range(3))).encode(),
    "tsv": ("id\ttext\tdate\n" + "".join(f"a{i}\t{STORY}\t2022-03-17\n" for i in range(3))).encode(),
}


def mutate(data: bytes, edits: list[tuple[int, int, bytes]], cut: int | None = None) -> bytes:
    """Apply (position, how many bytes to drop, bytes to put there) edits, then cut the end off."""
    buf = bytearray(data)
    for pos, drop, ins in edits:
        pos = pos % (len(buf) + 1)
        buf[pos:pos + drop] = ins
    if cut is not None and buf:
        del buf[cut % len(buf):]
    return bytes(buf)


def check_article(a: Article, max_chars: int) -> None:
    assert isinstance(a, Article)
    assert isinstance(a.id, str) and a.id
    assert isinstance(a.text, str) and a.text.strip() and len(a.text) <= max_chars
    a.text.encode("utf-8")  # no lone surrogates reach the coder or the store
    if a.date is not None:
        assert date(1, 1, 1) <= a.date <= date(9999, 12, 31)


def read_bytes(data: bytes, suffix: str, gz: bool = False, max_chars: int = 20_000) -> tuple[list[Article], list]:
    """Read ``data`` as a file named ``x.<suffix>`` (gzipped when ``gz``); the reader may not raise."""
    with tempfile.TemporaryDirectory(prefix="tocsin-fuzz-") as d:
        path = Path(d) / (f"x.{suffix}" + (".gz" if gz else ""))
        path.write_bytes(gzip.compress(data) if gz else data)
        problems: list[Problem] = []
        arts = list(read_inputs([str(path)], date(2022, 3, 21), problems, max_chars=max_chars, languages=None))
    for a in arts:
        check_article(a, max_chars)
    for p in problems:
        assert isinstance(p, Problem) and isinstance(p.origin, str) and isinstance(p.reason, str) and p.reason
    return arts, problems
