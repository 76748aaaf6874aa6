"""Attribution: who said what. Cues from the lexicon, content from the parse and the quotes,
speakers from the cue's subject resolved to actors.

Rules, each recorded as ``Draft.rule``:
- ``quote``: a direct quote taken by a cue verb in its sentence (``"X," she said``), with both
  halves as parts when the cue splits it (``"X," she said, "Y."``);
- ``ccomp``: a cue verb and its clausal complement (``said that ...``);
- ``object``: a speech act with an object (``announced the decision``, ``dismissed X as Y``);
- ``according_to``: ``according to X``;
- ``floating``: a quote with no cue of its own, spoken by the previous statement's speaker;
- ``own``: a body sentence with no attributed statement, the article's own claim.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import ActorDraft, ActorTable
from .quotes import QUOTE_CHARS, Quote, find_quotes
from .resources import CueEntry
from .segment import Segment

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
CONTENT_DEPS = {"ccomp"}
OBJECT_SKIP_DEPS = {"punct", "cc", "conj", "nsubj", "nsubjpass", "agent", "aux", "auxpass", "neg", "advmod",
                    "npadvmod", "mark", "prt"}
SPEAKER_CUT_DEPS = {"relcl", "acl", "advcl", "punct"}
CONFIDENCE = {"quote": 0.9, "according_to": 0.85, "ccomp": 0.8, "object": 0.7, "floating": 0.6, "own": 0.5}
TRIM_CHARS = " \t\n\u00a0,;:.\u2014-"


@dataclass
class Draft:
    """A statement under construction; later stages (stance) fill its label."""

    parts: list[tuple[int, int]]
    quote: str
    sent: int
    rule: str
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = None
    actor: ActorDraft | None = None
    content: Span | None = None
    """The tokens of the content, when it comes from the parse (for the stance stage)."""
    anonymous: bool = False
    act: str = "assert"
    label: str = "claim"
    label_rule: str = "default"
    targets: list[ActorDraft] = field(default_factory=list)
    refutes: Draft | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.rule]

    @property
    def cue_token(self) -> Token | None:
        return self.cue.root if self.cue is not None else None


def _trim(text: str, start: int, end: int, keep_marks: bool = False) -> tuple[int, int]:
    """Shrink [start, end) past white space and edge punctuation (and a leading 'that')."""
    strip = TRIM_CHARS if keep_marks else TRIM_CHARS + QUOTE_CHARS
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if text[start:start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker token of a cue verb: its subject, the agent of a passive, or the subject
    of the clause a participle or coordinated verb hangs from."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if depth < 2 and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head, depth + 1)
    return None


def _phrase(token: Token) -> Span:
    """A noun phrase around ``token``: its subtree without relative clauses and trailing commas."""
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in SPEAKER_CUT_DEPS:
            break
        end = child.right_edge.i + 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _resolve(subject: Token, phrase: Span, table: ActorTable, last: Draft | None) -> ActorDraft | None:
    """The actor a speaker mention refers to."""
    word = subject.lower_
    if word in PERSON_PRONOUNS:
        if last is not None and last.actor is not None and last.actor.type == "PERSON":
            return last.actor
        return table.nearest_before(subject.i, ("PERSON",))
    if word in GROUP_PRONOUNS:
        if last is not None and last.actor is not None and last.actor.type != "PERSON":
            return last.actor
        return table.nearest_before(subject.i, ("ORG", "GPE"))
    actor = table.actor_at(subject.i)
    if actor is not None:
        return actor
    for child in subject.children:
        if child.dep_ == "appos" and table.actor_at(child.i) is not None:
            return table.actor_at(child.i)
    found = table.actors_in(phrase.start, phrase.end)
    people = [a for a in found if a.type == "PERSON"]
    return (people or found or [None])[-1]


class _Context:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc: Doc, segments: list[Segment], table: ActorTable, lexicon: dict[str, CueEntry],
                 kinds: frozenset[str]) -> None:
        self.doc = doc
        self.text = doc.text
        self.segments = segments
        self.table = table
        self.lexicon = lexicon
        self.kinds = kinds
        self.quotes = find_quotes(self.text)
        self._quote_starts = [q.start for q in self.quotes]
        self.last: Draft | None = None

    def quote_at(self, char: int) -> Quote | None:
        """The quote whose inside (marks included) holds character ``char``."""
        i = bisect.bisect_right(self._quote_starts, char + 1) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.start - 1 <= char <= q.end:
                return q
            if q.end < char - 2000:
                return None
            i -= 1
        return None

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        lo = bisect.bisect_left(self._quote_starts, start - 1)
        hi = bisect.bisect_right(self._quote_starts, end)
        out = [q for q in self.quotes[lo:hi] if q.start < end]
        # a quote opened in an earlier sentence and still running here
        before = self.quote_at(start)
        if before is not None and before not in out:
            out.insert(0, before)
        return out

    def cue_entry(self, token: Token) -> CueEntry | None:
        if token.pos_ != "VERB":
            return None
        entry = self.lexicon.get(token.lemma_.lower())
        if entry is None or entry.kind not in self.kinds:
            return None
        if self.quote_at(token.idx) is not None:
            return None  # "said" inside a quote is part of what someone said
        return entry


def _content_span(ctx: _Context, verb: Token) -> tuple[Span | None, str]:
    """The content of a cue verb from the parse: its clausal complement, else its objects."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            return doc[child.left_edge.i : child.right_edge.i + 1], "ccomp"
    tokens = [c for c in verb.rights if c.dep_ not in OBJECT_SKIP_DEPS]
    # a following participial cue ("..., blaming it on X") is a statement of its own
    tokens = [c for c in tokens if not (c.dep_ == "advcl" and ctx.cue_entry(c) is not None)]
    if not tokens or not any(c.dep_ in ("dobj", "oprd", "attr", "prep", "dative", "xcomp") for c in tokens):
        return None, ""
    return doc[min(c.left_edge.i for c in tokens) : max(c.right_edge.i for c in tokens) + 1], "object"


