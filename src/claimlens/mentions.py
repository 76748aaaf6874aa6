"""Mentions of actors: the names a document gives its parties, and the party filter.

Candidates come from the model's entities (PERSON, ORG, GPE, NORP; a name of another type that
the text calls a body, "the news agency X") and from rules for what the small model misses:
organisation names that end in a head word ("... Organization", "Ministry of ..."), acronyms
defined in brackets, names a capitalised "The" opens inside a sentence ("told The Sentinel"),
common nouns that name a body standing alone as a party ("police said"), web sites by their
address, a country's body named in lowercase inside a role ("Norway's foreign ministry
spokesman"). Not names: hashtags and handles, common words capitalised at a sentence start or
written in capitals, names counted by a number (addresses, time zones, units).

Types come from the context as well as the model: a name coordinated with a person's is a
person's; "the" before a name, a role it modifies ("Tesla CEO Elon Musk") or a body's noun in
apposition makes it a body's.

The party filter (:func:`_party_use`) reads each mention's use in the parse: a demonym or group
name used as the adjective of a thing, a name modifying a thing ("a Korvel tree"), a venue named
only as where something happens, a time or an event name no party; an actor is kept when one of
its mentions can name one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LIKE_URL
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .actorwords import (
    _ACRONYM,
    _BRACKETS,
    _CONNECTORS,
    _DOMAIN,
    _ELIDED,
    _FUNCTION_WORDS,
    _LEADING,
    _LEADS,
    _LOCATIVE,
    _NOT_NAMES,
    _OTHER_NAMES,
    _PARTY_PREPS,
    _POSSESSIVE,
    _QUOTES,
    _SEPARATORS,
    _TAGS,
    _TEMPORAL,
    ACTOR_LABELS,
    Lexicon,
    _Arrays,
    _ids,
    lexicon,
)
from .columns import columns
from .countries import capital_of, country_index, country_named
from .resources import cue_lexicon

if TYPE_CHECKING:
    from .merging import _Cluster

@dataclass(eq=False)
class _Cand:
    """A mention under construction."""

    start: int
    end: int
    label: str
    rule: str
    """ner, head (organisation name rule), acronym, expansion or echo."""
    title_start: int | None = None
    """Where a title written inside the entity begins ("President" in "President Lopez")."""
    link: _Cand | None = None
    """The expansion of an acronym, or the acronym of an expansion."""
    cluster: _Cluster | None = None

    def span(self, doc: Doc) -> Span:
        return Span(doc, self.start, self.end)  # doc[start:end] without its slice's normalising

    def text(self, doc: Doc) -> str:
        """``self.span(doc).text``, without the span."""
        return columns(doc).span_text(self.start, self.end)


def _is_word(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _capitalised(token: Token) -> bool:
    """A word written with a capital, an elided article before one included ("d’Intervention")."""
    return _capitalised_text(token.text)


def _capitalised_text(text: str) -> bool:
    """:func:`_capitalised` of a token's text."""
    word = text[2:] if _ELIDED.match(text) else text
    return word[:1].isupper() and any(c.isalpha() for c in text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and quotation marks, trailing possessives and punctuation."""
    cols = columns(doc)
    text, lower, punct, space = cols.text, cols.lower, cols.is_punct, cols.is_space
    while start < end and (lower[start] in _LEADING or punct[start] or space[start]
                           or text[start] in _QUOTES):
        start += 1
    while end > start and (text[end - 1] in _POSSESSIVE or punct[end - 1] or space[end - 1]
                           or text[end - 1] in _QUOTES):
        end -= 1
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity cut at separators, line breaks, hashtags and handles ("Vantage, Harbor Bank" is two),
    and after an owner's possessive ("the House of Delegates' Committee on Rules", "Norway's Foreign
    Ministry"; not "People's Republic", "McDonald's Corporation": one word that names no country)."""
    cols = columns(doc)
    texts, spaced = cols.text, cols.whitespace
    out: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end + 1):
        if i < end:
            text = texts[i]
            owner = i < end - 1 and text in _POSSESSIVE and _capitalised_text(texts[i + 1]) \
                and _owner_before(doc, begin, i)
            dash = text == "-" and spaced[i] and i > start and spaced[i - 1]
            if not (text in _SEPARATORS or "\n" in text or text[:1] in _TAGS or owner or dash):
                continue
        s, e = _trim(doc, begin, i)
        if e > s:
            out.append((s, e))
        begin = i + 1
    return out


