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
- ``nominal:NOUN`` — a noun of denial (``models/nominal_denials.tsv``) governs the statement or
  is its object: "in a denial, the ministry said", "reiterated its rejection of the claims";
- ``content:evaluation:WORD``, ``content:no-ground:WORD``, ``content:not-true:WORD`` — what is
  said calls an allegation false: "the charges are false", "there is no truth in it",
  "the report is not true";
- ``content:no-involvement:WORD`` — what is said denies a part in something: "had no role in",
  "had nothing to do with", "was not involved";
- ``content:answers:VERB`` — negated content that answers a statement the article reports
  ("I never threatened anybody" after an accusation of threatening); ``refutes`` points to it;
- ``block:RULE`` — a paragraph quoted after a denial that ends in a colon ("X rejected the
  argument:" + the paragraph) gives the denial's words; RULE is the denial's;
- ``negated_cue:LEMMA``, ``hypothetical_cue:LEMMA`` — the cue is negated or blocked ("did not
  deny", "refused to deny") or not performed ("could reject", "an attempt to dismiss"): the act
  is ``assert``.

``targets`` are the actors a statement is about: those named in the cue's object ("accused
Peru", "condemned Chile's decision") or in the subject of its content clause; a denial with no
other actor named is about its speaker (the accused answering). ``refutes`` is the statement a
denial answers when the article reports it: an accusation about the denier, or the reported
statement that shares most content words with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from . import disputes
from .actors import ActorDraft, ActorTable
from .attribution import Draft
from .resources import CueEntry, read_model_tsv, word_classes
from .segment import Segment

DENY, REJECT, CONDEMN = "deny", "reject", "condemn"
DENYING_ACTS = {DENY, REJECT}
OBJECT_DEPS = {"dobj", "attr"}
COMPLEMENT_DEPS = {"oprd", "xcomp", "acomp", "attr", "ccomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
CORE_DEPS = {"poss", "compound", "amod", "appos", "conj", "nmod", "dobj"}
EMBEDDED_DEPS = {"relcl", "ccomp", "advcl", "conj", "parataxis", "appos"}
REPROACH_SUBJECTS = {"you", "that", "this", "these", "those"}
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
    """Evaluation word → kind; a ``fake`` word is ``false`` here and in ``fakes``."""
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


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    negation = read_model_tsv("negation.tsv")
    idioms = read_model_tsv("idioms.tsv")
    evaluations = read_model_tsv("evaluations.tsv")
    disputes = read_model_tsv("disputes.tsv")
    return StanceLexicon(
        objects={row[0]: row[1] for row in read_model_tsv("denial_objects.tsv")},
        evaluations={row[0]: "false" if row[1] == "fake" else row[1] for row in evaluations},
        fakes=frozenset(row[0] for row in evaluations if row[1] == "fake"),
        negators=frozenset(w for w, role in negation if role == "negator"),
        blockers=frozenset(w for w, role in negation if role == "blocker"),
        modals=frozenset(w for w, role in negation if role == "modal"),
        hedges=frozenset(w for w, role in negation if role == "hedge"),
        conditions=frozenset(w for w, role in negation if role == "condition"),
        holders=frozenset(w for w, role in negation if role == "holder"),
        nominals={row[0]: row[1] for row in read_model_tsv("nominal_denials.tsv")},
        idioms={verb: tuple((w, slot) for v, w, slot in idioms if v == verb) for verb, _, _ in idioms},
        disputes={role: frozenset(w for w, r in disputes if r == role) for _, role in disputes},
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
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex.negators) for c in token.children):
        return True
    return token.dep_ == "xcomp" and _lemma(token.head) in lex.blockers


def _hypothetical(verb: Token, lex: StanceLexicon, hedged: bool = True) -> bool:
    """A clause not asserted: under a modal ("could deny", "will not"), a hedge ("may", unless
    ``hedged`` is False), a condition ("if ..., you are not"), or an infinitive that names an act
    ("an attempt to debunk")."""
    if verb.dep_ == "conj" and verb.head.i != verb.i and _hypothetical(verb.head, lex, hedged):
        return True
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    modals = lex.modals | lex.hedges if hedged else lex.modals
    for c in verb.children:
        if c.dep_ == "aux" and _lemma(c) in modals:
            return True
        if c.dep_ == "mark" and c.lower_ in lex.conditions:
            return True
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lex.conditions for g in c.children):
            return True
    return False


def _negative(token: Token, lex: StanceLexicon) -> bool:
    """A noun phrase that is negative: "nothing", "none of ...", "no role"."""
    return token.lower_ in lex.negators or any(
        c.dep_ in ("det", "neg") and c.lower_ in lex.negators for c in token.children)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.children if c.dep_ == "conj")]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its direct objects, or the subject of a passive."""
    deps = OBJECT_DEPS | ({"nsubjpass"} if _passive(verb) else set())
    return [o for c in verb.children if c.dep_ in deps for o in _conjuncts(c)]


def _that_clause(noun: Token) -> bool:
    """A noun with a complement clause: "claims that he lied" (a relative clause is not one)."""
    return any(c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
               and any(g.lower_ in ("that", "whether") for g in c.children) for c in noun.children)


def _head_noun(token: Token) -> Token:
    """The noun a phrase is about: "none of the stories" → stories, "any of the claims" → claims."""
    if token.pos_ in ("PRON", "DET", "NUM", "ADJ") or token.lower_ in ("none", "all", "any", "some", "most"):
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return token


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
        proposes = any((c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ in ("acl", "relcl") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in noun.children)
        return "proposal" if proposes else "allegation"
    if cls is None and noun.lower_ in DEMONSTRATIVES and noun.pos_ == "PRON":
        return "proposition"
    return cls


def _evaluations(verb: Token, lex: StanceLexicon) -> list[Token]:
    """Words that evaluate what a verb acts on: "termed X baseless", "dismissed X as a hoax",
    "called it a lie" (the complement, an "as" phrase, or an adjective on the object)."""
    found = []
    for c in verb.children:
        if c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "advmod" and c.pos_ == "ADJ"):
            found += _conjuncts(c)
        elif c.dep_ == "prep" and c.lower_ == "as":
            found += [w for g in c.children if g.dep_ in ("pobj", "amod", "acomp") for w in _conjuncts(g)]
        elif c.dep_ == "dobj":
            found += [g for t in c.subtree if t.dep_ == "prep" and t.lower_ == "as" for g in t.children]
    out = []
    for w in found:
        out += [w, *(g for g in w.children if g.dep_ in ("amod", "conj", "acomp", "pobj"))]
        out += [g for g in w.children if g.dep_ == "prep" and g.lower_ == "as" for g in g.children]
    return [w for w in out if (_lemma(w) in lex.evaluations or w.lower_ in lex.evaluations)
            and (w.pos_ in ("ADJ", "NOUN", "PROPN") or w.tag_ == "VBN")]


def _eval_kind(word: Token, lex: StanceLexicon) -> str:
    return lex.evaluations.get(_lemma(word)) or lex.evaluations[word.lower_]


def _eval_word(word: Token, lex: StanceLexicon) -> str:
    """The evaluation word as the lexicon has it: the lemma, else the form ("staged", not "stag")."""
    return _lemma(word) if _lemma(word) in lex.evaluations else word.lower_


def _about_person(token: Token) -> bool:
    """A person or a named party: "dismissed him as ...", "rejected Peru"."""
    return token.lower_ in PERSON_PRONOUNS or token.ent_type_ in ACTOR_ENTS


def _cue_verdict(verb: Token, act: str, lemma: str, lex: StanceLexicon) -> _Verdict | None:
    """The act a cue verb performs given its object, clause and evaluation; None: its lexicon act."""
    objects = _objects(verb)
    classes = [(o, _object_class(o, lex)) for o in objects]
    evaluations = _evaluations(verb, lex)
    false_words = [w for w in evaluations if _eval_kind(w, lex) == "false"]
    dismissive = [w for w in evaluations if _eval_kind(w, lex) == "dismissive"]
    claims = [(o, c) for o, c in classes if c in CLAIM_CLASSES]
    if act in DENYING_ACTS:
        if any(c.dep_ == "ccomp" for c in verb.children):
            return _Verdict(DENY, f"cue+clause:{lemma}", [c for c in verb.children if c.dep_ == "ccomp"])
        if claims:
            o, _ = claims[0]
            return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
        if false_words:
            return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_word(false_words[0], lex)}", objects)
        refused = [o for o, c in classes if c == "proposal"]
        if refused or any(c.dep_ == "dative" for c in verb.children):
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
    if false_words and objects and not any(_about_person(o) for o in objects):
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_word(false_words[0], lex)}", objects)
    if dismissive and claims and all(c != "involvement" for _, c in claims):
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_eval_word(dismissive[0], lex)}", objects)
    if lemma in lex.disputes["defending"] and any(c in ("allegation", "utterance") for _, c in claims):
        o = next(o for o, c in claims if c in ("allegation", "utterance"))  # "defends the articles"
        return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
    if act == CONDEMN and any(c == "allegation" for _, c in claims):
        o = next(o for o, c in claims if c == "allegation")
        return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
    return None


def _idiom_verdict(verb: Token, lex: StanceLexicon) -> _Verdict | None:
    """An idiom of rejection (``models/idioms.tsv``), decided by what it rejects: "poured cold
    water on reports that ...", "shot down the story" deny; "shot down the plan" refuses; "shot
    down the drone" is no act (None)."""
    for word, slot in lex.idioms.get(_lemma(verb), ()):
        fixed = next((c for c in verb.children if c.dep_ in ("prt", "advmod", "dobj", "npadvmod", "advcl")
                      and (c.lower_ == word or _lemma(c) == word)), None)
        if fixed is None:
            continue
        name = f"idiom:{_lemma(verb)} {word}"
        if slot == "self":
            return _Verdict(DENY, name, [fixed])
        if slot == "dobj":
            found = [o for o in _objects(verb) if o.i != fixed.i]
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
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "with"):
            continue
        for noun in (g for g in c.children if g.dep_ == "pobj"):
            verdict = _nominal_verdict(noun, lex, cues)
            if verdict is not None:
                return verdict
            for g in noun.children:
                entry = cues.get(_lemma(g))
                if g.dep_ in ("acl", "relcl") and entry is not None and entry.act in DENYING_ACTS \
                        and not _negated(g, lex):
                    verdict = _cue_verdict(g, entry.act, _lemma(g), lex)
                    if verdict is None and entry.act == DENY:
                        verdict = _Verdict(DENY, f"cue:{_lemma(g)}", _objects(g))
                    if verdict is not None and verdict.act == DENY:
                        return _Verdict(DENY, f"nominal:{_lemma(noun)}+{verdict.rule}", verdict.about)
    return None


