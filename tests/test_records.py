import dataclasses

import jsonschema
import pytest

import claimlens
from claimlens.records import Article, Span

from .helpers import SAMPLE, assert_offsets, needs_shared


@pytest.fixture(scope="module")
def sample(extractor):
    return extractor(SAMPLE.read_text(encoding="utf-8"), doc_id="samples/presstv-iran-albania-ties.txt")


def test_records_are_frozen(sample):
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.doc_id = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.statements[0].label = "denial"


def test_round_trip(sample):
    again = Article.from_dict(sample.to_dict())
    assert again == sample
    assert again.to_dict() == sample.to_dict()


def test_sample_matches_schema_and_offsets(sample):
    jsonschema.validate(sample.to_dict(), claimlens.json_schema())
    assert_offsets(sample)
    assert sample.to_dict()["schema_version"] == "1.0"


def test_schema_rejects_a_broken_record(sample):
    bad = sample.to_dict()
    bad["statements"][0]["label"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, claimlens.json_schema())


def test_ids_resolve(sample):
    ids = {a.id for a in sample.actors}
    statement_ids = {s.id for s in sample.statements}
    assert len(ids) == len(sample.actors) and len(statement_ids) == len(sample.statements)
    for s in sample.statements:
        if s.speaker is not None and s.speaker.actor is not None:
            assert s.speaker.actor in ids
        assert set(s.targets) <= ids
        assert s.refutes is None or s.refutes in statement_ids
        assert 0 <= s.sentence < len(sample.sentences)
        assert 0.0 <= s.evidence.confidence <= 1.0


def test_span_to_dict():
    assert Span(1, 3, "ab").to_dict() == {"start": 1, "end": 3, "text": "ab"}


@needs_shared
def test_every_eval_article_is_valid(eval_articles):
    schema = claimlens.json_schema()
    assert len(eval_articles) >= 15
    for article in eval_articles.values():
        jsonschema.validate(article.to_dict(), schema)
        assert_offsets(article)


@pytest.mark.parametrize("actor_id, name", [("A1", "Peru"), ("A2", "Maria Lopez"), (None, None), ("A3", None)])
def test_actor_by_id(actor_id, name):
    art = Article.from_dict({"doc_id": "d", "text": "", "actors": [
        {"id": "A1", "name": "Peru", "type": "GPE", "aliases": [], "mentions": []},
        {"id": "A2", "name": "Maria Lopez", "type": "PERSON", "aliases": [], "mentions": []}]})
    found = art.actor(actor_id)
    assert (found.name if found else None) == name
    assert Article.from_dict(art.to_dict()) == art  # the lookup table is no field of the record


@pytest.mark.parametrize("mention, actor, shown", [
    ("He", "A1", "He"),                                   # a pronoun says who it was here
    ("the spokesman", "A1", "the spokesman"),
    ("Ortiz", "A1", None),                                # a form of the name: nothing more
    ("Its spokesman, Daniel Ortiz", "A1", None),          # the name is in it
    ("Daniel Ortiz", "A1", None),
    ("Police", None, None),                               # no actor: the mention is the name
    ("", "A1", None),                                     # a speaker known only by its actor
])
def test_speaker_mention(mention, actor, shown):
    art = Article.from_dict({"doc_id": "d", "text": mention, "actors": [
        {"id": "A1", "name": "Daniel Ortiz", "type": "PERSON", "aliases": ["Daniel Ortiz", "Ortiz"], "mentions": []}],
        "statements": [{"id": "S1", "start": 0, "end": 0, "text": "", "label": "claim", "quote": "indirect",
                        "cue": None, "speaker": {"actor": actor, "start": 0, "end": len(mention), "text": mention}}]})
    assert art.speaker_mention(art.statements[0]) == shown
