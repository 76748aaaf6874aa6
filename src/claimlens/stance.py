"""Stance: the act of every statement, its label (claim or denial), whom it is about and what
each denial answers.

The act comes from the cue (``models/cues.tsv``) and is refined by rules over the parse; a
statement is a ``denial`` exactly when its act is ``deny``. Each rule names itself in
``label_rule``:

- ``cue:LEMMA`` — a denying cue with nothing that says otherwise ("denied the report");
- ``cue+clause:LEMMA`` — a denying cue with a clause ("denied that he lied");
- ``cue+object:LEMMA:NOUN`` — the cue's object decides (``models/denial_objects.tsv``):
  "rejected the accusation" is a denial, "rejected the proposal", "denied him a visa" are
  refusals (act ``reject``), "condemned the claims" a denial, "condemned the remarks" a claim,
  "dismissed the senator as a career politician" a disparagement (act ``condemn``);
- ``cue+evaluation:LEMMA:WORD`` — the cue calls what it is about false
  (``models/evaluations.tsv``): "termed the allegations baseless", "called the reports fake";
- ``cue+no-ground:LEMMA:NOUN`` — the cue's object is a missing ground or evidence of a claim
  ("found no evidence that the order was given", "offered no proof of the allegations");
- ``nominal:NOUN`` — a noun of denial (``models/nominal_denials.tsv``) governs the statement or
  is its object: "in a denial, the ministry said", "reiterated its rejection of the claims";
- ``idiom:VERB WORD:NOUN`` — an idiom or verb of rejection (``models/idioms.tsv``), decided by
  what it rejects: "poured cold water on reports that", "shot down the story", "quashed the
  rumours" deny; "shot down the plan" refuses;
- ``governed:RULE`` — a cue participle beside a denial gives its words ("denied the report,
  saying it was wrong"; "went on to rebut the points, writing that ...");
- ``content:...`` — what is said denies, in any clause of it (``content.py``): it calls a
  claim, a reported item or a thing false ("the video was staged", "I suspect it is a hoax",
  "it was impossible for the bridge to carry that load"), says it has no ground, denies a part
  in something, negates a lie, a wrong or an event ("she did not lie", "that never happened"),
  or contradicts what it names ("contrary to the viral post, ...");
- ``content:negates:LEMMA``, ``content:answers:LEMMA``, ``content:affirms:WORD`` — a dispute
  pair (``disputes.py``): it negates a claim another speaker or the headline makes, answers an
  accusation with a flat negation, or says true what another calls false; ``refutes`` points to
  the statement answered;
- ``block:RULE`` — a paragraph quoted after a denial that ends in a colon ("X rejected the
  argument:" + the paragraph) gives the denial's words; RULE is the denial's;
- ``negated_cue:LEMMA``, ``hypothetical_cue:LEMMA`` — the cue is negated or blocked ("did not
  deny", "refused to deny") or not performed ("could reject", "an attempt to dismiss"): the act
  is ``assert``.

``targets`` are the actors a statement is about: those named in the cue's object ("accused
Peru", "condemned Chile's decision") or in the subject of its content clause; a denial with no
other actor named is about its speaker (the accused answering). ``refutes`` is the statement a
denial answers when the article reports it: the claim of its dispute pair, the statement a
relative denial hangs on ("..., which he denied"), an accusation about the denier, or the
reported statement that shares most content words with it (``disputes.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from . import content, disputes
from .actors import ActorTable
from .columns import Columns, columns
from .drafts import Draft
from .resources import CueEntry, denial_objects, quantity_nouns, read_model_tsv, word_classes
from .segment import Segment
from .syntax import misread_object_predicate
from .targets import targets as statement_targets

DENY, REJECT, CONDEMN = "deny", "reject", "condemn"
DENYING_ACTS = {DENY, REJECT}
OBJECT_DEPS = {"dobj", "attr"}
COMPLEMENT_DEPS = {"oprd", "xcomp", "acomp", "attr", "ccomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
CLAIM_CLASSES = {"allegation", "utterance", "involvement", "proposition"}
DEMONSTRATIVES = {"that", "this", "these", "those", "it"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "them", "me", "us", "you"}
LIGHT_VERBS = {"be", "have", "do", "say", "tell"}
CONTENT_POS = {"NOUN", "PROPN", "NUM"}


@dataclass(frozen=True)
class StanceLexicon:
    """The stance data of ``models/``: object classes, evaluation words, negation, nominal denials."""

    objects: dict[str, str]
    evaluations: dict[str, str]
    """Evaluation word → kind; a ``fake`` word is ``false`` here and in ``fakes``, a ``real`` word
    ``truth`` here and in ``fakes`` (said of a thing too: "the letter is not genuine")."""
    fakes: frozenset[str]
    negators: frozenset[str]
    blockers: frozenset[str]
    modals: frozenset[str]
    hedges: frozenset[str]
    conditions: frozenset[str]
    holders: frozenset[str]
    nominals: dict[str, str]
    idioms: dict[str, tuple[tuple[str, str], ...]]
    """Verb lemma → (fixed word, slot) of the idioms of rejection (``models/idioms.tsv``)."""
    disputes: dict[str, frozenset[str]]
    """Role → words of ``models/disputes.tsv`` (holding, unanswering, represented, contrary, despite)."""
    antonyms: dict[str, frozenset[str]]
    """Word → its antonyms (``models/antonyms.tsv``, from WordNet): "win" → "lose"."""
    events: dict[str, frozenset[str]]
    """Word → the keys of the events it names (``models/events.tsv``, from WordNet): two words that
    share a key name one event ("backed" and "endorsed", "resignation" and "resigned")."""


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    negation = read_model_tsv("negation.tsv")
    idioms = read_model_tsv("idioms.tsv")
    evaluations = read_model_tsv("evaluations.tsv")
    dispute_words = read_model_tsv("disputes.tsv")
    antonyms: dict[str, list[str]] = {}  # word → its antonyms, in the file's order
    for word, other in read_model_tsv("antonyms.tsv"):
        antonyms.setdefault(word, []).append(other)
    events: dict[str, set[str]] = {}
    for word, _, keys in read_model_tsv("events.tsv"):
        events.setdefault(word, set()).update(f"#{k}" for k in keys.split())
    return StanceLexicon(
        objects=denial_objects(),
        evaluations={row[0]: {"fake": "false", "real": "truth"}.get(row[1], row[1]) for row in evaluations},
        fakes=frozenset(row[0] for row in evaluations if row[1] in ("fake", "real")),
        negators=frozenset(w for w, role in negation if role == "negator"),
        blockers=frozenset(w for w, role in negation if role == "blocker"),
        modals=frozenset(w for w, role in negation if role == "modal"),
        hedges=frozenset(w for w, role in negation if role == "hedge"),
        conditions=frozenset(w for w, role in negation if role == "condition"),
        holders=frozenset(w for w, role in negation if role == "holder"),
        nominals={row[0]: row[1] for row in read_model_tsv("nominal_denials.tsv")},
        idioms={verb: tuple((w, slot) for v, w, slot in idioms if v == verb) for verb, _, _ in idioms},
        disputes={role: frozenset(w for w, r in dispute_words if r == role) for _, role in dispute_words},
        events={word: frozenset({word, *keys}) for word, keys in events.items()},
        antonyms={word: frozenset(others) for word, others in antonyms.items()},
    )


@dataclass
class _Verdict:
    act: str
    rule: str
    about: list[Token]
    """Tokens whose subtrees name what the statement is about (for targets and refutes)."""


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _negated(token: Token, lex: StanceLexicon) -> bool:
    """A negator on the verb or predicate ("not", "never"), or a verb that blocks it governs it."""
    return _negated_at(columns(token.doc), token.i, lex)


def _negated_at(cols: Columns, i: int, lex: StanceLexicon) -> bool:
    """:func:`_negated` of the token at index ``i``, read from the document's columns."""
    dep, lower = cols.dep, cols.lower
    if any(dep[c] == "neg" or (dep[c] == "advmod" and lower[c] in lex.negators) for c in cols.children(i)):
        return True
    return dep[i] == "xcomp" and cols.lemma[cols.head[i]] in lex.blockers


