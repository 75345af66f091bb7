#!/usr/bin/env bash
# Crash safety (issue 7): kill -9 of the backend in the middle of merge,
# merge_clusters and clean_table. After PostgreSQL's crash recovery:
# nothing lost (every customer in the table or in the history of a merge,
# every order still pointing at an existing customer), nothing half-merged
# (a merge is all there or not at all), and the batch jobs resume to the end.
# Runs its own cluster (the crash restarts every backend).
# Usage: tests/crash.sh <work dir> <port>
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1 port=$2 db=cc_crash
scripts/cluster.sh stop "$dir"
rm -rf "$dir"
scripts/cluster.sh start "$dir" "$port" 2>/dev/null
trap 'scripts/cluster.sh stop "$dir"' EXIT
psql() { PGOPTIONS='-c client_min_messages=warning' command psql -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres "$@"; }
csv=$(mktemp --suffix=.csv)
python3 bench/gen_customers.py --rows 20000 --seed 42 --out "$csv" >/dev/null 2>&1
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db -c "CREATE EXTENSION customer_clean" >/dev/null
psql -d $db -f tests/generated_customers.sql <"$csv" >/dev/null
psql -d $db >/dev/null <<SQL
CREATE TABLE raw_customers (LIKE customers INCLUDING ALL);
INSERT INTO raw_customers SELECT * FROM customers;
CREATE TABLE orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric);
CREATE INDEX ON orders (customer_id);
INSERT INTO orders (customer_id, total) SELECT id, id % 97 FROM customers;
SELECT customer_clean.register('raw_customers', columns, options) FROM customer_clean.profiles WHERE tbl = 'customers'::regclass;
SELECT customer_clean.train('customers', '{"seed": 42}');
SELECT customer_clean.dedupe('customers');
-- makes every merge take a while (crash.sleep seconds per deleted row),
-- so the kill lands inside one
CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN PERFORM pg_sleep(coalesce(nullif(current_setting('crash.sleep', true), '')::float8, 0.05)); RETURN OLD; END \$\$;
CREATE TRIGGER slow BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION slow();
SQL
rm -f "$csv"
fail=0

# kill9 <pattern> <seconds>: kill -9 the backend running a query like
# <pattern> after <seconds>, then wait until the server accepts again.
kill9() {
  local pattern=$1 after=$2 pid=""
  sleep "$after"
  for _ in $(seq 1 50); do
    pid=$(psql -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE query LIKE '$pattern%' AND pid <> pg_backend_pid()" || true)
    [[ -n $pid ]] && break
    sleep 0.1
  done
  [[ -n $pid ]] || { echo "crash: no backend running $pattern"; return 1; }
  kill -9 "$pid"
  for _ in $(seq 1 100); do
    sleep 0.2
    psql -At -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
  done
  echo "crash: the server did not come back"; return 1
}

# invariants <label>: every customer accounted for once, every order points
# at a customer, every merge recorded is complete.
invariants() {
  local got
  got=$(psql -At -F ' ' -d $db -c "
    SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM customer_clean.merge_history h
                                                 JOIN customer_clean.merges m USING (merge_id) WHERE m.unmerged_at IS NULL),
           (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)),
           (SELECT count(*) FROM orders),
           (SELECT count(*) FROM customer_clean.merges WHERE survivor_after IS NULL),
           (SELECT count(*) FROM customer_clean.merge_history h JOIN customers c ON c.id::text = h.row_id)")
  if [[ $got != "20000 0 20000 0 0" ]]; then
    echo "crash: $1: invariants broken (customers+history, dangling orders, orders, incomplete merges, merged rows still present): $got"
    fail=1
  else
    echo "crash: $1: nothing lost, nothing half-merged ($(psql -At -d $db -c "SELECT count(*) FROM customer_clean.merges") merges)"
  fi
}

# 1. merge: killed inside one merge (its duplicates are being deleted).
psql -d $db -c "SET crash.sleep = 2" -c "SELECT customer_clean.merge('customers', ids[1], ids[2:])
                  FROM (SELECT array_agg(row_id ORDER BY row_id) ids FROM customer_clean.clusters
                         GROUP BY cluster_id HAVING count(*) >= 3 ORDER BY cluster_id LIMIT 1) c" >/dev/null 2>&1 &
kill9 "SELECT customer_clean.merge(" 1 || fail=1
wait || true
invariants "kill -9 during merge"
[[ $(psql -At -d $db -c "SELECT count(*) FROM customer_clean.merges") == 0 ]] || { echo "crash: the killed merge left a record"; fail=1; }

# 2. merge_clusters: killed after some batches committed.
psql -d $db -c "CALL customer_clean.merge_clusters('customers', 0.9, 10)" >/dev/null 2>&1 &
kill9 "CALL customer_clean.merge_clusters" 3 || fail=1
wait || true
invariants "kill -9 during merge_clusters"
psql -d $db -c "DROP TRIGGER slow ON customers" -c "CALL customer_clean.merge_clusters('customers', 0.9)" >/dev/null
invariants "merge_clusters run again to the end"
left=$(psql -At -d $db -c "SELECT count(DISTINCT cluster_id) FROM customer_clean.clusters WHERE tbl = 'customers'::regclass")
echo "crash: $left clusters left after the rerun (below the threshold or refused)"

# 3. clean_table: killed mid-run; the run resumes where its last batch committed.
# Each cleaned row is made to take 1 ms (20 s for the table), so the kill
# lands mid-run however fast cleaning is.
psql -d $db >/dev/null <<SQL
CREATE FUNCTION slow_update() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN PERFORM pg_sleep(0.001); RETURN NEW; END \$\$;
CREATE TRIGGER slow BEFORE UPDATE ON raw_customers FOR EACH ROW EXECUTE FUNCTION slow_update();
SQL
psql -d $db -c "CALL customer_clean.clean_table('raw_customers', 500)" >/dev/null 2>&1 &
kill9 "CALL customer_clean.clean_table" 1.5 || fail=1
wait || true
psql -d $db -c "DROP TRIGGER slow ON raw_customers"
run=$(psql -At -F ' ' -d $db -c "SELECT rows_done, rows_done % 500, finished_at IS NULL FROM customer_clean.clean_table_runs")
read -r done rest unfinished <<<"$run"
if [[ $rest != 0 || $unfinished != t || $done -ge 20000 ]]; then
  echo "crash: clean_table after the kill: $run (want whole batches, unfinished)"; fail=1
fi
psql -d $db -c "CALL customer_clean.clean_table('raw_customers', 500)" >/dev/null
run=$(psql -At -F ' ' -d $db -c "SELECT rows_done, finished_at IS NOT NULL FROM customer_clean.clean_table_runs")
[[ $run == "20000 t" ]] || { echo "crash: clean_table did not resume to the end: $run"; fail=1; }
echo "crash: clean_table killed after $done rows, resumed to 20000"
[[ $(psql -At -d $db -c "SELECT count(*) FROM raw_customers") == 20000 ]] || { echo "crash: clean_table lost rows"; fail=1; }

[[ $fail == 0 ]] && echo "crash: passed"
exit $fail
