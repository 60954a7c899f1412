"""Photo captions re-tell the story's deed and are no new events (coding/caption.py). Own sentences."""
from datetime import date

import pytest

from tocsin.model import Article

BODY = ("Security forces detained dozens of opposition supporters in Almaty on Sunday, witnesses said. The "
        "protesters had marched to the central square to demand a new vote.\n")


def arrests(pipe, text):
    evs = next(pipe.run([Article(id="c", text=text, date=date(2022, 1, 10))])).events
    return [e for e in evs if e.cameo.startswith("17")]


@pytest.mark.parametrize("caption", [
    "A police officer detains a young man during a rally in Almaty, Kazakhstan, on January 9, 2022. REUTERS/Staff",
    "Police officers detain a protester near the central square in Almaty on January 9, 2022.",
    "Riot police detain a demonstrator in Almaty. (Photo: AFP)",
])
def test_a_caption_retelling_the_deed_adds_no_event(pipe, caption):
    assert len(arrests(pipe, BODY + caption)) == len(arrests(pipe, BODY))


def test_a_deed_told_only_in_a_caption_stays(pipe):
    text = ("The opposition called for a new vote on Sunday, saying the count had been rigged.\n"
            "Riot police detain a protester in Almaty on January 9, 2022. REUTERS/Staff")
    assert arrests(pipe, text)


def test_the_body_in_the_present_with_a_dated_past_is_no_caption(pipe):
    text = ("Police detained 40 opposition supporters in Almaty on Sunday.\n"
            "The opposition says police have detained its leader, who was arrested on January 3, 2022.")
    assert len(arrests(pipe, text)) >= 2
