"""The store: what ingest writes, copies linked not coded, atomic batches, queries, clusters, locking."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from fake_coder import FakeBackend, code
from tocsin.model import Article
from tocsin.store import NoStore, Store, StoreLocked
from tocsin.store import loader
from tocsin.store.loader import Ingest
from tocsin.store.schema import SchemaError

LONG = ("MINSK, March 17 (Northern Wire) - Belarus recalled its ambassador to Ukraine on Thursday, citing what it "
        "called hostile statements by Ukrainian officials in Kyiv.\n\nThe Belarusian foreign ministry said the envoy "
        "would return to Minsk for consultations and that the embassy would keep working at a lower level. "
        "Relations between the two neighbours have been strained since the war began, and trade across the border "
        "has fallen by half. Ukrainian officials said they had not been told in advance and would respond in kind "
        "if the move was not reversed within a week. Diplomats in Minsk said the next steps were unclear, and "
        "neither government responded to requests for comment on Thursday evening.")


def art(id: str, text: str, d: str | None = "2022-03-17", source: str | None = None, url: str | None = None) -> Article:
    return Article(id=id, text=text, date=date.fromisoformat(d) if d else None, source=source, url=url)


def run(db, articles, backend=None, **kw):
    backend = backend or FakeBackend()
    summary = Ingest(Store(db), backend, **kw).run(articles)
    return summary, backend


def table(db, name, order):
    return duckdb.connect(str(db), read_only=True).execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()


# The keys and indexes schemas 3 to 6 had on the tables ingest writes (schema 7 has none).
SCHEMA_6_KEYS = {"articles": "article_id", "originals": "content_hash", "events": "event_id",
                 "places": 'article_id, start, "end"', "minhash": "article_id"}


def as_schema_6(db) -> duckdb.DuckDBPyConnection:
    """Rewrite a store made now as schema 6 wrote it: keys on the tables ingest writes, indexes by article."""
    from tocsin.store import schema

    con = duckdb.connect(str(db))
    schema.drop_read_indexes(con)  # schema 7's
    for t, key in SCHEMA_6_KEYS.items():
        con.execute(f"ALTER TABLE {t} ADD PRIMARY KEY ({key})")
    con.execute("CREATE INDEX events_article ON events (article_id)")
    con.execute("CREATE INDEX places_article ON places (article_id)")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    return con


def keys_and_indexes(db) -> int:
    with Store(db).reader() as con:
        return con.execute("""SELECT (SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'
                                     AND table_name IN ('articles', 'originals', 'events', 'places', 'minhash'))
                                   + (SELECT count(*) FROM duckdb_indexes())""").fetchall()[0][0]


def test_ingest_stores_articles_events_and_places(tmp_path):
    db = tmp_path / "s.duckdb"
    a = art("a1", LONG, source="Northern Wire", url="https://northernwire.example/1")
    s, _ = run(db, [a, art("a2", "Poland and Ukraine signed an agreement in Warsaw on 2022-03-18.")])
    assert (s.read, s.coded, s.duplicates, s.near_duplicates) == (2, 2, 0, 0)
    st = Store(db)
    assert st.counts()["events"] == s.events == len(code(a).events) + 1
    ev = st.events()
    first = ev[ev.event_id == "a1:s0:e0"].iloc[0]
    assert (first.source_code, first.target_code, first.cameo, first.cameo_root) == ("BLRGOV", "UKR", "161", "16")
    assert (first.publisher, first.url, bool(first.is_root)) == ("Northern Wire", "https://northernwire.example/1", True)
    # The stored JSON record is the coder's event record, byte for byte in content.
    records = {r["event_id"]: r for r in st.records()}
    assert records["a1:s0:e0"] == code(a).events[0].record()
    assert set(st.places().text) == {"Kyiv", "Minsk", "Warsaw"}
    arts = st.articles(with_text=True).set_index("article_id")
    assert arts.loc["a1", "text"] == LONG and arts.loc["a1", "status"] == "coded"
    assert arts.loc["a1", "content_hash"] == a.content_hash


def test_reingest_codes_nothing_and_changes_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    arts = [art(f"x{i}", LONG.replace("Thursday", f"day {i} of talks about item {i * 7}")) for i in range(5)]
    run(db, arts, batch_size=2)
    before = table(db, "events", "event_id"), table(db, "articles", "article_id")
    s, backend = run(db, arts, batch_size=2)
    assert backend.coded == [] and s.already_stored == 5 and s.coded == 0
    assert (table(db, "events", "event_id"), table(db, "articles", "article_id")) == before


def test_copies_are_linked_not_coded_within_and_across_runs(tmp_path):
    db = tmp_path / "s.duckdb"
    near = "(Capital Post) - " + LONG + "\n\nReporting by Capital Post staff; editing by the world desk."
    other = art("other", "Thousands of people protested in Warsaw against rising fuel prices, police said.")
    s, backend = run(db, [art("orig", LONG), art("copy", LONG, source="Daily Ledger"), art("near", near), other],
                     batch_size=2)  # the copies straddle a batch boundary
    assert backend.coded == ["orig", "other"]
    assert (s.duplicates, s.near_duplicates, s.coded) == (1, 1, 2)
    a = Store(db).articles().set_index("article_id")
    assert (a.loc["copy", "status"], a.loc["copy", "duplicate_of"], a.loc["copy", "similarity"]) == ("duplicate", "orig", 1.0)
    assert a.loc["near", "status"] == "near_duplicate" and a.loc["near", "duplicate_of"] == "orig"
    assert 0.8 <= a.loc["near", "similarity"] < 1.0
    assert set(Store(db).events().article_id) == {"orig", "other"}
    # A later run sees the stored signatures: another syndicated version is linked, not coded.
    later = LONG.replace("MINSK, March 17 (Northern Wire) - ", "") + "\n\nCopyright Evening Courier."
    s2, backend2 = run(db, [art("later", later)])
    assert backend2.coded == [] and s2.near_duplicates == 1
    assert Store(db).articles().set_index("article_id").loc["later", "duplicate_of"] == "orig"


def test_unrelated_articles_on_one_template_are_not_copies(tmp_path):
    db = tmp_path / "s.duckdb"
    texts = [LONG.replace("Belarus", c).replace("Ukraine", t).replace("Thursday", d).replace("half", h)
             for c, t, d, h in (("Poland", "Lithuania", "Monday", "a third"), ("Kenya", "Sudan", "Friday", "two thirds"),
                                ("France", "Mali", "Sunday", "a quarter"))]
    s, _ = run(db, [art(f"t{i}", t) for i, t in enumerate(texts)])
    assert s.coded == 3 and s.near_duplicates == 0


def test_a_different_text_under_a_stored_id_is_renamed_stably(tmp_path):
    db = tmp_path / "s.duckdb"
    run(db, [art("index", LONG)])
    other = art("index", "Poland and Ukraine signed an agreement in Warsaw on 2022-03-18.")
    s, _ = run(db, [other])
    new_id = f"index~{other.content_hash[:8]}"
    assert s.renamed == 1 and s.coded == 1
    assert set(Store(db).articles().article_id) == {"index", new_id}
    assert set(Store(db).events().article_id) == {"index", new_id}
    s, backend = run(db, [other])  # and re-running finds it under its new id
    assert backend.coded == [] and s.already_stored == 1


def test_an_article_the_coder_fails_on_is_reported_and_retried_later(tmp_path):
    db = tmp_path / "s.duckdb"
    bad = art("bad", "Belarus recalled its ambassador to Ukraine. BOOM")
    s, _ = run(db, [art("good", LONG), bad])
    assert s.failed == 1 and s.coded == 1
    assert [str(p) for p in s.problems] == ["bad: coding failed: RuntimeError: boom"]
    assert "bad" not in set(Store(db).articles().article_id)
    s, backend = run(db, [art("good", LONG), bad.model_copy(update={"text": bad.text.replace(" BOOM", "")})])
    assert backend.coded == ["bad"] and s.coded == 1


def test_a_batch_that_fails_to_commit_leaves_earlier_batches_whole(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    first = [art(f"ok{i}", LONG.replace("Thursday", f"weekday {i} number {i * 13}")) for i in range(4)]
    run(db, first, batch_size=2)
    before = table(db, "events", "event_id"), table(db, "articles", "article_id"), table(db, "minhash", "article_id")
    real = loader.insert

    def failing(con, name, *a, **k):
        if name == "places":  # after articles and events of the batch were inserted
            raise OSError("disk full")
        return real(con, name, *a, **k)

    monkeypatch.setattr(loader, "insert", failing)
    with pytest.raises(OSError):
        run(db, first + [art("new", "Thousands of people protested in Warsaw against the war.")], batch_size=2)
    assert (table(db, "events", "event_id"), table(db, "articles", "article_id"),
            table(db, "minhash", "article_id")) == before


def test_event_filters(tmp_path):
    db = tmp_path / "s.duckdb"
    run(db, [art("a", "Belarus recalled its ambassador to Ukraine on 2022-03-17.", "2022-03-17"),
             art("b", "Russia shelled Ukraine near Kharkiv on 2022-03-20.", "2022-03-20"),
             art("c", "Ukraine met Poland in Warsaw on 2022-04-02.", "2022-04-02"),
             art("d", "Belarus denied it shelled Ukraine on 2022-04-05.", "2022-04-05")])
    st = Store(db)
    ids = lambda df: sorted(df.article_id)  # noqa: E731
    assert ids(st.events(actor="BLR")) == ["a", "d"]
    assert ids(st.events(actor="UKRGOV")) == ["c"]
    assert ids(st.events(dyad="BLR:UKR")) == ["a", "d"]
    assert ids(st.events(dyad=":POL")) == ["c"]
    assert ids(st.events(root="19")) == ["b", "d"] and ids(st.events(root="4,16")) == ["a", "c"]
    assert ids(st.events(since="2022-03-20", until="2022-04-02")) == ["b", "c"]
    assert ids(st.events(modality="negated")) == ["d"]
    assert ids(st.events(dyad="BLR:UKR", modality="asserted")) == ["a"]
    for bad in (dict(root="99"), dict(since="yesterday"), dict(modality="certain"), dict(dyad="BLRUKR")):
        with pytest.raises(ValueError):
            st.events(**bad)


def test_clusters_group_reports_of_one_event(tmp_path):
    db = tmp_path / "s.duckdb"
    recall = "Belarus recalled its ambassador to Ukraine in Kyiv on {d}. Talks are off for now, {who} reported."
    run(db, [
        art("w1", recall.format(d="2022-03-17", who="the first desk"), "2022-03-17", "Northern Wire",
            "https://northernwire.example/1"),
        art("w2", recall.format(d="2022-03-18", who="a second desk in another city"), "2022-03-18", "Daily Ledger"),
        art("w2copy", recall.format(d="2022-03-18", who="a second desk in another city"), "2022-03-19",
            "Evening Courier"),
        art("w3", recall.format(d="2022-03-21", who="a weekly round-up of the news"), "2022-03-21", "Capital Post"),
        art("s1", "Russia shelled Ukraine near Kharkiv on 2022-03-20.", "2022-03-20", "Northern Wire"),
        art("s2", "Russia shelled Ukraine at Kharkiv on 2022-03-20, witnesses said.", "2022-03-20", "Meridian News"),
        art("s3", "Russia shelled Ukraine near Lviv on 2022-03-20.", "2022-03-20", "Meridian News"),
        art("s4", "Russia denied it shelled Ukraine near Kharkiv on 2022-03-20.", "2022-03-20", "Daily Ledger"),
    ])
    c = Store(db).clusters().set_index("first_article_id")
    recall_day = c.loc["w1"]
    assert (recall_day.num_events, recall_day.num_articles, recall_day.num_mentions, recall_day.num_sources) == (2, 3, 3, 3)
    assert recall_day.cluster_id == "w1:s0:e0" and recall_day.first_url == "https://northernwire.example/1"
    assert c.loc["w3"].num_articles == 1  # four days after the first report: another recall
    kharkiv = c.loc["s1"]
    assert (kharkiv.num_articles, kharkiv.num_sources, kharkiv.location_name) == (2, 2, "Kharkiv")
    assert c.loc["s3"].num_articles == 1  # Lviv is 700 km from Kharkiv
    assert c.loc["s4"].num_articles == 1  # a denial is not a report of the shelling
    ev = Store(db).events(first_reports=True)
    assert sorted(ev.article_id) == ["s1", "s3", "s4", "w1", "w3"]
    assert int(ev.set_index("article_id").loc["w1", "num_articles"]) == 3


def test_readers_wait_for_a_writer_then_read(tmp_path):
    db = tmp_path / "s.duckdb"
    run(db, [art("a", LONG)])
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,sys; c=duckdb.connect({str(db)!r}); "
                               "print('locked', flush=True); sys.stdin.readline(); c.close()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked):
            Store(db, lock_timeout=0.2).counts()
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert Store(db, lock_timeout=60).counts()["coded"] == 1
    finally:
        holder.stdin.close()
        holder.wait(30)


def test_missing_store_and_foreign_schema(tmp_path):
    with pytest.raises(NoStore):
        Store(tmp_path / "none.duckdb").events()
    db = tmp_path / "old.duckdb"
    run(db, [art("a", LONG)])
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaError):
        run(db, [art("b", "Poland met Ukraine in Warsaw.")])
    with pytest.raises(SchemaError):  # refused for reading too: its columns may mean other things
        Store(db).events()
    # ...and never rewritten.
    assert duckdb.connect(str(db), read_only=True).execute("SELECT article_id FROM articles").fetchall() == [("a",)]
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE accounts (name VARCHAR)")
    con.close()
    with pytest.raises(SchemaError):
        run(foreign, [art("b", "Poland met Ukraine in Warsaw.")])
    assert duckdb.connect(str(foreign), read_only=True).execute("SHOW TABLES").fetchall() == [("accounts",)]


def test_the_in_process_backend_codes_each_article_once(tmp_path, monkeypatch):
    from tocsin import runner

    calls: list[str] = []

    def fake_partition(articles, job=None):
        calls.extend(a.id for a in articles)
        return [code(a) for a in articles]

    monkeypatch.setattr(runner, "code_partition", fake_partition)
    from corpus import make_articles

    arts = [art(r["id"], r["text"]) for r in make_articles(7, seed=4, copy_rate=0, near_rate=0)]
    s = Ingest(Store(tmp_path / "s.duckdb"), runner.InProcess(runner.Job(places=False)), batch_size=3,
               partition_size=2).run(arts)
    assert s.coded == 7 and sorted(calls) == sorted(a.id for a in arts)


def test_copies_commit_as_they_are_read_not_when_coding_work_comes(tmp_path):
    # One coded article, then nothing but copies and skips: no coding work after the first batch.
    # Commits must follow the input, else a kill loses everything read since the first article.
    db = tmp_path / "s.duckdb"
    arts = [art("orig", LONG)] + [art(f"copy{i}", LONG) for i in range(400)]
    committed: list[tuple[int, int]] = []
    store = Store(db)

    def progress(s):
        committed.append((s.read, store.sql("SELECT count(*) AS n FROM articles").n[0]))

    s = Ingest(store, FakeBackend(), batch_size=10, on_progress=progress).run(arts)
    assert (s.coded, s.duplicates) == (1, 400)
    ing = Ingest(store, FakeBackend(), batch_size=10)
    bound = ing.max_in_flight * 10 + 10  # what may be read but not yet committed
    assert all(read - stored <= bound for read, stored in committed), committed


def test_an_event_told_twice_is_one_row_with_two_mentions_and_clusters_count_tellings(tmp_path):
    db = tmp_path / "s.duckdb"
    told_twice = "Russia shelled Ukraine near Kharkiv on 2022-03-20 and shelled it again by night."
    run(db, [art("t1", told_twice, "2022-03-20", "Northern Wire"),
             art("t2", "Russia shelled Ukraine at Kharkiv on 2022-03-20.", "2022-03-20", "Meridian News")])
    st = Store(db)
    ev = st.events().set_index("article_id")
    assert (len(ev), ev.loc["t1"].mentions, ev.loc["t2"].mentions) == (2, 2, 1)
    [c] = st.clusters().itertuples()
    assert (c.num_events, c.num_articles, c.num_mentions) == (2, 2, 3)


def test_a_schema_4_store_gets_its_mentions_from_the_event_records(tmp_path):
    from tocsin.store import schema

    db = tmp_path / "v4.duckdb"
    run(db, [art("t1", "Russia shelled Ukraine near Kharkiv on 2022-03-20 and shelled it again.", "2022-03-20")])
    con = as_schema_6(db)
    con.execute("DROP INDEX events_article")  # as a schema 4 store was written: no mentions column
    con.execute("ALTER TABLE events DROP COLUMN mentions")
    con.execute("CREATE INDEX events_article ON events (article_id)")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    run(db, [art("t2", "Russia threatened Ukraine on 2022-03-19.")])  # a write upgrades it
    s = Store(db)
    assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == schema.SCHEMA_VERSION
    got = dict(s.sql("SELECT article_id, mentions FROM events").itertuples(index=False))
    assert got["t1"] == 2 and got.get("t2", 1) == 1


def test_a_schema_5_store_keeps_its_clusters_and_loses_their_primary_keys(tmp_path):
    from tocsin.store import schema

    db = tmp_path / "v5.duckdb"
    run(db, [art("a", LONG), art("b", "Russia shelled Ukraine near Kharkiv on 2022-03-20.", "2022-03-20")])
    con = as_schema_6(db)
    before = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in ("clusters", "event_clusters")}
    assert before["event_clusters"]
    for t, key in (("clusters", "cluster_id"), ("event_clusters", "event_id")):  # as schema 5 wrote them
        con.execute(f"CREATE TABLE {t}_k AS SELECT * FROM {t}")
        con.execute(f"DROP TABLE {t}")
        con.execute(f"CREATE TABLE {t} AS SELECT * FROM {t}_k LIMIT 0")
        con.execute(f"DROP TABLE {t}_k")
        con.execute(f"ALTER TABLE {t} ADD PRIMARY KEY ({key})")
    for t, rows in before.items():
        con.executemany(f"INSERT INTO {t} VALUES ({','.join(['?'] * len(rows[0]))})", rows)
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()

    def keys() -> int:
        return Store(db).sql("""SELECT count(*) AS n FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'
                                AND table_name IN ('clusters', 'event_clusters')""")["n"][0]

    assert keys() == 2
    s = Store(db)
    with s.writer() as w:  # any write upgrades it; this one writes nothing else
        w.set_meta({})
    assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == schema.SCHEMA_VERSION == "7"
    assert keys() == 0
    with s.reader() as con:
        assert {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in before} == before


def test_a_schema_2_store_is_upgraded_to_one_without_keys_or_indexes_and_keeps_its_rows(tmp_path):
    from tocsin.store import schema

    db = tmp_path / "v2.duckdb"
    run(db, [art("a", LONG), art("b", "Poland and Ukraine signed an agreement in Warsaw on 2022-03-18.")])
    con = as_schema_6(db)
    con.execute("DROP INDEX events_article")  # as a schema 2 store was written
    con.execute("DROP INDEX places_article")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    tables = ("articles", "originals", "events", "places", "minhash", "lsh_bands")
    before = {t: table(db, t, "ALL") for t in tables}
    assert keys_and_indexes(db) == 5
    assert len(Store(db).events(article_id="a")) > 0  # read as it is: older stores are read, not rewritten
    run(db, [art("a", LONG), art("b", "Poland and Ukraine signed an agreement in Warsaw on 2022-03-18.")])
    s = Store(db)
    assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"][0] == schema.SCHEMA_VERSION == "7"
    # No keys; the readers' indexes, built at the run's end.
    assert keys_and_indexes(db) == len(schema.READ_INDEXES)
    # Same rows (the re-run added nothing: ingest decides what is new without the keys), and the
    # tables still take new articles.
    assert {t: table(db, t, "ALL") for t in tables} == before
    run(db, [art("c", "Russia threatened Ukraine on 2022-03-19.")])
    assert set(Store(db).articles()["article_id"]) == {"a", "b", "c"}
    # The lookup the evidence view makes goes through an index rather than scanning the events.
    with Store(db).reader() as con:
        plan = con.execute("EXPLAIN ANALYZE SELECT * FROM events e WHERE e.article_id = ?", ["a"]).fetchall()[0][1]
    assert "Index Scan" in plan, plan


def test_a_writing_run_holds_no_index_and_leaves_the_readers_theirs(tmp_path):
    from tocsin.store import schema

    db = tmp_path / "s.duckdb"
    run(db, [art("a", LONG)])
    names = set(schema.READ_INDEXES)
    seen: list[set[str]] = []
    store = Store(db)

    def progress(_):
        with store.reader() as con:
            seen.append({r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()})

    Ingest(store, FakeBackend(), batch_size=1, on_progress=progress).run(
        [art(f"b{i}", f"Poland met Ukraine in Warsaw on 2022-03-{10 + i}.") for i in range(3)])
    assert seen[0] == set() and seen[-1] == names, seen  # dropped while it writes, there after


def test_the_writers_memory_limit_is_a_setting_and_only_a_size(tmp_path, monkeypatch):
    from tocsin.store import BadStore
    store = Store(tmp_path / "s.duckdb")
    monkeypatch.setenv("TOCSIN_WRITER_MEMORY", "200MB")
    with store.writer() as w:
        limit = w.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert limit.endswith("MiB") and 180 < float(limit.split()[0]) < 200, limit
    monkeypatch.setenv("TOCSIN_WRITER_MEMORY", "1GB'; DROP TABLE articles; --")
    with pytest.raises(BadStore, match="TOCSIN_WRITER_MEMORY"):
        with store.writer():
            pass
    assert table(tmp_path / "s.duckdb", "meta", "key")  # the store is untouched


def test_the_end_of_a_run_gets_at_least_its_floor(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.duckdb")

    def limit(w):
        return float(w.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0].split()[0])
    monkeypatch.delenv("TOCSIN_WRITER_MEMORY", raising=False)
    with store.writer() as w:
        assert 100 < limit(w) < 128  # the default, in MiB
        assert 230 < limit(w.for_end()) < 256
    monkeypatch.setenv("TOCSIN_WRITER_MEMORY", "128MB")
    with store.writer() as w:
        assert 100 < limit(w) < 128  # MiB: what a batch's transaction was given
        assert 230 < limit(w.for_end()) < 256
    monkeypatch.setenv("TOCSIN_WRITER_MEMORY", "1GB")
    with store.writer() as w:
        assert limit(w.for_end()) > 900
