"""The stance of what a statement says: the rules over the clauses of its content.

Part of the stance stage (``stance.py`` decides each statement's act; this module reads the
clauses of what is said, quoted or asserted). Every clause of the content counts: its roots,
the clauses coordinated with them or set beside them, the clause under a verb that holds it true
("I suspect the video is a hoax", "the court found that she did not lie") and clauses of reason
or concession, not conditions nor what others are said to say (:func:`clauses`). A clause
denies when it calls a claim, a reported item or a thing false (``content:evaluation:WORD``,
``content:not-true:WORD``), says a claim has no ground (``content:no-ground:WORD``), denies a
part in something (``content:no-involvement:WORD``), negates a lie, an event or a thing said to
exist (``content:not-false:WORD``, ``content:no-such:WORD``), or contradicts what it names
("contrary to the viral post", ``content:contrary:WORD``); the rules name themselves so in
``label_rule``. The words are data: ``models/evaluations.tsv``, ``models/denial_objects.tsv``,
``models/negation.tsv``, ``models/disputes.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import stance as st
from .columns import Columns, columns
from .resources import CueEntry, cue_lexicon, word_classes

EMBEDDED_DEPS = {"relcl", "ccomp", "advcl", "conj", "parataxis", "appos"}
REPROACH_SUBJECTS = {"you", "that", "this", "these", "those"}
LINKING_VERBS = {"seem", "appear", "prove", "sound", "look", "remain"}
"""Verbs that link a subject to what it is said to be, as "be" does (English's copular verbs)."""


def predicates(root: Token) -> tuple[list[Token], list[Token]]:
    """The subject(s) and the predicate word(s) of a clause: for "X is Y" the Y, else the verb."""
    doc = root.doc
    cols = columns(doc)
    dep, lemma, pos, kids = cols.dep, cols.lemma, cols.pos[root.i], cols.children(root.i)
    subjects = [s for c in kids if dep[c] in st.SUBJECT_DEPS for s in st._conjuncts(doc[c])]
    be = next((c for c in kids if dep[c] == "xcomp" and lemma[c] == "be"), None)
    if be is not None and pos == "VERB":  # "turned out to be a hoax", "proved to be false"
        preds = [p for c in cols.children(be) if dep[c] in ("acomp", "attr") for p in st._conjuncts(doc[c])]
        return subjects, preds or [root]
    if lemma[root.i] == "be" or pos == "AUX" or lemma[root.i] in LINKING_VERBS:
        # "it seems not even true", "the claim proved false", "the story sounds fishy"
        deps = ("acomp", "attr", "oprd") if lemma[root.i] in LINKING_VERBS else ("acomp", "attr")
        preds = [p for c in kids if dep[c] in deps for p in st._conjuncts(doc[c])]
        return subjects, preds or [root]
    return subjects, [root]


def claim_like(token: Token, lex: st.StanceLexicon) -> bool:
    return st._object_class(token, lex) in ("allegation", "utterance", "proposition")


def _extraposed(root: Token) -> bool:
    """"It is absurd that ...", "it was wrong to ...", "it was impossible for X to ...": the
    subject "it" stands for the clause after the predicate."""
    return any(c.i > root.i and (c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ == "for" for g in c.children))) for c in root.children)


def _extraposed_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool,
                        lex: st.StanceLexicon, cues: dict[str, CueEntry]) -> st._Verdict | None:
    """"It is not true that ...", "it was impossible for the bridge to carry that load", "it is
    wrong to say that ...": what the clause after "it" says is called false. A clause without
    its own subject is an act, not a claim ("it is impossible to say", "it is absurd to wait")."""
    if not any(s.lower_ == "it" for s in subjects):
        return None
    clauses = [c for p in {root, *preds} for c in p.children if c.i > root.i
               and c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.pos_ in ("VERB", "AUX")]
    for p in preds:
        kind = lex.evaluations.get(st._lemma(p)) or lex.evaluations.get(p.lower_)
        if kind is None or p.i == root.i:
            continue
        for c in clauses:
            own_subject = any(g.dep_ in st.SUBJECT_DEPS for g in c.children)
            # "it is wrong to say that ...", not "it is impossible to say when"
            saying = c.dep_ == "xcomp" and st._lemma(c) in cues and cues[st._lemma(c)].act == "assert" and any(
                g.dep_ == "ccomp" and any(h.lower_ == "that" for h in g.children) for g in c.children)
            if kind in ("false", "impossible") and not negated and (own_subject or (saying and kind == "false")):
                return st._Verdict(st.DENY, f"content:evaluation:{st._eval_key(p, lex)}", [c])
            if kind == "dismissive" and not negated and saying:
                return st._Verdict(st.DENY, f"content:evaluation:{st._eval_key(p, lex)}", [c])
            if kind == "truth" and negated and own_subject:
                return st._Verdict(st.DENY, f"content:not-true:{st._eval_key(p, lex)}", [c])
    return None


