"""Merging mentions into one cluster per participant (:class:`_Merger`), in text order: a
country's names, demonym, code and capital used as its government; a state title; the same name of
two words or more whatever the model calls it; a surname or first name and the full name it is
short for (full names with and without a middle name are one person); an acronym and its
expansion; a short form, plural or genitive of a body's name; the same body with or without its
country ("Norway's foreign ministry", "the Norwegian Foreign Ministry").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc

from .actorwords import _ACRONYM, _NAME_SUFFIXES, Lexicon, _Arrays, _ids
from .countries import capital_of, country_named, fold, titled
from .mentions import _abbreviates, _Cand, _described_as_body, _noun_use, _place_use, _possessor_country
from .resources import given_names


@dataclass(eq=False)
class _Cluster:
    key: str
    kind: str
    """country, person, org or place."""
    cands: list[_Cand] = field(default_factory=list)
    country: str | None = None
    place_only: bool = True
    owner: str | None = None
    """The country an organisation's name begins with ("Norwegian" in "Norwegian Foreign Ministry")."""
    written: str | None = None
    """A name no mention has in full: the body a longer name begins with ("Harwell University")."""
    into: _Cluster | None = None
    """The cluster this one was merged into, once its mentions moved there."""

    def live(self) -> _Cluster:
        cl = self
        while cl.into is not None:
            cl = cl.into
        return cl

    def join(self, other: _Cluster) -> None:
        """Move ``other``'s mentions into this cluster."""
        for c in other.cands:
            c.cluster = self
        self.cands += other.cands
        other.cands, other.into = [], self


def _person_words(text: str, lex: Lexicon) -> list[str]:
    """The folded words of a person's name without initials and suffixes ("cyrus vance")."""
    words = [w.strip(".,") for w in fold(text).split()]
    return [w for w in words if len(w) > 1 and w not in _NAME_SUFFIXES]


def _skeleton(word: str) -> str:
    """A name's first letter and its consonants, doubled ones once ("khalid", "khaled": "khld";
    "mohammed", "muhammad": "mhmd"): the same name in two transliterations."""
    consonants = re.sub(r"[aeiouy'\-]", "", word[1:])
    return word[:1] + re.sub(r"(.)\1+", r"\1", consonants)


def _surname_forms(words: list[str], lex: Lexicon) -> list[str]:
    """A surname with and without its particle ("al-assad", "assad"; "le drian", "drian")."""
    last = words[-1]
    forms = [last]
    if "-" in last and last.split("-")[0] in lex.particles:
        forms.append(last.split("-", 1)[1])
    if len(words) >= 3 and words[-2] in lex.particles:
        forms.append(" ".join(words[-2:]))
    return forms


def _org_key(text: str) -> tuple[str, str | None]:
    """An organisation's folded name without a leading country, and that country."""
    words = fold(text).split()
    for n in (3, 2, 1):
        if len(words) > n:
            country = country_named(" ".join(text.split()[:n]), adjective=True)
            if country is not None:
                return " ".join(words[n:]), country
    return " ".join(words), None


