"""The HTML view: Article._repr_html_, the report page, --format html, and the page in Chromium."""
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from claimlens.cli import app
from claimlens.htmlview import article_html, write_html
from claimlens.records import Article

from .helpers import SAMPLE, needs_shared
from .htmlcheck import assert_shows, read_marks

TEXTS = [
    # (text, statements as (text, label), speakers, cues)
    ("Police said the suspect had fled.", [("the suspect had fled", "claim")], ["Police"], ["said"]),
    ("The ministry denied the report.", [("the report", "denial")], ["The ministry"], ["denied"]),
    ("The ministry said Peru denied the allegations.",  # a reported denial, and the denial nested in it
     [("Peru denied the allegations", "claim"), ("the allegations", "denial")], ["The ministry", "Peru"],
     ["said", "denied"]),
    ("\u201cWe are ready,\u201d the minister said, \u201cand we will act.\u201d",  # a quote its cue splits
     [("We are ready,and we will act.", "claim")], ["the minister"], ["said"]),
    ("The bridge opened in 1932.\n\nIt is long.", [("The bridge opened in 1932", "claim"), ("It is long", "claim")],
     [], []),
    ("", [], [], []),
]


@pytest.mark.parametrize("text, statements, speakers, cues", TEXTS)
def test_fragment_marks_statements_speakers_and_cues(extractor, text, statements, speakers, cues):
    art = extractor(text, doc_id="t")
    (shown,) = read_marks(art._repr_html_()).articles
    assert_shows(art, shown)
    assert sorted(zip(shown["statements"].values(), shown["labels"].values())) == sorted(statements)
    assert sorted(shown["speakers"]) == sorted(speakers)
    assert sorted(shown["cues"]) == sorted(cues)


def _article(text, statements, sentences=(), actors=(), doc_id="made"):
    return Article.from_dict({"doc_id": doc_id, "text": text, "actors": list(actors), "sentences": list(sentences),
                              "statements": statements})


def _statement(sid, text, start, end, label="claim", speaker=None, cue=None, parts=None):
    def span(a, b):
        return {"start": a, "end": b, "text": text[a:b]}
    d = {"id": sid, **span(start, end), "label": label, "quote": "indirect" if speaker else "none",
         "speaker": {"actor": None, **span(*speaker)} if speaker else None,
         "cue": span(*cue) if cue else None}
    if parts:
        d["parts"] = [span(a, b) for a, b in parts]
    return d


CROSSING = "alpha beta gamma delta epsilon"


@pytest.mark.parametrize("statements, sentences", [
    # two statements that cross: the first is closed and reopened around the second's end
    ([_statement("S1", CROSSING, 0, 16), _statement("S2", CROSSING, 6, 22, "denial")], []),
    # a speaker that crosses a statement's end, a cue inside it
    ([_statement("S1", CROSSING, 0, 10, speaker=(6, 16), cue=(0, 5))], []),
    # the same speaker and cue for two statements; one split in two parts around them
    ([_statement("S1", CROSSING, 0, 30, speaker=(11, 16), cue=(17, 22), parts=[(0, 10), (23, 30)]),
      _statement("S2", CROSSING, 23, 30, "denial", speaker=(11, 16), cue=(17, 22))], []),
    # statements inside boilerplate and across its end; empty spans are not marked
    ([_statement("S1", CROSSING, 6, 22), _statement("S2", CROSSING, 5, 5)],
     [{"start": 0, "end": 10, "text": CROSSING[0:10], "boilerplate": True}]),
])
def test_overlapping_marks_stay_well_formed(statements, sentences):
    art = _article(CROSSING, statements, sentences)
    (shown,) = read_marks(article_html(art)).articles
    assert shown["text"] == CROSSING
    assert set(shown["statements"]) == {s.id for s in art.statements if s.start < s.end}
    for s in art.statements:
        if s.start < s.end:
            assert shown["statements"][s.id] == ("".join(p.text for p in s.parts) if s.parts else s.text)
    assert len(shown["speakers"]) == len({(s.speaker.start, s.speaker.end) for s in art.statements if s.speaker})


MARKUP = "<b>Police</b> said <script>alert('x')</script> & \"friends\" were <img src=x onerror=alert(2)>."


