#!/usr/bin/env bash
# Time of N match_row calls, one statement, on the load test's table
# (tests/load/setup.sql: 15,000 generated customers, trained; deduped here),
# best of 3. For comparing two builds of the extension on one machine:
# install one, run this, install the other, run this again.
#
#   bench/match_row_calls.sh <socket dir> <port> [calls (3000)]
#
# Prints the candidates found (equal builds find the same) and the time.
set -euo pipefail
cd "$(dirname "$0")/.."
host=$1 port=$2 calls=${3:-3000} db=cc_match_row_calls
psql() { PGOPTIONS='-c client_min_messages=warning' command psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_customers.py --rows 40000 --seed 42 --out "$work/c.csv" >/dev/null 2>&1
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -f tests/load/setup.sql <"$work/c.csv" >/dev/null
psql -d $db -c "SELECT customer_clean.dedupe('load.customers') IS NOT NULL" >/dev/null
best=
for _ in 1 2 3; do
  out=$(psql -d $db -At -c '\timing on' -c "SELECT count(*) FROM (SELECT customer_clean.match_row('load.customers',
          to_jsonb(c) - 'id', 10) FROM (SELECT * FROM load.customers ORDER BY id LIMIT $calls) c) x")
  found=$(echo "$out" | head -1)
  ms=$(echo "$out" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  best=$(awk -v a="$ms" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
done
psql -d postgres -c "DROP DATABASE $db"
echo "match_row: $calls calls found $found candidates; best of 3: $best ms ($(awk -v t="$best" -v n="$calls" 'BEGIN { printf "%.3f", t / n }') ms per call)"