def _predicates(root: Token) -> tuple[list[Token], list[Token]]:
    """The subject(s) and the predicate word(s) of a clause: for "X is Y" the Y, else the verb."""
    subjects = [s for c in root.children if c.dep_ in SUBJECT_DEPS for s in _conjuncts(c)]
    be = next((c for c in root.children if c.dep_ == "xcomp" and _lemma(c) == "be"), None)
    if be is not None and root.pos_ == "VERB":  # "turned out to be a hoax", "proved to be false"
        preds = [p for c in be.children if c.dep_ in ("acomp", "attr") for p in _conjuncts(c)]
        return subjects, preds or [root]
    if _lemma(root) == "be" or root.pos_ == "AUX":
        preds = [p for c in root.children if c.dep_ in ("acomp", "attr") for p in _conjuncts(c)]
        return subjects, preds or [root]
    return subjects, [root]


def _claim_like(token: Token, lex: StanceLexicon) -> bool:
    return _object_class(token, lex) in ("allegation", "utterance", "proposition")


def _extraposed(root: Token) -> bool:
    """"It is absurd that ...", "it was wrong to ...", "it was impossible for X to ...": the
    subject "it" stands for the clause after the predicate."""
    return any(c.i > root.i and (c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ == "for" for g in c.children))) for c in root.children)


