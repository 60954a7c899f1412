"""Readers: every format to Article, bad records reported and skipped, the run going on."""
from __future__ import annotations

import gzip
import io
import itertools
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tocsin.readers import Columns, InputProblem, Problem, ReadStats, count_kinds, read_inputs
from tocsin.readers.detect import sniff, suffix_format
from tocsin.readers.ids import normalize_url, url_id
from tocsin.readers.language import identify

# --- fixtures written for these tests -------------------------------------------------

EN = ("Belarus recalled its ambassador to Ukraine on Thursday, the foreign ministry in Minsk said, "
      "in a move that officials in Kyiv described as another ominous sign that the country could be "
      "drawn deeper into the war. The ministry gave no reason for the recall.")
EN2 = ("Police in Tbilisi detained dozens of protesters outside parliament late on Tuesday after a rally "
       "against a draft law on foreign agents turned violent, the interior ministry said.")
DE = ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland angekündigt. Bundeskanzler "
      "Scholz sagte in Berlin, man werde die Ukraine weiter mit Waffen und Geld unterstützen.")
FR = "Le président a rencontré son homologue ukrainien à Paris mercredi pour discuter d'un cessez-le-feu."


def page(title: str, body: str, *, canonical: str | None = None, published: str | None = None,
         author: str | None = None, site: str | None = None, charset: str = "utf-8") -> str:
    meta = [f'<meta charset="{charset}">', f"<title>{title} | {site or 'News'}</title>"]
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{''.join(meta)}<script>var x = 1;</script></head>"
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
            f"<article><h1>{title}</h1>{paras}</article>"
            "<footer><p>&copy; 2022 The Courier. All rights reserved.</p></footer></body></html>")


LONG_EN = "\n".join([EN, EN2, "Western diplomats said the recall followed the expulsion of several "
                     "Ukrainian diplomats from Minsk earlier this month, and that talks had stalled."])

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Courier: World</title>
  <link>https://courier.example.com/world</link>
  <description>World news</description>
  <item>
    <title>Belarus recalls ambassador from Kyiv</title>
    <link>https://courier.example.com/world/belarus-recall?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">courier-1001</guid>
    <pubDate>Fri, 18 Mar 2022 01:30:00 +0200</pubDate>
    <description><![CDATA[<p>Belarus recalled its ambassador to <b>Ukraine</b> on Thursday, the foreign ministry said.</p><p>Kyiv called it an ominous sign.</p>]]></description>
  </item>
  <item>
    <title>Protesters detained in Tbilisi</title>
    <link>https://courier.example.com/world/tbilisi</link>
    <pubDate>Wed, 08 Mar 2023 07:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Neue Sanktionen gegen Russland</title>
    <link>https://courier.example.com/de/sanktionen</link>
    <description>""" + DE + """</description>
  </item>
  <item><description>   </description></item>
</channel>
</rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire Desk</title>
  <link href="https://wire.example.net/"/>
  <id>tag:wire.example.net,2022:feed</id>
  <updated>2022-03-21T10:00:00Z</updated>
  <entry>
    <title type="html">Ceasefire talks &lt;em&gt;resume&lt;/em&gt; in Istanbul</title>
    <id>tag:wire.example.net,2022:4411</id>
    <published>2022-03-21T09:15:00+03:00</published>
    <author><name>Wire Staff</name></author>
    <content type="html">&lt;p&gt;Russian and Ukrainian negotiators met in Istanbul on Monday for a new round of ceasefire talks, Turkish officials said.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</content>
    <summary>Short summary.</summary>
  </entry>
</feed>"""


def write_warc(path: Path, records: list[tuple], gz: bool = False) -> None:
    """records: (kind, uri, status, content_type, body bytes, warc date)."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        for kind, uri, status, ctype, body, when in records:
            headers = {"WARC-Date": when} if when else None
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", ctype)] if ctype else [],
                                        protocol="HTTP/1.1")
                rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                           warc_headers_dict=headers)
            else:
                rec = w.create_warc_record(uri, kind, payload=io.BytesIO(body), warc_headers_dict=headers)
            w.write_record(rec)


