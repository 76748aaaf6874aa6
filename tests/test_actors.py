"""Actors: mentions merged into one actor per participant, roles, affiliation.

The sentences are written for these tests; none comes from an evaluation article.
"""
import pytest

from claimlens import actors, countries, segment

from .helpers import assert_offsets


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
    # a surname after a given name is no country cut short ("Costa" of "Costa Rican")
    ("The company fired its chief executive, Ana Costa, on Monday.", [], ["Costa Rica", "Costa"]),
    ("Costa Rican officials said the talks would go on.", [{"Costa Rican"}], []),
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


# A made-up article: each participant comes out as exactly one actor (general rules only).
ARTICLE = """Kenya summons Norwegian envoy over rebel remarks

Kenya has summoned Norway's ambassador after Oslo accused Nairobi of arming the National \
Liberation Front (NLF), a rebel group.

Kenyan foreign ministry spokesman Daniel Ortiz said on Monday that the accusation was baseless \
and that the NLF had no ties to the Kenyan government.

"Norway should stop spreading lies," Ortiz told reporters in Nairobi.

Norwegian Prime Minister Ingrid Halvorsen said her government stood by its report, adding that \
the United States shared its concerns. US officials declined to comment.
"""
ARTICLE_ACTORS = [
    ("Kenya", {"Kenya", "Nairobi", "Kenyan"}),
    ("Norway", {"Norway", "Norwegian"}),
    ("National Liberation Front", {"National Liberation Front", "NLF"}),
    ("Daniel Ortiz", {"Daniel Ortiz", "Ortiz"}),
    ("Ingrid Halvorsen", {"Ingrid Halvorsen"}),
    ("United States", {"United States", "US"}),
]


@pytest.fixture(scope="module")
def article(extractor):
    return extractor(ARTICLE, doc_id="made-up")


@pytest.mark.parametrize("name,forms", ARTICLE_ACTORS, ids=[n for n, _ in ARTICLE_ACTORS])
def test_article_actor_is_one_actor(article, name, forms):
    assert_offsets(article)
    holders = {a.id for a in article.actors for f in forms if f in a.aliases}
    assert len(holders) == 1, (name, holders)
    assert article.actor(holders.pop()).name == name


def test_article_roles(article):
    by_name = names(article)
    ortiz, halvorsen = by_name["Daniel Ortiz"], by_name["Ingrid Halvorsen"]
    assert ortiz.roles == ("foreign ministry spokesman",) and article.actor(ortiz.affiliation).name == "Kenya"
    assert halvorsen.roles == ("prime minister",) and article.actor(halvorsen.affiliation).name == "Norway"
    ministry = by_name["foreign ministry"]
    assert article.actor(ministry.affiliation).name == "Kenya"


