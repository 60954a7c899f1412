"""Event dates from the text against the publication date: every kind of expression, across
month and year boundaries, and which of several dates in a sentence belongs to the event."""
from __future__ import annotations

from datetime import date

import pytest

from tocsin import nlp
from tocsin.when import EventDate, event_date, resolve

MON_2022_03_21 = date(2022, 3, 21)


@pytest.fixture(scope="module")
def parse():
    nlp.load()
    return nlp.parse


def trigger(doc, word: str, nth: int = 0):
    hits = [t for t in doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def when(parse, text: str, word: str, published: date | None, future: bool = False) -> EventDate:
    doc = parse(text)
    return event_date(trigger(doc, word), published, future)


# --- resolve: the words alone -------------------------------------------------------------

@pytest.mark.parametrize("expression, published, future, expected", [
    # weekdays: the most recent one, or the coming one for a future event
    ("on Thursday", MON_2022_03_21, False, ("2022-03-17", "day")),
    ("Thursday night", MON_2022_03_21, False, ("2022-03-17", "day")),
    ("early Sunday", MON_2022_03_21, False, ("2022-03-20", "day")),
    ("10 a.m. on Thursday", MON_2022_03_21, False, ("2022-03-17", "day")),
    ("on Monday", MON_2022_03_21, False, ("2022-03-21", "day")),
    ("on Thursday", MON_2022_03_21, True, ("2022-03-24", "day")),
    ("last Thursday", MON_2022_03_21, False, ("2022-03-17", "day")),
    ("next Tuesday", MON_2022_03_21, False, ("2022-03-22", "day")),
    ("on Wednesday", date(2022, 4, 2), False, ("2022-03-30", "day")),  # month boundary
    ("on Friday", date(2023, 1, 2), False, ("2022-12-30", "day")),  # year boundary
    ("on Tuesday", date(2022, 12, 30), True, ("2023-01-03", "day")),
    # month-days without a year
    ("March 18", MON_2022_03_21, False, ("2022-03-18", "day")),
    ("5 March", MON_2022_03_21, False, ("2022-03-05", "day")),
    ("on December 28", date(2023, 1, 4), False, ("2022-12-28", "day")),
    ("March 25", MON_2022_03_21, False, ("2021-03-25", "day")),
    ("March 25", MON_2022_03_21, True, ("2022-03-25", "day")),
    ("January 10", date(2022, 12, 20), True, ("2023-01-10", "day")),
    ("Monday, March 21", MON_2022_03_21, False, ("2022-03-21", "day")),
    # fully specified dates
    ("on March 5, 2021", MON_2022_03_21, False, ("2021-03-05", "day")),
    ("the 5th of May, 2019", MON_2022_03_21, False, ("2019-05-05", "day")),
    ("Sept. 11, 2001", MON_2022_03_21, False, ("2001-09-11", "day")),
    ("in March 2020", MON_2022_03_21, False, ("2020-03-01", "month")),
    ("in 2019", MON_2022_03_21, False, ("2019-01-01", "year")),
    ("late 2021", MON_2022_03_21, False, ("2021-01-01", "year")),
    ("the 1990s", MON_2022_03_21, False, ("1990-01-01", "year")),
    ("in early March", MON_2022_03_21, False, ("2022-03-01", "month")),
    ("in April", MON_2022_03_21, False, ("2021-04-01", "month")),
    ("in April", MON_2022_03_21, True, ("2022-04-01", "month")),
    # deictic words
    ("today", MON_2022_03_21, False, ("2022-03-21", "day")),
    ("tonight", MON_2022_03_21, True, ("2022-03-21", "day")),
    ("yesterday", date(2022, 3, 1), False, ("2022-02-28", "day")),
    ("last night", date(2023, 1, 1), False, ("2022-12-31", "day")),
    ("tomorrow", date(2021, 12, 31), True, ("2022-01-01", "day")),
    ("this week", MON_2022_03_21, False, ("2022-03-21", "week")),
    ("earlier this week", date(2022, 3, 24), False, ("2022-03-21", "week")),
    ("last week", date(2022, 1, 3), False, ("2021-12-27", "week")),
    ("over the weekend", MON_2022_03_21, False, ("2022-03-14", "week")),
    ("earlier this month", MON_2022_03_21, False, ("2022-03-01", "month")),
    ("earlier in the month", MON_2022_03_21, False, ("2022-03-01", "month")),
    ("last month", date(2022, 1, 15), False, ("2021-12-01", "month")),
    ("late last year", MON_2022_03_21, False, ("2021-01-01", "year")),
    ("early next year", MON_2022_03_21, True, ("2023-01-01", "year")),
    # counted from the publication date
    ("two days ago", date(2022, 3, 1), False, ("2022-02-27", "day")),
    ("three months ago", date(2022, 2, 10), False, ("2021-11-01", "month")),
    ("in two weeks", MON_2022_03_21, True, ("2022-04-04", "week")),
    ("over the past 24 hours", MON_2022_03_21, False, ("2022-03-20", "day")),
    # ranges: the start, completed from the end
    ("from March 3 to March 5", MON_2022_03_21, False, ("2022-03-03", "day")),
    ("March 3-5", MON_2022_03_21, False, ("2022-03-03", "day")),
    ("3 to 5 March 2021", MON_2022_03_21, False, ("2021-03-03", "day")),
    ("between December 30 and January 2", date(2022, 1, 10), False, ("2021-12-30", "day")),
    ("since March 3", MON_2022_03_21, False, ("2022-03-03", "day")),
    # months named relative to now, days of the month, seasons, vague counts
    ("last September", MON_2022_03_21, False, ("2021-09-01", "month")),
    ("last March", MON_2022_03_21, False, ("2021-03-01", "month")),
    ("next January", date(2021, 11, 2), True, ("2022-01-01", "month")),
    ("on the 13th", MON_2022_03_21, False, ("2022-03-13", "day")),
    ("on the 25th", date(2022, 1, 3), False, ("2021-12-25", "day")),
    ("last summer", MON_2022_03_21, False, ("2021-01-01", "year")),
    ("a few days ago", MON_2022_03_21, False, ("2022-03-14", "week")),
    ("several weeks ago", MON_2022_03_21, False, ("2022-02-01", "month")),
    ("a few decades ago", MON_2022_03_21, False, ("1992-01-01", "year")),
    ("a fortnight ago", MON_2022_03_21, False, ("2022-03-07", "week")),
    ("a third straight day Friday", MON_2022_03_21, False, ("2022-03-18", "day")),
    # year ranges take the first year; fixed holidays are month-days
    ("from 2014 to 2016", MON_2022_03_21, False, ("2014-01-01", "year")),
    ("2017-18", MON_2022_03_21, False, ("2017-01-01", "year")),
    ("on Christmas Day", date(2023, 1, 3), False, ("2022-12-25", "day")),
    ("New Year's Eve", date(2022, 12, 20), True, ("2022-12-31", "day")),
])
def test_resolve(expression, published, future, expected):
    got = resolve(expression, published, future)
    assert got is not None, expression
    assert (got[0].isoformat(), got[1]) == expected


@pytest.mark.parametrize("expression", [
    "two weeks", "20 years", "daily", "the fifth week", "decades", "age 45", "in two weeks",
])
def test_durations_and_other_non_dates_resolve_to_nothing(expression):
    assert resolve(expression, MON_2022_03_21) is None


@pytest.mark.parametrize("expression", [
    "yesterday", "tomorrow", "next week", "last month", "next year", "in two years", "a decade ago",
    "this weekend", "next weekend", "last weekend", "December 31", "January 1", "Monday", "10000 days ago",
    "in 10000 years", "the 1990s", "two days after March 3",
])
@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 25)])
@pytest.mark.parametrize("future", [False, True])
def test_arithmetic_at_the_ends_of_the_calendar_declines_never_raises(expression, published, future):
    got = resolve(expression, published, future)
    assert got is None or date(1, 1, 1) <= got[0] <= date(9999, 12, 31)


