"""PLOVER type of the main event, where the PLOVER mapping layer and its data decide it. Sentences written for
this file (none from a dev or gold set, nor from tests/data/plover_own.tsv); scripts/plover_report.py scores
the larger own set in tests/data/plover_own.tsv."""
from datetime import date

import pytest

from coded import main_event, plover_type

from tocsin.model import Article


def _main(pipe, text):
    return main_event(pipe, text, date(2024, 6, 1))


def _type(pipe, text):
    return plover_type(pipe, text, date(2024, 6, 1))


@pytest.mark.parametrize("text, expected", [
    # the deed done is the news; what it is done for comes second
    ("Hundreds of nurses rallied in Lilongwe to demand reforms of the health service.", "PROTEST"),
    ("Thousands of Slovaks marched in Bratislava to demand new elections.", "PROTEST"),
])
def test_a_purpose_ranks_below_the_deed(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected, source", [
    # CAMEO codes a claim of responsibility as a statement (015); PLOVER types the deed owned up to
    ("The Pakistani Taliban claimed responsibility for the ambush on a police convoy in Bannu.", "ASSAULT", "PAK"),
    ("The Houthis claimed they had fired drones at an oil terminal in Yanbu.", "ASSAULT", "YEM"),
    ("A pro-Russian hacker group claimed responsibility for the cyberattack on Moldova's parliament website.",
     "COERCE", None),
])
def test_a_claim_of_responsibility_is_the_deed(pipe, text, expected, source):
    e = _main(pipe, text)
    assert e.cameo == "015"  # the CAMEO code (and so the QuadClass) stays a statement
    assert e.plover.type == expected
    if source:
        assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected", [
    # peacekeepers pulled out by whoever sent them: a retreat; expelled by the host: a sanction
    ("Malawi withdrew its peacekeepers from eastern Congo on Monday.", "RETREAT"),
    ("Bangladesh Withdraws Peacekeepers From Central African Republic", "RETREAT"),
    ("The junta expelled the UN peacekeepers from the north.", "SANCTION"),
])
def test_peacekeepers_withdrawn_or_expelled(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Portugal expressed solidarity with the people of Mozambique after the floods.", "SUPPORT"),
    # sympathy and condolences stay statements with no PLOVER type
    ("Portugal expressed condolences to the families of the victims.", None),
])
def test_solidarity_is_support(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a joint patrol or inquiry is cooperation, as joint exercises are; a joint venture is economic cooperation
    ("Nepalese and Indian police conducted joint patrols along the open border.", "COOPERATE"),
    ("Gabon And Cameroon Launch Joint Patrols On Their Shared Border", "COOPERATE"),
    ("Ghana and Ivory Coast opened a joint investigation into the smuggling of cocoa.", "COOPERATE"),
    ("Chilean and Argentine lithium producers formed a joint venture to build a refinery.", "COOPERATE"),
    # a hospital sent to another country is aid
    ("Qatar sent a field hospital to flood-hit Derna.", "AID"),
    ("Jordan Sends Mobile Hospital To Gaza", "AID"),
    # troops ordered or sent onto the streets are forces deployed
    ("The Peruvian president ordered troops onto the streets of Lima after the riots.", "MOBILIZE"),
    ("Guatemala sent soldiers into the streets of the capital to curb gang violence.", "MOBILIZE"),
])
def test_cooperation_aid_and_deployment(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text", [
    # sanctions, an embargo or a boycott imposed are PLOVER's SANCTION (CAMEO 163), not coercion
    "Australia imposed sanctions on three Iranian commanders on Wednesday.",
    "Switzerland Imposes Arms Embargo On Niger",
    "The European Union slapped sanctions on two Belarusian potash firms.",
])
def test_sanctions_imposed_are_a_sanction(pipe, text):
    e = _main(pipe, text)
    assert e.cameo == "163"
    assert e.plover.type == "SANCTION"


@pytest.mark.parametrize("text, expected, undone", [
    # a refusal or failure to act negates the act it names, and a verb of comment on it codes the comment
    ("Austria praised Switzerland's refusal to sell arms to the warring parties.", "SUPPORT", "07"),
    ("Nigeria condemned Ghana's refusal to extradite the two suspects.", "ACCUSE", "06"),
])
def test_a_refusal_to_act_is_no_act(pipe, text, expected, undone):
    events = next(pipe.run([Article(id="o", text=text, date=date(2024, 6, 1))])).events
    main = max(events, key=lambda e: e.confidence)
    assert main.plover.type == expected
    assert all(e.modality == "negated" for e in events if e.cameo.startswith(undone))



