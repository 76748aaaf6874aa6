"""``claimlens corpus``: summary tables, the graph and SQL over a corpus store (stdout: data)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import corpus
from .errors import ClaimlensError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Ask a corpus store (claimlens extract DIR -o corpus.duckdb) who said what about whom.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

StorePath = Annotated[str, typer.Argument(metavar="STORE", help="A .duckdb store or a Parquet store folder.")]


class SqlFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _out() -> Console:
    return Console(file=sys.stdout, highlight=False, markup=False, emoji=False)


def _table(title: str, result: corpus.Result) -> Table:
    table = Table(title=title, title_justify="left")
    for column in result.columns:
        table.add_column(column, justify="right" if column in _NUMERIC else "left")
    for row in result.rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    return table


_NUMERIC = {"statements", "denials", "documents", "answering a statement", "mentions"}


def _open(path: str):
    from .store import open_store

    return open_store(path)


def _fail(e: ClaimlensError) -> typer.Exit:
    err.print(f"error: {e}")
    return typer.Exit(1)


@app.command()
def summary(
    store: StorePath,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows per table.")] = 20,
) -> None:
    """The top speakers, denials by speaker, and who targets whom by act."""
    try:
        con = _open(store)
        out = _out()
        out.print(_table("Top speakers", corpus.top_speakers(con, limit)))
        out.print(_table("Denials by speaker", corpus.denials_by_speaker(con, limit)))
        out.print(_table("Who targets whom (speaker, act, target)", corpus.targeting(con, limit)))
    except ClaimlensError as e:
        raise _fail(e) from None


@app.command()
def graph(
    store: StorePath,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", metavar="FILE.graphml", help="Write here ('-' or none: stdout)."),
    ] = None,
) -> None:
    """The speaker → target graph as GraphML (Gephi, networkx): actors as nodes, an edge per
    speaker, target and act, weighted by the number of statements."""
    try:
        data = corpus.graph_xml(_open(store))
        if output in (None, "-"):
            sys.stdout.buffer.write(data)
            return
        try:
            Path(output).write_bytes(data)
        except OSError as e:
            raise ClaimlensError("CL007", f"{output}: {e.strerror or e}") from None
    except ClaimlensError as e:
        raise _fail(e) from None


@app.command()
def sql(
    store: StorePath,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="One read-only SELECT.")],
    fmt: Annotated[SqlFormat, typer.Option("--format", "-f", help="table, csv or json.")] = SqlFormat.table,
) -> None:
    """Run one read-only SQL query on the store and print its result."""
    try:
        result = corpus.sql(_open(store), query)
    except ClaimlensError as e:
        raise _fail(e) from None
    if fmt is SqlFormat.csv:
        sys.stdout.write(corpus.to_csv(result))
    elif fmt is SqlFormat.json:
        sys.stdout.write(corpus.to_json(result))
    else:
        _out().print(_table("", result))
