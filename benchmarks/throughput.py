#!/usr/bin/env python3
"""Throughput of `tocsin code` against the bare spaCy parse of the same text, in one run.

usage: python benchmarks/throughput.py [CORPUS.jsonl ...] [--n 600] [--workers 1 2]

Without a corpus it reads the news articles of $TOCSIN_SHARED/eval/geo_*_dev.jsonl (by default
../shared beside the repository: full-length articles, used here only to measure) and cycles
them up to --n articles; where those are absent (a fresh clone) it cycles the bundled
examples/article.txt instead, and says so. Prints articles/s and
words/s for the bare parse and for tocsin (parse + actors + events + modality + dates + places),
their ratio, and the share that place and time add.
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, even when not installed

from tocsin import nlp  # noqa: E402
from tocsin.model import Article  # noqa: E402
from tocsin.pipeline import run  # noqa: E402

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


def _bare_chunk(texts: list[str]) -> int:
    return sum(len(d) for d in nlp.load().pipe([nlp.normalise(t) for t in texts], batch_size=32))


def bare(articles: list[Article], workers: int) -> float:
    texts = [a.text for a in articles]
    _bare_chunk(texts[:2])  # load the model outside the timing, as for tocsin
    t0 = time.perf_counter()
    if workers == 1:
        _bare_chunk(texts)
    else:
        chunks = [texts[i:i + 16] for i in range(0, len(texts), 16)]
        with mp.get_context("spawn").Pool(workers, initializer=nlp.load) as pool:
            # start-up (loading the model in each worker) is excluded from both timings
            pool.map(_bare_chunk, [texts[:1]] * workers)
            t0 = time.perf_counter()
            sum(pool.imap(_bare_chunk, chunks))
    return time.perf_counter() - t0


def tocsin(articles: list[Article], workers: int, place_time: bool) -> tuple[float, int]:
    # warm up the models outside the timing, as for the bare parse
    list(run(articles[:2], workers=1, places=place_time, dates=place_time))
    t0 = time.perf_counter()
    n_events = sum(len(c.events) for c in run(articles, workers=workers, places=place_time, dates=place_time))
    return time.perf_counter() - t0, n_events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    articles = load(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} articles, {words:,} words, {os.cpu_count()} cores")
    for w in args.workers:
        t_bare = bare(articles, w)
        t_core, _ = tocsin(articles, w, place_time=False)
        t_full, n_events = tocsin(articles, w, place_time=True)
        print(f"workers={w}")
        print(f"  bare spaCy            {len(articles) / t_bare:7.1f} articles/s {words / t_bare:9.0f} words/s")
        print(f"  tocsin, no place/time {len(articles) / t_core:7.1f} articles/s {words / t_core:9.0f} words/s")
        print(f"  tocsin                {len(articles) / t_full:7.1f} articles/s {words / t_full:9.0f} words/s"
              f"  ({n_events} events)")
        print(f"  ratio tocsin/bare {t_bare / t_full:.2f}; place and time add {100 * (t_full - t_core) / t_core:.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
