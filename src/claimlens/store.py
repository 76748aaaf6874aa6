"""The corpus store: a run's records as the tables of one DuckDB database (extra ``store``).

``claimlens extract corpus/ -o corpus.duckdb`` writes it through :class:`StoreSink`; the tables
are in README.md (*Corpus store*) and :data:`TABLES`. Each document is written in one
transaction; a document already stored with the same ``doc_id`` and ``sha256`` is not analysed
again (a rerun, or ``--resume``, does only what is new or changed); the parent process is the one
writer whatever ``-j`` is. Corpus actors (:mod:`claimlens.registry`) join the actors of all the
articles; rows carry the corpus ``actor_id`` and the article's own ``doc_actor_id``.

DuckDB checks a foreign key when a row it references is deleted, and an update of a key column is
a delete and an insert, also within the transaction that deleted the referencing rows. So a
changed document's rows are deleted table by table, leaves first, one transaction each, its
``documents`` row marked unfinished (``sha256`` NULL) meanwhile; then the new rows are written in
one transaction. An interrupted run leaves whole documents, or unfinished ones that the next run
does again.

:class:`ParquetSink` writes the same tables as a folder of Parquet files (``TABLE.parquet``), and
:func:`open_store` opens either for reading.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from . import batch
from .errors import ClaimlensError
from .registry import Registry

STORE_VERSION = "1"

# table → (column, DuckDB type, constraint): the contract users query (README's *Corpus store*).
TABLES: dict[str, list[tuple[str, str]]] = {
    "store_info": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("path", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("encoding", "VARCHAR"),
        ("media_type", "VARCHAR"),
        ("schema_version", "VARCHAR"),
        ("chars", "INTEGER"),
        ("words", "INTEGER"),
        ("sentences", "INTEGER"),
        ("actors", "INTEGER"),
        ("mentions", "INTEGER"),
        ("statements", "INTEGER"),
        ("denials", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "actors": [
        ("actor_id", "VARCHAR PRIMARY KEY"),
        ("name", "VARCHAR NOT NULL"),
        ("type", "VARCHAR NOT NULL"),
        ("aliases", "JSON NOT NULL"),
    ],
    "doc_actors": [
        ("doc_id", "VARCHAR NOT NULL REFERENCES documents (doc_id)"),
        ("doc_actor_id", "VARCHAR NOT NULL"),
        ("actor_id", "VARCHAR NOT NULL REFERENCES actors (actor_id)"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("aliases", "VARCHAR[]"),
        ("roles", "VARCHAR[]"),
        ("affiliation", "VARCHAR"),
        ("how", "VARCHAR"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR NOT NULL"),
        ("doc_actor_id", "VARCHAR NOT NULL"),
        ("actor_id", "VARCHAR NOT NULL REFERENCES actors (actor_id)"),
        ("start", "INTEGER NOT NULL"),
        ('"end"', "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
    ],
    "statements": [
        ("doc_id", "VARCHAR NOT NULL REFERENCES documents (doc_id)"),
        ("statement_id", "VARCHAR NOT NULL"),
        ("speaker_actor_id", "VARCHAR REFERENCES actors (actor_id)"),
        ("speaker_doc_actor_id", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("label", "VARCHAR NOT NULL"),
        ("act", "VARCHAR"),
        ("quote", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("text", "VARCHAR"),
        ("start", "INTEGER NOT NULL"),
        ('"end"', "INTEGER NOT NULL"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
        ("label_rule", "VARCHAR"),
        ("anonymous", "BOOLEAN"),
        ("sentence", "INTEGER"),
    ],
    "targets": [
        ("doc_id", "VARCHAR NOT NULL"),
        ("statement_id", "VARCHAR NOT NULL"),
        ("doc_actor_id", "VARCHAR NOT NULL"),
        ("actor_id", "VARCHAR NOT NULL REFERENCES actors (actor_id)"),
    ],
    "refutes": [
        ("doc_id", "VARCHAR NOT NULL"),
        ("statement_id", "VARCHAR NOT NULL"),
        ("refuted_statement_id", "VARCHAR NOT NULL"),
    ],
}
KEYS: dict[str, list[str]] = {
    "doc_actors": ["PRIMARY KEY (doc_id, doc_actor_id)"],
    "mentions": [
        'PRIMARY KEY (doc_id, doc_actor_id, start, "end")',
        "FOREIGN KEY (doc_id, doc_actor_id) REFERENCES doc_actors (doc_id, doc_actor_id)",
    ],
    "statements": [
        "PRIMARY KEY (doc_id, statement_id)",
        "FOREIGN KEY (doc_id, speaker_doc_actor_id) REFERENCES doc_actors (doc_id, doc_actor_id)",
    ],
    "targets": [
        "PRIMARY KEY (doc_id, statement_id, doc_actor_id)",
        "FOREIGN KEY (doc_id, statement_id) REFERENCES statements (doc_id, statement_id)",
        "FOREIGN KEY (doc_id, doc_actor_id) REFERENCES doc_actors (doc_id, doc_actor_id)",
    ],
    "refutes": [
        "PRIMARY KEY (doc_id, statement_id)",
        "FOREIGN KEY (doc_id, statement_id) REFERENCES statements (doc_id, statement_id)",
        "FOREIGN KEY (doc_id, refuted_statement_id) REFERENCES statements (doc_id, statement_id)",
    ],
}
DOCUMENT_TABLES = ["doc_actors", "mentions", "statements", "targets", "refutes"]
"""The tables of one document's rows, in the order they are written (parents first)."""
_CLEARING = [["targets", "refutes", "mentions"], ["statements"], ["doc_actors"]]
"""The order a document's rows are deleted in, one transaction per step (see the module's doc)."""
_ACTOR_COLUMNS = {
    "doc_actors": "actor_id",
    "mentions": "actor_id",
    "statements": "speaker_actor_id",
    "targets": "actor_id",
}


