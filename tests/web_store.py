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


def pipeline():
    """The pipeline ingest already loaded in this process, for POST /code."""
    return runner.pipeline_for(runner.Job())
