"""The DuckDB schema of the event store, created on first use and versioned in ``meta``.

Tables (docs/store.md has the column by column description):

- ``articles``: every article ingest saw and kept, coded or linked to the one it copies.
- ``events``: one row per coded event, flattened for SQL, plus the exact JSON event record.
- ``places``: place mentions (geoparsing output) with character offsets into the text.
- ``minhash``: one MinHash signature per coded article, so later ingests see earlier texts.
- ``lsh_bands``: the LSH band keys of those signatures; candidates are found by a join, so the
  near-duplicate index lives on disk and ingest memory does not grow with the store.
- ``clusters`` / ``event_clusters``: reports of one real-world event across articles.
- ``meta``: schema version and the MinHash parameters the signatures were made with.
- ``alerts`` / ``alert_evidence`` (schema 2): warnings raised by indicator rules and the escalation
  detector (tocsin.warn), one row per situation, and the events behind each.
- schema 3: indexes of ``events`` and ``places`` by ``article_id``, so an article's events and places
  are found by key (the evidence view, ``/articles/{id}``) instead of by scanning every row.
- schema 4: ``originals`` and ``seq`` on the near-duplicate tables (ingest cost flat in store size).
- schema 5: ``events.mentions``, how often the article tells the event (re-mentions folded into it),
  so GDELT's NumMentions counts tellings, not rows.
- schema 6: ``clusters`` and ``event_clusters`` without primary keys, so that rebuilding them at a
  million events needs memory for one part of the events, not an index of all of them.
- schema 7: no primary key on the tables ingest writes (``articles``, ``originals``, ``events``,
  ``places``, ``minhash``), and their indexes for readers (``READ_INDEXES``) exist only between
  writing runs. DuckDB holds an ART index whole in memory once it is used and cannot evict it below
  its memory limit, so ingest's memory grew with the store. The one writer (the store's run lock)
  keeps keys unique: ingest decides what is new through its in-memory digests of the stored keys
  (``KeyFilter``) and looks the few digest matches up by a scan (docs/hardening.md).

A store written by an older schema is upgraded in place by ``MIGRATIONS`` (in one transaction,
so a failed upgrade leaves it as it was); a newer one is refused, never rewritten.
"""
from __future__ import annotations

import duckdb

