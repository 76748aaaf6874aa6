"""A run never harms its inputs, writes exactly what -o says, and outlives a dying worker
(real processes where a process must die, a write must fail, or two runs must meet)."""
from __future__ import annotations

import csv
import io as stdio
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimlens import ClaimlensError, batch
from claimlens.cli import app

from .htmlcheck import read_marks
from .test_batch import corpus, lines

runner = CliRunner()
CLAIMLENS = str(Path(sys.executable).parent / "claimlens")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

ARTICLE = "The mayor said the road was closed.\n"
DENIAL = "Police denied the report.\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input, prog_name="claimlens")


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- 1. an output never overwrites an input ----------------------------------------------

@pytest.mark.parametrize("make, output", [
    (lambda d: None, "a.txt"),                                  # the same path
    (lambda d: None, "./sub/../a.txt"),                         # the same file by another path
    (lambda d: (d / "link.txt").symlink_to("a.txt"), "link.txt"),   # through a symbolic link
    (lambda d: os.link(d / "a.txt", d / "hard.txt"), "hard.txt"),   # a hard link
])
@pytest.mark.parametrize("option", [["-f", "jsonl", "-o"], ["-f", "json", "-o"], ["-f", "csv", "-o"],
                                    ["-f", "table", "-o"], ["-o", "out.jsonl", "--errors"]])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path, monkeypatch, make, output,
                                                                           option):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    make(tmp_path)
    before = files(tmp_path)
    result = run("extract", "a.txt", *option, output)
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: CL007 output cannot be written: {output} is the input a.txt")
    assert files(tmp_path) == before  # the article intact, no output, no lock or temporary file left


def test_stdin_redirected_from_the_output_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    with src.open("rb") as stdin:
        done = subprocess.run([CLAIMLENS, "extract", "-", "-f", "jsonl", "-o", str(src)], stdin=stdin,
                              capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and done.stderr.startswith(f"error: CL007 output cannot be written: {src} is the "
                                                            "input <stdin>")
    assert src.read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "html", "table"])
def test_a_device_is_written_as_it_is(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "-f", fmt, "-o", os.devnull)
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_an_article_in_a_folder_is_refused_as_output_too(tmp_path):
    folder = corpus(tmp_path, 3)
    victim = min(folder.rglob("*.txt"))
    before = files(folder)
    result = run("extract", str(folder), "-f", "jsonl", "-o", str(victim))
    assert result.exit_code == 1 and "CL007" in result.stderr
    assert files(folder) == before


def test_a_new_output_inside_an_input_folder_is_fine(tmp_path):
    folder = corpus(tmp_path, 2)
    result = run("extract", str(folder), "-o", str(folder / "out.jsonl"))
    assert result.exit_code == 0, result.stderr
    assert len(lines(folder / "out.jsonl")) == 2


# --- 2. a run never reads its own outputs ------------------------------------------------

@pytest.mark.parametrize("output, extra", [
    ("report.html", []), ("out.jsonl", []), ("table.txt", ["-f", "table"]), ("out.csv", []),
    ("out.json", []), ("records/", []), ("out.jsonl", ["--errors", "{folder}/errors.txt"]),
])
def test_running_twice_into_the_input_folder_reads_no_output(tmp_path, output, extra):
    folder = corpus(tmp_path, 2)
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 4)  # a failure, for --errors
    args = ["extract", str(folder), "-o", str(folder / output), *[a.format(folder=folder) for a in extra]]
    first = run(*args)
    assert first.exit_code == 1 and "Traceback" not in first.stderr
    written = files(folder)
    second = run(*args)
    assert second.exit_code == 1
    assert second.stderr == first.stderr  # no warning about, nor error from, the first run's output
    assert files(folder) == written     # the same outputs: the first run's were not read as articles


