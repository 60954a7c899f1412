"""Noun phrase -> Actor: country + sector, organisation, armed group or leader by date.

A phrase is cut into match words, segmented greedily into the longest keys of the index
(tables.py), and the match that holds the head word decides what kind of actor it is; the
other matches modify it: they give the country ("Belarusian dissidents"), a sector
("rebel leader", "former president") or an organisation ("UN peacekeepers").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Sequence

from ..model import Actor
from ..nlp import entity_bounds, month_as_name
from .normal import Word, _words, actor_fold, words
from .tables import (
    ADJ, CAPITAL, COUNTRY, GROUP, INST, ORG, OUT_OF_OFFICE, PEOPLE, PERSON, SECTOR, Entry, Index, load, word_list,
)

if TYPE_CHECKING:  # spaCy is only needed by callers that pass tokens
    from spacy.tokens import Token

# what stands before a surname without being a name or an office ("Mr Howard")
_HONORIFICS = word_list("honorifics.txt")
# words a sentence or a title may capitalise that carry no name on ("The Kremlin said", "But Congress")
_FUNCTION_WORDS = word_list("function_words.txt")
# Which reading of an ambiguous key wins ("Congress": the US legislature before the word congress).
_PRIORITY = {PERSON: 0, GROUP: 1, ORG: 2, INST: 3, COUNTRY: 4, CAPITAL: 5, PEOPLE: 6, ADJ: 7, SECTOR: 8}
# Entity types that are never actors.
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
_NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
# Left dependents that are not part of the phrase.
_SKIP_LEFT = frozenset({"cc", "conj", "preconj", "punct", "relcl", "acl", "advcl", "mark", "prep"})
# Prepositions whose object still describes the actor ("forces of Belarus", "rebels in Congo").
_OF_PREPS = frozenset({"of", "in", "from"})
# Words after which a country names a sponsor, not the actor ("Russian-backed separatists").
_SPONSOR = frozenset({"backed", "sponsored", "supported", "funded", "armed", "allied", "aligned", "trained",
                      # "the Britain-based Syrian Observatory": where a body sits, not whose it is
                      "based", "headquartered"})
# "a spokesman for the ministry", "a legal adviser for the rebels": whom the "for" names speaks through them
_SPEAK_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                        "adviser", "advisers", "advisor", "advisors"})
# sectors of bodies that are no organ of a state: "a minister of the Church", "the secretary of the party"
_BODY_SECTORS = frozenset({"REL", "PTY", "OPP", "REB", "NGO", "LAB", "EDU", "BUS", "MED"})
# In a plain string, these words end the part that can describe the actor ("group based in Trinidad").
_CUT = frozenset({
    "to", "against", "with", "on", "for", "by", "at", "and", "or", "who", "which", "that", "said", "says",
    "based", "loyal", "stationed", "deployed", "operating", "fighting",
})
_NATIONAL = frozenset({COUNTRY, ADJ, PEOPLE})
_PARENS = re.compile(r"\([^()]*\)")
# words that carry a person's name on past the part a table knows: "Haitham bin Tariq", "Abdullah II"
_NAME_GOES_ON = frozenset({"bin", "ibn", "bint", "al", "el", "ben", "abu", "ould", "ii", "iii", "iv", "vi", "jr", "sr"})


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    cands: list[Entry]  # every reading of the key, best kind first
    entry: Entry  # the reading chosen for the article's date


class ActorResolver:
    """Resolves actor mentions; load once, call often."""

    def __init__(self, index: Index | None = None) -> None:
        self.ix = index or load()
        self._surnames: dict[str, set[str]] | None = None  # deletion variant -> surname keys
        # phrase, words, head, date, named, lenient -> the actor (a pure function of these and the tables);
        # threads share it: a dict read or written whole is safe under the GIL, and a race only resolves twice
        self._known: dict[tuple, Actor | None] = {}

    # -- public API -------------------------------------------------------------------------

    def actor(self, head: "Token", when: date | None = None) -> Actor | None:
        """The actor named by the noun phrase headed by ``head``, or None if it names none."""
        # The coder asks about the same head several times per article (roles, memory, the article
        # pass): resolve it once per Doc, and hand out a copy, as every caller got its own before.
        memo = head.doc.user_data.get(_MEMO)
        if memo is None:
            memo = head.doc.user_data[_MEMO] = {}
        key = (id(self), head.i, when)
        if key not in memo:
            memo[key] = self._actor(head, when)
        found = memo[key]
        return found.model_copy() if found is not None else None

    def _actor(self, head: "Token", when: date | None) -> Actor | None:
        if head.pos_ in ("PRON", "NUM", "SYM", "PUNCT", "X") or (
                head.ent_type_ in _NOT_ACTOR_ENTS and not (
                    head.ent_type_ == "DATE" and head.pos_ == "PROPN" and month_as_name(head))):
            return None
        toks = _phrase_tokens(head)
        ws: list[Word] = []
        head_at = -1
        for t in toks:
            # "People's Liberation Army": the parser's "'s" is a possessive ending, as in a name from a table
            tw = () if t.tag_ == "POS" else _words(t.text)
            ws.extend(tw)
            if t.i == head.i:
                head_at = len(ws) - 1
        if head_at < 0 or not ws:
            return None
        text = head.doc[toks[0].i : toks[-1].i + 1].text
        if (head.pos_ == "PROPN" and head_at == len(ws) - 1 and all(w.norm in _HONORIFICS for w in ws[:-1])
                and self._someone_else(head, ws[-1])):  # "Howard", "Mr Howard"
            return None
        named = head.ent_type_ in _NAMED_ENTS or (head.pos_ == "PROPN" and not _title_case(head))
        return self._resolved(text, ws, head_at, when, named, lenient=False)

    def _someone_else(self, head: "Token", w: Word) -> bool:
        """"Wong reported from Beijing" under the byline "By Gillian Wong": a surname alone is a leader's only
        if the article, wherever it gives the surname after a given name, gives one of the leader's names."""
        people = [e for e in self.ix.get(w.norm) if e.kind == PERSON and e.surname and e.name]
        if not people:
            return False
        names = {actor_fold(p) for e in people for p in e.name.split()[:-1]}
        full = False
        for t in head.doc:
            if t.i == 0 or t.lower_ != head.lower_ or not (t.pos_ == "PROPN" or t.text.isupper()):
                continue  # "May" the name, not "may"
            prev = head.doc[t.i - 1]
            pw = _words(prev.text)
            if len(pw) != 1 or not prev.is_alpha or not prev.text[:1].isupper():
                continue
            given = pw[0].norm
            if given in names or (len(given) == 1 and any(given in e.initials for e in people)):
                return False  # "Recep Tayyip Erdogan": the leader
            known = self.ix.get(given)
            if any(e.kind == SECTOR and e.sector for e in known):
                return False  # "President Trump" beside "Melania Trump": the office holder is in the story
            # "Eddie Mauro": a given name no table knows before the surname, in one name (the recogniser may call
            # a candidate's name an organisation, or name no entity, yet the parser joins the two)
            if not known and (prev.ent_type_ == t.ent_type_ == "PERSON" or (
                    prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == t.i)):
                full = True
        return full

    def lookup(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a bare string names ("Ukraine's Ministry of Defense", "Putin")."""
        ws = words(_PARENS.sub(" ", text))  # "(CFVC)", "(Conservatives)": glosses, not the name
        if not ws:
            return None
        head_at = _string_head(ws)
        named = ws[head_at].orig[:1].isupper()
        lenient = not any(ch.isupper() for ch in text)
        found = self._resolved(text.strip(), ws, head_at, when, named, lenient)
        return found.model_copy() if found is not None else None

    def _resolved(
        self, text: str, ws: Sequence[Word], head_at: int, when: date | None, named: bool, lenient: bool
    ) -> Actor | None:
        """``_resolve``, remembered: the same phrases ("the government", "police", "Russia") come back
        in every article. The Actor handed out is shared: callers hand out copies."""
        key = (text, tuple(ws), head_at, when, named, lenient)
        found = self._known.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._resolve(text, ws, head_at, when, named, lenient)
            if len(self._known) >= _KNOWN_MAX:
                self._known.clear()  # a bound, not an LRU: long runs start over now and then
            self._known[key] = found
        return found

    # -- resolution ---------------------------------------------------------------------------

    def _resolve(
        self, text: str, ws: Sequence[Word], head_at: int, when: date | None, named: bool, lenient: bool
    ) -> Actor | None:
        matches = self._segment(ws, lenient)
        for m in matches:
            m.entry = self._pick(m, when, None)
        head_m = next((m for m in matches if m.start <= head_at < m.end), None)
        if head_m is not None and not head_m.entry.head_ok:
            head_m = None
        mods = [m for m in matches if m is not head_m]
        # Nearest modifiers first on the left, then the "of/in" objects on the right, in order.
        left = sorted((m for m in mods if m.end <= head_at), key=lambda m: -m.end)
        right = [m for m in mods if m.start > head_at]
        ordered = left + right
        country, cty_from = self._mod_country(ws, ordered)
        hint = country

        if head_m is None and named:
            # "Sultan Haitham bin Tariq", "King Abdullah II": a known name goes on past its key
            person = max((m for m in matches if m.end <= head_at and m.entry.kind == PERSON), default=None,
                         key=lambda m: m.end)
            if person is not None and all(w.norm in _NAME_GOES_ON or w.orig[:1].isupper() for w in ws[person.end:head_at + 1]) \
                    and any(w.norm in _NAME_GOES_ON for w in ws[person.end:head_at + 1]) \
                    and not any(person.end <= m.start <= head_at for m in matches if m is not person):
                return self._person(text, person, when, hint, [m for m in ordered if m is not person])
        if head_m is None:
            if not named:
                return None
            title = next((m for m in left if m.entry.kind == SECTOR and m.entry.sector), None)
            if title is not None and title.entry.weak:
                # "Police spokesman Mohammed Shehu": a weak title before a name yields to its own modifier,
                # as "police spokesman" alone does
                sector = self._mod_sector([m for m in ordered if m is not title], title.entry.sector, True)
            else:
                sector = self._mod_sector(ordered, None, False)
            if sector == "GOV" and _party_title(ws, matches):
                sector = "PTY"  # "NDP Leader Wab Kinew": the leader of a party the tables do not know
            return self._compose(text, country, sector, ordered, cty_from)

        e = head_m.entry
        k = e.kind
        if (k == INST and named and not lenient and ws[head_at].norm in _PARTY_NAMES
                and _unknown_name_before(ws, matches, head_m)):
            # "the All Progressives Congress", "Indian National Congress": a party the tables do not know by its
            # full name, not the institution its last word names
            override = self._mod_sector(ordered, None, False, overrides_only=True)
            return self._compose(text, country, override or "PTY", ordered, cty_from)
        if k == SECTOR and e.sector == "PTY" and named and ws[head_at].orig[:1].isupper() and (
                cty_from is None or cty_from.entry.kind in (COUNTRY, ADJ)):
            # "the Peoples Democratic Party", "the Left Party": a party by its name is a party, whatever people or
            # sector its name's words mention ("opposition" still says which side it is)
            override = self._mod_sector(ordered, None, False, overrides_only=True)
            return self._compose(text, country, override or "PTY", ordered, cty_from)
        if k == PERSON:
            return self._person(text, head_m, when, hint, ordered)
        if k == ORG:
            if (e.sector == "IGO" and country and cty_from is not None and cty_from.end <= head_m.start
                    and cty_from.entry.kind in (COUNTRY, ADJ)):
                # "Russia's Security Council", "Turkey's Security Council": a state's own body of the name
                return _actor(text, country, "GOV", country)
            return Actor(text=text, code=e.code, country=None, sector=e.sector)
        if k == GROUP:
            return Actor(text=text, code=e.code, country=e.country, sector=e.sector)
        if k == INST:
            if country and country != e.country and cty_from is not None and cty_from.entry.kind != ORG:
                return _actor(text, country, e.sector, country)
            return Actor(text=text, code=e.code, country=e.country, sector=e.sector)
        if k == COUNTRY or k == ADJ:
            return _actor(text, e.code, None, e.country)
        if k == CAPITAL:
            return _actor(text, e.code[:3], "GOV", e.country)
        if k == PEOPLE:
            sector = self._mod_sector(ordered, "CVL", True, overrides_only=True)
            if any(w.norm == "ethnic" for w in ws[: head_m.start]):
                # "ethnic Albanians in south Serbia": the people names a community, the place the state.
                place = next((m for m in right if m.entry.kind in (COUNTRY, CAPITAL)), None)
                if place is not None:
                    return _actor(text, place.entry.country, sector, place.entry.country)
            if country and cty_from is not None and cty_from.start < head_m.start:  # "Bosnian Serbs"
                return self._compose(text, country, sector, ordered, cty_from)
            if len(ws) == 2 and head_at == 1 and ws[0].norm == "the" and sector == "CVL" and e.country:
                # "selling munitions to the Saudis", "agreed with the Russians": the nation as a party, its state
                return _actor(text, e.code, None, e.country)
            return _actor(text, e.code, sector, e.country)
        # A sector noun: "Iraqi troops", "the Belarusian military", "rebels".
        if e.weak and named and not lenient and _unknown_name_before(ws, matches, head_m):
            # "Homeland Union", "Popular Front": a name we do not know, not a trade union or a front.
            return self._compose(text, country, self._mod_sector(ordered, None, False), ordered, cty_from)
        sector = self._mod_sector(ordered, e.sector, e.weak)
        if sector == "GOV" and _party_title(ws, matches):
            sector = "PTY"  # "the SNP leader", "BJP chief": a party's officer, not a government's
        if sector == "GOV":
            # "a minister of the Church of England", "the secretary of the party": an office of a body
            # that is no organ of the state is that body's
            body = next((m for m in right if m.entry.kind == SECTOR and m.entry.head_ok
                         and m.entry.sector in _BODY_SECTORS and _of_the(ws, m.start, matches)), None)
            if body is not None:
                sector = body.entry.sector
        return self._compose(text, country, sector, ordered, cty_from)

    def _compose(
        self, text: str, country: str | None, sector: str | None, ordered: list[_Match], cty_from: _Match | None
    ) -> Actor:
        """Country + sector from modifiers; an organisation modifier nearer than any country wins."""
        if cty_from is not None and cty_from.entry.kind in (ORG,):
            e = cty_from.entry
            return Actor(text=text, code=e.code, country=None, sector=e.sector)
        if cty_from is not None and cty_from.entry.kind == GROUP:
            e = cty_from.entry
            if e.country is None:  # transnational group: its own code
                return Actor(text=text, code=e.code, country=None, sector=sector or e.sector)
        code_country = country
        if cty_from is not None and cty_from.entry.kind in (ADJ, PEOPLE):
            code_country = cty_from.entry.code  # stateless peoples keep their own prefix ("KUR")
            country = cty_from.entry.country
        return _actor(text, code_country, sector, country)

    def _mod_country(self, ws: Sequence[Word], ordered: list[_Match]) -> tuple[str | None, _Match | None]:
        m = self._first_country(ws, ordered)
        if m is not None and m.entry.kind in _NATIONAL:
            # "Bosnian Serb forces", "Syrian Kurdish fighters": the outer word names the state.
            outer = next((o for o in ordered if o.end == m.start and o.entry.kind in _NATIONAL), None)
            if outer is not None and outer.entry.country:
                m = outer
        if m is None:
            return None, None
        e = m.entry
        return (e.country if e.kind not in (ORG, GROUP) or e.country else None), m

    def _first_country(self, ws: Sequence[Word], ordered: list[_Match]) -> _Match | None:
        for m in ordered:
            e = m.entry
            if e.kind == SECTOR:
                continue
            if m.end < len(ws) and ws[m.end].norm in _SPONSOR and not (
                    m.end + 1 < len(ws) and self.ix.get(f"{ws[m.end].norm} {ws[m.end + 1].norm}")):
                continue  # "Russian-backed": the sponsor, not the actor ("the Russian armed forces" are Russia's)
            if (e.kind == INST and m.end - m.start == 1 and ws[m.start].norm in _PARTY_NAMES and m.start > 0
                    and _inside_a_name(ws[m.start - 1], self.ix)):
                continue  # "the secretary of the All Progressives Congress": a party, not the US Congress
            if e.kind in (ORG, GROUP, ADJ, PEOPLE) or e.country:
                return m
        return None

    def _mod_sector(
        self, ordered: list[_Match], head: str | None, weak: bool, overrides_only: bool = False
    ) -> str | None:
        """The head's sector, unless a modifier's beats it ("rebel forces", "former president")."""
        fill = None
        for m in ordered:
            e = m.entry
            if e.kind == SECTOR and e.override and e.sector:
                return e.sector
            if fill is None and e.sector and e.kind in (SECTOR, INST, GROUP) and not overrides_only:
                # GOV only fills an empty head: "government troops" are MIL.
                if head is None or (weak and e.sector != "GOV"):
                    fill = e.sector
        sector = fill or head
        if sector == "MIL" and any(m.entry.sector == "COP" and m.entry.kind in (SECTOR, INST) for m in ordered):
            return "COP"  # ranks are the police's too: "State Police Lt. X", "police captain", "police officers"
        return sector

    def _person(
        self, text: str, m: _Match, when: date | None, hint: str | None, ordered: list[_Match]
    ) -> Actor:
        e = self._pick(m, when, hint)
        override = self._mod_sector(ordered, None, False, overrides_only=True)
        title = next((o for o in ordered if o.entry.kind == SECTOR and o.entry.sector and o.end <= m.start), None)
        org = next((o for o in ordered if o.entry.kind == ORG and o.end <= m.start), None)
        if when is None and title is not None:
            # undated, "Ukrainian President Petro Poroshenko": the office the text gives, not the latest one;
            # "UN Secretary-General Antonio Guterres": the organisation's officer, not the PM he once was
            held = [c for c in m.cands if c.kind == PERSON and org is not None and c.code == org.entry.code] or [
                c for c in m.cands if c.kind == PERSON and c.sector == title.entry.sector
                and (hint is None or c.country == hint)]
            if held:
                e = max(held, key=lambda c: (c.end is None, c.end or date.min))
        if when is None or e.covers(when):
            sector = override or e.sector  # undated: the office the person is known for
        elif override:
            sector = override
        elif org is not None:  # "Arab League Secretary-General X": the text says who he speaks for
            return Actor(text=text, code=org.entry.code, country=None, sector=org.entry.sector)
        elif (group := next((o for o in ordered if o.entry.kind == GROUP and o.end <= m.start), None)) is not None:
            # "Hezbollah leader Hassan Nasrallah", told after his death: the group's, not a state's office
            return Actor(text=text, code=group.entry.code, country=group.entry.country, sector=group.entry.sector)
        elif title is not None:  # "Secretary of State X": the text gives the office, the date may be off
            sector = title.entry.sector
        else:
            sector = OUT_OF_OFFICE
        if e.country is None:  # an organisation's officer
            if sector == OUT_OF_OFFICE:
                return Actor(text=text, code=None, country=None, sector=None)
            return Actor(text=text, code=e.code, country=None, sector=e.sector)
        return _actor(text, e.country, sector, e.country)

    # -- matching -----------------------------------------------------------------------------

    def _segment(self, ws: Sequence[Word], lenient: bool) -> list[_Match]:
        """Greedy longest-key segmentation; one entry per match, refined later by date."""
        out: list[_Match] = []
        i, n = 0, len(ws)
        while i < n:
            for length in range(min(self.ix.max_len, n - i), 0, -1):
                cands = self.ix.get(" ".join(w.norm for w in ws[i : i + length]))
                if not cands:
                    continue
                cands = [e for e in cands if _fits(e, ws, i, length, lenient)]
                if length == 1 and cands:
                    cands = [e for e in cands if not e.surname or _surname_ok(e, ws, i, self.ix)]
                    if i > 0 and ws[i].norm not in _PARTY_NAMES and _inside_a_name(ws[i - 1], self.ix):
                        # "All Progressives Congress", "Indian National Congress": the last word of another
                        # body's name is not the body that word alone names (Congress, the US legislature)
                        cands = [e for e in cands if e.kind != INST]
                if cands:
                    cands.sort(key=lambda e: _PRIORITY[e.kind])
                    out.append(_Match(i, i + length, cands, cands[0]))
                    i += length
                    break
            else:
                fuzzy = self._misspelt_leader(ws, i)
                if fuzzy:
                    out.append(_Match(i, i + 1, fuzzy, fuzzy[0]))
                i += 1
        return out

    def _misspelt_leader(self, ws: Sequence[Word], i: int) -> list[Entry]:
        """"President Bouteflicka": a titled, capitalised unknown word one letter off a leader's surname.

        Wire copy misspells names; only a lone best guess is taken, and only after a title, so a
        stranger whose name happens to be close to a leader's stays unknown.
        """
        w = ws[i]
        if len(w.norm) < 6 or not w.orig[:1].isupper() or i == 0:
            return []
        if i + 1 < len(ws) and ws[i + 1].orig[:1].isupper() and ws[i + 1].orig.isalpha():
            return []  # "Tory leader Michael Howard": a name's first word is no misspelt surname
        j = i - 1
        while j > 0 and ws[j].orig[:1].isupper() and not any(e.kind == SECTOR for e in self.ix.get(ws[j].norm)):
            j -= 1  # "President Francois Mitterand": given names between the title and the surname
        if not any(e.kind == SECTOR and e.sector == "GOV" for e in self.ix.get(ws[j].norm)):
            return []  # the title before the name ("a local politician in Karachi" titles no one)
        surnames = self._surnames
        if surnames is None:
            # built whole before it is published: another thread must never see half of it
            surnames = {}
            for k, entries in self.ix.keys.items():
                if " " not in k and len(k) >= 5 and any(e.kind == PERSON and e.surname for e in entries):
                    for v in _one_deletion(k):
                        surnames.setdefault(v, set()).add(k)
            self._surnames = surnames
        keys = set().union(*(surnames.get(v, set()) for v in _one_deletion(w.norm)))
        if len(keys) != 1 or w.norm in keys:
            # spelt right, the surname was already weighed and refused ("Tory leader Michael Howard" is no
            # John Howard): no misspelling to guess at
            return []
        found = [e for e in self.ix.get(keys.pop()) if e.kind == PERSON]
        # "Kyrgyz Prime Minister Tanaev" is no Serbian leader, however close the spelling
        named = {e.country for t in ws for e in self.ix.get(t.norm) if e.kind in _NATIONAL and e.country}
        return [e for e in found if not named or e.country in named]

    def _pick(self, m: _Match, when: date | None, hint: str | None) -> Entry:
        """The reading of a key that holds at ``when``: the right Bush, the Taliban of 1998 or 2022."""
        top = m.cands[0].kind
        same = [c for c in m.cands if c.kind == top]
        if len(same) == 1 and top not in (PERSON, GROUP, INST):
            return same[0]
        if when is None:
            # Undated: the reading still current, else the latest one.
            return max(same, key=lambda c: (c.end is None, c.end or date.min, c.country == hint))
        live = [c for c in same if c.covers(when)]
        if live:
            return next((c for c in live if hint and c.country == hint), live[0])
        return min(same, key=lambda c: _distance(c, when))


def _distance(e: Entry, when: date) -> int:
    if e.start is not None and when < e.start:
        return (e.start - when).days
    if e.end is not None and when > e.end:
        return (when - e.end).days
    return 0


def _fits(e: Entry, ws: Sequence[Word], i: int, length: int, lenient: bool) -> bool:
    if e.exact is not None:
        # "Nato", "Opec", "Unicef": a house style writes an international body's acronym of four or more
        # letters as a word; no such acronym is an English word (a party's or a group's may be: "PLAN", "SADR")
        return ws[i].orig == e.exact or (
            len(e.exact) >= 4 and e.exact.isupper() and (e.code or "")[:3] in ("IGO", "NGO")
            and ws[i].orig == e.exact.capitalize())
    if e.kind == SECTOR or lenient or length > 1:
        return True
    return ws[i].orig[:1].isupper()


def _surname_ok(e: Entry, ws: Sequence[Word], i: int, ix: Index) -> bool:
    """"Bush" after "Laura" is not George Bush: an unknown capitalised word before a surname
    must start like one of the person's given names."""
    if i + 1 < len(ws) and e.name and " " in e.name:
        # "Habib Essid": a surname with an unknown capitalised name after it is someone's given name
        nxt = ws[i + 1]
        if (nxt.orig[:1].isupper() and nxt.orig.isalpha() and not ix.get(nxt.norm)
                and not actor_fold(e.name).endswith(nxt.norm)):
            return False
        if nxt.orig[:1].isupper() and any(x.kind == SECTOR and x.sector == "BUS" for x in ix.get(nxt.norm)):
            return False  # "Fox Business Network", "Ford Motor Company": a surname that starts a firm's name
    if i == 0:
        return True
    prev = ws[i - 1]
    if not prev.orig[:1].isupper() or ix.get(prev.norm):
        return True
    if len(prev.norm) > 1 and e.name and " " in e.name:
        # a word, not an initial: "Gordon Brown" or "Gord. Brown", never "Gov. Brown"
        return actor_fold(e.name.split()[0]).startswith(prev.norm)
    return prev.norm[:1] in e.initials


def _inside_a_name(prev: Word, ix: Index) -> bool:
    """Whether the word before a one-word key carries a name on: capitalised, a word (no initial, no
    abbreviation) that the tables do not know ("Progressives Congress", not "US Congress" or "the Congress")."""
    return (prev.orig[:1].isupper() and prev.orig.isalpha() and len(prev.orig) > 2 and not prev.orig.isupper()
            and prev.norm not in _FUNCTION_WORDS and not ix.get(prev.norm))



def _one_deletion(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words share one iff they are
    at most one insertion, deletion or substitution apart (symmetric-delete spelling match)."""
    return {word} | {word[:j] + word[j + 1:] for j in range(len(word))}


_UNSEEN = object()
_KNOWN_MAX = 50_000
_MEMO = "tocsin.actor_of_head"  # Doc.user_data: (resolver, token index, date) -> the actor it names


def _title_case(tok: "Token") -> bool:
    """In a Title Case Headline every noun looks like a name; trust only the entity recogniser there."""
    # Token.sent walks the Doc on every call: judge every sentence once per Doc and keep the answers.
    doc = tok.doc
    cases = doc.user_data.get("tocsin.title_case")
    if cases is None:
        cases = doc.user_data["tocsin.title_case"] = [False] * len(doc)
        for sent in doc.sents:
            alpha = [t for t in sent if t.is_alpha and len(t) > 3]
            if len(alpha) >= 3 and sum(t.text[0].isupper() for t in alpha) >= 0.8 * len(alpha):
                cases[sent.start:sent.end] = [True] * len(sent)
    return cases[tok.i]


def _of_the(ws: Sequence[Word], start: int, matches: list[_Match]) -> bool:
    """"... of the Church", "... of the SDS Party", "... of the ruling party": the body at ``start`` is what an
    "of the" names, with only its own name or an adjective no table knows between."""
    covered = {i for m in matches if m.entry.head_ok for i in range(m.start, m.end)}  # "ruling" may stand between
    i = start - 1
    while i >= 0 and i not in covered and ws[i].norm not in ("the", "of", "and", "a", "an"):
        i -= 1
    return i >= 1 and ws[i].norm == "the" and ws[i - 1].norm == "of" and start - i <= 3


# the last word of a party's name that an institution table also holds ("All Progressives Congress")
_PARTY_NAMES = frozenset({"congress"})


# titles that, after an acronym no table knows, are a party's officer's ("NDP leader", "BJP chief")
_PARTY_TITLES = frozenset({"leader", "leaders"})  # "TTC spokesman", "NBC chief": a company's or an agency's


def _party_title(ws: Sequence[Word], matches: list["_Match"]) -> bool:
    """A weak title of government ("leader") right after an upper-case acronym no table knows."""
    for m in matches:
        e = m.entry
        if e.kind != SECTOR or e.sector != "GOV" or not e.weak or ws[m.start].norm not in _PARTY_TITLES:
            continue
        i = m.start - 1
        if i < 0 or any(x.start <= i < x.end for x in matches):
            continue
        w = ws[i].orig
        if 2 <= len(w) <= 6 and w.isalpha() and (w.isupper() or (w[0].isupper() and sum(ch.isupper() for ch in w) >= 2)):
            return True
    return False


def _unknown_name_before(ws: Sequence[Word], matches: list[_Match], head_m: _Match) -> bool:
    """A capitalised head word right after a capitalised word no table knows."""
    i = head_m.start - 1
    if i < 0 or not ws[head_m.start].orig[:1].isupper():
        return False
    covered = any(m.start <= i < m.end for m in matches)
    return not covered and ws[i].orig[:1].isupper()


def _string_head(ws: Sequence[Word]) -> int:
    """Head of a bare phrase: the last word before "of", "in", a verb-like cut or the end."""
    for j, w in enumerate(ws):
        if j and (w.norm in _OF_PREPS or w.norm in _CUT):
            return j - 1
    return len(ws) - 1


def _actor(text: str, code_country: str | None, sector: str | None, country: str | None) -> Actor:
    code = (code_country or "") + (sector or "")
    return Actor(text=text, code=code or None, country=country, sector=sector)


def _phrase_tokens(head: "Token") -> list["Token"]:
    """The tokens of the noun phrase around ``head`` that can tell who the actor is."""
    keep = _np(head, appos=True)
    doc = head.doc
    keep.update(range(*entity_bounds(head)))  # the entity around the head
    lo, hi = min(keep), max(keep)
    for k in range(head.i - 1, lo - 1, -1):
        t = doc[k]
        if t.text in ("\u2013", "\u2014", "--") or (t.text == "-" and t.whitespace_ and k > 0 and doc[k - 1].whitespace_):
            lo = k + 1  # "NAIROBI, Apr 5 - Chief Justice X": a dateline and its dash are no part of the name
            break
    # A possessive ending, a dangling "and" or bracket is no part of the name.
    while hi > head.i and doc[hi].dep_ in ("case", "cc", "punct"):
        hi -= 1
    # Keep the phrase contiguous for its text; words in the gaps are harmless modifiers.
    return [doc[i] for i in range(lo, hi + 1)]


def _np(tok: "Token", appos: bool) -> set[int]:
    """``tok`` with its modifiers, its "of/in/from" objects and (once) its apposition, without clauses."""
    keep = {tok.i}
    for child in tok.lefts:
        if child.dep_ not in _SKIP_LEFT:
            keep.update(t.i for t in child.subtree)
    for child in tok.rights:
        dep = child.dep_
        if dep in ("compound", "flat", "nmod", "amod", "case"):
            keep.update(t.i for t in child.subtree)
        elif dep == "prep" and (child.lower_ in _OF_PREPS or (child.lower_ == "for" and tok.lower_ in _SPEAK_FOR)):
            if child.lower_ == "in" and (tok.ent_type_ == "PERSON" or tok.doc[child.i - 1].text == ","):
                continue  # "Essid, in Brussels, said": where someone is, not whose they are ("rebels in Congo" are)
            keep.add(child.i)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    keep |= _np(obj, appos=False)
        elif dep == "appos" and appos:
            keep |= _np(child, appos=False)
    return keep
