"""The per-document lookups the attribution stage's rules share (quotes and sentences by position,
word classes, the cue lexicon's entry of a verb), built once in linear time, and what the rules
collect as they go: the quotes used, the statements drafted, the speaker stage that resolves their
mentions. :mod:`claimlens.layouts` and :mod:`claimlens.speakers` read it too.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from .actors import ActorTable
from .drafts import Draft
from .quotes import Quote, find_quotes
from .resources import CueEntry, cue_frames, word_classes
from .segment import Segment
from .speakers import Speakers


class Context:
    """Per-document lookups shared by the rules, built once in linear time."""

    def __init__(
        self,
        doc: Doc,
        segments: list[Segment],
        table: ActorTable,
        lexicon: dict[str, CueEntry],
        kinds: frozenset[str],
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.segments = segments
        self.table = table
        self.lexicon = lexicon
        self._phrasal = {key.rsplit(" ", 1)[0] for key in lexicon if " " in key}
        """The verbs of the lexicon's phrasal entries ("call" of "call for")."""
        self.kinds = kinds
        self.frames = cue_frames()
        self.words = word_classes()
        self.quotes = find_quotes(self.text)
        self._quote_starts = [q.start for q in self.quotes]
        self.used: set[Quote] = set()
        self._seg_starts = [s.start for s in segments]
        self.speaker_of: dict[int, int] = {}
        """Cue token → the cue whose speaker it shares (a cue coordinated inside another's clause)."""
        self.drafts: list[Draft] = []
        """Attributed statements found so far, in the order of their cues."""
        self.speakers = Speakers(self)
        """The speaker stage: every mention's actor."""

    # --- lookups -------------------------------------------------------------------------
    def quote_at(self, char: int) -> Quote | None:
        """The quote whose inside (marks included) holds character ``char``."""
        i = bisect.bisect_right(self._quote_starts, char + 1) - 1
        for q in self.quotes[max(0, i - 1) : i + 1][::-1]:
            if q.start - 1 <= char <= q.end:
                return q
        return None

    def inside_quote(self, token: Token) -> bool:
        q = self.quote_at(token.idx)
        return q is not None and q.start <= token.idx < q.end

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        lo = bisect.bisect_left(self._quote_starts, start - 1)
        hi = bisect.bisect_right(self._quote_starts, end)
        out = [q for q in self.quotes[lo:hi] if q.start < end]
        before = self.quote_at(start)
        if before is not None and before not in out:
            out.insert(0, before)
        return out

    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._seg_starts, char) - 1)

    def word(self, cls: str, token: Token) -> bool:
        return token.lemma_.lower() in self.words.get(cls, ()) or token.lower_ in self.words.get(cls, ())

    def cue_entry(self, token: Token) -> tuple[CueEntry, Span] | None:
        """The lexicon entry and the cue span of a cue verb (a phrasal verb takes its particle, or
        its "it": "as she put it")."""
        if token.pos_ != "VERB" or self.inside_quote(token):
            return None
        lemma = token.lemma_.lower()
        if lemma in self._phrasal:  # a particle or preposition to look for
            for child in token.rights:
                if child.dep_ == "prt" or (child.dep_ == "dobj" and child.lower_ == "it" and child.i == token.i + 1) or (
                    # a prepositional verb's preposition follows it ("called on X", "pointed to X"), not
                    # its object ("called the plan a failure on Monday")
                    child.dep_ == "prep"
                    and all(t.pos_ == "ADV" for t in self.doc[token.i + 1 : child.i])
                ):
                    entry = self.lexicon.get(f"{lemma} {child.lower_}")
                    if entry is not None and entry.kind in self.kinds:
                        return entry, self.doc[token.i : child.i + 1] if child.i == token.i + 1 else self.doc[
                            token.i : token.i + 1
                        ]
            for child in token.rights:
                if child.dep_ == "advcl":  # "called for X to ...": the particle parsed as the clause's mark
                    mark = self.doc[child.left_edge.i]
                    entry = self.lexicon.get(f"{lemma} {mark.lower_}") if mark.dep_ == "mark" else None
                    if entry is not None and entry.kind in self.kinds:
                        return entry, self.doc[token.i : mark.i + 1] if mark.i == token.i + 1 else self.doc[
                            token.i : token.i + 1
                        ]
                    break
        entry = self.lexicon.get(lemma)
        if entry is None and token.lower_ != lemma:
            # the lemmatizer's slips ("hopes" → "hop"): the inflected form less its ending
            low = token.lower_
            for ending in ("s", "d", "ed", "es"):
                if low.endswith(ending) and low[: -len(ending)] in self.lexicon:
                    entry = self.lexicon[low[: -len(ending)]]
                    break
        if entry is None or entry.kind not in self.kinds:
            return None
        return entry, self.doc[token.i : token.i + 1]
