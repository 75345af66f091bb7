#!/usr/bin/env bash
# Cancel (issue 7): statement_timeout and pg_cancel_backend stop the long
# jobs — train, dedupe, clean_table, merge_clusters, quality_report —
# within a second of the request, and leave no partial state: no model,
# no clusters, no merge, or (for the jobs that commit per batch) only whole
# batches, resumed by the next call.
# Usage: tests/cancel.sh <socket dir> <port>
set -euo pipefail
cd "$(dirname "$0")/.."
host=$1 port=$2 db=customer_clean_cancel
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
csv=$(mktemp --suffix=.csv)
python3 bench/gen_customers.py --rows 100000 --seed 42 --out "$csv" >/dev/null 2>&1
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
psql -d $db -c "SET client_min_messages = warning" -c "CREATE EXTENSION customer_clean" >/dev/null
PGOPTIONS='-c client_min_messages=warning' psql -d $db -f tests/generated_customers.sql <"$csv" >/dev/null
rm -f "$csv"
fail=0

# cancelled <name> <statement>: runs it with a 300 ms statement_timeout;
# passes when it fails with 57014 within 1.3 s.
cancelled() {
  local name=$1 sql=$2 out ms
  out=$(command psql -X -h "$host" -p "$port" -U postgres -d $db -v VERBOSITY=sqlstate \
          -c "SET statement_timeout = '300ms'" -c '\timing on' -c "$sql" 2>&1 || true)
  ms=$(echo "$out" | grep -o 'Time: [0-9.]*' | tail -1 | grep -o '[0-9.]*$')
  if ! echo "$out" | grep -q '57014' || (( $(echo "${ms:-99999} > 1300" | bc -l) )); then
    echo "cancel: $name was not cancelled within 1.3 s (${ms:-?} ms): $out"; fail=1
  else
    echo "cancel: $name stopped after ${ms} ms (300 ms timeout)"
  fi
}

cancelled train "SELECT customer_clean.train('customers')"
[[ $(psql -At -d $db -c "SELECT count(*) FROM customer_clean.models") == 0 ]] || { echo "cancel: train left a model"; fail=1; }
psql -d $db -c "SELECT customer_clean.train('customers', '{\"seed\": 42}')" >/dev/null

cancelled dedupe "SELECT customer_clean.dedupe('customers')"
[[ $(psql -At -d $db -c "SELECT count(*) FROM customer_clean.clusters") == 0 ]] || { echo "cancel: dedupe left clusters"; fail=1; }

cancelled quality_report "SELECT count(*) FROM customer_clean.quality_report('customers')"

# pg_cancel_backend from another session, on quality_report
command psql -X -h "$host" -p "$port" -U postgres -d $db -c "SET application_name = 'cancel_me'" \
  -c "SELECT count(*) FROM customer_clean.quality_report('customers')" >/tmp/cc_cancel.out 2>&1 &
sleep 1
t0=$(date +%s%N)
psql -At -d $db -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'cancel_me'" >/dev/null
wait || true
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
if grep -q "canceling statement due to user request" /tmp/cc_cancel.out && (( ms < 1000 )); then
  echo "cancel: quality_report stopped ${ms} ms after pg_cancel_backend"
else
  echo "cancel: pg_cancel_backend did not stop quality_report within 1 s (${ms} ms): $(cat /tmp/cc_cancel.out)"; fail=1
fi

cancelled clean_table "CALL customer_clean.clean_table('customers', 5000)"
# only whole batches were committed, and the run resumes
state=$(psql -At -d $db -c "SELECT rows_done % 5000 = 0 AND finished_at IS NULL FROM customer_clean.clean_table_runs")
[[ $state == t ]] || { echo "cancel: clean_table left a partial batch or no resumable run ($state)"; fail=1; }
psql -d $db -c "CALL customer_clean.clean_table('customers', 5000)" >/dev/null 2>&1
[[ $(psql -At -d $db -c "SELECT count(*) FROM customer_clean.clean_table_runs WHERE finished_at IS NOT NULL") == 1 ]] \
  || { echo "cancel: clean_table did not resume to the end"; fail=1; }

psql -d $db -c "SELECT customer_clean.dedupe('customers')" >/dev/null
cancelled merge_clusters "CALL customer_clean.merge_clusters('customers', 0.9, 50)"
# every merge that committed is whole: its rows are gone and in the history
bad=$(psql -At -d $db -c "SELECT count(*) FROM customer_clean.merge_history h JOIN customers c ON c.id::text = h.row_id")
[[ $bad == 0 ]] || { echo "cancel: $bad merged rows are still in the table"; fail=1; }
echo "cancel: $(psql -At -d $db -c "SELECT count(*) FROM customer_clean.merges") merges committed before the cancel, all whole"

psql -d postgres -c "DROP DATABASE $db" 2>/dev/null
[[ $fail == 0 ]] && echo "cancel: passed"
exit $fail
