"""DataFrames: one row per statement, pandas as an optional extra."""
import sys

import pandas as pd
import pytest

import claimlens
from claimlens.frames import COLUMNS
from claimlens.records import Article

TEXT = "Police said the suspect had fled. The ministry denied the report. The bridge is old."
ACTOR = {"id": "A1", "name": "the Ministry", "type": "ORG", "aliases": ["the Ministry", "ministry"],
         "mentions": [{"start": 34, "end": 46, "text": "The ministry"}]}


def span(a, b):
    return {"start": a, "end": b, "text": TEXT[a:b]}


ARTICLE = Article.from_dict({
    "doc_id": "d1", "text": TEXT, "actors": [ACTOR], "sentences": [],
    "statements": [
        {"id": "S1", **span(12, 32), "label": "claim", "act": "assert", "quote": "indirect",
         "speaker": {"actor": None, **span(0, 6)}, "cue": span(7, 11)},
        {"id": "S2", **span(54, 64), "label": "denial", "act": "deny", "quote": "indirect",
         "speaker": {"actor": "A1", **span(34, 46)}, "cue": span(47, 53)},
        {"id": "S3", **span(66, 83), "label": "claim", "act": "assert", "quote": "none",
         "speaker": None, "cue": None},
        {"id": "S4", **span(66, 83), "label": "claim", "act": "assert", "quote": "indirect",
         "speaker": {"actor": None, "start": 66, "end": 66, "text": ""}, "cue": None, "anonymous": True},
    ],
})


@pytest.mark.parametrize("sid, expected", [
    ("S1", {"speaker": "Police", "actor": None, "speaker_text": "Police", "cue": "said", "label": "claim",
            "act": "assert", "quote": "indirect", "text": "the suspect had fled", "start": 12, "end": 32}),
    ("S2", {"speaker": "the Ministry", "actor": "A1", "speaker_text": "The ministry", "cue": "denied",
            "label": "denial", "act": "deny", "quote": "indirect", "text": "the report", "start": 54, "end": 64}),
    ("S3", {"speaker": None, "actor": None, "speaker_text": None, "cue": None, "label": "claim",
            "act": "assert", "quote": "none", "text": "The bridge is old", "start": 66, "end": 83}),
    ("S4", {"speaker": None, "actor": None, "speaker_text": None, "cue": None, "label": "claim",
            "act": "assert", "quote": "indirect", "text": "The bridge is old", "start": 66, "end": 83}),
])
def test_one_row_per_statement(sid, expected):
    frame = ARTICLE.to_dataframe()
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["id"]) == ["S1", "S2", "S3", "S4"]
    row = frame.set_index("id").loc[sid]
    got = {k: (None if pd.isna(v) else v) for k, v in row.items()}
    assert got == {"doc_id": "d1", **expected}
    assert TEXT[got["start"]:got["end"]] == got["text"]


def test_many_articles_in_order(extractor):
    arts = list(extractor.pipe([("The ministry denied the report.", "a"), ("", "empty"),
                                ("Police said the suspect had fled.", "b")], as_tuples=True))
    frame = claimlens.to_dataframe(arts)
    assert list(frame["doc_id"]) == ["a"] * len(arts[0].statements) + ["b"] * len(arts[2].statements)
    assert list(frame["label"]) == [s.label for a in arts for s in a.statements]
    assert frame["start"].dtype == "int64" and frame["end"].dtype == "int64"
    assert claimlens.to_dataframe(iter(arts)).equals(frame)
    assert claimlens.to_dataframe(arts[0]).equals(arts[0].to_dataframe())


def test_no_statement_gives_the_columns():
    frame = Article.from_dict({"doc_id": "e", "text": ""}).to_dataframe()
    assert frame.empty and list(frame.columns) == list(COLUMNS)
    assert claimlens.to_dataframe([]).empty


def test_without_pandas_the_error_is_cl010(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(claimlens.ClaimlensError) as e:
        ARTICLE.to_dataframe()
    assert e.value.code == "CL010" and "pip install 'claimlens[pandas]'" in str(e.value)
