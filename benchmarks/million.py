"""Ingest at scale: records/s, rows committed over time, and peak memory, 100k against 1M records.

    .venv/bin/python benchmarks/million.py --records 100000 --kind copies
    .venv/bin/python benchmarks/million.py --records 1000000 --kind copies --timeout 1800
    .venv/bin/python benchmarks/million.py --records 100000 --kind distinct --stub
    .venv/bin/python benchmarks/million.py --records 20000 --kind copies --command code

``copies``: one wire story under a million ids (a few distinct stories among them), the input that
used to commit nothing until the end. ``distinct``: short generated stories (tests/corpus.py), 6%
exact and 6% near copies. ``--stub`` codes with the phrase-rule stand-in of tests/fake_coder.py
instead of spaCy, which measures the store side alone (reading, language id, dedup, MinHash,
commits): a million distinct articles through the real coder is days on two cores.

The run is a child process (``tocsin ingest``, or the loader with the stub); every second the
sampler records the resident memory of it and its children and the rows committed so far (a
read-only look at the store between ingest's transactions, every 5 s) and how far the input
file has been read (its offset, from /proc). Printed: one line per 10% of the run, and a summary
line: records/s, peak MB over the whole run and while the first 10% and 50% of the input were
read (so one million-record run also gives the 100k figure), and the load average.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

WIRE = ("MINSK, March 17 (Northern Wire) - Belarus recalled its ambassador to Ukraine on Thursday, citing what it "
        "called hostile statements by Ukrainian officials in Kyiv. The Belarusian foreign ministry said the envoy "
        "would return to Minsk for consultations.")


def write_input(path: Path, n: int, kind: str, seed: int = 0) -> None:
    r = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        if kind == "copies":
            for i in range(n):
                text = WIRE if r.random() > 0.001 else WIRE + f" Update {i}: talks resumed in Warsaw."
                f.write(json.dumps({"id": f"w{i}", "text": text, "date": "2022-03-17"}) + "\n")
        else:
            from corpus import make_articles

            block = 5000
            for start in range(0, n, block):
                for rec in make_articles(min(block, n - start), seed=seed + start):
                    rec = dict(rec, id=f"{rec['id']}-{start}")
                    f.write(json.dumps(rec) + "\n")


STUB = r"""
import sys, json
sys.path.insert(0, sys.argv[3])
import fake_coder
from tocsin.readers import read_inputs


class Lean(fake_coder.FakeBackend):
    # FakeBackend keeps every coded id for the tests to look at: memory a benchmark must not count.
    def submit(self, articles):
        return fake_coder._Done([fake_coder.code(a) for a in articles])

    def abort(self):
        return None


problems = []
articles = read_inputs([sys.argv[1]], problems=problems)
if sys.argv[4] == "ingest":
    from tocsin.store import Store
    from tocsin.store.loader import Ingest

    s = Ingest(Store(sys.argv[2]), Lean()).run(articles, problems)
    print(json.dumps({"read": s.read, "coded": s.coded, "duplicates": s.duplicates, "near": s.near_duplicates}))
else:  # code -o: the CLI's loop, with the stand-in coder
    from pathlib import Path
    from tocsin import runner
    from tocsin.cli.common import JsonlOutput

    out, n = JsonlOutput(Path(sys.argv[2])), 0
    for article, coded in runner.code(Lean(), articles):
        n += 1
        for e in coded.events:
            out.add(e)
    out.commit()
    print(json.dumps({"coded": n, "problems": len(problems)}))
