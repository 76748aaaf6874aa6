"""spaCy factories of claimlens. Light imports only: the stages load when a component is made.

- ``claimlens_paragraphs``: before the parser, starts a sentence after every line break.
- ``claimlens``: after the parser and entity recognizer, runs segment → actors → attribution →
  stance and stores the record (plain data, without ``doc_id``) on ``Doc._.claimlens``.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("claimlens"):
    Doc.set_extension("claimlens", default=None)


@Language.component("claimlens_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    from .segment import set_paragraph_starts

    return set_paragraph_starts(doc)


class ClaimlensComponent:
    """Computes the statements of a parsed ``Doc``, then sets them on ``doc._.claimlens``."""

    def __init__(self, nlp: Language, name: str, cue_kinds: list[str]) -> None:
        from .resources import cue_lexicon

        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            from .errors import ClaimlensError

            raise ClaimlensError("CL008", f"{nlp.meta.get('name', 'pipeline')} has no {', '.join(sorted(missing))}")
        self.name = name
        self.lexicon = cue_lexicon()
        self.kinds = frozenset(cue_kinds)

    def __call__(self, doc: Doc) -> Doc:
        from . import actors, attribution, records, segment, stance

        segments = segment.sentences(doc)
        table = actors.find_actors(doc)
        drafts = attribution.attribute(doc, segments, table, self.lexicon, self.kinds)
        stance.label(drafts, self.lexicon)
        doc._.claimlens = records.document_data(doc, segments, table.actors, drafts)
        return doc


@Language.factory("claimlens", default_config={"cue_kinds": ["speech", "phrase", "belief"]})
def make_claimlens(nlp: Language, name: str, cue_kinds: list[str]) -> Any:
    return ClaimlensComponent(nlp, name, cue_kinds)
