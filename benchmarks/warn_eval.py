"""Detector and rules on realistic streams: days from an escalation's start to the first alert, and
false alarms per dyad per 90 quiet days. A GDELT 2.0-format stream (tests/warn_corpus.gdelt_stream:
overdispersed, weekly cycle, several dyads) goes through `tocsin import`; the alerts are a
backtest (first_fired from what was known each day).

    python benchmarks/warn_eval.py [--quiet-days 360] [--seeds 3] [--out out/warn-eval]
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def main() -> None:
    import warn_corpus as W

    from tocsin.store.store import Store
    from tocsin.warn import alerts as A
    from tocsin.warn import imports as I

    ap = argparse.ArgumentParser()
    ap.add_argument("--quiet-days", type=int, default=360)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--out", default="out/warn-eval")
    ap.add_argument("--news-quiet-days", type=int, default=90)
    ap.add_argument("--skip-news", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    dyads = (("RUS", "UKR"), ("FRA", "DEU"), ("USA", "CHN"), ("IND", "PAK"), ("JPN", "KOR"), ("BRA", "ARG"))
    start = date(2022, 1, 1)
    esc = start + timedelta(days=args.quiet_days)
    delays, fa, quiet_dyad_days = [], 0, 0
    for seed in range(args.seeds):
        f = out / f"gdelt-{seed}.CSV"
        f.write_text("\n".join(W.gdelt_stream(start, args.quiet_days, 10, dyads=dyads, seed=seed)) + "\n")
        db = out / f"gdelt-{seed}.duckdb"
        db.unlink(missing_ok=True)
        store = Store(db)
        I.run(store, [f], "gdelt")
        A.refresh(store)
        df = store.alerts()
        d = df[df["kind"] == "detector"]
        hit = d[(d["key"] == "RUS>UKR") & (d["first_fired"] >= esc)]
        delay = (hit["first_fired"].min() - esc).days if len(hit) else None
        delays.append(delay)
        # Every directed dyad with events is watched; quiet = everything before the escalation.
        keys = store.sql("SELECT DISTINCT source_country || '>' || target_country AS k FROM events "
                         "WHERE source_country IS NOT NULL AND target_country IS NOT NULL")["k"]
        n_false = int((df["first_fired"] < esc).sum())
        fa += n_false
        quiet_dyad_days += len(keys) * (args.quiet_days - 21)  # the detector speaks from day 21
        print(f"seed {seed}: {len(keys)} dyads, {n_false} alert(s) before the escalation, "
              f"first alert on RUS>UKR {delay} day(s) after it began ({esc})")
    print(f"delay (days) per seed: {delays}")
    print(f"false alarms: {fa} over {quiet_dyad_days} quiet dyad-days = {fa / quiet_dyad_days * 90:.3f} per dyad per 90 days")
    if not args.skip_news:
        news(out, args.news_quiet_days)


def news(out: Path, quiet_days: int) -> None:
    """Coded news: four pairs quiet for ``quiet_days`` (talks, deals, ordinary friction), then one escalates."""
    import json

    import warn_corpus as W

    from tocsin.app import Tocsin

    start = date(2023, 1, 2)
    esc = start + timedelta(days=quiet_days)
    recs = W.news(start, quiet_days, 10, pairs=tuple(W.PAIRS), escalating="ARM-AZE")
    src = out / "news.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    db = out / "news.duckdb"
    db.unlink(missing_ok=True)
    app = Tocsin(store=db)
    s = app.ingest([str(src)])
    df = app.alerts()
    print(f"news: {len(recs)} articles, {s.events} events; escalation ARM-AZE from {esc}")
    for r in df.sort_values("first_fired").itertuples():
        tag = "before" if r.first_fired < esc else f"+{(r.first_fired - esc).days}d"
        print(f"  {tag:7} {r.first_fired} {r.level:8} {r.key:8} {r.rule}")
    quiet = df[df["first_fired"] < esc]
    keys = app.store.sql("SELECT count(DISTINCT source_country || '>' || target_country) AS n FROM events "
                         "WHERE source_country IS NOT NULL AND target_country IS NOT NULL")["n"].iloc[0]
    aze = df[df["key"].str.contains("AZE") & (df["first_fired"] >= esc)]
    first = (aze["first_fired"].min() - esc).days if len(aze) else None
    print(f"news: first alert {first} day(s) after the escalation began; {len(quiet)} alert(s) in the quiet "
          f"{quiet_days} days over {keys} dyads = {len(quiet) / keys * 90 / quiet_days:.3f} per dyad per 90 days")


if __name__ == "__main__":
    main()