def test_markup_in_the_article_is_shown_as_text():
    statement = _statement("S1", MARKUP, 19, 92, speaker=(0, 13), cue=(14, 18))
    actor = {"id": "A1", "name": "<i>Police</i>", "type": "ORG", "aliases": ["<i>Police</i>"],
             "mentions": [{"start": 3, "end": 9, "text": "Police"}]}
    art = _article(MARKUP, [statement], actors=[actor], doc_id="<b>x</b>")
    assert art.statements[0].text.startswith("<script>") and art.statements[0].text.endswith("alert(2)>")
    markup = article_html(art)
    (shown,) = read_marks(markup).articles
    assert_shows(art, shown)
    assert not {"script", "img", "b", "i"} & read_marks(markup).tags
    assert "&lt;b&gt;x&lt;/b&gt;" in markup and "&lt;i&gt;Police&lt;/i&gt;" in markup


def test_repr_html_lists_actors_and_never_prints(extractor, capsys):
    art = extractor(SAMPLE.read_text(encoding="utf-8"), doc_id="sample")
    markup = art._repr_html_()
    assert capsys.readouterr() == ("", "")
    assert markup == art._repr_html_()  # deterministic
    (shown,) = read_marks(markup).articles
    assert_shows(art, shown)
    assert {s.label for s in art.statements} == {"claim", "denial"}
    for a in art.actors:
        assert f'data-actor="{a.id}"' in markup and a.name.replace("'", "&#x27;") in markup
    ids = read_marks(markup).ids
    assert len(ids) == len(set(ids))


def _assert_self_contained(page: str) -> None:
    parsed = read_marks(page)
    assert not {"script", "link", "img", "iframe", "object", "embed", "style"} & parsed.tags
    assert not re.search(r"\b(src|srcset)=", page) and "url(" not in page and "@import" not in page
    assert parsed.hrefs and all(h.startswith("#") for h in parsed.hrefs)
    assert {h[1:] for h in parsed.hrefs} <= set(parsed.ids)
    assert len(parsed.ids) == len(set(parsed.ids))


def test_page_for_many_articles(extractor, tmp_path):
    texts = [("The ministry denied the report.", "one"), ("", "empty"), ("Police said the suspect had fled.", "one")]
    arts = list(extractor.pipe(texts, as_tuples=True))
    out = tmp_path / "page.html"
    with out.open("w", encoding="utf-8") as fh:
        assert write_html(iter(arts), fh) == 3
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    _assert_self_contained(page)
    shown = read_marks(page).articles
    assert len(shown) == 3
    for art, s in zip(arts, shown):
        assert_shows(art, s)
    assert "3 articles, 2 statements, 1 denial \u00b7" in page


def test_page_with_no_article(tmp_path):
    out = tmp_path / "none.html"
    with out.open("w", encoding="utf-8") as fh:
        assert write_html([], fh) == 0
    assert read_marks(out.read_text(encoding="utf-8")).articles == []


runner = CliRunner()


@pytest.mark.parametrize("args, to_file", [
    (["--format", "html"], False),
    (["-o", "{out}"], True),           # the suffix picks html
    (["--format", "html", "-o", "{out}"], True),
])
def test_cli_html(tmp_path, args, to_file):
    second = tmp_path / "b.txt"
    second.write_text("The ministry denied the report.", encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["extract", str(SAMPLE), str(second), *[a.format(out=out) for a in args]])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8") if to_file else result.stdout
    assert result.stdout == ("" if to_file else page)
    _assert_self_contained(page)
    shown = read_marks(page).articles
    assert len(shown) == 2 and shown[1]["labels"] == {"S1": "denial"}
    assert shown[0]["text"] == SAMPLE.read_text(encoding="utf-8")


@needs_shared
def test_every_eval_article_renders(eval_articles):
    for art in eval_articles.values():
        (shown,) = read_marks(article_html(art)).articles
        assert_shows(art, shown)


CHROMIUM = shutil.which("chromium")
HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update"]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_page_in_headless_chromium(extractor, tmp_path):
    texts = [(SAMPLE.read_text(encoding="utf-8"), "samples/presstv"),
             (("Peru denied the allegations, the ministry said.\n\n\u201cWe are ready,\u201d the minister said, "
               "\u201cand we will act.\u201d <script>document.title='pwned'</script>"), "made-up")]
    arts = list(extractor.pipe(texts, as_tuples=True))
    page = tmp_path / "report.html"
    with page.open("w", encoding="utf-8") as fh:
        write_html(arts, fh)
    url = page.as_uri()

    def chromium(*args):
        done = subprocess.run([CHROMIUM, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}", *args, url],
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    dom = chromium("--dump-dom")
    shown = read_marks(dom).articles
    assert len(shown) == 2
    for art, s in zip(arts, shown):
        assert_shows(art, s)
    assert "pwned" not in dom.split("</title>")[0]
    shot = tmp_path / "report.png"
    chromium("--window-size=1100,1600", "--hide-scrollbars", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
