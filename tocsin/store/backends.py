"""Where ingest's coding runs: in this process, in a local process pool, or (tocsin.distributed) on Dask.

Every backend takes partitions of articles and hands back, in the same order, one ``Coded``
(or the error that stopped it) per article. Each worker process builds one ``Pipeline`` and
keeps it, since loading spaCy and the tables costs far more than coding a partition.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import traceback
from typing import Protocol

from ..model import Article
from ..pipeline import Coded, Pipeline

# One coded article, or why it could not be coded (the store keeps nothing of it, so a re-run retries it).
Outcome = Coded | str

_pipelines: dict[tuple[bool, str | None], Pipeline] = {}


def pipeline_for(places: bool, gazetteer: str | None) -> Pipeline:
    key = (places, gazetteer)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(places=places, gazetteer=gazetteer)
    return _pipelines[key]


def _failure(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return f"coding failed: {type(exc).__name__}: {exc}{where}"


def code_partition(articles: list[Article], places: bool = True, gazetteer: str | None = None) -> list[Outcome]:
    """Code a partition with this process's pipeline; one article that breaks the coder spoils only itself."""
    pipe = pipeline_for(places, gazetteer)
    try:
        return list(pipe.run(articles))
    except Exception:  # find the culprit: the rest of the partition is still good
        out: list[Outcome] = []
        for a in articles:
            try:
                out.extend(pipe.run([a]))
            except Exception as exc:
                out.append(_failure(exc))
        return out


class Handle(Protocol):
    def result(self) -> list[Outcome]: ...


class Backend(Protocol):
    """Codes partitions; ``submit`` returns at once, ``Handle.result`` blocks."""

    parallelism: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self) -> None: ...


class _Lazy:
    """Codes on the first ``result()`` and keeps the outcome, as a future would."""

    def __init__(self, backend: "InProcess", articles: list[Article]) -> None:
        self.backend, self.articles = backend, articles
        self.outcome: list[Outcome] | None = None

    def result(self) -> list[Outcome]:
        if self.outcome is None:
            self.outcome = code_partition(self.articles, self.backend.places, self.backend.gazetteer)
            self.articles = []
        return self.outcome


class InProcess:
    """Codes in the calling process, when the result is asked for."""

    parallelism = 1

    def __init__(self, places: bool = True, gazetteer: str | None = None) -> None:
        self.places, self.gazetteer = places, gazetteer

    def submit(self, articles: list[Article]) -> Handle:
        return _Lazy(self, articles)

    def close(self) -> None:
        return None


class ProcessPool:
    """``workers`` local processes, each with its own pipeline."""

    def __init__(self, workers: int, places: bool = True, gazetteer: str | None = None) -> None:
        self.parallelism = workers
        self.places, self.gazetteer = places, gazetteer
        # spawn, not fork: fork would copy half-initialised BLAS/torch thread pools into the children.
        self.pool = cf.ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"))

    def submit(self, articles: list[Article]) -> Handle:
        return self.pool.submit(code_partition, articles, self.places, self.gazetteer)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def local(workers: int, places: bool = True, gazetteer: str | None = None) -> Backend:
    return InProcess(places, gazetteer) if workers <= 1 else ProcessPool(workers, places, gazetteer)
