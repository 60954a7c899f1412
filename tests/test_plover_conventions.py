"""PLOVER's own conventions where they part from a plain CAMEO -> PLOVER mapping: the type of the main event
of a sentence or headline. Sentences written for this file, none from a dev or gold set."""
from datetime import date

import pytest

from coded import main_event, plover_type

from tocsin.model import Article


def _main(pipe, text):
    return main_event(pipe, text, date(2024, 5, 6))


def _type(pipe, text):
    return plover_type(pipe, text, date(2024, 5, 6))


@pytest.mark.parametrize("text, expected", [
    # a promise to ease one's own restrictions, curfew or campaign is the concession it promises
    ("The Ethiopian government agreed to remove restrictions on aid groups in Tigray.", "CONCEDE"),
    ("Chad agrees to lift the curfew in N'Djamena.", "CONCEDE"),
    ("Authorities in Lagos agreed to remove the curfew after talks with traders.", "CONCEDE"),
    ("The Sudanese army agreed to halt its offensive in Kordofan.", "CONCEDE"),
    # a promise of aid stays a promise; a pledge of support stays AGREE
    ("Japan agreed to provide 40 million dollars in aid to Sri Lanka.", "AGREE"),
    ("Morocco pledged support for the Libyan peace plan.", "AGREE"),
])
def test_promises_to_yield_are_concessions(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text", [
    "Colombia expresses support for Ecuador's election reform.",
    "Peru voiced support for the Chilean proposal on Monday.",
    "Kenya renewed its support for the African Union mission.",
])
def test_support_expressed_is_support(pipe, text):
    assert _type(pipe, text) == "SUPPORT"


@pytest.mark.parametrize("text, expected", [
    ("Niger ejects UN inspectors from uranium mine.", "SANCTION"),
    ("The junta ejected the foreign observers on Tuesday.", "SANCTION"),
    ("Militants hanged two men in a square in Mogadishu.", "ASSAULT"),
    ("Iran hanged three protesters on Thursday.", "ASSAULT"),
])
def test_eject_and_hang(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected, mode", [
    # an agreement is typed by what it is about; the CAMEO code stays 057
    ("Sudan and Chad signed a truce in Abeche on Friday.", "RETREAT", "ceasefire"),
    ("Armenia, Azerbaijan Sign Ceasefire Deal In Moscow", "RETREAT", "ceasefire"),
    ("Ghana and Togo signed a 50 million dollar aid agreement.", "AID", None),
    ("Peru And Chile Sign Security Cooperation Pact", "COOPERATE", None),
    # an agreement about nothing PLOVER singles out stays SUPPORT
    ("The two parties signed a peace accord in Doha.", "SUPPORT", None),
    # aid pledged is aid; aid offered or agreed to is a promise
    ("Germany pledged 30 million euros in aid to Sudan.", "AID", None),
    ("Japan offered 40 million dollars in aid to Sri Lanka.", "AGREE", None),
])
def test_agreements_and_pledges_typed_by_what_they_are_about(pipe, text, expected, mode):
    e = _main(pipe, text)
    assert (e.plover.type, e.plover.mode) == (expected, mode)
    assert e.cameo[:2] in ("05", "03", "08")


@pytest.mark.parametrize("text, expected", [
    # a headline that leaves its parties implicit still reports its event
    ("Hundreds march in downtown rally", "PROTEST"),
    ("Truce takes effect in northern region", "RETREAT"),
    ("Three indicted by grand jury in bribery case", "ACCUSE"),
])
def test_a_headline_without_named_parties_keeps_its_event(pipe, text, expected):
    assert _type(pipe, text) == expected


def test_a_partyless_deed_in_an_article_stays_out(pipe):
    text = ("Hundreds march in downtown rally. The organisers said the march would go on. "
            "Police in Nairobi arrested two students on Monday.")
    events = next(pipe.run([Article(id="a", text=text, date=date(2024, 5, 6))])).events
    assert all(e.source is not None or e.target is not None for e in events)


