"""Dispute pairs: the statement a denial answers, and the statements that deny by answering one.

Part of the stance stage (``stance.label`` calls it after each statement has its own verdict).
A statement that says nothing false of its own still denies when it answers a claim of the
document:

- ``content:negates:LEMMA`` — it negates a claim that another speaker's statement or the
  headline makes: the same event (the predicate by lemma; "have plans to" is "plan"), a
  participant in common (the subject by actor or lemma, the objects when both have them) and the
  polarity flipped ("X earned $40 million" ← "X did not earn $40 million"; by a negative object
  where the claim has that object: "X contains a chip" ← "X contains no chip"); a negated passive by
  what it was done to, its agent or anyone the claim's subject ("X fired 500 workers" ← "no workers
  were fired");
- ``content:answers:LEMMA`` — a flat negation by the accused, or by someone speaking for them,
  answering an accusation the document reports ("Kent was accused of bribery" ← Kent: "I never
  took a cent"; ← "his client had never been near the scene"), in a later sentence of a quotation
  too when it names the accusation's event or another participant of it; or a flat negation by one
  an earlier claim is about, of the claim's event ("critics said Kent cut the budget" ← Kent: "we
  have not cut a dollar"); a speaker's title names them ("Governor Tim Roe" is the governor);
  the accused party negating the act it is accused of, whoever the subject ("police were accused
  of beating protesters" ← officers: "no protester was beaten"; who speaks for whom:
  :mod:`claimlens.parties`);
  a later sentence of the accused's quotation that calls something false denies too
  (``content:evaluation:...``);
- ``content:opposes:LEMMA`` — it asserts the opposite event (WordNet antonyms) of the same
  participants after a claim ("the union accepted the offer" ← "it had rejected the offer");
- ``content:affirms:WORD`` — it says true what another speaker calls false or accuses
  ("the utility called the articles misleading" ← "the articles were accurate");
- ``content:faults:WORD`` — it calls the speaker of an earlier claim wrong ("the senator said
  crime had doubled" ← "the senator is wrong").

``refutes`` points at the statement answered. Every other denial refutes the reported statement,
the accusation or the headline claim that shares most words with it.

Linear per document: the clauses of every statement are read once, their positive events
indexed by lemma and the accusations by whom they accuse; each negated clause looks up its own
lemmas and subject within a window of statements.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Token

from . import content
from . import stance as st
from .actors import ActorDraft, ActorTable
from .columns import columns
from .drafts import Draft
from .resources import CueEntry
from .segment import Segment
from .parties import ACCUSED, Parties, actor_keys, body_kind, core
from .targets import accused_in

ANSWER_WINDOW = 12
"""How many statements before or after a negated statement may be the one it answers."""
FIRST_PERSON = {"i", "we"}
THIRD_PERSON = {"he", "she", "it", "they"}
EVENT_LIGHT_VERBS = {"have", "make", "take", "give", "do"}
"""Verbs whose object names the event: "have plans to", "made a payment", "took a bribe"."""
STATIVE = {"able", "sure", "aware", "clear", "happy", "ready", "possible", "available"}
"""Predicates of "be" that name no event one may be said to be in ("not ready", "not sure")."""


@dataclass(frozen=True)
class _Event:
    draft: int
    lemma: str
    subjects: frozenset[str]
    objects: frozenset[str]
    planned: bool = False
    """The event takes an act to be done ("planned to close", "plans to shut"): its objects are
    that act's, which another wording of the plan need not share."""
    direct: frozenset[str] = frozenset()
    """Who or what its verb's direct objects name ("contains a microchip" → microchip)."""