def _quote_type(text: str, parts: list[tuple[int, int]], quotes: list[Quote]) -> str:
    for start, end in parts:
        if not any(q.start - 1 <= start and end <= q.end + 1 for q in quotes):
            break
    else:
        return "direct"
    inside = "".join(text[s:e] for s, e in parts)
    return "partial" if any(c in QUOTE_CHARS for c in inside) or any(
        q.start < e and s < q.end for q in quotes for s, e in parts) else "indirect"


def _split_partner(ctx: _Context, q: Quote, others: list[Quote], cue: Token, speaker: Span | None) -> Quote | None:
    """The other half of a quote its cue splits: ``"X," she said, "Y."``."""
    doc = ctx.doc
    for other in others:
        if other is q:
            continue
        first, second = (q, other) if q.end < other.start else (other, q)
        gap = doc.char_span(first.end + 1, second.start - 1, alignment_mode="expand")
        if gap is None or not (gap.start <= cue.i < gap.end):
            continue
        spk = set(range(speaker.start, speaker.end)) if speaker is not None else set()
        if all(t.i in spk or t.i == cue.i or t.is_punct or t.is_space or t.pos_ in ("AUX", "ADV")
               for t in gap):
            return other
    return None


def _attribute_sentence(ctx: _Context, si: int, seg: Segment, taken: list[tuple[int, int]]) -> list[Draft]:
    doc, text = ctx.doc, ctx.text
    drafts: list[Draft] = []
    quotes = ctx.quotes_between(seg.start, seg.end)
    used: set[Quote] = set()
    for token in seg.span:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            draft = _according_to(ctx, si, seg, token)
        else:
            entry = ctx.cue_entry(token)
            if entry is None:
                continue
            draft = _verb_statement(ctx, si, seg, token, quotes, used)
        if draft is None:
            continue
        if any(s <= draft.start and draft.end <= e and s <= draft.cue.start_char < e for s, e in taken):
            continue  # a cue inside another statement's reported clause
        drafts.append(draft)
        taken.append((draft.start, draft.end))
        if draft.speaker is not None:
            ctx.last = draft
    return drafts


