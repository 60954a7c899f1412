"""A small real store for the web tests: the articles of tests/data/web_articles.jsonl, coded by the real
pipeline and ingested as `tocsin ingest` does."""
from __future__ import annotations

import json
from pathlib import Path

from tocsin import runner
from tocsin.app import Tocsin
from tocsin.model import Article
from tocsin.store import Store

ARTICLES = Path(__file__).parent / "data" / "web_articles.jsonl"


def articles() -> list[Article]:
    return [Article(**json.loads(line)) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(db: Path) -> Store:
    Tocsin(store=db).ingest(articles=articles())
    return Store(db)


WARN_ARTICLES = Path(__file__).parent / "data" / "warn_rules.jsonl"


def build_with_alerts(db: Path) -> Store:
    """A store whose alerts are raised: the warning layer's rule sentences (tests/data/warn_rules.jsonl:
    Azerbaijan recalls its envoy, masses troops and threatens Armenia within a week, and so on), coded,
    ingested and their alerts refreshed as `tocsin alerts` does."""
    app = Tocsin(store=db)
    app.ingest(articles=[Article(**json.loads(line)) for line in
                         WARN_ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()])
    app.refresh_alerts()
    return app.store


def pipeline():
    """The pipeline ingest already loaded in this process, for POST /code."""
    return runner.pipeline_for(runner.Job())
