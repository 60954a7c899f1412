#!/usr/bin/env python3
"""Code a gold JSONL set ({"id", "text", "date"?}) into events, for ../shared/eval/score.py.

usage: eval_coding.py GOLD.jsonl EVENTS.jsonl [--places]
Same as `tocsin code GOLD.jsonl -o EVENTS.jsonl --no-places`, without the CLI around it.
"""
import json
import sys
import time

from tocsin.ingest import read_inputs
from tocsin.pipeline import run


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip())
        return 2
    problems: list = []
    t0, n_art, n_ev = time.perf_counter(), 0, 0
    with open(argv[2], "w", encoding="utf-8") as f:
        for coded in run(read_inputs([argv[1]], problems=problems), places="--places" in argv):
            n_art += 1
            for e in coded.events:
                n_ev += 1
                f.write(json.dumps(e.record(), ensure_ascii=False) + "\n")
    print(f"{n_art} articles, {n_ev} events, {len(problems)} skipped, {time.perf_counter() - t0:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
