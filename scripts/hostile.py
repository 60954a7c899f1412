"""The hostile-input corpus: generated here (nothing of it is committed), run through the CLI.

    python scripts/hostile.py OUT            # write the cases under OUT and run every one
    python scripts/hostile.py OUT --list     # names only
    python scripts/hostile.py OUT --only csv-stray-quote,db-folder

A case is a set of files and one command line. Every case must end within its time bound,
print no Python traceback, exit with one of the statuses it allows, and lose no good record:
files that mix bad records with good ones carry "canary" articles (ids ``ok-...``) whose
events must come out of ``code``. ``tests/test_hostile.py`` runs the corpus (the quick cases
by default, every case under ``-m slow``).

Exit statuses (docs/cli.md): 0 all read and written; 1 some input skipped (reported), or the store
or an output could not be used (one line says which); 2 a bad option or argument.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
CANARY = "Belarus recalled its ambassador to Ukraine on Thursday, citing hostile statements by officials in Kyiv."
ESC = "\x1b]0;pwned\x07\x1b[31m\x1b[2J"


def canary(tag: str) -> dict:
    return {"id": f"ok-{tag}", "text": CANARY, "date": "2022-03-17"}


def jsonl(path: Path, lines: list) -> None:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
                    encoding="utf-8", errors="surrogateescape")


@dataclass
class Case:
    name: str
    what: str
    make: Callable[[Path], list[str]]  # writes the case's files under its folder, returns the command line
    statuses: tuple[int, ...] = (0, 1)
    bound: float = 180.0  # seconds
    canaries: tuple[str, ...] = ()  # ids whose events must be in out.jsonl
    quick: bool = True  # in the default test run
    check: Callable[[Path, subprocess.CompletedProcess], str | None] | None = None
    env: dict = field(default_factory=dict)
    stdin: str | None = None  # a file of the case's folder fed to standard input


# -- file cases ------------------------------------------------------------------------------------

def _dates(d: Path) -> list[str]:
    text = ("Russia shelled Kharkiv yesterday and will attack Kyiv next week. Belarus recalled its ambassador on "
            "Monday, two days after the attack on March 3. Next year troops will withdraw; last month protests.")
    jsonl(d / "in.jsonl", [{"id": f"d{i}", "text": text, "date": x} for i, x in
                           enumerate(["0001-01-01", "9999-12-31", "0001-01-02", "9999-12-25"])] + [canary("dates")])
    return ["code", "in.jsonl", "-o", "out.jsonl"]


def _jsonl_nested(d: Path) -> list[str]:
    jsonl(d / "in.jsonl", [
        '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "bigint", "text": "Belarus recalled its envoy.", "date": ' + "9" * 5000 + "}",
        '{"id": ' + "7" * 5000 + ', "text": "Belarus recalled its envoy."}',
        '{"id": "bigfloat", "text": "Belarus recalled its envoy.", "date": 1e999}',
        {"id": "types", "text": ["a", "list"]}, {"id": {"a": 1}, "text": CANARY},
        '{"id": "nan", "text": NaN}', '{"id": "dup", "id": "dup2", "text": "Belarus recalled its envoy."}',
        "\ufeff" + json.dumps(canary("bom")), canary("jsonl")])
    return ["code", "in.jsonl", "-o", "out.jsonl"]


def _feed_dates(d: Path) -> list[str]:
    items = "".join(f"<item><title>Item {i}</title><description>{CANARY}</description><pubDate>{x}</pubDate>"
                    f"<link>https://example.org/{i}</link></item>"
                    for i, x in enumerate(["0000-00-00", "9999-99-99", "Mon, 32 Foo 0000 99:99:99 +9999", "-1",
                                           "00010101", "99991231"]))
    (d / "in.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
                              f"</channel></rss>")
    return ["code", "in.rss", "-o", "out.jsonl"]


def _csv_stray(d: Path) -> list[str]:
    plain = CANARY.replace(",", "")
    rows = ["id,text,date"] + [f"r{i},{plain},2022-03-17" for i in range(2000)]
    rows[3] = f'r2,"{plain},2022-03-17'  # a quote opens the field and nothing closes it
    (d / "in.csv").write_text("\n".join(rows) + "\n")
    return ["code", "in.csv", "-o", "out.jsonl"]


def _csv_stray_check(d: Path, p: subprocess.CompletedProcess) -> str | None:
    ids = {json.loads(x)["article_id"] for x in (d / "out.jsonl").read_text().splitlines()}
    lost = [f"r{i}" for i in range(4, 2000) if f"r{i}" not in ids]
    if lost:
        return f"{len(lost)} good rows after the stray quote lost"
    if "quote" not in p.stderr:
        return "the stray quote was not reported"
    return None


def _warc_bytes(uri: str, body: str) -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            f"<html><head><title>t</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>")
    payload = http.encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-03-17T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def _warc_cut(d: Path) -> list[str]:
    good = _warc_bytes("https://example.org/ok-warc", CANARY)
    cut = _warc_bytes("https://example.org/cut", CANARY)[:60]  # inside the record header
    (d / "in.warc").write_bytes(good + cut)
    return ["code", "in.warc", "-o", "out.jsonl"]


def _warc_cut_check(d: Path, p: subprocess.CompletedProcess) -> str | None:
    return None if "in.warc" in p.stderr and p.returncode == 1 else "the cut WARC record was not reported"


def _links(d: Path) -> list[str]:
    src = d / "src"
    (src / "sub").mkdir(parents=True)
    (src / "ok-links.txt").write_text(CANARY)
    (src / "sub" / "ok-sub.txt").write_text(CANARY)
    os.symlink("..", src / "sub" / "loop")
    os.symlink("/etc/passwd", src / "passwd.txt")
    os.symlink(src / "ok-links.txt", src / "again.txt")  # the same real file twice
    os.symlink(src, src / "self")
    return ["code", "src", "-o", "out.jsonl", "--date", "2022-03-17"]


def _links_check(d: Path, p: subprocess.CompletedProcess) -> str | None:
    ids = [json.loads(x)["article_id"] for x in (d / "out.jsonl").read_text().splitlines()]
    if any("passwd" in i for i in ids) or "root:" in (d / "out.jsonl").read_text():
        return "a file outside the folder was read"
    if any("again" in i for i in ids):
        return "one real file was read twice"
    return None


def _glob_loop(d: Path) -> list[str]:
    src = d / "g"
    src.mkdir()
    (src / "ok-glob.txt").write_text(CANARY)
    os.symlink(".", src / "loop")
    os.symlink("..", src / "up")
    return ["code", str(src) + "/**/*.txt", "-o", "out.jsonl", "--date", "2022-03-17"]


def _blank_gz(d: Path) -> list[str]:
    with gzip.open(d / "blank.jsonl.gz", "wb", compresslevel=9) as f:
        chunk = b"\n" * (1 << 20)
        for _ in range(1024):  # 1 GiB of blank lines in about 1 MB
            f.write(chunk)
    with gzip.open(d / "blank.txt.gz", "wb", compresslevel=9) as f:
        for _ in range(1024):
            f.write(b" \n" * (1 << 19))
    jsonl(d / "ok.jsonl", [canary("gz")])
    return ["code", "blank.jsonl.gz", "blank.txt.gz", "ok.jsonl", "-o", "out.jsonl"]


def _terminal(d: Path) -> list[str]:
    jsonl(d / "in.jsonl", [{"id": "[/x][bold]id" + ESC, "text": ESC + "[/x] Belarus recalled its ambassador "
                            "[red]to Ukraine[/red] on Thursday." + ESC, "date": "2022-03-17"}])
    (d / "[").mkdir()
    (d / "[" / "x].txt").write_text("Belarus recalled its ambassador to Ukraine [/x] on Thursday.")
    return ["code", "in.jsonl", "[/x].txt", "--date", "2022-03-17"]


def _no_escapes(d: Path, p: subprocess.CompletedProcess) -> str | None:
    if "\x1b" in p.stdout or "\x1b" in p.stderr or "\x07" in p.stdout:
        return "an escape sequence from the input reached the terminal"
    return None


def _places_terminal(d: Path) -> list[str]:
    _terminal(d)
    return ["places", "in.jsonl", "[/x].txt"]


def _long_sentence(d: Path, words: int = 20_000) -> list[str]:
    vocab = ["Belarus", "recalled", "its", "ambassador", "to", "Ukraine", "and", "troops", "in", "Kyiv", "shelled",
             "the", "city", "of", "Kharkiv", "while", "officials", "from", "Minsk", "said", "that", "Russia"]
    text = " ".join(vocab[(i * 7) % len(vocab)] for i in range(words))
    jsonl(d / "in.jsonl", [{"id": "long", "text": text, "date": "2022-03-17"}, canary("long")])
    return ["code", "in.jsonl", "-o", "out.jsonl"]


def _huge_text(d: Path) -> list[str]:
    # Past spaCy's own max_length with --max-chars raised: the article is refused, the run goes on.
    jsonl(d / "in.jsonl", [{"id": "huge", "text": ("Belarus recalled its envoy. " * 40_000), "date": "2022-03-17"},
                           canary("huge")])
    return ["code", "in.jsonl", "-o", "out.jsonl", "--max-chars", "2000000"]


# -- option and store cases ------------------------------------------------------------------------

def _simple(args: list[str], setup: Callable[[Path], None] | None = None) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        jsonl(d / "in.jsonl", [canary("opt")])
        if setup:
            setup(d)
        return args

    return make


def _db_file(content: bytes) -> Callable[[Path], None]:
    return lambda d: (d / "db.duckdb").write_bytes(content)


def _db_truncated(d: Path) -> None:
    import duckdb

    con = duckdb.connect(str(d / "full.duckdb"))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(100000)")
    con.close()
    data = (d / "full.duckdb").read_bytes()
    (d / "db.duckdb").write_bytes(data[: len(data) // 3])


def _db_corrupt(d: Path) -> None:
    import duckdb

    con = duckdb.connect(str(d / "full.duckdb"))
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(100000)")
    con.close()
    data = bytearray((d / "full.duckdb").read_bytes())
    for i in range(4096, len(data), 997):
        data[i] ^= 0x5A
    (d / "db.duckdb").write_bytes(bytes(data))


def _db_version(d: Path) -> None:
    from tocsin.store import Store

    with Store(d / "db.duckdb").writer() as w:
        w.set_meta({"schema_version": "999"})


def _db_ok(d: Path) -> None:
    from tocsin.store import Store

    with Store(d / "db.duckdb").writer() as w:
        w.set_meta({"probe": "1"})


def _no_db_file(d: Path, p: subprocess.CompletedProcess) -> str | None:
    return None


def _readonly(d: Path) -> None:
    (d / "ro").mkdir()
    os.chmod(d / "ro", 0o555)


def _temp_left(d: Path, p: subprocess.CompletedProcess) -> str | None:
    left = [x.name for x in d.rglob(".*") if x.is_file()]
    return f"temporary files left: {left}" if left else None


# -- more input kinds --------------------------------------------------------------------------------

def _feed_xxe(d: Path) -> list[str]:
    # An external entity naming a local file, and nested entities (the "billion laughs"): neither may
    # expand into stored text.
    laughs = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                                          for p, c in zip("abcdefgh", "bcdefghi"))
    (d / "in.rss").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">{laughs}]>'
        f'<rss version="2.0"><channel><title>T</title>'
        f"<item><title>x</title><description>&xxe; &i;</description><link>https://example.org/x</link></item>"
        f"<item><title>ok</title><description>{CANARY}</description><link>https://example.org/ok-feed</link>"
        f"<pubDate>Thu, 17 Mar 2022 10:00:00 GMT</pubDate></item></channel></rss>")
    return ["code", "in.rss", "-o", "out.jsonl"]


def _no_leak(d: Path, p: subprocess.CompletedProcess) -> str | None:
    out = (d / "out.jsonl").read_text() if (d / "out.jsonl").exists() else ""
    if "root:" in out + p.stdout + p.stderr or "lollollol" in out + p.stdout + p.stderr:
        return "an entity was expanded (a local file or the laughs reached the output)"
    return None


def _html_xxe(d: Path) -> list[str]:
    (d / "page.html").write_text(
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<html><head><title>t</title></head><body><article><p>&xxe;</p><p>{CANARY}</p><p>{CANARY}</p>"
        "</article></body></html>")
    return ["code", "page.html", "-o", "out.jsonl", "--date", "2022-03-17"]


def _html_deep(d: Path) -> list[str]:
    (d / "deep.html").write_text("<html><body>" + "<div>" * 50_000 + CANARY + "</div>" * 50_000 + "</body></html>")
    jsonl(d / "ok.jsonl", [canary("deep")])
    return ["code", "deep.html", "ok.jsonl", "-o", "out.jsonl", "--date", "2022-03-17"]


def _encodings(d: Path) -> list[str]:
    (d / "latin1.txt").write_bytes(("Le président a rappelé l'ambassadeur. " + CANARY).encode("latin-1"))
    (d / "utf16.txt").write_bytes(CANARY.encode("utf-16"))
    (d / "mixed.jsonl").write_bytes(b'{"id": "bad", "text": "caf\xe9 \xff\xfe broken"}\n'
                                    + json.dumps(canary("enc")).encode() + b"\n"
                                    + b'{"id": "sur", "text": "\\ud800 lone surrogate ' + CANARY.encode() + b'"}\n')
    return ["code", "latin1.txt", "utf16.txt", "mixed.jsonl", "-o", "out.jsonl", "--date", "2022-03-17"]


def _csv_nul_field(d: Path) -> list[str]:
    big = "Belarus recalled its envoy " * 10_000  # 270 k characters, past csv's default field limit
    # The NUL comes after the first 8 KB (the head decides "binary file"): one bad row, not a bad file.
    (d / "in.csv").write_bytes(("id,text,date\n" f"big,{big},2022-03-17\n"
                                f"nul,Belarus\x00recalled its envoy,2022-03-17\n"
                                f"ok-csv,{CANARY.replace(',', '')},2022-03-17\n").encode())
    return ["code", "in.csv", "-o", "out.jsonl", "--max-chars", "100000"]  # the big row: refused as too long


def _empty_inputs(d: Path) -> list[str]:
    (d / "empty.jsonl").write_bytes(b"")
    (d / "empty.txt").write_bytes(b"")
    (d / "nothing").mkdir()
    (d / "empty.csv").write_text("id,text\n")
    jsonl(d / "ok.jsonl", [canary("empty")])
    return ["code", "empty.jsonl", "empty.txt", "nothing", "empty.csv", "/dev/null", "missing.jsonl", "ok.jsonl",
            "-o", "out.jsonl"]


def _stdin_binary(d: Path) -> list[str]:
    (d / "bin").write_bytes(bytes(range(256)) * 4000)
    return ["code", "-", "-o", "out.jsonl", "--date", "2022-03-17"]


def _long_id(d: Path) -> list[str]:
    jsonl(d / "in.jsonl", [{"id": "../../etc/" + "x" * 100_000, "text": CANARY, "date": "2022-03-17"},
                           {"id": "", "text": CANARY + " Again.", "date": "2022-03-17"},
                           {"id": "\x00\x1b[2J", "text": CANARY + " Once more.", "date": "2022-03-17"},
                           canary("id")])
    return ["ingest", "in.jsonl", "--db", "db.duckdb", "--no-places"]


def _stored_ids(d: Path, p: subprocess.CompletedProcess) -> str | None:
    import duckdb

    con = duckdb.connect(str(d / "db.duckdb"), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    finally:
        con.close()
    if "ok-id" not in ids:
        return "data loss: ok-id not stored"
    if "\x1b" in p.stderr:
        return "an escape sequence reached the terminal"
    return None


def _sql_filters(d: Path) -> list[str]:
    _db_ok(d)
    return ["events", "--db", "db.duckdb", "--actor", "x' OR 1=1; DROP TABLE events; --", "--since", "2022-01-01"]


def _sql_intact(d: Path, p: subprocess.CompletedProcess) -> str | None:
    import duckdb

    con = duckdb.connect(str(d / "db.duckdb"), read_only=True)
    try:
        con.execute("SELECT count(*) FROM events").fetchall()
    except duckdb.Error:
        return "the events table is gone"
    finally:
        con.close()
    return None


def _short_english(d: Path) -> list[str]:
    heads = ["Belarus recalls envoy", "Troops shell Kharkiv", "Talks resume in Warsaw", "Russia warns Kyiv",
             "Protests in Minsk"]
    jsonl(d / "in.jsonl", [{"id": f"ok-h{i}", "text": h, "date": "2022-03-17"} for i, h in enumerate(heads)])
    return ["code", "in.jsonl", "-o", "out.jsonl"]


def _kept_all(d: Path, p: subprocess.CompletedProcess) -> str | None:
    return "a short English headline was skipped as another language" if "not English" in p.stderr else None


def _output_mode(d: Path) -> list[str]:
    jsonl(d / "in.jsonl", [canary("mode")])
    return ["code", "in.jsonl", "-o", "out.jsonl"]


def _mode_check(d: Path, p: subprocess.CompletedProcess) -> str | None:
    mode = (d / "out.jsonl").stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return None if mode == 0o666 & ~mask else f"output file mode {mode:o}, not {0o666 & ~mask:o} (the umask's)"


def _bad_date_option(d: Path) -> list[str]:
    jsonl(d / "in.jsonl", [canary("date")])
    return ["code", "in.jsonl", "--date", "2022-02-30"]


CASES: list[Case] = [
    Case("dates-extreme", "publication dates 0001-01-01 and 9999-12-31 with relative dates", _dates,
         canaries=("ok-dates",)),
    Case("jsonl-nested", "JSONL: 100,000-deep nesting, 5,000-digit integers, wrong types, NaN", _jsonl_nested,
         canaries=("ok-jsonl", "ok-bom")),
    Case("feed-zero-date", "RSS items dated 0000-00-00, 9999-99-99 and worse", _feed_dates,
         check=lambda d, p: None if len((d / "out.jsonl").read_text().splitlines()) >= 6 else "feed items lost"),
    Case("csv-stray-quote", "CSV of 2,000 rows with two stray quotes near the top", _csv_stray, check=_csv_stray_check,
         bound=400, quick=False),
    Case("warc-cut-header", "WARC: one good record, then a record cut inside its header", _warc_cut,
         canaries=("u-",), check=_warc_cut_check),
    Case("folder-links", "folder with a symlink loop, a link to /etc/passwd, a second link to one file", _links,
         canaries=("ok-links", "sub/ok-sub"), check=_links_check),
    Case("glob-loop", "glob ** over a folder holding symlink loops", _glob_loop, canaries=("ok-glob",)),
    Case("gzip-blank-lines", "1 GiB of blank lines gzipped to about 1 MB, as JSONL and as text", _blank_gz,
         canaries=("ok-gz",), quick=False, bound=300),
    Case("terminal-escapes", "Rich markup and ANSI/OSC escapes in ids, paths and text, shown as a table", _terminal,
         check=_no_escapes),
    Case("places-terminal", "the same through places", _places_terminal, check=_no_escapes),
    Case("long-sentence-10k", "one unpunctuated 10,000-word sentence", lambda d: _long_sentence(d, 10_000),
         canaries=("ok-long",), quick=False, bound=300),
    Case("long-sentence-20k", "one unpunctuated 20,000-word sentence", _long_sentence, canaries=("ok-long",),
         quick=False, bound=400),
    Case("huge-text", "a 1.1 M character text with --max-chars 2000000", _huge_text, canaries=("ok-huge",),
         quick=False, bound=300),
    Case("max-chars-negative", "--max-chars -5", _simple(["code", "in.jsonl", "--max-chars", "-5"]), statuses=(2,)),
    Case("gazetteer-dev-zero", "--gazetteer /dev/zero", _simple(["code", "in.jsonl", "--gazetteer", "/dev/zero"]),
         statuses=(1, 2)),
    Case("gazetteer-folder", "--gazetteer naming a folder", _simple(["places", "in.jsonl", "--gazetteer", "."]),
         statuses=(1, 2)),
    Case("root-superscript", "--root ²", _simple(["events", "--db", "db.duckdb", "--root", "²"], _db_ok),
         statuses=(1, 2)),
    Case("limit-65-bits", "--limit beyond 64 bits",
         _simple(["events", "--db", "db.duckdb", "--limit", "99999999999999999999999"], _db_ok)),
    Case("lang-empty", "--lang ''", _simple(["ingest", "in.jsonl", "--db", "db.duckdb", "--lang", ""]),
         statuses=(2,)),
    Case("db-folder", "--db naming a folder", _simple(["events", "--db", "."]), statuses=(1, 2)),
    Case("db-folder-ingest", "ingest --db naming a folder", _simple(["ingest", "in.jsonl", "--db", "."]),
         statuses=(1, 2)),
    Case("db-empty", "--db an empty file", _simple(["events", "--db", "db.duckdb"], _db_file(b""))),
    Case("db-empty-ingest", "ingest into an empty file", _simple(["ingest", "in.jsonl", "--db", "db.duckdb"],
                                                               _db_file(b"")), statuses=(1,)),
    Case("db-foreign", "--db a text file", _simple(["events", "--db", "db.duckdb"], _db_file(b"hello\n" * 1000)),
         statuses=(1,)),
    Case("db-foreign-ingest", "ingest into a text file",
         _simple(["ingest", "in.jsonl", "--db", "db.duckdb"], _db_file(b"hello\n" * 1000)), statuses=(1,)),
    Case("db-truncated", "--db a truncated DuckDB file", _simple(["events", "--db", "db.duckdb"], _db_truncated),
         statuses=(1,)),
    Case("db-corrupt", "--db a DuckDB file with flipped bytes", _simple(["events", "--db", "db.duckdb"], _db_corrupt),
         statuses=(0, 1)),
    Case("db-schema-999", "--db a store of schema version 999", _simple(["events", "--db", "db.duckdb"], _db_version),
         statuses=(1,)),
    Case("db-schema-999-ingest", "ingest into a store of schema version 999",
         _simple(["ingest", "in.jsonl", "--db", "db.duckdb"], _db_version), statuses=(1,)),
    Case("out-folder", "-o naming a folder", _simple(["code", "in.jsonl", "-o", "."]), statuses=(1, 2),
         check=_temp_left),
    Case("out-readonly", "-o into a folder no file can be created in", _simple(["code", "in.jsonl", "-o",
                                                                                "/proc/tocsin-out.jsonl"]),
         statuses=(1, 2), check=_temp_left),
    Case("out-full-disk", "-o onto /dev/full (a full disk), through a link", _simple(
        ["code", "in.jsonl", "-o", "full.jsonl"], lambda d: os.symlink("/dev/full", d / "full.jsonl")),
         statuses=(1,), check=lambda d, p: None if os.path.islink(d / "full.jsonl") and "space" in p.stderr
         else "the full disk was not reported, or the link was replaced"),
    Case("events-out-folder", "events -o naming a folder", _simple(["events", "--db", "db.duckdb", "-f", "csv", "-o",
                                                                    "."], _db_ok), statuses=(1, 2)),
    Case("feed-xxe-laughs", "RSS with an external entity (file:///etc/passwd) and a billion-laughs DTD", _feed_xxe,
         canaries=("u-",), check=_no_leak),
    Case("html-xxe", "an XHTML page declaring an external entity", _html_xxe, check=_no_leak),
    Case("html-deep", "HTML nested 50,000 divs deep", _html_deep, canaries=("ok-deep",), quick=False, bound=300),
    Case("bad-encodings", "Latin-1 and UTF-16 text files, invalid UTF-8 and a lone surrogate in JSONL", _encodings,
         canaries=("ok-enc",)),
    Case("csv-nul-huge", "CSV with a 270 k character field, then a NUL byte in a row", _csv_nul_field, canaries=("ok-csv",)),
    Case("empty-inputs", "empty files, an empty folder, a header-only CSV, /dev/null, a missing file", _empty_inputs,
         canaries=("ok-empty",), statuses=(1,)),
    Case("stdin-binary", "1 MB of binary bytes on standard input", _stdin_binary,
         stdin="bin"),
    Case("ids-hostile", "ingest: a 100,000-character id with ../, an empty id, an id of control characters",
         _long_id, check=_stored_ids),
    Case("sql-in-filters", "events filters carrying SQL (quotes, DROP TABLE, comments)", _sql_filters,
         statuses=(0,), check=_sql_intact),
    Case("short-english", "five short English headlines", _short_english, statuses=(0,), check=_kept_all),
    Case("output-mode", "code -o: the output file gets the umask's permissions, not 0600", _output_mode,
         canaries=("ok-mode",), check=_mode_check),
    Case("date-invalid", "--date 2022-02-30", _bad_date_option, statuses=(2,)),
    Case("workers-1000", "--workers 1000", _simple(["code", "in.jsonl", "--workers", "1000", "-o", "out.jsonl"]),
         canaries=("ok-opt",), quick=False, bound=300),
]


def run_case(case: Case, base: Path) -> dict:
    d = base / case.name
    if d.exists():
        subprocess.run(["chmod", "-R", "u+w", str(d)], check=False)
        subprocess.run(["rm", "-rf", str(d)], check=True)
    d.mkdir(parents=True)
    args = case.make(d)
    env = {**os.environ, "COLUMNS": "200", **case.env}
    t0 = time.monotonic()
    stdin = open(d / case.stdin, "rb") if case.stdin else subprocess.DEVNULL
    try:
        p = subprocess.run([sys.executable, "-m", "tocsin", *args], cwd=d, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, stdin=stdin, text=True, timeout=case.bound, env=env,
                           errors="replace")
    except subprocess.TimeoutExpired:
        return {"case": case.name, "ok": False, "why": f"hang: over {case.bound:.0f}s", "seconds": case.bound}
    finally:
        if case.stdin:
            stdin.close()
    secs = time.monotonic() - t0
    why = []
    if "Traceback" in p.stderr or "Traceback" in p.stdout:
        why.append("traceback")
    if p.returncode not in case.statuses:
        why.append(f"exit {p.returncode}, expected {'/'.join(map(str, case.statuses))}")
    fails = [x for x in p.stderr.splitlines() if x.startswith("tocsin:")]
    if len(fails) > 1:
        why.append(f"{len(fails)} failure lines, not one: {fails[-1][:80]!r}")
    if case.canaries:
        out = d / "out.jsonl"
        ids = {json.loads(x)["article_id"] for x in out.read_text().splitlines()} if out.exists() else set()
        lost = [c for c in case.canaries if not any(i == c or i.startswith(c) for i in ids)]
        if lost:
            why.append(f"data loss: {', '.join(lost)}")
    if case.check and not why:
        try:
            extra = case.check(d, p)
        except Exception as exc:  # the check itself could not read the output: that is a failure too
            extra = f"check failed: {type(exc).__name__}: {exc}"
        if extra:
            why.append(extra)
    last = (p.stderr.strip().splitlines() or [""])[-1][:160]
    return {"case": case.name, "ok": not why, "why": "; ".join(why), "exit": p.returncode,
            "seconds": round(secs, 1), "last_line": last, "stderr": p.stderr[-3000:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--quick", action="store_true", help="only the quick cases")
    a = ap.parse_args(argv)
    a.out = a.out.resolve()
    chosen = [c for c in CASES if (not a.only or c.name in a.only.split(",")) and (c.quick or not a.quick)]
    if a.list:
        for c in chosen:
            print(f"{c.name:24} {c.what}")
        return 0
    results = []
    for c in chosen:
        r = run_case(c, a.out)
        results.append(r)
        flag = "ok  " if r["ok"] else "FAIL"
        print(f"{flag} {c.name:24} {r['seconds']:6.1f}s exit {r.get('exit', '-')}  {r['why'] or r.get('last_line', '')}",
              flush=True)
    bad = [r for r in results if not r["ok"]]
    tb = sum("traceback" in r["why"] for r in results)
    hangs = sum("hang" in r["why"] for r in results)
    loss = sum("data loss" in r["why"] or "lost" in r["why"] for r in results)
    print(f"\n{len(results)} case(s): {len(results) - len(bad)} ok; tracebacks {tb}, hangs {hangs}, data loss {loss}")
    (a.out / "results.json").write_text(json.dumps(results, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
