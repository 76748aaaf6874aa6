"""Fixtures: one loaded extractor per session, the evaluation articles analysed once; the
hypothesis profiles ("ci", the default, fast and the same examples every run; "thorough", at least
10,000 examples per property: ``pytest tests/test_properties.py --hypothesis-profile=thorough``)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from .helpers import EVAL, POLNEAR

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=SLOW)
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=SLOW)
settings.load_profile("ci")


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


@pytest.fixture(scope="session")
def polnear_records(extractor):
    """PolNeAR dev's articles (``../shared/polnear/dev/text``), analysed once: records as dicts."""
    paths = sorted((POLNEAR / "text").glob("*.txt"))
    texts = [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    return [a.to_dict() for a in extractor.pipe(texts, as_tuples=True)]
