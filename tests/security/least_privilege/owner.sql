-- crm_owner in the least-privilege scenario: owns schema crm and the
-- customer table, so profiles it, edits its rules, cleans, trains,
-- dedupes, merges clusters, archives, forgets and purges.
-- Steps (psql -v <step>=): setup, reads, round2, quarantine_on,
-- quarantine_off, archive, restored, merge_clusters, forget, purge, finish.
\ir lib.sql

--------------------------------------------------------------------- setup
\if :{?setup}
\echo == crm_owner: schema, tables, data, row-level security, grants
CREATE SCHEMA crm;
CREATE TABLE crm.customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp DEFAULT now(), tenant text NOT NULL CHECK (tenant IN ('a', 'b')));
CREATE TEMP TABLE raw (id int, true_entity_id int, household_id int, full_name text, phone text, email text,
  address text, country text, postcode text, birth_date text, gender text, national_id text, source_system text,
  updated_at timestamp);
\copy raw FROM 'tests/regress/data/customers_2000.csv' CSV HEADER
-- the ~600 rows of 500 people; one person's rows stay in one tenant
INSERT INTO crm.customers
SELECT id, true_entity_id, household_id, full_name, phone, email, address, country, postcode, birth_date, gender,
       national_id, source_system, now() - interval '1 day', CASE WHEN true_entity_id % 2 = 0 THEN 'a' ELSE 'b' END
  FROM raw WHERE true_entity_id <= 500;
-- per tenant three people with one row each, who ordered nothing (no id
-- divisible by 3), not updated for 20 years: archive_stale takes them
UPDATE crm.customers SET updated_at = '2004-01-01'
 WHERE id IN (SELECT s.id
                FROM (SELECT c.id, row_number() OVER (PARTITION BY c.tenant ORDER BY c.id DESC) AS n
                        FROM crm.customers c
                       WHERE c.id % 3 <> 0
                         AND (SELECT count(*) FROM crm.customers o WHERE o.true_entity_id = c.true_entity_id) = 1) s
               WHERE s.n <= 3);
CREATE TABLE crm.orders (order_id int PRIMARY KEY, customer_id int NOT NULL REFERENCES crm.customers, amount numeric);
CREATE INDEX ON crm.orders (customer_id);
INSERT INTO crm.orders SELECT row_number() OVER (ORDER BY id), id, id * 10 FROM crm.customers WHERE id % 3 = 0;

ALTER TABLE crm.customers ENABLE ROW LEVEL SECURITY;   -- not FORCE: the owner sees every row
CREATE POLICY tenant_a ON crm.customers TO steward_a USING (tenant = 'a') WITH CHECK (tenant = 'a');
CREATE POLICY tenant_b ON crm.customers TO steward_b USING (tenant = 'b') WITH CHECK (tenant = 'b');
CREATE POLICY every_tenant ON crm.customers TO app, bi USING (true) WITH CHECK (true);
GRANT USAGE ON SCHEMA crm TO app, bi, steward_a, steward_b, nobody;
GRANT SELECT, INSERT, UPDATE ON crm.customers TO app;
GRANT SELECT ON crm.customers TO bi;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.customers, crm.orders TO steward_a, steward_b;
SELECT pg_temp.expect_value('crm_owner: loaded the customers of 500 people',
  $$SELECT count(DISTINCT true_entity_id) FROM crm.customers$$, '500');
SELECT pg_temp.expect_value('crm_owner: three stale customers per tenant',
  $$SELECT string_agg(tenant || ':' || n, ' ' ORDER BY tenant)
      FROM (SELECT tenant, count(*) AS n FROM crm.customers WHERE updated_at < now() - interval '365 days' GROUP BY tenant) s$$,
  'a:3 b:3');
\echo == crm_owner: the functions of the owner
SELECT pg_temp.expect_value('crm_owner: register (11 default rules)',
  format('SELECT customer_clean.register(%L, %L, %L)', 'crm.customers', :'cols', '{}'), '11');
