"""`tocsin ingest --dask local`: coding on a Dask LocalCluster gives exactly the store of a local run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus import make_articles, write_corpus
from test_ingest import snapshot
from tocsin.store import Store

ROOT = Path(__file__).resolve().parents[1]


def test_dask_local_cluster_stores_exactly_the_events_of_a_local_run(tmp_path):
    inputs = write_corpus(tmp_path / "in", 150, seed=21, malformed=False)
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    common = ["--no-places", "--batch-size", "40"]  # several batches, so ordering across partitions matters
    for db, extra in ((local, []), (dask, ["--dask", "local", "--workers", "2"])):
        r = subprocess.run([sys.executable, "-m", "tocsin", "ingest", *inputs, "--db", str(db), *common, *extra],
                           capture_output=True, text=True, cwd=ROOT, timeout=900)
        assert r.returncode == 0, r.stderr[-3000:]
        assert "coded" in r.stderr
    want, got = snapshot(local), snapshot(dask)
    assert len(got["events"]) == len(want["events"])
    for table in want:
        assert got[table] == want[table], table


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    inputs = write_corpus(tmp_path / "in", 3, seed=22, malformed=False)
    r = subprocess.run([sys.executable, "-m", "tocsin", "ingest", *inputs, "--db", str(tmp_path / "s.duckdb"),
                        "--dask", "tcp://127.0.0.1:9", "--no-places"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "s.duckdb").exists()


def _group_alive(pgid: int) -> list[int]:
    alive = []
    for d in os.listdir("/proc"):
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(d))
    return alive


@pytest.mark.slow
def test_ctrl_c_stops_a_dask_ingest_cleanly(tmp_path):
    """Ctrl-C while the LocalCluster codes: exit 130, no traceback or Dask log lines, no process left."""
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in make_articles(3000, seed=5)))
    db = tmp_path / "s.duckdb"
    p = subprocess.Popen([sys.executable, "-m", "tocsin", "ingest", str(inp), "--db", str(db), "--dask", "local",
                          "--workers", "2", "--no-places", "--batch-size", "40"], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        while p.poll() is None and time.monotonic() < deadline:  # the workers have coded and a batch is stored
            if db.exists():
                try:
                    if Store(db, lock_timeout=5).counts()["articles"] > 0:
                        break
                except Exception:  # created this instant, or held by a transaction
                    pass
            time.sleep(0.5)
        assert p.poll() is None, p.stderr.read()
        workers = _group_alive(p.pid)
        assert len(workers) >= 3, "the cluster's worker processes were not found"
        p.send_signal(signal.SIGINT)  # the parent alone, as the terminal's Ctrl-C reaches the foreground job
        _, err = p.communicate(timeout=180)
        assert p.returncode == 130, err
        assert "Traceback" not in err and "WARNING" not in err and len(err.strip().splitlines()) <= 2, err
        deadline = time.monotonic() + 20
        while _group_alive(p.pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _group_alive(p.pid) == [], "processes of the Dask run outlived it"
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