def read(inputs, **kw) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    arts = list(read_inputs([str(i) for i in inputs], problems=problems, **kw))
    return arts, problems


# --- plain text -----------------------------------------------------------------------

def test_text_file_is_one_article_named_by_its_stem(tmp_path):
    f = tmp_path / "minsk-recall.txt"
    f.write_text(EN, encoding="utf-8")
    arts, problems = read([f], date=date(2022, 3, 17))
    assert problems == []
    [a] = arts
    assert (a.id, a.text, a.date, a.language, a.origin) == ("minsk-recall", EN, date(2022, 3, 17), "en", str(f))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\n \n", "empty"),
    ("Caf\xe9 owners in Kyiv say trade has collapsed since the invasion began.".encode("latin-1"), "not valid UTF-8"),
    (b"\x00\x01\x02ELF" + bytes(range(256)) * 4, "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
])
def test_bad_text_files_are_reported_and_the_run_goes_on(tmp_path, data, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    arts, problems = read([bad, good])
    assert [a.id for a in arts] == ["good"]
    [p] = problems
    assert p.origin == str(bad) and reason in p.reason and p.kind == "error"


def test_text_too_large_is_refused_without_reading_it_all(tmp_path):
    f = tmp_path / "dump.txt"
    f.write_text(EN * 50, encoding="utf-8")
    arts, problems = read([f], max_chars=1000)
    assert arts == [] and "too large" in problems[0].reason


def test_missing_inputs_are_reported(tmp_path):
    arts, problems = read([tmp_path / "nope.txt", str(tmp_path / "*.none")])
    assert arts == []
    assert [p.reason for p in problems] == ["no such file or folder", "no files match this pattern"]


def test_stdin_is_sniffed(tmp_path, monkeypatch):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": EN}) for i in range(3)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    arts, problems = read(["-"])
    assert [a.id for a in arts] == ["s0", "s1", "s2"] and problems == []

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EN.encode())))
    arts, _ = read(["-"], date=date(2022, 3, 21))
    assert [(a.id, a.origin, a.date) for a in arts] == [("stdin", "<stdin>", date(2022, 3, 21))]


# --- JSON Lines -----------------------------------------------------------------------

def test_jsonl_records_keep_their_ids_and_fields(tmp_path):
    f = tmp_path / "corpus.jsonl"
    recs = [{"id": "a1", "text": EN, "date": "2022-03-17", "title": "Recall", "url": "https://x.example/a1",
             "source": "Courier", "gold": {"ignored": True}},
            {"id": 7, "text": EN2, "date": "2023-03-08T21:40:00+04:00"},
            {"id": "a3", "text": EN, "date": "Thu, 17 Mar 2022 23:00:00 +0200"}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    arts, problems = read([f], date=date(2000, 1, 1), dedupe_ids=True)
    assert problems == []
    assert [(a.id, a.date, a.origin) for a in arts] == [
        ("a1", date(2022, 3, 17), f"{f}:1"), ("7", date(2023, 3, 8), f"{f}:2"), ("a3", date(2022, 3, 17), f"{f}:3")]
    assert (arts[0].title, arts[0].url, arts[0].source) == ("Recall", "https://x.example/a1", "Courier")


def test_jsonl_bad_lines_are_reported_with_their_line_and_skipped(tmp_path):
    f = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": "ok1", "text": EN}).encode(),
             b'{"id": "broken", "text": "unterminated',
             b'["a", "list"]',
             json.dumps({"id": "n", "text": 42}).encode(),
             json.dumps({"id": "e", "text": "   "}).encode(),
             json.dumps({"id": "d", "text": EN, "date": "last Tuesday"}).encode(),
             b'{"id": "latin", "text": "Caf\xe9 owners protest"}',
             json.dumps({"id": "notext", "body": EN}).encode(),
             b"",
             json.dumps({"id": "ok2", "text": EN2}).encode()]
    f.write_bytes(b"\n".join(lines) + b"\n")
    arts, problems = read([f])
    assert [a.id for a in arts] == ["ok1", "ok2"]
    got = {p.origin.rsplit(":", 1)[1]: p.reason for p in problems}
    assert set(got) == {"2", "3", "4", "5", "6", "7", "8"}
    assert "malformed JSON" in got["2"]
    assert "not a JSON object" in got["3"]
    assert "not a string" in got["4"]
    assert "empty text" in got["5"]
    assert "not YYYY-MM-DD" in got["6"]
    assert "UTF-8" in got["7"]
    assert "'text'" in got["8"]
    assert all(p.kind == "error" for p in problems)