# The party filter: (text, {form: type} of actors that must be there, forms that must be no actor's)
PARTIES = [
    # venues and places used only as locations; a venue with a role is a party
    ("Tourists crowded into Villa Rossa on Sunday.", {}, ["Villa Rossa"]),
    ("Villa Rossa's owners said the hotel would reopen.", {"Villa Rossa": "ORG"}, []),
    ("Police moved the files to 12 Rue des Ormes at night.", {}, ["Rue des Ormes"]),
    # things named after someone, and a body named as the author of an act
    ("Workers felled an old Korvel tree near the river.", {}, ["Korvel"]),
    ("Senator Ada Finch backed the 2007 Barlow-Quint water plan.", {"Ada Finch": "PERSON"}, ["Barlow-Quint"]),
    ("He cited a Coastal Revenue Service audit.", {"Coastal Revenue Service": "ORG"}, []),
    # time-zone abbreviations and units
    ("The talks began at 10 a.m. (0500 GMT) in the capital.", {}, ["GMT"]),
    ("It was 41 degrees Fahrenheit at noon.", {}, ["Fahrenheit"]),
    # a demonym or a group's adjective alone; a demonym of a body or an official names the country
    ("The Basque-led coalition won the vote.", {}, ["Basque"]),
    ("The two officers met her at a Danish bakery.", {}, ["Danish"]),
    ("Irish officials denied the report.", {"Irish": "GPE"}, []),
    ("The club admitted only Lutherans until 1990.", {}, ["Lutherans"]),
    # capitalised common words at a sentence start or in capitals
    ("Photographs, videos and messages were lost in the fire.", {}, ["Photographs"]),
    ("THE CLAIMS: Mayor Lena Ortiz never endorsed him.", {"Lena Ortiz": "PERSON"}, ["CLAIMS"]),
    # dotted abbreviations that are no country's
    ("Paul Ortega, M.D., said the drug was safe.", {"Paul Ortega": "PERSON"}, ["M.D."]),
    ("U.S. officials said the drug was safe.", {"U.S.": "GPE"}, []),
    # hashtags, handles and a country run into a name
    ("Fans used #Derby, and Tom Reid @treid said the match was rigged.", {"Tom Reid": "PERSON"},
     ["Derby", "Tom Reid @treid", "@treid"]),
    ("Former Danish trade envoy to Peru Mark Obi said the deal was dead.",
     {"Mark Obi": "PERSON", "Danish": "GPE"}, ["Peru Mark Obi"]),
    # names of web sites and national arms of organisations are bodies
    ("The story first ran on the site qarnetnews.com last week.", {"qarnetnews.com": "ORG"}, []),
    ("NewsPost UK reported the story, and its auditor, Vellan USA, said nothing.",
     {"NewsPost UK": "ORG", "Vellan USA": "ORG"}, ["UK", "USA"]),
    # a body's body named with its owner's possessive is two; a possessive inside one name is not
    ("A state law lets the House of Delegates' Committee on Rules see the files.",
     {"House of Delegates": "ORG", "Committee on Rules": "ORG"}, ["House of Delegates' Committee on Rules"]),
    ("The People's Republic of China and McDonald's Corporation agreed.",
     {"People's Republic of China": "GPE", "McDonald's Corporation": "ORG"}, ["People"]),
    # a time or an event
    ("The council met again after its Harvest Break on Monday.", {}, ["Harvest Break"]),
    # run-together related headlines are furniture
    (("Mayor Lena Ortiz opened the bridge.\n\nMore from Sports: Kim Park Signs With RoversDerby Fans Clash "
      "In Leeds After Cup TieCity Extend Lead\n"), {"Lena Ortiz": "PERSON"},
     ["Kim Park", "RoversDerby Fans Clash"]),
]


@pytest.mark.parametrize("text,present,absent", PARTIES, ids=[t[:40] for t, _, _ in PARTIES])
def test_party_filter(extractor, text, present, absent):
    art = extractor(text)
    assert_offsets(art)
    for form, type_ in present.items():
        actor = actor_of(art, form)
        assert actor is not None, f"no actor for {form!r}: {[a.name for a in art.actors]}"
        assert actor.type == type_, (form, actor.type)
        assert any(text[m.start:m.end] == form for m in actor.mentions)
    for form in absent:
        assert actor_of(art, form) is None, f"{form!r} should be no actor's"


# Types from the context: (text, name, type)
CONTEXT_TYPES = [
    ("Tesla CEO Elon Musk said the car was safe.", "Tesla", "ORG"),
    ("Tesla CEO Elon Musk said the car was safe.", "Elon Musk", "PERSON"),
    ("The mayor told the Gazette that the road would reopen.", "Gazette", "ORG"),
    ("The construction firm, Hallmann Bau, said it would appeal.", "Hallmann Bau", "ORG"),
    ("Café owner José Núñez said the rent had doubled.", "José Núñez", "PERSON"),
    # an industry word ending the name makes it a company, whatever the recognizer says
    ("Workers at Granite Coal said the mine would close.", "Granite Coal", "ORG"),
    ("Analysts said Harbor Energy would cut jobs.", "Harbor Energy", "ORG"),
    # negatives: a person's name after a title, a person coordinated with a body
    ("The mayor told Judge Helen Park that the road would reopen.", "Helen Park", "PERSON"),
]


@pytest.mark.parametrize("text,name,type_", CONTEXT_TYPES, ids=[f"{n}:{t}" for _, n, t in CONTEXT_TYPES])
def test_type_from_context(extractor, text, name, type_):
    art = extractor(text)
    assert_offsets(art)
    assert names(art)[name].type == type_
    assert actor_of(art, "Café") is None