@pytest.mark.parametrize("text, country", [
    # a capital or city before a protest noun is where the protest is; its people protest, not the state
    ("Dhaka protests turned violent on Sunday.", "BGD"),
    ("Lagos Rally Draws Thousands", "NGA"),
    ("Mombasa protests over fuel prices enter third day", "KEN"),
])
def test_a_city_before_a_protest_is_its_place_and_people(pipe, text, country):
    e = _main(pipe, text)
    assert e.plover.type == "PROTEST"
    assert e.source is not None and e.source.country == country and e.source.sector != "GOV"


@pytest.mark.parametrize("text, code, target_sector", [
    # a headline's bare passive: the one who underwent the deed is its target
    ("Opposition leader beaten by soldiers in Kinshasa", "182", "OPP"),
    ("Village elders beaten with clubs", "182", None),
    # a grand jury convened is an investigation, not a meeting
    ("Ghana Convenes Grand Jury Over Port Bribery", "090", None),
])
def test_headline_passives_and_juries(pipe, text, code, target_sector):
    e = _main(pipe, text)
    assert e.cameo == code
    if target_sector:
        assert e.target is not None and e.target.sector == target_sector


def test_an_election_beaten_rival_is_no_assault(pipe):
    events = next(pipe.run([Article(id="b", text="The incumbent beat the opposition leader by ten points.",
                                    date=date(2024, 5, 6))])).events
    assert not any(e.cameo.startswith("18") for e in events)


@pytest.mark.parametrize("text, expected, mode", [
    # hackers and cyber attacks coerce; they use no force
    ("Chinese hackers attacked the Taiwanese election commission's servers.", "COERCE", "cyber"),
    ("Ministry Website Hit By Cyber Attack", "COERCE", "cyber"),
    ("Israeli jets attacked targets in Gaza.", "ASSAULT", "aerial"),
    # a resignation is a retreat
    ("Peru's prime minister resigned on Friday after weeks of protests.", "RETREAT", "resign"),
    ("Malawi Finance Minister Quits Amid Graft Probe", "RETREAT", "resign"),
    # an agreement reached is agreeing; one signed stays SUPPORT unless it says what it is
    ("Colombia reached an agreement with striking truckers on Monday.", "AGREE", None),
    ("Rebels And Government Reach Ceasefire Agreement", "RETREAT", "ceasefire"),
])
def test_cyber_resignations_and_reached_agreements(pipe, text, expected, mode):
    e = _main(pipe, text)
    assert (e.plover.type, e.plover.mode) == (expected, mode)


@pytest.mark.parametrize("text, expected", [
    ("Ghana Begins Exporting Cocoa to China", "COOPERATE"),
    ("Argentina imported wheat from Brazil last year.", "COOPERATE"),
    ("Farmers Block Border Crossing With Poland", "PROTEST"),
    ("Serbian President Requests Meeting With Kosovo Leader", "REQUEST"),
    ("Japan and South Korea Improve Diplomatic Cooperation", "SUPPORT"),
    ("India and Brazil expand diplomatic ties.", "SUPPORT"),
    ("Norway approves of Finland's new border policy.", "SUPPORT"),
])
def test_trade_blockades_requests_and_diplomatic_ties(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a deed ordered is the deed: the noun codes it
    ("The Rwandan government ordered the expulsion of two French reporters.", "COERCE"),
    ("The junta in Niamey ordered the closure of the border with Benin.", "COERCE"),
    # "allowed X to ...": X is the object the parser hangs on the infinitive
    ("Myanmar allowed international aid agencies to resume work in Rakhine.", "RETREAT"),
])
def test_ordered_deeds_and_allowed_agencies(pipe, text, expected):
    assert _type(pipe, text) == expected


def test_the_by_of_a_deed_inside_a_protest_is_not_the_protesters(pipe):
    # "protests against violations by the army": the army did the violations, not the protesting
    e = _main(pipe, "Demonstrations against the abuses by the Malian army spread to Mopti.")
    assert e.plover.type == "PROTEST"
    assert e.source is None or e.source.sector != "MIL"