@pytest.mark.parametrize("text, host", [
    ("Oman hosted talks between Iran and Britain on Sunday.", "OMN"),
    ("Mauritania Hosts Summit Of Sahel Leaders", "MRT"),
])
def test_the_host_of_talks_is_their_source(pipe, text, host):
    e = _main(pipe, text)
    assert e.plover.type == "CONSULT"
    assert e.source is not None and e.source.country == host


def test_what_a_promise_binds_to_is_no_mere_purpose(pipe):
    # what an agreement or a promise binds its parties to is its content, even where the parser hangs the infinitive
    # as a purpose: it keeps its rank
    text = "The two factions agreed in Doha on Tuesday with Qatari mediators to observe a ceasefire."
    events = next(pipe.run([Article(id="o", text=text, date=date(2024, 6, 1))])).events
    truce = [e for e in events if e.cameo.startswith("087")]
    assert truce and all(e.confidence > 0.8 for e in truce)


def test_what_an_appeal_asks_yields_to_the_appeal(pipe):
    text = "Kyrgyzstan on Thursday asked a coalition of rights groups to end their boycott of its cotton."
    assert _type(pipe, text) == "REQUEST"


@pytest.mark.parametrize("text, expected, source", [
    # a sanction, ban or attack held out as possible by whoever raises it is a threat
    ("The Brazilian president raised the possibility of sanctions against Venezuela.", "THREATEN", "BRA"),
    ("Ankara Raises Prospect Of Air Strikes On Kurdish Militants In Iraq", "THREATEN", "TUR"),
    ("Zimbabwe's ruling party raised the spectre of a ban on opposition rallies.", "THREATEN", "ZWE"),
    # ruled out, it is a refusal
    ("The minister ruled out the possibility of sanctions against Israel.", "REJECT", None),
])
def test_a_deed_held_out_as_possible_is_a_threat(pipe, text, expected, source):
    e = _main(pipe, text)
    assert e.plover.type == expected
    if source:
        assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected, source", [
    # "his country", "their nation": the state of whom the possessive points back to in its sentence
    ("Uruguay's foreign minister said on Friday that his country was ready to host talks between Colombia and the ELN.",
     "AGREE", "URY"),
    ("The Bolivian president said his country would send troops to the border with Chile.", "MOBILIZE", "BOL"),
    ("Ghana's president said his country would not accept the new fishing quotas.", "REJECT", "GHA"),
])
def test_his_country_is_the_speakers_state(pipe, text, expected, source):
    e = _main(pipe, text)
    assert e.plover.type == expected
    assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text", [
    # "allowed X back into": the parser makes the object the subject of a small clause
    "North Korea allowed IAEA inspectors back into Yongbyon.",
    "Syria Allows UN Investigators Back Into Douma",
])
def test_access_allowed_back_is_a_retreat(pipe, text):
    e = _main(pipe, text)
    assert e.cameo.startswith("086") and e.plover.type == "RETREAT"


@pytest.mark.parametrize("text, source", [
    # trade between two states, a joint venture or joint patrols named by the noun alone: cooperation
    ("Trade between Chile and Peru rose 20 percent last year.", "CHL"),
    ("Record Trade Between Bolivia And Brazil", "BOL"),
    ("Joint Patrols By Gabonese And Cameroonian Troops Begin On Border", "GAB"),
])
def test_cooperation_named_by_a_noun(pipe, text, source):
    e = _main(pipe, text)
    assert e.plover.type == "COOPERATE"
    assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected", [
    # "gave in" is a bare particle; an "in" with an object of its own is no yielding
    ("The Ecuadorean president gave a speech in Guayaquil on Monday.", None),
    ("Denmark gave 40 million kroner to flood victims in Libya.", "AID"),
    ("The European Community gave 10 million ecus in food aid to refugees in Croatia.", "AID"),
    ("After a week of strikes the Zambian government gave in.", "CONCEDE"),
])
def test_giving_in_is_a_bare_particle(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text", [
    # a joint operation or crackdown against crime is cooperation of the states that run it
    "Colombian and Ecuadorean police began a joint crackdown on drug traffickers.",
    "Senegal And Gambia Launch Joint Operation Against Timber Smugglers",
])
def test_a_joint_operation_against_crime_is_cooperation(pipe, text):
    assert _type(pipe, text) == "COOPERATE"


