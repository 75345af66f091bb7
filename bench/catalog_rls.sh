#!/usr/bin/env bash
# What reading the catalog through its row-level security costs (issue 16).
# On a running cluster with customer_clean installed: a table of N
# customers, half of them in two-row clusters, read by the superuser (no
# policies), by the table's owner (policies, but no row-level security on
# the customer table: one inline privilege check per catalog row) and by a
# tenant whose policy shows every other row (row_visible: one indexed
# lookup per catalog row). Prints the time of each and the ratio to the
# superuser's, for the cluster count that quality_report's uniqueness
# reads, and for quality_report itself.
# Usage: bench/catalog_rls.sh <socket dir> <port> [rows, default 200000]
set -euo pipefail
host=${1:?usage: $0 <socket dir> <port> [rows]} port=${2:?usage: $0 <socket dir> <port> [rows]} rows=${3:-200000}
db=cc_bench_catalog_rls
q() { psql -X -q -h "$host" -p "$port" "$@"; }
q -U postgres -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
  -c "DROP ROLE IF EXISTS bench_owner" -c "DROP ROLE IF EXISTS bench_tenant" \
  -c "CREATE ROLE bench_owner LOGIN" -c "CREATE ROLE bench_tenant LOGIN" -c "CREATE DATABASE $db"
q -U postgres -d $db -v ON_ERROR_STOP=1 -v rows="$rows" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION customer_clean;
CREATE SCHEMA perf AUTHORIZATION bench_owner;
SET ROLE bench_owner;
CREATE TABLE perf.customers (id int PRIMARY KEY, full_name text, phone text, email text);
INSERT INTO perf.customers
SELECT i, 'name ' || (i % 50000), '+86138' || lpad((i % 90000)::text, 8, '0'), 'u' || i || '@example.com'
  FROM generate_series(1, :rows) i;
SELECT customer_clean.register('perf.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
                               '{"default_region": "CN"}') \g /dev/null
GRANT USAGE ON SCHEMA perf TO bench_tenant;
GRANT SELECT ON perf.customers TO bench_tenant;
ALTER TABLE perf.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY every_other ON perf.customers TO bench_tenant USING (id % 2 = 0);
RESET ROLE;
-- clusters as dedupe writes them (the superuser writes the catalog here)
INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
SELECT 'perf.customers', i::text, i / 2, 'dedupe' FROM generate_series(1, :rows / 2) i;
ANALYZE;
SQL
ms() {  # best of three, in ms
  local best=""
  for _ in 1 2 3; do
    local t; t=$(q -U "$1" -d $db -At -c '\timing on' -c "$2" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
  done
  echo "$best"
}
clusters="SELECT count(*) - count(DISTINCT cluster_id) FROM customer_clean.clusters WHERE tbl = 'perf.customers'::regclass"
report="SELECT count(*) FROM customer_clean.quality_report('perf.customers')"
echo "catalog under row-level security, $rows customers, $((rows / 2)) cluster rows (best of 3):"
for what in clusters report; do
  base=$(ms postgres "${!what}")
  for role in postgres bench_owner bench_tenant; do
    t=$(ms $role "${!what}")
    printf '  %-8s as %-12s %9.1f ms  %5.2fx the superuser\n' "$what" "$role" "$t" "$(awk -v a="$t" -v b="$base" 'BEGIN{print a/b}')"
  done
done
q -U postgres -d postgres -c "DROP DATABASE $db" -c "DROP ROLE bench_owner" -c "DROP ROLE bench_tenant"
