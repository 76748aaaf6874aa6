"""Token columns: each list holds what the Token attribute gives, a span's text what the Span gives."""
import gc

import pytest

from claimlens.columns import _COLUMNS, columns

TEXTS = [
    "Mayor Lena Ortiz said on Friday that the council “never approved” the contract.",
    "\u201cWe are not leaving,\u201d the union\u2019s spokesman, Dev Raman, told reporters.\n\nPORT CITY \u2014 Rain.",
    "  Two  spaces,\ta tab and U.S. officials' claims: none of it (so far) was true!  ",
    "Shares of Acme Corp. fell 4% -- analysts blamed a weak outlook.",
]

ATTRIBUTES = {
    "text": lambda t: t.text,
    "lower": lambda t: t.lower_,
    "lemma": lambda t: t.lemma_.lower(),
    "pos": lambda t: t.pos_,
    "dep": lambda t: t.dep_,
    "head": lambda t: t.head.i,
    "idx": lambda t: t.idx,
    "is_punct": lambda t: t.is_punct,
    "is_space": lambda t: t.is_space,
    "is_stop": lambda t: t.is_stop,
}


@pytest.fixture(scope="module")
def docs(extractor):
    with extractor.nlp.select_pipes(disable=["claimlens"]):
        return [extractor.nlp(t) for t in TEXTS]


@pytest.mark.parametrize("name", sorted(ATTRIBUTES))
def test_column_is_the_token_attribute(docs, name):
    for doc in docs:
        assert getattr(columns(doc), name) == [ATTRIBUTES[name](t) for t in doc]


def test_span_text_is_the_span_text(docs):
    for doc in docs:
        cols = columns(doc)
        assert cols.doc_text == doc.text
        for start in range(len(doc) + 1):
            for end in range(start, min(len(doc), start + 6) + 1):
                assert cols.span_text(start, end) == doc[start:end].text, (start, end)


def test_columns_are_kept_per_doc_and_dropped_with_it(extractor):
    with extractor.nlp.select_pipes(disable=["claimlens"]):
        doc, other = extractor.nlp("Ortiz denied it."), extractor.nlp("Raman said so.")
    assert columns(doc) is columns(doc)
    assert columns(doc).lower != columns(other).lower
    before = len(_COLUMNS)
    del doc
    gc.collect()
    assert len(_COLUMNS) == before - 1
