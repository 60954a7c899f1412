"""Who did what to whom across a whole article (issue 7): the speaker's country, titles named again,
parts of a party. Every text here is written for this file, none is taken from a dev or gold set."""
from datetime import date

import pytest

from tocsin.model import Article


def events(pipe, text, when=date(2021, 5, 4)):
    return next(pipe.run([Article(id="t", text=text, date=when)])).events


def country(actor):
    return actor.country if actor is not None else None


def of(es, word):
    return [e for e in es if word in e.sentence]


# ---------- a speaker's country is not that of a place in what they say ----------
@pytest.mark.parametrize("text, speaker, home", [
    ("Estonia recalled its envoy from Minsk on Monday. Estonian Prime Minister Kaja Lind defended the step. "
     "The minister said the envoy would go back to Minsk next month.", "The minister", "EST"),
    ("Portugal sent two frigates to the Channel on Friday. Defence Minister Rui Matos spoke to reporters. "
     "The minister said the ships would stay near Dover for a week.", "The minister", "PRT"),
])
def test_the_minister_is_the_minister_named_before(pipe, text, speaker, home):
    found = [e for e in events(pipe, text) if e.source is not None and e.source.text == speaker]
    assert found and all(country(e.source) == home for e in found)


def test_a_speaker_takes_no_country_from_the_place_he_names(pipe):
    es = events(pipe, "The interior minister said the convoy had reached Kandahar on Sunday.")
    said = [e for e in es if e.cameo[:2] == "01" and e.source is not None and "minister" in e.source.text]
    assert said and all(country(e.source) != "AFG" for e in said)


def test_what_the_speaker_says_still_takes_the_speakers_country(pipe):
    es = events(pipe, "Kenya's president said the police would arrest the smugglers.")
    arrests = [e for e in es if e.cameo[:3] == "173"]
    assert arrests and all(country(e.source) == "KEN" for e in arrests)


def test_a_titled_name_the_tables_lack_is_of_the_story_not_of_the_body_named_last(pipe):
    text = ("Slovakia expels Belarusian diplomats\n\nSlovak Prime Minister Juraj Tomek defended the expulsions "
            "on Monday. Slovakia ordered three diplomats to leave Minsk's embassy in Bratislava. "
            "\"We had no choice,\" said PM Juraj Tomek.")
    said = [e for e in events(pipe, text) if e.source is not None and "Tomek" in e.source.text]
    assert said and all(country(e.source) == "SVK" for e in said)


# ---------- a part of a party stands for it ----------
@pytest.mark.parametrize("text, src, tgt", [
    ("Syrian troops shelled a village near Idlib on Monday. Some of the rebel groups retaliated against "
     "government forces.", "REB", "MIL"),
    ("Police fired tear gas in Lagos on Tuesday. Dozens of the protesters threw stones at the police.", "CVL", "COP"),
])
def test_a_part_of_a_party_is_that_party(pipe, text, src, tgt):
    second = text.split(". ")[1][:20]
    es = [e for e in of(events(pipe, text), second) if e.cameo[:2] in ("14", "17", "18", "19")]
    assert es and es[0].source is not None and es[0].source.sector == src
    assert es[0].target is not None and es[0].target.sector == tgt


def test_whose_positions_were_shelled(pipe):
    es = [e for e in events(pipe, "Government troops shelled rebel positions near the border on Sunday.")
          if e.cameo[:2] in ("18", "19", "20")]
    assert es and es[0].target is not None and es[0].target.sector == "REB"


# ---------- one person with two titles ----------
def test_two_titles_of_one_named_person_are_one_actor(pipe):
    es = [e for e in events(pipe, "Russian Foreign Minister and deputy prime minister Sergei Lavrov criticised NATO.")
          if e.cameo[:2] == "11"]
    assert len(es) == 1 and es[0].source.country == "RUS"


def test_two_named_people_stay_two(pipe):
    es = [e for e in events(pipe, "President Tomas Reyes and Prime Minister Ana Ruiz of Peru criticised Chile.")
          if e.cameo[:2] == "11"]
    assert len(es) == 2


# ---------- police ranks are the police's ----------
@pytest.mark.parametrize("text", [
    "Ohio State Police Lt. Mark Dunn said the driver was arrested on Friday.",
    "Police Captain Maria Lopez said the march was peaceful.",
])
def test_a_police_rank_is_police(pipe, text):
    es = [e for e in events(pipe, text) if e.source is not None and e.source.text.endswith(("Dunn", "Lopez"))]
    assert es and all(e.source.sector == "COP" for e in es)


def test_officers_under_a_police_captain_are_police(pipe):
    es = [e for e in events(pipe, "Police Captain Maria Lopez said officers detained three protesters in Lima.")
          if e.cameo[:3] == "173"]
    assert es and es[0].source.sector == "COP"


# ---------- a name a table knows goes on past its key ----------
@pytest.mark.parametrize("text, code", [
    ("Sultan Haitham bin Tariq received the Iranian foreign minister in Muscat.", "OMNGOV"),
    ("Emir Tamim bin Hamad Al Thani received the Iranian foreign minister in Doha.", "QATGOV"),
])
def test_a_ruler_with_his_full_name_is_his_government(pipe, text, code):
    es = [e for e in events(pipe, text, when=date(2024, 6, 1)) if e.cameo[:2] == "04"]
    assert es and es[0].source.code == code


def test_fire_on_police_on_a_boulevard_is_aimed_at_the_police(pipe):
    es = [e for e in events(pipe, "A gunman opened fire on police on the main boulevard of Lyon on Friday.")
          if e.cameo[:2] in ("18", "19")]
    assert es and es[0].target is not None and es[0].target.sector == "COP"


