"""Hostile events the text does not assert: announced decisions are not threats, a suspension from office
is no break of relations. Every sentence here is written for this file."""
import pytest

from coded import events


def test_an_announced_expulsion_is_the_future_deed_not_a_threat(pipe):
    evs = events(pipe, "Norway will expel 12 Iranian diplomats and close its consulate in Bergen, the foreign ministry said.")
    assert any(e.cameo.startswith("16") and e.modality == "future" for e in evs)
    assert not any(e.cameo.startswith("13") for e in evs)


def test_a_conditional_expulsion_is_a_threat(pipe):
    evs = events(pipe, "Norway said it will expel Iranian diplomats if Tehran does not release the detained sailors.")
    assert any(e.cameo.startswith("13") and e.modality == "asserted" for e in evs)


def test_announced_force_stays_a_threat(pipe):
    evs = events(pipe, "The rebels said they will attack the army garrison in Kidal.")
    assert any(e.cameo.startswith("13") for e in evs)


@pytest.mark.parametrize("text", [
    "The governor was impeached and suspended from office in March.",
    "Two players were suspended from the team after the brawl.",
])
def test_suspended_from_office_breaks_no_relations(pipe, text):
    assert not any(e.cameo.startswith("16") for e in events(pipe, text))


def test_suspending_ties_still_does(pipe):
    evs = events(pipe, "Morocco suspended diplomatic relations with Germany on Monday.")
    assert any(e.cameo.startswith("16") and e.modality == "asserted" for e in evs)


def test_shot_dead_names_its_victim_not_the_place(pipe):
    evs = events(pipe, "A gunman shot dead the Swedish ambassador to Peru outside a hotel in Lima on Friday.")
    hit = [e for e in evs if e.cameo.startswith("18")]
    assert hit and all(e.target is not None and e.target.country == "SWE" for e in hit)
    # a diplomat serves abroad: his attacker is not his country's rebel
    assert not any(e.source is not None and e.source.country == "SWE" for e in hit)


@pytest.mark.parametrize("text", [
    "Serbia accused Kosovo of plotting attacks on ethnic Serbs in the north.",
    "Officials said the militia was planning an offensive on the river port.",
])
def test_a_plotted_deed_is_not_done(pipe, text):
    evs = [e for e in events(pipe, text) if e.cameo.startswith(("18", "19"))]
    assert evs and all(e.modality not in ("asserted", "reported") for e in evs)


def test_a_plot_to_bomb_is_a_future_bombing(pipe):
    evs = events(pipe, "Investigators uncovered the group's plot to bomb the embassy.")
    assert [e for e in evs if e.cameo.startswith("18")]
    # neither done nor a threat: a plot found out is no announcement
    assert not [e for e in evs if e.cameo[:2] >= "13" and e.modality in ("asserted", "reported")]

