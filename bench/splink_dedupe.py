#!/usr/bin/env python3
"""Splink 5 on DuckDB: the reference deduplication of the match benchmark.

    bench/.venv-match/bin/python bench/splink_dedupe.py --dataset febrl3 \
        --input bench/out/match/febrl3.input.csv --truth bench/out/match/febrl3.truth.csv \
        --clusters bench/out/match/febrl3.splink.clusters.csv [--results FILE.jsonl]

A deduplication as a competent Splink user writes it from the Splink docs
(tutorial, the febrl3/febrl4 and 50k-synthetic examples): blocking rules,
comparisons per column, probability_two_random_records_match from
deterministic rules, u from random sampling (max_pairs 1e7, seed 42), m by EM
on two blocking rules, predict, cluster_pairwise_predictions_at_threshold at
match probability 0.9 (customer_clean's default threshold). DuckDB runs with
2 threads (--threads).

It never reads the truth columns: --input has none, and --truth is read only
by the evaluation after the clusters are written.

Preprocessing (timed as prep_s, like customer_clean's clean_table, and not
part of train_s/dedupe_s) is what such a user does before Splink, nothing
that needs knowledge of the data generator:
  all text  Unicode NFKC (full-width forms), lower case, zero-width
            characters removed, whitespace collapsed, empty -> NULL
  generated name: punctuation removed, tokens sorted ("smith, william" ->
              "smith william"), spaces removed when it has Chinese characters
            phone: extension cut off, digits only, last 10 digits (drops +86,
              0086, +1 and trunk 0 alike); NULL below 7 digits
            email: mailto: removed
            postcode: letters and digits only, ZIP+4 -> ZIP, 4-digit ZIP
              padded with its lost leading zero
            birth_date: parsed from the usual shapes (ISO, 8 digits, year
              first with 年月日, day or month first by country (US: month
              first) falling back to the other order when impossible, month
              names, two-digit years; a year in the future loses a century)
            country -> CN / US, gender -> M / F, national_id: letters and
              digits, upper case
  febrl     trim, empty -> NULL (the data is already lower case)
Not done (customer_clean's job, and beyond a light clean-up): pinyin,
nicknames, address canonicalization, e-mail provider rules, ID check digits.

Generated data compares name, dob, email, phone, national_id, address and
gender; postcode and country serve only in blocking (see settings_generated).
FEBRL compares all ten columns, with the blocking rules and training of the
Splink docs' febrl3/febrl4 examples.

Prints one JSON line: dataset, rows, prep_s, train_s, dedupe_s (predict +
cluster), precision, recall, f1, tp, fp, fn, … (see match_eval.py).
"""
import argparse
import json
import logging
import os
import sys
import time

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

import splink
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import match_eval  # noqa: E402

THRESHOLD = 0.9
ZERO_WIDTH = r"[\x{200B}-\x{200D}\x{2060}\x{FEFF}]"


