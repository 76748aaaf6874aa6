"""Countries, their other names, demonyms, capitals and state titles, from ``countryinfo``.

Built once per process (:func:`country_index`). Where two countries share a form ("American":
the United States and the Northern Mariana Islands), the more populous one wins.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

STATE_FORMS = frozenset({"republic", "kingdom", "sultanate", "emirate", "principality", "duchy"})
"""Last words of a state's title ("the Hashemite Kingdom", "the kingdom")."""
GENERIC_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                           "central", "new", "united", "great", "saint", "upper", "lower"})
"""Words that begin country names without naming one on their own ("Central", "East")."""
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_ABBREVIATION = re.compile(r"\s+(?:[A-Z]\.)+$")


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Fold a name for comparison: case, diacritics ("Núñez", "Nunez"), curly apostrophes, a
    leading 'the', white space."""
    s = name.replace("\u2019", "'").replace("\u2018", "'").casefold()
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = re.sub(r"\s+", " ", s).strip(" .,;:'\"")
    return re.sub(r"^the ", "", s)


@dataclass(frozen=True)
class CountryIndex:
    names: dict[str, str]
    """Folded name, alternative name or demonym (singular and plural) → country."""
    codes: dict[str, str]
    """Capitalised short forms made of the initials of a country's name ("US", "UK", "USA", "UAE");
    codes that are not ("MD" of Moldova, "DE" of Germany) name no country in running text, where
    they are mostly other things ("Paul Ortega, M.D.")."""
    short: dict[str, str]
    """Forms that name a country only as an adjective or group: the first word of a multi-word
    demonym that no other country uses ("Saudi"), the adjective of a two-word state title
    ("Argentine Republic"), the singular of a plural name ("Philippine")."""
    capitals: dict[str, str]
    """Folded capital ("tehran", "washington") → country."""
    titles: dict[str, tuple[str, ...]]
    """Folded state title ("islamic republic", "kingdom") → the countries that bear it."""


def _forms(info: dict) -> list[str]:
    name = info["name"]
    forms = [name, name.split(",")[0], info.get("demonym") or ""]
    for alt in info.get("altSpellings") or ():
        if alt.isascii() and len(alt) > 3 and "," not in alt and not alt.isupper():
            forms.append(alt)
    return [f for f in forms if f]


def _initials(form: str) -> set[str]:
    """The initials of a name of two words or more, with and without its function words
    ("United States of America": "USOA", "USA")."""
    words = [w for w in re.split(r"[\s\-]+", form.split(",")[0]) if w]
    if len(words) < 2:
        return set()
    return {"".join(w[0].upper() for w in words),
            "".join(w[0].upper() for w in words if w.lower() not in ("of", "the", "and"))}


def _current(info: dict) -> bool:
    """False for a state that no longer exists ("Serbia and Montenegro"): its ISO 3166-1 code is
    not a current one in ``pycountry``."""
    import pycountry

    code = (info.get("ISO") or {}).get("alpha2")
    return not code or pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """The index over every country of ``countryinfo`` (cached for the process)."""
    from countryinfo import all_countries

    infos = [c.info() for c in all_countries()]
    infos = sorted((i for i in infos if i.get("name") and _current(i)),
                   key=lambda i: -(i.get("population") or 0))
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    capitals: dict[str, str] = {}
    titles: dict[str, list[str]] = {}
    first_words: Counter[str] = Counter()
    for info in infos:
        country = info["name"].split(",")[0]
        forms = _forms(info)
        for form in forms:
            key = fold(form)
            names.setdefault(key, country)
            if not key.endswith("s"):
                names.setdefault(key + "s", country)  # "Israelis", "Americans"
        initials = set().union(*(_initials(f) for f in forms + list(info.get("altSpellings") or ())))
        for alt in info.get("altSpellings") or ():
            if alt.isascii() and alt.isupper() and len(alt) >= 2 and alt in initials:
                codes.setdefault(alt, country)
            if alt.isascii() and " of " in alt and "," not in alt:
                title = fold(alt.split(" of ")[0])
                if title.split()[-1] in STATE_FORMS:
                    titles.setdefault(title, []).append(country)
                    titles.setdefault(title.split()[-1], []).append(country)
        capital = info.get("capital") or ()
        for name in [capital] if isinstance(capital, str) else capital:
            capitals.setdefault(fold(name), country)
            capitals.setdefault(fold(_ABBREVIATION.sub("", name)), country)  # "Washington D.C."
        for word in {fold(f).split()[0] for f in forms if " " in fold(f)}:
            first_words[word] += 1
    # "America" of "United States of America": the last words of an official name after "of", where
    # they are no other country's name and no other official name ends in them
    tails = Counter(fold(alt.rsplit(" of ", 1)[1]) for info in infos for alt in info.get("altSpellings") or ()
                    if alt[:1].isupper() and alt.isascii() and alt.count(" of ") == 1 and "," not in alt)
    for info in infos:
        for alt in info.get("altSpellings") or ():
            if alt[:1].isupper() and alt.isascii() and alt.count(" of ") == 1 and "," not in alt:
                tail = fold(alt.rsplit(" of ", 1)[1])
                if tails[tail] == 1 and tail not in names and tail not in GENERIC_WORDS:
                    names[tail] = info["name"].split(",")[0]
    short: dict[str, str] = {}
    for info in infos:
        country = info["name"].split(",")[0]
        name = fold(country)
        demonym = fold(info.get("demonym") or "")
        adjectives = [demonym.split()[0]] if " " in demonym else []  # "Saudi Arabian"
        # "Argentine Republic", "Hellenic Republic": the adjective of a two-word state title
        adjectives += [fold(a).split()[0] for a in info.get("altSpellings") or ()
                       if a.isascii() and len(fold(a).split()) == 2 and fold(a).split()[1] in STATE_FORMS]
        for word in adjectives:
            if first_words[word] <= 1 and len(word) > 3 and word not in names and word not in GENERIC_WORDS:
                short.setdefault(word, country)
        if name.endswith("s") and " " not in name:
            short.setdefault(name[:-1], country)  # "Philippine"
    return CountryIndex(names, codes, short, capitals,
                        {t: tuple(dict.fromkeys(cs)) for t, cs in titles.items()})


def country_named(text: str, *, adjective: bool = False) -> str | None:
    """The country ``text`` names: its name, another name, its demonym ("Norwegian", "Israelis"),
    its code when written in capitals ("US"); with ``adjective``, also the short adjectival forms
    ("Saudi", "Philippine")."""
    index = country_index()
    if _DOTTED.match(text):
        text = text.replace(".", "")  # "U.S."
    if text in index.codes:
        return index.codes[text]
    key = fold(text)
    if key in index.names:
        return index.names[key]
    if adjective:
        return index.short.get(key)
    return None


def capital_of(text: str) -> str | None:
    """The country whose capital ``text`` names."""
    return country_index().capitals.get(fold(text))


def titled(text: str) -> tuple[str, ...]:
    """The countries a state title names ("Islamic Republic": Pakistan, Afghanistan, ...)."""
    return country_index().titles.get(fold(text), ())
