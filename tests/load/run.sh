#!/usr/bin/env bash
# Load (issue 7): 3 pgbench clients insert customers through the cleaning
# and match_on_insert triggers while one runs dedupe over and over and a
# steward approves (merges) and rejects review pairs — all on the same table
# for SECONDS. Passes when no client hit an error (a deadlock, a
# constraint), and every customer is accounted for exactly once: in the
# table or in the history of a merge in force. Prints inserts/s and the
# insert latency p50/p99.
# Usage: tests/load/run.sh <socket dir> <port> [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
host=$1 port=$2 secs=${3:-30} db=customer_clean_load
psql() { PGOPTIONS='-c client_min_messages=warning' command psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
work=$(mktemp -d)
python3 bench/gen_customers.py --rows 40000 --seed 42 --out "$work/c.csv" >/dev/null 2>&1
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
psql -d $db -f tests/load/setup.sql <"$work/c.csv" >/dev/null
bench() {  # bench <name> <clients> <script>
  (cd "$work" && PGOPTIONS='-c client_min_messages=warning' command pgbench -n -h "$host" -p "$port" -U postgres \
     -c "$2" -j 1 -T "$secs" --max-tries 1 --failures-detailed --verbose-errors -l --log-prefix="$1" -f "$OLDPWD/tests/load/$3" $db >"$1.out" 2>&1) || true
}
bench insert 3 insert.sql & bench steward 1 steward.sql & bench dedupe 1 dedupe.sql & wait
fail=0
for b in insert steward dedupe; do
  if grep -qE "aborted|failed transactions: [1-9]" "$work/$b.out"; then echo "load: $b clients hit errors:"; cat "$work/$b.out"; fail=1; fi
done
inserted=$(grep -o 'actually processed: [0-9]*' "$work/insert.out" | grep -o '[0-9]*$')
dedupes=$(grep -o 'actually processed: [0-9]*' "$work/dedupe.out" | grep -o '[0-9]*$')
# latency of each insert (µs, third column of pgbench's log), p50 and p99
read -r p50 p99 < <(cat "$work"/insert.* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ {print $3}' | sort -n \
  | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
rows=$(psql -At -d $db -c "SELECT count(*) FROM load.staged WHERE n <= (SELECT last_value FROM load.next_row)")
accounted=$(psql -At -d $db -c "SELECT (SELECT count(*) FROM load.customers) + (SELECT count(*) FROM customer_clean.merge_history h
  JOIN customer_clean.merges m USING (merge_id) WHERE m.unmerged_at IS NULL AND m.tbl = 'load.customers'::regclass)")
merges=$(psql -At -d $db -c "SELECT count(*) FROM customer_clean.merges WHERE tbl = 'load.customers'::regclass")
echo "load: ${secs} s: $rows rows inserted ($(( rows / secs ))/s, p50 ${p50} ms, p99 ${p99} ms per insert), $dedupes dedupe runs, $merges merges by the steward"
psql -At -d $db -c "SELECT 'load: steward ' || string_agg(outcome || ' ' || n, ', ' ORDER BY outcome) FROM load.outcomes"
if [[ $accounted != $(( 15000 + rows )) || $rows != "$inserted" ]]; then
  echo "load: customers not accounted for: $accounted in table + history, want 15000 + $rows ($inserted inserts)"; fail=1
fi
psql -d postgres -c "DROP DATABASE $db" 2>/dev/null
rm -rf "$work"
[[ $fail == 0 ]] && echo "load: passed"
exit $fail
