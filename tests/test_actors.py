"""Actors: mentions merged into one actor per participant, roles, affiliation.

The sentences are written for these tests; none comes from an evaluation article.
"""
import pytest

from claimlens import actors, countries, segment

from .helpers import SAMPLE, assert_offsets


def names(art):
    return {a.name: a for a in art.actors}


def actor_of(art, text):
    """The one actor with a mention (or alias) written ``text``, or None."""
    found = [a for a in art.actors if text in a.aliases]
    assert len(found) <= 1, f"{text!r} is in {[a.name for a in found]}"
    return found[0] if found else None


# (text, groups of forms that must be one actor, forms that must be no actor's)
ALIASES = [
    ("Maria Lopez won the vote on Sunday. Lopez thanked her staff.", [{"Maria Lopez", "Lopez"}], []),
    ("Tom Baker won the vote. On Monday, Baker thanked his staff.", [{"Tom Baker", "Baker"}], []),
    ("The Coastal Fisheries Organization (CFO) warned of shortages. The CFO said stocks had fallen.",
     [{"Coastal Fisheries Organization", "CFO"}], []),
    ("Officials of the National Water Commission met on Monday. The NWC later issued a statement.",
     [{"National Water Commission", "NWC"}], []),
    ("The NRB (National Rivers Board) met on Monday. The board said the NRB would act.",
     [{"National Rivers Board", "NRB"}], []),
    ("Staff of the Office de Gestion et d\u2019Analyse (OGA) were questioned. The OGA declined to comment.",
     [{"Office de Gestion et d\u2019Analyse", "OGA"}], []),
    ("Vantage Motor Company recalled cars. Vantage said the fault was minor.",
     [{"Vantage Motor Company", "Vantage"}], []),
    ("France signed the deal. French officials welcomed it.", [{"France", "French"}], []),
    ("Israelis voted on Tuesday. Israel has a new government.", [{"Israelis", "Israel"}], []),
    ("The US and the United States are the same.", [{"US", "United States"}], []),
    ("Talks with Moscow stalled, and Russia recalled its envoy.", [{"Moscow", "Russia"}], []),
    ("Moscow denied the report.", [{"Moscow"}], []),
    ("Jordan and Syria held talks. The Hashemite Kingdom said it wanted peace.",
     [{"Jordan", "Hashemite Kingdom"}, {"Syria"}], []),
    # negatives: a capital as a place, a person and a country sharing a name, two people
    # sharing a surname, adjectives, ordinals, a word of a title, a place's name
    ("A hospital in Berlin treated the workers, and Germany sent doctors.", [{"Germany"}], ["Berlin"]),
    ("The minister visited Moscow on Monday. Russia welcomed him.", [{"Russia"}], ["Moscow"]),
    ("Chad Brown met officials from Chad. Brown said the talks went well.",
     [{"Chad Brown", "Brown"}, {"Chad"}], []),
    ("John Smith met Mary Smith in Boston.", [{"John Smith"}, {"Mary Smith"}], []),
    ("The south European country rejected the plan.", [], ["south European", "European"]),
    ("He blamed the attack on third parties.", [], ["third"]),
    ("US Secretary of State Paula Reyes arrived in Lima.", [{"Paula Reyes"}, {"US"}], ["State", "Lima"]),
    ("Worshippers gathered at the Al Falah Mosque on Friday.", [], ["Al Falah Mosque"]),
    # a collective noun standing alone as a party names a body; as a modifier it does not
    ("Police said the driver had fled. According to police, he was armed.", [{"Police", "police"}], []),
    ('The "secret police" denied the arrests.', [{"secret police"}], []),
    ("Two police officers said the driver had fled.", [], ["police"]),
    ("The police station was closed.", [], ["police"]),
    # a capitalised "The" inside a sentence opens a name the model missed; not in quotation marks
    ("Nokia told The Sentinel that it was cooperating.", [{"Sentinel"}], []),
    ('She read "The Long Winter" on Monday.', [], ["Long Winter"]),
]


@pytest.mark.parametrize("text,groups,absent", ALIASES, ids=[t[:40] for t, _, _ in ALIASES])
def test_alias_decisions(extractor, text, groups, absent):
    art = extractor(text)
    assert_offsets(art)
    found = [actor_of(art, next(iter(g))) for g in groups]
    for group, actor in zip(groups, found):
        assert actor is not None, f"no actor for {group}"
        assert group <= set(actor.aliases), (group, actor.aliases)
    assert len({a.id for a in found}) == len(groups), "two groups were merged into one actor"
    for form in absent:
        assert actor_of(art, form) is None, f"{form!r} should be no actor's"


def test_country_names_the_actor(extractor):
    art = extractor("Talks with Moscow stalled, and Russia recalled its envoy.")
    (russia,) = art.actors
    assert russia.name == "Russia" and russia.type == "GPE"


