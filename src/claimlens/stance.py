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
ANSWER_WINDOW = 12
"""How many statements before or after a negated statement may be the one it answers."""


@dataclass(frozen=True)
class StanceLexicon:
    """The stance data of ``models/``: object classes, evaluation words, negation, nominal denials."""

    objects: dict[str, str]
    evaluations: dict[str, str]
    negators: frozenset[str]
    blockers: frozenset[str]
    modals: frozenset[str]
    hedges: frozenset[str]
    conditions: frozenset[str]
    holders: frozenset[str]
    nominals: dict[str, str]


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    negation = read_model_tsv("negation.tsv")
    return StanceLexicon(
        objects={row[0]: row[1] for row in read_model_tsv("denial_objects.tsv")},
        evaluations={row[0]: row[1] for row in read_model_tsv("evaluations.tsv")},
        negators=frozenset(w for w, role in negation if role == "negator"),
        blockers=frozenset(w for w, role in negation if role == "blocker"),
        modals=frozenset(w for w, role in negation if role == "modal"),
        hedges=frozenset(w for w, role in negation if role == "hedge"),
        conditions=frozenset(w for w, role in negation if role == "condition"),
        holders=frozenset(w for w, role in negation if role == "holder"),
        nominals={row[0]: row[1] for row in read_model_tsv("nominal_denials.tsv")},
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
            return _Verdict(DENY, f"cue+evaluation:{lemma}:{_lemma(false_words[0])}", objects)
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
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_lemma(false_words[0])}", objects)
    if dismissive and claims and all(c != "involvement" for _, c in claims):
        return _Verdict(DENY, f"cue+evaluation:{lemma}:{_lemma(dismissive[0])}", objects)
    if act == CONDEMN and any(c == "allegation" for _, c in claims):
        o = next(o for o, c in claims if c == "allegation")
        return _Verdict(DENY, f"cue+object:{lemma}:{_lemma(_head_noun(o))}", objects)
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
    if _lemma(root) == "be" or root.pos_ == "AUX":
        preds = [p for c in root.children if c.dep_ in ("acomp", "attr") for p in _conjuncts(c)]
        return subjects, preds or [root]
    return subjects, [root]


def _claim_like(token: Token, lex: StanceLexicon) -> bool:
    return _object_class(token, lex) in ("allegation", "utterance", "proposition")


def _extraposed(root: Token) -> bool:
    """"It is absurd that ...", "it was wrong to ...": the subject "it" stands for a clause."""
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in root.children)


def _false_verdict(root: Token, preds: list[Token], claimed: list[Token], negated: bool,
                   lex: StanceLexicon) -> _Verdict | None:
    """"The charges are false", "the report was fabricated", "the claim is not true", "the article
    contained fabricated quotes" (what the clause asserts; "the bogus story comes from X" only
    presupposes it)."""
    fake = [a for o in _objects(root) if o.dep_ == "dobj" for a in o.children
            if a.dep_ == "amod" and lex.evaluations.get(_lemma(a)) == "false"]
    if fake and not negated:
        return _Verdict(DENY, f"content:evaluation:{_lemma(fake[0])}", claimed)
    for p in preds:
        word, kind = p, lex.evaluations.get(_lemma(p)) or lex.evaluations.get(p.lower_)
        if kind is None and p.pos_ in ("NOUN", "PROPN"):  # "is fake news", a headline's "Is Fiction - ..."
            word = next((a for a in p.children if a.dep_ in ("amod", "compound")
                         and lex.evaluations.get(_lemma(a)) == "false"), p)
            kind = lex.evaluations.get(_lemma(word))
        if kind is None or (p.i == root.i and (kind not in ("false", "dismissive") or not _passive(root))):
            continue  # a verb evaluates only in the passive: "the report was fabricated"
        if kind == "dismissive" and all(c.pos_ == "PRON" for c in claimed):
            continue  # "that was wrong" may judge an act; "the report was wrong" judges a claim
        if kind in ("false", "dismissive") and not negated:
            return _Verdict(DENY, f"content:evaluation:{_lemma(word)}", claimed)
        if kind == "truth" and negated:
            return _Verdict(DENY, f"content:not-true:{_lemma(word)}", claimed)
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
            grounds = [g for g in c.children if g.dep_ == "pobj" and lex.evaluations.get(_lemma(g)) == "ground"]
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
            if kind == "ground" and (_lemma(c) not in ("evidence", "proof") or inside):
                return _Verdict(DENY, f"content:no-ground:{_lemma(c)}", inside or [c])
            if lex.objects.get(_lemma(c)) in ("allegation", "utterance") and any(
                    t.pos_ == "VERB" for t in c.subtree) and any(
                    lex.objects.get(_lemma(t)) in ("allegation", "utterance") for t in inside):
                return _Verdict(DENY, f"content:no-ground:{_lemma(c)}", inside)
        elif claimed and kind == "ground" and lemma in ("have", "lack"):
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
    verdict = (claimed and _false_verdict(root, preds, claimed, negated, lex)) \
        or _ground_verdict(root, subjects, claimed, lex)
    if verdict:
        return verdict  # a hedged evaluation still denies: "the reports may have been exaggerated"
    if _hypothetical(root, lex):
        return None
    verdict = _involvement_verdict(root, subjects, preds, negated, lex)
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