# ---------- a dateline is no part of the name after it ----------
@pytest.mark.parametrize("text, code", [
    ("MOMBASA, Kenya, Jun 9 \u2013 Chief Justice Ruth Wanjiku has rejected claims by the interior minister. "
     "Wanjiku spoke in Mombasa.", "KENJUD"),
])
def test_a_dateline_does_not_join_the_name(pipe, text, code):
    es = [e for e in events(pipe, text) if e.cameo[:2] == "01" and e.source is not None and "Wanjiku" in e.source.text]
    assert es and es[0].source.code == code and not es[0].source.text.startswith(("Jun", "MOMBASA"))


def test_protest_leaders_are_no_government(pipe):
    es = [e for e in events(pipe, "Police in Lagos arrested the protest leaders on Monday.") if e.cameo[:3] == "173"]
    assert es and es[0].target is not None and es[0].target.sector == "CVL"


def test_a_person_who_shares_a_towns_name_does_not_make_the_story_foreign(pipe):
    text = ("Thandi said the clinic in Cape Town had turned her away. Thandi said she had waited for hours. "
            "Thandi told reporters that the police in Cape Town had not helped. The police in the Western Cape "
            "arrested a nurse on Monday.")
    es = [e for e in events(pipe, text) if e.source is not None and e.source.sector == "COP"]
    assert all(e.source.country in (None, "ZAF") for e in es)


# ---------- "him" is never the one who acts on him ----------
def test_him_is_the_other_person_not_the_source(pipe):
    text = ("Czech Prime Minister Jan Novak criticised Vienna on Monday. On Tuesday, Novak sent a letter to Austrian "
            "Chancellor Karl Huber, accusing him of blocking the gas pipeline.")
    es = [e for e in events(pipe, text) if e.cameo[:3] == "112" and e.source is not None and "Novak" in e.source.text]
    assert es and es[0].target is not None and es[0].target.country == "AUT"


# ---------- the office the text gives, and who holds it ----------
def test_undated_a_title_picks_the_office_the_text_gives():
    from tocsin.actors.resolver import ActorResolver

    r = ActorResolver()
    assert r.lookup("Ukrainian President Petro Poroshenko", None).code == "UKRGOV"
    assert r.lookup("former President Petro Poroshenko", None).sector == "ELI"


def test_the_president_is_not_the_other_party_of_the_event(pipe):
    text = ("President Joe Biden met Turkish President Recep Tayyip Erdogan in Madrid on Wednesday. "
            "The president's meeting with Erdogan lasted an hour.")
    es = [e for e in of(events(pipe, text, when=date(2022, 6, 29)), "lasted") if e.cameo[:2] == "04"]
    assert es and country(es[0].source) == "USA" and country(es[0].target) == "TUR"


@pytest.mark.parametrize("text, sector", [
    ("Evangelical leaders praised the president on Monday.", "REL"),
    ("Catholic bishops criticised the government on Sunday.", "REL"),
])
def test_religious_leaders_are_religious(pipe, text, sector):
    es = [e for e in events(pipe, text) if e.source is not None]
    assert es and es[0].source.sector == sector


# ---------- a stance on a deed told before is aimed at its doer ----------
@pytest.mark.parametrize("text, doer", [
    ("Militants from the Hamas movement fired rockets at the Israeli town of Sderot on Tuesday. "
     "The Egyptian government condemned the attacks.", "PSE"),
    ("Russian forces shelled the Ukrainian city of Kharkiv overnight, killing five civilians. "
     "Poland's foreign minister condemned the attack.", "RUS"),
])
def test_condemning_the_attack_is_aimed_at_the_attacker(pipe, text, doer):
    es = [e for e in of(events(pipe, text, when=date(2023, 3, 1)), "condemned") if e.cameo[:2] == "11"]
    assert es and country(es[0].target) == doer


def test_condemning_an_attack_no_one_did_has_no_target(pipe):
    text = "A bomb exploded in a market in Kano on Monday. The governor condemned the attack."
    es = [e for e in of(events(pipe, text), "condemned") if e.cameo[:2] == "11"]
    assert all(e.target is None or e.target.sector != "GOV" for e in es)


def test_the_two_leaders_are_the_two_who_met(pipe):
    text = ("Chancellor Olaf Scholz spoke by phone with President Emmanuel Macron on Monday. "
            "The two leaders agreed to coordinate their response.")
    es = [e for e in of(events(pipe, text, when=date(2023, 3, 1)), "two leaders") if e.cameo[:2] == "03"]
    assert es and {country(es[0].source), country(es[0].target)} == {"DEU", "FRA"}


# ---------- people no table knows ----------
def test_a_person_no_table_knows_is_of_the_story(pipe):
    text = ("Police in Lahore arrested three men on Monday. The Punjab government ordered an inquiry in Lahore. "
            "In Lahore, the chief minister met Ali Raza Khan, whose son was detained.")
    es = [e for e in of(events(pipe, text), "whose son") if e.cameo[:2] == "04"]
    assert es and country(es[0].target) == "PAK"


def test_a_gunman_acts_where_the_sentence_places_him(pipe):
    text = ("Two tourists from Ohio were in Paris last week. Their families in Ohio were worried. "
            "A gunman opened fire on police on Paris' main boulevard on Thursday night. "
            "The tourists will return to Ohio next week.")
    es = [e for e in of(events(pipe, text), "gunman") if e.cameo[:2] in ("18", "19")]
    assert es and country(es[0].source) == "FRA"


