"""How fast `tocsin serve` answers on a store of a million events or more.

1. The store: a few hundred generated wire stories (tests/corpus.py) coded by the real pipeline and
   ingested, then replicated inside DuckDB (new article and event ids, dates shifted by a few days per
   copy, clusters carried along) until it holds ``--events`` events. Kept in ``--db`` for later runs.
2. Latency: `tocsin serve` in its own process on 127.0.0.1; ``--requests`` sequential requests each
   to filtered, paginated ``/events`` and to ``/series`` (filters drawn from the store's own actors,
   dyads, roots, modalities and dates); p50/p95/p99 per endpoint.
3. Load: an open-loop load on loopback only, ``--rate`` requests/s for ``--seconds`` seconds (a fixed
   count, each with a 10 s timeout), a mix of /events, /series, /articles/{id}, /actors, /network and
   /geo; errors are any non-200 answer or failed request.

    python benchmarks/serve.py [--db out/bench-serve.duckdb] [--events 1000000] [--rate 200] [--seconds 60]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
HOST = "127.0.0.1"  # loopback only: this load never leaves the machine


def build_store(db: Path, events: int, seed_articles: int) -> None:
    from corpus import make_articles

    from tocsin.app import Tocsin
    from tocsin.model import Article

    seed = db.with_name(db.stem + "-seed.duckdb")
    for p in (db, seed, Path(f"{db}.wal"), Path(f"{seed}.wal")):
        p.unlink(missing_ok=True)
    t = time.perf_counter()
    arts = [Article(**{k: v for k, v in r.items()}) for r in make_articles(seed_articles, seed=11)]
    Tocsin(store=seed).ingest(articles=arts)
    con = duckdb.connect(str(seed))
    n_seed = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    print(f"seed: {seed_articles} articles coded and ingested, {n_seed:,} events ({time.perf_counter() - t:.0f}s)")
    copies = -(-events // n_seed)
    t = time.perf_counter()
    con = duckdb.connect(str(seed))
    con.execute("SET memory_limit = '4GB'")
    con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies])
    ren = "a.article_id || '~r' || k.k"
    evid = "(split_part(x, ':', 1) || '~r' || k.k || substr(x, length(split_part(x, ':', 1)) + 1))"
    con.execute("BEGIN")
    con.execute(f"""INSERT INTO articles SELECT a.* REPLACE ({ren} AS article_id,
                        CASE WHEN a.duplicate_of IS NULL THEN NULL ELSE a.duplicate_of || '~r' || k.k END AS duplicate_of,
                        a.date + (k.k * 3)::INTEGER AS date, a.seq + k.k * 1000000 AS seq)
                    FROM articles a, k""")
    con.execute(f"""INSERT INTO events SELECT e.* REPLACE ({evid.replace('x', 'e.event_id')} AS event_id,
                        e.article_id || '~r' || k.k AS article_id, e.date + (k.k * 3)::INTEGER AS date)
                    FROM events e, k""")
    con.execute(f"""INSERT INTO clusters SELECT c.* REPLACE ({evid.replace('x', 'c.cluster_id')} AS cluster_id,
                        c.start_date + (k.k * 3)::INTEGER AS start_date, c.end_date + (k.k * 3)::INTEGER AS end_date,
                        {evid.replace('x', 'c.first_event_id')} AS first_event_id,
                        c.first_article_id || '~r' || k.k AS first_article_id)
                    FROM clusters c, k""")
    con.execute(f"""INSERT INTO event_clusters SELECT {evid.replace('x', 'ec.event_id')},
                        {evid.replace('x', 'ec.cluster_id')} FROM event_clusters ec, k""")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    a = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    os.replace(seed, db)  # only a complete store takes the name
    print(f"store: {a:,} articles, {n:,} events ({copies} copies of the seed, {time.perf_counter() - t:.0f}s) -> {db}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def summary(name: str, ms: list[float]) -> str:
    return (f"{name:<34} n={len(ms):>6}  p50 {pct(ms, 50):7.1f} ms  p95 {pct(ms, 95):7.1f} ms  "
            f"p99 {pct(ms, 99):7.1f} ms  max {max(ms):7.1f} ms")


class Workload:
    """Requests a dashboard user makes, with filters drawn from the store itself."""

    def __init__(self, db: Path, seed: int = 5) -> None:
        self.r = random.Random(seed)
        con = duckdb.connect(str(db), read_only=True)
        self.countries = [x for (x,) in con.execute(
            "SELECT source_country FROM events WHERE source_country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 20").fetchall()]
        self.dyads = [f"{s}:{t}" for s, t in con.execute(
            """SELECT source_country, target_country FROM events WHERE source_country IS NOT NULL
               AND target_country IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 40""").fetchall()]
        lo, hi = con.execute("SELECT min(date), max(date) FROM events").fetchone()
        self.lo, self.days = lo, (hi - lo).days
        self.articles = [x for (x,) in con.execute(
            "SELECT article_id FROM articles WHERE status = 'coded' USING SAMPLE 2000 ROWS").fetchall()]
        con.close()

    def _window(self) -> dict:
        from datetime import timedelta

        start = self.lo + timedelta(days=self.r.randrange(max(1, self.days - 90)))
        return {"since": start.isoformat(), "until": (start + timedelta(days=self.r.choice([7, 30, 90, 365]))).isoformat()}

    def filters(self) -> dict:
        r = self.r
        f: dict = {}
        kind = r.randrange(6)
        if kind == 0:
            f["dyad"] = r.choice(self.dyads)
        elif kind == 1:
            f["actor"] = r.choice(self.countries)
        elif kind == 2:
            f["root"] = r.choice(["14", "18,19", "01", "04", "16", "17"])
        elif kind == 3:
            f.update(self._window())
        elif kind == 4:
            f["dyad"] = r.choice(self.dyads)
            f.update(self._window())
        if r.random() < 0.3:
            f["modality"] = r.choice(["asserted", "asserted,reported", "future"])
        return f

    def events(self) -> tuple[str, dict]:
        f = self.filters()
        f["limit"] = self.r.choice([25, 50, 100])
        f["offset"] = self.r.choice([0, 0, 0, 25, 50, 100, 500, 2000])
        f["order"] = self.r.choice(["newest", "newest", "oldest"])
        return "/events", f

    def series(self) -> tuple[str, dict]:
        f = self.filters()
        f["interval"] = self.r.choice(["day", "week", "month"])
        return "/series", f

    def mixed(self) -> tuple[str, dict]:
        x = self.r.random()
        if x < 0.45:
            return self.events()
        if x < 0.75:
            return self.series()
        if x < 0.87:
            return f"/articles/{self.r.choice(self.articles)}", {}
        f = self.filters()
        if not f:  # the dashboard's first, unfiltered view
            f = self._window()
        if x < 0.92:
            return "/network", f
        if x < 0.96:
            return "/actors", f
        return "/geo", f


def latency(base: str, work: Workload, n: int) -> dict:
    out: dict = {}
    if n <= 0:
        return out
    with httpx.Client(base_url=base, timeout=30) as c:
        for _ in range(20):  # warm the server's connection and caches
            path, params = work.events()
            c.get(path, params=params)
        for name, make in (("/events (filtered, paginated)", work.events), ("/series", work.series)):
            ms = []
            for _ in range(n):
                path, params = make()
                t = time.perf_counter()
                r = c.get(path, params=params)
                ms.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{path} {params} -> {r.status_code} {r.text[:200]}")
            print(summary(name, ms))
            out[name] = {"p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99)}
    return out


async def load(base: str, work: Workload, rate: float, seconds: float) -> dict:
    total = int(rate * seconds)
    if total <= 0:
        return {}
    plan = [work.mixed() for _ in range(total)]
    ms: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as c:
        async def one(path, params):
            t = time.perf_counter()
            try:
                r = await c.get(path, params=params)
                if r.status_code != 200:
                    errors.append(f"{path} -> {r.status_code}")
            except Exception as exc:  # a timeout or a refused connection is an error like any other
                errors.append(f"{path} -> {type(exc).__name__}")
            ms.append((time.perf_counter() - t) * 1000)

        t0 = time.perf_counter()
        tasks = []
        for i, (path, params) in enumerate(plan):
            delay = t0 + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(path, params)))
        sent = time.perf_counter() - t0
        await asyncio.gather(*tasks)
        took = time.perf_counter() - t0
    print(summary(f"load: {total} requests in {sent:.1f}s", ms))
    print(f"load: offered {rate:g}/s for {seconds:g}s, sent at {total / sent:.1f}/s, all answered in {took:.1f}s; "
          f"errors {len(errors)}" + (f" (e.g. {errors[:3]})" if errors else ""))
    return {"requests": total, "sent_per_s": total / sent, "errors": len(errors),
            "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench-serve.duckdb")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed-articles", type=int, default=400)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--requests", type=int, default=300, help="sequential requests per endpoint for latency")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    a = ap.parse_args()
    if a.rate * a.seconds > 100_000 or a.seconds > 600:
        raise SystemExit("the load is bounded: at most 100,000 requests and 600 s")
    a.db.parent.mkdir(parents=True, exist_ok=True)
    if a.rebuild or not a.db.exists():
        build_store(a.db, a.events, a.seed_articles)
    con = duckdb.connect(str(a.db), read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    print(f"store {a.db}: {n:,} events")
    work = Workload(a.db)
    result = {"events": n}
    # Latency with the answer cache off (every request runs its queries), the load as deployed (cache on).
    for phase, cache in (("latency", "0"), ("load", "2048")):
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen([sys.executable, "-m", "tocsin", "serve", "--db", str(a.db), "--host", HOST,
                                   "--port", str(port), "--cache", cache], stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(base + "/stats", timeout=5).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start: " + (server.stderr.read() if server.poll() else ""))
                    time.sleep(0.2)
            if phase == "latency":
                result["latency"] = latency(base, work, a.requests)
            else:
                result["load"] = asyncio.run(load(base, work, a.rate, a.seconds))
        finally:
            server.terminate()
            server.wait(10)
    if a.json:
        a.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
