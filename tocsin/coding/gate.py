"""The political-event gate: is a coded deed a matter of politics, or crime, an accident, business, sport?

An event series is read as the record of what states, their organs, parties, armed groups,
international bodies and protesters do to one another. "Police arrested a man over the
stabbing of his neighbour", "a hunter accidentally shot his friend", "Apple sued Samsung over
patents" match the same verbs as "police arrested 40 opposition supporters", but ACLED does
not code them and GDELT users filter them out as noise. The gate decides per event, from its
parties and the words of its sentence and article (``data/gate/words.txt``):

- a party that is political on its own (a state, a political sector, an armed group,
  protesters, the press) makes the event political; so does a sentence of political violence
  or contention ("bombing", "militants", "protest");
- law enforcement (police, courts) acting on a private person in a story of ordinary crime is
  routine policing, not politics; acting on a population ("Nigerians were told to hand in
  their guns") or on anyone political it stays political;
- private persons, companies and unnamed agents alone make a non-political event when the
  sentence, or an article without any political cue, tells of crime, an accident, business or
  sport; with no such cue they stay (an unnamed attacker may be an armed group).

Only hostile words and deeds are gated (roots 11-20): statements, appeals, talks and
cooperation (01-08) are harmless to a conflict series and often what officials say of a crime;
a protest (14) by protesters is political by definition, a "blocked" shot in a match is not. The
verdict is ``Event.political``; ``EventCoder`` drops non-political events unless asked to keep
them flagged (docs/political.md).

This module is the one place that decides what is political. It works in two steps:
``PartyGate`` runs inside the article pass once the parties are settled (an event needs a
political party on one side, or a side no table could place), and ``Gate`` then reads the
words of the sentence and the story.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..model import Actor, Event
from .patterns import Lexicon, PatternError
from .syntax import actor_token, trigger_token

_GATED = frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
_STORY = ("CRIME", "ACCIDENT", "BUSINESS", "SPORT")
_RULE = {"CRIME": "ordinary crime", "ACCIDENT": "an accident", "BUSINESS": "company or market news",
         "SPORT": "sport"}
_QUALIFIER = ("amod", "compound", "poss", "nmod")
_PRIVATE_ENTS = ("PERSON", "ORG", "FAC", "PRODUCT")
_WAR_ROOTS = ("18", "19", "20")  # hostile force, where a means of war alone makes an event political
PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
# places that stand for a state when they act ("Ukraine said"); a city or a district does not
STATE_FEATURES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"}


def _classes(base: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    text = resources.files("tocsin.data.gate").joinpath("words.txt").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, rest = line.partition("=")
        if not sep or not name.strip().startswith("@"):
            raise PatternError(f"gate/words.txt:{n}: expected '@NAME = word word ...'")
        members: set[str] = set()
        for w in rest.split():
            if w.startswith("@"):
                known = out.get(w, base.get(w))
                if known is None:
                    raise PatternError(f"gate/words.txt:{n}: unknown word class {w}")
                members |= known
            else:
                members.add(w.replace("_", " "))
        out[name.strip()] = frozenset(members)
    return out


class Gate:
    """Tables only; what one article needs is computed per call and not kept."""

    def __init__(self, lex: Lexicon) -> None:
        c = _classes(lex.classes)
        self.political_sectors = frozenset(s.upper() for s in c["@POLITICAL_SECTOR"])
        self.law_sectors = frozenset(s.upper() for s in c["@LAW_SECTOR"])
        self.party_words = c["@POLITICAL_PARTY_WORD"]
        self.police_words = c["@POLICE_WORD"]
        self.nonstate = c["@NONSTATE_HEAD"]
        self.nonstate_sport = c["@NONSTATE_HEAD_SPORT"]
        self.sport_people = c["@SPORT_PEOPLE"]
        self.policing = tuple(c["@POLICING_CODE"])
        self.cues = {k: c["@" + k] for k in (*_STORY, "POLITICAL_CUE", "STATE_CUE", "ARMED")}
        self.armed = c["@ARMED"]
        self.cue_words = frozenset().union(*self.cues.values())
        self.noun_only = c["@NOUN_ONLY"]

    # ---------- the words of the story ----------
    def _cues(self, doc: Doc) -> tuple[dict[int, set[str]], Counter]:
        """(sentence start -> cue classes in it, cue class -> how many sentences of the article have it)."""
        by_sent: dict[int, set[str]] = {}
        article: Counter = Counter()
        words = self.cue_words
        for sent in doc.sents:
            found: set[str] = set()
            for tok in sent:
                low = tok.lower_
                lem = tok.lemma_.lower()
                if (low in words or lem in words) and not (lem in self.noun_only and tok.pos_ != "NOUN"):
                    found |= {k for k, ws in self.cues.items() if low in ws or lem in ws}
            if found:
                by_sent[sent.start] = found
                article.update(found)
        return by_sent, article

    # ---------- the parties ----------
    def _kind(self, a: Actor | None, places: dict[str, bool], sent, sport: bool) -> str:
        """political | state | law | population | private | none"""
        if a is None:
            return "none"
        text = a.text.strip()
        words = set(text.strip("[]").lower().split())
        if sport and words & self.sport_people:
            return "private"  # "mixed martial arts fighter Conor McGregor": a fighter in a story of sport
        if words & self.party_words:
            # unnamed armed men are an armed group's unless the story is one of ordinary crime (verdict decides)
            return "armed" if words & self.armed and not words & (self.party_words - self.armed) else "political"
        if text.startswith("[") and text.endswith("]"):
            return "law"  # an agent the article pass infers from the act ("[police]", "[court]"): an office, acting as such
        sector = (a.sector or "").upper()
        if sector in self.law_sectors or (sector == "MIL" and words & self.police_words):
            return "law"  # "officers in Ohio" the resolver calls military
        if sector in self.political_sectors:
            return "political"
        caps = [w for w in (w.strip(",.;:()") for w in text.split()) if w[:1].isupper()]
        if a.code and not sector and caps and all(places.get("person:" + w, False) for w in caps):
            return "private"  # a person's name the resolver gave only a country ("Bozkina" in a London story)
        if a.code and not sector and a.country and a.code == a.country:
            # a bare country is the state, unless it only stands for a town or region the text names,
            # or is the nationality of a firm or a team ("the German firm's board", "the French attack")
            if places.get(text.lower(), False) or self._qualifier(text, sent, sport):
                return "none"
            return "state"
        if a.country and sector in ("", "CVL") and places.get("norp:" + text.lower()):
            return "population"
        if a.code:
            return "private"
        # a named person or company no actor table knows ("Apple", "John Smith"): no state, no armed group
        return "private" if self._named(text, sent) else "none"

    @staticmethod
    def _named(text: str, sent) -> bool:
        last = text.split()[-1] if text.split() else ""
        return sent is not None and any(t.text == last and t.ent_type_ in _PRIVATE_ENTS for t in sent)

    def _qualifier(self, text: str, sent, sport: bool) -> bool:
        if sent is None or " " in text:
            return False
        for tok in sent:
            if tok.text == text and tok.dep_ in _QUALIFIER:
                head = tok.head.lemma_.lower()
                return head in self.nonstate or (sport and head in self.nonstate_sport)
        return False

    def verdict(self, e: Event, sent_cues: set[str], article_cues: Counter, places: dict[str, bool],
                sent=None, policed: bool = False, single: bool = False, routine: bool = False) -> str | None:
        """``policed``: the sentence also tells of police or a court pursuing an ordinary crime;
        ``single``: the article is that one sentence; ``routine``: the article has told of police
        arresting or charging a private person in a story with no political word (then its re-tellings,
        which may name the person, are routine too)."""
        # why ``e`` is not political, or None when it is (or the gate cannot tell)
        if e.cameo[:2] not in _GATED:
            return None
        # a story of ordinary crime: told twice or more, with no political cue anywhere but unnamed gunmen
        crime_story = "POLITICAL_CUE" not in article_cues and article_cues.get("CRIME", 0) >= 2
        # a story with no political cue anywhere (gunmen count as one unless the story is of crime)
        quiet = "POLITICAL_CUE" not in article_cues and ("ARMED" not in article_cues or crime_story)
        sport = "SPORT" in sent_cues or (quiet and "SPORT" in article_cues)
        kinds = {self._kind(e.source, places, sent, sport), self._kind(e.target, places, sent, sport)}
        if "armed" in kinds:
            # "masked gunmen robbed a bank", or a story of a robbery that calls its robbers gunmen
            robbers = crime_story or ("CRIME" in sent_cues and not sent_cues & {"POLITICAL_CUE", "STATE_CUE"})
            kinds = (kinds - {"armed"}) | {"private" if robbers else "political"}
            if robbers and kinds <= {"private", "none"}:
                return f"not political: {_RULE['CRIME']} among private parties"
        if "political" in kinds or "population" in kinds:
            return None
        if sport and "law" not in kinds:
            # teams go by their countries and cities, and their words are war's ("attack", "defeat")
            return "not political: sport"
        if sent_cues & {"POLITICAL_CUE", "STATE_CUE"} or ("ARMED" in sent_cues and "CRIME" not in sent_cues):
            return None
        policing = e.cameo.startswith(self.policing) and ("CRIME" in sent_cues or (quiet and "CRIME" in article_cues))
        if "state" in kinds and "law" in kinds and policing:
            # "police arrested him at Kendale Lakes": no police arrests a state; the country is the setting
            return "not political: routine policing of ordinary crime"
        if "state" in kinds:
            # a country only as what an unnamed or private agent's act falls on, in a story of business,
            # crime or an accident told twice or more with no political word anywhere: the market or the
            # setting ("Japan was hit by the slump"), not the state
            if (quiet and self._kind(e.source, places, sent, sport) in ("none", "private")
                    and any(article_cues.get(k, 0) >= 2 for k in _STORY)):
                k = next(k for k in _STORY if article_cues.get(k, 0) >= 2)
                return f"not political: {_RULE[k]}, the country only its setting"
            return None
        if "law" in kinds:
            if e.cameo.startswith(self.policing) and ("CRIME" in sent_cues or (quiet and "CRIME" in article_cues)):
                return "not political: routine policing of ordinary crime"
            if (e.cameo.startswith(self.policing) and e.cameo[:2] in ("11", "17") and quiet and not single
                    and ((routine and kinds <= {"law", "private", "none"})
                         or (kinds <= {"law", "private"} and _anonymous_local(e)))):
                # police or a court charging, trying or arresting a private person in a story with no political
                # word anywhere (not force: a police shooting is a matter of politics); one sentence alone is
                # too little to tell ("police arrested a man for keeping his mother's body in a freezer"); a person
                # the story names, or a foreigner, may be the news itself
                return "not political: routine policing of a private person"
            return None
        # with no party of the state the sentence alone is too little: "a man was murdered" may be a
        # militia's deed; a story that tells of crime (an accident, ...) twice or more is one, and so is
        # the crime the police of the same sentence pursue as an ordinary one
        for k in _STORY:
            if (article_cues.get(k, 0) >= 2 or (policed and k == "CRIME")) and (k in sent_cues or quiet):
                return f"not political: {_RULE[k]} among private parties"
            # a story of one sentence: its parties private or unnamed, and its words those of a crime, an accident,
            # business or sport with no word of politics ("Apple sued Samsung over patents", "a man was stabbed
            # to death outside a nightclub"); an unnamed agent with a political word stays ("gunmen", "bomb")
            if single and k in sent_cues and kinds <= {"private", "none"}:
                return f"not political: {_RULE[k]} among private parties"
        return None

    def __call__(self, doc: Doc, events: list[Event], places=()) -> list[Event]:
        """Set ``political`` on every event of the article ``doc``; returns ``events``."""
        if not any(e.cameo[:2] in _GATED for e in events):
            return events
        by_sent, article = self._cues(doc)
        single = sum(1 for _ in doc.sents) == 1
        # actor text -> whether it names a place below a country ("Leeds"); "norp:" + text for peoples
        names: dict[str, bool] = {}
        for p in places:
            names[p.text.strip().lower()] = not (p.feature or "PCL").startswith("PCL")
        for ent in doc.ents:
            if ent.label_ == "NORP":
                names["norp:" + ent.text.strip().lower()] = True
            elif ent.label_ == "PERSON":  # "Hayder Bozkina ... As Bozkina and Glowacki": a word of a person's name
                for tok in ent:
                    if tok.text[:1].isupper():
                        names["person:" + tok.text] = True
        todo = []
        for e in events:
            if e.cameo[:2] not in _GATED or not e.political:  # the article pass found no political party
                continue
            tok = trigger_token(doc, e.span)
            sent = tok.sent if tok is not None else None
            todo.append((e, sent, by_sent.get(sent.start, set()) if sent is not None else set()))
        policed: set[int] = set()
        routine = False
        for e, sent, cues in todo:  # police and courts first: the crime they pursue is then an ordinary one
            why = self.verdict(e, cues, article, names, sent, single=single)
            if why is not None and sent is not None and "policing" in why:
                policed.add(sent.start)
            routine = routine or (why is not None and "policing of a private person" in why)
        for e, sent, cues in todo:
            why = self.verdict(e, cues, article, names, sent, sent is not None and sent.start in policed, single,
                               routine)
            if why is not None:
                e.political = False
                e.rule = f"{e.rule}; {why}"
        return events



@lru_cache(maxsize=1)
def _organised_crime() -> frozenset[str]:
    from .patterns import lexicon

    return _classes(lexicon().classes)["@ORGANISED_CRIME"]


def _anonymous_local(e: Event) -> bool:
    """The target is a private person the story does not name ("a 46-year-old man"), of the law's own
    country or of none."""
    t, s = e.target, e.source
    return (t is not None and (t.sector or "") == "CVL" and not any(w[:1].isupper() for w in t.text.split()[1:])
            and (not t.country or s is None or not s.country or t.country == s.country))


class PartyGate:
    """The first half of the gate, run inside the article pass once it has settled the parties
    (before dating and ranking, which what it flags takes no part in): an event needs a political
    actor on one side (``data/article/sectors.tsv``), or a side the tables could not place at all
    ("the army command" unknown to them is no evidence that the event is private). ``Gate`` then
    reads the words of the story. Tables only; nothing is kept between articles."""

    def __init__(self, rules: dict, mob: frozenset[str]) -> None:
        self.rules = rules  # sector -> SectorRule (coding/article.py reads sectors.tsv)
        self.mob = mob  # a crowd acting as one (@MOB): its violence is collective

    def side(self, actor: Actor | None, root: str, doc: Doc, e: Event, places) -> str:
        """"political", "private" (a person, a company, a city where a crime happened) or "unknown"."""
        if actor is None:
            return "private"
        if not actor.code:
            if actor.text.strip().lower() in PERSONAL:
                return "private"  # a pronoun the article table tied to a private person
            trig = trigger_token(doc, e.span)
            tok = actor_token(actor, trig.sent, trig) if trig is not None else None
            if tok is not None:
                ent = tok.ent_type_ or (tok.head.ent_type_ if tok.dep_ == "compound" else "")
                if ent in ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"):
                    return "private"  # a named person or body no actor table knows: no state, no armed group
            return "unknown"
        if actor.code[:3] in ("IGO", "NGO", "IMG"):
            return "political"
        if actor.sector is None:
            # a state; but a city named as the place of a crime is not one
            p = next((p for p in places if p.text == actor.text and p.country == actor.country), None)
            return "political" if p is None or not p.feature or p.feature in STATE_FEATURES else "private"
        if root == "14":
            return "political"  # whoever demonstrates, teachers or farmers, takes a political stand
        # ACLED's actor names bracket the country or the years ("Rioters (Ghana)"): the head comes before
        words = actor.text.lower().split("(")[0].split()
        if actor.sector == "CVL":
            # a mob's or rioters' violence is collective, as ACLED counts it; one civilian's act is private;
            # protesters' treatment is a matter of politics ("police shot dead two demonstrators")
            from .acled import actor_type

            return "political" if (words and words[-1] in self.mob) or actor_type(actor) == "protesters" \
                else "private"
        if actor.sector == "CRM" and not _organised_crime().isdisjoint(words):
            return "political"  # a gang or a cartel, as an armed group (gate/words.txt @ORGANISED_CRIME)
        rule = self.rules.get(actor.sector)
        return "political" if rule is None or rule.political else "private"

    @staticmethod
    def war_means(doc: Doc, e: Event) -> bool:
        """"A landmine killed two children": a means of war makes the event political."""
        from .acled import war_means

        trig = trigger_token(doc, e.span)
        return trig is not None and war_means(trig)

    def __call__(self, doc: Doc, events: list[Event], places) -> list[Event]:
        """Flag (``political=False``) each event with no political party on either side."""
        out = []
        for e in events:
            root = e.cameo[:2]
            sides = {self.side(e.source, root, doc, e, places), self.side(e.target, root, doc, e, places)}
            if sides & {"political", "unknown"} or (root in _WAR_ROOTS and self.war_means(doc, e)):
                out.append(e)
            else:  # flagged, not dropped: EventCoder drops it unless asked to keep it
                out.append(e.model_copy(update={"political": False,
                                                "rule": f"{e.rule}; not political: no political party on either side"}))
        return out
