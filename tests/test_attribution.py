"""Attribution: (text, expected statements) including negatives. Offsets always checked.

Every sentence here was written for these tests. Each expected statement is (content, cue,
speaker mention, quote type); only attributed statements are compared (the article's own are
left out). A statement split around its cue, or continued in a later paragraph, shows its parts
joined with " | ".
"""
import pytest

from .helpers import assert_offsets

CASES = [
    # --- direct quotes: cue after, before, inverted, curly, nested, over several sentences
    # the parse took a word of the quote for the cue's subject: the name after the closing mark speaks
    (('"Very good reporter, this guy," Ray Dunn, the party frontrunner and current polling leader in the '
      'state after winning the primary, said.'),
     [("Very good reporter, this guy,", "said",
       "Ray Dunn, the party frontrunner and current polling leader in the state", "direct")]),
    ('The "secret police" said the march was banned.',
     [("the march was banned", "said", "secret police", "indirect")]),
    # a quote with a colon inside, before a speaker with a place and a role
    ('\u201cI make this promise to you: we will rebuild,\u201d Harbor police Chief Ray Dunn said.',
     [("I make this promise to you: we will rebuild,", "said", "Harbor police Chief Ray Dunn", "direct")]),
    ('"We will not back down," the minister said.',
     [("We will not back down,", "said", "the minister", "direct")]),
    ('The senator said: "This bill is dead."',
     [("This bill is dead.", "said", "The senator", "direct")]),
    ('"Prices will fall," said Anna Berg, the bank\'s chief economist.',
     [("Prices will fall,", "said", "Anna Berg, the bank's chief economist", "direct")]),
    ("\u201cThe river is rising,\u201d the engineer warned.",
     [("The river is rising,", "warned", "the engineer", "direct")]),
    ('"They called it \u2018a farce\u2019 and walked out," the mayor recalled.',
     [("They called it \u2018a farce\u2019 and walked out,", "recalled", "the mayor", "direct")]),
    ('"We lost today. We will be back next year," the coach said.',
     [("We lost today. We will be back next year,", "said", "the coach", "direct")]),
    ('"Nobody wants this. Many people think so," said a driver waiting at the border.',
     [("Nobody wants this. Many people think so,", "said", "a driver", "direct")]),
    ('"It is over," he told reporters on Monday.',
     [("It is over,", "told", "he", "direct")]),
    ('The president said:\n"We will win this fight."',
     [("We will win this fight.", "said", "The president", "direct")]),
    ('"Just one more minute," the chairwoman urged.',
     [("Just one more minute,", "urged", "the chairwoman", "direct")]),
    ('"Everything is fine," she continued.',
     [("Everything is fine,", "continued", "she", "direct")]),
    ('"Never give up on the city." \u2014 Ana Pires',
     [("Never give up on the city.", "\u2014", "Ana Pires", "direct")]),
    # a quote split by its cue is one statement with two parts
    ('"The plan is sound," she said, "and we will defend it."',
     [("The plan is sound, | and we will defend it.", "said", "she", "direct")]),
    # a quote that runs over two paragraphs: the first does not close, the second reopens
    ('The governor said:\n\n"The budget is balanced.\n\n"Taxes will not rise."',
     [("The budget is balanced. | Taxes will not rise.", "said", "The governor", "direct")]),
    # a second quote after the cue's full stop is a sentence of its own, whatever its marks
    ("''The plan is sound,'' Mr. Hale wrote. ''Your claims are false.''",
     [("The plan is sound,", "wrote", "Mr. Hale", "direct"),
      ("Your claims are false.", "wrote", "Mr. Hale", "direct")]),
    # ... spoken by no one when the sentence before it quotes nothing
    ("Mr. Hale wrote a letter. ''Your claims are false.''",
     [("Your claims are false.", None, None, "direct")]),
    # --- partial and scare quotes inside paraphrase
    ('The union described the offer as "an insult to workers."',
     [('the offer as "an insult to workers."', "described", "The union", "partial")]),
    ('The ministry dismissed the allegations as "baseless".',
     [('the allegations as "baseless"', "dismissed", "The ministry", "partial")]),
    ("The envoy called the move 'shortsighted' and left.",
     [("the move 'shortsighted'", "called", "The envoy", "partial")]),
    ('The mayor said the plan was "dead on arrival" and would be withdrawn.',
     [('the plan was "dead on arrival" and would be withdrawn', "said", "The mayor", "partial")]),
    # --- indirect speech, with and without "that"
    ("The mayor said that the bridge would reopen in May.",
     [("the bridge would reopen in May", "said", "The mayor", "indirect")]),
    ("Officials told reporters the talks had stalled.",
     [("the talks had stalled", "told", "Officials", "indirect")]),
    ("Adela Ruiz said during a long news conference that the port would reopen.",
     [("the port would reopen", "said", "Adela Ruiz", "indirect")]),
    ("Reporters asked whether the deal was dead.",
     [("whether the deal was dead", "asked", "Reporters", "indirect")]),
    ("The senator tweeted that the vote had been rigged.",
     [("the vote had been rigged", "tweeted", "The senator", "indirect")]),
    ("The border will stay closed, officials said.",
     [("The border will stay closed", "said", "officials", "indirect")]),
    ("The economy, he said, was recovering.",
     [("The economy | was recovering", "said", "he", "indirect")]),
    # an inverted parenthetical cue: its subject is not part of what is said
    ("But, claims the newspaper, the minister's adviser has confirmed that the budget is final.",
     [("the minister's adviser has confirmed that the budget is final", "claims", "the newspaper",
       "indirect")]),
    ("In the long run, many analysts argue, the tax will hurt farmers.",
     [("In the long run | the tax will hurt farmers", "argue", "many analysts", "indirect")]),
    # --- speech acts with only an object
    ("The agency announced the closure of three plants.",
     [("the closure of three plants", "announced", "The agency", "indirect")]),
    ("The company refuted the allegation.",
     [("the allegation", "refuted", "The company", "indirect")]),
    ("The minister did not deny the report.",
     [("the report", "deny", "The minister", "indirect")]),
    ("The opposition accused the government of hiding the figures.",
     [("the government of hiding the figures", "accused", "The opposition", "indirect")]),
    ("Police blamed the fire on faulty wiring.",
     [("the fire on faulty wiring", "blamed", "Police", "indirect")]),
    ("The airline apologized for the long delays.",
     [("the long delays", "apologized", "The airline", "indirect")]),
    ("The treasurer admitted to moving the funds.",
     [("moving the funds", "admitted", "The treasurer", "indirect")]),
    ("The coalition called for an early election.",
     [("an early election", "called for", "The coalition", "indirect")]),
    # predicative "as" and small clauses
    ("The ministry dismissed the allegations as baseless.",
     [("the allegations as baseless", "dismissed", "The ministry", "indirect")]),
    ("The envoy denounced the sanctions as illegal.",
     [("the sanctions as illegal", "denounced", "The envoy", "indirect")]),
    ("The ministers deemed the pact illegal.",
     [("the pact illegal", "deemed", "The ministers", "indirect")]),
    ("She termed the report a fabrication.",
     [("the report a fabrication", "termed", "She", "indirect")]),
    # infinitives: promises, appeals, plans
    ("He urged voters to stay home.",
     [("voters to stay home", "urged", "He", "indirect")]),
    ("The minister vowed to resign if the bill failed.",
     [("to resign if the bill failed", "vowed", "The minister", "indirect")]),
    ("The company plans to open two stores.",
     [("to open two stores", "plans", "The company", "indirect")]),
    # belief cues
    ("Most economists believe the recession is over.",
     [("the recession is over", "believe", "Most economists", "indirect")]),
    # --- participial cues: the speaker of the clause they hang from
    ("The minister defended the budget, saying it would create jobs.",
     [("the budget", "defended", "The minister", "indirect"),
      ("it would create jobs", "saying", "The minister", "indirect")]),
    ("The embassy issued a note, dismissing the claims as false.",
     [("the claims as false", "dismissing", "The embassy", "indirect")]),
    ("He rejected the accusation, blaming it on his rivals.",
     [("the accusation", "rejected", "He", "indirect"),
      ("it on his rivals", "blaming", "He", "indirect")]),
    # --- according to, in a statement, a colon after a speaker
    ("The vote was postponed, according to the council.",
     [("The vote was postponed", "according to", "the council", "indirect")]),
    ("According to the auditors, spending rose by ten percent.",
     [("spending rose by ten percent", "According to", "the auditors", "indirect")]),
    # a new clause after the source: what is attributed is before it
    ("The mayor approved the payments, according to prosecutors, but the council maintains a policy of "
     "not paying them at all.",
     [("The mayor approved the payments", "according to", "prosecutors", "indirect")]),
    ("In a statement, the ministry regretted the loss of life.",
     [("regretted the loss of life", "In a statement", "the ministry", "indirect")]),
    ('Mayor Ruiz: "We will rebuild the bridge."',
     [("We will rebuild the bridge.", ":", "Mayor Ruiz", "direct")]),
    ("Poll: Most voters back the new park",
     [("Most voters back the new park", ":", "Poll", "indirect")]),
    # --- nominal sources and passive agents
    ("The statement said the plant would close.",
     [("the plant would close", "said", "The statement", "indirect")]),
    ("A report by the auditors found that costs had doubled.",
     [("costs had doubled", "found", "A report by the auditors", "indirect")]),
    ("The poll shows the mayor leading by ten points.",
     [("the mayor leading by ten points", "shows", "The poll", "indirect")]),
    ("The allegations were rejected by the ministry.",
     [("The allegations", "rejected", "the ministry", "indirect")]),
    ("Responsibility for the attack was claimed by a little-known group.",
     [("Responsibility for the attack", "claimed", "a little-known group", "indirect")]),
    ("The ministry issued a statement saying the border was closed.",
     [("the border was closed", "saying", "The ministry", "indirect")]),
    ("He noted that the parliament had not voted, and mentioned a possible compromise.",
     [("the parliament had not voted", "noted", "He", "indirect"),
      ("a possible compromise", "mentioned", "He", "indirect")]),
    ("The mayor's claim that crime had fallen was widely doubted.",
     [("crime had fallen", "claim", "The mayor", "indirect")]),
    # relative clauses: the mention is the relative pronoun
    ("The farmer, who said the drought had ruined him, sold the land.",
     [("the drought had ruined him", "said", "who", "indirect")]),
    # an admission reported inside another's clause is the admitter's too; an announcement is not
    ("Officials said Hale had admitted to moving the funds.",
     [("Hale had admitted to moving the funds", "said", "Officials", "indirect"),
      ("moving the funds", "admitted", "Hale", "indirect")]),
    ("Officials said Hale announced the closure of the plant.",
     [("Hale announced the closure of the plant", "said", "Officials", "indirect")]),
    # a cue that closes another's clause reports on its own; one inside a relative clause does not
    ("The minister said the plan would cover every family, and when pressed, she said adoptive parents "
     "were left out.",
     [("the plan would cover every family", "said", "The minister", "indirect"),
      ("adoptive parents were left out", "said", "she", "indirect")]),
    ("The senator said the bill, which he said was rushed, would fail in the House.",
     [("the bill, which he said was rushed, would fail in the House", "said", "The senator", "indirect")]),
    ("The mayor said the bridge would reopen and the buses would run again.",
     [("the bridge would reopen and the buses would run again", "said", "The mayor", "indirect")]),
    # a quote closed by a comma before its speaker and cue is what was said, whatever follows the cue
    ("''The port will stay open,'' Ms. Alves said on NPR's ''Morning Edition.''",
     [("The port will stay open,", "said", "Ms. Alves", "direct")]),
    # ... but not one that closes the paragraph before (a direct quote of nobody named)
    ('"Will it work?"\n\nSome analysts said the plan would fail.',
     [("Will it work?", None, None, "direct"), ("the plan would fail", "said", "Some analysts", "indirect")]),
    # a participle after the cue's comma is no complement of it
    ("The harvest is late, the farmer said, noting the rain had flooded the fields.",
     [("The harvest is late", "said", "the farmer", "indirect"),
      ("the rain had flooded the fields", "noting", "the farmer", "indirect")]),
    # a cue inside the clause a later cue reports is part of what is reported
    ("The city did not complain when the plant opened, an official said.",
     [("The city did not complain when the plant opened", "said", "an official", "indirect")]),
    # unnamed sources
    ("A source said the deal was off.",
     [("the deal was off", "said", "A source", "indirect")]),
    ("It was reported that the talks had failed.",
     [("the talks had failed", "reported", None, "indirect")]),
    ("The talks reportedly collapsed on Friday.",
     [("The talks reportedly collapsed on Friday", "reportedly", None, "indirect")]),
    ("The singer died in 1964. At least according to the biography.", []),
    # --- negatives: no cue, a verb of saying with no content, "said" inside a quote, titles
    ("The river flooded the valley last spring.", []),
    ("She declined to say.", [("to say", "declined", "She", "indirect")]),  # a refusal (tests/test_cues.py)
    ("He spoke for an hour.", []),
    ("Asked about the deal, the minister said nothing.", []),
    ('The film "Nobody Said It Was Easy" opened on Friday.', []),
    ('She reviewed the novel "The Long Winter" for a magazine.', []),
    ('"Freedom" was painted on the wall.', []),
    ('"He said he would come," she recalled.',
     [("He said he would come,", "recalled", "she", "direct")]),
    # official acts that are not speech are the article's own
    ("The court dismissed the lawsuit.", []),
    ("The council rejected the request for more funds.", []),
    ("The judge denied the request for bail.", []),
    ("The embassy denied him a visa.", []),
    ("The ministry denied any involvement.",
     [("any involvement", "denied", "The ministry", "indirect")]),
    ("She showed the visitors around the museum.", []),
    ("He found his keys under the desk.", []),
    ("It's the company's best year, and sales rose.", []),
    # no one speaks: a negative subject, through a relative pronoun too
    ("Nobody said the bridge was closed.", []),
    ("There are no reports that confirm the claims.", []),
]