def _extraposed_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool,
                        lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """"It is not true that ...", "it was impossible for the bridge to carry that load", "it is
    wrong to say that ...": what the clause after "it" says is called false. A clause without
    its own subject is an act, not a claim ("it is impossible to say", "it is absurd to wait")."""
    if not any(s.lower_ == "it" for s in subjects):
        return None
    clauses = [c for p in {root, *preds} for c in p.children if c.i > root.i
               and c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.pos_ in ("VERB", "AUX")]
    for p in preds:
        kind = lex.evaluations.get(_lemma(p)) or lex.evaluations.get(p.lower_)
        if kind is None or p.i == root.i:
            continue
        for c in clauses:
            own_subject = any(g.dep_ in SUBJECT_DEPS for g in c.children)
            saying = _lemma(c) in cues and cues[_lemma(c)].act == "assert" and c.dep_ == "xcomp"
            if kind in ("false", "impossible") and not negated and (own_subject or saying):
                return _Verdict(DENY, f"content:evaluation:{_eval_word(p, lex)}", [c])
            if kind == "dismissive" and not negated and saying:
                return _Verdict(DENY, f"content:evaluation:{_eval_word(p, lex)}", [c])
            if kind == "truth" and negated and own_subject:
                return _Verdict(DENY, f"content:not-true:{_eval_word(p, lex)}", [c])
    return None