# Merging by general evidence: (text, groups that must be one actor each, forms no actor has)
MERGES = [
    # a company's name of initials and a suffix is its whole name, not a short form of another's
    ("Orbital Systems Corp. moved jobs to Mexico. Ann Marsh owns shares in V F Corp. and Acme Foods.",
     [{"Orbital Systems Corp."}, {"V F Corp."}], []),
    ("José Núñez opened the café. Jose Nunez said the rent had doubled.", [{"José Núñez", "Jose Nunez"}], []),
    ("Donald Brant founded Brant University. Brant said the school was sound.",
     [{"Donald Brant", "Brant"}, {"Brant University"}], []),
    ("The envoy left at the request of Washington. The United States said nothing.",
     [{"Washington", "United States"}], []),
    ("America closed its border. The United States said it would reopen.",
     [{"America", "United States"}], []),
    ("Jordan's King Talal met the envoy.", [{"Talal", "King Talal"}, {"Jordan"}], []),
    ("Party founder Jean-Luc Le Brun spoke. Le Brun said he was right.",
     [{"Jean-Luc Le Brun", "Le Brun"}], ["Jean-Luc Le"]),
    ("Kenya Airways expanded. Analysts said Kenya Airways had grown.", [{"Kenya Airways"}], []),
    ("The NWC met on Monday. The National Water Commission later issued a statement.",
     [{"NWC", "National Water Commission"}], []),
    ("Mary Ellen Voss spoke first. Mary Voss said she would run.",
     [{"Mary Ellen Voss", "Mary Voss"}], []),
    ("The Danish news agency Ostra reported the raid. Editors copied the whole of the Ostras article.",
     [{"Ostra", "Ostras"}], []),
    # an apposition, another name given, a spelling variant, a body inside another
    ("The secret police, the Bureau for Public Order, denied it.",
     [{"secret police", "Bureau for Public Order"}], []),
    ("The group's leader, Omar Khalid, also known as Abu Omar, spoke.", [{"Omar Khalid", "Abu Omar"}], []),
    ("Khalid bin Hamad Al Qasimi died in 2012. Prince Khaled had denied the law.",
     [{"Khalid bin Hamad Al Qasimi", "Khaled"}], []),
    ("A letter went to Harwell's president. Ana Ruiz worked at Harwell University School of Design.",
     [{"Harwell"}, {"Harwell University School of Design"}], []),
    # negatives: the names of a list, two people who share a surname, a capital as a place
    ("Vantage, Orrin and Kellner, the carmakers, agreed.", [{"Vantage"}, {"Orrin"}, {"Kellner"}], []),
    ("Anna Brant met Donald Brant in Oslo. Donald Brant said they agreed.",
     [{"Anna Brant"}, {"Donald Brant"}], []),
    ("The envoy left a hotel in Washington. The United States said nothing.",
     [{"United States"}], ["Washington"]),
]


@pytest.mark.parametrize("text,groups,absent", MERGES, ids=[t[:40] for t, _, _ in MERGES])
def test_merging(extractor, text, groups, absent):
    test_alias_decisions(extractor, text, groups, absent)


# "[country's] [body] [role] [Name]": the body is an actor with its country as affiliation, the role
# the whole description: (text, person, role, person's affiliation, body, body's affiliation)
BODY_ROLES = [
    ("China's foreign ministry spokesman Wang Wenbin said the claims were false.", "Wang Wenbin",
     "foreign ministry spokesman", "China", "foreign ministry", "China"),
    ("Norway's foreign ministry spokesman Lars Holm said the talks would resume.", "Lars Holm",
     "foreign ministry spokesman", "Norway", "foreign ministry", "Norway"),
    ("Chile protested. The Chilean Foreign Ministry spokesman Ali Nouri said the talks would resume.",
     "Ali Nouri",
     "foreign ministry spokesman", "Chile", "Chilean Foreign Ministry", "Chile"),
    ("The Chilean foreign ministry spokesman Ali Nouri said the talks would resume.", "Ali Nouri",
     "foreign ministry spokesman", "Chile", "foreign ministry", "Chile"),
    ("The United States sued. The U.S. Coastal Trade Commission fined the firm, chairman Al Reyes said.",
     "Al Reyes",
     "chairman", None, "U.S. Coastal Trade Commission", "United States"),
]


@pytest.mark.parametrize("text,person,role,affiliation,body,body_affiliation", BODY_ROLES,
                         ids=[r[1] for r in BODY_ROLES])
def test_body_roles(extractor, text, person, role, affiliation, body, body_affiliation):
    art = extractor(text)
    assert_offsets(art)
    by_name = names(art)
    actor, org = by_name[person], by_name[body]
    assert role in actor.roles
    assert (art.actor(actor.affiliation).name if actor.affiliation else None) == affiliation
    assert org.type == "ORG" and art.actor(org.affiliation).name == body_affiliation
