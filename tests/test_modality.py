"""Modality on sentences written for these tests: asserted, reported, future, hypothetical, negated."""
import pytest

import tocsin


def events_of(text: str, root: str):
    return [e for e in tocsin.code(text, date="2024-05-06") if e.cameo.startswith(root)]


def only_modality(text: str, root: str) -> set[str]:
    found = events_of(text, root)
    assert found, f"no event with root {root} in: {text}"
    return {e.modality for e in found}


@pytest.mark.parametrize("text,root,modality", [
    ("Russian artillery shelled the outskirts of Kharkiv overnight.", "19", "asserted"),
    ("Police arrested dozens of opposition activists in Minsk on Sunday.", "17", "asserted"),
    ("Serbia will deploy additional troops along the boundary with Kosovo.", "15", "future"),
    ("Officials said the army was preparing to invade the northern provinces.", "19", "future"),
    ("Iran is about to resume enrichment and could attack tankers in the Gulf.", "19", "hypothetical"),
    ("A Chinese blockade of Taiwan would devastate the regional economy.", "19", "hypothetical"),
    ("The president seems to want to invade the neighbouring country.", "19", "hypothetical"),
    ("If the talks fail, the rebels might attack the capital.", "19", "hypothetical"),
    ("The Kremlin denied that its forces shelled Kharkiv.", "19", "negated"),
    ("Ethiopian troops did not attack the town, the government insisted.", "19", "negated"),
    ("Rebels reportedly kidnapped two aid workers near Goma.", "18", "reported"),
    ("Kenya's defence ministry said al-Shabaab militants attacked a police post near Mandera.", "19", "reported"),
    # kept from doing, done instead, nobody did it, it never happened
    ("Riot police were prevented from arresting the union leaders in Accra.", "17", "negated"),
    ("The Latvian government refrained from expelling the Belarusian diplomats.", "16", "negated"),
    ("Instead of bombing the bridge at Kessa, the Malian army blocked the road.", "19", "negated"),
    ("Rather than expelling the envoys, Lithuania summoned the Chinese ambassador.", "16", "negated"),
    ("Neither army fired on the other along the Kashmir frontier.", "19", "negated"),
    ("The rumoured Chinese invasion of Taiwan never came.", "19", "negated"),
    ("The Chinese blockade of Taiwan did not take place.", "19", "negated"),
    # what a claim says is reported, a claim rejected is a denial
    ("Islamabad rejected claims that its troops shelled Indian villages.", "19", "negated"),
    ("New Delhi repeated its claims that Pakistani troops shelled villages in Kashmir.", "19", "reported"),
    ("The alleged Iranian attack on the tanker angered Washington.", "19", "reported"),
    # what an "if" clause governs is supposed
    ("If the camp stays closed, the two militias will end up fighting each other.", "19", "hypothetical"),
])


def test_modality(text, root, modality):
    assert modality in only_modality(text, root)


def test_a_conditional_threat_is_still_a_threat():
    threats = events_of("Ankara said it will attack the Kurdish militias if they do not leave Manbij.", "13")
    assert threats and threats[0].modality == "asserted" and threats[0].source.country == "TUR"
    # the condition belongs to what is threatened, not to the threat
    assert only_modality("Hezbollah threatened to shell Haifa if Israel bombs the suburbs of Beirut.", "13") == {
        "asserted"}


def test_denial_names_who_denied():
    ev = events_of("The Kremlin denied that its forces shelled Kharkiv.", "19")
    assert ev and ev[0].modality == "negated"
    assert ev[0].attributed_to is not None and "Kremlin" in ev[0].attributed_to.text


def test_report_names_the_speaker():
    ev = events_of("Ukraine's defence ministry said Belarusian troops were massing near the border.", "15")
    assert ev and ev[0].modality == "reported"
    assert ev[0].attributed_to is not None and "ministry" in ev[0].attributed_to.text.lower()


def test_threat_is_asserted_but_what_is_threatened_is_not():
    ev = tocsin.code("North Korea threatened to attack South Korean warships.", date="2024-05-06")
    threats = [e for e in ev if e.cameo.startswith("13")]
    attacks = [e for e in ev if e.cameo[:2] in ("18", "19")]
    assert threats and threats[0].modality == "asserted"
    assert all(e.modality != "asserted" for e in attacks)
    top = max(ev, key=lambda e: e.confidence)
    assert top.cameo.startswith("13")


def test_no_political_event_no_event():
    assert tocsin.code("The weather in the capital was mild and sunny this weekend.", date="2024-05-06") == []


def test_would_after_a_past_verb_of_saying_is_a_plan_not_a_supposition():
    planned = events_of("The farmers said on Friday they would blockade the capital from Monday.", "19")
    assert planned and planned[0].modality == "future"
    supposed = events_of("Analysts say the army would attack if the talks failed.", "19")
    assert supposed and supposed[0].modality == "hypothetical"


def test_a_relative_that_is_no_speaker():
    ev = events_of("Ukraine's defence ministry said there were signs that suggested Belarusian forces "
                   "were preparing for an invasion.", "15")
    assert ev and ev[0].modality == "reported"
    assert ev[0].attributed_to is not None and "ministry" in ev[0].attributed_to.text.lower()


@pytest.mark.parametrize("text, root", [
    ("The Serbian and Kosovar negotiators are due to meet in Brussels on Thursday.", "04"),
    ("The prime ministers of Armenia and Georgia are due to hold talks in Tbilisi next week.", "04"),
])
def test_a_deed_on_a_schedule_is_future(text, root):
    assert only_modality(text, root) == {"future"}