def _false_verdict(root: Token, preds: list[Token], claimed: list[Token], negated: bool,
                   lex: StanceLexicon, things: bool = False) -> _Verdict | None:
    """"The charges are false", "the report was fabricated", "the claim is not true", "the article
    contained fabricated quotes" (what the clause asserts; "the bogus story comes from X" only
    presupposes it). ``things``: what is evaluated is a thing, not a claim: only the words that
    call it false count ("the shark is fake")."""
    fake = [a for o in _objects(root) if o.dep_ == "dobj" for a in o.children
            if a.dep_ == "amod" and lex.evaluations.get(_lemma(a)) == "false"]
    if fake and not negated and not things:
        return _Verdict(DENY, f"content:evaluation:{_eval_word(fake[0], lex)}", claimed)
    for p in preds:
        word, kind = p, lex.evaluations.get(_lemma(p)) or lex.evaluations.get(p.lower_)
        if kind is None and p.pos_ in ("NOUN", "PROPN"):  # "is fake news", a headline's "Is Fiction - ..."
            word = next((a for a in p.children if a.dep_ in ("amod", "compound")
                         and lex.evaluations.get(_lemma(a)) == "false"), p)
            kind = lex.evaluations.get(_lemma(word))
        named = [c for c in claimed if c.pos_ != "PRON"]
        if kind is None or (p.i == root.i and (kind not in ("false", "dismissive") or not (_passive(root) or (
                named and any(c.dep_ == "nsubj" for c in named))))):
            continue  # a verb evaluates in the passive, or said of a claim: "the articles misrepresented"
        if kind in ("dismissive", "impossible") and not named or (things and _eval_word(word, lex) not in lex.fakes):
            continue  # "that was wrong" may judge an act; "the report was wrong" judges a claim
        if kind in ("false", "dismissive", "impossible") and not negated:
            return _Verdict(DENY, f"content:evaluation:{_eval_word(word, lex)}", claimed)
        if kind == "truth" and negated:
            return _Verdict(DENY, f"content:not-true:{_eval_word(word, lex)}", claimed)
    return None


def _ground_verdict(root: Token, subjects: list[Token], claimed: list[Token],
                    lex: StanceLexicon) -> _Verdict | None:
    """"There is no truth in it", "no reports support the claims", "the charges have no basis",
    "the claims lack evidence", "the allegations are without merit"."""
    lemma = _lemma(root)
    existential = any(c.dep_ == "expl" for c in root.children)
    negated = _negated(root, lex) or any(_negative(s, lex) for s in subjects)
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "without" and claimed and lemma == "be":
            grounds = [g for g in c.children if g.dep_ == "pobj" and lex.evaluations.get(_lemma(g)) in ("ground", "evidence")]
            if grounds:
                return _Verdict(DENY, f"content:no-ground:{_lemma(grounds[0])}", claimed)
        if c.dep_ not in ("attr", "dobj"):
            continue
        kind = lex.evaluations.get(_lemma(c))
        missing = lemma == "lack" or negated or _negative(c, lex)
        if not missing:
            continue
        if existential:
            inside = [t for t in c.subtree if t.i != c.i and _object_class(t, lex) in CLAIM_CLASSES]
            if kind == "ground" or (kind == "evidence" and (inside or _that_clause(c))):
                return _Verdict(DENY, f"content:no-ground:{_lemma(c)}", inside or [c])
            if lex.objects.get(_lemma(c)) in ("allegation", "utterance") and any(
                    t.pos_ == "VERB" for t in c.subtree) and any(
                    lex.objects.get(_lemma(t)) in ("allegation", "utterance") for t in inside):
                return _Verdict(DENY, f"content:no-ground:{_lemma(c)}", inside)
        elif claimed and kind in ("ground", "evidence") and lemma in ("have", "lack"):
            return _Verdict(DENY, f"content:no-ground:{_lemma(c)}", claimed)
    return None


