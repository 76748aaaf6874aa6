"""The cue lexicon derived from VerbNet and CAMEO (tools/derive_cues.py): verbs and frames no
example of the kit gave, the verbs that are not speech, and the files' shape. Sentences made up
for these tests; offsets always checked. Expected statements as in tests/test_attribution.py:
(content, cue, speaker mention, quote type), parts joined with " | "."""
import pytest

from claimlens.resources import cue_frames, cue_lexicon, read_model_tsv

from .helpers import assert_offsets
from .test_attribution import _statements

COVERAGE = [
    # a thing questioned is disapproval (CAMEO); a person questioned is an official act
    ("Mayor Lena Ortiz questioned the timing of the audit.",
     [("the timing of the audit", "questioned", "Mayor Lena Ortiz", "indirect")]),
    ("Police questioned him for hours.", []),
    ("Police questioned Ray Dunn about the fire.", []),
    # VerbNet say-37.7-1 "NP V NP.topic": the object is what is said
    ("Residents voiced concern about the noise.",
     [("concern about the noise", "voiced", "Residents", "indirect")]),
    ("The ministry divulged the names of the contractors.",
     [("the names of the contractors", "divulged", "The ministry", "indirect")]),
    # advise-37.9 with a clause; promise-37.13 with an infinitive
    ("The minister cautioned the plan would fail.",
     [("the plan would fail", "cautioned", "The minister", "indirect")]),
    ("The coach pledged to appeal.", [("to appeal", "pledged", "The coach", "indirect")]),
    # talk-37.5 "NP V PP.topic": spoke of, spoke about
    ("The senator spoke of a betrayal.", [("a betrayal", "spoke", "The senator", "indirect")]),
    # judgment-33.1: object, "as", "for"
    ("The union lambasted the plan as reckless.",
     [("the plan as reckless", "lambasted", "The union", "indirect")]),
    ("The mayor lauded the volunteers for their work.",
     [("the volunteers for their work", "lauded", "The mayor", "indirect")]),
    # manner of speaking and confiding: a clause only
    ("The senator muttered that the vote was rigged.",
     [("the vote was rigged", "muttered", "The senator", "indirect")]),
    ("The coach confided that he would retire.",
     [("he would retire", "confided", "The coach", "indirect")]),
    ('"We are not done," the captain growled.',
     [("We are not done,", "growled", "the captain", "direct")]),
    # verbs of official acts, perception, support and search are not speech
    ("The group supports the new law.", []),
    ("Police seek a man in his thirties.", []),
    ("The court ruled the contract void.", []),
    ("Police arrested two men on Friday.", []),
    ("Witnesses heard a loud bang.", []),
    ("The council approved the budget.", []),
    ("The governor signed the bill into law.", []),
    ("Police charged him with theft.", []),  # VerbNet prosecute-33.2: an official act
    # polysemous members left out or restricted: a deed, not a statement
    ("The chef added salt to the soup.", []),
    ("The choir sang a hymn.", []),
    ("The senator noted the time and left.", []),
]


@pytest.mark.parametrize("text, expected", COVERAGE, ids=[c[0][:40] for c in COVERAGE])
def test_cue_coverage(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert _statements(art) == expected


def test_lexicon_rows_say_where_they_come_from():
    rows = read_model_tsv("cues.tsv")
    assert all(len(r) == 4 and r[3].strip() for r in rows)
    assert all(r[3].startswith(("VerbNet", "CAMEO", "claimlens", "not speech:")) for r in rows)
    kinds = {r[2] for r in rows}
    assert kinds == {"speech", "belief", "phrase", "act"}


@pytest.mark.parametrize("lemma", ["support", "back", "seek", "search", "rule", "arrest", "hear", "watch",
                                   "approve", "sentence"])
def test_verbs_that_are_not_speech_are_listed_as_acts(lemma):
    entry = cue_lexicon()[lemma]
    assert entry.kind == "act" and entry.act == "none"
    assert lemma not in cue_frames()


@pytest.mark.parametrize("lemma, frames", [
    ("question", {"topic"}),
    ("voice", {"object"}),
    ("speak", {"pobj:about", "pobj:of"}),
    ("caution", {"to", "pobj:against", "pobj:about", "pobj:of"}),
    ("pledge", {"object", "to"}),
    ("lambaste", {"object", "as", "prep:for"}),
])
def test_frames_derived_from_verbnet(lemma, frames):
    assert cue_frames()[lemma] == frames


@pytest.mark.parametrize("lemma", ["add", "note", "write", "explain", "charge"])
def test_polysemous_verbs_take_a_clause_only(lemma):
    assert lemma in cue_lexicon() and not cue_frames().get(lemma)
