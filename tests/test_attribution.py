"""Attribution: (sentence, expected statements) including negatives. Offsets always checked.

Each expected statement is (content, cue, speaker mention, quote type); None where the field
is empty. Only attributed statements are compared (the article's own are left out).
"""
import pytest

from .helpers import assert_offsets

CASES = [
    # direct quotes, cue after and before
    ('"We will not back down," the minister said.',
     [("We will not back down,", "said", "the minister", "direct")]),
    ('The senator said: "This bill is dead."',
     [("This bill is dead.", "said", "The senator", "direct")]),
    # indirect speech
    ("The mayor said that the bridge would reopen in May.",
     [("the bridge would reopen in May", "said", "The mayor", "indirect")]),
    ("Officials told reporters the talks had stalled.",
     [("the talks had stalled", "told", "Officials", "indirect")]),
    # speech act with an object, predicative "as"
    ("The agency announced the closure of three plants.",
     [("the closure of three plants", "announced", "The agency", "indirect")]),
    # according to
    ("The vote was postponed, according to the council.",
     [("The vote was postponed", "according to", "the council", "indirect")]),
    # partial quote inside paraphrase
    ('The union described the offer as "an insult to workers."',
     [('the offer as "an insult to workers."', "described", "The union", "partial")]),
    # negatives: no cue, a verb of saying with no content, "said" inside a quote
    ("The river flooded the valley last spring.", []),
    ("She declined to say.", []),
    ('The film "Nobody Said It Was Easy" opened on Friday.', []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_attribution(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    got = [(s.text, s.cue.text if s.cue else None, s.speaker.text if s.speaker else None, s.quote)
           for s in art.statements if s.quote != "none"]
    assert got == expected


def test_split_quote_is_one_statement_with_parts(extractor):
    text = '"The plan is sound," she said, "and we will defend it."'
    art = extractor(text)
    (s,) = [s for s in art.statements if s.quote != "none"]
    assert [p.text for p in s.parts] == ["The plan is sound,", "and we will defend it."]
    assert s.quote == "direct" and s.cue.text == "said"


def test_pronoun_speaker_resolves_to_the_person(extractor):
    text = 'Maria Lopez chairs the board. "We are ready," she said.'
    art = extractor(text)
    (s,) = [s for s in art.statements if s.quote == "direct"]
    assert s.speaker.text == "she"
    assert art.actor(s.speaker.actor).name == "Maria Lopez"


def test_unattributed_sentence_is_the_articles_own(extractor):
    art = extractor("The river flooded the valley last spring.")
    (s,) = art.statements
    assert (s.text, s.speaker, s.cue, s.quote, s.evidence.rule) == (
        "The river flooded the valley last spring", None, None, "none", "own")
