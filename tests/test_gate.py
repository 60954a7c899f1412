"""The political-event gate: crime, accidents, business and sport among private parties are no political events.

Every article here is written for this file. ``aside`` stories must lose their hostile events
(kept, flagged ``political=False``, when the pipeline is asked to keep them); ``kept`` stories
are near neighbours whose hostile events must survive: the same verbs with a political party,
a political cue, or too little evidence of an ordinary crime.
"""
from datetime import date

import pytest

from tocsin.coding.gate import Gate
from tocsin.coding.patterns import lexicon
from tocsin.model import Actor, Article, Event
from tocsin.pipeline import Pipeline

DAY = date(2024, 5, 2)


@pytest.fixture(scope="module")
def flagging() -> Pipeline:
    return Pipeline(nonpolitical=True)


@pytest.fixture(scope="module")
def default() -> Pipeline:
    return Pipeline()


def events(pipe, text):
    return next(pipe.run([Article(id="g", text=text, date=DAY)])).events


def hostile(evs):
    """The events the gate looks at: hostile words and deeds (roots 11-20), asserted or reported."""
    return [e for e in evs if e.cameo[:2] >= "11" and e.modality in ("asserted", "reported")]


ASIDE = [
    # police and courts pursuing private suspects in a story of ordinary crime
    "Police arrested a 34-year-old man on Tuesday in connection with the fatal stabbing of his neighbour in Leeds.",
    "Detectives detained two teenagers over a string of burglaries in Manchester.",
    "A court in Milan sentenced a former bank manager to six years in prison for fraud.",
    "Three men were arrested after a shootout with police following an armed robbery at a jewellery store in "
    "Johannesburg. One suspect was killed and two officers were wounded.",
    "A teenager was stabbed to death outside a nightclub in Bristol early on Saturday. Police said a 20-year-old "
    "man had been detained on suspicion of murder.",
    # private parties only, in a story that tells of crime, business or sport more than once
    "A man killed a woman and her two children in Florida on Sunday, police said. Detectives said he had served "
    "time for robbery and burglary.",
    "Shares in the British retailer fell sharply after its bid for a German competitor was rejected. The German "
    "firm's board accused the buyer of undervaluing the company and threatened legal action against its shareholders.",
    "Germany defeated France 3-1 in Munich to reach the final of the European Championship. The French attack was "
    "blocked repeatedly by the German defence, and their captain was sent off before half-time.",
    # a story of one sentence whose named parties are both private
    "Nokia sued Apple over patents for its wireless chips.",
    "A man killed his wife and two children in Florida after a row over a stolen car, police said.",
    "Sony's shares plunged 8 percent in Tokyo on Monday after its takeover bid for a US studio collapsed. Investors "
    "said the failed acquisition had hit Japan hard, and the company's profits are expected to fall this quarter.",
]

KEPT = [
    # the same acts on political parties
    "Police in Nairobi arrested 40 opposition supporters during a rally against the president.",
    "Security forces detained three journalists who had reported on the protests in Minsk.",
    "The army arrested a rebel commander near Goma.",
    "Police fired tear gas at protesters in Santiago.",
    # a crime of political violence
    "Police arrested seven people in connection with the bombing of the bus in Ankara.",
    # armed groups, and unnamed attackers with no story of crime around them
    "Gunmen killed five villagers in an attack in northern Burkina Faso.",
    "Unidentified attackers killed 12 people at a market in Maiduguri.",
    # states at war, even where a sentence names a crime
    "Russian troops shelled the city of Kharkiv overnight, killing three civilians.",
    "Ukraine accused Russian soldiers of the murder of civilians in Bucha.",
]


@pytest.mark.parametrize("text", ASIDE)
def test_set_aside(flagging, default, text):
    flagged = hostile(events(flagging, text))
    assert flagged, f"no hostile event coded at all: {text!r}"
    assert all(not e.political for e in flagged), [(e.cameo, e.source, e.target, e.rule) for e in flagged]
    assert all("not political" in e.rule for e in flagged)
    # by default the pipeline drops them: the feed, the store, the series and the alerts never see them
    assert not hostile(events(default, text))


@pytest.mark.parametrize("text", KEPT)
def test_kept(flagging, text):
    evs = hostile(events(flagging, text))
    assert evs, f"no hostile event coded: {text!r}"
    assert all(e.political for e in evs), [(e.cameo, e.source, e.target, e.rule) for e in evs]


def test_statements_are_never_gated(flagging):
    # what police say of a crime is a statement; only hostile words and deeds are gated
    evs = events(flagging, "A woman was found dead in her flat in Leeds after a robbery. Police said they were "
                           "treating the death as murder and appealed for witnesses.")
    said = [e for e in evs if e.cameo[:2] in ("01", "02")]
    assert said and all(e.political for e in said)


def test_flag_in_the_record(flagging):
    evs = events(flagging, ASIDE[1])
    rec = hostile(evs)[0].record()
    assert rec["political"] is False
    assert hostile(events(flagging, KEPT[0]))[0].record()["political"] is True