def _false_verdict(root: Token, preds: list[Token], claimed: list[Token], negated: bool,
                   lex: st.StanceLexicon, things: bool = False) -> st._Verdict | None:
    """"The charges are false", "the report was fabricated", "the claim is not true", "the article
    contained fabricated quotes" (what the clause asserts; "the bogus story comes from X" only
    presupposes it). ``things``: what is evaluated is a thing, not a claim: only the words that
    call it false count ("the shark is fake")."""
    fake = [a for o in st._objects(root) if o.dep_ == "dobj" for a in o.children
            if a.dep_ == "amod" and lex.evaluations.get(st._lemma(a)) == "false"]
    if fake and not negated and not things:
        return st._Verdict(st.DENY, f"content:evaluation:{st._eval_key(fake[0], lex)}", claimed)
    for p in preds:
        key = st._eval_key(p, lex)
        word, kind = p, lex.evaluations.get(key) if key is not None else None
        if kind is None and p.pos_ in ("NOUN", "PROPN"):  # "is fake news", a headline's "Is Fiction - ..."
            # or a quantity of them: "a pack of lies", "a load of rubbish"
            of = [g for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            word = next((a for a in (*p.children, *of) if a.dep_ in ("amod", "compound", "pobj")
                         and lex.evaluations.get(st._lemma(a)) == "false"), p)
            kind = lex.evaluations.get(st._lemma(word))
        named = [c for c in claimed if c.pos_ != "PRON"]
        said_of_claim = named and any(c.dep_ == "nsubj" for c in named)
        if kind is None or (p.i == root.i and (kind not in ("false", "dismissive")
                                               or not (st._passive(root) or said_of_claim))):
            continue  # a verb evaluates in the passive, or said of a claim: "the articles misrepresented"
        if (kind in ("dismissive", "impossible") and not named) or (
                things and st._eval_key(word, lex) not in lex.fakes):
            continue  # "that was wrong" may judge an act; "the report was wrong" judges a claim
        if kind in ("false", "dismissive", "impossible") and not negated:
            return st._Verdict(st.DENY, f"content:evaluation:{st._eval_key(word, lex)}", claimed)
        if kind == "truth" and negated:
            return st._Verdict(st.DENY, f"content:not-true:{st._eval_key(word, lex)}", claimed)
    return None


def _phrase_verdict(root: Token, claimed: list[Token], lex: st.StanceLexicon) -> st._Verdict | None:
    """An evaluation of several words said of what was said: "my remarks were taken out of context"
    (a phrase of ``models/evaluations.tsv`` on the verb or its object); "nothing could be further
    from the truth" (nothing is nearer a ground of the claim than what is said)."""
    cols = columns(root.doc)
    dep, lower = cols.dep, cols.lower
    subjects = [s for c in cols.children(root.i) if dep[c] in st.SUBJECT_DEPS
                for s in st._conjunct_indices(cols, c)]
    if cols.lemma[root.i] == "be" and any(lower[s] == "nothing" for s in subjects):
        for c in root.children:
            if c.dep_ in ("acomp", "advmod") and c.lower_ in ("further", "farther"):
                truth = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                         for g in p.children
                         if g.dep_ == "pobj" and lex.evaluations.get(st._lemma(g)) == "ground"]
                if truth:
                    return st._Verdict(st.DENY, f"content:not-true:{st._lemma(truth[0])}", truth)
    if not claimed:
        return None
    if root.pos_ == "VERB" and st._passive(root):  # "the story was made up"
        for c in root.children:
            if c.dep_ == "prt" and lex.evaluations.get(f"{st._lemma(root)} {c.lower_}") == "false":
                return st._Verdict(st.DENY, f"content:evaluation:{st._lemma(root)} {c.lower_}", claimed)
    heads = [root, *(o for o in st._objects(root) if o.dep_ == "dobj" and claim_like(o, lex))]
    heads += [c for c in root.children if c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"]
    for h in heads:  # "was taken out of context", "took his words out of context", "is wide of the mark"
        for c in (h.i, *cols.children(h.i)) if h.i != root.i else cols.children(h.i):
            if dep[c] not in ("prep", "acomp", "attr", "advmod"):
                continue
            words = " ".join(lower[t] for t in cols.subtree(c))
            if " " in words and lex.evaluations.get(words) in ("false", "dismissive"):
                return st._Verdict(st.DENY, f"content:evaluation:{words}", claimed)
    return None


def _holding_verdict(root: Token, claimed: list[Token], negated: bool,
                     lex: st.StanceLexicon) -> st._Verdict | None:
    """What was said, said not to hold: a verb with its particle or object that says a claim is
    true (``models/evaluations.tsv``, kind truth), negated: "the claim does not hold water", "the
    story does not stand up to scrutiny"."""
    if not negated or not claimed or root.pos_ != "VERB":
        return None
    for c in root.children:
        if c.dep_ in ("prt", "dobj"):
            words = f"{st._lemma(root)} {c.lower_ if c.dep_ == 'prt' else st._lemma(c)}"
            if lex.evaluations.get(words) == "truth":
                return st._Verdict(st.DENY, f"content:not-true:{words}", claimed)
    return None


def _mistaken_verdict(root: Token, subjects: list[Token], negated: bool,
                      lex: st.StanceLexicon) -> st._Verdict | None:
    """What someone said, got wrong: "the senator got the facts wrong", "the media got it wrong"
    (the object and its evaluation after it, however the parse hangs them; not one's own "I got it
    wrong", nor a thing that states nothing, "the waiter got the order wrong")."""
    if negated or st._lemma(root) != "get" or any(s.lower_ in ("i", "we") for s in subjects):
        return None
    cols = columns(root.doc)
    pairs = [(o, w) for o in st._objects(root) if o.dep_ == "dobj" for w in o.rights if w.dep_ == "amod"]
    pairs += [(o, w) for w in root.rights if w.dep_ in ("ccomp", "oprd", "acomp")
              for o in w.children if o.dep_ in st.SUBJECT_DEPS]
    for o, w in pairs:
        said = claim_like(o, lex) or o.lower_ in ("it", "that") or lex.evaluations.get(st._lemma(o)) == "evidence" \
            or st._lemma(o) in lex.disputes["evidential"]
        if said and lex.evaluations.get(st._lemma(w)) in ("false", "dismissive") and cols.pos[w.i] == "ADJ":
            return st._Verdict(st.DENY, f"content:evaluation:{st._lemma(w)}", [o])
    return None


def _unsupported_verdict(root: Token, subjects: list[Token], negated: bool,
                         lex: st.StanceLexicon) -> st._Verdict | None:
    """A claim that a thing does not show true: a verb of corroboration (``models/disputes.tsv``),
    negated, with a claim for object and for subject a thing that shows (evidence, a document, a
    number: "the data do not support his claim", "the numbers don't back up the story"; not "the
    senator does not support the plan", nor "voters do not back the claim")."""
    if not negated or root.pos_ != "VERB" or st._passive(root):
        return None
    particle = next((c.lower_ for c in root.children if c.dep_ == "prt"), None)
    words = f"{st._lemma(root)} {particle}" if particle else st._lemma(root)
    documents = word_classes().get("document", frozenset())
    if words not in lex.disputes["corroborating"] or not subjects or not all(
            s.pos_ == "NOUN" and (lex.evaluations.get(st._lemma(s)) in ("evidence", "ground")
                                  or st._lemma(s) in documents or st._lemma(s) in lex.disputes["evidential"])
            for s in subjects):
        return None
    claims = [o for o in st._objects(root) if o.dep_ == "dobj" and claim_like(o, lex)]
    return st._Verdict(st.DENY, f"content:not-supported:{words}", claims) if claims else None


def _twisted_verdict(root: Token, subjects: list[Token], negated: bool,
                     lex: st.StanceLexicon) -> st._Verdict | None:
    """What someone said, twisted by another: "the paper misinterpreted his remarks", "the article
    mischaracterized my words" (not the speaker's own: "I misread the letter")."""
    kind = lex.evaluations.get(st._lemma(root))
    if negated or root.pos_ != "VERB" or st._passive(root) or kind not in ("false", "dismissive") \
            or any(s.lower_ in ("i", "we") for s in subjects):
        return None
    said = [o for o in st._objects(root) if o.dep_ == "dobj" and st._object_class(o, lex) == "utterance"]
    return st._Verdict(st.DENY, f"content:evaluation:{st._lemma(root)}", said) if said else None


def _fragment_verdict(root: Token, lex: st.StanceLexicon) -> st._Verdict | None:
    """A quote that is an evaluation alone: "Completely false", "Totally untrue", "Not true"."""
    cols = columns(root.doc)
    dep, kids = cols.dep, cols.children(root.i)
    if cols.pos[root.i] not in ("ADJ", "NOUN") or dep[root.i] in ("conj", "appos") or any(
            dep[c] in st.SUBJECT_DEPS or dep[c] == "cop" for c in kids):
        return None
    kind = lex.evaluations.get(st._eval_key(root, lex) or "")
    if any(dep[c] in ("compound", "npadvmod", "nmod") and st._object_class(root.doc[c], lex) == "proposal"
           for c in kids):
        return None  # "(called) the plan nonsense" criticises a plan
    negated = any(dep[c] == "neg" or cols.lower[c] in lex.negators for c in kids)
    if kind == "false" and not negated:
        return st._Verdict(st.DENY, f"content:evaluation:{st._eval_key(root, lex)}", [root])
    if kind == "truth" and negated:
        return st._Verdict(st.DENY, f"content:not-true:{st._eval_key(root, lex)}", [root])
    return None


def _ground_verdict(root: Token, subjects: list[Token], claimed: list[Token],
                    lex: st.StanceLexicon) -> st._Verdict | None:
    """"There is no truth in it", "no reports support the claims", "the charges have no basis",
    "the claims lack evidence", "the allegations are without merit", "the claims are not
    supported by any evidence"."""
    doc = root.doc
    cols = columns(doc)
    lemma, kids = cols.lemma[root.i], cols.children(root.i)
    existential = any(cols.dep[c] == "expl" for c in kids)
    negated = st._negated(root, lex) or any(st._negative(s, lex) for s in subjects)
    for i in kids:
        if cols.dep[i] not in ("agent", "prep", "attr", "dobj"):
            continue  # the only words a ground is read from
        c = doc[i]
        if c.dep_ == "agent" and claimed and negated and st._passive(root):
            grounds = [g for g in c.children if g.dep_ == "pobj"
                       and lex.evaluations.get(st._lemma(g)) in ("ground", "evidence")]
            if grounds:
                return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(grounds[0])}", claimed)
        if c.dep_ == "prep" and c.lower_ == "without" and claimed and lemma == "be":
            grounds = [g for g in c.children if g.dep_ == "pobj"
                       and lex.evaluations.get(st._lemma(g)) in ("ground", "evidence")]
            if grounds:
                return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(grounds[0])}", claimed)
        if c.dep_ not in ("attr", "dobj"):
            continue
        missing = lemma == "lack" or negated or st._negative(c, lex)
        if st._lemma(c) not in lex.evaluations:
            c = st._head_noun(c)  # "not a shred of truth", "not one bit of evidence"
        kind = lex.evaluations.get(st._lemma(c))
        if not missing:
            continue
        if existential:
            inside = [t for t in c.subtree if t.i != c.i and st._object_class(t, lex) in st.CLAIM_CLASSES]
            # "no way that X", not "no way to"
            clause = st._lemma(c) == "way" and any(
                g.dep_ in ("acl", "relcl", "ccomp") and g.pos_ in ("VERB", "AUX") and not _future(g)
                and any(h.dep_ in st.SUBJECT_DEPS for h in g.children) for g in c.children)
            if kind == "ground" or (kind == "evidence" and (inside or st._that_clause(c) or clause)):
                return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(c)}", inside or [c])
            if lex.objects.get(st._lemma(c)) in ("allegation", "utterance") and any(
                    t.pos_ == "VERB" for t in c.subtree) and any(
                    lex.objects.get(st._lemma(t)) in ("allegation", "utterance") for t in inside):
                return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(c)}", inside)
        elif claimed and kind in ("ground", "evidence") and lemma in ("have", "lack"):
            return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(c)}", claimed)
        elif c.dep_ == "dobj" and (shown := st._missing_ground(c, root, lex)):
            # "the inquiry found no evidence of wrongdoing", "he has no proof of that"
            return st._Verdict(st.DENY, f"content:no-ground:{st._lemma(c)}", shown)
    return None


