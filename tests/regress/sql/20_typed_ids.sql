-- Row ids in the id column's own type (issue 17): with integer ids, the
-- functions that take a row id take integers too, and answer exactly as
-- with the ids as text. Quoted literals keep resolving to the text forms;
-- the functions whose only ids are an array take text[] alone (an integer
-- form would make '{1,2}' and NULL ambiguous).
SET client_min_messages = warning;
\set SHOW_CONTEXT never
CREATE SCHEMA ti;
CREATE TABLE ti.customers (id bigint PRIMARY KEY, full_name text, phone text, email text, updated_at date);
CREATE TABLE ti.orders (order_id int PRIMARY KEY, customer_id bigint REFERENCES ti.customers);
SELECT customer_clean.register('ti.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "updated_at": "updated_at"}',
  '{"default_region": "CN"}') > 0 AS registered;
INSERT INTO ti.customers VALUES
  (1, 'Zhang Wei', '+8613812345678', 'zw@example.com', '2026-01-01'),
  (2, 'Zhang  Wei', '13812345678', 'zw@example.com', '2026-01-02'),
  (3, 'Li Na', '+8613912345678', 'ln@example.com', '2001-01-01'),
  (4, 'Wang Fang', '+8613712345678', NULL, '2026-01-03');
INSERT INTO ti.orders VALUES (10, 2);
SELECT customer_clean.train('ti.customers', '{"seed": 1}') IS NOT NULL AS trained;
SELECT customer_clean.match_probability('ti.customers', 1, 2) = customer_clean.match_probability('ti.customers', '1', '2') AS same_probability;
SELECT customer_clean.explain_match('ti.customers', 1, 2) = customer_clean.explain_match('ti.customers', '1', '2') AS same_explanation;
SELECT customer_clean.golden_record('ti.customers', 1, ARRAY[2]) = customer_clean.golden_record('ti.customers', '1', ARRAY['2']) AS same_golden_record;
SELECT column_name, value FROM customer_clean.preview_merge('ti.customers', 1, ARRAY[2]) WHERE changed;
SELECT customer_clean.quality_score('ti.customers', 3) = customer_clean.quality_score('ti.customers', '3') AS same_score;
SELECT customer_clean.quality_details('ti.customers', 3) = customer_clean.quality_details('ti.customers', '3') AS same_details;
-- smallint and integer arguments resolve to the bigint forms; quoted
-- literals (arrays too) to the text forms
SELECT customer_clean.match_probability('ti.customers', 1::smallint, 2::int) = customer_clean.match_probability('ti.customers', '1', '2') AS smallint_and_int;
SELECT customer_clean.golden_record('ti.customers', '1', '{2}') = customer_clean.golden_record('ti.customers', 1, ARRAY[2]) AS quoted_literals;
SELECT customer_clean.cluster_probability('ti.customers', '{1,2}') = customer_clean.cluster_probability('ti.customers', ARRAY[1, 2]::text[]) AS arrays_as_text;
SELECT customer_clean.merge('ti.customers', 1, ARRAY[2]) AS merge_id \gset
SELECT id, full_name FROM ti.customers ORDER BY id;
SELECT customer_id FROM ti.orders;
SELECT customer_clean.unmerge(:merge_id);
SELECT id FROM ti.customers ORDER BY id;
SELECT customer_clean.archive_stale('ti.customers', 3650) AS archived;
SELECT customer_clean.restore_archived('ti.customers', ARRAY['3']) AS restored;
SELECT customer_clean.forget('ti.customers', 4)->>'row' AS forgotten_rows;
SELECT id FROM ti.customers ORDER BY id;
SELECT customer_clean.restore_archived('ti.customers', NULL) AS nothing_left_to_restore;
