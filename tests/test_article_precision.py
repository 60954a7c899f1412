"""Hostile events from whole articles that are no new deed: a danger is not a threat, a warning of what may
befall is not one either, a crowd is not a protest, a participle says who a party is, a deed told twice is
one event, a brawl is crime. Every sentence and article here is written for this file."""
from datetime import date

import pytest

from coded import events, hostile


# ---------- a danger is no threat anyone made ----------
@pytest.mark.parametrize("text", [
    "The government in Vilnius is struggling with the terrorist threat along its eastern border, officials said.",
    "Moldova's defence minister said the military threats of the Cold War were slowly returning.",
    "The chief of staff said the security threat facing the region had grown since last year.",
    "Aid agencies in Chad warned of the threat of famine in the camps.",
])
def test_a_danger_is_not_a_threat(pipe, text):
    assert not any(e.cameo.startswith("13") for e in hostile(events(pipe, text)))


@pytest.mark.parametrize("text", [
    "Russia's threat of new sanctions angered the government in Tallinn.",
    "The journalists reported threats by the militia against their families.",
])
def test_a_threat_with_its_maker_stays(pipe, text):
    assert any(e.cameo.startswith("13") for e in hostile(events(pipe, text)))


# ---------- a warning of what may befall ----------
@pytest.mark.parametrize("text", [
    "The embassy warned that tourists travelling to Georgia could face provocations.",
    "Poland's foreign minister warned that the decision would push the region to the brink.",
    "The Red Cross warned of a humanitarian disaster in the besieged town.",
])
def test_a_caution_is_no_threat(pipe, text):
    assert not any(e.cameo.startswith("13") for e in hostile(events(pipe, text)))


def test_a_warning_of_ones_own_deed_is_a_threat(pipe):
    evs = events(pipe, "The militia warned that it would attack any convoy entering the valley.")
    assert any(e.cameo.startswith("13") for e in hostile(evs))


# ---------- what is asked, planned or able to be done ----------
def test_a_capacity_to_attack_is_no_attack(pipe):
    evs = events(pipe, "The army has weakened the insurgents by limiting their capacity to launch large attacks.")
    assert not any(e.cameo.startswith("19") for e in hostile(evs))


def test_urged_attacks_did_not_happen(pipe):
    evs = events(pipe, "The cleric urged attacks on soldiers in Mosul, police in Baghdad said.")
    assert not any(e.cameo.startswith("19") for e in hostile(evs))


def test_buses_to_be_deployed_are_not_deployed(pipe):
    evs = events(pipe, "The rebels said they had agreed with the Russians on the number of buses and troops to be "
                       "deployed in the evacuation.")
    assert not any(e.cameo.startswith("15") for e in hostile(evs))


def test_a_plan_named_by_its_deed_is_future(pipe):
    evs = events(pipe, "The prime minister defended his sanctions plan against Belarus in parliament on Tuesday.")
    assert not any(e.cameo.startswith("16") for e in hostile(evs))


# ---------- other senses ----------
@pytest.mark.parametrize("text", [
    "The senator won the election with 60 percent, beating his rival by a wide margin.",
    "The Ottawa government plans to clamp down on spending increases by the provinces.",
    "The United States supported the coalition with refuelling, targeting information and other logistics.",
    "Volunteers in the Basque Country carried out a first destruction of weapons in the presence of observers.",
])
def test_not_a_hostile_sense(pipe, text):
    assert not hostile(events(pipe, text))


def test_a_crackdown_on_people_stays(pipe):
    evs = events(pipe, "The Chinese government cracked down on protesters in Hong Kong.")
    assert any(e.cameo.startswith("17") for e in hostile(evs))


def test_a_crowd_with_no_contention_is_no_protest(pipe):
    evs = events(pipe, "Police cars converged on the street, and a crowd of about 300 people gathered around the "
                       "cordoned-off square in Lagos, a witness said.")
    assert not any(e.cameo.startswith("14") for e in evs)


def test_a_crowd_chanting_slogans_protests(pipe):
    evs = events(pipe, "Thousands of Georgians gathered in the main square of Tbilisi on Friday, chanting slogans against the "
                       "government.")
    assert any(e.cameo.startswith("14") for e in evs)


def test_a_participle_says_who_the_party_is(pipe):
    evs = events(pipe, "Qatar funds some of the rebel groups fighting to topple the government in Damascus.")
    assert not any(e.cameo.startswith("19") for e in hostile(evs))


