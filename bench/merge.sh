#!/usr/bin/env bash
# Merge throughput (issue 5): merges per second of 2- to 5-row clusters of a
# customer table that three other tables refer to.
#
#   bench/merge.sh [--rows N] [--merges M]
#
# Loads N generated customers (bench/gen_customers.py, seed 42) into
# bench_merge_customers with the cleaning trigger on (flag mode), and three
# referencing tables with an index on each foreign key, as any real schema
# has: bench_merge_orders (2 rows per customer), bench_merge_tickets (1 per
# customer), bench_merge_visits (1 per customer, a two-column foreign key to
# (id, branch)). Then, in the private cluster (port 5497):
#   merge     the first M true duplicate groups of 2 to 5 rows (from the
#             generator's ground truth, so only merging is timed), each
#             merge() in its own transaction: merges/s and rows/s
#   unmerge   every one of those merges, newest first, one transaction each:
#             unmerges/s; the tables are then checked to be exactly as loaded
#   merge_clusters  after train + dedupe, CALL merge_clusters (scores each
#             cluster, picks the survivor, merges, commits every 100):
#             clusters/s
# No peer merges (Splink, dedupe, Zingg and recordlinkage stop at cluster
# ids), so there is no ratio to print.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=100000 MERGES=2000
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --merges) MERGES=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_cluster
ensure_extension

CSV=$(generated_customers "$ROWS")

log "loading $ROWS customers and their orders, tickets and visits"
bpsql -d "$BENCH_DB" -q >/dev/null <<SQL
DROP TABLE IF EXISTS bench_merge_orders, bench_merge_tickets, bench_merge_visits, bench_merge_customers, bench_merge_groups;
CREATE TABLE bench_merge_customers (id bigint PRIMARY KEY, true_entity_id bigint, household_id bigint, full_name text,
  phone text, email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp, branch text NOT NULL DEFAULT 'HQ', UNIQUE (id, branch));
SELECT customer_clean.register('bench_merge_customers', '{"id": "id", "name": "full_name", "phone": "phone",
  "email": "email", "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date",
  "gender": "gender", "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"}',
  '{"default_region": "CN", "date_order": "DMY"}');
SELECT customer_clean.enable_cleaning('bench_merge_customers', 'flag');
\copy bench_merge_customers (id, true_entity_id, household_id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id, source_system, updated_at) FROM '$CSV' CSV HEADER
CREATE TABLE bench_merge_orders (order_id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES bench_merge_customers, total numeric);
CREATE TABLE bench_merge_tickets (ticket_id bigserial PRIMARY KEY, customer_id bigint REFERENCES bench_merge_customers, subject text);
CREATE TABLE bench_merge_visits (visit_id bigserial PRIMARY KEY, customer_id bigint, branch text,
  FOREIGN KEY (customer_id, branch) REFERENCES bench_merge_customers (id, branch));
INSERT INTO bench_merge_orders (customer_id, total) SELECT id, id % 97 FROM bench_merge_customers, generate_series(1, 2);
INSERT INTO bench_merge_tickets (customer_id, subject) SELECT id, 'ticket ' || id FROM bench_merge_customers;
INSERT INTO bench_merge_visits (customer_id, branch) SELECT id, branch FROM bench_merge_customers;
CREATE INDEX ON bench_merge_orders (customer_id);
CREATE INDEX ON bench_merge_tickets (customer_id);
CREATE INDEX ON bench_merge_visits (customer_id, branch);
-- the true duplicate groups of 2 to 5 rows, lowest id first (the survivor)
CREATE TABLE bench_merge_groups AS
SELECT row_number() OVER (ORDER BY min(id)) AS n, array_agg(id::text ORDER BY id) AS ids
  FROM bench_merge_customers GROUP BY true_entity_id HAVING count(*) BETWEEN 2 AND 5;
