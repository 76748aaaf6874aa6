"""Quote spans: a pure scan over the text's quotation marks. Never raises.

Double marks (straight ``"``, curly “ ”, guillemets « ») are paired within a paragraph; a quote
left open at the end of a paragraph runs to the paragraph's end. Single marks (‘ ’ and
straight ``'``) count as quotes only outside double quotes and only where they cannot be
apostrophes (an opening mark after a space or bracket, a closing one before a non-letter).
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u00ab\u201e"
CLOSE_DOUBLE = "\u201d\u00bb"
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


@dataclass(frozen=True)
class Quote:
    """The inside of a pair of quotation marks: ``text[start:end]`` excludes the marks."""

    start: int
    end: int
    closed: bool
    """False when the paragraph ended before a closing mark."""
    double: bool


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _can_open_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014-/") and not after.isspace()


def _can_close_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _double_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    quotes, open_at, open_straight = [], None, False
    for i in range(lo, hi):
        c = text[i]
        if c == '"':
            if open_at is None:
                open_at, open_straight = i, True
            elif open_straight:
                quotes.append(Quote(open_at + 1, i, True, True))
                open_at = None
        elif c in OPEN_DOUBLE:
            if open_at is None:
                open_at, open_straight = i, False
        elif c in CLOSE_DOUBLE:
            if open_at is not None and not open_straight:
                quotes.append(Quote(open_at + 1, i, True, True))
                open_at = None
            elif open_at is None and i + 1 < hi and text[i + 1].isalnum():
                open_at, open_straight = i, False  # a closing mark used as an opening one
    if open_at is not None and hi > open_at + 1:
        quotes.append(Quote(open_at + 1, hi, False, True))
    return quotes


def _single_quotes(text: str, lo: int, hi: int, inside: list[Quote]) -> list[Quote]:
    blocked = [(q.start - 1, q.end + 1) for q in inside]
    quotes, open_at = [], None
    for i in range(lo, hi):
        c = text[i]
        if c not in "'\u2018\u2019" or any(a <= i < b for a, b in blocked):
            continue
        if open_at is None:
            if c in "'\u2018" and _can_open_single(text, i):
                open_at = i
        elif c in "'\u2019" and _can_close_single(text, i):
            if i > open_at + 2:
                quotes.append(Quote(open_at + 1, i, True, False))
            open_at = None  # a one-letter "quote" is an elision: rock 'n' roll
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, in order of position."""
    out: list[Quote] = []
    for lo, hi in _paragraphs(text):
        doubles = _double_quotes(text, lo, hi)
        out.extend(doubles)
        out.extend(_single_quotes(text, lo, hi, doubles))
    return sorted(out, key=lambda q: q.start)
