"""Words of force and threat in another sense: force aimed at an idea, a show of force by a party that has
none, advice to the public, arrests of things. Every sentence here is written for this file; each kept
case beside a dropped one checks the mechanism does not reach the real deed."""
import pytest

from coded import events, hostile


@pytest.mark.parametrize("text", [
    "The villagers have fought the new motorway project in the courts for a decade.",
    "The ministry's spokesman shot down rumours of a cabinet reshuffle on Monday.",
    "Conservative senators killed the health care bill in a late-night vote.",
    "The governor torpedoed the proposal before it reached the assembly.",
])
def test_force_aimed_at_an_idea_is_a_figure_of_speech(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("18", "19", "20")]


def test_attacking_a_proposal_is_criticism(pipe):
    evs = events(pipe, "The opposition leader Maria Lopez attacked President Ramos's proposal to raise fuel taxes.")
    assert any(e.cameo.startswith("11") for e in evs)
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in evs)


def test_force_on_people_and_places_stays(pipe):
    evs = events(pipe, "Government troops fought rebels near the town of Bunia on Sunday.")
    assert any(e.cameo.startswith("19") for e in hostile(evs))


@pytest.mark.parametrize("text", [
    "The textile union mobilized its members ahead of Friday's wage talks.",
    "The retired professor mobilizes both scholarship and experience to rethink the civil service.",
])
def test_no_show_of_force_by_a_party_with_no_force(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo.startswith("15")]


def test_an_army_mobilizing_is_still_a_show_of_force(pipe):
    evs = events(pipe, "Armenia mobilized reservists and moved tanks toward the border on Tuesday.")
    assert any(e.cameo.startswith("15") for e in hostile(evs))


@pytest.mark.parametrize("text", [
    "Health officials warned residents not to drink tap water until further notice.",
    "The weather service cautioned motorists to avoid the coastal road during the storm.",
])
def test_advice_to_the_public_is_no_threat(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo.startswith("13")]


def test_a_warning_to_a_state_is_still_a_threat(pipe):
    evs = events(pipe, "Pakistan warned India not to strike its territory again.")
    assert any(e.cameo.startswith("13") for e in hostile(evs))


def test_setting_up_a_petition_is_no_riot(pipe):
    evs = events(pipe, "Hundreds of parents have set up an online petition against the school closures.")
    assert not any(e.cameo.startswith("145") for e in evs)


@pytest.mark.parametrize("text,arrest", [
    ("The club picked up four points from its last two matches.", False),
    ("Security agents picked up three student activists outside the campus in Khartoum.", True),
])
def test_only_people_picked_up_are_arrested(pipe, text, arrest):
    assert any(e.cameo.startswith("17") for e in hostile(events(pipe, text))) is arrest


def test_a_policy_that_targeted_a_country_is_no_attack(pipe):
    evs = events(pipe, "The steel quotas that have targeted Brazil will be reviewed next month, the trade office said.")
    assert not [e for e in hostile(evs) if e.cameo[:2] in ("18", "19", "20")]


@pytest.mark.parametrize("text", [
    "For Caracas it means sanctions on its oil and gold, the envoy said.",
    "Analysts said the decision risks war with its northern neighbour.",
])
def test_what_something_would_bring_is_no_deed(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("16", "19")]


def test_another_partys_plan_is_no_stated_intent(pipe):
    evs = events(pipe, "Senator Alvarez sharply attacked Governor Pike's plan to ban street protests in the capital.")
    assert not [e for e in hostile(evs) if e.cameo.startswith("13")]


def test_ones_own_stated_intent_is_still_a_threat(pipe):
    evs = events(pipe, "Al-Shabaab said it will attack Kenyan army bases along the border.")
    assert any(e.cameo.startswith("13") for e in hostile(evs))


@pytest.mark.parametrize("text", [
    "Senator Ortega clashed with the finance minister over the budget on Tuesday.",
    "Maria Feld has repeatedly clashed with the party chairman Tomas Brandt.",
])
def test_two_persons_clashing_argue(pipe, text):
    evs = events(pipe, text)
    assert not [e for e in evs if e.cameo[:2] in ("18", "19", "20")]
    assert any(e.cameo.startswith("11") for e in evs)


@pytest.mark.parametrize("text", [
    "Government troops clashed with rebels near the town of Beni.",
    "Forces loyal to the general clashed with a militia in the south.",
])
def test_armed_sides_clashing_fight(pipe, text):
    assert any(e.cameo.startswith("19") for e in hostile(events(pipe, text)))


