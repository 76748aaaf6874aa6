"""The corpus store on real DuckDB files: rows equal the records, reruns and kills duplicate
nothing, foreign keys hold, the README's tables are the database's, the corpus commands."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb")

from typer.testing import CliRunner  # noqa: E402

from claimlens import batch  # noqa: E402
from claimlens.cli import app  # noqa: E402
from claimlens.store import TABLES, StoreSink, open_store  # noqa: E402

from .helpers import ROOT, needs_shared  # noqa: E402
from .test_batch import corpus  # noqa: E402

runner = CliRunner()


def counts(path) -> dict[str, int]:
    con = open_store(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def record_counts(records: list[dict]) -> dict[str, int]:
    """What the store must hold for these records (JSON Lines output)."""
    statements = [s for r in records for s in r["statements"]]
    return {
        "documents": len(records),
        "doc_actors": sum(len(r["actors"]) for r in records),
        "mentions": sum(len(a["mentions"]) for r in records for a in r["actors"]),
        "statements": len(statements),
        "targets": sum(len(s["targets"]) for s in statements),
        "refutes": sum(s["refutes"] is not None for s in statements),
    }


def dump(path) -> dict[str, list]:
    """Every row of every table, sorted: two stores are the same when their dumps are."""
    con = open_store(path)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}
    finally:
        con.close()


def store_run(folder, path, extractor, jobs=1, jsonl=None) -> list[batch.Outcome]:
    with StoreSink(path) as sink:
        outcomes = list(
            batch.run(batch.inputs([str(folder)]), sink, extractor=extractor, jobs=jobs, batch_size=2)
        )
    if jsonl is not None:
        with batch.JsonLinesSink(jsonl) as lines:
            for outcome in outcomes:
                lines.write(outcome)
    return outcomes


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("store"), 7)


@pytest.fixture(scope="module")
def fresh(folder, extractor, tmp_path_factory):
    """A store and the JSON Lines of the same run."""
    out = tmp_path_factory.mktemp("fresh")
    store_run(folder, out / "c.duckdb", extractor, jsonl=out / "c.jsonl")
    return out / "c.duckdb", [json.loads(line) for line in (out / "c.jsonl").read_text().splitlines()]


def test_rows_equal_the_records_of_the_same_run(fresh):
    path, records = fresh
    got = counts(path)
    assert {t: got[t] for t in record_counts(records)} == record_counts(records)
    assert got["actors"] <= got["doc_actors"] and got["actors"] > 0
    con = open_store(path)
    stored = dict(con.execute("SELECT doc_id, sha256 FROM documents").fetchall())
    assert stored == {r["doc_id"]: r["text_sha256"] for r in records}
    for doc_id, text, start, end, span in con.execute(
        'SELECT doc_id, d.text, s.start, s."end", s.text FROM statements s JOIN documents d USING (doc_id)'
    ).fetchall():
        assert text[start:end] == span, doc_id


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rerun_keeps_every_document_and_duplicates_nothing(fresh, folder, extractor, tmp_path, jobs):
    path = tmp_path / "c.duckdb"
    path.write_bytes(fresh[0].read_bytes())
    outcomes = store_run(folder, path, extractor, jobs=jobs)
    assert all(o.kept for o in outcomes)
    assert dump(path) == dump(fresh[0])


def test_a_changed_article_replaces_its_rows(folder, extractor, tmp_path):
    own = corpus(tmp_path, 3)
    path = tmp_path / "c.duckdb"
    store_run(own, path, extractor)
    edited = sorted(own.rglob("*.txt"))[1]
    edited.write_text(
        "Mayor Lena Ortiz denied the report. Ortiz said the audit was wrong.\n", encoding="utf-8"
    )
    outcomes = store_run(own, path, extractor)
    assert [o.kept for o in outcomes] == [True, False, True]
    again = tmp_path / "again.duckdb"
    store_run(own, again, extractor)
    assert dump(path) == dump(again)
    edited.write_bytes(b"\x00\x01\x02" * 200)  # now binary: it fails and leaves no rows
    outcomes = store_run(own, path, extractor)
    assert outcomes[1].error is not None and counts(path)["documents"] == 2


def test_foreign_keys_hold_and_are_enforced(fresh):
    path, _ = fresh
    con = open_store(path)
    orphans = {
        "doc_actors": "SELECT count(*) FROM doc_actors LEFT JOIN documents d USING (doc_id) "
        "WHERE d.doc_id IS NULL",
        "mentions": "SELECT count(*) FROM mentions m LEFT JOIN doc_actors d USING (doc_id, doc_actor_id) "
        "WHERE d.doc_id IS NULL OR d.actor_id <> m.actor_id",
        "statements": "SELECT count(*) FROM statements s LEFT JOIN doc_actors d ON d.doc_id = s.doc_id "
        "AND d.doc_actor_id = s.speaker_doc_actor_id WHERE s.speaker_doc_actor_id IS NOT NULL "
        "AND (d.doc_id IS NULL OR d.actor_id <> s.speaker_actor_id)",
        "targets": "SELECT count(*) FROM targets t LEFT JOIN statements s USING (doc_id, statement_id) "
        "LEFT JOIN doc_actors d USING (doc_id, doc_actor_id) "
        "WHERE s.doc_id IS NULL OR d.actor_id <> t.actor_id",
        "refutes": "SELECT count(*) FROM refutes r LEFT JOIN statements s ON s.doc_id = r.doc_id "
        "AND s.statement_id = r.refuted_statement_id WHERE s.doc_id IS NULL",
        "actors": "SELECT count(*) FROM actors WHERE actor_id NOT IN (SELECT actor_id FROM doc_actors)",
    }
    assert {t: con.execute(q).fetchone()[0] for t, q in orphans.items()} == dict.fromkeys(orphans, 0)
    con.close()
    con = duckdb.connect(str(path))
    for sql in [
        "INSERT INTO mentions VALUES ('nowhere', 'A1', 'person:nobody', 0, 1, 'x')",
        "INSERT INTO statements (doc_id, statement_id, label, start, \"end\") "
        "VALUES ('nowhere', 'S1', 'claim', 0, 1)",
        "INSERT INTO documents (doc_id) SELECT doc_id FROM documents LIMIT 1",
    ]:
        with pytest.raises(duckdb.ConstraintException):
            con.execute(sql)
    con.close()


def _wal_grows(path: Path, proc) -> None:
    wal = path.with_name(path.name + ".wal")
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 200_000:
            return
        time.sleep(0.01)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills a real process")
def test_a_killed_run_then_resumed_equals_an_uninterrupted_one(tmp_path, extractor):
    folder = corpus(tmp_path, 40, paragraphs=6)
    path = tmp_path / "c.duckdb"
    claimlens = [
        str(Path(sys.executable).parent / "claimlens"),
        "extract",
        str(folder),
        "-o",
        str(path),
        "-j",
        "2",
        "-q",
    ]
    proc = subprocess.Popen(claimlens, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _wal_grows(path, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    done = counts(path)["documents"]
    assert 0 < done < 40  # killed in the middle
    result = subprocess.run(
        claimlens + ["--resume"], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    fresh = tmp_path / "fresh.duckdb"
    store_run(folder, fresh, extractor)
    assert dump(path) == dump(fresh)


def test_readme_lists_the_tables_of_the_database(fresh):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The tables") : readme.index("## In Python")]
    documented = {}
    for table, body in re.findall(r"^#### `(\w+)`\n(.*?)(?=^#### |\Z)", section, flags=re.M | re.S):
        documented[table] = re.findall(r"^\| `(\w+)` \| ([A-Z\[\]]+) \|", body, flags=re.M)
    con = open_store(fresh[0])
    actual = {
        t: [
            tuple(r)
            for r in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position",
                [t],
            ).fetchall()
        ]
        for t in TABLES
    }
    assert documented == actual


# --- one actor across articles -------------------------------------------------------------

ARTICLES = {
    "a": "Mayor Lena Ortiz said the bridge would reopen. Ortiz denied that the audit had found faults.\n",
    "b": "Coach Mark Ortiz said the team was ready. Peru said the match would go ahead.\n",
    "c": "Ortiz said on Monday that the road was closed.\n",
    "d": "Lima rejected the claims. The Peruvian foreign ministry said the report was false.\n",
    "e": "Dale Rivers said the plant would close. Mr. Rivers accused the council of delays.\n",
    "f": "Mr. Rivers told reporters the talks had failed.\n",
    "g": "Mayor Ortiz said on Monday that the road was closed.\n",
}


def _store_of(extractor, path, names) -> dict[tuple[str, str], str]:
    """Store the made-up articles ``names`` in that order; their (doc_id, name) → corpus actor."""
    articles = extractor.pipe([(ARTICLES[n], n) for n in names], as_tuples=True)
    with StoreSink(path) as sink:
        for article in articles:
            record = article.to_dict()
            assert (
                sink.write(batch.Outcome(batch.Input(record["doc_id"], None), record=record, words=1)).error
                is None
            )
        sink.finish()
    con = open_store(path)
    return {(d, n): a for d, n, a in con.execute("SELECT doc_id, name, actor_id FROM doc_actors").fetchall()}


def test_one_actor_across_articles_whatever_their_order(extractor, tmp_path):
    forward = _store_of(extractor, tmp_path / "f.duckdb", list(ARTICLES))
    backward = _store_of(extractor, tmp_path / "b.duckdb", list(reversed(ARTICLES)))
    assert forward == backward
    assert forward[("a", "Lena Ortiz")] != forward[("b", "Mark Ortiz")]
    assert forward[("c", "Ortiz")] not in (forward[("a", "Lena Ortiz")], forward[("b", "Mark Ortiz")])
    assert forward[("b", "Peru")] == forward[("d", "Peru")] == "gpe:peru"
    assert forward[("g", "Ortiz")] == forward[("a", "Lena Ortiz")]  # the one Ortiz who is a mayor
    assert forward[("e", "Dale Rivers")] == forward[("f", "Rivers")]  # the one Rivers with a first name


# (article actors as (name, type, aliases, roles), in order; the groups of those that are one corpus actor)
REGISTRY_CASES = [
    ("surname and full name", [("Lena Ortiz", "PERSON", [], []), ("Ortiz", "PERSON", [], [])], [{0, 1}]),
    (
        "two people share the surname",
        [("Lena Ortiz", "PERSON", [], []), ("Mark Ortiz", "PERSON", [], []), ("Ortiz", "PERSON", [], [])],
        [{0}, {1}, {2}],
    ),
    (
        "a shared role decides",
        [
            ("Lena Ortiz", "PERSON", [], ["mayor"]),
            ("Mark Ortiz", "PERSON", [], ["coach"]),
            ("Ortiz", "PERSON", [], ["Mayor"]),
        ],
        [{0, 2}, {1}],
    ),
    (
        "a title is not a name",
        [("Dale Rivers", "PERSON", [], []), ("Mr. Dale Rivers", "PERSON", [], [])],
        [{0, 1}],
    ),
    ("a middle initial", [("Dale K. Rivers", "PERSON", [], []), ("Dale Rivers", "PERSON", [], [])], [{0, 1}]),
    (
        "different middle initials",
        [("Dale K. Rivers", "PERSON", [], []), ("Dale P. Rivers", "PERSON", [], [])],
        [{0}, {1}],
    ),
    (
        "no middle initial first",
        [("Dale Rivers", "PERSON", [], []), ("Dale K. Rivers", "PERSON", [], []), ("Dale P. Rivers", "PERSON", [], [])],
        [{0, 1}, {2}],
    ),
    (
        "a word that is someone's first name",
        [("Ana James", "PERSON", [], []), ("James Corder", "PERSON", [], []), ("James", "PERSON", [], [])],
        [{0}, {1}, {2}],
    ),
    ("the place a formal name names", [("United States", "GPE", [], []), ("America", "GPE", [], [])], [{0, 1}]),
    (
        "a title makes it a surname",
        [("Ana James", "PERSON", [], ["judge"]), ("James Corder", "PERSON", [], []),
         ("James", "PERSON", ["Judge James"], ["judge"])],
        [{0, 2}, {1}],
    ),
    (
        "a capital as its country",
        [("Peru", "GPE", [], []), ("Lima", "GPE", [], []), ("Peruvians", "GPE", [], [])],
        [{0, 1, 2}],
    ),
    (
        "an organisation with and without 'the'",
        [("the Harbor Authority", "ORG", [], []), ("Harbor Authority", "ORG", [], [])],
        [{0, 1}],
    ),
    ("an acronym alone", [("Harbor Review Agency", "ORG", ["HRA"], []), ("HRA", "ORG", [], [])], [{0, 1}]),
    ("an acronym first", [("HRA", "ORG", [], []), ("Harbor Review Agency", "ORG", ["HRA"], [])], [{0, 1}]),
    ("same name, other type", [("Jordan", "GPE", [], []), ("Jordan", "PERSON", [], [])], [{0}, {1}]),
    (
        "different organisations",
        [("Vantage Motor Company", "ORG", ["Vantage"], []), ("Vantage Bank", "ORG", ["Vantage"], [])],
        [{0}, {1}],
    ),
]


@pytest.mark.parametrize("case, actors, groups", REGISTRY_CASES, ids=[c[0] for c in REGISTRY_CASES])
def test_registry_joins(case, actors, groups):
    from claimlens.registry import Registry

    reg = Registry()
    ids = [reg.resolve(name, type_, [name, *aliases], roles) for name, type_, aliases, roles in actors]
    settled = [
        reg.settle(name, [name, *aliases], roles).actor_id if how == "surname" else actor_id  # as a run ends
        for (name, _, aliases, roles), (actor_id, how) in zip(actors, ids)
    ]
    got = {}
    for i, actor_id in enumerate(settled):
        got.setdefault(actor_id, set()).add(i)
    assert sorted(got.values(), key=min) == groups


# --- the corpus commands -------------------------------------------------------------------


@pytest.fixture(scope="module")
def kit(eval_articles, tmp_path_factory):
    """A store of the evaluation kit's articles, and their records."""
    path = tmp_path_factory.mktemp("kit") / "kit.duckdb"
    records = [a.to_dict() for a in eval_articles.values()]
    with StoreSink(path) as sink:
        for record in records:
            assert (
                sink.write(batch.Outcome(batch.Input(record["doc_id"], None), record=record, words=1)).error
                is None
            )
        sink.finish()
    return path, records


