"""The per-sentence work budget: an unpunctuated run of words is cut before the parser, news is not."""
from __future__ import annotations

from tocsin import nlp

VOCAB = ["Belarus", "recalled", "its", "ambassador", "to", "Ukraine", "and", "troops", "in", "Kyiv", "shelled",
         "the", "city", "of", "Kharkiv", "while", "officials", "from", "Minsk", "said", "that", "Russia"]


def test_an_unpunctuated_run_is_cut_into_bounded_sentences():
    text = " ".join(VOCAB[(i * 7) % len(VOCAB)] for i in range(3000))
    doc = nlp.parse(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= nlp.MAX_SENT_TOKENS
    assert sum(lengths) == len(doc)
    assert doc.user_data["tocsin_cut_sentences"] >= 3000 // nlp.MAX_SENT_TOKENS


def test_cuts_fall_at_clause_breaks_where_there_are_some():
    clause = "troops shelled the city of Kharkiv while officials in Minsk said nothing"
    doc = nlp.parse(", ".join([clause] * 60))
    starts = [s[0] for s in doc.sents][1:]
    assert starts and all(t.i > 0 and doc[t.i - 1].text == "," or t.lower_ in nlp._CUT_BEFORE for t in starts)


def test_ordinary_news_is_not_cut():
    text = ("Belarus recalled its ambassador to Ukraine on Thursday, citing what it called hostile statements by "
            "Ukrainian officials in Kyiv, and said the envoy would return to Minsk for consultations. " * 5)
    doc = nlp.parse(text)
    assert "tocsin_cut_sentences" not in doc.user_data