def test_events_at_the_ends_of_the_calendar_keep_a_date(parse):
    doc = parse("Russia shelled Kharkiv yesterday and will attack Kyiv next week and next year.")
    for pub in (date(1, 1, 1), date(9999, 12, 31)):
        for tok in doc:
            if tok.pos_ == "VERB":
                got = event_date(tok, pub, future=True)
                assert got.date is not None and got.precision is not None


def test_narrative_expressions_count_from_the_reference_time():
    ref = (date(2022, 3, 5), "day")
    assert resolve("the next day", MON_2022_03_21, ref=ref) == (date(2022, 3, 6), "day")
    assert resolve("the day before", MON_2022_03_21, ref=ref) == (date(2022, 3, 4), "day")
    assert resolve("three days later", MON_2022_03_21, ref=ref) == (date(2022, 3, 8), "day")
    # Without one, the publication date is the reference.
    assert resolve("the next day", MON_2022_03_21) == (date(2022, 3, 22), "day")


def test_without_a_publication_date_only_full_dates_resolve():
    assert resolve("on March 5, 2021", None) == (date(2021, 3, 5), "day")
    assert resolve("in 2019", None) == (date(2019, 1, 1), "year")
    assert resolve("on Thursday", None) is None
    assert resolve("last month", None) is None
    assert resolve("March 18", None) is None


