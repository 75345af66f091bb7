-- customer_clean demo: dirty customer rows in, standardized values out.
-- Run by scripts/demo.sh (make demo) against a scratch cluster.
\pset pager off
\pset null '∅'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS demo, crm CASCADE;
DROP EXTENSION IF EXISTS customer_clean CASCADE;
CREATE EXTENSION customer_clean;
CREATE SCHEMA demo;
CREATE TABLE demo.customers (
  id int PRIMARY KEY, full_name text, phone text, email text, address text,
  country text, postcode text, birth_date text);
\copy demo.customers FROM 'demo/customers.csv' WITH (FORMAT csv, HEADER)

\echo
\echo '== normalize_country: ISO 3166-1 alpha-2 from names in English and Chinese, codes and aliases'
SELECT id, country AS before, customer_clean.normalize_country(country) AS after FROM demo.customers ORDER BY id;

\echo '== normalize_phone / phone_info: E.164 with the customer''s country as default region (NULL = not a valid number)'
SELECT id, phone AS before,
       customer_clean.normalize_phone(phone, coalesce(customer_clean.normalize_country(country), 'CN')) AS e164,
       customer_clean.phone_info(phone, coalesce(customer_clean.normalize_country(country), 'CN')) ->> 'type' AS type
  FROM demo.customers ORDER BY id;

\echo '== normalize_email / email_match_key'
SELECT id, email AS before, customer_clean.normalize_email(email) AS normalized,
       customer_clean.email_match_key(email) AS match_key
  FROM demo.customers ORDER BY id;

\echo '== normalize_name / name_parts'
SELECT id, full_name AS before, customer_clean.normalize_name(full_name) AS normalized,
       customer_clean.name_parts(full_name) AS parts
  FROM demo.customers ORDER BY id;

\echo '== normalize_date (customer_clean.date_order = DMY; impossible dates are NULL)'
SELECT id, birth_date AS before, customer_clean.normalize_date(birth_date) AS after FROM demo.customers ORDER BY id;

\echo '== normalize_postcode'
SELECT id, postcode AS before, country,
       customer_clean.normalize_postcode(postcode, coalesce(customer_clean.normalize_country(country), 'CN')) AS after
  FROM demo.customers ORDER BY id;

\echo '== normalize_address / address_parts'
SELECT id, address AS before,
       customer_clean.normalize_address(address, coalesce(customer_clean.normalize_country(country), 'CN')) AS normalized
  FROM demo.customers ORDER BY id;
SELECT id, jsonb_pretty(customer_clean.address_parts(address, customer_clean.normalize_country(country))) AS parts
  FROM demo.customers WHERE id IN (1, 7, 11) ORDER BY id;

\echo '== normalize_text: Unicode clean-up under all of the above'
SELECT id, full_name AS before, customer_clean.normalize_text(full_name) AS after
  FROM demo.customers WHERE full_name <> customer_clean.normalize_text(full_name) ORDER BY id;

\echo
\echo '== A customer table, end to end: register, clean what is there, learn a model, find duplicates, merge, undo'
\echo '   (2,000 generated customers with known duplicates: tests/regress/data/customers_2000.csv)'
CREATE SCHEMA crm;
SET search_path = crm;
\i tests/regress/data/customers_2000.sql
RESET search_path;
CREATE TABLE crm.orders (order_id serial PRIMARY KEY, customer_id int REFERENCES crm.customers, total numeric);
INSERT INTO crm.orders (customer_id, total) SELECT id, id % 97 FROM crm.customers;
\echo '== quality before: the report judges rows as the cleaning trigger would'
SELECT * FROM customer_clean.quality_report_text('crm.customers');
CALL customer_clean.clean_table('crm.customers', 1000);
SELECT customer_clean.enable_cleaning('crm.customers', 'flag');
SELECT customer_clean.train('crm.customers', '{"seed": 7}') -> 'training' AS training;
SELECT customer_clean.dedupe('crm.customers') - 'steps' AS dedupe;

\echo '== the first cluster, and the golden record a merge would make of it'
SELECT c.cluster_id, r.id, r.full_name, r.phone, r.email, r.birth_date, r.updated_at
  FROM customer_clean.clusters c JOIN crm.customers r ON r.id::text = c.row_id
 WHERE c.cluster_id = (SELECT min(cluster_id) FROM customer_clean.clusters) ORDER BY r.id;
SELECT p.* FROM (SELECT array_agg(row_id ORDER BY row_id) AS ids FROM customer_clean.clusters
                  WHERE cluster_id = (SELECT min(cluster_id) FROM customer_clean.clusters)) c,
       customer_clean.preview_merge('crm.customers', customer_clean.choose_survivor('crm.customers', c.ids),
                                    array_remove(c.ids, customer_clean.choose_survivor('crm.customers', c.ids))) p
 WHERE p.changed OR p.column_name = 'id';

\echo '== merge_clusters: every sure cluster folded into its most complete row (orders follow)'
CALL customer_clean.merge_clusters('crm.customers', 0.9);
SELECT count(*) AS customers_left, (SELECT count(*) FROM crm.orders) AS orders_kept,
       (SELECT count(*) FROM customer_clean.merge_history) AS rows_in_merge_history FROM crm.customers;

\echo '== every merge can be undone exactly'
SELECT merge_id, survivor_id, duplicate_ids FROM customer_clean.merges ORDER BY merge_id DESC LIMIT 1 \gset
SELECT customer_clean.unmerge(:merge_id);
SELECT id, full_name FROM crm.customers WHERE id::text = ANY (:'duplicate_ids'::text[]) ORDER BY id;

\echo '== quality after cleaning, dedupe and merge (uniqueness counts rows still in clusters)'
SELECT * FROM customer_clean.quality_report_text('crm.customers');