def test_a_state_and_a_group_named_together_are_two_parties(pipe):
    es = [e for e in events(pipe, "Backed by Russia and Shiite militias, Syrian government forces attacked rebel "
                                  "positions near Aleppo on Monday.") if e.cameo[:2] == "05"]
    texts = {e.source.text for e in es if e.source is not None}
    assert es and "Russia and Shiite militias" not in texts and any(country(e.source) == "RUS" for e in es)


def test_condemning_the_attack_on_someone_else_is_not_aimed_at_another_doer(pipe):
    text = ("Rebels shelled the airport in Bouake on Monday. President Jean Kouassi ordered air strikes on the rebels. "
            "The UN Security Council condemned the attack on the French troops.")
    es = [e for e in of(events(pipe, text), "Security Council") if e.cameo[:2] == "11"]
    assert es and all(e.target is None or e.target.sector != "GOV" for e in es)


# ---------- two organs of one state are two parties ----------
@pytest.mark.parametrize("text, word, code", [
    ("President Ana Ruiz signed a decree on Monday to send troops to the border. The state governors backed "
     "the president's move.", "governors", "051"),
    ("Chile's interior minister announced a curfew on Friday. The Senate criticised the minister's decision "
     "on Saturday.", "Senate", "111"),
])
def test_a_state_organ_aimed_at_another_keeps_its_target(pipe, text, word, code):
    found = [e for e in of(events(pipe, text), word) if e.cameo == code]
    assert found and any(e.target is not None and e.source is not None
                         and country(e.target) == country(e.source) for e in found)


def test_a_party_is_still_never_its_own_target(pipe):
    es = events(pipe, "Prime Minister Ana Ruiz said on Monday that she backed her own decision.")
    assert all(e.target is None or e.target.code != e.source.code for e in es if e.source is not None)


# ---------- the owner of what a deed is aimed at ----------
def test_a_possessive_names_the_target(pipe):
    es = events(pipe, "Chancellor Greta Holm of Sweden announced new tax rules on Monday. "
                      "The opposition leader criticised her decision on Tuesday.")
    crit = [e for e in of(es, "criticised") if e.cameo[:2] == "11"]
    assert crit and any(country(e.target) == "SWE" for e in crit)


def test_their_in_a_participle_clause_is_the_group_named_before(pipe):
    es = events(pipe, "Chad's army broke a truce with the rebels on Thursday, shelling their camps near Abeche.",
                date(2021, 5, 4))
    shelled = [e for e in es if e.cameo[:2] == "19" and "shelling" in e.sentence]
    assert shelled and any(e.target is not None and e.target.sector == "REB" for e in shelled)


# ---------- "he" and "she" are a man and a woman the text named ----------
@pytest.mark.parametrize("text, word, code", [
    ("Prime Minister Ingrid Brandt of Norway met President Omar Diallo of Senegal in Oslo on Monday. "
     "On Tuesday he rejected the Norwegian trade offer.", "rejected", "SEN"),
    ("King Faisal of Jordan met with Mrs Ana Costa of Portugal in the capital on Monday to discuss their trade. "
     "She praised the Jordanian reforms.",
     "praised", "PRT"),
    ("Senegal's President Omar Diallo received Norway's Prime Minister Ingrid Brandt on Monday. "
     "She criticised the Senegalese budget on Tuesday.", "criticised", "NOR"),
])
def test_a_personal_pronoun_is_a_person_of_its_gender(pipe, text, word, code):
    es = [e for e in of(events(pipe, text), word) if e.source is not None and e.source.text.lower() in ("he", "she")]
    assert es and all(country(e.source) == code for e in es)


def test_a_surname_alone_gives_no_gender():
    from tocsin.coding.article import _ent_gender
    from tocsin.nlp import load
    doc = load()("General John Kelly spoke. Kelly left.")
    kelly = [e for e in doc.ents if e.text == "Kelly"]
    assert all(_ent_gender(e) is None for e in kelly)
    assert any(_ent_gender(e) == "m" for e in doc.ents if "John" in e.text)


# ---------- a statement that lays blame accuses ----------
@pytest.mark.parametrize("text, tgt", [
    ("Latvian Prime Minister Ilze Berzina said Belarus was most likely responsible for the cyberattack.", "BLR"),
    ("Polish investigators have said the saboteurs were Russian.", "RUS"),
    ("Georgia's interior minister said Russia was behind the sabotage of the railway.", "RUS"),
    ("The Kenyan minister said al-Shabaab was to blame for the bombing in Garissa.", "SOM"),
])
def test_blame_said_is_an_accusation_of_the_blamed(pipe, text, tgt):
    acc = [e for e in events(pipe, text) if e.cameo == "112"]
    assert acc and any(country(e.target) == tgt for e in acc)


def test_blame_on_no_party_is_a_plain_statement(pipe):
    es = events(pipe, "The Latvian minister said the storm was responsible for the delays at Riga airport.")
    assert not [e for e in es if e.cameo[:2] == "11"]


def test_who_is_to_blame_blames_no_one(pipe):
    es = events(pipe, "The Kenyan minister said al-Shabaab was to blame for the bombing in Garissa.")
    assert not [e for e in es if e.cameo[:2] == "11" and e.source is not None and "Shabaab" in e.source.text]


# ---------- a name the article gave a person is that person where the NER misses it ----------
def test_he_is_the_last_main_subject_not_a_name_inside_a_clause(pipe):
    text = ("Estonian Prime Minister Peter Lind met the press in Tallinn on Monday. Lind said the expulsion was right. "
            "Critics said it recalled 2003, when Saddam Hussein did not have the weapons. Lind stressed that the "
            "decision was political. 'It was a political decision,' he explained.")
    es = [e for e in events(pipe, text) if e.source is not None and e.source.text.lower() == "he"]
    assert all(country(e.source) != "IRQ" for e in es)


