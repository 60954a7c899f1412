#!/usr/bin/env python3
"""PLOVER event type and source country of tocsin's main event on its own hand-labelled sentences.

    python scripts/plover_report.py [--half tune|score|both] [--errors N] [--file F]

Each sentence of tests/data/plover_own.tsv (half, plover, source, sentence) is coded as an article of its
own through the real pipeline; its main event is the most confident one, as ``shared/eval/score.py``
takes it. Printed per half: accuracy and macro-F1 of the PLOVER type (macro over the gold types), the
share of sentences whose main event's source has the gold country (its ``country`` or the first three
letters of its code, so IGO for an organisation of states), and per-type P/R/F1. ``--errors`` lists
misses (type or source) of the TUNE half only: the score half is never read for tuning.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

# the reading, coding and per-type scoring the ACLED report does for its own examples (scripts/ is on the path)
from acled_report import code_all, load, print_per_type, scores

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "data" / "plover_own.tsv"


def main_event(events):
    return max(events, key=lambda e: e.confidence) if events else None


def ptype(e) -> str:
    return (e.plover.type if e is not None and e.plover else None) or "none"


def src_hit(e, want: str) -> bool:
    s = e.source if e is not None else None
    if s is None:
        return False
    have = {str(s.country or ""), str(s.code or "")[:3]}
    return want[:3] in have


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "score", "both"), default="both")
    ap.add_argument("--errors", type=int, default=0, help="list up to N misses of the tune half")
    ap.add_argument("--file", type=Path, default=OWN)
    args = ap.parse_args(argv)
    rows = load(args.file)
    coded = code_all(rows)
    mains = [main_event(ev) for ev in coded]
    halves = ("tune", "score") if args.half == "both" else (args.half,)
    res = {}
    for h in halves:
        idx = [i for i, r in enumerate(rows) if r["half"] == h]
        per, overall = scores([(rows[i]["plover"], ptype(mains[i])) for i in idx])
        acc, macro = overall["accuracy"], overall["macro_f1"]
        src = sum(src_hit(mains[i], rows[i]["source"]) for i in idx) / len(idx) if idx else 0.0
        res[h] = (per, acc, macro, src, len(idx))
    types = sorted({r["plover"] for r in rows})
    print_per_type("PLOVER type", 12, types, {h: res[h][0] for h in halves})
    for h in halves:
        per, acc, macro, src, n = res[h]
        print(f"{h}: n {n}  accuracy {acc:.3f}  macro-F1 {macro:.3f}  source-country {src:.3f}")
    produced = Counter(ptype(m) for m in mains)
    print("predicted types: " + ", ".join(f"{t} {n}" for t, n in produced.most_common()))
    if args.errors:
        shown = 0
        for r, ev, m in zip(rows, coded, mains):
            if r["half"] != "tune" or (ptype(m) == r["plover"] and src_hit(m, r["source"])):
                continue
            got_src = (m.source.code if m is not None and m.source else None)
            print(f"\n[{r['plover']} {r['source']} -> {ptype(m)} {got_src}] {r['sentence']}")
            for e in ev:
                print(f"   {e.cameo:5s} {ptype(e):10s} {e.confidence:.2f} {e.modality:9s} "
                      f"{e.source.code if e.source else None}({e.source.text if e.source else ''}) -> "
                      f"{e.target.code if e.target else None}({e.target.text if e.target else ''})  {e.rule}")
            shown += 1
            if shown >= args.errors:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
