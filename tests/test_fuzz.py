"""Property tests over hostile input: every reader, the date resolver and the place parser never raise,
never hang, and keep their contracts (ids, texts within bounds, offsets that point at the text).

Bounded for CI: ``TOCSIN_FUZZ_EXAMPLES`` examples per property (default 40), derandomized so a
run is repeatable; set ``TOCSIN_FUZZ_RANDOM=1`` (and more examples) to explore. Every crash found
(here or by ``scripts/fuzz.py`` under atheris) is kept in ``REGRESSIONS`` below.
"""
from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from fuzzing import SEEDS, mutate, read_bytes
from tocsin.model import Article
from tocsin.when import resolve

EXAMPLES = int(os.environ.get("TOCSIN_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("TOCSIN_FUZZ_RANDOM"),
                suppress_health_check=list(HealthCheck), database=None)

SUFFIX = {"txt": "txt", "html": "html", "rss": "rss", "atom": "atom", "warc": "warc", "jsonl": "jsonl",
          "csv": "csv", "tsv": "tsv"}
NASTY = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b"'", b"<", b">", b"&", b"]]>", b"<!DOCTYPE x [", b"\r\n",
         b"\n\n\n", b"{", b"}", b"[" * 64, b"9" * 400, b"\\u00", b"\xed\xa0\x80", b"\x1b]0;t\x07", b"[/x]",
         b"\t", b",", b";", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"0000-00-00", b"\x80\x81",
         b"<![CDATA[", b"&#x0;", b"&lol;", "\u2028".encode()]
edits = st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 64),
                           st.one_of(st.sampled_from(NASTY), st.binary(max_size=32))), max_size=8)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@FUZZ
@given(edits=edits, cut=st.one_of(st.none(), st.integers(0, 1 << 16)), gz=st.booleans())
def test_mutated_inputs_never_break_a_reader(fmt, edits, cut, gz):
    data = mutate(SEEDS[fmt], edits, cut)
    read_bytes(data, SUFFIX[fmt], gz=gz)


@pytest.mark.parametrize("suffix", ["txt", "html", "rss", "warc", "jsonl", "csv", "tsv", "bin"])
@FUZZ
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_never_break_a_reader(suffix, data):
    read_bytes(data, suffix)


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "text", "date", "title", "url", "source", "x"]),
                                        st.recursive(st.none() | st.booleans() | st.integers() | st.floats()
                                                     | st.text(max_size=40),
                                                     lambda c: st.lists(c, max_size=3)
                                                     | st.dictionaries(st.text(max_size=5), c, max_size=3),
                                                     max_leaves=8)), max_size=6))
def test_any_json_record_is_read_or_reported(records):
    import json

    lines = [json.dumps(r, allow_nan=True) for r in records] + [json.dumps({"id": "last", "text": "Belarus "
                                                                            "recalled its ambassador."})]
    arts, problems = read_bytes(("\n".join(lines) + "\n").encode(), "jsonl")
    # One bad record costs only itself: the last good line is always read.
    assert arts and arts[-1].id == "last"


# -- dates ---------------------------------------------------------------------------------------------------------

WORDS = ["yesterday", "tomorrow", "today", "last", "next", "this", "week", "month", "year", "weekend", "Monday",
         "Sunday", "March", "December", "31", "1", "29", "February", "ago", "two", "ten", "10000", "days", "years",
         "decade", "century", "the", "1990s", "2022", "9999", "0001", "in", "after", "before", "on", "earlier",
         "later", "Christmas", "New", "Year's", "Eve", "mid-", "early", "late", "spring", "from", "to", "-", "/",
         "3/4/2022", "2022-03-17", "0000-00-00", "9999-12-31"]


@FUZZ
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=7), extra=st.text(max_size=12),
       published=st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))),
       future=st.sampled_from([False, True, None]))
def test_date_expressions_resolve_inside_the_calendar_or_not_at_all(words, extra, published, future):
    got = resolve(" ".join(words) + extra, published, future)
    if got is not None:
        d, precision = got
        assert date(1, 1, 1) <= d <= date(9999, 12, 31)
        assert precision in ("day", "week", "month", "year")


@pytest.fixture(scope="module")
def pipeline():
    from tocsin.pipeline import Pipeline

    return Pipeline()


@settings(max_examples=max(5, EXAMPLES // 4), deadline=None, derandomize=not os.environ.get("TOCSIN_FUZZ_RANDOM"),
          suppress_health_check=list(HealthCheck), database=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5),
       published=st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
def test_events_dated_at_any_publication_date_never_raise(pipeline, words, published):
    text = f"Russia shelled Kharkiv {' '.join(words)} and Belarus will recall its ambassador {' '.join(words)}."
    coded = next(pipeline.run([Article(id="f", text=text, date=published)]))
    for e in coded.events:
        assert e.date is None or "0001-01-01" <= e.date <= "9999-12-31"


# -- places --------------------------------------------------------------------------------------------------------

PLACE_WORDS = ["Kyiv", "Paris", "Texas", "Georgia", "Orange County", "Calif.", "(Ga.)", "Walker County", "Tripoli",
               "Lebanon", "Syrian", "the", "border", "of", "near", "in", ",", ".", "-", "St.", "Mount", "Lake",
               "North", "South", "Islamic Republic", "Washington", "D.C.", "U.S.", "UK", "EU", "'s", "\n\n", "(", ")"]


@pytest.fixture(scope="module")
def geo():
    from tocsin.geo import Geoparser

    return Geoparser()


@FUZZ
@given(parts=st.lists(st.one_of(st.sampled_from(PLACE_WORDS), st.text(max_size=8)), max_size=30))
def test_place_mentions_point_at_the_text(geo, parts):
    text = " ".join(parts)
    found = geo.places(None, Article(id="p", text=text))
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        assert m.lat is None or -90 <= m.lat <= 90
        assert m.lon is None or -180 <= m.lon <= 180


# -- crashes found, kept -------------------------------------------------------------------------------------------

# (format, bytes): inputs that once raised out of a reader. Each must now read or be reported.
REGRESSIONS: list[tuple[str, bytes]] = [
    ("jsonl", b'{"id": "deep", "text": "x", "v": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
    ("jsonl", b'{"id": "n", "text": "Belarus recalled its envoy.", "date": ' + b"9" * 5000 + b"}\n"),
    ("jsonl", b'{"id": ' + b"7" * 5000 + b', "text": "Belarus recalled its envoy."}\n'),
    ("rss", b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>T</title><description>Belarus recalled "
            b"its envoy.</description><pubDate>0000-00-00</pubDate></item></channel></rss>"),
    ("rss", b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>T</title><description>Belarus recalled "
            b"its envoy.</description><pubDate>Mon, 32 Foo 0000 99:99:99 +9999</pubDate></item></channel></rss>"),
]


@pytest.mark.parametrize("fmt,data", REGRESSIONS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(REGRESSIONS)])
def test_crashes_found_stay_fixed(fmt, data):
    read_bytes(data, fmt)
