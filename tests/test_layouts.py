"""Layouts: statements the layout of an article makes (follow-on quotes, block quotations after a
cue and a colon, a quote after a clause and a colon).

The sentences are written for these tests; none comes from an evaluation article.
"""
import pytest

from claimlens.quotes import find_quotes

from .helpers import assert_offsets

# (text, [(statement text, quote type, rule, speaker mention, actor)] of the attributed statements)
LAYOUTS = [
    # a follow-on quote paragraph goes on with the quote before it, not with the next paragraph's cue
    (('"The budget is balanced," Mayor Lena Ortiz said.\n\n"We will fix the roads."\n\n'
      "Councillor Tom Reyes disagreed."),
     [("The budget is balanced,\" Mayor Lena Ortiz said.\n\n\"We will fix the roads.", "direct", "quote",
       "Mayor Lena Ortiz", "Lena Ortiz")]),
    # ... but a quote ending with a comma before a line break is still the cue's after it
    ('"We will fight on,"\nsaid Mayor Lena Ortiz.',
     [("We will fight on,", "direct", "quote", "Mayor Lena Ortiz", "Lena Ortiz")]),
    # a cue with nothing to report in its sentence opens the paragraph after it
    (("Mayor Lena Ortiz spoke on Monday. She said:\n\nThe budget is balanced and the roads will be fixed."
      "\n\nThe council meets in May."),
     [("The budget is balanced and the roads will be fixed", "direct", "block", "She", "Lena Ortiz")]),
    ("In her speech, Mayor Lena Ortiz told the council:\n\nThe budget is balanced.",
     [("The budget is balanced", "direct", "block", "Mayor Lena Ortiz", "Lena Ortiz")]),
    # a clause with no cue, a colon and a quote: the clause's subject speaks
    ('The chef was furious: "I have never met the man. He is lying."',
     [("I have never met the man. He is lying.", "direct", "colon", "The chef", None)]),
    ('Mayor Lena Ortiz was blunt: "The budget is balanced." Then she left.',
     [("The budget is balanced.", "direct", "colon", "Mayor Lena Ortiz", "Lena Ortiz")]),
    ('The mayor was blunt: "The budget is balanced."',                      # a role, unnamed
     [("The budget is balanced.", "direct", "colon", "The mayor", None)]),
    ('Officials were clear: "The road stays closed."',                      # an unnamed source
     [("The road stays closed.", "direct", "colon", "Officials", None)]),
    # single quotes as British papers print them
    ("Mayor Lena Ortiz said: 'We won't raise taxes, and we'll fix the roads.'",
     [("We won't raise taxes, and we'll fix the roads.", "direct", "quote", "Mayor Lena Ortiz", "Lena Ortiz")]),
    # a quotation over several paragraphs in single marks, each paragraph reopening it
    (("Mayor Lena Ortiz said: \u2018We will fix the roads.\n\n\u2018We will also cut taxes.\n\n"
      "\u2018The budget is balanced.\u2019\n\nThe council meets in May."),
     [("We will fix the roads.\n\n\u2018We will also cut taxes.\n\n\u2018The budget is balanced.", "direct",
       "quote", "Mayor Lena Ortiz", "Lena Ortiz")]),
    # a paragraph signed on the next line with a dash and a name: a post (less the accounts it answers)
    # or a passage, by its signer; a name in any script (no actor when the text names it nowhere else)
    (("Mayor Lena Ortiz posted on Monday.\n\n@jdoe we will rebuild the bridge. It will take a year.\n\n"
      "\u2014 Lena Ortiz (@lenaortiz) May 2, 2015\n\nThe bridge closed in March."),
     [("we will rebuild the bridge. It will take a year", "direct", "signed", "Lena Ortiz", "Lena Ortiz")]),
    (("The court ruled on Monday.\n\nBecause this court finds the claim baseless, it dismisses the suit.\n\n"
      "\u2013 Judge Ana Pires, \"Decision and Order\"\n\nPrices fell."),
     [("Because this court finds the claim baseless, it dismisses the suit", "direct", "signed",
       "Judge Ana Pires", None)]),
    (("The post spread fast.\n\nThe bridge will close.\n\n\u2014 \u0639\u0628\u062f\u0627\u0644\u0644\u0647 "
     "\u0627\u0644\u0641\u0647\u062f (@afahd) May 2, 2015"),
     [("The bridge will close", "direct", "signed", ("\u0639\u0628\u062f\u0627\u0644\u0644\u0647 "
       "\u0627\u0644\u0641\u0647\u062f"), None)]),
    # a hyphen signs a quotation with a name alone on its line ("- Pires."), not a list's item
    ('Senator Ray Dunn spoke.\n\n"We pay zero taxes."\n\n- Ray Dunn.\n\nThe bill failed.',
     [("We pay zero taxes", "direct", "signed", "Ray Dunn", "Ray Dunn")]),
    ("Our plan:\n\n- Lower taxes for all families in Harbor County.\n- Ray Dunn.\n", []),
    ("The senator was angry.\n\nTaxes are too high.\n\n- Ana Pires\n", []),
    # negatives: a dash line with no name, a date only, a dash inside a paragraph
    ("Prices fell.\n\n\u2014 and then they rose again", []),
    ("Prices fell.\n\n\u2014 May 2, 2015", []),
    ("Prices fell \u2014 Lena Ortiz was away that week.", []),
    # a sentence with no cue wholly inside quotation marks, with no speaker before it: someone's words,
    # a direct quote inside the marks (the mark closing after a space too)
    ('"The budget is balanced. We will fix the roads. "\n\nThe council meets in May.',
     [("The budget is balanced.", "direct", "own", None, None),
      ("We will fix the roads.", "direct", "own", None, None)]),
    ('\u201cPolice deny\u201d\n\nThe story spread fast.', [("Police deny", "direct", "own", None, None)]),
    # negatives: a quoted title alone, a sentence quoted only in part
    ('The film opened.\n\n"Nobody Said It Was Easy"', []),
    ('The "new" budget is balanced.', []),
    # a quote in the first person closing a sentence with no cue: the words of the sentence's subject,
    # a person named or a pronoun for one
    ('Ray Dunn lost his son in 2015 when "a drunk driver hit my boy on the highway."',
     [("a drunk driver hit my boy on the highway.", "direct", "closing", "Ray Dunn", "Ray Dunn")]),
    ('Mayor Lena Ortiz visited the shelter on Monday. She wept in 2015 when "the river took our homes."',
     [("the river took our homes.", "direct", "closing", "She", "Lena Ortiz")]),
    # negatives: a quote in the third person, a subject that is a thing of the person's or no one
    # named, a title
    ('Ray Dunn lost his son in 2015 when "a drunk driver hit the car."', []),
    ('Lena Ortiz\u2019s campaign slogan is "I am with you."', []),
    ('The farmer lost his son in 2015 when "a drunk driver hit my boy."', []),
    ('Ray Dunn sang "I Will Survive."', []),
    # negatives: a colon after something with no speaker, a quote that does not close the sentence,
    # a paragraph after a colon that ends no paragraph
    ('The rules are simple: "No food and no drinks."', []),
    ('The menu is simple: "Soup and bread."', []),
    ('The chef was furious: "never again" was all he would say.', []),
    ("The museum has the following rules:\n\nNo food is allowed.", []),
]


