"""Statements under construction, as the attribution stage drafts them and the later stages
(speakers, stance) complete them; the confidence of each rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .actors import ActorDraft
from .quotes import QUOTE_CHARS

CONFIDENCE = {
    "quote": 0.9,
    "ccomp": 0.85,
    "according_to": 0.85,
    "parenthetical": 0.8,
    "colon": 0.7,
    "closing": 0.6,
    "predicative": 0.75,
    "object": 0.7,
    "infinitive": 0.65,
    "in_source": 0.65,
    "hearsay": 0.6,
    "floating": 0.6,
    "dash": 0.8,
    "signed": 0.6,
    "block": 0.55,
    "exhibit": 0.55,
    "transcript": 0.7,
    "opener": 0.55,
    "nominal": 0.7,
    "own": 0.5,
}
TRIM_CHARS = " \t\n\u00a0,;:.\u2014\u2013-"


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
    source: Draft | None = None
    """The statement a block quotation gives the words of (``X denied it:`` + the paragraph)."""
    follows: Draft | None = None
    """The quote this one goes on from, after its cue's sentence (``"X," she said. "Y."``): the
    two are one statement when the stance stage labels them alike (:mod:`claimlens.followons`)."""
    confidence: float = 0.0
    """How sure the rule is, in [0, 1]; set from the rule when not given."""

    def __post_init__(self) -> None:
        if not self.confidence:
            self.confidence = CONFIDENCE[self.rule]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def cue_token(self) -> Token | None:
        return self.cue.root if self.cue is not None else None

    @property
    def reach(self) -> tuple[int, int]:
        """Characters the statement covers with its cue and speaker mention."""
        lo, hi = self.start, self.end
        for span in (self.cue, self.speaker):
            if span is not None:
                lo, hi = min(lo, span.start_char), max(hi, span.end_char)
        return lo, hi


def trim(text: str, start: int, end: int, keep_marks: bool = False, that: bool = True) -> tuple[int, int]:
    """Shrink [start, end) past white space and edge punctuation (and a leading complementiser
    'that', unless ``that`` is False: words said verbatim keep it)."""
    strip = TRIM_CHARS if keep_marks else TRIM_CHARS + QUOTE_CHARS
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if that and text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end