@pytest.mark.parametrize("text, expected, source", [
    # a state-owned firm is its state's business sector
    ("Rosneft halted oil deliveries to Belarus on Tuesday.", None, "RUS"),
    ("Pemex Signs Supply Deal With Cuba", None, "MEX"),
    # a state that quits a bloc of states reduces relations
    ("Angola Quits OPEC Over Production Quotas", "SANCTION", "AGO"),
    ("Niger, Mali and Burkina Faso quit ECOWAS on Sunday.", "SANCTION", "NER"),
])
def test_state_firms_and_blocs(pipe, text, expected, source):
    e = _main(pipe, text)
    if expected:
        assert e.plover.type == expected
    assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected", [
    # a state that protests a deed lodges a complaint (CAMEO 114, PLOVER ACCUSE); people who protest one protest
    ("Seoul Protests Japanese Textbook Claims", "ACCUSE"),
    ("The Indian foreign ministry protested the detention of its fishermen by Sri Lanka.", "ACCUSE"),
    ("Students protested the tuition increase in Santiago.", "PROTEST"),
])
def test_a_state_that_protests_complains(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a transfer of power or a transition welcomed is support
    ("The European Union welcomed the peaceful transfer of power in Liberia.", "SUPPORT"),
    # a plant, pipeline or railway built jointly is economic cooperation
    ("Tanzania and Uganda began building a joint oil pipeline on Monday.", "COOPERATE"),
    # a harsh response announced is a threat of force
    ("Armenia's defence minister said his troops would respond harshly to any incursion.", "THREATEN"),
])
def test_welcome_joint_works_and_harsh_responses(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected, source", [
    # an order to a state's own army or police is the deed ordered, done by that state
    ("Iraqi President Saddam Hussein ordered his troops to withdraw from the Kurdish enclave.", "RETREAT", "IRQ"),
    ("The Georgian president ordered Georgian troops to pull back from the South Ossetian border.", "RETREAT", "GEO"),
])
def test_an_order_to_ones_own_forces_is_the_deed(pipe, text, expected, source):
    e = _main(pipe, text)
    assert e.plover.type == expected
    assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected", [
    # armed men who fight for control of a place fight; parties or firms that fight for control do not
    ("Sudanese army units and RSF fighters fought for control of the city of El Fasher.", "ASSAULT"),
    ("Rival militias fought for control of Tripoli's airport on Sunday.", "ASSAULT"),
    ("Companies are fighting for control of the lithium market.", None),
])
def test_fighting_for_control_of_a_place(pipe, text, expected):
    events = next(pipe.run([Article(id="o", text=text, date=date(2024, 6, 1))])).events
    main = max(events, key=lambda e: e.confidence) if events else None
    assert (main.plover.type if main is not None and main.plover else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a strike called is a strike; called off, a concession; talks called off are broken off
    ("The Nepali opposition called a nationwide general strike for Sunday.", "PROTEST"),
    ("The nurses' union called off the strike after talks with the ministry.", "CONCEDE"),
    ("Malawi's government called off talks with striking civil servants.", "SANCTION"),
])
def test_strikes_and_talks_called_or_called_off(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, source", [
    # a commission or hearings on a deed are an investigation (PLOVER ACCUSE) by whoever sets them up
    ("Malawi Launches Commission On Election Violence", "MWI"),
    ("The Peruvian Congress began hearings into the arms deal with Israel.", "PER"),
])
def test_a_commission_on_a_deed_investigates(pipe, text, source):
    e = _main(pipe, text)
    assert e.cameo.startswith("09") and e.plover.type == "ACCUSE"
    assert e.source is not None and e.source.country == source


@pytest.mark.parametrize("text, expected", [
    # an institution restored is a concession; refugees let across, refuge given; order restored, nothing returned
    ("Thailand's king restored parliament after weeks of protests.", "CONCEDE"),
    ("Jordan allowed Syrian refugees to cross the border on Sunday.", "AID"),
    ("The army restored order in the capital after the riots.", None),
])
def test_restorations_and_refugees_let_in(pipe, text, expected):
    events = next(pipe.run([Article(id="o", text=text, date=date(2024, 6, 1))])).events
    if expected is None:
        assert not [e for e in events if e.cameo.startswith("08")]
        return
    main = max(events, key=lambda e: e.confidence)
    assert main.plover.type == expected
