"""Clean ends: SIGTERM and SIGINT mid-run leave no temporary file, no worker process and no traceback;
SIGKILL of the parent takes its workers with it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus import make_articles

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                kids = [int(x) for x in f.read().split()]
        except OSError:
            continue
        out.extend(kids)
        todo.extend(kids)
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in f)
    except OSError:
        return False


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, list[int]]:
    inp = tmp_path / "in.jsonl"
    # far more than can be coded before the signal, however fast the machine: the run must still be going
    inp.write_text("".join(json.dumps(r) + "\n" for r in make_articles(4000, seed=5)))
    p = subprocess.Popen([sys.executable, "-m", "tocsin", *args, str(inp), "--workers", "2", "--no-places"],
                         cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    kids: list[int] = []
    while time.monotonic() < deadline and p.poll() is None:
        kids = _children(p.pid)
        # the pool's workers are up (two spawned processes besides the resource tracker) and coding
        if len(kids) >= 3:
            time.sleep(8)
            kids = _children(p.pid)
            break
        time.sleep(0.2)
    assert p.poll() is None, p.stderr.read()
    return p, kids


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_code_leaves_nothing_behind(tmp_path, sig):
    p, kids = _start(tmp_path, "code", "-o", "out.jsonl")
    p.send_signal(sig)
    _, err = p.communicate(timeout=120)
    assert p.returncode == (143 if sig == signal.SIGTERM else 130), err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 3, err
    assert not list(tmp_path.glob(".out.jsonl.*")), "a temporary file was left"
    assert not (tmp_path / "out.jsonl").exists(), "an incomplete output appeared"
    time.sleep(2)
    assert [k for k in kids if _alive(k)] == [], "worker processes outlived the run"


@pytest.mark.slow
def test_sigkill_of_ingest_takes_its_workers_along(tmp_path):
    p, kids = _start(tmp_path, "ingest", "--db", "s.duckdb")
    p.kill()
    p.wait(30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.5)
    assert [k for k in kids if _alive(k)] == [], "orphaned workers"


@pytest.mark.slow
def test_sigterm_and_sigkill_mid_ingest_with_workers_resume_to_the_sequential_store(tmp_path, capsys):
    """scripts/interrupt.py: each signal to the parent alone; its workers must die with it, and the
    resumed store must equal a clean --workers 1 run in articles, events, ids and seq."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("interrupt", ROOT / "scripts" / "interrupt.py")
    interrupt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(interrupt)
    status = interrupt.main([str(tmp_path), "--articles", "300", "--timeout", "900"])
    out = capsys.readouterr().out
    assert status == 0, out
    results = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert [r["signal"] for r in results] == ["SIGTERM", "SIGKILL"] and all(r["ok"] for r in results), out
    assert all(0 < r["rows_at_signal"] < 300 and r["group_at_signal"] >= 3 for r in results), out


_MID_SEND = r'''
import os, struct, sys, time
from pathlib import Path
from tocsin.runner import ProcessPool


def half_sent(marker):
    # What a worker stopped in the middle of sending a large result leaves behind: the length of a
    # message, and only part of it, in the pipe the pool's manager thread reads.
    results = sys._getframe(1).f_locals["result_queue"]
    os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 100)
    Path(marker).write_text("sent")
    time.sleep(600)


if __name__ == "__main__":
    pool = ProcessPool(2)
    pool.pool.submit(half_sent, sys.argv[1])
    while not Path(sys.argv[1]).exists():
        time.sleep(0.01)
    time.sleep(0.5)  # the manager thread is now waiting for the rest of the message
    pool.abort()
    print("aborted", flush=True)
'''


def test_abort_ends_the_run_when_a_worker_dies_in_the_middle_of_sending_its_result(tmp_path):
    """The rare hang after SIGTERM under load: the pool's manager thread waited for the rest of a
    result its killed worker had begun to send, and the interpreter waits for that thread at exit."""
    script = tmp_path / "mid_send.py"
    script.write_text(_MID_SEND)
    p = subprocess.Popen([sys.executable, str(script), str(tmp_path / "sent")], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = p.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail("the process did not end after ProcessPool.abort(): it waits for a half-sent result")
    assert p.returncode == 0 and out.strip() == "aborted", err
    assert "Traceback" not in err and "leaked" not in err, err
