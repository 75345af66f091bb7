#!/usr/bin/env bash
# String comparators: customer_clean vs fuzzystrmatch, pg_similarity and
# pg_trgm inside PostgreSQL, on the same pairs, in one run.
#
#   bench/comparators.sh [--rows N] [--repeat R]
#
# Generates N Latin and N Chinese pairs of 32-character strings
# (gen_comparator_pairs.py, seeded; default 1,000,000 each) into
# bench_cmp_latin / bench_cmp_cn (id, a, b), and pairs of short real values
# from N generated customers (names, e-mails, phones, raw) into
# bench_cmp_name / _email / _phone, and times, best of R runs after one warm-up,
#   select sum(<function>(a, b)) from <table>
# for each function, plus the baseline sum(length(a) + length(b)) (reading
# the rows). Prints a table with the times and the ratio ours / theirs
# (< 1 means customer_clean is faster), with and without the baseline.
# Needs the extension installed (cargo pgrx install --release …); installs
# Debian's postgresql-15-similarity (pg_similarity) when missing.
# Its own database in the bench cluster, so that recreating the extension
# there does not touch other benchmarks' objects.
BENCH_DB=${BENCH_DB:-bench_cmp}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 REPEAT=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_apt postgresql-15-similarity bc
ensure_cluster
ensure_extension
bpsql -d "$BENCH_DB" -q -c "create extension if not exists fuzzystrmatch" \
  -c "create extension if not exists pg_trgm" -c "create extension if not exists pg_similarity"

for kind in latin cn; do
  csv="$OUT_DIR/cmp_pairs_${kind}_${ROWS}.csv"
  seed=11; [[ $kind == cn ]] && seed=12
  if [[ ! -s $csv ]]; then
    log "generating $ROWS $kind pairs"
    python3 "$BENCH_DIR/gen_comparator_pairs.py" --kind "$kind" --rows "$ROWS" --seed "$seed" --out "$csv.tmp"
    mv "$csv.tmp" "$csv"
  fi
  log "loading bench_cmp_$kind"
  bpsql -d "$BENCH_DB" -q <<SQL
drop table if exists bench_cmp_$kind;
create table bench_cmp_$kind (id int primary key, a text not null, b text not null);
\copy bench_cmp_$kind from '$csv' with (format csv)
vacuum analyze bench_cmp_$kind;
SQL
done

# Short real values: the names, e-mails and phones of ROWS generated
# customers (gen_customers.py, seed 42), each paired with the next record in
# the order of the person it describes: often another record of the same
# person, else a stranger. 9–20 characters on average, mixed scripts, raw as
# typed: what the trigger and match_row compare. On these the per-call
# overhead weighs more than on the 32-character pairs.
SHORT_KINDS=(name email phone)
customers_csv=$(generated_customers "$ROWS")
log "loading short values (names, e-mails, phones) of $ROWS generated customers"
bpsql -d "$BENCH_DB" -q <<SQL
DROP TABLE IF EXISTS bench_cmp_customers;
CREATE UNLOGGED TABLE bench_cmp_customers (id bigint, true_entity_id bigint, household_id bigint, full_name text,
  phone text, email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
\copy bench_cmp_customers FROM '$customers_csv' CSV HEADER
$(for k in "${SHORT_KINDS[@]}"; do
  col=$k; [[ $k == name ]] && col=full_name
  echo "DROP TABLE IF EXISTS bench_cmp_$k;"
  echo "CREATE TABLE bench_cmp_$k AS SELECT row_number() OVER () AS id, a, b FROM (
          SELECT $col AS a, lead($col) OVER (ORDER BY true_entity_id, id) AS b
            FROM bench_cmp_customers WHERE $col IS NOT NULL) p WHERE b IS NOT NULL;"
  echo "VACUUM ANALYZE bench_cmp_$k;"
done)
DROP TABLE bench_cmp_customers;
SQL
KINDS=(latin cn "${SHORT_KINDS[@]}")

# time_sql SQL -> the best of REPEAT runs in seconds (one warm-up run first)
time_sql() {
  local sql=$1 script="" i
  script+="\\timing on"$'\n'
  for ((i = 0; i <= REPEAT; i++)); do script+="$sql;"$'\n'; done
  bpsql -d "$BENCH_DB" -qAt <<<"$script" | awk '/^Time:/ {print $2 / 1000}' | tail -n +2 | sort -g | head -1
}

