#!/usr/bin/env bash
# Quality snapshots from outside a test transaction (issue 6):
#   1. snapshot_quality sends NOTIFY customer_clean_quality for each line
#      below its target, with the documented jsonb payload, to a listener;
#   2. a pg_cron job (Debian postgresql-15-cron, background workers, no TCP)
#      runs snapshot_quality on its schedule and the snapshot lands in
#      customer_clean.quality_history.
# Starts its own cluster with pg_cron preloaded. pg_cron 1.4 schedules by
# the minute, so step 2 waits up to 75 s.
# Usage: tests/quality_schedule.sh <work dir> <port>
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1 port=$2
db=cc_quality_schedule
scripts/cluster.sh stop "$dir"
rm -rf "$dir"
scripts/cluster.sh start "$dir" "$port" 2>/dev/null
trap 'scripts/cluster.sh stop "$dir"' EXIT
cat >> "$dir/data/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_cron'
cron.database_name = '$db'
cron.use_background_workers = on
max_worker_processes = 16
CONF
scripts/cluster.sh stop "$dir"
scripts/cluster.sh start "$dir" "$port"
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres "$@"; }
psql -d postgres -c "CREATE DATABASE $db"
psql -d $db >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION customer_clean;
CREATE EXTENSION pg_cron;
CREATE TABLE customers (id int PRIMARY KEY, full_name text, phone text);
SELECT customer_clean.register('customers', '{"id": "id", "name": "full_name", "phone": "phone"}', '{"default_region": "CN"}');
INSERT INTO customers VALUES (1, '张伟', '13812345678'), (2, NULL, '12345');
SQL


# 1. NOTIFY: one per line below target (name completeness 0.5 < 0.98, phone validity 0.5 < 0.98).
got=$(psql -d $db -At -c "LISTEN customer_clean_quality" -c "SELECT customer_clean.snapshot_quality('customers')" -c "SELECT 1" 2>&1 \
      | sed -n 's/^Asynchronous notification "customer_clean_quality" with payload "\(.*\)" received from server process with PID [0-9]*\.$/\1/p' | sort)
# The payload names the table and the breach, no values (anyone may LISTEN).
want='{"table": "public.customers", "column": "full_name", "dimension": "completeness", "snapshot_id": 1}
{"table": "public.customers", "column": "phone", "dimension": "validity", "snapshot_id": 1}'
if [[ "$got" != "$want" ]]; then
  echo "quality schedule: NOTIFY payloads differ; got:"; echo "$got"; echo "wanted:"; echo "$want"; exit 1
fi
echo "quality schedule: NOTIFY customer_clean_quality delivered both breaches"

# 2. pg_cron: a job every minute; wait for its snapshot.
psql -d $db -At -c "SELECT cron.schedule('customer quality', '* * * * *', \$\$SELECT customer_clean.snapshot_quality('customers')\$\$)" >/dev/null
for _ in $(seq 1 38); do
  n=$(psql -d $db -At -c "SELECT count(DISTINCT snapshot_id) FROM customer_clean.quality_history")
  [[ $n -ge 2 ]] && break
  sleep 2
done
status=$(psql -d $db -At -c "SELECT string_agg(DISTINCT status, ',') FROM cron.job_run_details")
if [[ ${n:-0} -lt 2 || $status != succeeded ]]; then
  echo "quality schedule: no snapshot from pg_cron (snapshots: $n, job runs: ${status:-none})"; exit 1
fi
echo "quality schedule: pg_cron ran snapshot_quality ($status), $n snapshots in quality_history"
psql -d postgres -c "DROP DATABASE $db WITH (FORCE)"
