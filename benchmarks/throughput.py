#!/usr/bin/env python3
"""Throughput of `tocsin code` against the bare spaCy parse of the same text, in one run.

usage: python benchmarks/throughput.py [CORPUS.jsonl ...] [--n 600] [--workers 1 2] [--repeat 2]

Without a corpus it reads the news articles of $TOCSIN_SHARED/eval/geo_*_dev.jsonl (by default
../shared beside the repository: full-length articles, used here only to measure) and cycles
them up to --n articles; where those are absent (a fresh clone) it cycles the bundled
examples/article.txt instead, and says so. Prints articles/s and
words/s for the bare parse and for tocsin (parse + actors + events + modality + dates + places),
their ratio, and the share that place and time add.

The two sides are measured alike, so that the ratio is tocsin's own cost:
- "bare" is the spaCy pipeline exactly as installed (``spacy.load`` of the same model, none of
  tocsin's components), "tocsin" the whole path ``tocsin code`` takes (``tocsin.runner`` with
  a ``Job``, as ``pipeline.run`` builds it), results shipped back to this process included;
- both parse the same (normalised) texts in the same partitions of ``runner.BATCH`` articles,
  in this process for 1 worker, else in a spawned process pool of the same size, through the
  same in-order window (``runner.code``);
- start-up is left out of both: every worker has loaded its model (and tocsin its tables) and
  coded a partition before the clock starts; the pool start-up time is printed apart;
- each side runs --repeat times, interleaved with the other, and the fastest run counts, so
  neither gets the other's warm caches (spaCy's vocabulary grows with the words it has seen)
  nor a quieter minute of a shared machine. The load average is printed beside each ratio.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import itertools
import json
import multiprocessing as mp
import os
import sys
import time
from datetime import date
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, even when not installed

from tocsin import nlp  # noqa: E402
from tocsin import runner as R  # noqa: E402
from tocsin.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TOCSIN_SHARED") or ROOT.parent / "shared") / "eval"


def load(paths: list[str], n: int) -> list[Article]:
    dev = [SHARED / "geo_trnews_dev.jsonl", SHARED / "geo_geowebnews_dev.jsonl"]
    if not paths and not all(p.exists() for p in dev):
        print(f"no dev articles at {SHARED} (set TOCSIN_SHARED or pass a corpus): "
              "cycling examples/article.txt", file=sys.stderr)
        text = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
        return [Article(id=f"b{i}", text=text, date=date(2025, 6, 16)) for i in range(n)]
    paths = paths or [str(p) for p in dev]
    base = []
    for p in paths:
        for line in open(p, encoding="utf-8"):
            r = json.loads(line)
            d = r.get("date")
            base.append((r["text"], date.fromisoformat(d[:10]) if d else None))
    return [Article(id=f"b{i}", text=t, date=d) for i, (t, d) in zip(range(n), itertools.cycle(base))]


# ---------- the bare side: a runner like tocsin's, whose partitions are only parsed ----------
@lru_cache(maxsize=1)
def _plain(model: str | None):
    import spacy

    return spacy.load(nlp.model_name(model))  # as installed: no tocsin_layout, no tocsin stage


def _bare_partition(texts: list[str], model: str | None = None) -> list[int]:
    return [len(d) for d in _plain(model).pipe([nlp.normalise(t) for t in texts], batch_size=R.BATCH)]


class _Done:
    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


class Bare:
    """Parses partitions with the plain model: in this process, or in a pool made as ``runner.ProcessPool``'s."""

    def __init__(self, workers: int, model: str | None = None) -> None:
        self.model = model
        self.parallelism = R.cap_workers(workers) if workers > 1 else 1
        self.pool = (cf.ProcessPoolExecutor(self.parallelism, mp_context=mp.get_context("spawn"),
                                            initializer=R._worker_init) if workers > 1 else None)

    def submit(self, articles: list[Article]):
        texts = [a.text for a in articles]
        if self.pool is None:
            return _Done(_bare_partition(texts, self.model))
        return self.pool.submit(_bare_partition, texts, self.model)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)


