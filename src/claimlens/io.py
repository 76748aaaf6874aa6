"""Reading articles from files, folders and stdin, and records back from JSON Lines (writing is
:mod:`claimlens.batch`'s).

Reading turns bytes into the text that every offset indexes (:func:`read_source`,
:func:`read_bytes`):

- **Encoding.** A byte-order mark decides it (UTF-8, UTF-16, UTF-32); else UTF-8 when the bytes
  are valid UTF-8; else, when the bytes are mostly UTF-8 with a few invalid ones, UTF-8 with those
  replaced by U+FFFD (warning CL021); else charset-normalizer's detection, Windows-1252 whenever
  it is among the plausible encodings (as the WHATWG Encoding Standard reads Western legacy text,
  Latin-1 included). What charset-normalizer takes for binary data is refused (CL020).
- **Newlines** as Python's text mode reads them: ``\\r\\n`` and ``\\r`` become ``\\n``. The text is
  thus exactly ``open(path, encoding=document.encoding).read()``: a UTF-8 byte-order mark stays
  as U+FEFF at offset 0, as any reader opening the file with ``encoding="utf-8"`` sees it (the
  evaluation kit's scorers do), while the UTF-16 and UTF-32 codecs consume theirs.
- **Web pages** (``.html``, ``.htm``, or text that starts like an HTML document): the main text
  that trafilatura extracts (navigation and boilerplate dropped, a paragraph a line); offsets
  index that text, which the record carries. A page with no recognisable article text keeps all
  of its visible text (warning CL022).
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonlines

from .errors import ClaimlensError
from .prepare import analysis_text
from .records import Article

STDIN = "-"
STDIN_DOC_ID = "<stdin>"
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", *HTML_SUFFIXES)
PLAIN, HTML = "text/plain", "text/html"
BOMS = (  # UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN = "cp1252"
_HTML_START = re.compile(r"[\ufeff\s]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)
OWN_OUTPUT = "CL024"
"""The warning of a file that is claimlens's own output: skipped, never analysed as prose."""
SNIFF_BYTES = 4096
_OWN_JSON = re.compile(rb'\s*[\[{]\s*\{?\s*"(?:schema_version|doc_id)"\s*:')
_OWN_HTML = re.compile(rb'<meta name="generator" content="claimlens[ "]|<div class="claimlens" style=')
_OWN_TABLE = "\u256d\u2500 ".encode()  # the top left corner of the terminal view's first panel
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that surrogateescape kept: invalid UTF-8
_NON_ASCII = re.compile("[^\x00-\x7f]")


@dataclass(frozen=True)
class Source:
    """One article to read: ``doc_id`` as the record will carry it, ``path`` None for stdin;
    ``in_folder`` when it was found by searching a folder (then only regular files are read)."""

    doc_id: str
    path: Path | None
    in_folder: bool = False


@dataclass(frozen=True)
class Document:
    """An article as read: the text to analyse and how it was obtained."""

    doc_id: str
    text: str
    """What offsets index: the decoded text (newlines as in Python's text mode), or a web page's
    extracted article text."""
    encoding: str | None
    """The Python codec the bytes were decoded with ("utf-8", "utf-16", "cp1252", ...); None for
    a text given as such (:meth:`from_text`)."""
    media_type: str = PLAIN
    """``text/plain``, or ``text/html`` when ``text`` was extracted from a web page."""
    warnings: tuple[ClaimlensError, ...] = ()
    """Things a user should know that do not stop the article (CL005, CL021, CL022)."""

    @classmethod
    def from_text(cls, text: str, doc_id: str) -> Document:
        """A text given as such, not read from bytes (the library's and Dask's texts)."""
        empty = () if analysis_text(text).strip() else (ClaimlensError("CL005", doc_id),)
        return cls(doc_id, text, None, PLAIN, empty)

    @property
    def fields(self) -> dict[str, str]:
        """The record's top-level fields that reading decides (``doc_id``, and ``encoding`` and
        ``media_type`` for what was read from bytes): the context to pass with the text to
        ``Extractor.pipe(..., as_tuples=True)``."""
        if self.encoding is None:
            return {"doc_id": self.doc_id}
        return {"doc_id": self.doc_id, "encoding": self.encoding, "media_type": self.media_type}