@pytest.mark.parametrize("text, expected", LAYOUTS, ids=[t[:40] for t, _ in LAYOUTS])
def test_layouts(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = []
    for s in art.statements:
        if s.quote == "none":
            continue
        actor = art.actor(s.speaker.actor) if s.speaker and s.speaker.actor else None
        got.append((s.text, s.quote, s.evidence.rule, s.speaker.text if s.speaker else None,
                    actor.name if actor else None))
    assert got == expected


# (text, [(start, end, label, cue, speaker mention, parts)] of the attributed statements): a quote that
# goes on after its cue's sentence is a part of the quotation where it takes its label, and a statement
# of its own where a denial would spread to a quote that does not deny
FOLLOW_ONS = [
    ("''The plan is sound,'' Mr. Hale wrote. ''Your claims are false.''",
     [(2, 20, "claim", "wrote", "Mr. Hale", []), (41, 63, "denial", "wrote", "Mr. Hale", [])]),
    ('"The budget is balanced," Mayor Lena Ortiz said.\n\n"The report about the roads is false."',
     [(1, 24, "claim", "said", "Mayor Lena Ortiz", []), (51, 87, "denial", "said", "Mayor Lena Ortiz", [])]),
    # negatives: quotes of one label stay one statement; a quote after a sentence with no quote
    ('"The budget is balanced," Mayor Lena Ortiz said. "We will fix the roads."',
     [(1, 72, "claim", "said", "Mayor Lena Ortiz", [(1, 24), (50, 72)])]),
    ("Mr. Hale wrote a letter. ''Your claims are false.''", []),
]


@pytest.mark.parametrize("text, expected", FOLLOW_ONS, ids=[t[:40] for t, _ in FOLLOW_ONS])
def test_follow_on_quotes(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = [(s.start, s.end, s.label, s.cue.text, s.speaker.text, [(p.start, p.end) for p in s.parts])
           for s in art.statements if s.speaker is not None]
    assert got == expected


# (text, the quotes found: inside text, closed, pieces over paragraphs)
SINGLE_QUOTES = [
    ("She said: 'We will fix the roads.\n\n'The budget is balanced.'",
     [("We will fix the roads.\n\n'The budget is balanced.", True, ((11, 33), (36, 59)))]),
    # negatives: apostrophes opening two paragraphs, and an open quote no later paragraph closes
    ("'90s music was loud.\n\n'Tis the season, she wrote.", []),
    ("She said: 'We will fix the roads.\n\n'The budget is balanced.", []),
]


@pytest.mark.parametrize("text, expected", SINGLE_QUOTES, ids=[t[:30] for t, _ in SINGLE_QUOTES])
def test_single_quotes_over_paragraphs(text, expected):
    found = find_quotes(text)
    assert [(text[q.start:q.end], q.closed, q.paragraphs) for q in found] == expected
    for q in found:
        assert all(text[lo:hi] for lo, hi in q.paragraphs)
