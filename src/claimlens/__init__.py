"""claimlens: who said what about whom in news articles, with character offsets.

>>> import claimlens                                   # doctest: +SKIP
>>> art = claimlens.extract(text)                      # doctest: +SKIP
>>> [(s.speaker.text if s.speaker else None, s.label, s.text) for s in art.statements]  # doctest: +SKIP
"""
from importlib.metadata import version as _version

from .api import Extractor, extract
from .errors import ClaimlensError
from .frames import to_dataframe
from .io import read_records
from .records import Actor, Article, Evidence, Sentence, Span, Speaker, Statement, json_schema

__version__ = _version("claimlens")

__all__ = [
    "Actor", "Article", "ClaimlensError", "Evidence", "Extractor", "Sentence", "Span", "Speaker",
    "Statement", "__version__", "extract", "json_schema", "read_records", "to_dataframe",
]
