#!/usr/bin/env python3
"""Numbers for bench/phone_throughput.sh (standard library only, seeded).

    gen_phone_throughput.py --rows 1000000 --seed 7 --kind cn  OUT_PREFIX
    gen_phone_throughput.py --rows 1000000 --kind mixed --corpus bench/out/phone_corpus.csv OUT_PREFIX

writes OUT_PREFIX.csv (id,region,n for COPY) and OUT_PREFIX.txt
("REGION<TAB>INPUT" lines in id order, for phone_bench).

--kind cn: messy Chinese mobile numbers as customers type them (spaces,
dashes, dots, +86, 0086, (86), full-width digits and brackets, invisible
characters at the ends), about 3% of them one digit short or long.
--kind mixed: the phone corpus (40 regions, valid and invalid, every messy
style) repeated in order until --rows.
"""
import argparse
import csv
import random

# Prefixes valid in both libphonenumber 8.12.57 and 9.0.42 metadata.
PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
            "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180",
            "181", "182", "183", "184", "185", "186", "187", "188", "189", "198", "199"]
FW = {c: chr(ord(c) + 0xFEE0) for c in "0123456789+-()."}
FW[" "] = "\u3000"


def cn_mobile(rng):
    d = rng.choice(PREFIXES) + "%08d" % rng.randrange(100_000_000)
    r = rng.random()
    if r < 0.015:
        d = d[:-1]
    elif r < 0.03:
        d = d + str(rng.randrange(10))
    g = (d[:3], d[3:7], d[7:])
    r = rng.random()
    if r < 0.2:
        s = d
    elif r < 0.35:
        s = " ".join(g)
    elif r < 0.45:
        s = "-".join(g)
    elif r < 0.55:
        s = "+86 " + "-".join(g)
    elif r < 0.62:
        s = "+86" + d
    elif r < 0.68:
        s = rng.choice(["(86)", "（86）", "(+86) "]) + d
    elif r < 0.76:
        s = "0086 " + " ".join(g)
    elif r < 0.82:
        s = ".".join(g)
    elif r < 0.88:
        s = "+86 " + " ".join(g)
    elif r < 0.94:
        s = "86" + d
    else:
        s = "+86-" + d[:3] + " " + d[3:]
    r = rng.random()
    if r < 0.08:
        s = "".join(FW.get(c, c) for c in s)
    elif r < 0.1:
        s = " " + s + " "
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prefix")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kind", choices=["cn", "mixed"], default="cn")
    ap.add_argument("--corpus", help="phone corpus CSV for --kind mixed")
    a = ap.parse_args()
    if a.kind == "cn":
        rng = random.Random(a.seed)
        items = (("CN", cn_mobile(rng)) for _ in range(a.rows))
    else:
        with open(a.corpus, encoding="utf-8", newline="") as f:
            base = [(r["region"], r["input"]) for r in csv.DictReader(f)]
        items = (base[i % len(base)] for i in range(a.rows))
    with open(a.prefix + ".csv", "w", encoding="utf-8", newline="") as fc, \
            open(a.prefix + ".txt", "w", encoding="utf-8", newline="\n") as ft:
        w = csv.writer(fc, lineterminator="\n")
        for i, (region, n) in enumerate(items, 1):
            w.writerow([i, region, n])
            ft.write(region + "\t" + n + "\n")


if __name__ == "__main__":
    main()
