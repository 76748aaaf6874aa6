"""Helpers shared by the tests: where the evaluation kit is, script loading, offset checks."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMLENS_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"
POLNEAR = SHARED / "polnear" / "dev"
SAMPLE = ROOT / "samples" / "presstv-iran-albania-ties.txt"

needs_shared = pytest.mark.skipif(not (EVAL / "score.py").exists(),
                                  reason=f"the evaluation kit is not at {EVAL} (set CLAIMLENS_SHARED)")

needs_polnear = pytest.mark.skipif(not (POLNEAR / "text").is_dir(), reason=f"PolNeAR is not at {POLNEAR}")


def load_script(path: Path):
    """Import a standalone script (the scorers in ../shared/eval) as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_offsets(article) -> None:
    """Every span of a record is the text at its offsets."""
    text = article.text
    for s in article.sentences:
        assert text[s.start:s.end] == s.text
    for a in article.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text, (a.name, m)
    for s in article.statements:
        assert text[s.start:s.end] == s.text
        for p in s.parts:
            assert text[p.start:p.end] == p.text
            assert s.start <= p.start < p.end <= s.end
        if s.cue is not None:
            assert text[s.cue.start:s.cue.end] == s.cue.text
        if s.speaker is not None:
            assert text[s.speaker.start:s.speaker.end] == s.speaker.text
