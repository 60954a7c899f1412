"""How fast `tocsin serve` answers on a store of a million events or more.

1. The store (``--store``, built when missing or with ``--rebuild``): a few hundred generated wire
   stories (tests/corpus.py) coded by the real pipeline and ingested, then replicated inside DuckDB
   (new article and event ids, dates shifted by 3 days a copy, clusters carried along) until it holds
   ``--events`` events. Later runs reuse it.
2. Latency: `tocsin serve` in a child process on 127.0.0.1, one request at a time. ``/events``
   (filtered, paginated) and ``/series`` (warn's dyad/country day series), first with the answer
   memo off (``--cache 0``: every request runs its queries: "cold"), then as deployed (memo on, after
   one request per series key: "warm"). p50/p95/p99 per route. In both, what the server derives once
   per store state (warn's day rows of every key, which a /series of a country or a dyad of countries
   is cut from) is made by the first /series, timed apart, like opening the file.
3. Load: open loop on loopback, ``--rate`` requests/s for ``--seconds`` s: request i is due at
   t0 + i/rate whatever happened before, its latency counts from that due time (a slow answer cannot
   hide the requests queued behind it), over ``--connections`` keep-alive connections. The requests
   are the dashboard's own (tocsin/web/static/app.js), in sessions: a view (the whole store, a dyad,
   an actor, a CAMEO root or a country, a third of them narrowed to a month or a week; 400 views,
   popular by Zipf's law) is opened (/timeline, /geo, /network, /alerts, the first /events page of
   25), maybe paged on, an event and an article read, warn's /series of its dyad or country drawn.
   The script prints how many requests are distinct (only repeats can come from the answer memo).
   It runs on the server of the warm phase. An error is any answer but 200, a broken connection, or
   no answer within ``--timeout`` s of its due time; the count is bounded, and so is the time: what
   is not answered ``--timeout`` s after the last request was due counts as an error.

    python benchmarks/serve.py --store out/serve-1m.duckdb      # ~3 minutes with the store built
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import duckdb

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
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def summary(name: str, ms: list[float]) -> dict:
    print(f"{name:<44} n={len(ms):>6}  p50 {pct(ms, 50):7.1f} ms  p95 {pct(ms, 95):7.1f} ms  "
          f"p99 {pct(ms, 99):7.1f} ms  max {max(ms) if ms else float('nan'):7.1f} ms", flush=True)
    return {"n": len(ms), "p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99)}


def url(path: str, params: dict | None = None) -> str:
    return path + ("?" + urlencode(params, doseq=True) if params else "")


class Workload:
    """The dashboard's requests, with filters drawn from the store itself."""

    def __init__(self, db: Path, seed: int = 5) -> None:
        self.r = random.Random(seed)
        con = duckdb.connect(str(db), read_only=True)
        self.countries = [x for (x,) in con.execute(
            "SELECT source_country FROM events WHERE source_country IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC, 1 LIMIT 20").fetchall()]
        self.dyads = [f"{s}:{t}" for s, t in con.execute(
            """SELECT source_country, target_country FROM events WHERE source_country IS NOT NULL
               AND target_country IS NOT NULL AND source_country <> target_country GROUP BY 1, 2
               ORDER BY count(*) DESC, 1, 2 LIMIT 30""").fetchall()]
        lo, hi = con.execute("SELECT min(date), max(date) FROM events").fetchone()
        self.months = []
        d = date(lo.year, lo.month, 1)
        while d <= hi:
            self.months.append(d)
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        self.articles = [x for (x,) in con.execute(
            "SELECT article_id FROM articles WHERE status = 'coded' ORDER BY hash(article_id) LIMIT 3000").fetchall()]
        self.event_ids = [x for (x,) in con.execute(
            "SELECT event_id FROM events ORDER BY hash(event_id) LIMIT 3000").fetchall()]
        con.close()

    def window(self) -> dict:
        """A bar of the timeline clicked: a month, or a week of one."""
        m = self.r.choice(self.months)
        if self.r.random() < 0.6:
            nxt = date(m.year + m.month // 12, m.month % 12 + 1, 1)
            return {"since": m.isoformat(), "until": (nxt - timedelta(days=1)).isoformat()}
        start = m + timedelta(days=7 * self.r.randrange(4) - m.weekday())
        return {"since": start.isoformat(), "until": (start + timedelta(days=6)).isoformat()}

    def view(self) -> dict:
        r = self.r
        f: dict = {}
        kind = r.random()
        if kind < 0.35:
            f["dyad"] = r.choice(self.dyads)
        elif kind < 0.55:
            f["actor"] = r.choice(self.countries)
        elif kind < 0.7:
            f["root"] = r.choice(["14", "18,19", "01", "04", "16", "17"])
        elif kind < 0.8:
            f["country"] = r.choice(self.countries)
        if r.random() < 0.4:
            f.update(self.window())
        if r.random() < 0.2:
            f["modality"] = r.choice(["asserted", "asserted,reported"])
        return f

    def events(self) -> str:
        f = self.view()
        f["limit"] = 25
        f["offset"] = 25 * self.r.choice([0, 0, 0, 1, 1, 2, 3, 5, 10, 40])
        if self.r.random() < 0.15:
            f["order"] = self.r.choice(["oldest", "confidence"])
        return url("/events", f)

    def series(self, pairs: bool = True) -> str:
        r = self.r
        f: dict = {"dyad": r.choice(self.dyads)} if r.random() < 0.6 else {"country": r.choice(self.countries)}
        if pairs and "dyad" in f and r.random() < 0.2:
            f["pair"] = "true"
        if r.random() < 0.7:  # the window a chart shows: a quarter or a year up to a month
            end = r.choice(self.months)
            f.update({"since": (end - timedelta(days=r.choice([90, 365]))).isoformat(), "until": end.isoformat()})
        return url("/series", f)

    def views(self, n: int = 400) -> list[dict]:
        """What dashboard users look at: the whole store, a dyad, an actor, a CAMEO root or a country, a
        third of them narrowed to a month or a week, ranked at random (``sessions`` asks the first ones most)."""
        r = self.r
        base = [{}] + [{"dyad": d} for d in self.dyads] + [{"actor": c} for c in self.countries] + \
               [{"root": x} for x in ("14", "18,19", "01", "04", "16", "17")] + [{"country": c} for c in self.countries]
        out = list(base)
        while len(out) < n:
            v = dict(r.choice(base))
            v.update(self.window())
            if r.random() < 0.15:
                v["modality"] = "asserted"
            out.append(v)
        r.shuffle(out)
        return out

    def sessions(self, total: int, zipf: float = 1.1) -> list[str]:
        """The requests of dashboard sessions until ``total``: a view is opened (its timeline, map,
        network, alerts and first page of events), maybe paged on, an event and its article read, the
        warning chart of its dyad or country drawn. Views are popular by Zipf's law (the k-th most
        asked for ``1/k**zipf`` as often as the first)."""
        r = self.r
        views = self.views()
        weights = [1 / (k + 1) ** zipf for k in range(len(views))]
        out: list[str] = []
        while len(out) < total:
            v = r.choices(views, weights)[0]
            out += [url("/timeline", {**v, "interval": "day"}), url("/geo", {**v, "limit": 300}),
                    url("/network", {**v, "limit": 40}),
                    url("/alerts", {k: x for k, x in v.items() if k in ("since", "until", "dyad")} | {"limit": 200, "evidence": "false"}),
                    url("/events", {**v, "limit": 25})]
            pages = 1
            while r.random() < 0.5 and pages < 6:
                out.append(url("/events", {**v, "limit": 25, "offset": 25 * pages}))
                pages += 1
            if r.random() < 0.6:
                out += [f"/events/{r.choice(self.event_ids)}", f"/articles/{r.choice(self.articles)}"]
            if r.random() < 0.5 and ("dyad" in v or "country" in v or "actor" in v):
                key = {"dyad": v["dyad"]} if "dyad" in v else {"country": v.get("country") or v["actor"]}
                out.append(url("/series", {**key, **{k: x for k, x in v.items() if k in ("since", "until")}}))
        return out[:total]


class Conn:
    """One keep-alive HTTP/1.1 connection, spoken by hand: a client library would cost more CPU per
    request than the server on a machine both share."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        try:
            self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n\r\n".encode())
            head = await self.reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)}
            if "content-length" in headers:
                body = await self.reader.readexactly(int(headers["content-length"]))
            else:
                body = b""
                while True:  # chunked
                    size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                    chunk = await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
                    body += chunk[:-2]
            if headers.get("connection", "").lower() == "close":
                self.close()
            return status, body
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def sequential(port: int, paths: list[str]) -> list[float]:
    c = Conn(port)
    ms = []
    for p in paths:
        t = time.perf_counter()
        status, body = await c.get(p)
        ms.append((time.perf_counter() - t) * 1000)
        if status != 200:
            raise SystemExit(f"GET {p} -> {status} {body[:300]!r}")
    c.close()
    return ms


async def open_loop(port: int, paths: list[str], rate: float, connections: int, timeout: float) -> dict:
    queue: asyncio.Queue = asyncio.Queue()
    ms: list[float] = []
    by_route: dict[str, list[float]] = {}
    errors: list[str] = []
    done = 0

    async def worker():
        nonlocal done
        c = Conn(port)
        while True:
            item = await queue.get()
            if item is None:
                c.close()
                return
            due, p = item
            route = p.split("?")[0]
            route = "/".join(route.split("/")[:2]) + ("/{id}" if route.count("/") > 1 else "")
            try:
                status, body = await asyncio.wait_for(c.get(p), timeout=max(0.001, due + timeout - time.perf_counter()))
                if status != 200:
                    errors.append(f"{route} -> {status} {body[:120]!r}")
            except Exception as exc:  # a timeout or a refused or broken connection is an error like any other
                errors.append(f"{route} -> {type(exc).__name__}")
                c.close()
            took = (time.perf_counter() - due) * 1000
            ms.append(took)
            by_route.setdefault(route, []).append(took)
            done += 1

    workers = [asyncio.create_task(worker()) for _ in range(connections)]
    t0 = time.perf_counter() + 0.2
    late = 0.0
    for i, p in enumerate(paths):
        due = t0 + i / rate
        wait = due - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        else:
            late = max(late, -wait)
        queue.put_nowait((due, p))
    for _ in workers:
        queue.put_nowait(None)
    last_due = t0 + (len(paths) - 1) / rate
    _, pending = await asyncio.wait(workers, timeout=max(0.0, last_due + timeout + 1 - time.perf_counter()))
    for w in pending:  # bounded in time: what is still out counts as errors
        w.cancel()
    unanswered = len(paths) - done
    if unanswered:
        errors += [f"unanswered within {timeout:g}s of the last due time"] * unanswered
    took = time.perf_counter() - t0
    print(f"load: {len(paths):,} requests due at {rate:g}/s over {len(paths) / rate:.0f}s (scheduler at most "
          f"{late * 1000:.0f} ms late), all settled {took:.1f}s after the first; errors {len(errors)}"
          + (f" (e.g. {sorted(set(errors))[:3]})" if errors else ""), flush=True)
    out = {"requests": len(paths), "rate": rate, "errors": len(errors), **summary("load: every request", ms)}
    out["routes"] = {r: summary(f"load: {r}", v) for r, v in sorted(by_route.items())}
    return out


class Server:
    """`tocsin serve` in a child process, on a free loopback port."""

    def __init__(self, db: Path, cache: int) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "tocsin", "serve", "--db", str(db), "--host", HOST,
                                      "--port", str(self.port), "--cache", str(cache)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 90
        while True:
            try:
                status, _ = asyncio.run(sequential_once(self.port, "/stats"))
                if status == 200:
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.__exit__()
                raise SystemExit("the server did not start: " + (self.proc.stderr.read() if self.proc.poll() else ""))
            time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def sequential_once(port: int, path: str):
    c = Conn(port)
    try:
        return await c.get(path)
    finally:
        c.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", "--db", dest="store", type=Path, default=ROOT / "out" / "serve-1m.duckdb",
                    help="the store to serve (built when missing)")
    ap.add_argument("--events", type=int, default=1_000_000, help="events in a store this script builds")
    ap.add_argument("--seed-articles", type=int, default=400)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--requests", type=int, default=200, help="sequential requests per route and phase")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds a request may take before it is an error")
    ap.add_argument("--skip", default="", help="phases to leave out: cold,warm,load")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    a = ap.parse_args()
    if a.rate * a.seconds > 100_000 or a.seconds > 600 or a.connections > 512:
        raise SystemExit("the load is bounded: at most 100,000 requests, 600 s and 512 connections")
    a.store.parent.mkdir(parents=True, exist_ok=True)
    if a.rebuild or not a.store.exists():
        build_store(a.store, a.events, a.seed_articles)
    con = duckdb.connect(str(a.store), read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    con.close()
    from tocsin.store import Store, schema

    if version != schema.SCHEMA_VERSION:  # a store built by an older tocsin: upgraded as its next write would
        t = time.perf_counter()
        with Store(a.store).writer():
            pass
        print(f"store upgraded from schema {version} to {schema.SCHEMA_VERSION} ({time.perf_counter() - t:.1f}s)")
    if n < 1_000_000:
        print(f"note: {n:,} events, fewer than a million")
    work = Workload(a.store)
    print(f"store {a.store}: {n:,} events; load average {loadavg()}; {os.cpu_count()} cores", flush=True)
    skip = set(filter(None, a.skip.split(",")))
    result: dict = {"store": str(a.store), "events": n, "loadavg_start": loadavg()}
    started = time.monotonic()
    if "cold" not in skip:
        # Every request runs its queries (no answer memo): what a request costs the first time.
        with Server(a.store, cache=0) as s:
            asyncio.run(sequential(s.port, [work.events() for _ in range(10)]))  # the file's pages in memory
            # warn's day rows of every key, made once per store state (as an index would be) whatever the
            # answer memo: the first /series of a store state waits for them.
            t = time.perf_counter()
            asyncio.run(sequential(s.port, [work.series()]))
            print(f"first /series of the store state (builds the day rows of every key): "
                  f"{time.perf_counter() - t:.1f}s", flush=True)
            result["cold"] = {
                "/events": summary("cold /events (filtered, paginated)",
                                   asyncio.run(sequential(s.port, [work.events() for _ in range(a.requests)]))),
                "/series": summary("cold /series",
                                   asyncio.run(sequential(s.port, [work.series() for _ in range(max(1, a.requests // 4))]))),
            }
    if "warm" not in skip or "load" not in skip:
        with Server(a.store, cache=2048) as s:
            if "warm" not in skip:
                # As deployed: the answer memo on, and each dyad's and country's series asked for once
                # (a key's days are kept per store state; any window is cut from them).
                keys = [url("/series", {"dyad": d}) for d in work.dyads] + \
                       [url("/series", {"country": c}) for c in work.countries]
                t = time.perf_counter()
                print(f"warming: the series of {len(keys)} keys ...", end=" ", flush=True)
                asyncio.run(sequential(s.port, keys))
                print(f"{time.perf_counter() - t:.0f}s", flush=True)
                result["warm"] = {
                    "/events": summary("warm /events (filtered, paginated)",
                                       asyncio.run(sequential(s.port, [work.events() for _ in range(a.requests)]))),
                    "/series": summary("warm /series",
                                       asyncio.run(sequential(s.port, [work.series(pairs=False) for _ in range(a.requests)]))),
                }
            if "load" not in skip:
                paths = work.sessions(int(a.rate * a.seconds))
                print(f"load: {len(set(paths)):,} distinct requests of {len(paths):,} (the rest repeat one: the "
                      f"answer memo can serve at most those); load average before {loadavg()}", flush=True)
                cpu = cpu_seconds(s.proc.pid)
                result["load"] = asyncio.run(open_loop(s.port, paths, a.rate, a.connections, a.timeout))
                cpu = cpu_seconds(s.proc.pid) - cpu
                result["load"]["server_cpu_s"] = cpu
                print(f"load: the server used {cpu:.1f} CPU-s ({cpu / len(paths) * 1000:.1f} ms a request); "
                      f"load average after {loadavg()}", flush=True)
    result["loadavg_end"] = loadavg()
    print(f"done in {time.monotonic() - started:.0f}s; load average {loadavg()}")
    if a.json:
        a.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
