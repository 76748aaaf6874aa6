"""Questions asked of a corpus store (:mod:`claimlens.store`): who speaks most, who denies, who
targets whom by act, the speaker → target graph (GraphML), and read-only SQL.

Every function takes a connection from :func:`claimlens.store.open_store` and returns data; the
``claimlens corpus`` commands print it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from .errors import ClaimlensError


@dataclass(frozen=True)
class Result:
    """The columns and rows of a query."""

    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def _query(con, sql: str, params: list | None = None) -> Result:
    cursor = con.execute(sql, params or [])
    return Result([d[0] for d in cursor.description], cursor.fetchall())


def top_speakers(con, limit: int = 20) -> Result:
    """The corpus actors with the most statements: statements, denials, documents."""
    return _query(
        con,
        """
        SELECT a.name AS speaker, a.type, count(*) AS statements,
               count(*) FILTER (WHERE s.label = 'denial') AS denials, count(DISTINCT s.doc_id) AS documents
        FROM statements s JOIN actors a ON a.actor_id = s.speaker_actor_id
        GROUP BY a.actor_id, a.name, a.type ORDER BY statements DESC, a.actor_id LIMIT ?""",
        [limit],
    )


def denials_by_speaker(con, limit: int = 20) -> Result:
    """The corpus actors with the most denials, with how many answer a reported statement
    (``refutes``) and the actor their denials target most."""
    return _query(
        con,
        """
        WITH d AS (SELECT s.doc_id, s.statement_id, s.speaker_actor_id FROM statements s
                   WHERE s.label = 'denial' AND s.speaker_actor_id IS NOT NULL),
             counts AS (SELECT speaker_actor_id, count(*) AS denials,
                               count(r.statement_id) AS answering FROM d
                        LEFT JOIN refutes r USING (doc_id, statement_id) GROUP BY speaker_actor_id),
             tops AS (SELECT d.speaker_actor_id, t.actor_id, count(*) AS n FROM d
                      JOIN targets t USING (doc_id, statement_id)
                      GROUP BY d.speaker_actor_id, t.actor_id
                      QUALIFY row_number() OVER (PARTITION BY d.speaker_actor_id
                                                 ORDER BY n DESC, t.actor_id) = 1)
        SELECT a.name AS speaker, c.denials, c.answering AS "answering a statement",
               ta.name AS "most denied for"
        FROM counts c JOIN actors a ON a.actor_id = c.speaker_actor_id
        LEFT JOIN tops ON tops.speaker_actor_id = c.speaker_actor_id
        LEFT JOIN actors ta ON ta.actor_id = tops.actor_id
        ORDER BY c.denials DESC, a.actor_id LIMIT ?""",
        [limit],
    )


_EDGES = """
    SELECT s.speaker_actor_id AS source, t.actor_id AS target, s.act, count(*) AS weight
    FROM statements s JOIN targets t USING (doc_id, statement_id)
    WHERE s.speaker_actor_id IS NOT NULL {where}
    GROUP BY ALL ORDER BY weight DESC, source, target, s.act"""


def targeting(con, limit: int = 20, acts: tuple[str, ...] = ()) -> Result:
    """Who targets whom, by act: (speaker, act, target, statements), the most frequent first;
    ``acts`` keeps only those acts."""
    where = f"AND s.act IN ({', '.join('?' * len(acts))})" if acts else ""
    edges = _EDGES.format(where=where)
    return _query(
        con,
        f"""
        SELECT sp.name AS speaker, e.act, tg.name AS target, e.weight AS statements
        FROM ({edges}) e JOIN actors sp ON sp.actor_id = e.source JOIN actors tg ON tg.actor_id = e.target
        ORDER BY e.weight DESC, e.source, e.target, e.act LIMIT ?""",
        [*acts, limit],
    )


def graph_xml(con) -> bytes:
    """The speaker → target graph as GraphML: a node per corpus actor that speaks to or is
    targeted by another (id ``actor_id``; name, type, mentions, statements, denials), an edge per
    (speaker, target, act) with the act as its label and the number of statements as its
    weight. Self-loops are kept (a denial targets its own speaker when it answers an accusation)."""
    edges = _query(con, _EDGES.format(where="")).rows
    nodes = _query(
        con,
        """
        WITH ends AS (SELECT speaker_actor_id AS actor_id FROM statements s
                      JOIN targets t USING (doc_id, statement_id)
                      WHERE speaker_actor_id IS NOT NULL UNION SELECT t.actor_id FROM targets t
                      JOIN statements s USING (doc_id, statement_id) WHERE s.speaker_actor_id IS NOT NULL),
             m AS (SELECT actor_id, count(*) AS mentions FROM mentions GROUP BY actor_id),
             st AS (SELECT speaker_actor_id AS actor_id, count(*) AS statements,
                           count(*) FILTER (WHERE label = 'denial') AS denials FROM statements GROUP BY 1)
        SELECT a.actor_id, a.name, a.type, coalesce(m.mentions, 0), coalesce(st.statements, 0),
               coalesce(st.denials, 0)
        FROM ends JOIN actors a USING (actor_id) LEFT JOIN m USING (actor_id) LEFT JOIN st USING (actor_id)
        ORDER BY a.actor_id""",
    ).rows
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [
        ("name", "node", "string"),
        ("type", "node", "string"),
        ("mentions", "node", "int"),
        ("statements", "node", "int"),
        ("denials", "node", "int"),
        ("label", "edge", "string"),
        ("act", "edge", "string"),
        ("weight", "edge", "int"),
    ]
    for name, domain, kind in keys:
        ET.SubElement(
            root, "key", {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", id="claimlens", edgedefault="directed")

    def data(parent, key: str, value) -> None:
        ET.SubElement(parent, "data", key=key).text = str(value)

    for actor_id, name, type_, mentions, statements, denials in nodes:
        node = ET.SubElement(graph, "node", id=actor_id)
        for key, value in (
            ("name", name),
            ("type", type_),
            ("mentions", mentions),
            ("statements", statements),
            ("denials", denials),
        ):
            data(node, f"node_{key}", value)
    for i, (source, target, act, weight) in enumerate(edges):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=source, target=target)
        data(edge, "edge_label", act)
        data(edge, "edge_act", act)
        data(edge, "edge_weight", weight)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


READ_ONLY = frozenset({"SELECT", "EXPLAIN"})


def sql(con, query: str) -> Result:
    """The result of one read-only statement (SELECT, WITH ... SELECT, EXPLAIN); CL043 for
    anything else, or a query DuckDB cannot run."""
    try:
        statements = con.extract_statements(query)
    except Exception as err:  # noqa: BLE001  (a syntax error)
        raise ClaimlensError("CL043", str(err).splitlines()[0]) from None
    if len(statements) != 1:
        raise ClaimlensError("CL043", f"{len(statements)} statements given, one expected")
    kind = statements[0].type.name
    if kind not in READ_ONLY:
        raise ClaimlensError("CL043", f"a {kind} statement would change something")
    try:
        return _query(con, query)
    except Exception as err:  # noqa: BLE001  (an unknown table, a type error ...)
        raise ClaimlensError("CL043", str(err).splitlines()[0]) from None


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def to_json(result: Result) -> str:
    """The rows as a JSON array of objects (values JSON can hold as they are, others as text)."""
    return (
        json.dumps(
            [{k: _plain(v) for k, v in r.items()} for r in result.records()], ensure_ascii=False, indent=1
        )
        + "\n"
    )


def to_csv(result: Result) -> str:
    """The rows as CSV with a header; lists and structures as JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(
            [
                json.dumps(_plain(v), ensure_ascii=False)
                if isinstance(v, (list, tuple, dict))
                else ""
                if v is None
                else v
                for v in row
            ]
        )
    return out.getvalue()
