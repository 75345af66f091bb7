#!/usr/bin/env bash
# Upgrades keep data (issue 17): installs customer_clean 0.1.0 (its install
# script as released, sql/customer_clean--0.1.0.sql), gives every catalog
# table rows (profile, rules, model, match keys, clusters, review queue,
# journal, issues, a merge with its history, an archived row, quality
# snapshots), runs ALTER EXTENSION customer_clean UPDATE, and checks that
#   1. every row of every catalog table is still there, unchanged;
#   2. the old data works: the old merge unmerges exactly, the archived row
#      is restored exactly, match_row and quality_trend answer;
#   3. the schema equals a fresh install of this version
#      (tests/upgrade/schema.sql: every function, ACL, column, constraint,
#      index, policy, view, trigger and description);
#   4. the committed install script of this version
#      (sql/customer_clean--<version>.sql) is the one this build makes;
#   5. META.json and CHANGELOG.md name this version.
# Usage: tests/upgrade.sh <socket dir> <port> [root]   (a running cluster
# where the extension and its scripts are installed:
# scripts/install_upgrade_scripts.sh; root: the Debian root it runs in, for
# PostgreSQL 17 and 18 — scripts/pg_versions.sh regress passes it)
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:?usage: $0 <socket dir> <port> [root]} port=${2:?usage: $0 <socket dir> <port> [root]} root=${3:-}
q() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
share=$root$(q -d postgres -At -c "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")
fail=0

q -d postgres -c "DROP DATABASE IF EXISTS cc_upgrade" -c "DROP DATABASE IF EXISTS cc_fresh" \
  -c "CREATE DATABASE cc_upgrade" -c "CREATE DATABASE cc_fresh"
q -d cc_upgrade <<'SQL'
CREATE EXTENSION customer_clean VERSION '0.1.0';
CREATE SCHEMA crm;
CREATE TABLE crm.customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
CREATE TEMP TABLE all_customers (LIKE crm.customers);
\copy all_customers FROM 'tests/regress/data/customers_2000.csv' CSV HEADER
CREATE TABLE crm.orders (order_id int PRIMARY KEY, customer_id int REFERENCES crm.customers, amount numeric);
SELECT customer_clean.register('crm.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at"}', '{"default_region": "CN"}') \g /dev/null
SELECT customer_clean.enable_cleaning('crm.customers', 'flag') \g /dev/null
INSERT INTO crm.customers SELECT * FROM all_customers WHERE true_entity_id <= 250;
UPDATE crm.customers SET updated_at = now() - interval '1 day';
UPDATE crm.customers SET updated_at = '2004-01-01' WHERE id = (SELECT max(id) FROM crm.customers WHERE id % 3 <> 0);
INSERT INTO crm.orders SELECT row_number() OVER (ORDER BY id), id, id * 10 FROM crm.customers WHERE id % 3 = 0;
-- a quarantined row, and a clean_table run
SELECT customer_clean.enable_cleaning('crm.customers', 'quarantine') \g /dev/null
INSERT INTO crm.customers (id, full_name, phone, email, country) VALUES (900001, 'Quarantined Row', 'not a phone', 'not-an-email', 'CN');
SELECT customer_clean.enable_cleaning('crm.customers', 'flag') \g /dev/null
CALL customer_clean.clean_table('crm.customers') \g /dev/null
SELECT customer_clean.train('crm.customers', '{"seed": 1}') \g /dev/null
SELECT customer_clean.dedupe('crm.customers', 0.9, 0.3) \g /dev/null
SQL
state() { q -d cc_upgrade -At -c "SELECT md5(string_agg(c::text, E'\n' ORDER BY id)) FROM crm.customers c" \
                               -c "SELECT md5(string_agg(o::text, E'\n' ORDER BY order_id)) FROM crm.orders o"; }
pristine=$(state)
q -d cc_upgrade <<'SQL'
-- a merge of a sure pair, kept; an archived row; two quality snapshots
SELECT customer_clean.merge('crm.customers', d.id_a, ARRAY[d.id_b])
  FROM customer_clean.find_duplicates('crm.customers', 0.99) d ORDER BY d.probability DESC, d.id_a LIMIT 1 \g /dev/null
SELECT customer_clean.archive_stale('crm.customers', 3650) \g /dev/null
SELECT customer_clean.snapshot_quality('crm.customers') \g /dev/null
SELECT customer_clean.snapshot_quality('crm.customers') \g /dev/null
SQL
merge_id=$(q -d cc_upgrade -At -c "SELECT max(merge_id) FROM customer_clean.merges")
archived=$(q -d cc_upgrade -At -c "SELECT count(*) FROM customer_clean.archive WHERE restored_at IS NULL")

