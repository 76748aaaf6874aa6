"""The command line: typer parses and checks, the library does the work.

stdout carries data only (JSON, JSON Lines or the terminal view); messages go to stderr.
Exit codes: 0 every input processed; 1 some input failed (each named on stderr); 2 usage error.
"""
from __future__ import annotations

import contextlib
import enum
import json
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import io
from .errors import ClaimlensError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Who said what about whom in news articles: statements, speakers, claims and denials.")
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


SUFFIX_FORMAT = {".json": Format.json, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl}


def _version(value: bool) -> None:
    if not value:
        return
    import spacy

    from . import __version__
    from .api import model_version, resolve_model

    try:
        model = resolve_model(None)
        model_text = f"{model} {model_version(model)}"
    except ClaimlensError as e:
        model_text = f"none ({e})"
    typer.echo(f"claimlens {__version__}\nspaCy {spacy.__version__}\nmodel {model_text}")
    raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the versions of claimlens, spaCy and the model, then exit.")] = False,
) -> None:
    """claimlens: who said what about whom in news articles."""


def _choose_format(fmt: Format | None, output: str | None, n_paths: int, paths: list[str]) -> Format:
    if fmt is not None:
        return fmt
    if output and output != "-":
        return SUFFIX_FORMAT.get(Path(output).suffix.lower(), Format.jsonl)
    if output is None and sys.stdout.isatty():
        return Format.table
    single = n_paths == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    return Format.json if single else Format.jsonl


@contextlib.contextmanager
def _open_output(output: str | None):
    if output is None or output == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
    except OSError as e:
        raise ClaimlensError("CL007", f"{output}: {e.strerror or e}") from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Article files (text or web pages), folders (searched recursively for .txt, .html, .htm) or '-' for stdin.")],
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f",
                                                  help="table (a terminal's default), json, or jsonl (-o FILE.jsonl's default).")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file ('-' for stdout).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", envvar="CLAIMLENS_MODEL",
                                                 help="spaCy pipeline: an installed package name or a path.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr; errors only.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract statements, speakers and claims/denials from articles."""
    from .api import Extractor
    from .render import print_articles

    failures = 0

    def inputs() -> Iterator[tuple[str, dict[str, str]]]:
        nonlocal failures
        for item in io.discover(paths):
            if isinstance(item, ClaimlensError):
                failures += 1
                err.print(f"error: {item}")
                continue
            try:
                document = io.read_source(item)
            except ClaimlensError as e:
                failures += 1
                err.print(f"error: {e}")
                continue
            for warning in document.warnings if not quiet else ():
                err.print(f"warning: {warning}")
            yield document.text, document.fields

    try:
        chosen = _choose_format(fmt, output, len(paths), paths)
        extractor = Extractor(model)
        articles = extractor.pipe(inputs(), as_tuples=True)
        with _open_output(output) as out:
            if chosen is Format.table:
                print_articles(articles, Console(file=out, soft_wrap=False))
            elif chosen is Format.json:
                io.write_json(articles, out)
            else:
                io.write_jsonl(articles, out)
    except ClaimlensError as e:
        if debug:
            traceback.print_exc()
        err.print(f"error: {e}")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        raise
    except Exception as e:  # an unexpected failure: one line, the traceback only on request
        if debug:
            raise
        err.print(f"error: {ClaimlensError('CL999', f'{type(e).__name__}: {e}')}")
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one record (schema 1.0)."""
    from .records import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # the reader went away (`claimlens extract ... | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
