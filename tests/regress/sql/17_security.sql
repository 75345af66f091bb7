-- Privileges (issue 7): every function runs with the caller's rights, so
-- row-level security on a customer table holds for reports, matching and
-- merging alike; no function is SECURITY DEFINER.
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
CREATE ROLE cc_tenant_a IN ROLE customer_clean_steward;
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
RESET ROLE;
SELECT count(*) AS rows_untouched FROM sec.customers;

-- Matching. train and dedupe are whole-table jobs: for a role that
-- row-level security restricts they would learn from, and rewrite the
-- clusters and match keys of, a part of the table, so they refuse. The
-- reading functions see only the rows the caller may see.
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
RESET ROLE;
SELECT count(DISTINCT row_id) AS rows_with_match_keys_kept
  FROM customer_clean.match_keys WHERE tbl = 'sec.customers'::regclass;
DROP OWNED BY cc_tenant_a;
DROP ROLE cc_tenant_a;

-- Options are range-checked before anything is read (issue 15). A role
-- with only SELECT on the table once crashed the server asking for 800 GB
-- of random pairs; now it gets 22023 naming the key and its range. And it
-- cannot raise customer_clean.batch_memory: only a superuser may.
CREATE ROLE cc_reader;
GRANT USAGE ON SCHEMA sec TO cc_reader;
GRANT SELECT ON sec.customers TO cc_reader;
SET ROLE cc_reader;
\set VERBOSITY default
SELECT customer_clean.train('sec.customers', '{"random_pairs": 100000000000}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT customer_clean.train('sec.customers', '{"em_tolerance": "NaN"}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SET customer_clean.batch_memory = '1TB';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
RESET ROLE;
DROP OWNED BY cc_reader;
DROP ROLE cc_reader;
