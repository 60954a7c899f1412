"""SIGTERM and SIGKILL in the middle of ``tocsin ingest --workers 2``, then a resume: equal to a clean run?

    python scripts/interrupt.py OUT [--articles 600] [--signals TERM,KILL]

A clean sequential run (``--workers 1``) gives the reference store. Then, for each signal, an
ingest with two coding workers is started, signalled (the parent process alone, as a service
manager or the OOM killer would) once part of the input is committed, and run again to the end.
Printed per signal: the exit status of the signalled run, the rows it had committed, the
processes of its group still alive afterwards (workers must die with their parent: SIGTERM stops
them, SIGKILL reaches them through PR_SET_PDEATHSIG), and whether the resumed store equals the
reference in articles (ids, hashes, status, seq, ...), events, places, signatures and clusters.
Exit status 0 when every signal passes. ``tests/test_signals.py`` runs it on a small input (slow).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TABLES = {"articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY article_id",
          "events": "SELECT * FROM events ORDER BY event_id",
          "places": 'SELECT * FROM places ORDER BY article_id, start, "end"',
          "minhash": "SELECT * FROM minhash ORDER BY article_id",
          "lsh_bands": "SELECT * FROM lsh_bands ORDER BY article_id, band",
          "clusters": "SELECT * FROM clusters ORDER BY cluster_id",
          "event_clusters": "SELECT * FROM event_clusters ORDER BY event_id"}


def snapshot(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(q).fetchall() for t, q in TABLES.items()}
    finally:
        con.close()


def committed(db: Path) -> int:
    # Through tocsin's reader: it says it waits, and the ingest (which keeps the file open across
    # its batches) lets it in at its next transaction.
    from tocsin.store.store import BadStore, NoStore, StoreLocked, open_read

    try:
        con = open_read(str(db), lock_timeout=30)
    except (NoStore, BadStore):
        return 0
    except StoreLocked:
        return -1
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def group_alive(pgid: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgid``."""
    alive = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(d))
    return alive


def ingest(inp: Path, db: Path, workers: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tocsin", "ingest", str(inp), "--db", str(db), "--no-places",
                             "--workers", str(workers), "--batch-size", "64"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def interrupted(inp: Path, db: Path, sig: signal.Signals, target: int, timeout: float) -> dict:
    for x in (db, Path(f"{db}.wal")):
        x.unlink(missing_ok=True)
    p = ingest(inp, db, 2)
    t0 = time.monotonic()
    rows = 0
    while p.poll() is None and time.monotonic() - t0 < timeout:
        if db.exists():
            rows = committed(db)
            if rows >= target:
                break
        time.sleep(0.2)
    group_before = group_alive(p.pid)
    if p.poll() is not None:
        return {"signal": sig.name, "ok": False, "why": f"the run ended (exit {p.returncode}) before {target} rows"}
    os.kill(p.pid, sig)  # the parent only: its workers must follow on their own
    try:
        _, err = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return {"signal": sig.name, "ok": False, "why": "the signalled run did not end within 120 s"}
    deadline = time.monotonic() + 15
    left = group_alive(p.pid)
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = group_alive(p.pid)
    for pid in left:  # clean up before reporting, so a failure leaves nothing running
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    at_signal = committed(db)
    r = ingest(inp, db, 2)
    _, err2 = r.communicate(timeout=timeout)
    return {"signal": sig.name, "exit": p.returncode, "rows_at_signal": at_signal, "group_at_signal": len(group_before),
            "orphans": left, "traceback": "Traceback" in err, "stderr": err.strip().splitlines()[-3:],
            "resume_exit": r.returncode, "seconds": round(time.monotonic() - t0, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--signals", default="TERM,KILL")
    ap.add_argument("--timeout", type=float, default=1800)
    a = ap.parse_args(argv)
    from corpus import make_articles

    a.out.mkdir(parents=True, exist_ok=True)
    inp = a.out / "in.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in make_articles(a.articles, seed=21)))
    ref = a.out / "sequential.duckdb"
    for x in (ref, Path(f"{ref}.wal")):
        x.unlink(missing_ok=True)
    t0 = time.monotonic()
    p = ingest(inp, ref, 1)  # every run in batches of 64: a signal at a third of the input finds batches left
    _, err = p.communicate(timeout=a.timeout)
    if p.returncode != 0:
        print(f"the clean run failed (exit {p.returncode}): {err.strip().splitlines()[-1:]}")
        return 1
    expected = snapshot(ref)
    print(f"clean sequential run: {len(expected['articles'])} articles, {len(expected['events'])} events "
          f"in {time.monotonic() - t0:.0f}s")
    bad = 0
    for name in a.signals.split(","):
        sig = signal.Signals[f"SIG{name.strip().upper()}"]
        db = a.out / f"{name.lower()}.duckdb"
        r = interrupted(inp, db, sig, target=len(expected["articles"]) // 3, timeout=a.timeout)
        if "why" not in r:
            got = snapshot(db)
            diff = [t for t in TABLES if got[t] != expected[t]]
            want_exit = {signal.SIGTERM: 143, signal.SIGINT: 130, signal.SIGKILL: -signal.SIGKILL}[sig]
            why = []
            if diff:
                why.append(f"tables differ from the clean run: {', '.join(diff)}")
            if r["exit"] != want_exit:
                why.append(f"exit {r['exit']}, expected {want_exit}")
            if r["orphans"]:
                why.append(f"{len(r['orphans'])} process(es) of its group outlived it")
            if r["traceback"]:
                why.append("a traceback")
            if r["resume_exit"] != 0:
                why.append(f"the resume exited {r['resume_exit']}")
            r.update(ok=not why, why="; ".join(why), articles=len(got["articles"]), events=len(got["events"]),
                     seq_max=max((row[-1] for row in got["articles"]), default=0))
        bad += not r["ok"]
        print(json.dumps(r))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