@pytest.mark.parametrize("text, expected", [
    ("Japan decided to resume yen loans to Vietnam, frozen after the border war.", "AID"),
    ("Hungary opened its borders to thousands of refugees from Syria.", "AID"),
    ("Morocco sealed the Western Sahara after the clashes.", "COERCE"),
])
def test_aid_resumed_borders_opened_territory_sealed(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "lifts" misread as an auxiliary of "ban": the headline is mended, the ban lifted
    ("Ghana Lifts Ban on Opposition Rallies", "CONCEDE"),
    # armed groups handing over their weapons disarm; a state handing weapons to another aids it
    ("Rebels Hand Over Weapons to Peacekeepers", "RETREAT"),
    ("Militia Fighters Hand In Their Arms in Bunia", "RETREAT"),
    ("US Hands Over Weapons to Ukraine", "AID"),
])
def test_lifted_bans_and_weapons_handed_over(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ghana Demands Apology from Togo", "REQUEST"),
    ("Turkey sought an explanation from the Greek ambassador.", "REQUEST"),
    ("Riot Erupts in Kumasi After Disputed Election", "PROTEST"),
    ("Rioting spread to three more towns on Sunday.", "PROTEST"),
])
def test_demanded_apologies_and_riots(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # drills of one's own are a show of force; joint drills are cooperation
    ("Ghana Conducts Military Drills Near Border", "MOBILIZE"),
    ("Venezuela conducted drills along the Colombian border.", "MOBILIZE"),
    ("Ghana and Togo conducted joint drills in the Gulf of Guinea.", "COOPERATE"),
])
def test_drills_alone_and_joint(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a response in force announced is a threat; one made is an assault
    ("Iran said it would respond militarily to any attack on its soil.", "THREATEN"),
    ("Ghana will respond with full force to any incursion, the army chief said.", "THREATEN"),
    ("Israel responded with air strikes on Gaza.", "ASSAULT"),
    # a pardon frees
    ("Ugandan President Yoweri Museveni pardoned 200 rebels.", "RETREAT"),
])
def test_responses_in_force_and_pardons(pipe, text, expected):
    assert _type(pipe, text) == expected


def test_defending_a_deed_is_support_not_the_deed(pipe):
    assert _type(pipe, "Turkey defended Azerbaijan's military operation in Karabakh.") == "SUPPORT"


@pytest.mark.parametrize("text", [
    "Kenya and Uganda Sign Deal to Share Intelligence",
    "Ghana and Togo signed an agreement to extradite fugitives.",
])
def test_an_agreement_to_cooperate_is_cooperation(pipe, text):
    assert _type(pipe, text) == "COOPERATE"


@pytest.mark.parametrize("text, expected", [
    ("India warned Pakistan of a fitting reply to any misadventure.", "THREATEN"),
    ("The Khmer Rouge agreed to surrender.", "CONCEDE"),
])
def test_warned_replies_and_agreed_surrenders(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected, mode", [
    # a conviction or sentence is a sanction (mode convict); "found guilty" has its adjective as a predicate
    ("Three Opposition Activists Found Guilty of Sedition", "SANCTION", "convict"),
    ("A Cairo court found the former minister guilty of fraud.", "SANCTION", "convict"),
    ("Ex-President Sentenced to 20 Years in Prison", "SANCTION", "convict"),
    # a promise to keep a ceasefire is the ceasefire
    ("The warring parties agreed to observe a truce.", "RETREAT", "ceasefire"),
    ("Both Sides Agree to Implement Ceasefire in Darfur", "RETREAT", "ceasefire"),
])
def test_convictions_and_promised_ceasefires(pipe, text, expected, mode):
    e = _main(pipe, text)
    assert (e.plover.type, e.plover.mode) == (expected, mode)


