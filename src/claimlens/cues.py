"""The attribution stage's rules, one function per kind of cue, each drafting the statement of one
cue of a sentence: a cue verb (:func:`verb`: rules ``quote``, ``ccomp``, ``parenthetical``,
``object``, ``predicative``, ``infinitive``), ``according to`` (:func:`according_to`), ``in a
statement`` (:func:`in_source`), a colon (:func:`colon`), a noun of saying (:func:`nominal`), a
signing dash (:func:`dash`), ``reportedly`` (:func:`hearsay`). A rule reads its cue's speaker
mention (:mod:`claimlens.cuespeaker`) and content (:mod:`claimlens.cuecontent`) off the parse,
places them against the quotes (:mod:`claimlens.placement`) and has the mention resolved
(:mod:`claimlens.speakers`) as the statement is drafted (:func:`_draft`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .actors import fold
from .context import Context
from .cuecontent import FINITE_TAGS, around, by_frames, clause, parenthetical, refused
from .cuespeaker import speaker_token
from .drafts import CONFIDENCE, TRIM_CHARS, Draft
from .drafts import trim as _trim
from .layouts import no_speaker
from .placement import (
    adjacent_quote,
    closes_clause,
    free_quote,
    name_words_before,
    place,
    quote_type,
    with_partner,
)
from .quotes import QUOTE_CHARS, Quote
from .resources import CueEntry, denial_nouns
from .segment import Segment
from .speakers import RELATIVE_PRONOUNS, nobody
from .stance import DENY, _hypothetical, idiom_verdict, stance_lexicon
from .syntax import name_before_cue
from .syntax import name_phrase as _phrase

TOPIC_PREPOSITIONS = ("of", "about", "against")
"""Prepositions of what a noun of saying is about ("allegations of bias", "warnings about the dam")."""
PROPOSITION_POS = {"NOUN", "PROPN", "PRON", "NUM", "VERB", "AUX"}
"""Parts of speech without which a span states nothing ("At least")."""


def _draft(
    ctx: Context,
    parts: list[tuple[int, int]],
    rule: str,
    si: int,
    cue: Span,
    lemma: str,
    mention: Token | None,
    content: Span | None,
) -> Draft:
    text = ctx.text
    quotes = ctx.quotes_between(parts[0][0], parts[-1][1])
    for q in quotes:
        if any(s <= q.start and q.end <= e for s, e in parts) or any(
            q.start - 1 <= s and e <= q.end + 1 for s, e in parts
        ):
            ctx.used.add(q)
    speaker = (
        _phrase(mention)
        if mention is not None and mention.lower_ not in RELATIVE_PRONOUNS
        else (ctx.doc[mention.i : mention.i + 1] if mention is not None else None)
    )
    if len(parts) == 1 and rule == "quote":
        q = ctx.quote_at(parts[0][0])
        if q is not None and q.paragraphs and (q.start, q.end) == parts[0]:
            parts = list(q.paragraphs)  # a quotation over several paragraphs: one part each
    sent = min(si, ctx.sentence_of(parts[0][0]))  # where the content starts
    draft = Draft(
        parts=parts,
        quote=quote_type(text, parts, quotes, rule),
        sent=sent,
        rule=rule,
        cue=cue,
        cue_lemma=lemma,
        speaker=speaker,
        content=content,
    )
    if mention is not None and speaker is not None:
        draft.actor = ctx.speakers.resolve(mention, speaker)
        draft.anonymous = ctx.speakers.anonymous(mention, draft.actor)
    return draft


def verb(ctx: Context, si: int, seg: Segment, verb: Token, entry: CueEntry, cue: Span) -> Draft | None:
    shared = ctx.speaker_of.get(verb.i)
    mention = speaker_token(verb.doc[shared] if shared is not None else verb)
    if mention is not None and ctx.inside_quote(mention) and not _scare_quoted(ctx, mention):
        # a cue outside a quotation is not spoken by someone inside it; the parse may have taken a
        # word of the quote for the subject of the name after it ('"...," X, the party's ..., said')
        mention = _name_after_quote(ctx, mention, verb)
    doc = verb.doc
    inverted = False
    if mention is None:
        mention = name_before_cue(verb)  # "X, Okafor, who chairs it, told reporters"
    recipient = "recipient" in ctx.frames.get(entry.lemma, frozenset())
    if mention is None and verb.i > 0 and doc[verb.i - 1].text in QUOTE_CHARS + "," and not recipient:
        # '"...," said a driver waiting ...': the inverted subject parsed as a clause's subject (not
        # the one a verb of telling tells: '..., Okafor, who chairs it, told reporters')
        right = next((c for c in verb.rights if c.left_edge.i == verb.i + 1), None)
        if right is not None and right.pos_ in ("VERB", "AUX"):
            right = next((c for c in right.children if c.dep_ == "nsubj"), None)
        if right is not None and right.pos_ in ("NOUN", "PROPN") and right.left_edge.i == verb.i + 1:
            mention, inverted = right, True
            q = adjacent_quote(ctx, verb, cue, None, seg)
            if q is not None:
                return _quote_draft(ctx, si, verb, entry, cue, mention, q)
    if mention is not None and nobody(mention):
        return None  # "no report confirms it", "reports that support it ... there are none"
    speaker = _phrase(mention) if mention is not None else None
    frames = ctx.frames.get(entry.lemma, frozenset())
    found = clause(ctx, verb)
    if (
        found is None
        and "subject:document" in frames
        and not (
            mention is not None
            and (ctx.word("document", mention) or ctx.word("communication", mention))
        )
    ):
        return None  # "found his keys", "showed the visitors around": not a finding
    found = found or by_frames(ctx, verb, entry)
    if found is None and entry.kind == "speech" and (infinitive := refused(verb)) is not None:
        found, cue = (infinitive, "infinitive"), doc[verb.head.i : verb.head.i + 1]  # the refusal is the cue
    placed = place(ctx, *found, cue, seg) if found is not None else None
    q = adjacent_quote(ctx, verb, cue, speaker, seg)
    if (
        q is not None
        and q.end <= cue.start_char
        and "\n" not in ctx.text[q.end : cue.start_char]
        and closes_clause(ctx.text, q)
    ):
        # '"X," Y said on Z': the quote, whatever the parse makes of what follows the cue
        found, placed = None, ([(q.start, q.end)], "quote")
    # no content, or a clause before the cue while a quote follows it ("X, he replied: "...")
    if (
        (placed is None or (placed[1] != "quote" and found[0].end <= verb.i))
        and q is not None
        and (placed is None or q.start > cue.end_char)
    ):
        found, placed = None, ([(q.start, q.end)], "quote")
    if placed is None:
        found = parenthetical(ctx, verb, seg)
        placed = place(ctx, *found, cue, seg) if found is not None else None
    if placed is None or ("quote" in frames and placed[1] != "quote"):
        return None
    content = found[0] if found is not None else None
    parts, rule = placed
    speaker_span = None
    if inverted and content is not None and rule != "quote" and content.start <= mention.i < content.end:
        # ", claims the report, the minister has ...": the inverted subject is not what is said
        # (the parse may take the clause's subject for its apposition)
        appos = next((c for c in mention.rights if c.dep_ == "appos"), None)
        cut = appos.left_edge.i if appos is not None else mention.right_edge.i + 1
        speaker_span = _phrase(mention)
        speaker_span = doc[speaker_span.start : min(speaker_span.end, cut)]
        while len(speaker_span) > 1 and speaker_span[-1].is_punct:
            speaker_span = speaker_span[:-1]
        content = doc[cut : content.end]
        placed = place(ctx, content, rule, cue, seg) if len(content) else None
        if placed is None:
            return None
        parts, rule = placed
    if rule == "parenthetical" and len(parts) == 1:
        parts = around(ctx, parts[0], verb)
    if rule == "quote" and len(parts) == 1:
        parts = with_partner(ctx, parts, verb, cue, speaker)
    if rule == "quote" and speaker is not None and speaker_span is None and parts[0][1] <= speaker.start_char:
        start = name_words_before(ctx, speaker)  # '"...," Harbor police Chief X said'
        if start < speaker.start_char:
            speaker_span = doc.char_span(start, speaker.end_char, alignment_mode="expand")
    passive = mention is None and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    draft = _draft(ctx, parts, rule, si, cue, entry.lemma, mention, content)
    if speaker_span is not None:
        draft.speaker, draft.actor = speaker_span, ctx.speakers.resolve(mention, speaker_span)
    if passive:
        draft.anonymous = True
    return draft


FINITE_TAGS_BETWEEN = ("VBD", "VBZ", "VBP", "MD")


def _name_after_quote(ctx: Context, inside: Token, verb: Token) -> Token | None:
    """The speaker named between a quote and its cue when the parse took a word inside the quote
    for the cue's subject: the name right after the closing mark, with nothing finite but the cue
    between ('"...," Ray Dunn, the party's frontrunner after winning the primary, said'); else None."""
    q = ctx.quote_at(inside.idx)
    doc = verb.doc
    if q is None or q.end > verb.idx:
        return None
    first = next((t for t in doc[inside.i : verb.i] if t.idx >= q.end and not t.is_punct and not t.is_space), None)
    if first is None or not (first.pos_ == "PROPN" or (first.lower_ == "the" and first.head.pos_ == "NOUN")):
        return None
    if any(t.tag_ in FINITE_TAGS_BETWEEN for t in doc[first.i : verb.i]):
        return None
    name = first.head if first.lower_ == "the" else first
    while name.dep_ in ("compound", "flat") and name.head.i < verb.i and name.head.idx >= q.end:
        name = name.head
    return name


def _scare_quoted(ctx: Context, mention: Token) -> bool:
    """Whether the quotation marks around a speaker hold only its name (the "secret police")."""
    q = ctx.quote_at(mention.idx)
    phrase = _phrase(mention)
    # not a quotation that closes a clause before its cue ('"Very good reporter, this guy," X said')
    return q is not None and q.start >= phrase.start_char - 1 and q.end <= phrase.end_char + 1 \
        and not closes_clause(ctx.text, q)


def _quote_draft(
    ctx: Context, si: int, verb: Token, entry: CueEntry, cue: Span, mention: Token, q: Quote
) -> Draft:
    parts = with_partner(ctx, [(q.start, q.end)], verb, cue, _phrase(mention))
    return _draft(ctx, parts, "quote", si, cue, entry.lemma, mention, None)


def according_to(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    doc, text = ctx.doc, ctx.text
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = source.right_edge.i + 1
    before = _trim(text, seg.start, token.idx, keep_marks=True)
    after = _trim(text, doc[phrase_end - 1].idx + len(doc[phrase_end - 1]), seg.end, keep_marks=True)
    rng = before if before[1] - before[0] >= after[1] - after[0] else after
    split = None
    if before[1] > before[0] and after[1] > after[0] and phrase_end < seg.span.end \
            and doc[phrase_end].text == ",":
        right = doc[phrase_end + 1 : seg.span.end]
        if len(right) and right[0].dep_ == "cc":
            rng = before  # "X happened, according to Y, but Z": a new clause follows the source
        elif any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i >= phrase_end for t in right):
            rng = after  # "In May, according to Y, prices fell": the clause after the source
        elif token.head.i >= phrase_end and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i for c in token.head.children
        ):
            split = (before, after)  # "The vote, according to Y, was postponed": around the source
    if rng[1] <= rng[0]:
        return None
    said = doc.char_span(*rng, alignment_mode="expand")
    if said is not None and not any(t.pos_ in PROPOSITION_POS for t in said):
        return None  # "At least according to X": no proposition beside the source
    cue = doc[token.i : token.i + 2]
    placed = place(ctx, None, "according_to", cue, seg, rng)
    if placed is None:
        return None
    parts, rule = placed
    if split is not None and rule != "quote":
        pieces = (_trim(text, *split[0], keep_marks=True), _trim(text, *split[1], keep_marks=True))
        parts = [p for p in pieces if p[1] > p[0]]
    return _draft(
        ctx, parts, "according_to" if rule != "quote" else "quote", si, cue, "according to", source, None
    )


