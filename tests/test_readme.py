"""README's two commands are what a fresh machine runs; CI runs the second one exactly."""
import re

from .helpers import ROOT


def commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (ci_command,) = re.findall(r'^TEST_COMMAND="(.+)"$', ci, flags=re.M)
    install, test = commands()
    assert ci_command == test
    assert "pytest" in test and "[test]" in test


def test_first_command_runs_extract_on_a_sample():
    install, _ = commands()
    sample = re.search(r"claimlens extract (samples/\S+)$", install)
    assert sample and (ROOT / sample.group(1)).exists()


def test_readme_lists_every_error_code():
    from claimlens.errors import CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| (CL\d{3}) \|", readme, flags=re.M) == list(CODES)
