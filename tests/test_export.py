"""Exports load back: GDELT 2.0 column order, Parquet through DuckDB, PLOVER records against the field list."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from fake_coder import FakeBackend
from tocsin.model import Article
from tocsin.store import Store, export
from tocsin.store.loader import Ingest

ROOT = Path(__file__).resolve().parents[1]

# GDELT 2.0 Event Codebook, in order: a second, independent spelling of the list the exporter uses.
GDELT_2 = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode
Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code
Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode
EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type
Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    db = tmp_path_factory.mktemp("export") / "s.duckdb"
    texts = [("a", "Belarus recalled its ambassador to Ukraine in Kyiv on 2022-03-17.\n\nMore later.", "Northern Wire"),
             ("b", "Russia shelled Ukraine near Kharkiv on 2022-03-20. Russia praised Belarus.", "Daily Ledger"),
             ("c", "Poland and Ukraine signed an agreement in Warsaw on 2022-04-02.", None),
             ("d", "Belarus denied it shelled Ukraine on 2022-04-05.", "Meridian News")]
    arts = [Article(id=i, text=t, date=date(2022, 3, 17), source=s, url=f"https://news.example/{i}") for i, t, s in texts]
    Ingest(Store(db), FakeBackend()).run(arts)
    return Store(db)


def test_gdelt_tsv_has_the_gdelt_2_columns_in_order(store, tmp_path):
    assert list(export.GDELT_COLUMNS) == GDELT_2 and len(GDELT_2) == 61
    out = tmp_path / "events.tsv"
    n = export.write(store, "gdelt", path=out)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_2, dtype=str, keep_default_na=False)
    assert len(df) == n == len(store.events())
    rec = df[df.EventCode == "161"].iloc[0]
    assert (rec.SQLDATE, rec.MonthYear, rec.Year) == ("20220317", "202203", "2022")
    assert (rec.Actor1Code, rec.Actor1CountryCode, rec.Actor1Type1Code, rec.Actor2Code) == ("BLRGOV", "BLR", "GOV", "UKR")
    assert (rec.EventBaseCode, rec.EventRootCode, rec.QuadClass, rec.IsRootEvent) == ("161", "16", "3", "1")
    assert float(rec.GoldsteinScale) == -4.0 and rec.SOURCEURL == "https://news.example/a"
    assert (rec.ActionGeo_FullName, rec.ActionGeo_CountryCode, rec.ActionGeo_FeatureID) == ("Kyiv", "UP", "703448")
    assert rec.ActionGeo_Type == "4" and len(rec.DATEADDED) == 14
    assert df.GLOBALEVENTID.str.isdigit().all() and df.GLOBALEVENTID.is_unique
    # Stable: a second export gives the same ids.
    again = io.StringIO()
    export.write(store, "gdelt", out=again)
    assert [line.split("\t")[0] for line in again.getvalue().splitlines()] == list(df.GLOBALEVENTID)


def test_parquet_reads_back_with_duckdb(store, tmp_path):
    out = tmp_path / "events.parquet"
    n = export.write(store, "parquet", path=out, root="19")
    back = duckdb.sql(f"SELECT event_id, cameo_root, modality FROM read_parquet('{out}') ORDER BY event_id").fetchall()
    assert n == len(back) == 2
    assert {r[1] for r in back} == {"19"} and {r[2] for r in back} == {"asserted", "negated"}
    cols = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out}')").df()
    assert {"event_id", "source_code", "target_code", "date", "num_mentions", "url"} <= set(cols.column_name)


def test_plover_records_validate_against_the_documented_fields(store):
    out = io.StringIO()
    n = export.write(store, "plover", out=out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(recs) == len(store.events()) - 1  # "praised" (051) has no PLOVER type in the fake coder
    for r in recs:
        assert export.validate_plover(r) == [], r
    recall = next(r for r in recs if r["cameo"] == "161")
    assert (recall["event_type"], recall["event_mode"], recall["actor_code"], recall["recipient_country"]) == \
        ("SANCTION", "withdraw", "BLRGOV", "UKR")
    assert export.validate_plover({**recall, "quad_code": "3"}) == ["quad_code: '3' is not integer"]
    assert "missing field 'event_type'" in export.validate_plover({k: v for k, v in recall.items() if k != "event_type"})
    # docs/store.md documents exactly these fields.
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for field in export.PLOVER_FIELDS:
        assert f"`{field}`" in doc


def test_jsonl_and_csv_carry_every_event(store):
    out = io.StringIO()
    export.write(store, "jsonl", out=out, actor="BLR")
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["article_id"] for r in recs) == ["a", "b", "d"]
    assert {"event_id", "span", "source", "target", "plover", "location", "confidence", "rule"} <= set(recs[0])
    out = io.StringIO()
    export.write(store, "csv", out=out, modality="negated")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["article_id"] for r in rows] == ["d"] and rows[0]["cameo"] == "195"


def tocsin(*args):
    return subprocess.run([sys.executable, "-m", "tocsin", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_events_command_exports_and_refuses_bad_filters(store, tmp_path):
    out = tmp_path / "x.tsv"
    r = tocsin("events", "--db", store.path, "--dyad", "RUS:UKR", "--format", "gdelt", "-o", out)
    assert r.returncode == 0, r.stderr
    assert len(out.read_text().splitlines()) == 1 and "1 event(s)" in r.stderr
    r = tocsin("events", "--db", store.path, "--format", "plover")
    assert r.returncode == 0 and all(json.loads(x)["event_type"] for x in r.stdout.splitlines())
    r = tocsin("events", "--db", store.path, "--actor", "BLR")  # the terminal table, with empty fields
    assert r.returncode == 0 and "BLRGOV" in r.stdout and "SANCTION" in r.stdout, r.stderr
    r = tocsin("events", "--db", store.path, "--root", "42")
    assert r.returncode == 2 and "CAMEO root '42'" in r.stderr and "Traceback" not in r.stderr
    r = tocsin("events", "--db", store.path, "--format", "parquet")
    assert r.returncode == 2 and "-o" in r.stderr
    r = tocsin("events", "--db", tmp_path / "missing.duckdb")
    assert r.returncode == 2 and "no store" in r.stderr
    assert not (tmp_path / "missing.duckdb").exists()