def test_verdict_on_parties_alone():
    gate = Gate(lexicon())

    def ev(src, tgt, cameo="173"):
        return Event(event_id="x", article_id="x", sentence="", span=(0, 1), source=src, target=tgt, cameo=cameo,
                     goldstein=-5.0, quad_class=4, confidence=0.8, rule="r")

    police = Actor(text="police", code="GBRCOP", country="GBR", sector="COP")
    man = Actor(text="a man", code="GBRCVL", country="GBR", sector="CVL")
    crime = {"CRIME"}
    counts = {"CRIME": 2}
    assert gate.verdict(ev(police, man), crime, counts, {}) is not None
    # a population is policy, not a suspect: "Nigerians were told to hand in their guns"
    people = Actor(text="Nigerians", code="NGACVL", country="NGA", sector="CVL")
    assert gate.verdict(ev(police, people, "139"), crime, counts, {"norp:nigerians": True}) is None
    # an administrative ban is no policing of a suspect
    assert gate.verdict(ev(police, man, "172"), crime, counts, {}) is None
    # a political cue in the sentence keeps it
    assert gate.verdict(ev(police, man), crime | {"POLITICAL_CUE"}, counts, {}) is None
    # no cue of crime in a one-sentence story: police arresting someone may well be political
    assert gate.verdict(ev(police, man), set(), {}, {}, single=True) is None
    # a longer story with no political word anywhere: police arresting a private person is routine
    assert gate.verdict(ev(police, man), set(), {}, {}) is not None
    # ... but a police shooting is not routine, and a political word anywhere in the story keeps the arrest
    assert gate.verdict(ev(police, man, "193"), set(), {}, {}) is None
    assert gate.verdict(ev(police, man), set(), {"POLITICAL_CUE": 1}, {}) is None
    # private parties with one crime word in a one-sentence story: too little to set aside
    killer = Actor(text="a man", code="CVL", sector="CVL")
    assert gate.verdict(ev(killer, None, "1823"), crime, {"CRIME": 1}, {}) is None
    assert gate.verdict(ev(killer, None, "1823"), crime, {"CRIME": 2}, {}) is not None
    # talks are never gated
    assert gate.verdict(ev(police, man, "040"), crime, counts, {}) is None


@pytest.mark.parametrize("text", [
    "Three masked gunmen robbed a jewellery shop in Durban on Tuesday and shot a guard dead before fleeing with "
    "cash, police said.",
    "Two gunmen held up a petrol station in Abuja and shot the cashier. The robbers escaped with the day's takings. "
    "Detectives are looking for the stolen car they drove.",
])
def test_gunmen_in_a_robbery_are_robbers(flagging, text):
    assert all(e.political is False for e in hostile(events(flagging, text)) if e.cameo[:2] >= "18")


def test_gunmen_with_no_story_of_crime_stay_an_armed_group(default):
    evs = hostile(events(default, "Gunmen stormed a village in Zamfara state on Sunday and shot dead 11 farmers."))
    assert any(e.cameo[:2] in ("18", "19", "20") for e in evs)


def test_a_private_arrest_in_a_story_with_no_political_word_is_routine(flagging):
    text = ("Police in Pune have arrested a 52-year-old man for hiding his father's body in a cupboard for two "
            "years while drawing his pension. Officers found the body during a search of the flat on Friday.")
    assert all(e.political is False for e in hostile(events(flagging, text)) if e.cameo.startswith("17"))


def test_people_hurt_in_an_earthquake_are_no_attack(flagging):
    text = ("A strong earthquake struck western Iran on Sunday, injuring dozens of people. Several aftershocks "
            "followed, and people in the region were told to stay outdoors. Many of those injured were taken to "
            "hospital in Kermanshah.")
    assert all(e.political is False for e in hostile(events(flagging, text)) if e.cameo[:2] >= "18")


def test_the_retellings_of_a_routine_arrest_are_routine(flagging):
    text = ("Police in Pune have arrested a 52-year-old man for hiding his father's body in a cupboard for two "
            "years while drawing his pension. Inspector Ravi Kale said Anil Deshmukh was arrested after the body "
            "was found during a police raid on the flat in Pune.")
    assert all(e.political is False for e in hostile(events(flagging, text)) if e.cameo.startswith("17"))


def test_a_fighter_in_a_story_of_sport_is_no_armed_group(flagging):
    text = ("UFC lightweight fighter Dan Kowalski was arrested on Thursday after a brawl at a hotel in Las Vegas. "
            "The boxer turned mixed martial arts fighter is due to fight for the title next month.")
    assert all(e.political is False for e in hostile(events(flagging, text)) if e.cameo.startswith("17"))


# ---------- a story of one sentence: crime or accident words and no party of politics ----------
@pytest.mark.parametrize("text", [
    "A woman was stabbed to death in a car park in Leeds on Friday night.",
    "A drunk driver killed two cyclists on a rural road near Lyon.",
])
def test_a_lone_sentence_of_crime_or_accident_with_no_party_is_no_political_event(flagging, text):
    evs = hostile(events(flagging, text))
    assert evs and not [e for e in evs if e.political]


@pytest.mark.parametrize("text", [
    "A woman was killed when gunmen opened fire on a bus in Leeds.",
    "A bomb killed two cyclists on a rural road near Lyon.",
    "Police shot dead a teenager during a protest in Lyon.",
])
def test_a_lone_sentence_with_a_political_word_or_party_keeps_its_event(default, text):
    assert [e for e in hostile(events(default, text)) if e.political]