def _future(verb: Token) -> bool:
    """A clause of what will be: "we will let them in", "we are going to sink it" (a vow or a
    prediction, not a claim answered: "there is no way we will let them in"; reported, "would",
    but not "would have" opened)."""
    auxes = [st._lemma(c) for c in verb.children if c.dep_ == "aux"]
    return any(a in ("will", "shall") or (a == "would" and "have" not in auxes) for a in auxes) or (
        verb.lower_ in ("going", "gon") and any(c.dep_ == "xcomp" for c in verb.children))


def clause_tokens(token: Token) -> list[Token]:
    """The subtree of ``token`` without the clauses embedded in it."""
    doc = token.doc
    return [doc[i] for i in clause_indices(columns(doc), token.i)]


def clause_indices(cols: Columns, i: int) -> list[int]:
    """The indices of :func:`clause_tokens` of the token at index ``i``, in its order."""
    dep = cols.dep
    out, stack = [], [i]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in cols.children(t) if dep[c] not in EMBEDDED_DEPS)
    return out


def _definite(noun: Token) -> bool:
    cols = columns(noun.doc)
    dep, lower = cols.dep, cols.lower
    return any(dep[c] == "poss" or (dep[c] == "det" and lower[c] in ("the", *st.DEMONSTRATIVES))
               for c in cols.children(noun.i))


