#!/usr/bin/env python3
"""Every yardstick of the coder in one run, on the half of each dev set we tune on and the half we only score.

usage: evaluate.py [--half tune|score|both] [--sets quad,plover,headlines,articles,own,seed] [--shared DIR]
                   [--errors N]

Each dev set is split once and for all by a stable hash of its ids: the ``tune`` half is the
one we read, look at errors in and change the coder for; the ``score`` half is only ever
scored, so its figures say how far the changes generalise. ``articles`` and ``own`` split by
article (their gold lines follow their article). ``headlines`` is ``plover_headlines_dev.jsonl``: templated
headlines in Title Case, their slots filled with one fixed set of names (Kenya, Uganda, Mombasa).

The gold sets and texts live beside the repository in ``../shared`` (``--shared`` or
``TOCSIN_SHARED`` to point elsewhere); they are publishers' texts and are never copied here.
``own`` is our own whole-article gold set (``eval/own_articles_gold.jsonl`` in this repository),
hand-coded from the news texts of ``../shared/eval/geo_*_dev.jsonl``.
Events are written to ``out/eval/`` and scored by ``../shared/eval/score.py``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "eval"
OWN_GOLD = ROOT / "eval" / "own_articles_gold.jsonl"


def _rank_key(i: str) -> str:
    return hashlib.sha1(i.encode("utf-8")).hexdigest()


def split(ids: list[str]) -> dict[str, str]:
    """id -> 'tune' or 'score': the first half of the ids in hash order is for tuning."""
    order = sorted(set(ids), key=_rank_key)
    cut = (len(order) + 1) // 2
    return {i: ("tune" if n < cut else "score") for n, i in enumerate(order)}


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def code(records: list[dict], out: Path) -> None:
    from tocsin.model import Article
    from tocsin.pipeline import run

    arts = []
    for r in records:
        d = r.get("date")
        arts.append(Article(id=str(r["id"]), text=r["text"], date=date.fromisoformat(d[:10]) if d else None))
    write(out, (e.record() for coded in run(arts) for e in coded.events))


def score(shared: Path, task: str, gold: Path, events: Path, errors: int) -> str:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), task, str(gold), str(events)]
    if errors:
        cmd += ["--errors", str(errors)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return res.stdout.strip()


_SLOTS = {"country_1": "Kenya", "country_2": "Uganda", "country_3": "Tanzania", "country": "Kenya", "city": "Mombasa"}


def _fill(text: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: _SLOTS.get(m.group(1), "Kenya"), text)


def sets(shared: Path) -> dict[str, tuple[str, list[dict], list[dict]]]:
    """name -> (score.py task, texts, gold lines); texts and gold are the same rows for sentence sets."""
    ev = shared / "eval"
    out: dict[str, tuple[str, list[dict], list[dict]]] = {}
    quad = read(ev / "quad_dev.jsonl")
    out["quad"] = ("quad", quad, quad)
    plover = read(ev / "plover_dev.jsonl")
    out["plover"] = ("plover", plover, plover)
    heads = read(ev / "plover_headlines_dev.jsonl") if (ev / "plover_headlines_dev.jsonl").exists() else []
    if heads:
        # templated headlines in Title Case: the templates' slots get one fixed set of names
        filled = [{**r, "text": _fill(r["text"])} for r in heads]
        out["headlines"] = ("plover", filled, filled)
    out["articles"] = ("articles", read(ev / "articles_dev.jsonl"), read(ev / "articles_dev_gold.jsonl"))
    if OWN_GOLD.exists():
        gold = read(OWN_GOLD)
        wanted = {g["article_id"] for g in gold}
        texts = [r for name in ("geo_trnews_dev.jsonl", "geo_geowebnews_dev.jsonl")
                 for r in read(ev / name) if r["id"] in wanted]
        # our gold may carry the publication date it was coded against, for texts that have none
        dates = {g["article_id"]: g["date"] for g in gold if g.get("date")}
        texts = [{**r, "date": r.get("date") or dates.get(r["id"])} for r in texts]
        out["own"] = ("articles", texts, gold)
    return out


def run_seed(shared: Path) -> str:
    from tocsin.model import Article
    from tocsin.pipeline import run

    text = (shared / "mission" / "seed-article.txt").read_text(encoding="utf-8")
    path = OUT / "seed.jsonl"
    write(path, (e.record() for c in run([Article(id="seed", text=text, date=date(2022, 3, 21))]) for e in c.events))
    res = subprocess.run([sys.executable, str(shared / "mission" / "check_seed.py"), str(path), "--place-time"],
                         capture_output=True, text=True)
    return res.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["tune", "score", "both"], default="both")
    ap.add_argument("--sets", default="quad,plover,headlines,articles,own,seed")
    ap.add_argument("--shared", default=os.environ.get("TOCSIN_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--errors", type=int, default=0, help="list N mistakes per set (tune half only)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"evaluate.py: no dev sets at {shared}/eval (pass --shared DIR or set TOCSIN_SHARED)", file=sys.stderr)
        return 2
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    halves = ["tune", "score"] if args.half == "both" else [args.half]
    available = sets(shared)
    for name in wanted:
        if name == "seed":
            print("== seed\n" + run_seed(shared).splitlines()[-1])
            continue
        if name not in available:
            print(f"== {name}: not available (no {OWN_GOLD.relative_to(ROOT)} yet)")
            continue
        task, texts, gold = available[name]
        halfof = split([str(r["id"]) for r in texts])
        key = "article_id" if task == "articles" else "id"
        for half in halves:
            t = [r for r in texts if halfof[str(r["id"])] == half]
            g = [r for r in gold if halfof.get(str(r[key])) == half]
            gpath, epath = OUT / f"{name}-{half}-gold.jsonl", OUT / f"{name}-{half}-events.jsonl"
            write(gpath, g)
            code(t, epath)
            n_err = args.errors if half == "tune" else 0
            print(f"== {name} [{half}: {len(t)} texts, {len(g)} gold]\n" + score(shared, task, gpath, epath, n_err))
    return 0


if __name__ == "__main__":
    sys.exit(main())
