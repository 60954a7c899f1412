"""A small real store for the web tests: the articles of tests/data/web_articles.jsonl, coded by the real
pipeline and ingested as `tocsin ingest` does."""
from __future__ import annotations

import json
from pathlib import Path

from tocsin.model import Article
from tocsin.store import Store
from tocsin.store import backends
from tocsin.store.loader import Ingest

ARTICLES = Path(__file__).parent / "data" / "web_articles.jsonl"


def articles() -> list[Article]:
    return [Article(**json.loads(line)) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(db: Path) -> Store:
    store = Store(db)
    Ingest(store, backends.local(1)).run(articles())
    return store


def pipeline():
    """The pipeline ingest already loaded in this process, for POST /code."""
    return backends.pipeline_for(True, None)