NEGATIVE_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir", "dis")
"""Prefixes that make an adjective say its stem is not so ("unrelated", "unconnected")."""


def negative_stem(word: str) -> str:
    """The word less a negative prefix ("unrelated" → "related"), or "" if it has none."""
    return next((word[len(p):] for p in NEGATIVE_PREFIXES if word.startswith(p) and len(word) > len(p) + 3), "")


def _involvement_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool,
                         lex: st.StanceLexicon) -> st._Verdict | None:
    """"Had no role in", "had nothing to do with", "was not involved", "are not related"."""
    if any(s.lower_ in REPROACH_SUBJECTS for s in subjects):
        return None  # "you have not been involved" reproaches; "that is not part of" describes
    for p in preds:  # "I am innocent"; "the photo is unrelated to the attack" (not related)
        if not negated and p.pos_ == "ADJ" and (lex.objects.get(p.lower_) == "innocent" or (
                p.lower_ not in lex.objects and lex.objects.get(negative_stem(p.lower_)) == "involved")):
            return st._Verdict(st.DENY, f"content:no-involvement:{p.lower_}", subjects)
    if not st._passive(root) and root.pos_ == "VERB":  # "pleaded not guilty" (not "was found not guilty")
        for c in root.children:
            if c.pos_ == "ADJ" and lex.objects.get(c.lower_) == "involved" and any(
                    g.dep_ == "neg" for g in c.children):
                return st._Verdict(st.DENY, f"content:no-involvement:{c.lower_}", subjects)
    if negated:
        for p in preds:
            if p.pos_ not in ("ADJ", "VERB") or (p.pos_ == "VERB" and not st._passive(p)):
                continue  # "does not involve X" says what a thing includes; nouns: below
            if lex.objects.get(p.lower_) == "involved":
                return st._Verdict(st.DENY, f"content:no-involvement:{p.lower_}", subjects)
    if negated and st._lemma(root) == "be":
        # "is not in any way connected to", "was not at all involved"
        for c in root.children:
            if c.dep_ not in ("prep", "advmod", "acomp", "attr"):
                continue
            cols = columns(c.doc)
            for t in clause_indices(cols, c.i):
                if cols.pos[t] in ("ADJ", "VERB") and lex.objects.get(cols.lower[t]) == "involved":
                    return st._Verdict(st.DENY, f"content:no-involvement:{cols.lower[t]}", subjects)
    if st._lemma(root) not in lex.holders:
        return None
    for c in root.children:
        if c.dep_ not in ("dobj", "attr") or not (st._negative(c, lex) or st._negated(root, lex)):
            continue
        if c.lower_ == "nothing" and any(st._lemma(g) == "do" and any(h.lower_ == "with" for h in g.children)
                                         for g in c.children):
            return st._Verdict(st.DENY, "content:no-involvement:nothing to do", subjects)
        with_prep = any(g.dep_ == "prep" for g in (*c.children, *root.children))
        if lex.objects.get(st._lemma(c)) == "involvement" and not _definite(c) and with_prep:
            return st._Verdict(st.DENY, f"content:no-involvement:{st._lemma(c)}", subjects)
    return None


