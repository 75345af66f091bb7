#!/usr/bin/env python3
"""Pairs of strings for the comparator benchmark (bench/comparators.sh).

    python3 bench/gen_comparator_pairs.py --kind latin --rows 1000000 --seed 11 --out pairs_latin.csv
    python3 bench/gen_comparator_pairs.py --kind cn    --rows 1000000 --seed 12 --out pairs_cn.csv

Standard library only; seeded, so the same arguments give the same bytes.
Each row is `id,a,b` (CSV). `a` is a realistic customer value built from the
reference lists of gen_customers.py:
- latin: half personal names (`William J. Smith`, `SMITH, Mary`), half US
  street addresses (`1234 N Maple Street Apt 5`), 10-30 characters;
- cn: 30% personal names (`张伟`, `欧阳娜娜`, 2-4 characters) and 70%
  addresses (`广东省深圳市南山区科技园路12号3栋1201室`, 10-30 characters).
`b` is, in 60% of the rows, a variant of `a` (1-3 random edits: substitution,
deletion, insertion, adjacent transposition; for cn also a dropped 省/市 or
a homophone-like other character), otherwise another random value of the
same kind, as a matcher sees both true and false candidate pairs.
"""

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_customers as g  # noqa: E402  (reference lists only)

LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Frequent given-name and address characters, as replacements in cn typos.
CN_CHARS = "".join(sorted({ch for ch, _ in g.CN_GIVEN_M + g.CN_GIVEN_F} | set("市区路号栋单元室街道村镇")))


def latin_value(rng):
    if rng.random() < 0.5:
        first, nicks = rng.choice(g.US_MALE + g.US_FEMALE)
        last = rng.choice(g.US_SURNAMES)
        r = rng.random()
        if r < 0.4:
            s = f"{first} {last}"
        elif r < 0.7:
            s = f"{first} {rng.choice('ABCDEFGHJKLMPRSTW')}. {last}"
        elif r < 0.85:
            s = f"{last.upper()}, {first}"
        else:
            s = f"{rng.choice(nicks or [first])} {last}"
    else:
        street = rng.choice(g.US_STREET_NAMES)
        suffix = rng.choice(g.US_SUFFIXES)[0]
        num = rng.randint(1, 9999)
        s = f"{num} {street} {suffix}"
        if rng.random() < 0.4:
            s = f"{num} {rng.choice(g.US_DIRS)[1]} {street} {suffix}"
        if rng.random() < 0.4:
            s += f" Apt {rng.randint(1, 40)}"
    while len(s) < 10:
        s += " " + rng.choice(g.US_SURNAMES)
    return s[:30]


def cn_value(rng):
    if rng.random() < 0.3:
        fam = rng.choice(g.CN_SURNAMES)[0]
        given = rng.choice(g.CN_GIVEN_M + g.CN_GIVEN_F)[0]
        if rng.random() < 0.6:
            given += rng.choice(g.CN_GIVEN_M + g.CN_GIVEN_F)[0]
        return fam + given
    prov, prov_short, city, _city_short, district = rng.choice(g.CN_PLACES)[:5]
    head = prov + city if prov != city else city
    if rng.random() < 0.3:
        head = prov_short + city
    s = f"{head}{district}{rng.choice(g.CN_STREETS)}{rng.randint(1, 999)}号"
    if rng.random() < 0.5:
        s += f"{rng.randint(1, 30)}栋{rng.randint(1, 3)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室"
    return s[:30]


def typo(s, rng, alphabet):
    chars = list(s)
    for _ in range(rng.randint(1, 3)):
        if len(chars) < 3:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.3:
            chars[i] = rng.choice(alphabet)
        elif op < 0.55:
            del chars[i]
        elif op < 0.8:
            chars.insert(i, rng.choice(alphabet))
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def variant(a, kind, rng):
    if kind == "latin":
        b = typo(a, rng, LATIN_LETTERS)
        if rng.random() < 0.2:
            b = b.upper() if rng.random() < 0.5 else b.lower()
        return b
    if rng.random() < 0.25 and ("省" in a or "市" in a):
        return a.replace("省", "", 1) if "省" in a else a.replace("市", "", 1)
    return typo(a, rng, CN_CHARS)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=["latin", "cn"], required=True)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    make = latin_value if args.kind == "latin" else cn_value
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    for i in range(1, args.rows + 1):
        a = make(rng)
        b = variant(a, args.kind, rng) if rng.random() < 0.6 else make(rng)
        w.writerow([i, a, b])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
