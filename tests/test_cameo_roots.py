"""Every CAMEO root, from news sentences written for this test (not from any gold set).

Each sentence must come out with its root as the most confident event. The pipeline is
loaded once for the module (``tocsin.code`` caches it).
"""
from __future__ import annotations

import pytest

import tocsin
from tocsin.coding.patterns import lexicon

DATE = "2024-05-01"

SENTENCES = [
    # 01 make public statement
    ("01", "The Kenyan foreign ministry said on Tuesday that the election results would be published within a week."),
    ("01", "The Japanese prime minister expressed deep concern about the rising number of cyberattacks on hospitals."),
    ("01", "The Sri Lankan government denied any involvement in the disappearance of the two journalists."),
    ("01", "The Indian president laid a wreath at the war memorial in New Delhi on Sunday."),
    # 02 appeal
    ("02", "The Afghan government appealed for international humanitarian aid after the earthquake in Herat."),
    ("02", "Chile's foreign minister urged Bolivia to resume negotiations over the disputed river."),
    ("02", "The African Union called on both sides in Sudan to observe an immediate ceasefire."),
    # 03 express intent to cooperate
    ("03", "The European Union pledged 500 million euros to help rebuild schools in Syria."),
    ("03", "Colombia's rebels agreed to hold peace talks with the government in Havana next month."),
    ("03", "Norway offered to mediate between the government of Venezuela and the opposition."),
    # 04 consult
    ("04", "The Chinese foreign minister met his Australian counterpart in Beijing on Monday."),
    ("04", "The Turkish president paid a two-day visit to Azerbaijan last week."),
    ("04", "Qatar hosted the Afghan delegation for a second round of negotiations in Doha."),
    # 05 engage in diplomatic cooperation
    ("05", "Saudi Arabia and Iran restored diplomatic relations after a seven-year rupture."),
    ("05", "The Kenyan president praised Ethiopia's decision to release the detained opposition leaders."),
    ("05", "Armenia and Azerbaijan signed a border demarcation agreement in Almaty."),
    # 06 engage in material cooperation
    ("06", "French instructors trained Malian soldiers at a base near Bamako."),
    ("06", "Spain extradited a Russian businessman to the United States on money laundering charges."),
    ("06", "The two navies conducted joint exercises in the South China Sea on Thursday."),
    # 07 provide aid
    ("07", "The World Food Programme distributed food to 40,000 displaced families in northern Mozambique."),
    ("07", "Japan provided a loan of 300 million dollars to Sri Lanka to ease its fuel shortage."),
    ("07", "Germany granted asylum to more than 200 Afghan journalists in 2022."),
    # 08 yield
    ("08", "The Myanmar junta released 700 political prisoners on Wednesday."),
    ("08", "The Israeli army withdrew its troops from the northern Gaza town of Beit Hanoun."),
    ("08", "The Peruvian government lifted the state of emergency in the capital Lima."),
    # 09 investigate
    ("09", "The United Nations launched an investigation into the killing of aid workers in Darfur."),
    ("09", "Kenyan prosecutors are investigating allegations of corruption at the ministry of health."),
    # 10 demand
    ("10", "Protesters in Belgrade demanded the resignation of the interior minister."),
    ("10", "Ukraine demanded the immediate withdrawal of Russian forces from the Zaporizhzhia nuclear plant."),
    # 11 disapprove
    ("11", "The Philippine government condemned the Chinese coast guard's use of water cannon near the shoal."),
    ("11", "Poland accused Belarus of pushing migrants across the border."),
    ("11", "A court in Istanbul sentenced the journalist to five years in prison."),
    # 12 reject
    ("12", "Hamas rejected the Israeli proposal for a six-week truce."),
    ("12", "The Serbian government refused to recognize the independence of Kosovo."),
    ("12", "Russia vetoed a Security Council resolution on Syria on Friday."),
    # 13 threaten
    ("13", "North Korea threatened to launch a nuclear strike against the United States."),
    ("13", "The Iranian foreign minister warned of a harsh response to any attack on Iranian territory."),
    ("13", "The United States gave the Houthis a deadline to stop attacks on shipping in the Red Sea."),
    # 14 protest
    ("14", "Thousands of farmers blocked highways across France to protest against low food prices."),
    ("14", "Tens of thousands of demonstrators marched through the streets of Tbilisi on Sunday."),
    ("14", "Teachers in Nigeria went on strike over unpaid salaries."),
    # 15 exhibit military posture
    ("15", "Russia massed troops near the Ukrainian border in the autumn."),
    ("15", "The Taiwanese military put its forces on high alert after Chinese warplanes entered its air defence zone."),
    ("15", "Azerbaijan deployed additional artillery units to the border with Armenia."),
    # 16 reduce relations
    ("16", "Niger expelled the French ambassador and ordered him to leave within 48 hours."),
    ("16", "The European Union imposed new sanctions on Iranian drone manufacturers."),
    ("16", "The United States suspended military aid to Egypt over human rights concerns."),
    # 17 coerce
    ("17", "Police in Dhaka arrested dozens of opposition activists on Saturday."),
    ("17", "The Venezuelan authorities seized the assets of the opposition newspaper El Nacional."),
    ("17", "Riot police fired tear gas at demonstrators in Nairobi."),
    # 18 assault
    ("18", "Gunmen abducted 30 students from a boarding school in Kaduna state."),
    ("18", "A suicide bomber blew himself up at a mosque in Peshawar, killing dozens of worshippers."),
    ("18", "Militants beheaded a village chief in Cabo Delgado province."),
    # 19 fight
    ("19", "Russian forces shelled the city of Kharkiv overnight."),
    ("19", "Israeli warplanes struck targets in southern Lebanon on Tuesday."),
    ("19", "Rebels captured the town of Bunagana near the border with Uganda."),
    # 20 use unconventional mass violence
    ("20", "The army massacred hundreds of civilians in the village of Moura."),
    ("20", "The regime used chemical weapons against the rebel-held suburb of Ghouta."),
    ("20", "Myanmar's military drove hundreds of thousands of Rohingya out of Rakhine state."),
]

