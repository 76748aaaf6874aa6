"""The terminal view: readable at 80 columns as at 120, who said what in each row."""
import pytest
from rich.console import Console

from claimlens.records import Article
from claimlens.render import article_view

TEXT = ("Maria Lopez, the mayor of Springfield, said the bridge would reopen in May. She denied the report "
        "about its costs. \u201cWe are ready,\u201d the mayor said, \u201cand we will act.\u201d Lopez "
        "said more. The bridge is old. Officials said it was safe.")


def span(text):
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def statement(sid, content, label="claim", quote="indirect", speaker=None, actor="A1", cue=None, parts=None,
              anonymous=False):
    d = {"id": sid, **span(content), "label": label, "act": "assert", "quote": quote,
         "speaker": {"actor": actor, **span(speaker)} if speaker else None,
         "cue": span(cue) if cue else None, "anonymous": anonymous}
    if parts:
        d["parts"] = [span(p) for p in parts]
    return d


ARTICLE = Article.from_dict({
    "doc_id": "made-up.txt", "text": TEXT, "sentences": [],
    "actors": [{"id": "A1", "name": "Maria Lopez", "type": "PERSON", "aliases": ["Maria Lopez", "Lopez"],
                "mentions": [span("Maria Lopez")]}],
    "statements": [
        statement("S1", "the bridge would reopen in May", speaker="Maria Lopez, the mayor of Springfield",
                  cue="said"),
        statement("S2", "the report about its costs", "denial", speaker="She", cue="denied"),
        statement("S3", "We are ready,\u201d the mayor said, \u201cand we will act.", quote="direct",
                  speaker="the mayor", cue="said", parts=["We are ready,", "and we will act."]),
        statement("S4", "more", speaker="Lopez", cue="said"),
        statement("S5", "The bridge is old", quote="none"),
        statement("S6", "it was safe", speaker="Officials", actor=None, cue="said", anonymous=True),
    ],
})


def rows(width):
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    console.print(article_view(ARTICLE))
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines)
    return lines


def row(lines, sid):
    """The lines of one statement's row, from its id to the blank line that ends it."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"\u2502  {sid} "))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip("\u2502 "))
    return [line.strip("\u2502").strip() for line in lines[start:end]]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("sid, shown, hidden", [
    ("S1", ["Maria Lopez", "claim", "indirect", "said", "the bridge would reopen"], ["Springfield"]),
    ("S2", ["Maria Lopez", "She", "denial", "denied", "the report about its costs"], []),
    ("S3", ["Maria Lopez", "the mayor", "direct", "We are ready, \u2026 and we will act."], ["the mayor said"]),
    ("S4", ["Maria Lopez", "said", "more"], ["Lopez indirect"]),  # a surname adds nothing to the name
    ("S5", ["(article)", "claim", "The bridge is old"], ["none"]),
    ("S6", ["Officials", "said", "it was safe"], []),
])
def test_each_row_says_who_said_what(width, sid, shown, hidden):
    lines = row(rows(width), sid)
    cells = "\n".join(lines)
    words = " ".join(cells.split())
    for text in shown:
        assert " ".join(text.split()) in words, (text, lines)
    for text in hidden:
        assert text not in words, (text, lines)


@pytest.mark.parametrize("width", [80, 120])
def test_names_are_never_cut_inside_a_word_and_counts_read(width):
    lines = rows(width)
    assert all("Maria Lopez" in line for line in lines if "Maria" in line or "Lopez " in line)
    assert "made-up.txt" in lines[0] and "6 statements (1 denial), 1 actor" in lines[-1]


@pytest.mark.parametrize("words", ["[/x]", "[bold]", "[link=https://example.org]", ":thumbs_up:", "[1]"])
def test_article_text_is_never_read_as_markup(words):
    text = f"The council said the vote {words} was fair."
    art = Article.from_dict({
        "doc_id": f"a{words}.txt", "text": text, "sentences": [],
        "actors": [{"id": "A1", "name": f"Council {words}", "type": "ORG", "aliases": [f"Council {words}"],
                    "mentions": []}],
        "statements": [{"id": "S1", "start": 17, "end": len(text) - 1, "text": text[17:-1], "label": "claim",
                        "act": "assert", "quote": "indirect", "cue": {"start": 12, "end": 16, "text": "said"},
                        "speaker": {"actor": "A1", "start": 0, "end": 11, "text": "The council"}}],
    })
    console = Console(width=200, record=True, force_terminal=False, color_system=None)
    console.print(article_view(art))
    shown = console.export_text()
    assert f"the vote {words} was fair" in shown and f"Council {words}" in shown and f"a{words}.txt" in shown
