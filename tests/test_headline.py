"""Title Case lines are parsed in sentence case: headlines written for this file, none from a dev or gold set."""
from datetime import date

import pytest

from tocsin.headline import sentence_case, title_case
from tocsin.model import Article


@pytest.mark.parametrize("line, expected", [
    ("Chad Accuses Sudan Of Arming Rebels Near Border", "Chad accuses Sudan of arming rebels near border"),
    ("Turkey Deploys Troops To Syrian Frontier", "Turkey deploys troops to Syrian frontier"),
    ("Niger Junta Expels French Envoy", "Niger junta expels French envoy"),
    ("Peru: Police Detain Protest Leaders In Lima", "Peru: Police detain protest leaders in Lima"),
])
def test_common_words_lose_their_capital_and_names_keep_it(line, expected):
    assert sentence_case(line) == expected


def test_only_title_case_lines_change_and_offsets_hold():
    text = ("Jordan Recalls Envoy From Israel After Raid\n\n"
            "Jordan recalled its Ambassador on Monday. The Foreign Ministry said more would follow.")
    out = sentence_case(text)
    assert len(out) == len(text)
    head, body = out.split("\n\n", 1)
    assert head == "Jordan recalls envoy from Israel after raid"
    assert body == text.split("\n\n", 1)[1]  # a sentence of the body keeps its capitals
    assert sentence_case("NATO SUMMIT OPENS IN VILNIUS") == "NATO SUMMIT OPENS IN VILNIUS"
    assert not title_case("Jordan recalled its ambassador on Monday.")


def test_a_title_case_headline_alone_is_coded(pipe):
    events = next(pipe.run([Article(id="h", text="Chad Accuses Sudan Of Arming Rebels Near Border",
                                    date=date(2024, 4, 2))])).events
    found = [e for e in events if e.cameo.startswith("112")]
    assert found and found[0].source.country == "TCD" and found[0].target.country == "SDN"


def test_a_title_case_headline_over_a_body_adds_weight_not_events(pipe):
    text = ("Jordan Recalls Envoy From Israel After Raid\n\n"
            "Jordan recalled its ambassador to Israel on Monday after a raid on a refugee camp, the foreign "
            "ministry said. Officials in Amman said more measures would follow.")
    events = next(pipe.run([Article(id="h", text=text, date=date(2024, 4, 2))])).events
    recalls = [e for e in events if e.cameo.startswith("16")]
    assert len(recalls) == 1 and recalls[0].mentions == 2