SELECT pg_temp.expect_rows('crm_owner: INSERT a rule of its table with plain SQL',
  $$INSERT INTO customer_clean.rules (tbl, column_name, kind, params, severity, enabled)
    VALUES ('crm.customers', 'full_name', 'length', '{"max": 200}', 'warning', false)$$, 1);
SELECT pg_temp.expect_rows('crm_owner: UPDATE a rule of its table',
  $$UPDATE customer_clean.rules SET message = 'the name is too long' WHERE tbl = 'crm.customers'::regclass AND kind = 'length'$$, 1);
SELECT pg_temp.expect_rows('crm_owner: DELETE a rule of its table',
  $$DELETE FROM customer_clean.rules WHERE tbl = 'crm.customers'::regclass AND kind = 'length'$$, 1);
SELECT pg_temp.expect_value('crm_owner: enable_cleaning(flag)',
  $$SELECT customer_clean.enable_cleaning('crm.customers', 'flag')$$, 'true');
\set clean_summary '{}'
\set ON_ERROR_STOP 0
CALL customer_clean.clean_table('crm.customers', 200) \gset clean_
\set ON_ERROR_STOP 1
SELECT pg_temp.expect_outcome('crm_owner: CALL clean_table', :'SQLSTATE', :'LAST_ERROR_MESSAGE', '00000');
SELECT pg_temp.expect_value('crm_owner: clean_table cleaned every row',
  format('SELECT %L::jsonb ->> ''rows_done''', :'clean_summary'), (SELECT count(*)::text FROM crm.customers));
SELECT pg_temp.expect_ok('crm_owner: train', format('SELECT customer_clean.train(%L, %L)', 'crm.customers', :'train_options'));
SELECT pg_temp.expect_ok('crm_owner: dedupe', $$SELECT customer_clean.dedupe('crm.customers')$$, 'dedupe');
SELECT pg_temp.expect_value('crm_owner: dedupe read every row',
  $$SELECT pg_temp.saved('dedupe')::jsonb ->> 'rows'$$, (SELECT count(*)::text FROM crm.customers));
SELECT pg_temp.expect_value('crm_owner: the clusters dedupe reports are in customer_clean.clusters',
  $$SELECT count(DISTINCT cluster_id) FROM customer_clean.clusters WHERE tbl = 'crm.customers'::regclass$$,
  pg_temp.saved('dedupe')::jsonb ->> 'clusters');
