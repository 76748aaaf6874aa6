"""The content of a cue verb, read off the parse: its clausal complement (:func:`clause`), the
clause a parenthetical cue is set in (:func:`parenthetical`, split around the cue by
:func:`around`), or what the cue's frames allow (:func:`by_frames`: an object, a predicate, an
infinitive, a phrase; ``models/cue_frames.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .columns import columns
from .context import Context
from .drafts import trim as _trim
from .quotes import QUOTE_CHARS
from .resources import CueEntry, blocker_verbs, denial_objects, evaluation_words
from .segment import Segment
from .speakers import RELATIVE_PRONOUNS
from .syntax import misread_object_predicate, misread_participle, name_before_cue

CLAUSE_DEPS = {"ccomp"}
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
DENYING_ACTS = {"deny", "reject"}
CLAIMED_CLASSES = {"allegation", "utterance", "involvement"}
"""Classes of ``models/denial_objects.tsv`` whose nouns a denying cue takes as what it denies."""
GAP_FILLERS = {"dobj", "ccomp", "xcomp", "oprd", "nsubjpass", "dative"}
"""Dependents that fill a relative clause's object (no gap left for its head noun)."""


def clause(ctx: Context, verb: Token) -> tuple[Span, str] | None:
    """The cue's clausal complement: the one after it, else one set just before it and its
    subject (``X, he said``). A coordinated cue inside it with no subject of its own
    (``said X and called Y``) is left out: it reports a statement of its own."""
    doc = verb.doc
    misread = misread_participle(verb)
    if misread is not None:  # ", implying other lenders would be next": all after the participle
        return doc[verb.i + 1 : misread.right_edge.i + 1], "ccomp"
    cols = columns(doc)  # the verb's dependents read by index: a Token only for a clause
    dep, kids = cols.dep, cols.children
    # not a particle the parse took for a clause (the "'s" of "contradicting the police's claim")
    clauses = [doc[c] for c in kids(verb.i) if dep[c] in CLAUSE_DEPS and cols.pos[c] not in ("PART", "PUNCT")]
    # "said, mentioning ...": a participle after a comma reports on its own, it is no complement
    right = [
        c
        for c in clauses
        if c.i > verb.i and not (c.tag_ == "VBG" and doc[c.left_edge.i - 1].text == ",")
    ]
    hidden = None if right else (_hidden_clause(verb) or _gerund_subject(verb))
    if hidden is not None:
        return hidden, "ccomp"
    if right:
        child = right[0]
    else:
        group = min([verb.i] + [doc[c].left_edge.i for c in kids(verb.i) if dep[c] in ("nsubj", "nsubjpass")])
        left = [  # only marks and the cue's adverbs between ("X, eventually, a rival says")
            c
            for c in clauses
            if all(
                cols.is_punct[t] or cols.is_space[t] or (dep[t] == "advmod" and cols.head[t] == verb.i)
                for t in range(c.right_edge.i + 1, group)
            )
        ]
        if not left:
            return None
        child = left[-1]
    end = child.right_edge.i + 1
    named = name_before_cue(verb) if child.i < verb.i else None
    if named is not None and child.left_edge.i <= named.i <= child.right_edge.i:  # put in the clause
        end = named.left_edge.i
        while end > child.i + 1 and cols.is_punct[end - 1]:
            end -= 1
    for conj in (doc[c] for c in kids(child.i) if c > child.i and dep[c] in ("conj", "advcl")):  # child.rights
        # a cue coordinated with the clause, or a participle after a comma the parse hung on it
        # ("told reporters the plan was dead, adding, ..."): the cue's own statement, by its speaker
        participle = dep[conj.i] == "advcl" and conj.tag_ == "VBG" and conj.left_edge.i == conj.i \
            and doc[conj.i - 1].text == ","
        if (
            (dep[conj.i] == "conj" or participle)
            and ctx.cue_entry(conj) is not None
            and not any(dep[c] in ("nsubj", "nsubjpass") for c in kids(conj.i))
        ):
            ctx.speaker_of[conj.i] = verb.i
            end = conj.left_edge.i
            while end > child.i + 1 and dep[end - 1] in ("cc", "punct"):
                end -= 1
            break
    start = child.left_edge.i
    gerund = next((g for g in (doc[c] for c in kids(verb.i) if c > verb.i and dep[c] == "xcomp")
                   if g.tag_ == "VBG" and g.left_edge.i == verb.i + 1 and g.right_edge.i + 1 == start), None)
    if gerund is not None and child.i > verb.i:
        start = gerund.left_edge.i  # "said closing it could save money": the gerund is the clause's subject
    return doc[start:end], "ccomp"


