"""Reading: encodings, newlines, web pages, binary and empty files, folders and special files."""
import codecs
import os
import sys
import threading

import pytest

from claimlens.errors import ClaimlensError
from claimlens.io import Source, decode, discover, looks_like_html, read_bytes, read_source

BODY = "The minister said the \u201cplan\u201d was dead \u2014 officials\u2019 caf\u00e9 closed.\nIt is na\u00efve.\n"
FRENCH = "Le caf\u00e9 est ferm\u00e9, a dit le ministre \u00e0 Gen\u00e8ve.\n"
WESTERN = [
    "The minister said the caf\u00e9 was closed and the na\u00efve plan failed.\n",
    "Se\u00f1or Garc\u00eda said the price was \u00a340, not \u20ac50.\n",
    "The r\u00e9sum\u00e9 of the prot\u00e9g\u00e9 was reviewed by the committee on Monday.\n",
    "Zo\u00eb M\u00fcller, the director, said the fa\u00e7ade would be restored.\n",
    "El ministro dijo que la reuni\u00f3n se celebr\u00f3 en Bogot\u00e1.\n",
]


@pytest.mark.parametrize("data, text, encoding", [
    (BODY.encode("utf-8"), BODY, "utf-8"),
    # a UTF-8 byte-order mark stays, as open(path, encoding="utf-8") reads it
    (codecs.BOM_UTF8 + BODY.encode("utf-8"), "\ufeff" + BODY, "utf-8"),
    (BODY.encode("utf-16"), BODY, "utf-16"),                       # the codec writes and consumes a mark
    (codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), BODY, "utf-16"),
    (BODY.encode("utf-32"), BODY, "utf-32"),
    (BODY.encode("cp1252"), BODY, "cp1252"),
    (FRENCH.encode("latin-1"), FRENCH, "cp1252"),                  # Latin-1 read as its superset
    (b"caf\xe9 au lait", "caf\u00e9 au lait", "cp1252"),
    # short Western texts that DOS, Mac and Baltic code pages read as well or better
    *[(text.encode("cp1252"), text, "cp1252") for text in WESTERN],
    (("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, "
      "\u0447\u0442\u043e \u043f\u043b\u0430\u043d \u043f\u0440\u043e\u0432\u0430\u043b\u0438\u043b\u0441\u044f. "
      * 3).encode("cp1251"),
     "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, "
     "\u0447\u0442\u043e \u043f\u043b\u0430\u043d \u043f\u0440\u043e\u0432\u0430\u043b\u0438\u043b\u0441\u044f. " * 3,
     "cp1251"),                                                    # not every legacy file is Western
    (("\u039f \u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b5\u03af\u03c0\u03b5 "
      "\u03cc\u03c4\u03b9 \u03c4\u03bf \u03c3\u03c7\u03ad\u03b4\u03b9\u03bf "
      "\u03b1\u03c0\u03ad\u03c4\u03c5\u03c7\u03b5.").encode("cp1253"),
     "\u039f \u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b5\u03af\u03c0\u03b5 "
     "\u03cc\u03c4\u03b9 \u03c4\u03bf \u03c3\u03c7\u03ad\u03b4\u03b9\u03bf "
     "\u03b1\u03c0\u03ad\u03c4\u03c5\u03c7\u03b5.", "cp1253"),
    (BODY.encode("utf-16-le"), BODY, "utf-16-le"),                 # no mark: charset-normalizer tells
    (b"a\r\nb\rc\n", "a\nb\nc\n", "utf-8"),                        # newlines as Python's text mode reads them
    (b"", "", "utf-8"),
])
def test_decode(tmp_path, data, text, encoding):
    got, codec, warnings = decode(data)
    assert (got, codec, warnings) == (text, encoding, ())
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with open(path, encoding=codec) as fh:  # the contract: offsets index exactly this
        assert fh.read() == got