# ---------- titles of the legislature ----------
@pytest.mark.parametrize("title", ["Senate President", "Senate Majority Leader", "Assembly Speaker", "House Speaker"])
def test_a_presiding_officer_is_of_the_legislature(title):
    from tocsin.actors.resolver import ActorResolver
    a = ActorResolver().lookup(f"{title} John Okafor", date(2019, 6, 1))
    assert a is not None and a.sector == "LEG"


# ---------- parties by name, and an organisation's officer in an undated text ----------
@pytest.mark.parametrize("name, code", [
    ("the ruling Popular Renewal Congress", "PTY"),
    ("the opposition Peoples Progress Party", "OPP"),
    ("the Green Party", "PTY"),
    ("Democratic Party of Korea", "KORPTY"),
    ("Republican leader", "PTY"),
    ("NDP leader", "PTY"),
    ("NATO chief", "IGONAT"),
    ("mixed martial arts fighter", "CVL"),
    ("firefighters", "CVL"),
    ("Congress", "USALEG"),
])
def test_a_party_named_is_a_party(name, code):
    from tocsin.actors.resolver import ActorResolver
    a = ActorResolver().lookup(name, date(2018, 4, 6))
    assert a is not None and a.code == code


def test_an_undated_officer_of_an_organisation_is_its_officer():
    from tocsin.actors.resolver import ActorResolver
    a = ActorResolver().lookup("UN Secretary-General Antonio Guterres", None)
    assert a is not None and a.code == "IGOUNO"


# ---------- evidence a speaker cites accuses whom it points to ----------
@pytest.mark.parametrize("text, src, tgt", [
    ("Iraqi officials said the bombing bore the hallmarks of Islamic State.", "IRQ", "IMGISL"),
    ("The Turkish minister said all the evidence pointed to the PKK.", "TUR", "TUR"),
])
def test_the_speaker_of_evidence_accuses(pipe, text, src, tgt):
    acc = [e for e in events(pipe, text) if e.cameo == "112"]
    assert acc and any(country(e.source) == src and (e.target.code or "").startswith(tgt) or country(e.target) == tgt
                       for e in acc if e.target is not None and e.source is not None)


# ---------- what a state's organ does at home is done to its own country ----------
@pytest.mark.parametrize("text, code", [
    ("Police arrested 40 protesters in Nairobi on Monday.", "KEN"),
    ("Nigerian police confiscated 86 firearms in Osogbo on Tuesday.", "NGA"),
])
def test_a_deed_at_home_targets_the_home_country(pipe, text, code):
    es = [e for e in events(pipe, text) if e.cameo[:2] == "17"]
    assert es and any(country(e.target) == code for e in es)


# ---------- a stance on an act named again is aimed at whoever did it ----------
@pytest.mark.parametrize("text, word, tgt", [
    ("The European Union proposed new talks on the gas dispute on Monday. Russia rejected the proposal on Tuesday.",
     "rejected", "IGOEUR"),
    ("Japan imposed sanctions on North Korea on Friday. Pyongyang condemned the sanctions.", "condemned", "JPN"),
    ("The Kenyan government announced a curfew in Nairobi. Opposition leaders criticised the decision.",
     "criticised", "KEN"),
])
def test_a_stance_on_an_act_named_again_targets_its_doer(pipe, text, word, tgt):
    es = of(events(pipe, text), word)
    assert es and any(e.target is not None and (e.target.code or "").startswith(tgt) for e in es)


def test_a_title_before_a_name_the_parser_hung_elsewhere_still_says_who(pipe):
    text = ("When the Chilean president made a phone call to Russian leader Vladimir Putin, Chilean interior minister "
            "Pedro Soto was not on the line. On Tuesday Soto criticised Argentina's decision to close the border.")
    crit = [e for e in of(events(pipe, text, date(2023, 5, 4)), "criticised") if e.cameo[:2] == "11"]
    assert crit and all(e.source is not None and e.source.code == "CHLGOV" for e in crit)


def test_setting_out_a_partys_alleged_part_accuses_it(pipe):
    es = events(pipe, "Greek officials briefed foreign diplomats on Monday, explaining Turkey's alleged role in the fires.")
    assert any(e.cameo == "112" and country(e.target) == "TUR" and country(e.source) == "GRC" for e in es)


def test_rebels_who_yield_yield_to_their_government(pipe):
    es = events(pipe, "Government forces shelled the town for weeks. Malian rebels said the shelling forced them to "
                      "surrender their weapons.")
    yielded = [e for e in es if e.cameo[:2] == "08" and e.source is not None and e.source.sector == "REB"]
    assert yielded and all(e.target is not None and e.target.code == "MLIGOV" for e in yielded)


# ---------- the other party the sentence names, when the parse hung it away from the verb ----------
@pytest.mark.parametrize("text, word, code", [
    ("South Korea's parliament met on Friday. In a stormy session, lawmakers voted to impeach President Park "
     "Geun-hye over the scandal.", "impeach", "KOR"),
    ("Tunisian authorities oppose the presence of foreign bases, and were wary of NATO's plans in Libya. "
     "The Tunisian government rejected the request on Monday, officials said, citing NATO's plans.", "rejected",
     "IGONAT"),
])
def test_the_other_party_of_the_sentence_is_the_target(pipe, text, word, code):
    es = [e for e in of(events(pipe, text, date(2017, 1, 4)), word) if e.cameo[:2] in ("11", "12")]
    assert es and any(e.target is not None and (e.target.code or "").startswith(code) for e in es)