"""

def _rss_tree(pid: int) -> float:
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(x) for x in f.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def _input_pos(pid: int, path: Path) -> int | None:
    """How far process ``pid`` has read ``path``: the offset of its open file."""
    target = str(path.resolve())
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    with open(f"/proc/{pid}/fdinfo/{fd}") as f:
                        return next(int(x.split()[1]) for x in f if x.startswith("pos:"))
            except (OSError, StopIteration, ValueError):
                continue
    except OSError:
        return None
    return None


def _committed(db: Path) -> int | None:
    # Through tocsin's reader: one that finds the store held says so, and ingest (which keeps the
    # file open across batches) lets it in at its next transaction.
    from tocsin.store.store import NoStore, StoreLocked, open_read

    try:
        con = open_read(str(db), lock_timeout=30)
    except (NoStore, StoreLocked):
        return None
    except Exception:  # being created
        return None
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    except Exception:
        return None
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--kind", choices=("copies", "distinct"), default="copies")
    ap.add_argument("--stub", action="store_true", help="code with the stand-in coder (the store side alone)")
    ap.add_argument("--command", choices=("ingest", "code"), default="ingest")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--workdir", type=Path, default=None)
    a = ap.parse_args()

    work = Path(a.workdir or tempfile.mkdtemp(prefix="tocsin-million-"))
    work.mkdir(parents=True, exist_ok=True)
    inp = work / f"{a.kind}-{a.records}.jsonl"
    if not inp.exists():
        write_input(inp, a.records, a.kind)
    db = work / f"{a.kind}-{a.records}-{'stub' if a.stub else 'real'}.duckdb"
    for x in (db, Path(str(db) + ".wal")):
        x.unlink(missing_ok=True)
    events = work / f"events-{a.kind}-{a.records}.jsonl"
    if a.stub:
        cmd = [sys.executable, "-c", STUB, str(inp), str(db if a.command == "ingest" else events), str(ROOT / "tests"),
               a.command]
    elif a.command == "ingest":
        cmd = [sys.executable, "-m", "tocsin", "ingest", str(inp), "--db", str(db), "--no-places"]
    else:
        cmd = [sys.executable, "-m", "tocsin", "code", str(inp), "-o", str(events), "--no-places"]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    size = inp.stat().st_size
    samples: list[tuple[float, float, int | None, float | None]] = []
    rows: int | None = None
    while proc.poll() is None:
        t = time.monotonic() - t0
        if t > a.timeout:
            proc.terminate()
            break
        if a.command == "ingest" and len(samples) % 5 == 0:  # a reader in the store slows the writer down
            rows = _committed(db)
        pos = _input_pos(proc.pid, inp)
        samples.append((t, _rss_tree(proc.pid), rows, None if pos is None else pos / size))
        time.sleep(1.0)
    out, err = proc.communicate()
    secs = time.monotonic() - t0
    final = _committed(db) if a.command == "ingest" else None
    peak = max((s[1] for s in samples), default=0.0)
    print(f"# {a.command} {a.records:,} {a.kind} records, {'stub coder' if a.stub else 'real coder, --no-places'}")
    print("   t(s)   RSS MB   rows committed   input read")
    step = max(1, len(samples) // 10)
    for t, rss, rows, frac in samples[::step]:
        print(f"{t:7.0f} {rss:8.0f} {rows if rows is not None else '-':>16} "
              f"{'-' if frac is None else f'{frac:.0%}':>12}")

    def peak_until(f: float) -> float:
        # The highest RSS while at most fraction ``f`` of the input had been read.
        upto = [rss for _, rss, _, frac in samples if frac is not None and frac <= f]
        return round(max(upto)) if upto else None
    rate = (final or a.records) / secs if secs else 0
    print(json.dumps({"records": a.records, "kind": a.kind, "stub": a.stub, "command": a.command,
                      "exit": proc.returncode, "seconds": round(secs, 1), "records_per_s": round(rate, 1),
                      "rows_committed": final, "peak_mb": round(peak), "peak_mb_first_10pct": peak_until(0.1),
                      "peak_mb_first_50pct": peak_until(0.5), "samples": len(samples), "load": os.getloadavg(),
                      "stderr_tail": err.strip().splitlines()[-3:] if err else []}))


if __name__ == "__main__":
    main()
