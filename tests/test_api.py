"""The library API: extract, Extractor, pipe, model resolution."""
import json

import pytest

import claimlens
from claimlens.api import FALLBACK_MODELS, resolve_model

from .helpers import SAMPLE


def test_extract_gives_an_article():
    art = claimlens.extract("Police said the suspect had fled.", doc_id="x")
    assert isinstance(art, claimlens.Article)
    assert art.doc_id == "x" and art.text == "Police said the suspect had fled."
    (s,) = art.statements
    assert (s.text, s.cue.text, s.speaker.text, s.quote) == ("the suspect had fled", "said", "Police", "indirect")


def test_pipe_keeps_order_and_ids(extractor):
    texts = [("A said B.", "1"), ("", "2"), (SAMPLE.read_text(encoding="utf-8"), "3")]
    arts = list(extractor.pipe(texts, as_tuples=True))
    assert [a.doc_id for a in arts] == ["1", "2", "3"]
    assert arts[1].statements == () and arts[2].statements
    plain = list(extractor.pipe(["Peru denied it."]))
    assert plain[0].statements[0].label == "denial"


def test_same_result_from_call_and_pipe(extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    assert extractor(text, "s").to_dict() == next(extractor.pipe([(text, "s")], as_tuples=True)).to_dict()


def test_model_resolution(monkeypatch):
    monkeypatch.delenv("CLAIMLENS_MODEL", raising=False)
    assert resolve_model("explicit") == "explicit"
    assert resolve_model(None) in FALLBACK_MODELS
    monkeypatch.setenv("CLAIMLENS_MODEL", "from_env")
    assert resolve_model(None) == "from_env"


def test_missing_model_error():
    with pytest.raises(claimlens.ClaimlensError) as e:
        claimlens.Extractor("no_such_pipeline_xyz")
    assert e.value.code == "CL001" and "pip install" in str(e.value)


def test_library_never_prints(capsys):
    claimlens.extract(SAMPLE.read_text(encoding="utf-8"))
    assert capsys.readouterr() == ("", "")


def test_read_records_gives_back_the_articles(extractor, tmp_path):
    from typer.testing import CliRunner

    from claimlens.cli import app

    out = tmp_path / "out.jsonl"
    assert CliRunner().invoke(app, ["extract", str(SAMPLE), "-o", str(out), "-j", "1"]).exit_code == 0
    (art,) = claimlens.read_records(out)
    assert art == extractor(SAMPLE.read_text(encoding="utf-8"), doc_id=str(SAMPLE))
    assert art.extra["encoding"] == "utf-8"
    as_json = tmp_path / "out.json"  # what render reads, read_records reads: a JSON record too
    as_json.write_text(json.dumps(art.to_dict(), indent=2), encoding="utf-8")
    assert list(claimlens.read_records(as_json)) == [art]


@pytest.mark.parametrize("content, code", [
    ("Mayor Lena Ortiz said so.\n", "CL014"), ('{"doc_id": "a"}\n', "CL014"), (None, "CL002")])
def test_read_records_of_what_is_not_records(tmp_path, content, code):
    path = tmp_path / "x.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(claimlens.ClaimlensError) as caught:
        list(claimlens.read_records(path))
    assert caught.value.code == code
