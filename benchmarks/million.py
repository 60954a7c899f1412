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

The run is a child process (``tocsin ingest``, or the loader with the stub); every half second the
sampler records the resident memory of it and its children and the rows committed so far (a
read-only look at the store between ingest's transactions, every 5 s, by a thread of its own so
that the memory samples go on while the store is held) and how far the input file has been read (its offset, from /proc). Printed: one line per 10% of the run, and a summary
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
        elif kind == "distinct":
            recent: list[dict] = []
            for i in range(n):
                if recent and r.random() < COPY_RATE:
                    rec = dict(r.choice(recent), id=f"dup{i:07d}")  # a syndicated copy of a recent story
                else:
                    rec = distinct_article(r, i)
                    recent = (recent + [rec])[-1000:]
                f.write(json.dumps(rec) + "\n")
        else:
            from corpus import make_articles

            block = 5000
            for start in range(0, n, block):
                for rec in make_articles(min(block, n - start), seed=seed + start):
                    rec = dict(rec, id=f"{rec['id']}-{start}")
                    f.write(json.dumps(rec) + "\n")


COPY_RATE = 0.03  # "distinct": this share of records are exact copies of a recent story
_SYL = ["ka", "ro", "mi", "ten", "sa", "vel", "do", "ri", "an", "bek", "lu", "mar", "os", "ta", "ni", "zo", "gre",
        "hal", "in", "ve", "dra", "ko", "su", "lem", "pa", "ti", "var", "ul", "mo", "es"]
_ROLES = ["a local councillor", "a hospital director", "a farmer", "a teacher", "a shopkeeper", "a retired officer",
          "an aid worker", "a student leader", "a lawyer", "a port official", "a regional governor", "a bus driver"]
_WHAT = ["had been displaced", "had fled their homes", "were waiting for news", "had lost their jobs",
         "had signed a petition", "had joined the march", "were still missing", "had received food parcels"]


def _name(r: random.Random) -> str:
    def word(k: int) -> str:
        return "".join(r.choice(_SYL) for _ in range(k)).capitalize()
    return f"{word(2)} {word(r.randint(2, 3))}"


