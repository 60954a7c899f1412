"""What keeps ingest's cost per batch flat as the store grows (benchmarks/million.py measures it):
one writer connection across the run, readers let in between transactions, exact copies looked up
in ``originals``, near copies among a window of recent articles. Behaviour only, never timing."""
from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest

from fake_coder import FakeBackend
from test_store import LONG, art, run
from tocsin.store import Store
from tocsin.store import store as S
from tocsin.store.loader import Ingest

NEAR = "(Capital Post) - " + LONG + "\n\nReporting by Capital Post staff; editing by the world desk."
OTHERS = ["Thousands of people protested in Warsaw against rising fuel prices, police said.",
          "Kenya and Sudan signed a border agreement in Nairobi on Monday.",
          "France withdrew troops from Mali after talks in Bamako.",
          "Lithuania expelled a Russian diplomat on Friday.",
          "Police in Lima arrested forty protesters near the congress building."]


def test_one_writer_connection_serves_every_batch_of_a_run(tmp_path, monkeypatch):
    opened = []
    real = S.Store._open_writer
    monkeypatch.setattr(S.Store, "_open_writer", lambda self: opened.append(1) or real(self))
    db = tmp_path / "s.duckdb"
    arts = [art(f"c{i}", LONG) for i in range(30)] + [art(f"o{i}", t) for i, t in enumerate(OTHERS)]
    s, _ = run(db, arts, batch_size=4)  # nine batches, and the cluster rebuild
    assert s.read == 35 and s.coded == 6 and s.duplicates == 29
    assert len(opened) == 1
    assert Store(db).counts()["articles"] == 35