@pytest.mark.parametrize("name, make", [
    ("out.jsonl", lambda src, tmp: run("extract", str(src), "-o", str(tmp / "out.jsonl"))),
    ("out.json", lambda src, tmp: run("extract", str(src), str(src), "-o", str(tmp / "out.json"))),
    ("one.json", lambda src, tmp: run("extract", str(src), "-o", str(tmp / "one.json"))),
    ("report.html", lambda src, tmp: run("extract", str(src), "-o", str(tmp / "report.html"))),
    ("errors.txt", lambda src, tmp: run("extract", str(tmp / "missing.txt"), "--errors", str(tmp / "errors.txt"))),
    ("table.txt", lambda src, tmp: run("extract", str(src), "-f", "table", "-o", str(tmp / "table.txt"))),
])
def test_claimlens_output_named_as_input_is_skipped_with_a_warning(tmp_path, name, make):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    make(src, tmp_path)
    saved = tmp_path / name
    assert saved.exists()
    result = run("extract", str(saved), str(src), "-f", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == [str(src)]
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(f"warning: CL024 claimlens's own output, not an article: skipped: {saved}")


@pytest.mark.parametrize("text", [
    "{the mayor said, in braces, that the road was closed}\n",
    '"doc_id": the mayor said the road was closed.\n',
    "<html><body><p>The mayor said the road was closed.</p></body></html>\n",
    "\u256d the mayor said the road was closed.\n",
])
def test_articles_that_merely_look_odd_are_analysed(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 0 and "CL024" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


# --- 3. a dying worker -------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@linux_only
def test_a_worker_killed_mid_run_does_not_stop_the_run(tmp_path):
    folder = corpus(tmp_path, 24, paragraphs=6)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([CLAIMLENS, "extract", str(folder), "-o", str(out), "-j", "2", "-q"],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert len(workers) == 2, "the run ended before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert stderr == ""
    expected = [i.doc_id for i in batch.inputs([str(folder)])]
    assert [r["doc_id"] for r in lines(out)] == expected  # every input once, in order


class DiesOn:
    """An extractor whose worker process dies (SIGKILL, as the out-of-memory killer sends it) on
    any batch holding a marked text; in the parent process it is the real extractor."""

    def __init__(self, extractor, marker: str, pipe=None) -> None:
        self.real_pipe, self.marker, self.parent, self.model = pipe or extractor.pipe, marker, os.getpid(), extractor.model

    def pipe(self, pairs, **kw):
        pairs = list(pairs)
        if os.getpid() != self.parent and any(self.marker in text for text, _ in pairs):
            os.kill(os.getpid(), signal.SIGKILL)
        return self.real_pipe(pairs, **kw)


@linux_only
@pytest.mark.parametrize("jobs, batch_size", [(2, 3), (3, 1)])
def test_a_document_that_kills_its_worker_fails_alone(extractor, tmp_path, jobs, batch_size):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(9):
        (folder / f"{i}.txt").write_text(f"The mayor said road {i} was closed.\n" + ("KILLER\n" if i == 4 else ""),
                                         encoding="utf-8")
    items = batch.inputs([str(folder)])
    outcomes = list(batch.run(items, extractor=DiesOn(extractor, "KILLER"), jobs=jobs, batch_size=batch_size))
    assert [o.doc_id for o in outcomes] == [i.doc_id for i in items]  # each input exactly once, in order
    assert [o.error.code if o.error else None for o in outcomes] == [None] * 4 + ["CL012"] + [None] * 4
    assert all(o.record is not None for o in outcomes if o.error is None)


@linux_only
def test_the_cli_names_the_document_that_kills_its_worker_and_exits_1(extractor, tmp_path, monkeypatch):
    from claimlens.api import Extractor

    killer = DiesOn(extractor, "KILLER", pipe=Extractor.pipe.__get__(extractor))
    monkeypatch.setattr(Extractor, "__init__", lambda self, model=None: None)
    monkeypatch.setattr(Extractor, "pipe", lambda self, pairs, **kw: killer.pipe(pairs, **kw))
    monkeypatch.setattr(Extractor, "model", extractor.model, raising=False)
    for i in range(9):  # three shards of four: two workers
        (tmp_path / f"{i}.txt").write_text(ARTICLE + ("KILLER\n" if i == 2 else ""), encoding="utf-8")
    result = run("extract", str(tmp_path), "-j", "2", "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (f"error: CL012 a worker process died analysing the document, and again when it ran "
                             f"alone (killed, out of memory, or a crash in native code): {tmp_path / '2.txt'} "
                             "(the other documents were analysed; run this one alone with -j 1 --debug, and "
                             "check memory)\n")
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == [
        str(tmp_path / f"{i}.txt") for i in range(9) if i != 2]


# --- 4. a write that fails mid-run ---------------------------------------------------------

def _limit_file_size(limit: int):
    def limit_it() -> None:  # in the child: files larger than `limit` fail to grow (EFBIG); Python ignores SIGXFSZ
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limit_it


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_write_that_fails_ends_with_one_line_and_a_prefix_that_resume_completes(tmp_path, jobs):
    folder = corpus(tmp_path, 12)
    fresh, out = tmp_path / "fresh.jsonl", tmp_path / "out.jsonl"
    subprocess.run([CLAIMLENS, "extract", str(folder), "-o", str(fresh), "-j", "1"], check=True, timeout=300)
    size = fresh.stat().st_size
    cmd = [CLAIMLENS, "extract", str(folder), "-o", str(out), "-j", jobs]
    failed = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False,
                            preexec_fn=_limit_file_size(size // 2))
    assert failed.returncode == 1
    (line,) = failed.stderr.splitlines()
    assert line.startswith(f"error: CL007 output cannot be written: {out}: File too large")
    written = out.read_bytes()
    assert 0 < len(written) <= size // 2 and fresh.read_bytes().startswith(written) and written.endswith(b"\n")
    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize("make_sink, remove", [
    (lambda out: batch.JsonLinesSink(out / "out.jsonl"), lambda out: shutil.rmtree(out)),
    (lambda out: batch.FolderSink(out / "records"), lambda out: shutil.rmtree(out / "records")),
])
def test_an_output_removed_mid_run_ends_the_run_with_cl007(extractor, tmp_path, make_sink, remove):
    folder = corpus(tmp_path, 5)
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    with pytest.raises(ClaimlensError) as e, make_sink(out) as sink:
        for outcome in batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=1, batch_size=1):
            seen.append(outcome)
            if len(seen) == 2:
                remove(out)
    assert e.value.code == "CL007" and len(seen) == 2


# --- 5. two runs on one output -------------------------------------------------------------

def test_a_second_run_on_the_same_output_refuses_and_the_first_is_unharmed(tmp_path):
    folder = corpus(tmp_path, 30, paragraphs=6)
    out, fresh = tmp_path / "out.jsonl", tmp_path / "fresh.jsonl"
    first = subprocess.Popen([CLAIMLENS, "extract", str(folder), "-o", str(out), "-j", "1"],
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended too soon"
    second = subprocess.run([CLAIMLENS, "extract", str(folder), "-o", str(out), "-j", "1"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert first.poll() is None, "the second run took too long to refuse"
    assert second.returncode == 1 and second.stdout == ""
    (line,) = second.stderr.splitlines()
    assert line.startswith(f"error: CL013 another claimlens run is writing this output: {out}")
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0 and stderr == ""
    subprocess.run([CLAIMLENS, "extract", str(folder), "-o", str(fresh), "-j", "1"], check=True, timeout=300)
    assert out.read_bytes() == fresh.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.jsonl", "in", "out.jsonl"]  # no lock left


@pytest.mark.parametrize("output, folder", [("out.jsonl", False), ("out.html", False), ("out.csv", False),
                                            ("records", True)])
def test_a_locked_output_is_left_as_it_was(tmp_path, output, folder):
    target = tmp_path / output
    if folder:
        target.mkdir()
    else:
        target.write_text("earlier\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    holder = subprocess.Popen(  # another process holds the lock until its stdin closes
        [sys.executable, "-c", ("import sys; from claimlens.sinks import OutputLock; lock = OutputLock(sys.argv[1]); "
                                "print('locked', flush=True); sys.stdin.read(); lock.release()"), str(target)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        before = files(tmp_path)
        result = run("extract", str(tmp_path / "a.txt"), "-o", str(target) + ("/" if folder else ""))
        assert result.exit_code == 1 and result.stderr.startswith("error: CL013")
        assert files(tmp_path) == before
    finally:
        holder.communicate("", timeout=30)
    assert not (tmp_path / f".{target.name}.lock").exists()


# --- 6-8. -o and --format do what they say ---------------------------------------------------

def test_a_table_goes_to_the_file_named(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DENIAL, encoding="utf-8")
    result = run("extract", str(src), "-f", "table", "-o", str(tmp_path / "t.txt"))
    assert result.exit_code == 0 and result.stdout == ""
    text = (tmp_path / "t.txt").read_text(encoding="utf-8")
    assert "Statements" in text and "denial" in text and "\x1b[" not in text


@pytest.mark.parametrize("args", [["-o", "{tmp}/x.csv"], ["--format", "csv", "-o", "{tmp}/x.txt"],
                                  ["--format", "CSV"]])
def test_csv_has_one_row_per_statement(tmp_path, extractor, args):
    from claimlens.sinks import CSV_COLUMNS

    src = tmp_path / "a.txt"
    text = 'The mayor said the road was closed. "We, the council, are ready," she added.\nPolice denied the report.\n'
    src.write_text(text, encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    result = run("extract", str(src), *args)
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / Path(args[-1]).name).read_bytes() if "-o" in args else result.stdout_bytes
    assert data.startswith(b"doc_id,statement_id,") and data.endswith(b"\r\n")  # RFC 4180 line ends
    rows = list(csv.reader(stdio.StringIO(data.decode("utf-8"), newline="")))
    art = extractor(text, str(src))

    assert rows[0] == list(CSV_COLUMNS) and len(rows) == 1 + len(art.statements)
    for row, s in zip(rows[1:], art.statements):
        cells = dict(zip(CSV_COLUMNS, row))
        assert (cells["doc_id"], cells["statement_id"], cells["label"], cells["text"]) == (str(src), s.id, s.label,
                                                                                            s.text)
        assert text[int(cells["start"]):int(cells["end"])] == cells["text"]
        assert cells["speaker"] == (art.speaker_name(s) or "") and float(cells["confidence"]) == s.evidence.confidence


@pytest.mark.parametrize("cell, shown", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), ("", ""), ("The mayor", "The mayor"), ("'quoted", "'quoted"),
])
def test_csv_cells_that_start_like_a_formula_are_neutralised(cell, shown):
    from claimlens.sinks import neutralise

    assert neutralise(cell) == shown


def test_csv_neutralises_the_article_s_own_words(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=cmd").mkdir()
    (tmp_path / "=cmd" / "a.txt").write_text(DENIAL, encoding="utf-8")
    result = run("extract", "=cmd", "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(stdio.StringIO(result.stdout, newline="")))
    assert rows[1][0] == "'=cmd/a.txt"


@pytest.mark.parametrize("output", ["x.pdf", "x.txt", "x.docx"])
def test_an_unknown_suffix_is_a_usage_error_naming_the_formats(tmp_path, output):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / output))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: CL009") and "table, json, jsonl, csv, html" in line
    assert not (tmp_path / output).exists()


@pytest.mark.parametrize("names, shape", [
    (["good.txt"], "object"), (["bad.txt"], "null"), (["-"], "object"),
    (["good.txt", "bad.txt"], "array"), (["bad.txt", "bad.txt"], "array"), (["folder"], "array"),
])
@pytest.mark.parametrize("to_file", [False, True])
def test_json_has_one_shape_whatever_fails(tmp_path, names, shape, to_file):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "only.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.json"
    args = [n if n == "-" else str(tmp_path / n) for n in names]
    result = run("extract", *args, "-f", "json", *(["-o", str(out)] if to_file else []), input=ARTICLE)
    assert result.exit_code == (1 if "bad.txt" in names else 0)
    doc = json.loads(out.read_text(encoding="utf-8") if to_file else result.stdout)
    assert {"object": dict, "null": type(None), "array": list}[shape] is type(doc)
    if shape == "array":
        assert len(doc) == sum(n != "bad.txt" for n in names)


# --- 9. render ---------------------------------------------------------------------------

@pytest.fixture
def saved(tmp_path):
    folder = corpus(tmp_path, 3)
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "records.jsonl"
    run("extract", str(folder), "-o", str(out))
    return folder, out


@pytest.mark.parametrize("fmt, suffix", [("csv", ".csv"), ("html", ".html"), ("table", ".txt"), ("json", ".json")])
def test_render_shows_saved_records_as_extract_does_without_a_model(saved, tmp_path, monkeypatch, fmt, suffix):
    folder, records = saved
    direct = tmp_path / f"direct{suffix}"
    assert run("extract", *map(str, sorted(folder.rglob("*-doc.txt"))), "-f", fmt, "-o", str(direct)).exit_code == 0

    def no_model(self, model=None):
        raise AssertionError("render analysed again")

    monkeypatch.setattr("claimlens.api.Extractor.__init__", no_model)
    rendered = tmp_path / f"rendered{suffix}"
    result = run("render", str(records), "-f", fmt, "-o", str(rendered))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    want = direct.read_text(encoding="utf-8")
    got = rendered.read_text(encoding="utf-8")
    if fmt == "html":  # extract's page also lists the failure; the rest is the same
        assert len(read_marks(got).articles) == 3 and got.split("<section", 1)[1] == want.split("<section", 1)[1]
    else:
        assert sorted(p for p in got.splitlines()) == sorted(p for p in want.splitlines())
    to_stdout = run("render", str(records), "--format", fmt.upper())
    assert to_stdout.exit_code == 0 and (to_stdout.stdout == got or fmt == "table")  # a table as wide as stdout


@pytest.mark.parametrize("content", ["not json\n", '{"doc_id": "x"}\n', "[1, 2]\n", "\x00\xff"])
def test_render_refuses_what_is_not_records(tmp_path, content):
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="latin-1")
    result = run("render", str(path), "-f", "csv")
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: CL014 not claimlens records: ")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".html"])
def test_render_of_what_is_not_records_leaves_the_output_alone(saved, tmp_path, suffix):
    _, records = saved
    bad = tmp_path / "bad.jsonl"
    bad.write_text(records.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    out = tmp_path / f"earlier{suffix}"
    out.write_text("an earlier output\n", encoding="utf-8")
    result = run("render", str(bad), "-o", str(out))
    assert result.exit_code == 1 and result.stderr.startswith("error: CL014 ")
    assert out.read_text(encoding="utf-8") == "an earlier output\n"


@pytest.mark.parametrize("content, fmt, stdout", [("", "json", "[]\n"), ("\n\n", "jsonl", ""), ("[]", "csv", None)])
def test_render_of_no_records_says_so(tmp_path, content, fmt, stdout):
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    result = run("render", str(path), "-f", fmt)
    assert result.exit_code == 0 and (stdout is None or result.stdout == stdout)
    assert result.stderr.splitlines() == [f"warning: CL044 the records file holds no records; the output is empty: "
                                          f"{path} (check that the extract run wrote its records there)"]


def test_render_of_a_missing_file_is_path_not_found(tmp_path):
    result = run("render", str(tmp_path / "nowhere.jsonl"))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: CL002 path not found: {tmp_path / 'nowhere.jsonl'} ")


def test_render_never_overwrites_its_records(saved):
    _, records = saved
    before = records.read_bytes()
    result = run("render", str(records), "-f", "jsonl", "-o", str(records))
    assert result.exit_code == 1 and result.stderr.startswith("error: CL007")
    assert records.read_bytes() == before


# --- 10. the HTML report's index and failures --------------------------------------------------

def test_the_report_opens_with_an_index_and_lists_the_failures(tmp_path):
    folder = corpus(tmp_path, 3)
    bad = folder / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "report.html"
    result = run("extract", str(folder), "-o", str(out))
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    parsed = read_marks(page)  # well formed
    assert len(parsed.articles) == 3
    index = page.split('<nav class="cl-index"', 1)[1].split("</nav>", 1)[0]
    assert page.index('<nav class="cl-index"') < page.index("<section")
    good = [i for i in batch.inputs([str(folder)]) if i.rel != "bad.txt"]
    for k, inp in enumerate(good, 1):
        assert f'<a href="#a{k}" style="color:#2563eb;">{inp.doc_id}</a>' in index
        assert f'<section id="a{k}"' in page
    failures = index.split('class="cl-failures"', 1)[1]
    assert str(bad) in failures and "CL020" in failures and "file is binary" in failures
    assert "3 articles, " in page and "1 failed input" in page


# --- 11-13. messages and exit codes ----------------------------------------------------------

@linux_only
def test_a_closed_stdout_ends_the_run_quietly(tmp_path):
    folder = corpus(tmp_path, 12)
    proc = subprocess.Popen([CLAIMLENS, "extract", str(folder), "-f", "jsonl", "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100)
    proc.stdout.close()  # what `| head -c 100` does
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141 and stderr == b""  # 128 + SIGPIPE, as a shell reports such a tool


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["extract", "-h"], ["render", "-h"], ["schema", "-h"],
                                  ["evaluate", "-h"]])
def test_h_is_help_everywhere(args):
    result = run(*args)
    assert result.exit_code == 0 and result.stdout.startswith("Usage: claimlens")


@pytest.mark.parametrize("command, argument", [("extract", "PATH..."), ("render", "RECORDS"), ("evaluate", "PRED")])
def test_help_shows_paths_plainly(command, argument):
    result = run(command, "-h")
    assert f"Usage: claimlens {command} [OPTIONS] {argument}\n" in result.stdout
    assert "<list[str]>" not in result.stdout and "<str>" not in result.stdout and f"{{{argument}}}" not in result.stdout


@pytest.mark.parametrize("args, points_to", [
    (["no-such-command"], "see claimlens --help"),
    (["--no-such-option"], "see claimlens --help"),
    (["extract", "x", "--no-such-option"], "see claimlens extract --help"),
    (["render"], "see claimlens render --help"),
    (["evaluate"], "see claimlens evaluate --help"),
    (["evaluate", "pred.jsonl"], "see claimlens evaluate --help"),
    (["evaluate", "--gold", "gold", "pred.jsonl"], "see claimlens evaluate --help"),
    (["extract", str(Path(__file__)), "-o", "x.pdf"], "see claimlens extract --help"),
])
def test_usage_errors_point_to_the_right_help(args, points_to):
    result = run(*args)
    assert result.exit_code == 2 and result.stderr.rstrip().endswith(f"({points_to})")


@pytest.mark.parametrize("fmt", ["JSON", "Jsonl", "CSV", "Html", "TABLE"])
def test_format_names_in_any_case(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--format", fmt)
    assert result.exit_code == 0, result.stderr
