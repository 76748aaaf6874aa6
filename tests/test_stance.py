"""Claim or denial: (sentence, label of its attributed statement), with hard negatives."""
import pytest

CASES = [
    ("The ministry denied the allegations.", "denial"),
    ("Police rejected the accusation outright.", "denial"),
    ("The company refuted the report.", "denial"),
    ("The spokesman said the plan would go ahead.", "claim"),
    ("The government did not deny the report.", "claim"),       # a negated cue
    ("The minister condemned the attack.", "claim"),             # condemnation is a claim
    ("The agency announced new rules.", "claim"),
]


@pytest.mark.parametrize("text, label", CASES, ids=[c[0][:40] for c in CASES])
def test_label(extractor, text, label):
    art = extractor(text)
    (s,) = [s for s in art.statements if s.cue is not None]
    assert s.label == label
    assert s.evidence.label_rule
