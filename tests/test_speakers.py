"""Speakers: descriptions, members and bodies resolved to the actors the text names.

The sentences are written for these tests; none comes from an evaluation article.
"""
import pytest

from claimlens import actors, descriptions, segment
from claimlens.resources import read_model_tsv

from .helpers import assert_offsets

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
    # the kind told by any word of the name, not only its last
    ("Acme Motors Inc. recalled 4,000 cars. The company said the fault was minor.", "company",
     "Acme Motors Inc."),
    ("The Daily Ledger published the letter. The paper said it stood by its story.", "paper", "Daily Ledger"),
    # "the company": else the nearest organisation whose name tells no kind, past one that does
    ("Harlan Steel wrote to Westbrook University. The company said the report was false.", "company",
     "Harlan Steel"),
    # negatives: a role nobody in the text holds, another body's or country's spokesman, no
    # actor at all, a plural, a body of another kind
    ("The Daily Ledger published the letter. The company said it stood by its story.", "company", None),
    (("The Norwegian Foreign Ministry spokesman Lars Holm said the talks would resume. "
     "The defence ministry spokesman added that the door was open."), "spokesman", None),
    (("Norway's foreign ministry spokesman Lars Holm said the talks would resume. "
     "Sweden's spokesman disagreed."), "spokesman", None),
    ("Canadian Prime Minister Anne Roy visited Kenya. The foreign minister said trade would grow.",
     "minister", None),
    ("The mayor said the road would reopen.", "mayor", None),
    ("The Senate met on Monday. The company said the vote was fair.", "company", None),
    ("Maria Lopez left early. The company said she had resigned.", "company", None),
    ("France and Spain signed. Other countries did not.", "countries", None),
]


def _table_and_word(extractor, text, word):
    """The actor table of ``text`` and the last token that is ``word``."""
    doc = extractor.nlp(text)
    return actors.find_actors(doc, segment.sentences(doc)), [t for t in doc if t.text == word][-1]


@pytest.mark.parametrize("text,word,expected", DESCRIPTIONS, ids=[f"{w}->{e}" for _, w, e in DESCRIPTIONS])
def test_resolve_description(extractor, text, word, expected):
    table, token = _table_and_word(extractor, text, word)
    assert table.doc.text[token.idx:token.idx + len(token)] == word
    found = descriptions.resolve_description(table, token.i)
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
    table, token = _table_and_word(extractor, text, word)
    found = descriptions.resolve_body(table, token.i)
    assert (found.name if found else None) == expected