def test_damaged_utf8_keeps_its_text_and_warns():
    data = BODY.encode("utf-8") * 3 + b" caf\xe9\n"
    text, codec, warnings = decode(data, "x.txt")
    assert codec == "utf-8" and text == BODY * 3 + " caf\ufffd\n"
    assert [w.code for w in warnings] == ["CL021"] and "x.txt: 1 invalid byte" in str(warnings[0])


@pytest.mark.parametrize("data, code", [
    (bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4, "CL020"),  # an image
    (b"%PDF-1.4\n" + bytes((i * 31) % 256 for i in range(2000)), "CL020"),
    (b"\x00\x01\x02", "CL020"),
    (codecs.BOM_UTF8 + b"caf\xe9", "CL004"),                        # not what its mark says
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "CL004"),                   # a lone surrogate
])
def test_undecodable(data, code):
    with pytest.raises(ClaimlensError) as e:
        decode(data, "bad.txt")
    assert e.value.code == code and "bad.txt" in str(e.value)


@pytest.mark.parametrize("text, html", [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("\ufeff  \n<html lang='en'><p>x</p></html>", True),
    ("<?xml version='1.0'?>\n<!-- saved -->\n<!doctype HTML>\n<html>", True),
    ("<html>", True),
    ("Police said <html> was a tag.", False),
    ("<p>a paragraph, not a page</p>", False),
    ("<htmlish>", False),
    ("", False),
])
def test_looks_like_html(text, html):
    assert looks_like_html(text) is html


PAGE = """<!DOCTYPE html><html><head><title>Minister quits | Daily Example</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/politics">Politics</a></nav>
<article><h1>Minister resigns over budget row</h1>
<p>The finance minister resigned on Tuesday, officials said.</p>
<p>&ldquo;I cannot defend this budget,&rdquo; she told reporters. The opposition denied any role.</p>
<p>Her spokesman said the decision was final &amp; irrevocable.</p></article>
<footer>Copyright 2024 Daily Example. All rights reserved.</footer></body></html>"""
CURLY_PAGE = PAGE.replace("&ldquo;", "\u201c").replace("&rdquo;", "\u201d")


@pytest.mark.parametrize("data, html, encoding", [
    (PAGE.encode("utf-8"), True, "utf-8"),
    (PAGE.encode("utf-8"), None, "utf-8"),           # a .txt that holds a page: told by its start
    (CURLY_PAGE.encode("cp1252"), True, "cp1252"),
    (CURLY_PAGE.encode("utf-16"), None, "utf-16"),
])
def test_web_page_main_text(data, html, encoding):
    doc = read_bytes(data, "page", html=html)
    assert (doc.media_type, doc.encoding, doc.warnings) == ("text/html", encoding, ())
    assert "\u201cI cannot defend this budget,\u201d she told reporters." in doc.text
    assert "final & irrevocable" in doc.text
    for furniture in ("Copyright", "<p>", "Politics", "Daily Example"):
        assert furniture not in doc.text
    assert doc.fields == {"doc_id": "page", "encoding": encoding, "media_type": "text/html"}


@pytest.mark.parametrize("markup, text, codes", [
    ("<html><body></body></html>", "", ["CL005"]),
    ("<html><body><div>Police said the suspect had fled.<br>The minister denied it.</div></body></html>",
     None, []),
])
def test_web_page_without_article_text(markup, text, codes):
    doc = read_bytes(markup.encode(), "p.html", html=True)
    assert [w.code for w in doc.warnings] == codes
    if text is not None:
        assert doc.text == text
    else:
        assert "Police said the suspect had fled." in doc.text