def own_verb_verdict(root: Token, lex: st.StanceLexicon, cues: dict[str, CueEntry]) -> st._Verdict | None:
    """The article's own sentence whose verb denies ("The claims were refuted", a headline
    "X denies"), evaluates an allegation ("X called the reports fake") or has a denial for its
    object ("X issued a denial")."""
    if root.pos_ != "VERB" or st._negated(root, lex):
        return None
    idiom = st.idiom_verdict(root, lex)
    if idiom is not None:
        return idiom if idiom.act == st.DENY else None
    entry = cues.get(st._lemma(root))
    if entry is None:
        nominal = next((v for o in st._objects(root)
                        if (v := st._nominal_verdict(st._head_noun(o), lex, cues))), None)
        if nominal is not None:
            return nominal  # "the ministry issued a denial of the reports"
        if not any(claim_like(o, lex) for o in st._objects(root)):
            return None
        verdict = st._cue_verdict(root, "assert", st._lemma(root), lex)
    elif entry.act in st.DENYING_ACTS:
        verdict = st._cue_verdict(root, entry.act, st._lemma(root), lex)
        if verdict is None and entry.act == st.DENY:
            verdict = st._Verdict(st.DENY, f"cue:{st._lemma(root)}", st._objects(root))
    else:
        return None
    return verdict if verdict is not None and verdict.act == st.DENY else None


def _published(subject: Token, cues: dict[str, CueEntry]) -> bool:
    """What was published or said, named by what was done to it: "nothing published on the site",
    "everything reported there"."""
    publishing = word_classes().get("publishing", frozenset())
    return subject.pos_ == "PRON" and any(
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and (st._lemma(c) in cues or st._lemma(c) in publishing)
        for c in subject.children)