def _hypothetical(verb: Token, lex: StanceLexicon, hedged: bool = True) -> bool:
    """A clause not asserted: under a modal ("could deny", "will not"), a hedge ("may", unless
    ``hedged`` is False), a condition ("if ..., you are not"), or an infinitive that names an act
    ("an attempt to debunk")."""
    return _hypothetical_at(columns(verb.doc), verb.i, lex, hedged)


def _hypothetical_at(cols: Columns, i: int, lex: StanceLexicon, hedged: bool) -> bool:
    """:func:`_hypothetical` of the token at index ``i``, read from the document's columns; a
    coordinated verb is hypothetical when the verb it is coordinated with is."""
    dep, lower, head = cols.dep, cols.lower, cols.head[i]
    if dep[i] == "conj" and head != i and _hypothetical_at(cols, head, lex, hedged):
        return True
    kids = cols.children(i)
    if dep[i] == "acl" and any(dep[c] == "aux" and lower[c] == "to" for c in kids):
        return True
    modals = lex.modals | lex.hedges if hedged else lex.modals
    for c in kids:
        if dep[c] == "aux" and cols.lemma[c] in modals:
            return True
        if dep[c] == "mark" and lower[c] in lex.conditions:
            return True
        if dep[c] == "advcl" and any(dep[g] == "mark" and lower[g] in lex.conditions for g in cols.children(c)):
            return True
    return False


