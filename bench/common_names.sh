#!/usr/bin/env bash
# Customers with the most common names, for match_row's worst case (issue
# 18): real tables are full of Wang Wei and James Smith, and the default
# generator spreads names too thinly to crowd a match key.
#
#   bench/common_names.sh [--rows 1000000] [--names 3]
#   bench/match_row_latency.sh --table bench_common --source-rows 1000000 \
#       --input bench/out/customers_common3_1000000_42.csv
#
# Generates --rows customers (bench/gen_customers.py --seed 42
# --common-names K: given and family names drawn from the K most common of
# each list), loads them raw into bench_common in the private cluster (no
# clean_table: as a new user loads them), registers, trains and dedupes
# it, and prints the sizes of the blocks its stored match keys make: the
# candidates match_row would read for a probe with that key.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 NAMES=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --names) NAMES=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $ROWS =~ ^[1-9][0-9]*$ && $NAMES =~ ^[1-9][0-9]*$ ]] || { echo "--rows and --names: positive integers" >&2; exit 2; }

csv="$OUT_DIR/customers_common${NAMES}_${ROWS}_42.csv"
if [[ ! -s $csv ]]; then
  log "generating $ROWS customers with the $NAMES most common names of each list"
  python3 "$BENCH_DIR/gen_customers.py" --rows "$ROWS" --seed 42 --common-names "$NAMES" --out "$csv.tmp"
  mv "$csv.tmp" "$csv"
fi
ensure_cluster
have_extension || { log "customer_clean is not installed"; exit 1; }
bpsql -d "$BENCH_DB" -qc "CREATE EXTENSION IF NOT EXISTS customer_clean" >/dev/null
log "loading, training and deduping bench_common"
bpsql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q <<SQL
SELECT customer_clean.unregister(t) FROM to_regclass('bench_common') t WHERE t IS NOT NULL \g /dev/null
DROP TABLE IF EXISTS bench_common;
CREATE TABLE bench_common (id bigint PRIMARY KEY, true_entity_id bigint, household_id bigint, full_name text,
  phone text, email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
\copy bench_common FROM '$csv' CSV HEADER
ANALYZE bench_common;
SELECT customer_clean.register('bench_common', '{"id": "id", "name": "full_name", "phone": "phone",
  "email": "email", "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date",
  "gender": "gender", "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"}',
  '{"default_region": "CN", "date_order": "DMY"}') IS NOT NULL AS registered \g /dev/null
\timing on
SELECT customer_clean.train('bench_common', '{"seed": 42}') IS NOT NULL AS trained;
SELECT customer_clean.dedupe('bench_common') - 'steps' AS dedupe;
\timing off
SQL
log "blocks of the stored match keys (rows sharing a key)"
bpsql -d "$BENCH_DB" -c "
  SELECT CASE WHEN n = 1 THEN '1' WHEN n <= 10 THEN '2-10' WHEN n <= 50 THEN '11-50' WHEN n <= 200 THEN '51-200'
              WHEN n <= 1000 THEN '201-1000' ELSE '>1000' END AS block_rows,
         count(*) AS keys, sum(n) AS key_rows, max(n) AS largest
    FROM (SELECT key, count(*) AS n FROM customer_clean.match_keys
           WHERE tbl = 'bench_common'::regclass GROUP BY key) s
   GROUP BY 1 ORDER BY min(n)"
