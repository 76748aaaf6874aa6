"""spaCy factories of claimlens: the plugin. Light imports only; the stages load when a
component is made.

``pip install claimlens`` advertises both factories through the ``spacy_factories`` entry
point (pyproject.toml), so spaCy imports this module whenever it makes a pipeline and
``nlp.add_pipe("claimlens")`` works without importing claimlens:

- ``claimlens_paragraphs``: before the parser, starts a sentence after every line break (the
  sentence breaks the CLI uses).
- ``claimlens``: after the parser and entity recognizer, runs segment → actors → attribution →
  stance; the statements go on ``doc.spans["claimlens"]`` (labels ``CLAIM`` and ``DENIAL``,
  each span's ``id_`` the statement's id) and the record, as plain msgpack-serialisable data
  without ``doc_id`` and ``text`` (speakers, cues, actors, sentences), on ``Doc._.claimlens``.
  Both survive ``Doc.to_bytes``, a ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=N)``.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

SPANS_KEY = "claimlens"
SPAN_LABELS = {"claim": "CLAIM", "denial": "DENIAL"}

if not Doc.has_extension("claimlens"):
    Doc.set_extension("claimlens", default=None)


def paragraphs_component(doc: Doc) -> Doc:
    from .segment import set_paragraph_starts

    return set_paragraph_starts(doc)


@Language.factory("claimlens_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> Any:
    return paragraphs_component


def statement_spans(doc: Doc, statements: list[dict[str, Any]]) -> SpanGroup:
    """The statements as a span group: one span per statement, labelled CLAIM or DENIAL."""
    spans = []
    for s in statements:
        span = doc.char_span(s["start"], s["end"], label=SPAN_LABELS[s["label"]], span_id=s["id"],
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=SPANS_KEY, spans=spans)


def _load_stages() -> None:
    """Import the stages and read the data they look words up in (the stance lexicon, the
    countries, the actor words: about a third of a second) with the component, not on its first
    document."""
    from . import actors, attribution, followons, records, segment  # noqa: F401
    from .actorwords import lexicon
    from .countries import country_index
    from .stance import stance_lexicon

    lexicon(), country_index(), stance_lexicon()


class ClaimlensComponent:
    """Computes the statements of a parsed ``Doc``, then sets them on ``doc._.claimlens`` and
    ``doc.spans["claimlens"]``."""

    def __init__(self, nlp: Language, name: str, cue_kinds: list[str]) -> None:
        from .resources import cue_lexicon

        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            from .errors import ClaimlensError

            raise ClaimlensError("CL008", f"{nlp.meta.get('name', 'pipeline')} has no {', '.join(sorted(missing))}")
        self.name = name
        self.lexicon = cue_lexicon()
        self.kinds = frozenset(cue_kinds)
        _load_stages()

    def __call__(self, doc: Doc) -> Doc:
        from . import actors, attribution, followons, records, segment
        from .columns import columns

        text = columns(doc).doc_text  # Doc.text joins anew on every access: once, kept with the columns
        segments = segment.sentences(doc, text)
        table = actors.find_actors(doc, segments)
        drafts = attribution.attribute(doc, segments, table, self.lexicon, self.kinds, text)
        drafts = followons.label(drafts, segments, table, self.lexicon)
        data = records.document_data(doc, segments, table.actors, drafts, text)
        doc._.claimlens = data
        doc.spans[SPANS_KEY] = statement_spans(doc, data["statements"])
        return doc


@Language.factory("claimlens", default_config={"cue_kinds": ["speech", "phrase", "belief"]})
def make_claimlens(nlp: Language, name: str, cue_kinds: list[str]) -> Any:
    return ClaimlensComponent(nlp, name, cue_kinds)