def _negative(token: Token, lex: StanceLexicon) -> bool:
    """A noun phrase that is negative: "nothing", "none of ...", "no role", "absolutely no truth"
    (the parser makes a modified "no" a number)."""
    return _negative_at(columns(token.doc), token.i, lex)


def _negative_at(cols: Columns, i: int, lex: StanceLexicon) -> bool:
    """:func:`_negative` of the token at index ``i``, read from the document's columns."""
    dep, lower = cols.dep, cols.lower
    return lower[i] in lex.negators or any(
        dep[c] in ("det", "neg", "nummod") and lower[c] in lex.negators for c in cols.children(i))


def _conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("the claims and the reports")."""
    doc = token.doc
    cols = columns(doc)
    return [token, *(doc[c] for c in cols.children(token.i) if cols.dep[c] == "conj")]


def _conjunct_indices(cols: Columns, i: int) -> list[int]:
    """The indices of :func:`_conjuncts` of the token at index ``i``."""
    return [i, *(c for c in cols.children(i) if cols.dep[c] == "conj")]


def _passive(verb: Token) -> bool:
    cols = columns(verb.doc)
    return any(cols.dep[c] in ("auxpass", "nsubjpass") for c in cols.children(verb.i))


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its direct objects, or the subject of a passive."""
    doc = verb.doc
    cols = columns(doc)
    deps = OBJECT_DEPS | ({"nsubjpass"} if _passive(verb) else set())
    return [o for c in cols.children(verb.i) if cols.dep[c] in deps for o in _conjuncts(doc[c])]


def _that_clause(noun: Token) -> bool:
    """A noun with a complement clause: "claims that he lied" (a relative clause is not one)."""
    cols = columns(noun.doc)
    dep, pos, lower = cols.dep, cols.pos, cols.lower
    return any(dep[c] in ("acl", "ccomp") and pos[c] in ("VERB", "AUX")
               and any(lower[g] in ("that", "whether") for g in cols.children(c)) for c in cols.children(noun.i))


WHOLE_PRONOUNS = ("nothing", "everything", "anything", "something")
"""Pronouns whose "in" or "about" phrase names what they are a part of ("nothing in the report")."""


def _head_noun(token: Token) -> Token:
    """The noun a phrase is about: "none of the stories" → stories, "any of the claims" → claims,
    "no part of the report" → report (a noun of part, ``models/attribution_words.tsv``), "not a
    shred of truth" → truth (a noun of quantity, ``models/quantities.tsv``), "nothing in the
    article" → article."""
    cols = columns(token.doc)
    dep, lower = cols.dep, cols.lower
    whole = lower[token.i] in WHOLE_PRONOUNS
    if cols.pos[token.i] in ("PRON", "DET", "NUM", "ADJ") \
            or lower[token.i] in ("none", "all", "any", "some", "most") \
            or cols.lemma[token.i] in word_classes().get("part", ()) \
            or cols.lemma[token.i] in quantity_nouns() or lower[token.i] in quantity_nouns():
        for c in cols.children(token.i):
            if dep[c] == "prep" and (lower[c] == "of" or (whole and lower[c] in ("in", "about"))):
                for g in cols.children(c):
                    if dep[g] == "pobj":
                        return _head_noun(token.doc[g]) if g != token.i else token.doc[g]
    return token


