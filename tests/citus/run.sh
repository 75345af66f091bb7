#!/usr/bin/env bash
# Citus (issue 19): the same scenario (tests/citus/scenario.sql) on one node
# and on a three-node Citus cluster over the same generated customers; the
# outputs must be equal. Then checks that the cleaning ran on the workers.
# Builds Citus from ../shared/vendor first unless it is installed
# (scripts/citus.sh).
# Usage: tests/citus/run.sh <work dir> <port>   (uses <port> … <port>+3)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$1 port=$2 rows=${CITUS_TEST_ROWS:-5000}
PG_BIN=/usr/lib/postgresql/${PG_MAJOR:-15}/bin
db=citus_test
export CITUS_DB=$db

scripts/citus.sh install
cleanup() { scripts/cluster.sh stop "$work/single"; scripts/citus.sh stop "$work/cluster"; }
trap cleanup EXIT
cleanup
rm -rf "$work" && mkdir -p "$work" && chown postgres: "$work"
csv=$work/customers.csv
python3 bench/gen_customers.py --rows "$rows" --seed 19 --out "$csv" >/dev/null 2>&1
chown postgres: "$csv"

run_scenario() {  # <socket dir> <port> <citus 0|1> <output>
  "$PG_BIN/psql" -X -q -h "$1" -p "$2" -U postgres -d $db -v citus="$3" \
    -f tests/citus/scenario.sql <"$csv" >"$4" 2>&1 || { echo "citus: the scenario failed (citus=$3):"; tail -20 "$4"; exit 1; }
}

# One node: plain PostgreSQL, no Citus.
scripts/cluster.sh start "$work/single" "$port"
"$PG_BIN/psql" -X -q -h "$work/single/sock" -p "$port" -U postgres -d postgres -c "CREATE DATABASE $db"
"$PG_BIN/psql" -X -q -h "$work/single/sock" -p "$port" -U postgres -d $db -c "CREATE EXTENSION customer_clean"
t0=$(date +%s.%N)
run_scenario "$work/single/sock" "$port" 0 "$work/single.out"
t1=$(date +%s.%N)

# The cluster: a coordinator and two workers.
scripts/citus.sh start "$work/cluster" $((port + 1))
scripts/citus.sh psql "$work/cluster" $((port + 1)) -c "CREATE EXTENSION customer_clean"
run_scenario "$work/cluster/coordinator/sock" $((port + 1)) 1 "$work/cluster.out"
t2=$(date +%s.%N)
printf 'citus: scenario on %s rows: one node %.1f s, cluster %.1f s\n' "$rows" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"

fail=0
if ! diff -u "$work/single.out" "$work/cluster.out" >"$work/scenario.diff"; then
  echo "citus: the cluster's results differ from one node's:"; cat "$work/scenario.diff"; fail=1
else
  echo "citus: one node and the cluster agree ($(grep -c '' "$work/single.out") lines of results)"
fi