def test_jsonl_without_ids_gets_stable_derived_ids(tmp_path):
    f = tmp_path / "noid.jsonl"
    f.write_text(json.dumps({"text": EN, "url": "https://x.example/a?utm_source=tw"}) + "\n"
                 + json.dumps({"text": EN2}) + "\n", encoding="utf-8")
    first, _ = read([f])
    second, _ = read([f])
    assert [a.id for a in first] == [a.id for a in second]
    assert first[0].id == url_id("https://x.example/a") and first[1].id.startswith("h-")


def test_jsonl_streams_line_by_line(tmp_path):
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "first", "text": EN}) + "\n" + "{broken\n" * 3, encoding="utf-8")
    problems: list[Problem] = []
    it = read_inputs([str(f)], problems=problems)
    assert next(it).id == "first"
    assert problems == []  # the broken lines further on have not been read yet
    list(it)
    assert len(problems) == 3


def test_jsonl_overlong_line_is_skipped_and_reading_resumes(tmp_path):
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "huge", "text": "war " * 200_000}) + "\n"
                 + json.dumps({"id": "after", "text": EN}) + "\n", encoding="utf-8")
    arts, problems = read([f], max_chars=2000)
    assert [a.id for a in arts] == ["after"]
    assert problems[0].origin == f"{f}:1" and "longer than" in problems[0].reason


