#!/usr/bin/env python3
"""Per-type precision, recall and F1 of the ACLED layer on tocsin's own example sentences.

    python scripts/acled_report.py [--half tune|score|both] [--errors N] [--file F ...]

Each sentence of tests/data/acled_examples.tsv is coded as an article of its own through the
real pipeline; the sentence's ACLED sub-event type is that of its most confident event that has
one (none when no event has one). ``--errors`` lists misses of the TUNE half only: the score half
is never read for tuning. ``--file`` may be given several times (or with several paths): each
file gets its own table, coded with one pipeline.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "tests" / "data" / "acled_examples.tsv"


def load(path: Path = EXAMPLES) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def sentence_type(events) -> str | None:
    typed = [e for e in events if e.acled]
    return max(typed, key=lambda e: e.confidence).acled if typed else None


def code_all(rows: list[dict]):
    from tocsin import Article, Pipeline

    pipe = Pipeline()
    arts = [Article(id=f"x{i}", text=r["sentence"], date=date(2024, 6, 1)) for i, r in enumerate(rows)]
    return [c.events for c in pipe.run(arts)]


def scores(pairs: list[tuple[str, str | None]]) -> tuple[dict[str, tuple[float, float, float, int]], dict]:
    types = sorted({g for g, _ in pairs})
    out = {}
    for t in types:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[t] = (prec, rec, f1, tp + fn)
    n = sum(v[3] for v in out.values())
    overall = {
        "accuracy": sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0,
        "macro_f1": sum(v[2] for v in out.values()) / len(out) if out else 0.0,
        "weighted_f1": sum(v[2] * v[3] for v in out.values()) / n if n else 0.0,
    }
    return out, overall


def print_per_type(label: str, width: int, types: list[str], per: dict[str, dict]) -> None:
    """One line per type: P, R and F1 in each half of ``per`` (half -> type -> (P, R, F1, n))."""
    print(f"{label:{width}s}" + "".join(f"  {h:>5s} P    R    F1 " for h in per))
    for t in types:
        line = f"{t:{width}s}"
        for h in per:
            p, r, f, _ = per[h].get(t, (0, 0, 0, 0))
            line += f"  {p:5.2f} {r:4.2f} {f:4.2f}  "
        print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "score", "both"), default="both")
    ap.add_argument("--errors", type=int, default=0, help="list up to N misses of the tune half")
    ap.add_argument("--file", type=Path, nargs="+", action="extend", default=None,
                    help="examples (half, sub_event_type, sentence): tests/data/acled_examples.tsv (news "
                         "sentences, the default) or tests/data/acled_notes*.tsv (the register of ACLED's notes); "
                         "several files are reported one after another")
    args = ap.parse_args(argv)
    files = args.file or [EXAMPLES]
    loaded = [load(f) for f in files]
    every = code_all([r for rows in loaded for r in rows])
    at = 0
    for n, (path, rows) in enumerate(zip(files, loaded)):
        coded, at = every[at:at + len(rows)], at + len(rows)
        if len(files) > 1:
            print(("\n" if n else "") + f"== {path.name}")
        report_file(rows, coded, args.half, args.errors)
    return 0


def report_file(rows: list[dict], coded: list, half: str, errors: int) -> None:
    halves = ("tune", "score") if half == "both" else (half,)
    results = {}
    for h in halves:
        results[h] = scores([(r["sub_event_type"], sentence_type(ev)) for r, ev in zip(rows, coded)
                             if r["half"] == h])
    types = sorted({r["sub_event_type"] for r in rows})
    print_per_type("sub-event type", 38, types, {h: results[h][0] for h in halves})
    for h in halves:
        o = results[h][1]
        print(f"{h}: accuracy {o['accuracy']:.3f}  macro-F1 {o['macro_f1']:.3f}  weighted-F1 {o['weighted_f1']:.3f}")
    produced = Counter(sentence_type(ev) for ev in coded)
    missing = [t for t in types if produced[t] == 0]
    print(f"types produced by at least one sentence: {len(types) - len(missing)}/{len(types)}"
          + (f" (never: {', '.join(missing)})" if missing else ""))
    if errors:
        shown = 0
        for r, ev in zip(rows, coded):
            if r["half"] != "tune" or sentence_type(ev) == r["sub_event_type"]:
                continue
            print(f"\n[{r['sub_event_type']} -> {sentence_type(ev)}] {r['sentence']}")
            for e in ev:
                print(f"   {e.cameo:5s} {str(e.acled):30s} {e.confidence:.2f} {e.modality:9s} "
                      f"{e.source.code if e.source else None}({e.source.text if e.source else ''}) -> "
                      f"{e.target.code if e.target else None}({e.target.text if e.target else ''})  {e.rule}")
            shown += 1
            if shown >= errors:
                break


if __name__ == "__main__":
    sys.exit(main())