def _verb_statement(ctx: _Context, si: int, seg: Segment, verb: Token, quotes: list[Quote],
                    used: set[Quote]) -> Draft | None:
    text = ctx.text
    subject = _subject(verb)
    speaker = _phrase(subject) if subject is not None else None
    content, rule = _content_span(ctx, verb)
    free = [q for q in quotes if q not in used]
    parts: list[tuple[int, int]] = []
    if content is not None:
        start, end = _trim(text, content.start_char, content.end_char, keep_marks=True)
        q = next((q for q in free if q.start - 1 <= start and end <= q.end + 1), None)
        if q is not None:
            parts, rule = [(q.start, q.end)], "quote"
        elif end > start:
            # a quote the content opens closes it: take the closing mark ('as "an insult."')
            end = max([end] + [q.end + 1 for q in free if start < q.start < end <= q.end + 1 and q.closed])
            parts = [(start, end)]
            used.update(q for q in free if start <= q.start and q.end <= end)
    elif free:
        # the parse attaches the cue to the quote ("'X,' he said"): take the nearest free quote
        q = min(free, key=lambda q: min(abs(q.end - verb.idx), abs(q.start - verb.idx)))
        parts, rule = [(q.start, q.end)], "quote"
    if not parts:
        return None
    if rule == "quote":
        q = next(q for q in free if q.start == parts[0][0])
        used.add(q)
        partner = _split_partner(ctx, q, free, verb, speaker)
        if partner is not None:
            used.add(partner)
            parts = sorted([(q.start, q.end), (partner.start, partner.end)])
    draft = Draft(parts=parts, quote=_quote_type(text, parts, quotes), sent=si, rule=rule,
                  cue=ctx.doc[verb.i : verb.i + 1], cue_lemma=verb.lemma_.lower(), speaker=speaker,
                  content=content)
    if subject is not None and speaker is not None:
        draft.actor = _resolve(subject, speaker, ctx.table, ctx.last)
    return draft


def _according_to(ctx: _Context, si: int, seg: Segment, token: Token) -> Draft | None:
    doc, text = ctx.doc, ctx.text
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = source.right_edge.i + 1
    before = _trim(text, seg.start, token.idx)
    after = _trim(text, doc[phrase_end - 1].idx + len(doc[phrase_end - 1]), seg.end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    if end <= start:
        return None
    speaker = _phrase(source)
    draft = Draft(parts=[(start, end)], quote="indirect", sent=si, rule="according_to",
                  cue=doc[token.i : token.i + 2], cue_lemma="according to", speaker=speaker)
    draft.quote = _quote_type(text, draft.parts, ctx.quotes_between(seg.start, seg.end))
    draft.actor = _resolve(source, speaker, ctx.table, ctx.last)
    return draft


def _own(ctx: _Context, si: int, seg: Segment) -> Draft | None:
    text = ctx.text
    start, end = seg.start, seg.end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ".":
        end -= 1
    if end <= start:
        return None
    inside = ctx.quote_at(start + 1)
    if inside is not None and inside.end >= end - 1 and ctx.last is not None and si - ctx.last.sent <= 2:
        # a quote paragraph with no cue of its own: the previous speaker goes on
        last = ctx.last
        return Draft(parts=[(max(start, inside.start), min(end, inside.end))], quote="direct", sent=si,
                     rule="floating", speaker=last.speaker, actor=last.actor)
    return Draft(parts=[(start, end)], quote="none", sent=si, rule="own")


def attribute(doc: Doc, segments: list[Segment], table: ActorTable, lexicon: dict[str, CueEntry],
              kinds: frozenset[str] = frozenset({"speech", "phrase"})) -> list[Draft]:
    """Statements of a parsed document, in order of position."""
    ctx = _Context(doc, segments, table, lexicon, kinds)
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []
    for si, seg in enumerate(segments):
        if seg.boilerplate:
            continue
        found = _attribute_sentence(ctx, si, seg, taken)
        if not found and not any(s < seg.end and seg.start < e for s, e in taken):
            own = _own(ctx, si, seg)
            found = [own] if own is not None else []
        drafts.extend(found)
    return sorted(drafts, key=lambda d: (d.start, d.end))