class _Merger:
    """Assigns each candidate to a cluster, in text order."""

    def __init__(self, doc: Doc, lex: Lexicon, cands: list[_Cand]) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters: dict[str, _Cluster] = {}
        self.bodies: dict[str, list[_Cluster]] = {}
        self.long_bodies: list[tuple[tuple[str, ...], _Cluster]] = []
        self.singles: dict[str, _Cluster] = {}
        self.acronyms: dict[str, _Cluster] = {}
        self.names: dict[str, _Cluster] = {}
        self.person_ends: dict[tuple[str, str], str] = {}
        self.written: dict[str, str] = {}
        """Folded names of bodies → as written, without a leading country."""
        self.variants: dict[str, list[tuple[int, str]]] = {}
        """A full name's words by their consonants, for spelling variants ("Khaled", "Khalid ...")."""
        self.surnames: dict[str, list[tuple[int, str]]] = {}
        # people's full names and organisations' names, for short forms before or after them
        self.people: dict[str, list[tuple[int, str]]] = {}
        self.org_firsts: dict[str, list[tuple[int, str]]] = {}
        self.org_lasts: dict[str, list[tuple[int, str]]] = {}
        for c in cands:
            text = c.text(doc)
            if c.label == "PERSON":
                words = _person_words(text, lex)
                if len(words) >= 2 and not (len(words) == 2 and words[0] in lex.particles):
                    key = self._person_key(words)
                    for form in _surname_forms(words, lex) + [words[0]]:
                        self.people.setdefault(form, []).append((c.start, key))
                        if " " not in form and len(_skeleton(form)) >= 2:
                            self.variants.setdefault(_skeleton(form), []).append((c.start, key))
                    self.surnames.setdefault(words[-1], []).append((c.start, key))
            if c.label == "ORG" and len(text.split()) >= 2:
                body, _ = _org_key(text)
                if body:
                    self.written.setdefault(body, " ".join(text.split()[-len(body.split()):]))
                    self.org_firsts.setdefault(body.split()[0], []).append((c.start, body))
                    self.org_lasts.setdefault(body.split()[-1], []).append((c.start, body))
        self.countries = {k for k in (self._country(c) for c in cands) if k}

    def _person_key(self, words: list[str]) -> str:
        """A person's cluster key: "Mary Ellen Voss" and "Mary Voss" are one person by
        the first and last names."""
        return self.person_ends.setdefault((words[0], words[-1]), "person:" + " ".join(words))

    def _country(self, c: _Cand) -> str | None:
        text = c.text(self.doc)
        if c.label in ("GPE", "NORP"):
            if country_named(text) is None and c.start > 0 and self.doc[c.start - 1].is_title \
                    and self.doc[c.start - 1].lower_ in given_names():
                return None  # "Ana Costa": a surname after a given name, not "Costa Rica" cut short
            return country_named(text, adjective=True)
        if c.label == "PERSON" and fold(text) in self.people:
            return None  # "Jordan" after "Michael Jordan"
        return country_named(text)

    @staticmethod
    def _nearest(table: dict[str, list[tuple[int, str]]], form: str, at: int, first: bool = False) -> str | None:
        """The name ``form`` is short for: of the names before ``at``, the nearest (or, with
        ``first``, the first one introduced: a bare surname shared by two people is taken for
        the one the article introduced first); else the first name after it (a headline)."""
        entries = table.get(form)
        if not entries:
            return None
        before = [key for pos, key in entries if pos < at]
        if not before:
            return entries[0][1]
        return before[0] if first else before[-1]

    def cluster(self, key: str, kind: str) -> _Cluster:
        if key not in self.clusters:
            self.clusters[key] = _Cluster(key, kind)
        return self.clusters[key]

    def country(self, country: str) -> _Cluster:
        cl = self.cluster("country:" + country, "country")
        cl.country, cl.place_only = country, False
        return cl

    def body(self, body: str, owner: str | None) -> _Cluster:
        """An organisation by its name without a country: "Norwegian Foreign Ministry" and a later
        "foreign ministry" are one; the foreign ministries of two countries are two."""
        squeezed = re.sub(r"[\s\-.']", "", body)
        known = self.bodies.setdefault(squeezed, [])
        for cl in reversed(known):
            if owner is None or cl.owner in (None, owner):
                cl.owner = cl.owner or owner
                return cl
        # "High Court" and "High Court of Appeal"; "Border Guards" and "National Border Guard Corps";
        # not a body and one inside it ("Harwell University", "Harwell University School of Design")
        words = tuple(w.removesuffix("s") for w in body.split())
        if len(words) >= 2:
            for other, cl in reversed(self.long_bodies):
                if not (_within(words, other) or _within(other, words)) or not (
                        owner is None or cl.owner in (None, owner)):
                    continue
                inside = {_parent_body(" ".join(words), self.lex), _parent_body(" ".join(other), self.lex)}
                if not inside & {" ".join(words), " ".join(other)}:
                    cl.owner = cl.owner or owner
                    known.append(cl)
                    return cl
        cl = self.cluster(f"org:{squeezed}:{owner or ''}", "org")
        cl.owner = owner
        known.append(cl)
        if len(words) >= 2:
            self.long_bodies.append((words, cl))
        return cl

    def assign(self, c: _Cand) -> _Cluster | None:
        """The cluster of ``c``: the same name of two words or more is one actor whatever the model
        calls it ("Kenya Airways" a person here, a body there)."""
        name = fold(c.text(self.doc)) if c.end - c.start >= 2 and c.link is None else None
        if name in self.names:
            return self.names[name]
        cl = self._assign(c)
        if name is not None and cl is not None and cl.kind in ("person", "org"):
            self.names.setdefault(name, cl)
        return cl

    def merge_acronyms(self) -> None:
        """An acronym the text did not define, named before its expansion ("the NWC ... the National
        Water Commission"): its mentions move to the body whose initials it is."""
        doc = self.doc
        for cl in list(self.clusters.values()):
            if cl.kind != "org" or not cl.cands or not all(
                    c.end - c.start == 1 and _ACRONYM.match(doc[c.start].text) and c.link is None
                    for c in cl.cands):
                continue
            acronym = doc[cl.cands[0].start].text
            found = next((other for other in self.clusters.values() if other is not cl and other.kind == "org"
                          and any(c.end - c.start > 1 and _abbreviates(acronym, c.text(doc))
                                  for c in other.cands)), None)
            if found is not None:
                found.join(cl)

    def merge_appositions(self, cands: list[_Cand]) -> None:
        """A body's name in apposition to another's, as its definite description ("the religious police,
        the Committee for Public Virtue"), and a name given as another's other name ("Omar Khalid,
        also known as Abu Omar") are one participant; not the names of a list ("Acme, Borel and
        Corvan")."""
        doc = self.doc
        at = {i: c for c in cands if c.cluster is not None for i in range(c.start, c.end)}
        for c in cands:
            if c.start < 2 or doc[c.start - 1].lower_ not in ("the", "as") or c.cluster is None:
                continue  # neither ", the X" nor "known as X"
            root = c.span(doc).root
            other = None
            described = c.start > 1 and doc[c.start - 1].lower_ == "the" and doc[c.start - 2].text == ","
            if root.dep_ == "appos" and described and c.label == "ORG" \
                    and not any(t.dep_ == "conj" for t in root.children):
                other = at.get(root.head.i)  # ", the Committee for ...": a body named again
            elif root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_ == "know":
                named = root.head.head.head  # "X, also known as Y"; "the leader, X, also known as Y"
                other = at.get(named.i) or next(
                    (at.get(t.i) for t in named.children if t.dep_ == "appos"), None)
            if other is None or other is c or c.cluster is None or other.cluster is None:
                continue
            mine, theirs = c.cluster.live(), other.cluster.live()
            if mine is not theirs and mine.kind == theirs.kind and mine.kind in ("person", "org") and not any(
                    t.dep_ == "conj" for t in other.span(doc).root.children):
                theirs.join(mine)

    def _assign(self, c: _Cand) -> _Cluster | None:
        doc, lex = self.doc, self.lex
        span = c.span(doc)
        text = c.text(doc)
        if c.link is not None and c.link.cluster is not None:
            if c.rule == "acronym":
                self.acronyms.setdefault(text, c.link.cluster)
            return c.link.cluster
        if text in self.acronyms:
            return self.acronyms[text]  # an acronym the text defined, whatever the model calls it
        country = self._country(c)
        if country is not None:
            return self.country(country)
        mentioned = [k for k in titled(text) if k in self.countries]
        if mentioned and c.label != "PERSON":
            return self.country(mentioned[0])  # "the Hashemite Kingdom"
        if c.label == "GPE" and capital_of(text) is not None and not _place_use(span):
            return self.country(capital_of(text))  # "talks with Moscow"
        if c.label == "GPE" and _described_as_body(span, lex):
            c.label = "ORG"  # "the news website X"
        if c.label == "NORP" and not _noun_use(span):
            return None  # "south European"
        if c.label in ("ORG", "GPE") and doc[c.end - 1].text in lex.others:
            return None  # "... Mosque", "... Act"
        if _in_title(doc, c, lex):
            return None  # "State" in "Secretary of State"
        words = _person_words(text, lex)
        # one word, less a person's initials: "V F Corp." is a company's whole name, not a short "Corp."
        single = (len(words) == 1 and (c.label == "PERSON" or len(text.split()) == 1)) or (
            len(words) == 2 and words[0] in lex.particles)
        if c.label == "PERSON" and not single and words:
            return self.cluster(self._person_key(words), "person")
        if c.label == "ORG" and _ACRONYM.match(text):
            found = self._acronym_of(text)
            if found is not None:
                return found
        if single and c.label != "NORP":
            # a short form: "Vantage" of "Vantage Motor Company", "Lopez" of "Maria Lopez", "Court"
            # of "High Court"; a word the model calls an organisation is first taken for one
            form = " ".join(words)
            tables = [self.org_firsts, self.people, self.org_lasts]
            if c.label != "ORG" or any(pos < c.start for pos, _ in self.people.get(form, ())):
                # a person's name before it: "Brant" after "Donald Brant", whatever the model calls it
                tables = [self.people, self.org_firsts, self.org_lasts]
            for table in tables:
                if table is self.people:
                    key = self._nearest(table, form, c.start, first=True)
                    if key is not None:
                        return self.cluster(key, "person")
                else:
                    body = self._nearest(table, form, c.start)
                    if body is not None and body != form:
                        parent = _parent_body(body, lex) if table is self.org_firsts else None
                        if parent is None:
                            return self.body(body, None)
                        cl = self.body(parent, None)  # "Harwell" of "Harwell University School of Design"
                        cl.written = " ".join(self.written.get(body, body).split()[:len(parent.split())])
                        return cl
            variant = self._nearest(self.variants, _skeleton(form), c.start, first=True) if (
                c.label == "PERSON" and " " not in form and len(_skeleton(form)) >= 2) else None
            if variant is not None:
                return self.cluster(variant, "person")  # "Khaled" of "Khalid bin Hamad"
        if c.label == "GPE":
            cl = self.cluster("place:" + fold(text), "place")
            cl.place_only = cl.place_only and _place_use(span)
            return cl
        if single and fold(text) in self.singles:
            return self.singles[fold(text)]  # one word the model calls a person here, a body there
        stem = self.singles.get(fold(text)[:-1]) if single and fold(text)[-1:] == "s" else None
        if stem is not None and stem.kind == "org":
            return stem  # a body's name in the plural or a genitive written without an apostrophe
        if c.label == "PERSON":
            cl = self.cluster("person:" + " ".join(words or [fold(text)]), "person")
        elif single and lex.nouns.get(fold(text)) == "country":
            return None  # "State", "Government" on its own
        else:
            body, owner = _org_key(text)
            owner = owner or _possessor_country(doc, c.start)
            if c.label == "NORP" and body.endswith("s"):
                body = body[:-1]  # "Greens", "Green"
            cl = self.body(body, owner)
        if single:
            self.singles.setdefault(fold(text), cl)
        return cl

    def _acronym_of(self, acronym: str) -> _Cluster | None:
        for cl in self.clusters.values():
            if cl.kind == "org" and any(c.end - c.start > 1 and _abbreviates(acronym, c.text(self.doc))
                                        for c in cl.cands):
                return cl
        return None


