"""Background mentions give no event: a stretch of time, a habit, a description, an earlier date, a unit.

Every sentence here is written for this file. Each ``dropped`` case names the rule of
``tocsin/coding/background.py`` that sets the mention aside; each ``kept`` case is a near
neighbour the rule must leave alone.
"""
from datetime import date

import pytest

from tocsin.coding.background import Background
from tocsin.coding.match import Matcher
from tocsin.coding.patterns import lexicon
from tocsin.model import Article
from tocsin.nlp import parse

DAY = date(2024, 6, 12)


@pytest.fixture(scope="module")
def tools():
    lex = lexicon()
    return Matcher(lex), Background(lex)


def events(pipe, text):
    return next(pipe.run([Article(id="t", text=text, date=DAY)])).events


def rules(tools, text, word):
    """The background rule (or None) for each match of ``word`` in ``text``."""
    matcher, background = tools
    doc = parse(text)
    out = [background(m, DAY.year) for s in doc.sents for m in matcher.sentence(s)
           if m.trigger.lower_ == word or m.trigger.lemma_.lower() == word]
    assert out, f"no match for {word!r} in {text!r}"
    return out


@pytest.mark.parametrize("text, word, rule", [
    ("Diplomats gathered on the anniversary of the invasion of the island.", "invasion", "stretch of time"),
    ("The talks offered hope after years of bombings in the southern provinces.", "bombing", "stretch of time"),
    ("The mayor, who has survived many assassination attempts, opened a bridge.", "survive", "habitual"),
    ("Veterans of previous raids on the harbour testified before the panel.", "raid", "dated before"),
    ("Historians still argue over the 2014 invasion of the peninsula.", "invasion", "dated before"),
    ("Farmers complained about the 12-year-old blockade of the port.", "blockade", "dated before"),
    ("The insurgency has killed thousands of villagers since 2011.", "kill", "since an earlier year"),
    ("The militia has shelled the valley for decades.", "shell", "habit over years"),
    ("The minister condemned those who torched the customs office.", "torch", "generic pronoun"),
    ("The shooting was the latest in a string of raids on towns threatened by armed gangs.", "threaten", "copula"),
    ("The shooting was the latest in a string of raids on towns threatened by armed gangs.", "raid", "copula"),
    ("A border patrol found the abandoned truck near the river.", "patrol", "a unit"),
    ("The pianist demonstrated remarkable talent at the festival.", "demonstrate", "intransitive event verb"),
    ("Beijing retaliated by raising duties on soybeans.", "retaliate", "the means names the deed"),
    ("The separatist campaign killed 800 people over four decades.", "kill", "a tally over years"),
    ("The sergeant deployed numerous times to the Sahel.", "deploy", "habitual"),
    ("The rebels retaliated, shelling the government villages near the river.", "retaliate", "the means names the deed"),
    ("Ambush attacks on officers increase across the state.", "attack", "a trend of many deeds"),
    ("Bandits fired on a navy patrol near the delta.", "patrol", "a unit"),
    ("The 20-year-old embargo was imposed after the border war.", "impose", "dated before"),
    ("Suspicion fell on a militia that has carried out similar raids on river ports.", "raid", "habitual"),
    ("The movement said it would answer any attack on its camps.", "attack", "any such deed"),
    ("Witnesses say the junta routinely tortures detainees in its prisons.", "torture", "habitual"),
    ("Slovakia, which has vetoed sanctions against Minsk in the past, abstained.", "veto", "habitual"),
    ("The army, which has fought the rebels since April 2019, took the bridge.", "fight", "since an earlier year"),
    ("Exporters recalled that the 2015 restrictions were imposed overnight.", "impose", "dated before"),
])
def test_background_rule(tools, text, word, rule):
    assert any(r and rule in r for r in rules(tools, text, word)), text


@pytest.mark.parametrize("text, word", [
    ("Rebels shelled the valley on Monday.", "shell"),
    ("Japan lifted 2-year-old sanctions on the two countries.", "lift"),
    ("The governor plans to impose restrictions on the port for two years.", "impose"),
    ("The Chadian attack on the border post was the deadliest this year.", "attack"),
    ("Money donated by the villagers is part of a fund raised to help flood victims.", "donate"),
    ("There have been anti-government protests in the capital and other cities.", "protest"),
    ("The fallout began after Ruritania accused its neighbour of spying.", "accuse"),
    ("Joint naval patrols began along the disputed coast on Monday.", "patrol"),
    ("Students demonstrated outside the ministry on Monday.", "demonstrate"),
    ("Beijing retaliated against the strikes with missile fire.", "retaliate"),
    ("The attacks on police stations rose to six on Monday.", "attack"),
    ("The port authority lifted the 20-year-old embargo on Monday.", "lift"),
    ("The council imposed a new curfew on the old town.", "impose"),
    ("Troops repeatedly shelled the town on Monday.", "shell"),
    ("The army has fought the rebels since Monday.", "fight"),
])
def test_not_background(tools, text, word):
    assert not any(rules(tools, text, word)), text


def test_no_hostile_event_from_a_habit_or_a_memory(pipe):
    text = ("The militia has shelled the valley for decades. Diplomats gathered on the anniversary of the "
            "invasion of the island.")
    assert not [e for e in events(pipe, text) if e.cameo[:2] >= "13" and e.modality in ("asserted", "reported")]


def test_the_new_deed_beside_the_background_is_kept(pipe):
    es = events(pipe, "After years of bombings in the south, Ruritanian troops shelled the border town of Kessa on Monday.")
    assert [e for e in es if e.cameo.startswith("194")]
    assert not [e for e in es if e.cameo.startswith("18")]


@pytest.mark.parametrize("text, kept", [
    ("Finland joined NATO in April after Russia's invasion of Ukraine.", False),
    ("Oil prices soared after Iraq's invasion of Kuwait.", False),
    ("The protests began after Israel's killing of a Hamas commander on Tuesday.", True),
])
def test_a_deed_named_as_the_known_occasion_of_another(pipe, text, kept):
    hostile = [e for e in next(pipe.run([Article(id="t", text=text, date=date(2023, 5, 2))])).events
               if e.cameo[:2] in ("18", "19", "20")]
    assert bool(hostile) == kept
