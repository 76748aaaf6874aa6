"""Property-based tests (hypothesis): texts mixing quotes, punctuation, newlines and Unicode never
raise, every offset is valid, and the output is deterministic.

CI runs the fast "ci" profile (see conftest.py). The thorough run, at least 10,000 examples per
property:

    .venv/bin/python -m pytest tests/test_properties.py --hypothesis-profile=thorough -p no:cacheprovider
"""
import copy

import jsonschema
from hypothesis import example, given
from hypothesis import strategies as st

import claimlens
from claimlens.errors import ClaimlensError
from claimlens.io import read_bytes
from claimlens.prepare import analysis_text, chunk_bounds
from claimlens.quotes import find_quotes
from claimlens.records import Article

from .helpers import assert_offsets

WORDS = ["Police", "the minister", "said", "says", "told reporters", "denied", "rejected", "according to",
         "Maria Lopez", "Lopez", "Canada", "Canadian", "the ministry", "UN", "it", "he", "she", "they", "that",
         "the claims", "was", "not", "baseless", "Mr.", "Dr", "3.5", "2024", "U.S.", "e.g.", "www.example.com"]
QUOTES = list("\"'`\u00b4\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\u300c\u300d\u2033")
PUNCT = list(".,;:!?\u2014\u2013-\u2026()[]{}/\\*&%$#@|~^_+=<>")
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\r", "\u00a0", "\u2028", "\u2029", "\u3000", "\x0b"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066",
             "\u2069", "\u2060", "\ufeff", "\u00ad", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9c", "\x0c"]
EMOJI = ["\U0001F600", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F1EB\U0001F1F7",
         "\U0001F44D\U0001F3FD", "\u2764\ufe0f", "\U0001F926\u200d\u2642\ufe0f"]
SCRIPTS = ["e\u0301", "\u0627\u0644\u0648\u0632\u064a\u0631", "\u05d4\u05e9\u05e8", "\u90e8\u957f",
           "\u043c\u0438\u043d\u0438\u0441\u0442\u0440", "\u092e\u0902\u0924\u094d\u0930\u0940", "\ufb01", "\u2163"]

pieces = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(PUNCT), st.sampled_from(SPACES),
    st.sampled_from(INVISIBLE), st.sampled_from(EMOJI), st.sampled_from(SCRIPTS),
    st.text(max_size=3),                       # anything Unicode has (surrogates aside)
    st.sampled_from(["!", "\U0001F600", "\u201c"]).map(lambda c: c * 250),  # a run past MAX_RUN
)
texts = st.lists(pieces, max_size=50).map("".join)


@given(texts)
def test_quotes_are_spans_of_the_text(text):
    for q in find_quotes(text):
        assert 0 < q.start < q.end <= len(text)  # never an empty quote


@given(texts)
def test_analysis_text_keeps_every_offset(text):
    view = analysis_text(text)
    assert len(view) == len(text)
    assert all(a == b or b.isspace() for a, b in zip(text, view))
    assert analysis_text(view) == view


@given(texts, st.integers(2, 120))
def test_chunk_bounds_cover_the_text(text, limit):
    bounds = chunk_bounds(text, limit)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= limit for a, b in bounds) or text == ""


@given(st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8")),
                 texts.map(lambda t: t.encode("utf-16")), st.sampled_from(["<html><body><p>", "<!doctype html>"])
                 .flatmap(lambda head: texts.map(lambda t: (head + t).encode("utf-8")))))
def test_reading_any_bytes_gives_a_document_or_a_coded_error(data):
    try:
        doc = read_bytes(data, "x")
    except ClaimlensError as e:
        assert e.code in ("CL004", "CL020")
        return
    assert doc.media_type in ("text/plain", "text/html")
    assert all(w.code in ("CL005", "CL021", "CL022") for w in doc.warnings)


def check_article(art, text):
    assert art.text == text
    assert_offsets(art)
    record = art.to_dict()
    jsonschema.validate(record, claimlens.json_schema())
    assert Article.from_dict(record) == art
    actors = {a.id for a in art.actors}
    ids = {s.id for s in art.statements}
    for s in art.statements:
        assert 0 <= s.start <= s.end <= len(text)
        assert 0 <= s.sentence < len(art.sentences)
        assert s.speaker is None or s.speaker.actor is None or s.speaker.actor in actors
        assert set(s.targets) <= actors and (s.refutes is None or s.refutes in ids)
    starts = [s.start for s in art.sentences]
    assert starts == sorted(starts)


@given(texts)
@example("\u201c" * 250 + '"said' + "\u201c" * 250)  # found by a thorough run: runs of opening marks
def test_extraction_never_raises_keeps_offsets_and_is_deterministic(extractor, text):
    art = extractor(text, "x")
    check_article(art, text)
    assert extractor(text, "x").to_dict() == art.to_dict()


@given(texts, st.integers(40, 400))
def test_extraction_in_pieces_keeps_offsets(extractor, text, limit):
    ex = copy.copy(extractor)
    ex.chunk_chars = limit
    check_article(ex(text, "x"), text)
