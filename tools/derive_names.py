"""Derive ``models/given_names.tsv`` (given names and the gender they are mostly given to) from the
name data of nomquamgender 0.1.4 (MIT, Ian Van Buskirk; https://github.com/ianvanbuskirk/nomquamgender).

Run at development time only (standard library): ``python tools/derive_names.py NAME_DATA``, where
NAME_DATA is ``nomquamgender/name_data.json`` from the PyPI wheel (``pip download --no-deps
nomquamgender==0.1.4`` and unzip it; nothing is fetched at run time, and the package is no
dependency of claimlens).

A row is a given name of letters only, counted at least ``MIN_COUNT`` times in the package's
sources, whose share of women, p(gf), is at most ``MAX_SHARE`` (``m``) or at least ``1 -
MAX_SHARE`` (``f``). The speaker stage reads it as one weak vote for a person's gender, under
titles, gendered nouns and pronouns: it only decides which antecedent a "he" or "she" can take.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "models" / "given_names.tsv"
MIN_COUNT = 1000
MAX_SHARE = 0.1

HEADER = f"""# claimlens given names: a given name and the gender it is mostly given to (m or f).
# Columns (tab-separated): name (lower case), gender.
# Derived by tools/derive_names.py from the name data of nomquamgender 0.1.4 (MIT, Ian Van Buskirk):
# names of letters only counted at least {MIN_COUNT} times, given to women at most {MAX_SHARE:.0%} (m)
# or at least {1 - MAX_SHARE:.0%} (f) of the time. See models/README.md.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name_data", type=Path)
    data = json.loads(parser.parse_args().name_data.read_text(encoding="utf-8"))
    rows = []
    for name, (_, count, share, *_rest) in sorted(data.items()):
        if not (name.isascii() and name.isalpha() and len(name) > 1) or share is None or count < MIN_COUNT:
            continue
        if share <= MAX_SHARE or share >= 1 - MAX_SHARE:
            rows.append(f"{name}\t{'f' if share >= 1 - MAX_SHARE else 'm'}\n")
    OUT.write_text(HEADER + "".join(rows), encoding="utf-8")


if __name__ == "__main__":
    main()