def _owner_before(doc: Doc, begin: int, i: int) -> bool:
    """Whether the words from ``begin`` to a possessive at ``i`` name an owner: two words or more,
    or a country."""
    first = _trim(doc, begin, i)[0]
    return i - first >= 2 or country_named(doc[first:i].text) is not None


def _entity_cands(doc: Doc, lex: Lexicon) -> list[_Cand]:
    cols = columns(doc)  # the entities' words read by index, not as Tokens
    texts, lower, pos = cols.text, cols.lower, cols.pos
    cands = []
    for ent in doc.ents:
        if ent.label_ in _OTHER_NAMES:
            for start, end in _pieces(doc, ent.start, ent.end):
                edition = _edition(doc, start, end)
                if edition is not None or _described_as_body(doc[start:end], lex):
                    cands.append(_Cand(min(start, edition or start), end, "ORG", "ner"))
        if ent.label_ not in ACTOR_LABELS:
            continue
        for start, end in _pieces(doc, ent.start, ent.end):
            if not any(_capitalised_text(texts[k]) for k in range(start, end)) and not (
                    ent.label_ == "ORG" and lower[end - 1] in lex.nouns):
                continue  # "third", but a lowercase body ("foreign ministry") stays
            if _not_a_name(doc, start, end, ent.label_, lex):
                continue
            label = ent.label_
            edition = _edition(doc, start, end) if label == "GPE" else None
            if edition is not None:
                start, label = edition, "ORG"  # "NewsPost UK"
            if label == "PERSON":
                cut = _country_before_name(doc, start, end)
                if cut > start:  # "envoy to Peru Mark Obi": the country, then the person
                    cands.append(_Cand(start, cut, "GPE", "ner"))
                    start = cut
                if end < len(doc) and lower[end - 1] in lex.particles and pos[end] == "PROPN" \
                        and _capitalised_text(texts[end]) and not cols.ent_type[end]:
                    end += 1  # "Jean-Luc Le" "Brun"
            if label == "PERSON" and end - start >= 2 and texts[end - 1] in lex.heads:
                label = "ORG"  # "... Media", "... Party"
            if label in ("ORG", "GPE") and _person_by_company(doc, start, end, lex):
                label = "PERSON"
            if (label in ("PERSON", "ORG") and end - start >= 2 and end < len(doc)
                    and (texts[end] in (":", ",") or texts[end] in _QUOTES) and _inverted_cue(doc[start])):
                start += 1  # "Said Ortiz:", "Adds Ortiz": the cue before its speaker is no part of the name
            cand = _Cand(start, end, label, "ner")
            if label in ("PERSON", "ORG"):
                _split_title(doc, cand, lex)
            if cand.label == "PERSON" and _body_by_context(doc, cand, lex):
                cand.label = "ORG"
            cands.append(cand)
    return cands


def _inverted_cue(token: Token) -> bool:
    """A cue verb opening a sentence before its speaker and a colon, comma or quotation ("Said
    Ortiz:", "Adds Ortiz,"), which the entity recognizer may take into the name: a verb of the cue
    lexicon (``models/cues.tsv``), by its tag or its inflected form ("said", "says", "added")."""
    opening = token.i == 0 or token.is_sent_start or token.nbor(-1).is_space or token.nbor(-1).text in _QUOTES
    if not opening or not token.is_title or token.i + 1 >= len(token.doc) or token.nbor().pos_ != "PROPN":
        return False
    lexicon = cue_lexicon()
    if token.pos_ == "VERB":
        return lexicon.get(token.lemma_.lower()) is not None
    return any(form in lexicon for form in _uninflected(token.lower_))


def _uninflected(word: str) -> list[str]:
    """The lemmas a verb form may have by the regular rules of English spelling ("says", "added",
    "denied", "said")."""
    out = []
    for ending, back in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ies", "y"), ("ied", "y"), ("aid", "ay")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.append(word[: -len(ending)] + back)
    return out


