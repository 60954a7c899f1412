"""Where coding runs: in this process, in a local process pool, or on a Dask cluster, behind one interface.

A runner takes partitions of articles (``submit``) and hands back, in the same order, one
``Coded`` per article, or the reason coding failed for it (a string: see ``Outcome``). Every
process that codes builds one ``Pipeline`` per ``Job`` and keeps it, since loading spaCy and
the tables costs far more than coding a partition. A partition is one spaCy batch
(``BATCH``), so each article is parsed in the same company whichever runner codes it:
spaCy's batched arithmetic can differ in the last bit with the batch it runs in, and this is
what makes N workers and Dask give exactly the events of one process.

``code(runner, articles)`` streams (article, ``Outcome``) pairs in input order with a bounded number of
partitions in flight; the store loader drives ``submit`` itself to commit batch by batch.

On a real Dask cluster every worker needs tocsin installed (the same version as the client)
and nothing else: the client reads the inputs and ships them inside the partitions.
"""
from __future__ import annotations

import concurrent.futures as cf
import gc
import itertools
import multiprocessing as mp
import os
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Protocol

from typing import TYPE_CHECKING

from .model import Article, Coded

if TYPE_CHECKING:
    from .pipeline import Pipeline

# Articles parsed together, and so the size of a partition. spaCy's batched arithmetic can differ
# in the last bit with the batch it runs in, so every runner codes partitions of exactly this size.
BATCH = 32

# One coded article, or why it could not be coded (the store keeps nothing of it, so a re-run retries it).
Outcome = Coded | str


@dataclass(frozen=True)
class Job:
    """What a worker builds its pipeline from; small and picklable, so it travels with each partition."""

    places: bool = True
    gazetteer: str | None = None
    dates: bool = True
    model: str | None = None
    nonpolitical: bool = False  # keep the events the political gate sets aside, flagged


_pipelines: dict[Job, Pipeline] = {}


def pipeline_for(job: Job) -> Pipeline:
    """This process's pipeline for ``job``, built on first use."""
    if job not in _pipelines:
        from .pipeline import Pipeline  # here, not above: the store loader and a Dask client need no spaCy

        _pipelines[job] = Pipeline(places=job.places, gazetteer=job.gazetteer, dates=job.dates, model=job.model,
                                    nonpolitical=job.nonpolitical)
    return _pipelines[job]


def loaded_pipeline(job: Job) -> Pipeline | None:
    """The pipeline for ``job`` if this process has built it, else None (nothing is loaded)."""
    return _pipelines.get(job)


def _failure(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return f"coding failed: {type(exc).__name__}: {exc}{where}"


def code_partition(articles: list[Article], job: Job = Job()) -> list[Outcome]:
    """Code a partition with this process's pipeline; one article that breaks the coder spoils only itself."""
    pipe = pipeline_for(job)
    try:
        out: list[Outcome] = list(pipe.run(articles))
    except Exception:  # find the culprit: the rest of the partition is still good
        out = []
        for a in articles:
            try:
                out.extend(pipe.run([a]))
            except Exception as exc:
                out.append(_failure(exc))
    _settle(job)
    return out


_settled: set[Job] = set()


def _settle(job: Job) -> None:
    """Once a pipeline has coded its first partition it has loaded every table it reads lazily (the
    model, the actor and pattern tables, the gazetteer): hundreds of thousands of objects that live as
    long as the process. Each full collection of the cyclic garbage collector walked all of them
    again (about 85 ms, some 1 ms an article); frozen once, they are out of its sight, and it walks
    only what coding makes. What is garbage is collected first, so nothing dead is kept. In a process
    that outlives its runs (the web server, a Dask worker) this happens once per job, so the cost of
    freezing objects that later die in a cycle is bounded by what was alive at that moment."""
    if job in _settled:
        return
    _settled.add(job)
    gc.collect()
    gc.freeze()


class Handle(Protocol):
    def result(self) -> list[Outcome]: ...


class Runner(Protocol):
    """Codes partitions; ``submit`` returns at once, ``Handle.result`` blocks.

    ``close()`` ends a run that went well: queued work is finished, then the workers stop.
    ``abort()`` ends one that did not (an error, Ctrl-C, SIGTERM, a consumer that stopped
    reading): queued work is dropped and the workers are stopped at once, so no process is left
    behind. Either may be called twice; ``closing(runner)`` calls the right one.
    """

    parallelism: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


@contextmanager
def closing(runner: "Runner") -> Iterator["Runner"]:
    """``runner`` for a block: closed when it ends, aborted when it raises (interrupts included)."""
    try:
        yield runner
    except BaseException:
        getattr(runner, "abort", runner.close)()  # a runner of an older make knows only close
        raise
    runner.close()


def cap_workers(workers: int) -> int:
    """``workers`` processes, at most one per core and one per 600 MB of memory available (a worker
    holds its own pipeline, about 450 MB): ``--workers 1000`` would otherwise start a thousand."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        with open("/proc/meminfo") as f:
            avail = next(int(x.split()[1]) for x in f if x.startswith("MemAvailable:")) * 1024
        by_memory = max(1, avail // (600 << 20))
    except (OSError, StopIteration, ValueError):
        by_memory = workers
    return max(1, min(workers, cores, by_memory))


def _worker_init() -> None:
    """In each pool process: Ctrl-C is the parent's to handle (it stops the workers; a worker's own
    KeyboardInterrupt only printed tracebacks), and a worker whose parent dies, even by SIGKILL,
    dies with it instead of living on as an orphan holding its pipeline's memory."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere, and should the parent have died before prctl took effect
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="tocsin-parent-watch", daemon=True).start()


