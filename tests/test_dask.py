"""`tocsin ingest --dask local`: coding on a Dask LocalCluster gives exactly the store of a local run."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corpus import write_corpus
from test_ingest import snapshot

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