@dataclass
class _Doc:
    """What the pairing reads of a document's statements, computed once."""

    drafts: list[Draft]
    clauses: list[list[Token]]
    quoted: list[list[Token]]
    """Statement index → the clauses of its quotation's later sentences (``stance._quoted_clauses``)."""
    words: list[tuple[set[str], set[str]]]
    table: ActorTable
    lex: st.StanceLexicon
    cues: dict[str, CueEntry]
    headline: int | None
    accusations: dict[int, set[str]] = field(default_factory=dict)
    """Statement index → whom it accuses (keys)."""
    _negations: dict[int, bool] = field(default_factory=dict)
    parties: Parties = field(init=False)

    def __post_init__(self) -> None:
        self.parties = Parties(self.table)

    def event_keys(self, lemma: str) -> frozenset[str]:
        """The keys of the event a word names: the word, and the WordNet senses it shares."""
        return self.lex.events.get(lemma) or frozenset({lemma})

    def negated(self, root: Token) -> bool:
        """:func:`_negated_clause`, once per clause."""
        if root.i not in self._negations:
            self._negations[root.i] = _negated_clause(root, self.lex)
        return self._negations[root.i]

    def speaker_keys(self, draft: Draft) -> set[str]:
        """The speaker and whom it speaks for (:meth:`parties.Parties.speaker`)."""
        return self.parties.speaker(draft)

    def keys(self, tokens: list[Token], draft: Draft | None = None) -> set[str]:
        """Who or what phrases name: their actors ("@A3") and head lemmas; a pronoun that fits
        the speaker is the speaker ("I", "we", "the minister said he ...")."""
        out: set[str] = set()
        unnamed = draft is not None and draft.actor is None and draft.speaker is not None \
            and draft.speaker.root.pos_ != "PRON"
        for t in tokens:
            if t.lower_ in FIRST_PERSON or (t.lower_ in THIRD_PERSON and draft is not None
                                            and st._speaker_subject(draft, t.head)):
                out |= self.speaker_keys(draft) if draft is not None else set()
                if t.lower_ in ("he", "she") and unnamed:
                    # "her office said she ...", "a spokesman said he ...": the speaker, or the
                    # person named last before, whom it may speak for
                    out |= self._last_person(t)
            elif t.lower_ in ("he", "she"):  # someone else: the person named last before
                out |= self._last_person(t)
            else:
                out |= self.parties.named(t)
        return out

    def _last_person(self, pronoun: Token) -> set[str]:
        person = next((a for a in self.table.before(pronoun.i) if a.type == "PERSON"), None)
        return actor_keys(person) if person is not None else set()


def _events(root: Token) -> list[tuple[str, Token]]:
    """The events a clause names, by lemma: its verb, the object of a light verb ("have plans
    to" → plan), and the verbs it takes ("planned to close" → plan, close)."""
    doc = root.doc
    cols = columns(doc)
    dep, pos, lemma, kids = cols.dep, cols.pos, cols.lemma, cols.children
    out = []
    if lemma[root.i] == "be":  # "she is not pregnant", "he was never a member"
        out += [(lemma[p], doc[p]) for p in kids(root.i) if dep[p] in ("acomp", "attr")
                and pos[p] in ("ADJ", "NOUN") and lemma[p] not in STATIVE]
    for v in (root.i, *(c for c in kids(root.i) if dep[c] == "xcomp" and pos[c] == "VERB")):
        if pos[v] != "VERB" or not cols.is_alpha[v]:
            continue
        if lemma[v] not in st.LIGHT_VERBS:
            out.append((lemma[v], doc[v]))
        if lemma[v] in EVENT_LIGHT_VERBS:
            out += [(lemma[o], doc[o]) for o in kids(v) if dep[o] == "dobj" and pos[o] == "NOUN"]
            out += [(lemma[g], doc[g]) for o in kids(v) if dep[o] == "dobj"
                    for g in kids(o) if dep[g] in ("acl", "relcl") and pos[g] == "VERB"]
    return out


def _planned(event: Token) -> bool:
    """An event word that takes an act to be done: "planned to close", "plans to shut"."""
    cols = columns(event.doc)
    doc, dep, pos, lower, kids = event.doc, cols.dep, cols.pos, cols.lower, cols.children
    return any((dep[c] in ("xcomp", "acl") and pos[c] == "VERB" and any(
        dep[g] == "aux" and lower[g] == "to" for g in kids(c))) or (dep[c] == "prep" and lower[c] == "of" and any(
        dep[g] == "pcomp" and doc[g].tag_ == "VBG" for g in kids(c))) for c in kids(event.i))


def _objects(root: Token, events: list[tuple[str, Token]]) -> list[Token]:
    """What a clause's events act on (the nouns of its objects, less those that name an event)."""
    named = {t.i for _, t in events}
    doc = root.doc
    cols = columns(doc)
    return [doc[t] for t in content.clause_indices(cols, root.i)
            if cols.dep[t] in ("dobj", "pobj", "attr", "dative") and cols.pos[t] in st.CONTENT_POS and t not in named]


def _clause_nouns(root: Token) -> set[str]:
    """The content nouns of a clause, not of the clauses embedded in it, by lemma."""
    cols = columns(root.doc)
    return {cols.lemma[t] for t in content.clause_indices(cols, root.i)
            if cols.pos[t] in st.CONTENT_POS and not cols.is_stop[t]}


def _negated_clause(root: Token, lex: st.StanceLexicon) -> bool:
    """A clause negated by "not", "never" or a negative subject ("I never threatened", "nobody
    saw"), asserted (not under a modal or a condition). A negative object ("made no comment")
    is not one, unless it is an intention ("had no plans to")."""
    if st._hypothetical(root, lex):
        return False
    subjects, preds = content.predicates(root)
    # "had no plans to", "has no intention of selling" (not "made no comment")
    planned = st._lemma(root) in EVENT_LIGHT_VERBS and any(
        c.dep_ == "dobj" and st._negative(c, lex) and _planned(c) for c in root.children)
    return planned or st._negated(root, lex) or any(st._negated(p, lex) for p in preds) or any(
        st._negative(s, lex) for s in subjects)


