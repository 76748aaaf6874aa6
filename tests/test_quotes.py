"""Quote scanning: pure text, never raises, apostrophes are not quotes; and the quote type and
span of the statements quotes are in (the sentences are written for these tests)."""
import pytest

from claimlens.quotes import find_quotes, looks_like_title

from .helpers import assert_offsets


def inner(text):
    return [(text[q.start:q.end], q.closed) for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "no way" twice.', [("no way", True)]),
    ("He said \u201cno way\u201d twice.", [("no way", True)]),
    ("Chile\u2019s envoy called it \u2018reckless\u2019.", [("reckless", True)]),
    ("It's the group's 'final offer', they said.", [("final offer", True)]),
    ('"One," she said, "two."', [("One,", True), ("two.", True)]),
    ("\u201cA \u2018nested\u2019 one\u201d", [("A \u2018nested\u2019 one", True)]),
    ('She said "it never ends', [("it never ends", False)]),
    ('Odd " mark\nnext "line" here', [(" mark", False), ("line", True)]),
    ("rock 'n' roll and the 90s' music", []),
    # a plural possessive inside a single quote does not close it; a mark before a word still closes
    # one when the next mark opens a quote or no later mark closes it
    ("He said: \u2018It failed. The workers\u2019 claims are true.\u2019",
     [("It failed. The workers\u2019 claims are true.", True)]),
    ("'Not us. The farmers' union did it,' she said.", [("Not us. The farmers' union did it,", True)]),
    ("The word \u2018dogs\u2019 is old. \u2018Cats\u2019 is new.", [("dogs", True), ("Cats", True)]),
    ("It was 'yes' says the mayor, and the voters' view is clear.", [("yes", True)]),
    ("He said ''not now'' twice.", [("not now", True)]),           # a doubled apostrophe
    ("\u201cA typo\u201c here.", [("A typo", True)]),              # an opening mark set as a closing one
    ("\u201cA typo,\u201c she said. \u201cB.\u201d", [("A typo,", True), ("B.", True)]),  # ... before another quote
    ("\u201cA \u201cB here.", [("A \u201cB here.", False)]),           # an opening mark never closed
    ("\u201c\u201c\u201c\"said\u201c\u201c", [("\u201c\u201c", True), ("\u201c", False)]),  # runs of marks: none empty
    # mixed marks: a straight opening closed by a curly mark and the reverse; nested marks stay nested
    ('He said. "I prefer Kasich,\u201d he said.', [("I prefer Kasich,", True)]),
    ('\u201cWe won," she said.', [("We won,", True)]),
    ('\u201cHe called it "fake" twice,\u201d she said.', [('He called it "fake" twice,', True)]),
    ('"He said \u201cno\u201d today," she said.', [("He said \u201cno\u201d today,", True)]),
    ('"A,\u201d he said. "B."', [("A,", True), ("B.", True)]),
    ("", []),
    ('"', []),
    ("\u201d\u201d\u201c", []),
])
def test_quotes(text, expected):
    assert inner(text) == expected


def test_offsets_exclude_marks():
    text = 'X: "abc".'
    (q,) = find_quotes(text)
    assert text[q.start - 1] == '"' and text[q.end] == '"'


@pytest.mark.parametrize("text, pieces", [
    # a paragraph opens a quote without closing it; the next reopens it: one quote, two pieces
    ('He said:\n\n"First part.\n\n"Second part."', ["First part.", "Second part."]),
    ("\u201cOne.\n\u201cTwo.\n\u201cThree.\u201d", ["One.", "Two.", "Three."]),
    # the next paragraph does not open with a mark: two separate quotes
    ('"Open end\nplain "closed" here', []),
])
def test_quotes_over_paragraphs(text, pieces):
    quotes = find_quotes(text)
    joined = [q for q in quotes if q.paragraphs]
    assert [text[a:b] for q in joined for a, b in q.paragraphs] == pieces
    for q in joined:
        assert (q.start, q.end) == (q.paragraphs[0][0], q.paragraphs[-1][1])


