"""claimlens evaluate: matching, gold files, brat annotations and the figures on made-up articles
(worked out by hand), its errors, and the same figures as the evaluation kit's scorers on
../shared/eval and PolNeAR dev."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from claimlens import ClaimlensError
from claimlens.cli import app
from claimlens.evaluate import brat, gold, predictions, read_brat, read_gold, score_brat, score_gold
from claimlens.evaluate.matching import PRF, common, match, ranges

from .helpers import EVAL, POLNEAR, ROOT, SHARED, load_script, needs_polnear, needs_shared

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, ["evaluate", *map(str, args)], input=input)


# --- matching ---------------------------------------------------------------------------------

@pytest.mark.parametrize("pieces, expected", [
    ([(5, 9), (0, 3)], ((0, 3), (5, 9))),
    ([(0, 5), (3, 8)], ((0, 8),)),
    ([(0, 5), (5, 8)], ((0, 8),)),
    ([(4, 4), (6, 2)], ()),
])
def test_ranges_are_sorted_and_disjoint(pieces, expected):
    assert ranges(pieces) == expected


@pytest.mark.parametrize("a, b, shared", [
    (((0, 10),), ((5, 20),), 5),
    (((0, 4), (10, 14)), ((2, 12),), 4),
    (((0, 4),), ((4, 8),), 0),
    ((), ((0, 8),), 0),
])
def test_common(a, b, shared):
    assert common(a, b) == shared == common(b, a)


def spans(*pairs):
    return [ranges([p]) for p in pairs]


@pytest.mark.parametrize("gold_spans, pred_spans, pairs", [
    # the best overlap wins, and each side is used once
    ([(0, 10)], [(0, 6), (0, 10)], [(0, 1)]),
    # best first: A takes the prediction it fits exactly, B the other
    ([(0, 10), (0, 8)], [(0, 8), (0, 10)], [(0, 1), (1, 0)]),
    # exactly half of the shorter span is enough; less is not
    ([(0, 10)], [(5, 30)], [(0, 0)]),
    ([(0, 10)], [(6, 30)], []),
    # a long prediction over two gold statements matches the one it covers
    ([(0, 10), (10, 20)], [(0, 12)], [(0, 0)]),
    # ties: the later prediction first
    ([(0, 10)], [(0, 10), (0, 10)], [(0, 1)]),
])
def test_match_is_one_to_one_best_first(gold_spans, pred_spans, pairs):
    assert sorted(match(spans(*gold_spans), spans(*pred_spans))) == pairs


def test_prf():
    assert PRF(2, 4, 5).to_dict() == {"p": 0.5, "r": 0.4, "f1": 0.444, "tp": 2, "pred": 4, "gold": 5}
    assert PRF().to_dict(counts=False) == {"p": 0.0, "r": 0.0, "f1": 0.0}


# --- gold files -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, folded", [
    ("The Ministry's", "ministry"),
    ("Iran\u2019s", "iran"),
    ('"Ortiz,"', "ortiz"),
    ("THE  Lakeport\u00a0Council", "lakeport council"),
    ("Theodore", "theodore"),
])
def test_fold(name, folded):
    assert gold.fold(name) == folded


def test_names_leave_pronouns_out():
    assert gold.names_of(["He", "Mayor Ortiz", "", "their"]) == {"mayor ortiz"}


TWICE = "Ortiz said taxes would fall. Later, Ortiz said\ntaxes  would fall."


@pytest.mark.parametrize("content, after, expected", [
    ("Later, Ortiz said taxes", None, "Later, Ortiz said\ntaxes"),
    ("taxes would fall", "Later", "taxes  would fall"),
    ("taxes would fall", "Ortiz said", "taxes would fall"),
])
def test_find_content(content, after, expected):
    start, end = gold.find_content(TWICE, content, after)
    assert TWICE[start:end] == expected
    if after:
        assert start > TWICE.index(after)


@pytest.mark.parametrize("content, after, message", [
    ("taxes would fall", None, "more than once"),
    ("taxes would rise", None, "not in the text"),
    ("taxes would fall", "Earlier", "'after' 'Earlier' is not in the text"),
])
def test_find_content_problems(content, after, message):
    with pytest.raises(ValueError, match=message):
        gold.find_content(TWICE, content, after)


# A made-up article, its gold and a prediction whose figures are worked out by hand below.
TEXT = ('Mayor Lena Ortiz said the bridge would reopen in May. The city council denied the report. '
        '"We checked it," Ortiz said, "and it is safe." Residents of Dunmore were told the bridge was '
        'closed. The river is high.\n')
GOLD = {
    "doc_id": "bridge",
    "actors": [
        {"id": "ortiz", "name": "Lena Ortiz", "type": "PERSON", "aliases": ["Mayor Lena Ortiz", "Ortiz"]},
        {"id": "council", "name": "city council", "type": "ORG", "aliases": ["The city council"]},
        {"id": "dunmore", "name": "Dunmore", "type": "GPE", "aliases": ["Dunmore"], "optional": True},
    ],
    "statements": [
        {"content": "the bridge would reopen in May", "cue": "said", "speaker": ["ortiz"], "label": "claim",
         "quote": "indirect"},
        {"content": "the report", "cue": "denied", "speaker": ["council"], "label": "denial",
         "quote": "indirect"},
        {"content": "We checked it,", "cue": "said", "speaker": ["ortiz"], "label": "claim",
         "quote": "direct"},
        {"content": "and it is safe.", "cue": "said", "speaker": ["ortiz"], "label": "claim",
         "quote": "direct"},
        {"content": "the bridge was closed", "cue": "told", "speaker": [None, "council"], "label": "claim",
         "quote": "indirect"},
        {"content": "The river is high", "speaker": [None], "label": "claim", "quote": "none"},
    ],
}


def at(words: str) -> dict:
    start = TEXT.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def statement(sid, words, speaker, label, quote, **more):
    mention = speaker and {"actor": speaker, **at(speaker_words[speaker])}
    return {"id": sid, **at(words), "speaker": mention, "cue": None, "label": label, "quote": quote, **more}


speaker_words = {"A1": "Lena Ortiz", "A2": "Ortiz", "A3": "The city council", "A5": "Residents"}
RECORD = {
    "doc_id": "texts/bridge.txt",
    "actors": [
        {"id": "A1", "name": "Lena Ortiz", "aliases": ["Ortiz"], "mentions": [at("Lena Ortiz")]},
        {"id": "A2", "name": "Ortiz", "aliases": []},  # Ortiz again: split
        {"id": "A3", "name": "city council", "aliases": ["Dunmore"]},  # two gold actors: merged
        {"id": "A4", "name": "Dunmore", "aliases": []},  # an optional gold actor only: not counted
        {"id": "A5", "name": "Bridge Authority", "mentions": [{"text": "it"}]},  # no gold actor (a pronoun)
    ],
    "statements": [
        statement("S1", "the bridge would reopen in May", "A1", "claim", "indirect"),
        statement("S2", "denied the report", "A3", "claim", "indirect"),  # label wrong
        statement("S3", '"We checked it," Ortiz said, "and it is safe."', "A2", "claim", "direct",
                  parts=[at("We checked it,"), at("and it is safe.")]),
        statement("S4", "the bridge was closed", "A5", "claim", "none"),  # speaker and quote wrong
        statement("S5", "The river is high", None, "claim", "none"),
        statement("S6", "Mayor Lena Ortiz said", "A1", "denial", "indirect"),  # no gold statement
        statement("S7", "the bridge would reopen", "A1", "claim", "indirect"),  # a second, smaller match
    ],
}
# Units: S1, S2, S3 twice (its parts), S4, S5, S6, S7 = 8; gold 6, of which 4 have a speaker.
# Pairs: S1, S2 ("the report" is all of the shorter span), both parts of S3, S4, S5; S7 loses to S1.
EXPECTED = {
    "documents": 1, "missing_documents": 0, "contract_problems": 0,
    "statements": {"p": 0.75, "r": 1.0, "f1": 0.857, "tp": 6, "pred": 8, "gold": 6},
    # with a speaker: S1, S2, both parts of S3, S6, S7 (S4 is matched to a statement that may be either)
    "attributed": {"p": 0.667, "r": 1.0, "f1": 0.8, "tp": 4, "pred": 6, "gold": 4},
    "denials": {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 1, "gold": 1},
    # right label and speaker: S1, both parts of S3, S5
    "end_to_end": {"p": 0.5, "r": 0.667, "f1": 0.571, "tp": 4, "pred": 8, "gold": 6},
    "label_accuracy": 0.833, "speaker_accuracy": 1.0, "quote_type_accuracy": 0.833,
    # counted: A1, A2, A3, A5; found: ortiz, council; split: ortiz twice, Dunmore twice; merged: A3
    "actors": {"p": 0.5, "r": 1.0, "f1": 0.667, "tp": 2, "pred": 4, "gold": 2, "split": 2, "merged": 1},
}


@pytest.fixture
def kit(tmp_path):
    """A gold folder and a texts folder with the made-up article, and the record as JSON Lines."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold" / "bridge.json").write_text(json.dumps(GOLD, indent=1), encoding="utf-8")
    (tmp_path / "texts" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return tmp_path


def test_gold_statements_are_found_in_the_text(kit):
    article = read_gold(kit / "gold", kit / "texts")["bridge"]
    assert [TEXT[s.start:s.end] for s in article.statements] == [s["content"] for s in GOLD["statements"]]
    assert article.actors["dunmore"].optional and article.statements[4].either
    assert article.actors["ortiz"].keys == {"lena ortiz", "mayor lena ortiz", "ortiz"}


def test_figures_worked_out_by_hand(kit):
    records = predictions.read_predictions(kit / "pred.jsonl")
    assert score_gold(read_gold(kit / "gold", kit / "texts"), records).to_dict() == EXPECTED


@needs_shared
def test_figures_worked_out_by_hand_are_the_kits(kit):
    score = load_script(EVAL / "score.py")
    assert score.score(score.load_gold(kit / "gold", kit / "texts"), [RECORD]) == EXPECTED


def test_a_missing_record_and_contract_problems(kit):
    articles = read_gold(kit / "gold", kit / "texts")
    missing = score_gold(articles, {}).to_dict()
    assert missing["missing_documents"] == 1
    assert missing["statements"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 6}
    broken = {**RECORD, "statements": [{**RECORD["statements"][0], "text": "not the text", "label": "rumour"},
                                       {**RECORD["statements"][1], "start": 5, "end": 10_000}]}
    scores = score_gold(articles, {"bridge": broken})
    assert len(scores.problems) == 3 and scores.problems[0].startswith("bridge: statement S1")


def write_gold(kit, text: str) -> None:
    (kit / "gold" / "bridge.json").write_text(text, encoding="utf-8")


def changed(**statement_fields) -> str:
    statements = [dict(GOLD["statements"][0]), {**GOLD["statements"][1], **statement_fields}]
    return json.dumps({**GOLD, "statements": statements}, indent=1)


@pytest.mark.parametrize("text, message", [
    ('{"actors": [],\n "statements": [}', "bridge.json line 2: not JSON"),
    (changed(speaker=["mayor"]), "line 41: statement 1: speaker 'mayor' is not an actor's id"),
    (changed(content="the reports"), "line 41: statement 1: content is not in the text"),
    (changed(content="the bridge"), "statement 1: content occurs more than once"),
    (changed(label="refusal"), "statement 1: 'label' must be one of claim, denial"),
    (changed(quote="mixed"), "statement 1: 'quote' must be one of"),
    (changed(speaker=[]), "statement 1: 'speaker' must be a non-empty list"),
    (json.dumps({**GOLD, "actors": GOLD["actors"] * 2}), "actor id 'ortiz' is used twice"),
    ("[]", "a gold file holds one JSON object"),
])
def test_invalid_gold_names_file_and_line(kit, text, message):
    write_gold(kit, text)
    with pytest.raises(ClaimlensError) as caught:
        read_gold(kit / "gold", kit / "texts")
    assert caught.value.code == "CL031" and message in str(caught.value)


def test_gold_folders(kit, tmp_path):
    for folder in (tmp_path / "nowhere", kit / "texts"):
        with pytest.raises(ClaimlensError, match="CL030"):
            read_gold(folder, kit / "texts")
    (kit / "texts" / "bridge.txt").unlink()
    with pytest.raises(ClaimlensError, match=r"CL032 .*bridge\.txt"):
        read_gold(kit / "gold", kit / "texts")


# --- brat standoff ----------------------------------------------------------------------------

BRAT_TEXT = ('Mayor Lena Ortiz said the bridge would reopen. "It is safe," she added, "and open." '
             'It was reported that the bridge is closed. Critics disagree.\n')


def _t(tid: str, label: str, *words: str, after: int = 0) -> str:
    starts = []
    for w in words:
        after = BRAT_TEXT.index(w, after)
        starts.append((after, after + len(w)))
    return f"{tid}\t{label} {';'.join(f'{s} {e}' for s, e in starts)}\t{' '.join(words)}"


ANN = "\n".join([
    _t("T1", "Source", "Mayor Lena Ortiz"), _t("T2", "Cue", "said"),
    _t("T3", "Content", "the bridge would reopen"),
    _t("T4", "Attribution", "said"),
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    _t("T5", "Content", '"It is safe,"', '"and open."'), _t("T6", "Source", "she"), _t("T7", "Cue", "added"),
    "E2\tAttribution:T7 Source:T6 Cue:T7 Content2:T5",
    _t("T9", "Content", "the bridge is closed"), _t("T11", "Cue", "was reported"),
    "E3\tAttribution-no-source:T11 Cue:T11 Content:T9",
    _t("T12", "Content", "Critics disagree"), "E4\tDiscuss:T12 Content:T12",
    "A1\tConfidence E1 High", "#1\tAnnotatorNotes T3\ta note",
    "the rest of a span's text, broken over a line",
    "",
])


def brat_statement(words, speaker=None, cue=None, parts=None):
    start = BRAT_TEXT.index(words)
    found = {"start": start, "end": start + len(words), "text": words}

    def span(w):
        if w is None:
            return None
        s = BRAT_TEXT.index(w)
        return {"start": s, "end": s + len(w), "text": w}
    return {**found, "speaker": span(speaker), "cue": span(cue), "label": "claim",
            **({"parts": [span(p) for p in parts]} if parts else {})}


BRAT_RECORD = {"doc_id": "x/bridge.txt", "actors": [], "statements": [
    brat_statement("Lena Ortiz said the bridge would reopen", "Lena Ortiz", "said"),  # < 80% of itself
    brat_statement('It is safe," she added, "and open.', "Mayor Lena Ortiz", None,
                   parts=["It is safe,", "and open."]),  # source and cue wrong
    brat_statement("the bridge is closed", None, "reported"),
    brat_statement("Critics disagree", None, None),  # the article's own: not an attribution
    brat_statement("Mayor Lena Ortiz", "Mayor Lena Ortiz", "said"),  # no gold attribution
]}
BRAT_EXPECTED = {
    "articles": 1, "missing_articles": 0, "gold": 3, "pred": 4,
    "content": {"p": 0.75, "r": 1.0, "f1": 0.857},
    "content_exact80": {"p": 0.5, "r": 0.667, "f1": 0.571},  # the quote's parts share 20 of its 24
    "cue_accuracy": 0.667, "source_accuracy": 0.5,
    "attribution": {"p": 0.5, "r": 0.667, "f1": 0.571},  # the first, and the sourceless third
    "recall_by_kind": {"direct": 1.0, "partial": None, "indirect": 1.0},
}


@pytest.fixture
def brat_dir(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "bridge.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (tmp_path / "text" / "unannotated.txt").write_text("Nobody said anything.\n", encoding="utf-8")
    (tmp_path / "attributions" / "bridge_b2.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "bridge_a1.ann").write_text(ANN, encoding="utf-8")  # first by name
    return tmp_path


def test_brat_attributions(brat_dir):
    articles, warnings = read_brat(brat_dir)
    assert list(articles) == ["bridge"]
    (warning,) = warnings
    assert warning.code == "CL036" and "bridge_a1.ann line 17" in str(warning)
    first, quote, sourceless = articles["bridge"].attributions
    assert BRAT_TEXT[slice(*first.source[0])] == "Mayor Lena Ortiz"
    assert [BRAT_TEXT[s:e] for s, e in quote.content] == ['"It is safe,"', '"and open."']
    assert sourceless.source == () and BRAT_TEXT[slice(*sourceless.cue[0])] == "was reported"


@pytest.mark.parametrize("words, kind", [
    (['"It is safe,"', '"and open."'], "direct"),
    (["the bridge would reopen"], "indirect"),
    (['"It is safe," she added'], "partial"),
])
def test_kind(words, kind):
    content = ranges((BRAT_TEXT.index(w), BRAT_TEXT.index(w) + len(w)) for w in words)
    assert brat.kind(BRAT_TEXT, content) == kind


def test_brat_figures_worked_out_by_hand(brat_dir):
    articles, _ = read_brat(brat_dir)
    assert score_brat(articles, {"bridge": BRAT_RECORD}).to_dict() == BRAT_EXPECTED


@needs_shared
def test_brat_figures_worked_out_by_hand_are_the_kits(brat_dir):
    polnear = load_script(EVAL / "polnear.py")
    assert polnear.score(polnear.load(brat_dir), [BRAT_RECORD]) == BRAT_EXPECTED


@pytest.mark.parametrize("line, message", [
    ("T20\tContent 5 x\tword", "line 1: a span needs a label and ranges"),
    ("T20\tContent 5 900\tword", "line 1: ranges 5 900 are outside the text"),
    ("E20\tAttribution:T1 Content:T99", "line 1: T99 is not a span of the file"),
    ("E20\tAttribution T1", "line 1: an event needs 'Kind:ID Role:ID ...'"),
])
def test_invalid_annotation_lines(line, message):
    with pytest.raises(ClaimlensError) as caught:
        brat.parse_ann([line, _t("T1", "Cue", "said")], BRAT_TEXT, "a.ann")
    assert caught.value.code == "CL035" and f"a.ann {message}" in str(caught.value)


@pytest.mark.skipif(not (SHARED / "polnear" / "train" / "attributions").is_dir(), reason="no PolNeAR train")
def test_polnear_train_lines_that_are_no_annotation_are_skipped_with_a_warning():
    """PolNeAR train holds a few lines that are the rest of a span's text broken over lines."""
    articles, warnings = read_brat(SHARED / "polnear" / "train")
    assert len(articles) == 840 and warnings
    assert all(w.code == "CL036" and re.search(r"\.ann line \d+: ", w.detail) for w in warnings)


def test_brat_folders(tmp_path):
    with pytest.raises(ClaimlensError, match="CL034"):
        read_brat(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Nobody said anything.\n", encoding="utf-8")
    with pytest.raises(ClaimlensError, match="CL034 .*no text/NAME.txt has"):
        read_brat(tmp_path)


# --- predictions ------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, message", [
    ('{"doc_id": "a", "actors": [], "statements": []}\n\n{"doc_id": "b", ', "line 3: not JSON"),
    ('{"doc_id": "a", "statements": {}}', "line 1: not a claimlens record"),
    ('[1, 2]', "record 1: not a claimlens record"),
    ('[{"doc_id": "a", "actors": [], "statements": []}, {"doc_id": 5}]', "record 2: not a claimlens record"),
    ('[{"doc_id": "a", "statements": []\n', "line 1: not JSON"),  # no array: read as JSON Lines
    ('{"doc_id": "a", "actors": [{"id": "A1", "mentions": 5}], "statements": []}', "line 1: actor A1: "),
    ('{"doc_id": "a", "actors": [{"id": "A1", "aliases": "Ortiz"}], "statements": []}', "line 1: actor A1: "),
    ('{"doc_id": "a", "actors": [{"id": ["A1"]}], "statements": []}', "line 1: actor 1: 'id'"),
    ('{"doc_id": "a", "actors": [], "statements": [{"speaker": {"actor": [1]}}]}', "line 1: statement 1: "),
    ('{"doc_id": "a", "actors": [], "statements": [{"speaker": "Ortiz"}]}', "line 1: statement 1: 'speaker'"),
    ('{"doc_id": "a", "actors": [], "statements": [{"parts": 5}]}', "line 1: statement 1: 'parts'"),
])
def test_predictions_that_are_not_claimlens_json_lines(tmp_path, lines, message):
    path = tmp_path / "pred.jsonl"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(ClaimlensError) as caught:
        predictions.read_predictions(path)
    assert caught.value.code == "CL037" and f"pred.jsonl {message}" in str(caught.value)


def test_predictions_as_one_json_array(tmp_path):
    """What ``-f json`` writes (one array of records, pretty-printed) reads as its JSON Lines do."""
    lines = [{"doc_id": d, "actors": [], "statements": [], "n": i} for i, d in enumerate(["a.txt", "b.txt"])]
    jsonl, array = tmp_path / "pred.jsonl", tmp_path / "pred.json"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    array.write_text("\ufeff" + json.dumps(lines, indent=2), encoding="utf-8")
    assert predictions.read_predictions(array) == predictions.read_predictions(jsonl)
    assert set(predictions.read_predictions(array)) == {"a", "b"}
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    assert predictions.read_predictions(tmp_path / "empty.json") == {}


def test_predictions_by_article_name(tmp_path):
    path = tmp_path / "pred.jsonl"
    lines = [{"doc_id": d, "actors": [], "statements": [], "n": i}
             for i, d in enumerate(["texts/a.txt", "b", "other/a.txt"])]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    records = predictions.read_predictions(path)
    assert {k: r["n"] for k, r in records.items()} == {"a": 2, "b": 1}
    with pytest.raises(ClaimlensError, match="CL002"):
        predictions.read_predictions(tmp_path / "nothing.jsonl")
    with pytest.raises(ClaimlensError, match=f"CL037 .*: {re.escape(str(tmp_path))} is a folder"):
        predictions.read_predictions(tmp_path)


# --- the command ------------------------------------------------------------------------------

def test_cli_json_and_table(kit):
    result = run("--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.jsonl", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == EXPECTED and result.stderr == ""
    table = run("--gold", kit / "gold", "--texts", kit / "texts", "-", input=json.dumps(RECORD))
    assert table.exit_code == 0
    assert "end-to-end" in table.stdout and "0.857" in table.stdout and "split 2, merged 1" in table.stdout
    (kit / "pred.json").write_text(json.dumps([RECORD], indent=2), encoding="utf-8")  # the -f json shape
    array = run("--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.json", "--json")
    assert array.exit_code == 0 and json.loads(array.stdout) == EXPECTED


def test_cli_brat(brat_dir, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(BRAT_RECORD) + "\n", encoding="utf-8")
    result = run("--brat", brat_dir, pred, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == BRAT_EXPECTED
    assert result.stderr.startswith("warning: CL036 ") and "line 17" in result.stderr
    assert run("--brat", brat_dir, pred, "--json", "--quiet").stderr == ""


def test_cli_half(kit):
    manifest = kit / "manifest.json"
    manifest.write_text(json.dumps([{"doc_id": "bridge", "half": "look"}]), encoding="utf-8")
    args = ["--gold", kit / "gold", "--texts", kit / "texts", "--manifest", manifest, kit / "pred.jsonl"]
    assert json.loads(run(*args, "--half", "look", "--json").stdout) == EXPECTED
    result = run(*args, "--half", "check")
    assert result.exit_code == 1 and "CL033" in result.stderr


def test_cli_warns_of_missing_records(kit):
    (kit / "pred.jsonl").write_text(json.dumps({**RECORD, "doc_id": "other.txt"}) + "\n", encoding="utf-8")
    result = run("--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.jsonl", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["missing_documents"] == 1
    assert result.stderr.startswith("warning: CL038 ") and "1 of 1: bridge" in result.stderr


def test_cli_warns_of_contract_problems(kit):
    broken = {**RECORD, "statements": [{**RECORD["statements"][0], "text": "not the text"}]}
    (kit / "pred.jsonl").write_text(json.dumps(broken) + "\n", encoding="utf-8")
    result = run("--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.jsonl", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["contract_problems"] == 1
    assert result.stderr.startswith("warning: CL039 ") and "bridge: statement S1: 'text'" in result.stderr


@pytest.mark.parametrize("args, code, exit_code", [
    ([], "CL009", 2),
    (["--gold", "{kit}/gold"], "CL009", 2),
    (["--gold", "{kit}/gold", "--texts", "{kit}/texts", "--brat", "{kit}"], "CL009", 2),
    (["--gold", "{kit}/gold", "--texts", "{kit}/texts", "--half", "look"], "CL009", 2),
    (["--gold", "{kit}/nowhere", "--texts", "{kit}/texts"], "CL030", 1),
    (["--brat", "{kit}"], "CL034", 1),
])
def test_cli_errors(kit, args, code, exit_code):
    result = run(*[a.format(kit=kit) for a in args], kit / "pred.jsonl")
    assert result.exit_code == exit_code
    assert result.stdout == "" and result.stderr.startswith(f"error: {code} ")


def test_cli_unexpected_failure_is_one_line(kit, monkeypatch):
    def broken(*args):
        raise RuntimeError("scorer broke")

    monkeypatch.setattr("claimlens.evaluate.score_gold", broken)
    args = ["--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.jsonl"]
    result = run(*args)
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: CL999 internal error: RuntimeError: scorer broke (run again with --debug")
    assert isinstance(run(*args, "--debug").exception, RuntimeError)


def test_cli_refuses_what_is_not_claimlens_output(kit):
    (kit / "pred.jsonl").write_text("claimlens\n", encoding="utf-8")
    result = run("--gold", kit / "gold", "--texts", kit / "texts", kit / "pred.jsonl")
    assert result.exit_code == 1 and "CL037" in result.stderr and "line 1" in result.stderr


def test_the_readme_gold_file(extractor, tmp_path):
    """README's example gold file is valid for README's example article, and scores its record."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = re.search(r"`lakeport.txt`:\n\n```text\n(.*?)\n```", readme, re.S).group(1) + "\n"
    example = re.search(r"`gold/lakeport.json`:\n\n```json\n(.*?)\n```", readme, re.S).group(1)
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "lakeport.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "lakeport.json").write_text(example, encoding="utf-8")
    articles = read_gold(tmp_path / "gold", tmp_path / "texts")
    record = extractor(text, doc_id="lakeport.txt").to_dict()
    scores = score_gold(articles, {"lakeport": record})
    assert scores.statements.gold == 6 and scores.statements.tp == 6


# --- the same figures as the evaluation kit's scorers -----------------------------------------

def jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@needs_shared
@pytest.mark.parametrize("half", [None, "look", "check"])
def test_same_figures_as_score_py(eval_articles, tmp_path, half):
    score = load_script(EVAL / "score.py")
    records = [a.to_dict() for a in eval_articles.values()]
    jsonl(tmp_path / "pred.jsonl", records)
    gold_docs = score.load_gold(EVAL / "gold", EVAL / "texts")
    args = ["--gold", EVAL / "gold", "--texts", EVAL / "texts", tmp_path / "pred.jsonl", "--json"]
    if half:
        halves = {x["doc_id"]: x["half"] for x in json.loads((EVAL / "manifest.json").read_text())}
        gold_docs = {k: v for k, v in gold_docs.items() if halves.get(k) == half}
        args += ["--manifest", EVAL / "manifest.json", "--half", half]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == score.score(gold_docs, records)


@needs_shared
@needs_polnear
def test_same_figures_as_polnear_py(polnear_records, tmp_path):
    polnear = load_script(EVAL / "polnear.py")
    jsonl(tmp_path / "pn.jsonl", polnear_records)
    result = run("--brat", POLNEAR, tmp_path / "pn.jsonl", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == polnear.score(polnear.load(POLNEAR), polnear_records)