def _same_speaker(a: Draft, b: Draft) -> bool:
    """One speaker, or one party: an actor and the body it belongs to (a company and its
    spokesman), or two of one body."""
    if a.actor is not None and b.actor is not None:
        x, y = a.actor, b.actor
        return x is y or x.affiliation == y.id or y.affiliation == x.id or (
            x.affiliation is not None and x.affiliation == y.affiliation)
    if a.speaker is not None and b.speaker is not None:
        return a.speaker.text.lower() == b.speaker.text.lower()
    return a.speaker is None and b.speaker is None and a.actor is None and b.actor is None


def _reported(draft: Draft) -> bool:
    return draft.rule != "own"


def _headline(drafts: list[Draft], segments: list[Segment]) -> int | None:
    """The sentence of the headline: the first content sentence, when it is a line of its own."""
    seg = next((s for s in segments if s.boilerplate is None), None)
    if seg is None or not any(d.sent == segments.index(seg) for d in drafts[:3]):
        return None
    doc, end = seg.span.doc, seg.span.end
    last = doc[end - 1]
    alone = end >= len(doc) or "\n" in last.whitespace_ or (doc[end].is_space and "\n" in doc[end].text)
    return segments.index(seg) if alone else None


def _words(roots: list[Token]) -> tuple[set[str], set[str]]:
    """The content verbs and the content nouns of clauses, by lemma."""
    verbs, nouns = set(), set()
    if not roots:
        return verbs, nouns
    cols = columns(roots[0].doc)  # each token's attributes read off lists, not its Token
    pos, lemma, lower, dep, head, stop = cols.pos, cols.lemma, cols.lower, cols.dep, cols.head, cols.is_stop
    for r in roots:
        for i in cols.subtree(r.i):
            if pos[i] == "VERB" and lemma[i] not in st.LIGHT_VERBS:
                verbs.add(lemma[i])
            elif pos[i] in st.CONTENT_POS and not stop[i]:
                nouns.add(lemma[i])
                if dep[i] == "compound" and head[i] == i + 1:
                    nouns.add(lower[i] + lemma[i + 1])  # "cyber attack" and "cyberattack"
    return verbs, nouns


