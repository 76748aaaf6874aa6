"""Attribution: who said what. Cues from the lexicon, content from the parse and the quotes,
speaker mentions from the cue's subject; :mod:`claimlens.speakers` resolves each mention to its
actor as the statement is drafted, and :mod:`claimlens.layouts` adds the statements the layout
makes (``floating``, ``block``, ``exhibit``, ``transcript``, ``signed``, ``own``).

Rules, each recorded as ``Draft.rule`` (the ``evidence.rule`` of the record):

- ``quote``: a direct quote taken by a cue in its sentence (``"X," she said``, ``she said: "X"``),
  both halves as parts when the cue splits it (``"X," she said, "Y."``);
- ``ccomp``: a cue and its clausal complement, with or without "that" (``said (that) ...``);
- ``parenthetical``: a cue set inside or after what was said (``X, he said, Y``);
- ``object``: a speech act with only an object (``announced the decision``, ``denied the claim``,
  ``accused X of Y``, ``blaming it on Y``);
- ``predicative``: ``termed X Y``, ``dismissed X as Y``, ``called X Y``;
- ``infinitive``: ``vowed to ...``, ``urged X to ...``;
- ``according_to``: ``according to X``;
- ``in_source``: ``in a statement, X ...``, ``in a poll, ...``;
- ``colon``: a speaker, a colon and what was said (``Smith: "..."``, ``Poll: ...``), or a clause
  with no cue, a colon and a quote (``The chef was furious: "..."``);
- ``closing``: a quote in the first person closing a sentence with no cue, spoken by the sentence's
  subject, a person (``Ray Dunn lost his son when "a driver hit my boy."``);
- ``nominal``: a noun of saying with its clause and its owner (``X's claim that ...``);
- ``dash``: a quotation signed with a dash and a name (``"..." ― Jane Doe``);
- ``hearsay``: ``reportedly``, ``allegedly``: an unnamed source;
- ``floating``: a quote with no cue of its own, spoken by the previous statement's speaker (after
  a direct quote, with its cue: :mod:`claimlens.followons` labels the two);
- ``block``: a paragraph quoted without marks after a statement that ends its paragraph with a
  colon (``... published an article claiming X:`` + the article's text), after a sentence that
  gives a message (``X issued the following statement:``) or after a cue with nothing to report
  in its own sentence (``She said:``); one statement per paragraph;
- ``exhibit``: an example of a story quoted under a heading line of its own (``Example``), one
  statement per line, by the outlet the text names as the story's source;
- ``transcript``: a paragraph opened by a speaker's name in capitals and a colon (``SMITH: ...``),
  as interview transcripts print them; a quoted turn goes on over the quoted paragraphs that
  follow it until the next turn;
- ``signed``: a paragraph signed on the next line with a dash and a name (``— Jane Doe (@jdoe) May
  2, 2015``), as embedded posts and quoted passages print them: the signer's;
- ``own``: a body sentence with no attributed statement, the article's own claim.

Every cue yields its statement; a statement may hold another (``X reported that Y had said Z``:
X's, and Y's inside it) when a source of its own is named inside it (:func:`_competes`).

Cues are found in the parse (a participle ``..., saying``, a relative clause ``who said``, a
passive ``was claimed by X``, a message as subject ``the statement said``, a present-tense cue the
parse took for a noun ``Dunn claims he ...``: :func:`claimlens.cues.mistagged`); a cue inside a
quotation is part of what someone said and is not a cue of the article. The speaker mention is
the cue's subject (:func:`claimlens.cuespeaker.speaker_token`) as a whole name phrase
(:func:`claimlens.syntax.name_phrase`); :meth:`claimlens.speakers.Speakers.resolve` turns it into an actor.

This module runs the stage: it walks each sentence's tokens to the rule each cue calls for
(:mod:`claimlens.cues`), keeps a statement or drops it against the others (:func:`_competes`,
:func:`_split_off`) and hands the sentences' statements to :mod:`claimlens.layouts`. The rules
share a :class:`claimlens.context.Context`; they read a cue's speaker (:mod:`claimlens.cuespeaker`)
and content (:mod:`claimlens.cuecontent`) and place quotes (:mod:`claimlens.placement`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import cues
from .actors import ActorTable
from .columns import columns
from .context import Context
from .drafts import Draft
from .drafts import trim as _trim
from .layouts import lay_out
from .quotes import QUOTE_CHARS
from .resources import CueEntry
from .segment import Segment
from .stance import stance_lexicon

DASHES = ("\u2014", "\u2015", "\u2013", "--")


def _attribute_sentence(ctx: Context, si: int, seg: Segment) -> list[Draft]:
    doc = ctx.doc
    cols = columns(doc)  # the tokens' words and tags, read as lists: a Token is made only for a cue
    lower, texts, lemma, pos, dep = cols.lower, cols.text, cols.lemma, cols.pos, cols.dep
    propositions, hearsay = ctx.words.get("proposition", ()), ctx.words.get("hearsay", ())
    idioms = stance_lexicon().idioms
    drafts: list[Draft] = []
    skip = -1
    for i in range(seg.span.start, seg.span.end):
        if i <= skip:
            continue
        low = lower[i]
        draft = None
        if low == "according" and i + 1 < len(doc) and lower[i + 1] == "to":
            if not ctx.inside_quote(doc[i]):
                draft = cues.according_to(ctx, si, seg, doc[i])
        elif low == "in" and dep[i] == "prep":
            draft = cues.in_source(ctx, si, seg, doc[i])
        elif texts[i] == ":" and not ctx.inside_quote(doc[i]):
            draft = cues.colon(ctx, si, seg, doc[i])
        elif texts[i].lstrip(QUOTE_CHARS) in DASHES and not ctx.inside_quote(doc[i]):
            draft = cues.dash(ctx, si, seg, doc[i])
        elif pos[i] == "NOUN" and (lemma[i] in propositions or low in propositions):  # ctx.word
            draft = cues.nominal(ctx, si, seg, doc[i])
        elif dep[i] == "advmod" and (lemma[i] in hearsay or low in hearsay):
            draft = cues.hearsay(ctx, si, seg, doc[i])
        elif pos[i] == "VERB":  # ctx.cue_entry's first test
            found = ctx.cue_entry(doc[i])
            if found is not None:
                draft = cues.verb(ctx, si, seg, doc[i], *found)
            if draft is None and lemma[i] in idioms:
                draft = cues.idiom(ctx, si, seg, doc[i])
            if draft is None and found is None:
                draft = cues.manner(ctx, si, seg, doc[i])
        if draft is None and pos[i] in ("NOUN", "PROPN") and low.endswith("s"):
            draft = cues.mistagged(ctx, si, seg, doc[i])
        if draft is None:
            continue
        earlier = drafts + ctx.drafts[-3:]
        outer = next((d for d in earlier if d.start <= draft.cue.start_char < d.end), None)
        if (
            outer is not None
            and not any(d is not outer and d.start < draft.end and draft.start < d.end for d in earlier)
            and _split_off(ctx, outer, draft)
        ):
            pass  # a cue that closes another's clause: what it reports is its own statement
        elif any(_competes(ctx, d, draft) for d in earlier):
            held = [d for d in earlier if _competes(ctx, d, draft)]
            if not all(any(x is d for x in drafts) and _holds(draft, d) for d in held):
                continue  # a second cue for the same words, or for words that cross another's
            # a later cue reporting a clause that holds an earlier cue's statement ("Though X boast of
            # Y, there is no Z, scientists say"): the reporting statement stands, not the inner one
            drafts[:] = [x for x in drafts if not any(x is d for d in held)]
            ctx.drafts[:] = [x for x in ctx.drafts if not any(x is d for d in held)]
        drafts.append(draft)
        ctx.drafts.append(draft)
        skip = draft.cue.end - 1
    return drafts


def _competes(ctx: Context, a: Draft, b: Draft) -> bool:
    """Whether two statements claim the same words: nearly the same content, or contents that
    cross without one holding the other. One inside the other is a statement nested in another's
    ("X reported that Y had denied Z"): both stand."""
    lo, hi = max(a.start, b.start), min(a.end, b.end)
    if hi <= lo:
        return False
    longer = max(a.end - a.start, b.end - b.start)
    if hi - lo >= 0.9 * longer:
        return True  # the same words
    if a.start <= b.start and b.end <= a.end:
        outer, inner = a, b
    elif b.start <= a.start and a.end <= b.end:
        outer, inner = b, a
    else:
        return True  # crossing contents
    return not _nested_source(ctx, outer, inner)


def _holds(outer: Draft, inner: Draft) -> bool:
    """Whether ``outer``'s content holds ``inner``'s statement, its cue included, and is clearly
    longer."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.start <= inner.cue.start_char < outer.end
        and (inner.end - inner.start) < 0.9 * (outer.end - outer.start)
    )


