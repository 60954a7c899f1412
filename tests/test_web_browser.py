"""The dashboard in a real browser (Debian's headless Chromium driven by Playwright): load it, filter,
click an event, read its sentence; every request stays on the app's own server. Screenshots go to
out/screenshots/ (look at them)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import web_store
from tocsin.web import create_app

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "out" / "screenshots"
CHROMIUM = os.environ.get("TOCSIN_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package (apt-get install -y chromium)",
                allow_module_level=True)


@contextmanager
def serving(db: Path):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.duckdb"
    web_store.build(db)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def alert_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser-alerts") / "alerts.duckdb"
    web_store.build_with_alerts(db)
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def cut_page(browser, server):
    """A page on which the network is cut: any request not to the app's own server is aborted and recorded."""
    ctx = browser.new_context(viewport={"width": 1300, "height": 950})
    page = ctx.new_page()
    page.outside, page.errors = [], []

    def route(r):
        if r.request.url.startswith(server + "/") or r.request.url.startswith("data:"):
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


@pytest.fixture
def page(browser, server):
    p = cut_page(browser, server)
    yield p
    p.context.close()


@pytest.fixture
def alert_page(browser, alert_server):
    p = cut_page(browser, alert_server)
    yield p
    p.context.close()


def ready(page):
    page.wait_for_selector('body[data-ready="1"]', timeout=20000)


def test_load_filter_click_an_event_and_read_its_sentence(page, server, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    ready(page)
    assert page.locator("#timeline-svg rect.bar").count() > 0
    assert page.locator("#map-svg path.country").count() > 150  # every country shape of world-atlas
    assert page.locator("#map-svg path.country[data-iso3='UKR']").count() == 1
    assert page.locator("#network-svg .node").count() > 3
    total = int(page.locator("#events-caption").inner_text().split()[0])
    assert total >= 20
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    page.locator("#timeline-panel").screenshot(path=str(SHOTS / "timeline.png"))
    page.locator("#map-panel").screenshot(path=str(SHOTS / "map.png"))
    page.locator("#network-panel").screenshot(path=str(SHOTS / "network.png"))

    # Filter to one dyad: the table, the timeline and the URL follow.
    page.fill("input[name=dyad]", "BLR:UKR")
    page.click("#apply")
    ready(page)
    rows = page.locator("#events tbody tr")
    n = rows.count()
    assert 0 < n < total
    for i in range(n):
        cells = rows.nth(i).locator("td")
        assert "[BLR" in cells.nth(1).inner_text() and "[UKR" in cells.nth(3).inner_text()
    assert parse_qs(urlparse(page.url).query)["dyad"] == ["BLR:UKR"]
    assert "dyad BLR:UKR" in page.locator("#timeline-caption").inner_text()
    assert page.locator("#map-svg path.country[data-iso3='UKR']").get_attribute("fill") != "#dde3ea"
    page.locator("#map-panel").screenshot(path=str(SHOTS / "map-dyad.png"))

    # Click an event: the evidence view shows its article with the sentence highlighted.
    sentence = rows.nth(0).locator("td").nth(6).inner_text()
    rows.nth(0).click()
    page.wait_for_selector("#ev-text mark.evidence")
    marked = "".join(page.locator("#ev-text mark.evidence").all_inner_texts())
    assert marked.strip() == sentence.strip()
    assert page.locator("#ev-text .predicate").count() == 1
    assert page.locator("[data-fact=modality]").inner_text() in ("asserted", "reported", "future", "hypothetical", "negated")
    assert "->" in page.locator("[data-fact=rule]").inner_text()
    page.screenshot(path=str(SHOTS / "evidence.png"))

    # The URL is the view: opened afresh, it shows the same filter and the same evidence.
    shared = page.url
    assert "ev=" in shared
    page.goto("about:blank")
    page.goto(shared)
    ready(page)
    page.wait_for_selector("#ev-text mark.evidence")
    assert page.input_value("input[name=dyad]") == "BLR:UKR"
    assert "".join(page.locator("#ev-text mark.evidence").all_inner_texts()).strip() == sentence.strip()
    assert page.outside == [] and page.errors == []


def test_map_click_filters_by_country_and_bad_filters_say_why(page, server):
    page.goto(server + "/")
    ready(page)
    # Sudan's shape lies under its event dots (which open evidence): click the shape itself.
    page.locator("#map-svg path.country[data-iso3='SDN']").dispatch_event("click")
    ready(page)
    assert parse_qs(urlparse(page.url).query)["country"] == ["SDN"]
    places = page.locator("#events tbody tr td:nth-child(6)").all_inner_texts()
    assert places and all(p == "Khartoum" or "Sudan" in p for p in places), places
    page.fill("input[name=root]", "99")
    page.click("#apply")
    ready(page)
    assert "CAMEO root" in page.locator("#error").inner_text()
    assert page.outside == [] and page.errors == []


def test_alerts_are_marked_on_the_timeline_and_open_their_evidence(alert_page, alert_server):
    page = alert_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(alert_server + "/?dyad=AZE:ARM&interval=day")
    ready(page)
    rows = page.locator("#alerts tbody tr[data-alert]")
    assert rows.count() >= 1
    assert all("AZE>ARM" in t for t in page.locator("#alerts tbody tr[data-alert] td:nth-child(3)").all_inner_texts())
    marks = page.locator("#timeline-svg path.alert-mark")
    assert marks.count() == rows.count()  # one mark per alert, on the day it was first raised
    titles = page.locator("#timeline-svg path.alert-mark title").all_text_contents()
    assert any("downgrade" in t.lower() or "AZE>ARM" in t for t in titles), titles
    page.locator("#timeline-panel").screenshot(path=str(SHOTS / "timeline-alerts.png"))
    page.locator("#alerts tbody tr[data-alert]").first.click()
    page.wait_for_selector("#ev-text .alert-evidence")
    said = " ".join(page.locator("#ev-text .alert-evidence").all_inner_texts())
    assert "Armenia" in said
    page.screenshot(path=str(SHOTS / "alert-evidence.png"))
    assert page.outside == [] and page.errors == []
