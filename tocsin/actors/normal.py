"""One way to cut a name into match words, shared by the data tables, spaCy tokens and plain strings.

Keys from the data files and words from a text must be cut the same way, or "al-Qaeda",
"U.S." and "People's Republic of China" would match in one and not the other.
Place names have their own key (``tocsin.geo.names.place_key``), for whole names looked up
in the gazetteer rather than word sequences matched on tokens.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Initialisms with dots stay whole ("U.S.", "D.P.R.K."); a word may carry inner apostrophes
# ("Qa'ida", "Nuku'alofa"); anything else that is not a letter or digit stands alone.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['\u2019][^\W_]+)*\.?|\S", re.UNICODE)
_POSSESSIVE = re.compile(r"^(.*[^\W_])['\u2019]s$", re.UNICODE)
_STRIP = str.maketrans("", "", ".'\u2019")


class Word(NamedTuple):
    norm: str  # lower case, no accents, no dots or apostrophes: what keys are made of
    orig: str  # as written (dots removed), for case checks


def actor_fold(text: str) -> str:
    """Lower case without accents, dots or apostrophes."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_STRIP).lower()


def words(text: str) -> list[Word]:
    """Match words of ``text``; punctuation and possessive endings are dropped."""
    return list(_words(text))


@lru_cache(maxsize=65536)  # the resolver cuts every token of every phrase it reads, and words recur
def _words(text: str) -> tuple[Word, ...]:
    out: list[Word] = []
    for piece in _TOKEN.findall(text):
        m = _POSSESSIVE.match(piece)
        if m:
            piece = m.group(1)
        norm = actor_fold(piece)
        if norm and (norm[0].isalnum() or norm[-1].isalnum()):
            out.append(Word(norm, piece.translate(_STRIP)))
    return tuple(out)


def actor_key(text: str, ws: list[Word] | None = None) -> str:
    """The lookup key of a name from a data file: its match words joined by spaces."""
    norms = [w.norm for w in (words(text) if ws is None else ws)]
    if len(norms) > 1 and norms[0] == "the":
        norms = norms[1:]
    return " ".join(norms)


def is_acronym(text: str, ws: list[Word] | None = None) -> bool:
    """A one-word name with two or more capitals ("UN", "JeM"): matched only as written."""
    ws = words(text) if ws is None else ws
    return len(ws) == 1 and sum(ch.isupper() for ch in ws[0].orig) >= 2