def _warm_bare(texts: list[str], model: str | None) -> int:
    _bare_partition(texts, model)
    return os.getpid()


def _warm_tocsin(articles: list[Article], job: R.Job) -> int:
    R.code_partition(articles, job)
    return os.getpid()


def warm(runner, articles: list[Article], job: R.Job | None) -> float:
    """Seconds until every worker has loaded its model and coded (or parsed) a partition."""
    t0 = time.perf_counter()
    part = articles[:R.BATCH]
    pool = getattr(runner, "pool", None)
    if pool is None:  # this process
        _warm_bare([a.text for a in part], runner.model) if job is None else _warm_tocsin(part, job)
        return time.perf_counter() - t0
    seen: set[int] = set()
    while len(seen) < runner.parallelism:
        if time.perf_counter() - t0 > 600:
            raise RuntimeError(f"only {len(seen)} of {runner.parallelism} workers started in 10 minutes")
        # a worker still loading takes no task, so ask again until every one has answered
        fs = [pool.submit(_warm_bare, [a.text for a in part], runner.model) if job is None
              else pool.submit(_warm_tocsin, part, job) for _ in range(runner.parallelism)]
        seen |= {f.result() for f in fs}
    return time.perf_counter() - t0


def timed(runner, articles: list[Article]) -> tuple[float, int]:
    """Wall seconds to get every outcome back in order, and the events coded (0 for the bare parse)."""
    t0 = time.perf_counter()
    n_events = 0
    for _, out in R.code(runner, articles):
        if isinstance(out, str):
            raise RuntimeError(out)
        if not isinstance(out, int):
            n_events += len(out.events)
    return time.perf_counter() - t0, n_events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2, help="runs of each side; the fastest counts (default 2)")
    args = ap.parse_args()
    if args.n < 1 or args.repeat < 1 or min(args.workers) < 1:
        print("throughput.py: --n, --repeat and --workers must be at least 1", file=sys.stderr)
        return 2
    articles = load(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} articles, {words:,} words, {os.cpu_count()} cores, "
          f"--repeat {args.repeat} (fastest run counts)")
    full_job, core_job = R.Job(), R.Job(places=False, dates=False)
    for w in args.workers:
        sides = {"bare": (Bare(w), None), "core": (R.make(w, None, core_job), core_job),
                 "full": (R.make(w, None, full_job), full_job)}
        try:
            start = {k: warm(r, articles, job) for k, (r, job) in sides.items()}
            best = {k: float("inf") for k in sides}
            n_events = 0
            load0 = os.getloadavg()[0]
            for _ in range(args.repeat):
                for k, (r, _job) in sides.items():
                    t, ne = timed(r, articles)
                    best[k] = min(best[k], t)
                    n_events = ne or n_events
            load1 = os.getloadavg()[0]
        finally:
            for r, _job in sides.values():
                r.close()
        t_bare, t_core, t_full = best["bare"], best["core"], best["full"]
        print(f"workers={sides['bare'][0].parallelism}  (1-min load average {load0:.2f} before, {load1:.2f} after; "
              f"start-up, not timed: bare {start['bare']:.1f} s, tocsin {start['full']:.1f} s)")
        print(f"  bare spaCy            {len(articles) / t_bare:7.1f} articles/s {words / t_bare:9.0f} words/s")
        print(f"  tocsin, no place/time {len(articles) / t_core:7.1f} articles/s {words / t_core:9.0f} words/s")
        print(f"  tocsin                {len(articles) / t_full:7.1f} articles/s {words / t_full:9.0f} words/s"
              f"  ({n_events} events)")
        print(f"  ratio tocsin/bare {t_bare / t_full:.2f}; place and time add {100 * (t_full - t_core) / t_core:.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
