"""Segmentation: sentences with offsets, and site furniture told apart from content.

Two pieces: :func:`set_paragraph_starts` runs before the parser so that no sentence crosses a
line break; :func:`sentences` runs on the parsed ``Doc`` and flags boilerplate by general rules
(the patterns of ``models/boilerplate.tsv``, datelines, short verbless lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from .columns import columns
from .resources import read_model_tsv

SHORT_LINE_WORDS = 12
VERBLESS_LINE_WORDS = 8
SIGNATURE_WORDS = 5
FULL_STOPS = (".", "!", "?")
CLOSING_MARKS = "\"'\u201d\u2019\u00bb)"
"""Marks that may close a line after its full stop ("... fair game.'")."""
SENTENCE_FINAL = (".", "!", "?", "\u2026")
CLOSING = ("\u201d", "\u2019", ")", "]", "\u00bb")
OPENING = ("\u201c", "\u00ab", '"', "''")


@dataclass(frozen=True)
class Segment:
    """One sentence: character offsets (stripped of surrounding white space) and its verdict."""

    span: Span
    start: int
    end: int
    boilerplate: str | None
    """None for content, else the rule that marked it (caption, footer, dateline, ...)."""


@dataclass(frozen=True)
class _Pattern:
    rule: str
    scope: str
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    return tuple(_Pattern(rule, scope, re.compile(rx)) for rule, scope, rx in read_model_tsv("boilerplate.tsv"))


def set_paragraph_starts(doc: Doc) -> Doc:
    """Preset sentence boundaries for the parser: a sentence starts after every line break, and
    nowhere else but after sentence-final punctuation (so "Peru denounces X" on a headline line
    stays one sentence, and a closing quotation mark stays with the sentence it closes); a
    quotation mark that opens a quote right after a full stop of its own starts one (``wrote.
    ''We ...``: the parser keeps a doubled apostrophe with the sentence before).

    The boundaries are set at once with ``Doc.from_array`` (``Token.is_sent_start``'s setter
    checks the whole document's annotation on every call)."""
    tokens = [(t.text, t.is_space, t.whitespace_) for t in doc]
    starts = doc.to_array(SENT_START).view("int64")  # 1 starts a sentence, -1 does not, 0: the parser's call
    last = None  # the previous token that is not white space
    for i in range(1, len(tokens)):
        _, is_space, _ = tokens[i]
        if is_space:
            continue
        prev_text, prev_space, _ = tokens[i - 1]
        if prev_space and "\n" in prev_text:
            starts[i] = 1
        elif last is None or not _ends_sentence(tokens, last) or _is_closing(tokens, i):
            starts[i] = -1
        elif _opens_after_stop(tokens, last, i):
            starts[i] = 1
        last = i
    doc.from_array([SENT_START], starts.view("uint64"))
    return doc


def _ends_sentence(tokens: list[tuple[str, bool, str]], i: int) -> bool:
    """Token ``i`` ends a sentence: final punctuation, or closing marks after it."""
    while i >= 0:
        text = tokens[i][0]
        if text.endswith(SENTENCE_FINAL):
            return True
        if not (text in CLOSING or text in ('"', "'")):
            return False
        i -= 1
    return False


def _is_closing(tokens: list[tuple[str, bool, str]], i: int) -> bool:
    """A mark that closes what came before: a closing quotation mark or bracket attached to it."""
    text = tokens[i][0]
    if text in CLOSING:
        return True
    return text in ('"', "'") and i > 0 and not tokens[i - 1][2]


def _opens_after_stop(tokens: list[tuple[str, bool, str]], last: int, i: int) -> bool:
    """Token ``i`` opens a quote (spaced before, attached to the word after) right after ``last``,
    a sentence-final mark that is a token of its own (not the point of "Mr." or "U.S.")."""
    text, _, space_after = tokens[i]
    return (
        text in OPENING
        and tokens[last][0] in SENTENCE_FINAL
        and bool(tokens[i - 1][2] or tokens[i - 1][1])
        and not space_after
        and i + 1 < len(tokens)
    )


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all of its line but white space. Reads only the white space
    around it, never the rest of the line (a text on one line has thousands of sentences)."""
    i = start - 1
    while i >= 0 and text[i] != "\n":
        if not text[i].isspace():
            return False
        i -= 1
    j, n = end, len(text)
    while j < n and text[j] != "\n":
        if not text[j].isspace():
            return False
        j += 1
    return True


def _words(span: Span) -> list[int]:
    """The indices of a sentence's tokens that are neither punctuation nor white space."""
    punct, space = columns(span.doc).is_punct, columns(span.doc).is_space
    return [i for i in range(span.start, span.end) if not (punct[i] or space[i])]


def _is_dateline(span: Span) -> bool:
    """A line that is only a date or time ("Wednesday, January 23, 2019")."""
    cols, words = columns(span.doc), _words(span)
    return bool(words) and all(cols.ent_type[i] in ("DATE", "TIME") or cols.like_num[i] for i in words)


def _is_verbless_fragment(span: Span, text: str) -> bool:
    """A short line with no verb and no full stop that does not read as a sentence ("Topics",
    "SHARE THIS"), or a word in capitals with a full stop ("LETTERS."; two are a headline as often
    as a label: "SENATE VOTES.")."""
    cols, words = columns(span.doc), _words(span)
    if not words or len(words) > VERBLESS_LINE_WORDS:
        return False
    alpha = [i for i in words if cols.is_alpha[i]]
    capitals = bool(alpha) and all(cols.text[i].isupper() for i in alpha)
    verb = any(cols.pos[i] in ("VERB", "AUX") for i in words)
    if not text.rstrip().rstrip(CLOSING_MARKS).endswith(FULL_STOPS):  # a stop inside the marks counts
        return capitals or not verb  # an all-capitals line is a button or a label, verb or not
    return capitals and not verb and len(words) == 1


def _is_signature(span: Span) -> bool:
    """Names of people and places alone on a line, full stop or not ("Jane Doe.", "Springfield,
    Ill."): who signed a letter and where from, a byline. Not a statement; the names are still
    parties."""
    cols, words = columns(span.doc), _words(span)
    return 0 < len(words) <= SIGNATURE_WORDS and all(
        cols.pos[i] == "PROPN" and cols.ent_type[i] in ("PERSON", "GPE") for i in words)


CAPTION_VERBS = {"show", "take", "provide", "release", "depict"}
"""What a caption's picture does ("This photo shows ...", "Photo taken on ..."), when it has a verb."""


def _captioned(span: Span) -> bool:
    """Whether a line that opens like a caption reads as one: its root a verb of showing or
    taking, or no verb ("A video of the rally"); "The video of X went viral" is a sentence."""
    root = span.root
    return root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in CAPTION_VERBS


def classify(span: Span, start: int, end: int, text: str) -> str | None:
    """The boilerplate rule a sentence falls under, or None for content. ``text`` is the
    document's text (``Doc.text`` joins every token on each access: read it once per document)."""
    sent_text = text[start:end]
    whole_line = _whole_line(text, start, end)
    short_line = whole_line and len(sent_text.split()) <= SHORT_LINE_WORDS
    for p in _patterns():
        if p.scope == "any" and p.regex.search(sent_text):
            return p.rule
        if p.scope == "start" and p.regex.match(sent_text):
            return p.rule
        if p.scope == "short" and short_line and p.regex.match(sent_text):
            return p.rule
        if p.scope == "line-start" and whole_line and p.regex.match(sent_text) and _captioned(span):
            return p.rule
        if p.scope == "line" and whole_line and p.regex.fullmatch(sent_text):
            return p.rule
    if whole_line and _is_dateline(span):
        return "dateline"
    if whole_line and _is_signature(span):
        return "signature"
    if whole_line and _is_verbless_fragment(span, sent_text):
        return "fragment"
    return None


def sentences(doc: Doc, text: str | None = None) -> list[Segment]:
    """The sentences of a parsed ``Doc``, white space trimmed, each with its boilerplate verdict.
    ``text`` is ``doc.text`` when the caller has it (``Doc.text`` joins every token anew)."""
    out = []
    text = doc.text if text is None else text
    space = columns(doc).is_space
    for sent in doc.sents:
        words = [i for i in range(sent.start, sent.end) if not space[i]]
        if not words:
            continue
        span = doc[words[0] : words[-1] + 1]
        start, end = span.start_char, span.end_char
        out.append(Segment(span, start, end, classify(span, start, end, text)))
    return out
