"""The event store: one DuckDB file, read through pandas DataFrames, written only through ``Writer``.

Concurrency: DuckDB lets one process hold a database file open for writing, and while it
does no other process can open it at all. So no process here keeps the file open: a writer
opens it for one transaction (one ingest batch, ~15 ms of overhead) and closes it; a reader
opens it read-only for one query and closes it. A process that finds the file locked retries
until ``lock_timeout`` runs out. A reader (``tocsin events``) can therefore answer queries while
``tocsin ingest`` runs, each waiting at most one batch commit for the other.
"""
from __future__ import annotations

import fcntl
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from . import schema


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([KMGT])i?B", re.IGNORECASE)
# The end of a writing run (the cluster rebuild, which writes every cluster row in one transaction that
# DuckDB holds until it commits, then the readers' indexes over every row): at a 128 MB limit the million
# distinct (stub) articles' rebuild ran out of memory, at 256 MB it fit; so a lower limit set for the
# batches is raised for it.
END_FLOOR = "256MB"


def _writer_memory() -> str:
    """DuckDB's memory limit for a writing run: ``TOCSIN_WRITER_MEMORY`` (e.g. ``512MB``), else 128MB.

    A batch's transaction needs little (the near-copy window's pages, ~70 MB); what more DuckDB is given
    fills with the pages it wrote and the checkpoints' merges of them, which grow with the store until the
    limit stops them. At 128 MB a million distinct articles ingest flat (peak 435 MB at 100k, 479 at 1M), and
    the end of the run, given ``END_FLOOR``, finishes (docs/hardening.md). The value goes into a SET
    statement, so only a size is accepted."""
    value = os.environ.get("TOCSIN_WRITER_MEMORY", "").strip() or "128MB"
    if not _SIZE.fullmatch(value):
        raise BadStore(f"TOCSIN_WRITER_MEMORY={value!r} is not a size such as 256MB or 1GB")
    return value


def _bytes(size: str) -> float:
    number, unit = _SIZE.fullmatch(size).groups()
    return float(number) * 1024 ** "KMGT".index(unit.upper()) * 1024


def end_memory() -> str:
    """The memory limit of a writing run's end: the writer's, but never below ``END_FLOOR``."""
    value = _writer_memory()
    return value if _bytes(value) >= _bytes(END_FLOOR) else END_FLOOR


# A writing run's connection (``Store.session``) is opened anew every ``SESSION_TRANSACTIONS``
# transactions, or sooner when DuckDB holds more than ``SESSION_MEMORY`` for it: the
# pages it wrote and read stay in its buffer pool until the writer's memory limit is reached, about 90 bytes a
# stored article (256 MB at 195,000 distinct articles). Not on memory alone: the near-copy window's
# pages (100,000 signatures and their bands, ~70 MB) are read by every batch, and a budget below
# them reopened the file at every transaction, which costs what the held connection saves.
SESSION_TRANSACTIONS = 32
SESSION_MEMORY = 256 * 2**20


def intent_path(path: str | Path) -> str:
    """The side file a writer holds a shared flock on while it waits for and holds the store.

    A long-lived reader (``tocsin serve``) that finds it locked closes its connection so the
    writer gets in; the flock goes with the writer's process, so a crash leaves no stale claim."""
    return f"{path}.writer"