# (text, the speaker mention of the last attributed statement, the actor it refers to or None)
RESOLUTION = [
    # a description refers back to the person named with its title, written with a capital too
    ("Governor Ruth Vance toured the district. The Governor maintains the levees held.",
     "The Governor", "Ruth Vance"),
    ("Governor Ruth Vance toured the district. The governor maintains the levees held.",
     "The governor", "Ruth Vance"),
    ("The Harbor Ministry of Works met. The Ministry said the levees held.", "The Ministry",
     "Harbor Ministry of Works"),
    # one who speaks for whom a possessive pronoun stands for
    ("Maria Lopez was charged on Monday. Her spokeswoman said she was innocent.", "Her spokeswoman",
     "Maria Lopez"),
    ("Tom Okafor met Maria Lopez. His aide said the talks went well.", "His aide", "Tom Okafor"),
    ("Tom Okafor met Maria Lopez. Her brother said the talks went well.", "Her brother", None),
    # officials in a capital are the government seated there, when the text names it; not
    # residents, and not officials a phrase names as another's
    ("Iran rejected the claim. Officials in Tehran said the report was false.", "Officials in Tehran",
     "Iran"),
    ("Residents in Paris said the talks had failed. France sent an envoy.", "Residents in Paris", None),
    ("Peru's officials in Paris said the talks had failed. France sent an envoy.",
     "Peru's officials in Paris", "Peru"),
    # a ministry the text does not name is the government's: the country named last
    ("Norway banned the airline. The transport ministry said the airline posed a risk.",
     "The transport ministry", "Norway"),
    ("The airline was banned. The ministry said the airline posed a risk.", "The ministry", None),
    ("Norway banned the airline. The police department said the airline posed a risk.",
     "The police department", None),
    # a document speaks for whoever issued it
    ("The Harbor Tenants Union filed a complaint. The complaint argues the rise breaks the lease.",
     "The complaint", "Harbor Tenants Union"),
    (("A complaint was filed by the Harbor Tenants Union on Monday. The complaint argues the rise breaks "
      "the lease."), "The complaint", "Harbor Tenants Union"),
    # ... or the body it is named after ("a Brightline poll"); a document nobody was said to make is
    # no person's or country's who spoke last, but an organisation's may be
    ("A Brightline poll shows voters are split. Most want a new vote, according to the poll.", "the poll",
     "Brightline"),
    ('Ruth Vance said she was ready. The record shows she voted twice.', "The record", None),
    ("Peru said the talks had failed, a French official said. The record shows the talks went on.",
     "The record", None),
    ("The Harbor Tenants Union said rents rose. The data show a rise of 9 percent.", "The data",
     "Harbor Tenants Union"),
    ('Ruth Vance said she was ready. "The statement says it all," she said. The statement says she is ready.',
     "The statement", "Ruth Vance"),
    # a participle the parse hangs from the place the act went to belongs to the clause's subject
    ("Rep. Dale Moore uploaded a clip to YouTube accusing the utility of negligence.", "Rep. Dale Moore",
     "Dale Moore"),
    ("Rep. Dale Moore wrote to the Harbor Council demanding a new audit.", "Rep. Dale Moore", "Dale Moore"),
    # a pronoun takes the antecedent its gender fits: a given name votes for the person's gender,
    # and a possessive that owns the role a person is named in ("her deputy, John Smith") is someone
    # else's
    ('Maria Lopez said the vote would go ahead. John Smith disagreed. "It is too early," he said.', "he",
     "John Smith"),
    ('John Smith said the vote would go ahead. Maria Lopez disagreed. "It is too early," she said.', "she",
     "Maria Lopez"),
    (('Maria Lopez said the vote would go ahead. Her deputy, John Smith, was angry. "It is too early," he '
      'said.'), "he", "John Smith"),
    ('Maria Lopez said the vote would go ahead. John Smith agreed. "It is high time," she said.', "she",
     "Maria Lopez"),
    # a name in the participle whose understood subject the pronoun is cannot be its antecedent
    (("Governor Ruth Vance gave a press conference. Talking to reporter Sam Hale of the Gazette, she said "
      "the dam was safe."), "she", "Ruth Vance"),
    # the person a phrase names, not the places and nations that modify it
    ("The former Kenyan ambassador to France, Mark Obi, said the talks had failed.",
     "The former Kenyan ambassador to France, Mark Obi", "Mark Obi"),
    ("Former Danish trade envoy to Peru Mark Obi said the talks had failed.",
     "Former Danish trade envoy to Peru Mark Obi", "Mark Obi"),
    # a cue coordinated with a passive verb shares its subject, not the passive's agent
    ("Coach Ray Dunn was suspended on Monday and denied taking the payment.", "Coach Ray Dunn", "Ray Dunn"),
    ("Coach Ray Dunn was suspended by the league and denied taking the payment.", "Coach Ray Dunn", "Ray Dunn"),
    ("Jean Dubois, who was convicted of fraud in 2010 and denied the charges, lives in Lyon.", "who",
     "Jean Dubois"),
    # a cue opening the sentence before its speaker and a colon is no part of the name
    ('Mayor Lena Ortiz spoke at the rally.\n\nSaid Ortiz: "We will rebuild the bridge."', "Ortiz", "Lena Ortiz"),
    ('Mayor Lena Ortiz spoke at the rally.\n\nSays Ortiz, "We will rebuild the bridge."', "Ortiz", "Lena Ortiz"),
    # ... but a first name that is a verb's form stays in the name
    ("Said Hassan was elected mayor. Said Hassan, the mayor, told reporters the bridge would reopen.",
     "Hassan, the mayor", "Said Hassan"),
    # a person described again is the earlier statement's speaker
    (("The deal was signed by Peru, according to a Chilean official. Prices would fall, according to the "
     "official."), "the official", "Chile"),
    # a person described by a role and what it is the role of, never named: an actor of its own,
    # whom a pronoun after it refers to
    ("The chief executive of the state lottery said the draw was fair.",
     "The chief executive of the state lottery", "chief executive of the state lottery"),
    (("The head of the city's internal inquiry told the council the checks were not done. She also said "
      "the scene was not secured."), "She", "head of the city's internal inquiry"),
    ("The head of Acme Corp said the draw was fair.", "The head of Acme Corp", "Acme Corp"),
    ("The heads of the two inquiries said the draw was fair.", "The heads of the two inquiries", None),
    ("The official in charge of the lottery said the draw was fair.",
     "The official in charge of the lottery", None),
    ("The president said the draw was fair.", "The president", None),
    # negatives: a title nobody named holds, a document someone only read, a name in a finite clause,
    # another person described (not the earlier speaker)
    (("The deal was signed by Peru, according to a Chilean official. Prices would fall, according to the "
     "diplomat."), "the diplomat", None),
    ("Governor Ruth Vance toured the district. The President said the levees held.", "The President", None),
    ("The Harbor Tenants Union received a letter. The letter argues the rise breaks the lease.",
     "The letter", None),
    ("Governor Ruth Vance met Sam Hale. After Hale left, he said the dam was safe.", "he", "Sam Hale"),
    ("Rep. Dale Moore spoke to a reporter accusing the utility of negligence.", "a reporter", None),
    ("Mayor Lena Ortiz spoke to Jordan Lee Smith, who said the talks had failed.", "who", "Jordan Lee Smith"),
    # whoever said the words a description names as its own: the quote's speaker (the last quoted,
    # not the outlet that reported it, nor an earlier "source"), a message's author
    (('An airline source said the flights would resume. "We will close the route," Ray Dunn, a manager, '
      'was quoted as saying by the Ledger. The Ledger added that the route would shut, but the source of '
      'the quote said the story was invented.'), "the source of the quote", "Ray Dunn"),
    ("Ann Marsh wrote a letter to the council. The author of the letter said the toll was unfair.",
     "The author of the letter", "Ann Marsh"),
    # negatives: the source of something that is not words; words nobody quoted before
    ("Ann Marsh wrote a letter to the council. The source of the leak said the toll was unfair.",
     "The source of the leak", None),
    ("Ann Marsh wrote to the council. The source of the quote said the toll was unfair.",
     "The source of the quote", None),
    # the press of a country is not its government: where it is from, unless it is the state's
    ('British newspapers reported "the talks had failed".', "British newspapers", None),
    ('Two Canadian media outlets reported "the talks had failed".', "Two Canadian media outlets", None),
    ("Gulf region and US media outlets reported that the talks had failed.",  # "outlets" a conjunct
     "Gulf region and US media outlets", None),
    ("Canada and Peru reported that the talks had failed.", "Canada and Peru", "Canada"),
    ('Russian state television said "the talks had failed".', "Russian state television", "Russia"),
    ('Canadian officials said "the talks had failed".', "Canadian officials", "Canada"),
]


