"""Statements the layout of an article makes, after the attribution stage's cues: a quote
paragraph with no cue of its own (``floating``: the previous speaker goes on), a paragraph quoted
without marks after a statement, message or cue ending in a colon (``block``), a quote after a
clause with no cue and a colon (``colon``: 'The chef was furious: "..."'), a quote in the first
person closing a sentence whose subject is a person (``closing``), examples of a story
under a heading line (``exhibit``), the turns of a transcript (``transcript``), paragraphs signed
with a dash and a name on the line after them (``signed``), and every other
body sentence as the article's own claim (``own``).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .actors import ActorDraft, fold
from .actorwords import lexicon
from .countries import capital_of, country_named
from .drafts import CONFIDENCE, Draft, trim
from .quotes import QUOTE_CHARS, looks_like_title
from .segment import Segment
from .syntax import name_phrase, subject_of

if TYPE_CHECKING:
    from .context import Context

PERSONAL = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "they"}
"""Personal pronouns: a speaker of a quote, or words that make a quote speech."""
SECTION_BREAK = re.compile(r"\n[ \t\u00a0]*\n[ \t\u00a0]*\n")
"""Two blank lines or more: the end of a section."""
TURN = re.compile(
    r"^[ \t\u00a0]*([\"\u201c\u201d]?)[ \t\u00a0]*"
    r"((?:[A-Z][A-Z'\u2019-]*\.?[ \t\u00a0]+){0,2}[A-Z][A-Z'\u2019-]*[A-Z])[ \t\u00a0]*:[ \t\u00a0]+(?=\S)",
    re.MULTILINE,
)
"""A turn of a transcript: a line opened (after an opening quotation mark) by a name in capitals,
of one to three words, and a colon."""


def _own(ctx: Context, si: int, seg: Segment) -> Draft | None:
    text = ctx.text
    start, end = seg.start, seg.end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ".":
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):  # a stray mark, a rule of dashes
        return None
    return Draft(parts=[(start, end)], quote="none", sent=si, rule="own")


def _quoted_own(ctx: Context, si: int, seg: Segment) -> Draft | None:
    """A sentence with no cue that lies wholly inside quotation marks: words someone said,
    whoever said them, so a direct quote (the text inside the marks) and not the article's
    own assertion in its own words."""
    text = ctx.text
    start, end = seg.start, seg.end
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS):
        end -= 1
    q = ctx.quote_at(start)
    if q is None or q in ctx.used or not (q.start <= start and end <= q.end) or looks_like_title(text, q):
        return None
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return Draft(parts=[(start, end)], quote="direct", sent=si, rule="own")


def _floating(ctx: Context, si: int, seg: Segment, last: Draft | None) -> Draft | None:
    """A quote paragraph with no cue of its own: the previous speaker goes on."""
    text = ctx.text
    k = seg.start
    while k < seg.end and text[k] in QUOTE_CHARS:
        k += 1
    q = ctx.quote_at(k)
    if q is None or q in ctx.used or looks_like_title(text, q) or q.start > seg.start + 2:
        return None
    if q.end < seg.end - 2 and q.end - q.start < 0.6 * (seg.end - seg.start):
        return None
    if last is None or (last.actor is None and last.speaker is None) or si - ctx.sentence_of(last.end) > 3:
        return None
    ctx.used.add(q)
    return Draft(
        parts=[(q.start, q.end)],
        quote="direct",
        sent=si,
        rule="floating",
        cue=None,
        speaker=last.speaker,
        actor=last.actor,
        anonymous=last.anonymous,
    )


def _colon_quote(ctx: Context, si: int, seg: Segment) -> Draft | None:
    """A clause with no cue, a colon and a quote that closes the sentence, spoken by the
    clause's subject ('The chef was furious: "I have never met the man."'): a person or body the
    text names, a personal pronoun, a role or an unnamed source ("the mayor", "officials"), or
    anyone when the quote speaks in the first or second person (not 'The rules are simple: "No
    food."')."""
    text = ctx.text
    if ":" not in text[seg.start : seg.end]:  # most sentences: no token to look for
        return None
    colon = next((t for t in seg.span if t.text == ":" and not ctx.inside_quote(t)), None)
    if colon is None or colon.i == seg.span.start:
        return None
    k = colon.idx + 1
    while k < seg.end and text[k] in " \t\u00a0":
        k += 1
    q = ctx.quote_at(k + 1) if k < seg.end and text[k] in QUOTE_CHARS else None
    if q is None or q in ctx.used or q.start != k + 1 or looks_like_title(text, q):
        return None
    if not q.closed or text[q.end + 1 : ctx.segments[ctx.sentence_of(q.end)].end].strip(" \t\u00a0."):
        return None  # the quote closes the sentence
    # the verb of the clause before the colon: a word of it whose head is outside it
    left = range(seg.span.start, colon.i)
    verb = next((t for t in ctx.doc[left.start : left.stop] if t.head.i not in left or t.head.i == t.i), None)
    subject = subject_of(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    if subject is None or ctx.inside_quote(subject) or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    speaker = name_phrase(subject)
    actor = ctx.speakers.resolve(subject, speaker)
    said = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    role = subject.pos_ == "NOUN" and (subject.lemma_.lower() in lexicon().titles or ctx.word("anonymous", subject))
    if actor is None and not role and subject.lower_ not in PERSONAL \
            and not any(t.lower_ in PERSONAL for t in said or ()):
        return None  # 'The rules are simple: "No food."' (but 'The mayor put it bluntly: "..."')
    ctx.used.add(q)
    return Draft(parts=[(q.start, q.end)], quote="direct", sent=si, rule="colon", cue=ctx.doc[colon.i : colon.i + 1],
                 cue_lemma=":", speaker=speaker, actor=actor, anonymous=ctx.speakers.anonymous(subject, actor))


FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}


def _closing_quote(ctx: Context, si: int, seg: Segment) -> Draft | None:
    """A quote in the first person that closes a sentence with no cue, after a clause whose
    subject is a person the text names: the person's words ('Ray Dunn lost his son when "a
    driver hit my boy."'), not the article's."""
    text = ctx.text
    end = seg.end
    while end > seg.start and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    if end <= seg.start or text[end - 1] not in QUOTE_CHARS:
        return None
    q = ctx.quote_at(end - 2)
    if q is None or q in ctx.used or not q.closed or q.start <= seg.start + 1 or looks_like_title(text, q):
        return None
    said = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    if said is None or not any(t.lower_ in FIRST_PERSON for t in said) or not any(t.is_lower for t in said):
        return None  # no first person, or capitalised like a title ("I Will Survive.")
    root = seg.span.root
    subject = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is None or ctx.inside_quote(subject) or subject.i >= said.start:
        return None
    if subject.pos_ != "PRON" and ctx.table.actor_at(subject.i) is None:
        return None  # a thing of the person's ("her campaign slogan is "I'm with her."")
    speaker = name_phrase(subject)
    actor = ctx.speakers.resolve(subject, speaker)
    if actor is None or actor.type != "PERSON":
        return None
    ctx.used.add(q)
    return Draft(parts=[(q.start, q.end)], quote="direct", sent=si, rule="closing", cue=None,
                 speaker=speaker, actor=actor)


def _block_opener(ctx: Context, si: int, seg: Segment, near: list[Draft]) -> tuple[Draft, int, int] | None:
    """A statement whose sentence closes its paragraph with a colon introduces the next paragraph,
    quoted without marks: (that statement, the paragraph's start, its end). So does a sentence
    that gives a message ("The ministry issued the following statement:"), which is then no
    statement of its own: its ``rule`` is "opener", and so does a cue that has nothing to report in
    its own sentence ("Mayor Lena Ortiz said:")."""
    text = ctx.text
    if not text[seg.start : seg.end].endswith(":"):
        return None
    k = seg.end
    while k < len(text) and text[k].isspace() and text[k] != "\n":
        k += 1
    if k < len(text) and text[k] != "\n":
        return None
    source = next(
        (
            d
            for d in near
            if d.cue is not None and d.speaker is not None and seg.start <= d.cue.start_char < seg.end
        ),
        None,
    )
    if source is None:
        source = _message_opener(ctx, si, seg) or _cue_opener(ctx, si, seg)
    if source is None:
        return None
    while k < len(text) and text[k].isspace():
        k += 1
    end = text.find("\n", k)
    return source, k, len(text) if end == -1 else end


def _message_opener(ctx: Context, si: int, seg: Segment) -> Draft | None:
    """"X issued the following statement:": the message's author, as the source of what follows."""
    for verb in seg.span:
        if verb.pos_ not in ("VERB", "AUX") or ctx.inside_quote(verb):
            continue
        message = next((c for c in verb.children if c.dep_ == "dobj" and ctx.speakers.is_message(c)), None)
        subject = subject_of(verb)
        if message is None or subject is None or ctx.inside_quote(subject):
            continue
        speaker = name_phrase(subject)
        return Draft(
            parts=[(seg.start, seg.end)],
            quote="none",
            sent=si,
            rule="opener",
            cue=ctx.doc[message.left_edge.i : message.i + 1],
            speaker=speaker,
            actor=ctx.speakers.resolve(subject, speaker),
        )
    return None


def _cue_opener(ctx: Context, si: int, seg: Segment) -> Draft | None:
    """"Mayor Lena Ortiz said:" closing its paragraph: the cue's speaker, as the source of what
    follows (the sentence made no statement: what the cue reports is the next paragraph)."""
    for verb in reversed(seg.span):
        if ctx.inside_quote(verb):
            continue
        found = ctx.cue_entry(verb)
        subject = subject_of(verb) if found is not None else None
        if subject is None or ctx.inside_quote(subject) or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        speaker = name_phrase(subject)
        actor = ctx.speakers.resolve(subject, speaker)
        return Draft(
            parts=[(seg.start, seg.end)],
            quote="none",
            sent=si,
            rule="opener",
            cue=found[1],
            cue_lemma=found[0].lemma,
            speaker=speaker,
            actor=actor,
            anonymous=ctx.speakers.anonymous(subject, actor),
        )
    return None


def _exhibits(ctx: Context) -> list[tuple[int, int, Span, ActorDraft]]:
    """Examples of a story quoted under a heading line of their own ("Example"), as fact-checks
    show them: (start, end, the heading, the outlet the text names as the story's source). The
    example runs to the next break of two blank lines or more."""
    text, out = ctx.text, []
    headings = ctx.words.get("exhibit", frozenset())
    for seg in ctx.segments:
        if text[seg.start : seg.end].strip(" \t\u00a0:").lower() not in headings:
            continue
        k = seg.end
        while k < len(text) and text[k] in " \t\u00a0:":
            k += 1
        if k < len(text) and text[k] != "\n":
            continue  # a heading closes its line
        while k < len(text) and text[k].isspace():
            k += 1
        found = SECTION_BREAK.search(text, k)
        actor = ctx.speakers.outlet_near(seg.span.start)
        if actor is not None and k < len(text):
            out.append((k, found.start() if found else len(text), seg.span, actor))
    return out


def _exhibit_drafts(ctx: Context, exhibits: list[tuple[int, int, Span, ActorDraft]]) -> list[Draft]:
    """One statement of the outlet per line of each example (its sentences together; a line
    without a verb, which would be site furniture elsewhere, is the story's headline)."""
    text, out = ctx.text, []
    for start, end, heading, actor in exhibits:
        lines: dict[int, list[tuple[int, Segment]]] = {}
        for si in range(ctx.sentence_of(start), len(ctx.segments)):
            seg = ctx.segments[si]
            if seg.start >= end:
                break
            if seg.start >= start and seg.boilerplate in (None, "fragment"):  # a verbless line: its headline
                lines.setdefault(text.rfind("\n", 0, seg.start), []).append((si, seg))
        for segs in lines.values():
            draft = _own(ctx, segs[0][0], segs[0][1])
            if draft is None:
                continue
            last = _own(ctx, segs[-1][0], segs[-1][1])
            draft.parts = [(draft.start, last.end if last is not None else draft.end)]
            draft.rule, draft.confidence, draft.quote = "exhibit", CONFIDENCE["exhibit"], "direct"
            draft.cue, draft.actor = heading, actor
            out.append(draft)
    return out


def _turns(ctx: Context) -> list[tuple[int, int, Draft]]:
    """The turns of a transcript, one statement each (``SMITH: ...``): (where the turn starts,
    where it ends, its statement). A name in capitals before a colon opens a turn when it names
    a person of the article, or opens two turns or more of a transcript: a text where two names
    or more open turns, each a person's or opening two turns or more. A turn whose line opens
    with a quotation mark goes on over the quoted paragraphs after it, up to the next turn, a
    stage direction ("(CROSSTALK)") or site furniture."""
    text, doc = ctx.text, ctx.doc
    found = list(TURN.finditer(text))
    found = [m for m in found if not no_speaker(ctx, doc.char_span(m.start(2), m.end(2)), m.group(2))]
    counts: dict[str, int] = {}  # by surname: "JANE DOE" and "DOE" are one speaker
    for m in found:
        surname = fold(m.group(2)).rsplit(" ", 1)[-1]
        counts[surname] = counts.get(surname, 0) + 1

    def person(label: str) -> ActorDraft | None:
        actor = ctx.speakers.names.get(label) or ctx.speakers.names.get(label.rsplit(" ", 1)[-1])
        return actor if actor is not None and actor.type == "PERSON" else None

    speakers = {fold(m.group(2)).rsplit(" ", 1)[-1] for m in found if person(fold(m.group(2)))}
    transcript = len(speakers | {name for name, n in counts.items() if n >= 2}) >= 2
    out: list[tuple[int, int, Draft]] = []
    for m in found:
        label = fold(m.group(2))
        actor = person(label)
        if actor is None and not (transcript and counts[label.rsplit(" ", 1)[-1]] >= 2):
            continue
        end = _line_end(text, m.end())
        while m.group(1):  # a quoted turn: the quoted paragraphs that follow are its own
            k = end
            while k < len(text) and text[k].isspace():
                k += 1
            line = text[k : _line_end(text, k)]
            body = line.strip(" \t\u00a0" + QUOTE_CHARS)
            seg = ctx.segments[ctx.sentence_of(k)] if ctx.segments else None
            if (
                not line.startswith(("\"", "\u201c", "\u201d"))
                or TURN.match(text, k)
                or (body.startswith("(") and body.rstrip(".").endswith(")"))
                or (seg is not None and seg.boilerplate not in (None, "fragment"))
            ):
                break
            end = _line_end(text, k)
        start, stop = trim(text, m.end(), end, that=False)
        speaker = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        cue = doc.char_span(m.end(2), text.index(":", m.end(2)) + 1, alignment_mode="expand")
        if stop <= start or speaker is None or cue is None:
            continue
        ctx.used.update(ctx.quotes_between(m.start(), stop))
        draft = Draft(parts=[(start, stop)], quote="direct", sent=ctx.sentence_of(start), rule="transcript",
                      cue=cue, speaker=speaker, actor=actor)
        out.append((m.start(), end, draft))
    return out


def _signed(ctx: Context) -> tuple[list[tuple[int, int, int, int, Span, Span]], list[Draft]]:
    """The signed paragraphs and one direct statement of the signer for each (less the handles a
    post opens with: "@jdoe we will ..."), unless a statement of a named speaker already holds it."""
    text, kept, out = ctx.text, [], []
    for signature in _signatures(ctx):
        start, end, _, _, dash, name = signature
        while text.startswith("@", start):  # the accounts a post answers
            nxt = start
            while nxt < end and not text[nxt].isspace():
                nxt += 1
            while nxt < end and text[nxt].isspace():
                nxt += 1
            start = nxt
        start, stop = trim(text, start, end, that=False)
        if stop <= start or any(d.actor is not None and d.start < stop and start < d.end for d in ctx.drafts):
            continue
        actor = ctx.speakers.resolve(name.root, name)
        kept.append(signature)
        out.append(Draft(parts=[(start, stop)], quote="direct", sent=ctx.sentence_of(start), rule="signed",
                         cue=dash, cue_lemma="dash", speaker=name, actor=actor))
    return kept, out


def no_speaker(ctx: Context, span: Span | None, label: str) -> bool:
    """Whether a label before a colon is nobody's name: an editorial label ("UPDATE:", "EDITOR'S
    NOTE:"), or a place in capitals, as datelines give it ("WASHINGTON:", "NEW DELHI:")."""
    if fold(label) in ctx.words.get("label", frozenset()):
        return True
    if not label.isupper():
        return False
    return (
        capital_of(label) is not None
        or country_named(label.title()) is not None
        or any(t.ent_type_ in ("GPE", "LOC") for t in span or ())
    )


SIGNATURE = re.compile(r"^[ \t\u00a0]*(?:\u2014|\u2015|\u2013|--|-(?=[ \t\u00a0]))[ \t\u00a0]*(?=\S)", re.MULTILINE)
"""A line opened by a dash: a signature when a name follows ("— Jane Doe (@jdoe) May 2, 2015"); a
hyphen only before a line that is a short name alone ("- Pires."), not an item of a list."""
HYPHEN_NAME_WORDS = 5
SIGNATURE_STOPS = {",", ";", "(", "[", "\u201c", "\""}


def _signatures(ctx: Context) -> list[tuple[int, int, int, int, Span, Span]]:
    """Paragraphs signed on the line after them with a dash and a name, as embedded posts and
    quoted passages print them ("— Jane Doe (@jdoe) May 2, 2015", "– Judge Ana Pires, the ruling"):
    (the paragraph's start, its end, the signature line's start, its end, the dash, the name). The
    name runs from the dash to a comma or bracket, and has a proper noun, at most ten words, no
    date."""
    text, doc, out = ctx.text, ctx.doc, []
    for m in SIGNATURE.finditer(text):
        line_end = _line_end(text, m.end())
        first = doc.char_span(m.end(), line_end, alignment_mode="expand")
        dash = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if first is None or dash is None or not len(first):
            continue
        end = first.start
        while end < first.end and doc[end].text not in SIGNATURE_STOPS and doc[end].ent_type_ not in ("DATE", "TIME"):
            end += 1
        name = doc[first.start : end]
        if not 1 <= len(name) <= 10 or not any(t.pos_ == "PROPN" or ctx.table.actor_at(t.i) for t in name):
            continue
        hyphen = text[m.start() : m.end()].strip() == "-"
        if hyphen and not _name_alone(first):
            continue  # "- Lower taxes for all": a list's item
        while hyphen and len(name) > 1 and name[-1].text == ".":
            name = name[:-1]
        k = m.start()
        while k > 0 and text[k - 1].isspace():
            k -= 1
        start = text.rfind("\n", 0, k) + 1
        body = text[start:k].strip(" \t\u00a0")
        if not body or SIGNATURE.match(text, start) or not any(c.isalpha() for c in body):
            continue
        if hyphen and body[0] not in QUOTE_CHARS:
            continue  # a hyphen signs a quotation only
        start += len(text[start:k]) - len(text[start:k].lstrip(" \t\u00a0"))
        out.append((start, k, m.start(), line_end, dash, name))
    return out


def _name_alone(line: Span) -> bool:
    """A line that is a name and nothing else: at most :data:`HYPHEN_NAME_WORDS` capitalised words,
    a full stop at most after them ("Pires.", "Sen. Ann Cole")."""
    words = [t for t in line if not (t.is_punct or t.is_space)]
    rest = [t for t in line if t.is_punct and t.text != "."]
    return 0 < len(words) <= HYPHEN_NAME_WORDS and not rest and all(t.text[:1].isupper() for t in words)


def _line_end(text: str, k: int) -> int:
    end = text.find("\n", k)
    return len(text) if end == -1 else end


def lay_out(ctx: Context) -> list[Draft]:
    """All the statements of a document, in order of position: those the sentences' cues gave
    (``ctx.drafts``), less what an example of a story or a transcript's turn holds, and those the
    layout makes: examples, turns, block quotations, quotes after a colon, floating quotes, and
    every other body sentence as the article's own claim."""
    exhibits = _exhibits(ctx)
    exhibit_starts = [e[0] for e in exhibits]
    signed, signed_drafts = _signed(ctx)
    signed_spans = [(start, line_end) for start, _, _, line_end, _, _ in signed]
    turns = _turns(ctx)
    turn_spans = [(start, end) for start, end, _ in turns]

    def in_exhibit(char: int) -> bool:
        k = bisect.bisect_right(exhibit_starts, char) - 1
        return k >= 0 and char < exhibits[k][1]

    def in_turn(char: int) -> bool:
        k = bisect.bisect_right(turn_spans, (char, len(ctx.text))) - 1
        return k >= 0 and char < turn_spans[k][1]

    def signing(char: int) -> tuple[int, int, int, int, Span, Span] | None:
        k = bisect.bisect_right(signed_spans, (char, len(ctx.text))) - 1
        return signed[k] if k >= 0 and char < signed_spans[k][1] else None

    # in an example of a story, only what named or unnamed sources say stays apart from the outlet;
    # a transcript's turn is one statement, whatever it reports
    attributed = sorted(
        (
            d
            for d in ctx.drafts
            if (d.actor is not None or d.anonymous or not (in_exhibit(d.start) or signing(d.start)))
            and not in_turn(d.start)
        ),
        key=lambda d: (d.start, d.end),
    )
    reaches = sorted(d.reach for d in attributed)
    out = list(attributed) + _exhibit_drafts(ctx, exhibits) + [draft for _, _, draft in turns]
    out += signed_drafts
    covered_until, r = -1, 0
    last: Draft | None = None
    block: tuple[Draft, int, int] | None = None
    block_si = -1
    a = 0
    for si, seg in enumerate(ctx.segments):
        if (
            seg.boilerplate
            or (exhibits and in_exhibit(seg.start))
            or (turns and in_turn(seg.start))
            or (signed and signing(seg.start))
        ):
            continue
        while a < len(attributed) and attributed[a].start < seg.start:
            if attributed[a].speaker is not None or attributed[a].actor is not None:
                last = attributed[a]
            a += 1
        while r < len(reaches) and reaches[r][0] < seg.end:
            covered_until = max(covered_until, reaches[r][1])
            r += 1
        hit = (
            any(lo < seg.end and seg.start < hi for lo, hi in reaches[max(0, r - 8) : r])
            or covered_until > seg.start
        )
        opener = _block_opener(ctx, si, seg, attributed[max(0, a - 1) : a + 8])
        if hit:
            block = opener or block
            continue
        if opener is not None and opener[0].rule == "opener":
            block = opener  # the sentence that gives the message is part of its attribution
            continue
        if block is not None and block[1] <= seg.start < block[2]:
            draft = _own(ctx, si, seg)
            if draft is not None and out and out[-1].source is block[0] and block_si == si - 1:
                out[-1].parts = [(out[-1].start, draft.end)]  # the paragraph is one statement
            elif draft is not None:
                source = block[0]
                draft.rule, draft.confidence, draft.quote = "block", CONFIDENCE["block"], "direct"
                draft.speaker, draft.actor, draft.anonymous = source.speaker, source.actor, source.anonymous
                draft.source = source
                if source.rule == "opener":
                    draft.cue, draft.cue_lemma = source.cue, source.cue_lemma  # "the following statement"
                out.append(draft)
            block_si = si
            continue
        block = opener
        draft = _colon_quote(ctx, si, seg) or _closing_quote(ctx, si, seg)
        if draft is not None:
            covered_until = max(covered_until, draft.end)
            last = draft
            out.append(draft)
            continue
        draft = _floating(ctx, si, seg, last)
        if draft is not None:
            covered_until = max(covered_until, draft.end)
            if (
                last is not None
                and last.quote == "direct"
                and last.cue is not None
                and last.end < draft.start
            ):
                draft.cue, draft.cue_lemma = last.cue, last.cue_lemma  # the quotation goes on
                draft.follows = last
            last = draft
        else:
            draft = _quoted_own(ctx, si, seg) or _own(ctx, si, seg)
        if draft is not None:
            out.append(draft)
    return sorted(out, key=lambda d: (d.start, d.end))
