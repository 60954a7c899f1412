"""What keeps ingest's cost per batch flat as the store grows (benchmarks/million.py measures it):
one writer connection across the run, readers let in between transactions, exact copies looked up
in ``originals``, near copies among a window of recent articles. Behaviour only, never timing."""
from __future__ import annotations

import subprocess
import sys
import time

import duckdb

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
