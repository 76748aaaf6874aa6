"""claimlens against bare spaCy, on the same texts, in one run.

    python benchmarks/bench.py                          # ../shared/polnear/dev/text, -j 2
    python benchmarks/bench.py DIR ... --jobs 4 --repeat 3
    python benchmarks/bench.py ../shared/polnear/train/text --docs 2000 --phases 1,2   # memory over 2,000 documents
    python benchmarks/bench.py --phases 1,store1,2,store2   # the corpus store against JSON Lines

Phases, each in a fresh process with the pipeline already loaded (loading is not timed):
``bare`` runs ``nlp.pipe`` of the same spaCy model without claimlens's components over texts
already in memory; ``1`` and ``N`` run claimlens's batch loop (read the files, analyse, write
JSON Lines to a temporary file) with 1 and N jobs; ``storeN`` is phase ``N`` writing a DuckDB
corpus store (``claimlens.store``) instead, its size reported. Printed: wall and CPU seconds (CPU counts the
workers too), the ratios, words/s (white-space separated words), and peak RSS of the phase's
process and of its largest worker (``getrusage``). With ``--repeat`` each phase's fastest run
is kept. The load average is printed too: on a busy machine wall times say little.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "polnear" / "dev" / "text"


def _files(folders: list[str], docs: int | None) -> list:
    from claimlens import batch

    items = [i for i in batch.inputs(folders) if i.error is None]
    if docs:
        items = list(itertools.islice(itertools.cycle(items), docs))
    return items


def _usage() -> dict:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024}


def phase(name: str, folders: list[str], docs: int | None, model: str | None, batch_size: int) -> dict:
    """Run one phase in this process and return its measures."""
    from claimlens import Article, batch
    from claimlens.api import Extractor, resolve_model

    items = _files(folders, docs)
    size = 0.0  # MB of output written (JSON Lines or the store)
    texts = [i.source.path.read_text(encoding="utf-8") for i in items]
    words = sum(len(t.split()) for t in texts)
    if name == "bare":
        import spacy

        nlp = spacy.load(resolve_model(model))
        before, start = _usage()["cpu"], time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    elif name.startswith("pipe"):  # the alternative to claimlens's pool: spaCy's own processes
        extractor = Extractor(model)
        pairs = [(t, i.doc_id) for t, i in zip(texts, items)]
        with tempfile.TemporaryFile("w", encoding="utf-8") as out:
            before, start = _usage()["cpu"], time.perf_counter()
            for doc, doc_id in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                                  n_process=int(name[4:])):
                out.write(Article.from_doc(doc, doc_id).to_json() + "\n")
    else:
        del texts
        extractor = Extractor(model)
        with tempfile.TemporaryDirectory() as tmp:
            if name.startswith("store"):
                from claimlens.store import StoreSink

                sink = StoreSink(Path(tmp) / "corpus.duckdb")
            else:
                sink = batch.JsonLinesSink(Path(tmp) / "out.jsonl")
            jobs = int(name.removeprefix("store"))
            before, start = _usage()["cpu"], time.perf_counter()
            with sink:
                for outcome in batch.run(items, sink, extractor=extractor, jobs=jobs, batch_size=batch_size):
                    if outcome.error is not None:
                        raise outcome.error
            wall = time.perf_counter() - start
            size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
    if name == "bare" or name.startswith("pipe"):
        wall = time.perf_counter() - start
    usage = _usage()
    return {"phase": name, "docs": len(items), "words": words, "wall": wall, "cpu": usage["cpu"] - before,
            "rss_mb": usage["rss_mb"], "worker_rss_mb": usage["worker_rss_mb"], "output_mb": size}


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GB"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", nargs="*", default=[str(DEFAULT_TEXTS)], help="folders or files of articles")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="jobs of the parallel phase (default 2)")
    ap.add_argument("--docs", type=int, help="cycle through the texts until this many documents")
    ap.add_argument("--model", help="spaCy pipeline (default: claimlens's choice)")
    ap.add_argument("--batch-size", type=int, default=None, help="documents per nlp.pipe batch (default: claimlens's)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each phase; the fastest is kept")
    ap.add_argument("--phases", default=None,
                    help="comma-separated, of bare, 1, N, storeN (-j N writing a DuckDB store) and pipeN: "
                         "claimlens through nlp.pipe(n_process=N) instead of its pool (default: bare,1,N)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase, print its JSON
    args = ap.parse_args(argv)

    from claimlens import __version__, batch
    from claimlens.api import model_version, resolve_model

    batch_size = args.batch_size or batch.BATCH_SIZE
    if args.phase:
        print(json.dumps(phase(args.phase, args.texts, args.docs, args.model, batch_size)))
        return
    phases = (args.phases or f"bare,1,{args.jobs}").split(",")
    common = [*args.texts, "--batch-size", str(batch_size)] + (["--docs", str(args.docs)] if args.docs else []) \
        + (["--model", args.model] if args.model else [])
    import spacy

    model = resolve_model(args.model)
    print(f"machine   {_machine()}; load average before {os.getloadavg()[0]:.2f}")
    print(f"software  claimlens {__version__}, spaCy {spacy.__version__}, {model} {model_version(model) or '?'}, "
          f"Python {platform.python_version()}")
    results: dict[str, dict] = {}
    for _, name in itertools.product(range(args.repeat), phases):
        out = subprocess.run([sys.executable, __file__, *common, "--phase", name], check=True,
                             stdout=subprocess.PIPE, text=True).stdout  # a failing phase's stderr shows
        r = json.loads(out.splitlines()[-1])
        if name not in results or r["wall"] < results[name]["wall"]:
            results[name] = r
    first = next(iter(results.values()))
    print(f"texts     {', '.join(args.texts)}: {first['docs']} documents, {first['words']:,} words; "
          f"batch size {batch_size}; best of {args.repeat}")
    print(f"{'phase':<22}{'wall s':>8}{'cpu s':>8}{'wall/bare':>11}{'cpu/bare':>10}{'words/s':>9}"
          f"{'RSS MB':>8}{'worker RSS MB':>15}{'output MB':>11}")
    bare = results.get("bare")
    for name, r in results.items():
        label = {"bare": "bare nlp.pipe"}.get(name, f"nlp.pipe n_process={name[4:]}" if name.startswith("pipe")
                                               else f"store -j {name[5:]}" if name.startswith("store")
                                               else f"claimlens -j {name}")
        ratio = f"{r['wall'] / bare['wall']:.2f}" if bare else "-"
        cpu_ratio = f"{r['cpu'] / bare['cpu']:.2f}" if bare else "-"
        worker = f"{r['worker_rss_mb']:.0f}" if r["worker_rss_mb"] else "-"
        print(f"{label:<22}{r['wall']:>8.1f}{r['cpu']:>8.1f}{ratio:>11}{cpu_ratio:>10}"
              f"{r['words'] / r['wall']:>9,.0f}{r['rss_mb']:>8.0f}{worker:>15}{r['output_mb']:>11.1f}")
    for n in results:
        if n.startswith("store") and n[5:] in results:
            jsonl = results[n[5:]]
            print(f"store     -j {n[5:]} against JSON Lines: wall {results[n]['wall'] / jsonl['wall']:.2f}x, "
                  f"CPU {results[n]['cpu'] / jsonl['cpu']:.2f}x, {results[n]['output_mb']:.1f} MB against "
                  f"{jsonl['output_mb']:.1f} MB")
    if "1" in results:
        for n in results:
            if n not in ("bare", "1") and not n.startswith("store"):
                print(f"speed-up  {n if n.startswith('pipe') else '-j ' + n} over -j 1: "
                      f"{results['1']['wall'] / results[n]['wall']:.2f}x")
    print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