def _hidden_clause(verb: Token) -> Span | None:
    """A complement the parse hung elsewhere: a "that" clause attached to a noun of a phrase
    after the cue ("said during a news conference that ...")."""
    doc = verb.doc
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for t in prep.subtree:
            if t.dep_ in ("relcl", "acl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in t.children
            ):
                return doc[min(m.i for m in t.children if m.dep_ == "mark") : t.right_edge.i + 1]
    return None


def _gerund_subject(verb: Token) -> Span | None:
    """A clause with a gerund subject the parse hung as the cue's own complement ("said closing the
    plant would cost jobs": "closing" a complement of "said", "would cost" a clause of "closing")."""
    doc = verb.doc
    for child in verb.rights:
        if child.dep_ in ("xcomp", "csubj") and child.tag_ == "VBG" and child.left_edge.i == verb.i + 1:
            inner = next((c for c in child.rights if c.dep_ == "ccomp"
                          and not any(m.dep_ == "mark" for m in c.children)
                          and (c.tag_ in FINITE_TAGS or any(a.dep_ == "aux" for a in c.children))), None)
            if inner is not None:
                return doc[child.left_edge.i : inner.right_edge.i + 1]
        break
    return None


def parenthetical(ctx: Context, verb: Token, seg: Segment) -> tuple[Span, str] | None:
    """``X, he said, Y`` and ``As the Ledger reported, X``: the cue hangs from the clause it reports."""
    head = verb.head
    doc = verb.doc
    inverted = any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
    # "X, but Y, said Z": an inverted cue after a comma, parsed as the last conjunct of what it reports
    last_conjunct = (verb.dep_ == "conj" and inverted and verb.left_edge.i == verb.i
                     and doc[verb.i - 1].text == "," and not any(c.dep_ == "conj" for c in verb.children))
    if head.i == verb.i or (verb.dep_ not in ("parataxis", "advcl", "ccomp") and not last_conjunct):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    first = doc[verb.left_edge.i]
    reporting_as = (
        first.lower_ == "as"
        and first.dep_ == "mark"
        and first.head.i == verb.i
        and (first.i == seg.span.start or doc[first.i - 1].is_punct or doc[first.i - 1].dep_ == "cc")
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in verb.rights)
    )
    if not reporting_as and any((c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")) and c.i < verb.i
                                for c in verb.children):
        return None  # "when he said", "as she said goodbye"; but "as the Ledger reported, X"
    if verb.dep_ == "ccomp" and ctx.cue_entry(head) is not None:
        # "X did not complain ..., an official said": the clause the later cue reports;
        # "the paper reported that X had denied it": the clause the earlier cue reports
        return None
    if verb.dep_ == "advcl" and verb.i > 0 and not doc[verb.left_edge.i - 1].is_punct and not reporting_as:
        return None
    if reporting_as and head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "The bridge, as the minister noted, was closed": the clause of its noun
    lo, hi = max(head.left_edge.i, seg.span.start), min(head.right_edge.i + 1, seg.span.end)
    inner = (verb.left_edge.i, verb.right_edge.i + 1)
    for c in verb.lefts:  # "X, sooner than expected, the office reported": the adverbial is what is reported
        if c.dep_ == "advmod" and c.right_edge.i + 1 < verb.i and doc[c.right_edge.i + 1].text == ",":
            inner = (c.right_edge.i + 2, inner[1])
    left = doc[lo : inner[0]]
    right = doc[inner[1] : hi]
    words = [sum(1 for t in side if not (t.is_punct or t.is_space)) for side in (left, right)]
    if words[0] and words[1] and sum(words) >= 3:
        return doc[lo:hi], "parenthetical"
    if max(words) < 3:
        return None
    return (left if words[0] >= words[1] else right), "parenthetical"


def around(ctx: Context, part: tuple[int, int], verb: Token) -> list[tuple[int, int]]:
    """The reported clause on both sides of a parenthetical cue, as two parts."""
    doc, text = verb.doc, ctx.text
    inner_start = doc[verb.left_edge.i].idx
    inner_end = doc[verb.right_edge.i].idx + len(doc[verb.right_edge.i])
    if not part[0] < inner_start < inner_end < part[1]:
        return [part]
    pieces = [
        _trim(text, part[0], inner_start, keep_marks=True),
        _trim(text, inner_end, part[1], keep_marks=True),
    ]
    return [p for p in pieces if p[1] > p[0]] or [part]


def by_frames(ctx: Context, verb: Token, entry: CueEntry) -> tuple[Span, str] | None:
    """The content a cue's frames allow: a question's clause, an object, a predicate, an infinitive, a
    phrase."""
    frames = ctx.frames.get(entry.lemma, frozenset())
    if not frames:
        return None
    doc = verb.doc
    marked = marked_clause(verb)
    if marked is not None:
        # the parser hangs a question ("asked (them) if the vote was fair") or a for-to clause
        # ("called for the mayor to resign") as an adverbial clause opened by its mark
        mark = doc[marked.left_edge.i]
        if "whether" in frames and mark.lower_ in ("if", "whether"):
            return doc[mark.i : marked.right_edge.i + 1], "ccomp"
        if f"pobj:{mark.lower_}" in frames and any(c.dep_ == "aux" and c.lower_ == "to" for c in marked.children):
            return doc[mark.i + 1 : marked.right_edge.i + 1], "infinitive"
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    preps = [c for c in verb.rights if c.dep_ in ("prep", "agent", "dative")]
    if " " in entry.lemma:  # a phrasal cue ("call on X to ..."): the particle's object is the object
        particle = entry.lemma.split(" ", 1)[1]
        prep = next((p for p in preps if p.lower_ == particle), None)
        if prep is not None and obj is None and not any(f.startswith("pobj:") for f in frames):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None and any(c.dep_ == "agent" for c in verb.children):
        # a passive with its agent: "the claim was denied by the ministry"
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and (
            "object" in frames or ("proposition" in frames and _proposition(ctx, subject, entry))
        ):
            return doc[subject.left_edge.i : subject.right_edge.i + 1], "object"
    relative = next((c for c in verb.lefts if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS), None)
    if obj is None and verb.dep_ == "relcl" and (relative is not None or _gap(ctx, verb, entry)):
        # "claims of bribery, which he denied", "a charge it denies": what the relative stands for
        head = verb.head
        if "object" in frames or ("proposition" in frames and _proposition(ctx, head, entry)):
            end = verb.left_edge.i
            while end > head.left_edge.i and doc[end - 1].is_punct:
                end -= 1
            return doc[head.left_edge.i : end], "object"
        return None
    if obj is None and "object" in frames:
        # a gerund for object: "denied taking the payment", "admitted moving the funds", "denied
        # ever meeting him" (only its adverbs between)
        obj = next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"
                    and all(t.dep_ == "advmod" and t.head.i == c.i for t in doc[verb.i + 1 : c.i])),
                   None)
    if obj is not None:
        lo, hi = obj.left_edge.i, obj.right_edge.i + 1
        as_prep = next((p for p in preps if p.lower_ == "as"), None)
        if "as" in frames and as_prep is not None:
            return doc[lo : as_prep.right_edge.i + 1], "predicative"
        # an object predicate; the parser sometimes calls an adjective one advmod ("branded X groundless")
        predicate = [c for c in verb.rights if c.i > obj.i and (
            c.dep_ in ("oprd", "ccomp", "acomp") or (c.dep_ == "advmod" and c.pos_ == "ADJ"))]
        predicate = predicate or _quoted_appositive(ctx, obj)
        if not predicate and misread_object_predicate(verb, denial_objects(), evaluation_words()) is not None:
            predicate = [obj]  # "called the report nonsense", read as one noun phrase
        if "predicate" in frames and predicate:
            return doc[lo : predicate[-1].right_edge.i + 1], "predicative"
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and c.i > obj.i), None)
        if "to" in frames and xcomp is not None:
            return doc[lo : xcomp.right_edge.i + 1], "infinitive"
        for p in preps:
            if f"prep:{p.lower_}" in frames and p.i > obj.i:
                return doc[lo : p.right_edge.i + 1], "object"
        if ctx.word("request", obj) or any(c.dep_ == "dative" for c in verb.children):
            return None  # an official act: "denied the request", "denied him a visa"
        if (
            "object" in frames
            or ("proposition" in frames and _proposition(ctx, obj, entry))
            or ("topic" in frames and not _person(ctx, obj))
        ):
            return doc[lo:hi], "object"
        return None
    as_object = _quoted_as_object(ctx, verb) if "as" in frames else None
    if as_object is not None:
        return doc[as_object.left_edge.i : as_object.right_edge.i + 1], "predicative"
    oprd = [c for c in verb.rights if c.dep_ == "oprd"]
    if "predicate" in frames and (len(oprd) >= 2 or (
            oprd and misread_object_predicate(verb, denial_objects(), evaluation_words()) is not None)):
        # "called it a lie" read as two predicates; "called the reports rubbish" as one
        return doc[oprd[0].left_edge.i : oprd[-1].right_edge.i + 1], "predicative"
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    if "to" in frames and xcomp is not None and any(c.lower_ == "to" for c in xcomp.lefts):
        return doc[xcomp.left_edge.i : xcomp.right_edge.i + 1], "infinitive"
    for p in preps:
        if f"pobj:{p.lower_}" in frames:
            pobj = next((c for c in p.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return doc[pobj.left_edge.i : pobj.right_edge.i + 1], "object"
    return None


def refused(verb: Token) -> Span | None:
    """A speech act refused, with nothing said: "declined to comment", "refused to answer
    questions about the loan" — the infinitive is what is reported (not a passive one: "declined to
    be named" reports nothing)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in blocker_verbs():
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts) or any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    return verb.doc[verb.left_edge.i : verb.right_edge.i + 1]


def _quoted_appositive(ctx: Context, obj: Token) -> list[Token]:
    """The parse's reading of an object predicate in quotation marks ('called the plan "a
    disgrace"'): an appositive of the object whose quote opens right after it."""
    for c in obj.rights:
        q = ctx.quote_at(c.left_edge.idx)
        if c.dep_ == "appos" and q is not None and q.start > obj.idx:
            if all(t.text in QUOTE_CHARS for t in obj.doc[obj.i + 1 : c.left_edge.i]):
                return [c]
    return []


def _quoted_as_object(ctx: Context, verb: Token) -> Token | None:
    """What a cue with no object names with "as" when it is quoted ('what she described as a
    "magical moment"'): the speaker's characterisation, a quoted fragment in the writer's words."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and any(ctx.quote_at(t.idx) is not None for t in pobj.subtree):
                return pobj
    return None


def marked_clause(verb: Token) -> Token | None:
    """An adverbial clause right after the verb (its modifiers aside) opened by a mark of its own
    ("asked if ...", "called for X to ...")."""
    for c in verb.rights:
        if c.dep_ == "advcl":
            mark = c.doc[c.left_edge.i]
            return c if mark.dep_ == "mark" and mark.head.i == c.i else None
    return None


def _person(ctx: Context, obj: Token) -> bool:
    """Whether an object names a person ("questioned the suspect", "questioned him")."""
    if obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that", "what", "which"):
        return True
    actor = ctx.table.actor_at(obj.i)
    return (
        obj.ent_type_ == "PERSON"
        or (actor is not None and actor.type == "PERSON")
        or any(ctx.word(cls, obj) for cls in ("anonymous", "male", "female"))
    )


def _gap(ctx: Context, verb: Token, entry: CueEntry) -> bool:
    """A relative clause without its pronoun whose gap is the cue's object: "a charge it has always
    denied", "an accusation he denies" (a subject of its own, no object or clause, and a head noun
    that is something said)."""
    return (
        verb.head.pos_ == "NOUN"
        and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
        and not any(c.dep_ in GAP_FILLERS for c in verb.children)
        and _proposition(ctx, verb.head, entry)
    )


def _proposition(ctx: Context, obj: Token, entry: CueEntry) -> bool:
    """Whether an object is something said (or a deed claimed: "claimed the bombing"); for a cue
    that denies or rejects, also a claim, an utterance or a part in something
    (``models/denial_objects.tsv``: "rejected the label", "dismissed the critique")."""
    if entry.act in DENYING_ACTS and (
        denial_objects().get(obj.lemma_.lower(), denial_objects().get(obj.lower_)) in CLAIMED_CLASSES
    ):
        return True
    if ctx.word("proposition", obj) or ctx.word("deed", obj) or any(
        c.dep_ in ("acl", "ccomp")
        and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" for m in c.children)
        for c in obj.children
    ):
        return True
    return any(ctx.quote_at(t.idx) is not None for t in obj.subtree)
