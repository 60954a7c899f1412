"""The `tocsin code` command, on good and bad input, through its real entry point."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "article.txt"


def tocsin(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "tocsin", *map(str, args)], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300)


def test_codes_the_example_to_jsonl(tmp_path):
    out = tmp_path / "events.jsonl"
    r = tocsin("code", EXAMPLE, "--date", "2025-06-16", "-o", out)
    assert r.returncode == 0, r.stderr.decode()
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events
    keys = {"event_id", "article_id", "sentence", "span", "date", "date_precision", "source", "target",
            "cameo", "goldstein", "quad_class", "plover", "acled", "modality", "attributed_to", "location",
            "confidence", "rule"}
    assert keys <= set(events[0])
    assert all(e["article_id"] == "article" for e in events)
    recall = [e for e in events if e["cameo"].startswith("16")]
    assert recall and recall[0]["source"]["country"] == "ARM"
    text = EXAMPLE.read_text()
    for e in events:
        lo, hi = e["span"]
        assert text[lo:hi] and text[lo:hi] in e["sentence"]


def test_table_without_output():
    r = tocsin("code", "-", "--date", "2024-01-05",
               stdin="Turkish jets bombed Kurdish militant positions in northern Iraq on Tuesday.".encode())
    assert r.returncode == 0, r.stderr.decode()
    assert "bombed" in r.stdout.decode()


def test_jsonl_with_malformed_lines(tmp_path):
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok1", "text": "Police arrested twelve protesters in Minsk.", "date": "2021-02-01"}),
        "{not json",
        json.dumps({"id": "ok2", "text": "Egypt hosted talks between Israeli and Hamas negotiators."}),
        json.dumps({"id": "x4", "text": 42}),
    ]) + "\n")
    out = tmp_path / "ev.jsonl"
    r = tocsin("code", src, "-o", out)
    err = r.stderr.decode()
    assert r.returncode != 0
    assert ":2" in err and ":4" in err and "Traceback" not in err
    ids = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert ids == {"ok1", "ok2"}


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 40, "binary"),
    ("Les manifestants ont d\u00e9fil\u00e9 \u00e0 Paris.".encode("latin-1"), "UTF-8"),
])
def test_bad_files_get_one_clear_line(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = tocsin("code", f, "--date", "2024-01-01")
    err = r.stderr.decode()
    assert r.returncode != 0
    assert reason in err and "Traceback" not in err


def test_huge_text_is_refused_clearly(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("Troops shelled the town. " * 840_000)  # ~20 MB
    r = tocsin("code", f, "--date", "2024-01-01")
    err = r.stderr.decode()
    assert r.returncode != 0 and "too large" in err and "Traceback" not in err


def test_missing_file_and_bad_date(tmp_path):
    r = tocsin("code", tmp_path / "nope.txt")
    assert r.returncode != 0 and "no such file" in r.stderr.decode()
    r = tocsin("code", EXAMPLE, "--date", "21/03/2022")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "ev.jsonl"
    out.write_text("precious\n")
    r = tocsin("code", tmp_path / "missing.txt", "-o", out)
    assert r.returncode != 0
    assert out.read_text() == "precious\n"


def test_ctrl_c_inside_a_duckdb_query_is_an_interrupt_not_a_store_failure():
    """DuckDB reports a Ctrl-C that lands inside a query as its own error; the CLI must exit 130 for it
    (a Dask ingest interrupted mid-commit printed 'tocsin: Query interrupted' and exited 1)."""
    import duckdb

    from tocsin.cli.common import interrupted
    assert interrupted(duckdb.InterruptException("INTERRUPT Error: Interrupted!"))
    assert interrupted(RuntimeError("Query interrupted"))
    assert not interrupted(RuntimeError("Catalog Error: Table with name x does not exist"))
    assert not interrupted(duckdb.IOException("Could not set lock on file"))