@needs_shared
def test_graph_of_the_kit_loads_in_networkx(kit, tmp_path):
    nx = pytest.importorskip("networkx")
    path, records = kit
    result = runner.invoke(app, ["corpus", "graph", str(path), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    con = open_store(path)
    corpus_id = {
        (d, a): c
        for d, a, c in con.execute("SELECT doc_id, doc_actor_id, actor_id FROM doc_actors").fetchall()
    }
    edges: dict[tuple[str, str, str], int] = {}
    for r in records:
        for s in r["statements"]:
            if s["speaker"] and s["speaker"]["actor"]:
                for t in s["targets"]:
                    key = (
                        corpus_id[(r["doc_id"], s["speaker"]["actor"])],
                        corpus_id[(r["doc_id"], t)],
                        s["act"],
                    )
                    edges[key] = edges.get(key, 0) + 1
    assert graph.number_of_edges() == len(edges) > 20
    assert graph.number_of_nodes() == len({n for e in edges for n in e[:2]})
    got = {(u, v, d["act"]): d["weight"] for u, v, d in graph.edges(data=True)}
    assert got == edges and all(d["label"] == d["act"] for _, _, d in graph.edges(data=True))
    assert {graph.nodes[n]["type"] for n in graph.nodes} <= {"PERSON", "ORG", "GPE"}


def test_summary_prints_three_tables(fresh):
    result = runner.invoke(app, ["corpus", "summary", str(fresh[0]), "-n", "3"])
    assert result.exit_code == 0, result.output
    for title in ("Top speakers", "Denials by speaker", "Who targets whom"):
        assert title in result.stdout


def test_sql_prints_a_result_as_table_csv_and_json(fresh):
    path, records = fresh
    query = "SELECT doc_id, statements FROM documents ORDER BY doc_id"
    expected = sorted((r["doc_id"], len(r["statements"])) for r in records)
    as_json = runner.invoke(app, ["corpus", "sql", str(path), query, "--format", "json"])
    assert [(r["doc_id"], r["statements"]) for r in json.loads(as_json.stdout)] == expected
    as_csv = runner.invoke(app, ["corpus", "sql", str(path), query, "-f", "csv"]).stdout.splitlines()
    assert as_csv[0] == "doc_id,statements" and len(as_csv) == len(records) + 1
    table = runner.invoke(app, ["corpus", "sql", str(path), query])
    assert table.exit_code == 0 and Path(expected[0][0]).name in table.stdout


@pytest.mark.parametrize(
    "query",
    [
        "DROP TABLE actors",
        "DELETE FROM documents",
        "COPY documents TO 'out.csv'",
        "CREATE TABLE x (a INTEGER)",
        "SELECT 1; SELECT 2",
        "SELECT * FROM no_such_table",
        "SELEC 1",
    ],
)
def test_sql_is_read_only(fresh, query, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = dump(fresh[0])
    result = runner.invoke(app, ["corpus", "sql", str(fresh[0]), query])
    assert result.exit_code == 1 and "CL043" in result.stderr
    assert dump(fresh[0]) == before and not list(tmp_path.iterdir())


def test_bad_store_paths_are_numbered_errors(tmp_path, fresh):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    before = other.read_bytes()
    (tmp_path / "text.duckdb").write_text("not a database\n")
    for args, code in [
        (["corpus", "summary", str(tmp_path / "missing.duckdb")], "CL040"),
        (["corpus", "sql", str(tmp_path / "text.duckdb"), "SELECT 1"], "CL041"),
        (["corpus", "graph", str(other)], "CL041"),
        (["corpus", "summary", str(tmp_path)], "CL041"),
        (["extract", str(ROOT / "samples"), "-o", str(other)], "CL041"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and result.stderr.startswith(f"error: {code} "), (args, result.output)
    assert other.read_bytes() == before


def test_a_missing_duckdb_says_how_to_install_it(monkeypatch, tmp_path):
    from claimlens import ClaimlensError, store

    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ClaimlensError) as e:
        store.StoreSink(tmp_path / "c.duckdb")
    assert e.value.code == "CL042" and "claimlens[store]" in str(e.value)
    assert not (tmp_path / "c.duckdb").exists()