SCHEMA_VERSION = "7"

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id   VARCHAR NOT NULL,     -- unique: ingest and import check before they write
        content_hash VARCHAR NOT NULL,
        status       VARCHAR NOT NULL,      -- coded | duplicate | near_duplicate
        duplicate_of VARCHAR,               -- the coded article this one copies
        similarity   DOUBLE,                -- estimated Jaccard with duplicate_of; 1.0 for exact copies
        date         DATE,
        title        VARCHAR,
        url          VARCHAR,
        source       VARCHAR,
        author       VARCHAR,
        language     VARCHAR,
        origin       VARCHAR,
        n_chars      INTEGER NOT NULL,
        n_events     INTEGER,               -- NULL for articles that were not coded
        text         VARCHAR,               -- NULL for exact copies: the original holds it
        seq          BIGINT NOT NULL,       -- ingest order across all runs
        ingested_at  TIMESTAMP NOT NULL
    )""",
    # content_hash -> the article a later exact copy points to (the first stored with that text):
    # one key a text, where an index on articles.content_hash holds one entry a copy, and a lookup
    # of a much-copied text read them all (a million for a million copies).
    """CREATE TABLE IF NOT EXISTS originals (content_hash VARCHAR NOT NULL, article_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id       VARCHAR NOT NULL,     -- unique: article id, sentence and rank
        article_id     VARCHAR NOT NULL,
        sentence_no    INTEGER,
        sentence       VARCHAR NOT NULL,
        span_start     INTEGER NOT NULL,
        span_end       INTEGER NOT NULL,
        is_root        BOOLEAN NOT NULL,    -- in the article's first paragraph (GDELT IsRootEvent)
        date           DATE,                -- first day of the period date_precision names
        date_precision VARCHAR,
        date_from_text BOOLEAN NOT NULL,
        source_text    VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
        target_text    VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
        cameo          VARCHAR NOT NULL,
        cameo_root     VARCHAR NOT NULL,
        goldstein      DOUBLE NOT NULL,
        quad_class     TINYINT NOT NULL,
        plover_type    VARCHAR,
        plover_mode    VARCHAR,
        acled          VARCHAR,
        modality       VARCHAR NOT NULL,
        attributed_to_text VARCHAR, attributed_to_code VARCHAR,
        location_name  VARCHAR, location_country VARCHAR,
        location_lat   DOUBLE, location_lon DOUBLE, location_geonameid BIGINT,
        location_precision VARCHAR,
        confidence     DOUBLE NOT NULL,
        mentions       INTEGER NOT NULL DEFAULT 1,  -- tellings in the article, re-mentions included
        rule           VARCHAR NOT NULL,
        record         VARCHAR NOT NULL     -- the JSON event record, exactly as the coder made it
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR NOT NULL,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        text       VARCHAR NOT NULL,
        name       VARCHAR NOT NULL,
        country    VARCHAR,
        lat        DOUBLE,
        lon        DOUBLE,
        geonameid  BIGINT,
        feature    VARCHAR                  -- one row per (article_id, start, end)
    )""",
    # ``seq`` (the article's) in both: rows are appended in seq order, so a query for the recent
    # window (``seq > cutoff``) reads only the latest row groups (DuckDB's min/max per group).
    """CREATE TABLE IF NOT EXISTS minhash (article_id VARCHAR NOT NULL, signature BLOB NOT NULL, seq BIGINT)""",
    """CREATE TABLE IF NOT EXISTS lsh_bands (band SMALLINT NOT NULL, key UBIGINT NOT NULL,
                                             article_id VARCHAR NOT NULL, seq BIGINT)""",
    # No primary key on the two cluster tables (schema 6): they are rebuilt whole, unique by construction,
    # and a key's index of every row is held in memory by the rebuild's one transaction (docs/hardening.md).
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id     VARCHAR NOT NULL,     -- the event_id of its first report
        source_code    VARCHAR,
        target_code    VARCHAR,
        cameo_root     VARCHAR NOT NULL,
        start_date     DATE,
        end_date       DATE,
        location_name  VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
        num_events     INTEGER NOT NULL,     -- coded events in the cluster
        num_mentions   INTEGER NOT NULL,     -- those events plus their copies in duplicate articles
        num_articles   INTEGER NOT NULL,     -- distinct articles, duplicates included
        num_sources    INTEGER NOT NULL,     -- distinct publishers (URL host when source is unknown)
        first_event_id VARCHAR NOT NULL,
        first_article_id VARCHAR NOT NULL,
        first_url      VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS event_clusters (event_id VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL)""",
)
_CLUSTER_TABLES = {"clusters": DDL[-2], "event_clusters": DDL[-1]}


