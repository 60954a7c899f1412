"""Title Case lines ("Kenya Denounces Actions By Uganda") put back in sentence case before parsing.

spaCy's small English model reads a capitalised verb as part of a name, so a headline or a one-line
report written in Title Case parses as one long noun phrase and yields no event. Before the parse, a
Title Case line has the capital taken off every word (but its first) that the tables know as a common
word (a trigger or class word of the pattern lexicon, a sector noun, an English function word: spaCy's
stop words and data/actors/function_words.txt) and do
not also know as a name (a state, a people, a capital, a person, an organisation: "Turkey", "Chad",
"Hamas" keep theirs). Only the case of a letter changes, so every offset into the result is an offset
into the text, as with ``nlp.normalise``.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# inflections tried back to a lemma: "denounces", "seized", "blockading", "accuses", "parties"
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(common words, names) from the pattern lexicon, the actor tables and spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .actors.tables import SECTOR, load, word_list
    from .coding.patterns import lexicon

    lex = lexicon()
    common: set[str] = set(STOP_WORDS) | set(lex.verbs) | set(lex.nouns) | word_list("function_words.txt")
    for members in lex.classes.values():
        common.update(w for w in members if w.isalpha())
    ix = load()
    names: set[str] = set()
    for key, entries in ix.keys.items():
        if " " in key:
            continue
        if all(e.kind == SECTOR for e in entries):
            common.add(key)
        else:
            names.add(key)
    return frozenset(common), frozenset(names)


def _common(word: str, common: frozenset[str], names: frozenset[str]) -> bool:
    low = word.lower()
    if low in names:
        return False
    if low in common:
        return True
    return any(low.endswith(end) and low[: len(low) - len(end)] + add in common
               for end, add in _ENDINGS if len(low) > len(end) + 2)


def title_case(line: str) -> bool:
    """Whether a line is written in Title Case: three or more words of four letters or more, nearly all
    capitalised, and not all in capitals."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    caps = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and caps >= 0.8 * len(words) and not all(w.isupper() for w in words)


def sentence_case(text: str) -> str:
    """``text`` with its Title Case lines in sentence case (same length, same offsets)."""
    if not any(title_case(line) for line in text.splitlines()[:3]):
        return text
    common, names = _tables()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if not title_case(line):
            out.append(line)
            continue
        chars = list(line)
        first = True
        for m in _WORD.finditer(line):
            word = m.group()
            clause_start = first or line[:m.start()].rstrip().endswith(":")
            first = False
            if clause_start or not word[0].isupper() or word.isupper() or any(c.isupper() for c in word[1:]):
                continue
            if _common(word, common, names):
                chars[m.start()] = word[0].lower()
        out.append("".join(chars))
    return "".join(out)