@pytest.mark.parametrize("text", [
    "The government said it would scrap the fuel tax.",
    "Senegal Will Shelve Controversial Mining Project After Protests",
])
def test_a_promise_to_drop_a_policy_is_a_concession(pipe, text):
    assert _type(pipe, text) == "CONCEDE"


@pytest.mark.parametrize("text, expected", [
    # only the statement about it has a party: the headline's deed is still its event
    ("Mass Killings Reported in Sudan in Lead Up to Talks", "ASSAULT"),
    ("Inspectors Report Use of Chemical Weapons Near Idlib", "ASSAULT"),
])
def test_a_reported_deed_outranks_the_report(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text", [
    "Russia spoke out in defense of Serbia's actions in Kosovo.",
    "Iran rallied Muslim nations behind the Palestinian cause.",
    "Japan's emperor expressed deep remorse for the suffering caused by Japan during the war.",
    "India upgraded its diplomatic mission in Kabul to a full embassy.",
])
def test_more_ways_of_support(pipe, text):
    assert _type(pipe, text) == "SUPPORT"


@pytest.mark.parametrize("text, expected", [
    ("Serb forces expelled thousands of ethnic Albanians from their homes.", "ASSAULT"),
    ("Russia and China signed a contract to build a nuclear power plant.", "COOPERATE"),
])
def test_mass_expulsions_and_contracts(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Human Rights Watch Calls Out Ghana for Abuses", "ACCUSE"),
    ("The president called out the army to restore order.", "MOBILIZE"),
    ("Demonstrators Flood Streets of Accra", "PROTEST"),
    ("Ghana Agrees to Electoral Reforms After Protests", "CONCEDE"),
])
def test_calls_out_crowds_and_agreed_reforms(pipe, text, expected):
    assert _type(pipe, text) == expected


def test_tear_gas_is_riot_control_not_a_chemical_weapon(pipe):
    e = _main(pipe, "Protesters Tear-Gassed in Kampala")
    assert e.cameo == "175"


@pytest.mark.parametrize("line, expected", [
    ("Journalist Beaten by Police in Harare", "Journalist beaten by police in Harare"),
    ("Stones Thrown at Police in Kumasi", "Stones thrown at police in Kumasi"),
    ("Golden Dawn Leader Arrested in Athens", "Golden Dawn leader arrested in Athens"),
])
def test_title_case_participles_in_en_lose_their_capital(line, expected):
    from tocsin.headline import sentence_case
    assert sentence_case(line) == expected


def test_a_headline_passive_in_en_is_coded(pipe):
    e = _main(pipe, "Journalist Beaten by Police in Harare")
    assert e.plover.type == "ASSAULT" and e.source.sector == "COP"


@pytest.mark.parametrize("text, expected", [
    ("Ghana and Togo Expand Trade Ties", "COOPERATE"),
    ("Ghana and Togo Set Up Joint Border Patrols", "COOPERATE"),
    ("Ghana Hands Over Suspected Smugglers to Togo", "COOPERATE"),
])
def test_trade_ties_joint_patrols_and_handovers(pipe, text, expected):
    assert _type(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ghana Army Calls Upon Reservists Ahead of Offensive", "MOBILIZE"),
    ("The UN called on both sides to observe the truce.", "REQUEST"),
])
def test_reservists_called_on_are_mobilised(pipe, text, expected):
    assert _type(pipe, text) == expected


def test_a_complaint_brought_is_an_official_complaint(pipe):
    e = _main(pipe, "Ghana brings official complaint against Togo over fishing rights")
    assert e.cameo == "114" and e.plover.type == "ACCUSE"


@pytest.mark.parametrize("text", [
    "Kenya: Widespread Abductions Reported in Coastal Towns",
    "Kenya: Dozens Abducted in Coastal Towns",
])
def test_a_headline_after_its_topic_and_colon_is_still_one_report(pipe, text):
    # the parser splits the line at its colon; the deed after it is still the headline's one report
    assert _type(pipe, text) == "ASSAULT"