def _missing_ground(noun: Token, verb: Token, lex: StanceLexicon) -> list[Token] | None:
    """A ground or evidence that the object of a verb of offering says is missing, with what it
    would show: "found no evidence that the order was given", "has offered no proof of the claim", "did not
    find any evidence of wrongdoing", "has no proof of that" (what it would show, or None: "found
    no evidence of recovery", "has no basis" alone)."""
    if lex.evaluations.get(_lemma(noun)) not in ("ground", "evidence") or not (
            _negative(noun, lex) or _negated(verb, lex)) or _lemma(verb) not in lex.disputes["offering"]:
        return None
    if _that_clause(noun):
        return [noun]
    shown = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "behind")
             for g in c.children if g.dep_ == "pobj"]
    shown += [o for c in noun.children if c.dep_ in ("acl", "relcl") for o in _objects(c)]  # "to support X"
    found = [g for g in shown if _object_class(g, lex) in CLAIM_CLASSES
             or _lemma(g) in lex.disputes["wrong"] or (g.lower_ in DEMONSTRATIVES and g.pos_ == "PRON")]
    return found or None


def _object_class(token: Token, lex: StanceLexicon) -> str | None:
    """The class of what a phrase names: allegation, utterance, involvement, proposal, or a
    proposition (a demonstrative, a noun with a that-clause)."""
    noun = _head_noun(token)
    cls = lex.objects.get(_lemma(noun))
    if cls is None and noun.pos_ in ("NOUN", "PROPN") and noun.tag_ in ("NNS", "NNPS"):
        cls = lex.objects.get(noun.lower_)
    if cls != "proposal" and _that_clause(noun):
        return "proposition"
    if cls == "idea":  # "the idea of a summit", "the suggestion to wait" propose; "the notion" asserts
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if any(lex.objects.get(_lemma(g)) in ("involvement", "allegation") for g in of):
            return "allegation"  # "any suggestion of wrongdoing"
        proposes = of or any(c.dep_ in ("acl", "relcl") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in noun.children)
        return "proposal" if proposes else "allegation"
    if cls is None and noun.lower_ in DEMONSTRATIVES and noun.pos_ == "PRON":
        return "proposition"
    return cls


def _evaluations(verb: Token, lex: StanceLexicon) -> list[Token]:
    """Words that evaluate what a verb acts on: "termed X baseless", "dismissed X as a hoax",
    "called it a lie" (the complement, an "as" phrase, or an adjective on the object)."""
    doc = verb.doc
    cols = columns(doc)
    dep, pos, lower, kids = cols.dep, cols.pos, cols.lower, cols.children
    found = []
    for c in kids(verb.i):
        if dep[c] in COMPLEMENT_DEPS or (dep[c] == "advmod" and pos[c] == "ADJ"):
            found += _conjunct_indices(cols, c)
        elif dep[c] == "prep" and lower[c] == "as":
            found += [w for g in kids(c) if dep[g] in ("pobj", "amod", "acomp")
                      for w in _conjunct_indices(cols, g)]
        elif dep[c] == "dobj":
            found += [g for t in cols.subtree(c) if dep[t] == "prep" and lower[t] == "as" for g in kids(t)]
            if misread_object_predicate(verb, lex.objects, lex.evaluations) is not None:
                found.append(c)  # "called the report nonsense", read as one noun phrase
    out = []
    for w in found:
        out += [w, *(g for g in kids(w) if dep[g] in ("amod", "conj", "acomp", "pobj"))]
        if (head := _head_noun(doc[w]).i) != w:
            out.append(head)  # "called the claims a pack of lies"
        out += [h for g in kids(w) if dep[g] == "prep" and lower[g] == "as" for h in kids(g)]
    return [doc[w] for w in out if _eval_key_at(cols, w, lex) is not None
            and (pos[w] in ("ADJ", "NOUN", "PROPN") or doc[w].tag_ == "VBN")]


def _eval_key(word: Token, lex: StanceLexicon) -> str | None:
    """The evaluation as the lexicon has it: a compound ("witch hunt", "conspiracy theory"), the
    lemma, else the form ("staged", not "stag"); None if the word evaluates nothing."""
    return _eval_key_at(columns(word.doc), word.i, lex)


