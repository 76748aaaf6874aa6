"""Whatever a newsroom folder holds: odd characters, odd quotes, long runs and sentences, and a
folder of every kind of file through `claimlens extract`, offline."""
import codecs
import json
import os

import jsonschema
import pytest
from typer.testing import CliRunner

import claimlens
from claimlens.cli import app

from .helpers import assert_offsets

runner = CliRunner()


def statements(art):
    return [(s.text, s.speaker.text if s.speaker else None, s.label) for s in art.statements]


@pytest.mark.parametrize("text, expected", [
    # invisible characters do not hide words from the model; records keep them in the text
    ("\ufeffPeru denied the report.", [("the report", "Peru", "denial")]),
    ("Police\u200b said\u200b the suspect\u200e had fled.", [("the suspect\u200e had fled", "Police", "claim")]),
    ("\x00\x01Police said \x1b the suspect had fled.\x7f", [("the suspect had fled", "Police", "claim")]),
    ("\u202bThe minister said the plan was dead.\u202c", [("the plan was dead", "The minister", "claim")]),
    ("Police said the suspect had fled.\rThe minister denied it.",
     [("the suspect had fled", "Police", "claim"), ("it", "The minister", "denial")]),
    ("Police said the suspect had fled.\u2028The minister denied it.",
     [("the suspect had fled", "Police", "claim"), ("it", "The minister", "denial")]),
    # the same sentences without those characters, for comparison
    ("Police said the suspect had fled.", [("the suspect had fled", "Police", "claim")]),
])
def test_invisible_and_control_characters(extractor, text, expected):
    art = extractor(text)
    assert art.text == text
    assert_offsets(art)
    assert statements(art) == expected


@pytest.mark.parametrize("text", [
    "\u201cUnclosed quote, said the minister.",
    "\"Unclosed straight quote,\" he said, \"and another",
    "Mixed \u201cquotes\" and \u2018single\" marks,\u201d she said.",
    "\u201d\u201c\u201d\u201c backwards \u201d\u201c",
    "\"\"\"\" '''' \u00ab\u00bb \u201e\u201c \u2039\u203a `` ''",
    "It's rock 'n' roll,' she said' ''' don't'",
    "\u00ab Le ministre a d\u00e9menti \u00bb, said the paper. \u300c\u5f15\u7528\u300d he said.",
    "\"\n\"\n\"",
    "\u201c" * 300 + "\u201d" * 299,
])
def test_odd_quote_marks(extractor, text):
    art = extractor(text)
    assert art.text == text
    assert_offsets(art)


@pytest.mark.parametrize("text", [
    "Police \U0001F46E said the suspect \U0001F3C3 had fled \U0001F600. \U0001F468\u200d\U0001F469\u200d\U0001F467 "
    "\U0001F1EB\U0001F1F7 \U0001F44D\U0001F3FD",
    "\u05d4\u05e9\u05e8 \u05d0\u05de\u05e8 that \u0627\u0644\u0648\u0632\u064a\u0631 said \u0642\u0627\u0644 it.",
    "Cafe\u0301 owners said the 1\u20442 price was \u2163 times \ufb01ne.",
    "!" * 5000,
    "\U0001F600" * 3000,
    "-" * 2000 + "\n" + "." * 2000,
    " ".join(["the minister said that police denied claims about a plan"] * 300),  # one 3,000-word sentence
    "\n" * 5000 + "Police said it." + " " * 5000,
    "\t\x0b\x0c\r\n\u00a0\u2000\u3000",
])
def test_long_runs_scripts_and_emoji(extractor, text):
    art = extractor(text)
    assert art.text == text
    assert_offsets(art)
    jsonschema.validate(art.to_dict(), claimlens.json_schema())


PAGE = ("<!DOCTYPE html><html><head><title>T</title></head><body><nav>Home | World</nav><article>"
        "<p>The finance minister resigned on Tuesday, officials said.</p>"
        "<p>Her spokesman denied the report about the budget.</p></article></body></html>")
BODY = "The minister said the \u201cplan\u201d was dead \u2014 officials\u2019 caf\u00e9 closed.\n"


