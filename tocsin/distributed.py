"""Ingest's coding on a Dask cluster: partitions of articles out to the workers, coded articles back.

The client reads the inputs, decides what needs coding (it alone sees the store) and writes
the results, so the store ends exactly as after a local run; the workers do the costly part,
parsing and coding. Each worker process keeps one ``Pipeline`` (see ``backends.code_partition``),
so spaCy loads once per worker, not once per partition.

On a real cluster every worker needs tocsin installed (the same version as the client) and
nothing else: the inputs are read by the client and shipped inside the partitions.
"""
from __future__ import annotations

from typing import Any

from .model import Article
from .store.backends import Outcome, code_partition


class _Future:
    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> list[Outcome]:
        return self.future.result()


class DaskBackend:
    """``address``: a scheduler (``tcp://host:8786``), or ``local`` for a LocalCluster of ``workers`` processes."""

    def __init__(self, address: str, workers: int = 2, places: bool = True, gazetteer: str | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self.places, self.gazetteer = places, gazetteer
        self.cluster = None
        if address == "local":
            # One thread per process: spaCy holds the GIL for most of a parse, threads would queue.
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout="10s")
        n = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        self.parallelism = max(1, n)

    def submit(self, articles: list[Article]) -> _Future:
        # pure=False: two identical partitions (a re-run) must still be computed, not served from cache.
        return _Future(self.client.submit(code_partition, articles, self.places, self.gazetteer, pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