def _accusations(d: _Doc) -> dict[int, set[str]]:
    """Statement index → whom it accuses (keys): an accusing cue's object ("accused Peru", "Kent
    was accused of"), an accusing verb of the article's own sentence, an allegation against
    someone ("the allegations against Lima") or that someone faces ("Kent faces charges")."""
    out: dict[int, set[str]] = {}
    for i, draft in enumerate(d.drafts):
        accused: list[Token] = []
        verb = draft.cue_token
        if draft.act == "accuse" and verb is not None:
            accused += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            accused += [s for r in d.clauses[i] for s in content.predicates(r)[0]] if not accused else []
        for r in d.clauses[i]:
            entry = d.cues.get(st._lemma(r))
            if entry is not None and entry.act == "accuse" and not st._negated(r, d.lex):
                accused += [c for c in r.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(d.lex.objects.get(n) == "allegation" for n in d.words[i][1]):
                allegations = [t for t in content.clause_tokens(r)
                               if d.lex.objects.get(st._lemma(t)) == "allegation"]
                accused += accused_in(allegations)
                if st._lemma(r) in d.lex.disputes["facing"] and any(  # "Kent faces charges of bribery"
                        t.dep_ == "dobj" and t.head.i == r.i for t in allegations):
                    accused += content.predicates(r)[0]
        keys = d.keys(accused) | {f"kind:{k}" for t in accused  # "the army": a body no actor stands for
                                  if d.table.actor_at(t.i) is None and (k := body_kind(t)) is not None}
        if keys:
            out[i] = keys | {ACCUSED}
    return out


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the verb it depends on ("planned to close", "came and went")."""
    for _ in range(3):
        found = [s for c in verb.children if c.dep_ in st.SUBJECT_DEPS for s in st._conjuncts(c)]
        if found or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return found
        verb = verb.head
    return []


def _index(d: _Doc, roots: dict[int, list[Token]], wanted: set[str]) -> dict[str, list[_Event]]:
    """Positive events of every statement, by lemma, for the lemmas some negated clause names
    (``wanted``): each verb of what it says that no negator modifies ("reports that he made $46
    million" → make)."""
    index: dict[str, list[_Event]] = {}
    if not wanted:
        return index
    doc = d.table.doc
    cols = columns(doc)
    lemmas, pos = cols.lemma, cols.pos
    for i, draft in enumerate(d.drafts):
        for r in roots[i]:
            for j in cols.subtree(r.i):  # a Token only for a verb that may name a wanted event
                lemma = lemmas[j]
                if pos[j] != "VERB" and lemma != "be":
                    continue
                if not d.event_keys(lemma) & wanted and lemma not in EVENT_LIGHT_VERBS and lemma != "be":
                    continue
                v = doc[j]
                if st._negated(v, d.lex):
                    continue
                events = [(e, t) for e, t in _events(v) if d.event_keys(e) & wanted
                          and (t.i == v.i or t.head.i == v.i)]
                if not events:
                    continue
                subjects = frozenset(d.keys(_subjects(v), draft))
                objects = frozenset(d.keys(_objects(v, events)))
                direct = frozenset(d.keys([c for c in v.children if c.dep_ == "dobj"]))
                for e, t in events:
                    for key in d.event_keys(e) & wanted:
                        index.setdefault(key, []).append(_Event(i, e, subjects, objects, _planned(t), direct))
    return index


def _candidates(d: _Doc) -> list[int]:
    """The statements that may deny by answering a claim: not yet denials, asserting."""
    return [i for i, x in enumerate(d.drafts) if x.label != "denial"
            and x.act in ("assert", "concede", "announce")
            and not x.label_rule.startswith(("negated_cue", "hypothetical_cue"))]


def _near(d: _Doc, i: int, j: int) -> bool:
    return abs(i - j) <= ANSWER_WINDOW or d.drafts[j].sent == d.headline


def _answerable(d: _Doc, i: int, j: int) -> bool:
    """Statement j is one that statement i may answer: another speaker's, not a denial."""
    a, b = d.drafts[i], d.drafts[j]
    if i == j or b.label == "denial" or a.sent == b.sent or not _near(d, i, j):
        return False
    return b.sent == d.headline or ((_reported(b) or _reported(a)) and not _same_speaker(a, b))


def _answer(d: _Doc, i: int, index: dict[str, list[_Event]], accusations: dict[int, set[str]]
            ) -> tuple[int, str] | None:
    """The statement that statement i answers and the rule, nearest first, or None. The clauses
    of a quotation's later sentences (``later``) answer an accusation only when they name its
    event or a participant of it."""
    draft = d.drafts[i]
    for r, later in [(r, False) for r in d.clauses[i]] + [(r, True) for r in d.quoted[i]]:
        if not d.negated(r):
            found = _object_answer(d, i, r, index) if not later and _object_negated(r, d.lex) else None
            if found is not None:
                return found
            continue
        lemma = st._lemma(r)
        entry = d.cues.get(lemma)
        if lemma in d.lex.disputes["unanswering"] or (entry is not None and entry.kind == "belief"):
            continue  # "I don't know", "I don't think ..." answer nothing
        subjects = content.predicates(r)[0]
        keys = d.keys(subjects, draft)
        events = _events(r)
        objects = d.keys(_objects(r, events))
        claims = {(e, _planned(t)) for lemma_, t in events for key in d.event_keys(lemma_)
                  for e in index.get(key, ())}
        found = [(abs(e.draft - i), e.draft, f"content:negates:{e.lemma}") for e, planned in claims
                 if _answerable(d, i, e.draft) and keys & e.subjects
                 and (not (objects and e.objects) or objects & e.objects or (planned and e.planned))]
        if st._passive(r):  # "no waste was dumped" ← "X dumped waste": what it was done to, by X or anyone
            agents = [g for c in r.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            by = d.keys(agents, draft) if agents else None
            found += [(abs(e.draft - i), e.draft, f"content:negates:{e.lemma}") for e, _ in claims
                      if _answerable(d, i, e.draft) and keys & e.objects and (by is None or by & e.subjects)]
        named = {st._lemma(s) for s in subjects if s.pos_ in ("NOUN", "PROPN")}
        nouns = _clause_nouns(r) - named
        # the same verb anywhere in another statement that names the subject and more ("X made
        # $46 million" ← "X didn't make $46 million last year")
        found += [(abs(j - i), j, f"content:negates:{lemma_}") for lemma_, _ in events[:1]
                  for j in range(max(0, i - ANSWER_WINDOW), min(len(d.drafts), i + ANSWER_WINDOW + 1))
                  if not later and lemma_ in d.words[j][0] and named & d.words[j][1] and nouns & d.words[j][1]
                  and _reported(d.drafts[j]) and _answerable(d, i, j)]
        if _reported(draft) and _answering_clause(r):
            speaking_for = any(s.lower_ in d.lex.disputes["represented"] or st._lemma(s) in d.lex.disputes[
                "represented"] for s in subjects)
            found += [(abs(j - i), j, f"content:answers:{lemma}") for j, accused in accusations.items()
                      if _answerable(d, i, j) and (keys & accused or (speaking_for and accused))
                      and (not later or _shares(d, r, j, accused))]
            # the accused party negates the act it is accused of, whoever the subject ("no prisoner
            # was tortured", "troops did not shell the village"; "officers" of the police)
            party = d.speaker_keys(draft) | d.parties.members(draft)
            found += [(abs(j - i), j, f"content:answers:{lemma}") for j, accused in accusations.items()
                      if _answerable(d, i, j) and party & accused and _same_event(d, r, j)]
        if not found and _reported(draft) and _answering_clause(r) and draft.actor is not None \
                and keys & d.speaker_keys(draft):
            found += [(abs(j - i), j, f"content:answers:{lemma}") for j in range(max(0, i - ANSWER_WINDOW), i)
                      if _answerable(d, i, j) and _about(d, j, draft.actor) and _same_event(d, r, j)]
        if found:
            _, j, rule = min(found)
            return j, rule
    return None


def _object_negated(root: Token, lex: st.StanceLexicon) -> bool:
    """A clause whose verb acts on nothing, asserted: "the vaccine contains no microchip", "the
    firm paid no bribe". Not a negated clause (:func:`_negated_clause`: "made no comment" denies
    nothing); it answers only a claim of the same event and object (:func:`_object_answer`)."""
    return (root.pos_ == "VERB" and st._lemma(root) not in EVENT_LIGHT_VERBS
            and any(c.dep_ == "dobj" and st._negative(c, lex) for c in root.children)
            and not st._hypothetical(root, lex))


def _object_answer(d: _Doc, i: int, root: Token, index: dict[str, list[_Event]]) -> tuple[int, str] | None:
    """The claim a clause negated by its object answers: the same event, a subject and the direct
    object in common ("the vaccine contains a microchip" ← "the vaccine contains no microchip"; not
    "the firm offers weeks of leave" ← "the firm offers no leave")."""
    keys = d.keys(content.predicates(root)[0], d.drafts[i])
    direct = d.keys([c for c in root.children if c.dep_ == "dobj"])
    found = [(abs(e.draft - i), e.draft, f"content:negates:{e.lemma}") for lemma, _ in _events(root)
             for key in d.event_keys(lemma) for e in index.get(key, ())
             if _answerable(d, i, e.draft) and keys & e.subjects and direct & e.direct]
    if found:
        _, j, rule = min(found)
        return j, rule
    return None


def _same_event(d: _Doc, root: Token, j: int) -> bool:
    """A clause names an event of statement j, by its keys ("accepted a bribe" ← "took bribes")."""
    verbs, nouns = d.words[j]
    said = {k for w in verbs | nouns for k in d.event_keys(w)}
    return any(d.event_keys(e) & said for e, _ in _events(root))


def _shares(d: _Doc, root: Token, j: int, accused: set[str]) -> bool:
    """A clause names an event of statement j or a participant of it other than whom it accuses
    ("we never met the developer" ← "accused Kent of taking money from the developer")."""
    return _same_event(d, root, j) or bool(_clause_nouns(root) & d.words[j][1] - accused)


def _evaluated(d: _Doc, i: int, accusations: dict[int, set[str]]) -> tuple[int, str] | None:
    """A later sentence of the accused's quotation calls something false ("Kent said: "I have
    served this city for years. These claims are lies."")."""
    if not d.quoted[i] or not _reported(d.drafts[i]):
        return None
    mine = d.speaker_keys(d.drafts[i])
    accusing = [(abs(j - i), j) for j, accused in accusations.items()
                if _answerable(d, i, j) and mine & accused]
    if not accusing:
        return None
    for r in d.quoted[i]:
        verdict = content.clause_verdict(r, d.lex, d.cues, False, st._speaker_subject(d.drafts[i], r))
        if verdict is not None and verdict.act == st.DENY:
            return min(accusing)[1], verdict.rule
    return None


def _opposed_events(d: _Doc, i: int) -> list[tuple[Token, str, str]]:
    """The asserted events of statement i that have an antonym: (clause, antonym, event lemma)."""
    out = []
    for r in d.clauses[i]:
        events = [(e, t) for e, t in _events(r) if e in d.lex.antonyms]  # no antonym, no opposite
        if not events or d.negated(r) or st._hypothetical(r, d.lex):
            continue
        # an event of its own, not an aspect of another ("going to help", "stop them from building")
        out += [(r, other, e) for e, t in events if not _aspect(t) for other in d.lex.antonyms[e]]
    return out


def _aspect(event: Token) -> bool:
    """A verb that names an aspect of another event, which it takes: "going to help", "stop them
    from building"."""
    cols = columns(event.doc)
    dep, pos, kids = cols.dep, cols.pos, cols.children
    return pos[event.i] == "VERB" and any(
        dep[c] in ("xcomp", "ccomp", "prep") and pos[c] in ("VERB", "ADP")
        and (dep[c] != "prep" or any(dep[g] == "pcomp" for g in kids(c))) for c in kids(event.i))


def _opposed(d: _Doc, i: int, opposed: list[tuple[Token, str, str]],
             index: dict[str, list[_Event]]) -> tuple[int, str] | None:
    """Statement i asserts the opposite event of a claim, of the same participants: "I rejected
    the offer" ← "he accepted the offer", "she is innocent" ← "she is guilty" (a verb's objects in
    common, an adjective's subject), after the claim or against the headline's, said by the party
    itself or one who speaks for it, or by the article setting it against the claim ("In fact, the
    rate has fallen" ← "the senator claimed the rate had risen")."""
    draft = d.drafts[i]
    found = []
    for r, other, lemma in opposed:
        subjects = content.predicates(r)[0]
        keys = d.keys(subjects, draft)
        contrasted = draft.rule == "own" and content.contrasted(r, d.lex)
        if not keys & d.speaker_keys(draft) and not contrasted:
            continue  # the party itself answers, or one who speaks for it, or the article in fact
        events = _events(r)
        objects = d.keys(_objects(r, events))
        direct = d.keys([c for c in r.children if c.dep_ == "dobj"])
        verb = st._lemma(r) != "be"
        for key in d.event_keys(other):
            for e in index.get(key, ()):
                earlier = e.draft < i or d.drafts[e.draft].sent == d.headline  # the opposite answers
                if e.lemma == other and earlier and _answerable(d, i, e.draft) and keys & e.subjects and (
                        not verb or objects & e.objects or (contrasted and not (direct or e.direct))):
                    # the article's "in fact, the rate fell" ← "the rate rose": no objects on either side
                    found.append((abs(e.draft - i), e.draft, f"content:opposes:{lemma}"))
    if found:
        _, j, rule = min(found)
        return j, rule
    return None


def _answering_clause(root: Token) -> bool:
    """A negated clause that can answer an accusation: an act ("I never took a cent"), or being
    somewhere or something ("he was never near the scene", "I am not a thief"), not a feeling."""
    cols = columns(root.doc)
    if cols.lemma[root.i] != "be":
        return cols.pos[root.i] == "VERB"
    dep, lower = cols.dep, cols.lower
    return any(dep[c] in ("prep", "attr") or (dep[c] == "advmod" and lower[c] in ("there", "here"))
               for c in cols.children(root.i))


def _affirmed(d: _Doc, i: int) -> tuple[int, str] | None:
    """A statement that says true what another speaker's statement calls false or accuses."""
    draft = d.drafts[i]
    cols = columns(d.table.doc)
    for r in d.clauses[i]:
        if not any(d.lex.evaluations.get(cols.lemma[c]) == "truth" for c in cols.children(r.i)) or d.negated(r):
            continue
        subjects, preds = content.predicates(r)
        words = [p for p in preds if p.i != r.i and d.lex.evaluations.get(st._lemma(p)) == "truth"]
        nouns = {st._lemma(s) for s in subjects if s.pos_ == "NOUN" and content.claim_like(s, d.lex)}
        if not words or not nouns:
            continue
        window = range(max(0, i - ANSWER_WINDOW), min(len(d.drafts), i + ANSWER_WINDOW + 1))
        found = [(abs(j - i), j) for j in window if j != i and not _same_speaker(draft, d.drafts[j])
                 and (d.drafts[j].label == "denial" or d.drafts[j].act == "accuse") and nouns & d.words[j][1]]
        if found:
            return min(found)[1], f"content:affirms:{st._lemma(words[0])}"
    return None


def _faulted(d: _Doc, i: int) -> tuple[int, str] | None:
    """A statement that calls a speaker of an earlier claim wrong ("The senator is wrong", "he is
    mistaken about the figures"): the claim is denied. Not one's own error ("I was wrong"), nor a
    judgement of an act ("she was wrong to resign")."""
    draft = d.drafts[i]
    cols = columns(d.table.doc)
    for r in d.clauses[i]:
        if cols.lemma[r.i] != "be" or r.dep_ == "advcl" or d.negated(r) or st._hypothetical(r, d.lex):
            continue  # not a time or a reason: "even when he was wrong, it was not for ideology"
        subjects, preds = content.predicates(r)
        words = [p for p in preds if p.i != r.i and d.lex.evaluations.get(st._lemma(p)) in (
            "false", "dismissive") and not any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in p.children)]
        if not words or any(s.lower_ in FIRST_PERSON or s.lower_ == "you" for s in subjects):
            continue
        keys = d.keys(subjects, draft) - {st._lemma(s) for s in subjects if s.pos_ == "PRON"}
        if not keys or any(content.claim_like(s, d.lex) for s in subjects):
            continue  # "the report is wrong" is the report's own evaluation, read elsewhere
        found = [(i - j, j) for j in range(max(0, i - ANSWER_WINDOW), i) if _answerable(d, i, j)
                 and _reported(d.drafts[j]) and d.drafts[j].act in ("assert", "accuse")
                 and keys & d.speaker_keys(d.drafts[j])]
        if found:
            return min(found)[1], f"content:faults:{st._lemma(words[0])}"
    return None


def answer_claims(drafts: list[Draft], roots: dict[int, list[Token]], clauses: dict[int, list[Token]],
                  quoted: dict[int, list[Token]], segments: list[Segment], table: ActorTable,
                  lex: st.StanceLexicon, cues: dict[str, CueEntry], markers: np.ndarray) -> _Doc:
    """Label as denials the statements that answer a claim of the document (in place: act,
    label, label_rule, refutes); returns what was read, for :func:`refute`. ``clauses``: the
    clauses of each statement's content; ``quoted``: those of its quotation's later sentences;
    ``markers``: the tokens that may make a clause deny (a negated clause has one)."""
    n = len(drafts)
    d = _Doc(drafts, [clauses[i] for i in range(n)], [quoted[i] for i in range(n)],
             [_words(roots[i]) for i in range(n)], table, lex, cues,
             _headline(drafts, segments))
    candidates = _candidates(d)  # an accusation, a demand, a warning is no denial for negating something
    for i in candidates:
        for r in clauses[i] + quoted[i]:
            if not markers[r.left_edge.i : r.right_edge.i + 1].any():
                d._negations[r.i] = False  # no negator in it
    negated = [r for i in candidates for r in clauses[i] + quoted[i] if d.negated(r)]
    negated += [r for i in candidates for r in clauses[i] if not d.negated(r) and _object_negated(r, lex)]
    wanted = {k for r in negated for e, _ in _events(r) for k in d.event_keys(e)}
    opposed = {i: _opposed_events(d, i) for i in candidates}
    wanted |= {k for events in opposed.values() for _, other, _ in events for k in d.event_keys(other)}
    index = _index(d, roots, wanted)
    needed = negated or any(x.label == "denial" for x in drafts) or any(  # a later sentence that may deny
        markers[r.left_edge.i : r.right_edge.i + 1].any() for i in candidates for r in quoted[i])
    d.accusations = accusations = _accusations(d) if needed else {}
    for i in candidates:
        found = _answer(d, i, index, accusations) or _affirmed(d, i) or _opposed(d, i, opposed[i], index) \
            or _evaluated(d, i, accusations) or _faulted(d, i)
        if found is not None:
            j, rule = found
            draft = drafts[i]
            draft.act, draft.label, draft.label_rule, draft.refutes = st.DENY, "denial", rule, drafts[j]
    return d


def _antecedent(drafts: list[Draft], draft: Draft) -> Draft | None:
    """The statement a relative denial answers: the one that holds what the relative clause is
    attached to ("X was accused of taking bribes, which he denied")."""
    verb = draft.cue_token
    if verb is None or verb.head.i >= verb.i or not any(
            c.tag_ in ("WDT", "WP") and c.i < verb.i for c in verb.children):
        return None  # the parse may hang "which he denied" on the verb before as a clause
    at = verb.head.idx
    return next((o for o in drafts if o is not draft and o.label != "denial"
                 and any(a <= at < b for a, b in o.parts)), None)


def _one_party(d: _Doc, a: Draft, b: Draft) -> bool:
    """Two statements of one party: one speaker, an actor and its body, or a speaker whose
    description names the other's actor ("the company" after Acme Mining; "Acme's spokesman")."""
    if _same_speaker(a, b):
        return True
    ids = {k for k in d.speaker_keys(a) if k.startswith("@")}
    others = {k for k in d.speaker_keys(b) if k.startswith("@")}
    return bool((a.actor is not None and f"@{a.actor.id}" in others)
                or (b.actor is not None and f"@{b.actor.id}" in ids))


def _reports_denial(d: _Doc, j: int, draft: Draft) -> bool:
    """Statement j holds the denial or reports one ("X has denied that ..."): no claim to answer."""
    other = d.drafts[j]
    inside = other.parts and draft.parts and other.parts[0][0] <= draft.parts[0][0] \
        and draft.parts[-1][1] <= other.parts[-1][1]
    return bool(inside) or any((e := d.cues.get(v)) is not None and e.act == st.DENY for v in d.words[j][0])


def _named_act(d: _Doc, i: int, other: Draft) -> bool:
    """The denial names what the other statement did: "rejected this argument" ← "argued",
    "denied the accusation" ← "accused", "disputed the report" ← "reported" (WordNet derivations)."""
    if other.cue_lemma is None:
        return False
    said = {n for n in d.words[i][1] if d.lex.objects.get(n) in ("allegation", "utterance")}
    return bool(said) and bool(d.event_keys(other.cue_lemma) & {k for n in said for k in d.event_keys(n)})


def _about(d: _Doc, j: int, actor: ActorDraft) -> bool:
    """Statement j asserts something of ``actor``: it names the actor and negates nothing ("he
    didn't endorse Reyes" says nothing Reyes would deny)."""
    if not d.clauses[j]:
        return False
    lo = min(r.left_edge.i for r in d.clauses[j])
    hi = max(r.right_edge.i for r in d.clauses[j]) + 1
    cols = columns(d.table.doc)
    dep, lower = cols.dep, cols.lower
    return not any(dep[t] == "neg" or lower[t] in d.lex.negators for t in range(lo, hi)) and any(
        a is actor for a in d.table.actors_in(lo, hi))


def _authors(d: _Doc, i: int) -> set[str]:
    """Whose words a denial names as what it denies: "Acme's letter", "the claims by the ministry",
    "the report from the paper" (the actors' keys)."""
    cols = columns(d.table.doc)
    dep, lower, kids = cols.dep, cols.lower, cols.children
    out: set[str] = set()
    for r in d.clauses[i]:
        for t in content.clause_indices(cols, r.i):
            if d.lex.objects.get(cols.lemma[t]) not in ("allegation", "utterance"):
                continue
            owners = [c for c in kids(t) if dep[c] == "poss"] + [
                g for c in kids(t) if dep[c] == "prep" and lower[c] in ("by", "from") for g in kids(c)
                if dep[g] == "pobj"]
            for o in owners:
                actor = d.table.actor_at(o)
                out |= {f"@{actor.id}", *actor.name.lower().split()} if actor is not None else set()
    return out


def refute(d: _Doc, targets: list[list[ActorDraft]]) -> None:
    """Set ``refutes`` of the denials that have none: the reported statement, accusation or
    headline claim of another party sharing most content words, an accusation against the
    denier, a claim about the denier or the statement whose act the denial names first; not one
    that holds or reports a denial; else what the nearest denial of another party answers."""
    drafts = d.drafts
    accusations = d.accusations
    for i, draft in enumerate(drafts):
        if draft.label != "denial" or draft.refutes is not None:
            continue
        source = draft.source  # a paragraph quoted after a denial answers what the denial answers
        draft.refutes = source.refutes if source is not None and source.label == "denial" else None
        draft.refutes = draft.refutes or _antecedent(drafts, draft)
        if draft.refutes is not None:
            continue
        verbs, nouns = d.words[i]
        authors = _authors(d, i)  # whose words are denied: their name is no word of what is denied
        nouns = {n for n in nouns if not any(a in n for a in authors if not a.startswith("@"))}
        best, best_score = None, 0.0
        for j, other in enumerate(drafts):
            claimable = _reported(other) or j in accusations or other.sent == d.headline
            if j == i or not claimable or other.label == "denial" or _one_party(d, draft, other) \
                    or _reports_denial(d, j, draft):
                continue
            o_verbs, o_nouns = d.words[j]
            score = float(len(verbs & o_verbs) + len(nouns & o_nouns))
            if other.act == "accuse" or j in accusations:
                score += 0.5
                if draft.actor is not None and (any(a is draft.actor for a in targets[j])
                                                or f"@{draft.actor.id}" in accusations.get(j, ())):
                    score += 2
            elif draft.actor is not None and j < i and _about(d, j, draft.actor):
                score += 1.25  # a claim about the denier ("she was attacked by Hale" ← Hale denied)
            if _named_act(d, i, other) and j < i:
                score += 1.5
            if authors and other.actor is not None and f"@{other.actor.id}" in authors:
                score += 2  # "rebutted the points in Acme's letter" ← what Acme said
            if score > 0:
                score -= abs(j - i) / (10 * len(drafts))  # the nearer of equals
            if score > best_score:
                best, best_score = other, score
        if best_score >= 1:
            draft.refutes = best
    denials = [i for i, x in enumerate(drafts) if x.label == "denial"]
    known = [j for j in denials if drafts[j].refutes is not None]
    for i in denials:
        answered = [j for j in known if drafts[j].refutes is not drafts[i]
                    and not _one_party(d, drafts[i], drafts[j].refutes)]
        if drafts[i].refutes is None and answered:
            drafts[i].refutes = drafts[min(answered, key=lambda j: abs(j - i))].refutes
