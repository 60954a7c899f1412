"""One spelling-insensitive key for a place name, shared by the gazetteer and the text scanner.

"Zürich", "ZURICH" and "Zurich" must meet in one key, as must "U.S." and "US" or
"Winston-Salem" and "Winston Salem", or a name found in text never reaches its entry.
Actor names have their own key (``tocsin.actors.normal.actor_key``): it cuts a name into the
words a spaCy token sequence is matched on, where this one keys a whole place name.
"""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015/]+")
_DROP = re.compile(r"[.'\u00b7,()\"]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff\s\-'.,()\u2019]+$")


def place_fold(text: str) -> str:
    """Strip accents and fold case: the comparison form of a single word or phrase."""
    if text.isascii():  # most names; the gazetteer build calls this two million times
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return _COMBINING.sub("", decomposed).casefold()


def place_key(name: str) -> str:
    """The lookup key of a name: folded, periods and apostrophes dropped, hyphens as spaces."""
    k = _DROP.sub("", place_fold(name))
    return _SEPARATORS.sub(" ", k).strip()


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters, the only script English news uses for places."""
    return bool(_LATIN.match(name))