def _parent_body(body: str, lex: Lexicon) -> str | None:
    """The body a body's name begins with, where it names one inside another: "harwell university"
    of "harwell university school of design" (a head word, then another)."""
    words = body.split()
    heads = [i for i, w in enumerate(words) if w.capitalize() in lex.heads]
    return " ".join(words[:heads[0] + 1]) if len(heads) >= 2 and heads[0] >= 1 else None


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words ``short`` stand together inside ``long``."""
    n = len(short)
    return n <= len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _in_title(doc: Doc, c: _Cand, lex: Lexicon) -> bool:
    """A single word that belongs to a title ("State" in "Secretary of State")."""
    if c.end - c.start != 1 or c.start < 2:
        return False
    return doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in lex.titles


def _echoes(doc: Doc, cands: list[_Cand], merger: _Merger, arrays: _Arrays) -> list[_Cand]:
    """Surnames and acronyms of actors already found, where the model missed them: the
    nearest full name with that surname, the organisation an acronym was defined for."""
    acronyms = {c.text(doc): cl for cl in merger.clusters.values() for c in cl.cands if c.rule == "acronym"}
    if not acronyms and not merger.surnames:
        return cands
    taken = np.zeros(len(doc), dtype=bool)
    for c in cands:
        taken[c.start:c.end] = True
    hits = (np.isin(arrays.orth, _ids(acronyms)) | np.isin(arrays.lower, _ids(merger.surnames))) & ~taken
    added = []
    for i in np.flatnonzero(hits):
        tok = doc[int(i)]
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or not tok.text[:1].isupper():
            continue
        cl = acronyms.get(tok.text)
        if cl is None and tok.lower_ in merger.surnames:
            cl = merger.clusters.get(merger._nearest(merger.surnames, tok.lower_, tok.i, first=True))
        cl = cl.live() if cl is not None else None
        if cl is None:
            continue
        c = _Cand(tok.i, tok.i + 1, "PERSON" if cl.kind == "person" else "ORG", "echo", cluster=cl)
        cl.cands.append(c)
        added.append(c)
    return sorted(cands + added, key=lambda c: c.start)
