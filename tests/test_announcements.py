"""What an actor says of its own deeds: promises (03), threats (13), refusals (12), claims (015)."""
import tocsin


def main_event(text: str):
    events = tocsin.code(text, date="2024-03-11")
    assert events, text
    return max(events, key=lambda e: e.confidence), events


def test_a_promise_to_free_hostages_is_an_intent_to_yield():
    top, events = main_event("The rebels said they will release the kidnapped engineers next week.")
    assert top.cameo.startswith("035") and top.modality == "asserted"
    # the release itself is still there, as a future event
    assert any(e.cameo.startswith("084") and e.modality == "future" for e in events)


def test_announcing_an_offensive_is_a_threat():
    top, _ = main_event("Turkey's defence minister said Ankara will launch a new offensive against Kurdish militias.")
    assert top.cameo.startswith("138") and top.source.country == "TUR"


def test_saying_one_will_not_lift_sanctions_is_a_rejection():
    top, _ = main_event("Washington said it will not lift the sanctions on Caracas until free elections are held.")
    assert top.cameo.startswith("12") and top.source.country == "USA"


def test_someone_elses_forecast_is_not_an_intent():
    _, events = main_event("Analysts said Russia will attack the port of Odesa within weeks.")
    assert not any(e.cameo.startswith("13") and e.source and e.source.country == "RUS" for e in events)
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert attacks and all(e.modality == "future" for e in attacks)


def test_claiming_ones_own_attack_is_a_claim_of_responsibility():
    top, events = main_event("The Houthis claimed that they had attacked a tanker in the Red Sea.")
    assert top.cameo == "015" and top.source.code == "YEMREB"
    assert any(e.cameo.startswith("19") and e.modality == "reported" for e in events)


def test_a_ministry_reporting_anothers_attack_is_not_a_claim():
    _, events = main_event("Israel's army said Hezbollah fighters attacked a border post.")
    assert not any(e.cameo == "015" for e in events)


def test_a_permission_is_no_threat():
    _, events = main_event("The aid worker was allowed to leave after an intervention by the French government.")
    assert not any(e.cameo.startswith("13") for e in events)


def test_a_vow_to_attack_is_one_threat_not_two():
    _, events = main_event("The rebels vowed to attack the garrison at Kessa.")
    assert len([e for e in events if e.cameo.startswith("13")]) == 1

