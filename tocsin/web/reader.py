"""The web server's read side: one shared read-only DuckDB connection that steps aside for writers.

The store's rule is that no process keeps the file open, since DuckDB lets no writer in while
any reader has it. Opening the file for every request of a busy server would cost a catalogue
load and a cold buffer cache each time, and a stream of such requests could keep the file open
almost all the time, so the writer would rarely find a gap. So the server keeps one read-only
connection open while it serves, and gives it up:

- as soon as a writer announces itself (``Store.writer`` holds a shared flock on the store's
  ``.writer`` side file while it waits for the file and while it writes): new queries wait and
  the connection closes when the running ones finish;
- after ``idle`` seconds without a query, so an idle server holds nothing.

Queries then reopen it (retrying while the writer has the file, up to the store's lock timeout)
and see everything the writer committed.
"""
from __future__ import annotations

import atexit
import fcntl
import os
import threading
import time
import weakref
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from ..store import StoreLocked
from ..store.store import intent_path, open_read


# Readers whose watchdog may be running: stopped before the interpreter ends (see _stop_watchdogs).
_LIVE: "weakref.WeakSet[SharedReader]" = weakref.WeakSet()


def _stop_watchdogs() -> None:
    """Stop every watchdog thread while the interpreter still runs them.

    A daemon thread left running is ended where it stands when Python finalises: in the middle of
    closing a DuckDB connection, that unwinds through DuckDB's C++ code and aborts the process
    ("FATAL: exception not rethrown", exit 134), seen at the end of a test run and in 10 of 40
    exits of a reader that idled out just then.
    """
    readers = list(_LIVE)
    for r in readers:
        r._stop.set()
    for r in readers:
        t = r._watch_thread
        if t is not None and t is not threading.current_thread():
            t.join(5.0)


atexit.register(_stop_watchdogs)