# (text, person, role, affiliation's name)
ROLES = [
    ("Norway's foreign ministry spokesman Lars Holm said the talks would resume.", "Lars Holm",
     "foreign ministry spokesman", "Norway"),
    ("Canadian Prime Minister Anne Roy visited Kenya.", "Anne Roy", "prime minister", "Canada"),
    ("US Secretary of State Paula Reyes arrived in Lima.", "Paula Reyes", "secretary of state", "United States"),
    ("Tom Reed, the chief executive of Kenya Airways, said the airline would expand.", "Tom Reed",
     "chief executive", "Kenya Airways"),
    ("Judge Helen Park dismissed the case.", "Helen Park", "judge", None),
    ("Maria Lopez won the vote on Sunday.", "Maria Lopez", None, None),
]


@pytest.mark.parametrize("text,person,role,affiliation", ROLES, ids=[r[1] + ":" + str(r[2]) for r in ROLES])
def test_roles_and_affiliation(extractor, text, person, role, affiliation):
    art = extractor(text)
    assert_offsets(art)
    actor = names(art)[person]
    assert actor.type == "PERSON"
    assert list(actor.roles) == ([role] if role else [])
    owner = art.actor(actor.affiliation)
    assert (owner.name if owner else None) == affiliation


@pytest.mark.parametrize("text,name,type_", [
    # a name coordinated with a person's is a person's, whatever the model calls it
    ("She met officers Ugo Tessaro and Nicolas Varga at a pub.", "Ugo Tessaro", "PERSON"),
    ("She met officers Ugo Tessaro and Nicolas Varga at a pub.", "Nicolas Varga", "PERSON"),
    # negatives: a body's name coordinated with a person's stays a body
    ("Maria Lopez and the Coastal Fisheries Organization signed the deal.", "Coastal Fisheries Organization",
     "ORG"),
])
def test_actor_type(extractor, text, name, type_):
    assert names(extractor(text))[name].type == type_


# (written form, adjective, country)
COUNTRIES = [
    ("Iranian", False, "Iran"), ("Americans", False, "United States"), ("U.S.", False, "United States"),
    ("UK", False, "United Kingdom"), ("the Netherlands", False, "Netherlands"),
    ("Saudi", True, "Saudi Arabia"), ("Saudi", False, None), ("Philippine", True, "Philippines"),
    ("European", True, None), ("Turks", True, None), ("Western", True, None), ("Ottawa", False, None),
]


@pytest.mark.parametrize("text,adjective,expected", COUNTRIES, ids=[f"{t}-{a}" for t, a, _ in COUNTRIES])
def test_country_named(text, adjective, expected):
    assert countries.country_named(text, adjective=adjective) == expected


@pytest.mark.parametrize("text,expected", [("Ottawa", "Canada"), ("Washington", "United States"),
                                           ("Canada", None), ("Springfield", None)])
def test_capital_of(text, expected):
    assert countries.capital_of(text) == expected


def test_country_data_is_read_once():
    assert countries.country_index() is countries.country_index()
    assert actors.lexicon() is actors.lexicon()


def test_actors_in(extractor):
    doc = extractor.nlp("Maria Lopez met officials from France. She said Lopez would return.")
    table = actors.find_actors(doc, segment.sentences(doc))
    assert [a.name for a in table.actors_in(0, len(doc))] == ["Maria Lopez", "France"]


def test_furniture_only_actors_are_left_out(extractor):
    art = extractor("Maria Lopez won the vote.\n\nSHARE THIS ARTICLE ON FACEBOOK AND TWITTER\n")
    assert [a.name for a in art.actors] == ["Maria Lopez"]


# The Press TV sample: each participant comes out as exactly one actor (general rules only).
SAMPLE_ACTORS = [
    ("Iran", {"Iran", "Tehran", "Iranian", "Islamic Republic"}),
    ("Albania", {"Albania", "Albanian", "Tirana"}),
    ("Mujahedin-e-Khalq Organization", {"Mujahedin-e-Khalq Organization", "MKO"}),
    ("Edi Rama", {"Edi Rama"}),
    ("Nasser Kana'ani", {"Nasser Kana'ani"}),
    ("United States", {"United States", "US"}),
    ("Israel", {"Israeli"}),
]


@pytest.fixture(scope="module")
def sample(extractor):
    return extractor(SAMPLE.read_text(encoding="utf-8"), doc_id="sample")


@pytest.mark.parametrize("name,forms", SAMPLE_ACTORS, ids=[n for n, _ in SAMPLE_ACTORS])
def test_sample_actor_is_one_actor(sample, name, forms):
    assert_offsets(sample)
    holders = {a.id for a in sample.actors for f in forms if f in a.aliases}
    assert len(holders) == 1, (name, holders)
    assert sample.actor(holders.pop()).name == name


def test_sample_roles(sample):
    by_name = names(sample)
    kanaani, rama = by_name["Nasser Kana'ani"], by_name["Edi Rama"]
    assert kanaani.roles == ("foreign ministry spokesman",) and sample.actor(kanaani.affiliation).name == "Iran"
    assert rama.roles == ("prime minister",) and sample.actor(rama.affiliation).name == "Albania"
