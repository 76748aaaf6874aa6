#!/usr/bin/env python3
"""Quote type on PolNeAR: gold kind (direct / partial / indirect) x claimlens ``quote``, matched pairs.

    claimlens extract ../shared/polnear/dev/text -o pn.jsonl
    python3 benchmarks/polnear_quotes.py --data ../shared/polnear/dev --pred pn.jsonl \
        [--verbose 'partial>direct']

Gold attributions are paired with claimlens statements as ``polnear.py`` pairs them (through
``polnear_stance.pairs``). The gold kind is ``polnear.py``'s ``kind_of`` over the gold content, with
one change: an apostrophe inside a word or after a plural "s" ("the mayor’s", "voters’ ") is not a
quotation mark (``kind_of`` counts U+2019 and "'" as marks, so it calls most contractions partial).
Differences that remain are partly span conventions: PolNeAR's content keeps a leading "that"
before a quote ('said that “...”': partial), where claimlens's content is the quote (direct).
``--verbose GOLD>PRED`` prints examples of one cell.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from polnear_stance import SCORER, load, load_scorer, pairs

APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)|(?<=s)['\u2019](?=\s)")
QUOTES = ("direct", "partial", "indirect", "none")


def confusion(scorer, docs: dict[str, dict], records: list[dict], show: str = "", n: int = 30) -> Counter:
    by_name = {}
    for r in records:
        name = str(r.get("doc_id", "")).replace("\\", "/").rsplit("/", 1)[-1]
        by_name[name[:-4] if name.endswith(".txt") else name] = r
    conf: Counter = Counter()
    shown = 0
    for name, doc in docs.items():
        text = doc["text"]
        preds = [s for s in by_name.get(name, {"statements": []}).get("statements", [])
                 if (s.get("speaker") or s.get("cue")) and scorer.span_of(s)]
        for gi, pi in pairs(scorer, doc["gold"], preds).items():
            gold, pred = doc["gold"][gi], preds[pi]
            kind = scorer.kind_of(APOSTROPHE.sub("x", text), gold["content"])
            conf[kind, pred.get("quote")] += 1
            if show == f"{kind}>{pred.get('quote')}" and shown < n:
                shown += 1
                g = " | ".join(text[s:e] for s, e in gold["content"])
                p = " | ".join(text[x["start"]:x["end"]] for x in (pred.get("parts") or [pred]))
                print(f"[{name}] gold {g[:200]!r}\n    pred {p[:200]!r}")
    return conf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="a PolNeAR split: text/ and attributions/")
    ap.add_argument("--pred", required=True, type=Path, help="claimlens JSON Lines output")
    ap.add_argument("--verbose", default="", help="print examples of one cell, e.g. 'partial>direct'")
    ap.add_argument("--examples", type=int, default=30)
    args = ap.parse_args()
    scorer = load_scorer(SCORER)
    docs, _ = load(scorer, args.data)
    lines = args.pred.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    conf = confusion(scorer, docs, records, args.verbose, args.examples)
    print("gold/pred".ljust(10) + "".join(f"{q:>10}" for q in QUOTES) + f"{'acc':>8}")
    total = agree = 0
    for kind in ("direct", "partial", "indirect"):
        row = [conf[kind, q] for q in QUOTES]
        total, agree = total + sum(row), agree + conf[kind, kind]
        acc = conf[kind, kind] / (sum(row) or 1)
        print(kind.ljust(10) + "".join(f"{x:>10}" for x in row) + f"{acc:>8.3f}")
    print(f"agreement {agree / (total or 1):.3f} over {total} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
