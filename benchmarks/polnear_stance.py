#!/usr/bin/env python3
"""Claim or denial on PolNeAR: a lexical silver set of denials and of plain assertions.

    claimlens extract ../shared/polnear/dev/text -o pn.jsonl
    python3 benchmarks/polnear_stance.py --data ../shared/polnear/dev --pred pn.jsonl [--verbose]

PolNeAR marks attributions (source, cue, content) but not their stance. Its cues give a silver
set: a gold attribution whose cue holds a form of deny / reject / dismiss / refute / rebut
(verb or noun: "denied", "has rejected", "rebuttal") is expected to be a denial; one whose cue
is a form of say / tell / announce is expected to be a claim. Gold attributions are paired with
claimlens statements as ``polnear.py`` pairs them (one to one on content overlap, at least half
of the shorter side, best overlap first). The figures: among the silver attributions claimlens
matches, the share it labels ``denial`` (target: at least 0.85 for the denial set, at most 0.03
for the say set); and the same share over the matches whose claimlens cue is the gold cue
(``same_cue``: the pair is one attribution, not a neighbouring statement that overlaps it).

The silver set is lexical: it also holds "rejected the proposal" and "did not deny", which are
claims by the annotation guidelines, so a perfect labeller does not score 1.0 on it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "polnear.py"
DENY = re.compile(r"\b(den(?:y|ies|ied|ying|ials?)|reject(?:s|ed|ing|ions?)?|dismiss(?:es|ed|ing|als?)?|"
                  r"refut(?:e|es|ed|ing|ations?)|rebut(?:s|ted|ting|tals?)?)\b")
SAY = re.compile(r"\b(say|says|said|saying|tell|tells|told|telling|announce|announces|announced|announcing)\b")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("polnear_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(scorer, data: Path) -> tuple[dict[str, dict], list[str]]:
    """Articles with their gold attributions; a malformed annotation file is skipped and named."""
    docs, skipped = {}, []
    for text_path in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        try:
            gold = scorer.read_ann(anns[0])
        except ValueError:
            skipped.append(anns[0].name)
            continue
        docs[text_path.stem] = {"text": text_path.read_text(encoding="utf-8"), "gold": gold}
    return docs, skipped


def silver_class(cue: str) -> str | None:
    cue = cue.lower()
    if DENY.search(cue):
        return "deny"
    if SAY.search(cue):
        return "say"
    return None


def pairs(scorer, gold: list[dict], preds: list[dict]) -> dict[int, int]:
    """gold index → prediction index, paired as polnear.py pairs them."""
    pc = [scorer.covered([r for part in p.get("parts") or [p] for r in scorer.span_of(part)]) for p in preds]
    gc = [scorer.covered(g["content"]) for g in gold]
    cand = []
    for gi, g in enumerate(gc):
        for pi, p in enumerate(pc):
            inter = len(g & p)
            if inter and inter >= 0.5 * min(len(g), len(p)):
                cand.append((inter / len(g | p), gi, pi))
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in sorted(cand, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def score(scorer, docs: dict[str, dict], records: list[dict], verbose: bool = False) -> dict:
    by_name = {}
    for r in records:
        name = str(r.get("doc_id", "")).replace("\\", "/").rsplit("/", 1)[-1]
        by_name[name[:-4] if name.endswith(".txt") else name] = r
    counts = {k: Counter() for k in ("deny", "say")}
    rules: Counter = Counter()
    for name, doc in docs.items():
        text = doc["text"]
        record = by_name.get(name, {"statements": []})
        preds = [s for s in record.get("statements", [])
                 if (s.get("speaker") or s.get("cue")) and scorer.span_of(s)]
        paired = pairs(scorer, doc["gold"], preds)
        for gi, g in enumerate(doc["gold"]):
            cue = " ".join(text[a:b] for a, b in sorted(g["cue"]))
            kind = silver_class(cue)
            if kind is None:
                continue
            counts[kind]["gold"] += 1
            if gi not in paired:
                continue
            p = preds[paired[gi]]
            denial = p.get("label") == "denial"
            same_cue = bool(scorer.covered(g["cue"]) & scorer.covered(scorer.span_of(p.get("cue"))))
            counts[kind]["matched"] += 1
            counts[kind]["denial"] += denial
            counts[kind]["same_cue"] += same_cue
            counts[kind]["same_cue_denial"] += same_cue and denial
            rule = (p.get("evidence") or {}).get("label_rule", "")
            if denial:
                rules[(kind, rule.split(":")[0])] += 1
            if verbose and denial != (kind == "deny"):
                content = " ".join(text[a:b] for a, b in sorted(g["content"]))
                print(f"[{name}] {kind} cue={cue!r} got={p.get('label')}/{p.get('act')} rule={rule} "
                      f"{'' if same_cue else '(other cue) '}"
                      f"| {content[:90]!r}")
    out = {}
    for kind, c in counts.items():
        out[kind] = {"gold": c["gold"], "matched": c["matched"], "denial": c["denial"],
                     "denial_share": round(c["denial"] / c["matched"], 3) if c["matched"] else None,
                     "same_cue": c["same_cue"],
                     "same_cue_denial_share": round(c["same_cue_denial"] / c["same_cue"], 3) if c["same_cue"] else None}
    out["denial_rules"] = {f"{k}/{r}": n for (k, r), n in sorted(rules.items())}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="a PolNeAR split: text/ and attributions/")
    ap.add_argument("--pred", type=Path, required=True, help="claimlens JSON Lines output for --data/text")
    ap.add_argument("--scorer", type=Path, default=SCORER, help=f"PolNeAR scorer to reuse (default {SCORER})")
    ap.add_argument("--verbose", action="store_true", help="list every silver attribution labelled against its set")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer)
    docs, skipped = load(scorer, args.data)
    for name in skipped:
        print(f"skipped malformed annotation file {name}", file=sys.stderr)
    with args.pred.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    print(json.dumps(score(scorer, docs, records, args.verbose), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