def in_source(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    """``In a statement, X ...`` (X speaks), ``In her view, ...`` (she speaks) and ``In a poll, ...``
    (the poll speaks)."""
    doc = ctx.doc
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    if pobj is None or head.pos_ not in ("VERB", "AUX") or head.i == token.i:
        return None
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    # a message, or the view of its owner: "In her view, the plan will fail"
    message = ctx.word("communication", pobj) or (owner is not None and ctx.word("thought", pobj))
    if not message and not (
        ctx.word("document", pobj) and token.i < head.i and token.i == seg.span.start
    ):
        return None
    if ctx.cue_entry(head) is not None or ctx.inside_quote(token):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if message:
        mention = owner if owner is not None else subject
        if mention is None:
            return None
    else:
        mention = pobj
    lo = min(head.left_edge.i, seg.span.start) if token.i > head.i else token.right_edge.i + 1
    hi = min(head.right_edge.i + 1, seg.span.end)
    pieces = [
        (doc[lo].idx, token.idx),
        (doc[token.right_edge.i].idx + len(doc[token.right_edge.i]), doc[hi - 1].idx + len(doc[hi - 1])),
    ]
    rng = max(pieces, key=lambda p: p[1] - p[0])
    if message and subject is not None and mention.i == subject.i and subject.i >= lo:
        rng = (subject.right_edge.idx + len(subject.right_edge), rng[1])
    cue = doc[token.i : token.right_edge.i + 1]
    placed = place(ctx, None, "in_source", cue, seg, rng)
    if placed is None:
        return None
    parts, rule = placed
    return _draft(ctx, parts, rule if rule == "quote" else "in_source", si, cue, "in", mention, None)


def colon(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    """``Speaker: what was said`` — a short name phrase before a colon opening the sentence."""
    doc = ctx.doc
    left = [t for t in doc[seg.span.start : token.i] if not (t.is_punct or t.is_space)]
    if (
        not left
        or len(left) > 6
        or any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or t.like_num for t in left)
        or (len(left) == 1 and len(left[0]) == 1)  # "Q:" and "A:" of an interview mark turns, not names
    ):
        return None
    speaker_span = doc[left[0].i : left[-1].i + 1]
    if no_speaker(ctx, speaker_span, ctx.text[speaker_span.start_char : speaker_span.end_char]):
        return None
    roots = [t for t in left if t.head.i < seg.span.start or t.head.i >= token.i or t.head.i == t.i]
    mention = roots[-1] if roots else left[-1]
    named = ctx.table.actors_in(left[0].i, left[-1].i + 1)
    proper = (mention.pos_ == "PROPN" and all(t.is_title or t.pos_ != "PROPN" for t in left)) or (
        mention.is_title and fold(mention.text) in ctx.speakers.names
    )
    if (
        not named
        and not proper
        and not (ctx.word("document", mention) or ctx.word("communication", mention))
    ):
        return None
    rng = (token.idx + 1, seg.end)
    cue = doc[token.i : token.i + 1]
    if _trim(ctx.text, *rng)[1] <= rng[0] + 1 or not ctx.text[rng[0] : rng[1]].strip(
        TRIM_CHARS + QUOTE_CHARS
    ):
        q = adjacent_quote(ctx, token, cue, speaker_span, seg)
        if q is None:
            return None
        parts, rule = [(q.start, q.end)], "quote"
    else:
        placed = place(ctx, None, "colon", cue, seg, rng)
        if placed is None:
            return None
        parts, rule = placed
    draft = _draft(ctx, parts, rule if rule == "quote" else "colon", si, cue, ":", None, None)
    draft.speaker = speaker_span
    draft.actor = ctx.speakers.resolve(mention, speaker_span)
    return draft


def nominal(ctx: Context, si: int, seg: Segment, noun: Token) -> Draft | None:
    """``X's claim that Y``, ``the warning by X that Y``, ``X made the claim that Y``: a noun of saying
    with its clause (else its topic, ``X's allegations of bias``, or infinitive, ``her pledge to
    resign``), and its owner or the subject of the verb that makes or issues it."""
    doc = ctx.doc
    clause = next(
        (
            c
            for c in noun.rights
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    topic = None
    if clause is None and not (ctx.word("thought", noun) or ctx.word("tale", noun)) \
            and noun.lemma_.lower() not in denial_nouns():
        # (a noun of denial and its object, "issued a denial of the reports", is the stance stage's)
        # "X's allegations of bias", "his warning about the dam", "her pledge to resign": the noun's
        # topic or infinitive, read as the noun phrase it heads (as the object of a speech act)
        topic = next(
            (
                c
                for c in noun.rights
                if (c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS and any(g.dep_ == "pobj" for g in c.children))
                or (c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
            ),
            None,
        )
    if (clause is None and topic is None) or ctx.inside_quote(noun):
        return None
    mention = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if mention is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        mention = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if mention is None and noun.dep_ == "dobj" and (
        ctx.word("issuing", noun.head) or ctx.word("publishing", noun.head)
    ):
        # "X made the suggestion that ...", "X issued a warning that ...": the author of the message
        mention = speaker_token(noun.head)
    if mention is None:
        return None
    cue = doc[noun.i : noun.i + 1]
    end = (clause or topic).right_edge.i + 1
    if noun.head.i > noun.i:  # the noun is a subject: its clause ends before the noun's verb
        end = min(end, noun.head.i)
    if clause is not None:
        start = clause.left_edge.i
    else:
        owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
        start = owner.right_edge.i + 1 if owner is not None else noun.left_edge.i
        while start < noun.i and (doc[start].dep_ in ("case", "det") or doc[start].is_punct):
            start += 1
    content = doc[start:end]
    placed = place(ctx, content, "nominal", cue, seg)
    if placed is None:
        return None
    parts, rule = placed
    return _draft(ctx, parts, rule, si, cue, noun.lemma_.lower(), mention, content)



MANNER_SUBJECTS = {"he", "she", "they", "i", "we"}
"""Pronouns that may speak a quotation through a verb of manner ('"...," she fumed')."""
MANNER_WINDOW = 60
"""How far before a verb of manner (in characters) its quotation's closing mark may stand."""


def manner(ctx: Context, si: int, seg: Segment, verb: Token) -> Draft | None:
    """'"...," X fumed', '"...," she beamed': a verb the lexicon does not list, set right after
    a quotation that closes a clause and its subject, with no object or clause of its own, reports
    the quotation in the manner it names (news writing's convention). The subject is a name or a
    personal pronoun; a quoted title ('"Hamlet," the play opened') is no quotation."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ") or verb.i < 3:
        return None
    if not any(c in QUOTE_CHARS for c in ctx.text[max(0, verb.idx - MANNER_WINDOW) : verb.idx]) \
            or ctx.inside_quote(verb):
        return None  # most verbs: no quotation just before them
    mention = speaker_token(verb)
    if mention is None or mention.i > verb.i or ctx.inside_quote(mention):
        return None
    if not (mention.pos_ == "PROPN" or mention.lower_ in MANNER_SUBJECTS):
        return None
    phrase = _phrase(mention)
    if phrase.end != verb.i or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prt")
                                   and c.i > verb.i for c in verb.children):  # (the quote may be its ccomp)
        return None
    q = adjacent_quote(ctx, verb, doc[verb.i : verb.i + 1], phrase, seg)
    if q is None or q.end > phrase.start_char or not closes_clause(ctx.text, q) or "\n" in ctx.text[q.end : phrase.start_char]:
        return None
    cue = doc[verb.i : verb.i + 1]
    parts = with_partner(ctx, [(q.start, q.end)], verb, cue, phrase)
    return _draft(ctx, parts, "quote", si, cue, verb.lemma_.lower(), mention, None)


IDIOM_CUE_TOKENS = 5
"""Longest cue an idiom of rejection gives, from its verb to what it rejects ("poured cold water
on"); past it the cue is the verb alone."""


def idiom(ctx: Context, si: int, seg: Segment, verb: Token) -> Draft | None:
    """An idiom of rejection said of something said (``models/idioms.tsv`` with its fixed word:
    "shot down the rumour", "pushed back on reports that ...", "poured cold water on the claim"): a
    denial by the verb's subject whose content is what it rejects. What the idiom acts on decides,
    as the stance stage reads it: "shot down the drone" and "shot down the plan" state nothing."""
    lex = stance_lexicon()
    if ctx.inside_quote(verb) or not any(
            word != "-" and slot != "self" for word, slot in lex.idioms.get(verb.lemma_.lower(), ())):
        return None
    verdict = idiom_verdict(verb, lex)
    if verdict is None or verdict.act != DENY or not verdict.about:
        return None
    doc = verb.doc
    rejected = verdict.about
    start = min(o.left_edge.i for o in rejected)
    end = max(o.right_edge.i for o in rejected) + 1
    if start < verb.i:
        # a passive: "the rumour was shot down by police" is the agent's; without one, the article's
        agent = next((g for c in verb.rights if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is None or end > verb.i:
            return None
        particle = verb.i + 1 < len(doc) and doc[verb.i + 1].dep_ == "prt" and doc[verb.i + 1].head.i == verb.i
        mention, cue = agent, doc[verb.i : verb.i + 1 + particle]
    else:
        mention = speaker_token(verb)
        cue = doc[verb.i : start] if start - verb.i <= IDIOM_CUE_TOKENS else doc[verb.i : verb.i + 1]
    if mention is None or nobody(mention) or ctx.inside_quote(mention):
        return None  # no one named who rejects: the article's own sentence
    if verb.dep_ == "xcomp" and (mention.lower_ == "it" or _hypothetical(verb.head, lex)):
        return None  # an act thought of, not done: "as easy as it may seem to laugh off the claims"
    content = doc[start:end]
    placed = place(ctx, content, "object", cue, seg)
    if placed is None:
        return None
    parts, rule = placed
    return _draft(ctx, parts, rule, si, cue, " ".join(t.lemma_.lower() for t in cue), mention, content)


SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
"""Pronouns that may stand as the subject of a cue the parse took for a noun (``He says ...``)."""
NAME_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")


def mistagged(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    """``Dunn claims he is owed money``: a present-tense speech verb the parse took for a noun (its
    subject for a modifier or the root). The cue is the third-person form of a speech verb of the
    lexicon, its subject a name or a pronoun opening the clause just before it, and what follows it a
    clause with a subject and a verb of its own; the content runs to the end of the sentence."""
    doc, low = ctx.doc, token.lower_
    lemma = next((low[: -len(e)] + r for e, r in (("ies", "y"), ("es", ""), ("s", ""))
                  if low.endswith(e) and low[: -len(e)] + r in ctx.lexicon), None)
    entry = ctx.lexicon.get(lemma or "")
    if entry is None or entry.kind != "speech" or ctx.inside_quote(token) or token.i == seg.span.start:
        return None
    if token.ent_type_ or token.dep_ == "compound":
        return None  # a word of a name ("United States District Court")
    subject = doc[token.i - 1]
    start = token.i - 1
    if subject.pos_ == "PROPN" or subject.ent_type_ in NAME_ENTITIES or subject.is_title:
        while start > seg.span.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].ent_type_ in NAME_ENTITIES):
            start -= 1
    elif subject.lower_ not in SUBJECT_PRONOUNS:
        return None
    before = doc[start - 1] if start > seg.span.start else None
    if before is not None and not (before.is_punct or before.dep_ == "cc"):
        return None  # "the Dunn claims", "after Dunn claims": no subject opening a clause
    end = seg.span.end
    while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    first = token.i + 1 + (token.i + 1 < end and doc[token.i + 1].lower_ == "that")
    words = doc[first:end]
    if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS
               and t.dep_ not in ("relcl", "acl") and not first <= t.head.i < end
               and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and first <= c.i < t.i for c in t.children)
               for t in words):
        return None  # no clause of its own after it ("Dunn appeals to voters")
    cue = doc[token.i : token.i + 1]
    placed = place(ctx, words, "ccomp", cue, seg)
    if placed is None:
        return None
    parts, rule = placed
    speaker = doc[start : token.i]
    actor = ctx.speakers.resolve(subject, speaker) or ctx.speakers.names.get(fold(speaker.text))
    if subject.pos_ not in ("PROPN", "PRON") and subject.ent_type_ not in NAME_ENTITIES and actor is None:
        return None  # a capitalised word is a name only when it names an actor of the article ("Rich")
    draft = _draft(ctx, parts, rule, si, cue, entry.lemma, None, words)
    draft.speaker, draft.actor = speaker, actor
    draft.anonymous = ctx.speakers.anonymous(subject, draft.actor)
    return draft


def dash(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    """``"..." ― Name``: a quotation signed with a dash and its speaker's name."""
    doc, text = ctx.doc, ctx.text
    j = token.idx + len(token.text) - len(token.text.lstrip(QUOTE_CHARS)) - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    q = free_quote(ctx, ctx.quote_at(j)) if j >= 0 and text[j] in QUOTE_CHARS else None
    if q is None or q.end != j:
        return None
    end = token.i + 1
    while end < seg.span.end and doc[end].text not in (",", ";", "(") and "\n" not in doc[end].text:
        end += 1
    name = doc[token.i + 1 : end]
    if not 1 <= len(name) <= 10 or not any(t.pos_ == "PROPN" or ctx.table.actor_at(t.i) for t in name):
        return None
    mention = name.root
    draft = _draft(ctx, [(q.start, q.end)], "quote", si, doc[token.i : token.i + 1], "dash", None, None)
    draft.speaker = name
    draft.actor = ctx.speakers.resolve(mention, name)
    draft.rule = "dash"
    draft.confidence = CONFIDENCE["dash"]
    return draft


def hearsay(ctx: Context, si: int, seg: Segment, token: Token) -> Draft | None:
    """``X reportedly did Y``: an unnamed source."""
    head = token.head
    if head.i == token.i or ctx.inside_quote(token):
        return None
    if ctx.cue_entry(head) is not None:
        return None  # "the ministry reportedly said ...": the cue names its speaker
    doc = ctx.doc
    lo, hi = max(head.left_edge.i, seg.span.start), min(head.right_edge.i + 1, seg.span.end)
    cue = doc[token.i : token.i + 1]
    rng = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    placed = place(ctx, None, "hearsay", cue, seg, rng)
    if placed is None:
        return None
    draft = _draft(ctx, placed[0], "hearsay", si, cue, token.lower_, None, None)
    draft.anonymous = True
    return draft
