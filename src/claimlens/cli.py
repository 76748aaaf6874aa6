"""The command line: typer parses and checks, the library does the work.

stdout carries data only (JSON, JSON Lines, CSV, HTML or the terminal view); messages go to stderr.
Exit codes: 0 every input processed; 1 some input failed (each named on stderr or in --errors FILE)
or the output could not be written; 2 usage error; 130 interrupted; 141 stdout closed by its reader.
The formats are table-driven (:data:`SUFFIX_FORMAT`, :data:`SINKS`); the run loop is
:mod:`claimlens.batch`'s and the writing :mod:`claimlens.sinks`'s.
"""
from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup

from . import batch
from .errors import ClaimlensError

# Messages hold paths and article text: "[bold]" or ":smile:" in them is text, never rich markup.
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
# The usage error of the click that typer runs on (recent typer releases carry their own click).
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _usage_error(e: Exception) -> typer.Exit:
    """A usage error (a missing path, an unknown option, an invalid value) as the one numbered
    line every claimlens error is (CL009, exit code 2), pointing to the help of the command at
    hand (``claimlens --help`` for an unknown command)."""
    where = e.ctx.command_path if getattr(e, "ctx", None) is not None else "claimlens"
    err.print(f"error: {ClaimlensError('CL009', e.format_message(), advice=f'see {where} --help')}")
    return typer.Exit(2)


class _Command(TyperCommand):
    """typer's command, its arguments shown as ``PATH...`` in the help, not ``<list[str]>``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                dots = "..." if param.nargs != 1 else ""
                param.display_type_rich = lambda ctx: None
                param._rich_display_name = lambda p=param, dots=dots: p.display_name_raw + dots
                param._usage_display_name = lambda p=param, dots=dots: p.display_name_raw + dots


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
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Who said what about whom in news articles: statements, speakers, claims and denials.")


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    duckdb = "duckdb"


SUFFIX_FORMAT = {".json": Format.json, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl, ".csv": Format.csv,
                 ".html": Format.html, ".htm": Format.html, ".duckdb": Format.duckdb}
"""The format ``-o FILE`` implies by its suffix (a file without one gets JSON Lines)."""
RESUMABLE = {Format.jsonl, Format.duckdb}
"""The formats whose file ``--resume`` can finish."""


@dataclass(frozen=True)
class Target:
    """Where a run's records go: ``path`` (None for stdout); resuming; ``single``: one file was
    named, so ``--format json`` writes one object (``null`` if it failed), else an array."""

    path: str | None
    resume: bool = False
    single: bool = False


def _stdout_console() -> Console:
    return Console(file=sys.stdout, soft_wrap=False, markup=False, emoji=False)


SINKS: dict[Format, Callable[[Target], batch.Sink]] = {
    Format.table: lambda t: batch.TableSink(_stdout_console() if t.path is None else None, path=t.path),
    Format.json: lambda t: batch.JsonSink(t.path, stream=sys.stdout, single=t.single),
    Format.jsonl: lambda t: batch.JsonLinesSink(t.path, resume=t.resume, stream=sys.stdout),
    Format.csv: lambda t: batch.CsvSink(t.path, stream=sys.stdout),
    Format.html: lambda t: batch.HtmlSink(t.path, stream=sys.stdout),
    Format.duckdb: lambda t: _store_sink(t),
}
"""How each format is written: one row per format."""


def _store_sink(target: Target) -> batch.Sink:
    from .store import StoreSink

    if target.path is None:
        raise ClaimlensError("CL009", "--format duckdb needs -o FILE.duckdb")
    return StoreSink(target.path)


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


def _to_file(output: str | None) -> str | None:
    return output if output not in (None, "-") else None


def _choose_format(fmt: Format | None, output: str | None, paths: list[str]) -> Format:
    if fmt is not None:
        return fmt
    if _to_file(output):
        suffix = Path(output).suffix.lower()
        if not suffix:
            return Format.jsonl
        if suffix not in SUFFIX_FORMAT:
            formats = ", ".join(f.value for f in Format)
            raise ClaimlensError("CL009", f"-o {output}: no format is known by the suffix {suffix!r} "
                                          f"(the formats: {formats}); give one with --format")
        return SUFFIX_FORMAT[suffix]
    if output is None and _stdout_is_terminal():
        return Format.table
    return Format.json if _single(paths) else Format.jsonl


def _single(paths: list[str]) -> bool:
    """Whether one document was named (a file or stdin): ``--format json`` then writes one object."""
    return len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())


def _is_folder(output: str | None) -> bool:
    return bool(output) and output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _resumable(chosen: Format, output: str | None) -> bool:
    """Whether a run writing ``chosen`` to ``output`` can be finished with ``--resume``."""
    return _is_folder(output) or (chosen in RESUMABLE and _to_file(output) is not None)


def _check_model(ctx: typer.Context, model: str | None) -> None:
    """A usage error (CL009) when ``--model`` or $CLAIMLENS_MODEL names neither an installed
    pipeline nor a folder, saying which of the two named it and what is installed."""
    from .api import ENV_MODEL, installed_pipelines, is_pipeline_name, resolve_model

    name = resolve_model(model)
    if is_pipeline_name(name):
        return
    from_env = getattr(ctx.get_parameter_source("model"), "name", "") == "ENVIRONMENT" or model is None
    where = f"{ENV_MODEL}={name} (from the environment)" if from_env else f"--model {name}"
    installed = installed_pipelines()
    raise ClaimlensError("CL009", f"{where}: no installed spaCy pipeline or folder has that name; installed: "
                                  f"{', '.join(installed) or 'none'}",
                         advice=f"pass one of them with --model{f' or {ENV_MODEL}' if from_env else ''}, "
                                "or a folder holding a pipeline; see claimlens extract --help")


def _closed_stdout() -> typer.Exit:
    """The reader of stdout went away (``claimlens extract ... | head``): end quietly, as Unix
    tools do, with the status of a process that SIGPIPE ended (128 + 13)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return typer.Exit(CLOSED_PIPE)


