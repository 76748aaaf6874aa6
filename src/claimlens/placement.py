"""Quote placement: the quote a cue takes beside it (:func:`adjacent_quote`), the other half of a
quote the cue splits (:func:`with_partner`), a cue's content turned into the whole quote where it
is one (:func:`place`: also the quote a verb of saying inside the content opens, and a quoted
predicate's end at its closing mark), and the quote type of a statement's parts (:func:`quote_type`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .columns import columns
from .context import Context
from .drafts import trim as _trim
from .quotes import QUOTE_CHARS, Quote, looks_like_title
from .segment import Segment

FINAL_PUNCT = ".!?"


def free_quote(ctx: Context, q: Quote | None) -> Quote | None:
    if q is None or q in ctx.used or looks_like_title(ctx.text, q):
        return None
    return q


def _named_in_phrase(ctx: Context, q: Quote) -> bool:
    """Whether a quote is a fragment of the words before it in its sentence, a title ("In an
    interview with "Town Talk," Dunn said ...") or a partial quote ("The plan was "a disgrace," she
    said"), not the whole of what the cue after it reports: every word it holds hangs from a word
    before its opening mark."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    cols = columns(ctx.doc)  # the quote's words and their heads by index, not as Tokens
    head, punct, space = cols.head, cols.is_punct, cols.is_space
    start, end = span.start, span.end
    words = [i for i in range(start, end) if not start <= head[i] < end and not (punct[i] or space[i])]
    if not words:
        return False
    first = span.sent.start
    return all(first <= head[i] < start and not (punct[head[i]] or space[head[i]]) for i in words)


NAME_WORDS_BEFORE = 3
"""How many words before a speaker phrase may be the start of its name that the parse left out."""


def name_words_before(ctx: Context, speaker: Span) -> int:
    """Where a speaker phrase set after a closing quote really starts: the parse may take the words
    right after the quote's closing mark into the quoted clause ('"...," Harbor police Chief Ann
    Cole said', '"...," park ranger Ana Ruiz said'); up to :data:`NAME_WORDS_BEFORE` capitalised
    words or nouns directly after the mark count as the speaker's. The speaker's start otherwise."""
    doc, text = ctx.doc, ctx.text
    i = speaker.start
    words = 0
    while i > 0 and words < NAME_WORDS_BEFORE:
        t = doc[i - 1]
        if not t.is_alpha or not (t.text[0].isupper() or t.pos_ in ("NOUN", "PROPN", "ADJ")):
            break
        i -= 1
        words += 1
    if i == speaker.start or i == 0:
        return speaker.start_char
    k = doc[i].idx  # back over spaces and commas to the closing mark (a few characters, not the text)
    while k > 0 and text[k - 1] in " \t\u00a0,":
        k -= 1
    return doc[i].idx if k > 0 and text[k - 1] in QUOTE_CHARS else speaker.start_char


def adjacent_quote(ctx: Context, verb: Token, cue: Span, speaker: Span | None, seg: Segment) -> Quote | None:
    """A quote set right before or after the cue and its speaker: ``"X," she said`` or
    ``she said: "X"`` (the quote may run on past the sentence, or open the next paragraph)."""
    text = ctx.text
    lo = min(cue.start_char, speaker.start_char if speaker is not None else cue.start_char)
    hi = max(cue.end_char, speaker.end_char if speaker is not None else cue.end_char)
    if speaker is not None and speaker.start_char <= cue.start_char:
        lo = name_words_before(ctx, speaker)  # '"...," Harbor police Chief X said': words the parse cut off
    # before: only marks, commas and spaces between the quote's end and the cue group
    j = lo - 1
    while j >= 0 and (text[j].isspace() or text[j] in ",;:\u2014-"):
        j -= 1
    k = j - 1 if j > 0 and text[j - 1 : j + 1] == "''" else j  # where a closing '' starts
    before = free_quote(ctx, ctx.quote_at(k)) if j >= 0 and text[j] in QUOTE_CHARS else None
    if (
        before is not None
        and before.end in (j, k)
        and before.end > seg.start - 1 - 2000
        and not _ends_paragraph(text, before, lo)
        and not _named_in_phrase(ctx, before)
    ):
        return before
    # after: the verb's own modifiers ("told reporters on Monday"), then the quote
    limit = seg.end
    for q in ctx.quotes_between(hi, max(limit, hi) + 2):
        q = free_quote(ctx, q)
        if q is None or q.start <= hi:
            continue
        gap = text[hi : q.start - 1]
        if any(c in FINAL_PUNCT for c in gap) or "\n" in gap.strip(" \t:\u00a0"):
            break
        span = ctx.doc.char_span(hi, q.start - 1, alignment_mode="contract")
        if span is not None and any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in span):
            break
        if span is not None and len(span) > 12:
            break
        return q
    # after, across a paragraph break: "He said:" closing its paragraph
    tail = text[hi : seg.end].strip()
    if tail in (":", ",:") or (tail == "" and text[hi - 1 : hi] == ":"):
        k = seg.end
        while k < len(text) and (text[k].isspace() or text[k] in QUOTE_CHARS):
            k += 1
        q = free_quote(ctx, ctx.quote_at(k))
        if q is not None and q.start <= k + 1:
            return q
    return None


