"""Actors: mentions merged into one actor per participant."""


def names(art):
    return {a.name: a for a in art.actors}


def test_surname_merges_with_full_name(extractor):
    art = extractor("Tom Baker won the vote. On Monday, Baker thanked his staff.")
    (a,) = [a for a in art.actors if a.type == "PERSON"]
    assert a.name == "Tom Baker" and [m.text for m in a.mentions] == ["Tom Baker", "Baker"]


def test_demonym_folds_to_its_country(extractor):
    art = extractor("France signed the deal. French officials welcomed it.")
    france = names(art)["France"]
    assert france.type == "GPE" and set(france.aliases) == {"France", "French"}


def test_two_people_sharing_a_surname_stay_apart(extractor):
    art = extractor("John Smith met Mary Smith in Boston.")
    people = sorted(a.name for a in art.actors if a.type == "PERSON")
    assert people == ["John Smith", "Mary Smith"]


def test_mentions_have_offsets(extractor):
    text = "Germany and the United States disagreed."
    art = extractor(text)
    for a in art.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    assert {"Germany", "United States"} <= set(names(art))