def _clause_tokens(token: Token) -> list[Token]:
    """The subtree of ``token`` without the clauses embedded in it."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in EMBEDDED_DEPS)
    return out


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", *DEMONSTRATIVES))
               for c in noun.children)


def _involvement_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool,
                         lex: StanceLexicon) -> _Verdict | None:
    """"Had no role in", "had nothing to do with", "was not involved", "are not related"."""
    if any(s.lower_ in REPROACH_SUBJECTS for s in subjects):
        return None  # "you have not been involved" reproaches; "that is not part of" describes
    if negated:
        for p in preds:
            if p.pos_ not in ("ADJ", "VERB") or (p.pos_ == "VERB" and not _passive(p)):
                continue  # "does not involve X" says what a thing includes; nouns: below
            if lex.objects.get(p.lower_) == "involved":
                return _Verdict(DENY, f"content:no-involvement:{p.lower_}", subjects)
    if negated and _lemma(root) == "be":
        # "is not in any way connected to", "was not at all involved"
        for c in root.children:
            if c.dep_ not in ("prep", "advmod", "acomp", "attr"):
                continue
            for t in _clause_tokens(c):
                if t.pos_ in ("ADJ", "VERB") and lex.objects.get(t.lower_) == "involved":
                    return _Verdict(DENY, f"content:no-involvement:{t.lower_}", subjects)
    if _lemma(root) not in lex.holders:
        return None
    for c in root.children:
        if c.dep_ not in ("dobj", "attr") or not (_negative(c, lex) or _negated(root, lex)):
            continue
        if c.lower_ == "nothing" and any(_lemma(g) == "do" and any(h.lower_ == "with" for h in g.children)
                                         for g in c.children):
            return _Verdict(DENY, "content:no-involvement:nothing to do", subjects)
        with_prep = any(g.dep_ == "prep" for g in (*c.children, *root.children))
        if lex.objects.get(_lemma(c)) == "involvement" and not _definite(c) and with_prep:
            return _Verdict(DENY, f"content:no-involvement:{_lemma(c)}", subjects)
    return None


def _own_verb_verdict(root: Token, lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """The article's own sentence whose verb denies ("The claims were refuted", a headline
    "X denies"), evaluates an allegation ("X called the reports fake") or has a denial for its
    object ("X issued a denial")."""
    if root.pos_ != "VERB" or _negated(root, lex):
        return None
    idiom = _idiom_verdict(root, lex)
    if idiom is not None:
        return idiom if idiom.act == DENY else None
    entry = cues.get(_lemma(root))
    if entry is None:
        nominal = next((v for o in _objects(root) if (v := _nominal_verdict(_head_noun(o), lex, cues))), None)
        if nominal is not None:
            return nominal  # "the ministry issued a denial of the reports"
        if not any(_claim_like(o, lex) for o in _objects(root)):
            return None
        verdict = _cue_verdict(root, "assert", _lemma(root), lex)
    elif entry.act in DENYING_ACTS:
        verdict = _cue_verdict(root, entry.act, _lemma(root), lex)
        if verdict is None and entry.act == DENY:
            verdict = _Verdict(DENY, f"cue:{_lemma(root)}", _objects(root))
    else:
        return None
    return verdict if verdict is not None and verdict.act == DENY else None


def _published(subject: Token, cues: dict[str, CueEntry]) -> bool:
    """What was published or said, named by what was done to it: "nothing published on the site",
    "everything reported there"."""
    publishing = word_classes().get("publishing", frozenset())
    return subject.pos_ == "PRON" and any(
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and (_lemma(c) in cues or _lemma(c) in publishing)
        for c in subject.children)


def _lying_verdict(root: Token, subjects: list[Token], negated: bool, lex: StanceLexicon) -> _Verdict | None:
    """Someone said to tell untruths now: "the opposition is lying about the budget", "they
    are twisting the facts" (the present, or "about" what is said; "he lied to the court" accuses)."""
    kind = lex.evaluations.get(_lemma(root))
    if negated or root.pos_ != "VERB" or kind not in ("false", "dismissive") or _passive(root) or not subjects \
            or any(s.lower_ in ("i", "we") for s in subjects):
        return None
    progressive = root.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                             for c in root.children)
    about = any(c.dep_ == "prep" and c.lower_ == "about" for c in root.children) and root.tag_ in ("VBZ", "VBP")
    if progressive or about:
        return _Verdict(DENY, f"content:evaluation:{_lemma(root)}", subjects)
    return None


