#!/usr/bin/env bash
# Phone agreement: customer_clean (SQL) vs Python phonenumbers 9.0.42 (same
# metadata as the Rust crate) vs Debian's C++ libphonenumber 8.12.57, on the
# full messy corpus of gen_phone_corpus.py.
#
#   bench/phone_agreement.sh [--rows N] [--seed S] [--no-sql] [--examples K]
#
# Creates the pinned virtualenvs, builds phone_bench, generates the corpus
# (bench/out/phone_corpus.csv) when missing or when N/S change, starts the
# private cluster on port 5497 and creates extension customer_clean (skipped
# with --no-sql or when the extension is not installed). Disagreement lists go
# to bench/out/phone_disagreements_{sql,cpp}.csv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=120000 SEED=1 SQL=1 EXAMPLES=6
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --no-sql) SQL=0; shift ;;
    --examples) EXAMPLES=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_venvs
ensure_phone_bench
CORPUS="$OUT_DIR/phone_corpus.csv"
STAMP="$OUT_DIR/phone_corpus.params"
if [[ ! -s $CORPUS || "$(cat "$STAMP" 2>/dev/null)" != "$ROWS $SEED" ]]; then
  log "generating corpus: $ROWS rows, seed $SEED"
  "$VENV/bin/python" "$BENCH_DIR/gen_phone_corpus.py" --rows "$ROWS" --seed "$SEED" --out "$CORPUS"
  echo "$ROWS $SEED" > "$STAMP"
fi

ARGS=(--corpus "$CORPUS" --cpp "$PHONE_BENCH" --pn8-python "$VENV_PN8/bin/python" --examples "$EXAMPLES")
if [[ $SQL == 1 ]]; then
  if have_extension; then
    ensure_cluster
    ensure_extension
    export BENCH_SOCK BENCH_PGPORT BENCH_DB
    ARGS+=(--sql)
  else
    log "customer_clean not installed: skipping the SQL comparison"
  fi
fi
"$VENV/bin/python" "$BENCH_DIR/phone_agreement.py" "${ARGS[@]}"