CLOSED_PIPE = 141


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


FORMAT_HELP = ("table (a terminal's default), json, jsonl (-o FILE.jsonl's default, and a file's without a "
               "suffix), csv (one row per statement, -o FILE.csv's default), html (one page, -o FILE.html's "
               "default) or duckdb (a corpus store, -o FILE.duckdb's default); any case.")
OUTPUT_HELP = "Write to this file ('-' for stdout); its suffix names the format unless --format does."


@app.command(cls=_Command)
def extract(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Article files (text or web pages), folders (searched recursively for .txt, "
                             ".html, .htm) or '-' for stdin.")],
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", metavar="FORMAT", case_sensitive=False, help=FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE|FOLDER/",
        help=OUTPUT_HELP + " FOLDER/: one JSON file per article, mirroring the input tree.")] = None,
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
        outputs = [o for o in (_to_file(output), errors) if o is not None]
        if len(outputs) == 2 and os.path.abspath(outputs[0]) == os.path.abspath(outputs[1]):
            raise ClaimlensError("CL009", f"-o and --errors both name {errors}")
        _check_model(ctx, model)
        items = batch.inputs(paths, outputs)  # CL007 if an output is an input: before anything is opened
        # a progress bar on stderr, unless the records themselves go to the same terminal
        show = not quiet and _stderr_is_terminal() and not (output in (None, "-") and _stdout_is_terminal())
        with contextlib.ExitStack() as stack:
            for out in outputs:  # another run writing them: refused before the model loads (CL013)
                stack.enter_context(batch.OutputLock(out, missing_ok=True))
            extractor = Extractor(model)  # before any output is opened: without a model, nothing is written
            if folder:
                protect = {batch.file_identity(i.source.path) for i in items if i.source and i.source.path}
                sink = stack.enter_context(batch.FolderSink(output, resume=resume, protect=protect))
            else:
                sink = stack.enter_context(SINKS[chosen](Target(_to_file(output), resume, _single(paths))))
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
        raise _failed(ctx, e, debug) from None
    except KeyboardInterrupt:
        err.print("interrupted" + (": run again with --resume to finish" if resumable else ""))
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise _closed_stdout() from None
    except Exception as e:  # an unexpected failure: one line, the traceback only on request
        if debug:
            raise
        err.print(f"error: {ClaimlensError('CL999', f'{type(e).__name__}: {e}')}")
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def _failed(ctx: typer.Context, e: ClaimlensError, debug: bool) -> typer.Exit:
    """The one line of an error that ends a command; exit 2 for a usage error, else 1."""
    if debug:
        traceback.print_exc()
    if e.code == "CL009" and not e.advice:
        e.advice = f"see {ctx.command_path} --help"
    err.print(f"error: {e}")
    return typer.Exit(2 if e.code == "CL009" else 1)