def test_no_other_party_from_a_bare_crowd(pipe):
    es = events(pipe, "The Kenyan president met on Monday with farmers and traders in a town near Nakuru. "
                      "He appealed to farmers to plant maize.")
    appeals = [e for e in of(es, "appealed") if e.cameo[:2] == "02"]
    assert all(e.target is None or e.target.country == "KEN" for e in appeals)


@pytest.mark.parametrize("text, code", [
    ("French President Emmanuel Macron arrived in Kyiv on Monday for talks.", "UKR"),
    ("French President Emmanuel Macron arrived in Marseille on Monday.", None),
])
def test_a_visit_to_a_place_abroad_is_a_visit_to_its_country(pipe, text, code):
    visits = [e for e in events(pipe, text, date(2024, 5, 4)) if e.cameo == "042"]
    assert visits and all(country(e.target) == code for e in visits)


# ---------- session 8: pairs, parties, names that only look like a leader's ----------
@pytest.mark.parametrize("text, a, b", [
    ("Italian Prime Minister Paolo Verdi and his Austrian counterpart, Karl Huber, spoke by telephone on Monday. "
     "The call lasted an hour.", "ITA", "AUT"),
    ("Greek President Nikos Andreou and Portuguese President Rui Matos met in Lisbon on Monday. "
     "They spoke for an hour.", "GRC", "PRT"),
    ("Norway and Chile held joint naval exercises off Valparaiso on Tuesday. "
     "The drills lasted a week.", "NOR", "CHL"),
])
def test_two_parties_named_together_act_with_each_other(pipe, text, a, b):
    es = [e for e in events(pipe, text, date(2011, 5, 4)) if e.cameo[:2] in ("04", "06")]
    pairs = {(country(e.source), country(e.target)) for e in es}
    assert (a, b) in pairs and (b, a) in pairs


def test_the_opposition_is_a_party_not_a_stance(pipe):
    es = events(pipe, "Zambia's president spoke in Lusaka on Friday. The government accused the opposition of "
                      "stirring up riots in the capital.", date(2011, 5, 4))
    assert not [e for e in es if e.cameo[:2] == "12"]
    accused = [e for e in of(es, "stirring") if e.cameo[:3] == "112"]
    assert accused and all(country(e.target) == "ZMB" for e in accused)


def test_opposition_to_a_plan_is_still_a_stance(pipe):
    es = events(pipe, "Oslo voiced its opposition to the dam on Friday. Swedish opposition to the dam is growing.",
                date(2011, 5, 4))
    assert [e for e in of(es, "Swedish") if e.cameo == "120" and country(e.source) == "SWE"]


def test_parties_by_their_names_are_of_the_storys_country(pipe):
    es = events(pipe, "British ministers met in London on Monday to discuss the budget. The Tories accused Labour "
                      "of wasting money. The Liberal Democrats criticised both parties.", date(2005, 3, 4))
    accused = [e for e in of(es, "wasting") if e.cameo[:2] == "11"]
    assert accused and all(country(e.source) == "GBR" and country(e.target) == "GBR" for e in accused)
    criticised = [e for e in of(es, "Liberal Democrats") if e.cameo[:2] == "11"]
    assert criticised and all(country(e.source) == "GBR" for e in criticised)


def test_his_is_the_person_the_clause_above_names(pipe):
    es = events(pipe, "Peru backs some of the rebel groups in the south. Venezuelan President Hugo Chavez said the "
                      "truce was meant to halt his army's advance.", date(2005, 3, 4))
    halted = [e for e in of(es, "truce") if e.cameo[:2] == "08" and e.target is not None]
    assert halted and all(country(e.target) == "VEN" for e in halted)


@pytest.mark.parametrize("text, home", [
    ("British Columbia Finance Minister Anne Moss said Ottawa had failed the provinces. She criticised the offer.",
     "CAN"),
    ("The governor of New Mexico said the troops were welcome. He praised the plan.", "USA"),
])
def test_a_region_named_like_a_state_lies_where_the_gazetteer_puts_it(pipe, text, home):
    es = [e for e in events(pipe, text, date(2017, 3, 4)) if e.source is not None]
    assert es and all(country(e.source) == home for e in es)


def test_an_arrest_is_by_the_police_of_where_it_happened(pipe):
    es = events(pipe, "Canadian teacher Anne Moss was detained in Izmir in October. The Turkish government says she "
                      "has links to the coup plotters.", date(2017, 5, 1))
    arrests = [e for e in es if e.cameo == "173"]
    assert arrests and all(country(e.source) == "TUR" and country(e.target) == "CAN" for e in arrests)


def test_a_foreign_state_dealt_with_lends_no_country_to_a_bare_organ(pipe):
    es = events(pipe, "Nepal's opposition blamed India for the unrest in Kathmandu. Opposition leaders demanded the "
                      "withdrawal of India's troops from Nepal and called for the government to resign.",
                date(2005, 2, 16))
    demands = [e for e in of(es, "withdrawal") if e.cameo[:2] == "02" or e.cameo[:3] == "105"]
    assert demands and all(country(e.source) == "NPL" for e in demands)
    resign = [e for e in of(es, "resign") if e.target is not None and e.target.sector == "GOV"]
    assert all(country(e.target) == "NPL" for e in resign)


def test_an_independent_investigation_names_no_newspaper(pipe):
    es = events(pipe, "Chad's army fired on protesters in N'Djamena. Human rights groups called for an independent "
                      "investigation.", date(2005, 2, 16))
    assert all(not (e.target is not None and e.target.sector == "MED") for e in es)