@contextmanager
def _write_intent(path: str) -> Iterator[None]:
    try:
        fd = os.open(intent_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: no writer can get in there anyway
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


class StoreLocked(RuntimeError):
    """Another process kept the store locked for longer than the timeout."""


class NoStore(FileNotFoundError):
    """Reading a store file that does not exist yet."""


class BadStore(RuntimeError):
    """The store path is not a DuckDB file this process can open (a folder, an empty, foreign or damaged file)."""


class _RunLock:
    """One writing run per store, across processes: an exclusive ``flock`` on ``<store>.lock``.

    DuckDB's own lock only lasts one transaction (the file is closed between batches so that
    readers get in), so without this two ingests interleave their batches: both see the same
    max ``seq`` and both code a text neither has committed yet. The kernel drops the lock when
    its process dies, ``kill -9`` included, so a stale lock file never blocks anyone. Within a
    process the lock is counted, so a run's own transactions (and nested callers) pass.
    """

    _held: dict[str, "_RunLock"] = {}
    _guard = threading.Lock()

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd: int | None = None
        self.count = 0

    @classmethod
    def acquire(cls, store_path: str, timeout: float | None, on_wait=None) -> "_RunLock":
        import fcntl

        key = os.path.realpath(store_path) + ".lock"
        with cls._guard:
            lock = cls._held.get(key)
            if lock is not None:
                lock.count += 1
                return lock
        fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if timeout is None else time.monotonic() + timeout
        waited = False
        delay = 0.05
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = _read_pid(fd)
                    if deadline is not None and time.monotonic() >= deadline:
                        who = f" (pid {holder})" if holder else ""
                        raise StoreLocked(f"{store_path} is being written by another tocsin process{who}"
                                          + (f"; still after waiting {timeout:g}s" if timeout else "")) from None
                    if not waited and on_wait is not None:
                        on_wait(holder)
                    waited = True
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        lock = cls(key)
        lock.fd, lock.count = fd, 1
        with cls._guard:
            cls._held[key] = lock
        return lock

    def release(self) -> None:
        import fcntl

        with self._guard:
            self.count -= 1
            if self.count > 0 or self.fd is None:
                return
            self._held.pop(self.path, None)
            fd, self.fd = self.fd, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0).split()
        return int(raw[0]) if raw else None
    except (OSError, ValueError):
        return None


def _first_line(exc: Exception) -> str:
    lines = [x.strip() for x in str(exc).splitlines() if x.strip()]
    return lines[0] if lines else type(exc).__name__


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc)
    return "lock" in msg.lower() and ("Conflicting" in msg or "Could not set lock" in msg)


def readers_path(path: str | Path) -> str:
    """The side file a reader holds a shared flock on while it waits for a writer's connection to
    close: an ingest keeps the store open across its batches and lets such readers in between two."""
    return f"{path}.readers"