# Schema 2: alerts, and the coder an event came from (tocsin, or gdelt/acled for imported streams).
ALERT_DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS alerts (
        alert_id     VARCHAR PRIMARY KEY,   -- stable: rule, unit and the day the situation began
        kind         VARCHAR NOT NULL,      -- rule | detector
        rule         VARCHAR NOT NULL,      -- rule id, or the detector's name
        title        VARCHAR NOT NULL,
        unit         VARCHAR NOT NULL,      -- dyad (directed) | pair (either direction) | country
        key          VARCHAR NOT NULL,      -- BLR>UKR, BLR-UKR or BLR
        source       VARCHAR, target VARCHAR, country VARCHAR,
        level        VARCHAR NOT NULL,      -- watch | warning | alert
        level_rank   TINYINT NOT NULL,      -- 1, 2, 3
        score        DOUBLE,
        first_fired  DATE NOT NULL,         -- first day a day-by-day run would have raised it
        last_updated DATE NOT NULL,         -- last day new evidence came in
        window_start DATE NOT NULL,         -- earliest evidence
        window_end   DATE NOT NULL,         -- latest evidence
        reason       VARCHAR NOT NULL,      -- one line
        n_events     INTEGER NOT NULL,
        n_clusters   INTEGER NOT NULL,
        computed_at  TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS alert_evidence (
        alert_id   VARCHAR NOT NULL,
        event_id   VARCHAR NOT NULL,
        part       VARCHAR NOT NULL,        -- the rule condition (or detector) the event satisfied
        cluster_id VARCHAR,
        day        DATE,                    -- event date
        seen       DATE,                    -- first day it could be known (publication date)
        PRIMARY KEY (alert_id, event_id, part)
    )""",
)


def _to_2(con: duckdb.DuckDBPyConnection) -> None:
    _add_coder(con)
    for stmt in ALERT_DDL:
        con.execute(stmt)


# Schema 3: an article's events looked up by key. (DuckDB keeps an ART index in step with every insert
# and delete; at a million events it costs about a second to build and a few percent of the file.)
# Schema 7 drops them: held whole in memory, they made ingest's memory grow with the store.
# DuckDB refuses to ALTER a table an index depends on: a later step that alters ``events`` drops
# ``events_article`` first and creates it again after.
INDEX_DDL: tuple[str, ...] = (
    """CREATE INDEX IF NOT EXISTS events_article ON events (article_id)""",
    # places' key is (article_id, start, end): DuckDB looks a whole key up in it, not its first column.
    """CREATE INDEX IF NOT EXISTS places_article ON places (article_id)""",
)


def _add_coder(con: duckdb.DuckDBPyConnection) -> None:
    if "coder" not in _columns(con, "events"):
        con.execute("ALTER TABLE events ADD COLUMN coder VARCHAR DEFAULT 'tocsin'")


def _to_3(con: duckdb.DuckDBPyConnection) -> None:
    for stmt in INDEX_DDL:
        con.execute(stmt)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                                      [table]).fetchall()}


def _to_4(con: duckdb.DuckDBPyConnection) -> None:
    # Schema 4: ingest's lookups cost the same on a store of any size (docs/hardening.md).
    for table in ("minhash", "lsh_bands"):
        if "seq" not in _columns(con, table):
            con.execute(f"ALTER TABLE {table} ADD COLUMN seq BIGINT")
            con.execute(f"UPDATE {table} t SET seq = a.seq FROM articles a WHERE a.article_id = t.article_id")
    if not con.execute("SELECT count(*) FROM originals").fetchall()[0][0]:
        # What the lookup on articles answered: the first stored row with the text, and what it points to.
        con.execute("""INSERT INTO originals SELECT content_hash, arg_min(coalesce(duplicate_of, article_id), seq)
                       FROM articles GROUP BY content_hash""")
    con.execute("DROP INDEX IF EXISTS articles_hash")


def _to_5(con: duckdb.DuckDBPyConnection) -> None:
    if "mentions" in _columns(con, "events"):
        return
    con.execute("DROP INDEX IF EXISTS events_article")  # DuckDB will not ALTER a table an index depends on
    con.execute("ALTER TABLE events ADD COLUMN mentions INTEGER DEFAULT 1")
    # The JSON record has carried the count since re-mentions were folded; imported streams have none.
    con.execute("""UPDATE events SET mentions = coalesce(TRY_CAST(json_extract(record, '$.mentions') AS INTEGER), 1)
                   WHERE json_extract(record, '$.mentions') IS NOT NULL""")
    con.execute(INDEX_DDL[0])


def _to_6(con: duckdb.DuckDBPyConnection) -> None:
    # Schema 6: the cluster tables lose their primary keys. DuckDB cannot drop a constraint, so each
    # table is made anew under its name and its rows copied over.
    for table, ddl in _CLUSTER_TABLES.items():
        keyed = con.execute("""SELECT count(*) FROM duckdb_constraints() WHERE table_name = ?
                               AND constraint_type = 'PRIMARY KEY'""", [table]).fetchall()[0][0]
        if not keyed:
            continue
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_5")
        con.execute(ddl)
        con.execute(f"INSERT INTO {table} SELECT * FROM {table}_5")
        con.execute(f"DROP TABLE {table}_5")


_WRITTEN_BY_INGEST = ("articles", "originals", "events", "places", "minhash")

# Indexes for readers (the evidence view's events and places of an article, the articles of a page
# of ``/events``): built at the end of each writing run and dropped at its start, so the writer never
# holds them. At a million articles they take ~9 s to build; without them such a lookup scans
# (articles of a page: 0.3 s instead of 25 ms; an article's events: 0.1 s instead of 3 ms).
READ_INDEXES = {"articles_id": "articles (article_id)", "events_id": "events (event_id)",
                "events_article": "events (article_id)", "places_article": "places (article_id)"}


def drop_read_indexes(con: duckdb.DuckDBPyConnection) -> None:
    for name in READ_INDEXES:
        con.execute(f"DROP INDEX IF EXISTS {name}")


def build_read_indexes(con: duckdb.DuckDBPyConnection) -> None:
    for name, on in READ_INDEXES.items():
        con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")


def _to_7(con: duckdb.DuckDBPyConnection) -> None:
    # Schema 7: the tables ingest writes lose their keys and indexes (DuckDB keeps an ART index
    # whole in memory once used). As in schema 6, each keyed table is made anew and its rows copied.
    drop_read_indexes(con)
    for table in _WRITTEN_BY_INGEST:
        keyed = con.execute("""SELECT count(*) FROM duckdb_constraints() WHERE table_name = ?
                               AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')""", [table]).fetchall()[0][0]
        if not keyed:
            continue
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_6")
        con.execute(next(stmt for stmt in DDL if f"EXISTS {table} (" in stmt))
        if table == "events":
            _add_coder(con)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}_6")
        con.execute(f"DROP TABLE {table}_6")
    build_read_indexes(con)