def _lying_verdict(root: Token, subjects: list[Token], negated: bool,
                   lex: st.StanceLexicon) -> st._Verdict | None:
    """Someone said to tell untruths now: "the opposition is lying about the budget", "they
    are twisting the facts" (the present, or "about" what is said; "he lied to the court" accuses)."""
    kind = lex.evaluations.get(st._lemma(root))
    if negated or root.pos_ != "VERB" or kind not in ("false", "dismissive") or st._passive(root) \
            or not subjects \
            or any(s.lower_ in ("i", "we") for s in subjects):
        return None
    progressive = root.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                             for c in root.children)
    about = root.tag_ in ("VBZ", "VBP") and any(c.dep_ == "prep" and c.lower_ == "about"
                                                 for c in root.children)
    if progressive or about:
        return st._Verdict(st.DENY, f"content:evaluation:{st._lemma(root)}", subjects)
    return None


def _negated_verdict(root: Token, subjects: list[Token], preds: list[Token], negated: bool,
                     lex: st.StanceLexicon, cues: dict[str, CueEntry],
                     speaker_subject: bool) -> st._Verdict | None:
    """What is negated is a lie, a wrong, an event claimed, or what one is said to have said:
    "she did not lie", "she is not a liar", "I did nothing wrong", "there was no wrongdoing", "that
    never happened", "no such law exists", "I never said that"."""
    doc = root.doc
    cols = columns(doc)
    dep, lower = cols.dep, cols.lower
    lemma = cols.lemma[root.i]
    wrongful = lex.disputes["wrongful"]
    if lemma in ("do", "be", "commit") and not any(s.lower_ == "you" for s in subjects):
        for o in (c for c in root.children
                  if c.dep_ in ("dobj", "attr") and (negated or st._negative(c, lex))):
            # "did nothing wrong", "did not do anything illegal" (the parse may hang it on the verb)
            wrong = next((g.lower_ for g in (*o.children, *root.children) if g.lower_ in wrongful
                          and g.dep_ in ("amod", "advmod", "acomp", "oprd", "advcl")), None)
            if wrong is not None:
                return st._Verdict(st.DENY, f"content:no-involvement:{o.lower_} {wrong}", subjects)
            if st._lemma(o) in lex.disputes["wrong"]:  # "there was no wrongdoing", "committed no misconduct"
                return st._Verdict(st.DENY, f"content:no-involvement:{st._lemma(o)}", subjects)
    for p in preds if negated else ():
        kind = lex.evaluations.get(st._lemma(p))
        if kind == "false" and ((p.pos_ == "VERB" and not st._passive(p)) or p.lower_ in ("liar", "liars")):
            return st._Verdict(st.DENY, f"content:not-false:{st._lemma(p)}", subjects)
    such = [s for s in (*subjects, *(doc[c] for c in cols.children(root.i) if dep[c] == "attr"))
            if any(lower[g] == "such" for g in cols.children(s.i)) and (negated or st._negative(s, lex))]
    # an object said or asked: "we have never received any such request", "we received no such
    # letter" (not "I have never seen such a crowd", "she had no such praise for him")
    such += [o for o in (doc[c] for c in cols.children(root.i) if dep[c] == "dobj")
             if any(lower[g] == "such" for g in cols.children(o.i)) and (negated or st._negative(o, lex))
             and any(dep[g] == "det" and lower[g] in ("any", "no") for g in cols.children(o.i))
             and st._object_class(o, lex) is not None]
    if not negated and not such:
        return None
    if such or (lemma in lex.disputes["event"] and any(
            s.lower_ in st.DEMONSTRATIVES or claim_like(s, lex) or (lemma == "exist" and s.pos_ == "PROPN")
            for s in subjects)):
        return st._Verdict(st.DENY, f"content:no-such:{st._lemma((such or subjects)[0])}", such or subjects)
    if lemma == "be" and any(s.lower_ in st.DEMONSTRATIVES for s in subjects):
        # "that's not what I said", "that is not what happened" (not "that is not what we want")
        for c in root.children:
            what = c.dep_ in ("ccomp", "attr", "relcl") and any(g.lower_ == "what" for g in c.children)
            entry = cues.get(st._lemma(c))
            if what and (st._lemma(c) in lex.disputes["event"] or (
                    entry is not None and entry.kind == "speech" and entry.act == "assert")):
                return st._Verdict(st.DENY, f"content:never-said:{st._lemma(c)}", subjects)
    if lemma in lex.disputes["uttering"] and not any(s.lower_ == "you" for s in subjects) and not any(
            c.lower_ in ("yet", "still") for c in root.children):
        # "he did not make those remarks", "I never wrote that letter" (not "we have not issued a statement")
        made = [o for o in st._objects(root) if o.dep_ == "dobj" and st._object_class(o, lex) == "utterance"
                and (_definite(o) or o.lower_ in st.DEMONSTRATIVES)]
        if made:
            return st._Verdict(st.DENY, f"content:never-said:{lemma}", subjects)
    entry = cues.get(lemma)
    if entry is not None and entry.kind == "speech" and entry.act == "assert" and not any(
            s.lower_ == "you" for s in subjects):
        # an utterance pointed at, said by anyone: "she never said those words", "the quote was
        # never said by her" (not "he never said the word sorry", "she has not said a word")
        pointed = [o for o in st._objects(root) if o.dep_ in ("dobj", "nsubjpass")
                   and st._object_class(o, lex) == "utterance"
                   and (any(g.dep_ == "det" and g.lower_ in st.DEMONSTRATIVES for g in o.children)
                        or (o.dep_ == "nsubjpass" and _definite(o)))]
        if pointed:
            return st._Verdict(st.DENY, f"content:never-said:{lemma}", pointed)

    kids = cols.children(root.i)
    said = any(dep[c] not in st.SUBJECT_DEPS and lower[c] in st.DEMONSTRATIVES | {"anything", "such"}
               for c in kids) or any(
        dep[c] == "ccomp" and any(dep[g] == "mark" and lower[g] == "that" for g in cols.children(c))
        for c in kids) or (
        # "I never said that," (the parser hangs a closing "that" on the verb outside the quote)
        root.i + 2 < len(doc) and lower[root.i + 1] in st.DEMONSTRATIVES and cols.is_punct[root.i + 2])
    if entry is not None and entry.kind == "speech" and entry.act == "assert" and said and (
            speaker_subject or any(s.lower_ in ("i", "we") for s in subjects)):
        return st._Verdict(st.DENY, f"content:never-said:{lemma}", subjects)
    return None


