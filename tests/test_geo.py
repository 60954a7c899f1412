"""Places: toponyms found (demonyms, hyphenated borders, names NER misses), resolved with the
article's context, tied to events; and a gazetteer file that is missing or malformed."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from tocsin import nlp
from tocsin.geo import Geoparser
from tocsin.model import Article

ROOT = Path(__file__).resolve().parents[1]


def km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def geo() -> Geoparser:
    return Geoparser()


def parse(geo: Geoparser, text: str, aid: str = "t1"):
    doc = nlp.parse(text)
    article = Article(id=aid, text=text)
    return doc, geo.places(doc, article)


def named(places, text):
    return [p for p in places if p.text == text]


def trigger(doc, word):
    return next(t for t in doc if t.text == word)


def test_protest_in_minsk_is_located_in_minsk(geo):
    text = ("Belarus' defence minister resigned this month in protest. There have been pro-Ukraine and "
            "anti-war protests in Minsk and other Belarus cities since the invasion began.")
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "protests"), places)
    assert place is not None and place.basis == "locative"
    assert km(place.lat, place.lon, 53.90, 27.57) < 50
    assert place.precision == "city" and place.country == "BLR"


def test_tripoint_of_hyphenated_borders(geo):
    text = ("Belarus and Russia are moving troops to the area where Belarus-Ukraine-Poland borders join, "
            "a defence analyst said on Sunday.")
    doc, places = parse(geo, text)
    border = [p for p in places if p.feature == "BRDR"]
    assert len(border) == 1 and border[0].text == "Belarus-Ukraine-Poland"
    assert km(border[0].lat, border[0].lon, 51.5, 23.6) < 60
    # The countries inside the hyphenated run are places too, though NER tags only the first.
    assert {p.text for p in places} >= {"Belarus", "Ukraine", "Poland"}
    place = geo.event_location(trigger(doc, "moving"), places)
    assert place.precision == "border" and place.basis == "locative"


def test_border_between_two_countries(geo):
    text = "Thousands of refugees waited at the border between Syria and Turkey on Friday."
    _, places = parse(geo, text)
    border = [p for p in places if p.feature == "BRDR"]
    assert border and km(border[0].lat, border[0].lon, 36.8, 38.0) < 400


def test_alexandria_stays_in_louisiana(geo):
    text = ("Police in Rapides Parish, Louisiana, said two men were arrested after a shooting outside a bar. "
            "The Alexandria police chief said officers found a handgun near the scene. Shreveport and "
            "Baton Rouge detectives are assisting.")
    _, places = parse(geo, text)
    alex = named(places, "Alexandria")
    assert alex and alex[0].country == "USA"
    assert km(alex[0].lat, alex[0].lon, 31.31, -92.45) < 30


def test_alexandria_in_egypt_without_us_context(geo):
    text = ("Thousands marched through Alexandria on Friday, Egypt's second city, a day after clashes in "
            "Cairo left three dead, Egyptian officials said.")
    _, places = parse(geo, text)
    alex = named(places, "Alexandria")
    assert alex and alex[0].country == "EGY"


def test_dateline_state_abbreviation_picks_the_small_town(geo):
    text = ("EDMONTON, Ky. (AP) - A county clerk in Metcalfe County was charged on Tuesday with "
            "misusing public funds, Kentucky State Police said.")
    _, places = parse(geo, text)
    edm = named(places, "EDMONTON")
    assert edm and edm[0].country == "USA"
    assert km(edm[0].lat, edm[0].lon, 37.0, -85.6) < 50
    assert named(places, "Ky.") and named(places, "Ky.")[0].feature == "ADM1"


def test_edmonton_alberta_by_default(geo):
    text = "Edmonton city council voted on Monday to expand light rail service across the city."
    _, places = parse(geo, text)
    assert named(places, "Edmonton")[0].country == "CAN"


def test_demonyms_name_their_country(geo):
    text = "Syrian troops shelled rebel positions near Idlib as Turkish drones flew overhead."
    _, places = parse(geo, text)
    assert named(places, "Syrian")[0].country == "SYR"
    assert named(places, "Turkish")[0].country == "TUR"
    assert named(places, "Idlib")[0].country == "SYR"


def test_kiev_and_kyiv_are_one_city(geo):
    text = "Officials in Kyiv said the strike hit a depot outside Kiev before dawn."
    _, places = parse(geo, text)
    assert named(places, "Kyiv")[0].geonameid == named(places, "Kiev")[0].geonameid


def test_a_title_makes_a_person_not_a_place(geo):
    text = ("Ambassador Sokol left the embassy on Friday. Sokol told reporters in Moscow that the "
            "decision was not his.")
    _, places = parse(geo, text)
    assert not named(places, "Sokol")
    assert named(places, "Moscow")


def test_sentence_place_when_no_locative(geo):
    text = ("Rebels attacked an army convoy on Tuesday. The assault, near the town of Goma, killed "
            "twelve soldiers, officials in Kinshasa said.")
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "assault"), places)
    assert place is not None and place.name == "Goma"


def test_article_place_when_the_sentence_names_none(geo):
    text = ("Protesters filled the streets of Caracas on Saturday. Police fired tear gas at the crowd, "
            "witnesses said. Caracas has seen weeks of unrest.")
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "fired"), places)
    assert place is not None and place.basis == "article" and place.name == "Caracas"


def test_fast_path_without_spacy(geo):
    text = "Israeli jets struck targets in Gaza City overnight, the Palestinian health ministry said."
    found = geo.places(None, Article(id="f1", text=text))
    names = {p.text: p for p in found}
    assert "Gaza City" in names and names["Gaza City"].country == "PSE"
    assert names["Israeli"].country == "ISR"


def test_offsets_point_into_the_original_text(geo):
    text = "Officials in \u201cKharkiv\u201d and Dnipro\u00a0said the shelling stopped."
    doc = nlp.parse(text)
    for p in geo.places(doc, Article(id="o1", text=text)):
        assert text[p.start:p.end] == p.text


# --- gazetteer files ---------------------------------------------------------------------

DUMP_LINE = "\t".join(["99000001", "Zorvale Crossing", "Zorvale Crossing", "Zorvale", "44.5000", "21.2500",
                       "P", "PPL", "RS", "", "00", "", "", "", "800", "", "120", "Europe/Belgrade",
                       "2024-01-01"])


def test_missing_gazetteer_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="gazetteer file not found"):
        Geoparser(str(tmp_path / "allCountries.txt"))


def test_malformed_gazetteer_names_the_line(tmp_path):
    bad = tmp_path / "cities.txt"
    bad.write_text(DUMP_LINE + "\n" + "this is not a geonames line\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cities\.txt:2: not a GeoNames dump line"):
        Geoparser(str(bad))


def test_bad_coordinates_in_gazetteer(tmp_path):
    bad = tmp_path / "RS.txt"
    bad.write_text(DUMP_LINE.replace("44.5000", "144.5000") + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="out of range"):
        Geoparser(str(bad))


def test_user_gazetteer_adds_places(tmp_path):
    dump = tmp_path / "RS.txt"
    dump.write_text(DUMP_LINE + "\n", encoding="utf-8")
    g = Geoparser(str(dump))
    text = "Farmers blocked the road at Zorvale Crossing in Serbia on Monday."
    found = g.places(nlp.parse(text), Article(id="d1", text=text))
    z = [p for p in found if p.text == "Zorvale Crossing"]
    assert z and z[0].geonameid == 99000001 and z[0].lat == 44.5


def tocsin(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "tocsin", *map(str, args)], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300)


def test_cli_missing_gazetteer_fails_in_one_line(tmp_path):
    r = tocsin("places", "-", "--gazetteer", tmp_path / "nope.txt", stdin=b"Riots in Lagos.")
    err = r.stderr.decode()
    assert r.returncode != 0
    assert "gazetteer file not found" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_cli_writes_place_mentions(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a7", "text": "Clashes broke out in Kharkiv and near the Russian border."})
                   + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    r = tocsin("places", src, "-o", out)
    assert r.returncode == 0, r.stderr.decode()
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert {"article_id", "text", "start", "end", "name", "country", "lat", "lon", "geonameid"} <= set(rows[0])
    assert any(r["text"] == "Kharkiv" and r["country"] == "UKR" for r in rows)


def test_a_full_name_makes_the_bare_name_a_person(geo):
    text = ("Nine-year-old Jordan Miller is lacing up her skates for the provincial final. Jordan began "
            "skating at four, and Jordan's coach says she trains before school every day in Red Deer.")
    _, places = parse(geo, text)
    assert not named(places, "Jordan")
    assert named(places, "Red Deer")


def test_object_of_a_verb_of_place_is_the_location(geo):
    text = "Russian forces shelled Kharkiv overnight, the regional governor said."
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "shelled"), places)
    assert place.name == "Kharkiv" and place.basis == "locative"


def test_object_of_a_verb_of_speech_is_no_location(geo):
    text = "In Brussels, the Polish foreign minister accused Russia of staging the incident."
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "accused"), places)
    assert place.name == "Brussels"


def test_zipped_gazetteer_and_empty_file(tmp_path):
    import zipfile

    z = tmp_path / "RS.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("RS.txt", DUMP_LINE + "\n")
        zf.writestr("readme.txt", "GeoNames extract\n")
    g = Geoparser(str(z))
    text = "Farmers blocked the road at Zorvale Crossing in Serbia on Monday."
    found = g.places(nlp.parse(text), Article(id="z1", text=text))
    assert any(p.geonameid == 99000001 for p in found)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="no GeoNames records"):
        Geoparser(str(empty))


def test_place_of_the_object_is_the_events(geo):
    text = ("Turkish warplanes struck Kurdish militant positions in northern Iraq, the Defence Ministry "
            "in Ankara said.")
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "struck"), places)
    assert place.name == "Iraq" and place.basis == "locative"


def test_fighting_along_their_border(geo):
    text = "Armenia and Azerbaijan traded fire along their border on Tuesday, the two defence ministries said."
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "traded"), places)
    assert place.precision == "border"
    assert km(place.lat, place.lon, 40.0, 45.5) < 300


def test_possessive_inside_a_name(geo):
    text = "Rohingya refugees in Cox's Bazar, Bangladesh, protested against the relocation plan."
    _, places = parse(geo, text)
    cox = [p for p in places if p.text == "Cox's Bazar"]
    assert cox and cox[0].country == "BGD"


def test_town_province_names_the_division(geo):
    text = "A suicide bomber struck a mosque in Kunduz province on Friday, local officials said."
    doc, places = parse(geo, text)
    prov = [p for p in places if p.text == "Kunduz province"]
    assert prov and prov[0].feature == "ADM1" and prov[0].country == "AFG"
    place = geo.event_location(trigger(doc, "struck"), places)
    assert place.precision == "admin1" and place.basis == "locative"


def test_verbless_headline_gets_a_place(geo):
    text = "Fresh protests in Minsk over election result\n\nThousands of people marched again."
    doc, places = parse(geo, text)
    place = geo.event_location(trigger(doc, "protests"), places)
    assert place is not None and place.name == "Minsk"


def test_title_case_headline_keeps_its_countries(geo):
    text = "Belarus Withdraws Ambassador as Ukraine Warns of Impending Attack\n\nKyiv said on Sunday that troops massed."
    _, places = parse(geo, text)
    assert [p.text for p in places][:2] == ["Belarus", "Ukraine"]


def test_common_words_opening_sentences_are_no_towns(geo):
    text = ("Police said the gunman fled. Reading the statement aloud, the mayor urged calm. Nice weather "
            "brought crowds back to the square on Sunday.")
    _, places = parse(geo, text)
    assert places == []


@pytest.mark.parametrize("text, name, country", [
    ("Clashes in Tripoli between rival gunmen killed three people, Lebanese security sources said.",
     "Tripoli", "LBN"),
    ("Clashes in Tripoli between rival militias killed three people, Libyan officials said.", "Tripoli", "LBY"),
    ("Georgia's governor signed the voting bill in Atlanta on Tuesday.", "Georgia", "USA"),
    ("Georgia's prime minister said Tbilisi would not join the sanctions.", "Georgia", "GEO"),
    ("Police in Hyderabad, Sindh, arrested five men after an attack on a shrine.", "Hyderabad", "PAK"),
])
def test_context_picks_the_namesake(geo, text, name, country):
    _, places = parse(geo, text)
    assert named(places, name)[0].country == country
