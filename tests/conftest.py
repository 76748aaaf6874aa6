"""Fixtures: one loaded extractor per session, the evaluation articles analysed once."""
from __future__ import annotations

import pytest

from .helpers import EVAL


@pytest.fixture(scope="session")
def extractor():
    from claimlens import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def eval_articles(extractor):
    """Every evaluation article, analysed once: {doc_id: Article}."""
    paths = sorted((EVAL / "texts").glob("*.txt"))
    texts = [(p.read_text(encoding="utf-8"), f"texts/{p.name}") for p in paths]
    return {a.doc_id: a for a in extractor.pipe(texts, as_tuples=True)}
