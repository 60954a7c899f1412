"""Ingest: articles in, stored once, copies linked, the rest coded, each batch one transaction.

The loop reads a batch of articles, decides for each one (already stored / exact copy / near
copy / to code) against the store *and* the batches still being coded, sends the articles to
code to the backend, and commits the oldest batch whose coding is done. Batches start at fixed
offsets of the input and a partition is one spaCy batch (``runner.BATCH``), so every article is
parsed in the same company however the run is split, resumed or distributed: spaCy's arithmetic
can differ in the last bit with the batch it runs in. Because a batch is
committed whole (its articles, events, places and signatures in one transaction) and batches
commit in input order, the store after a kill holds a prefix of the run, and running the same
ingest again skips that prefix and codes the rest: the result equals an uninterrupted run.
"""
from __future__ import annotations

import itertools
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Literal

import numpy as np
import pyarrow as pa

from ..analysis.dedup import Params, Sketcher
from ..model import Article
from ..model import Coded
from ..runner import BATCH, Outcome, Runner
from . import rows as R
from . import schema
from .store import KeyFilter, RunSummary, Store, Writer, insert

# Near copies are looked for among the articles stored last (this many, by ``seq``) and those of
# the run not yet committed, as GDELT's dedup looks back over a window rather than all time: the
# work a batch costs stays the same however large the store. A copy of an older story is coded anew.
NEAR_WINDOW = 100_000

Action = Literal["skip", "code", "duplicate", "near_duplicate", "failed"]


@dataclass
class Decision:
    article: Article
    action: Action
    seq: int = 0
    original: str | None = None
    similarity: float | None = None
    signature: np.ndarray | None = None
    bands: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Summary(RunSummary):
    """What one ingest did. ``problems`` are the inputs skipped while reading, and articles the coder failed on."""

    read: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    coded: int = 0
    failed: int = 0
    events: int = 0
    places: int = 0
    renamed: int = 0

    def skipped_by_reason(self) -> Counter:
        """Problems counted by kind: reading errors, other languages, and so on."""
        return Counter(getattr(p, "kind", None) or "error" for p in self.problems)


@dataclass
class _Batch:
    decisions: list[Decision]
    handles: list  # one backend handle per partition of the articles to code
    sizes: list[int]


