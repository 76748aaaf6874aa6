"""The WordNet-derived data the stance stage reads (``models/events.tsv``, ``models/antonyms.tsv``,
``models/quantities.tsv``, written by ``tools/derive_events.py``): their shape, and what the stance stage makes of them.
The script itself needs WordNet 3.0's files, which are not part of the checkout."""
import re

import pytest

from claimlens import stance
from claimlens.resources import denial_objects, read_model_tsv


def test_event_rows_are_word_pos_and_synset_keys():
    rows = read_model_tsv("events.tsv")
    assert len(rows) > 1000
    for word, pos, keys in rows:
        assert word == word.lower() and " " not in word and pos in {"v", "n"}
        assert keys and all(re.fullmatch(r"\d{8}", k) for k in keys.split())
    assert len({(w, p) for w, p, _ in rows}) == len(rows)  # one row per word and part of speech


def test_antonym_rows_are_pairs_of_words():
    rows = read_model_tsv("antonyms.tsv")
    assert len(rows) > 500
    assert all(len(r) == 2 and r[0] != r[1] and r[0] == r[0].lower() for r in rows)


@pytest.mark.parametrize("a, b, same", [
    ("resign", "resignation", True), ("back", "endorse", True),
    ("resign", "endorse", False), ("win", "endorse", False),
])
def test_event_keys_join_words_of_one_event(a, b, same):
    lex = stance.stance_lexicon()
    keys = lambda w: set(lex.events.get(w, ())) or {w}  # noqa: E731 - a word without a row is its own key
    assert bool(keys(a) & keys(b)) is same


@pytest.mark.parametrize("word, opposite, listed", [("win", "lose", True), ("accept", "reject", True),
                                                     ("win", "reject", False)])
def test_antonyms_are_read_both_ways(word, opposite, listed):
    lex = stance.stance_lexicon()
    assert (opposite in lex.antonyms.get(word, ())) is listed
    assert (word in lex.antonyms.get(opposite, ())) is listed


def test_quantity_rows_are_single_nouns_none_a_denial_object():
    rows = read_model_tsv("quantities.tsv")
    objects = set(denial_objects())
    assert len(rows) > 50
    assert all(len(r) == 1 and r[0].isalpha() and r[0] == r[0].lower() and r[0] not in objects for r in rows)


@pytest.mark.parametrize("text, head", [("not a shred of truth", "truth"), ("a pack of lies", "lies"),
                                        ("a shred", "shred"), ("the truth of it", "truth")])
def test_a_quantity_is_read_through_to_its_of_phrase(extractor, text, head):
    doc = extractor.nlp(text)
    noun = next(t for t in doc if t.dep_ == "ROOT")
    assert stance._head_noun(noun).text == head
