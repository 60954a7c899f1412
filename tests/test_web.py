"""The web API on a small real store: filters, pages, evidence spans, series, actors, POST /code, errors."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import web_store
from tocsin.web import create_app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    web_store.build(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, pipeline_factory=web_store.pipeline)) as c:
        yield c


def all_events(client, **params) -> list[dict]:
    r = client.get("/events", params={**params, "limit": 500})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["events"])
    return body["events"]


def test_events_filter_by_dyad_root_modality_and_dates(client):
    every = all_events(client)
    assert len(every) >= 20
    dyad = all_events(client, dyad="BLR:UKR")
    assert dyad and all(e["source_code"].startswith("BLR") and e["target_code"].startswith("UKR") for e in dyad)
    assert len(dyad) == sum(1 for e in every if (e["source_code"] or "").startswith("BLR")
                            and (e["target_code"] or "").startswith("UKR"))
    conflict = all_events(client, root="18,19")
    assert conflict and {e["cameo_root"] for e in conflict} <= {"18", "19"}
    asserted = all_events(client, modality="asserted")
    assert 0 < len(asserted) < len(every) and {e["modality"] for e in asserted} == {"asserted"}
    april = all_events(client, since="2022-04-01", until="2022-04-10")
    assert april and all("2022-04-01" <= e["date"] <= "2022-04-10" for e in april)
    both = all_events(client, actor=["PAK", "IND"])
    assert both and all({(e["source_code"] or "")[:3], (e["target_code"] or "")[:3]} >= {"PAK", "IND"} for e in both)
    placed = all_events(client, country="SDN")
    assert placed and {e["location_country"] for e in placed} == {"SDN"}


def test_pages_are_stable_and_cover_everything_once(client):
    whole = [e["event_id"] for e in all_events(client, order="oldest")]
    paged = []
    for offset in range(0, len(whole) + 7, 7):
        r = client.get("/events", params={"order": "oldest", "limit": 7, "offset": offset})
        paged += [e["event_id"] for e in r.json()["events"]]
    assert paged == whole and len(set(paged)) == len(paged)
    newest = [e["date"] for e in all_events(client)]
    assert newest == sorted(newest, reverse=True)


@pytest.mark.parametrize("url, words", [
    ("/events?root=99", "CAMEO root"), ("/events?since=yesterday", "YYYY-MM-DD"), ("/events?dyad=BLR", "SOURCE:TARGET"),
    ("/events?modality=maybe", "modality"), ("/events?limit=0", "limit"), ("/events?limit=100000", "limit"),
    ("/events?offset=-1", "offset"), ("/events?order=random", "order"), ("/events?country=U1", "alpha-3"),
    ("/events?quad_class=7", "quad_class"), ("/timeline?interval=hour", "interval"), ("/clusters?min_articles=0", "min_articles"),
    ("/actors?until=2022-13-40", "YYYY-MM-DD"),
])
def test_bad_parameters_get_a_4xx_with_a_clear_message(client, url, words):
    r = client.get(url)
    assert r.status_code == 422
    assert words in r.json()["detail"]


def test_unknown_ids_are_404(client):
    assert client.get("/articles/no-such-article").status_code == 404
    r = client.get("/events/no:such:event")
    assert r.status_code == 404 and "no event" in r.json()["detail"]


def test_article_marks_the_sentence_and_predicate_of_each_event(client):
    art = client.get("/articles/w1").json()
    assert art["title"].startswith("Belarus recalls envoy") and art["events"]
    text = art["text"]
    by_id = {e["event_id"]: e for e in art["events"]}
    sentences = [m for m in art["marks"] if m["kind"] == "sentence"]
    assert {m["event_id"] for m in sentences} == set(by_id)
    for m in sentences:
        assert text[m["start"]:m["end"]] == by_id[m["event_id"]]["sentence"]
    for m in art["marks"]:
        if m["kind"] == "predicate":
            e = by_id[m["event_id"]]
            assert e["sentence_start"] <= m["start"] < m["end"] <= e["sentence_end"]
    one = client.get(f"/events/{art['events'][0]['event_id']}").json()
    assert json.loads(one["record"])["event_id"] == one["event_id"] and one["title"] == art["title"]


def test_timeline_counts_add_up_to_the_dated_events(client):
    every = all_events(client)
    for interval in ("day", "week", "month"):
        pts = client.get("/timeline", params={"interval": interval}).json()["points"]
        assert sum(p["events"] for p in pts) == sum(1 for e in every if e["date"])
        assert all(p["events"] == p["q1"] + p["q2"] + p["q3"] + p["q4"] for p in pts)
    dyad = client.get("/timeline", params={"dyad": "BLR:UKR"}).json()["points"]
    assert sum(p["events"] for p in dyad) == len(all_events(client, dyad="BLR:UKR"))


@pytest.mark.parametrize("params, cli", [
    ({"dyad": "BLR:UKR"}, ["--dyad", "BLR:UKR"]),
    ({"dyad": "UKR:BLR", "pair": "true", "since": "2022-03-01", "until": "2022-05-31"},
     ["--dyad", "UKR:BLR", "--pair", "--since", "2022-03-01", "--until", "2022-05-31"]),
    ({"country": "SDN"}, ["--country", "SDN"]),
])
def test_series_is_the_warning_layers_series_as_the_cli_gives_it(client, db, params, cli):
    from typer.testing import CliRunner

    from tocsin.cli import app

    body = client.get("/series", params=params).json()
    out = CliRunner().invoke(app, ["series", *cli, "--format", "jsonl", "--db", str(db)])
    assert out.exit_code == 0, out.output
    want = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert body["rows"] and len(body["rows"]) == len(want)
    for got, exp in zip(body["rows"], want):
        assert got["day"] == exp["day"][:10] and got["key"] == exp["key"] and got["fact"] == exp["fact"]
        assert {k: got[k] for k in ("clusters", "events", "conflict", "q4", "r19")} == \
               {k: exp[k] for k in ("clusters", "events", "conflict", "q4", "r19")}
        assert got["goldstein_sum"] == pytest.approx(exp["goldstein_sum"])
    assert body["key"] == want[0]["key"] and sum(r["clusters"] for r in body["rows"]) > 0
    # A window is cut from the same days, and fill=false keeps only days with events.
    sparse = client.get("/series", params={**params, "fill": "false"}).json()["rows"]
    assert sparse and all(r["clusters"] > 0 for r in sparse)
    assert {(r["day"], r["fact"]) for r in sparse} == {(r["day"], r["fact"]) for r in body["rows"] if r["clusters"]}


@pytest.mark.parametrize("params, words", [
    ({}, "give dyad"), ({"dyad": "BLR:UKR", "country": "UKR"}, "not both"), ({"country": "U1"}, "alpha-3"),
    ({"country": "UKR", "pair": "true"}, "pair"), ({"dyad": "BLR"}, "SOURCE:TARGET"),
    ({"dyad": "BLR:UKR", "since": "2022-05-01", "until": "2022-04-01"}, "after"),
])
def test_series_refuses_what_the_cli_refuses(client, params, words):
    r = client.get("/series", params=params)
    assert r.status_code == 422 and words in r.json()["detail"]


def test_actors_network_and_geo_agree_with_the_events(client):
    every = all_events(client)
    actors = {a["code"]: a for a in client.get("/actors", params={"limit": 500}).json()["actors"]}
    for code, a in actors.items():
        assert a["as_source"] == sum(e["source_code"] == code for e in every)
        assert a["as_target"] == sum(e["target_code"] == code for e in every)
    edges = client.get("/network", params={"limit": 500}).json()["edges"]
    assert sum(x["events"] for x in edges) == sum(1 for e in every if e["source_code"] and e["target_code"])
    geo = client.get("/geo").json()
    by_country = {c["iso3"]: c for c in geo["countries"]}
    assert by_country["UKR"]["numeric"] == "804"
    assert by_country["UKR"]["events"] == sum(e["location_country"] == "UKR" for e in every)


def test_clusters_page(client):
    body = client.get("/clusters", params={"limit": 5}).json()
    assert body["total"] >= len(body["clusters"]) > 0
    assert all(c["num_articles"] >= 1 and c["sentence"] for c in body["clusters"])


def test_dashboard_and_its_assets_are_served_by_the_app(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/d3/d3.min.js",
                  "/static/vendor/topojson-client/topojson-client.min.js",
                  "/static/vendor/world-atlas/countries-110m.json"):
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text


def test_post_code_codes_a_text(client):
    r = client.post("/code", json={"text": "Belarus recalled its ambassador to Ukraine on Thursday.",
                                   "date": "2022-03-21", "id": "x1"})
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert any(e["cameo"].startswith("16") and e["source"]["code"].startswith("BLR") for e in events)
    assert all(e["article_id"] == "x1" for e in events)
    assert client.post("/code", json={"text": "x" * 100_001}).status_code == 413
    assert client.post("/code", json={"text": "Hi.", "date": "March"}).status_code == 422
    assert client.post("/code", json={"txt": "Hi."}).status_code == 422


def test_post_code_needs_a_token_beyond_localhost(db):
    app = create_app(db, host="0.0.0.0", token="s3cret", pipeline_factory=web_store.pipeline)
    with TestClient(app) as c:
        body = {"text": "Russia shelled Kharkiv.", "date": "2022-03-21"}
        assert c.post("/code", json=body).status_code == 401
        assert c.post("/code", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/code", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/events").status_code == 200  # reading needs no token
    assert create_app(db, host="0.0.0.0").state.token  # made up when none is given
    assert create_app(db, host="127.0.0.1").state.token is None


class _Gate:
    """A pipeline that codes nothing until released: shows how many texts are coded at once."""

    def __init__(self):
        self.release = threading.Event()
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def run(self, articles):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        self.release.wait(10)
        with self.lock:
            self.running -= 1
        from tocsin.pipeline import Coded
        return iter([Coded(a) for a in articles])


def test_post_code_work_is_bounded(db):
    gate = _Gate()
    app = create_app(db, code_concurrency=2, code_queue=1, pipeline_factory=lambda: gate)
    codes: list[int] = []
    with TestClient(app) as c:
        def post():
            codes.append(c.post("/code", json={"text": "Hello."}).status_code)

        threads = [threading.Thread(target=post) for _ in range(6)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 10
        while len(codes) < 3 and time.monotonic() < deadline:  # 2 coding + 1 waiting; 3 turned away
            time.sleep(0.02)
        assert sorted(codes) == [503, 503, 503]
        assert c.get("/stats").status_code == 200  # reads go on while the coder is full
        gate.release.set()
        for t in threads:
            t.join(10)
    assert sorted(codes) == [200, 200, 200, 503, 503, 503] and gate.most == 2


def test_serving_while_ingest_writes_the_same_store(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from corpus import make_articles

    db = tmp_path / "live.duckdb"
    web_store.build(db)
    more = tmp_path / "more.jsonl"
    with more.open("w") as f:
        for rec in make_articles(120, seed=7, copy_rate=0, near_rate=0):
            f.write(json.dumps(rec) + "\n")
    seen, statuses = [], []
    with TestClient(create_app(db, lock_timeout=60)) as c:
        before = c.get("/stats").json()["articles"]
        proc = subprocess.Popen([sys.executable, "-m", "tocsin", "ingest", str(more), "--db", str(db),
                                 "--batch-size", "16", "--no-places"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while proc.poll() is None:
            for url in ("/stats", "/events?limit=20", "/timeline?interval=week", "/series?country=UKR"):
                r = c.get(url)
                statuses.append(r.status_code)
                if url == "/stats" and r.status_code == 200:
                    seen.append(r.json()["articles"])
            time.sleep(0.05)
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        after = c.get("/stats").json()
    assert set(statuses) == {200}, statuses
    assert after["articles"] == before + 120
    assert len(set(seen)) > 2, seen  # the server saw the store grow while ingest ran


def test_alerts_read_what_is_stored_and_refuse_bad_filters(client):
    body = client.get("/alerts").json()
    assert isinstance(body["alerts"], list)
    assert client.get("/alerts/no-such-alert").status_code == 404
    assert client.get("/alerts", params={"level": "panic"}).status_code == 422
    assert client.get("/alerts", params={"since": "soon"}).status_code == 422


@pytest.fixture(scope="module")
def alert_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web-alerts") / "alerts.duckdb"
    web_store.build_with_alerts(path)
    return path


def test_alerts_come_with_their_evidence(alert_db):
    from tocsin.store import Store

    stored = Store(alert_db).alerts()
    assert len(stored) > 0  # the rule sentences raise alerts: the test has something to show
    with TestClient(create_app(alert_db)) as c:
        body = c.get("/alerts").json()["alerts"]
        assert {a["alert_id"] for a in body} == set(stored["alert_id"])
        dates = [a["last_updated"] for a in body]
        assert dates == sorted(dates, reverse=True)
        # Azerbaijan recalled its envoy, massed troops at the border and threatened Armenia within a week.
        aze = [a for a in body if a["rule"] == "downgrade-posture" and a["key"] == "AZE>ARM"]
        assert aze and aze[0]["level"] == "alert"
        ev = aze[0]["evidence"]
        assert {e["article_id"] for e in ev} >= {"aze-1", "aze-2", "aze-3"}
        threat = next(e for e in ev if e["article_id"] == "aze-3")
        assert "respond with force" in threat["sentence"] and threat["modality"] and threat["cameo"]
        for a in body:  # every alert's evidence is what the store holds for it
            held = Store(alert_db).sql("SELECT event_id, part FROM alert_evidence WHERE alert_id = ?", [a["alert_id"]])
            assert {(e["event_id"], e["part"]) for e in a["evidence"]} == set(zip(held["event_id"], held["part"]))
        one = c.get(f"/alerts/{aze[0]['alert_id']}").json()
        assert one["evidence"] == ev and one["reason"] == aze[0]["reason"]
        assert all("evidence" not in a or a["evidence"] is None for a in c.get("/alerts?evidence=false").json()["alerts"])
        assert [a["key"] for a in c.get("/alerts", params={"dyad": "AZE:ARM"}).json()["alerts"]] == \
               [a["key"] for a in body if a["source"] == "AZE" and a["target"] == "ARM"]


def test_a_store_of_a_newer_tocsin_is_refused_with_a_clear_error(tmp_path):
    import duckdb

    db = tmp_path / "newer.duckdb"
    web_store.build(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with TestClient(create_app(db)) as c:
        for url in ("/events", "/stats", "/series?country=UKR", "/alerts"):
            r = c.get(url)
            assert r.status_code == 503 and "schema version 99" in r.json()["detail"], (url, r.text)
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with TestClient(create_app(foreign)) as c:
        r = c.get("/events")
        assert r.status_code == 503 and "not a tocsin store" in r.json()["detail"]
    out = subprocess.run([sys.executable, "-m", "tocsin", "serve", "--db", str(db), "--port", "0"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0 and "schema version 99" in out.stderr and "Traceback" not in out.stderr


def _write(db: Path, code: str) -> None:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_an_answer_asked_again_is_the_bytes_kept_until_the_store_changes(db, tmp_path):
    import shutil

    copy = tmp_path / "memo.duckdb"
    shutil.copy(db, copy)
    app = create_app(copy)
    reader = app.state.reader
    with TestClient(app) as c:
        c.get("/stats")  # opens the store: answers made while it was closed are not kept (its state was unknown)
        first = c.get("/timeline", params={"interval": "month"})
        hits = reader.hits
        again = c.get("/timeline", params={"interval": "month"})
        assert again.status_code == 200 and again.content == first.content and reader.hits == hits + 1
        assert again.headers["content-type"] == "application/json"
        for _ in range(2):  # refusals are not kept
            assert c.get("/timeline", params={"interval": "fortnight"}).status_code == 422
        assert reader.hits == hits + 1
        before = c.get("/stats").json()
        _write(copy, "from tocsin.store import Store\n"
                     f"with Store({str(copy)!r}).writer() as w:\n"
                     "    w.con.execute(\"INSERT INTO events SELECT * REPLACE (event_id || '-again' AS event_id) "
                     "FROM events\")\n")
        after = c.get("/stats").json()
        assert after["events"] == 2 * before["events"]
        months = c.get("/timeline", params={"interval": "month"}).json()["points"]
        assert [p["events"] for p in months] == [2 * p["events"] for p in first.json()["points"]]


def test_answers_kept_hold_while_the_server_idles_and_not_after_a_write(db, tmp_path):
    import shutil

    copy = tmp_path / "idle.duckdb"
    shutil.copy(db, copy)
    app = create_app(copy)
    reader = app.state.reader
    reader.idle = 0.1  # let go of the file soon after the last query
    with TestClient(app) as c:
        c.get("/stats")
        first = c.get("/network").content
        deadline = time.monotonic() + 10
        while reader._con is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert reader._con is None  # the file is let go of...
        hits = reader.hits
        assert c.get("/network").content == first and reader.hits == hits + 1
        assert reader._con is None  # ...and the answer came without opening it again
        _write(copy, "from tocsin.store import Store\n"
                     f"with Store({str(copy)!r}).writer() as w:\n"
                     "    w.con.execute(\"INSERT INTO events SELECT * REPLACE (event_id || '-again' AS event_id) "
                     "FROM events\")\n")
        edges = c.get("/network").json()["edges"]
        assert [e["events"] for e in edges] == [2 * e["events"] for e in json.loads(first)["edges"]]


def _series_rows(client, **params) -> list[dict]:
    r = client.get("/series", params=params)
    assert r.status_code == 200, r.text
    return r.json()["rows"]


def test_series_of_countries_are_cut_from_every_keys_days_and_follow_the_store(db, tmp_path):
    """A country's or a dyad's of countries series comes from warn's day rows of every key, made once per
    store state: the same rows as the store's own series of that one key, and made again after a write."""
    import shutil

    from tocsin.store import Store

    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    asks = [dict(country="UKR"), dict(dyad="BLR:UKR"), dict(dyad="UKR:BLR", pair="true"),
            dict(dyad="RUS:UKR", since="2022-03-01", until="2022-04-15")]

    def expected(store, ask):
        df = store.series(dyad=ask.get("dyad"), country=ask.get("country"), unit="pair" if ask.get("pair") else None,
                          since=ask.get("since"), until=ask.get("until"), fill=True)
        return [(str(d)[:10], f, int(n)) for d, f, n in zip(df["day"], df["fact"], df["clusters"])]

    app = create_app(copy, cache=0)
    with TestClient(app) as c:
        for ask in asks:
            got = [(r["day"], r["fact"], r["clusters"]) for r in _series_rows(c, **ask)]
            assert got == expected(Store(copy), ask) and any(n for _, _, n in got), ask
        assert app.state.reader.derivations == 1  # every ask cut from the same day rows
        _series_rows(c, country="BLR")
        # A write, by another process as ingest would: every UKR event reported again a year later (new
        # ids, so new clusters).
        write = ("from tocsin.store import Store\n"
                 f"with Store({str(copy)!r}).writer() as w:\n"
                 "    w.con.execute(\"INSERT INTO events SELECT * REPLACE (event_id || '-later' AS event_id, "
                 "date + 365 AS date) FROM events WHERE source_country = 'UKR' OR target_country = 'UKR' "
                 "OR location_country = 'UKR'\")\n")
        _write(copy, write)
        later = _series_rows(c, country="UKR")
        assert [(r["day"], r["fact"], r["clusters"]) for r in later] == expected(Store(copy), dict(country="UKR"))
        assert sum(r["clusters"] for r in later) > sum(n for _, _, n in expected(Store(db), dict(country="UKR")))
        assert app.state.reader.derivations == 2


EXIT_WHILE_IDLING = """
import sys, time
from tocsin.web.reader import SharedReader
r = SharedReader(sys.argv[1], idle=0.0)  # the watchdog closes the connection at its next look
r.query("SELECT count(*) FROM articles")
time.sleep(float(sys.argv[2]))
"""


def test_a_process_ends_cleanly_while_its_readers_watchdog_closes_the_store(tmp_path):
    # Before the watchdogs were stopped at exit, 10 of 40 such exits aborted (exit 134) inside DuckDB.
    from tocsin.store import Store

    db = tmp_path / "idle.duckdb"
    with Store(str(db)).writer():
        pass
    for i in range(12):
        done = subprocess.run([sys.executable, "-c", EXIT_WHILE_IDLING, str(db), f"0.0{i % 5}"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-500:]
