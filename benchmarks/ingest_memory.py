#!/usr/bin/env python3
"""Where a distinct ingest's memory goes: Python's heap, glibc's, or DuckDB's (by tag).

usage: python benchmarks/ingest_memory.py INPUT.jsonl [--records 120000] [--every 15]
           [--transactions N] [--db PATH]

Runs ``Ingest`` in this process with the stand-in coder of tests/fake_coder.py (the store side
alone, as ``million.py --stub``) over the first --records records of INPUT (make one with
``million.py --kind distinct``). A thread prints, every --every seconds: records read, RSS,
Python's allocated blocks, glibc's main arena, and what ``duckdb_memory()`` reported by tag at
the session connection's last transaction (ART_INDEX: the primary-key and other indexes;
BASE_TABLE: table pages). ``--transactions`` reopens the session connection that often instead of
``SESSION_TRANSACTIONS``. docs/hardening.md has what it found.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import fake_coder  # noqa: E402

import tocsin.store.store as S  # noqa: E402
from tocsin.readers import read_inputs  # noqa: E402
from tocsin.store.loader import Ingest  # noqa: E402


class _MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                               "fsmblks", "uordblks", "fordblks", "keepcost")]


class Lean(fake_coder.FakeBackend):
    def submit(self, articles):
        return fake_coder._Done([fake_coder.code(a) for a in articles])

    def abort(self):
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("--records", type=int, default=120_000)
    ap.add_argument("--every", type=float, default=15.0)
    ap.add_argument("--transactions", type=int, default=None)
    ap.add_argument("--db", type=Path, default=None)
    a = ap.parse_args()

    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    db = a.db or Path(tempfile.mkdtemp(prefix="tocsin-mem-")) / "store.duckdb"
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)

    tags: dict[str, float] = {}
    measured = S._duckdb_bytes

    def by_tag(con):  # the session asks this at each transaction: look at the same moment, by tag
        rows = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0").fetchall()
        tags.clear()
        tags.update({t: round(b / 2**20, 1) for t, b in rows})
        return measured(con)

    S._duckdb_bytes = by_tag
    read = [0]

    def records():
        for i, art in enumerate(read_inputs([str(a.input)], problems=[])):
            if i >= a.records:
                break
            read[0] = i + 1
            yield art

    def rss_mb() -> float:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

    t0 = time.monotonic()

    def sample() -> None:
        print("t_s\tread\trss_mb\tpy_blocks\tmain_arena_mb\tduckdb_mb_by_tag", flush=True)
        while True:
            m = libc.mallinfo2()
            print(f"{time.monotonic() - t0:.0f}\t{read[0]}\t{rss_mb():.1f}\t{sys.getallocatedblocks()}\t"
                  f"{m.arena / 2**20:.1f}\t{dict(tags)}", flush=True)
            time.sleep(a.every)

    threading.Thread(target=sample, daemon=True).start()
    store = S.Store(db)
    if a.transactions:
        store.session_transactions = a.transactions
    s = Ingest(store, Lean()).run(records(), [])
    print(f"# done: read {s.read}, coded {s.coded}, {time.monotonic() - t0:.0f} s; store {db}", flush=True)
    if a.db is None:
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
