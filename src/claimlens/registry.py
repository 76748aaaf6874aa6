"""One actor across articles: the corpus actor registry of a store (:mod:`claimlens.store`).

Each article's actors are its own (``A1``, ``A2`` ... in its record). The registry joins them into
corpus actors, each with a readable id (``person:donald-trump``, ``gpe:iran``, ``org:nato``):

- a country is one corpus actor whatever the article called it: the per-article actor already
  folds "Tehran" (the government) and "Iranian" into Iran; its name, another name, its code, its
  capital (:mod:`claimlens.countries`) or the place its formal name says it is the state of
  ("America": the United States of America) gives the country here;
- an organisation or place joins the corpus actor of the same folded name ("the FBI", "FBI"); an
  acronym joins the one corpus organisation whose article actors wrote it as their acronym;
- a person with a first name joins the corpus person of the same first and last name, unless
  both have middle initials and they differ ("Ana M. Ruiz" is not "Ana L. Ruiz");
  "Ana M. Ruiz" and "Ana Ruiz" are one;
- a person named by a surname alone ("Ruiz": the article never gave the full name) joins a
  corpus person only when the full name agrees elsewhere: the corpus holds exactly one person
  with a first name and that surname, or exactly one of them shares a role with the article's
  actor ("Mayor Ruiz" when one Ruiz is a mayor and another a judge); a word that
  is also a corpus person's first name ("James": James Ruiz, or Ana James?) counts as a surname
  only with a role or a title ("Judge James"). Otherwise it is the corpus actor of the surname
  alone. As articles arrive the corpus changes, so the store settles these joins again when a
  run completes (:meth:`Registry.settle`): they do not depend on the order of the articles.

The registry lives in memory while a store is open and is rebuilt from the store's tables when it
is opened (:meth:`Registry.load`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import STATE_FORMS, _current, capital_of, country_index, country_named, fold

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """The place a country's formal name says it is the state of, when no other country's formal
    name says so and it is not already one of its names: "United States of America" → America."""
    from countryinfo import all_countries

    known = country_index().names
    found: dict[str, set[str]] = {}
    for info in (c.info() for c in all_countries()):
        if not info.get("name") or not _current(info):
            continue
        for alt in info.get("altSpellings") or ():
            head, _, tail = alt.rpartition(" of ")
            words = tail.split()
            if (alt.isascii() and "," not in alt and head and words and all(w[0].isupper() for w in words)
                    and fold(head).split()[-1] in STATE_FORMS | {"states", "federation", "union"}
                    and fold(tail) not in known):
                found.setdefault(fold(tail), set()).add(info["name"].split(",")[0])
    return {tail: next(iter(countries)) for tail, countries in found.items() if len(countries) == 1}


def country(name: str) -> str | None:
    """The country a place's name names: its names and codes, its capital, or what its formal
    name says it is the state of."""
    return country_named(name) or capital_of(name) or _state_names().get(fold(name))


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from .actorwords import lexicon

    return lexicon().titles


@dataclass(frozen=True)
class PersonName:
    """A person's name for matching: folded first name (None for a surname alone), initials of
    the middle names, folded last name."""

    first: str | None
    middle: str
    last: str


def person_name(name: str) -> PersonName | None:
    """The parts of a person's name ("Sen. Ana M. Ruiz Jr." → ana, m, ruiz), titles and
    suffixes left out; None when nothing is left."""
    words = [w.strip(".,") for w in name.replace("\u2019", "'").split()]
    words = [w for w in words if w]
    while words and fold(words[0]) in _titles():
        words.pop(0)
    while len(words) > 1 and fold(words[-1]).replace(".", "") in _SUFFIXES:
        words.pop()
    if not words:
        return None
    folded = [fold(w) for w in words]
    if len(folded) == 1:
        return PersonName(None, "", folded[0])
    middle = "".join(w[0] for part in folded[1:-1] for w in part.split(".") if w)
    return PersonName(folded[0], middle, folded[-1])


def slug(text: str) -> str:
    """The readable part of a corpus actor id: folded, letters and digits, words joined by '-'."""
    text = unicodedata.normalize("NFKC", fold(text))
    return "-".join(re.findall(r"\w+", text)) or "x"


def acronyms(name: str, aliases: list[str]) -> list[str]:
    """The acronyms an organisation's article actor wrote for it (its aliases in capitals), and
    its name when it is one."""
    return [a.replace(".", "") for a in [name, *aliases] if _ACRONYM.match(a) and " " not in a]


@dataclass
class CorpusActor:
    actor_id: str
    name: str
    type: str
    aliases: list[str]
    roles: set[str] = field(default_factory=set)
    person: PersonName | None = None
    middles: set[str] = field(default_factory=set)
    """The middle initials of the full names it was joined by ("w" for "George W. Bush")."""
    changed: bool = True
    """New or changed since the store last wrote it."""
    new: bool = True


class Registry:
    """The corpus actors and the indexes that join an article's actor to one of them."""

    def __init__(self) -> None:
        self.actors: dict[str, CorpusActor] = {}
        self._names: dict[tuple[str, str], str] = {}  # (type, folded name) → id
        self._acronyms: dict[str, set[str]] = {}  # acronym → organisation ids
        self._full: dict[tuple[str, str], set[str]] = {}  # (first, last) → person ids
        self._by_last: dict[str, set[str]] = {}  # last name → persons with a first name
        self._firsts: set[str] = set()  # the first names of corpus persons
        self._surnames: dict[str, str] = {}  # last name → the surname-alone actor

    # --- building ------------------------------------------------------------------------

    @classmethod
    def load(cls, actors, doc_actors) -> Registry:
        """The registry of a store: ``actors`` rows (actor_id, name, type, aliases) and the article
        actors joined to them (actor_id, name, type, aliases, roles, how)."""
        reg = cls()
        for actor_id, name, type_, aliases in actors:
            actor = CorpusActor(actor_id, name, type_, list(aliases), changed=False, new=False)
            if type_ == "PERSON":
                actor.person = person_name(name)
            reg.actors[actor_id] = actor
            reg._index_id(actor)
        for actor_id, name, type_, aliases, roles, how in doc_actors:
            actor = reg.actors.get(actor_id)
            if actor is not None and how != "surname":
                reg._index(actor, name, list(aliases), list(roles))
        return reg

    def _index_id(self, actor: CorpusActor) -> None:
        if actor.type == "PERSON" and actor.person is not None and actor.person.first is None:
            self._surnames[actor.person.last] = actor.actor_id

    def _index(self, actor: CorpusActor, name: str, aliases: list[str], roles: list[str]) -> None:
        """Let ``actor`` be found by what one of its article actors is called."""
        actor.roles.update(fold(r) for r in roles)
        if actor.type == "PERSON":
            parts = person_name(name)
            if parts is not None and parts.first is not None:
                self._full.setdefault((parts.first, parts.last), set()).add(actor.actor_id)
                self._by_last.setdefault(parts.last, set()).add(actor.actor_id)
                self._firsts.add(parts.first)
                if parts.middle:
                    actor.middles.add(parts.middle)
            return
        self._names.setdefault((actor.type, self._key(actor.type, name)), actor.actor_id)
        if actor.type == "ORG":
            for acronym in acronyms(name, aliases):
                self._acronyms.setdefault(acronym, set()).add(actor.actor_id)

    @staticmethod
    def _key(type_: str, name: str) -> str:
        if type_ == "GPE":
            found = country(name)
            if found is not None:
                return fold(found)
        return fold(name)

    def _new(self, name: str, type_: str, aliases: list[str]) -> CorpusActor:
        if type_ == "GPE":
            name = country(name) or name
        base = f"{type_.lower()}:{slug(name)}"
        actor_id, n = base, 1
        while actor_id in self.actors:
            n += 1
            actor_id = f"{base}-{n}"
        actor = CorpusActor(actor_id, name, type_, [])
        if type_ == "PERSON":
            actor.person = person_name(name)
        self.actors[actor_id] = actor
        self._index_id(actor)
        return actor

    def join(self, actor: CorpusActor, aliases: list[str]) -> None:
        fresh = [a for a in aliases if a not in actor.aliases]
        if fresh:
            actor.aliases += fresh
            actor.changed = True

    # --- resolving -----------------------------------------------------------------------

    def resolve(self, name: str, type_: str, aliases: list[str], roles: list[str]) -> tuple[str, str]:
        """The corpus actor of an article's actor (created if there is none yet), and how it was
        joined: ``name``, ``country``, ``acronym``, ``full-name``, ``surname`` or ``new``."""
        if type_ == "PERSON":
            found, how = self._person(name, aliases, roles)
        else:
            found, how = self._named(name, type_, aliases)
        if found is None and how == "surname":  # a surname alone, no person to join yet
            found = self.surname_actor(person_name(name).last, name)
        elif found is None:
            found = self._new(name, type_, aliases)
        self.join(found, aliases)
        if how != "surname":
            self._index(found, name, aliases, roles)
        return found.actor_id, how

    def _named(self, name: str, type_: str, aliases: list[str]) -> tuple[CorpusActor | None, str]:
        key = self._key(type_, name)
        if (type_, key) in self._names:
            return self.actors[self._names[(type_, key)]], "country" if key != fold(name) else "name"
        if type_ == "ORG":
            own = acronyms(name, aliases)
            if own and own[0] == name.replace(".", ""):  # the article wrote the acronym alone
                ids = self._acronyms.get(own[0], set())
                if len(ids) == 1:
                    return self.actors[next(iter(ids))], "acronym"
            for acronym in own:  # an acronym-alone corpus actor, now with its expansion
                found = self._names.get((type_, fold(acronym)))
                if found is not None and len(self._acronyms.get(acronym, ())) == 1:
                    actor = self.actors[found]
                    if _ACRONYM.match(actor.name):
                        actor.name = name
                        actor.changed = True
                    return actor, "acronym"
        return None, "new"

    def _person(self, name: str, aliases: list[str], roles: list[str]) -> tuple[CorpusActor | None, str]:
        parts = person_name(name)
        if parts is None:
            return None, "new"
        if parts.first is None:
            return self.surname_target(parts.last, aliases, roles), "surname"
        ids = self._full.get((parts.first, parts.last), set())
        # a middle initial of its own that differs from one the corpus person was named with: another person
        matches = [self.actors[i] for i in sorted(ids)
                   if not (parts.middle and self.actors[i].middles - {parts.middle})]
        exact = [a for a in matches if (parts.middle in a.middles if parts.middle else not a.middles)]
        if len(exact) == 1:
            return exact[0], "full-name"
        if len(matches) == 1:
            return matches[0], "full-name"
        return None, "new"

    def surname_target(self, last: str, aliases: list[str], roles: list[str]) -> CorpusActor | None:
        """The corpus person a surname alone names: the one person with a first name and that
        surname, or the one of several that shares a role with the article's actor; else None. A
        word that is some corpus person's first name ("James": James Ruiz, or Ana James?) is a
        surname only when the article gave it a role or a title ("Mr. James")."""
        titled = any(len(a.split()) > 1 and fold(a.split()[0]) in _titles() for a in aliases)
        if last in self._firsts and not roles and not titled:
            return None
        ids = sorted(self._by_last.get(last, ()))
        if len(ids) == 1:
            return self.actors[ids[0]]
        wanted = {fold(r) for r in roles}
        sharing = [i for i in ids if self.actors[i].roles & wanted]
        return self.actors[sharing[0]] if len(sharing) == 1 else None

    def surname_actor(self, last: str, name: str) -> CorpusActor:
        """The corpus actor of a surname alone (made if there is none)."""
        found = self.actors.get(self._surnames.get(last, ""))
        return found if found is not None else self._new(name, "PERSON", [])

    def settle(self, name: str, aliases: list[str], roles: list[str]) -> CorpusActor:
        """Where an article's person named ``name`` by a surname alone belongs, as the corpus
        stands now: the person :meth:`surname_target` finds, else the surname's own actor."""
        last = person_name(name).last
        return self.surname_target(last, aliases, roles) or self.surname_actor(last, name)

    def changes(self) -> tuple[list[CorpusActor], list[CorpusActor]]:
        """The corpus actors made, and those changed, since the last :meth:`saved`."""
        new = [a for a in self.actors.values() if a.new]
        changed = [a for a in self.actors.values() if a.changed and not a.new]
        return new, changed

    def saved(self) -> None:
        for actor in self.actors.values():
            actor.new = actor.changed = False