class _WaitingReader:
    """A reader's claim on ``readers_path`` from its first refusal until it gets in (or gives up)."""

    def __init__(self, path: str) -> None:
        self.path, self.fd = path, None

    def claim(self) -> None:
        if self.fd is not None:
            return
        try:
            self.fd = os.open(readers_path(self.path), os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_SH)
        except OSError:  # a read-only folder: wait as before, without telling the writer
            self.release()

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def readers_waiting(path: str) -> bool:
    """Whether a reader is waiting for the store at ``path`` (holds a claim on ``readers_path``)."""
    try:
        fd = os.open(readers_path(path), os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _connect(path: str, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    waiting = _WaitingReader(path)
    try:
        return _connect_once_free(path, read_only, timeout, waiting)
    finally:
        waiting.release()


def _connect_once_free(path: str, read_only: bool, timeout: float, waiting: "_WaitingReader"
                       ) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        if Path(path).is_dir():
            raise BadStore(f"{path} is a folder, not a store file")
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                if _is_lock_error(exc):
                    raise StoreLocked(f"{path} is locked by another process (still after {timeout:g}s)") from exc
                raise BadStore(f"{path} cannot be opened as a store: {_first_line(exc)}") from None
        except duckdb.Error as exc:  # a damaged file: DuckDB says what it found
            raise BadStore(f"{path} cannot be opened as a store: {_first_line(exc)}") from None
        # Locked by another process's transaction: wait (this sleep sat after the raise above,
        # unreachable, and a waiting writer spun a core until the reader let go). A reader says
        # it waits, so that an ingest holding the store open lets go at its next batch.
        if read_only:
            waiting.claim()
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def open_read(path: str, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``path``, once it is known to be a store this tocsin reads:
    NoStore (missing, or another DuckDB database), SchemaError (a newer tocsin's), BadStore, StoreLocked."""
    if not Path(path).exists():
        raise NoStore(f"no store at {path}: run `tocsin ingest ... --db {path}` first")
    con = _connect(path, True, lock_timeout)
    try:
        if not schema.is_created(con):
            raise NoStore(f"{path} is a DuckDB file but not a tocsin store")
        schema.check(con)
    except BaseException:
        con.close()
        raise
    return con


def insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[tuple],
           types: dict[str, pa.DataType] | None = None) -> None:
    """Bulk insert through Arrow: DuckDB's executemany costs a round trip per row."""
    if not rows:
        return
    types = types or {}
    cols = list(zip(*rows))
    arrays = [pa.array(list(c), type=types.get(name)) for name, c in zip(columns, cols)]
    tmp = f"_insert_{table}"
    con.register(tmp, pa.Table.from_arrays(arrays, names=list(columns)))
    try:
        quoted = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {tmp}")
    finally:
        con.unregister(tmp)


def _codes(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [x.strip() for x in items if x and x.strip()]


def _root(value: str) -> str:
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 20:
        raise ValueError(f"CAMEO root {value!r} is not a number from 01 to 20")
    return f"{int(value):02d}"


def parse_day(value: Date | str | None, name: str) -> Date | None:
    """A query's date bound: a date, None, or YYYY-MM-DD (else a ValueError naming the bound)."""
    if value is None or isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a date in the form YYYY-MM-DD") from None


def day_bounds(column: str, since: Date | str | None, until: Date | str | None) -> tuple[list[str], list]:
    """Conditions (inclusive) and parameters bounding ``column`` by ``since``/``until``: one reading of
    the date filters for events, series and alerts."""
    where: list[str] = []
    params: list = []
    for bound, op, name in ((since, ">=", "since"), (until, "<=", "until")):
        day = parse_day(bound, name)
        if day:
            where.append(f"{column} {op} ?")
            params.append(day)
    return where, params


EVENT_QUERY = """
SELECT e.* EXCLUDE (record), a.date AS article_date, a.url, a.source AS publisher, a.title, a.language,
       a.ingested_at, a.seq AS article_seq, c.cluster_id, c.num_mentions, c.num_sources, c.num_articles
FROM events e JOIN articles a USING (article_id)
LEFT JOIN event_clusters ec USING (event_id) LEFT JOIN clusters c USING (cluster_id)
"""


def event_filters(*, actor=None, dyad=None, root=None, since=None, until=None, modality=None,
                  article_id=None) -> tuple[str, list]:
    """SQL WHERE clause and parameters for the ``Store.events`` filters."""
    where: list[str] = []
    params: list = []
    for code in _codes(actor):
        where.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
        params += [code.upper(), code.upper()]
    if dyad:
        if ":" not in dyad:
            raise ValueError(f"dyad {dyad!r} is not SOURCE:TARGET (e.g. BLR:UKR; either side may be empty)")
        src, tgt = (x.strip().upper() for x in dyad.split(":", 1))
        for side, code in (("source", src), ("target", tgt)):
            if code:
                where.append(f"starts_with(e.{side}_code, ?)")
                params.append(code)
    roots = [_root(r) for r in _codes(root if root is None or isinstance(root, (str, list, tuple)) else str(root))]
    if roots:
        where.append(f"e.cameo_root IN ({', '.join('?' * len(roots))})")
        params += roots
    days, day_params = day_bounds("e.date", since, until)
    where += days
    params += day_params
    mods = _codes(modality)
    if mods:
        from ..model import MODALITY_ORDER

        bad = [m for m in mods if m not in MODALITY_ORDER]
        if bad:
            raise ValueError(f"modality {bad[0]!r} is not one of {', '.join(MODALITY_ORDER)}")
        where.append(f"e.modality IN ({', '.join('?' * len(mods))})")
        params += mods
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    return (" WHERE " + " AND ".join(where)) if where else "", params


@dataclass
class RunSummary:
    """What any writing run (an ingest, an import) counts: inputs the store held already, problems
    met while reading (skipped), and the event clusters after it (None: not rebuilt)."""

    already_stored: int = 0
    clusters: int | None = None
    problems: list = field(default_factory=list)


class Store:
    """The DuckDB event store at ``path``. Queries return pandas DataFrames."""

    def __init__(self, path: str | Path = "tocsin.duckdb", *, lock_timeout: float = 60.0,
                 write_timeout: float | None = None) -> None:
        self.path = str(path)
        self.lock_timeout = lock_timeout
        # How long a writing run waits for another one to finish (None: as long as it takes).
        self.write_timeout = write_timeout
        self._open: duckdb.DuckDBPyConnection | None = None  # the writer's connection, during a transaction
        self._session: _Session | None = None  # a writing run's connection, kept across its transactions
        self.session_memory = SESSION_MEMORY  # DuckDB bytes a session connection keeps, at most, between transactions
        self.session_transactions = SESSION_TRANSACTIONS  # transactions on one session connection, at most

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    # -- connections -----------------------------------------------------------------------------
    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection for one query (the writer's own, inside a write transaction)."""
        if self._open is not None:
            yield self._open.cursor()
            return
        if self._session is not None and self._session.con is not None:
            yield self._session.con.cursor()
            return
        con = open_read(self.path, self.lock_timeout)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def exclusive(self, on_wait=None) -> Iterator[None]:
        """Hold the store's single-writer lock for a whole run (many transactions).

        Another process's ``exclusive`` or ``writer`` waits meanwhile (``write_timeout``, then
        ``StoreLocked``); ``on_wait(pid)`` is told once when this one has to wait.
        """
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        lock = _RunLock.acquire(self.path, self.write_timeout, on_wait)
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def session(self, on_wait=None) -> Iterator[None]:
        """A writing run (an ingest): ``exclusive``, and one connection kept open across its transactions.

        Opening the file costs a checkpoint when it closes and a fresh start of every cache and
        index when it opens again, each batch: the time per batch grew with the store. Readers of
        other processes still get in between two transactions: one that finds the file held says
        so (``readers_path``), and the next transaction closes the connection, waits until the
        readers are in, and opens it again. A long-lived reader (``tocsin serve``) sees the writer's
        claim (``intent_path``) during each transaction and lets go of the file. The connection is also
        opened anew every ``session_transactions`` transactions, or sooner when DuckDB holds more than
        ``session_memory`` for it: the pages it wrote and read stay in its buffer pool otherwise, and
        memory grew with the store.
        """
        # The writer's claim (``intent_path``) is taken per transaction, as outside a run: held for
        # the whole run it would keep ``tocsin serve`` waiting for the run's end.
        with self.exclusive(on_wait):
            self._session = session = _Session(self)
            try:
                yield
            finally:
                self._session = None
                session.close()

    def release(self) -> None:
        """Within a ``session``, close its connection until the next transaction (while ingest waits
        for its coder, so that readers get in then)."""
        if self._session is not None and self._open is None:
            self._session.close()

    @contextmanager
    def writer(self) -> Iterator["Writer"]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        if self._open is not None:
            raise RuntimeError("write transactions on one Store do not nest")
        # The run lock keeps other writers out for a whole run; the intent claim tells a long-lived
        # reader (``tocsin serve``) to let go of the file for this one transaction.
        with self.exclusive(), _write_intent(self.path), self._transaction() as w:
            yield w

    def _open_writer(self) -> duckdb.DuckDBPyConnection:
        con = _connect(self.path, False, self.lock_timeout)
        try:
            # DuckDB would take up to 80% of RAM and a thread (with its buffers) per core for a big
            # query such as the cluster rebuild; ingest shares the machine with its coding workers.
            con.execute(f"SET memory_limit = '{_writer_memory()}'")
            con.execute("SET threads = 1")
            schema.create(con)
        except BaseException:
            con.close()
            raise
        return con

    @contextmanager
    def _transaction(self) -> Iterator["Writer"]:
        session = self._session
        con = session.connection() if session is not None else self._open_writer()
        try:
            con.execute("BEGIN TRANSACTION")
            self._open = con
            try:
                yield Writer(con)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            self._open = None
            if session is None:
                con.close()

    def sql(self, query: str, params: Sequence | None = None) -> pd.DataFrame:
        """Any read-only SQL over the store's tables, as a DataFrame."""
        with self.reader() as con:
            return con.execute(query, params or []).df()

    # -- queries ---------------------------------------------------------------------------------
    def events(self, actor: str | None = None, dyad: str | None = None, root: str | int | None = None,
               since: Date | str | None = None, until: Date | str | None = None, modality: str | None = None,
               article_id: str | None = None, first_reports: bool = False, limit: int | None = None) -> pd.DataFrame:
        """Events with their article's URL and publisher and their cluster's counts.

        ``actor``: code prefix on either side (``BLR`` matches BLRGOV); ``dyad``: ``SRC:TGT``
        prefixes, directed, either may be empty; ``root``: CAMEO root(s), e.g. ``15`` or ``"14,15"``;
        ``since``/``until``: event date, inclusive; ``modality``: one or a comma list;
        ``first_reports``: one row per cluster, its first report (as GDELT's event table).
        """
        q, params = self.event_sql(actor=actor, dyad=dyad, root=root, since=since, until=until, modality=modality,
                                   article_id=article_id, first_reports=first_reports, limit=limit)
        return self.sql(q, params)

    @staticmethod
    def event_sql(first_reports: bool = False, limit: int | None = None, **filters) -> tuple[str, list]:
        """The query behind ``events``, for callers that stream or COPY its result."""
        where, params = event_filters(**filters)
        q = EVENT_QUERY + where
        if first_reports:
            q += (" AND " if where else " WHERE ") + "(c.cluster_id IS NULL OR c.first_event_id = e.event_id)"
        q += " ORDER BY a.seq, e.span_start, e.event_id"
        if limit is not None:
            q += f" LIMIT {min(max(int(limit), 0), 2**63 - 1)}"  # more than 2^63 rows is all of them
        return q, params

    def iter_events(self, chunk: int = 2000, **options) -> Iterator[dict]:
        """``events`` rows as dicts, streamed: memory stays flat for any size of store."""
        q, params = self.event_sql(**options)
        with self.reader() as con:
            cur = con.execute(q, params)
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(chunk):
                for row in rows:
                    yield dict(zip(names, row))

    def records(self, **filters) -> Iterator[dict]:
        """The JSON event records (the interchange format) matching ``events`` filters, streamed."""
        import json

        where, params = event_filters(**filters)
        with self.reader() as con:
            cur = con.execute("SELECT e.record FROM events e JOIN articles a USING (article_id)" + where
                              + " ORDER BY a.seq, e.span_start, e.event_id", params)
            while rows := cur.fetchmany(1000):
                for (rec,) in rows:
                    yield json.loads(rec)

    def articles(self, status: str | None = None, with_text: bool = False) -> pd.DataFrame:
        """Articles in ingest order; ``status``: coded, duplicate or near_duplicate."""
        cols = "*" if with_text else "* EXCLUDE (text)"
        if status:
            return self.sql(f"SELECT {cols} FROM articles WHERE status = ? ORDER BY seq", [status])
        return self.sql(f"SELECT {cols} FROM articles ORDER BY seq")

    def places(self, article_id: str | None = None) -> pd.DataFrame:
        q = "SELECT p.* FROM places p JOIN articles a USING (article_id)"
        if article_id:
            return self.sql(q + " WHERE p.article_id = ? ORDER BY p.start", [article_id])
        return self.sql(q + " ORDER BY a.seq, p.start")

    def clusters(self, min_articles: int = 1) -> pd.DataFrame:
        return self.sql("SELECT * FROM clusters WHERE num_articles >= ? ORDER BY start_date NULLS LAST, cluster_id",
                        [min_articles])

    def series(self, dyad: str | None = None, country: str | None = None, *, unit: str | None = None,
               since: Date | str | None = None, until: Date | str | None = None,
               fill: bool | None = None) -> pd.DataFrame:
        """Daily series, one row per (key, day, fact), counted in clusters (tocsin.warn.series).

        ``dyad="BLR:UKR"``: directed, source BLR, target UKR (a 3-letter side is a country, a longer
        one an actor-code prefix such as BLRMIL); ``unit="pair"`` with a dyad: both directions;
        ``country="UKR"``: every event UKR is a party to or that happens there. With none of these,
        every dyad (or pair, or country, after ``unit``), sparse. With one key the days between
        ``since`` and ``until`` are filled with zeros (``fill=False`` keeps only days with events).
        Columns: key, day, fact (asserted, reported, future, hypothetical, negated), clusters,
        events, conflict, q1-q4, r01-r20, goldstein_sum, goldstein_mean.
        """
        from ..warn import series as S

        unit = unit or ("country" if country and not dyad else "dyad")
        with self.reader() as con:
            return S.compute(con, unit=unit, dyad=dyad, country=country, since=since, until=until, fill=fill)

    def alerts(self, **filters) -> pd.DataFrame:
        """Stored alerts (tocsin.warn.alerts.query): since, until, level, dyad, country, rule, kind."""
        from ..warn import alerts as A

        with self.reader() as con:
            return A.query(con, **filters)

    def counts(self) -> dict[str, int]:
        with self.reader() as con:
            row = con.execute("""SELECT (SELECT count(*) FROM articles),
                                        (SELECT count(*) FROM articles WHERE status = 'coded'),
                                        (SELECT count(*) FROM articles WHERE status = 'duplicate'),
                                        (SELECT count(*) FROM articles WHERE status = 'near_duplicate'),
                                        (SELECT count(*) FROM events), (SELECT count(*) FROM places),
                                        (SELECT count(*) FROM clusters)""").fetchone()
        return dict(zip(("articles", "coded", "duplicates", "near_duplicates", "events", "places", "clusters"), row))


class _Session:
    """The connection of one writing run (``Store.session``), opened at its first transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.con: duckdb.DuckDBPyConnection | None = None
        self.yielded = 0  # times readers were let in
        self.refreshed = 0  # times reopened to let go of DuckDB's buffers
        self.served = 0  # transactions on the current connection

    def connection(self) -> duckdb.DuckDBPyConnection:
        if self.con is not None and (self.served >= self.store.session_transactions
                                     or _duckdb_bytes(self.con) > self.store.session_memory):
            self.close()
            self.refreshed += 1
        if self.con is not None and readers_waiting(self.store.path):
            self.close()
            self.yielded += 1
            # Until every waiting reader has opened the file (each drops its claim once in), bounded
            # so that a stream of new readers cannot keep the run out for good.
            deadline = time.monotonic() + self.store.lock_timeout
            while readers_waiting(self.store.path) and time.monotonic() < deadline:
                time.sleep(0.005)
        if self.con is None:
            self.con = self.store._open_writer()
            self.served = 0
        self.served += 1
        return self.con

    def close(self) -> None:
        if self.con is not None:
            con, self.con = self.con, None
            con.close()


class KeyFilter:
    """What a writing run knows of the keys stored in one column (``articles.article_id``,
    ``originals.content_hash``): 32-bit digests (DuckDB's ``hash``), loaded once and added to at
    each commit, so that of a batch only the keys that may be stored are looked up in the store.

    Looking a batch's 512 keys up by joining them with the column reads all of it: 0.1 to 0.2 s a
    batch at a million stored articles, and its pages fill the buffer pool. A digest matches a key
    not stored with odds of n / 2^32 (1 in 4,000 at a million), and such a key is only looked up.
    4 bytes a stored key: 4 MB a million. The run holds the store's run lock, so nothing else adds
    keys meanwhile; a key added but then rolled back only costs a lookup.
    """

    RECENT = 1 << 16

    def __init__(self, table: str, column: str) -> None:
        self.table, self.column = table, column
        self.base = np.empty(0, np.uint32)
        self.recent: set[int] = set()

    def load(self, con: duckdb.DuckDBPyConnection) -> "KeyFilter":
        got = con.execute(f"SELECT DISTINCT (hash({self.column}) >> 32)::UINTEGER AS h FROM {self.table}").fetchnumpy()
        self.base = np.sort(np.asarray(got["h"], dtype=np.uint32))
        self.recent = set()
        return self

    @staticmethod
    def _digests(con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[tuple[str, int]]:
        return con.execute("SELECT k, (hash(k) >> 32)::UINTEGER FROM (SELECT unnest(?) AS k)", [keys]).fetchall()

    def maybe(self, con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[str]:
        """The keys among ``keys`` that may be stored (all that are, and a few that are not)."""
        if not keys:
            return []
        pairs = self._digests(con, keys)
        d = np.fromiter((h for _, h in pairs), dtype=np.uint32, count=len(pairs))
        pos = np.searchsorted(self.base, d)
        hit = (pos < len(self.base)) & (self.base[np.minimum(pos, len(self.base) - 1)] == d) if len(self.base) \
            else np.zeros(len(d), bool)
        return [k for (k, h), b in zip(pairs, hit) if b or h in self.recent]

    def add(self, con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        self.recent.update(h for _, h in self._digests(con, keys))
        if len(self.recent) >= self.RECENT:
            self.base = np.union1d(self.base, np.fromiter(self.recent, dtype=np.uint32, count=len(self.recent)))
            self.recent = set()

    def __len__(self) -> int:
        return len(self.base) + len(self.recent)


def _duckdb_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """Memory DuckDB holds for the database of ``con``: its buffer pool (table pages, indexes), not Python's."""
    return int(con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchall()[0][0])


class Writer:
    """The write side, valid inside ``Store.writer()``: everything here is one transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    def set_meta(self, values: dict[str, str]) -> None:
        for k, v in values.items():
            self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [k, v])

    def for_end(self) -> "Writer":
        """Give DuckDB the memory limit of a run's end (``end_memory``) on this connection."""
        self.con.execute(f"SET memory_limit = '{end_memory()}'")
        return self

    def max_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0])

    def hashes_of_ids(self, ids: Iterable[str], known: "KeyFilter | None" = None) -> dict[str, str]:
        """article_id -> content_hash of the stored articles among ``ids`` (``known``: a filter of the
        stored ids, so that only those that may be stored are looked up)."""
        return self._lookup("articles", "article_id", "content_hash", ids, known)

    def originals_of_hashes(self, hashes: Iterable[str], known: "KeyFilter | None" = None) -> dict[str, str]:
        """content_hash -> the coded article holding that text (the first, if several do)."""
        return self._lookup("originals", "content_hash", "article_id", hashes, known)

    def _lookup(self, table: str, key: str, value: str, keys: Iterable[str], known: "KeyFilter | None"
                ) -> dict[str, str]:
        keys = list(set(keys))
        if known is not None:
            keys = known.maybe(self.con, keys)
        if not keys:
            return {}
        # The tables have no index (schema 7): one scan of the key column answers the whole set.
        return dict(self.con.execute(f"SELECT {key}, {value} FROM {table} WHERE {key} IN (SELECT unnest(?))",
                                     [keys]).fetchall())

    def add_originals(self, rows: Iterable[tuple[str, str]]) -> None:
        """(content_hash, original) of texts new to the store, in seq order: the first with a text is its original."""
        first: dict[str, str] = {}
        for h, original in rows:
            first.setdefault(h, original)
        insert(self.con, "originals", ("content_hash", "article_id"), list(first.items()))

    def lsh_candidates(self, keys: Sequence[tuple[int, int, int]], after_seq: int = 0
                       ) -> list[tuple[int, str, bytes, int]]:
        """(query, band, key) -> (query, article_id, signature, seq) of stored articles sharing a band,
        among those after ``after_seq`` (the window: only its row groups are read)."""
        if not keys:
            return []
        q = pa.table({"qi": pa.array([k[0] for k in keys], pa.int32()),
                      "band": pa.array([k[1] for k in keys], pa.int16()),
                      "key": pa.array([k[2] for k in keys], pa.uint64())})
        self.con.register("_lsh_query", q)
        try:
            return self.con.execute("""SELECT DISTINCT q.qi, m.article_id, m.signature, m.seq
                                       FROM (SELECT * FROM lsh_bands WHERE seq > $1) b
                                       JOIN _lsh_query q ON b.band = q.band AND b.key = q.key
                                       JOIN (SELECT * FROM minhash WHERE seq > $1) m ON m.article_id = b.article_id
                                       ORDER BY q.qi, m.seq""", [after_seq]).fetchall()
        finally:
            self.con.unregister("_lsh_query")
