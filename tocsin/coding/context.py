"""The article being coded: every piece of per-article state lives here, and nowhere else.

The stage objects (``EventCoder``, ``Geoparser``, ``ActorResolver``) hold only tables loaded
once and never written afterwards, so one ``Pipeline`` codes many articles from many threads
at once. What coding one article learns as it goes (the places it names, the actors it named
last for pronouns, the names it introduced with their country, the events found so far)
belongs to that article's ``ArticleContext``, which travels with its spaCy ``Doc`` as
``doc._.tocsin``.

Later passes over the whole article (an actor table that pronouns and bare sector nouns
resolve against, event coreference) extend this object rather than the stages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Doc, Token

from ..model import Actor, Article, Event, PlaceMention

_PERSONAL = {"he", "she", "him", "her"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
# "its" stays with the body the sentence is about: "France began evacuating its nationals"
_IT = {"it", "itself"}
_PAIR_NOUNS = {"country", "nation", "side", "neighbour", "neighbor", "government"}
_FIRST = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
_SECOND = {"you", "your", "yours", "yourself", "yourselves"}


def _window_start(tok: Token) -> int:
    """The first token of the sentence two before ``tok``'s: how far back a re-mention looks."""
    doc = tok.doc
    start = tok.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    return start


def _recent(mentions: list[tuple[int, int, Actor]], tok: Token):
    """(token index, actor) of the mentions before ``tok`` in its sentence and the two before, nearest first."""
    start = _window_start(tok)
    for i, _, actor in reversed(mentions):
        if i >= tok.i:
            continue
        if i < start:
            break
        yield i, actor


def _country_possessor(tok: Token) -> bool:
    """"the country's parliament", "the nation's army": a possessor that points back to a state."""
    head = tok if tok.dep_ != "compound" else tok.head
    return any(c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation") and any(
        d.dep_ == "det" and d.lower_ in ("the", "this") for d in c.children) for c in head.children)