@pytest.mark.parametrize("text,mention,expected", RESOLUTION, ids=[f"{m}->{e}" for _, m, e in RESOLUTION])
def test_speaker_resolution(extractor, text, mention, expected):
    art = extractor(text)
    assert_offsets(art)
    s = [s for s in art.statements if s.quote != "none"][-1]
    assert (s.speaker.text, text[s.speaker.start:s.speaker.end]) == (mention, mention)
    actor = art.actor(s.speaker.actor) if s.speaker.actor else None
    assert (actor.name if actor else None) == expected


# (text, the cue of a statement, its speaker mention, the actor it refers to or None)
CUE_SPEAKERS = [
    # a participle after a clause whose head comes later (a colon's quote) speaks for the clause's
    # subject, not for the quote's
    (('Mayor Lena Ortiz responded to the audit via Twitter, attacking the report as a smear: "The council '
     'has failed us."'), "attacking", "Mayor Lena Ortiz", "Lena Ortiz"),
    ("Mayor Lena Ortiz responded to the audit, attacking the report as a smear: the council had failed.",
     "attacking", "Mayor Lena Ortiz", "Lena Ortiz"),
    # a cue completing an adjective, adverb or object speaks for the subject of the clause it completes
    ("Mayor Lena Ortiz was quick to condemn the report.", "condemn", "Mayor Lena Ortiz", "Lena Ortiz"),
    ("Mayor Lena Ortiz was the most aggressive in denouncing the report.", "denouncing", "Mayor Lena Ortiz",
     "Lena Ortiz"),
    ("Mayor Lena Ortiz stopped short of endorsing the plan.", "endorsing", "Mayor Lena Ortiz", "Lena Ortiz"),
    ("Mayor Lena Ortiz went so far as to say the plan was dead.", "say", "Mayor Lena Ortiz", "Lena Ortiz"),
    ("Mayor Lena Ortiz has a rare chance to show that the plan works.", "show", "Mayor Lena Ortiz",
     "Lena Ortiz"),
    # ... and of a passive, for its subject
    ("Mayor Lena Ortiz was forced to admit that the plan had failed.", "admit", "Mayor Lena Ortiz",
     "Lena Ortiz"),
    # negatives: after a reported clause, the reporter's (not the clause subject's); a document that
    # is quick to spread speaks for no one it names
    ("The report was quick to spread, saying the plan was dead.", "saying", "The report", None),
    # a gerund's subject right before it, after "of" or a verb of witnessing, not the clause's subject
    ('Ray Dunn reminds me of Maria Lopez saying that "nobody wins a war."', "saying", "Maria Lopez",
     "Maria Lopez"),
    ("The ad uses footage of Ana Pires asking why she is not ahead.", "asking", "Ana Pires", "Ana Pires"),
    ("Witnesses heard Ray Dunn say the bridge was unsafe.", "say", "Ray Dunn", "Ray Dunn"),
    ("Ray Dunn left the room saying he was tired.", "saying", "Ray Dunn", "Ray Dunn"),
    ("Ray Dunn attacked Ana Pires saying she had lied.", "saying", "Ray Dunn", "Ray Dunn"),
    ("Coach Ray Dunn claimed the team was ready, insisting the injuries were minor.", "insisting",
     "Coach Ray Dunn", "Ray Dunn"),
]


@pytest.mark.parametrize("text,cue,mention,expected", CUE_SPEAKERS, ids=[c for _, c, _, _ in CUE_SPEAKERS])
def test_cue_speaker(extractor, text, cue, mention, expected):
    art = extractor(text)
    assert_offsets(art)
    (s,) = [s for s in art.statements if s.cue is not None and s.cue.text == cue]
    assert (s.speaker.text, text[s.speaker.start:s.speaker.end]) == (mention, mention)
    actor = art.actor(s.speaker.actor) if s.speaker.actor else None
    assert (actor.name if actor else None) == expected


def test_given_name_rows_are_lowercase_names_and_a_gender():
    rows = read_model_tsv("given_names.tsv")
    assert len(rows) > 5000
    assert all(len(r) == 2 and r[0].isalpha() and r[0] == r[0].lower() and r[1] in ("m", "f") for r in rows)
    assert len({r[0] for r in rows}) == len(rows)