def test_a_bomb_that_rips_through_a_place_is_a_bombing_there(pipe):
    es = events(pipe, "Gunmen have attacked police posts across Karachi this week. On Friday a bomb ripped through the "
                      "army headquarters in Karachi.", date(2005, 2, 16))
    assert [e for e in of(es, "ripped") if e.cameo[:3] == "183" and country(e.target) == "PAK"]


def test_a_warning_that_a_state_would_face_force_is_a_threat_to_it(pipe):
    es = events(pipe, "Tensions rose in the Baltic on Monday. The Swedish prime minister warned Russia that it would face "
                      "a firm response if it closed the strait.", date(2026, 3, 4))
    threats = [e for e in es if e.cameo[:2] == "13"]
    assert threats and all(country(e.source) == "SWE" and country(e.target) == "RUS" for e in threats)
    closing = [e for e in of(es, "closed") if e.cameo[:2] == "19"]
    assert all(country(e.source) == "RUS" for e in closing)


def test_a_warning_of_a_danger_is_still_no_threat(pipe):
    es = events(pipe, "Storms hit the coast on Monday. The embassy warned that tourists could face long delays.",
                date(2026, 3, 4))
    assert not [e for e in es if e.cameo[:2] == "13"]


def test_european_leaders_are_not_of_the_storys_country(pipe):
    es = events(pipe, "Iran fired missiles at two tankers in the Gulf on Wednesday. Iranian officials defended the "
                      "strikes. European leaders condemned the attack.", date(2026, 3, 4))
    condemned = [e for e in of(es, "European") if e.source is not None]
    assert condemned and all(country(e.source) != "IRN" for e in condemned)


def test_condemning_the_attacks_aims_at_the_attacker_not_the_interceptor(pipe):
    es = events(pipe, "Iran fired missiles at two tankers near Oman on Wednesday. The Indian navy said its frigates "
                      "intercepted several drones in the Arabian Sea. Kenya's foreign ministry condemned the attacks and "
                      "called on all sides to exercise restraint.", date(2026, 3, 4))
    condemned = [e for e in of(es, "condemned") if e.cameo[:2] == "11"]
    assert condemned and all(country(e.target) == "IRN" for e in condemned)
    calls = [e for e in of(es, "all sides") if e.cameo[:2] == "02"]
    assert all(country(e.target) != "KEN" for e in calls)


def test_killings_a_speaker_speaks_of_are_not_the_speakers(pipe):
    es = events(pipe, "Canada's foreign minister said the killings in Ethiopia's Tigray region amount to war crimes. "
                      "She blamed the Ethiopian government.", date(2021, 9, 10))
    killings = [e for e in of(es, "killings") if e.cameo[:2] == "18"]
    assert all(country(e.source) != "CAN" for e in killings)


def test_objections_are_disapproval(pipe):
    es = events(pipe, "Norway plans to sell frigates to Chile. Swedish objections to the sale were dismissed on Monday.",
                date(2005, 3, 1))
    assert [e for e in of(es, "objections") if e.cameo[:2] == "11" and country(e.source) == "SWE"]


def test_a_region_named_like_a_people_is_not_their_state_as_the_other_party(pipe):
    es = events(pipe, "Tamil Nadu has moved the Supreme Court over the river dispute. In its petition, the state said "
                      "New Delhi had failed to set up the board, and asked Tamil Nadu officials to wait.", date(2018, 4, 1))
    assert all(country(e.target) != "LKA" and country(e.source) != "LKA" for e in es)


@pytest.mark.parametrize("text, home", [
    ("OTTAWA - Canadian MPs met on Monday. The House of Commons voted to ratify the trade deal with the EU.", "CAN"),
    ("LONDON - British MPs debated the war on Monday. The House of Commons voted to back the motion.", "GBR"),
])
def test_a_house_of_commons_is_the_storys_countrys(pipe, text, home):
    es = [e for e in of(events(pipe, text, date(2016, 12, 1)), "House of Commons") if e.source is not None]
    assert es and all(country(e.source) == home for e in es)


def test_the_government_named_again_is_the_body_not_a_neighbours_officials(pipe):
    es = events(pipe, "Malian troops fired on protesters in Bamako on Friday. The United States urged the Malian "
                      "government to show restraint. Guinean officials said they would not return the refugees to Mali. "
                      "Human rights groups accused the government of a massacre.", date(2005, 5, 16))
    accused = [e for e in of(es, "massacre") if e.cameo[:3] == "112"]
    assert accused and all(country(e.target) == "MLI" for e in accused)


def test_a_threat_lends_no_country_to_the_bare_party_it_targets(pipe):
    es = events(pipe, "Nepal's opposition held rallies in Kathmandu on Monday. Opposition leader Ram Thapa accused "
                      "Beijing of trying to intimidate the opposition.", date(2005, 2, 16))
    threats = [e for e in of(es, "intimidate") if e.cameo[:2] == "13"]
    assert threats and all(country(e.target) != "CHN" for e in threats)
    # nor does a capital named as the other party make the accuser its own
    accused = [e for e in of(es, "intimidate") if e.cameo[:3] == "112"]
    assert accused and all(country(e.source) == "NPL" for e in accused)


# ---------- session 9: where someone is, lists of regions, asides, house styles, pronouns, arrests ----------
def test_a_person_set_off_with_in_a_place_is_not_of_that_place(pipe):
    es = events(pipe, "Varga, in Brussels for a summit, accused Croatia of blocking the border.")
    acc = [e for e in es if e.cameo[:2] == "11"]
    assert acc and all(not (e.source.code or "").startswith("IGO") for e in acc if e.source is not None)