class _Lazy:
    """Codes on the first ``result()`` and keeps the outcome, as a future would."""

    def __init__(self, job: Job, articles: list[Article]) -> None:
        self.job, self.articles = job, articles
        self.outcome: list[Outcome] | None = None

    def result(self) -> list[Outcome]:
        if self.outcome is None:
            self.outcome = code_partition(self.articles, self.job)
            self.articles = []
        return self.outcome


class InProcess:
    """Codes in the calling process, when the result is asked for."""

    parallelism = 1

    def __init__(self, job: Job = Job()) -> None:
        self.job = job

    def submit(self, articles: list[Article]) -> Handle:
        return _Lazy(self.job, articles)

    def close(self) -> None:
        return None

    def abort(self) -> None:
        return None


class ProcessPool:
    """``workers`` local processes, each with its own pipeline."""

    def __init__(self, workers: int, job: Job = Job()) -> None:
        self.parallelism = cap_workers(workers)
        self.job = job
        # spawn, not fork: fork would copy half-initialised BLAS/torch thread pools into the children.
        self.pool = cf.ProcessPoolExecutor(self.parallelism, mp_context=mp.get_context("spawn"),
                                           initializer=_worker_init)

    def submit(self, articles: list[Article]) -> Handle:
        return self.pool.submit(code_partition, articles, self.job)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        pool = self.pool
        procs = list((getattr(pool, "_processes", None) or {}).values())
        # Taken before shutdown(), which lets go of them.
        results = getattr(pool, "_result_queue", None)
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            if p.is_alive():
                p.terminate()
        deadline = time.monotonic() + 5
        for p in procs:
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
                p.join(1)
        # A worker stopped while sending its result (a partition's events: hundreds of KB, longer
        # than a pipe holds) leaves the pool's manager thread reading the rest of that message for
        # ever, since this process holds the pipe's write end too; the interpreter joins that
        # thread at exit, and the run never ended (seen under load: a parent at 0% CPU after
        # SIGTERM). With the workers gone, closing our write end turns the wait into an end of
        # file: the pool sees itself broken, and its thread winds up and ends.
        if results is not None and not any(p.is_alive() for p in procs):
            try:
                results._writer.close()
            except OSError:
                pass
        if manager is not None and manager.is_alive():
            manager.join(10)


class _DaskHandle:
    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> list[Outcome]:
        return self.future.result()


class Dask:
    """``address``: a scheduler (``tcp://host:8786``), or ``local`` for a LocalCluster of ``workers`` processes."""

    def __init__(self, address: str, workers: int = 2, job: Job = Job()) -> None:
        from dask.distributed import Client, LocalCluster

        self.job = job
        self.cluster = None
        if address == "local":
            # Dask's own log lines (a cancelled task, a worker killed after 4 s on abort) are not
            # the user's business: tocsin reports failures itself, one line each. The variable
            # reaches the worker processes, which configure logging when they import distributed.
            os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
            import logging

            logging.getLogger("distributed").setLevel(logging.ERROR)
            # One thread per process: spaCy holds the GIL for most of a parse, threads would queue.
            # The scheduler serves HTTP even with no dashboard; port 0, not 8787, so that a second
            # cluster on the machine does not warn about a port in use.
            self.cluster = LocalCluster(n_workers=cap_workers(workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"})
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout="10s")
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        self.parallelism = max(1, n)

    def submit(self, articles: list[Article]) -> Handle:
        # pure=False: two identical partitions (a re-run) must still be computed, not served from cache.
        return _DaskHandle(self.client.submit(code_partition, articles, self.job, pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def abort(self) -> None:
        try:
            self.client.cancel(list(self.client.futures.values()) if hasattr(self.client, "futures") else [])
        except Exception:  # the scheduler may be gone already; closing is what matters
            pass
        self.close()


def make(workers: int = 1, dask: str | None = None, job: Job = Job()) -> Runner:
    """The runner for these settings: Dask when a scheduler is given, else a pool for 2+ workers, else this process.

    Raises OSError, ValueError or TimeoutError when a Dask scheduler cannot be reached.
    """
    if dask:
        return Dask(dask, workers=workers, job=job)
    return InProcess(job) if workers <= 1 else ProcessPool(workers, job)


def code(runner: Runner, articles: Iterable[Article],
         partition_size: int = BATCH) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its outcome, in input order, keeping about two partitions per worker in flight."""
    it = iter(articles)
    window: deque[tuple[list[Article], Handle]] = deque()
    ahead = 2 * runner.parallelism if runner.parallelism > 1 else 1
    while True:
        while len(window) < ahead and (part := list(itertools.islice(it, partition_size))):
            window.append((part, runner.submit(part)))
        if not window:
            return
        part, handle = window.popleft()
        yield from zip(part, handle.result())