def distinct_article(r: random.Random, i: int) -> dict:
    """A story of its own: corpus.py's event and background sentences for random countries, dates and
    topics, with people, numbers and places made up for it, so that no two share 80% of their word
    5-grams (the near-copy threshold): each made-up word breaks five shingles."""
    from datetime import date as Date, timedelta

    from corpus import COUNTRIES, PUBLISHERS, _background, _event_sentences

    a, b = r.sample(COUNTRIES, 2)
    c = r.choice(COUNTRIES)
    when = Date(2015, 1, 1) + timedelta(days=r.randrange(4000))
    pub, host = r.choice(PUBLISHERS)
    lead = _event_sentences(r, a, b)
    p1, p2 = _name(r), _name(r)
    town = _name(r).split()[1]
    paras = [f"{a[2].upper()}, {when:%B} {when.day} ({pub}) - {lead[0]}", lead[1],
             f"{p1}, {r.choice(_ROLES)} in {town}, said {r.randint(12, 98_000):,} people {r.choice(_WHAT)} "
             f"since {r.choice(['January', 'March', 'May', 'July', 'September', 'November'])} {r.randint(3, 28)}.",
             " ".join(_event_sentences(r, r.choice([b, c]), a)),
             f"\"{r.choice(['Nobody', 'No one', 'Not a single family'])} here {r.choice(['expected', 'wanted', 'was told about'])} "
             f"this,\" said {p2}, who has lived in {town} for {r.randint(2, 60)} years.",
             " ".join(_background(r, a, b))]
    return {"id": f"d{i:07d}", "title": lead[0].split(",")[0].split(" on ")[0], "text": "\n\n".join(paras),
            "date": when.isoformat(), "source": pub, "url": f"https://{host}/world/{when:%Y/%m/%d}/{i:07d}"}


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
    ap.add_argument("--kind", choices=("copies", "distinct", "corpus"), default="copies")
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
    # The child's pipes are drained by threads: a child that writes much would otherwise block on them.
    import threading

    outs: dict[str, str] = {}

    def drain(name, stream):
        outs[name] = stream.read()
    readers = [threading.Thread(target=drain, args=(k, v), daemon=True)
               for k, v in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    size = inp.stat().st_size
    samples: list[tuple[float, float, int | None, float | None, float]] = []
    series = work / f"samples-{a.command}-{a.kind}-{a.records}-{'stub' if a.stub else 'real'}.tsv"
    committed: list[int | None] = [None]

    def count_rows() -> None:
        # In a thread of its own: the reader waits while a transaction or a checkpoint holds the
        # store (seconds, at the run's largest memory), and the memory samples must not wait with it.
        while proc.poll() is None:
            committed[0] = _committed(db)
            time.sleep(5.0)  # a reader in the store slows the writer down
    if a.command == "ingest":
        threading.Thread(target=count_rows, daemon=True).start()
    with open(series, "w") as log:
        log.write("t_s\trss_mb\trows_committed\tinput_read\tload1\n")
        while proc.poll() is None:
            t = time.monotonic() - t0
            if t > a.timeout:
                proc.terminate()
                break
            rows = committed[0]
            pos = _input_pos(proc.pid, inp)
            sample = (t, _rss_tree(proc.pid), rows, None if pos is None else pos / size, os.getloadavg()[0])
            samples.append(sample)
            log.write("\t".join("" if x is None else f"{x:.4g}" if isinstance(x, float) else str(x)
                                for x in sample) + "\n")
            log.flush()
            time.sleep(0.5)
    proc.wait()
    for t in readers:
        t.join(timeout=10)
    err = outs.get("err", "")
    secs = time.monotonic() - t0
    final = _committed(db) if a.command == "ingest" else None
    peak = max((s[1] for s in samples), default=0.0)
    print(f"# {a.command} {a.records:,} {a.kind} records, {'stub coder' if a.stub else 'real coder, --no-places'}")
    print("   t(s)   RSS MB   rows committed   input read   load")
    step = max(1, len(samples) // 12)
    for t, rss, rows, frac, load in samples[::step] + samples[-1:]:
        print(f"{t:7.0f} {rss:8.0f} {rows if rows is not None else '-':>16} "
              f"{'-' if frac is None else f'{frac:.0%}':>12} {load:6.1f}")

    def peak_until(f: float) -> float | None:
        # The highest RSS while at most fraction ``f`` of the input had been read (the reader's offset).
        upto = [rss for _, rss, _, frac, _ in samples if frac is not None and frac <= f]
        return round(max(upto)) if upto else None
    rate = (final or a.records) / secs if secs else 0
    at = {f"{round(a.records * f):,}": peak_until(f) for f in (0.1, 0.25, 0.5, 1.0)}
    # After the last record: ingest's cluster rebuild, the output's rename.
    last_read = max((i for i, smp in enumerate(samples) if smp[3] is not None), default=len(samples))
    after = [smp[1] for smp in samples[last_read + 1:]]
    print(json.dumps({"records": a.records, "kind": a.kind, "stub": a.stub, "command": a.command,
                      "exit": proc.returncode, "seconds": round(secs, 1), "records_per_s": round(rate, 1),
                      "rows_committed": final, "peak_mb": round(peak), "peak_mb_by_records_read": at,
                      "peak_mb_after_input": round(max(after)) if after else None,
                      "load_mean": round(sum(s[4] for s in samples) / max(1, len(samples)), 1),
                      "load_end": os.getloadavg(), "samples": str(series), "child_stdout": outs.get("out", "").strip()[-300:],
                      "stderr_tail": err.strip().splitlines()[-20:] if err else []}))


if __name__ == "__main__":
    main()
