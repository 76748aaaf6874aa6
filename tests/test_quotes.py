"""Quote scanning: pure text, never raises, apostrophes are not quotes."""
import pytest

from claimlens.quotes import find_quotes


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