def _eval_key_at(cols: Columns, i: int, lex: StanceLexicon) -> str | None:
    """:func:`_eval_key` of the token at index ``i``, read from the document's columns."""
    lemma, lower = cols.lemma, cols.lower
    if cols.pos[i] in ("NOUN", "PROPN") and i > 0:
        key = f"{lower[i - 1]} {lemma[i]}"
        if cols.dep[i - 1] == "compound" and cols.head[i - 1] == i and key in lex.evaluations:
            return key
    for key in (lemma[i], lower[i]):
        if key in lex.evaluations:
            return key
    return None


def _eval_kind(word: Token, lex: StanceLexicon) -> str:
    return lex.evaluations[_eval_key(word, lex)]


def _about_person(token: Token) -> bool:
    """A person or a named party: "dismissed him as ...", "rejected Peru"."""
    cols = columns(token.doc)
    return cols.lower[token.i] in PERSON_PRONOUNS or cols.ent_type[token.i] in ACTOR_ENTS


def _cue_verdict(verb: Token, act: str, lemma: str, lex: StanceLexicon) -> _Verdict | None:
    """The act a cue verb performs given its object, clause and evaluation; None: its lexicon act."""
    doc = verb.doc
    cols = columns(doc)
    deps = {cols.dep[c] for c in cols.children(verb.i)}
    misread = misread_object_predicate(verb, lex.objects, lex.evaluations)
    objects = [misread] if misread is not None else _objects(verb)
    classes = [(o, _object_class(o, lex)) for o in objects]
    evaluations = _evaluations(verb, lex)
    false_words = [w for w in evaluations if _eval_kind(w, lex) == "false"]
    dismissive = [w for w in evaluations if _eval_kind(w, lex) == "dismissive"]
    claims = [(o, c) for o, c in classes if c in CLAIM_CLASSES]
    if act in DENYING_ACTS:
        if "ccomp" in deps:
            clauses = [doc[c] for c in cols.children(verb.i) if cols.dep[c] == "ccomp"]
            return _Verdict(DENY, f"cue+clause:{lemma}", clauses)
        if claims:
            o, _ = claims[0]
            return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
        if false_words:
            return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_key(false_words[0], lex)}", objects)
        refused = [o for o, c in classes if c == "proposal"]
        if refused or "dative" in deps:
            noun = _lemma(_head_noun(refused[0])) if refused else "dative"
            return _Verdict(REJECT, f"cue+object:{lemma}:{noun}", objects)
        as_phrases = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      for g in c.children if g.dep_ == "pobj"]
        people = [o for o in objects if _about_person(o)]
        if people:
            return _Verdict(CONDEMN if as_phrases else REJECT, f"cue+object:{lemma}:person", people)
        if any(g.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children)
               for g in as_phrases):
            # "dismissed the senator as a career politician": a kind of person or thing, not a claim
            return _Verdict(CONDEMN, f"cue+object:{lemma}:as-a", objects)
        return None
    missing = next((m for o in objects if o.dep_ == "dobj" and (m := _missing_ground(o, verb, lex))), None)
    if missing:  # "found no evidence that ...", "offered no proof of the claims"
        return _Verdict(DENY, f"cue+no-ground:{lemma}:{_lemma(objects[0])}", missing)
    if false_words and objects and not any(_about_person(o) or c == "proposal" for o, c in classes):
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_key(false_words[0], lex)}", objects)
    if dismissive and claims and all(c != "involvement" for _, c in claims):
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_key(dismissive[0], lex)}", objects)
    if lemma in lex.disputes["defending"] and any(c in ("allegation", "utterance") for _, c in claims):
        o = next(o for o, c in claims if c in ("allegation", "utterance"))  # "defends the articles"
        return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
    if act == CONDEMN and any(c == "allegation" for _, c in claims):
        o = next(o for o, c in claims if c == "allegation")
        return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
    return None