@pytest.mark.parametrize("text, title", [
    ('The film "Nobody Said It Was Easy" opened.', True),
    ('She read "The Art of the Deal" twice.', True),
    ('He called it "a disgrace to the nation."', False),
    ('They said "no" again.', False),                  # one word: a scare quote as often as a name
    ('"We Will Win." he shouted.', False),              # final punctuation: speech
    ("He said it on NPR's \u201cMorning Edition.\u201d", True),     # the full stop of the paragraph it closes
    ("He said it on NPR's \u201cMorning Edition.\u201d\nNext line", True),
    ('She told reporters: "We Will Win."', False),     # after a colon or a verb: speech
    ('The crowd chanted "Lock Them Up."', False),
])
def test_titles_are_told_from_speech(text, title):
    (q,) = find_quotes(text)
    assert looks_like_title(text, q) is title


# (text, [(statement text, quote type, start)] of the attributed statements)
QUOTE_TYPES = [
    # a quoted predicate is a partial quote of the object and the predicate, up to the closing mark:
    # the circumstance the parse hangs on the quoted word is the writer's
    ('But what the mayor described as a "magical moment" on Monday has become a problem.',
     [('a "magical moment"', "partial", 32)]),
    ('The mayor described the plan as a "total failure" on Monday.',
     [('the plan as a "total failure"', "partial", 20)]),
    ('The mayor called the plan "a disgrace".', [('the plan "a disgrace"', "partial", 17)]),
    ('The mayor called the plan "a disgrace" in a speech on Monday.',
     [('the plan "a disgrace"', "partial", 17)]),
    ('The mayor described the plan as "costly" and "unfair" on Monday.',
     [('the plan as "costly" and "unfair"', "partial", 20)]),
    # ... the closing mark of a doubled apostrophe whole
    ("The council called the report ''biased and misleading.''",
     [("the report ''biased and misleading.''", "partial", 19)]),
    # a quote after a verb of saying with no subject of its own is the words of the source itself
    ('According to the guide, his staff were told, "Never talk to the press. Never."',
     [("Never talk to the press. Never.", "direct", 46)]),
    ('In the letter the firm also made this point, writing "We are cooperating fully."',
     [("We are cooperating fully.", "direct", 54)]),
    # negatives: what follows a quoted predicate and is the speaker's; a quoted fragment in a clause;
    # a quote after a verb with a subject of its own
    ('The mayor described the fire as a "detail" of history.',
     [('the fire as a "detail" of history', "partial", 20)]),
    ('The mayor described the vote as "a step" in the right direction.',
     [('the vote as "a step" in the right direction', "partial", 20)]),
    ('The mayor said she has "an open mind" on whether to close the bridge.',
     [('she has "an open mind" on whether to close the bridge', "partial", 15)]),
    ('The mayor said the minister replied, "We will wait."',
     [('the minister replied, "We will wait."', "partial", 15)]),
    ('The mayor told reporters "We will win."', [("We will win.", "direct", 26)]),
    # a quoted title or name quotes nobody's words: the paraphrase around it stays indirect
    ('The guide says there is a custom called "Night Market" in the town.',
     [('there is a custom called "Night Market" in the town', "indirect", 15)]),
    ('He said the book "The Art of the Deal" was his favourite.',
     [('the book "The Art of the Deal" was his favourite', "indirect", 8)]),
    ('He said the plan, known as "Project Blue", would "change everything."',
     [('the plan, known as "Project Blue", would "change everything."', "partial", 8)]),
]


@pytest.mark.parametrize("text, expected", QUOTE_TYPES, ids=[t[:40] for t, _ in QUOTE_TYPES])
def test_quote_types(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert [(s.text, s.quote, s.start) for s in art.statements if s.quote != "none"] == expected