# --- event_date: the date tied to the event ----------------------------------------------

def test_weekday_on_a_noun_trigger(parse):
    got = when(parse, "Another worrying sign was the abrupt recall of Moldova's envoy to Romania "
               "on Thursday.", "recall", MON_2022_03_21)
    assert got == EventDate("2022-03-17", "day", True)


def test_month_day_on_a_noun_trigger(parse):
    got = when(parse, "The envoy's hasty departure from Kyiv on March 18 alarmed officials in the "
               "region.", "departure", MON_2022_03_21)
    assert got == EventDate("2022-03-18", "day", True)


def test_earlier_in_the_month(parse):
    got = when(parse, "The interior minister resigned earlier in the month to protest the "
               "crackdown.", "resigned", MON_2022_03_21)
    assert got == EventDate("2022-03-01", "month", True)


def test_last_month_across_a_year_boundary(parse):
    got = when(parse, "Tens of thousands marched through the capital last month to demand new "
               "elections.", "marched", date(2022, 1, 12))
    assert got == EventDate("2021-12-01", "month", True)


def test_weekday_across_a_year_boundary(parse):
    got = when(parse, "Rebel fighters shelled the outskirts of the town on Friday, residents said.",
               "shelled", date(2023, 1, 2))
    assert got == EventDate("2022-12-30", "day", True)


def test_future_clause_points_a_weekday_forward(parse):
    text = "The foreign ministers of both countries will meet on Tuesday in Brussels."
    # Detected from "will" even when the caller does not say so.
    assert when(parse, text, "meet", MON_2022_03_21) == EventDate("2022-03-22", "day", True)
    assert when(parse, text, "meet", MON_2022_03_21, future=True) == EventDate("2022-03-22", "day", True)


def test_future_month_day_crosses_into_next_year(parse):
    got = when(parse, "Parliament is expected to vote on the treaty on January 10.", "vote",
               date(2022, 12, 20), future=True)
    assert got == EventDate("2023-01-10", "day", True)


def test_yesterday_across_a_month_boundary(parse):
    got = when(parse, "Soldiers opened fire on demonstrators yesterday outside the governor's office.",
               "opened", date(2022, 3, 1))
    assert got == EventDate("2022-02-28", "day", True)


