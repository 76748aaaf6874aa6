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


def notebook_blocks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In notebooks and in spaCy", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.+?)\n```", section, flags=re.DOTALL)


def _literal(comment: str):
    """The Python literal a comment shows (``[...]`` or ``{...}``), else None."""
    import ast

    comment = comment.strip()
    if not comment.startswith(("[", "{")):
        return None
    try:
        return ast.literal_eval(comment)
    except (ValueError, SyntaxError):
        return None


def test_the_notebook_session_and_the_plugin_run_as_shown(monkeypatch):
    """Runs README's notebook and plugin examples; where an expression is followed by a comment
    that is a Python literal (``expr  # {...}``, or ``# [...]`` on the next line), the
    expression gives exactly that."""
    import ast

    monkeypatch.chdir(ROOT)
    blocks = notebook_blocks()
    assert len(blocks) == 2
    namespace: dict = {}
    checked = 0
    for block in blocks:
        lines = block.splitlines() + [""]
        for node in ast.parse(block).body:
            source = ast.get_source_segment(block, node)
            following = lines[node.end_lineno]
            expected = _literal(lines[node.end_lineno - 1].partition("  # ")[2])
            if expected is None and following.startswith("# "):
                expected = _literal(following[2:])
            if isinstance(node, ast.Expr) and expected is not None:
                assert eval(source, namespace) == expected, source
                checked += 1
            else:
                exec(source, namespace)  # noqa: S102  (README's own example code)
    assert checked == 2
    art, df, doc = namespace["art"], namespace["df"], namespace["doc"]
    assert "cl-statement" in art._repr_html_() and len(df) == len(art.statements)
    assert list(namespace["frame"]["doc_id"].unique()) == ["a", "b"]
    assert doc.spans["claimlens"]


def test_readme_lists_every_error_code():
    from claimlens.errors import CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| (CL\d{3}) \|", readme, flags=re.M) == list(CODES)
