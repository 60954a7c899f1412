"""The Python API: tocsin.code, tocsin.code_batch, parallel workers, event ids and evidence."""
from datetime import date
from pathlib import Path

import tocsin
from tocsin.model import Article

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text()

ARTICLES = [
    Article(id="a1", text="Hungary summoned the Ukrainian ambassador on Monday over a language law.",
            date=date(2023, 9, 4)),
    Article(id="a2", text=EXAMPLE, date=date(2025, 6, 16)),
    Article(id="a3", text="Sudanese paramilitary forces shelled a market in El Fasher, killing at least 20 people.",
            date=date(2024, 6, 2)),
]


def test_code_returns_events_with_evidence():
    events = tocsin.code(ARTICLES[0].text, date="2023-09-04")
    assert events
    e = max(events, key=lambda x: x.confidence)
    assert e.cameo.startswith("11")  # summoning an ambassador is a formal complaint
    assert e.source.country == "HUN" and e.target.country == "UKR"
    lo, hi = e.span
    assert ARTICLES[0].text[lo:hi] == "summoned"
    assert e.sentence == ARTICLES[0].text
    assert 0 <= e.confidence <= 1 and e.rule


def test_event_ids_are_unique_and_stable():
    first = [e.event_id for c in tocsin.code_batch(ARTICLES) for e in c.events]
    again = [e.event_id for c in tocsin.code_batch(ARTICLES) for e in c.events]
    assert first == again
    assert len(first) == len(set(first))
    assert all(i.split(":")[0] in {"a1", "a2", "a3"} for i in first)


def test_two_workers_code_exactly_what_one_does():
    one = [e.record() for c in tocsin.code_batch(ARTICLES, workers=1) for e in c.events]
    two = [e.record() for c in tocsin.code_batch(ARTICLES, workers=2) for e in c.events]
    assert one == two and one


def test_ontology_fields_agree_with_the_code():
    from tocsin.ontology import cameo

    for c in tocsin.code_batch(ARTICLES):
        for e in c.events:
            entry = cameo()[e.cameo]
            assert e.goldstein == entry.goldstein and e.quad_class == entry.quad_class
            assert (e.plover.type if e.plover else None) == entry.plover_type


def test_force_used_on_a_place_targets_its_country_but_not_the_attackers_own():
    events = tocsin.code("Russian forces shelled the city of Kharkiv overnight. Russian artillery also "
                         "shelled Belgorod's outskirts by mistake.", date="2024-05-06")
    kharkiv = [e for e in events if "Kharkiv" in e.sentence and e.cameo.startswith("19")]
    assert kharkiv and kharkiv[0].target is not None and kharkiv[0].target.country == "UKR"
    belgorod = [e for e in events if "Belgorod" in e.sentence and e.cameo.startswith("19")]
    assert belgorod and all((e.target is None or e.target.country != "RUS") for e in belgorod)


def test_the_government_is_the_home_side_of_the_other_party():
    events = tocsin.code("Colombia's rebels agreed to hold peace talks with the government next month.",
                         date="2024-05-06")
    talks = [e for e in events if e.target is not None and e.target.text == "the government"]
    assert talks and all(e.target.code == "COLGOV" for e in talks)


def test_an_actor_based_somewhere_takes_that_country():
    events = tocsin.code("A militant group based in northern Mozambique attacked a police station.",
                         date="2024-05-06")
    top = max(events, key=lambda e: e.confidence)
    assert top.cameo.startswith("19") and top.source.country == "MOZ"


def test_a_dateline_is_not_the_subject_and_a_headline_ends_at_its_blank_line():
    text = ("Armenia recalls envoy\n\nYEREVAN, June 16 - Armenia recalled its ambassador to Azerbaijan "
            "on Thursday, the foreign ministry said.")
    events = tocsin.code(text, date="2025-06-16")
    recall = [e for e in events if e.cameo == "161" and "Thursday" in e.sentence]
    assert recall and recall[0].source.country == "ARM" and recall[0].target.country == "AZE"
    assert recall[0].sentence.startswith("Armenia recalled")
    assert recall[0].date == "2025-06-12"


def test_its_under_a_speaker_is_the_speakers():
    events = tocsin.code("Baku denied that its troops had opened fire on the village.", date="2025-06-16")
    fire = [e for e in events if e.cameo.startswith("19")]
    assert fire and fire[0].modality == "negated" and fire[0].source.country == "AZE"


def test_a_headline_of_two_clauses_is_parsed_as_two():
    # "recalls [ambassador as Azerbaijan masses troops]" was the one-clause reading the small model gave
    text = ("Chad recalls envoy as Sudan masses troops near the border\n\n"
            "Chad recalled its ambassador to Sudan on Monday, the foreign ministry said.")
    head = [e for e in tocsin.code(text, date=date(2025, 3, 4)) if e.span[0] < text.index("\n")]
    assert {(e.cameo[:3], e.source.country) for e in head if e.source} >= {("161", "TCD"), ("154", "SDN")}
    sents = list(tocsin.nlp.parse(text).sents)
    assert [s.text.strip() for s in sents[:2]] == ["Chad recalls envoy", "as Sudan masses troops near the border"]
    # one clause, or a body sentence, is left alone
    assert len(list(tocsin.nlp.parse("Chad recalls envoy to Sudan\n\nBody text here.").sents)) == 2