def test_each_predicate_keeps_its_own_date(parse):
    doc = parse("The prime minister resigned on Monday, and parliament elected a successor on "
                "Wednesday.")
    pub = date(2022, 3, 25)
    assert event_date(trigger(doc, "resigned"), pub) == EventDate("2022-03-21", "day", True)
    assert event_date(trigger(doc, "elected"), pub) == EventDate("2022-03-23", "day", True)


def test_date_of_the_report_does_not_override_the_events_own(parse):
    doc = parse("Officials said on Friday that government troops had shelled the port on Wednesday.")
    pub = date(2022, 3, 26)
    assert event_date(trigger(doc, "shelled"), pub) == EventDate("2022-03-23", "day", True)
    assert event_date(trigger(doc, "said"), pub) == EventDate("2022-03-25", "day", True)


def test_sentence_date_stands_in_when_the_event_has_none(parse):
    got = when(parse, "Officials said on Friday that government troops had shelled the port.",
               "shelled", date(2022, 3, 26))
    assert got == EventDate("2022-03-25", "day", True)


def test_date_of_a_future_plan_does_not_date_a_past_event(parse):
    got = when(parse, "The opposition, which boycotted the referendum, says it will hold rallies "
               "on Saturday.", "boycotted", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_possessive_weekday_dates_the_noun(parse):
    got = when(parse, "Thursday's bombing of the market killed at least 12 people.", "bombing",
               MON_2022_03_21)
    assert got == EventDate("2022-03-17", "day", True)


def test_range_gives_its_start(parse):
    doc = parse("The talks, held from March 30 to April 2 in Geneva, ended without a deal.")
    got = event_date(trigger(doc, "talks"), date(2022, 4, 10))
    assert got == EventDate("2022-03-30", "day", True)


def test_since_gives_the_start(parse):
    got = when(parse, "Demonstrators have occupied the main square since March 3.", "occupied",
               MON_2022_03_21)
    assert got == EventDate("2022-03-03", "day", True)


def test_until_is_not_the_event_date(parse):
    got = when(parse, "Security forces imposed a curfew that lasts until Friday.", "imposed",
               MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_days_after_a_dated_event(parse):
    got = when(parse, "Government forces recaptured the village two days after the attack on "
               "March 3.", "recaptured", MON_2022_03_21)
    assert got == EventDate("2022-03-05", "day", True)


def test_days_after_a_clause(parse):
    got = when(parse, "Militants stormed the police station three days after the army withdrew on "
               "March 10.", "stormed", MON_2022_03_21)
    assert got == EventDate("2022-03-13", "day", True)


def test_days_after_an_undated_event_count_from_the_last_date(parse):
    doc = parse("Insurgents ambushed an army convoy near the border on March 3. The army struck "
                "back two days after the ambush.")
    got = event_date(trigger(doc, "struck"), MON_2022_03_21)
    assert got == EventDate("2022-03-05", "day", True)


def test_the_event_counted_from_takes_the_date_minus_the_count(parse):
    doc = parse("China blocked the draft resolution on Friday, just a day after Washington "
                "proposed new sanctions.")
    pub = date(2022, 3, 21)
    assert event_date(trigger(doc, "blocked"), pub) == EventDate("2022-03-18", "day", True)
    assert event_date(trigger(doc, "proposed"), pub) == EventDate("2022-03-17", "day", True)


def test_a_weekday_before_after_is_not_a_count(parse):
    doc = parse("Nine policemen were killed on Monday after gunmen attacked a checkpoint.")
    assert event_date(trigger(doc, "killed"), date(2022, 3, 23)) == EventDate("2022-03-21", "day", True)


def test_weekday_and_part_of_day_are_one_mention(parse):
    got = when(parse, "A fire killed nine people and injured another four on Saturday night, state "
               "media reported late on Monday.", "injured", date(2022, 3, 22))
    assert got == EventDate("2022-03-19", "day", True)


def test_month_day_takes_the_year_the_sentence_gave(parse):
    got = when(parse, "On 14 June 2018 the appeals court overturned the verdict of 2 March, which had "
               "jailed the editor.", "jailed", MON_2022_03_21)
    assert got == EventDate("2018-03-02", "day", True)


def test_date_of_an_other_noun_does_not_date_the_verb_before_the_clause_date(parse):
    doc = parse("The opposition rejected the ruling of 2 March, its leader said on Friday.")
    got = event_date(trigger(doc, "rejected"), MON_2022_03_21)
    assert got == EventDate("2022-03-18", "day", True)


def test_date_inside_an_other_relative_clause_is_not_used(parse):
    got = when(parse, "Iraqi troops have retaken the square where the militants hanged three men "
               "two years ago.", "retaken", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_hours_before_a_dated_event(parse):
    got = when(parse, "Hours before Saturday's ceasefire, rebels shelled the airport.", "shelled",
               MON_2022_03_21)
    assert got == EventDate("2022-03-19", "day", True)


def test_time_phrase_the_recogniser_misses(parse):
    doc = parse("Troops entered the town on March 5. That same day, the rebels blew up the bridge.")
    got = event_date(trigger(doc, "blew"), MON_2022_03_21)
    assert got == EventDate("2022-03-05", "day", True)


def test_week_earlier_counts_from_the_previous_date(parse):
    doc = parse("Troops entered the city on March 5. A week earlier, artillery had shelled its "
                "outskirts.")
    got = event_date(trigger(doc, "shelled"), MON_2022_03_21)
    assert got == EventDate("2022-02-21", "week", True)  # the week holding February 26


def test_decade(parse):
    got = when(parse, "Russia fought two wars in Chechnya in the 1990s.", "fought", MON_2022_03_21)
    assert got == EventDate("1990-01-01", "year", True)


def test_duration_is_not_a_date(parse):
    got = when(parse, "The two armies have fought for three years over the disputed region.",
               "fought", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_no_date_falls_back_to_publication(parse):
    got = when(parse, "Police detained dozens of students outside the university.", "detained",
               MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_unknown_publication_date(parse):
    assert when(parse, "Police detained dozens of students outside the university.", "detained",
                None) == EventDate(None, None, False)
    assert when(parse, "Police detained dozens of students on Thursday.", "detained",
                None) == EventDate(None, None, False)
    assert when(parse, "The two leaders signed the accord on March 5, 2021, in Minsk.", "signed",
                None) == EventDate("2021-03-05", "day", True)


def test_repeated_calls_agree(parse):
    doc = parse("Protesters blocked the highway on Sunday and clashed with police on Monday.")
    pub = date(2022, 3, 23)
    first = [event_date(trigger(doc, w), pub) for w in ("blocked", "clashed")]
    again = [event_date(trigger(doc, w), pub) for w in ("blocked", "clashed")]
    assert first == again == [EventDate("2022-03-20", "day", True), EventDate("2022-03-21", "day", True)]


def test_possessive_weekend(parse):
    got = when(parse, "A court freed the activist on Tuesday, following his weekend arrest.", "arrest",
               MON_2022_03_21)
    assert got == EventDate("2022-03-14", "week", True)  # the week of Saturday 19 March


def test_a_doc_without_a_parser_still_gets_its_day_words():
    import spacy

    doc = spacy.blank("en")("Police detained 30 people on Thursday.")
    assert event_date(doc[1], MON_2022_03_21) == EventDate("2022-03-17", "day", True)


def test_modal_without_perfect_looks_forward(parse):
    pub = MON_2022_03_21
    assert when(parse, "Peace talks could resume on Thursday in Istanbul.", "resume", pub) == \
        EventDate("2022-03-24", "day", True)
    assert when(parse, "Rebels may have shot down the helicopter on Thursday.", "shot", pub) == \
        EventDate("2022-03-17", "day", True)


def test_the_day_after_a_dated_event(parse):
    doc = parse("The opposition called a general strike the day after the disputed vote of "
                "March 6.")
    assert event_date(trigger(doc, "called"), MON_2022_03_21) == EventDate("2022-03-07", "day", True)


def test_count_the_recogniser_misses(parse):
    got = when(parse, "The army withdrew from the town a day before the referendum on Sunday.",
               "withdrew", MON_2022_03_21)
    assert got == EventDate("2022-03-19", "day", True)
    got = when(parse, "The army withdrew from the town a day before the referendum on Sunday.",
               "referendum", MON_2022_03_21)
    assert got == EventDate("2022-03-20", "day", True)


def test_count_before_a_holiday_in_one_entity(parse):
    got = when(parse, "Dock workers began their strike two weeks before Christmas.", "began",
               date(2023, 1, 9))
    assert got == EventDate("2022-12-05", "week", True)  # the week holding December 11


def test_days_before_an_undated_clause_are_not_counted_from_an_old_date(parse):
    doc = parse("The senator first ran for office in 2010. The inquiry was dropped two days before "
                "Americans voted.")
    got = event_date(trigger(doc, "dropped"), date(2016, 12, 20))
    assert got == EventDate("2016-12-20", "day", False)


def test_present_tense_month_day_takes_the_nearest(parse):
    got = when(parse, "Cabin crews are preparing to strike on December 23 over pay.", "preparing",
               date(2016, 12, 20))
    assert got == EventDate("2016-12-23", "day", True)
    got = when(parse, "Cabin crews went on strike on December 23 over pay.", "went",
               date(2017, 1, 10))
    assert got == EventDate("2016-12-23", "day", True)


def test_counting_back_from_a_nominal_date(parse):
    doc = parse("Sunday's bombing came just two days after gunmen killed six policemen in Giza.")
    got = event_date(trigger(doc, "killed"), date(2016, 12, 20))
    assert got == EventDate("2016-12-16", "day", True)


def test_participle_takes_the_tense_of_its_verb(parse):
    got = when(parse, "On April 19, militants torched a village near the border, killing 11 "
               "civilians.", "killing", MON_2022_03_21)
    assert got == EventDate("2021-04-19", "day", True)


def test_sat_is_not_saturday(parse):
    got = when(parse, "The two presidents met for an hour before they sat down with the Turkish "
               "leader.", "met", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_date_deep_inside_an_other_relative_clause_is_not_used(parse):
    got = when(parse, "The committee issued a report that says foreign agents meddled in the "
               "vote in 2016.", "issued", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_weekday_beats_a_part_of_day_without_a_reference(parse):
    got = when(parse, "Police detained several dozen people in the early hours on Thursday at a "
               "rally.", "detained", MON_2022_03_21)
    assert got == EventDate("2022-03-17", "day", True)


def test_planning_verb_despite_a_lemmatiser_slip(parse):
    doc = parse("The government said it hoped to have the system to issue permits in place by June.")
    pub = MON_2022_03_21
    assert event_date(trigger(doc, "issue"), pub) == EventDate("2022-06-01", "month", True)
    assert event_date(trigger(doc, "said"), pub) == EventDate("2022-03-21", "day", False)


def test_an_other_clauses_future_date_does_not_date_a_present_event(parse):
    got = when(parse, "A health expert says he doubts the postponed games will go ahead as planned "
               "next year.", "says", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_until_clause_does_not_date_the_main_clause(parse):
    got = when(parse, "The ministry said it would keep the border closed until talks resume at the "
               "beginning of November.", "said", MON_2022_03_21)
    assert got == EventDate("2022-03-21", "day", False)


def test_a_publication_timestamp_is_taken_as_its_day(parse):
    from datetime import datetime

    got = when(parse, "Police detained 30 people on Thursday.", "detained", datetime(2022, 3, 21, 14, 5))
    assert got == EventDate("2022-03-17", "day", True)
    got = when(parse, "Police detained 30 people.", "detained", datetime(2022, 3, 21, 14, 5))
    assert got == EventDate("2022-03-21", "day", False)


@pytest.mark.parametrize("expression, expected", [
    ("January last year", ("2021-01-01", "month")),
    ("March of this year", ("2022-03-01", "month")),
    ("19/04/2018", ("2018-04-19", "day")),
    ("04/19/2018", ("2018-04-19", "day")),
    ("the first week of March", ("2022-02-28", "week")),  # the week holding March 1
    ("the last week of February", ("2022-02-21", "week")),
    ("Q1 2021", ("2021-01-01", "year")),
    ("this time last year", ("2021-03-01", "month")),
    ("in 1270", ("1270-01-01", "year")),
    ("last week's", ("2022-03-14", "week")),
    ("over the last 24 hours", ("2022-03-20", "day")),
    ("the late 1980s", ("1980-01-01", "year")),
    ("the month of June", ("2021-06-01", "month")),
])
def test_month_with_a_relative_year_and_numeric_dates(expression, expected):
    got = resolve(expression, MON_2022_03_21)
    assert got is not None and (got[0].isoformat(), got[1]) == expected


def test_ambiguous_numeric_date_is_not_guessed():
    assert resolve("4/5/2018", MON_2022_03_21) == (date(2018, 1, 1), "year")


def test_no_count_form_raises():
    from tocsin.when.words import NUMBERS, UNITS

    ref = (date(2021, 5, 3), "month")
    for num in [*NUMBERS, "3", ""]:
        for unit in UNITS:
            for tail in ("s ago", " earlier", "s later", " before", "s after", "s", " from now"):
                for pre in ("", "in ", "the past "):
                    words = f"{pre}{num} {unit}{tail}".strip()
                    for future in (False, True, None):
                        got = resolve(words, MON_2022_03_21, future, ref)
                        assert got is None or got[1] in ("day", "week", "month", "year")


def test_the_date_of_a_decision_keeps_its_tense_for_the_act_decided(parse):
    doc = parse("Japan decided on Thursday to ease some sanctions on North Korea.")
    assert event_date(trigger(doc, "decided"), MON_2022_03_21) == EventDate("2022-03-17", "day", True)
    # the decision's day stands in for the planned act, read in the decision's (past) tense
    assert event_date(trigger(doc, "ease"), MON_2022_03_21) == EventDate("2022-03-17", "day", True)


# --- a past office-holder's tenure: not the publication day -----------------------------------

JUNE_2017 = date(2017, 6, 16)


@pytest.mark.parametrize("text, word", [
    ("Under Barack Obama, diplomatic ties with Havana were restored.", "restored"),
    ("During the Bush administration, American troops were sent to Iraq.", "sent"),
    ("Relations thawed during George W. Bush's presidency.", "thawed"),
])
def test_an_event_in_a_past_holders_tenure_takes_no_publication_date(parse, text, word):
    assert when(parse, text, word, JUNE_2017) == EventDate(None, None, False)


@pytest.mark.parametrize("text, word", [
    ("Under Donald Trump, the United States imposed new tariffs.", "imposed"),  # in office in June 2017
    ("Under the agreement, Tehran reduced its stockpile.", "reduced"),
    ("Ties were restored after talks in Havana.", "restored"),
])
def test_other_frames_keep_the_stand_in(parse, text, word):
    assert when(parse, text, word, JUNE_2017) == EventDate("2017-06-16", "day", False)


def test_a_name_is_read_from_its_own_entity_not_a_touching_one():
    from spacy.tokens import Doc

    from tocsin.nlp import entity_bounds, load

    words = ["Under", "Barack", "Obama", "Joe", "Biden", "spoke", "."]
    doc = Doc(load().vocab, words=words,
              ents=["O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "O"])
    assert entity_bounds(doc[2]) == (1, 3)
    assert entity_bounds(doc[3]) == (3, 5)  # the next name starts its own entity
    assert entity_bounds(doc[5]) == (5, 6)  # outside any entity: the token alone
