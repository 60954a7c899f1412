"""Series, detection and rules over a generated store of N events (default 1,000,000).

    python benchmarks/warn.py [--events 1000000] [--db out/warn-bench.duckdb]

The store is generated with DuckDB SQL (articles, events, one cluster per event): 200 countries,
a few thousand active dyads with skewed activity, three years of days, every CAMEO root and
modality, 2% of events at borders. Then, each timed with its peak resident memory (sampled):
the frame, the series of every dyad, one dyad's filled series, the detector, the default rules,
and a full alerts refresh (compute + store).
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


class Peak:
    def __enter__(self):
        self.peak, self.stop = rss_mb(), False
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()
        self.t0 = time.perf_counter()
        return self

    def _run(self):
        while not self.stop:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.02)

    def __exit__(self, *a):
        self.seconds = time.perf_counter() - self.t0
        self.stop = True
        self.t.join()


def generate(db: str, n: int) -> None:
    from tocsin.store.store import Store

    s = Store(db)
    with s.writer() as w:
        pass  # the schema
    import duckdb

    con = duckdb.connect(db)
    con.execute("SET threads = 2")
    con.execute(f"""
        CREATE TEMP TABLE g AS
        SELECT i,
               -- skewed activity: a few dyads carry most events, as in real streams
               CAST(floor(pow(random(), 3) * 200) AS INT) AS s, CAST(floor(pow(random(), 2) * 200) AS INT) AS t,
               CAST(floor(random() * 1095) AS INT) AS dd, CAST(1 + floor(random() * 20) AS INT) AS root,
               random() AS m, random() AS b
        FROM range({n}) r(i)""")
    con.execute("""
        INSERT INTO articles SELECT 'b' || (i // 4), 'h' || (i // 4), 'coded', NULL, NULL,
               DATE '2020-01-01' + dd, NULL, 'https://news.example.org/' || (i // 4), 'pub' || (i % 50), NULL, 'en',
               NULL, 400, 4, NULL, i // 4, now()::TIMESTAMP
        FROM g WHERE i % 4 = 0""")
    con.execute("""
        INSERT INTO events (event_id, article_id, sentence_no, sentence, span_start, span_end, is_root, date,
               date_precision, date_from_text, source_code, source_country, source_sector, target_code, target_country,
               target_sector, cameo, cameo_root, goldstein, quad_class, plover_type, modality, location_name,
               location_country, location_precision, confidence, rule, record, coder)
        SELECT 'b' || (i // 4) || ':s' || (i % 4) || ':e0', 'b' || (i // 4), i % 4,
               CASE WHEN b < 0.02 THEN 'Troops moved to the border on Monday.' ELSE 'Something happened.' END, 0, 10,
               TRUE, DATE '2020-01-01' + dd - CAST(floor(b * 3) AS INT), 'day', TRUE,
               'X' || chr(65 + s // 26) || chr(65 + s % 26) || 'GOV', 'X' || chr(65 + s // 26) || chr(65 + s % 26), 'GOV',
               CASE WHEN b > 0.1 THEN 'X' || chr(65 + t // 26) || chr(65 + t % 26) || 'MIL' END,
               CASE WHEN b > 0.1 THEN 'X' || chr(65 + t // 26) || chr(65 + t % 26) END, 'MIL',
               lpad(root::VARCHAR, 2, '0') || '0', lpad(root::VARCHAR, 2, '0'), -10 + root, 
               CASE WHEN root <= 5 THEN 1 WHEN root <= 8 THEN 2 WHEN root IN (14, 15, 17, 18, 19, 20) THEN 4 ELSE 3 END,
               NULL, CASE WHEN m < 0.7 THEN 'asserted' WHEN m < 0.85 THEN 'reported' WHEN m < 0.93 THEN 'future'
                          WHEN m < 0.98 THEN 'hypothetical' ELSE 'negated' END,
               CASE WHEN b < 0.02 THEN 'X' || chr(65 + s // 26) || chr(65 + s % 26) || '-C' || lpad(t::VARCHAR, 2, '0') || ' border' END,
               CASE WHEN b >= 0.02 THEN 'X' || chr(65 + t // 26) || chr(65 + t % 26) END,
               CASE WHEN b < 0.02 THEN 'border' ELSE 'country' END, 0.8, 'bench', '{}', 'tocsin'
        FROM g""")
    con.execute("INSERT INTO event_clusters SELECT event_id, event_id FROM events")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="out/warn-bench.duckdb")
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    if not Path(args.db).exists():
        t0 = time.perf_counter()
        generate(args.db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f}s -> {args.db}")
    import duckdb

    from tocsin.store.store import Store
    from tocsin.warn import alerts as A
    from tocsin.warn import detect, frame, rules, series

    store = Store(args.db)
    print(f"store: {store.counts()['events']:,} events; RSS at start {rss_mb():.0f} MB")
    con = duckdb.connect(args.db, read_only=True)
    steps = [
        ("frame (events + clusters + implied targets)", lambda: frame.build(con)),
        ("series, every dyad (sparse)", lambda: len(series.compute(con, unit="dyad", base="_warn"))),
        ("series, one dyad, every day filled", lambda: len(series.compute(con, dyad="XAA:XAB", base="_warn"))),
        ("series, one country", lambda: len(series.compute(con, unit="country", country="XAA", base="_warn"))),
        ("detector (every dyad-day scored)", lambda: len(detect.detect(con, "_warn")[0])),
        ("default rules (5)", lambda: len(rules.evaluate(con, rules.load(), "_warn")[0])),
    ]
    for name, fn in steps:
        with Peak() as p:
            out = fn()
        print(f"{name:48} {p.seconds:7.2f} s  peak RSS {p.peak:6.0f} MB  -> {out}")
    con.close()
    with Peak() as p:
        r = A.refresh(store, force=True)
    print(f"{'alerts refresh (frame+rules+detector, stored)':48} {p.seconds:7.2f} s  peak RSS {p.peak:6.0f} MB  -> "
          f"{r.total} alerts")


if __name__ == "__main__":
    main()
