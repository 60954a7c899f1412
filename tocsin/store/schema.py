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
"""
from __future__ import annotations

import duckdb

SCHEMA_VERSION = "1"

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id   VARCHAR PRIMARY KEY,
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
    """CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id       VARCHAR PRIMARY KEY,
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
        feature    VARCHAR,
        PRIMARY KEY (article_id, start, "end")
    )""",
    """CREATE TABLE IF NOT EXISTS minhash (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS lsh_bands (band SMALLINT NOT NULL, key UBIGINT NOT NULL,
                                             article_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id     VARCHAR PRIMARY KEY,  -- the event_id of its first report
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
    """CREATE TABLE IF NOT EXISTS event_clusters (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL)""",
)


class SchemaError(RuntimeError):
    """The file is a DuckDB database but not a tocsin store this version can use."""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables; refuse a store written by an incompatible schema version, and a
    DuckDB database that holds other tables (someone else's data is not written into)."""
    if not is_created(con):
        other = con.execute("SELECT count(*) FROM information_schema.tables").fetchall()[0][0]
        if other:
            raise SchemaError("a DuckDB database with other tables, not a tocsin store; give a new file to --db")
    for stmt in DDL:
        con.execute(stmt)
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif row[0] != SCHEMA_VERSION:
        raise SchemaError(f"store schema version {row[0]} is not {SCHEMA_VERSION}, the one this tocsin writes")


def check(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse to read a store of another schema version (docs/store.md: refused, never rewritten)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not row or row[0][0] != SCHEMA_VERSION:
        found = row[0][0] if row else "none"
        raise SchemaError(f"store schema version {found} is not {SCHEMA_VERSION}, the one this tocsin reads")


def is_created(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0])
