#!/usr/bin/env python3
"""Agreement of phone-number implementations on the corpus of
gen_phone_corpus.py. Run through bench/phone_agreement.sh, which builds and
starts what this needs.

Reference: Python `phonenumbers` 9.0.42 (the corpus's expected columns; same
libphonenumber metadata as the Rust crate `rlibphonenumber` 2.2.15 that the
engine uses, so any SQL disagreement is a code difference).
Compared:
  sql   customer_clean.normalize_phone / phone_info in PostgreSQL (--sql)
  cpp   Debian's C++ libphonenumber 8.12.57 (phone_bench --info)
  pn8   Python phonenumbers 8.12.57, the C++ library's metadata version; when
        cpp == pn8 but != 9.0.42 the disagreement is the metadata's, not code's
A row agrees when e164, valid and type are all equal.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import time

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
REF = "9.0.42"  # phonenumbers version of the corpus; metadata of rlibphonenumber 2.2.15


def load_corpus(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["expected"] = (r["expected_e164"], r["expected_valid"], r["expected_type"])
    return rows


def read_triples(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return [tuple(l.rstrip("\n").split("\t")) for l in f]


def run_tsv_tool(cmd, tsv, out):
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        p = subprocess.run(cmd + [tsv], stdout=f, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - t0
    return read_triples(out), p.stderr.strip(), wall


def run_sql(rows, corpus_path, psql):
    """Loads the corpus into a table and reads back normalize_phone and
    phone_info for every row (ordered by id)."""
    out = os.path.join(OUT, "phone_sql_results.csv")
    script = r"""
\set ON_ERROR_STOP 1
drop table if exists bench_phone_corpus;
create table bench_phone_corpus (id int primary key, region text, input text, category text,
  expected_e164 text, expected_valid text, expected_type text);
