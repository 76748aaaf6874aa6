"""Text preparation before the parse: what the model reads, and long texts cut into pieces.

Both keep offsets: :func:`analysis_text` changes characters but never the length, so an offset
into it is an offset into the original text; :func:`chunk_bounds` gives pieces as ``(start,
end)`` in the text it cuts.
"""
from __future__ import annotations

import re

MAX_RUN = 200
"""Longest run of characters without white space the tokenizer is given: spaCy's tokenizer
takes quadratic time over a long run of punctuation or emoji (20,000 "!" take half a minute)."""

# Characters that are invisible in print, read as a space: zero-width space and word joiner,
# byte-order mark, directional marks, embeddings, overrides and isolates, invisible operators,
# and the C0 and C1 control characters (tab, line feed and carriage return aside).
_AS_SPACE = (
    "\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
    + "".join(map(chr, [*range(0x00, 0x09), *range(0x0e, 0x1c), 0x1f, *range(0x7f, 0x85),
                        *range(0x86, 0xa0)]))
)
# Characters that break a line as str.splitlines() knows them, read as a line feed.
_AS_NEWLINE = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TABLE = str.maketrans({**dict.fromkeys(_AS_SPACE, " "), **dict.fromkeys(_AS_NEWLINE, "\n")})
# A markup tag left in plain text by a scraper ("<tweet id=\"77\">", "</tweet>", "<br/>"): a
# letter after "<" or "</", a name, attributes with values (quoted ones up to 1,000 characters),
# and ">". Prose with "<" ("x < 5 and y > 3", "a<b and c>d", "<http://...>") has no such shape.
_TAG = re.compile(
    r"</?[A-Za-z][\w:.-]*"
    r"(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>]{0,1000}\"|'[^'<>]{0,1000}'|[^\s\"'<>=`]+))*\s*/?>"
)
_SPECIAL = re.compile(
    f"[{re.escape(_AS_SPACE + _AS_NEWLINE)}]|\r(?!\n)|\\S{{{MAX_RUN + 1},}}|{_TAG.pattern}"
)
_LONE_CR = re.compile("\r(?!\n)")
_LONG_RUN = re.compile(f"\\S{{{MAX_RUN + 1},}}")
_SENTENCE_END = re.compile("[.!?\u2026][\"'\u201d\u2019)\\]]*\\s")


def _break_run(match: re.Match[str]) -> str:
    chars = list(match.group())
    for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
        chars[i] = " "
    return "".join(chars)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def analysis_text(text: str) -> str:
    """The text the model reads: of the same length as ``text``, with invisible characters
    (zero-width, directional marks, byte-order marks, control characters) and markup tags
    (``<tweet id="7">``, ``</p>``: their attributes are not prose) as spaces, other line breaks
    (a lone carriage return, form feed, U+2028, ...) as line feeds, and a space put every
    :data:`MAX_RUN` characters into longer runs without white space. ``text`` itself when none
    of these occurs."""
    if _SPECIAL.search(text) is None:
        return text
    view = text.translate(_TABLE)
    if "<" in view:
        view = _TAG.sub(_blank, view)
    if "\r" in view:
        view = _LONE_CR.sub("\n", view)
    return _LONG_RUN.sub(_break_run, view)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that begins at ``start`` ends: after the last paragraph break (a blank
    line), else the last line break, else the last sentence end, else the last white space in
    the second half of the window ``[start, start + limit)``; a hard cut at the limit if none."""
    lo, hi = start + limit // 2, start + limit
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, lo, hi)
        if at != -1:
            return at + len(mark)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    if ends:
        return ends[-1]
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i + 1
    return hi


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, preferably at
    paragraph boundaries (see :func:`_cut`): ``[(start, end), ...]`` covering the whole text."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    bounds, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds
