"""The warning layer on sentences coded by tocsin: every default rule fires where it should and stays
silent where it must, the seed pattern, series, the detector, imports, migration and the CLI."""
from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.store import schema
from tocsin.store.store import Store
from tocsin.warn import alerts as A
from tocsin.warn import rules as R

sys.path.insert(0, str(Path(__file__).parent))
import warn_corpus as W  # noqa: E402

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def _ingest(records: list[dict], db: Path) -> Store:
    from tocsin.app import Tocsin

    src = db.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    app_ = Tocsin(store=db)
    app_.ingest([str(src)])
    app_.refresh_alerts()
    return app_.store


@pytest.fixture(scope="module")
def rules_store(tmp_path_factory) -> Store:
    records = [json.loads(line) for line in (DATA / "warn_rules.jsonl").read_text().splitlines() if line.strip()]
    return _ingest(records, tmp_path_factory.mktemp("warn") / "rules.duckdb")


def _fired(store: Store, rule: str) -> dict[str, str]:
    df = store.alerts(rule=rule)
    return dict(zip(df["key"], df["level"]))


# -- every default rule: fires, and must not fire ----------------------------------------------------

def test_downgrade_posture_fires_with_threat_as_alert(rules_store):
    # Azerbaijan recalls its ambassador, masses troops on the border, warns Armenia: within a week.
    assert _fired(rules_store, "downgrade-posture").get("AZE>ARM") == "alert"


def test_downgrade_posture_silent_when_months_apart_or_imagined(rules_store):
    fired = _fired(rules_store, "downgrade-posture")
    assert "SRB>MNE" not in fired  # recall in January, troops in March: not one situation
    assert "HUN>SVK" not in fired  # "could recall ... might send troops": hypothetical


def test_troop_buildup_fires_on_two_moves_to_a_border(rules_store):
    assert "RUS>FIN" in _fired(rules_store, "troop-buildup")


def test_troop_buildup_silent_on_announced_moves(rules_store):
    fired = _fired(rules_store, "troop-buildup")
    assert "RUS>NOR" not in fired  # "will move more troops to the Norwegian border next year"
    assert "SRB>MNE" not in fired  # one deployment is not a build-up


def test_home_front_unrest_fires_in_a_belligerent(rules_store):
    assert "RUS" in _fired(rules_store, "home-front-unrest")


def test_home_front_unrest_silent_in_a_country_at_peace(rules_store):
    assert "FRA" not in _fired(rules_store, "home-front-unrest")  # farmers protesting fuel taxes


def test_mass_violence_fires_on_a_massacre(rules_store):
    assert "BFA" in _fired(rules_store, "mass-violence-civilians")


def test_mass_violence_silent_on_threats(rules_store):
    assert "MLI" not in _fired(rules_store, "mass-violence-civilians")  # threatened to kill: a signal


def test_coup_fires_when_soldiers_detain_the_president(rules_store):
    assert _fired(rules_store, "coup-signals").get("NER") == "alert"


def test_coup_silent_on_loyalty(rules_store):
    assert "GAB" not in _fired(rules_store, "coup-signals")


def test_alerts_cite_evidence_with_sentences(rules_store):
    df = rules_store.alerts(rule="downgrade-posture", dyad="AZE:ARM")
    assert len(df) == 1
    with rules_store.reader() as con:
        ev = A.evidence(con, df["alert_id"].iloc[0])
        text = A.brief(df.iloc[0].to_dict(), ev)
    assert set(ev["part"]) >= {"downgrade", "posture", "threat"}
    assert "recalled its ambassador" in text and "border" in text
    with rules_store.reader() as con:
        (model,) = A.models(con, df)
    assert model.dyad == ("AZE", "ARM") and model.level == "alert" and set(model.evidence) == set(ev["event_id"])


# -- the seed article ------------------------------------------------------------------------------

SEED = Path("/work/shared/mission/seed-article.txt")