def _negated_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool, lex: StanceLexicon,
                     cues: dict[str, CueEntry], speaker_subject: bool) -> _Verdict | None:
    """What is negated is a lie, a wrong, an event claimed, or what one is said to have said:
    "she did not lie", "she is not a liar", "I did nothing wrong", "that never happened", "no
    such law exists", "I never said that"."""
    lemma = _lemma(root)
    wrongful = lex.disputes["wrongful"]
    if lemma in ("do", "be", "commit") and not any(s.lower_ == "you" for s in subjects):
        for o in (c for c in root.children if c.dep_ in ("dobj", "attr") and (negated or _negative(c, lex))):
            # "did nothing wrong", "did not do anything illegal" (the parse may hang it on the verb)
            wrong = next((g.lower_ for g in (*o.children, *root.children) if g.lower_ in wrongful
                          and g.dep_ in ("amod", "advmod", "acomp", "oprd", "advcl")), None)
            if wrong is not None:
                return _Verdict(DENY, f"content:no-involvement:{o.lower_} {wrong}", subjects)
    if not negated:
        return None
    for p in preds:
        kind = lex.evaluations.get(_lemma(p))
        if kind == "false" and ((p.pos_ == "VERB" and not _passive(p)) or p.lower_ in ("liar", "liars")):
            return _Verdict(DENY, f"content:not-false:{_lemma(p)}", subjects)
    such = [s for s in (*subjects, *(c for c in root.children if c.dep_ == "attr"))
            if any(g.lower_ == "such" for g in s.children)]
    if such or (lemma in lex.disputes["event"] and any(
            s.lower_ in DEMONSTRATIVES or _claim_like(s, lex) or (lemma == "exist" and s.pos_ == "PROPN")
            for s in subjects)):
        return _Verdict(DENY, f"content:no-such:{_lemma((such or subjects)[0])}", such or subjects)
    entry = cues.get(lemma)
    said = any(c.dep_ not in SUBJECT_DEPS and c.lower_ in DEMONSTRATIVES | {"anything", "such"}
               for c in root.children) or any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in root.children)
    if entry is not None and entry.kind == "speech" and entry.act == "assert" and said and (
            speaker_subject or any(s.lower_ in ("i", "we") for s in subjects)):
        return _Verdict(DENY, f"content:never-said:{lemma}", subjects)
    return None


def _contrary_verdict(root: Token, negated: bool, lex: StanceLexicon) -> _Verdict | None:
    """The sentence contradicts what it names: "contrary to the viral post, the mayor has not
    resigned"; "despite reports that he quit, the mayor has not resigned" (negated only)."""
    for c in root.children:
        role = "contrary" if c.lower_ in lex.disputes["contrary"] else (
            "despite" if c.lower_ in lex.disputes["despite"] and c.dep_ == "prep" else None)
        if role is None or (role == "despite" and not negated):
            continue
        heads = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "to"] if role == "contrary" else [c]
        for o in (g for h in heads for g in h.children if g.dep_ == "pobj"):
            cls = _object_class(o, lex)
            said = any(g.dep_ in ("relcl", "acl") for g in o.children) and o.lower_ == "what"
            if cls in ("allegation", "proposition") or (role == "contrary" and (cls == "utterance" or said)):
                return _Verdict(DENY, f"content:{role}:{_lemma(_head_noun(o))}", [o])
    return None


def clauses(roots: list[Token], lex: StanceLexicon) -> list[Token]:
    """The clauses of what is said: its roots, the clauses coordinated with them or set beside
    them, the clause under a verb that holds it true ("I suspect the video is a hoax", "the court
    found that she did not lie"), and clauses of reason or concession ("... because the photo is
    fake"); not conditions, nor what others are said to say."""
    out, seen = [], set()
    queue = list(roots)
    while queue:
        r = queue.pop(0)
        if r.i in seen:
            continue
        seen.add(r.i)
        out.append(r)
        holds = _lemma(r) in lex.disputes["holding"] and not _negated(r, lex) and not _hypothetical(r, lex)
        for c in r.children:
            if c.pos_ not in ("VERB", "AUX"):
                continue
            if c.dep_ in ("conj", "parataxis") or (c.dep_ in ("ccomp", "xcomp") and holds) or (
                    c.dep_ == "advcl" and not _hypothetical(c, lex)
                    and not any(g.dep_ == "mark" and g.lower_ in ("for", "to") for g in c.children)):
                queue.append(c)
    return out


