"""Quality floors (and ceilings, for counts of errors) on ../shared/eval, scored by its own
score.py. Raise the floors and lower the ceilings as quality improves; never the other way."""
import pytest

from .helpers import EVAL, load_script, needs_shared

FLOORS = {
    ("statements", "f1"): 0.88,
    ("attributed", "f1"): 0.52,
    ("actors", "f1"): 0.86,
    ("end_to_end", "f1"): 0.60,
    ("denials", "p"): 0.85,
    ("denials", "r"): 0.70,
    ("denials", "f1"): 0.78,
    ("label_accuracy",): 0.97,
    ("speaker_accuracy",): 0.45,
}
CEILINGS = {
    ("actors", "split"): 6,
    ("actors", "merged"): 1,
}


@pytest.fixture(scope="module")
def scores(eval_articles):
    score = load_script(EVAL / "score.py")
    gold = score.load_gold(EVAL / "gold", EVAL / "texts")
    return score.score(gold, [a.to_dict() for a in eval_articles.values()])


@needs_shared
def test_contract(scores):
    assert scores["missing_documents"] == 0
    assert scores["contract_problems"] == 0


@needs_shared
@pytest.mark.parametrize("key", list(FLOORS), ids=lambda k: ".".join(k))
def test_floor(scores, key):
    value = scores
    for part in key:
        value = value[part]
    assert value >= FLOORS[key], f"{'.'.join(key)} fell to {value} (floor {FLOORS[key]})"


@needs_shared
@pytest.mark.parametrize("key", list(CEILINGS), ids=lambda k: ".".join(k))
def test_ceiling(scores, key):
    value = scores
    for part in key:
        value = value[part]
    assert value <= CEILINGS[key], f"{'.'.join(key)} rose to {value} (ceiling {CEILINGS[key]})"
