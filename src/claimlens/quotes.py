"""Quote spans: a pure scan over the text's quotation marks. Never raises.

Double marks (straight ``"``, a doubled apostrophe ``''``, curly “ ”, guillemets « », „) are
paired within a paragraph, mixed ones too (a straight opening mark closed by a curly one, an
opening curly mark set where a closing one belongs); a quote left open at the end of a
paragraph runs to the paragraph's end, and when the next paragraph opens with a quotation mark
the quote goes on there (the newspaper convention for a quotation over several paragraphs):
the two become one
:class:`Quote` whose ``paragraphs`` list the pieces. Single marks (‘ ’ and straight ``'``) count
as quotes only outside double quotes and only where they cannot be apostrophes (an opening
mark after a space or bracket, a closing one before a non-letter, but not a plural possessive's
apostrophe before a word when a later mark closes the quote: 'The workers' claims are false.');
one still open at its paragraph's full stop goes on in the next paragraph that opens with a
single mark, when a later paragraph closes it, as British papers print a quotation over several
paragraphs.

:func:`looks_like_title` tells a quoted title or name ("The Art of the Deal") from speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u00ab\u201e"
CLOSE_DOUBLE = "\u201d\u00bb"
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
TITLE_LEADS = {"on", "in", "of", "from", "to", "at", "by", "with", "called", "titled", "entitled", "named"}
"""Words before a quoted title ("appeared on", "a book titled")."""
TITLE_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "is",
    "as",
    "but",
    "nor",
    "vs",
    "de",
    "la",
    "le",
    "von",
    "van",
}


@dataclass(frozen=True)
class Quote:
    """The inside of a pair of quotation marks: ``text[start:end]`` excludes the marks."""

    start: int
    end: int
    closed: bool
    """False when the quotation never closes (the paragraph, or the last of its paragraphs, ended first)."""
    double: bool
    paragraphs: tuple[tuple[int, int], ...] = ()
    """The piece in each paragraph, for a quotation over several paragraphs; else empty."""


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


def _possessive(text: str, i: int, hi: int) -> bool:
    """Whether a mark that could close a single quote is the apostrophe of a plural possessive
    inside it ('We did nothing. The workers' claims are false.'): it follows an "s" and comes
    before a word, and a later mark of the paragraph closes the quote before any mark opens
    another."""
    if not (text[i - 1] in "sS" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isalnum()):
        return False
    for mark in _SINGLE_MARKS.finditer(text, i + 1, hi):
        j = mark.start()
        if _can_open_single(text, j):
            return False
        if _can_close_single(text, j) and not (text[j - 1] in "sS" and text[j + 1 : j + 2] == " "):
            return True
    return False


_DOUBLE_MARKS = re.compile("''|[\"" + OPEN_DOUBLE + CLOSE_DOUBLE + "]")
"""The characters :func:`_double_quotes` reads: a double mark, or two apostrophes as one."""
_SINGLE_MARKS = re.compile("['\u2018\u2019]")


def _double_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    quotes, open_at, open_straight, open_width = [], None, False, 1
    for mark in _DOUBLE_MARKS.finditer(text, lo, hi):  # the marks only, not every character
        i = mark.start()
        c = text[i]
        width = mark.end() - i  # 2 for a doubled apostrophe
        if c == '"' or width == 2:
            if open_at is None:
                open_at, open_straight, open_width = i, True, width
            elif open_straight or (not text[i - 1].isspace() and text.find("\u201d", i, hi) == -1):
                # mixed marks: a straight one closes a curly one that no curly mark closes later
                if i > open_at + open_width:
                    quotes.append(Quote(open_at + open_width, i, True, True))
                open_at = None
        elif c in OPEN_DOUBLE:
            if open_at is None:
                open_at, open_straight, open_width = i, False, 1
            elif (
                not open_straight
                and c == "\u201c"
                and i > open_at + 1
                and not text[i - 1].isspace()
                and text[i - 1] not in QUOTE_CHARS
                and (i + 1 >= hi or not text[i + 1].isalnum())
                and text.count("\u201d", i, hi) <= text.count("\u201c", i + 1, hi)
            ):
                # an opening mark where a closing one belongs ('here,“ said X'): it closes the quote
                # (the closing marks after it, if any, close the quotes opened after it)
                quotes.append(Quote(open_at + 1, i, True, True))
                open_at = None
        elif c in CLOSE_DOUBLE:
            if open_at is not None and (not open_straight or text.count('"', i, hi) % 2 == 0):
                # a curly mark closes a straight one too, when the straight marks after it pair up
                if i > open_at + open_width:
                    quotes.append(Quote(open_at + open_width, i, True, True))
                open_at = None
            elif open_at is None and i + 1 < hi and text[i + 1].isalnum():
                open_at, open_straight, open_width = i, False, 1  # a closing mark used as an opening one
    if open_at is not None and hi > open_at + open_width:
        end = hi
        while end > open_at + open_width and text[end - 1].isspace():
            end -= 1
        if end > open_at + open_width:
            quotes.append(Quote(open_at + open_width, end, False, True))
    return quotes


def _single_quotes(text: str, lo: int, hi: int, inside: list[Quote]) -> list[Quote]:
    blocked = [(q.start - 1, q.end + 1) for q in inside]
    quotes, open_at = [], None
    b = 0
    for mark in _SINGLE_MARKS.finditer(text, lo, hi):
        i = mark.start()
        c = text[i]
        while b < len(blocked) and blocked[b][1] <= i:
            b += 1
        if b < len(blocked) and blocked[b][0] <= i:
            continue
        if (i + 1 < hi and text[i + 1] == "'") or (i > lo and text[i - 1] == "'"):
            continue  # a doubled apostrophe is a double mark
        if open_at is None:
            if c in "'\u2018" and _can_open_single(text, i):
                open_at = i
        elif c in "'\u2019" and _can_close_single(text, i) and not _possessive(text, i, hi):
            if i > open_at + 2:
                quotes.append(Quote(open_at + 1, i, True, False))
            open_at = None  # a one-letter "quote" is an elision: rock 'n' roll
    if open_at is not None and text[lo:hi].rstrip()[-1:] in (".", "?", "!"):
        # a quotation still open at its paragraph's full stop: it may go on in the next paragraph
        end = hi
        while text[end - 1].isspace():
            end -= 1
        quotes.append(Quote(open_at + 1, end, False, False))
    return quotes


def _opens_paragraph(text: str, lo: int, hi: int, q: Quote) -> bool:
    """Does quote ``q`` start at the first non-space character of paragraph [lo, hi), after a mark of
    its kind?"""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    marks = "\"'\u201c\u00ab\u201e\u201d" if q.double else "'\u2018"
    return i < hi and q.start in (i + 1, i + 2) and text[i] in marks


def _join(first: Quote, second: Quote) -> Quote:
    pieces = first.paragraphs or ((first.start, first.end),)
    return Quote(first.start, second.end, second.closed, first.double, pieces + ((second.start, second.end),))


def find_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, in order of position."""
    out: list[Quote] = []
    running: Quote | None = None  # a double quote left open by the previous non-empty paragraph
    pending: Quote | None = None  # a single quote that opened the previous paragraph, left open
    for lo, hi in _paragraphs(text):
        if not text[lo:hi].strip():
            continue
        doubles = _double_quotes(text, lo, hi)
        if running is not None and doubles and _opens_paragraph(text, lo, hi, doubles[0]):
            out.remove(running)
            doubles[0] = _join(running, doubles[0])
            out.append(doubles[0])
            doubles_new = doubles[1:]
        else:
            doubles_new = doubles
        out.extend(doubles_new)
        singles = _single_quotes(text, lo, hi, doubles)
        if pending is not None and singles and _opens_paragraph(text, lo, hi, singles[0]):
            singles[0] = _join(pending, singles[0])  # the single quote goes on over the paragraphs
        # an open single quote counts only as the start of one that closes in a later paragraph
        pending = singles.pop() if singles and not singles[-1].closed else None
        out.extend(singles)
        last = doubles[-1] if doubles else None
        running = last if last is not None and not last.closed else None
    return sorted(out, key=lambda q: q.start)


def looks_like_title(text: str, q: Quote) -> bool:
    """A quoted title, name or term rather than words someone said: short, capitalised like a
    title ("The Art of the Deal", "Crossroads of America") and without final punctuation (but
    the full stop of a paragraph it closes after a possessive or a preposition: 'on CBS's "Face
    the Nation."')."""
    inner = text[q.start : q.end].strip()
    rest = text[q.end : q.end + 3].lstrip("\"'\u201d\u00bb").lstrip(" \t")
    before = text[max(0, q.start - 20) : q.start].rstrip(QUOTE_CHARS + " \t").rsplit(None, 1)[-1:]
    if (
        inner.endswith(".")
        and not inner.endswith("..")
        and rest[:1] in ("", "\n")
        and before
        and (before[0].lower() in TITLE_LEADS or before[0].endswith(("'s", "\u2019s")))
    ):
        inner = inner[:-1]  # a title closing its paragraph takes its full stop ('on NPR's "Morning Show."')
    words = inner.split()
    if not words or len(words) > 8 or inner[-1] in ".!?,;:":
        return False
    if len(words) == 1:
        return False  # one word: a scare quote as often as a name
    content = [w for w in words if w.lower().strip("'\u2019") not in TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or not w[0].isalpha() for w in content)
