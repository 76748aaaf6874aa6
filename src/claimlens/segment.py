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
from spacy.tokens import Doc, Span, Token

from .resources import read_model_tsv

SHORT_LINE_WORDS = 12
VERBLESS_LINE_WORDS = 8
SENTENCE_END = (".", "!", "?", ":", "\"", "\u201d", "'", "\u2019", ")")
SENTENCE_FINAL = (".", "!", "?", "\u2026")
CLOSING = ("\u201d", "\u2019", ")", "]", "\u00bb")


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
    nowhere else but after sentence-final punctuation (so "Iran denounces X" on a headline line
    stays one sentence, and a closing quotation mark stays with the sentence it closes)."""
    # all set in one go: each Token.is_sent_start assignment scans the whole Doc
    starts = doc.to_array([SENT_START]).astype("int64")
    last = None  # the previous token that is not white space
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_space:
            continue
        if prev.is_space and "\n" in prev.text:
            starts[token.i] = 1
        elif last is None or not _ends_sentence(last) or _is_closing(token):
            starts[token.i] = -1
        last = token
    return doc.from_array([SENT_START], starts.astype("uint64"))


def _ends_sentence(token: Token) -> bool:
    if token.text.endswith(SENTENCE_FINAL):
        return True
    if token.text in CLOSING or token.text in ('"', "'"):
        prev = token.doc[token.i - 1] if token.i else None
        return prev is not None and _ends_sentence(prev)
    return False


def _is_closing(token: Token) -> bool:
    """A mark that closes what came before: a closing quotation mark or bracket attached to it."""
    if token.text in CLOSING:
        return True
    return token.text in ('"', "'") and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    while line_end > line_start and text[line_end - 1].isspace():
        line_end -= 1
    while line_start < line_end and text[line_start].isspace():
        line_start += 1
    return line_start, line_end


def _is_dateline(span: Span) -> bool:
    """A line that is only a date or time ("Wednesday, January 23, 2019")."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in words)


def _is_verbless_fragment(span: Span, text: str) -> bool:
    """A short line with no verb that does not read as a sentence ("Topics", "SHARE THIS")."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or len(words) > VERBLESS_LINE_WORDS or text.rstrip().endswith(SENTENCE_END[:3]):
        return False
    if all(t.text.isupper() for t in words if t.is_alpha) and any(t.is_alpha for t in words):
        return True  # an all-capitals line: a button or a label
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def classify(span: Span, start: int, end: int, text: str | None = None) -> str | None:
    """The boilerplate rule a sentence falls under, or None for content (``text``: the Doc's
    text, passed in by :func:`sentences` since building ``Doc.text`` walks the whole Doc)."""
    text = span.doc.text if text is None else text
    sent_text = text[start:end]
    line_start, line_end = _line_bounds(text, start, end)
    whole_line = line_start == start and line_end == end
    line_words = len(text[line_start:line_end].split())
    for p in _patterns():
        if p.scope == "any" and p.regex.search(sent_text):
            return p.rule
        if p.scope == "start" and p.regex.match(sent_text):
            return p.rule
        if p.scope == "short" and whole_line and line_words <= SHORT_LINE_WORDS and p.regex.match(sent_text):
            return p.rule
        if p.scope == "line" and whole_line and p.regex.fullmatch(sent_text):
            return p.rule
    if whole_line and _is_dateline(span):
        return "dateline"
    if whole_line and _is_verbless_fragment(span, sent_text):
        return "fragment"
    return None


def sentences(doc: Doc) -> list[Segment]:
    """The sentences of a parsed ``Doc``, white space trimmed, each with its boilerplate verdict."""
    out = []
    text = doc.text
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        span = doc[tokens[0].i : tokens[-1].i + 1]
        start, end = span.start_char, span.end_char
        out.append(Segment(span, start, end, classify(span, start, end, text)))
    return out