def log(msg):
    print(f"[splink {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def nfkc_lower(table, columns):
    """NFKC + lower case of the given string columns of an Arrow table."""
    for name in columns:
        i = table.schema.get_field_index(name)
        col = pc.utf8_lower(pc.utf8_normalize(table.column(i), "NFKC"))
        table = table.set_column(i, name, col)
    return table


# ------------------------------------------------------------- generated data

GENERATED_SQL = r"""
CREATE OR REPLACE MACRO tidy(s) AS
  nullif(trim(regexp_replace(regexp_replace(s, '__ZW__', '', 'g'), '\s+', ' ', 'g')), '');

CREATE OR REPLACE TABLE prepared AS
WITH t AS (
  SELECT id,
         tidy(regexp_replace(regexp_replace(full_name, '[''’]', '', 'g'), '[.,()"\-_/]', ' ', 'g')) AS name0,
         tidy(phone) AS phone0, tidy(email) AS email0, tidy(address) AS address0,
         tidy(country) AS country0, tidy(postcode) AS postcode0, tidy(birth_date) AS dob0,
         tidy(gender) AS gender0, tidy(national_id) AS nid0
  FROM raw
), c AS (
  SELECT *,
         CASE
           WHEN country0 IS NULL THEN NULL
           WHEN regexp_matches(country0, 'china|中国|中华|^cn$|^chn$|^prc$|^p\.?\s?r\.?\s?c') THEN 'CN'
           WHEN regexp_matches(country0, '^us|^u\.s|united states|america|美国') THEN 'US'
         END AS country
  FROM t
), d AS (
  SELECT *,
    -- the date with 年/月/日 and . / as '-'
    regexp_replace(replace(replace(replace(dob0, '年', '-'), '月', '-'), '日', ''), '[./]', '-', 'g') AS dd,
    regexp_matches(dob0, '/') AS slash
  FROM c
), p AS (
  SELECT *,
    CASE
      WHEN regexp_matches(dd, '^\d{4}-\d{1,2}-\d{1,2}$') THEN try_strptime(dd, '%Y-%m-%d')
      WHEN regexp_matches(dd, '^\d{8}$') THEN try_strptime(dd, '%Y%m%d')
      WHEN regexp_matches(dd, '^\d{1,2}-\d{1,2}-\d{4}$') THEN
        CASE WHEN country = 'US'
             THEN coalesce(try_strptime(dd, '%m-%d-%Y'), try_strptime(dd, '%d-%m-%Y'))
             ELSE coalesce(try_strptime(dd, '%d-%m-%Y'), try_strptime(dd, '%m-%d-%Y')) END
      -- two-digit year: m/d/yy with slashes, yy-m-d with dashes
      WHEN slash AND regexp_matches(dd, '^\d{1,2}-\d{1,2}-\d{2}$') THEN
        coalesce(try_strptime(dd, '%m-%d-%y'), try_strptime(dd, '%d-%m-%y'))
      WHEN regexp_matches(dd, '^\d{2}-\d{1,2}-\d{1,2}$') THEN try_strptime(dd, '%y-%m-%d')
      ELSE coalesce(try_strptime(dd, '%B %d, %Y'), try_strptime(dd, '%B %d %Y'),
                    try_strptime(dd, '%b %d, %Y'), try_strptime(dd, '%b %d %Y'),
                    try_strptime(dd, '%d-%b-%Y'), try_strptime(dd, '%d %B %Y'),
                    try_strptime(dd, '%d %b %Y'))
    END::DATE AS dob1
  FROM d
)
SELECT
  id,
  CASE WHEN regexp_matches(name0, '\p{Han}') THEN replace(name0, ' ', '')
       ELSE array_to_string(list_sort(string_split(name0, ' ')), ' ') END AS name,
  nullif(right(regexp_replace(regexp_replace(phone0, '(ext|x|转|#|;|分机).*$', ''), '[^0-9]', '', 'g'), 10), '')
    AS phone_raw,
  nullif(replace(replace(email0, 'mailto:', ''), ' ', ''), '') AS email,
  tidy(regexp_replace(address0, '[.,#]', ' ', 'g')) AS address,
  country,
  CASE
    WHEN regexp_matches(regexp_replace(postcode0, '[^0-9a-z]', '', 'g'), '^\d{9}$')
      THEN left(regexp_replace(postcode0, '[^0-9a-z]', '', 'g'), 5)
    WHEN country = 'US' AND regexp_matches(regexp_replace(postcode0, '[^0-9a-z]', '', 'g'), '^\d{4}$')
      THEN '0' || regexp_replace(postcode0, '[^0-9a-z]', '', 'g')
    ELSE nullif(regexp_replace(postcode0, '[^0-9a-z]', '', 'g'), '')
  END AS postcode,
  CASE WHEN dob1 > DATE '2025-12-31' THEN (dob1 - INTERVAL 100 YEAR)::DATE ELSE dob1 END AS dob,
  CASE WHEN gender0 IN ('m', 'male', '男', '1') THEN 'M'
       WHEN gender0 IN ('f', 'female', '女', '2') THEN 'F' END AS gender,
  nullif(upper(regexp_replace(nid0, '[^0-9a-z]', '', 'g')), '') AS national_id
FROM p;

UPDATE prepared SET phone_raw = NULL WHERE length(phone_raw) < 7;
ALTER TABLE prepared RENAME COLUMN phone_raw TO phone;
""".replace("__ZW__", ZERO_WIDTH)


def prepare_generated(con, path):
    raw = con.read_csv(path, all_varchar=True, header=True).to_arrow_table()
    raw = nfkc_lower(raw, ["full_name", "phone", "email", "address", "country", "postcode",
                           "birth_date", "gender", "national_id"])
    con.register("raw", raw)
    con.execute(GENERATED_SQL)
    con.unregister("raw")
    return con.table("prepared")


def settings_generated():
    return SettingsCreator(
        unique_id_column_name="id",
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("phone"),
            block_on("email"),
            block_on("national_id"),
            block_on("name", "dob"),
            block_on("name", "postcode"),
            block_on("dob", "postcode"),
        ],
        comparisons=[
            cl.NameComparison("name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=False),
            cl.EmailComparison("email"),
            cl.LevenshteinAtThresholds("phone", [1, 2]),
            cl.DamerauLevenshteinAtThresholds("national_id", [1, 2]),
            cl.JaroWinklerAtThresholds("address", [0.95, 0.88]),
            cl.ExactMatch("gender"),
            # Not compared, only blocked on: postcode, which the address
            # already tells (the Splink docs leave such correlated location
            # columns out: the model assumes independent evidence), and
            # country (two values; no EM block has pairs that differ in it,
            # so its m cannot be trained).
        ],
        retain_intermediate_calculation_columns=False,
    )


def train_generated(linker, max_pairs, seed):
    linker.training.estimate_probability_two_random_records_match(
        [block_on("national_id"), block_on("email"), block_on("name", "dob")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    # Each comparison is estimated in at least one of the two sessions. Both
    # rules pick pairs of one person, not of one address or phone: EM on a
    # block of shared phones learns "same household" as its match class
    # (dob and ID mismatches then look common among matches).
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("name", "dob"), estimate_without_term_frequencies=True, max_pairs=5e6)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("phone", "email"), estimate_without_term_frequencies=True, max_pairs=5e6)


# ---------------------------------------------------------------------- FEBRL

FEBRL_COLUMNS = ["given_name", "surname", "street_number", "address_1", "address_2",
                 "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"]


def prepare_febrl(con, path):
    cols = ", ".join(f"nullif(trim({c}), '') AS {c}" for c in FEBRL_COLUMNS)
    con.execute(f"CREATE OR REPLACE TABLE prepared AS SELECT id, {cols} "
                f"FROM read_csv(?, all_varchar = true, header = true)", [path])
    return con.table("prepared")


def settings_febrl():
    return SettingsCreator(
        unique_id_column_name="id",
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            "l.given_name = r.surname AND l.surname = r.given_name",
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                     invalid_dates_as_null=True),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("address_1", [0.95, 0.88]),
            cl.JaroWinklerAtThresholds("address_2", [0.95, 0.88]),
            cl.JaroWinklerAtThresholds("suburb", [0.95, 0.88]).configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
            cl.ExactMatch("state").configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=False,
    )


