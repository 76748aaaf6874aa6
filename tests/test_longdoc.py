"""Long texts: cut at paragraph boundaries, analysed a piece at a time, merged with offsets into
the whole text."""
import copy

import jsonschema
import pytest

import claimlens
from claimlens.api import CHUNK_CHARS
from claimlens.records import merge_data

from .helpers import assert_offsets

PARAGRAPHS = [
    "Maria Lopez, the mayor of Springfield, said the budget was balanced.",
    "The Ministry of Finance denied the report on Tuesday.",
    "\u201cWe will not raise taxes,\u201d Lopez told reporters.",
    "Canada and Mexico signed the agreement in Ottawa.",
    "John Carter, a spokesman for the ministry, said the figures were wrong.",
    "Critics rejected the claim as baseless.",
]
LONG = "\n\n".join(PARAGRAPHS * 6)


class Recorder:
    """A pipeline stand-in that records the length of every text it is given."""

    def __init__(self, nlp):
        self.nlp, self.lengths = nlp, []

    def __call__(self, text):
        self.lengths.append(len(text))
        return self.nlp(text)

    def pipe(self, items, **kwargs):
        for item in self.nlp.pipe(items, **kwargs):
            self.lengths.append(len(item[0]))
            yield item


@pytest.fixture()
def small(extractor):
    """The session's extractor with pieces of at most 700 characters."""
    ex = copy.copy(extractor)
    ex.chunk_chars = 700
    ex.nlp = Recorder(extractor.nlp)
    return ex


def test_pieces_never_exceed_the_limit_and_merge_to_the_whole(extractor, small):
    whole = extractor(LONG, "d")
    pieces = small(LONG, "d")
    assert len(small.nlp.lengths) == 3 and max(small.nlp.lengths) <= 700
    assert pieces.to_dict() == whole.to_dict()  # paragraphs that stand alone lose nothing
    assert_offsets(pieces)
    jsonschema.validate(pieces.to_dict(), claimlens.json_schema())


def test_pieces_keep_ids_sentences_and_actors_consistent(small):
    text = LONG + "\n\nLopez denied the allegations.\n\nOttawa said it would wait."
    art = small(text, "d")
    assert art.text == text
    assert_offsets(art)
    assert [s.id for s in art.statements] == [f"S{i}" for i in range(1, len(art.statements) + 1)]
    names = [a.name for a in art.actors]
    assert len(names) == len(set((a.type, a.name) for a in art.actors))  # one actor per name across pieces
    assert {"Maria Lopez", "Canada", "Ministry of Finance"} <= set(names)
    last = art.statements[-1]
    assert art.sentences[last.sentence].text == "Ottawa said it would wait."
    assert art.actor(last.speaker.actor).name == "Canada"  # a capital that speaks is its country
    canada = next(a for a in art.actors if a.name == "Canada")
    assert len(canada.mentions) == 7  # six in the paragraphs repeated, one in the last line


def test_pipe_mixes_long_and_short_texts_in_order(small):
    items = [("Police said the suspect had fled.", "a"),
             (LONG, {"doc_id": "b", "encoding": "cp1252", "media_type": "text/plain"}),
             ("The minister denied it.", "c")]
    arts = list(small.pipe(items, as_tuples=True))
    assert [a.doc_id for a in arts] == ["a", "b", "c"]
    assert arts[1].to_dict()["encoding"] == "cp1252" and arts[1].text == LONG
    assert arts[2].statements[0].label == "denial"


def test_session_extractor_limit(extractor):
    assert extractor.chunk_chars == min(CHUNK_CHARS, extractor.nlp.max_length)


def test_merge_data_shifts_offsets_and_renumbers():
    text = "Ann Lee said yes.\nAnn Lee said no."
    first = {
        "actors": [{"id": "A1", "name": "Ann Lee", "type": "PERSON", "aliases": ["Ann Lee"],
                    "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}], "roles": [], "affiliation": None}],
        "statements": [{"id": "S1", "start": 13, "end": 16, "text": "yes", "label": "claim", "act": "assert",
                        "quote": "indirect", "speaker": {"actor": "A1", "start": 0, "end": 7, "text": "Ann Lee"},
                        "cue": {"start": 8, "end": 12, "text": "said"}, "anonymous": False, "targets": [],
                        "refutes": None, "sentence": 0, "evidence": {"rule": "ccomp", "confidence": 0.8}}],
        "sentences": [{"start": 0, "end": 17, "text": "Ann Lee said yes.", "boilerplate": False}],
    }
    second = {
        "actors": [{"id": "A1", "name": "Ann Lee", "type": "PERSON", "aliases": ["Ann Lee", "Lee"],
                    "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}], "roles": ["mayor"],
                    "affiliation": None}],
        "statements": [{"id": "S1", "start": 13, "end": 15, "text": "no", "label": "denial", "act": "deny",
                        "quote": "indirect", "speaker": {"actor": "A1", "start": 0, "end": 7, "text": "Ann Lee"},
                        "cue": {"start": 8, "end": 12, "text": "said"}, "anonymous": False, "targets": ["A1"],
                        "refutes": "S1", "sentence": 0, "evidence": {"rule": "ccomp", "confidence": 0.8}}],
        "sentences": [{"start": 0, "end": 16, "text": "Ann Lee said no.", "boilerplate": False}],
    }
    merged = merge_data([(0, first), (18, second)], text)
    (actor,) = merged["actors"]
    assert actor["aliases"] == ["Ann Lee", "Lee"] and actor["roles"] == ["mayor"]
    assert [m["start"] for m in actor["mentions"]] == [0, 18]
    s1, s2 = merged["statements"]
    assert (s2["id"], s2["start"], s2["text"], s2["sentence"], s2["refutes"], s2["targets"]) == \
        ("S2", 31, "no", 1, "S2", ["A1"])
    assert s2["speaker"] == {"actor": "A1", "start": 18, "end": 25, "text": "Ann Lee"}
    assert s2["cue"] == {"start": 26, "end": 30, "text": "said"}
    assert [s["start"] for s in merged["sentences"]] == [0, 18]
    art = claimlens.Article.from_dict({**merged, "doc_id": "x", "text": text})
    assert_offsets(art)
