"""Statements as a pandas DataFrame, one row per statement. pandas is an optional extra
(``pip install 'claimlens[pandas]'``); without it these functions raise ``CL010``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ClaimlensError
from .records import Article

COLUMNS = ("doc_id", "id", "speaker", "actor", "speaker_text", "cue", "label", "act", "quote",
           "text", "start", "end")
"""``speaker`` is the speaker's actor name (else the words naming the speaker), ``actor`` the
actor id, ``speaker_text`` the mention at this statement; missing (``isna()``) where there is none."""


def rows(article: Article) -> Iterator[dict[str, Any]]:
    """One plain dict per statement, with the keys of :data:`COLUMNS`."""
    for s in article.statements:
        yield {
            "doc_id": article.doc_id,
            "id": s.id,
            "speaker": article.speaker_name(s),
            "actor": s.speaker.actor if s.speaker else None,
            "speaker_text": (s.speaker.text or None) if s.speaker else None,
            "cue": s.cue.text if s.cue else None,
            "label": s.label,
            "act": s.act,
            "quote": s.quote,
            "text": s.text,
            "start": s.start,
            "end": s.end,
        }


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ClaimlensError("CL010", "to_dataframe needs pandas") from None
    return pandas


def to_dataframe(articles: Article | Iterable[Article]):
    """A ``pandas.DataFrame`` of the statements of one or many articles, one row each, in order."""
    pd = _pandas()
    if isinstance(articles, Article):
        articles = [articles]
    records = [r for article in articles for r in rows(article)]
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})