def train_febrl(linker, max_pairs, seed):
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth"),
         "l.given_name = r.surname AND l.surname = r.given_name AND l.date_of_birth = r.date_of_birth"],
        recall=0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("date_of_birth"), estimate_without_term_frequencies=True)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("postcode"), estimate_without_term_frequencies=True)


CONFIGS = {
    "generated": (prepare_generated, settings_generated, train_generated),
    "febrl3": (prepare_febrl, settings_febrl, train_febrl),
    "febrl4": (prepare_febrl, settings_febrl, train_febrl),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", required=True, choices=sorted(CONFIGS))
    ap.add_argument("--input", required=True, help="CSV without truth columns (first column id)")
    ap.add_argument("--truth", required=True, help="id,entity[,household] for the evaluation")
    ap.add_argument("--clusters", required=True, help="output: id,cluster_id")
    ap.add_argument("--name", help="data set name in the output (default: --dataset)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--max-pairs", type=float, default=1e7, help="u estimation sample")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--candidates", help="also write every blocked pair (id_l,id_r) here, after the "
                    "timings, for blocking recall (scores all blocked pairs: slow on big data)")
    ap.add_argument("--results", help="append the JSON line to this file too")
    ap.add_argument("--verbose", action="store_true", help="Splink's INFO log")
    args = ap.parse_args()

    logging.basicConfig(format="%(message)s", stream=sys.stderr)
    logging.getLogger("splink").setLevel(logging.INFO if args.verbose else logging.WARNING)
    prepare, settings, train = CONFIGS[args.dataset]

    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    con.execute("SET preserve_insertion_order = false")

    t0 = time.perf_counter()
    prepared = prepare(con, args.input)
    rows = con.execute("SELECT count(*) FROM prepared").fetchall()[0][0]
    prep_s = time.perf_counter() - t0
    log(f"{args.dataset}: {rows} rows prepared in {prep_s:.2f} s")

    t1 = time.perf_counter()
    db_api = DuckDBAPI(connection=con)
    linker = Linker(db_api.register(prepared, dataset_display_name="records"), settings(),
                    log_level=logging.INFO if args.verbose else logging.WARNING)
    train(linker, args.max_pairs, args.seed)
    train_s = time.perf_counter() - t1
    log(f"trained in {train_s:.2f} s")

    t2 = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=args.threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=args.threshold)
    dedupe_s = time.perf_counter() - t2
    scored = con.execute(f"SELECT count(*) FROM {predictions.physical_name}").fetchall()[0][0]
    log(f"predicted {scored} pairs >= {args.threshold} and clustered in {dedupe_s:.2f} s")

    os.makedirs(os.path.dirname(os.path.abspath(args.clusters)), exist_ok=True)
    con.execute(f"COPY (SELECT id, cluster_id FROM {clusters.physical_name} ORDER BY id) "
                f"TO '{args.clusters}' (FORMAT csv, HEADER)")

    result = {
        "system": "splink",
        "version": splink.__version__,
        "duckdb": duckdb.__version__,
        "dataset": args.name or args.dataset,
        "rows": rows,
        "threads": args.threads,
        "threshold": args.threshold,
        "prep_s": round(prep_s, 3),
        "train_s": round(train_s, 3),
        "dedupe_s": round(dedupe_s, 3),
        "pairs_above_threshold": scored,
    }
    entity, household = match_eval.read_truth(args.truth)
    pred = match_eval.read_pred(args.clusters, entity)
    result.update(match_eval.evaluate(entity, pred, household))

    if args.candidates:
        log("scoring every blocked pair for blocking recall (not timed)")
        everything = linker.inference.predict()
        con.execute(f"COPY (SELECT id_l, id_r FROM {everything.physical_name}) "
                    f"TO '{args.candidates}' (FORMAT csv, HEADER)")
        result.update(match_eval.blocking_recall(entity, match_eval.read_candidates(args.candidates)))

    line = json.dumps(result)
    print(line, flush=True)
    if args.results:
        with open(args.results, "a") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
