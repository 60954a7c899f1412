#!/usr/bin/env python3
"""CPU time per article of each stage of `tocsin code`, in one process.

usage: python benchmarks/stages.py [CORPUS.jsonl ...] [--n 100] [--repeat 3] [--profile N]

Reads the same articles as benchmarks/throughput.py. Prints CPU milliseconds per article
(``time.process_time``, which other work on a shared machine distorts far less than wall time)
for each spaCy pipe of the parse, run one pipe at a time over the whole corpus in batches of
the runners' size, and for each tocsin stage over the parsed Docs. Stages nest: the sentence
pass includes matching, roles, dates and event locations; each stage's figure is its least over
--repeat codings of fresh copies of the parsed Docs. ``--profile N`` adds the N
costliest functions of the coding stages (cProfile; slower, and only to find hot spots).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from throughput import load  # noqa: E402

from tocsin import nlp  # noqa: E402
from tocsin.runner import BATCH  # noqa: E402


def timed(acc: dict, obj, attr: str, name: str) -> None:
    """Wrap ``obj.attr`` so that its inclusive CPU time adds up in ``acc[name]`` (re-entry counted once)."""
    orig = getattr(obj, attr)
    depth = [0]

    def wrapper(*a, **k):
        if depth[0]:
            return orig(*a, **k)
        depth[0] += 1
        t = time.process_time()
        try:
            return orig(*a, **k)
        finally:
            acc[name] += time.process_time() - t
            depth[0] -= 1

    setattr(obj, attr, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    args = ap.parse_args()
    articles = load(args.corpus, args.n)
    n = len(articles)

    from tocsin.coding import acled, article as article_mod, coder as coder_mod, gate as gate_mod, match, roles
    from tocsin import when
    from tocsin.geo import parser as geo_parser
    from tocsin.coding.components import EventsStage, PlacesStage
    from tocsin.pipeline import Pipeline

    p = Pipeline()
    list(p.run(articles[:2]))  # tables and lazy caches loaded outside the timing
    import gc

    gc.collect()
    gc.freeze()  # as tocsin.runner does once a worker has coded its first partition

    texts = [nlp.normalise(a.text) for a in articles]
    pipe_cpu: dict[str, float] = {}
    t = time.process_time()
    docs = [p.nlp.make_doc(x) for x in texts]
    pipe_cpu["tokenizer"] = time.process_time() - t
    for name, proc in p.nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        pipe_cpu[name] = time.process_time() - t

    parsed = [d.to_bytes() for d in docs]
    acc: dict[str, float] = defaultdict(float)
    timed(acc, PlacesStage, "__call__", "places (geoparser)")
    timed(acc, EventsStage, "__call__", "events (all below)")
    timed(acc, coder_mod.EventCoder, "_code_sentence", "  sentence pass")
    timed(acc, match.Matcher, "sentence", "    matching")
    timed(acc, roles.Roles, "roles", "    roles")
    timed(acc, when, "event_date", "    dates")
    timed(acc, geo_parser.Geoparser, "event_location", "    event places")
    timed(acc, article_mod.ArticlePass, "run", "  article pass")
    timed(acc, gate_mod.Gate, "__call__", "  political gate")
    timed(acc, acled, "type_events", "  ACLED typing")

    from spacy.tokens import Doc

    prof = cProfile.Profile() if args.profile else None
    best: dict[str, float] = {}
    total_coding = float("inf")
    for _ in range(max(1, args.repeat)):
        docs = [Doc(p.nlp.vocab).from_bytes(b) for b in parsed]
        if hasattr(nlp, "remember_text"):  # as Pipeline.run does
            docs = [nlp.remember_text(d, x) for d, x in zip(docs, texts)]
        acc.clear()
        t = time.process_time()
        if prof:
            prof.enable()
        for a, d in zip(articles, docs):
            p.process(a, d)
        if prof:
            prof.disable()
        total_coding = min(total_coding, time.process_time() - t)
        best = {k: min(v, best.get(k, v)) for k, v in acc.items()}
    acc = best
    parse = sum(pipe_cpu.values())

    ms = lambda s: 1000 * s / n  # noqa: E731
    print(f"{n} articles, {sum(len(d) for d in docs):,} tokens; CPU ms per article")
    print("parse (spaCy, one pipe at a time)")
    for name, s in pipe_cpu.items():
        print(f"  {name:22s} {ms(s):7.2f}")
    print(f"  {'= parse':22s} {ms(parse):7.2f}")
    print("tocsin stages")
    for name, s in acc.items():
        print(f"  {name:22s} {ms(s):7.2f}")
    print(f"  {'= coding':22s} {ms(total_coding):7.2f}")
    print(f"CPU ratio parse/(parse+coding) {parse / (parse + total_coding):.2f}"
          + ("  (profiled: coding inflated)" if prof else ""))
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