def _decide(draft: Draft, roots: list[Token], lex: StanceLexicon, cues: dict[str, CueEntry]) -> _Verdict:
    entry = cues.get(draft.cue_lemma or "")
    act = entry.act if entry is not None else "assert"
    verb = draft.cue_token
    lemma = draft.cue_lemma or ""
    if verb is not None and len(draft.cue) == 1 and _negated(verb, lex):
        return _Verdict("assert", f"negated_cue:{lemma}", [])
    if verb is not None and len(draft.cue) == 1 and _hypothetical(verb, lex):
        return _Verdict("assert", f"hypothetical_cue:{lemma}", [])
    verdict = None
    if verb is not None and entry is not None and entry.kind != "phrase":
        verdict = _cue_verdict(verb, act, lemma, lex)
        if verdict is None and verb.pos_ == "VERB":
            verdict = _governing_nominal(verb, lex, cues)
        if verdict is None:
            for o in _objects(verb):
                verdict = _nominal_verdict(_head_noun(o), lex, cues)
                if verdict is not None:
                    break
    if verdict is None and act != DENY and draft.rule != "object":
        for root in roots:  # a clause said, quoted or asserted (an object is read with its cue)
            verdict = _clause_verdict(root, lex, cues, draft.rule == "own", _speaker_subject(draft, root))
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


def _words(roots: list[Token]) -> tuple[set[str], set[str]]:
    """The content verbs and the content nouns of clauses, by lemma."""
    verbs, nouns = set(), set()
    for r in roots:
        for t in r.subtree:
            if t.pos_ == "VERB" and _lemma(t) not in LIGHT_VERBS:
                verbs.add(_lemma(t))
            elif t.pos_ in CONTENT_POS and not t.is_stop:
                nouns.add(_lemma(t))
                if t.dep_ == "compound" and t.head.i == t.i + 1:
                    nouns.add(t.lower_ + _lemma(t.head))  # "cyber attack" and "cyberattack"
    return verbs, nouns


def _same_speaker(a: Draft, b: Draft) -> bool:
    if a.actor is not None and b.actor is not None:
        return a.actor is b.actor
    if a.speaker is not None and b.speaker is not None:
        return a.speaker.text.lower() == b.speaker.text.lower()
    return a.speaker is None and b.speaker is None and a.actor is None and b.actor is None


def _reported(draft: Draft) -> bool:
    return draft.rule != "own"


def _negated_clause(root: Token, lex: StanceLexicon) -> Token | None:
    """The verb of a clause negated by "not", "never" or a negative subject ("I never
    threatened", "nobody saw"), or None. A negative object ("made no comment") is not one."""
    if _hypothetical(root, lex):
        return None
    subjects, preds = _predicates(root)
    verbs = [p for p in preds if p.pos_ == "VERB" and p.is_alpha]
    if verbs and (_negated(root, lex) or any(_negated(p, lex) for p in verbs)
                  or any(_negative(s, lex) for s in subjects)):
        return verbs[0]
    return None


