-- Privileges (docs/deploying.md; issues 7 and 16): what a role may do through the
-- extension is what it may do to the table. Row-level security on a
-- customer table holds for reports, matching, merging and the catalog
-- alike; no function is SECURITY DEFINER, and nobody needs a grant on
-- customer_clean. (The whole scenario with owner, application, BI and two
-- tenants, as non-superusers only, is tests/security/least_privilege.sh.)
SET client_min_messages = warning;
\set SHOW_CONTEXT never
SELECT count(*) AS security_definer_functions
  FROM pg_proc WHERE pronamespace = 'customer_clean'::regnamespace AND prosecdef;

CREATE SCHEMA sec;
CREATE TABLE sec.customers (id int PRIMARY KEY, tenant text NOT NULL, full_name text, phone text, email text);
SELECT customer_clean.register('sec.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"default_region": "CN"}');
INSERT INTO sec.customers VALUES
  (1, 'a', '张伟', '13812345678', 'zw@example.com'),
  (2, 'a', 'Zhang Wei', '+86 138 1234 5678', 'zw@example.com'),
  (3, 'b', '李娜', '12345', NULL),
  (4, 'b', NULL, '13912345678', 'ln@example.com');
ALTER TABLE sec.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_a ON sec.customers USING (tenant = 'a');
-- a steward of tenant a: the table's privileges, no role of the extension
CREATE ROLE cc_tenant_a;
GRANT USAGE ON SCHEMA sec TO cc_tenant_a;
GRANT SELECT, INSERT, UPDATE, DELETE ON sec.customers TO cc_tenant_a;

-- The owner sees all four rows; tenant a only its two, in every function.
SELECT dimension, column_name, round(value::numeric, 4) AS value, failing_rows
  FROM customer_clean.quality_report('sec.customers') WHERE dimension IN ('completeness', 'validity');
SET ROLE cc_tenant_a;
SELECT dimension, column_name, round(value::numeric, 4) AS value, failing_rows
  FROM customer_clean.quality_report('sec.customers') WHERE dimension IN ('completeness', 'validity');
SELECT * FROM customer_clean.quality_issues('sec.customers', 'validity');
SELECT customer_clean.quality_score('sec.customers', '3');
SELECT customer_clean.row_as_jsonb('sec.customers', '3') AS invisible_row;
SELECT * FROM customer_clean.preview_merge('sec.customers', '1', ARRAY['3']);
SELECT customer_clean.merge('sec.customers', '1', ARRAY['4']);
SELECT column_name, value, rule FROM customer_clean.preview_merge('sec.customers', '1', ARRAY['2']) WHERE changed;
-- the profile is for every reader of the table
SELECT count(*) AS profiles_seen FROM customer_clean.profiles WHERE tbl = 'sec.customers'::regclass;
RESET ROLE;
SELECT count(*) AS rows_untouched FROM sec.customers;

-- Visibility as the catalog's policies decide it: a row in the table
-- (row_visible), an image of a row that is not (image_visible).
SET ROLE cc_tenant_a;
SELECT customer_clean.row_visible('sec.customers', '1') AS own_row, customer_clean.row_visible('sec.customers', '3') AS other_tenants_row;
SELECT customer_clean.image_visible('sec.customers', '{"id": 9, "tenant": "a"}') AS own_image, customer_clean.image_visible('sec.customers', '{"id": 9, "tenant": "b"}') AS other_tenants_image;
SELECT customer_clean.sees_all_rows('sec.customers') AS tenant_sees_all, customer_clean.owns_table('sec.customers') AS tenant_owns;
RESET ROLE;
SELECT customer_clean.sees_all_rows('sec.customers') AS owner_sees_all, customer_clean.owns_table('sec.customers') AS owner_owns;
SELECT customer_clean.require_privileges('sec.customers', ARRAY['SELECT', 'UPDATE'], 'my_function') AS allowed;