def idiom_verdict(verb: Token, lex: StanceLexicon) -> _Verdict | None:
    """An idiom of rejection (``models/idioms.tsv``), decided by what it rejects: "poured cold
    water on reports that ...", "shot down the story" deny; "shot down the plan" refuses; "shot
    down the drone" is no act (None)."""
    for word, slot in lex.idioms.get(_lemma(verb), ()):
        # a particle may be read as a preposition ("laughed off the reports")
        deps = ("prt", "advmod", "dobj", "npadvmod", "advcl", *(("prep",) if slot == "dobj" else ()))
        fixed = verb if word == "-" else next((c for c in verb.children if c.dep_ in deps
                                               and (c.lower_ == word or _lemma(c) == word)), None)
        if fixed is None:
            continue
        name = f"idiom:{_lemma(verb)}" if word == "-" else f"idiom:{_lemma(verb)} {word}"
        if slot == "self":
            return _Verdict(DENY, name, [fixed])
        if slot == "dobj":  # the parse may hang the object on the particle ("laughed off the reports")
            found = [o for o in _objects(verb) if o.i != fixed.i] or [
                o for c in fixed.children if c.dep_ == "pobj" and fixed.dep_ in ("prt", "prep") for o in _conjuncts(c)]
        else:
            found = [g for h in (verb, fixed) for c in h.children if c.dep_ == "prep" and c.lower_ == slot
                     for g in c.children if g.dep_ == "pobj" for g in _conjuncts(g)]
        classes = [_object_class(o, lex) for o in found]
        if any(c in CLAIM_CLASSES for c in classes):
            return _Verdict(DENY, f"{name}:{_lemma(_head_noun(found[0]))}", found)
        if "proposal" in classes:
            return _Verdict(REJECT, f"{name}:{_lemma(_head_noun(found[0]))}", found)
    return None


def _nominal_verdict(noun: Token, lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """A noun of denial read as its verb: "its rejection of the claims", "a denial"."""
    verb_lemma = lex.nominals.get(_lemma(noun))
    entry = cues.get(verb_lemma or "")
    if entry is None or _negative(noun, lex):
        return None
    objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
               for g in c.children if g.dep_ == "pobj" for g in _conjuncts(g)]
    claimed = any(_object_class(o, lex) in CLAIM_CLASSES for o in objects)
    if (objects and not claimed) or (not objects and entry.act != DENY):
        return None
    return _Verdict(DENY, f"nominal:{_lemma(noun)}", objects)


def _governing_nominal(verb: Token, lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """A cue inside a denial: "in a denial, X said"; "said in a statement rejecting the claims"."""
    doc = verb.doc
    cols = columns(doc)
    for c in cols.children(verb.i):
        if cols.dep[c] != "prep" or cols.lower[c] not in ("in", "with"):
            continue
        for noun in (doc[g] for g in cols.children(c) if cols.dep[g] == "pobj"):
            verdict = _nominal_verdict(noun, lex, cues)
            if verdict is not None:
                return verdict
            for g in noun.children:
                entry = cues.get(_lemma(g))
                if g.dep_ in ("acl", "relcl") and entry is not None and entry.act in DENYING_ACTS \
                        and not _negated(g, lex):
                    verdict = _denying(g, entry, lex)
                    if verdict is not None:
                        return _Verdict(DENY, f"nominal:{_lemma(noun)}+{verdict.rule}", verdict.about)
    return None


def _roots(span: Span, heads: list[int]) -> list[Token]:
    """The clause roots of a span: tokens whose head lies outside it, and their coordinated verbs.
    ``heads``: each token's head, by index in the document (read from the columns: a span's tokens
    are not made one by one)."""
    doc, start, end = span.doc, span.start, span.end
    cols = columns(doc)
    punct, space = cols.is_punct, cols.is_space
    out = []
    for i in range(start, end):
        h = heads[i]
        if not (h == i or h < start or h >= end) or punct[i] or space[i]:
            continue
        out.append(doc[i])
        out += [doc[c] for c in cols.children(i) if cols.dep[c] == "conj" and cols.pos[c] in ("VERB", "AUX")]
    return out


def _content_spans(draft: Draft, doc: Doc, segments: list[Segment]) -> list[Span]:
    if draft.content is not None:
        return [draft.content]
    if draft.rule == "own":
        return [segments[draft.sent].span]
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in draft.parts]
    return [s for s in spans if s is not None]