def duckdb():
    """The ``duckdb`` module, or CL042 saying how to install it."""
    try:
        import duckdb as module
    except ImportError:
        raise ClaimlensError("CL042", "the corpus store needs DuckDB and pyarrow") from None
    return module


def _arrow():
    try:
        import pyarrow
    except ImportError:
        raise ClaimlensError("CL042", "the corpus store needs DuckDB and pyarrow") from None
    return pyarrow


def ddl() -> list[str]:
    """The CREATE TABLE statements of a store."""
    out = []
    for table, columns in TABLES.items():
        parts = [f"{name} {type_}" for name, type_ in columns] + KEYS.get(table, [])
        out.append(f"CREATE TABLE {table} ({', '.join(parts)})")
    return out


def columns(table: str) -> list[str]:
    return [name.strip('"') for name, _ in TABLES[table]]


# --- one record as rows ------------------------------------------------------------------


def document_rows(
    record: dict[str, Any], inp: batch.Input | None, words: int, registry: Registry
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The ``documents`` row of ``record`` and its rows of each of :data:`DOCUMENT_TABLES`, its
    actors resolved to corpus actors by ``registry``."""
    doc_id = record["doc_id"]
    ids: dict[str, str] = {}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DOCUMENT_TABLES}
    mentions: dict[tuple, dict[str, Any]] = {}
    for a in record["actors"]:
        actor_id, how = registry.resolve(a["name"], a["type"], list(a["aliases"]), list(a.get("roles", ())))
        ids[a["id"]] = actor_id
        rows["doc_actors"].append(
            {
                "doc_id": doc_id,
                "doc_actor_id": a["id"],
                "actor_id": actor_id,
                "name": a["name"],
                "type": a["type"],
                "aliases": list(a["aliases"]),
                "roles": list(a.get("roles", ())),
                "affiliation": a.get("affiliation"),
                "how": how,
            }
        )
        for m in a["mentions"]:
            mentions.setdefault(
                (a["id"], m["start"], m["end"]),
                {
                    "doc_id": doc_id,
                    "doc_actor_id": a["id"],
                    "actor_id": actor_id,
                    "start": m["start"],
                    "end": m["end"],
                    "text": m["text"],
                },
            )
    rows["mentions"] = list(mentions.values())
    for s in record["statements"]:
        speaker, cue, evidence = s.get("speaker") or {}, s.get("cue") or {}, s.get("evidence") or {}
        rows["statements"].append(
            {
                "doc_id": doc_id,
                "statement_id": s["id"],
                "speaker_actor_id": ids.get(speaker.get("actor")),
                "speaker_doc_actor_id": speaker.get("actor"),
                "speaker_text": speaker.get("text"),
                "speaker_start": speaker.get("start"),
                "speaker_end": speaker.get("end"),
                "label": s["label"],
                "act": s.get("act"),
                "quote": s.get("quote"),
                "cue": cue.get("text"),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "text": s["text"],
                "start": s["start"],
                "end": s["end"],
                "confidence": evidence.get("confidence"),
                "rule": evidence.get("rule"),
                "label_rule": evidence.get("label_rule"),
                "anonymous": s.get("anonymous"),
                "sentence": s.get("sentence"),
            }
        )
        for target in dict.fromkeys(s.get("targets", ())):
            rows["targets"].append(
                {"doc_id": doc_id, "statement_id": s["id"], "doc_actor_id": target, "actor_id": ids[target]}
            )
        if s.get("refutes") is not None:
            rows["refutes"].append(
                {"doc_id": doc_id, "statement_id": s["id"], "refuted_statement_id": s["refutes"]}
            )
    path = inp.source.path if inp is not None and inp.source is not None else None
    document = {
        "doc_id": doc_id,
        "path": str(path) if path is not None else None,
        "sha256": record.get("text_sha256"),
        "encoding": record.get("encoding"),
        "media_type": record.get("media_type"),
        "schema_version": record.get("schema_version"),
        "chars": len(record.get("text", "")),
        "words": words,
        "sentences": len(record.get("sentences", ())),
        "actors": len(record["actors"]),
        "mentions": len(rows["mentions"]),
        "statements": len(record["statements"]),
        "denials": sum(s["label"] == "denial" for s in record["statements"]),
        "text": record.get("text"),
    }
    return document, rows


# --- writing -----------------------------------------------------------------------------


class StoreSink(batch.Sink):
    """Records into the DuckDB database at ``path`` (made if missing). A document already there
    with the same ``doc_id`` and ``sha256`` is kept (``known``); a changed one is replaced; one
    that now fails is removed. ``finish`` settles the joins of surnames alone (see
    :mod:`claimlens.registry`) and drops corpus actors no article names any more."""

    def __init__(self, path: str | Path) -> None:
        db = duckdb()
        self._pa = _arrow()
        self._schemas: dict[str, Any] = {}
        self.path = Path(path)
        existed = self.path.exists()
        if self.path.is_dir():
            raise ClaimlensError("CL041", f"{self.path} is a folder")
        if not self.path.parent.is_dir():
            raise ClaimlensError("CL007", f"{self.path}: no such folder {self.path.parent}")
        try:
            # small writes: no thread pool, and blocks of 16 KB rather than 256
            # (a new store is 6 times smaller)
            self.con = db.connect(str(self.path), config={"threads": 1, "default_block_size": "16384"})
        except db.Error as err:
            raise ClaimlensError("CL041", f"{self.path}: {err}") from None
        try:
            if not (existed and _is_store(self.con)):
                if self.con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]:
                    raise ClaimlensError(
                        "CL041", f"{self.path} is a DuckDB database without claimlens's tables"
                    )
                self._create()
            self._known: dict[str, str | None] = dict(
                self.con.execute("SELECT doc_id, sha256 FROM documents").fetchall()
            )
            self._load()
        except BaseException:
            self.con.close()
            raise

    def _create(self) -> None:
        with self._transaction():
            for statement in ddl():
                self.con.execute(statement)
            self.con.executemany(
                "INSERT INTO store_info VALUES (?, ?)",
                [("format", "claimlens-store"), ("store_version", STORE_VERSION), ("schema_version", "1.0")],
            )

    def _load(self) -> None:
        actors = self.con.execute(
            "SELECT actor_id, name, type, aliases FROM actors ORDER BY actor_id"
        ).fetchall()
        doc_actors = self.con.execute(
            "SELECT actor_id, name, type, aliases, roles, how FROM doc_actors ORDER BY doc_id, doc_actor_id"
        ).fetchall()
        self.registry = Registry.load([(i, n, t, json.loads(a)) for i, n, t, a in actors], doc_actors)

    @contextlib.contextmanager
    def _transaction(self):
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def known(self, inp: batch.Input) -> str | None:
        return self._known.get(inp.doc_id)

    def write(self, outcome: batch.Outcome) -> batch.Outcome:
        if outcome.kept:
            return outcome
        try:
            if outcome.doc_id in self._known:
                self._clear(outcome.doc_id, remove=outcome.record is None)
            if outcome.record is not None:
                document, rows = document_rows(outcome.record, outcome.input, outcome.words, self.registry)
                self._insert(document, rows)
        except Exception as err:  # noqa: BLE001  (the document fails; every stored document stays whole)
            self._load()
            if isinstance(err, ClaimlensError):
                return batch.Outcome(outcome.input, error=err, words=outcome.words)
            return batch.Outcome(
                outcome.input, error=ClaimlensError("CL007", f"{self.path}: {err}"), words=outcome.words
            )
        return outcome

    def _clear(self, doc_id: str, remove: bool = False) -> None:
        """Delete a document's rows, leaves first, one transaction per step."""
        for i, tables in enumerate(_CLEARING):
            with self._transaction():
                if i == 0:
                    self.con.execute("UPDATE documents SET sha256 = NULL WHERE doc_id = ?", [doc_id])
                for table in tables:
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self._known[doc_id] = None
        if remove:
            with self._transaction():
                self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
            del self._known[doc_id]

    def _arrow(self, table: str, rows: list[dict[str, Any]]):
        """``rows`` as an Arrow table of ``table``'s columns and types (None when there are none)."""
        if not rows:
            return None
        schema = self._schemas.get(table)
        if schema is None:
            pa = self._pa
            types = {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(),
                     "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string())}
            schema = self._schemas[table] = pa.schema(
                [(name.strip('"'), types[type_.split()[0]]) for name, type_ in TABLES[table]])
        columns = {name: [r[name] for r in rows] for name in schema.names}
        return self._pa.Table.from_pydict(columns, schema=schema)

    def _insert(self, document: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> None:
        """One document's rows, its new corpus actors and their changes, in one transaction sent
        as one script (a statement's round trip costs more than its rows). Each statement reads an
        Arrow table of this frame: DuckDB finds it by its variable's name."""
        new, changed = self.registry.changes()
        _new_actors = self._arrow("actors", _actor_rows(new))  # noqa: F841
        _changed_actors = self._arrow("actors", _actor_rows(changed))  # noqa: F841
        _documents = self._arrow("documents", [document])  # noqa: F841
        _doc_actors = self._arrow("doc_actors", rows["doc_actors"])  # noqa: F841
        _mentions = self._arrow("mentions", rows["mentions"])  # noqa: F841
        _statements = self._arrow("statements", rows["statements"])  # noqa: F841
        _targets = self._arrow("targets", rows["targets"])  # noqa: F841
        _refutes = self._arrow("refutes", rows["refutes"])  # noqa: F841
        script = ["BEGIN TRANSACTION"]
        if new:
            script.append(_insert_from("actors", "_new_actors"))
        if changed:
            script.append("UPDATE actors SET name = c.name, aliases = c.aliases FROM _changed_actors c "
                          "WHERE actors.actor_id = c.actor_id")
        if document["doc_id"] in self._known:  # its rows were cleared; the row itself stays
            sets = ", ".join(f'"{n}" = d."{n}"' for n in columns("documents") if n != "doc_id")
            script.append(f"UPDATE documents SET {sets} FROM _documents d WHERE documents.doc_id = d.doc_id")
        else:
            script.append(_insert_from("documents", "_documents"))
        script += [_insert_from(table, f"_{table}") for table in DOCUMENT_TABLES if rows[table]]
        script.append("COMMIT")
        try:
            self.con.execute(";\n".join(script))
        except BaseException:
            with contextlib.suppress(Exception):
                self.con.execute("ROLLBACK")
            raise
        self.registry.saved()
        self._known[document["doc_id"]] = document["sha256"]

    # --- completing a run ----------------------------------------------------------------

    def finish(self) -> None:
        try:
            self._settle_surnames()
            with self._transaction():
                self.con.execute("DELETE FROM actors WHERE actor_id NOT IN (SELECT actor_id FROM doc_actors)")
            self._load()
        except ClaimlensError:
            raise
        except Exception as err:  # noqa: BLE001
            raise ClaimlensError("CL007", f"{self.path}: {err}") from None

    def _settle_surnames(self) -> None:
        """Join each article actor named by a surname alone as the whole corpus now says (the one
        person of that surname, else the surname's own actor), rewriting the documents it moves in."""
        moves: dict[str, dict[str, str]] = {}
        for doc_id, doc_actor_id, actor_id, name, roles, aliases in self.con.execute(
            "SELECT doc_id, doc_actor_id, actor_id, name, roles, aliases FROM doc_actors "
            "WHERE how = 'surname' ORDER BY doc_id, doc_actor_id"
        ).fetchall():
            target = self.registry.settle(name, aliases, roles)
            if target.actor_id != actor_id:
                self.registry.join(target, list(aliases))
                moves.setdefault(doc_id, {})[doc_actor_id] = target.actor_id
        for doc_id, moved in moves.items():
            self._rewrite(doc_id, moved)

    def _rewrite(self, doc_id: str, moved: dict[str, str]) -> None:
        """Write a stored document again with some of its article actors joined to other corpus
        actors (``moved``: doc_actor_id → actor_id)."""
        document = self._fetch("documents", doc_id)[0]
        rows = {table: self._fetch(table, doc_id) for table in DOCUMENT_TABLES}
        for table, column in _ACTOR_COLUMNS.items():
            local = "speaker_doc_actor_id" if table == "statements" else "doc_actor_id"
            for row in rows[table]:
                if row[local] in moved:
                    row[column] = moved[row[local]]
        self._clear(doc_id)
        self._insert(document, rows)

    def _fetch(self, table: str, doc_id: str) -> list[dict[str, Any]]:
        quoted = ", ".join(f'"{n}"' for n in columns(table))
        result = self.con.execute(f"SELECT {quoted} FROM {table} WHERE doc_id = ?", [doc_id])
        return [dict(zip(columns(table), row)) for row in result.fetchall()]

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None


def _actor_rows(actors) -> list[dict[str, Any]]:
    return [{"actor_id": a.actor_id, "name": a.name, "type": a.type,
             "aliases": json.dumps(a.aliases, ensure_ascii=False)} for a in actors]


def _insert_from(table: str, variable: str) -> str:
    quoted = ", ".join(f'"{n}"' for n in columns(table))
    return f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {variable}"


def _is_store(con) -> bool:
    try:
        row = con.execute("SELECT value FROM store_info WHERE key = 'format'").fetchone()
    except Exception:  # noqa: BLE001  (no such table: some other database)
        return False
    return row is not None and row[0] == "claimlens-store"


class ParquetSink(StoreSink):
    """The same tables as a folder of Parquet files, ``FOLDER/TABLE.parquet``: written to a
    DuckDB database beside the folder while the run lasts, exported when it completes."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ClaimlensError("CL007", f"{self.folder} exists and is not a folder")
        tmp = self.folder.parent / f".{self.folder.name}.building.duckdb"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        super().__init__(tmp)

    def finish(self) -> None:
        super().finish()
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            for table in TABLES:
                target = str(self.folder / f"{table}.parquet").replace("'", "''")
                self.con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' (FORMAT parquet)")
        except Exception as err:  # noqa: BLE001
            raise ClaimlensError("CL007", f"{self.folder}: {err}") from None

    def close(self) -> None:
        super().close()
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


# --- reading -----------------------------------------------------------------------------


def open_store(path: str | Path):
    """A read-only DuckDB connection to a store: a ``.duckdb`` file, or a folder of Parquet files
    written by :class:`ParquetSink` (then its tables are views over the files). CL040 when the path
    does not exist, CL041 when it is no claimlens store."""
    db = duckdb()
    path = Path(path)
    if not path.exists():
        raise ClaimlensError("CL040", str(path))
    if path.is_dir():
        if not (path / "store_info.parquet").is_file():
            raise ClaimlensError("CL041", f"{path}: a folder without store_info.parquet")
        con = db.connect()
        for table in TABLES:
            file = str(path / f"{table}.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{file}')")
    else:
        try:
            con = db.connect(str(path), read_only=True)
        except db.Error as err:
            raise ClaimlensError("CL041", f"{path}: {str(err).splitlines()[0]}") from None
    if not _is_store(con):
        con.close()
        raise ClaimlensError("CL041", str(path))
    return con