def _split_partner(ctx: Context, q: Quote, verb: Token, cue: Span, speaker: Span | None) -> Quote | None:
    """The other half of a quote its cue splits: ``"X," she said, "Y."``."""
    text, doc = ctx.text, ctx.doc
    if q.end < cue.start_char:
        candidates = ctx.quotes_between(q.end + 1, cue.end_char + 200)
        others = [o for o in candidates if o.start > cue.end_char]
        other = others[0] if others else None
        first, second = q, other
    else:
        prev = ctx.quote_at(cue.start_char - 3) if cue.start_char >= 3 else None
        candidates = ctx.quotes_between(max(0, cue.start_char - 400), cue.start_char)
        others = [o for o in candidates if o.end < cue.start_char and o is not q]
        other = others[-1] if others else prev
        first, second = other, q
    if other is None or free_quote(ctx, other) is None or first is None or second is None:
        return None
    gap_text = text[first.end + 1 : second.start - 1]
    if any(c in FINAL_PUNCT for c in gap_text) or "\n" in gap_text or len(gap_text) > 120:
        return None
    gap = doc.char_span(first.end + 1, second.start - 1, alignment_mode="expand")
    if gap is None or not (gap.start <= verb.i < gap.end):
        return None
    spk = set(range(speaker.start, speaker.end)) if speaker is not None else set()
    cue_ids = set(range(cue.start, cue.end))
    for t in gap:
        if t.i in spk or t.i in cue_ids or t.is_punct or t.is_space:
            continue
        if t.pos_ in ("VERB", "AUX") or not any(a.i == verb.i for a in t.ancestors):
            return None
    return other


def place(
    ctx: Context,
    content: Span | None,
    rule: str,
    cue: Span,
    seg: Segment,
    range_: tuple[int, int] | None = None,
) -> tuple[list[tuple[int, int]], str] | None:
    """The content's character parts, turned into a whole quote where it is one."""
    text = ctx.text
    if content is not None or range_ is not None:
        s, e = range_ if range_ is not None else (content.start_char, content.end_char)
        # a leading "that" goes, unless it is the object's determiner ("rejected that argument")
        that = not (content is not None and len(content) > 1 and content[0].lower_ == "that"
                    and content[0].dep_ == "det")
        s, e = _trim(text, s, e, keep_marks=True, that=that)
        if e <= s:
            return None
        q = free_quote(ctx, ctx.quote_at(s if text[s] not in QUOTE_CHARS else s + 1))
        cue_in_q = q is not None and q.start <= cue.start_char < q.end
        if (
            q is not None
            and not cue_in_q
            and q.start - 1 <= s <= q.start + 1
            and (e <= q.end + 1 or q.end >= seg.end - 2 or not q.closed)
        ):
            return [(q.start, q.end)], "quote"
        if q is not None and not cue_in_q and q.start - 1 <= s and e <= q.end + 1:
            return [(q.start, q.end)], "quote"
        inside = [q for q in ctx.quotes_between(s, e) if q not in ctx.used]
        spoken = _quote_of_inner_cue(ctx, s, e, inside)
        if spoken is not None:
            return [(spoken.start, spoken.end)], "quote"
        for q in inside:
            if s < q.start < e <= q.end + 1 and q.closed:
                e = q.end + _closing_width(text, q)  # the closing mark too ('as "an insult."')
            elif s < q.start and q.closed and q.end + 1 < e and _gloss_after(ctx, q, e, rule):
                e = q.end + _closing_width(text, q)
        return [(s, e)], rule
    return None


def _closing_width(text: str, q: Quote) -> int:
    """How many characters the closing mark of a closed quote takes: 2 for a doubled apostrophe."""
    return 2 if text[q.end : q.end + 2] == "''" else 1


