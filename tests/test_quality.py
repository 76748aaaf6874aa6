"""Quality floors (and ceilings, for counts of errors) on ../shared/eval (its score.py) and on
PolNeAR's dev split (its polnear.py). Raise the floors and lower the ceilings as quality
improves; never the other way."""
import pytest

from .helpers import EVAL, POLNEAR, load_script, needs_polnear, needs_shared

FLOORS = {
    ("statements", "f1"): 0.93,
    ("attributed", "f1"): 0.84,
    ("actors", "f1"): 0.91,
    ("actors", "p"): 0.92,
    ("actors", "r"): 0.91,
    ("end_to_end", "f1"): 0.84,
    ("denials", "p"): 0.97,
    ("denials", "r"): 0.64,
    ("denials", "f1"): 0.77,
    ("label_accuracy",): 0.96,
    ("speaker_accuracy",): 0.855,
    ("quote_type_accuracy",): 0.88,
}
CEILINGS = {
    ("actors", "split"): 6,
    ("actors", "merged"): 2,
}
POLNEAR_FLOORS = {
    ("content", "f1"): 0.775,
    ("content", "p"): 0.90,
    ("source_accuracy",): 0.92,
    ("attribution", "f1"): 0.71,
    ("cue_accuracy",): 0.92,
    ("recall_by_kind", "direct"): 0.95,
}


@pytest.fixture(scope="module")
def scores(eval_articles):
    score = load_script(EVAL / "score.py")
    gold = score.load_gold(EVAL / "gold", EVAL / "texts")
    return score.score(gold, [a.to_dict() for a in eval_articles.values()])


@pytest.fixture(scope="module")
def polnear_scores(polnear_records):
    polnear = load_script(EVAL / "polnear.py")
    return polnear.score(polnear.load(POLNEAR), polnear_records)


def _at(scores, key):
    value = scores
    for part in key:
        value = value[part]
    return value


@needs_shared
def test_contract(scores):
    assert scores["missing_documents"] == 0
    assert scores["contract_problems"] == 0


@needs_shared
@pytest.mark.parametrize("key", list(FLOORS), ids=lambda k: ".".join(k))
def test_floor(scores, key):
    value = _at(scores, key)
    assert value >= FLOORS[key], f"{'.'.join(key)} fell to {value} (floor {FLOORS[key]})"


@needs_shared
@pytest.mark.parametrize("key", list(CEILINGS), ids=lambda k: ".".join(k))
def test_ceiling(scores, key):
    value = _at(scores, key)
    assert value <= CEILINGS[key], f"{'.'.join(key)} rose to {value} (ceiling {CEILINGS[key]})"


@needs_shared
@needs_polnear
@pytest.mark.parametrize("key", list(POLNEAR_FLOORS), ids=lambda k: "polnear." + ".".join(k))
def test_polnear_floor(polnear_scores, key):
    assert polnear_scores["missing_articles"] == 0
    value = _at(polnear_scores, key)
    floor = POLNEAR_FLOORS[key]
    assert value >= floor, f"polnear {'.'.join(key)} fell to {value} (floor {floor})"