def test_a_participle_after_with_tells_the_deed(pipe):
    evs = events(pipe, "Three guards were killed when militants attacked the Danish embassy in Kabul on Monday, with a "
                       "suicide bomber blowing himself up outside the gates.")
    assert any(e.rule.startswith("blow") for e in evs)


# ---------- one deed told twice ----------
def test_a_recall_retold_in_the_passive_is_one_event(pipe):
    evs = events(pipe, "Slovenia recalled its ambassador to Moscow on Monday. The foreign minister told reporters "
                       "that the ambassador was recalled for consultations.")
    assert len([e for e in hostile(evs) if e.cameo.startswith("16")]) == 1


def test_a_killing_in_a_strike_is_one_event(pipe):
    evs = events(pipe, "Junaid Khan was a recruiter for the Islamic State in Syria. He was killed in an August 2015 "
                       "U.S. drone strike in Raqqa, officials said.")
    assert len([e for e in hostile(evs) if e.cameo[:2] in ("18", "19", "20")]) == 1


def test_a_blast_retold_in_a_relative_clause_is_one_event(pipe):
    evs = events(pipe, "A roadside bomb killed a British soldier near Manbij on Thursday, the Ministry of Defence "
                       "said. The blast that targeted coalition forces took place close to a graveyard.")
    assert len([e for e in hostile(evs) if e.cameo[:2] in ("18", "19", "20")]) == 1


def test_one_person_named_twice_is_one_target(pipe):
    evs = events(pipe, "Turkish police detained Andrew Miller in October. A teacher at the American school, Miller "
                       "was first detained in the coastal town of Izmir.")
    second = [e for e in hostile(evs) if "Izmir" in e.sentence]
    assert len(second) == 1


# ---------- crime is not politics ----------
def test_a_street_brawl_is_crime(pipe):
    text = ("Police have released footage of a late-night street brawl between two groups of men in Leeds.\n"
            "Five men were convicted of affray over the fight on a quiet street in Harehills last March.\n"
            "As Darek Nowak and Tomas Wilk threaten the group, they try to flee in their car.\n"
            "The group smash the car windows and attack the pair inside the vehicle.\n"
            "Nowak and Wilk were jailed for affray, and Sami Haddad was detained under the Mental Health Act.\n"
            "Detective Constable Ann Reid said the level of violence was shocking.")
    assert not hostile(events(pipe, text, date(2019, 4, 2)))


def test_force_said_of_a_policy_is_a_figure(pipe):
    evs = events(pipe, "The minister said Beijing's unfair trade practices had destroyed thousands of Italian factories.")
    assert not any(e.cameo[:2] in ("17", "18", "19", "20") for e in hostile(evs))


def test_a_participle_on_forces_says_who_they_are(pipe):
    evs = events(pipe, "The sergeant was embedded with French forces in the country battling the Islamic State.")
    assert not any(e.cameo.startswith("19") for e in hostile(evs))


def test_force_between_parties_told_before_is_told_again(pipe):
    evs = events(pipe, "Soldiers in Yangon shot a student protester on Wednesday. Two of the soldiers fired six rounds, "
                       "striking the protester in the chest, witnesses said.")
    assert len([e for e in hostile(evs) if e.target is not None and e.cameo[:2] in ("17", "18", "19", "20")]) == 1


# ---------- routine police work ----------
@pytest.mark.parametrize("text", [
    "Police were called to the supermarket on Elm Road shortly after midnight to investigate a break-in.",
    "Officers were called to a banquet hall in the east end in response to a disturbance.",
])
def test_police_called_to_a_scene_are_no_mobilisation(pipe, text):
    assert not any(e.cameo.startswith("15") for e in events(pipe, text))


def test_police_called_in_against_rioters_are(pipe):
    evs = events(pipe, "The governor of Kano called in police reinforcements after rioters torched the market.")
    assert any(e.cameo.startswith("15") for e in evs)


def test_caught_in_gunfire_is_no_arrest(pipe):
    evs = events(pipe, "Amina Yusuf, 19, was caught in a hail of gunfire from two men on scooters, the court heard.")
    assert not any(e.cameo.startswith("17") for e in evs)


def test_a_battle_against_drugs_is_no_combat(pipe):
    evs = events(pipe, "The National Guard in Ohio has been assisting in the battle against the latest drug craze, "
                       "fentanyl, its commander said.")
    assert not any(e.cameo.startswith("19") for e in evs)


# ---------- questions and generic statements ----------
@pytest.mark.parametrize("text", [
    "Will Russia invade Georgia again this winter?",
    "Could the army storm the parliament building in Niamey?",
])
def test_a_yes_no_question_asserts_nothing(pipe, text):
    assert not hostile(events(pipe, text))


