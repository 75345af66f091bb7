#!/usr/bin/env python3
"""Probe rows for match_row_latency.sh (standard library only).

    python3 bench/match_row_probes.py --input bench/out/match/generated_1000000.input.csv \
        --table bench_customers --rows 2000 --warmup 200 --seed 7 --out probes.sql

Draws --warmup + --rows distinct records from --input (the customer CSV
without truth columns, as loaded into the table), changes each one slightly
the way a new record of a known person differs (one or two of: a typo in the
name, the phone written another way, the e-mail upper-cased, a field left
empty, the address shortened, an extra space), gives it a new id (above every
id in the file) and writes one statement per record:

    SELECT customer_clean.match_row('bench_customers', $r$…json…$r$::jsonb, 10);

The JSON object has the table's column names as keys, text values, empty
fields as JSON null. The first --warmup statements are for warming the
cache and are not measured; the script writes `\\echo measure` between the
two parts. Same arguments, same file.
"""
import argparse
import csv
import json
import random
import re
import sys

DOLLAR_TAG = "$r$"


def typo(s, rnd):
    if len(s) < 3:
        return s
    i = rnd.randrange(len(s) - 1)
    kind = rnd.randrange(3)
    if kind == 0:   # swap two neighbours
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == 1:   # drop one
        return s[:i] + s[i + 1:]
    return s[:i] + s[i] + s[i:]   # double one


def perturb(row, rnd):
    """One or two small changes; returns the new row (a dict of text or None)."""
    r = dict(row)
    changes = ["name", "phone", "email", "blank", "address", "space"]
    for change in rnd.sample(changes, rnd.choice((1, 2))):
        if change == "name" and r.get("full_name"):
            r["full_name"] = typo(r["full_name"], rnd)
        elif change == "phone" and r.get("phone"):
            digits = re.sub(r"\D", "", r["phone"])
            r["phone"] = digits if digits != r["phone"] else " ".join(
                (digits[:3], digits[3:7], digits[7:])).strip()
        elif change == "email" and r.get("email"):
            r["email"] = r["email"].upper()
        elif change == "blank":
            col = rnd.choice(["email", "phone", "birth_date", "national_id", "postcode", "address"])
            r[col] = None
        elif change == "address" and r.get("address"):
            cut = r["address"].split(",")[0]
            r["address"] = cut if cut != r["address"] else r["address"][: max(4, len(r["address"]) - 3)]
        elif change == "space" and r.get("full_name"):
            r["full_name"] = "  " + r["full_name"] + " "
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True)
    ap.add_argument("--table", default="bench_customers")
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--max-results", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if not re.fullmatch(r"[a-z_][a-z0-9_.]*", args.table):
        sys.exit(f"--table: a plain table name, not {args.table!r}")

    with open(args.input, newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    need = args.rows + args.warmup
    if len(records) < need:
        sys.exit(f"{args.input}: {len(records)} records, need {need}")
    next_id = max(int(r["id"]) for r in records) + 1
    rnd = random.Random(args.seed)
    picked = rnd.sample(records, need)

    with open(args.out, "w", encoding="utf-8") as out:
        for n, row in enumerate(picked):
            if n == args.warmup:
                out.write("\\echo measure\n")
            row = {k: (v if v != "" else None) for k, v in row.items()}
            row = perturb(row, rnd)
            row["id"] = str(next_id + n)
            doc = json.dumps(row, ensure_ascii=False)
            if DOLLAR_TAG in doc:
                sys.exit("a record contains the dollar-quote tag")
            out.write(f"SELECT customer_clean.match_row('{args.table}', "
                      f"{DOLLAR_TAG}{doc}{DOLLAR_TAG}::jsonb, {args.max_results});\n")


if __name__ == "__main__":
    main()