def _statements(art):
    return [(" | ".join(p.text for p in s.parts) if s.parts else s.text, s.cue.text if s.cue else None,
             s.speaker.text if s.speaker else None, s.quote)
            for s in art.statements if s.quote != "none"]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_attribution(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert _statements(art) == expected


def test_table_is_large_enough():
    assert len(CASES) >= 60
    assert sum(1 for _, expected in CASES if not expected) >= 10


@pytest.mark.parametrize("text, rule", [
    ('"We are ready," she said.', "quote"),
    ("The mayor said that the bridge would reopen.", "ccomp"),
    ("The economy, he said, was recovering.", "parenthetical"),
    ("The agency announced the closure of three plants.", "object"),
    ("The ministry dismissed the allegations as baseless.", "predicative"),
    ("He urged voters to stay home.", "infinitive"),
    ("The vote was postponed, according to the council.", "according_to"),
    ("In a statement, the ministry regretted the loss of life.", "in_source"),
    ("Poll: Most voters back the new park", "colon"),
    ("The talks reportedly collapsed on Friday.", "hearsay"),
    ('"Never give up on the city." \u2014 Ana Pires', "dash"),
    ("The mayor's claim that crime had fallen was widely doubted.", "nominal"),
])
def test_evidence_names_the_rule(extractor, text, rule):
    (s,) = [s for s in extractor(text).statements if s.quote != "none"]
    assert s.evidence.rule == rule
    assert 0 < s.evidence.confidence <= 1


def test_own_statements_carry_evidence(extractor):
    art = extractor("The river flooded the valley last spring.")
    (s,) = art.statements
    assert (s.text, s.speaker, s.cue, s.quote, s.evidence.rule) == (
        "The river flooded the valley last spring", None, None, "none", "own")
    assert 0 < s.evidence.confidence <= 1


@pytest.mark.parametrize("text, mention, actor", [
    # a pronoun resolves to the nearest person of its gender
    ('Maria Lopez chairs the board. "We are ready," she said.', "she", "Maria Lopez"),
    ('Mr. Tom Reed met Ms. Julia Park on Monday. She said the talks went well.', "She", "Julia Park"),
    ('Mr. Tom Reed met Ms. Julia Park on Monday. He said the talks went well.', "He", "Tom Reed"),
    # the previous statement's speaker goes on
    ('Maria Lopez said the plan was sound. Tom Reed disagreed with her. "It will fail," she said.',
     "she", "Maria Lopez"),
    # "it" refers to an organisation, not a person
    ("Peter Lang criticised Acme Corporation on Monday. It said the claims were false.",
     "It", "Acme Corporation"),
    # the place a group meets in does not speak
    ("Envoys from Norway in Lisbon condemned the vote.", "Envoys from Norway in Lisbon", "Norway"),
    ("Swedish firms including Acme Corporation announced the merger.",
     "Swedish firms including Acme Corporation", "Acme Corporation"),
    # a message speaks for its author
    ("Acme Corporation published a notice online. Its statement said the plant was safe.",
     "Its statement", "Acme Corporation"),
    # a naming participle belongs to the phrase and names the speaker
    ('"The roads are closed," said a protester using the pseudonym Mira Volkova.',
     "a protester using the pseudonym Mira Volkova", "Mira Volkova"),
    # a name used as a modifier is no antecedent
    ("Acme Corporation hired Brazilian engineers. It said the plant would open in May.",
     "It", "Acme Corporation"),
    # a relative pronoun to its antecedent
    ("Maria Lopez, who said the talks had failed, left early.", "who", "Maria Lopez"),
    # "they" may refer to people named together: the first of them
    ("Maria Lopez and her deputy Tom Reed met the envoy from Chile. The ambassador of Peru joined later. "
     "They said the talks had failed.", "They", "Maria Lopez"),
    # a gerund under a preposition: the object of "stop X from", else the speaker of its verb
    ("Nothing could stop Acme Corporation from announcing that the plant would close.",
     "Acme Corporation", "Acme Corporation"),
    ("Tom Reed ended the meeting by saying the plan was dead.", "Tom Reed", "Tom Reed"),
    # of two subjects the parse gives a verb, the one nearest before it, unless it is the apposition
    # of a name just before it
    ("Han Ki-moon, the secretary general of the alliance, vowed to resign.", "Han Ki-moon", "Han Ki-moon"),
    ("Background: On Monday, Acme Corporation published a notice saying the plant was safe.",
     "Acme Corporation", "Acme Corporation"),
    # a message speaks for the author of the last message of its name ...
    ("Acme Corporation said in a filing that sales fell. According to the filing, profits also dropped.",
     "the filing", "Acme Corporation"),
    ("The claim first appeared in an article published on the news site Harbor Ledger. "
     "The article says the bridge was sold.", "The article", "Harbor Ledger"),
    ("The satire site Daily Lark published the story. Its disclaimer notes that all stories are invented.",
     "Its disclaimer", "Daily Lark"),
    # ... and a story with no author for the outlet the text names as its source, even later
    ("According to this report, the mayor resigned in secret. The story comes from the satire website "
     "Daily Lark.", "this report", "Daily Lark"),
    # an unnamed member of a body the text names speaks for it
    ("The High Court of Lisbon adjourned the case. According to a court clerk, the hearing will resume.",
     "a court clerk", "High Court of Lisbon"),
    ("The Senate met on Monday. Several senators said the bill was dead.", "Several senators", "Senate"),
    ("Police said the driver had fled.", "Police", "Police"),
    # a name in scare quotes still speaks
    ('The "secret police" denied that it had arrested anyone.', "secret police", "secret police"),
    # a person the model took for a body is still "he"
    ("She met officers Ugo Tessaro and Nicolas Varga at a pub. Tessaro denied everything, but later he "
     "claimed the meeting was brief.", "he", "Ugo Tessaro"),
    # a plural description refers back to the people named with its role, and "they" to a plural subject
    ("She met officers Ugo Tessaro and Nicolas Varga at a pub. Both officers said they had acted lawfully.",
     "Both officers", "Ugo Tessaro"),
    ("She met officers Ugo Tessaro and Nicolas Varga at a pub. The judge left early. The officers are back "
     "at work. They said they would appeal.", "They", "Ugo Tessaro"),
    # a subject the parse took into a phrase of time before it
    ("On Friday Acme Corporation announced the plant would close.", "Acme Corporation", "Acme Corporation"),
    # a name the model missed, opened by a capitalised "The" inside the sentence
    ("The plant closed, according to The Sentinel.", "The Sentinel", "Sentinel"),
    # unnamed officials speak for the body acting in the clause they comment on
    ("Norway banned the flights on Monday, with officials saying this was for security reasons.",
     "officials", "Norway"),
    # the whole name phrase, titles and appositions kept, resolves to the person
    ("Brazil's foreign ministry spokesman Paulo Lima said the talks would resume.",
     "Brazil's foreign ministry spokesman Paulo Lima", "Paulo Lima"),
])
def test_speaker_resolution(extractor, text, mention, actor):
    art = extractor(text)
    s = [s for s in art.statements if s.quote != "none"][-1]
    assert s.speaker.text == mention
    assert art.actor(s.speaker.actor).name == actor


@pytest.mark.parametrize("text, mention", [
    # an indefinite description introduces someone new: not the person whose role it is
    ("Joan Silva, a student protester, marched on Monday. A protester said the march would go on.",
     "A protester"),
    # no outlet named: a story with no author has none
    ("According to this report, the mayor resigned in secret.", "this report"),
    # an outlet named, but the reports are many and unnamed
    ("The satire site Daily Lark is popular. According to reports, the mayor resigned.", "reports"),
    # two members of different bodies are not their body
    ("The Senate met on Monday. Several farmers said the bill was dead.", "Several farmers"),
    # "they" after a plural subject that names no one is not the country named before it
    ("Mexico signed the deal. The farmers were angry. They said the deal was unfair.", "They"),
    # analysts do not speak for the body, nor officials for a person
    ("Norway banned the flights on Monday, with analysts saying this was overdue.", "analysts"),
    ("Maria Lopez left the party, with officials saying she had resigned.", "officials"),
    # an indefinite "a group" is someone new, not the organisation named before
    ("Harlan Steel hired staff. A group of doctors said the work was unsafe.", "A group of doctors"),
    # other people of the same role are not the ones named
    ("Judge Helen Park met the officers. Other officers said the case was closed.", "Other officers"),
])
def test_speaker_without_actor(extractor, text, mention):
    art = extractor(text)
    (s,) = [s for s in art.statements if s.quote != "none"]
    assert s.speaker.text == mention
    assert s.speaker.actor is None


# (text, the pronoun or signature that speaks, its offset, the actor it refers to or None)
LINES = [
    # a name on a line of its own signs a letter: no antecedent of the pronouns after it
    ("Letters\n\nThe mayor, Bob Hart, failed us. He said the roads were fine.\n\nJohn Smith.\n\n"
     "He said the budget was balanced.", "He", 84, "Bob Hart"),
    ("Ann Lee.\nShe said the roads were fine.", "She", 9, None),
    # a name in a sentence of its own line with more in it is one
    ("Ann Lee won.\nShe said the roads were fine.", "She", 13, "Ann Lee"),
]


@pytest.mark.parametrize("text, mention, start, actor", LINES, ids=[f"{m}@{s}" for _, m, s, _ in LINES])
def test_name_lines(extractor, text, mention, start, actor):
    art = extractor(text)
    assert_offsets(art)
    s = [s for s in art.statements if s.quote != "none"][-1]
    assert (s.speaker.text, s.speaker.start) == (mention, start)
    assert (art.actor(s.speaker.actor).name if s.speaker.actor else None) == actor
    if actor is not None:
        assert len([a for a in art.actors if a.name == actor]) == 1


@pytest.mark.parametrize("text, anonymous", [
    ("A source said the deal was off.", True),
    ("Two officials said the deal was off.", True),
    ("It was reported that the talks had failed.", True),
    ("The talks reportedly collapsed on Friday.", True),
    ("Julia Park said the deal was off.", False),
    ("The official said the deal was off.", False),   # a description refers back: not unnamed
])
def test_anonymous_sources(extractor, text, anonymous):
    (s,) = [s for s in extractor(text).statements if s.quote != "none"]
    assert s.anonymous is anonymous
    if anonymous:
        assert s.speaker is None or s.speaker.actor is None


def test_floating_quote_continues_the_previous_speaker(extractor):
    text = ('Laura Diaz praised the plan. "It is bold," she said.\n\n'
            '"It will change the city for a generation."')
    art = extractor(text)
    assert_offsets(art)
    (s,) = [s for s in art.statements if s.quote == "direct"]
    assert [p.text for p in s.parts] == ["It is bold,", "It will change the city for a generation."]
    assert art.actor(s.speaker.actor).name == "Laura Diaz"


def test_block_quotation_after_a_colon(extractor):
    text = ("The agency published a report claiming the river was poisoned:\n\n"
            "The water is unsafe. Fish have died.\n\nOfficials disagreed.")
    art = extractor(text)
    assert_offsets(art)
    got = [(s.text, s.evidence.rule, s.speaker.text if s.speaker else None) for s in art.statements]
    assert got == [("the river was poisoned", "ccomp", "The agency"),
                   ("The water is unsafe. Fish have died", "block", "The agency"),
                   ("Officials disagreed", "own", None)]


@pytest.mark.parametrize("text, expected", [
    # a sentence that gives a message opens a block quotation by the message's author, and is part of
    # its attribution, not a statement of its own
    ("The ministry issued the following statement:\n\nThe border is closed. Nobody may cross.\n\nTrade fell.",
     [("The border is closed. Nobody may cross", "block", "The ministry", "the following statement"),
      ("Trade fell", "own", None, None)]),
    # negatives: what follows a colon after something that is no message, or after no paragraph end
    ("The museum has the following rules:\n\nNo food is allowed.",
     [("The museum has the following rules:", "own", None, None), ("No food is allowed", "own", None, None)]),
    ("The ministry issued the following statement: the border is closed.",
     [("The ministry issued the following statement: the border is closed", "own", None, None)]),
])
def test_message_opens_a_block_quotation(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = [(s.text, s.evidence.rule, s.speaker.text if s.speaker else None, s.cue.text if s.cue else None)
           for s in art.statements]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # an example quoted under a heading of its own speaks for the outlet the text names as the story's
    # source, line by line, until two blank lines end the section; named sources inside keep their own
    ("The story comes from the satire website Daily Lark.\n\nExample\nMayor Sells Bridge To Aliens\n"
     "The mayor sold the old bridge on Monday. Maria Lopez said the price was low.\n\n\nAnalysis\n"
     "The bridge still stands.",
     [("The story comes from the satire website Daily Lark", "own", None),
      ("Mayor Sells Bridge To Aliens", "exhibit", "Daily Lark"),
      ("The mayor sold the old bridge on Monday. Maria Lopez said the price was low", "exhibit",
       "Daily Lark"),
      ("the price was low", "ccomp", "Maria Lopez"),
      ("The bridge still stands", "own", None)]),
    # no outlet named: the example is the article's own text (its verbless headline furniture)
    ("Example\nMayor Sells Bridge To Aliens\nThe mayor sold the bridge.\n\n\nThe bridge still stands.",
     [("The mayor sold the bridge", "own", None), ("The bridge still stands", "own", None)]),
    # a heading with more on its line is no example's
    ("The satire website Daily Lark is popular.\n\nExample: a reader sent it\nThe bridge is sold.",
     [("The satire website Daily Lark is popular", "own", None),
      ("Example: a reader sent it", "own", None), ("The bridge is sold", "own", None)]),
])
def test_examples_under_a_heading(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = [(s.text, s.evidence.rule, art.speaker_name(s) if s.speaker and s.speaker.actor else None)
           for s in art.statements]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a transcript: names in capitals open turns; a quoted turn goes on over the quoted paragraphs
    # after it, up to a stage direction or the next turn
    ('The senator spoke to a radio host on Sunday.\n\n"HOST: Will you run again?\n\n'
     '"MORENO: I have not decided. My family comes first.\n\n"We will talk about it at Christmas.\n\n'
     '"(CROSSTALK)\n\n"HOST: So that is a maybe?\n\n"MORENO: It is a maybe.',
     [("The senator spoke to a radio host on Sunday", "own", None, None),
      ("Will you run again?", "transcript", "HOST", None),
      ('I have not decided. My family comes first.\n\n"We will talk about it at Christmas', "transcript",
       "MORENO", None),
      ("So that is a maybe?", "transcript", "HOST", None),
      ("It is a maybe", "transcript", "MORENO", None)]),
    # a full name, then the surname: one speaker; an unquoted turn is its paragraph
    ("JOSE ROCHA: Who pays for it?\n\nLINDQVIST: The port does.\n\nROCHA: And the city?\n\n"
     "LINDQVIST: Nothing.",
     [("Who pays for it?", "transcript", "JOSE ROCHA", "JOSE ROCHA"),
      ("The port does", "transcript", "LINDQVIST", None),
      ("And the city?", "transcript", "ROCHA", "JOSE ROCHA"), ("Nothing", "transcript", "LINDQVIST", None)]),
    # one turn of a person the article names
    ("Senator Ana Moreno visited the port on Monday.\n\nMORENO: We will rebuild the docks before winter.",
     [("Senator Ana Moreno visited the port on Monday", "own", None, None),
      ("We will rebuild the docks before winter", "transcript", "MORENO", "Ana Moreno")]),
    # a turn keeps its words as said, a leading "That" too
    ("HOST: That is a maybe?\n\nLINDQVIST: That is all.\n\nHOST: So we wait.\n\nLINDQVIST: We wait.",
     [("That is a maybe?", "transcript", "HOST", None), ("That is all", "transcript", "LINDQVIST", None),
      ("So we wait", "transcript", "HOST", None), ("We wait", "transcript", "LINDQVIST", None)]),
    # negatives: editorial labels and datelines are nobody's turns (nor speakers before a colon)
    ("UPDATE: The vote was moved to Friday.\n\nMORENO: We will win.\n\nUPDATE: The vote was moved again."
     "\n\nMORENO: We will still win.",
     [("UPDATE: The vote was moved to Friday", "own", None, None), ("MORENO: We will win", "own", None, None),
      ("UPDATE: The vote was moved again", "own", None, None), ("MORENO: We will still win", "own", None, None)]),
    ("Senator Ana Washington spoke on Monday.\n\nWASHINGTON: The senate passed the bill late on Friday.",
     [("Senator Ana Washington spoke on Monday", "own", None, None),
      ("WASHINGTON: The senate passed the bill late on Friday", "own", None, None)]),
    # negatives: a name nobody else answers, interview marks, an editor's label used once per line
    ("MORENO: We will rebuild the docks before winter.",
     [("MORENO: We will rebuild the docks before winter", "own", None, None)]),
    ("The mayor answered questions.\n\nQ: Why now?\n\nA: Because the bridge is failing.",
     [("The mayor answered questions", "own", None, None), ("Q: Why now?", "own", None, None),
      ("A: Because the bridge is failing", "own", None, None)]),
])
def test_transcript_turns(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = [(s.text, s.evidence.rule, s.speaker.text if s.speaker else None,
            art.speaker_name(s) if s.speaker and s.speaker.actor else None) for s in art.statements]
    assert got == expected


def test_floating_quote_without_a_previous_speaker_is_not_attributed(extractor):
    art = extractor('The storm passed.\n\n"It will change the city for a generation."')
    assert [(s.quote, s.speaker) for s in art.statements] == [("none", None), ("direct", None)]
    assert art.statements[1].text == "It will change the city for a generation."  # inside the marks


@pytest.mark.parametrize("text", [
    'He said "it never ends',               # an unclosed quote
    '"" said the "',                         # empty and stray marks
    "\u201d\u201d\u201c\u201c odd marks \u2019\u2018",
    "Mr. Lee: ''Nested 'single' marks'' he said.",
])
def test_odd_quote_marks_never_raise(extractor, text):
    assert_offsets(extractor(text))


@pytest.mark.parametrize("text, cut, expected", [
    # the parse took the words right after the closing mark into the quote: they are the speaker's
    ('\u201cWe will win,\u201d Denver police Chief Ray Dunn said.', "police", "Denver police Chief Ray Dunn"),
    ("'It is a hoax,' park ranger Ana Ruiz said.", "ranger", "park ranger Ana Ruiz"),
    ("'It is a hoax,' park ranger Ana Ruiz said.", "park", "park ranger Ana Ruiz"),
    # negatives: no closing mark before the words, or a word that is no name's
    ("The Denver police Chief Ray Dunn said so.", "police", "police Chief Ray Dunn"),
    ("'It is a hoax,' and then ranger Ana Ruiz said so.", "ranger", "ranger Ana Ruiz"),
])
def test_speaker_words_cut_off_after_a_quote(extractor, text, cut, expected):
    from types import SimpleNamespace

    from claimlens.placement import name_words_before
    doc = extractor.nlp(text)
    start = next(t.i for t in doc if t.text == cut)
    end = next(t.i for t in doc if t.text == "Dunn" or t.text == "Ruiz") + 1
    at = name_words_before(SimpleNamespace(doc=doc, text=text), doc[start:end])
    assert text[at:doc[end - 1].idx + len(doc[end - 1].text)] == expected