-- Matching. train and dedupe are the owner's: whole-table jobs that learn
-- from and rewrite the clusters and match keys of every row. The reading
-- functions see only the rows the caller may see, and the model (name
-- frequencies of every tenant) is not shown to a tenant.
SELECT customer_clean.train('sec.customers', '{"seed": 1}') IS NOT NULL AS trained;
SELECT customer_clean.dedupe('sec.customers')->'clusters' AS clusters;
SELECT row_id FROM customer_clean.match_row('sec.customers', '{"full_name": "李娜", "phone": "13912345678"}', 10, 0);
SET ROLE cc_tenant_a;
SELECT customer_clean.train('sec.customers');
SELECT customer_clean.dedupe('sec.customers');
SELECT id_a, id_b FROM customer_clean.find_duplicates('sec.customers', 0);
SELECT row_id FROM customer_clean.match_row('sec.customers', '{"full_name": "李娜", "phone": "13912345678"}', 10, 0);
SELECT row_id FROM customer_clean.match_row('sec.customers', '{"full_name": "张伟", "phone": "13812345678"}', 10, 0);
SELECT customer_clean.match_probability('sec.customers', '1', '4');
SELECT customer_clean.explain_match('sec.customers', '3', '4');
SELECT round(customer_clean.match_probability('sec.customers', '1', '2')::numeric, 2) AS visible_pair;
SELECT count(*) AS models_seen FROM customer_clean.models;
-- the catalog shows tenant a the records of its own rows only
SELECT DISTINCT row_id FROM customer_clean.match_keys WHERE tbl = 'sec.customers'::regclass ORDER BY row_id;
RESET ROLE;
SELECT count(DISTINCT row_id) AS rows_with_match_keys_kept
  FROM customer_clean.match_keys WHERE tbl = 'sec.customers'::regclass;
DROP OWNED BY cc_tenant_a;
DROP ROLE cc_tenant_a;

-- Options are range-checked before anything is read (issue 15). A role
-- with only SELECT on the table once crashed the server asking for 800 GB
-- of random pairs; now train is the owner's, and the owner gets 22023
-- naming the key and its range. Nobody but a superuser may raise
-- customer_clean.batch_memory.
CREATE ROLE cc_reader;
GRANT USAGE ON SCHEMA sec TO cc_reader;
GRANT SELECT ON sec.customers TO cc_reader;
SET ROLE cc_reader;
\set VERBOSITY default
SELECT customer_clean.train('sec.customers', '{"random_pairs": 100000000000}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SET customer_clean.batch_memory = '1TB';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT customer_clean.train('sec.customers', '{"random_pairs": 100000000000}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT customer_clean.train('sec.customers', '{"em_tolerance": "NaN"}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
SELECT customer_clean.require_privileges('sec.customers', ARRAY['TRUNCATE'], 'my_function');
SELECT customer_clean.require_owner('sec.customers', 'my_job') AS owner_may;
SET ROLE cc_reader;
SELECT customer_clean.require_privileges('sec.customers', ARRAY['SELECT', 'UPDATE'], 'my_function');
SELECT customer_clean.require_owner('sec.customers', 'my_job');
CALL customer_clean.merge_clusters('sec.customers');
RESET ROLE;
-- On PostgreSQL 17 and later a role with MAINTAIN on the table may do what
-- its owner may (as VACUUM and ANALYZE allow); before 17 there is no such
-- privilege, and the same role is refused. The answer is compared with
-- the version, so this file reads the same on every version.
SELECT current_setting('server_version_num')::int >= 170000 AS has_maintain \gset
\if :has_maintain
GRANT MAINTAIN ON sec.customers TO cc_reader;
\endif
CREATE FUNCTION pg_temp.passes_owner_check() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_clean.require_owner('sec.customers', 'maintain_check');
    RETURN true;
EXCEPTION WHEN insufficient_privilege THEN
    RETURN false;
END
$$;
SET ROLE cc_reader;
SELECT pg_temp.passes_owner_check() = :'has_maintain'::boolean AS maintain_acts_as_owner_where_it_exists,
       customer_clean.owns_table('sec.customers') = :'has_maintain'::boolean AS and_edits_the_rules;
RESET ROLE;
DROP OWNED BY cc_reader;
DROP ROLE cc_reader;
