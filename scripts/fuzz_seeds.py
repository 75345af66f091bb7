#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (fuzz/corpus/<target>/) from
the generated customers of tests/regress/data/customers_2000.csv: the first
40 distinct values of the fields each target reads, plus a few hostile
strings. Regenerate with: python3 scripts/fuzz_seeds.py"""
import csv
import hashlib
import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fuzz", "corpus")
HOSTILE = ["", " ", "\u200b", "\u202e+86 138", "a\u0301\u0301\u0301", "𠀀𠀁張", "\ufeff@\ufeff", "０１２３", "x" * 300]

rows = list(csv.DictReader(open(os.path.join(ROOT, "tests/regress/data/customers_2000.csv"), encoding="utf-8")))


def values(*fields):
    seen = []
    for r in rows:
        v = "|".join(r[f] for f in fields)
        if v and v not in seen:
            seen.append(v)
        if len(seen) == 40:
            break
    return seen


targets = {
    "text": values("full_name") + values("address")[:10],
    "phone": values("phone"),
    "email": values("email"),
    "name": values("full_name"),
    "address": values("address"),
    "date_country_postcode": values("birth_date") + values("country")[:10] + values("postcode")[:10],
    "cn_id": values("national_id"),
    "compare": values("full_name", "email")[:20] + ["|".join(p) for p in zip(values("full_name"), values("full_name")[1:])][:20],
    "mask": values("phone")[:15] + values("email")[:15] + values("national_id")[:10],
    "clean_row": ["\x1f".join(r[c] for c in ["id", "full_name", "phone", "email", "address", "country", "postcode",
                                              "birth_date", "gender", "national_id"]) for r in rows[:40]],
}

shutil.rmtree(OUT, ignore_errors=True)
for target, seeds in targets.items():
    d = os.path.join(OUT, target)
    os.makedirs(d)
    for s in seeds + HOSTILE:
        data = s.encode("utf-8")
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    print(f"{target}: {len(os.listdir(d))} seeds")