def test_a_why_question_takes_its_deed_as_told(pipe):
    evs = events(pipe, "Why did Ethiopia close its border with Eritrea?")
    assert any(e.cameo.startswith("19") and e.modality == "asserted" for e in evs)


@pytest.mark.parametrize("text", [
    "Attacks on hospitals are a war crime, the UN envoy in Sanaa said.",
    "Protests in Kenya are common during elections.",
    "The Houthis often fire missiles at Saudi cities.",
])
def test_a_deed_said_in_general_is_no_event(pipe, text):
    assert not hostile(events(pipe, text))


def test_deeds_of_one_day_stay(pipe):
    evs = events(pipe, "Protests in Kenya were violent on Monday.")
    assert any(e.cameo.startswith("14") for e in evs)


# ---------- session 7: standing rules, favoured courses, plots, the doer of a participle ----------
def test_a_standing_rule_is_no_ban(pipe):
    evs = events(pipe, "In the old town it is prohibited to park a car on the main square.")
    assert not [e for e in hostile(evs) if e.cameo.startswith("17")]


def test_a_ban_told_as_done_stays(pipe):
    evs = events(pipe, "The interior ministry banned all opposition rallies in the capital on Monday.")
    assert any(e.cameo.startswith("17") for e in hostile(evs))


def test_a_course_backed_in_the_present_is_no_deed(pipe):
    evs = events(pipe, "The far-right party now favours the expulsion of foreign workers.")
    assert not [e for e in hostile(evs) if e.cameo.startswith("17")]


def test_a_bare_infinitive_after_a_plot_is_plotted_too(pipe):
    evs = events(pipe, "A Texas man who admitted to having plotted to kill a judge and then attack a courthouse "
                       "was sentenced on Tuesday.")
    # the plot itself (185) is told; the killing and the attack plotted are still to come
    assert not [e for e in hostile(evs) if e.cameo.startswith("19") or e.cameo in ("186", "1823")]


def test_the_by_of_a_participle_is_its_doer(pipe):
    evs = events(pipe, "Aid workers reached two villages besieged by government forces near Homs.")
    siege = [e for e in hostile(evs) if e.cameo.startswith("19")]
    assert siege and all(e.source is not None and e.source.code.startswith("SYR") for e in siege)


def test_who_made_a_weapon_is_not_who_used_it(pipe):
    evs = events(pipe, "The defector was poisoned by a toxin developed by the Soviet Union, investigators say.")
    assert not [e for e in hostile(evs) if e.source is not None and e.source.code.startswith("SUN")]


def test_a_warning_that_travellers_could_face_trouble_is_no_threat(pipe):
    evs = events(pipe, "The embassy is warning that citizens travelling to the region could face harassment.")
    assert not [e for e in hostile(evs) if e.cameo.startswith("13")]


@pytest.mark.parametrize("text", [
    "Two more battalions are to be deployed to the northern border next month, the ministry said.",
    "The building works at the crossing are to be stopped until the commission decides, officials say.",
])
def test_what_is_to_be_done_is_still_to_come(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("14", "15")]


def test_a_deed_named_twice_in_one_clause_is_one_event(pipe):
    evs = events(pipe, "The gunmen struck in coordinated attacks on two cafes in the old town on Friday night.")
    assert len([e for e in hostile(evs) if e.cameo.startswith("19")]) == 1


def test_no_one_bombs_their_own_positions(pipe):
    # an absolute "with" read by the parser: the rebels own the positions, the one who broke the truce bombed them
    evs = events(pipe, "Fighting resumed after the army chief broke the truce with rebels bombing their positions "
                       "near the river.")
    force = [e for e in hostile(evs) if e.cameo[:2] in ("18", "19")]
    assert force and not [e for e in force if e.source is not None and e.source.sector == "REB"]


def test_rebels_shelling_a_town_stay_the_doers(pipe):
    evs = events(pipe, "The talks collapsed with rebels shelling the town of Kidal on Monday.")
    assert not [e for e in hostile(evs) if e.cameo[:2] in ("18", "19") and e.source is not None
                and e.source.sector not in ("REB", None)]


def test_their_positions_are_the_group_just_named_not_an_earlier_party(pipe):
    evs = events(pipe, "Britain put 100 troops on standby on Sunday. Fighting resumed after the army chief broke the "
                       "truce with rebels bombing their positions near the river.")
    force = [e for e in hostile(evs) if e.cameo[:2] in ("18", "19") and "truce" in e.sentence]
    assert force and all(e.target is not None and e.target.sector == "REB" for e in force)