# What 0.1.0 kept, table by table, as text: must be the same after.
tables="profiles rules models match_keys clusters review_queue changes issues quarantine clean_table_runs merges merge_history archive quality_history quality_breaches"
snapshot() {
  for t in $tables; do
    # the columns 0.1.0 had (0.2.0 may add some)
    q -d cc_upgrade -At -v t="$t" <<'SQL'
SELECT format('%s: %s rows, %s', :'t', count(*), md5(coalesce(string_agg(r, E'\n' ORDER BY r), '')))
  FROM (SELECT (SELECT string_agg(format('%s=%s', e.key, e.value), ',' ORDER BY e.key)
                  FROM jsonb_each_text(to_jsonb(x)) e WHERE e.key <> 'taken_by') AS r
          FROM customer_clean.:"t" x) s;
SQL
  done
}
before=$(snapshot)

q -d cc_upgrade -c "ALTER EXTENSION customer_clean UPDATE"
installed=$(q -d cc_upgrade -At -c "SELECT extversion FROM pg_extension WHERE extname = 'customer_clean'")
if [[ $installed != "$version" ]]; then echo "upgrade: FAILED: ALTER EXTENSION UPDATE left version $installed, not $version"; fail=1; fi

# 1. every row kept
after=$(snapshot)
if [[ "$before" != "$after" ]]; then
  echo "upgrade: FAILED: catalog rows changed:"; diff <(echo "$before") <(echo "$after") || true; fail=1
fi
echo "upgrade: rows kept: $(echo "$after" | sed 's/: \([0-9]*\) rows, [0-9a-f]*$/ \1/' | paste -sd, | sed 's/,/, /g')"

# 2. the old data works
works=$(q -d cc_upgrade -At -v merge_id="$merge_id" <<'SQL'
SELECT customer_clean.unmerge(:merge_id);
SELECT customer_clean.restore_archived('crm.customers');
SELECT count(*) > 0 FROM customer_clean.match_row('crm.customers',
  (SELECT to_jsonb(c) - 'id' FROM crm.customers c WHERE c.id::text = (SELECT m.survivor_id FROM customer_clean.merges m WHERE m.merge_id = :merge_id)), 5, 0.5);
SELECT count(*) > 0 FROM customer_clean.quality_trend WHERE tbl = 'crm.customers'::regclass AND change IS NOT NULL;
SQL
)
if [[ $works != $'\n'"$archived"$'\nt\nt' ]]; then
  echo "upgrade: FAILED: unmerge, restore_archived, match_row or quality_trend after the upgrade: $works"; fail=1
fi
if [[ $(state) != "$pristine" ]]; then
  echo "upgrade: FAILED: unmerging merge $merge_id and restoring the archive did not give the tables back exactly"; fail=1
else
  echo "upgrade: merge $merge_id of 0.1.0 undone and $archived archived row restored, both tables exactly as before"
fi

# 3. the schema of a fresh install
q -d cc_fresh -c "CREATE EXTENSION customer_clean"
# (into files first: an error in the query must fail the test, not
# compare two empty outputs)
fresh_facts=${TMPDIR:-/tmp}/upgrade_schema_fresh.txt upgraded_facts=${TMPDIR:-/tmp}/upgrade_schema_upgraded.txt
q -d cc_fresh -f tests/upgrade/schema.sql >"$fresh_facts"
q -d cc_upgrade -f tests/upgrade/schema.sql >"$upgraded_facts"
if ! diff "$fresh_facts" "$upgraded_facts" > "${TMPDIR:-/tmp}/upgrade_schema.diff"; then
  echo "upgrade: FAILED: the upgraded schema differs from a fresh $version install:"; head -40 "${TMPDIR:-/tmp}/upgrade_schema.diff"; fail=1
elif [ "$(grep -c '' "$fresh_facts")" -lt 1000 ]; then
  echo "upgrade: FAILED: only $(grep -c '' "$fresh_facts") schema facts were read"; fail=1
else
  echo "upgrade: the schema after ALTER EXTENSION UPDATE equals a fresh $version install ($(grep -c '' "$fresh_facts") facts)"
fi

# 4. the committed install script is this build's (but for pgrx's comments
# naming the source line of each function, which move with every edit)
without_source_lines() { grep -v -- '^-- src/[a-z_/]*\.rs:[0-9]*$' "$1"; }
if ! diff -q <(without_source_lines "sql/customer_clean--$version.sql") \
             <(without_source_lines "$share/extension/customer_clean--$version.sql") >/dev/null; then
  echo "upgrade: FAILED: sql/customer_clean--$version.sql is not the install script this build makes;"
  echo "  copy $share/extension/customer_clean--$version.sql there (and write the upgrade script for what changed)"; fail=1
fi

# 5. the release metadata names this version
meta=$(python3 -c 'import json; m = json.load(open("META.json")); print(m["version"], m["provides"]["customer_clean"]["version"], m["provides"]["customer_clean"]["file"])')
if [[ $meta != "$version $version sql/customer_clean--$version.sql" ]]; then
  echo "upgrade: FAILED: META.json says $meta; Cargo.toml says $version"; fail=1
fi
if ! grep -q "^## $version" CHANGELOG.md; then echo "upgrade: FAILED: CHANGELOG.md has no section for $version"; fail=1; fi

q -d postgres -c "DROP DATABASE cc_upgrade" -c "DROP DATABASE cc_fresh"
[[ $fail == 0 ]] && echo "upgrade: passed"
exit $fail