# countries of the main event's source and target where the sentence makes them plain
# (None: not asserted). The xfail ones are role errors the coder still makes.
COUNTRIES = {
    "The Kenyan foreign ministry said on Tuesday that the election results would be published within a week.": ("KEN", None),
    "The Afghan government appealed for international humanitarian aid after the earthquake in Herat.": ("AFG", None),
    "Chile's foreign minister urged Bolivia to resume negotiations over the disputed river.": ("CHL", "BOL"),
    "The Turkish president paid a two-day visit to Azerbaijan last week.": ("TUR", "AZE"),
    "Qatar hosted the Afghan delegation for a second round of negotiations in Doha.": ("QAT", "AFG"),
    "The Kenyan president praised Ethiopia's decision to release the detained opposition leaders.": ("KEN", "ETH"),
    "French instructors trained Malian soldiers at a base near Bamako.": ("FRA", "MLI"),
    "Japan provided a loan of 300 million dollars to Sri Lanka to ease its fuel shortage.": ("JPN", "LKA"),
    "Ukraine demanded the immediate withdrawal of Russian forces from the Zaporizhzhia nuclear plant.": ("UKR", "RUS"),
    "The Philippine government condemned the Chinese coast guard's use of water cannon near the shoal.": ("PHL", "CHN"),
    "Poland accused Belarus of pushing migrants across the border.": ("POL", "BLR"),
    "Hamas rejected the Israeli proposal for a six-week truce.": ("PSE", "ISR"),
    "The United States gave the Houthis a deadline to stop attacks on shipping in the Red Sea.": ("USA", "YEM"),
    "Niger expelled the French ambassador and ordered him to leave within 48 hours.": ("NER", "FRA"),
    "The European Union imposed new sanctions on Iranian drone manufacturers.": (None, "IRN"),
    "The United States suspended military aid to Egypt over human rights concerns.": ("USA", "EGY"),
    "Police in Dhaka arrested dozens of opposition activists on Saturday.": ("BGD", None),
    "Russian forces shelled the city of Kharkiv overnight.": ("RUS", "UKR"),
    "Israeli warplanes struck targets in southern Lebanon on Tuesday.": ("ISR", "LBN"),
    "Russia massed troops near the Ukrainian border in the autumn.": ("RUS", None),
    "Colombia's rebels agreed to hold peace talks with the government in Havana next month.": ("COL", "COL"),
    "Armenia and Azerbaijan signed a border demarcation agreement in Almaty.": ("ARM", "AZE"),
}
ROLE_XFAIL = {
    "Colombia's rebels agreed to hold peace talks with the government in Havana next month.",  # venue taken as party
}

