"""`tocsin ingest` with the real pipeline: idempotent, resumable after kill -9, bad input harmless.

The coder is being written alongside: these tests never count its events, they compare
runs with each other (an interrupted run against an uninterrupted one, a re-run against the first).
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from corpus import write_corpus
from tocsin.store import Store

ROOT = Path(__file__).resolve().parents[1]


def tocsin(*args, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tocsin", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def snapshot(db: Path) -> dict[str, list]:
    """Every stored fact, in a canonical order, minus the wall-clock time of the commit."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY article_id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "places": con.execute('SELECT * FROM places ORDER BY article_id, start, "end"').fetchall(),
            "minhash": con.execute("SELECT * FROM minhash ORDER BY article_id").fetchall(),
            "lsh_bands": con.execute("SELECT * FROM lsh_bands ORDER BY article_id, band").fetchall(),
            "clusters": con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall(),
            "event_clusters": con.execute("SELECT * FROM event_clusters ORDER BY event_id").fetchall(),
        }
    finally:
        con.close()


def test_ingest_twice_stores_once(tmp_path):
    inputs = write_corpus(tmp_path / "in", 60, seed=11, malformed=False)
    db = tmp_path / "s.duckdb"
    r = tocsin("ingest", *inputs, "--db", db, "--no-places")
    assert r.returncode == 0, r.stderr
    assert "read 60 article(s)" in r.stderr and "coded" in r.stderr
    first = snapshot(db)
    counts = Store(db).counts()
    assert counts["articles"] == 60 and counts["coded"] + counts["duplicates"] + counts["near_duplicates"] == 60
    assert counts["duplicates"] >= 1  # the generator syndicates some stories word for word
    r = tocsin("ingest", *inputs, "--db", db, "--no-places")
    assert r.returncode == 0, r.stderr
    assert "already stored 60" in r.stderr and "coded 0 article(s)" in r.stderr
    assert snapshot(db) == first


def test_bad_input_is_reported_and_loses_nothing(tmp_path):
    inputs = write_corpus(tmp_path / "in", 30, seed=12)
    good = [p for p in inputs if "/bad/" not in p]
    bad = [p for p in inputs if "/bad/" in p]
    db = tmp_path / "s.duckdb"
    assert tocsin("ingest", *good, "--db", db, "--no-places").returncode in (0, 1)
    before = snapshot(db)
    r = tocsin("ingest", *bad, tmp_path / "no-such-file.jsonl", "--db", db, "--no-places")
    assert r.returncode == 1
    for name in ("latin1.txt", "empty.txt", "binary.txt", "truncated.jsonl.gz", "no-such-file.jsonl"):
        assert name in r.stderr
    assert "1 language" in r.stderr  # the German article: counted, not an error line
    assert "Traceback" not in r.stderr
    after = snapshot(db)
    assert after["events"] == before["events"] and after["articles"][:len(before["articles"])] == before["articles"]


@pytest.mark.slow
def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path):
    """2,000 articles in seven formats with malformed files among them, killed at a random point."""
    inputs = write_corpus(tmp_path / "in", 2000, seed=7)
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    args = [*inputs, "--no-places", "--workers", "2"]

    r = tocsin("ingest", *args, "--db", whole)
    assert r.returncode == 1, r.stderr  # malformed files: reported, exit status 1, the rest stored
    expected = snapshot(whole)
    n_articles = len(expected["articles"])
    assert n_articles > 1900 and len(expected["events"]) == len({e[0] for e in expected["events"]})

    target = random.Random().randint(n_articles // 10, n_articles * 7 // 10)
    proc = subprocess.Popen([sys.executable, "-m", "tocsin", "ingest", *args, "--db", str(resumed)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    stored = 0
    try:
        while proc.poll() is None:
            if resumed.exists():
                try:
                    stored = Store(resumed, lock_timeout=5).counts()["articles"]
                except Exception:  # the store is being created, or locked for longer than the timeout
                    stored = 0
                if stored >= target:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            time.sleep(0.1)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the coding workers die with it, as in a crash
        except ProcessLookupError:
            pass
        proc.wait(60)
    assert proc.returncode == -signal.SIGKILL, f"the run ended before the kill at {target} articles"
    partial = snapshot(resumed)
    assert 0 < len(partial["articles"]) < n_articles, target
    # What was committed before the kill is a prefix of the uninterrupted run, event for event.
    stored_ids = {a[0] for a in partial["articles"]}
    assert set(partial["events"]) == {e for e in expected["events"] if e[1] in stored_ids}

    r = tocsin("ingest", *args, "--db", resumed)
    assert r.returncode == 1, r.stderr
    assert f"already stored {len(partial['articles'])}" in r.stderr
    got = snapshot(resumed)
    assert len(got["events"]) == len(expected["events"]), f"killed at {target} articles"
    for table in expected:
        assert got[table] == expected[table], f"{table} differs after a kill at {target} articles"