def _shown_verdict(root: Token, subjects: list[Token], negated: bool,
                   lex: st.StanceLexicon) -> st._Verdict | None:
    """A reported item said to be, in fact, something else: "the photo was actually taken in 2009",
    "in fact, the video shows a concert in 2011" (what it was shown as is denied)."""
    shown = lex.disputes["shown"]
    items = [s for s in subjects if st._lemma(s) in shown or s.lower_ in shown]
    if negated or not items or st._lemma(root) not in lex.disputes["showing"]:
        return None
    if contrasted(root, lex):
        return st._Verdict(st.DENY, f"content:contrast:{st._lemma(items[0])}", items)
    return None


def contrasted(root: Token, lex: st.StanceLexicon) -> bool:
    """A clause set against what is believed: "actually", "in fact" on its verb."""
    contrast = lex.disputes["contrast"]
    return any((c.dep_ == "advmod" and c.lower_ in contrast) or (c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lower_ in contrast for g in c.children)) for c in root.children)


def _contrary_verdict(root: Token, negated: bool, lex: st.StanceLexicon) -> st._Verdict | None:
    """The sentence contradicts what it names: "contrary to the viral post, the mayor has not
    resigned", "contrary to what the post says, ..."; "despite reports that he quit, the mayor has not resigned" (negated only)."""
    for c in root.children:
        role = "contrary" if c.lower_ in lex.disputes["contrary"] else (
            "despite" if c.lower_ in lex.disputes["despite"] and c.dep_ == "prep" else None)
        if role is None or (role == "despite" and not negated):
            continue
        heads = [c] if role == "despite" else [g for g in c.children if g.dep_ == "prep" and g.lower_ == "to"]
        for o in (g for h in heads for g in h.children if g.dep_ in ("pobj", "pcomp")):
            if o.dep_ == "pcomp":  # "contrary to what the post says": the free relative said
                speech = cue_lexicon().get(st._lemma(o))
                if role == "contrary" and o.pos_ == "VERB" and speech is not None and speech.kind == "speech" \
                        and any(g.dep_ == "dobj" and g.lower_ == "what" for g in o.children):
                    return st._Verdict(st.DENY, f"content:contrary:{st._lemma(o)}", [o])
                continue
            cls = st._object_class(o, lex)
            said = any(g.dep_ in ("relcl", "acl") for g in o.children) and o.lower_ == "what"
            if cls in ("allegation", "proposition") or (role == "contrary" and (cls == "utterance" or said)):
                return st._Verdict(st.DENY, f"content:{role}:{st._lemma(st._head_noun(o))}", [o])
    return None


