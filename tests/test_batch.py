"""Batch runs: input order whatever the number of jobs, resuming, folder output, error log."""
from __future__ import annotations

import io as stdio
import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimlens import ClaimlensError, batch, cli, io
from claimlens.cli import app
from claimlens.records import text_sha256

runner = CliRunner()

SUBJECTS = ["The finance minister", "A spokesman for the army", "The opposition leader", "Police"]
CLAIMS = ["the budget would be cut by {n} percent", "talks with the unions had failed",
          "the new bridge would open in {n} weeks", "no one had been arrested"]


def article(i: int, paragraphs: int = 2) -> str:
    """A small article of our own: reported speech and a denial, varied by ``i``."""
    lines = []
    for p in range(paragraphs):
        who = SUBJECTS[(i + p) % len(SUBJECTS)]
        what = CLAIMS[(i * 3 + p) % len(CLAIMS)].format(n=i + p + 2)
        lines.append(f'{who} said on Monday that {what}. "We will not accept this," {who.lower()} added. '
                     f"The ministry denied the report number {i}.")
    return "\n\n".join(lines) + "\n"


def corpus(root: Path, n: int, paragraphs: int = 2) -> Path:
    """``n`` articles in a tree with a subfolder, named so that sorted order is not creation order."""
    folder = root / "in"
    for i in range(n):
        path = folder / ("sub" if i % 3 == 0 else "") / f"{(n - i):03d}-doc.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(i, paragraphs), encoding="utf-8")
    return folder


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("batch"), 7)


@pytest.fixture(scope="module")
def fresh(folder, extractor, tmp_path_factory):
    """The output of an uninterrupted single-process run: what every other run must equal."""
    out = tmp_path_factory.mktemp("fresh") / "out.jsonl"
    with batch.JsonLinesSink(out) as sink:
        list(batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=1, batch_size=3))
    return out.read_bytes()


def test_inputs_are_in_sorted_order_with_their_place_in_the_tree(folder):
    items = batch.inputs([str(folder), str(folder / "sub" / "001-doc.txt"), str(folder / "missing.txt")])
    rels = [i.rel for i in items]
    assert rels[:7] == sorted(rels[:7]) and "sub/001-doc.txt" in rels[:7]
    assert [i.doc_id for i in items[:7]] == [os.path.join(str(folder), r) for r in rels[:7]]
    assert (items[7].rel, items[7].error) == ("001-doc.txt", None)
    assert items[8].source is None and items[8].error.code == "CL002"


@pytest.mark.parametrize("jobs, batch_size", [(1, 1), (1, 16), (2, 1), (2, 3), (3, 2)])
def test_output_is_in_input_order_whatever_the_jobs(folder, fresh, extractor, tmp_path, jobs, batch_size):
    out = tmp_path / "out.jsonl"
    with batch.JsonLinesSink(out) as sink:
        outcomes = list(batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=jobs,
                                  batch_size=batch_size))
    assert out.read_bytes() == fresh
    assert all(o.record is not None and o.words > 0 for o in outcomes)


def test_records_carry_the_hash_of_their_text(fresh):
    for record in map(json.loads, fresh.decode().splitlines()):
        assert record["text_sha256"] == text_sha256(record["text"])
        assert record["text_sha256"] != text_sha256(record["text"] + " ")


def _cut_last(text: str) -> str:
    return text[: text.rindex("\n", 0, len(text) - 1) + 1] + text.rsplit("\n", 2)[-2][:40]


# (how the earlier output was left, the documents (by rank) kept rather than analysed again)
RESUME_CASES = [
    ("complete", lambda recs, text: text, {0, 1, 2, 3, 4, 5, 6}),
    ("missing file", None, set()),
    ("first three", lambda recs, text: "".join(recs[:3]), {0, 1, 2}),
    ("torn last line", lambda recs, text: _cut_last("".join(recs[:4])), {0, 1, 2}),
    ("out of order and doubled", lambda recs, text: recs[5] + recs[1] + recs[5] + recs[0], {0, 1, 5}),
    ("garbage lines", lambda recs, text: recs[0] + "not json\n" + "[1, 2]\n" + recs[2], {0, 2}),
    ("a foreign record", lambda recs, text: recs[0] + recs[1].replace('"doc_id": "', '"doc_id": "x'), {0}),
    ("a changed article", lambda recs, text: recs[0] + recs[1].replace('"text_sha256": "', '"text_sha256": "0'),
     {0}),
    ("an older record without hash", lambda recs, text: recs[0] + recs[1].replace('"text_sha256"', '"other"'),
     {0}),
]