def _walk(folder: Path, errors: list[OSError]) -> list[Path]:
    """Files under ``folder`` with a known suffix (any case), sorted. Symbolic links to folders
    are not followed, so a link loop cannot trap the search; folders that cannot be listed are
    added to ``errors``."""
    found = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs.sort()
        found.extend(Path(root) / f for f in files if f.lower().endswith(SUFFIXES))
    return sorted(found)


def discover(paths: Iterable[str]) -> Iterator[Source | ClaimlensError]:
    """The articles named by ``paths`` (files, folders searched recursively, '-' for stdin), in
    order; a path that names none, or a folder that cannot be listed, yields an error in its place."""
    for given in paths:
        if given == STDIN:
            yield Source(STDIN_DOC_ID, None)
            continue
        path = Path(given)
        if path.is_dir():
            errors: list[OSError] = []
            files = _walk(path, errors)
            for e in errors:
                yield ClaimlensError("CL006", f"{e.filename}: {e.strerror or e}")
            if not files and not errors:
                yield ClaimlensError("CL003", given)
            for f in files:
                yield Source(os.path.join(given, str(f.relative_to(path))), f, in_folder=True)
        elif path.exists() or path.is_symlink():
            yield Source(given, path)
        else:
            yield ClaimlensError("CL002", given)


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def _newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` as ``\\n``, as Python's text mode (universal newlines) reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text of UTF-8 damaged by a few invalid bytes (valid multi-byte characters outnumber
    invalid bytes two to one), with each invalid sequence replaced by U+FFFD; None otherwise."""
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    good = len(_NON_ASCII.findall(escaped)) - bad
    if good <= 2 * bad:
        return None
    return data.decode("utf-8", "replace"), bad


def _detected(data: bytes, name: str) -> tuple[str, str]:
    """Text and codec of bytes that are neither marked nor UTF-8, by charset-normalizer."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data, enable_fallback=False)
    if not matches:  # charset-normalizer's is_binary() is exactly this test
        raise ClaimlensError("CL020", name)
    # Windows-1252 whenever charset-normalizer finds it plausible at all: the few accented letters
    # of a short English text make DOS and Baltic code pages look as good or better ("café" as
    # "cafķ" in cp775), and an unmarked single-byte news file is most likely Western.
    candidates = [WESTERN] if any(WESTERN in m.could_be_from_charset for m in matches) else []
    for codec in [*candidates, *(m.encoding for m in matches)]:
        try:
            return data.decode(codec), _codec(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ClaimlensError("CL004", name)


def decode(data: bytes, name: str = "") -> tuple[str, str, tuple[ClaimlensError, ...]]:
    """``(text, codec, warnings)`` of a file's bytes (see the module's docstring); raises
    CL020 for binary data and CL004 when no encoding decodes it. ``name`` goes into messages."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(codec)), codec, ()
            except UnicodeDecodeError as err:
                detail = f"{name}: not {codec} after its byte-order mark (byte {err.start})"
                raise ClaimlensError("CL004", detail) from None
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return _newlines(data.decode("utf-8")), "utf-8", ()
        except UnicodeDecodeError:
            damaged = _mostly_utf8(data)
            if damaged is not None:
                text, bad = damaged
                warning = ClaimlensError("CL021", f"{name}: {bad} invalid byte{'s' * (bad != 1)}")
                return _newlines(text), "utf-8", (warning,)
    text, codec = _detected(data, name)
    return _newlines(text), codec, ()


def looks_like_html(text: str) -> bool:
    """Whether a text starts like an HTML document (a doctype or an ``<html>`` element, after
    any XML declaration and comments)."""
    return _HTML_START.match(text, 0, 4096) is not None


def html_text(markup: str, name: str = "") -> tuple[str, tuple[ClaimlensError, ...]]:
    """The article text of a web page, extracted by trafilatura (comments and tables left
    out, a paragraph a line), with CL022 when it finds none and the page's whole visible text is
    taken instead."""
    import trafilatura

    main = trafilatura.extract(markup, include_comments=False, include_tables=False, deduplicate=False)
    if main:
        return main, ()
    whole = trafilatura.baseline(markup)[1]
    return whole, ((ClaimlensError("CL022", name),) if whole.strip() else ())


def read_bytes(data: bytes, doc_id: str, *, html: bool | None = None) -> Document:
    """The :class:`Document` of a file's bytes. ``html``: True for a web page, False for plain
    text, None to tell by the text's start."""
    text, encoding, warnings = decode(data, doc_id)
    media_type = PLAIN
    if html or (html is None and looks_like_html(text)):
        text, more = html_text(text, doc_id)
        media_type, warnings = HTML, warnings + more
    if not analysis_text(text).strip():
        warnings += (ClaimlensError("CL005", doc_id),)
    return Document(doc_id, text, encoding, media_type, warnings)


def own_output(data: bytes) -> str | None:
    """What claimlens output the start of a file's bytes is, if it is: "claimlens JSON records"
    (JSON Lines or JSON whose first object starts with ``schema_version`` or ``doc_id``, as
    records and ``--errors`` lines do), "a claimlens HTML report", or "a claimlens table view";
    None for anything else."""
    head = data[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8)
    if _OWN_JSON.match(head):
        return "claimlens JSON records"
    if _OWN_HTML.search(head):
        return "a claimlens HTML report"
    if head.startswith(_OWN_TABLE):
        return "a claimlens table view"
    return None


def read_source(source: Source) -> Document:
    """The :class:`Document` of an article found by :func:`discover`. Raises
    :class:`ClaimlensError`: CL006 unreadable, CL023 not a regular file in a folder, CL020 binary,
    CL004 undecodable, CL024 claimlens's own output (:func:`own_output`; a warning: skip it)."""
    try:
        if source.path is None:
            data = sys.stdin.buffer.read()
        else:
            if source.in_folder and not stat.S_ISREG(source.path.stat().st_mode):
                raise ClaimlensError("CL023", source.doc_id)
            data = source.path.read_bytes()
    except OSError as err:
        raise ClaimlensError("CL006", f"{source.doc_id}: {err.strerror or err}") from None
    own = own_output(data)
    if own is not None:
        raise ClaimlensError(OWN_OUTPUT, f"{source.doc_id}: {own}")
    html = source.path is not None and source.path.name.lower().endswith(HTML_SUFFIXES)
    return read_bytes(data, source.doc_id, html=True if html else None)


def read_records(path: str | Path) -> Iterator[Article]:
    """The articles of a file claimlens wrote (``claimlens extract ... -o out.jsonl``, JSON Lines
    or JSON), in order: the way back from a batch run to records, DataFrames and HTML in a
    notebook. Raises as :func:`read_record_dicts` does."""
    return (article for _, article in _saved_records(path))


def read_record_dicts(path: str | Path) -> Iterator[dict]:
    """The records of a file claimlens wrote, as dicts, in order: JSON Lines (blank lines
    ignored), or one JSON document (a record, an array of records, or ``null``); ``-`` reads
    stdin. CL002 when it is not there, CL006 when it cannot be read, CL014 for anything that is
    not records."""
    return (record for record, _ in _saved_records(path))


def _saved_records(path: str | Path) -> Iterator[tuple[dict, Article]]:
    name = str(path)
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise ClaimlensError("CL002", name) from None
    except OSError as err:
        raise ClaimlensError("CL006", f"{name}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ClaimlensError("CL014", f"{name}: not UTF-8 text") from None
    try:
        values = list(jsonlines.Reader(text.splitlines(), loads=json.loads).iter(skip_empty=True))
    except ValueError:  # jsonlines.InvalidLineError is one
        try:  # one document written over several lines
            values = [json.loads(text)]
        except ValueError as err:
            raise ClaimlensError("CL014", f"{name}: not JSON Lines or JSON ({err})") from None
    if len(values) == 1 and isinstance(values[0], list):  # an array of records
        values = values[0]
    for k, value in enumerate(v for v in values if v is not None):
        where = f"{name}, record {k + 1}"
        if not (isinstance(value, dict) and isinstance(value.get("statements"), list) and "text" in value):
            raise ClaimlensError("CL014", f"{where}: not a record (an object with text and statements)")
        try:
            article = Article.from_dict(value)
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise ClaimlensError("CL014", f"{where}: {type(err).__name__}: {err}") from None
        yield value, article