DELETE FROM bench_merge_groups WHERE n > $MERGES;
TRUNCATE customer_clean.merges, customer_clean.merge_history CASCADE;
VACUUM ANALYZE;
SQL
query() { bpsql -d "$BENCH_DB" -At -c "$1" | tail -1; }
state_sql="SELECT md5(string_agg(r, E'\n' ORDER BY r)) FROM (
  SELECT c::text AS r FROM bench_merge_customers c UNION ALL SELECT o::text FROM bench_merge_orders o
  UNION ALL SELECT t::text FROM bench_merge_tickets t UNION ALL SELECT v::text FROM bench_merge_visits v) s"
before=$(query "$state_sql")
groups=$(query "SELECT count(*) FROM bench_merge_groups")
rows=$(query "SELECT sum(cardinality(ids)) FROM bench_merge_groups")
sizes=$(query "SELECT string_agg(c || ' of ' || k || ' rows', ', ' ORDER BY k)
                 FROM (SELECT cardinality(ids) k, count(*) c FROM bench_merge_groups GROUP BY 1) s")
log "merging $groups groups ($sizes)"

# seconds a statement takes (each DO loop commits per merge, so it runs as
# its own command, outside a transaction block)
timed() {
  bpsql -d "$BENCH_DB" -At -c "CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t" -c "$1" \
    -c "SELECT extract(epoch FROM clock_timestamp() - t) FROM t0" | tail -1
}
merge_s=$(timed "
DO \$\$
DECLARE g record;
BEGIN
  FOR g IN SELECT ids FROM bench_merge_groups ORDER BY n LOOP
    PERFORM customer_clean.merge('bench_merge_customers', g.ids[1], g.ids[2:]);
    COMMIT;
  END LOOP;
END \$\$")
merged_rows=$(query "SELECT sum(cardinality(duplicate_ids)) FROM customer_clean.merges")
moved=$(query "SELECT count(*) FROM customer_clean.merge_history h, jsonb_array_elements(h.referencing)")

unmerge_s=$(timed "
DO \$\$
DECLARE m bigint;
BEGIN
  FOR m IN SELECT merge_id FROM customer_clean.merges WHERE unmerged_at IS NULL ORDER BY merge_id DESC LOOP
    PERFORM customer_clean.unmerge(m);
    COMMIT;
  END LOOP;
END \$\$")
after=$(query "$state_sql")
[[ $before == "$after" ]] && exact="yes" || exact="NO"

log "train + dedupe for merge_clusters"
bpsql -d "$BENCH_DB" -q >/dev/null -c "SELECT customer_clean.train('bench_merge_customers', '{\"seed\": 42}')" \
  -c "SELECT customer_clean.dedupe('bench_merge_customers')"
read -r mc_clusters mc_merged mc_seconds < <(bpsql -d "$BENCH_DB" -At -F ' ' <<'SQL' | tail -1
CALL customer_clean.merge_clusters('bench_merge_customers', 0.9) \gset
SELECT :'summary'::jsonb ->> 'clusters', :'summary'::jsonb ->> 'merged', :'summary'::jsonb ->> 'seconds';
SQL
)

printf '\nmerge throughput, %s customers, 3 referencing tables (2 orders, 1 ticket, 1 visit per customer), cleaning trigger on\n' "$ROWS"
printf '  groups merged     %s (%s rows; %s)\n' "$groups" "$rows" "$sizes"
printf '  merge()           %.1f s  %.0f merges/s  %.0f duplicate rows/s  (%s referencing rows re-pointed)\n' \
  "$merge_s" "$(echo "$groups / $merge_s" | bc -l)" "$(echo "$merged_rows / $merge_s" | bc -l)" "$moved"
printf '  unmerge()         %.1f s  %.0f unmerges/s  (state after = state before: %s)\n' \
  "$unmerge_s" "$(echo "$groups / $unmerge_s" | bc -l)" "$exact"
printf '  merge_clusters    %s clusters (dedupe), %s merged in %.1f s  %.0f clusters/s\n' \
  "$mc_clusters" "$mc_merged" "$mc_seconds" "$(echo "$mc_clusters / $mc_seconds" | bc -l)"
printf '  peers             none: Splink, dedupe, Zingg and recordlinkage do not merge\n'
[[ $exact == yes ]]