def test_a_waiting_reader_of_another_process_gets_in_between_two_transactions(tmp_path):
    db = tmp_path / "s.duckdb"
    run(db, [art("a", LONG)])
    store = Store(db)
    with store.session():
        with store.writer() as w:
            assert w.max_seq() == 1
        # The file is held open now: a reader of another process waits, and says so.
        reader = subprocess.Popen([sys.executable, "-c", "import sys; from tocsin.store.store import open_read; "
                                   f"c = open_read({str(db)!r}, 60); "
                                   "print(c.execute('SELECT count(*) FROM articles').fetchall()[0][0]); c.close()"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not S.readers_waiting(str(db)) and reader.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert reader.poll() is None, "the reader got in while the writer held the file"
            with store.writer() as w:  # the next transaction lets it in first
                w.con.execute("SELECT 1")
            assert store._session.yielded == 1
            out, _ = reader.communicate(timeout=60)
        finally:
            if reader.poll() is None:
                reader.kill()
    assert reader.returncode == 0 and out.strip() == "1"


def test_near_copies_are_looked_for_in_the_window_of_recent_articles_only(tmp_path):
    def near_status(window):
        db = tmp_path / f"w{window}.duckdb"
        run(db, [art("orig", LONG)] + [art(f"o{i}", t) for i, t in enumerate(OTHERS)], near_window=window)
        s, backend = run(db, [art("near", NEAR)], near_window=window)  # six articles after "orig"
        return Store(db).articles().set_index("article_id").loc["near", "status"], backend.coded

    assert near_status(None) == ("near_duplicate", [])
    assert near_status(10) == ("near_duplicate", [])
    assert near_status(3) == ("coded", ["near"])  # "orig" fell out of the window: coded anew


def test_the_window_holds_articles_of_the_run_not_yet_committed(tmp_path):
    s, backend = run(tmp_path / "s.duckdb", [art("orig", LONG), art("near", NEAR)], near_window=0)
    assert backend.coded == ["orig"] and s.near_duplicates == 1


def test_an_exact_copy_points_to_the_first_stored_text_across_runs(tmp_path):
    db = tmp_path / "s.duckdb"
    run(db, [art("orig", LONG), art("near", NEAR)], batch_size=1)
    s, backend = run(db, [art("copy", LONG), art("copy2", NEAR)], near_window=0)
    assert backend.coded == [] and s.duplicates == 2
    a = Store(db).articles().set_index("article_id")
    # A copy of the near copy points to what the near copy points to, as before schema 4.
    assert a.loc["copy", "duplicate_of"] == "orig" and a.loc["copy2", "duplicate_of"] == "orig"
    assert Store(db).sql("SELECT count(*) AS n FROM originals")["n"][0] == 2


def test_a_schema_3_store_is_upgraded_to_originals_and_windowed_signatures(tmp_path):
    from tocsin.store import schema

    db = tmp_path / "v3.duckdb"
    run(db, [art("orig", LONG), art("copy", LONG), art("x", OTHERS[0])])
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE originals")  # as a schema 3 store was written
    con.execute("ALTER TABLE minhash DROP COLUMN seq")
    con.execute("ALTER TABLE lsh_bands DROP COLUMN seq")
    con.execute("CREATE INDEX articles_hash ON articles (content_hash)")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    s, backend = run(db, [art("copy2", LONG), art("near", NEAR)])  # a write upgrades it
    assert backend.coded == [] and (s.duplicates, s.near_duplicates) == (1, 1)
    st = Store(db)
    assert st.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == schema.SCHEMA_VERSION
    assert st.articles().set_index("article_id").loc["copy2", "duplicate_of"] == "orig"
    assert st.sql("SELECT count(*) AS n FROM duckdb_indexes() WHERE index_name = 'articles_hash'")["n"][0] == 0
    assert st.sql("""SELECT count(*) AS n FROM minhash m JOIN articles a USING (article_id)
                     WHERE m.seq IS DISTINCT FROM a.seq""")["n"][0] == 0
    assert st.sql("""SELECT count(*) AS n FROM lsh_bands b JOIN articles a USING (article_id)
                     WHERE b.seq IS DISTINCT FROM a.seq""")["n"][0] == 0
    assert st.sql("SELECT count(*) AS n FROM lsh_bands")["n"][0] > 0


def test_a_run_killed_between_batches_keeps_what_it_committed_and_resumes(tmp_path):
    db = tmp_path / "s.duckdb"
    arts = [art(f"c{i}", LONG) for i in range(12)] + [art(f"o{i}", t) for i, t in enumerate(OTHERS)]
    code = (f"import sys, os; sys.path.insert(0, {str(tmp_path.parent)!r}); sys.path.insert(0, 'tests')\n"
            "from fake_coder import FakeBackend\n"
            "from test_store import art, LONG\n"
            "from test_scale import OTHERS\n"
            "from tocsin.store import Store, loader\n"
            "arts = [art(f'c{i}', LONG) for i in range(12)] + [art(f'o{i}', t) for i, t in enumerate(OTHERS)]\n"
            "real = loader.Ingest._commit\n"
            "n = []\n"
            "def commit(self, w, b):\n"
            "    if len(n) == 2: os._exit(9)  # dies between two transactions: no finally, no checkpoint\n"
            "    n.append(1); real(self, w, b)\n"
            "loader.Ingest._commit = commit\n"
            f"loader.Ingest(Store({str(db)!r}), FakeBackend(), batch_size=4).run(iter(arts))\n")
    from pathlib import Path

    p = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1])
    assert p.returncode == 9
    kept = Store(db).articles()
    assert 0 < len(kept) < len(arts)
    assert kept.article_id.tolist() == [a.id for a in arts][:len(kept)]  # a prefix of the input
    s, _ = run(db, arts, batch_size=4)
    assert s.already_stored == len(kept)
    clean, _ = run(tmp_path / "clean.duckdb", arts, batch_size=4)
    cols = "article_id, content_hash, status, duplicate_of, seq"
    assert (Store(db).sql(f"SELECT {cols} FROM articles ORDER BY seq").values.tolist()
            == Store(tmp_path / "clean.duckdb").sql(f"SELECT {cols} FROM articles ORDER BY seq").values.tolist())


def _corpus_store(db, n=240, seed=3):
    from corpus import make_articles
    from datetime import date as Date

    from tocsin.model import Article

    recs = make_articles(n, seed=seed)
    arts = [Article(id=r["id"], text=r["text"], date=Date.fromisoformat(r["date"]), source=r["source"], url=r["url"])
            for r in recs]
    return run(db, arts, batch_size=32, cluster=False)[0]