class Memory:
    """The last actors named, for pronouns: a crude but cheap coreference."""

    def __init__(self) -> None:
        self.person: Actor | None = None
        self.thing: Actor | None = None
        self.names: dict[str, Actor] = {}  # "Sokol" -> the actor first named "Belarusian Ambassador Ihar Sokol"
        # the article's groups ("the tribal elders", "Hungary and Slovakia") by the token index of their head,
        # in text order, with the index where their sentence starts: what "they" and "their" point back to
        self.groups: list[tuple[int, int, Actor]] = []
        # the states and bodies it names ("Syria", "the government"), the same way: what "it" points back to
        self.bodies: list[tuple[int, int, Actor]] = []
        self.pairs: dict[int, Actor] = {}  # head of a pair named together -> its second member
        # quotations (start and end character) with the token of who says them and, when the resolver
        # knows the name, the speaker: "I" and "we" inside are the speaker
        self.quotes: list[tuple[int, int, Token, Actor | None]] = []
        # (start character, country) of each state the article names, and the country it is about, for
        # "the country's parliament"
        self.states: list[tuple[int, str]] = []
        self.home: str | None = None
        # sanction nouns by token index -> (owner, aim): "the EU embargo on China", and "the ban" named again
        self.sanctions: dict[int, tuple[Actor | None, Actor | None]] = {}
        self.sanctions_again: set[int] = set()  # those of them that only name an earlier one again

    def the_country(self, tok: Token) -> str | None:
        """"the country's parliament" at ``tok``: the state named last in this sentence or the two
        before it, else the country the story is about; None when ``tok`` has no such possessor."""
        if not _country_possessor(tok):
            return None
        lo = tok.doc[_window_start(tok)].idx
        named = [c for at, c in self.states if lo <= at < tok.idx]
        return named[-1] if named else self.home

    def note_name(self, actor: Actor | None, tok: Token) -> None:
        if actor is not None and actor.country and tok.pos_ == "PROPN" and tok.text not in self.names:
            self.names[tok.text] = actor

    def note(self, actor: Actor | None, tok: Token) -> None:
        if actor is None or not actor.code:
            return
        if tok.ent_type_ == "PERSON" or (actor.sector == "GOV" and tok.pos_ == "PROPN" and tok.ent_type_ != "GPE"):
            self.person = actor
        else:
            self.thing = actor

    def group_before(self, tok: Token) -> Actor | None:
        """The group "they" at ``tok`` names: the last one named in this sentence or the two before it,
        but never one in the pronoun's own clause ("the rebels say they ..." is the rebels; in "they
        told the ministers" the ministers are not "they")."""
        doc = tok.doc
        start = _window_start(tok)
        clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "poss") else None
        # "police fired tear gas at them", "to disperse them": an object "them" is never its own verb's subject
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        own_subject = set()
        if tok.lower_ == "them" and verb.pos_ in ("VERB", "AUX"):
            v = verb
            for _ in range(3):
                subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    own_subject = {x.i for x in subj.subtree}
                    break
                if v.dep_ not in ("xcomp", "advcl", "conj") or v.head.i == v.i:
                    break
                v = v.head  # "police fired tear gas to disperse them": the purpose's doer is the clause's
        for i, _, actor in reversed(self.groups):
            if i >= tok.i:
                continue
            if i < start:
                break
            if clause is not None and doc[i].head.i == clause.i and doc[i].dep_ not in ("nsubj", "nsubjpass"):
                continue
            if i in own_subject:
                continue
            return actor
        return None

    def group_named_before(self, tok: Token, sector: str | None) -> str | None:
        """The country of the group a definite plural ("the troops", "these rebels") names again: the
        last one of its sector named with a country in this sentence or the two before."""
        if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                        for c in tok.children):
            return None
        return next((a.country for _, a in _recent(self.groups, tok) if a.sector == sector and a.country), None)

    def bare_country(self, tok: Token, sector: str | None) -> str | None:
        """Whose a sector noun named without a country is, when the article says: "the country's
        parliament", "the troops" named again."""
        return self.the_country(tok) or self.group_named_before(tok, sector) or self.body_named_before(tok, sector)

    def body_named_before(self, tok: Token, sector: str | None) -> str | None:
        """"Mali's junta expelled the ambassador ... Paris criticised the junta": a definite singular noun names
        again the last body the article named with the same noun and a country, however far back. Not "the
        government", which a story of two states uses for either (the article pass weighs that one)."""
        if sector == "GOV" or tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        doc = tok.doc
        return next((a.country for i, _, a in reversed(self.bodies)
                     if i < tok.i and a.country and a.sector == sector and doc[i].lemma_ == tok.lemma_), None)

    def pair_before(self, tok: Token) -> Actor | None:
        """"The two countries", "both sides": the last pair the article named ("Hungary and Slovakia"),
        as its first member (a mention stands for one party)."""
        if tok.lemma_.lower() not in _PAIR_NOUNS or tok.tag_ != "NNS" or not any(
                (c.dep_ == "det" and c.lower_ == "both") or (c.dep_ == "nummod" and c.lower_ == "two")
                for c in tok.children):
            return None
        # the pair of this sentence or the two before, else the last the article named ("Pakistan and Afghanistan
        # trade fire" in the headline: "both sides later agreed" at the end of the story)
        recent = [(i, a) for i, a in _recent(self.groups, tok)]
        earlier = [(i, a) for i, _, a in reversed(self.groups) if i < tok.i]
        doc = tok.doc
        for i, actor in recent + earlier:
            if i in self.pairs and actor.country and not _subject_over(doc[i], tok):
                return Actor(text=tok.text, code=actor.code, country=actor.country, sector=actor.sector)
        return None

    def quoted_other(self, tok: Token) -> bool:
        """A pronoun inside a quotation that is not the speaker's "I" or "we" ("they will not stop there")."""
        return tok.lower_ not in _FIRST and any(q[0] <= tok.idx < q[1] for q in self.quotes)

    def speaker(self, tok: Token) -> Actor | None:
        """Who says the quotation ``tok`` stands in, if the article says and it is known."""
        quote = next((q for q in self.quotes if q[0] <= tok.idx < q[1]), None)
        if quote is None:
            return None
        _, _, who, actor = quote
        if actor is None and who.lower_ in _PERSONAL:
            actor = self.person or self.thing  # '"...," he said': the person the article spoke of last
        elif actor is None or not actor.country:
            actor = self.names.get(who.text, actor)  # a name introduced earlier with its country
        return actor if actor is not None and actor.code else None

    def body_before(self, tok: Token) -> Actor | None:
        """The state or body "it" at ``tok`` names: the last one named in this sentence or the one before,
        never its own clause's object ("Syria's denials that it was implicated" is Syria)."""
        doc = tok.doc
        start = tok.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        earlier = None
        nearest = None
        for i, sent_start, actor in reversed(self.bodies):
            if i >= tok.i:
                continue
            if i < start:
                break
            if sent_start == tok.sent.start:
                if clause is not None and doc[i].head.i == clause.i and doc[i].dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if clause is None or _subject_phrase(doc[i]):
                    return actor  # this sentence: the nearest ("Lebanon's denials that it had ..."), for a subject
                    # "it" the nearest subject ("Iran fired missiles at Israel, in what it said was retaliation")
                nearest = nearest or actor
                continue
            if nearest is not None:
                return nearest
            if _subject_phrase(doc[i]):
                return actor  # the sentence before: its subject ("The government closed ... It said")
            earlier = earlier or actor
        return nearest or earlier

    def resolve(self, tok: Token) -> Actor | None:
        low = tok.lower_
        if low in _SECOND:
            return None  # whom a speaker or a letter addresses, the text seldom says
        if low in _FIRST and self.quotes:
            ref = self.speaker(tok)
            if ref is not None:
                return Actor(text=tok.text, code=ref.code, country=ref.country, sector=ref.sector)
        if low in _PLURAL and self.groups:
            ref = self.group_before(tok)
            if ref is not None:
                return Actor(text=tok.text, code=ref.code, country=ref.country, sector=ref.sector)
        if low in _PERSONAL:
            ref = self.person or self.thing
        elif low in _IT and self.bodies:
            ref = self.body_before(tok) or self.thing  # "it" is never a person
        else:
            ref = self.thing or self.person
        return Actor(text=tok.text, code=ref.code, country=ref.country, sector=ref.sector) if ref else None


