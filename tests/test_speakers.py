"""Speakers: descriptions, members and bodies resolved to the actors the text names.

The sentences are written for these tests; none comes from an evaluation article.
"""
import pytest

from claimlens import actors, segment, speakers

# (text, description word (its last occurrence), the actor it refers to)
DESCRIPTIONS = [
    (("Norway's foreign ministry spokesman Lars Holm said the talks would resume. "
     "The spokesman added that the door was open."), "spokesman", "Lars Holm"),
    ("Saudi Arabia rejected the claims. The kingdom said the report was false.", "kingdom", "Saudi Arabia"),
    ("Pakistan and Chile met in Geneva. The Islamic Republic said the meeting was useful.", "Republic", "Pakistan"),
    ("The Danish Ministry of Health issued new rules. The ministry said they would take effect in May.",
     "ministry", "Danish Ministry of Health"),
    (("The Daily Ledger, a newspaper owned by Fenwick Media, published the letter. "
     "The newspaper said it stood by its reporting."), "newspaper", "Daily Ledger"),
    ("Canadian Prime Minister Anne Roy visited Kenya. The prime minister said trade would grow.",
     "minister", "Anne Roy"),
    ("Vantage Motor Company recalled cars. The company said the fault was minor.", "company",
     "Vantage Motor Company"),
    ("Peru and Chile signed a pact. The Chilean government said it was pleased.", "government", "Chile"),
    ("Judge Helen Park dismissed the case. The judge said the claim had no merit.", "judge", "Helen Park"),
    ("Maria Lopez won the vote on Sunday. Lopez thanked her staff.", "Lopez", "Maria Lopez"),
    (("The Norwegian Foreign Ministry spokesman Lars Holm said the talks would resume. "
     "The foreign ministry spokesman added that the door was open."), "spokesman", "Lars Holm"),
    # negatives: a role nobody in the text holds, another body's or country's spokesman, no
    # actor at all, a plural
    (("The Norwegian Foreign Ministry spokesman Lars Holm said the talks would resume. "
     "The defence ministry spokesman added that the door was open."), "spokesman", None),
    (("Norway's foreign ministry spokesman Lars Holm said the talks would resume. "
     "Sweden's spokesman disagreed."), "spokesman", None),
    ("Canadian Prime Minister Anne Roy visited Kenya. The foreign minister said trade would grow.",
     "minister", None),
    ("The mayor said the road would reopen.", "mayor", None),
    ("France and Spain signed. Other countries did not.", "countries", None),
]


@pytest.mark.parametrize("text,word,expected", DESCRIPTIONS, ids=[f"{w}->{e}" for _, w, e in DESCRIPTIONS])
def test_resolve_description(extractor, text, word, expected):
    doc = extractor.nlp(text)
    table = actors.find_actors(doc, segment.sentences(doc))
    token = [t for t in doc if t.text == word][-1]
    assert doc.text[token.idx:token.idx + len(token)] == word
    found = speakers.resolve_description(table, token.i)
    assert (found.name if found else None) == expected


# (text, a word of a description, the body it names)
BODIES = [
    ("The High Court of Lisbon adjourned the case. A court clerk said it would resume.", "court",
     "High Court of Lisbon"),
    ("The Senate met on Monday. Several senators said the bill was dead.", "senators", "Senate"),
    (("The state council voted on Monday. The Lagos City Council met on Tuesday. "
      "Two council members resigned."),
     "council",
     "Lagos City Council"),
    # negatives: no body of that kind named, a word that names no body, a person's role
    ("The mayor met residents. A court clerk said the case would resume.", "court", None),
    ("The Senate met on Monday. Several farmers said the bill was dead.", "farmers", None),
    ("Judge Helen Park adjourned the case. A judge said it would resume.", "judge", None),
]


@pytest.mark.parametrize("text,word,expected", BODIES, ids=[f"{w}->{e}" for _, w, e in BODIES])
def test_resolve_body(extractor, text, word, expected):
    doc = extractor.nlp(text)
    table = actors.find_actors(doc, segment.sentences(doc))
    token = [t for t in doc if t.text == word][-1]
    found = speakers.resolve_body(table, token.i)
    assert (found.name if found else None) == expected
