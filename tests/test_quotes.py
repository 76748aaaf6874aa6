"""Quote scanning: pure text, never raises, apostrophes are not quotes."""
import pytest

from claimlens.quotes import find_quotes, looks_like_title


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
    ("He said ''not now'' twice.", [("not now", True)]),           # a doubled apostrophe
    ("\u201cA typo\u201c here.", [("A typo", True)]),              # an opening mark set as a closing one
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