@pytest.mark.skipif(not SEED.exists(), reason="the mission's article is not on this machine")
def test_seed_article_alone_raises_blr_ukr_alert(tmp_path):
    from tocsin.app import Tocsin

    app_ = Tocsin(store=tmp_path / "seed.duckdb")
    app_.ingest([str(SEED)], date=date(2022, 3, 21))
    app_.refresh_alerts()
    store = app_.store
    df = store.alerts(dyad="BLR:UKR", rule="downgrade-posture")
    assert len(df) == 1
    with store.reader() as con:
        ev = A.evidence(con, df["alert_id"].iloc[0])
    sentences = " ".join(ev["sentence"])
    assert "recall of Belarus" in sentences and "moving troops" in sentences
    # Nothing from imagined violence: no alert counts a hypothetical or future event as a fact.
    with store.reader() as con:
        bad = con.execute("""SELECT count(*) FROM alert_evidence x JOIN events e USING (event_id)
                             WHERE e.modality IN ('hypothetical', 'future') AND x.part NOT IN ('planned_attack')""").fetchone()[0]
    assert bad == 0
    assert store.alerts(rule="mass-violence-civilians").empty
    assert store.alerts(kind="detector").empty  # one day of news is no baseline


# -- series ----------------------------------------------------------------------------------------

def test_series_counts_clusters_and_keeps_signals_apart(rules_store):
    df = rules_store.series("AZE:ARM", since="2023-05-01", until="2023-05-08")
    assert len(df) == 8 * 5  # every day, every fact
    day = df[(df["day"] == date(2023, 5, 2)) & (df["fact"] == "asserted")].iloc[0]
    assert day["r16"] == 1 and day["conflict"] >= 1
    hun = rules_store.series("HUN:SVK", since="2023-06-01", until="2023-06-01")
    assert hun[hun["fact"] == "hypothetical"]["clusters"].sum() >= 1
    assert hun[hun["fact"].isin(["asserted", "reported"])]["clusters"].sum() == 0


# -- the rule language -----------------------------------------------------------------------------

def test_rule_errors_name_the_rule_and_field():
    with pytest.raises(R.RuleError, match="rule 'x'.*window"):
        R.parse({"rules": [{"id": "x", "window": "soon", "all": ["a"], "conditions": {"a": {"cameo": ["15"]}}}]})
    with pytest.raises(R.RuleError, match="'b' is not one of its conditions"):
        R.parse({"rules": [{"id": "x", "all": ["b"], "conditions": {"a": {"cameo": ["15"]}}}]})
    with pytest.raises(R.RuleError, match="cameo '99'"):
        R.parse({"rules": [{"id": "x", "all": ["a"], "conditions": {"a": {"cameo": ["99"]}}}]})
    assert len(R.load()) >= 5


def test_sequence_after(rules_store):
    # posture only counts on or after the downgrade: Azerbaijan recalled first, moved troops after.
    spec = {"rules": [{"id": "seq", "unit": "dyad", "window": 14, "all": ["downgrade", "posture"],
                       "conditions": {"downgrade": {"cameo": ["16"]}, "posture": {"cameo": ["15"], "after": "downgrade"}}},
                      {"id": "rev", "unit": "dyad", "window": 14, "all": ["downgrade", "posture"],
                       "conditions": {"posture": {"cameo": ["15"]}, "downgrade": {"cameo": ["16"], "after": "posture"}}}]}
    with rules_store.reader() as con:
        a, _ = A.compute(con, R.parse(spec), detector=False)
    got = set(zip(a["rule"], a["key"]))
    assert ("seq", "AZE>ARM") in got and ("rev", "AZE>ARM") not in got


# -- detector and backtest on a coded news stream -------------------------------------------------

@pytest.fixture(scope="module")
def escalation_store(tmp_path_factory) -> Store:
    recs = W.news(date(2023, 3, 1), 35, 6, pairs=("ARM-AZE", "FRA-DEU"), escalating="ARM-AZE")
    return _ingest(recs, tmp_path_factory.mktemp("warn") / "esc.duckdb")