\copy bench_phone_corpus from '%(corpus)s' with (format csv, header true, force_not_null (input))
\timing on
\copy (select id, coalesce(customer_clean.normalize_phone(input, region), ''), coalesce(i->>'e164', ''), case when coalesce((i->>'valid')::boolean, false) then 't' else 'f' end, coalesce(i->>'type', 'unknown'), coalesce(i->>'reason', case when i is null then 'null' end) from (select id, input, region, customer_clean.phone_info(input, region) as i from bench_phone_corpus) s order by id) to '%(out)s' with (format csv)
""" % {"corpus": corpus_path, "out": out}
    t0 = time.perf_counter()
    env = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")
    subprocess.run(psql, input=script, text=True, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    res, inconsistent = [], []
    with open(out, encoding="utf-8", newline="") as f:
        for rec, row in zip(csv.reader(f), rows):
            rid, norm, e164, valid, typ, _reason = rec
            assert rid == row["id"], (rid, row["id"])
            if norm != e164:
                inconsistent.append((row, norm, e164))
            res.append((norm, valid, typ))
    return res, inconsistent, wall


def outcome_kind(exp, got, other="8.12.57"):
    (ee, ev, et), (ge, gv, gt) = exp, got
    if ev == "t" and gv == "f":
        return "valid in %s only (range added or widened)" % REF
    if ev == "f" and gv == "t":
        return "valid in %s only (range removed or narrowed)" % other
    if ee != ge:
        return "different E.164"
    return "different type (%s -> %s)" % (et, gt)


def compare(name, rows, got, ref_name, examples, out_csv, classify=None, pn8=None):
    total = len(rows)
    agree = field_e164 = field_valid = field_type = 0
    dis = []
    for row, g in zip(rows, got):
        e = row["expected"]
        field_e164 += e[0] == g[0]
        field_valid += e[1] == g[1]
        field_type += e[2] == g[2]
        if e == g:
            agree += 1
        else:
            dis.append((row, g))
    print("\n== %s vs %s: %d/%d rows agree (%.3f%%); e164 %.3f%%, valid %.3f%%, type %.3f%%"
          % (name, ref_name, agree, total, 100.0 * agree / total, 100.0 * field_e164 / total,
             100.0 * field_valid / total, 100.0 * field_type / total))
    with open(out_csv, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "region", "input", "category", "expected_e164", "expected_valid",
                    "expected_type", name + "_e164", name + "_valid", name + "_type", "cause"])
        groups = collections.defaultdict(list)
        for row, g in dis:
            if classify:
                cause = classify(row, g)
            else:
                cause = outcome_kind(row["expected"], g)
            groups[cause].append((row, g))
            w.writerow([row["id"], row["region"], row["input"], row["category"], *row["expected"], *g, cause])
    if not dis:
        return agree, total
    print("   disagreements by cause (all listed in %s):" % os.path.relpath(out_csv))
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        regions = collections.Counter(r["region"] for r, _ in items)
        print("   %6d  %s   [%s]" % (len(items), cause,
                                    ", ".join("%s %d" % kv for kv in regions.most_common(8))))
        for row, g in items[:examples]:
            print("           %-4s %-36r expected %-18s %s %-10s got %-18s %s %s"
                  % (row["region"], row["input"], row["expected"][0] or "-", row["expected"][1],
                     row["expected"][2], g[0] or "-", g[1], g[2]))
    return agree, total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(OUT, "phone_corpus.csv"))
    ap.add_argument("--cpp", help="phone_bench binary (C++ libphonenumber)")
    ap.add_argument("--pn8-python", help="python interpreter with phonenumbers 8.12.57")
    ap.add_argument("--sql", action="store_true", help="also run the SQL functions (psql settings from BENCH_* env)")
    ap.add_argument("--engine-results",
                    help="E164<TAB>t|f<TAB>TYPE lines (corpus order) from the Rust engine run outside PostgreSQL")
    ap.add_argument("--examples", type=int, default=6, help="examples printed per cause")
    a = ap.parse_args()

    rows = load_corpus(a.corpus)
    tsv = os.path.join(OUT, "phone_corpus.tsv")
    with open(tsv, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(r["region"] + "\t" + r["input"] + "\n")
    regions = sorted({r["region"] for r in rows})
    n_valid = sum(r["expected_valid"] == "t" for r in rows)
    print("corpus %s: %d rows, %d regions, %d valid / %d invalid per phonenumbers %s"
          % (os.path.relpath(a.corpus), len(rows), len(regions), n_valid, len(rows) - n_valid, REF))
    summary = []

    if a.sql:
        psql = ["psql", "-h", os.environ.get("BENCH_SOCK", "/tmp/bench_sock"),
                "-p", os.environ.get("BENCH_PGPORT", "5497"), "-U", "postgres", "-X", "-q",
                "-d", os.environ.get("BENCH_DB", "bench")]
        sql, inconsistent, wall = run_sql(rows, os.path.abspath(a.corpus), psql)
        print("sql: %d rows in %.1f s (load + normalize_phone + phone_info + export)" % (len(sql), wall))
        if inconsistent:
            print("   !! %d rows where normalize_phone differs from phone_info->>'e164', e.g. %r"
                  % (len(inconsistent), [(r["region"], r["input"], n, e) for r, n, e in inconsistent[:5]]))
        ag, tot = compare("sql", rows, sql, "phonenumbers " + REF, a.examples,
                          os.path.join(OUT, "phone_disagreements_sql.csv"), classify=lambda row, g: "code difference: " + outcome_kind(row["expected"], g, "customer_clean"))
        summary.append(("customer_clean (SQL, Rust rlibphonenumber 2.2.15)", ag, tot))

    if a.engine_results:
        eng = read_triples(a.engine_results)
        ag, tot = compare("engine", rows, eng, "phonenumbers " + REF, a.examples,
                          os.path.join(OUT, "phone_disagreements_engine.csv"), classify=lambda row, g: "code difference: " + outcome_kind(row["expected"], g, "customer_clean"))
        summary.append(("customer_clean_engine (Rust, outside PostgreSQL)", ag, tot))

    pn8 = None
    if a.pn8_python:
        pn8, info, wall = run_tsv_tool([a.pn8_python, os.path.join(os.path.dirname(__file__), "pn_eval.py")],
                                       tsv, os.path.join(OUT, "phone_pn8.txt"))
        print("pn8: %s (wall %.1f s)" % (info, wall))
    if a.cpp:
        cpp, info, wall = run_tsv_tool([a.cpp, "--info"], tsv, os.path.join(OUT, "phone_cpp.txt"))
        print("cpp: %s (wall %.1f s)" % (info, wall))

        def metadata_cause(row, g, _pn8=pn8, _idx={r["id"]: i for i, r in enumerate(rows)}):
            kind = outcome_kind(row["expected"], g)
            if _pn8 is None:
                return kind
            same = _pn8[_idx[row["id"]]] == g
            return ("metadata 8.12.57 vs %s: " % REF if same else "NOT explained by metadata: ") + kind

        ag, tot = compare("cpp", rows, cpp, "phonenumbers " + REF, a.examples,
                          os.path.join(OUT, "phone_disagreements_cpp.csv"), classify=metadata_cause)
        summary.append(("libphonenumber C++ 8.12.57 (Debian)", ag, tot))
        if pn8 is not None:
            same = sum(x == y for x, y in zip(cpp, pn8))
            print("\n== cpp (C++ 8.12.57) vs Python phonenumbers 8.12.57 (same metadata): %d/%d agree (%.3f%%)"
                  % (same, len(rows), 100.0 * same / len(rows)))
            summary.append(("libphonenumber C++ 8.12.57 vs phonenumbers 8.12.57", same, len(rows)))

    print("\nSUMMARY (reference: Python phonenumbers %s unless stated)" % REF)
    for name, ag, tot in summary:
        print("  %-56s %7d/%d  %.3f%%" % (name, ag, tot, 100.0 * ag / tot))


if __name__ == "__main__":
    main()