def test_police_in_a_city_are_still_that_citys_police(pipe):
    es = events(pipe, "Police in Lagos arrested six men on Friday.")
    assert any(e.cameo == "173" and e.source is not None and e.source.code == "NGACOP" for e in es)


def test_every_region_of_a_list_lies_where_the_gazetteer_puts_it(pipe):
    es = events(pipe, "The governors of Colorado, Arizona, and New Mexico, three states that share a corner, "
                      "rejected the plan.")
    rejected = [e for e in es if e.cameo[:2] == "12"]
    assert rejected and all(country(e.source) == "USA" for e in rejected)


def test_a_verb_after_a_description_of_a_thing_is_the_speakers(pipe):
    es = events(pipe, "The foreign minister of Chile said the proposal was unfair and rejected the offer from Peru.")
    rej = [e for e in es if e.cameo[:2] == "12"]
    assert rej and all(country(e.source) == "CHL" for e in rej)
    assert all(e.modality == "asserted" for e in rej)


def test_a_deed_that_does_harm_keeps_its_own_subject(pipe):
    es = events(pipe, "Officials in Kenya said the raid was brutal and killed four herders.")
    assert not any(e.cameo[:2] in ("18", "19", "20") and e.source is not None and "Officials" in e.source.text
                   for e in es)


@pytest.mark.parametrize("text, code", [
    ("Nato condemned the missile test on Sunday.", "IGONAT"),
    ("Opec agreed to cut oil output by a million barrels a day.", "IGOOPC"),
    ("Unicef appealed to donors for aid to Yemen.", "IGOUNF"),
])
def test_an_international_bodys_acronym_written_as_a_word(pipe, text, code):
    es = events(pipe, text)
    assert any(e.source is not None and e.source.code == code for e in es)


def test_a_partys_acronym_written_as_a_word_stays_a_word(pipe):
    es = events(pipe, "Plan international talks, the minister urged Germany on Monday.")
    assert not any(e.source is not None and (e.source.code or "").startswith("CHN") for e in es)


@pytest.mark.parametrize("name, state", [("Slovak", True), ("Kyiv", True), ("Hungarian", True), ("Orban", False),
                                         ("Lena Varga", False)])
def test_a_name_that_only_names_a_state_is_no_person(pipe, name, state):
    doc = pipe.nlp(f"{name} spoke.")
    assert pipe.coder.article._state_named(doc[0:len(name.split())]) is state


@pytest.mark.parametrize("text, target", [
    ("Ghanaian police arrested the mayor's aides in Accra.", "GHA"),
    ("Peruvian police detained the opposition leader on Friday.", "PER"),
])
def test_police_arrest_their_own_states_officials(pipe, text, target):
    es = events(pipe, text)
    arrests = [e for e in es if e.cameo == "173"]
    assert arrests and all(country(e.target) == target for e in arrests)


# ---------- an objection named as a noun is aimed at whoever acts in the clause it qualifies ----------
def test_objections_a_deed_is_done_despite_are_aimed_at_its_doer(pipe):
    es = events(pipe, "Ministers met in Luxembourg on Monday. The EU ban on grain imports from Brazil is likely to be "
                      "eased this year despite French objections, officials said.")
    obj = [e for e in es if e.cameo[:2] == "11" and country(e.source) == "FRA"]
    assert obj and all(e.target is not None and e.target.code == "IGOEUR" for e in obj)
    assert all(e.modality == "asserted" for e in obj)


def test_criticism_a_party_rejects_is_aimed_at_that_party(pipe):
    es = events(pipe, "Madrid unveiled its budget on Tuesday. The Spanish government rejected criticism from Berlin "
                      "over the deficit.")
    crit = [e for e in es if e.cameo[:2] == "11" and country(e.source) == "DEU"]
    assert crit and all(country(e.target) == "ESP" for e in crit)


# ---------- a deed set beside the clause in time is none of its subject's ----------
@pytest.mark.parametrize("text, not_source", [
    ("Police detained 14 people after the protests in Almaty.", "Police"),
    ("Riot police fired water cannon during the demonstrations in Tbilisi.", "Riot police"),
    ("Soldiers were sent to the city after the riots in Kano.", "Soldiers"),
])
def test_a_deed_beside_the_clause_in_time_is_not_the_subjects(pipe, text, not_source):
    es = events(pipe, text)
    demo = [e for e in es if e.cameo[:2] == "14"]
    assert all(e.source is None or e.source.text != not_source for e in demo)


def test_talks_after_which_a_party_acts_are_still_its_own(pipe):
    es = events(pipe, "Armenia agreed to a truce after talks with Azerbaijan.")
    assert any(e.cameo[:2] == "04" and country(e.source) == "ARM" for e in es)


def test_who_dies_after_a_deed_undergoes_it(pipe):
    es = events(pipe, "A Tibetan monk died in a prison in Lhasa after torture.")
    tort = [e for e in es if e.cameo[:3] == "182"]
    assert tort and all(e.source is None for e in tort) and all(country(e.target) == "CHN" or
                                                                (e.target and "monk" in e.target.text) for e in tort)


def test_a_hand_of_friendship_extended_is_praise(pipe):
    es = events(pipe, "Seoul extended a hand of friendship to the North Korean people.")
    assert any(e.cameo == "051" and country(e.source) == "KOR" and country(e.target) == "PRK" for e in es)


def test_a_stance_named_again_keeps_its_aim(pipe):
    es = events(pipe, "The EU ban on beef from Argentina is likely to be eased despite Irish objections, diplomats said. "
                      "But the minister said many of Dublin's objections rested on old data.")
    again = [e for e in es if e.cameo[:2] == "11" and e.source is not None and e.source.text == "Dublin"]
    assert again and all(e.target is not None and e.target.code == "IGOEUR" for e in again)