def test_jsonl_gz_and_truncated_gzip(tmp_path):
    recs = "".join(json.dumps({"id": f"g{i}", "text": EN if i % 2 else EN2}) + "\n" for i in range(200))
    good = tmp_path / "c.jsonl.gz"
    good.write_bytes(gzip.compress(recs.encode()))
    arts, problems = read([good])
    assert len(arts) == 200 and problems == []

    cut = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(recs.encode())
    cut.write_bytes(data[: len(data) // 2])
    arts, problems = read([cut])
    assert 0 < len(arts) < 200
    assert len(problems) == 1 and "truncated" in problems[0].reason


def test_named_gz_that_is_not_gzip(tmp_path):
    f = tmp_path / "x.jsonl.gz"
    f.write_text(json.dumps({"id": "a", "text": EN}), encoding="utf-8")
    arts, problems = read([f])
    assert arts == [] and "not gzip" in problems[0].reason


# --- CSV ------------------------------------------------------------------------------

def test_csv_with_default_columns_and_multiline_quoted_text(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('id,date,title,text\n'
                 f'c1,2022-03-17,Recall,"{EN}"\n'
                 f'c2,2023-03-08,Tbilisi,"First line.\nSecond line, with ""quotes"" and a comma. {EN2}"\n'
                 f'c3,,No date,"{EN}"\n', encoding="utf-8")
    arts, problems = read([f], date=date(2024, 1, 1))
    assert problems == []
    assert [(a.id, a.date, a.origin) for a in arts] == [
        ("c1", date(2022, 3, 17), f"{f}:2"), ("c2", date(2023, 3, 8), f"{f}:3"), ("c3", date(2024, 1, 1), f"{f}:5")]
    assert arts[1].text.startswith('First line.\nSecond line, with "quotes"')


def test_csv_column_mapping_semicolons_and_bad_rows(tmp_path):
    f = tmp_path / "export.csv"
    rows = ["Doc_ID;Published;Headline;Body;Outlet",
            f"k1;17.03.2022;Recall;{EN};Courier",
            f"k2;2022-03-18;Extra;{EN2};Courier;unexpected;fields",
            f"k3;2022-03-19;Fine;{EN2};Courier",
            "k4;2022-03-19;Empty;;Courier"]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cols = Columns(id="doc_id", date="published", title="headline", text="body", source="outlet")
    arts, problems = read([f], columns=cols)
    assert [(a.id, a.title, a.source) for a in arts] == [("k3", "Fine", "Courier")]
    reasons = {p.origin: p.reason for p in problems}
    assert "not YYYY-MM-DD" in reasons[f"{f}:2"]
    assert "7 fields but the header has 5" in reasons[f"{f}:3"]
    assert "empty text" in reasons[f"{f}:5"]


def test_csv_without_the_text_column_names_the_columns(tmp_path):
    f = tmp_path / "wrong.csv"
    f.write_text(f"id,body\n1,{EN}\n", encoding="utf-8")
    arts, problems = read([f])
    assert arts == []
    assert "no text column 'text'" in problems[0].reason and "'body'" in problems[0].reason


def test_tsv_and_bad_bytes_in_one_row(tmp_path):
    f = tmp_path / "c.tsv"
    f.write_bytes(b"id\ttext\n" + f"t1\t{EN}\n".encode() + b"t2\tCaf\xe9 owners protest in Lviv today\n"
                  + f"t3\t{EN2}\n".encode())
    arts, problems = read([f])
    assert [a.id for a in arts] == ["t1", "t3"]
    assert problems[0].origin == f"{f}:3" and "UTF-8" in problems[0].reason


# --- HTML -----------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "recall.html"
    f.write_text(page("Belarus recalls ambassador", LONG_EN, published="2022-03-17T18:40:00+02:00",
                      canonical="https://courier.example.com/world/recall?utm_campaign=x",
                      author="Anna Kowalska", site="The Daily Courier"), encoding="utf-8")
    [a], problems = read([f])
    assert problems == []
    assert a.text.startswith("Belarus recalled its ambassador") and "All rights reserved" not in a.text
    assert "Home" not in a.text and "var x" not in a.text
    assert (a.title, a.date, a.author, a.source) == ("Belarus recalls ambassador", date(2022, 3, 17),
                                                     "Anna Kowalska", "The Daily Courier")
    assert a.id == url_id("https://courier.example.com/world/recall")


def test_html_in_a_legacy_charset_without_url_is_named_by_file(tmp_path):
    f = tmp_path / "old-page.htm"
    body = LONG_EN + "\nThe café on Khreshchatyk stayed open, its owner said."
    f.write_bytes(page("Old page", body, charset="windows-1252").encode("cp1252"))
    [a], problems = read([f], date=date(2022, 3, 20))
    assert problems == []
    assert "café on Khreshchatyk" in a.text and a.id == "old-page" and a.date == date(2022, 3, 20)


def test_html_without_article_text_and_broken_html(tmp_path):
    empty = tmp_path / "index.html"
    empty.write_text("<html><head><title>Index</title></head><body><ul><li><a href='/a'>A</a></li></ul></body></html>")
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body><p>" + "Tanks were seen near Kherson at dawn, residents said. ".encode() * 20
                       + b"<div><span>\xff\xfe")
    nothing = tmp_path / "nothing.html"
    nothing.write_bytes(b"   ")
    arts, problems = read([empty, broken, nothing])
    assert [a.origin for a in arts] == [str(broken)]  # lenient parsing still finds the text
    assert "Tanks were seen near Kherson" in arts[0].text
    reasons = {Path(p.origin).name: p.reason for p in problems}
    assert "too little text" in reasons["index.html"]
    assert "empty" in reasons["nothing.html"]


def test_html_gz(tmp_path):
    f = tmp_path / "p.html.gz"
    f.write_bytes(gzip.compress(page("Recall", LONG_EN).encode()))
    [a], problems = read([f])
    assert problems == [] and a.id == "p" and a.text.startswith("Belarus recalled")


# --- RSS / Atom -----------------------------------------------------------------------

def test_rss_items_become_articles(tmp_path):
    f = tmp_path / "world.rss"
    f.write_text(RSS, encoding="utf-8")
    arts, problems = read([f])
    first, headline_only = arts
    assert first.text == ("Belarus recalled its ambassador to Ukraine on Thursday, the foreign ministry said.\n"
                          "Kyiv called it an ominous sign.")
    assert first.title == "Belarus recalls ambassador from Kyiv" and first.source == "The Courier: World"
    assert first.date == date(2022, 3, 18)  # as the publisher wrote it, not shifted to UTC
    assert first.id == url_id("https://courier.example.com/world/belarus-recall")
    assert first.origin == f"{f}#1"
    assert headline_only.text == "Protesters detained in Tbilisi" and headline_only.date == date(2023, 3, 8)
    kinds = {p.origin: (p.kind, p.reason) for p in problems}
    assert kinds[f"{f}#3"] == ("language", "not English (de)")
    assert kinds[f"{f}#4"][0] == "error" and "no title, summary or content" in kinds[f"{f}#4"][1]


def test_atom_entry_uses_content_and_guid_when_there_is_no_link(tmp_path):
    f = tmp_path / "wire.xml"
    f.write_text(ATOM, encoding="utf-8")
    [a], problems = read([f])
    assert problems == []
    assert a.text.startswith("Russian and Ukrainian negotiators met in Istanbul") and "track()" not in a.text
    assert (a.title, a.source, a.author, a.date) == ("Ceasefire talks resume in Istanbul", "Wire Desk",
                                                     "Wire Staff", date(2022, 3, 21))
    assert a.id.startswith("g-")
    again, _ = read([f])
    assert again[0].id == a.id


def test_feed_sniffed_without_extension_and_broken_feeds(tmp_path):
    sniffed = tmp_path / "feed"
    sniffed.write_text(RSS, encoding="utf-8")
    garbage = tmp_path / "garbage.rss"
    garbage.write_text("<rss><channel><title>x</title><item><title>unclosed", encoding="utf-8")
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><config><setting name="a">1</setting></config>', encoding="utf-8")
    arts, problems = read([sniffed, garbage, other])
    assert [a.origin for a in arts] == [f"{sniffed}#1", f"{sniffed}#2"]
    errors = {Path(p.origin).name: p.reason for p in problems if p.kind == "error" and "#" not in p.origin}
    assert set(errors) <= {"garbage.rss", "config.xml"} and "config.xml" in errors
    assert "not an RSS or Atom feed" in errors["config.xml"] or "not a readable" in errors["config.xml"]


# --- WARC / ARC -----------------------------------------------------------------------

def _crawl() -> list[tuple]:
    html = page("Recall", LONG_EN, published="2022-03-17T10:00:00Z").encode()
    undated = page("Tbilisi", "\n".join([EN2] * 3)).encode()
    return [
        ("request", "https://courier.example.com/a", None, None, b"GET /a HTTP/1.1\r\n\r\n", None),
        ("response", "https://courier.example.com/a?utm_source=rss", "200 OK", "text/html; charset=utf-8", html, None),
        ("response", "https://courier.example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n" + bytes(200), None),
        ("response", "https://courier.example.com/gone", "404 Not Found", "text/html", b"<html>gone</html>", None),
        ("response", "https://courier.example.com/b", "200 OK", "text/html", undated, "2023-03-09T06:00:00Z"),
        ("response", "https://courier.example.com/de", "200 OK", "text/html", page("Sanktionen", "\n".join([DE] * 3)).encode(), None),
    ]


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_only(tmp_path, name, gz):
    f = tmp_path / name
    write_warc(f, _crawl(), gz=gz)
    stats = ReadStats()
    arts, problems = read([f], stats=stats)
    assert [a.url for a in arts] == ["https://courier.example.com/a?utm_source=rss", "https://courier.example.com/b"]
    assert arts[0].id == url_id("https://courier.example.com/a") and arts[0].date == date(2022, 3, 17)
    assert arts[1].date == date(2023, 3, 9)  # no date in the page: the crawl date stands in
    assert all(a.origin.startswith(f"{f}@") for a in arts)
    assert [(p.kind, p.reason) for p in problems] == [("language", "not English (de)")]
    assert stats.passed_over == 3 and stats.by_format["warc"] == 2
    again, _ = read([f])
    assert [a.id for a in again] == [a.id for a in arts]


def test_warc_and_feed_give_one_id_for_one_story(tmp_path):
    w = tmp_path / "c.warc.gz"
    write_warc(w, [("response", "https://courier.example.com/world/belarus-recall", "200 OK", "text/html",
                    page("Recall", LONG_EN).encode(), None)], gz=True)
    feed = tmp_path / "world.rss"
    feed.write_text(RSS, encoding="utf-8")
    arts, problems = read([feed, w])
    assert [p.kind for p in problems].count("duplicate") == 1  # same URL twice in one run
    assert arts[0].id == url_id("https://courier.example.com/world/belarus-recall")


def test_malformed_warc_keeps_what_came_before(tmp_path):
    f = tmp_path / "bad.warc"
    write_warc(f, _crawl()[:2])
    with open(f, "ab") as out:
        out.write(b"this is not a WARC record\r\n\r\n" * 3)
    arts, problems = read([f])
    assert len(arts) == 1
    [p] = problems
    assert p.origin == str(f) and "malformed WARC after the record at offset" in p.reason


def test_arc_file(tmp_path):
    html = page("Recall", LONG_EN).encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (b"filedesc://t.arc 0.0.0.0 20220317000000 text/plain %d\n" % len(desc) + desc + b"\n"
           + b"http://news.example.org/a 1.2.3.4 20220317120000 text/html %d\n" % len(http) + http + b"\n")
    f = tmp_path / "t.arc"
    f.write_bytes(arc)
    [a], problems = read([f])
    assert problems == [] and a.url == "http://news.example.org/a" and a.date == date(2022, 3, 17)


# --- folders, globs, mixed ------------------------------------------------------------

def test_folder_walk_sorted_recursive_with_relative_ids(tmp_path):
    (tmp_path / "2022" / "03").mkdir(parents=True)
    (tmp_path / "2021").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "2022" / "03" / "report.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "2021" / "report.txt").write_text(EN2, encoding="utf-8")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "z.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "z1", "text": EN}) + "\n").encode()))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n...")
    arts, problems = read([tmp_path])
    assert [a.id for a in arts] == ["2021/report", "2022/03/report", "z1"]
    assert [(Path(p.origin).name, "PDF" in p.reason) for p in problems] == [("scan.pdf", True)]