def test_the_cluster_rebuild_split_into_parts_equals_the_whole_rebuild(tmp_path):
    from tocsin.analysis import clusters as C

    db = tmp_path / "s.duckdb"
    s = _corpus_store(db)
    assert s.duplicates > 0 and s.events > 100

    def rebuilt(part_events):
        con = duckdb.connect(str(db))
        try:
            con.execute("BEGIN TRANSACTION")
            n = C.rebuild(con, flush=7, part_events=part_events)
            con.execute("COMMIT")
            return (n, con.execute("SELECT * FROM event_clusters ORDER BY event_id").fetchall(),
                    con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall(),
                    con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall()[0][0])
        finally:
            con.close()

    whole = rebuilt(10**9)
    n, assigned, clusters, temps = whole
    assert temps == 0 and n == len(clusters) and len(assigned) == s.events
    # Reports of one event were put together, with copies counted as mentions.
    assert any(c[10] > 1 for c in clusters) and any(c[11] > c[10] for c in clusters)
    for part_events in (s.events // 3, 50, 1):
        assert rebuilt(part_events) == whole, part_events
    # And the parts are really apart: the hash splits the groups over several of them.
    con = duckdb.connect(str(db), read_only=True)
    sizes = [con.execute("SELECT count(*) FROM events e WHERE " + C._PART.format(parts=5, part=i)).fetchall()[0][0]
             for i in range(5)]
    con.close()
    assert sum(sizes) == s.events and sum(n > 0 for n in sizes) >= 3


@pytest.mark.parametrize("budget", ["memory", "transactions"])
def test_a_writing_run_lets_go_of_duckdb_buffers_above_its_budget_with_the_same_store(tmp_path, budget):
    _corpus_store(tmp_path / "held.duckdb")
    store = Store(tmp_path / "fresh.duckdb")
    if budget == "memory":
        store.session_memory = 0  # any page kept: reopen at the next transaction
    else:
        store.session_transactions = 2  # two transactions a connection
    sessions = []
    real = S._Session.close

    def close(self):
        sessions.append(self.refreshed)
        real(self)
    S._Session.close = close
    try:
        from corpus import make_articles
        from datetime import date as Date

        from tocsin.model import Article

        recs = make_articles(240, seed=3)
        arts = [Article(id=r["id"], text=r["text"], date=Date.fromisoformat(r["date"]), source=r["source"],
                        url=r["url"]) for r in recs]
        Ingest(store, FakeBackend(), batch_size=32, cluster=False).run(arts)
    finally:
        S._Session.close = real
    # 8 batches decided and 8 committed: reopened at (about) every transaction, or every other one.
    assert max(sessions) >= (8 if budget == "memory" else 4)
    cols = "article_id, content_hash, status, duplicate_of, similarity, seq"
    for q in (f"SELECT {cols} FROM articles ORDER BY seq", "SELECT * EXCLUDE (record) FROM events ORDER BY event_id",
              "SELECT * FROM minhash ORDER BY article_id", "SELECT * FROM lsh_bands ORDER BY ALL",
              "SELECT * FROM originals ORDER BY ALL"):
        with Store(tmp_path / "fresh.duckdb").reader() as a, Store(tmp_path / "held.duckdb").reader() as b:
            assert a.execute(q).fetchall() == b.execute(q).fetchall()


def test_the_key_filter_lets_through_every_stored_key_and_few_others():
    from tocsin.store.store import KeyFilter, Writer

    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, content_hash VARCHAR)")
    con.execute("INSERT INTO articles SELECT 'k' || i, 'h' || i FROM range(5000) r(i)")
    f = KeyFilter("articles", "article_id").load(con)
    f.RECENT = 3  # the recent keys are merged into the sorted array every third
    for i in range(10):
        con.execute("INSERT INTO articles VALUES (?, ?)", [f"new{i}", f"hn{i}"])
        f.add(con, [f"new{i}"])
    assert len(f) == 5010 and len(f.base) > 5000
    stored = {f"k{i}" for i in range(0, 5000, 7)} | {f"new{i}" for i in range(10)}
    absent = {f"x{i}" for i in range(20000)}
    let_through = set(f.maybe(con, sorted(stored | absent)))
    assert stored <= let_through and len(let_through - stored) <= 5  # odds 5,010 / 2^32 each
    w = Writer(con)
    for keys in (sorted(stored)[:10] + ["x1", "x2"], sorted(stored | set(list(absent)[:100]))):  # by key, joined
        want = {k: ("h" + k[1:] if k.startswith("k") else "hn" + k[3:]) for k in keys if k in stored}
        assert w.hashes_of_ids(keys, f) == want == w.hashes_of_ids(keys)


def test_a_run_looks_up_in_the_store_only_the_keys_it_may_find_there(tmp_path, monkeypatch):
    from tocsin.store.store import Writer

    db = tmp_path / "s.duckdb"
    run(db, [art("orig", LONG)] + [art(f"o{i}", t) for i, t in enumerate(OTHERS)])
    looked: list[tuple[str, list[str]]] = []
    real = Writer._lookup

    def lookup(self, table, key, value, keys, known):
        keys = list(keys)
        looked.append((table, known.maybe(self.con, keys) if known is not None else keys))
        return real(self, table, key, value, keys, known)
    monkeypatch.setattr(Writer, "_lookup", lookup)
    s, backend = run(db, [art("orig", LONG), art("copy", LONG), art("new", "Poland and Ukraine met in Warsaw.")])
    assert s.already_stored == 1 and s.duplicates == 1 and backend.coded == ["new"]
    found = {k for _, keys in looked for k in keys}
    # The stored id and the stored text, not the new ids, the renamed forms or the new text.
    assert {"orig", art("orig", LONG).content_hash} <= found
    assert not found & {"copy", "new"} and not any("~" in k for k in found)