def test_escalation_alerts_within_three_days_and_quiet_pair_silent(escalation_store):
    df = escalation_store.alerts()
    start = date(2023, 4, 5)
    aze = df[df["key"].str.contains("AZE") & (df["first_fired"] >= start)]
    assert not aze.empty and (aze["first_fired"].min() - start).days <= 3
    assert df[df["first_fired"] < start].empty  # nothing in the quiet weeks
    assert df[df["key"].str.contains("FRA|DEU")].empty


def test_as_of_sees_nothing_from_the_future(escalation_store):
    with escalation_store.reader() as con:
        before, _ = A.compute(con, as_of="2023-04-04")
        later, _ = A.compute(con)
    assert before.empty and not later.empty


# -- imports ---------------------------------------------------------------------------------------

def test_gdelt_import_idempotent_bad_rows_reported_and_detected(tmp_path):
    lines = W.gdelt_stream(date(2023, 1, 1), 60, 5, seed=5)
    f = tmp_path / "20230101.export.CSV"
    f.write_text("\n".join(lines[:len(lines) // 2] + ["not\ta\tgdelt\tline"] + lines[len(lines) // 2:]) + "\n")
    db = tmp_path / "g.duckdb"
    r = runner.invoke(app, ["import", str(f), "--format", "gdelt", "--db", str(db)])
    assert r.exit_code == 1 and f"{f}:{len(lines) // 2 + 1}" in r.output
    n = Store(db).counts()["events"]
    assert n == len(lines)
    runner.invoke(app, ["import", str(f), "--format", "gdelt", "--db", str(db)])
    assert Store(db).counts()["events"] == n
    df = Store(db).alerts(kind="detector")
    fired = df[df["key"] == "RUS>UKR"]
    assert not fired.empty and fired["first_fired"].min() >= date(2023, 3, 2)
    assert (fired["first_fired"].min() - date(2023, 3, 2)).days <= 3
    ev = Store(db).events(dyad="RUS:UKR", limit=1)
    assert ev["url"].iloc[0].startswith("https://")


def test_acled_import_maps_types_actors_and_keeps_notes(tmp_path):
    rows = [dict(event_id_cnty="UKR1", event_date="2022-03-01", event_type="Battles", sub_event_type="Armed clash",
                 actor1="Military Forces of Russia (2000-)", inter1="8", actor2="Military Forces of Ukraine (2019-)",
                 inter2="1", country="Ukraine", location="Kharkiv", latitude="49.98", longitude="36.25",
                 geo_precision="1", source="Ukrainska Pravda", notes="Russian forces clashed with Ukrainian forces in Kharkiv."),
            dict(event_id_cnty="BLR1", event_date="06 March 2022", event_type="Protests", sub_event_type="Peaceful protest",
                 actor1="Protesters (Belarus)", inter1="Protesters", country="Belarus", location="Minsk",
                 latitude="53.9", longitude="27.56", notes="Anti-war protest in Minsk."),
            dict(event_id_cnty="BAD1", event_date="yesterday", sub_event_type="Armed clash", country="Ukraine"),
            dict(event_id_cnty="X1", event_date="2022-03-02", sub_event_type="Change to group/activity", country="Ukraine")]
    f = tmp_path / "acled.csv"
    f.write_text(W.acled_csv(rows))
    db = tmp_path / "a.duckdb"
    r = runner.invoke(app, ["import", str(f), "--format", "acled", "--db", str(db)])
    assert r.exit_code == 1 and "event_date 'yesterday'" in r.output
    ev = Store(db).events()
    clash = ev[ev["article_id"] == "acled:UKR1"].iloc[0]
    assert clash["cameo"] == "190" and clash["source_country"] == "RUS" and clash["target_country"] == "UKR"
    assert clash["target_sector"] == "MIL" and clash["sentence"].startswith("Russian forces clashed")
    assert clash["coder"] == "acled"
    protest = ev[ev["article_id"] == "acled:BLR1"].iloc[0]
    assert protest["cameo"] == "141" and protest["source_code"] == "BLRCVL"
    assert len(ev) == 3  # the strategic development too, as tocsin's ACLED table maps it
    assert ev[ev["article_id"] == "acled:X1"]["cameo"].iloc[0] == "154"
    # The home front: protests in Belarus, no fighting: no alert.
    assert Store(db).alerts(rule="home-front-unrest").empty


# -- migration and CLI -----------------------------------------------------------------------------

def test_schema_1_store_is_upgraded_in_place(rules_store, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(rules_store.path, db)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE alert_evidence")
    con.execute("DROP TABLE alerts")
    schema.drop_read_indexes(con)  # schema 7's
    con.execute("ALTER TABLE events DROP COLUMN coder")
    con.execute("ALTER TABLE events ADD PRIMARY KEY (event_id)")  # schemas 1 to 6 had keys
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    r = runner.invoke(app, ["alerts", "--db", str(db), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    s = Store(db)
    assert s.counts()["events"] == n
    assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")["value"].iloc[0] == schema.SCHEMA_VERSION
    assert not s.alerts().empty


def test_cli_series_formats_and_bad_input(rules_store, tmp_path):
    db = rules_store.path
    r = runner.invoke(app, ["series", "--dyad", "AZE:ARM", "--db", db, "-f", "csv", "--since", "2023-05-01",
                            "--until", "2023-05-03"])
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("key,day,fact")
    png = tmp_path / "s.png"
    r = runner.invoke(app, ["series", "--dyad", "AZE:ARM", "--db", db, "-f", "png", "-o", str(png)])
    assert r.exit_code == 0 and png.read_bytes()[:4] == b"\x89PNG"
    html = tmp_path / "s.html"
    r = runner.invoke(app, ["series", "--dyad", "AZE:ARM", "--db", db, "-f", "html", "-o", str(html)])
    page = html.read_text()
    assert r.exit_code == 0 and "<svg" in page and "downgrade-posture" in page and "http" not in page.split("<svg")[0]
    for args in (["series", "--dyad", "AZE-ARM"], ["series", "--dyad", "AZE:ARM", "--since", "May"],
                 ["alerts", "--level", "loud"], ["series", "--country", "Armenia"]):
        r = runner.invoke(app, args + ["--db", db])
        assert r.exit_code == 2 and "Traceback" not in r.output, args
    r = runner.invoke(app, ["alerts", "--db", db, "--format", "brief", "--level", "alert"])
    assert r.exit_code == 0 and "[ALERT]" in r.output


def test_watch_once_reports_new_alerts(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    recs = [json.loads(line) for line in (DATA / "warn_rules.jsonl").read_text().splitlines() if "aze-" in line]
    for rec in recs:
        (src / f"{rec['id']}.json").write_text(json.dumps(rec))
    db = tmp_path / "w.duckdb"
    r = runner.invoke(app, ["watch", str(src), "--db", str(db), "--once"])
    assert r.exit_code == 0 and "NEW [alert] AZE>ARM downgrade-posture" in r.output
    r = runner.invoke(app, ["watch", str(src), "--db", str(db), "--once"])
    assert r.exit_code == 0 and "NEW" not in r.output


@pytest.mark.parametrize("unit, dyad, country", [("dyad", "RUS:FIN", None), ("pair", "FIN:RUS", None),
                                                 ("dyad", "AZE:ARM", None), ("dyad", "RUS:", None),
                                                 ("dyad", "AZEMIL:ARM", None), ("country", None, "FIN")])
def test_a_series_built_from_its_keys_events_only_equals_one_from_the_whole_store(rules_store, unit, dyad, country):
    # Store.series builds the frame from the events the key can match (series.prefilter); that must
    # change nothing, implied targets (troops moved to the Finnish border) included.
    from tocsin.warn import frame
    from tocsin.warn import series as S

    with rules_store.reader() as con:
        whole = S.compute(con, unit=unit, dyad=dyad, country=country, base=frame.build(con, "_whole"))
        some = S.compute(con, unit=unit, dyad=dyad, country=country)
    assert len(whole) > 0 and whole["clusters"].sum() > 0
    assert whole.reset_index(drop=True).equals(some.reset_index(drop=True))
