"""The command line: typer parses and checks, the library does the work.

stdout carries data only (JSON, JSON Lines or the terminal view); messages go to stderr.
Exit codes: 0 every input processed; 1 some input failed (each named on stderr or in --errors FILE);
2 usage error; 130 interrupted. The run loop and the writing are :mod:`claimlens.batch`'s.
"""
from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text
from typer.core import TyperGroup

from . import batch
from .errors import ClaimlensError

# Messages hold paths and article text: "[bold]" or ":smile:" in them is text, never rich markup.
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
# The usage error of the click that typer runs on (recent typer releases carry their own click).
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _usage_error(e: Exception) -> typer.Exit:
    """A usage error (a missing path, an unknown option, an invalid value) as the one numbered
    line every claimlens error is (CL009, exit code 2)."""
    err.print(f"error: {ClaimlensError('CL009', e.format_message())}")
    return typer.Exit(2)


class _Group(TyperGroup):
    """typer's group, its usage errors shown by :func:`_usage_error` (the help that a bare
    ``claimlens`` shows stays as it is)."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except _USAGE_ERROR as e:
            if type(e).__name__ == "NoArgsIsHelpError":
                raise
            raise _usage_error(e) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _USAGE_ERROR as e:
            if type(e).__name__ == "NoArgsIsHelpError":
                raise
            raise _usage_error(e) from None


app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Who said what about whom in news articles: statements, speakers, claims and denials.")


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    duckdb = "duckdb"


SUFFIX_FORMAT = {".json": Format.json, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl,
                 ".html": Format.html, ".htm": Format.html,
                 ".duckdb": Format.duckdb}


def _version(value: bool) -> None:
    if not value:
        return
    import spacy

    from . import __version__
    from .api import model_version, resolve_model

    try:
        model = resolve_model(None)
        model_text = f"{model} {model_version(model) or '(not an installed spaCy pipeline)'}"
    except ClaimlensError as e:
        model_text = f"none ({e})"
    typer.echo(f"claimlens {__version__}\nspaCy {spacy.__version__}\nmodel {model_text}")
    raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Print the versions of claimlens, spaCy and the model, then exit.")] = False,
) -> None:
    """claimlens: who said what about whom in news articles."""


def _choose_format(fmt: Format | None, output: str | None, paths: list[str]) -> Format:
    if fmt is not None:
        return fmt
    if output and output != "-":
        return SUFFIX_FORMAT.get(Path(output).suffix.lower(), Format.jsonl)
    if output is None and _stdout_is_terminal():
        return Format.table
    single = len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file())
    return Format.json if single else Format.jsonl


def _is_folder(output: str | None) -> bool:
    return bool(output) and output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _sink(chosen: Format, output: str | None, resume: bool) -> batch.Sink:
    to_file = output is not None and output != "-"
    if chosen is Format.table:
        return batch.TableSink(Console(file=sys.stdout, soft_wrap=False, markup=False, emoji=False))
    if chosen is Format.json:
        return batch.JsonSink(output if to_file else None, stream=sys.stdout)
    if chosen is Format.html:
        return batch.HtmlSink(output if to_file else None, stream=sys.stdout)
    if chosen is Format.duckdb:
        from .store import StoreSink

        if not to_file:
            raise ClaimlensError("CL009", "--format duckdb needs -o FILE.duckdb")
        return StoreSink(output)
    return batch.JsonLinesSink(output if to_file else None, resume=resume, stream=sys.stdout)


def _resumable(chosen: Format, output: str | None) -> bool:
    """Whether a run writing ``chosen`` to ``output`` can be finished with ``--resume``."""
    to_file = output is not None and output != "-"
    return _is_folder(output) or (chosen in (Format.jsonl, Format.duckdb) and to_file)


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


class _WordsPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.fields.get("words", 0) / elapsed if elapsed else 0
        return Text(f"{rate:,.0f} words/s", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """Documents done, words/s and time left. Redrawn as documents finish (no drawing thread, so
    that worker processes are forked from a process without threads)."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                    _WordsPerSecond(), TimeRemainingColumn(), console=console, auto_refresh=False,
                    transient=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Article files (text or web pages), folders (searched recursively for .txt, "
                             ".html, .htm) or '-' for stdin.")],
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="table (a terminal's default), json, jsonl (-o FILE.jsonl's default), html (one page, "
             "-o FILE.html's default), or duckdb (a corpus store, -o FILE.duckdb's default).")] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE|FOLDER/",
        help="Write to this file ('-' for stdout), or to FOLDER/: one JSON file per article, mirroring the "
             "input tree.")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: every core).")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Keep the records already in -o FILE.jsonl, FOLDER/ or FILE.duckdb (which always "
                         "resumes) whose article is unchanged; do the rest.")] = False,
    errors: Annotated[Optional[str], typer.Option(
        "--errors", metavar="FILE", help="Write one JSON line per failed article (doc_id, code, message) "
                                         "to FILE.")] = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", "-m", envvar="CLAIMLENS_MODEL", metavar="NAME_OR_PATH",
        help="spaCy pipeline: an installed package name or a path.")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no warnings on stderr; errors only.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract statements, speakers and claims/denials from articles."""
    from .api import Extractor

    failures = 0
    resumable = False
    try:
        folder = _is_folder(output)
        if folder and fmt not in (None, Format.json):
            raise ClaimlensError("CL009", f"-o {output} writes one JSON file per article; "
                                          f"--format {fmt.value} does not apply")
        chosen = Format.json if folder else _choose_format(fmt, output, paths)
        resumable = _resumable(chosen, output)
        if resume and not resumable:
            raise ClaimlensError("CL009", "--resume needs -o FILE.jsonl, -o FOLDER/ or -o FILE.duckdb")
        extractor = Extractor(model)  # before any output is opened: without a model, nothing is written
        items = batch.inputs(paths)
        # a progress bar on stderr, unless the records themselves go to the same terminal
        show = not quiet and _stderr_is_terminal() and not (output in (None, "-") and _stdout_is_terminal())
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(batch.FolderSink(output, resume=resume) if folder
                                       else _sink(chosen, output, resume))
            log = stack.enter_context(batch.ErrorLog(errors)) if errors else None
            bar = stack.enter_context(progress_bar(err)) if show else None
            task = bar.add_task("extract", total=len(items), words=0) if bar else None
            words = 0
            outcomes = batch.run(items, sink, extractor=extractor, jobs=jobs, errors=log)
            with contextlib.closing(outcomes):
                for outcome in outcomes:
                    if outcome.error is not None:
                        failures += 1
                        if debug and outcome.error.trace:
                            err.print(outcome.error.trace, end="")
                        if log is None:
                            err.print(f"error: {outcome.error}")
                    elif not quiet:
                        for warning in outcome.warnings:
                            err.print(f"warning: {warning}")
                    if bar is not None:
                        words += outcome.words
                        bar.update(task, advance=1, words=words)
                        bar.refresh()
        if failures and log is not None:
            err.print(f"error: {failures} of {len(items)} articles failed (listed in {errors})")
    except ClaimlensError as e:
        if debug:
            traceback.print_exc()
        err.print(f"error: {e}")
        raise typer.Exit(2 if e.code == "CL009" else 1) from None
    except KeyboardInterrupt:
        err.print("interrupted" + (": run again with --resume to finish" if resumable else ""))
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise
    except Exception as e:  # an unexpected failure: one line, the traceback only on request
        if debug:
            raise
        err.print(f"error: {ClaimlensError('CL999', f'{type(e).__name__}: {e}')}")
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def _corpus_app() -> typer.Typer:
    from .corpus_cli import app as corpus_app

    return corpus_app


app.add_typer(_corpus_app(), name="corpus")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one record (schema 1.0)."""
    from .records import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # the reader went away (`claimlens extract ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