# label | ours | theirs (empty: no peer) ; a and b are the pair's columns.
CASES=(
  "levenshtein (distance)|customer_clean.levenshtein(a, b)|public.levenshtein(a, b)"
  "levenshtein_similarity vs pg_similarity lev|customer_clean.levenshtein_similarity(a, b)|public.lev(a, b)"
  "jaro|customer_clean.jaro(a, b)|public.jaro(a, b)"
  "jaro_winkler vs pg_similarity jarowinkler|customer_clean.jaro_winkler(a, b)|public.jarowinkler(a, b)"
  "qgram_similarity q=3 vs pg_similarity qgram|customer_clean.qgram_similarity(a, b, 3)|public.qgram(a, b)"
  "qgram_similarity q=3 vs pg_trgm similarity|customer_clean.qgram_similarity(a, b, 3)|public.similarity(a, b)"
  "damerau_levenshtein|customer_clean.damerau_levenshtein(a, b)|"
  "token_set_similarity|customer_clean.token_set_similarity(a, b)|"
  "name_similarity|customer_clean.name_similarity(a, b)|"
)

declare -A T
for kind in "${KINDS[@]}"; do
  log "timing baseline on $kind"
  T[$kind:base]=$(time_sql "select sum(length(a) + length(b)) from bench_cmp_$kind")
  for c in "${CASES[@]}"; do
    IFS='|' read -r label ours theirs <<<"$c"
    if [[ -z ${T[$kind:$ours]:-} ]]; then
      log "timing $ours on $kind"
      T[$kind:$ours]=$(time_sql "select sum($ours) from bench_cmp_$kind")
    fi
    if [[ -n $theirs && -z ${T[$kind:$theirs]:-} ]]; then
      log "timing $theirs on $kind"
      T[$kind:$theirs]=$(time_sql "select sum($theirs) from bench_cmp_$kind")
    fi
  done
done

ratio() { [[ -n $2 ]] && printf '%.2f' "$(echo "$1 / $2" | bc -l)" || printf -- '-'; }
net() { echo "$1 - $2" | bc -l; }

echo
echo "Comparators in PostgreSQL 15, best of $REPEAT (seconds); data sets: latin, cn: $ROWS pairs of"
echo "32-character strings; name, email, phone: the short values of $ROWS generated customers,"
echo "each with the next record:$(for k in "${SHORT_KINDS[@]}"; do
  printf ' %s %s pairs of %s characters on average;' "$k" "$(bpsql -d "$BENCH_DB" -qAt -c "select count(*) from bench_cmp_$k")" \
    "$(bpsql -d "$BENCH_DB" -qAt -c "select round(avg(length(a)), 1) from bench_cmp_$k")"
done)"
echo "baseline sum(length(a)+length(b)):$(for k in "${KINDS[@]}"; do printf ' %s %s s' "$k" "${T[$k:base]}"; done)"
echo
printf '| %-44s | %-5s | %8s | %8s | %7s | %13s |\n' "function (ours vs theirs)" "data" "ours" "theirs" "ratio" "ratio - base"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-------" "----------" "----------" "---------" "---------------"
for c in "${CASES[@]}"; do
  IFS='|' read -r label ours theirs <<<"$c"
  for kind in "${KINDS[@]}"; do
    o=${T[$kind:$ours]} t=""
    [[ -n $theirs ]] && t=${T[$kind:$theirs]}
    b=${T[$kind:base]}
    if [[ -n $t ]]; then
      printf '| %-44s | %-5s | %8.3f | %8.3f | %7s | %13s |\n' "$label" "$kind" "$o" "$t" \
        "$(ratio "$o" "$t")" "$(ratio "$(net "$o" "$b")" "$(net "$t" "$b")")"
    else
      printf '| %-44s | %-5s | %8.3f | %8s | %7s | %13s |\n' "$label" "$kind" "$o" "-" "-" "-"
    fi
  done
done
echo
echo "fuzzystrmatch levenshtein counts characters; pg_similarity counts bytes (its results"
echo "differ from ours on non-ASCII text, e.g. lev('aé','ae') = 0.33 vs 0.5); pg_trgm similarity"
echo "is Jaccard over word trigrams, pg_similarity qgram a trigram distance: same work, other formulas."