def _answers(i: int, drafts: list[Draft], roots: dict[int, list[Token]], words: list[tuple[set, set]],
             lex: StanceLexicon, cues: dict[str, CueEntry], table: ActorTable) -> tuple[Draft, str] | None:
    """The reported statement a negated statement answers, nearest first: an accusation of what
    it negates, against its speaker ("accused him of threatening" ← "I never threatened
    anybody"), or another speaker's statement with the same verb, the same subject and something
    more in common ("X made $46 million" ← "X didn't make $46 million last year")."""
    draft = drafts[i]
    for root in roots[i]:
        pred = _negated_clause(root, lex)
        if pred is None or _lemma(pred) in LIGHT_VERBS or (_lemma(pred) in cues and cues[_lemma(pred)].act == "assert"):
            continue  # "I don't think ..." negates no claim of its own
        verb = _lemma(pred)
        subjects = _predicates(root)[0]
        named = {_lemma(s) for s in subjects if s.pos_ in ("NOUN", "PROPN")}
        pronoun = any(s.pos_ == "PRON" and not _negative(s, lex) for s in subjects)
        clause = _clause_tokens(root)
        nouns = {_lemma(t) for t in clause if t.pos_ in CONTENT_POS and not t.is_stop} - named
        order = sorted(range(max(0, i - ANSWER_WINDOW), min(len(drafts), i + ANSWER_WINDOW + 1)),
                       key=lambda j: abs(j - i))
        for j in order:
            other = drafts[j]
            if other.sent == draft.sent or not _reported(other) or _same_speaker(draft, other) \
                    or other.label == "denial" or verb not in words[j][0]:
                continue
            if any(_negated_clause(r, lex) is not None for r in roots[j]):
                continue
            o_nouns = words[j][1]
            if other.act == "accuse":
                accused = [a for r in roots[j] for a in table.actors_in(r.left_edge.i, r.right_edge.i + 1)]
                if named & o_nouns or (pronoun and draft.actor is not None and any(a is draft.actor for a in accused)):
                    return other, verb
            elif named & o_nouns and nouns & o_nouns:
                return other, verb
    return None


def _refuted(i: int, drafts: list[Draft], targets: list[list[ActorDraft]],
             words: list[tuple[set, set]]) -> Draft | None:
    """The statement a denial answers: an accusation about its speaker, else the reported
    statement of another speaker sharing most content words with it."""
    draft = drafts[i]
    verbs, nouns = words[i]
    best, best_score = None, 0.0
    for j, other in enumerate(drafts):
        if j == i or not _reported(other) or other.label == "denial" or _same_speaker(draft, other):
            continue
        o_verbs, o_nouns = words[j]
        score = float(len(verbs & o_verbs) + len(nouns & o_nouns))
        if other.act == "accuse":
            score += 0.5
            if draft.actor is not None and any(a is draft.actor for a in targets[j]):
                score += 2
        if score > 0:
            score -= abs(j - i) / (10 * len(drafts))  # the nearer of equals
        if score > best_score:
            best, best_score = other, score
    return best if best_score >= 1 else None


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
    words = [_words(roots[i]) for i in range(len(drafts))]
    for i, draft in enumerate(drafts):
        if draft.label == "denial" or draft.label_rule.startswith(("negated_cue", "hypothetical_cue")):
            continue
        answered = _answers(i, drafts, roots, words, lex, lexicon, table)
        if answered is not None:
            other, verb = answered
            draft.act, draft.label, draft.label_rule = DENY, "denial", f"content:answers:{verb}"
            verdicts[i] = _Verdict(DENY, draft.label_rule, verdicts[i].about)
            draft.refutes = other
    targets = [_targets(d, verdicts[i], roots[i], table) for i, d in enumerate(drafts)]
    for i, draft in enumerate(drafts):
        draft.targets = targets[i]
        if draft.label == "denial" and draft.refutes is None:
            draft.refutes = _refuted(i, drafts, targets, words)
    # a denial with nothing of its own to go by answers what the nearest denial answers
    denials = [i for i, d in enumerate(drafts) if d.label == "denial"]
    for i in denials:
        if drafts[i].refutes is None:
            known = [j for j in denials if drafts[j].refutes is not None]
            if known:
                drafts[i].refutes = drafts[min(known, key=lambda j: abs(j - i))].refutes