def _clause_verdict(root: Token, lex: StanceLexicon, cues: dict[str, CueEntry], own: bool,
                    speaker_subject: bool = False) -> _Verdict | None:
    """Content that denies: an allegation called false, no truth in it, no part in something;
    in the article's own sentence (``own``), or when the speaker is the subject of what is said
    (``speaker_subject``: "the company said it categorically denies the allegations"), also a
    denying verb."""
    if _hypothetical(root, lex, hedged=False):
        return None
    subjects, preds = _predicates(root)
    negated = _negated(root, lex) or any(_negated(p, lex) for p in preds) or any(
        _negative(s, lex) for s in subjects)
    claimed = [s for s in subjects if (_claim_like(s, lex) or _published(s, cues))
               and not (s.lower_ == "it" and any(_extraposed(p) for p in (root, *preds)))]
    things = [s for s in subjects if not claimed and s.pos_ in ("NOUN", "PROPN") and not _about_person(s)]
    complements = [g for c in root.children if root.pos_ == "VERB" and (c.dep_ in ("oprd", "acomp") or (
        c.dep_ == "prep" and c.lower_ == "as")) for g in ([c] if c.dep_ != "prep" else c.children)]
    verdict = ((claimed or things) and _false_verdict(root, [*preds, *complements], claimed or things, negated, lex,
                                                      things=not claimed)) \
        or _ground_verdict(root, subjects, claimed, lex) or _extraposed_verdict(root, subjects, preds, negated, lex, cues) \
        or _contrary_verdict(root, negated, lex)
    if verdict:
        return verdict  # a hedged evaluation still denies: "the reports may have been exaggerated"
    if _hypothetical(root, lex):
        return None
    verdict = _involvement_verdict(root, subjects, preds, negated, lex) or _lying_verdict(root, subjects, negated, lex) \
        or _negated_verdict(root, subjects, preds, negated, lex, cues, speaker_subject)
    if verdict or not (own or speaker_subject):
        return verdict
    verdict = _own_verb_verdict(root, lex, cues)
    if verdict is None and own:  # "X pushed back against the report, calling it fake news"
        verdict = next((v for c in root.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                        if (v := _own_verb_verdict(c, lex, cues))), None)
    if verdict is not None and not own:
        return _Verdict(DENY, f"content:{verdict.rule}", verdict.about)
    return verdict


def _roots(span: Span, heads: np.ndarray) -> list[Token]:
    """The clause roots of a span: tokens whose head lies outside it, and their coordinated verbs.
    ``heads``: each token's head, by index in the document (read from the array: a span's tokens
    are not made one by one)."""
    idx = np.arange(span.start, span.end)
    h = heads[span.start : span.end]
    doc = span.doc
    roots = [doc[int(i)] for i in idx[(h == idx) | (h < span.start) | (h >= span.end)]]
    out = []
    for r in roots:
        if r.is_punct or r.is_space:
            continue
        out.append(r)
        out += [c for c in r.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return out


def _content_spans(draft: Draft, doc: Doc, segments: list[Segment]) -> list[Span]:
    if draft.content is not None:
        return [draft.content]
    if draft.rule == "own":
        return [segments[draft.sent].span]
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in draft.parts]
    return [s for s in spans if s is not None]


def _content_roots(draft: Draft, doc: Doc, segments: list[Segment], heads: np.ndarray) -> list[Token]:
    return [r for s in _content_spans(draft, doc, segments) for r in _roots(s, heads)]


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
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in fits for c in root.children)


