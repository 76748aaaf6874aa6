"""Follow-on quotes and their labels. A quote that goes on after its cue's sentence (``"X," she
said. "Y."``, or the next paragraph of a quotation) is drafted as a statement of its own that
``follows`` the quote before it; the stance stage labels the quotation as one statement, its
follow-ons as parts (one attribution, as corpora annotate a quotation that goes on). A denial
does not spread over the parts: where the quotation is a denial and one of its quotes, labelled
on its own words, is not, each quote is a statement with its own label (consecutive quotes of
one label stay one statement). No quote becomes a denial that the whole quotation is not.
"""
from __future__ import annotations

from . import stance
from .actors import ActorTable
from .drafts import Draft
from .resources import CueEntry
from .segment import Segment


def label(drafts: list[Draft], segments: list[Segment], table: ActorTable,
          lexicon: dict[str, CueEntry]) -> list[Draft]:
    """Label the statements (:func:`claimlens.stance.label`) with each quotation joined, and
    return them, a quotation split where a denial would spread to a quote that does not deny."""
    holder: dict[int, Draft] = {}
    chains: dict[int, list[Draft]] = {}
    for draft in drafts:
        head = holder.get(id(draft.follows), draft) if draft.follows is not None else draft
        holder[id(draft)] = head
        chains.setdefault(id(head), []).append(draft)
    joint = [d for d in drafts if holder[id(d)] is d]
    own = {id(d): list(d.parts) for d in joint}
    whole = {id(d): [p for m in chains[id(d)] for p in m.parts] for d in joint}
    for d in joint:
        d.parts = list(whole[id(d)])
    stance.label(joint, segments, table, lexicon)
    mixed = [d for d in joint if len(chains[id(d)]) > 1 and d.label == "denial"]
    if not mixed:
        return _pointed(joint, holder)
    saved = {id(d): (d.act, d.label, d.label_rule, d.targets, d.refutes) for d in joint}
    for d in joint:
        d.parts = list(own[id(d)])
    stance.label(drafts, segments, table, lexicon)  # every quote on its own words
    split = {id(d) for d in mixed if any(m.label != "denial" for m in chains[id(d)])}
    out = []
    for d in joint:
        if id(d) in split:
            out += _by_label(chains[id(d)], holder)
            continue
        d.act, d.label, d.label_rule, d.targets, d.refutes = saved[id(d)]
        d.parts = list(whole[id(d)])
        out.append(d)
    return _pointed(out, holder)


def _by_label(chain: list[Draft], holder: dict[int, Draft]) -> list[Draft]:
    """The quotes of a quotation as statements, consecutive quotes of one label joined."""
    out: list[Draft] = []
    for draft in chain:
        if out and out[-1].label == draft.label:
            out[-1].parts.extend(draft.parts)
            holder[id(draft)] = out[-1]
        else:
            holder[id(draft)] = draft
            out.append(draft)
    return out


def _pointed(drafts: list[Draft], holder: dict[int, Draft]) -> list[Draft]:
    """``drafts`` with each ``refutes`` turned to the statement that holds the quote it names."""
    for draft in drafts:
        if draft.refutes is not None:
            draft.refutes = holder.get(id(draft.refutes), draft.refutes)
    return drafts
