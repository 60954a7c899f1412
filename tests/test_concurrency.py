"""Two writers on one store: the second waits for the first, and the store ends as after the two in a row.

The processes here ingest with the stand-in coder (tests/fake_coder.py, no spaCy) and a delay
per partition, so that without the run lock their batches would interleave: both would see
the same max ``seq``, and both would code a text the other has not committed yet.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from corpus import make_articles
from tocsin.store import Store, StoreLocked

HERE = Path(__file__).resolve().parent

WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from datetime import date
from fake_coder import FakeBackend
from tocsin.model import Article
from tocsin.store import Store
from tocsin.store.loader import Ingest

import os

class Slow(FakeBackend):
    def submit(self, articles):
        # Hold the store until the test has seen the other run wait: the runs then overlap for sure.
        while sys.argv[5] and not os.path.exists(sys.argv[5]):
            time.sleep(0.01)
        time.sleep(float(sys.argv[4]))
        return super().submit(articles)

recs = [json.loads(line) for line in open(sys.argv[3])]
arts = [Article(id=r["id"], text=r["text"], date=date.fromisoformat(r["date"])) for r in recs]
waited = []
s = Ingest(Store(sys.argv[2]), Slow(), batch_size=8, partition_size=4,
           on_wait=lambda pid: (waited.append(pid), print("waiting", pid, flush=True))).run(arts)
print(json.dumps({"coded": s.coded, "duplicates": s.duplicates, "stored": s.already_stored, "waited": waited}),
      flush=True)
"""


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


def _snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * EXCLUDE ({x}) FROM {t} ORDER BY ALL").fetchall() if x else
                con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t, x in (("articles", "ingested_at"), ("events", ""), ("places", ""), ("minhash", ""),
                             ("lsh_bands", ""), ("clusters", ""), ("event_clusters", ""))}
    finally:
        con.close()


def _start(db: Path, inp: Path, delay: float, go: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER, str(HERE), str(db), str(inp), str(delay), str(go or "")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _holder(db: Path) -> int | None:
    lock = Path(str(db.resolve()) + ".lock")
    raw = lock.read_text().split() if lock.exists() else []
    return int(raw[0]) if raw else None


def _concurrent(tmp_path: Path, a: list[dict], b: list[dict]) -> tuple[dict, dict, list[dict]]:
    fa, fb = _write(tmp_path / "a.jsonl", a), _write(tmp_path / "b.jsonl", b)
    db = tmp_path / "together.duckdb"
    go = tmp_path / "go"
    first = _start(db, fa, 0.02, go)
    deadline = time.monotonic() + 120
    while _holder(db) != first.pid:  # the first run holds the lock: the second must come after it
        assert first.poll() is None and time.monotonic() < deadline, first.stderr.read() if first.stderr else ""
        time.sleep(0.02)
    second = _start(db, fb, 0.0)
    assert second.stdout.readline().startswith("waiting"), second.stderr.read()
    go.touch()
    outs = []
    for p in (first, second):
        out, errs = p.communicate(timeout=300)
        assert p.returncode == 0, errs
        outs.append(json.loads(out.strip().splitlines()[-1]))
    seq = tmp_path / "sequential.duckdb"
    for f in (fa, fb):
        p = _start(seq, f, 0.0)
        _, errs = p.communicate(timeout=300)
        assert p.returncode == 0, errs
    return _snapshot(db), _snapshot(seq), outs


@pytest.mark.parametrize("overlap", [True, False], ids=["overlapping", "disjoint"])
def test_two_ingests_at_once_equal_the_two_in_a_row(tmp_path, overlap):
    recs = make_articles(120, seed=3)
    if overlap:
        # The same texts under other ids, and the same ids: neither may be coded twice.
        a = recs[:80]
        b = [dict(r, id=f"other-{r['id']}") for r in recs[40:100]] + recs[60:120]
    else:
        a, b = recs[:60], recs[60:]
    together, sequential, outs = _concurrent(tmp_path, a, b)
    assert outs[1]["waited"], "the second ingest did not wait for the first"
    assert together == sequential
    seqs = sorted(row[-1] for row in together["articles"])
    assert seqs == list(range(1, len(seqs) + 1)), "seq values are not one per article, in order"
    hashes = duckdb.connect(str(tmp_path / "together.duckdb"), read_only=True).execute(
        "SELECT content_hash, count(*) FROM articles WHERE status = 'coded' GROUP BY 1 HAVING count(*) > 1").fetchall()
    assert hashes == [], "a text was coded twice"


def test_a_writer_that_cannot_wait_says_who_holds_the_store(tmp_path):
    db = tmp_path / "s.duckdb"
    holder = Store(db)
    with holder.exclusive():
        other = subprocess.run([sys.executable, "-c",
                                "import sys; from tocsin.store import Store, StoreLocked\n"
                                "try:\n  Store(sys.argv[1], write_timeout=0.2).exclusive().__enter__()\n"
                                "except StoreLocked as e: print(e)", str(db)],
                               capture_output=True, text=True, timeout=120)
        assert "is being written by another tocsin process" in other.stdout
        # Readers are not kept out by a writing run: only by one of its transactions.
        with holder.writer() as w:
            w.set_meta({"probe": "1"})
        assert Store(db).sql("SELECT value FROM meta WHERE key = 'probe'").value.tolist() == ["1"]
    # Released: the next writer gets in at once.
    with Store(db, write_timeout=0).exclusive():
        pass


def test_the_lock_dies_with_its_process(tmp_path):
    db = tmp_path / "s.duckdb"
    p = subprocess.Popen([sys.executable, "-c", "import sys; from tocsin.store import Store\n"
                          "cm = Store(sys.argv[1]).exclusive(); cm.__enter__(); print('held', flush=True); "
                          "sys.stdin.readline()", str(db)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    with pytest.raises(StoreLocked):
        with Store(db, write_timeout=0.1).exclusive():
            pass
    p.kill()
    p.wait()
    with Store(db, write_timeout=5).exclusive():
        pass