class SharedReader:
    def __init__(self, path: str | Path, lock_timeout: float = 60.0, idle: float = 2.0, threads: int = 1,
                 memory_limit: str = "1GB", poll: float = 0.02, memo_size: int = 2048, max_queries: int = 4,
                 memo_bytes: int = 256 << 20) -> None:
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self.idle = idle
        self.threads = threads
        self.memory_limit = memory_limit
        self.poll = poll
        self._con: duckdb.DuckDBPyConnection | None = None
        self._busy = 0
        self._last_used = time.monotonic()
        self._cond = threading.Condition()
        self._intent_fd: int | None = None
        self._fd_lock = threading.Lock()
        self.generation = 0  # bumped when a reopen finds the file changed: what was memoised may be stale
        self._fingerprint: tuple | None = None
        self._stamp: tuple | None = None  # (generation, fingerprint) of the last open
        self._opened = 0  # connections opened so far (a thread's cursor belongs to one)
        self._stop = threading.Event()
        self._watching = False
        self._watch_thread: threading.Thread | None = None
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._memos: dict[str, OrderedDict] = {}
        self._derived: dict = {}  # key -> (generation, value): see derived()
        self._derived_locks: dict = {}
        self.derivations = 0  # times derived() computed
        self.memo_size = memo_size
        self.memo_bytes = memo_bytes
        self._answers: OrderedDict = OrderedDict()  # (generation, key) -> bytes: see keep()
        self._answers_lock = threading.Lock()
        self._answers_gen: int | None = None
        self._memo_used = 0  # bytes in _answers
        self.hits = self.misses = 0
        # Queries at once: more would only share the same cores, each slower, and pile up memory.
        self._slots = threading.BoundedSemaphore(max_queries)  # a watchdog thread runs (set and cleared under the condition's lock)

    # -- the writer's claim ----------------------------------------------------------------------
    def writer_waiting(self) -> bool:
        with self._fd_lock:  # the event loop (peek) and the query threads both ask; close() lets go of it
            if self._intent_fd is None:
                try:
                    self._intent_fd = os.open(intent_path(self.path), os.O_RDONLY)
                except OSError:
                    return False  # no writer has ever used this store through the claim
            try:
                fcntl.flock(self._intent_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            except OSError:
                return False
            fcntl.flock(self._intent_fd, fcntl.LOCK_UN)
            return False

    def _close_locked(self) -> None:
        for cur in self._cursors:
            cur.close()
        self._cursors.clear()
        if self._con is not None:
            self._con.close()
            self._con = None

    def _thread_cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the open connection, made once per connection: a cursor is a
        DuckDB connection of its own (a client context), cheaper kept than made for every query."""
        mine = getattr(self._local, "cursor", None)
        if mine is None or mine[0] != self._opened:
            mine = (self._opened, self._con.cursor())
            self._local.cursor = mine
            self._cursors.append(mine[1])
        return mine[1]

    def _watchdog(self) -> None:
        # Runs while a connection is open; ends when it is closed (the next open starts another).
        while not self._stop.wait(self.poll):
            with self._cond:
                if self._con is None:
                    self._watching = False
                    return
                if self._busy:
                    continue
                if time.monotonic() - self._last_used > self.idle or self.writer_waiting():
                    self._close_locked()

    # -- queries ---------------------------------------------------------------------------------
    def _open_locked(self) -> duckdb.DuckDBPyConnection:
        con = open_read(self.path, self.lock_timeout)  # refuses a foreign or newer store, as every reader does
        try:
            # Queries run side by side (max_queries): a few threads each share the cores better than
            # every query taking them all.
            con.execute(f"SET threads = {int(self.threads)}")
            con.execute(f"SET memory_limit = '{self.memory_limit}'")
            con.execute("SET enable_progress_bar = false")  # a server has no terminal to draw it on
        except BaseException:
            con.close()
            raise
        self._opened += 1
        # Taken with the file open, so no writer can change it meanwhile: answers memoised under an
        # older fingerprint are dropped, those of a reopen of the same file (after idling) kept.
        fingerprint = self._file_state()
        if fingerprint != self._fingerprint:
            self._fingerprint = fingerprint
            self.generation += 1
        self._stamp = (self.generation, fingerprint)  # one attribute: _state reads both at once
        return con

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the shared connection, for one query in this thread."""
        deadline = time.monotonic() + self.lock_timeout
        if not self._slots.acquire(timeout=self.lock_timeout):
            raise StoreLocked(f"{self.path}: too many queries waiting (still after {self.lock_timeout:g}s)")
        try:
            with self._cursor(deadline) as cur:
                yield cur
        finally:
            self._slots.release()

    @contextmanager
    def _cursor(self, deadline: float) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cond:
            # A waiting writer goes first: no new query starts on the old connection, which
            # closes when the running ones are done.
            while self.writer_waiting():
                if self._con is not None and self._busy == 0:
                    self._close_locked()
                if time.monotonic() >= deadline:
                    raise StoreLocked(f"{self.path} is being written (still after {self.lock_timeout:g}s)")
                self._cond.wait(self.poll)
            if self._con is None:
                self._con = self._open_locked()
                if not self._watching:
                    self._watching = True
                    self._watch_thread = threading.Thread(target=self._watchdog, name="tocsin-reader-watchdog",
                                                          daemon=True)
                    _LIVE.add(self)
                    self._watch_thread.start()
            self._busy += 1
            cur = self._thread_cursor()
        try:
            yield cur
        finally:
            with self._cond:
                self._busy -= 1
                self._last_used = time.monotonic()
                if self._busy == 0 and self.writer_waiting():
                    self._close_locked()
                self._cond.notify_all()

    def query(self, sql: str, params: list | tuple | None = None) -> tuple[list[str], list[tuple]]:
        with self.cursor() as cur:
            res = cur.execute(sql, params or [])
            names = [d[0] for d in res.description]
            return names, res.fetchall()

    def rows(self, sql: str, params: list | tuple | None = None) -> list[dict]:
        names, rows = self.query(sql, params)
        return [dict(zip(names, r)) for r in rows]

    def _file_state(self) -> tuple:
        return tuple((st.st_mtime_ns, st.st_size) if st else None for st in map(_stat, (self.path, self.path + ".wal")))

    def _state(self) -> int | None:
        # Without the condition's lock (the event loop must not wait for a query opening the file):
        # the connection is looked at before the generation, so a generation read while it is open is
        # the store state of now, or of just before a writer got in. Closed (idle), the store is still
        # in that state while no writer is at it and the file's size and time are as they were.
        if self._con is not None:
            return self.generation
        stamp = self._stamp
        if stamp is None or self.writer_waiting() or self._file_state() != stamp[1]:
            return None
        return stamp[0]

    def peek(self, key) -> bytes | None:
        """The answer kept (``keep``) for ``key`` in the current store state, or None; the event loop
        calls it, so it waits for nothing but the answers' own short lock."""
        gen = self._state()
        if gen is None:
            return None
        with self._answers_lock:
            hit = self._answers.get((gen, key))
            if hit is not None:
                self._answers.move_to_end((gen, key))
                self.hits += 1
            return hit

    def current_generation(self) -> int | None:
        """The store state answers are being made in now, or None while no connection is open (then
        it is not known until one is)."""
        return self._state()

    def keep(self, key, value: bytes, generation: int) -> None:
        """Keep an answer made in ``generation`` (``current_generation`` before it was made) for ``peek``,
        if the store is still in that state: at most ``memo_size`` answers and ``memo_bytes`` bytes,
        the least recently used let go first, those of an older store state all at once."""
        if not self.memo_size or self._state() != generation or len(value) > self.memo_bytes // 8:
            return
        with self._answers_lock:
            if generation != self._answers_gen:
                self._answers.clear()
                self._answers_gen, self._memo_used = generation, 0
            old = self._answers.pop((generation, key), None)
            self._memo_used += len(value) - (len(old) if old is not None else 0)
            self._answers[(generation, key)] = value
            while self._answers and (len(self._answers) > self.memo_size or self._memo_used > self.memo_bytes):
                _, dropped = self._answers.popitem(last=False)
                self._memo_used -= len(dropped)

    def memo(self, key, compute, size: int | None = None):
        """``compute()``'s result, kept while the store cannot have changed: a writer gets in only after the
        connection closes, and a reopen that finds the file changed starts a new generation, so a result is
        reused only while the connection is open, within the generation it was computed in. ``size``: keep
        at most that many results of this kind (large ones), else ``memo_size``."""
        bucket = "large" if size is not None else "answers"
        limit = min(size, self.memo_size) if size is not None else self.memo_size
        memo = self._memos.setdefault(bucket, OrderedDict())
        with self._cond:
            gen = self.generation if self._con is not None else None
            if gen is not None and (gen, key) in memo:
                memo.move_to_end((gen, key))
                self.hits += 1
                return memo[(gen, key)]
        value = compute()
        with self._cond:
            self.misses += 1
            if limit and self._con is not None and (gen is None or gen == self.generation):
                memo[(self.generation, key)] = value
                while len(memo) > limit:
                    memo.popitem(last=False)
        return value

    def derived(self, key, compute):
        """``compute(cursor)``'s result, made once per store state and kept whatever ``memo_size`` is: what
        many answers are cut from (warn's day rows of every key), like an index of the store state. One
        thread computes it while the others that ask wait for it; a new store state (see ``memo``) makes
        it again on the next ask."""
        hit = self._derived.get(key)
        if hit is not None and hit[0] == self._state():
            self.hits += 1
            return hit[1]
        with self._cond:
            lock = self._derived_locks.setdefault(key, threading.Lock())
        with lock:
            # With a cursor open the file cannot change under us: the generation read here is current.
            with self.cursor() as cur:
                with self._cond:
                    gen = self.generation
                    hit = self._derived.get(key)
                if hit is not None and hit[0] == gen:
                    return hit[1]
                self._derived.pop(key, None)  # let the stale one go before making the new
                value = compute(cur)
                with self._cond:
                    self.derivations += 1
                    self._derived[key] = (gen, value)
                return value

    def close(self) -> None:
        """Let go of the store file once the running queries are done; the next query opens it again."""
        with self._cond:
            deadline = time.monotonic() + self.lock_timeout
            while self._busy and time.monotonic() < deadline:
                self._cond.wait(self.poll)
            self._close_locked()
            with self._fd_lock:
                if self._intent_fd is not None:
                    os.close(self._intent_fd)
                    self._intent_fd = None


def _stat(path: str):
    try:
        return os.stat(path)
    except OSError:
        return None
