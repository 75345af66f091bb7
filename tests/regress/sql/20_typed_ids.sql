-- Row ids in the id column's own type (issue 17): with integer ids, the
-- functions that take a row id take integers too, and answer exactly as
-- with the ids as text. Quoted literals keep resolving to the text forms;
-- the functions whose only ids are an array take any array type
-- (anycompatiblearray: an integer[] form beside text[] would make '{1,2}'
-- and NULL ambiguous), uuid ids included.
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
-- functions whose only ids are an array take any array type
-- (anycompatiblearray); quoted literals and NULL resolve to text[]
SELECT customer_clean.cluster_probability('ti.customers', ARRAY[1, 2]) = customer_clean.cluster_probability('ti.customers', '{1,2}') AS integer_array;
SELECT customer_clean.cluster_probability('ti.customers', ARRAY[1, 2]::bigint[]) = customer_clean.cluster_probability('ti.customers', ARRAY['1', '2']) AS bigint_array;
SELECT customer_clean.cluster_probability('ti.customers', NULL) AS null_ids;
SELECT customer_clean.choose_survivor('ti.customers', ARRAY[2, 1]) AS survivor, customer_clean.choose_survivor('ti.customers', '{2,1}') AS from_literal;
SELECT customer_clean.merge('ti.customers', 1, ARRAY[2]) AS merge_id \gset
SELECT id, full_name FROM ti.customers ORDER BY id;
SELECT customer_id FROM ti.orders;
SELECT customer_clean.unmerge(:merge_id);
SELECT id FROM ti.customers ORDER BY id;
SELECT customer_clean.archive_stale('ti.customers', 3650) AS archived;
SELECT customer_clean.restore_archived('ti.customers', ARRAY[3]) AS restored;
SELECT customer_clean.forget('ti.customers', 4)->>'row' AS forgotten_rows;
SELECT id FROM ti.customers ORDER BY id;
SELECT customer_clean.restore_archived('ti.customers', NULL) AS nothing_left_to_restore;
-- uuid ids: arrays of uuid go straight in; single ids pass as text
CREATE TABLE ti.accounts (id uuid PRIMARY KEY, full_name text, email text, updated_at date);
SELECT customer_clean.register('ti.accounts', '{"id": "id", "name": "full_name", "email": "email", "updated_at": "updated_at"}') > 0 AS registered;
INSERT INTO ti.accounts VALUES
  ('00000000-0000-4000-8000-000000000001', 'Ana Ruiz', NULL, '2026-01-01'),
  ('00000000-0000-4000-8000-000000000002', 'Ana Ruiz', 'ana@example.com', '2001-01-01');
SELECT customer_clean.choose_survivor('ti.accounts', ARRAY['00000000-0000-4000-8000-000000000001'::uuid, '00000000-0000-4000-8000-000000000002'::uuid]) AS most_complete;
SELECT customer_clean.archive_stale('ti.accounts', 3650) AS archived;
SELECT customer_clean.restore_archived('ti.accounts', ARRAY['00000000-0000-4000-8000-000000000002'::uuid]) AS restored;
SELECT count(*) AS accounts FROM ti.accounts;