def newsroom_folder(root):
    """A folder of everything: {name: expected} with a record's encoding and media type, or an
    error code."""
    root.mkdir()
    (root / "sub").mkdir()
    files = {
        "utf8.txt": (BODY.encode(), ("utf-8", "text/plain")),
        "utf8-bom.txt": (codecs.BOM_UTF8 + BODY.encode(), ("utf-8", "text/plain")),
        "utf16.txt": (BODY.encode("utf-16"), ("utf-16", "text/plain")),
        "windows.txt": ((BODY * 3).replace("\n", "\r\n").encode("cp1252"), ("cp1252", "text/plain")),
        "latin1.TXT": ("Le caf\u00e9, a dit le ministre \u00e0 Gen\u00e8ve.".encode("latin-1"),
                       ("cp1252", "text/plain")),
        "page.html": (PAGE.encode(), ("utf-8", "text/html")),
        "sub/page.htm": (PAGE.encode("utf-16"), ("utf-16", "text/html")),
        "sub/saved-page.txt": (PAGE.encode(), ("utf-8", "text/html")),
        "empty.txt": (b"", ("utf-8", "text/plain")),
        "blank.txt": (b" \r\n\t\n", ("utf-8", "text/plain")),
        "controls.txt": ("\u202bPolice\u200b said \x1b the \U0001F600 suspect had fled.\u202c".encode(),
                         ("utf-8", "text/plain")),
        "quotes.txt": ("\u201cUnclosed, he said. \"Odd\" 'mixed\u201d quotes\u2019 \u00ab".encode(),
                       ("utf-8", "text/plain")),
        "long.txt": ("\n\n".join(["Officials in the capital said the plan would be announced soon."] * 80).encode(),
                     ("utf-8", "text/plain")),
        "image.txt": (bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4, "CL020"),
        "bad-mark.txt": (codecs.BOM_UTF8 + b"caf\xe9", "CL004"),
        "notes.md": (b"not an article", None),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    os.symlink(root, root / "sub" / "loop")                      # a folder loop
    os.symlink("self.txt", root / "self.txt")                    # a file loop
    os.symlink("nowhere.txt", root / "dangling.txt")
    os.mkfifo(root / "sub" / "pipe.txt")
    expected = {name: want for name, (_, want) in files.items() if want is not None}
    expected.update({"self.txt": "CL006", "dangling.txt": "CL006", "sub/pipe.txt": "CL023"})
    return expected


def test_newsroom_folder_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.setattr("claimlens.api.CHUNK_CHARS", 2000)  # long.txt (5,000 characters) goes in pieces
    folder = tmp_path / "in"
    expected = newsroom_folder(folder)
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr
    records = {os.path.relpath(r["doc_id"], folder): r for r in map(json.loads, result.stdout.splitlines())}
    lines = result.stderr.strip().splitlines()
    errors = {}
    for line in lines:
        if line.startswith("error: "):
            code = line.split()[1]
            name = next(n for n in expected if f"{folder / n}" in line)
            errors[name] = code
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert len(records) + len(errors) == len(expected) == len(records) + len(lines) - len(warnings)
    for name, want in expected.items():
        if isinstance(want, str):
            assert errors.get(name) == want, name
            continue
        record = records[name]
        assert (record["encoding"], record["media_type"]) == want, name
        jsonschema.validate(record, claimlens.json_schema())
        assert_offsets(claimlens.Article.from_dict(record))
    assert "The finance minister resigned" in records["page.html"]["text"]
    assert records["windows.txt"]["text"] == BODY * 3  # offsets index the text as Python reads the file
    assert records["utf8-bom.txt"]["text"] == "\ufeff" + BODY
    assert len(records["long.txt"]["sentences"]) == 80
    assert sorted(w.split()[1] for w in warnings) == ["CL005", "CL005"]  # empty.txt and blank.txt


def test_nothing_is_fetched_from_the_network(tmp_path):
    from pytest_socket import disable_socket, enable_socket

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Police said the suspect had fled.", encoding="utf-8")
    (folder / "b.html").write_text(PAGE, encoding="utf-8")
    disable_socket()
    try:
        result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])  # loads the model too
    finally:
        enable_socket()
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["media_type"] for line in result.stdout.splitlines()] == ["text/plain", "text/html"]


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_one_coded_line_and_a_traceback_only_with_debug(monkeypatch, tmp_path, debug):
    def broken(self, *args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr("claimlens.api.Extractor.__init__", lambda self, model=None: None)
    monkeypatch.setattr("claimlens.api.Extractor.pipe", broken)
    (tmp_path / "a.txt").write_text("Police said it.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), *(["--debug"] if debug else [])])
    assert result.exit_code == 1
    line = (f"error: CL999 internal error: {tmp_path / 'a.txt'}: RuntimeError: something broke "
            "(run again with --debug and report the traceback)")
    if debug:  # the document's traceback, then its one line
        assert result.stderr.startswith("Traceback (most recent call last):")
        assert 'raise RuntimeError("something broke")' in result.stderr
        assert result.stderr.rstrip("\n").endswith(line)
    else:
        assert result.stderr == line + "\n"
