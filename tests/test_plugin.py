"""The spaCy plugin: factories found through the ``spacy_factories`` entry points, results on
``doc.spans["claimlens"]`` and ``Doc._.claimlens``, ``nlp.pipe(n_process=2)``, DocBin."""
import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

import claimlens
from claimlens.api import resolve_model
from claimlens.records import Article, text_sha256

from .helpers import SAMPLE

# Fresh interpreters that never import claimlens themselves: spaCy finds the factories
# through the package's entry points.
MAKE = r"""
import json, sys
import spacy
from spacy.tokens import DocBin

model, folder = sys.argv[1], sys.argv[2]
nlp = spacy.load(model)
modules = sorted(m for m in sys.modules if m == "pandas" or m.startswith("claimlens"))
nlp.add_pipe("claimlens_paragraphs", before="parser")
nlp.add_pipe("claimlens")
texts = json.load(sys.stdin)
docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
DocBin(store_user_data=True, docs=docs).to_disk(folder + "/docs.spacy")
nlp.to_disk(folder + "/pipeline")
print(json.dumps({
    "modules": modules,
    "pipe_names": nlp.pipe_names,
    "docs": [{"spans": [[s.start_char, s.end_char, s.label_, s.id_] for s in d.spans["claimlens"]],
              "record": d._.claimlens} for d in docs],
}))
"""

READ = r"""
import json, sys
import spacy
from spacy.tokens import DocBin

folder = sys.argv[1]
nlp = spacy.load(folder + "/pipeline")
docs = list(DocBin().from_disk(folder + "/docs.spacy").get_docs(nlp.vocab))
fresh = nlp(docs[0].text)
print(json.dumps({
    "pipe_names": nlp.pipe_names,
    "docs": [{"spans": [[s.start_char, s.end_char, s.label_, s.id_] for s in d.spans["claimlens"]],
              "record": d._.claimlens} for d in docs + [fresh]],
}))
"""

TEXTS = [
    SAMPLE.read_text(encoding="utf-8"),
    "The ministry denied the report.\n\nPolice said the suspect had fled.",
    "\"We will not negotiate,\" the spokeswoman told reporters.",
    "",
]


def _run(script: str, *args: str, stdin: str = "") -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], input=stdin, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def _expected(extractor, text: str) -> tuple[list, dict]:
    art = extractor(text)
    spans = [[s.start, s.end, s.label.upper(), s.id] for s in art.statements]
    return spans, art.to_dict()


def _as_article(record: dict, text: str) -> dict:
    return Article.from_dict({**record, "doc_id": "", "text": text, "text_sha256": text_sha256(text)}).to_dict()


@pytest.fixture(scope="module")
def plugin_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plugin")
    made = _run(MAKE, resolve_model(None), str(folder), stdin=json.dumps(TEXTS))
    read = _run(READ, str(folder))
    return made, read


def test_entry_points_register_the_factories_with_light_imports(plugin_runs):
    made, read = plugin_runs
    assert "claimlens.components" in made["modules"]
    assert not {"pandas", "claimlens.cli", "claimlens.render", "claimlens.htmlview",
                "claimlens.attribution"} & set(made["modules"])
    assert made["pipe_names"][-1] == "claimlens"
    assert read["pipe_names"] == made["pipe_names"]


def test_n_process_gives_the_extractors_results(plugin_runs, extractor):
    made, _ = plugin_runs
    assert len(made["docs"]) == len(TEXTS)
    for text, doc in zip(TEXTS, made["docs"]):
        spans, record = _expected(extractor, text)
        assert doc["spans"] == spans
        assert _as_article(doc["record"], text) == record
    assert made["docs"][0]["spans"] and made["docs"][-1]["spans"] == []


def test_docbin_round_trip_in_a_fresh_process(plugin_runs):
    made, read = plugin_runs
    assert [d["spans"] for d in read["docs"][:-1]] == [d["spans"] for d in made["docs"]]
    for text, before, after in zip(TEXTS, made["docs"], read["docs"]):
        assert _as_article(after["record"], text) == _as_article(before["record"], text)
    # the saved pipeline, loaded afresh, still runs the component
    assert read["docs"][-1] == read["docs"][0]


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load(resolve_model(None))
    pipeline.add_pipe("claimlens")
    return pipeline


@pytest.mark.parametrize("text, spans", [
    ("The ministry denied the report.", [("the report", "DENIAL")]),
    ("Police said the suspect had fled.", [("the suspect had fled", "CLAIM")]),
    ("The bridge opened in 1932.", [("The bridge opened in 1932", "CLAIM")]),
    ("Officials did not deny the reports.", [("the reports", "CLAIM")]),
    ("", []),
])
def test_spans_and_plain_data(nlp, text, spans):
    doc = nlp(text)
    group = doc.spans["claimlens"]
    assert [(s.text, s.label_) for s in group] == spans
    record = doc._.claimlens
    assert [s["id"] for s in record["statements"]] == [s.id_ for s in group]
    for span, statement in zip(group, record["statements"]):
        assert (span.start_char, span.end_char) == (statement["start"], statement["end"])
        assert text[span.start_char:span.end_char] == statement["text"] == span.text
        for key in ("speaker", "cue"):
            if statement[key] is not None:
                part = statement[key]
                assert text[part["start"]:part["end"]] == part["text"]


def test_speaker_and_cue_on_the_doc(nlp):
    doc = nlp("Police said the suspect had fled.")
    (statement,) = doc._.claimlens["statements"]
    assert statement["speaker"] == {"actor": "A1", "start": 0, "end": 6, "text": "Police"}
    assert doc._.claimlens["actors"][0]["name"] == "Police"
    assert statement["cue"] == {"start": 7, "end": 11, "text": "said"}


def test_docbin_round_trip_in_process(nlp):
    texts = ["The ministry denied the report.", "Police said the suspect had fled."]
    docs = list(nlp.pipe(texts))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    again = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for before, after in zip(docs, again):
        assert [(s.start_char, s.end_char, s.label_, s.id_) for s in after.spans["claimlens"]] == \
               [(s.start_char, s.end_char, s.label_, s.id_) for s in before.spans["claimlens"]]
        assert Article.from_doc(after) == Article.from_doc(before)


def test_article_from_doc(nlp):
    art = Article.from_doc(nlp("The ministry denied the report."), doc_id="d")
    assert art.doc_id == "d" and art.statements[0].label == "denial"


def test_article_from_an_unprocessed_doc_is_cl011():
    with pytest.raises(claimlens.ClaimlensError) as e:
        Article.from_doc(spacy.blank("en")("Police said so."))
    assert e.value.code == "CL011" and "add_pipe" in str(e.value)


def test_a_pipeline_without_parser_and_ner_is_cl008():
    with pytest.raises(claimlens.ClaimlensError) as e:
        spacy.blank("en").add_pipe("claimlens")
    assert e.value.code == "CL008" and "ner" in str(e.value) and "parser" in str(e.value)
