#!/usr/bin/env bash
# normalize_phone throughput: customer_clean in PostgreSQL vs Google's
# libphonenumber (C++, Debian 8.12.57) on the same numbers, plus a check that
# the results are identical.
#
#   bench/phone_throughput.sh [--rows N] [--kind cn|mixed] [--repeat R]
#
# Builds phone_bench, starts the private cluster (port 5497, socket
# /tmp/bench_sock), creates extension customer_clean, generates the numbers,
# loads them into table bench_phone_tp, then times (best of R runs, after one
# warm-up run):
#   baseline   select count(length(n)) from bench_phone_tp
#   pg         select count(customer_clean.normalize_phone(n, region)) from bench_phone_tp
#   cpp        phone_bench's parse+IsValidNumber+Format(E164) loop (input in memory)
# The cluster runs with max_parallel_workers_per_gather = 0 and jit = off, so
# both sides use one core.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS="" KIND=cn REPEAT=3 SEED=7
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --kind) KIND=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# Mixed regions default to fewer rows: see bench/README.md (regex cache of the Rust crate).
[[ -n $ROWS ]] || { [[ $KIND == mixed ]] && ROWS=20000 || ROWS=1000000; }

ensure_phone_bench
ensure_cluster
ensure_extension

PREFIX="$OUT_DIR/tp_${KIND}_${ROWS}_${SEED}"
if [[ ! -s $PREFIX.txt ]]; then
  log "generating $ROWS $KIND numbers"
  if [[ $KIND == mixed ]]; then
    ensure_venvs
    [[ -s $OUT_DIR/phone_corpus.csv ]] || "$VENV/bin/python" "$BENCH_DIR/gen_phone_corpus.py" \
      --rows 120000 --seed 1 --out "$OUT_DIR/phone_corpus.csv"
    python3 "$BENCH_DIR/gen_phone_throughput.py" --rows "$ROWS" --kind mixed \
      --corpus "$OUT_DIR/phone_corpus.csv" "$PREFIX"
  else
    python3 "$BENCH_DIR/gen_phone_throughput.py" --rows "$ROWS" --seed "$SEED" --kind cn "$PREFIX"
  fi
fi

log "loading into bench_phone_tp"
bpsql -d "$BENCH_DB" -q <<SQL
drop table if exists bench_phone_tp;
create table bench_phone_tp (id int primary key, region text not null, n text not null);
\copy bench_phone_tp from '$PREFIX.csv' with (format csv, force_not_null (n))
vacuum analyze bench_phone_tp;
SQL

# time_sql SQL -> prints the best of REPEAT runs in seconds (one warm-up first)
time_sql() {
  local sql=$1 script="" i
  script+="\\timing on"$'\n'
  for ((i = 0; i <= REPEAT; i++)); do script+="$sql;"$'\n'; done
  bpsql -d "$BENCH_DB" -qAt <<<"$script" | awk '/^Time:/ {print $2 / 1000}' | tail -n +2 | sort -g | head -1
}

FN="customer_clean.normalize_phone(n, region)"
if [[ $KIND == cn ]]; then FN="customer_clean.normalize_phone(n, 'CN')"; fi
log "timing baseline: select count(length(n))"
BASE=$(time_sql "select count(length(n)) from bench_phone_tp")
log "timing select count($FN)"
PG=$(time_sql "select count($FN) from bench_phone_tp")

log "timing C++ libphonenumber loop"
CPP=$(for ((i = 0; i <= REPEAT; i++)); do
        "$PHONE_BENCH" --quiet "$PREFIX.txt" 2>&1 | sed -n 's/.*seconds=//p'
      done | tail -n +2 | sort -g | head -1)

log "comparing results"
bpsql -d "$BENCH_DB" -qAt -c "\\copy (select coalesce($FN, '') from bench_phone_tp order by id) to '$OUT_DIR/tp_pg.txt'"
"$PHONE_BENCH" "$PREFIX.txt" > "$OUT_DIR/tp_cpp.txt" 2>/dev/null
PG_MD5=$(bpsql -d "$BENCH_DB" -qAt -c "select md5(string_agg(coalesce($FN, ''), E'\n' order by id)) from bench_phone_tp")
CPP_MD5=$(head -c -1 "$OUT_DIR/tp_cpp.txt" | md5sum | cut -d' ' -f1)
DIFFS=$(paste -d'\t' "$PREFIX.txt" "$OUT_DIR/tp_pg.txt" "$OUT_DIR/tp_cpp.txt" |
        awk -F'\t' '$3 != $4' | tee "$OUT_DIR/tp_differences.tsv" | wc -l)
VALID=$(grep -c . "$OUT_DIR/tp_pg.txt" || true)

echo
echo "normalize_phone throughput ($KIND numbers, seed $SEED)"
printf '  rows                          %d (valid per customer_clean: %d)\n' "$ROWS" "$VALID"
printf '  PG baseline count(length(n))  %.3f s\n' "$BASE"
printf '  PG count(normalize_phone)     %.3f s   (minus baseline: %.3f s)\n' "$PG" "$(echo "$PG - $BASE" | bc -l)"
printf '  C++ libphonenumber 8.12.57    %.3f s   (loop only)\n' "$CPP"
printf '  ratio PG / C++                %.3f     (minus baseline: %.3f; < 1 means PG is faster)\n' \
  "$(echo "$PG / $CPP" | bc -l)" "$(echo "($PG - $BASE) / $CPP" | bc -l)"
printf '  md5 PG  %s\n  md5 C++ %s\n' "$PG_MD5" "$CPP_MD5"
if [[ $DIFFS -eq 0 ]]; then
  echo "  results identical: yes (0 differences)"
else
  echo "  results identical: NO, $DIFFS differences (all in $OUT_DIR/tp_differences.tsv: region, input, pg, c++); first 10:"
  head -10 "$OUT_DIR/tp_differences.tsv" | sed 's/^/    /'
fi