def _subject_over(named: Token, tok: Token) -> bool:
    """"The US and China urged both sides": a pair that is the subject of the clause "both sides" is in are not
    those sides."""
    if named.dep_ not in ("nsubj", "nsubjpass") or named.sent.start != tok.sent.start:
        return False
    return any(t.i == tok.i for t in named.head.subtree)


def _subject_phrase(tok: Token) -> bool:
    """Whether ``tok`` names a clause's subject, itself or inside it ("Taiwan's defence ministry said ...")."""
    head = tok
    while head.dep_ in ("poss", "compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


@dataclass
class ArticleContext:
    """One article's coding state. Build one per article; never share one between threads."""

    article: Article
    places: list[PlaceMention] = field(default_factory=list)
    geo: object | None = None  # the Geoparser that found ``places`` (read-only), for event locations
    memory: Memory = field(default_factory=Memory)
    events: list[Event] = field(default_factory=list)
    # trigger token index -> the event place the places stage's mentions give it (coder.EventCoder._events)
    locations: dict[int, object] = field(default_factory=dict)

    @property
    def when(self) -> Date | None:
        return self.article.date

    def place_at(self, tok: Token) -> PlaceMention | None:
        """The place mention, with a country, that covers ``tok``."""
        return next((p for p in self.places if p.start <= tok.idx < p.end and p.country), None)


if not Doc.has_extension("tocsin"):
    Doc.set_extension("tocsin", default=None)  # the ArticleContext of the article the Doc holds
if not Doc.has_extension("tocsin_events"):
    Doc.set_extension("tocsin_events", getter=lambda d: d._.tocsin.events if d._.tocsin is not None else [])
if not Doc.has_extension("tocsin_places"):
    Doc.set_extension("tocsin_places", getter=lambda d: d._.tocsin.places if d._.tocsin is not None else [])


def attach(doc: Doc, article: Article) -> ArticleContext:
    """A fresh context for ``article``, kept on its ``doc``."""
    ctx = ArticleContext(article)
    doc._.tocsin = ctx
    return ctx


def context_of(doc: Doc, date: Date | str | None = None, article_id: str | None = None) -> ArticleContext:
    """The context on ``doc``, made from the Doc itself when a stage runs in a user's own pipeline."""
    if isinstance(date, str):
        date = Date.fromisoformat(date)
    ctx = doc._.tocsin
    if ctx is None:
        ctx = attach(doc, Article(id=article_id or "doc", text=doc.text, date=date))
    elif date is not None and ctx.article.date is None:
        ctx.article = ctx.article.model_copy(update={"date": date})
    return ctx
