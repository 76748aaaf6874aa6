"""Stance: the act of every statement and its label, claim or denial.

A statement is a denial when its cue performs the act ``deny`` in the cue lexicon
(deny, reject, dismiss, refute, ...) and the cue is not negated ("did not deny").
"""
from __future__ import annotations

from .attribution import Draft
from .resources import CueEntry


def _negated(draft: Draft) -> bool:
    token = draft.cue_token
    return token is not None and any(child.dep_ == "neg" for child in token.children)


def label(drafts: list[Draft], lexicon: dict[str, CueEntry]) -> None:
    """Set ``act``, ``label`` and ``label_rule`` on every draft, in place."""
    for draft in drafts:
        entry = lexicon.get(draft.cue_lemma or "")
        draft.act = entry.act if entry is not None else "assert"
        if draft.act == "deny" and _negated(draft):
            draft.act, draft.label, draft.label_rule = "assert", "claim", "negated_cue"
        elif draft.act == "deny":
            draft.label, draft.label_rule = "denial", f"cue:{draft.cue_lemma}"
        else:
            draft.label = "claim"
            draft.label_rule = f"cue:{draft.cue_lemma}" if entry is not None else "default"