def _quote_of_inner_cue(ctx: Context, s: int, e: int, inside: list[Quote]) -> Quote | None:
    """A quote that ends the content right after a verb of saying with no subject of its own
    ('his staff were told, "X"', 'writing "X"'): the words the content's speaker said, not a
    paraphrase of them."""
    text = ctx.text
    for q in inside:
        ends = q.closed and e <= q.end + _closing_width(text, q)
        if not (s < q.start and ends) or looks_like_title(text, q):
            continue
        lead = ctx.doc.char_span(s, q.start - 1, alignment_mode="contract")
        words = [t for t in lead or () if not (t.is_punct or t.is_space)]
        if not words or text[words[-1].idx + len(words[-1]) : q.start - 1].strip(" ,:\u00a0"):
            continue
        last = words[-1]
        if ctx.cue_entry(last) is not None and not any(c.dep_ == "nsubj" for c in last.children):
            return q
    return None


def _gloss_after(ctx: Context, q: Quote, e: int, rule: str) -> bool:
    """Whether the words after a quote that is a cue's predicate, to the content's end, are the
    writer's circumstance the parse hangs on a quoted word: when, where or in what it was said
    ('described it as "a failure" on Monday', '... "a disgrace" in a statement'), not the
    speaker's ('a "detail" of history', '"a step" in the right direction')."""
    if rule != "predicative" or any(o.start > q.end for o in ctx.quotes_between(q.end + 1, e)):
        return False  # another quote follows: 'as "biased" and "misleading"'
    tail = ctx.doc.char_span(q.end + _closing_width(ctx.text, q), e, alignment_mode="expand")
    if tail is None:
        return False
    roots = [t for t in tail if not (tail.start <= t.head.i < tail.end) and not (t.is_punct or t.is_space)]
    return bool(roots) and all(
        q.start <= t.head.idx < q.end and t.dep_ == "prep" and t.lower_ != "of" and _circumstance(ctx, t)
        for t in roots
    )


def _circumstance(ctx: Context, prep: Token) -> bool:
    """A preposition's object that names a time, a medium or a named place ("on Monday", "in a
    statement", "on Twitter")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (
        pobj.ent_type_ in ("DATE", "TIME")
        or pobj.pos_ == "PROPN"
        or ctx.word("communication", pobj)
        or ctx.word("document", pobj)
    )


def with_partner(
    ctx: Context, parts: list[tuple[int, int]], verb: Token, cue: Span, speaker: Span | None
) -> list[tuple[int, int]]:
    q = ctx.quote_at(parts[0][0])
    partner = _split_partner(ctx, q, verb, cue, speaker) if q is not None else None
    return sorted([parts[0], (partner.start, partner.end)]) if partner is not None else parts


def quote_type(text: str, parts: list[tuple[int, int]], quotes: list[Quote], rule: str) -> str:
    if rule == "quote" or (
        quotes and all(any(q.start - 1 <= s and e <= q.end + 1 for q in quotes) for s, e in parts)
    ):
        return "direct"
    # a quoted title or name ('a custom called "Night Market"') quotes nobody's words
    titles = [q for q in quotes if looks_like_title(text, q)]
    inside = "".join(
        c
        for s, e in parts
        for i, c in enumerate(text[s:e], s)
        if not any(t.start - 1 <= i <= t.end for t in titles)
    ) if titles else "".join(text[s:e] for s, e in parts)
    if any(c in '"\u201c\u201d\u00ab\u00bb' for c in inside) or any(
        q.start < e and s < q.end for q in quotes if q not in titles for s, e in parts
    ):
        return "partial"
    return "indirect"



def _ends_paragraph(text: str, q: Quote, cue: int) -> bool:
    """Whether a quote before a cue is a sentence that closes its own paragraph: it continues the
    speaker before it ('"X," Ortiz said.' + '"Y."' + 'Reyes disagreed.'), the cue after the break
    opens a statement of its own."""
    return "\n" in text[q.end : cue] and text[q.start : q.end].rstrip().endswith(".")


def closes_clause(text: str, q: Quote) -> bool:
    """Whether a quote ends as a reported clause ends before its cue: a comma, question mark or
    exclamation mark inside the marks or right after them ('"X," she said', '"X", she said')."""
    inside = text[q.start : q.end].rstrip()
    after = text[q.end : q.end + 3].lstrip(QUOTE_CHARS)
    return inside.endswith((",", "?", "!")) or after.startswith(",")