def _content_roots(draft: Draft, doc: Doc, segments: list[Segment], heads: list[int]) -> list[Token]:
    return [r for s in _content_spans(draft, doc, segments) for r in _roots(s, heads)]


def _quoted_clauses(draft: Draft, doc: Doc, heads: list[int], lex: StanceLexicon) -> list[Token]:
    """The clauses of a quotation that its content from the parse leaves out: the sentences after
    the first (``Kent said: "We worked hard. I never took a cent."``)."""
    if draft.content is None or draft.quote not in ("direct", "partial"):
        return []
    lo, hi = draft.content.start, draft.content.end
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in draft.parts]
    roots = [r for s in spans if s is not None for r in _roots(s, heads) if not lo <= r.i < hi]
    return content.clauses(roots, lex)


def _speaker_subject(draft: Draft, root: Token) -> bool:
    """The subject of a reported clause is its speaker: "I", "we", or the pronoun that fits the
    speaker ("the company said it ...", "the minister said he ...")."""
    if draft.rule == "own":
        return False
    fits = {"i", "we"}
    if draft.actor is not None:
        fits |= {"he", "she"} if draft.actor.type == "PERSON" else {"it", "they"}
    elif draft.speaker is not None:
        said_by = draft.speaker.root.lower_
        fits |= {said_by} if said_by in ("he", "she", "it", "they") else {"he", "she", "it", "they"}
    cols = columns(root.doc)
    return any(cols.dep[c] in SUBJECT_DEPS and cols.lower[c] in fits for c in cols.children(root.i))


