"""Text preparation: the same-length text the model reads, and long texts cut at paragraphs."""
import pytest

from claimlens.prepare import MAX_RUN, analysis_text, chunk_bounds


@pytest.mark.parametrize("text, view", [
    ("Police said it.", "Police said it."),
    ("\ufeffPeru denied it.", " Peru denied it."),                          # byte-order mark
    ("Police\u200b said\u2060 it\u200e.", "Police  said  it ."),              # zero-width, joiner, LRM
    ("\u202a\u201dSorry,\u202c she wrote", " \u201dSorry,  she wrote"),       # embedding marks
    ("\u2067\u05e9\u05dc\u05d5\u05dd\u2069 said", " \u05e9\u05dc\u05d5\u05dd  said"),  # isolates
    ("a\x00b\x1bc\x7fd\x83e", "a b c d e"),                                   # C0 and C1 controls
    ("a\tb\nc", "a\tb\nc"),                                                   # tab and line feed stay
    ("a\rb\r\nc", "a\nb\r\nc"),                                               # a lone CR breaks the line
    ("a\x0cb\u2028c\u2029d\x85e\x0bf", "a\nb\nc\nd\ne\nf"),                   # other line breaks
    ("\u00e9\u0301 \U0001F600\u200d\U0001F466 \u00ad", "\u00e9\u0301 \U0001F600\u200d\U0001F466 \u00ad"),  # kept
    ("!" * (MAX_RUN + 1), "!" * MAX_RUN + " "),
    ("x " + "!" * (2 * MAX_RUN + 3), "x " + ("!" * MAX_RUN + " ") * 2 + "!"),
    ("!" * MAX_RUN, "!" * MAX_RUN),
    ('<tweet id="7" by="Ann Lee">Vote.</tweet> he said', " " * 27 + "Vote." + " " * 8 + " he said"),  # tags
    ("a<br/>b <p class=x\nid='y'>c</p>", "a     b " + " " * 10 + "\n" + " " * 7 + "c    "),  # a break kept
    ("x < 5 and y > 3", "x < 5 and y > 3"),                                   # not tags: comparisons,
    ("if a<b and c>d", "if a<b and c>d"),                                     # words without values,
    ("see <http://a.b/c>", "see <http://a.b/c>"),                             # an address in brackets,
    ('<a href="x>foo</a> said', '<a href="x>foo     said'),                   # an unclosed value
])
def test_analysis_text(text, view):
    got = analysis_text(text)
    assert got == view and len(got) == len(text)


def test_analysis_text_returns_the_same_object_when_nothing_changes():
    text = "Police said the suspect had fled.\n\u201cNo,\u201d she said."
    assert analysis_text(text) is text


@pytest.mark.parametrize("text, limit, pieces", [
    ("short", 10, ["short"]),
    ("aaaa bbbb\n\ncccc dddd\n\neeee", 12, ["aaaa bbbb\n\n", "cccc dddd\n\n", "eeee"]),   # blank lines
    ("aaaa\nbbbb\ncccc dddd", 12, ["aaaa\nbbbb\n", "cccc dddd"]),                    # line breaks
    ("Aa bb. Cc dd. Ee ff.", 10, ["Aa bb. ", "Cc dd. ", "Ee ff."]),                  # sentence ends
    ("\u201cAa.\u201d Bb cc dd", 8, ["\u201cAa.\u201d ", "Bb cc dd"]),                # after a closing quote
    ("aaa bbb ccc ddd", 8, ["aaa bbb ", "ccc ddd"]),                                # white space
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),                                      # no choice: a hard cut
    ("aaaaaaaaaa\n\nb", 10, ["aaaaaaaaaa", "\n\nb"]),                               # a break too early to use
])
def test_chunk_bounds(text, limit, pieces):
    bounds = chunk_bounds(text, limit)
    assert [text[a:b] for a, b in bounds] == pieces
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b1 == a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:]))
    assert all(0 < b - a <= limit for a, b in bounds)


def test_chunk_bounds_rejects_a_useless_limit():
    with pytest.raises(ValueError):
        chunk_bounds("abc", 1)