def clauses(roots: list[Token], lex: st.StanceLexicon) -> list[Token]:
    """The clauses of what is said: its roots, the clauses coordinated with them or set beside
    them, the clause under a verb that holds it true ("I suspect the video is a hoax", "the court
    found that she did not lie"), and clauses of reason or concession ("... because the photo is
    fake"); not conditions, nor what others are said to say."""
    if not roots:
        return []
    doc = roots[0].doc
    cols = columns(doc)
    dep, pos, lemma, lower = cols.dep, cols.pos, cols.lemma, cols.lower
    holding = lex.disputes["holding"]
    out, seen = [], set()
    queue = [r.i for r in roots]
    while queue:
        r = queue.pop(0)
        if r in seen:
            continue
        seen.add(r)
        out.append(doc[r])
        holds = lemma[r] in holding and not (
            st._negated_at(cols, r, lex) or st._hypothetical_at(cols, r, lex, True))
        for c in cols.children(r):
            if dep[c] in ("dobj", "pobj", "attr", "nsubj") and pos[c] in ("NOUN", "PROPN") \
                    and not (st._negative_at(cols, c, lex) or st._negated_at(cols, r, lex)):
                # "records showing that the claims are false": what a thing held true shows
                queue += [g for g in cols.children(c) if dep[g] == "acl" and lemma[g] in holding
                          and not (st._negated_at(cols, g, lex) or st._hypothetical_at(cols, g, lex, True))]
            if pos[c] not in ("VERB", "AUX"):
                continue
            if dep[c] in ("conj", "parataxis") or (dep[c] in ("ccomp", "xcomp") and holds) or (
                    dep[c] == "advcl" and not st._hypothetical_at(cols, c, lex, True)
                    and not any(dep[g] == "mark" and lower[g] in ("for", "to") for g in cols.children(c))):
                queue.append(c)
    return out


def clause_verdict(root: Token, lex: st.StanceLexicon, cues: dict[str, CueEntry], own: bool,
                    speaker_subject: bool = False) -> st._Verdict | None:
    """Content that denies: an allegation called false, no truth in it, no part in something;
    in the article's own sentence (``own``), or when the speaker is the subject of what is said
    (``speaker_subject``: "the company said it categorically denies the allegations"), also a
    denying verb."""
    if st._hypothetical(root, lex, hedged=False):
        return _phrase_verdict(root, [], lex)  # "nothing could be further from the truth"
    subjects, preds = predicates(root)
    if not subjects and root.dep_ == "conj":  # "the rumour has spread and is false": the first verb's
        subjects = predicates(root.head)[0]
    negated = st._negated(root, lex) or any(st._negated(p, lex) for p in preds) or any(
        st._negative(s, lex) for s in subjects)
    claimed = [s for s in subjects if (claim_like(s, lex) or _published(s, cues))
               and not (s.lower_ == "it" and any(_extraposed(p) for p in (root, *preds)))]
    things = [s for s in subjects if not claimed and s.pos_ in ("NOUN", "PROPN") and not st._about_person(s)]
    complements = [g for c in root.children if root.pos_ == "VERB" and (c.dep_ in ("oprd", "acomp") or (
        c.dep_ == "prep" and c.lower_ == "as")) for g in ([c] if c.dep_ != "prep" else c.children)]
    evaluated = claimed or things
    verdict = (evaluated and _false_verdict(root, [*preds, *complements], evaluated, negated, lex,
                                            not claimed)) \
        or _ground_verdict(root, subjects, claimed, lex) \
        or _extraposed_verdict(root, subjects, preds, negated, lex, cues) \
        or _contrary_verdict(root, negated, lex) \
        or _shown_verdict(root, subjects, negated, lex) \
        or _holding_verdict(root, claimed, negated, lex) \
        or _unsupported_verdict(root, subjects, negated, lex) \
        or _mistaken_verdict(root, subjects, negated, lex) \
        or (not negated and _phrase_verdict(root, claimed or [  # "took his words out of context"
            o for o in st._objects(root) if o.dep_ == "dobj" and claim_like(o, lex)], lex))
    if verdict:
        return verdict  # a hedged evaluation still denies: "the reports may have been exaggerated"
    if st._hypothetical(root, lex):
        return None
    verdict = _involvement_verdict(root, subjects, preds, negated, lex) \
        or _lying_verdict(root, subjects, negated, lex) \
        or _twisted_verdict(root, subjects, negated, lex) \
        or (not own and _fragment_verdict(root, lex)) \
        or _negated_verdict(root, subjects, preds, negated, lex, cues, speaker_subject)
    if verdict or not (own or speaker_subject):
        return verdict
    verdict = own_verb_verdict(root, lex, cues)
    if verdict is None and own:  # "X pushed back against the report, calling it fake news"
        verdict = next((v for c in root.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                        if (v := own_verb_verdict(c, lex, cues))), None)
    if verdict is not None and not own:
        return st._Verdict(st.DENY, f"content:{verdict.rule}", verdict.about)
    return verdict