def _governed_verdict(verb: Token, lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict | None:
    """A cue participle beside a denial gives the denial's words: "X rejected the report,
    saying it was wrong"; "he went on to rebut the points, writing that ..."."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    for other in (verb.head, *(c for c in verb.head.children if c.dep_ in ("advcl", "xcomp") and c.i < verb.i)):
        entry = cues.get(_lemma(other))
        if other.i == verb.i or entry is None or entry.act not in DENYING_ACTS or _negated(other, lex) \
                or (_hypothetical(other, lex) and other.dep_ != "advcl"):
            continue
        verdict = _cue_verdict(other, entry.act, _lemma(other), lex)
        if verdict is None and entry.act == DENY:
            verdict = _Verdict(DENY, f"cue:{_lemma(other)}", _objects(other))
        if verdict is not None and verdict.act == DENY:
            return _Verdict(DENY, f"governed:{verdict.rule}", verdict.about)
    return None


def _decide(draft: Draft, roots: list[Token], lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict:
    entry = cues.get(draft.cue_lemma or "")
    act = entry.act if entry is not None else "assert"
    verb = draft.cue_token
    lemma = draft.cue_lemma or ""
    if verb is not None and len(draft.cue) == 1 and _negated(verb, lex):
        return _Verdict("assert", f"negated_cue:{lemma}", [])
    if verb is not None and len(draft.cue) == 1 and _hypothetical(verb, lex):
        return _Verdict("assert", f"hypothetical_cue:{lemma}", [])
    verdict = _idiom_verdict(verb, lex) if verb is not None else None
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
        for root in clauses(roots, lex):  # a clause said, quoted or asserted (an object is read with its cue)
            own = draft.rule == "own" and (root.i in top or root.dep_ == "conj")
            verdict = _clause_verdict(root, lex, cues, own, _speaker_subject(draft, root))
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


# --- targets and refutes --------------------------------------------------------------------

def _core(token: Token) -> list[Token]:
    """The tokens that say whom a phrase is about: its head, possessors, modifiers, appositions
    and "of"/"by" phrases, not the clauses inside it ("Chile's decision to cut ties with Peru"
    is about Chile)."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CORE_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "by")) \
                    or (c.dep_ == "pobj" and t.dep_ == "prep"):
                stack.append(c)
    return out


def _actors_of(tokens: list[Token], table: ActorTable) -> list[ActorDraft]:
    seen: dict[str, ActorDraft] = {}
    for token in tokens:
        for t in _core(token):
            actor = table.actor_at(t.i)
            if actor is not None:
                seen.setdefault(actor.id, actor)
    return list(seen.values())


def _accused(about: list[Token]) -> list[Token]:
    """Whom an allegation is against: "allegations (leveled) against Lima"."""
    out = []
    for token in about:
        for t in (token, *(c for c in token.children if c.dep_ in ("acl", "relcl"))):
            out += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("against", "about")
                    for g in c.children if g.dep_ == "pobj"]
    return out


def _targets(draft: Draft, verdict: _Verdict, roots: list[Token], table: ActorTable) -> list[ActorDraft]:
    """The actors a statement is about. A denial is about whom the denied allegation is against,
    else the subject of what it says, else its speaker (the accused answering); another
    statement is about whom its cue acts on ("accused Peru", "condemned Chile's decision",
    "blamed it on X") or the subject of what it says."""
    verb = draft.cue_token
    subjects = [s for r in roots for s in _predicates(r)[0]] if draft.rule != "object" else []
    if verdict.act == DENY:
        found = _actors_of(_accused(verdict.about), table) or _actors_of(
            [s for s in verdict.about if s.dep_ in SUBJECT_DEPS] or subjects, table)
        return found or ([draft.actor] if draft.actor is not None else [])
    about: list[Token] = []
    if verb is not None and draft.rule != "own":
        about += [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        about += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "over")
                  for g in c.children if g.dep_ == "pobj"]
    return [a for a in _actors_of(about or subjects, table) if a is not draft.actor]


def label(drafts: list[Draft], segments: list[Segment], table: ActorTable, lexicon: dict[str, CueEntry]) -> None:
    """Set ``act``, ``label``, ``label_rule``, ``targets`` and ``refutes`` on every draft, in place."""
    if not drafts:
        return
    lex = stance_lexicon()
    doc = segments[0].span.doc
    heads = np.arange(len(doc)) + doc.to_array(HEAD).view("int64")  # relative offsets → indices
    roots: dict[int, list[Token]] = {}
    verdicts: list[_Verdict] = []
    for i, draft in enumerate(drafts):
        roots[i] = _content_roots(draft, doc, segments, heads)
        verdict = _decide(draft, roots[i], lex, lexicon)
        verdicts.append(verdict)
        draft.act, draft.label_rule = verdict.act, verdict.rule
        draft.label = "denial" if verdict.act == DENY else "claim"
    for i, draft in enumerate(drafts):
        # a block quotation gives the words of the statement that introduced it ("X denied it:")
        source = draft.source
        if source is not None and source.label == "denial" and draft.label != "denial":
            draft.act, draft.label, draft.label_rule = DENY, "denial", f"block:{source.label_rule}"
            verdicts[i] = _Verdict(DENY, draft.label_rule, verdicts[i].about)
    pairs = disputes.answer_claims(drafts, roots, segments, table, lex, lexicon)
    for i, draft in enumerate(drafts):
        if draft.refutes is not None:
            verdicts[i] = _Verdict(DENY, draft.label_rule, verdicts[i].about)
    targets = [_targets(d, verdicts[i], roots[i], table) for i, d in enumerate(drafts)]
    for i, draft in enumerate(drafts):
        draft.targets = targets[i]
    disputes.refute(pairs, targets)
