"""Finds toponyms in text: every capitalised run of words the gazetteer knows.

The scan needs no spaCy (it is a dictionary lookup over word n-grams), so it also finds the
names NER misses: "Ukraine" inside "Belarus-Ukraine-Poland", "Aleppo" tagged NORP, adjectives
such as "Syrian". When a parsed Doc is at hand it vetoes what the parse shows is no place:
"Washington" inside the person "George Washington", a common noun opening a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..nlp import text_of
from .gazetteer import Gazetteer
from .index import ADJECTIVE, ALIAS
from .names import place_fold, place_key

_WORD = re.compile(r"[^\W\d_]+")
# Lower-case words that may sit inside a name: Rio de Janeiro, Stoke-on-Trent, Deir al-Zour.
CONNECTORS = frozenset("of de la le del do da dos das and upon on am el al the du des di y en sur im an "
                       "der les los las i e bin ibn ad ar as az ash ul".split())
_GAP_OK = re.compile(r"^(?:[ \t]{1,2}|-|\u2011|'|\u2019|\.|\. |\.-|&| & )$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"\u201c\u201d(\[]|--)\s*[\"\u201c\u2018']?\s*$")
# Words that introduce a person, so that the next capitalised word is a name, not a place.
_TITLES = frozenset("mr mrs ms miss dr sir dame lord lady sen senator rep gov governor gen general "
                    "president minister secretary judge justice pope saint st father sister brother "
                    "col colonel capt captain lt sgt prof professor king queen prince princess sheikh "
                    "ayatollah mayor coach chancellor premier officer agent detective ambassador envoy "
                    "spokesman spokeswoman commander chairman chairwoman".split())
_BORDER_WORDS = frozenset("border borders frontier frontiers tripoint triangle junction boundary "
                          "borderlands crossing".split())
MAX_WORDS = 6
# Words after a town's name that make it the name of the division around the town.
DESIGNATORS = frozenset("province region oblast governorate prefecture district county municipality "
                        "department canton raion state".split())
# Of those, the ones for a first-level division; the others are second-level.
FIRST_LEVEL = frozenset("province region oblast governorate prefecture state".split())


@dataclass
class Mention:
    """A span that names a place, before and after resolution."""

    start: int
    end: int
    text: str
    key: str
    cands: list[tuple[int, int]]  # (entry id, how the name matched)
    sentence_start: bool = False
    caps: bool = False  # written in capitals (datelines, headlines)
    ner: str | None = None
    qualifier: Mention | None = None  # the mention that qualifies it: Alexandria, *Louisiana*
    border: tuple[str, ...] | None = None  # country codes of a border area or tripoint
    parts: list[Mention] = field(default_factory=list)  # the country mentions a border mention joins
    embedded: bool = False  # inside a longer capitalised name: "Rogers Centre", "Air Zimbabwe"
    person: bool = False  # this occurrence reads as (part of) a person's name
    person_ner: bool = False  # NER alone calls it a person ("Johnson said"): a small town yields
    full_name: bool = False  # part of a full name NER found ("Georgia Stevens", "George Washington")
    division: str | None = None  # "province" in "Kunduz province": the town's division is meant

    @property
    def adjectival(self) -> bool:
        return bool(self.cands) and all(how == ADJECTIVE for _, how in self.cands)


@lru_cache(maxsize=1)
def stopnames() -> frozenset[str]:
    text = (resources.files("tocsin.data") / "geo" / "stopnames.txt").read_text(encoding="utf-8")
    return frozenset(place_key(w) for w in text.split("\n") if w.strip() and not w.startswith("#"))


def _capitalised(tok: str) -> bool:
    return tok[0].isupper()


def _guarded_hits(gaz: Gazetteer, k: str, text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """Guarded aliases that this occurrence satisfies, and the span end (taking a final period)."""
    hits: list[tuple[int, int]] = []
    new_end = end
    for eid, written, flags in gaz.guarded.get(k, ()):
        span = text[start:end + 1] if written.endswith(".") else text[start:end]
        if written.endswith(".") and not span.endswith("."):
            continue
        # "P.A." is not "Pa.": the letters and dots must be the alias's own.
        if span.rstrip(".").casefold() != written.rstrip(".").casefold():
            continue
        if "case" in flags and span != written:
            continue
        # "Springfield, Ill." and "Walker County (Ga.)"
        if "comma" in flags and not re.search(r"[A-Za-z][.]?(?:,\s*|\s*\()$", text[max(0, start - 40):start]):
            continue
        hits.append((eid, 1))
        new_end = max(new_end, start + len(span))
    return hits, new_end


def scan(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every longest capitalised n-gram the gazetteer knows, left to right."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    stops = stopnames()
    out: list[Mention] = []
    i, n = 0, len(toks)
    while i < n:
        s0, e0, w0 = toks[i]
        # Single letters start abbreviations (U.S., N.Y.) whose key has no space to split at.
        if not _capitalised(w0) or (len(w0) > 1 and place_fold(w0) not in gaz.first_words):
            i += 1
            continue
        best: tuple[int, int, list[tuple[int, int]], str] | None = None
        j = i
        while j < n and j - i < MAX_WORDS:
            sj, ej, wj = toks[j]
            if j > i:
                gap = text[toks[j - 1][1]:sj]
                if not _GAP_OK.match(gap):
                    break
                # "Cox's Bazar", "Martha's Vineyard": a possessive s inside a name
                possessive = wj == "s" and gap in ("'", "\u2019")
                designator = wj.lower() in DESIGNATORS and gap == " "
                if not _capitalised(wj) and wj not in CONNECTORS and not possessive and not designator:
                    break
            if _capitalised(wj) or j == i or wj.lower() in DESIGNATORS:
                k = place_key(text[s0:ej])
                cands = list(gaz.candidates(k))
                end = ej
                if k in gaz.guarded:
                    extra, end = _guarded_hits(gaz, k, text, s0, ej)
                    cands += extra
                    if not extra:
                        end = ej
                if cands:
                    best = (j, end, cands, k)
            j += 1
        if best is None:
            i += 1
            continue
        j, end, cands, k = best
        division = None
        if j + 1 < n and toks[j + 1][2].lower() in DESIGNATORS and text[toks[j][1]:toks[j + 1][0]] == " " \
                and all(gaz.rows[e][6].startswith("PPL") for e, _ in cands):
            # "Kunduz province", "the Donetsk region": the division named after the town.
            division = toks[j + 1][2].lower()
            end = toks[j + 1][1]
        # "U.S." keeps its final period in the span, as readers (and gold sets) mark it.
        if end < len(text) and text[end] == "." and len(toks[j][2]) == 1:
            end += 1
        single = j == i
        if single and k in stops:
            i = j + 1
            continue
        caps = all(t[2].isupper() for t in toks[i:j + 1])
        if caps and len(k.replace(" ", "")) <= 3 and not any(how == ALIAS for _, how in cands):
            i = j + 1  # OAS, AP, UN: acronyms, unless a curated alias says otherwise
            continue
        before = text[max(0, s0 - 30):s0]
        prev = re.search(r"([A-Za-z]+)\.?\s+$", before)
        person = bool(prev and place_fold(prev.group(1)) in _TITLES and not any(how == ADJECTIVE for _, how in cands))
        starts = bool(_SENTENCE_END.search(text[max(0, s0 - 4):s0])) or s0 == 0
        out.append(Mention(s0, end, text[s0:end], k, cands, sentence_start=starts, division=division,
                           caps=caps and len(text[s0:end]) > 3, person=person,
                           embedded=_embedded(text, toks, i, j, starts)))
        i = j + 1
    _qualify(text, out, gaz)
    return out


def _embedded(text: str, toks: list[tuple[int, int, str]], i: int, j: int, starts: bool) -> bool:
    """Whether a capitalised word other than a sentence opener touches the match."""
    if i > 0 and not starts and text[toks[i - 1][1]:toks[i][0]] == " ":
        w = toks[i - 1][2]
        opener = bool(_SENTENCE_END.search(text[max(0, toks[i - 1][0] - 4):toks[i - 1][0]]))
        if w[0].isupper() and not opener and place_fold(w) not in _TITLES:
            return True
    if j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]] == " " and toks[j + 1][2][0].isupper():
        return True
    return False


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|outside|inside|into|through)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def drop_people(mentions: list[Mention], gaz: Gazetteer, text: str = "") -> list[Mention]:
    """One name, one reading: once an occurrence reads as a person ("Ambassador Sokol"), the
    other occurrences of that name are no small town either; after a full name ("Georgia
    Stevens") the bare name is the person too, unless a preposition makes it a place
    ("she skated in Georgia")."""
    people = {m.key for m in mentions if m.person}
    votes: dict[str, list[bool]] = {}
    for m in mentions:
        votes.setdefault(m.key, []).append(m.person_ner)
    # The small model calls many a town a person now and then ("Seattle Seahawks"); a name is
    # taken for a person when most of its occurrences are.
    maybe_people = {k for k, v in votes.items() if sum(v) * 2 > len(v)}
    # After a full name ("Georgia Stevens") the bare name is that person ("Georgia began
    # skating"), unless the article also uses it as a place ("in Georgia").
    first_full: dict[str, int] = {}
    for m in mentions:
        if m.full_name:
            first_full.setdefault(m.key, m.start)
    placed = {m.key for m in mentions if _LOCATIVE_BEFORE.search(text[max(0, m.start - 20):m.start])
              and not re.match(r"['\u2019]s\b", text[m.end:m.end + 3])}  # "from Georgia's hard work"
    out = []
    for m in mentions:
        if m.person or m.full_name:
            continue
        if m.key in first_full and m.start > first_full[m.key] and m.key not in placed and not m.adjectival:
            continue
        towns = all(gaz.rows[e][6].startswith("PPL") for e, _ in m.cands)
        if m.key in people and towns:
            continue
        # NER's word alone outweighs only villages and small towns, not Jordan or Paris.
        if m.key in maybe_people and towns and max(gaz.rows[e][5] for e, _ in m.cands) < 100_000:
            continue
        out.append(m)
    return out


_ADMIN_PAIR = re.compile(r"\s*\(\s*[^(),]{1,60},\s*")  # " (Yinmabin, " between a town and its region
_CLOSE = re.compile(r"\s*\)")


def _qualify(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Mark "Alexandria, Louisiana" and "Edmonton (Ky.)": the second names the first's region."""
    for a, b in zip(range(len(mentions)), range(1, len(mentions))):
        gap = text[mentions[a].end:mentions[b].start]
        if re.fullmatch(r",\s*|\s*\(\s*", gap):
            # "Russia, U.S. officials" and "France, Germany" are lists, not a town and its region.
            if any(gaz.rows[eid][6].startswith("PCL") or gaz.rows[eid][6] in ("ADM1", "CONT")
                   for eid, _ in mentions[a].cands):
                continue
            feats = {gaz.rows[eid][6] for eid, _ in mentions[b].cands}
            if feats & {"ADM1", "PCLI"} or any(f.startswith("PCL") for f in feats):
                mentions[a].qualifier = mentions[b]
    # ACLED's notes place an event as "Kani (Yinmabin, Sagaing)": the town, its district and its region; the
    # region qualifies the town (and the district), whether or not the district is a name the gazetteer knows
    for a, m in enumerate(mentions):
        if m.qualifier is not None:
            continue
        for c in mentions[a + 1:a + 3]:
            if not (_ADMIN_PAIR.fullmatch(text[m.end:c.start]) and _CLOSE.match(text, c.end)):
                continue
            # the bracket's last name is a region even where the gazetteer knows only its town ("Sagaing"):
            # it pins the country at least
            m.qualifier = c
            for b in mentions[a + 1:]:
                if b is c:
                    break
                b.qualifier = b.qualifier or c
            break


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is a headline with Most Words Capitalised."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in _WORD.findall(text[lo:hi if hi >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def apply_doc(mentions: list[Mention], doc, text: str | None = None) -> list[Mention]:
    """Drop what the parse shows is no place, and note the NER label of the rest; ``text`` is the Doc's."""
    if doc is None:
        return mentions
    keep = []
    ents_of_doc = None
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            keep.append(m)
            continue
        ents = {t.ent_type_ for t in span if t.ent_type_}
        m.ner = next(iter(ents)) if len(ents) == 1 else (sorted(ents)[0] if ents else None)
        if "PERSON" in ents and _title_case_line(text := text if text is not None else text_of(doc), m.start):
            ents = ents - {"PERSON"}  # a headline in title case: the model sees names everywhere
        if "PERSON" in ents and not (ents & {"GPE", "LOC", "NORP", "FAC"}) and not m.adjectival and len(span) == 1:
            m.person_ner = True
        if "PERSON" in ents and not (ents & {"GPE", "LOC", "NORP", "FAC"}) and not m.adjectival:
            if ents_of_doc is None:
                ents_of_doc = doc.ents  # built anew from the tags on every access
            ent = next((e for e in ents_of_doc if e.start <= span.start < e.end), None)
            # "George Washington" is a person; "pro-Ukraine", which the small model also tags
            # PERSON, has no other capitalised word, so it stays a place.
            if ent is not None and any(t.text[:1].isupper() and (t.i < span.start or t.i >= span.end)
                                       for t in ent):
                m.person_ner = m.full_name = True
                keep.append(m)  # dropped by drop_people, which also weighs the other occurrences
                continue
        if len(span) == 1 and not m.caps:
            tok = span[0]
            if tok.pos_ in ("VERB", "AUX", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "NUM") and not m.adjectival:
                continue
        keep.append(m)
    return keep


def find_borders(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Border areas and tripoints: "Belarus-Ukraine-Poland borders", "the border between Syria and Turkey"."""
    out: list[Mention] = []
    countries = [i for i, m in enumerate(mentions) if any(gaz.rows[eid][6].startswith("PCL") for eid, _ in m.cands)]
    used: set[int] = set()
    for pos, i in enumerate(countries):
        if i in used:
            continue
        group = [i]
        for nxt in countries[pos + 1:]:
            gap = text[mentions[group[-1]].end:mentions[nxt].start]
            if re.fullmatch(r"\s*(?:-|\u2013|\u2011|/|,|and|, and)\s*", gap):
                group.append(nxt)
            else:
                break
        first, last = mentions[group[0]], mentions[group[-1]]
        after = text[last.end:last.end + 40].lower()
        before = text[max(0, first.start - 45):first.start].lower()
        hyphenated = len(group) > 1 and re.fullmatch(r"\s*[-\u2013\u2011/]\s*", text[first.end:mentions[group[1]].start])
        near_word = re.match(r"^(?:'s|\u2019s)?\s*(?:[a-z]+\s+){0,1}(" + "|".join(_BORDER_WORDS) + r")\b", after)
        between = re.search(r"(border|frontier|boundary|tripoint)s?\s+(?:area\s+|region\s+)?(?:between|of)\s+(?:the\s+)?$", before)
        if len(group) >= 2 and ((hyphenated and near_word) or between):
            codes = tuple(dict.fromkeys(gaz.rows[next(e for e, _ in mentions[g].cands if gaz.rows[e][6].startswith("PCL"))][2]
                                        for g in group))
            if len(codes) >= 2:
                out.append(Mention(first.start, last.end, text[first.start:last.end], place_key(text[first.start:last.end]),
                                   [], border=codes[:3], parts=[mentions[g] for g in group]))
                used.update(group)
    return out