# the modality of the main event, where the sentence says more than that it happened
MODALITY = [
    ("07", "future", "Japan will send a medical team to Turkey next week, the foreign ministry said."),
    ("19", "negated", "The Kremlin denied that its forces shelled the village of Huliaipole."),
    ("08", "reported", "The rebels released two French hostages on Monday, officials said."),
]

# senses of general verbs that are not political events
NOT_EVENTS = [
    "A powerful earthquake hit the coastal city on Sunday morning.",
    "The company launched a new smartphone in Seoul on Tuesday.",
    "Doctors are fighting the cholera outbreak in the camps.",
    "The central bank's inflation rate hit a record high in March.",
    "The home side beat the visitors 3-1 to move into second place in the league.",
    "Wildfires destroyed dozens of homes in the hills above the city.",
    "The earthquake killed at least 30 people and injured hundreds more.",
    "Nurses fought to save the lives of the injured passengers after the crash.",
    "The streaming service released the final season of the drama on Friday.",
    "The director shot most of the film in the desert south of Marrakesh.",
    "The startup raised 50 million dollars from investors to expand abroad.",
]


def _main(text: str):
    events = tocsin.code(text, date=DATE)
    return max(events, key=lambda e: e.confidence) if events else None


def test_every_root_has_sentences():
    roots = {root for root, _ in SENTENCES}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert all(sum(1 for r, _ in SENTENCES if r == root) >= 2 for root in roots)


@pytest.mark.parametrize("root,text", SENTENCES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(SENTENCES)])
def test_root_is_main_event(root, text):
    top = _main(text)
    assert top is not None, text
    assert top.cameo[:2] == root, (top.cameo, top.rule, text)
    assert top.modality in ("asserted", "reported"), (top.modality, text)


@pytest.mark.parametrize("root,modality,text", MODALITY)
def test_modality_of_main_event(root, modality, text):
    events = [e for e in tocsin.code(text, date=DATE) if e.cameo[:2] == root]
    assert events, text
    assert any(e.modality == modality for e in events), [(e.cameo, e.modality) for e in events]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_non_political_senses_are_not_events(text):
    events = tocsin.code(text, date=DATE)
    assert not [e for e in events if e.cameo[:2] != "01"], [(e.cameo, e.rule) for e in events]


@pytest.mark.parametrize("text", list(COUNTRIES), ids=[f"c{i}" for i in range(len(COUNTRIES))])
def test_countries_of_main_event(text, request):
    if text in ROLE_XFAIL:
        request.applymarker(pytest.mark.xfail(reason="role resolution", strict=True))
    src, tgt = COUNTRIES[text]
    top = _main(text)
    assert top is not None
    if src:
        assert top.source is not None and top.source.country == src, (top.source, text)
    if tgt:
        assert top.target is not None and top.target.country == tgt, (top.target, text)


def test_lexicon_covers_roots_and_codes():
    lex = lexicon()
    codes = {p.code for plist in (*lex.verbs.values(), *lex.nouns.values()) for p in plist if p.code}
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) >= 150