@app.command(cls=_Command)
def render(
    ctx: typer.Context,
    records: Annotated[str, typer.Argument(
        metavar="RECORDS", help="A JSON Lines or JSON file of records (claimlens extract's output), or '-' "
                                "for stdin.")],
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", metavar="FORMAT", case_sensitive=False, help=FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help=OUTPUT_HELP)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Show saved records as a table, an HTML page, CSV or JSON, without analysing again."""
    from .io import read_record_dicts

    try:
        chosen = _choose_format(fmt, output, [records])
        if _is_folder(output):
            raise ClaimlensError("CL009", f"-o {output} is a folder; render writes one file")
        target = _to_file(output)
        if (target is not None and records != "-" and os.path.exists(target)
                and os.path.samefile(records, target)):
            raise ClaimlensError("CL007", f"{target} is the records file: it would be overwritten",
                                     advice="write elsewhere: a run never writes over its inputs")
        saved = list(read_record_dicts(records))  # all checked before the output is opened (CL014)
        if not saved:
            err.print(f"warning: {ClaimlensError('CL044', records)}")
        with SINKS[chosen](Target(target, single=False)) as sink:
            for record in saved:
                sink.write(batch.Outcome(batch.Input(str(record.get("doc_id", "")), None), record=record))
            sink.finish()
    except ClaimlensError as e:
        raise _failed(ctx, e, debug) from None
    except BrokenPipeError:
        raise _closed_stdout() from None


def _corpus_app() -> typer.Typer:
    from .corpus_cli import app as corpus_app

    return corpus_app


app.add_typer(_corpus_app(), name="corpus")


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of one record (schema 1.0)."""
    from .records import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


# claimlens evaluate: the figures of claimlens output against annotated articles (claimlens.evaluate)
@app.command(cls=_Command)
def evaluate(
    ctx: typer.Context,
    pred: Annotated[str, typer.Argument(
        metavar="PRED", help="claimlens output: JSON Lines (claimlens extract TEXTS -o PRED.jsonl) or "
                             "the JSON array of -f json; '-' for stdin.")],
    gold: Annotated[Optional[Path], typer.Option(
        "--gold", metavar="DIR", help="Gold files, one NAME.json per article (needs --texts).")] = None,
    texts: Annotated[Optional[Path], typer.Option(
        "--texts", metavar="DIR", help="The articles of --gold, NAME.txt each.")] = None,
    brat: Annotated[Optional[Path], typer.Option(
        "--brat", metavar="DIR", help="brat standoff attributions instead: DIR/text/NAME.txt and "
                                      "DIR/attributions/NAME_ANNOTATOR.ann.")] = None,
    manifest: Annotated[Optional[Path], typer.Option(
        "--manifest", metavar="FILE", help="With --half: a JSON list of {doc_id, half}.")] = None,
    half: Annotated[Optional[str], typer.Option(
        "--half", metavar="NAME", help="Score only the gold articles --manifest puts in this half.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr; errors only.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Score claimlens output against gold files (--gold, --texts) or brat attributions (--brat)."""
    from . import evaluate as ev
    from .evaluate import report

    try:
        if (gold is None) == (brat is None) or (gold is not None and texts is None):
            raise ClaimlensError("CL009", "give --gold DIR --texts DIR, or --brat DIR")
        if (manifest is None) != (half is None) or (half is not None and brat is not None):
            raise ClaimlensError("CL009", "--manifest FILE and --half NAME go together, with --gold")
        if gold is not None:
            articles = ev.read_gold(gold, texts)
            if half is not None:
                chosen = ev.read_manifest(manifest, half)
                articles = {k: v for k, v in articles.items() if k in chosen}
            scores = ev.score_gold(articles, ev.read_predictions(pred))
            warnings = scores.warnings
            title = f"claimlens against {gold}" + (f" ({half})" if half else "")
            view = report.gold_view(scores, title)
        else:
            articles, skipped = ev.read_brat(brat)
            scores = ev.score_brat(articles, ev.read_predictions(pred))
            warnings = skipped + scores.warnings
            view = report.brat_view(scores, f"claimlens against {brat}")
    except ClaimlensError as e:
        raise _failed(ctx, e, debug) from None
    except Exception as e:  # an unexpected failure: one line, the traceback only on request
        if debug:
            raise
        raise _failed(ctx, ClaimlensError("CL999", f"{type(e).__name__}: {e}"), debug) from None
    if not quiet:
        for warning in warnings:
            err.print(f"warning: {warning}")
    if as_json:
        typer.echo(json.dumps(scores.to_dict()))
    else:
        Console(file=sys.stdout, markup=False, emoji=False, highlight=False).print(view)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # the reader went away before a command could see it
        raise SystemExit(_closed_stdout().exit_code) from None