def test_glob_pattern(tmp_path):
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(EN, encoding="utf-8")
    arts, problems = read([str(tmp_path / "*.txt")], dedupe_ids=False)
    assert [a.id for a in arts] == ["a", "b"] and problems == []


def test_a_folder_of_broken_things_never_raises(tmp_path):
    files = {
        "zero.txt": b"", "nul.jsonl": b"\x00" * 64, "junk.csv": b"\xff\xfe\x00\x00",
        "trunc.warc.gz": gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:30],
        "noise.warc": b"WARC/1.0\r\nContent-Length: 99999999\r\n\r\nshort",
        "half.rss": b"<?xml version='1.0'?><rss><channel><item><title>A",
        "img.html": b"\x89PNG\r\n\x1a\n" + bytes(100), "tags.html": b"<html><body></body></html>",
        "bad.gz": b"\x1f\x8b\x08\x00garbage",
        "array.json": b'[{"id": 1, "text": "x"}]',
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    arts, problems = read([tmp_path])
    assert [a.id for a in arts] == ["ok"]
    assert {Path(p.origin.split("@")[0].split(":")[0].split("#")[0]).name for p in problems} == set(files)
    assert all(p.reason for p in problems)


# --- language and duplicates ----------------------------------------------------------

def test_non_english_is_skipped_and_counted_apart_from_errors(tmp_path):
    f = tmp_path / "m.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "en", "text": EN}, {"id": "de", "text": DE}, {"id": "fr", "text": FR},
        {"id": "short", "text": "Ja."}, {"id": "bad", "text": ""}]) + "\n", encoding="utf-8")
    arts, problems = read([f])
    assert [a.id for a in arts] == ["en", "short"]
    assert arts[1].language is None  # too short to tell: kept
    assert count_kinds(problems) == {"language": 2, "error": 1}
    assert {p.reason for p in problems if p.kind == "language"} == {"not English (de)", "not English (fr)"}

    arts, problems = read([f], languages=None)
    assert [(a.id, a.language) for a in arts] == [("en", "en"), ("de", "de"), ("fr", "fr"), ("short", None)]
    arts, _ = read([f], languages=("de", "fr"))
    assert [a.id for a in arts] == ["de", "fr", "short"]
    assert [a.id for a in read([f], languages="fr")[0]] == ["fr", "short"]
    with pytest.raises(ValueError):
        read_inputs([str(f)], languages=("english",))  # at the call, before any reading