def _not_a_name(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> bool:
    """An entity that names no one: a hashtag ("#Derby"); a common word capitalised at the start
    of a sentence ("Photographs, videos ...", "Café owner ...") or written in capitals ("THE
    CLAIMS:", "it DECLINES"), which the tagger reads as a common noun, verb or adjective; a name
    counted by a number, which is an address, a time zone or a unit ("12 Rue des Ormes", "(0500
    GMT)", "41 degrees Fahrenheit")."""
    cols = columns(doc)
    texts, pos = cols.text, cols.pos
    if start > 0 and texts[start - 1] in _TAGS and not cols.whitespace[start - 1]:
        return True
    if end - start == 1 and pos[start] in ("NOUN", "VERB", "AUX", "ADJ", "ADV") and label != "NORP" \
            and country_named(texts[start], adjective=True) is None:
        first = doc[start]
        opening = first.is_sent_start or texts[start - 1] in _QUOTES or cols.is_space[start - 1]
        if first.is_upper and len(first) > 2 and (first.pos_ != "NOUN" or first.tag_ == "NNS"):
            return True
        if opening and first.is_title:
            return True
    if label in ("PERSON", "NORP") or texts[end - 1] in lex.heads or texts[end - 1] in lex.mastheads:
        return False  # "the 9/11 Commission"
    root = Span(doc, start, end).root.i
    counted = [root] + ([cols.head[root]] if cols.dep[root] == "appos" else [])
    return any(cols.dep[c] == "nummod" and c < start for t in counted for c in cols.children(t))


def _edition(doc: Doc, start: int, end: int) -> int | None:
    """Where a name begins that ends in a country's code, an organisation's national arm ("NewsPost
    UK", "Vellan USA"): the capitalised words before the code, run into it; else None."""
    code = doc[end - 1]
    if not (code.is_upper and code.text in country_index().codes):
        return None
    first = end - 1
    while first > 0 and doc[first - 1].pos_ == "PROPN" and _capitalised(doc[first - 1]) \
            and doc[first - 1].whitespace_ and country_named(doc[first - 1].text, adjective=True) is None:
        first -= 1
    return first if first < end - 1 else None


def _country_before_name(doc: Doc, start: int, end: int) -> int:
    """Where a person's name begins after a country the model ran into it, the country being a
    preposition's object after a role ("envoy to Peru Mark Obi", not "spoke to Jordan Lee Smith"):
    the country's end, else ``start``."""
    if start == 0 or doc[start - 1].pos_ != "ADP" or doc[start - 1].head.pos_ != "NOUN":
        return start
    for n in (3, 2, 1):
        if end - (start + n) >= 2 and country_named(doc[start:start + n].text) is not None:
            return start + n
    return start


def _body_by_context(doc: Doc, cand: _Cand, lex: Lexicon) -> bool:
    """A name the model calls a person's that its context calls a body: "the" before it ("told
    the Gazette"), a role it modifies ("Tesla CEO Elon Musk", "Tesla's chief"), a noun for a body
    in apposition ("The construction firm, Hallmann Bau")."""
    span = doc[cand.start:cand.end]
    root = span.root
    before = doc[cand.start - 1] if cand.start > 0 and cand.title_start is None else None
    if before is not None and before.lower_ == "the" and root.dep_ not in ("compound", "amod", "nmod"):
        return True
    if root.dep_ in ("compound", "poss") and root.head.i >= cand.end and root.head.lower_ in lex.titles \
            and root.head.lower_ not in lex.courtesy:
        return True
    return _described_as_body(span, lex)


def _person_by_company(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A name the model calls a body or place that is coordinated with a person's name ("met
    Ana Ruiz and Tomas Vidal"): two or three capitalised words, none of an organisation's,
    a place's or a country's name."""
    cols = columns(doc)
    texts, words = cols.text, range(start, end)
    if not 2 <= len(words) <= 3 or not all(
            cols.pos[k] == "PROPN" and _capitalised_text(texts[k]) for k in words):
        return False
    if any(texts[k] in lex.heads or texts[k] in lex.mastheads or texts[k] in lex.others
           or country_named(texts[k]) for k in words):
        return False
    root = Span(doc, start, end).root.i
    partners = [c for c in cols.children(root) if cols.dep[c] == "conj"]
    if cols.dep[root] == "conj":
        partners.append(cols.head[root])
    return any(cols.ent_type[p] == "PERSON" and doc[p].ent_iob_ != "O" for p in partners)


def _split_title(doc: Doc, cand: _Cand, lex: Lexicon) -> None:
    """Move title words written inside a person's entity out of the name ("Judge Helen Park");
    an organisation's entity that is a title and a name is a person ("Government Spokesperson
    Lars Holm")."""
    i = cand.start
    while i < cand.end - 1 and doc[i].lower_.rstrip(".") in lex.titles:
        i += 1
    if i == cand.start or not _capitalised(doc[i]):
        return
    if cand.label == "ORG":
        name = doc[i:cand.end]
        if not (2 <= len(name) <= 3 and all(_capitalised(t) for t in name)
                and not any(t.text in lex.heads or t.text in lex.mastheads or t.text in lex.others
                            or country_named(t.text) for t in name)):
            return
        cand.label = "PERSON"
    cand.title_start, cand.start = cand.start, i


def _title_case_lines(doc: Doc, segments, arrays: _Arrays) -> np.ndarray:
    """Tokens of sentences written in title case or capitals (headlines, furniture), where the
    model's entities and the name rules are unreliable: every word that is not a stop word
    capitalised, three at least; a word run into the next one ("RoversDerby") counts by its first
    letter."""
    out = np.zeros(len(doc), dtype=bool)
    for span in (s.span for s in segments) if segments is not None else doc.sents:
        words = arrays.word[span.start:span.end]
        if words.sum() < 3:
            continue
        lower = np.flatnonzero(words & ~arrays.upper[span.start:span.end])
        if len(lower) <= 3 and all(doc[span.start + int(i)].text[:1].isupper() for i in lower):
            out[span.start:span.end] = True
    return out


def _head_names(doc: Doc, lex: Lexicon, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """Organisation names the model missed: capitalised words ending in a head word
    ("Some Long Organization"), and a head word followed by "of"/"for" and capitalised words
    ("Ministry of Foreign Affairs")."""
    cands = []
    n = len(doc)
    for i in np.flatnonzero(np.isin(arrays.orth, lex.head_ids) & ~skip):
        tok = doc[int(i)]
        sent_start = tok.sent.start
        start = tok.i
        while start - 1 >= sent_start:
            if _name_part(doc, start - 1):
                start -= 1
            elif (doc[start - 1].lower_ in ("and", "&") and start - 2 >= sent_start and _name_part(doc, start - 2)
                  and not doc[start - 2].ent_type_):
                start -= 2  # "Bureau of Weights and Measures"
            else:
                break
        end = tok.i + 1
        if end < n and doc[end].lower_ in _LEADS:
            while end < n:
                j = end
                while j < n and doc[j].lower_ in _CONNECTORS and not doc[j].is_sent_start:
                    j += 1
                if {"and", "the"} <= {t.lower_ for t in doc[end:j]}:
                    break  # "... of Teachers and the Union": a second body
                k = j
                while k < n and _capitalised(doc[k]) and not doc[k].is_sent_start and doc[k].ent_type_ not in _NOT_NAMES:
                    if doc[k].ent_type_ == "GPE" and country_named(doc[k].text) is not None:
                        break  # "... Guard of Norway": the country owns the body, it is not in its name
                    k += 1
                if j == end or k == j:
                    break
                end = k
        start, end = _trim(doc, start, end)
        if end - start >= 2 and _capitalised(doc[start]):
            cands.append(_Cand(start, end, "ORG", "head"))
    return cands


def _collective_names(doc: Doc, lex: Lexicon, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """A common noun that names a body when it stands alone as a party ("police said", "the
    police arrested", "according to police"); not as a modifier ("police officers") or
    with another determiner ("a police")."""
    cands = []
    for i in np.flatnonzero(np.isin(arrays.lower, _ids(lex.collectives)) & ~skip):
        tok = doc[int(i)]
        if tok.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ == "det" and c.lower_ != "the" for c in tok.children):
            continue
        head = tok.head
        according = head.lower_ == "to" and head.i > 0 and doc[head.i - 1].lower_ == "according"
        party = tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "pobj" and (head.dep_ == "agent" or according))
        if party:
            start = tok.i  # with its adjectives: "the secret police"
            while start > 0 and doc[start - 1].dep_ == "amod" and doc[start - 1].head.i == tok.i \
                    and doc[start - 1].is_lower and not doc[start - 1].ent_type_:
                start -= 1
            cands.append(_Cand(start, tok.i + 1, "ORG", "head"))
    return cands


def _site_names(doc: Doc, skip: np.ndarray) -> list[_Cand]:
    """A web site named by its address in running text ("the site example.com", "Newswire.com"): a word
    written as a domain, not a link (no scheme, no path) nor an e-mail address."""
    urls = np.flatnonzero(doc.to_array([LIKE_URL]).ravel() == 1)
    return [_Cand(int(i), int(i) + 1, "ORG", "ner") for i in urls
            if not skip[i] and _DOMAIN.match(doc[int(i)].text)]


def _role_bodies(doc: Doc, cands: list[_Cand], lex: Lexicon) -> list[_Cand]:
    """A country's body named in lowercase inside a person's role, "[country's] [body] [role]
    [Name]" ("Norway's foreign ministry spokesman Lars Holm"): the body ("foreign ministry")."""
    out = []
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "PERSON":
            continue
        i = c.start - 1
        while i >= 0 and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ", "PROPN") and i not in taken:
            i -= 1  # the role's words: "foreign ministry spokesman"
        role = range(i + 1, c.start)
        bodies = [j for j in role if j < c.start - 1 and lex.nouns.get(doc[j].lower_) not in (None, "country")]
        body = bodies[0] if bodies else None
        if body is None or _possessor_country(doc, i + 1) is None:
            continue
        out.append(_Cand(i + 1, body + 1, "ORG", "head"))
    return out


def _titled_names(doc: Doc, skip: np.ndarray, arrays: _Arrays) -> list[_Cand]:
    """A name the model missed that a capitalised "The" opens inside a sentence ("told The Sentinel",
    "according to The Hill"): the title of a publication or a body, one to three capitalised
    words that no entity covers, outside quotation marks."""
    cands = []
    n = len(doc)
    for i in np.flatnonzero((arrays.orth == get_string_id("The")) & ~skip):
        tok = doc[int(i)]
        before = doc[tok.i - 1].text if tok.i > 0 else ""
        if tok.is_sent_start or tok.i == 0 or before in _QUOTES or before in (":", "\n"):
            continue
        end = tok.i + 1
        while end < n and end - tok.i <= 3 and doc[end].pos_ == "PROPN" and _capitalised(doc[end]) \
                and not doc[end].ent_type_ and not doc[end].is_sent_start:
            end += 1
        if end > tok.i + 1 and (end == n or not (doc[end].pos_ == "PROPN" or _capitalised(doc[end]))):
            cands.append(_Cand(tok.i + 1, end, "ORG", "ner"))
    return cands


def _name_part(doc: Doc, i: int) -> bool:
    """A token that can stand inside a capitalised name: a capitalised word, or a hyphen or
    lowercase particle glued between two parts ("Jaish-e-Adl")."""
    tok = doc[i]
    if tok.ent_type_ in _NOT_NAMES:
        return False
    if _capitalised(tok) and not (tok.is_sent_start and tok.pos_ not in ("PROPN", "ADJ")):
        return tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.is_upper
    glued = not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    return glued and (tok.text in ("-", "\u2010") or (tok.is_lower and len(tok) <= 3))


def _initials(words: list[str]) -> list[tuple[str, bool]]:
    """(initial, may be skipped) for each word of a name, hyphenated parts counted apart."""
    out = []
    for word in words:
        for part in re.split(r"[-\u2010]", _ELIDED.sub("", word)):
            if not part or not part[0].isalpha():
                continue
            optional = part.lower() in _FUNCTION_WORDS or part.islower() or country_named(part) is not None
            out.append((part[0].upper(), optional))
    return out


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name`` ("JAO", "Jaish-e-Adl
    Organization"), function words, lowercase particles and a leading country optional."""
    letters = [c for c in acronym if c.isalpha()]
    parts = _initials(name.split())
    if not letters or not parts:
        return False
    # reachable[j]: acronym letters matched after some prefix of the parts
    reachable = {0}
    for initial, optional in parts:
        nxt = set()
        for j in reachable:
            if optional:
                nxt.add(j)
            if j < len(letters) and letters[j] == initial:
                nxt.add(j + 1)
        reachable = nxt
        if not reachable:
            return False
    return len(letters) in reachable


def _acronym_cands(doc: Doc, cands: list[_Cand], arrays: _Arrays) -> list[_Cand]:
    """Acronyms defined in brackets, after their name ("Some Long Organization (SLO)") or before
    it ("SLO [Some Long Organization]"), linked to the name; a name the model missed is made from
    the capitalised words whose initials the acronym takes."""
    by_end = {c.end: c for c in cands}
    by_start = {c.start: c for c in cands}
    out = []
    n = len(doc)
    for i in np.flatnonzero(np.isin(arrays.orth, _BRACKETS)):
        tok = doc[int(i)]
        if tok.i + 2 >= n:
            continue
        inner = doc[tok.i + 1]
        if _ACRONYM.match(inner.text) and doc[tok.i + 2].text in (")", "]"):
            long = by_end.get(tok.i) or _capitalised_run(doc, tok.i, inner.text)
            if long is None or not _abbreviates(inner.text, long.text(doc)):
                continue
            acr = _Cand(inner.i, inner.i + 1, "ORG", "acronym", link=long)
            long.link = acr
            out += [acr] if long in cands else [acr, long]
        elif tok.i > 0 and _ACRONYM.match(doc[tok.i - 1].text):
            close = next((t.i for t in doc[tok.i + 1: min(n, tok.i + 16)] if t.text in (")", "]")), None)
            if close is None:
                continue
            s, e = _trim(doc, tok.i + 1, close)
            if e <= s or not _abbreviates(doc[tok.i - 1].text, doc[s:e].text):
                continue
            long = by_start.get(s) if by_start.get(s) is not None and by_start[s].end == e else None
            long = long or _Cand(s, e, "ORG", "expansion")
            acr = by_end.get(tok.i)
            if acr is None or acr.start != tok.i - 1:
                acr = _Cand(tok.i - 1, tok.i, "ORG", "acronym")
            acr.rule, acr.link, long.link = "acronym", long, acr
            out += [c for c in (acr, long) if c not in cands]
    return out


def _capitalised_run(doc: Doc, end: int, acronym: str) -> _Cand | None:
    """The shortest run of name words ending before ``end`` whose initials make ``acronym``."""
    start = end
    sent_start = doc[end].sent.start
    while start - 1 >= sent_start and (_name_part(doc, start - 1) or doc[start - 1].lower_ in _CONNECTORS):
        start -= 1
        if _capitalised(doc[start]) and _abbreviates(acronym, doc[start:end].text):
            return _Cand(start, end, "ORG", "expansion")
        if end - start > 12:
            break
    return None


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """One candidate per token: the longer wins; a rule's name beats the model's entity of the same
    length; an acronym or its expansion is always kept."""
    rank = {"acronym": 3, "expansion": 3, "head": 2, "ner": 1}
    ordered = sorted(cands, key=lambda c: (-(rank[c.rule] == 3), -(c.end - c.start), -rank[c.rule], c.start))
    taken: set[int] = set()
    kept = []
    for c in ordered:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _possessor_country(doc: Doc, start: int) -> str | None:
    """The country whose possessive or demonym comes before ``start`` ("China's foreign ministry",
    "the Chilean Foreign Ministry")."""
    if start >= 1 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].ent_iob_ == "B":
        return country_named(doc[start - 1].text, adjective=True)
    if start < 2 or doc[start - 1].text not in _POSSESSIVE:
        return None
    owner = doc[start - 2]
    first = owner.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # "South Korea's"
    text = doc[first:owner.i + 1].text if owner.ent_type_ in ("GPE", "NORP") else owner.text
    return country_named(text) or (capital_of(text) if owner.ent_type_ == "GPE" else None)


# --- the party filter ----------------------------------------------------------------------

def _place_use(span: Span) -> bool:
    """A city or region named as a location ("a hospital in Berlin", "the mayor of Paris"), not
    as its government: a subject, an owner, an object, a party to talks ("talks with Moscow",
    "Moscow denied", "Ankara's response", "the Ankara government")."""
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head is not root and root.head.ent_type_ == root.ent_type_:
        root = root.head
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in lexicon().place_verbs
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dative"):
        return False
    if root.dep_ == "pobj":
        if root.head.lower_ == "of" and root.head.head.lemma_.lower() in _acts():
            return False  # "at the request of Washington"
        return root.head.lower_ not in _PARTY_PREPS and root.head.dep_ != "agent"
    if root.dep_ in ("compound", "nmod", "amod"):
        return lexicon().nouns.get(root.head.lemma_.lower()) != "country"
    return True


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    """Nouns of what someone says, writes or asks (the attribution stage's nouns for something
    said, a message, a document and a request): their "of" and the name that modifies them name
    a party ("the request of X", "an X audit", "the X article")."""
    from .resources import word_classes

    classes = word_classes()
    kinds = ("proposition", "communication", "document", "request")
    return frozenset().union(*(classes.get(k, frozenset()) for k in kinds))


def _party_use(doc: Doc, c: _Cand, lex: Lexicon) -> bool:
    """Whether a mention can name a party, by its use: not a demonym or group name used as an
    adjective of a thing ("a Danish bakery", "the Basque-led coalition"), nor a group named other
    than as an agent ("admitted only Lutherans"), nor a name modifying a thing ("a Korvel tree",
    "the 2007 Barlow-Quint plan"), nor a venue named only as where something happens ("crowded
    into Villa Rossa"), nor a time or an event ("after the Harvest Break"). A demonym of an actor
    word ("Danish officials", "the Danish government"), a body by its name's form, and a venue
    with a role ("Villa Rossa's owners") name parties."""
    span = c.span(doc)
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    described = head is not root and head.i >= c.end and _actor_word(head, lex)
    if c.rule in ("acronym", "expansion"):
        return True
    if c.label == "NORP":
        if root.dep_ in ("amod", "compound", "npadvmod", "nmod") or root.pos_ == "ADJ" or (
                c.end < len(doc) and doc[c.end].text in ("-", "\u2010")):
            return described
        if country_named(span.text, adjective=True) is not None:
            return True
        return root.dep_ in ("nsubj", "nsubjpass", "poss") or (
            root.dep_ == "pobj" and (head.dep_ == "agent" or head.lower_ in _PARTY_PREPS))
    if _body_by_form(span, lex):
        return True  # "a Coastal Revenue Service audit", "at Kenya Airways"
    if root.dep_ == "compound" and head.i >= c.end and head.pos_ == "NOUN" and head.is_lower:
        return described or head.lemma_.lower() in _acts() or head.lower_ in _acts()
    if c.label == "ORG" and c.rule == "ner" and root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        return False
    return not (c.label != "PERSON" and root.dep_ == "pobj" and head.lower_ in _TEMPORAL)


def _body_by_form(span: Span, lex: Lexicon) -> bool:
    """A name that says it is a body: an acronym, a head word or a masthead last ("... Service")."""
    last = span[-1].text
    return last in lex.heads or last in lex.mastheads or bool(_ACRONYM.match(span.text))


def _actor_word(tok: Token, lex: Lexicon) -> bool:
    """A noun that names a person or a body ("officials", "government", "minister", "senators")."""
    word = tok.lemma_.lower()
    return word in lex.nouns or word in lex.titles or word in lex.members or tok.lower_ in lex.nouns


def _described_as_body(span: Span, lex: Lexicon) -> bool:
    """A name the text calls a body ("the news website X", "the X agency"), whatever its type."""
    cols = columns(span.doc)
    root, dep, lemma = span.root.i, cols.dep, cols.lemma
    kinds = {lex.nouns.get(lemma[cols.head[root]])} if dep[root] in ("appos", "compound") else set()
    kinds |= {lex.nouns.get(lemma[c]) for c in cols.children(root)
              if dep[c] == "appos" or (dep[c] == "compound" and c < span.start)}  # "the news agency X"
    return bool(kinds - {None, "country"})


def _noun_use(span: Span) -> bool:
    """A group named as a noun ("Greens said"), not as an adjective ("south European")."""
    root = span.root
    return root.pos_ in ("NOUN", "PROPN") and root.dep_ != "amod"
