"""benchmarks/bench.py: every phase runs and measures the same documents."""
import pytest

from .helpers import ROOT, load_script


@pytest.fixture(scope="module")
def bench():
    return load_script(ROOT / "benchmarks" / "bench.py")


@pytest.mark.parametrize("name", ["bare", "1", "pipe1", "store1"])
def test_phase_runs_and_counts_the_documents(bench, tmp_path, name):
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, text in enumerate(["Police said the suspect had fled.\n", "The ministry denied the report.\n"]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    result = bench.phase(name, [str(folder)], 3, None, 2)
    assert (result["phase"], result["docs"], result["words"]) == (name, 3, 6 + 5 + 6)
    assert result["wall"] > 0 and result["cpu"] >= 0 and result["rss_mb"] > 0
    assert (result["output_mb"] > 0) == (name in ("1", "store1"))
