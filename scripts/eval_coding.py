#!/usr/bin/env python3
"""Code a gold JSONL set ({"id", "text", "date"?}) into events, for ../shared/eval/score.py.

usage: eval_coding.py GOLD.jsonl EVENTS.jsonl [--no-places]
Same as `tocsin code GOLD.jsonl -o EVENTS.jsonl`, without the CLI (and its language filter) around it.
"""
import json
import sys
import time

from datetime import date

from tocsin.model import Article
from tocsin.pipeline import run


def articles(path: str):
    # read here rather than through tocsin.readers, so this yardstick depends on the coder alone
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            d = r.get("date")
            yield Article(id=str(r["id"]), text=r["text"], date=date.fromisoformat(d[:10]) if d else None)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip())
        return 2
    t0, n_art, n_ev = time.perf_counter(), 0, 0
    with open(argv[2], "w", encoding="utf-8") as f:
        for coded in run(articles(argv[1]), places="--no-places" not in argv):
            n_art += 1
            for e in coded.events:
                n_ev += 1
                f.write(json.dumps(e.record(), ensure_ascii=False) + "\n")
    print(f"{n_art} articles, {n_ev} events, {time.perf_counter() - t0:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
