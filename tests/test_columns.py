"""Token columns: each list holds what the Token attribute gives, a span's text what the Span gives."""
import gc

import pytest
from spacy.tokens import Doc

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


def test_children_and_subtrees_are_the_tokens(docs):
    for doc in docs:
        cols = columns(doc)
        for t in doc:
            assert cols.children(t.i) == [c.i for c in t.children]
            assert list(cols.subtree(t.i)) == [s.i for s in t.subtree]


@pytest.mark.parametrize("heads, root_subtree", [
    ([1, 1, 1, 2], [0, 1, 2, 3]),        # projective: in order
    ([1, 1, 1, 0, 2], [0, 3, 1, 2, 4]),  # 3 hangs off 0 across the root 1: the left child's subtree first
    ([2, 2, 2, 1, 2], [0, 1, 3, 2, 4]),  # 3 hangs off 1 across the root 2
])
def test_subtree_keeps_the_order_of_token_subtree_across_crossing_arcs(extractor, heads, root_subtree):
    doc = Doc(extractor.nlp.vocab, words=[f"w{i}" for i in range(len(heads))], heads=heads,
              deps=["dep"] * len(heads))
    for t in doc:
        assert list(columns(doc).subtree(t.i)) == [s.i for s in t.subtree]
        assert columns(doc).children(t.i) == [c.i for c in t.children]
    root = next(t for t in doc if t.head.i == t.i)
    assert list(columns(doc).subtree(root.i)) == root_subtree


def test_children_and_subtrees_keep_no_doc_alive(extractor):
    with extractor.nlp.select_pipes(disable=["claimlens"]):
        doc = extractor.nlp("Ortiz said the council denied it.")
    root = next(t for t in doc if t.head.i == t.i)
    assert columns(doc).children(root.i) and columns(doc).subtree(root.i)
    before = len(_COLUMNS)
    del doc, root
    gc.collect()
    assert len(_COLUMNS) == before - 1