-- incremental dedupe: the state is written and read for crm_owner, who
-- cannot read or write it directly (hashes of every customer's values)
SELECT pg_temp.expect_value('crm_owner: dedupe(incremental) stores its state in a full run',
  $$SELECT customer_clean.dedupe('crm.customers', incremental => true) ->> 'full_run_because'$$,
  'no stored state: the first incremental run is a full one');
UPDATE crm.customers SET email = 'moved.' || id || '@example.com' WHERE id IN (SELECT id FROM crm.customers ORDER BY id LIMIT 3);
SELECT pg_temp.expect_value('crm_owner: dedupe(incremental) works on the 3 changed rows',
  $$SELECT customer_clean.dedupe('crm.customers', incremental => true) ->> 'changed_rows'$$, '3');
SELECT pg_temp.expect_error('crm_owner: SELECT FROM customer_clean.' || t, format('SELECT count(*) FROM customer_clean.%I', t),
  '42501', 'permission denied for table ' || t)
  FROM unnest(ARRAY['dedupe_state', 'dedupe_rows', 'dedupe_pairs']) t;
SELECT pg_temp.expect_error('crm_owner: DELETE FROM customer_clean.dedupe_rows',
  $$DELETE FROM customer_clean.dedupe_rows$$, '42501', 'permission denied for table dedupe_rows');
SELECT pg_temp.expect_value('crm_owner: enable_cleaning(flag, match_on_insert)',
  $$SELECT customer_clean.enable_cleaning('crm.customers', 'flag', true)$$, 'true');
SELECT pg_temp.expect_value('crm_owner: the cleaning and matching triggers are on the table',
  $$SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'crm.customers'::regclass AND NOT tgisinternal$$,
  'customer_clean_flush,customer_clean_match,customer_clean_on_write');
\set ON_ERROR_STOP 0
\copy crm.customers (id, full_name, phone, email, country, tenant) FROM 'tests/security/least_privilege/copy_rows.csv' WITH (FORMAT csv)
\set ON_ERROR_STOP 1
SELECT pg_temp.expect_outcome('crm_owner: COPY through the cleaning trigger', :'SQLSTATE', :'LAST_ERROR_MESSAGE', '00000');
SELECT pg_temp.expect_value('crm_owner: the copied rows are stored cleaned',
  $$SELECT string_agg(concat_ws(' ', id, full_name, phone, email), ' | ' ORDER BY id) FROM crm.customers WHERE id IN (900103, 900104)$$,
  '900103 Li Na +8613600001111 lina@163.com | 900104 Zhao Lei +8613700002222 zhao.lei@126.com');
SELECT pg_temp.expect_value('crm_owner: what cleaning changed in them is journaled',
  $$SELECT string_agg(row_id || ' ' || changed_by, ', ' ORDER BY row_id) FROM customer_clean.changes
     WHERE tbl = 'crm.customers'::regclass AND row_id IN ('900103', '900104')$$, '900103 crm_owner, 900104 crm_owner');
\endif

--------------------------------------------------------------------- reads
-- The owner sees every row (RLS is not forced): everything as the superuser sees it.
\if :{?reads}
\echo == crm_owner: reading functions answer as for the superuser
SELECT pg_temp.expect_value('crm_owner: ' || i || ' as the superuser sees it',
         format('SELECT pg_temp.digest(%L, %L, %L)', i, :'m1_s', :'m1_d'), f.v)
  FROM pg_temp.digest_items() i
  JOIN (VALUES ('match_row', :'d_match_row'), ('find_duplicates', :'d_find_duplicates'), ('match_probability', :'d_match_probability'),
               ('explain_match', :'d_explain_match'), ('cluster_probability', :'d_cluster_probability'),
               ('golden_record', :'d_golden_record'), ('quality_report', :'d_quality_report'),
               ('quality_issues', :'d_quality_issues'), ('quality_score', :'d_quality_score'),
               ('quality_details', :'d_quality_details'), ('validate', :'d_validate'),
               ('stale_customers', :'d_stale_customers')) f(k, v) ON f.k = i;
SELECT pg_temp.expect_value('crm_owner: snapshot_quality', $$SELECT customer_clean.snapshot_quality('crm.customers') > 0$$, 'true');
\echo == crm_owner: the catalog of its table, all of it
SELECT pg_temp.expect_value('crm_owner: customer_clean.' || t || ' rows of crm.customers',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('changes', :'n_changes'), ('issues', :'n_issues'), ('match_keys', :'n_match_keys'),
               ('clusters', :'n_clusters'), ('review_queue', :'n_review_queue'), ('review_pending', :'n_pending'),
               ('models', '1'), ('profiles', '1'), ('rules', :'n_rules'), ('clean_table_runs', '1')) AS x(t, v);
\echo == crm_owner: not even the owner writes the catalog by hand
SELECT pg_temp.expect_error('crm_owner: INSERT INTO customer_clean.changes',
  $$INSERT INTO customer_clean.changes (tbl, row_id, operation, original, normalized)
    VALUES ('crm.customers', '1', 'UPDATE', '{"phone": "x"}', '{"phone": "y"}')$$, '42501');
SELECT pg_temp.expect_no_write('crm_owner: UPDATE customer_clean.clusters',
  $$UPDATE customer_clean.clusters SET cluster_id = 0 WHERE tbl = 'crm.customers'::regclass$$);
SELECT pg_temp.expect_no_write('crm_owner: DELETE FROM customer_clean.match_keys',
  $$DELETE FROM customer_clean.match_keys WHERE tbl = 'crm.customers'::regclass$$);
\endif

--------------------------------------------------------------------- round2
\if :{?round2}
\echo == crm_owner: the rows of another tenant survived steward_a
SELECT pg_temp.expect_value('crm_owner: the tenant-b rows steward_a tried to merge are untouched',
  format('SELECT md5(string_agg(c::text, ''|'' ORDER BY c.id)) FROM crm.customers c WHERE c.id::text IN (%L, %L)', :'b_s', :'b_d'), :'b_md5');
SELECT pg_temp.expect_value('crm_owner: the tenant-b review pair steward_a tried to decide is pending',
  format('SELECT status FROM customer_clean.review_queue WHERE pair_id = %s', :'pair_b1'), 'pending');
SELECT pg_temp.expect_value('crm_owner: the tenant-b change steward_a tried to undo is not undone',
  format('SELECT undone_at IS NULL FROM customer_clean.changes WHERE change_id = %s', :'u_change_b'), 'true');
SELECT pg_temp.expect_value('crm_owner: customer_clean.' || t || ' rows of crm.customers',
         format('SELECT pg_temp.catalog_rows(%L)', t), v)
  FROM (VALUES ('merges', :'n_merges'), ('merge_history', :'n_merge_history')) AS x(t, v);
SELECT pg_temp.expect_value('crm_owner: quality_trend shows every snapshot of its table (every role''s)',
  $$SELECT count(DISTINCT snapshot_id) FROM customer_clean.quality_trend WHERE tbl = 'crm.customers'::regclass$$, :'n_snapshots');
\endif

------------------------------------------------------------ quarantine_on/off
\if :{?quarantine_on}
SELECT pg_temp.expect_value('crm_owner: enable_cleaning(quarantine, match_on_insert)',
  $$SELECT customer_clean.enable_cleaning('crm.customers', 'quarantine', true)$$, 'true');
\endif
\if :{?quarantine_off}
SELECT pg_temp.expect_value('crm_owner: enable_cleaning(flag, match_on_insert) again',
  $$SELECT customer_clean.enable_cleaning('crm.customers', 'flag', true)$$, 'true');
SELECT pg_temp.expect_value('crm_owner: the application''s two bad rows are in quarantine',
  $$SELECT string_agg(row_id, ',' ORDER BY row_id) FROM customer_clean.quarantine
     WHERE tbl = 'crm.customers'::regclass AND released_at IS NULL$$, '900301,900302');
\endif

------------------------------------------------------------------- archive
\if :{?archive}
SELECT pg_temp.expect_value('crm_owner: archive_stale', $$SELECT customer_clean.archive_stale('crm.customers', 365)$$, :'stale_n_all');
SELECT pg_temp.expect_value('crm_owner: the stale rows left the table',
  format('SELECT count(*) FROM crm.customers WHERE id::text = ANY (%L::text[] || %L::text[])', :'stale_a', :'stale_b'), '0');
SELECT pg_temp.expect_value('crm_owner: customer_clean.archive holds them',
  $$SELECT count(*) FROM customer_clean.archive WHERE tbl = 'crm.customers'::regclass AND restored_at IS NULL$$, :'stale_n_all');
\endif

------------------------------------------------------------------ restored
\if :{?restored}
SELECT pg_temp.expect_value('crm_owner: the stewards put every archived row back exactly',
  format('SELECT md5(string_agg(c::text, ''|'' ORDER BY c.id)) FROM crm.customers c WHERE c.id::text = ANY (%L::text[] || %L::text[])',
         :'stale_a', :'stale_b'), :'stale_md5');
SELECT pg_temp.expect_value('crm_owner: restored_by in customer_clean.archive',
  $$SELECT string_agg(restored_by || ':' || n, ',' ORDER BY restored_by)
      FROM (SELECT restored_by, count(*) n FROM customer_clean.archive WHERE tbl = 'crm.customers'::regclass GROUP BY 1) s$$,
  'steward_a:' || :'stale_n_a' || ',steward_b:' || :'stale_n_b');
\endif

------------------------------------------------------------ merge_clusters
\if :{?merge_clusters}
\set mc_summary '{}'
\set ON_ERROR_STOP 0
CALL customer_clean.merge_clusters('crm.customers', 0.9) \gset mc_
\set ON_ERROR_STOP 1
SELECT pg_temp.expect_outcome('crm_owner: CALL merge_clusters', :'SQLSTATE', :'LAST_ERROR_MESSAGE', '00000');
SELECT pg_temp.expect_value('crm_owner: merge_clusters looked at every cluster',
  format('SELECT %L::jsonb ->> ''clusters''', :'mc_summary'), :'mc_clusters');
SELECT pg_temp.expect_value('crm_owner: merge_clusters merged every cluster at least 0.9 sure without a rejected pair',
  format('SELECT %L::jsonb ->> ''merged''', :'mc_summary'), :'mc_mergeable');
SELECT pg_temp.expect_value('crm_owner: merge_clusters had no error',
  format('SELECT %L::jsonb -> ''errors''', :'mc_summary'), '[]');
\endif

-------------------------------------------------------------------- forget
\if :{?forget}
SELECT pg_temp.expect_error('crm_owner: forget of a row merged into another names the survivor',
  format('SELECT customer_clean.forget(%L, %L)', 'crm.customers', :'f_d'), '55000',
  format('forget: row %s of crm.customers was merged into another row%%', :'f_d'));
SELECT pg_temp.expect_value('crm_owner: forget of the survivor removes the row',
  format('SELECT customer_clean.forget(%L, %L) ->> ''row''', 'crm.customers', :'f_s'), '1', 'forget');
\echo forget: :f_s
SELECT 'forget returned ' || pg_temp.saved('forget');
SELECT pg_temp.expect_value('crm_owner: the forgotten customer is not in the table',
  format('SELECT count(*) FROM crm.customers WHERE id::text IN (%L, %L)', :'f_s', :'f_d'), '0');
SELECT pg_temp.expect_value('crm_owner: the erasure is recorded, visible to the owner',
  format('SELECT count(*) FROM customer_clean.erasures WHERE tbl = %L::regclass AND kind = ''forget'' AND row_id = %L', 'crm.customers', :'f_s'), '1');
\endif

--------------------------------------------------------------------- purge
\if :{?purge}
SELECT pg_temp.expect_error('crm_owner: purge_journal with a negative interval',
  $$SELECT customer_clean.purge_journal('crm.customers', '-1 day')$$, '22023');
SELECT pg_temp.expect_value('crm_owner: purge_journal(0) removes the journal, the issues and the released quarantine',
  $$SELECT customer_clean.purge_journal('crm.customers', '0 seconds')$$,
  jsonb_build_object('changes', :'purge_changes'::int, 'issues', :'purge_issues'::int, 'quarantine', :'purge_quarantine'::int)::text);
\endif

-------------------------------------------------------------------- finish
\if :{?finish}
SELECT pg_temp.expect_value('crm_owner: disable_cleaning', $$SELECT customer_clean.disable_cleaning('crm.customers')$$, 'true');
SELECT pg_temp.expect_value('crm_owner: unregister', $$SELECT customer_clean.unregister('crm.customers')$$, 'true');
SELECT pg_temp.expect_value('crm_owner: no trigger of the extension is left on the table',
  $$SELECT count(*) FROM pg_trigger WHERE tgrelid = 'crm.customers'::regclass AND NOT tgisinternal$$, '0');
\endif