@pytest.mark.parametrize("case, damage, kept", RESUME_CASES, ids=[c[0] for c in RESUME_CASES])
@pytest.mark.parametrize("jobs", [1, 2])
def test_resume_keeps_current_records_and_ends_as_a_fresh_run(folder, fresh, extractor, tmp_path,
                                                              case, damage, kept, jobs):
    out = tmp_path / "out.jsonl"
    text = fresh.decode("utf-8")
    if damage is not None:
        out.write_text(damage(text.splitlines(keepends=True), text), encoding="utf-8")
    with batch.JsonLinesSink(out, resume=True) as sink:
        outcomes = list(batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=jobs,
                                  batch_size=2))
    assert {i for i, o in enumerate(outcomes) if o.kept} == kept
    assert all(o.kept or o.record is not None for o in outcomes)
    assert out.read_bytes() == fresh
    assert not [p for p in tmp_path.iterdir() if p.name != "out.jsonl"]  # no temporary file left


def test_resume_sees_an_edited_article(folder, extractor, tmp_path):
    own = corpus(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    with batch.JsonLinesSink(out) as sink:
        list(batch.run(batch.inputs([str(own)]), sink, extractor=extractor, jobs=1))
    edited = sorted(own.rglob("*.txt"))[1]
    edited.write_text("The mayor denied the claim.\n", encoding="utf-8")
    with batch.JsonLinesSink(out, resume=True) as sink:
        outcomes = list(batch.run(batch.inputs([str(own)]), sink, extractor=extractor, jobs=1))
    assert [o.kept for o in outcomes] == [True, False, True]
    records = lines(out)
    assert [r["doc_id"] for r in records] == [o.doc_id for o in outcomes]
    assert records[1]["text"] == "The mayor denied the claim.\n"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except OSError:
        return False


HALF_A_RESULT = """
import multiprocessing, os, struct, time
from concurrent.futures import ProcessPoolExecutor
from claimlens import batch
POOL = []
def half_a_result():  # in the worker: the length of a result and a few of its bytes, then nothing
    os.write(POOL[0]._result_queue._writer.fileno(), struct.pack("!i", 1_000_000) + b"half")
    time.sleep(60)
if __name__ == "__main__":
    POOL.append(ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")))
    POOL[0].submit(time.sleep, 0).result()  # the worker, forked now, knows the pool
    POOL[0].submit(half_a_result)
    time.sleep(1)
    batch._stop(POOL[0], set(multiprocessing.active_children()))
    POOL[0].shutdown(wait=True, cancel_futures=True)
    print("stopped")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_a_worker_stopped_halfway_through_its_result_does_not_hang_the_run(tmp_path):
    # the pool's manager thread would read the rest of that result for ever (seen after Ctrl-C)
    script = tmp_path / "half.py"
    script.write_text(HALF_A_RESULT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=30)
    assert result.stdout == "stopped\n" and result.returncode == 0, result.stderr


def _slow_shard(tasks):  # in a worker: a shard that takes far longer than anyone waits
    time.sleep(30)
    return []


class _Loaded:  # stands for an extractor already loaded in the parent, inherited by the fork
    model = "unused"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_an_interrupted_retry_ends_its_worker_at_once(monkeypatch):
    # a dead worker's shard is retried in a worker of its own; Ctrl-C then must not wait for it
    monkeypatch.setattr(batch, "_worker_shard", _slow_shard)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    start = time.monotonic()
    signal.alarm(2)
    try:
        with pytest.raises(KeyboardInterrupt):
            batch._alone(_Loaded(), [], 4)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < 10
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig, group", [
    (signal.SIGKILL, False),  # kill -9 of the claimlens process
    (signal.SIGINT, False),   # kill -INT of the claimlens process
    (signal.SIGINT, True),    # Ctrl-C on a terminal: the whole process group
])
def test_interrupted_run_then_resume_gives_one_record_per_document(tmp_path, sig, group):
    folder = corpus(tmp_path, 40, paragraphs=6)
    out = tmp_path / "out.jsonl"
    claimlens = [str(Path(sys.executable).parent / "claimlens"), "extract", str(folder), "-o", str(out), "-j", "2", "-q"]
    proc = subprocess.Popen(claimlens, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert len(workers) == 2
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGKILL:
        assert proc.returncode == -sig
    else:
        assert proc.returncode == 130 and stderr.startswith("interrupted"), stderr
    assert "Traceback" not in stderr
    for pid in workers:  # the workers do not outlive their parent
        for _ in range(100):
            if not _alive(pid):
                break
            time.sleep(0.05)
        assert not _alive(pid), f"worker {pid} outlived its parent"
    done = out.read_text(encoding="utf-8")
    whole = done[: done.rindex("\n") + 1] if "\n" in done else ""
    assert 0 < len(whole.splitlines()) < 40  # interrupted in the middle
    assert all(json.loads(line)["doc_id"] for line in whole.splitlines())

    result = subprocess.run(claimlens + ["--resume"], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    records = lines(out)
    expected = [i.doc_id for i in batch.inputs([str(folder)])]
    assert [r["doc_id"] for r in records] == expected
    assert whole.splitlines() == out.read_text(encoding="utf-8").splitlines()[: len(whole.splitlines())]


def test_folder_output_mirrors_the_input_tree(folder, fresh, tmp_path):
    out = tmp_path / "out"
    single = folder / "sub" / "001-doc.txt"
    result = runner.invoke(app, ["extract", str(folder), str(single), "-o", f"{out}/", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    inputs = batch.inputs([str(folder)])
    assert written == sorted([f"{i.rel}.json" for i in inputs] + ["001-doc.txt.json"])
    by_id = {r["doc_id"]: r for r in map(json.loads, fresh.decode().splitlines())}
    for i in inputs:
        assert json.loads((out / f"{i.rel}.json").read_text(encoding="utf-8")) == by_id[i.doc_id]
    assert json.loads((out / "001-doc.txt.json").read_text(encoding="utf-8"))["doc_id"] == str(single)


def test_folder_output_resumes(folder, tmp_path, extractor):
    out = tmp_path / "out"
    with batch.FolderSink(out) as sink:
        list(batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=1))
    stale = next(out.rglob("*.json"))
    stale.write_text(stale.read_text(encoding="utf-8").replace('"text_sha256": "', '"text_sha256": "f'),
                     encoding="utf-8")
    with batch.FolderSink(out, resume=True) as sink:
        outcomes = list(batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=1))
    assert sum(not o.kept for o in outcomes) == 1
    assert json.loads(stale.read_text(encoding="utf-8"))["text_sha256"] == text_sha256(
        json.loads(stale.read_text(encoding="utf-8"))["text"])
    with batch.FolderSink(out) as sink:  # without resume nothing is kept
        assert not any(o.kept for o in batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=1))


@pytest.mark.parametrize("rel, safe", [
    ("a.txt", True), ("sub/deeper/a.txt", True),
    ("../a.txt", False), ("sub/../../a.txt", False), ("/etc/a.txt", False), ("", False), ("./a.txt", True),
])
def test_folder_targets_stay_inside(tmp_path, rel, safe):
    sink = batch.FolderSink(tmp_path / "out")
    inp = batch.Input("x", None, rel)
    if safe:
        target = sink.target(inp)
        assert target.parent.is_dir() and target.is_relative_to(sink.root) and target.name.endswith(".txt.json")
    else:
        with pytest.raises(ClaimlensError) as e:
            sink.target(inp)
        assert e.value.code == "CL007"
    assert not (tmp_path / "a.txt.json").exists()


def test_folder_output_never_follows_a_link_outside(tmp_path, extractor):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text("The mayor said the road was closed.\n", encoding="utf-8")
    (src / "b.txt").write_text("The mayor said the road was open.\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    with batch.FolderSink(out) as sink:
        outcomes = list(batch.run(batch.inputs([str(src)]), sink, extractor=extractor, jobs=1))
    assert [o.error.code if o.error else None for o in outcomes] == [None, "CL007"]
    assert list(outside.iterdir()) == []
    assert (out / "b.txt.json").exists()


def test_two_inputs_for_one_file_fail_the_second(tmp_path, extractor):
    a, b = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text(f"The mayor of {p.parent.name} said the road was closed.\n", encoding="utf-8")
    with batch.FolderSink(tmp_path / "out") as sink:
        outcomes = list(batch.run(batch.inputs([str(a), str(b)]), sink, extractor=extractor, jobs=1))
    assert outcomes[0].error is None and outcomes[1].error.code == "CL007"
    assert json.loads((tmp_path / "out" / "x.txt.json").read_text(encoding="utf-8"))["doc_id"] == str(a)


def test_errors_file_lists_each_failure_and_the_run_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The mayor said the road was closed.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)  # binary
    missing = tmp_path / "missing.txt"
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["extract", str(bad), str(missing), str(good), "-o", str(out),
                                 "--errors", str(errors)])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in lines(out)] == [str(good)]
    logged = lines(errors)
    assert [(e["doc_id"], e["code"]) for e in logged] == [(str(bad), "CL020"), (str(missing), "CL002")]
    assert all(e["message"] and not e["message"].startswith("CL") for e in logged)
    assert result.stderr.strip().splitlines() == [f"error: 2 of 3 articles failed (listed in {errors})"]


class Breaks:
    """An extractor that fails on one document: the others of its batch must not be lost."""

    def __init__(self, extractor, poison: str) -> None:
        self.extractor, self.poison = extractor, poison

    def pipe(self, pairs, **kw):
        for text, context in pairs:
            yield self(text, context["doc_id"])

    def __call__(self, text, doc_id=""):
        if self.poison in text:
            raise ValueError("cannot parse")
        return self.extractor(text, doc_id)


@pytest.mark.parametrize("poisoned", [0, 1, 2])
def test_a_failing_document_fails_alone(extractor, poisoned):
    texts = ["The mayor said the road was closed.\n", "Police denied it.\n", "The minister said no.\n"]
    texts[poisoned] += "POISON\n"
    tasks = [batch.Task(batch.Input(f"d{i}", None), document=io.Document.from_text(t, f"d{i}"))
             for i, t in enumerate(texts)]
    outcomes = batch.analyse_shard(Breaks(extractor, "POISON"), tasks)
    assert [o.error.code if o.error else None for o in outcomes] == [
        "CL999" if i == poisoned else None for i in range(3)]
    assert f"d{poisoned}: ValueError: cannot parse" in outcomes[poisoned].error.detail
    assert [o.record["doc_id"] for o in outcomes if o.record] == [f"d{i}" for i in range(3) if i != poisoned]


@pytest.mark.parametrize("n, single", [(0, False), (1, False), (3, False), (1, True), (0, True)])
def test_json_sink_streams_what_json_dump_writes(extractor, tmp_path, n, single):
    texts = ["The mayor said the road was closed.\n", "Police denied it.\n", "Peru said \"no\".\n"][:n]
    stream = stdio.StringIO()
    sink = batch.JsonSink(None, stream=stream, single=single)
    for i, t in enumerate(texts):
        sink.write(batch.Outcome(batch.Input(f"d{i}", None), record=extractor(t, f"d{i}").to_dict()))
    sink.finish()
    records = [extractor(t, f"d{i}").to_dict() for i, t in enumerate(texts)]
    expected = (records[0] if n else None) if single else records  # one file: its record, or null
    assert stream.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_json_file_appears_only_when_complete(tmp_path):
    out = tmp_path / "out.json"
    sink = batch.JsonSink(out, single=True)
    sink.write(batch.Outcome(batch.Input("d", None), record={"doc_id": "d"}))
    assert not out.exists()
    sink.finish()
    sink.close()
    assert json.loads(out.read_text(encoding="utf-8")) == {"doc_id": "d"}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not a private temporary


@pytest.mark.parametrize("args, code", [
    (["--resume"], 2),                                  # resume needs a file or folder to resume
    (["--resume", "-o", "OUT.json"], 2),                # ... of JSON Lines
    (["-o", "OUTDIR/", "--format", "jsonl"], 2),        # a folder holds JSON files
    (["-j", "0"], 2),
    (["-o", "OUT.jsonl", "--resume"], 0),
    (["-o", "OUTDIR/", "--resume"], 0),
])
def test_option_checks(tmp_path, args, code):
    sample = tmp_path / "a.txt"
    sample.write_text("The mayor said the road was closed.\n", encoding="utf-8")
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    result = runner.invoke(app, ["extract", str(sample), "-j", "1", *args])
    assert result.exit_code == code, result.stderr
    if code == 2:
        assert result.stderr.startswith("error: CL009") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("stderr_terminal, stdout_terminal, args, shown", [
    (True, False, ["-o", "OUT"], True),
    (True, True, ["-o", "OUT"], True),      # the records go to a file: the terminal is free
    (True, False, [], True),                # the records go to a pipe
    (True, True, [], False),                # the terminal view itself: no bar drawn over it
    (True, True, ["-o", "-"], False),
    (True, False, ["-o", "OUT", "--quiet"], False),
    (False, False, ["-o", "OUT"], False),
])
def test_progress_bar_on_a_terminal_only(tmp_path, monkeypatch, stderr_terminal, stdout_terminal, args, shown):
    sample = tmp_path / "a.txt"
    sample.write_text("The mayor said the road was closed.\n", encoding="utf-8")
    screen = stdio.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=120))
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: stderr_terminal)
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: stdout_terminal)
    args = [a.replace("OUT", str(tmp_path / "o.jsonl")) for a in args]
    result = runner.invoke(app, ["extract", str(sample), *args])
    assert result.exit_code == 0
    assert ("words/s" in screen.getvalue() and "1/1" in screen.getvalue()) == shown


def test_errors_pickle_with_their_code():
    err = ClaimlensError("CL004", "x.txt: byte 3")
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.detail, str(back)) == (err.code, err.detail, str(err))


def test_stdin_is_read_by_the_parent_when_workers_run(tmp_path, extractor, monkeypatch):
    other = tmp_path / "a.txt"
    other.write_text("The mayor said the road was closed.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO(b"Police denied the report.\n")))
    outcomes = list(batch.run(batch.inputs(["-", str(other)]), extractor=extractor, jobs=2, batch_size=1))
    assert [(o.doc_id, o.record["text"]) for o in outcomes] == [
        ("<stdin>", "Police denied the report.\n"), (str(other), "The mayor said the road was closed.\n")]