# version -> step that upgrades a store of that version by one
MIGRATIONS = {"1": (_to_2, "2"), "2": (_to_3, "3"), "3": (_to_4, "4"), "4": (_to_5, "5"), "5": (_to_6, "6"),
              "6": (_to_7, "7")}


class SchemaError(RuntimeError):
    """The file is a DuckDB database but not a tocsin store this version can use."""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, upgrade an older store in place; refuse one from a newer tocsin, and a
    DuckDB database that holds other tables (someone else's data is not written into)."""
    if not is_created(con):
        other = con.execute("SELECT count(*) FROM information_schema.tables").fetchall()[0][0]
        if other:
            raise SchemaError("a DuckDB database with other tables, not a tocsin store; give a new file to --db")
    for stmt in DDL:
        con.execute(stmt)
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    version = row[0] if row else None
    if version is None:
        _to_2(con)  # DDL is schema 7's but for the alert tables and ``events.coder``
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        return
    if version == SCHEMA_VERSION:
        return
    if version not in MIGRATIONS:
        raise SchemaError(f"store schema version {version} is not one this tocsin can read or upgrade "
                          f"(it writes {SCHEMA_VERSION})")
    con.execute("BEGIN TRANSACTION")  # all steps or none: a failed upgrade leaves the store as it was
    try:
        while version != SCHEMA_VERSION:
            if version not in MIGRATIONS:
                raise SchemaError(f"store schema version {version} has no upgrade path to {SCHEMA_VERSION}")
            step, version = MIGRATIONS[version]
            step(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def version(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    return row[0] if row else None


def check(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse to read a store of a schema this tocsin does not know (a newer tocsin's): its columns
    may mean other things. Older versions are read; the next write upgrades them."""
    found = version(con)
    if found != SCHEMA_VERSION and found not in MIGRATIONS:
        raise SchemaError(f"store schema version {found} is not one this tocsin can read (it reads "
                          f"{SCHEMA_VERSION})")


def is_created(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0])