@pytest.mark.parametrize("text", [
    "U.S. Lifts Travel Ban to Lebanon.",
    "Congo government rejects demands from rebel group.",
    "Gunmen Kill 13 in Fresh Attack on Maiduguri",
    "Lukashenko meets Putin in Sochi to discuss joint military drills",
    # Title-case headlines of three words spread their mass over dozens of labels.
    "Israel strikes Gaza", "Modi visits Dhaka", "Biden meets Xi in Bali", "Putin warns Kyiv",
])
def test_short_english_headlines_are_kept(text):
    lang, keep = identify(text)
    assert keep and lang in ("en", None)


@pytest.mark.parametrize("text", ["Regierung beschließt Sanktionen", "Scholz reist nach Kiew",
                                  "La policía detuvo a 20 manifestantes", "Путин предупредил Киев"])
def test_short_headlines_that_plainly_are_another_language_are_skipped(text):
    assert identify(text)[1] is False


def test_no_language_to_keep_is_refused_not_a_silent_skip_of_everything(tmp_path):
    with pytest.raises(ValueError, match="no language"):
        read_inputs([str(tmp_path)], languages="")


def test_duplicate_ids_and_optional_text_dedupe(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": EN}, {"id": "a", "text": EN}, {"id": "a", "text": EN2}, {"id": "b", "text": EN}]) + "\n")
    arts, problems = read([f])
    assert [a.id for a in arts] == ["a", "b"]
    assert [(p.kind, p.reason) for p in problems] == [
        ("duplicate", "id 'a' already read in this run (same text)"),
        ("duplicate", "id 'a' already read in this run (a different text)")]
    arts, problems = read([f], dedupe_text=True)
    assert [a.id for a in arts] == ["a"] and problems[-1].reason == "same text as article 'a'"


# --- small parts ----------------------------------------------------------------------

def test_detection_by_name_and_content():
    assert suffix_format("x/y.WARC.GZ") == ("warc", True)
    assert suffix_format("corpus.jsonl.gz") == ("jsonl", True)
    assert suffix_format("notes") == (None, False)
    assert sniff(b"\xef\xbb\xbf<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b'{"id": "1", "text": "x"}\n') == "jsonl"
    assert sniff(b"WARC/1.1\r\n") == "warc"
    assert sniff(b"Kyiv, March 17 - Troops") is None


def test_forced_format(tmp_path):
    f = tmp_path / "records.dat"
    f.write_text(f'id,text\nr1,"{EN}"\n', encoding="utf-8")
    arts, _ = read([f], fmt="csv")
    assert [a.id for a in arts] == ["r1"]
    with pytest.raises(ValueError):
        read_inputs([str(f)], fmt="docx")


def test_url_normalisation():
    assert normalize_url("HTTPS://Example.COM:443/a?b=1&utm_source=x&fbclid=y#top") == "https://example.com/a?b=1"
    assert normalize_url("http://example.com") == "http://example.com/"
    assert normalize_url("http://[::1") == "http://[::1"  # malformed: kept as written


def test_problem_defaults_stay_compatible():
    p = Problem("f.txt", "empty input")
    assert p.kind == "error" and str(p) == "f.txt: empty input"


def test_ids_are_stable_across_reads_for_every_format(tmp_path):
    (tmp_path / "a.html").write_text(page("Recall", LONG_EN), encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.csv").write_text(f"text\n\"{EN}\"\n\"{EN2}\"\n", encoding="utf-8")
    write_warc(tmp_path / "d.warc.gz", _crawl(), gz=True)
    ids = [[a.id for a in read([tmp_path])[0]] for _ in range(2)]
    assert ids[0] == ids[1] and len(ids[0]) == len(set(ids[0])) == 7


def test_lazy_reading_of_many_files(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(EN + f" Item {i}.", encoding="utf-8")
    it = read_inputs([str(tmp_path)])
    assert [a.id for a in itertools.islice(it, 2)] == ["0", "1"]


def test_bad_bytes_in_metadata_do_not_cost_the_article(tmp_path):
    f = tmp_path / "m.csv"
    f.write_bytes(b"id,title,text\nm1,Caf\xe9 talks," + f'"{EN}"\n'.encode())
    g = tmp_path / "m.jsonl"
    g.write_text('{"id": "j1", "title": "bad \\ud800 escape", "text": "%s"}\n' % EN, encoding="utf-8")
    arts, problems = read([f, g])
    assert problems == []
    assert [a.title for a in arts] == ["Caf\ufffd talks", "bad \ufffd escape"]
    json.dumps([a.model_dump(mode="json") for a in arts], ensure_ascii=False).encode("utf-8")


def test_oversized_html_is_refused_before_parsing(tmp_path):
    from tocsin.readers.base import Options
    from tocsin.readers.html import extract_html

    with pytest.raises(InputProblem, match="HTML too large"):
        extract_html(page("Big", LONG_EN).encode(), "big.html", Options(max_markup_bytes=200))


def test_feed_with_odd_links_and_no_title(tmp_path):
    f = tmp_path / "odd.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><link>https://odd.example.org/</link>
      <item><title>One</title><link>http://[broken</link><description>{EN}</description></item>
      <item><title>Two</title><link>https://odd.example.org/two</link><description>{EN2}</description></item>
      </channel></rss>""", encoding="utf-8")
    arts, problems = read([f])
    assert problems == []
    assert [(a.url, a.source) for a in arts] == [(None, "odd.example.org"),
                                                 ("https://odd.example.org/two", "odd.example.org")]
    assert arts[0].id.startswith("h-")


def test_a_stray_quote_is_reported_and_the_rows_it_swallowed_are_read(tmp_path):
    rows = ["id,text,date"] + [f"r{i},Belarus recalled its envoy to Kyiv,2022-03-17" for i in range(50)]
    rows[3] = 'r2,"Belarus recalled its envoy,2022-03-17'  # opens a quoted field that nothing closes
    f = tmp_path / "s.csv"
    f.write_text("\n".join(rows) + "\n")
    arts, problems = read([f])
    assert [a.id for a in arts] == [f"r{i}" for i in range(50) if i != 2]
    assert [p.origin for p in problems] == [f"{f}:4"] and "stray quote" in problems[0].reason


def test_multi_line_quoted_texts_are_not_taken_for_stray_quotes(tmp_path):
    f = tmp_path / "m.csv"
    f.write_text('id,text,date\na,"Para one.\nPara two, with, commas.\nPara three.",2022-03-17\nb,x y z,2022-03-17\n')
    arts, problems = read([f])
    assert [a.id for a in arts] == ["a", "b"] and problems == []
    assert arts[0].text.count("\n") == 2


def test_seen_ids_stay_exact_across_merges():
    from tocsin.readers.dispatch import _Seen

    seen = _Seen(buffer=7)  # merges every 7 keys: lookups must find keys in the array and in the dict
    for i in range(100):
        seen.add(f"id-{i}", i)
    assert [seen.get(f"id-{i}") for i in range(100)] == list(range(100))
    assert seen.get("id-100") is None and "id-x" not in seen
    assert seen.stored == 98 and len(seen.runs) == 14 and len(seen.recent) == 2
    short = _Seen(buffer=7, tag_bits=16)  # tags kept to 16 bits: what is given back is the masked tag
    for i in range(20):
        short.add(f"id-{i}", (1 << 40) + i)
    assert [short.get(f"id-{i}") for i in range(20)] == list(range(20))