def _governed_verdict(verb: Token, lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """A cue participle beside a denial gives the denial's words: "X rejected the report,
    saying it was wrong"; "he went on to rebut the points, writing that ..."."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    siblings = [c for c in verb.head.children if c.dep_ in ("advcl", "xcomp") and c.i < verb.i]
    for other in (verb.head, *siblings):
        entry = cues.get(_lemma(other))
        if other.i == verb.i or entry is None or entry.act not in DENYING_ACTS or _negated(other, lex) \
                or (_hypothetical(other, lex) and other.dep_ != "advcl"):
            continue
        verdict = _denying(other, entry, lex)
        if verdict is not None:
            return _Verdict(DENY, f"governed:{verdict.rule}", verdict.about)
    return None


def _denying(tok: Token, entry: CueEntry, lex: StanceLexicon) -> _Verdict | None:
    """The verdict of a cue word of a denying act when it denies: what its object makes it, else
    the bare denial of a deny verb."""
    verdict = _cue_verdict(tok, entry.act, _lemma(tok), lex)
    if verdict is None and entry.act == DENY:
        verdict = _Verdict(DENY, f"cue:{_lemma(tok)}", _objects(tok))
    return verdict if verdict is not None and verdict.act == DENY else None


@lru_cache(maxsize=4)
def _marker_words(denying: frozenset[str]) -> tuple[str, ...]:
    """The words without which no clause denies: evaluation words (the last of several),
    negators, words of involvement, idiom verbs, "contrary", nouns of denial and the cues that
    deny or condemn (``denying``)."""
    lex = stance_lexicon()
    words = {w.split()[-1] for w in lex.evaluations} | lex.negators | set(lex.idioms) | set(lex.nominals) | {"without", "lack"}
    words |= {w for w, c in lex.objects.items() if c in ("involved", "involvement", "innocent")}
    for role in ("contrary", "despite", "wrongful", "defending", "contrast"):
        words |= lex.disputes[role]
    return tuple(sorted(words | denying))


def _markers(doc: Doc, cues: dict[str, CueEntry]) -> np.ndarray:
    """Which tokens may make a clause deny (one look-up per token of the document)."""
    words = _marker_words(frozenset(e.lemma for e in cues.values() if e.act in (DENY, REJECT, CONDEMN)))
    # the store's ids, not hash_string: a word that is one of spaCy's symbols ("mark") has a small id
    hashes = np.array([doc.vocab.strings[w] for w in words], dtype="uint64")
    arr = doc.to_array([LEMMA, LOWER])
    return np.isin(arr[:, 0], hashes) | np.isin(arr[:, 1], hashes)


def _decide(draft: Draft, roots: list[Token], clauses: list[Token], lex: StanceLexicon,
            cues: dict[str, CueEntry], markers: np.ndarray) -> _Verdict:
    entry = cues.get(draft.cue_lemma or "")
    act = entry.act if entry is not None else "assert"
    verb = draft.cue_token
    lemma = draft.cue_lemma or ""
    if verb is not None and len(draft.cue) == 1 and _negated(verb, lex):
        return _Verdict("assert", f"negated_cue:{lemma}", [])
    if verb is not None and len(draft.cue) == 1 and _hypothetical(verb, lex):
        return _Verdict("assert", f"hypothetical_cue:{lemma}", [])
    verdict = idiom_verdict(verb, lex) if verb is not None else None
    if verdict is None and verb is not None and entry is not None and entry.kind != "phrase":
        verdict = _cue_verdict(verb, act, lemma, lex)
        if verdict is None and verb.pos_ == "VERB":
            verdict = _governing_nominal(verb, lex, cues)
        if verdict is None:
            for o in _objects(verb):
                verdict = _nominal_verdict(_head_noun(o), lex, cues)
                if verdict is not None:
                    break
    if verdict is None and verb is not None and act != DENY:
        verdict = _governed_verdict(verb, lex, cues)
    if verdict is None and act != DENY and draft.rule != "object":
        top = {r.i for r in roots}
        # a clause said, quoted or asserted (an object is read with its cue)
        for root in clauses:
            if not markers[root.left_edge.i : root.right_edge.i + 1].any():
                continue  # nothing in the clause could deny
            # the article's own verbs: its clauses, and what it did them for ("took to Twitter to dispel")
            own = draft.rule == "own" and (root.i in top or root.dep_ in ("conj", "xcomp") or (
                root.dep_ == "advcl" and not any(c.dep_ == "mark" for c in root.children)))
            verdict = content.clause_verdict(root, lex, cues, own, _speaker_subject(draft, root))
            if verdict is not None:
                break
    if verdict is not None:
        return verdict
    about = _objects(verb) if verb is not None else []
    if act == REJECT:
        return _Verdict(REJECT, f"cue:{lemma}", about)
    if act == DENY:
        return _Verdict(DENY, f"cue:{lemma}", about)
    return _Verdict(act, f"cue:{lemma}" if entry is not None else "default", about)


def label(drafts: list[Draft], segments: list[Segment], table: ActorTable,
          lexicon: dict[str, CueEntry]) -> None:
    """Set ``act``, ``label``, ``label_rule``, ``targets`` and ``refutes`` on every draft, in place."""
    if not drafts:
        return
    lex = stance_lexicon()
    doc = segments[0].span.doc
    heads = columns(doc).head
    markers = _markers(doc, lexicon)
    roots: dict[int, list[Token]] = {}
    clauses: dict[int, list[Token]] = {}
    quoted: dict[int, list[Token]] = {}
    verdicts: list[_Verdict] = []
    for i, draft in enumerate(drafts):
        roots[i] = _content_roots(draft, doc, segments, heads)
        clauses[i] = content.clauses(roots[i], lex)
        quoted[i] = _quoted_clauses(draft, doc, heads, lex)
        # every sentence of a quotation counts, whichever side of it the cue stands
        verdict = _decide(draft, roots[i], clauses[i] + quoted[i], lex, lexicon, markers)
        verdicts.append(verdict)
        draft.act, draft.label_rule = verdict.act, verdict.rule
        draft.label = "denial" if verdict.act == DENY else "claim"
    for i, draft in enumerate(drafts):
        # a block quotation gives the words of the statement that introduced it ("X denied it:")
        source = draft.source
        if source is not None and source.label == "denial" and draft.label != "denial":
            draft.act, draft.label, draft.label_rule = DENY, "denial", f"block:{source.label_rule}"
            verdicts[i] = _Verdict(DENY, draft.label_rule, verdicts[i].about)
    pairs = disputes.answer_claims(drafts, roots, clauses, quoted, segments, table, lex, lexicon, markers)
    for i, draft in enumerate(drafts):
        if draft.refutes is not None:
            verdicts[i] = _Verdict(DENY, draft.label_rule, verdicts[i].about)
    targets = [statement_targets(d, verdicts[i], roots[i], table) for i, d in enumerate(drafts)]
    for i, draft in enumerate(drafts):
        draft.targets = targets[i]
    disputes.refute(pairs, targets)
