"""Ingest throughput and peak memory, against the bare spaCy parse of the same texts in the same run.

    .venv/bin/python benchmarks/ingest.py                    # 1,000 articles: parse, 1 and 2 workers, Dask local x2
    .venv/bin/python benchmarks/ingest.py --sizes 1000,10000 --modes workers1   # memory as the corpus grows
    .venv/bin/python benchmarks/ingest.py --no-places --json out.json

Each measurement runs in a fresh process; a sampler adds up the resident memory of that
process and all its descendants (pool workers, Dask nannies and workers) every 100 ms and
keeps the peak, and also keeps the peak of the main (ingest/client) process alone. Ingest
times include everything a user waits for: reading the files, loading the pipeline in each
worker, dedup, coding, commits, and the cluster rebuild. The parse time excludes loading
spaCy: it is the floor ingest's coding sits on.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

MODES = ("parse", "workers1", "workers2", "dask2")


def _child(mode: str, folder: str, db: str, places: bool) -> None:
    from tocsin.readers import read_inputs

    problems: list = []
    if mode == "parse":
        from tocsin import nlp

        texts = [a.text for a in read_inputs([folder], problems=problems)]
        pipe = nlp.load()
        t = time.perf_counter()
        n = sum(1 for _ in pipe.pipe((nlp.normalise(x) for x in texts), batch_size=32))
        secs = time.perf_counter() - t
        print(json.dumps({"articles": n, "seconds": secs, "chars": sum(map(len, texts))}))
        return
    from tocsin.store import Store
    from tocsin.store.loader import Ingest

    t = time.perf_counter()
    from tocsin import runner

    job = runner.Job(places=places)
    backend = runner.make(2, "local", job) if mode == "dask2" else runner.make(1 if mode == "workers1" else 2, None, job)
    s = Ingest(Store(db), backend).run(read_inputs([folder], problems=problems), problems)
    secs = time.perf_counter() - t
    print(json.dumps({"articles": s.read, "coded": s.coded, "events": s.events, "seconds": secs,
                      "copies": s.duplicates + s.near_duplicates}))


def _measure(mode: str, folder: Path, places: bool) -> dict:
    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        proc = subprocess.Popen([sys.executable, __file__, "--child", mode, str(folder), db,
                                 "--places" if places else "--no-places"], stdout=subprocess.PIPE, text=True)
        peak = {"tree": 0, "main": 0}
        stop = threading.Event()

        def sample() -> None:
            p = psutil.Process(proc.pid)
            while not stop.is_set():
                try:
                    main = p.memory_info().rss
                    tree = main + sum(c.memory_info().rss for c in p.children(recursive=True) if c.is_running())
                except psutil.Error:
                    tree = main = 0
                peak["tree"], peak["main"] = max(peak["tree"], tree), max(peak["main"], main)
                stop.wait(0.1)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        out, _ = proc.communicate()
        stop.set()
        th.join()
        if proc.returncode != 0:
            raise SystemExit(f"{mode} failed with exit status {proc.returncode}")
        res = json.loads(out.strip().splitlines()[-1])
        res.update(mode=mode, rate=res["articles"] / res["seconds"], peak_tree_mb=peak["tree"] / 2**20,
                   peak_main_mb=peak["main"] / 2**20)
        return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default="1000", help="corpus sizes, comma-separated (default 1000)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"of {', '.join(MODES)}")
    ap.add_argument("--places", action=argparse.BooleanOptionalAction, default=True, help="geoparse (default on)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    if args.child:
        _child(*args.child, places=args.places)
        return
    from corpus import write_corpus

    results = []
    print(f"| articles | mode | articles/s | x parse | seconds | events | peak MB (all processes) | peak MB (main) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            write_corpus(folder, n, seed=3, malformed=False)
            parse_rate = None
            for mode in args.modes.split(","):
                r = _measure(mode, folder, args.places)
                r["size"] = n
                if mode == "parse":
                    parse_rate = r["rate"]
                    r["chars_per_article"] = r["chars"] / r["articles"]
                results.append(r)
                ratio = f"{r['rate'] / parse_rate:.2f}" if parse_rate else ""
                print(f"| {n:,} | {mode} | {r['rate']:.1f} | {ratio} | {r['seconds']:.1f} | {r.get('events', '')} | "
                      f"{r['peak_tree_mb']:.0f} | {r['peak_main_mb']:.0f} |", flush=True)
    meta = {"cpus": os.cpu_count(), "places": args.places, "python": sys.version.split()[0]}
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(f"\n{meta}")


if __name__ == "__main__":
    main()