@pytest.mark.parametrize("text, code", [
    ("A company of 150 Dutch troops was put on standby.", "NLDMIL"),
    ("A contingent of 300 Kenyan soldiers was deployed to Mogadishu.", "KENMIL"),
])
def test_a_company_of_troops_is_the_troops(pipe, text, code):
    es = events(pipe, text)
    assert any(e.cameo[:2] == "15" and any(a is not None and a.code == code for a in (e.source, e.target))
               for e in es)


@pytest.mark.parametrize("text, target", [
    ("Mexico will retaliate against American tariffs on tomatoes.", "USA"),
    ("Norway said it would retaliate against the EU sanctions on fish.", "IGO"),
])
def test_a_deed_against_a_measure_is_aimed_at_whose_it_is(pipe, text, target):
    es = events(pipe, text)
    ret = [e for e in es if e.cameo[:2] == "16"]
    assert ret and all(e.target is not None and (e.target.code or "").startswith(target) for e in ret)


def test_a_denied_charge_is_aimed_at_the_accuser(pipe):
    es = events(pipe, "Uganda accused Rwanda of backing rebels in its north on Monday. Kigali rejected the charge.")
    den = [e for e in es if e.cameo == "016"]
    assert den and all(country(e.target) == "UGA" for e in den)


# ---------- a vow or threat to "fight" what is no armed party threatens no force ----------
@pytest.mark.parametrize("text", [
    "The new governor vowed to fight corruption in the ports.",
    "The former minister vowed to fight the charges in court.",
    "The mayor said she would fight the ruling.",
])
def test_fighting_a_charge_or_corruption_is_no_force(pipe, text):
    es = events(pipe, text)
    assert not any(e.cameo[:2] in ("13", "14", "15", "17", "18", "19", "20") for e in es)


def test_a_vow_to_fight_an_army_is_still_a_threat(pipe):
    es = events(pipe, "The rebel commander vowed to fight the Ethiopian army.")
    assert any(e.cameo[:2] == "13" for e in es)


def test_who_reports_a_deal_is_not_the_party_to_it(pipe):
    es = events(pipe, "Inspectors arrived in Vienna on Monday. Libya has agreed to scrap its missile programme, "
                      "the IAEA said.")
    agreed = [e for e in es if e.cameo[:2] == "03" and country(e.source) == "LBY"]
    assert agreed and all(e.target is None or (e.target.code or "") != "IGOIAE" for e in agreed)


def test_a_crowd_named_again_is_the_crowd_named_before(pipe):
    es = events(pipe, "Thousands of people marched through Tbilisi on Sunday. The demonstrators demanded the "
                      "withdrawal of Russian troops.")
    dem = [e for e in es if e.cameo[:2] == "10"]
    assert dem and all(country(e.source) == "GEO" for e in dem)


@pytest.mark.parametrize("text, code", [
    ("US-led troops stormed the town of Tal Afar on Sunday. Iraqi officials said the assault went on.", "USA"),
    ("UK-led forces raided a compound near Basra. The ministry said three men were held.", "GBR"),
])
def test_a_name_hyphened_to_led_at_the_start_is_the_leader(pipe, text, code):
    es = events(pipe, text)
    force = [e for e in es if e.cameo[:2] in ("18", "19", "20") and e.source is not None and "led" in e.source.text]
    assert force and all(country(e.source) == code for e in force)


@pytest.mark.parametrize("text, a, b", [
    ("Eritrea and Ethiopia exchanged fire along the border on Tuesday.", "ERI", "ETH"),
    ("Police and protesters clashed in Lusaka on Friday.", "ZMB", "ZMB"),
    ("Thailand and Cambodia traded artillery for a second day.", "THA", "KHM"),
])
def test_each_side_of_a_mutual_fight_is_the_others_target(pipe, text, a, b):
    es = [e for e in events(pipe, text) if e.cameo[:2] == "19"]
    assert es and all(e.target is not None and e.target.code for e in es)
    assert {country(e.source) for e in es} <= {a, b} and {country(e.target) for e in es} <= {a, b}


def test_a_claim_dismissed_is_aimed_at_whoever_made_it(pipe):
    es = events(pipe, "Bolivia accused Chile of spying on its navy. Santiago dismissed the claims as absurd.")
    den = [e for e in es if e.cameo == "016"]
    assert den and all(country(e.target) == "BOL" for e in den)


@pytest.mark.parametrize("text, code", [
    ("Al-Shabaab fighters attacked an army base near Kismayo. The group said it killed twelve soldiers.", "SOMREB"),
    ("Israel killed a senior Hezbollah commander in Beirut on Monday. The group vowed revenge.", "LBNREB"),
])
def test_the_group_is_the_group_named_just_before(pipe, text, code):
    es = [e for e in events(pipe, text) if "group" in e.sentence and e.source is not None
          and e.source.text.lower() == "the group"]
    assert es and all(e.source.code == code for e in es)


def test_two_sides_that_met_met_each_other(pipe):
    es = [e for e in events(pipe, "Greek and Turkish officials met in Athens on Monday. Trade was discussed.")
          if e.cameo[:2] == "04" and e.source is not None]
    assert es and {(country(e.source), country(e.target)) for e in es} <= {("GRC", "TUR"), ("TUR", "GRC")}


def test_a_counted_compound_is_no_party(pipe):
    es = events(pipe, "Pyongyang said on Monday it had nuclear arms. It said it would quit the six-party talks.")
    assert not any(e.target is not None and (e.target.sector or "") == "PTY" for e in es)