def test_web_page_of_navigation_only_keeps_its_text_and_warns(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    doc = read_bytes(b"<html><body><p>Police said the suspect had fled.</p></body></html>", "p.html", html=True)
    assert doc.text == "Police said the suspect had fled."
    assert [w.code for w in doc.warnings] == ["CL022"]


@pytest.mark.parametrize("data, codes", [
    (b"", ["CL005"]),
    (b"  \n\t\r\n", ["CL005"]),
    (codecs.BOM_UTF8 + b"\n", ["CL005"]),              # Notepad's empty file
    ("\u200b\u200e\n".encode(), ["CL005"]),           # only invisible characters
    (b"x", []),
])
def test_empty_is_a_warning(data, codes):
    doc = read_bytes(data, "e.txt")
    assert [w.code for w in doc.warnings] == codes


def test_plain_text_stays_plain():
    doc = read_bytes(b"Police said <b> tags </b> are odd.", "t.txt")
    assert (doc.text, doc.media_type) == ("Police said <b> tags </b> are odd.", "text/plain")


def test_discover_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "A.TXT", "sub/c.html", "sub/d.htm", "notes.md", "e.txt.bak"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(discover([str(tmp_path)]))
    assert [os.path.relpath(s.doc_id, tmp_path) for s in found] == ["A.TXT", "b.txt", "sub/c.html", "sub/d.htm"]
    assert all(s.in_folder for s in found)


def test_discover_survives_link_loops_and_names_what_it_cannot_read(tmp_path):
    (tmp_path / "a.txt").write_text("Police said it.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")               # a folder loop: not followed
    os.symlink("self.txt", tmp_path / "self.txt")                # a link to itself
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")                             # reading it would block
    sources = list(discover([str(tmp_path)]))
    assert [os.path.basename(s.doc_id) for s in sources] == ["a.txt", "dangling.txt", "pipe.txt", "self.txt"]
    outcomes = {}
    for s in sources:
        try:
            outcomes[os.path.basename(s.doc_id)] = read_source(s).text
        except ClaimlensError as e:
            outcomes[os.path.basename(s.doc_id)] = e.code
    assert outcomes == {"a.txt": "Police said it.", "dangling.txt": "CL006", "pipe.txt": "CL023", "self.txt": "CL006"}


def test_unlistable_folder_is_an_error_in_its_place(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(discover([str(tmp_path)]))
    assert [i.code for i in items if isinstance(i, ClaimlensError)] == ["CL006"]
    assert "locked" in str(items[0]) and "Permission denied" in str(items[0])
    assert [os.path.basename(i.doc_id) for i in items if isinstance(i, Source)] == ["a.txt"]


def test_unreadable_file_is_cl006(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", denied)
    with pytest.raises(ClaimlensError) as e:
        read_source(Source(str(path), path, in_folder=True))
    assert e.value.code == "CL006" and "Permission denied" in str(e.value)


def test_named_pipe_given_by_name_is_read(tmp_path):
    path = tmp_path / "fifo"
    os.mkfifo(path)
    writer = threading.Thread(target=path.write_bytes, args=("Police said it.".encode("utf-16"),))
    writer.start()
    doc = read_source(Source(str(path), path))
    writer.join()
    assert (doc.text, doc.encoding) == ("Police said it.", "utf-16")


def test_stdin_is_decoded_like_a_file(monkeypatch):
    import io as stdio

    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO("caf\u00e9 said it".encode("cp1252"))))
    doc = read_source(Source("<stdin>", None))
    assert (doc.text, doc.encoding) == ("caf\u00e9 said it", "cp1252")


def test_schema_knows_the_reading_fields():
    import jsonschema

    import claimlens

    record = {"schema_version": "1.0", "doc_id": "x", "actors": [], "statements": [],
              "encoding": "cp1252", "media_type": "text/html"}
    jsonschema.validate(record, claimlens.json_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**record, "media_type": "application/pdf"}, claimlens.json_schema())


def test_documents_and_errors_cross_process_boundaries():
    import pickle

    doc = read_bytes(b"", "e.txt")
    assert pickle.loads(pickle.dumps(doc)) == doc and doc.warnings[0].code == "CL005"
    err = ClaimlensError("CL020", "x.bin")
    assert str(pickle.loads(pickle.dumps(err))) == str(err)
