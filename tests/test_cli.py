"""The command line through typer's CliRunner: stdout holds only data, messages go to stderr."""
import json

import jsonlines
import pytest
from typer.testing import CliRunner

import claimlens
from claimlens.cli import Format, _resumable, app

from .helpers import SAMPLE

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_single_file_is_one_json_document():
    result = run("extract", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == "1.0"
    assert doc["doc_id"] == str(SAMPLE)
    assert doc["statements"] and doc["actors"]
    assert result.stderr == ""


def test_json_is_the_default_off_a_terminal():
    result = run("extract", str(SAMPLE))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == str(SAMPLE)


def test_cli_json_equals_library(extractor):
    result = run("extract", str(SAMPLE), "--format", "json")
    art = extractor(SAMPLE.read_text(encoding="utf-8"), doc_id=str(SAMPLE))
    assert json.loads(result.stdout) == {**art.to_dict(), "encoding": "utf-8", "media_type": "text/plain"}


def test_folder_to_jsonl_file(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("The minister said the plan was dead.", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("Police denied the report.", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(folder), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    with jsonlines.open(out) as reader:
        ids = [r["doc_id"] for r in reader]
    assert ids == [str(folder / "b.txt"), str(folder / "sub" / "a.txt")]


def test_output_suffix_picks_jsonl(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = run("extract", str(SAMPLE), str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["doc_id"] == str(SAMPLE) for line in lines)


def test_several_articles_as_json_make_an_array():
    result = run("extract", str(SAMPLE), str(SAMPLE), "--format", "json")
    assert [d["doc_id"] for d in json.loads(result.stdout)] == [str(SAMPLE)] * 2


def test_stdin():
    result = run("extract", "-", "--format", "jsonl", input="The ministry denied the allegations.\n")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["doc_id"] == "<stdin>"
    assert record["statements"][0]["label"] == "denial"


def test_table_view():
    result = run("extract", str(SAMPLE), "--format", "table")
    assert result.exit_code == 0
    assert "Statements" in result.stdout and "denial" in result.stdout


@pytest.mark.parametrize("setup, code", [
    (lambda p: None, "CL002"),                                     # missing path
    (lambda p: p.mkdir(), "CL003"),                                # folder with no .txt
    (lambda p: p.write_bytes(b"\xef\xbb\xbfcaf\xe9 au lait"), "CL004"),  # a UTF-8 mark, then not UTF-8
    (lambda p: p.write_bytes(bytes(range(256)) * 8), "CL020"),      # binary
])
def test_bad_input_names_the_file_and_goes_on(tmp_path, setup, code):
    bad = tmp_path / "bad.txt"
    setup(bad)
    result = run("extract", str(bad), str(SAMPLE), "--format", "jsonl")
    assert result.exit_code == 1
    assert code in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["doc_id"] == str(SAMPLE)
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("folder, name", [
    ("[", "x].txt"),          # the path holds "[/x]", a closing tag to rich
    ("", "[bold]x.txt"),
    ("", ":thumbs_up:.txt"),  # an emoji code to rich
])
def test_messages_show_paths_as_they_are(tmp_path, folder, name):
    bad = tmp_path / folder / name
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(bytes(range(256)) * 8)  # binary: an error line that names the file
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: CL020") and f"{bad} (" in result.stderr


def test_empty_file_is_a_warning_not_a_failure(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run("extract", str(empty), "--format", "json")
    assert result.exit_code == 0
    assert "CL005" in result.stderr
    assert json.loads(result.stdout)["statements"] == []


@pytest.mark.parametrize("args, says", [
    (["extract", str(SAMPLE), "--format", "yaml"], "'yaml' is not one of"),
    (["extract"], "Missing argument 'PATH'"),
    (["extract", str(SAMPLE), "-j", "0"], "--jobs"),
    (["extract", str(SAMPLE), "--no-such-option"], "No such option: --no-such-option"),
    (["no-such-command"], "No such command 'no-such-command'"),
])
def test_usage_error_is_one_numbered_line_and_exits_2(args, says):
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: CL009 invalid option: ") and says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_command_shows_the_help():
    result = run()
    assert "Usage: " in result.stdout + result.stderr and "CL009" not in result.stderr


@pytest.mark.parametrize("output", ["out.jsonl", "out.json", "out.html", "out.csv", "records/"])
@pytest.mark.parametrize("model, code", [
    ("no_such_pipeline_xyz", 2),   # not installed: a usage error
    ("{tmp}/empty-folder", 1),     # a folder that holds no pipeline: it cannot be loaded
])
def test_missing_model_is_one_line_and_writes_nothing(tmp_path, output, model, code):
    earlier = tmp_path / "out.jsonl"
    earlier.write_text('{"doc_id": "from an earlier run"}\n', encoding="utf-8")
    if code == 1:
        (tmp_path / "empty-folder").mkdir()
    result = run("extract", str(SAMPLE), "--model", model.format(tmp=tmp_path), "-o", str(tmp_path / output))
    assert result.exit_code == code
    assert result.stderr.startswith("error: CL009" if code == 2 else "error: CL001")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.jsonl"] + ["empty-folder"] * (code == 1))
    assert earlier.read_text(encoding="utf-8") == '{"doc_id": "from an earlier run"}\n'


@pytest.mark.parametrize("env", [False, True])
def test_a_model_not_installed_is_a_usage_error_naming_its_source_and_the_installed(monkeypatch, env):
    from claimlens.api import installed_pipelines

    if env:
        monkeypatch.setenv("CLAIMLENS_MODEL", "nope")
    result = run("extract", str(SAMPLE), *([] if env else ["--model", "nope"]))
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: CL009 invalid option: " + ("CLAIMLENS_MODEL=nope (from the environment)" if env
                                                               else "--model nope"))
    assert installed_pipelines() and all(name in line for name in installed_pipelines())


@pytest.mark.parametrize("fmt, output, resumable", [
    (Format.jsonl, "out.jsonl", True),
    (Format.jsonl, "out", True),            # JSON Lines by --format, whatever the suffix
    (Format.jsonl, "-", False),             # stdout
    (Format.jsonl, None, False),
    (Format.json, "out.json", False),
    (Format.html, "out.html", False),
    (Format.json, "records/", True),        # a folder of JSON files
])
def test_which_outputs_resume(fmt, output, resumable):
    assert _resumable(fmt, output) is resumable


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert f"claimlens {claimlens.__version__}" in result.stdout
    assert "spaCy 3.8" in result.stdout and "model en_core_web_sm" in result.stdout


def test_python_dash_m_is_the_command():
    """``python -m claimlens`` runs the same command as the script."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "claimlens", "schema"], capture_output=True, text=True)
    assert done.returncode == 0 and json.loads(done.stdout) == json.loads(run("schema").stdout)
    bad = subprocess.run([sys.executable, "-m", "claimlens", "nonsense"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == "" and "nonsense" in bad.stderr


@pytest.mark.parametrize("model", ["no_such_pipeline_xyz", "{tmp}"])  # a package, a folder: neither a pipeline
def test_version_names_a_model_that_is_not_there(monkeypatch, tmp_path, model):
    model = model.format(tmp=tmp_path)
    monkeypatch.setenv("CLAIMLENS_MODEL", model)
    result = run("--version")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines()[-1] == f"model {model} (not an installed spaCy pipeline)"


def test_schema_command():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == claimlens.json_schema()