class _Pending:
    """What batches submitted but not yet committed will add: the store cannot see them yet."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}  # article_id -> content_hash
        self.hashes: dict[str, str] = {}  # content_hash -> coded original
        self.bands: dict[tuple[int, int], list[str]] = {}
        self.sigs: dict[str, tuple[np.ndarray, int]] = {}

    def add(self, d: Decision) -> None:
        a = d.article
        self.ids[a.id] = a.content_hash
        self.hashes.setdefault(a.content_hash, a.id if d.action == "code" else d.original)
        if d.action == "code" and d.signature is not None:
            self.sigs[a.id] = (d.signature, d.seq)
            for bk in d.bands:
                self.bands.setdefault(bk, []).append(a.id)

    def remove(self, d: Decision) -> None:
        a = d.article
        self.ids.pop(a.id, None)
        if self.hashes.get(a.content_hash) in (a.id, d.original):
            del self.hashes[a.content_hash]
        if self.sigs.pop(a.id, None) is not None:
            for bk in d.bands:
                ids = self.bands.get(bk)
                if ids is not None:
                    ids.remove(a.id)
                    if not ids:
                        del self.bands[bk]


class Ingest:
    """One ingest run into ``store`` through ``backend``."""

    def __init__(self, store: Store, backend: Runner, *, batch_size: int = 256, partition_size: int = BATCH,
                 params: Params | None = None, cluster: bool = True, near_window: int | None = NEAR_WINDOW,
                 on_progress: Callable[[Summary], None] | None = None,
                 on_wait: Callable[[int | None], None] | None = None) -> None:
        self.store, self.backend = store, backend
        self.batch_size, self.partition_size = batch_size, partition_size
        self.cluster = cluster
        self.near_window = near_window
        self.params = params
        self.on_progress = on_progress or (lambda s: None)
        self.on_wait = on_wait
        self.summary = Summary()
        self.pending = _Pending()
        self._coding_problems: list[_CodingProblem] = []
        self.sketcher: Sketcher | None = None
        # Order among articles decided in this run; the stored ``seq`` is given at commit time,
        # inside the transaction that writes the article.
        self.next_seq = 1
        self.stored_seq = 0  # the store's last seq: read once, then counted (the run lock keeps others out)
        # The stored ids and texts, as digests: a batch looks up only those it may find (KeyFilter).
        self.stored_ids = KeyFilter("articles", "article_id")
        self.stored_texts = KeyFilter("originals", "content_hash")

    def _setup(self) -> None:
        with self.store.writer() as w:
            stored = Params.from_meta(w.meta())
            if stored is None:
                stored = self.params or Params()
                w.set_meta(stored.as_meta())
            # Stored articles rank before every article of this run among near-duplicate candidates.
            self.stored_seq = w.max_seq()
            self.next_seq = self.stored_seq + 1
            self.stored_ids.load(w.con)
            self.stored_texts.load(w.con)
            schema.drop_read_indexes(w.con)  # built again when the run ends (schema 7)
        # A store keeps the parameters of its first ingest: band keys made otherwise would never match.
        self.sketcher = Sketcher(stored)

    # -- deciding ----------------------------------------------------------------------------------
    def _decide(self, w: Writer, articles: list[Article]) -> list[Decision]:
        ids = {a.id for a in articles} | {f"{a.id}~{a.content_hash[:8]}" for a in articles}
        stored_ids = w.hashes_of_ids(ids, self.stored_ids)
        stored_hashes = w.originals_of_hashes((a.content_hash for a in articles), self.stored_texts)
        # Articles already stored, or copies of a stored text, need no signature (a resumed run skips most).
        known = [stored_ids.get(a.id) == a.content_hash or stored_ids.get(f"{a.id}~{a.content_hash[:8]}")
                 == a.content_hash or a.content_hash in stored_hashes for a in articles]
        sigs = [None if k else self.sketcher.signature(a.text) for a, k in zip(articles, known)]
        bands = [[] if s is None else self.sketcher.band_keys(s) for s in sigs]
        cands: dict[int, list[tuple[str, bytes, int]]] = {}
        after = 0 if self.near_window is None else max(0, self.stored_seq - self.near_window)
        for qi, aid, sig, seq in w.lsh_candidates([(i, b, k) for i, bs in enumerate(bands) for b, k in bs], after):
            cands.setdefault(qi, []).append((aid, sig, seq))

        def stored_hash(article_id: str) -> str | None:
            return self.pending.ids.get(article_id) or stored_ids.get(article_id)

        out: list[Decision] = []
        for i, a in enumerate(articles):
            h = a.content_hash
            have = stored_hash(a.id)
            if have is not None and have != h:
                # Two different texts under one id (e.g. index.html in two folders): the later one is
                # renamed, deterministically, so that re-running finds it under the same new id.
                a = a.model_copy(update={"id": f"{a.id}~{h[:8]}"})
                have = stored_hash(a.id) if a.id in stored_ids or a.id in self.pending.ids else None
                if have is not None and have != h:
                    a = a.model_copy(update={"id": f"{a.id.rsplit('~', 1)[0]}~{h}"})
                    have = self.pending.ids.get(a.id) or w.hashes_of_ids([a.id], self.stored_ids).get(a.id)
                if have is None:
                    self.summary.renamed += 1
            if have == h:
                out.append(Decision(a, "skip"))
                continue
            d = Decision(a, "code", seq=self.next_seq)
            self.next_seq += 1
            original = self.pending.hashes.get(h) or stored_hashes.get(h)
            if original is not None:
                d.action, d.original, d.similarity = "duplicate", original, 1.0
            else:
                assert sigs[i] is not None, "an article the store knows reached the near-duplicate check"
                d.signature, d.bands = sigs[i], bands[i]
                best: tuple[float, int, str] | None = None
                seen: set[str] = set()
                for aid, raw, seq in cands.get(i, []):
                    seen.add(aid)
                    sim = Sketcher.similarity(d.signature, Sketcher.from_bytes(raw))
                    if sim >= self.sketcher.params.threshold and (best is None or (-sim, seq) < (-best[0], best[1])):
                        best = (sim, seq, aid)
                for bk in d.bands:
                    for aid in self.pending.bands.get(bk, ()):
                        if aid in seen:
                            continue
                        seen.add(aid)
                        psig, seq = self.pending.sigs[aid]
                        sim = Sketcher.similarity(d.signature, psig)
                        if sim >= self.sketcher.params.threshold and (best is None or (-sim, seq) < (-best[0], best[1])):
                            best = (sim, seq, aid)
                if best is not None:
                    d.action, d.original, d.similarity = "near_duplicate", best[2], round(best[0], 4)
                    d.signature, d.bands = None, []
            self.pending.add(d)
            out.append(d)
        return out

    # -- committing --------------------------------------------------------------------------------
    def _commit(self, w: Writer, batch: _Batch) -> None:
        outcomes: list[Outcome] = []
        for h in batch.handles:
            outcomes.extend(h.result())
        to_code = [d for d in batch.decisions if d.action == "code"]
        assert len(outcomes) == len(to_code), "a backend returned a partition of the wrong length"
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        arts, evs, pls, sigs, bands, originals = [], [], [], [], [], []
        coded_by_id: dict[str, Coded] = {}
        for d, out in zip(to_code, outcomes):
            if isinstance(out, str):
                self.summary.failed += 1
                self._coding_problems.append(_CodingProblem(d.article.origin or d.article.id, out))
                d.action = "failed"  # stored nothing: a later run tries again
                continue
            coded_by_id[d.article.id] = out
        seen_events: set[str] = set()
        # ``seq`` is given here, in the transaction that writes the rows, in input order.
        seq = self.stored_seq
        for d in batch.decisions:
            a = d.article
            if d.action in ("skip", "failed"):
                continue
            seq += 1
            if d.action == "code":
                coded = coded_by_id[a.id]
                lead_end = R.first_paragraph_end(a.text)
                n = 0
                for e in coded.events:
                    if e.event_id in seen_events:
                        continue  # a coder that repeats an id must not make the whole batch fail
                    if not e.political:
                        continue  # series and alerts read the store: it holds political events only (docs/political.md)
                    seen_events.add(e.event_id)
                    evs.append(R.event_row(e, lead_end))
                    n += 1
                # One row a place mention: the table has no key to drop a repeated span (schema 7).
                spans: set[tuple[int, int]] = set()
                for p in coded.places:
                    row = R.place_row(p)
                    if row[1:3] not in spans:
                        spans.add(row[1:3])
                        pls.append(row)
                sigs.append((a.id, Sketcher.to_bytes(d.signature), seq))
                bands.extend((b, k, a.id, seq) for b, k in d.bands)
                arts.append(R.article_row(a, status="coded", duplicate_of=None, similarity=None, n_events=n,
                                          seq=seq, ingested_at=now, keep_text=True))
                originals.append((a.content_hash, a.id))
                self.summary.coded += 1
                self.summary.events += n
                self.summary.places += len(coded.places)
            else:
                if d.action == "near_duplicate":  # an exact copy's text is in originals already
                    originals.append((a.content_hash, d.original))
                arts.append(R.article_row(a, status=d.action, duplicate_of=d.original, similarity=d.similarity,
                                          n_events=None, seq=seq, ingested_at=now,
                                          keep_text=d.action == "near_duplicate"))
                if d.action == "duplicate":
                    self.summary.duplicates += 1
                else:
                    self.summary.near_duplicates += 1
        insert(w.con, "articles", R.ARTICLE_COLUMNS, arts)
        w.add_originals(originals)
        self.stored_ids.add(w.con, (r[0] for r in arts))
        self.stored_texts.add(w.con, {h for h, _ in originals})
        insert(w.con, "events", R.EVENT_COLUMNS, evs)
        insert(w.con, "places", R.PLACE_COLUMNS, pls)
        insert(w.con, "minhash", ("article_id", "signature", "seq"), sigs,
               types={"signature": pa.binary(), "seq": pa.int64()})
        insert(w.con, "lsh_bands", ("band", "key", "article_id", "seq"), bands,
               types={"band": pa.int16(), "key": pa.uint64(), "seq": pa.int64()})
        self.stored_seq = seq

    # -- the loop ----------------------------------------------------------------------------------
    def _should_commit(self, in_flight: deque[_Batch], eof: bool) -> bool:
        if not in_flight:
            return False
        oldest = in_flight[0]
        if eof or not oldest.handles:
            return True
        # Commits follow the input consumed, not the coding work: a run of copies and skips
        # submits no work, and must not pile up uncommitted batches behind one coded article.
        if len(in_flight) > self.max_in_flight:
            return True
        # Else wait on the oldest batch only while the younger ones keep every worker busy.
        younger = sum(len(b.handles) for b in in_flight) - len(oldest.handles)
        return younger >= 2 * self.backend.parallelism

    @property
    def max_in_flight(self) -> int:
        """Batches decided but not committed, at most: what a kill can lose, and what memory holds."""
        return 2 * max(1, self.backend.parallelism) + 1

    def run(self, articles: Iterable[Article], problems: list | None = None) -> Summary:
        """Ingest ``articles``; ``problems`` is the reader's list, read into the summary as it grows.

        The whole run holds the store's writer lock (``Store.exclusive``): a second ingest into
        the same store waits for this one, so neither codes what the other stores.
        """
        from ..runner import closing

        with closing(self.backend), self.store.session(self.on_wait):
            self._setup()
            return self._run(articles, problems)

    def _run(self, articles: Iterable[Article], problems: list | None) -> Summary:
        reader_problems = problems if problems is not None else []
        coding_problems = self._coding_problems
        in_flight: deque[_Batch] = deque()
        it = iter(articles)
        while True:
            chunk = list(itertools.islice(it, self.batch_size))
            self.summary.read += len(chunk)
            ready: list[_Batch] = []
            while self._should_commit(in_flight, eof=not chunk):
                oldest = in_flight.popleft()
                if any(_unfinished(h) for h in oldest.handles):
                    # Coding takes seconds a batch: the file is let go meanwhile, so readers
                    # (``tocsin serve``) get in while the coder works, not only between transactions.
                    self.store.release()
                for h in oldest.handles:  # wait outside the transaction: readers are not kept out meanwhile
                    h.result()
                ready.append(oldest)
            # Batches that coded nothing (copies, articles stored before) commit with the next one:
            # a commit is a write to disk, not something to pay per 256 copies. A batch with coded
            # articles ends a transaction, so the store grows batch by batch as the coding goes.
            group: list[_Batch] = []
            for i, b in enumerate(ready):
                group.append(b)
                if b.handles or i == len(ready) - 1:
                    with self.store.writer() as w:
                        for g in group:
                            self._commit(w, g)
                    for g in group:
                        for d in g.decisions:
                            if d.action != "skip":
                                self.pending.remove(d)
                    group = []
                    self._report(reader_problems, coding_problems)
            if not chunk:
                break
            with self.store.writer() as w:
                batch = _Batch(self._decide(w, chunk), [], [])
            self.summary.already_stored += sum(d.action == "skip" for d in batch.decisions)
            to_code = [d.article for d in batch.decisions if d.action == "code"]
            for i in range(0, len(to_code), self.partition_size):
                part = to_code[i:i + self.partition_size]
                batch.handles.append(self.backend.submit(part))
                batch.sizes.append(len(part))
            in_flight.append(batch)
            self._report(reader_problems, coding_problems)
        if self.cluster:
            from ..analysis.clusters import rebuild

            with self.store.writer() as w:
                self.summary.clusters = rebuild(w.for_end().con)
        with self.store.writer() as w:
            schema.build_read_indexes(w.for_end().con)
        self._report(reader_problems, coding_problems)
        return self.summary

    def _report(self, reader_problems: list, coding_problems: list) -> None:
        self.summary.problems = list(reader_problems) + coding_problems
        self.on_progress(self.summary)


def _unfinished(handle) -> bool:
    """Whether ``result()`` would wait: a future not done, or a lazy partition not coded yet."""
    done = getattr(handle, "done", None)
    if callable(done):
        return not done()
    return getattr(handle, "outcome", True) is None


@dataclass(frozen=True)
class _CodingProblem:
    origin: str
    reason: str
    kind: str = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def ingest(articles: Iterable[Article], store: Store | str, backend: Runner, *, problems: list | None = None,
           **options) -> Summary:
    """Ingest ``articles`` into ``store`` (a Store or a path); see ``Ingest`` for the options."""
    if isinstance(store, str):
        store = Store(store)
    return Ingest(store, backend, **options).run(articles, problems)