# Where the cleaning ran: the journal of the distributed table is on the
# workers, none on the coordinator.
where=$(scripts/citus.sh psql "$work/cluster" $((port + 1)) -At -c "
  SELECT string_agg(nodeport || '=' || result, ' ' ORDER BY nodeport)
    FROM run_command_on_all_nodes('SELECT count(*) FROM customer_clean.changes') r JOIN pg_dist_node USING (nodeid)")
echo "citus: journal rows per node (port=rows): $where"
coordinator_rows=$(sed -E "s/.*\b$((port + 1))=([0-9]+).*/\1/" <<<"$where")
if [ "$coordinator_rows" != 0 ] || ! grep -qE "\b$((port + 2))=[1-9]" <<<"$where" || ! grep -qE "\b$((port + 3))=[1-9]" <<<"$where"; then
  echo "citus: expected the journal on both workers and none on the coordinator"; fail=1
fi
# Retention reaches the workers' journals: purge_journal removes what
# every node keeps, and reports it.
total=$(( $(sed -E 's/[0-9]+=//g; s/ /+/g' <<<"$where") ))
purged=$(scripts/citus.sh psql "$work/cluster" $((port + 1)) -At -c "SELECT customer_clean.purge_journal('crm.people', '0')->>'changes'")
left=$(scripts/citus.sh psql "$work/cluster" $((port + 1)) -At -c "
  SELECT sum(result::bigint) FROM run_command_on_all_nodes('SELECT count(*) FROM customer_clean.changes')")
echo "citus: purge_journal removed $purged of $total journal rows; $left left"
if [ "$purged" != "$total" ] || [ "$left" != 0 ]; then
  echo "citus: purge_journal did not remove the workers' journal"; fail=1
fi

# Matching ran on the workers: dedupe says so, its entries are on both
# workers (none on the coordinator), and forget removed the row's.
Q() { scripts/citus.sh psql "$work/cluster" $((port + 1)) -At -c "$1"; }
on_workers=$(Q "SET ROLE cc_owner; SELECT d->>'on_workers' FROM customer_clean.dedupe('crm.people') d")
entries=$(Q "SELECT string_agg(nodeport || '=' || n, ' ' ORDER BY nodeport) FROM (
  SELECT s.nodeport, sum(r.result::bigint) AS n
    FROM run_command_on_shards('customer_clean.distributed_match_keys', 'SELECT count(*) FROM %s') r
    JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node s USING (groupid) GROUP BY 1) x")
forgotten=$(Q "SELECT count(*) FROM customer_clean.distributed_match_keys WHERE tbl_name = 'crm.people' AND row_id = '900003'")
echo "citus: dedupe on_workers=$on_workers; match entries per node (port=rows): $entries; entries of the forgotten row: $forgotten"
if [ "$on_workers" != true ] || ! grep -qE "\b$((port + 2))=[1-9]" <<<"$entries" || ! grep -qE "\b$((port + 3))=[1-9]" <<<"$entries" \
   || grep -qE "\b$((port + 1))=" <<<"$entries" || [ "$forgotten" != 0 ]; then
  echo "citus: expected dedupe's entries on both workers, none on the coordinator, none of the forgotten row"; fail=1
fi
# Columns of types that are not built in are not read with the extension
# owner's rights: dedupe refuses them on a Citus table.
odd=$(Q "SET ROLE cc_owner;
  CREATE DOMAIN crm.phone_text AS text;
  CREATE TABLE crm.odd (id int PRIMARY KEY, full_name text, phone crm.phone_text);
  SELECT create_distributed_table('crm.odd', 'id', shard_count => 2);
  SELECT customer_clean.register('crm.odd', '{\"id\": \"id\", \"name\": \"full_name\", \"phone\": \"phone\"}');
  SELECT customer_clean.dedupe('crm.odd');" 2>&1 || true)
if [[ $odd != *"columns of types that are not built in cannot be matched: phone (crm.phone_text)"* ]]; then
  echo "citus: dedupe over a column of a domain type did not refuse: $odd"; fail=1
fi
# match_on_insert queued on the workers, and match_pending emptied the
# queue; a table not distributed by its id column cannot queue, and only
# the owner may match what is queued.
queue=$(Q "SELECT string_agg(nodeport || '=' || n, ' ' ORDER BY nodeport) FROM (
  SELECT s.nodeport, count(*) AS n FROM pg_dist_shard d JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node s USING (groupid)
   WHERE d.logicalrelid::text LIKE 'customer_clean.match_queue_%' GROUP BY 1) x")
queued=$(Q "SELECT sum(result::bigint) FROM run_command_on_shards(
  (SELECT logicalrelid FROM pg_dist_partition WHERE logicalrelid::text LIKE 'customer_clean.match_queue_%'), 'SELECT count(*) FROM %s')")
echo "citus: match queue shards per node (port=shards): $queue; rows still queued: $queued"
if ! grep -qE "\b$((port + 2))=[1-9]" <<<"$queue" || ! grep -qE "\b$((port + 3))=[1-9]" <<<"$queue" \
   || grep -qE "\b$((port + 1))=" <<<"$queue" || [ "$queued" != 0 ]; then
  echo "citus: expected the match queue beside the table's shards on both workers, and empty after match_pending"; fail=1
fi
bykey=$(Q "SET ROLE cc_owner;
  CREATE TABLE crm.by_region (id int, region text, full_name text, PRIMARY KEY (id, region));
  SELECT create_distributed_table('crm.by_region', 'region', shard_count => 2);
  SELECT customer_clean.register('crm.by_region', '{\"id\": \"id\", \"name\": \"full_name\"}');
  SELECT customer_clean.enable_cleaning('crm.by_region', 'flag', match_on_insert => true);" 2>&1 || true)
if [[ $bykey != *"match_on_insert on the Citus table crm.by_region needs it distributed by its id column id, not by region"* ]]; then
  echo "citus: match_on_insert on a table distributed by another column did not refuse: $bykey"; fail=1
fi
stranger=$(Q "CREATE ROLE cc_stranger; GRANT USAGE ON SCHEMA crm TO cc_stranger; GRANT SELECT, INSERT ON crm.people TO cc_stranger;
  SET ROLE cc_stranger; SELECT customer_clean.match_pending('crm.people');" 2>&1 || true)
if [[ $stranger != *"match_pending: must be owner of table crm.people"* ]]; then
  echo "citus: match_pending by a role that does not own the table did not refuse: $stranger"; fail=1
fi
# A matching call that Citus sends to a worker with its statement says so.
routed=$(scripts/citus.sh psql "$work/cluster" $((port + 1)) -v ON_ERROR_STOP=0 -v VERBOSITY=default -c "
  SELECT * FROM customer_clean.match_row('crm.people', (SELECT to_jsonb(p) - 'id' FROM crm.people p WHERE id = 1))" 2>&1 || true)
if [[ $routed != *"crm.people is a Citus table and this call ran on a worker"* ]]; then
  echo "citus: match_row sent to a worker did not say so: $routed"; fail=1
fi
# What is not supported on a Citus table says so.
for call in "CALL customer_clean.clean_table('crm.people')" "SELECT customer_clean.archive_stale('crm.people', 1)"; do
  refused=$(scripts/citus.sh psql "$work/cluster" $((port + 1)) -v ON_ERROR_STOP=0 -c "$call" 2>&1 || true)
  name=${call#* customer_clean.}; name=${name%%(*}
  if [[ $refused != *"$name is not supported on the Citus table crm.people"* ]]; then
    echo "citus: $name on a Citus table did not refuse: $refused"; fail=1
  fi
done
[ $fail = 0 ] && echo "citus: passed"
exit $fail