def test_a_vow_to_fight_is_a_threat_and_the_fight_is_to_come(pipe):
    evs = events(pipe, "The rebel commander vowed on Sunday to fight the army until the capital falls.")
    assert not [e for e in evs if e.cameo[:2] in ("18", "19", "20") and e.modality in ("asserted", "reported")]
    assert any(e.cameo.startswith("13") for e in evs)


def test_a_road_accident_is_no_killing(pipe):
    evs = events(pipe, "A seven-year-old girl was hit by a bus and killed in Lusaka on Monday.")
    assert not [e for e in hostile(evs) if e.cameo[:2] in ("18", "19", "20")]


@pytest.mark.parametrize("text,force", [
    ("Snow ploughs have been deployed on the main roads around Ottawa, the city said.", False),
    ("The firm deployed its new wave energy buoy off the coast of Portugal.", False),
    ("Ethiopia deployed tanks to the border with Eritrea.", True),
])
def test_only_force_deployed_is_a_show_of_force(pipe, text, force):
    assert any(e.cameo.startswith("15") for e in hostile(events(pipe, text))) is force


# ---------- session 7: contests, weather, mishaps, things captured, liturgies, traffic ----------
@pytest.mark.parametrize("text", [
    "The senator narrowly beat her rival in Ohio, according to the final count.",
    "The mayor easily defeated the challenger in the runoff on Sunday.",
    "The incumbent beat the former governor in the primary.",
])
def test_a_contest_won_is_no_assault(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("18", "19")]


def test_a_beating_stays(pipe):
    evs = events(pipe, "Riot police beat students outside the university in Dhaka on Tuesday.")
    assert any(e.cameo[:2] in ("17", "18") for e in hostile(evs))


@pytest.mark.parametrize("text", [
    "Forecasters warn of freezing rain and strong winds over the weekend in Halifax.",
    "A band of freezing drizzle and sleet is expected to reach Ottawa by evening, the weather office warns.",
    "Gas explosions are common in the region, where safety rules are often loosely enforced.",
])
def test_weather_and_habits_are_no_deeds(pipe, text):
    assert not hostile(events(pipe, text))


@pytest.mark.parametrize("text", [
    "A cyclist was struck by a falling tree in a park in Leeds.",
    "Two hikers were struck by lightning on the mountain road.",
    "Three people died in a gas explosion at a bakery in Lyon on Friday.",
])
def test_a_mishap_is_no_attack(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("18", "19", "20")]


@pytest.mark.parametrize("text", [
    "The new rule requires drilling firms to capture methane gas at their wells.",
    "Critics say the ruling party has captured the judiciary and the electoral commission.",
    "The film captured the imagination of a whole generation.",
])
def test_what_is_captured_but_no_place_or_person(pipe, text):
    assert not [e for e in hostile(events(pipe, text)) if e.cameo[:2] in ("17", "19")]


def test_a_town_captured_stays(pipe):
    evs = events(pipe, "Rebel fighters captured the town of Kalehe after two days of fighting.")
    assert any(e.cameo.startswith("19") for e in hostile(evs))


@pytest.mark.parametrize("text", [
    "The archbishop leads the Easter Vigil at the cathedral on Saturday night.",
    "Ports across the Gulf are on high alert against ransomware attacks, the agency said.",
    "Police closed the road for two hours while paramedics treated the driver.",
    "Economists argue that government intervention in the markets distorts prices.",
    "The young farmer enlisted in the army in 1998.",
    "The president has begun freezing out his chief of staff, aides say.",
])
def test_other_senses_are_no_hostile_deeds(pipe, text):
    assert not hostile(events(pipe, text))


def test_a_vigil_of_protest_and_an_army_on_alert_stay(pipe):
    assert any(e.cameo.startswith("14") for e in hostile(events(
        pipe, "Hundreds of students held a candlelight vigil outside parliament to protest the arrests.")))
    assert any(e.cameo.startswith("15") for e in hostile(events(
        pipe, "The Armenian army was put on high alert after the border incident.")))


def test_killing_off_a_custom_is_no_killing(pipe):
    evs = events(pipe, "The new labour law killed off the long lunch break in Madrid offices.")
    assert not [e for e in hostile(evs) if e.cameo[:2] == "18"]