NESTED_RULES = {"ccomp", "quote", "according_to"}
"""Rules whose statement stands inside another's content: a clause or a quote reported by a source
named inside it. An object or a predicate inside a reported clause is part of what is reported
("he said the mayor signed no contract"), unless it is denied, alleged or admitted (``NESTED_ACTS``)."""
NESTED_ACTS = {"deny", "accuse", "concede"}


def _nested_source(ctx: Context, outer: Draft, inner: Draft) -> bool:
    """Whether ``inner`` reports a source of its own inside what ``outer`` reports: a speech (not a
    belief) of another actor, named inside the outer content ("The Ledger reported that Dunn had
    said he was innocent"). Nested statements kept more loosely cost precision on PolNeAR dev,
    whose gold mostly holds the outer statement alone."""
    entry = ctx.lexicon.get(inner.cue_lemma or "")
    return (
        (inner.rule in NESTED_RULES or (inner.rule == "object" and entry is not None
                                         and entry.act in NESTED_ACTS))
        and (entry is None or entry.kind != "belief")
        and outer.rule != "parenthetical"
        and inner.speaker is not None
        and outer.start <= inner.speaker.start_char < outer.end
        and inner.actor is not None
        and inner.actor is not outer.actor
    )


def _split_off(ctx: Context, outer: Draft, inner: Draft) -> bool:
    """Cut ``outer``'s reported clause before a cue that ends it with a statement of its own
    ("analysts said X, citing Y"; "she said X, and when pressed, she said Y"), when both are
    paraphrase and the inner statement runs to the outer's end. True when cut."""
    if (
        outer.quote != "indirect"
        or inner.quote not in ("indirect", "partial")
        or len(outer.parts) != 1
        or inner.end < outer.end - 2
        or inner.cue_token is None
        or inner.cue_token.tag_ not in ("VBG", "VBD", "VBZ", "VBP")
        or inner.cue_token.dep_ not in ("advcl", "conj")
    ):
        return False
    left = inner.cue_token.left_edge
    if left.i == 0 or not (left.nbor(-1).is_punct or left.nbor(-1).dep_ == "cc" or left.dep_ == "cc"):
        return False  # no break of the clause before it
    # before the inner cue, its speaker and its content, where they stand inside the outer content
    starts = [inner.start] + [s.start_char for s in (inner.cue, inner.speaker) if s is not None]
    cut = min([left.idx] + [k for k in starts if outer.start <= k])
    start, end = _trim(ctx.text, outer.start, cut)
    while True:  # a conjunction left dangling
        words = ctx.text[start:end].rsplit(None, 1)
        if len(words) == 2 and words[1].lower() in ("and", "but", "or", "while"):
            start, end = _trim(ctx.text, start, start + len(words[0]))
            continue
        break
    if end - start < 12 or end >= outer.end:
        return False
    outer.parts = [(start, end)]
    if outer.content is not None:
        outer.content = ctx.doc.char_span(start, end, alignment_mode="expand")
    return True



def attribute(
    doc: Doc,
    segments: list[Segment],
    table: ActorTable,
    lexicon: dict[str, CueEntry],
    kinds: frozenset[str] = frozenset({"speech", "phrase", "belief"}),
    text: str | None = None,
) -> list[Draft]:
    """Statements of a parsed document, in order of position (``text``: ``doc.text``, when the
    caller has it)."""
    ctx = Context(doc, segments, table, lexicon, kinds, text)
    for si, seg in enumerate(segments):
        if not seg.boilerplate:
            _attribute_sentence(ctx, si, seg)
    return lay_out(ctx)
