-- Merge (docs/functions.md, "Merge"): golden records by survivorship, foreign keys re-pointed
-- (single- and multi-column, other schemas, self-references), every row kept
-- in merge_history, unmerge restoring the whole database state exactly or
-- refusing with the reason, the review queue's decisions, merge_clusters,
-- and who may merge.
SET client_min_messages = warning;
-- Errors show message, detail and hint; PL/pgSQL line numbers would only churn.
\set SHOW_CONTEXT never
CREATE SCHEMA mg;
CREATE SCHEMA sales;
CREATE TABLE mg.customers (
  id int PRIMARY KEY, full_name text, phone text, email text, city text, source text, updated_at timestamptz,
  notes text, tags text[], doc json, photo bytea, score float8, referred_by int REFERENCES mg.customers,
  region text NOT NULL, code int NOT NULL, UNIQUE (region, code));
CREATE TABLE mg.orders (order_id int PRIMARY KEY, customer_id int REFERENCES mg.customers, total numeric);
-- a multi-column foreign key, from another schema, to a unique key that is not the id
CREATE TABLE sales.invoices (invoice_no text PRIMARY KEY, region text, code int, amount numeric,
  FOREIGN KEY (region, code) REFERENCES mg.customers (region, code));
-- no primary key: rows are found again by their content
CREATE TABLE mg.contacts (customer_id int REFERENCES mg.customers, kind text, value text);
-- one row per customer at most
CREATE TABLE mg.loyalty (customer_id int UNIQUE REFERENCES mg.customers, points int);
INSERT INTO mg.customers VALUES
  (1, 'Li Na', '13812345678', NULL, 'Beijing', 'web', '2024-01-01 09:00+00', 'prefers e-mail', '{vip}',
   '{"b": 1,  "a": [1, 2]}', '\x00ff', 0.1, NULL, 'N', 1),
  (2, 'li na', '12345', 'lina@web.example.com', 'Shanghai', 'shop', '2025-06-01 09:00+00', 'prefers e-mail; allergic to nuts',
   '{vip,new}', NULL, NULL, 1e-300, 1, 'N', 2),
  (3, 'Na Li', '13987654321', 'li.na@crm.example.com', NULL, 'crm', NULL, NULL, '{vip,new}', NULL, NULL, NULL, 2, 'S', 1),
  (4, 'Wang Fang', '13700001111', 'wf@example.com', 'Wuhan', 'crm', '2023-05-05 05:05+00', NULL, NULL, NULL, NULL, NULL, NULL, 'S', 2),
  (5, 'Wang Fang', '13700001111', NULL, 'Wuhan', 'web', '2024-05-05 05:05+00', NULL, NULL, NULL, NULL, NULL, 4, 'S', 3),
  (6, 'Liu Yang', '13600002222', 'ly@example.com', 'Xian', 'crm', '2022-02-02 02:02+00', NULL, NULL, NULL, NULL, NULL, NULL, 'W', 1);
INSERT INTO mg.orders VALUES (10, 1, 5.00), (11, 2, 20.50), (12, 2, 7), (13, 3, 1), (14, 5, 3);
INSERT INTO sales.invoices VALUES ('INV-1', 'N', 2, 100), ('INV-2', 'S', 1, 50), ('INV-3', NULL, 2, 1);
INSERT INTO mg.contacts VALUES (2, 'wechat', 'lina_w'), (2, 'wechat', 'lina_w'), (3, 'fax', NULL);
INSERT INTO mg.loyalty VALUES (4, 10), (5, 20);
SELECT customer_clean.register('mg.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "city": "city", "source": "source", "updated_at": "updated_at"}',
  '{"default_region": "CN", "survivorship": {"email": "source_priority", "notes": "most_complete", "tags": "most_frequent"},
    "source_priority": ["crm", "shop", "web"]}');

-- The whole state merges touch: every table of both schemas and the
-- matching catalog, each row as its exact text.
CREATE FUNCTION mg.state() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  t regclass;
  result jsonb := '{}';
  rows jsonb;
BEGIN
  FOR t IN SELECT c.oid::regclass FROM pg_class c
            WHERE c.relnamespace IN ('mg'::regnamespace, 'sales'::regnamespace) AND c.relkind = 'r'
           UNION ALL
           SELECT unnest('{customer_clean.clusters, customer_clean.review_queue, customer_clean.match_keys}'::regclass[]) LOOP
    EXECUTE format('SELECT coalesce(jsonb_agg(r ORDER BY r), ''[]'') FROM (SELECT x::text AS r FROM %s x) s', t) INTO rows;
    result := result || jsonb_build_object(t::text, rows);
  END LOOP;
  RETURN result;
END $$;
SELECT mg.state() AS state \gset start_

-- preview_merge: the golden record, the rule and the row behind each value,
-- nothing changed. Names: the spelling most rows share; phone: the valid one
-- (2's is not a phone number); e-mail: by source, crm first; city: the most
-- recently updated row; notes: the longest; the id and the columns a foreign
-- key refers to always stay the survivor's.
SELECT * FROM customer_clean.preview_merge('mg.customers', '1', ARRAY['2', '3']);
SELECT mg.state() = :'start_state'::jsonb AS preview_changed_nothing;
-- The building blocks merge() uses, each callable on its own.
SELECT g ->> 'column' AS column_name, g ->> 'value' AS value, g ->> 'rule' AS rule
  FROM jsonb_array_elements(customer_clean.golden_record('mg.customers', '1', ARRAY['2'])) g WHERE (g ->> 'changed')::boolean;
SELECT * FROM customer_clean.id_column('mg.customers');
SELECT customer_clean.row_as_jsonb('mg.customers', '6') ->> 'full_name' AS full_name;
SELECT customer_clean.row_as_jsonb('mg.customers', '404') AS no_such_row;
SELECT customer_clean.row_image_sql('mg.orders', 'o');
SELECT customer_clean.row_images('mg.customers', ARRAY['6', '404']) -> '6' ->> 'full_name' AS full_name;
SELECT constraint_name, referencing, fk_columns, ref_columns, pk_columns FROM customer_clean.referencing_keys('mg.customers');
SELECT customer_clean.choose_survivor('mg.customers', ARRAY['4', '5', '6']);
SELECT pg_catalog.to_regprocedure('customer_clean.restore_mode(regclass,boolean)') IS NULL AS restore_mode_is_not_sql;
SELECT customer_clean.share_catalog_lock('mg.customers');
-- repoint_references works only inside merge(), which records what it moved.
SELECT jsonb_array_length(customer_clean.repoint_references('mg.customers', '1', ARRAY['3']) -> '3') AS moved;

-- merge: one transaction; returns the merge id.
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2', '3']) AS merge_id \gset
SELECT id, full_name, phone, email, city, source, updated_at, notes, tags, doc, photo, score, referred_by, region, code
  FROM mg.customers ORDER BY id;
-- every reference to 2 and 3 now points at 1, in every table
SELECT * FROM mg.orders ORDER BY order_id;
SELECT * FROM sales.invoices ORDER BY invoice_no;
SELECT * FROM mg.contacts ORDER BY kind, value;
-- the merged rows, whole, as their columns' text, with what pointed at them
SELECT row_id, row_data FROM customer_clean.merge_history WHERE merge_id = :merge_id ORDER BY row_id;
SELECT h.row_id, r ->> 'constraint' AS fk, r ->> 'table' AS referencing, r -> 'key' AS key
  FROM customer_clean.merge_history h, jsonb_array_elements(h.referencing) r
 WHERE h.merge_id = :merge_id ORDER BY 1, 2, 4::text;
SELECT survivor_id, duplicate_ids, merged_via, merged_by, unmerged_at,
       survivor_after ->> 'email' AS email_after, survivor_before ->> 'email' AS email_before
  FROM customer_clean.merges WHERE merge_id = :merge_id;
SELECT d ->> 'column' AS column_name, d ->> 'rule' AS rule, d ->> 'row_id' AS from_row
  FROM customer_clean.merges, jsonb_array_elements(decisions) d
 WHERE merge_id = :merge_id AND (d ->> 'changed')::boolean;

-- unmerge: the whole state as it was, byte for byte (json spacing and key
-- order, bytea, 1e-300, arrays, the self-references among merged rows).
SELECT customer_clean.unmerge(:merge_id);
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;
SELECT unmerged_by IS NOT NULL AS undone FROM customer_clean.merges WHERE merge_id = :merge_id;
SELECT customer_clean.unmerge(:merge_id);

-- A merged row cannot be merged again; the error says where it went.
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2']) AS merge_id \gset
SELECT customer_clean.merge('mg.customers', '3', ARRAY['2']);

-- unmerge refuses when a later change makes an exact restore impossible,
-- and says which; once the change is undone it goes through.
UPDATE mg.customers SET city = 'Tianjin' WHERE id = 1;
SELECT customer_clean.unmerge(:merge_id);
UPDATE mg.customers SET city = 'Shanghai' WHERE id = 1;
UPDATE mg.orders SET customer_id = 6 WHERE order_id = 12;
SELECT customer_clean.unmerge(:merge_id);
UPDATE mg.orders SET customer_id = 1 WHERE order_id = 12;
INSERT INTO mg.customers (id, full_name, region, code) VALUES (2, 'someone else', 'X', 9);
SELECT customer_clean.unmerge(:merge_id);
DELETE FROM mg.customers WHERE id = 2;
SELECT customer_clean.unmerge(:merge_id);
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;

-- Merges of merges: the later one must be undone first.
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2']) AS first_merge \gset
SELECT customer_clean.merge('mg.customers', '6', ARRAY['1', '3']) AS second_merge \gset
SELECT id, full_name, email, referred_by FROM mg.customers ORDER BY id;
SELECT customer_clean.unmerge(:first_merge);
SELECT customer_clean.unmerge(:second_merge);
SELECT customer_clean.unmerge(:first_merge);
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;
-- Two merges into one survivor: even when the later one changed nothing in
-- the survivor's row, it is undone first.
SELECT customer_clean.merge('mg.customers', '4', ARRAY['6']) AS first_merge \gset
SELECT customer_clean.merge('mg.customers', '4', ARRAY['3']) AS second_merge \gset
SELECT customer_clean.unmerge(:first_merge);
SELECT customer_clean.unmerge(:second_merge);
SELECT customer_clean.unmerge(:first_merge);
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;

-- A unique key in a referencing table: both rows have a loyalty account,
-- the survivor cannot hold two. Reported, and nothing merged.
SELECT customer_clean.merge('mg.customers', '4', ARRAY['5']);
SELECT mg.state() = :'start_state'::jsonb AS nothing_changed;
-- A cancel in the middle of a merge leaves nothing half done: here the
-- statement times out while the duplicates are being deleted, after the
-- references were re-pointed and the history written.
CREATE FUNCTION mg.slow_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_sleep(0.5); RETURN OLD; END $$;
CREATE TRIGGER slow_delete BEFORE DELETE ON mg.customers FOR EACH ROW EXECUTE FUNCTION mg.slow_delete();
SET statement_timeout = '200ms';
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2', '3']);
RESET statement_timeout;
DROP TRIGGER slow_delete ON mg.customers;
SELECT mg.state() = :'start_state'::jsonb AS nothing_changed;
SELECT count(*) AS merges_recorded FROM customer_clean.merges WHERE survivor_id = '1' AND unmerged_at IS NULL;

-- Survivorship in the profile is checked like the rest of it.
SELECT customer_clean.register('mg.customers', '{"id": "id", "email": "email"}', '{"survivorship": {"email": "most_recent"}}');
SELECT customer_clean.register('mg.customers', '{"id": "id", "email": "email"}', '{"survivorship": {"mail": "survivor"}}');
SELECT customer_clean.register('mg.customers', '{"id": "id", "email": "email"}', '{"survivorship": {"email": "newest"}}');

-- Bad arguments: a clear error each time, nothing changed.
SELECT customer_clean.merge('mg.customers', '1', ARRAY[]::text[]);
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2', NULL]);
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2', '2']);
SELECT customer_clean.merge('mg.customers', '1', ARRAY['1']);
SELECT customer_clean.merge('mg.customers', '1', ARRAY['99']);
SELECT customer_clean.merge('mg.customers', 'one', ARRAY['2']);
SELECT customer_clean.merge('mg.orders', '10', ARRAY['11']);
SELECT customer_clean.unmerge(424242);
SELECT * FROM customer_clean.preview_merge('mg.customers', '1', ARRAY['98']);
SELECT mg.state() = :'start_state'::jsonb AS nothing_changed;

-- Stewards (docs/deploying.md): merging takes SELECT, UPDATE and DELETE on the
-- table, and no grant on customer_clean. A clerk who may only read the
-- table gets 42501 naming the privilege missing; the history shows the
-- clerk the merges of rows the clerk can see.
CREATE ROLE cc_clerk;
CREATE ROLE cc_steward;
GRANT USAGE ON SCHEMA mg, sales TO cc_clerk, cc_steward;
GRANT SELECT ON ALL TABLES IN SCHEMA mg, sales TO cc_clerk;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA mg, sales TO cc_steward;
SET ROLE cc_clerk;
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2']);
SELECT count(*) AS merges_seen FROM customer_clean.merges WHERE tbl = 'mg.customers'::regclass;
SELECT customer_clean.unmerge(1);
RESET ROLE;
SET ROLE cc_steward;
SELECT customer_clean.merge('mg.customers', '1', ARRAY['2']) AS merge_id \gset
SELECT merged_by FROM customer_clean.merges WHERE merge_id = :merge_id;
UPDATE customer_clean.merges SET merged_by = 'someone else' WHERE merge_id = :merge_id RETURNING merge_id;
SELECT customer_clean.unmerge(:merge_id);
RESET ROLE;
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;
DROP OWNED BY cc_clerk, cc_steward;
DROP ROLE cc_clerk, cc_steward;

-- The review queue: approve merges the pair (the more complete row
-- survives), reject keeps the pair apart for good, and a rejection of a
-- merged row holds for its survivor.
-- (pair ids from 101 on, whatever earlier tests left in the queue)
SELECT setval('customer_clean.review_queue_pair_id_seq', 100) AS pair_ids_after;
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by) VALUES
  ('mg.customers', '1', '2', 0.97, '{}', 'uncertain', 'dedupe'),
  ('mg.customers', '4', '6', 0.61, '{}', 'uncertain', 'dedupe'),
  ('mg.customers', '2', '6', 0.55, '{}', 'uncertain', 'dedupe'),
  ('mg.customers', '1', '6', 0.52, '{}', 'uncertain', 'dedupe');
SELECT pair_id, probability, row_id_a, row_a ->> 'full_name' AS name_a, row_id_b, row_b ->> 'full_name' AS name_b
  FROM customer_clean.review_pending WHERE tbl = 'mg.customers'::regclass;
SELECT pair_id AS reject_pair FROM customer_clean.review_queue WHERE row_id_a = '2' AND row_id_b = '6' \gset
SELECT customer_clean.reject(:reject_pair);
SELECT customer_clean.reject(:reject_pair);
SELECT pair_id AS approve_pair FROM customer_clean.review_queue WHERE row_id_a = '1' AND row_id_b = '2' \gset
SELECT customer_clean.approve(:approve_pair) AS merge_id \gset
SELECT survivor_id, duplicate_ids, merged_via FROM customer_clean.merges WHERE merge_id = :merge_id;
SELECT row_id_a, row_id_b, status, decided_by, merge_id = :merge_id AS by_this_merge, reason
  FROM customer_clean.review_queue WHERE tbl = 'mg.customers'::regclass ORDER BY row_id_a, row_id_b;
SELECT customer_clean.approve(:approve_pair);
SELECT customer_clean.reject(:approve_pair);
SELECT customer_clean.unmerge(:merge_id);
SELECT row_id_a, row_id_b, status, merge_id FROM customer_clean.review_queue
 WHERE tbl = 'mg.customers'::regclass ORDER BY row_id_a, row_id_b;
-- approve without merging: the two rows join one cluster
SELECT pair_id AS cluster_pair FROM customer_clean.review_queue WHERE row_id_a = '4' AND row_id_b = '6' \gset
SELECT customer_clean.approve(:cluster_pair, merge_rows => false);
SELECT row_id, assigned_by FROM customer_clean.clusters WHERE tbl = 'mg.customers'::regclass ORDER BY row_id;
SELECT customer_clean.approve(424242);
SELECT customer_clean.pending_pair(424242);
DELETE FROM customer_clean.clusters WHERE tbl = 'mg.customers'::regclass;
DELETE FROM customer_clean.review_queue WHERE tbl = 'mg.customers'::regclass;
SELECT mg.state() = :'start_state'::jsonb AS restored_exactly;
RESET client_min_messages;

-- merge_clusters over 2,000 generated customers (see 14_matching.sql):
-- dedupe finds the clusters, merge_clusters folds each into its most
-- complete row, and undoing every merge gives back the table exactly.
SET client_min_messages = warning;
CREATE SCHEMA mc;
SET search_path = mc;
\i tests/regress/data/customers_2000.sql
RESET search_path;
CREATE TABLE mc.orders (order_id serial PRIMARY KEY, customer_id int REFERENCES mc.customers, total numeric);
INSERT INTO mc.orders (customer_id, total) SELECT id, id % 97 FROM mc.customers;
SELECT customer_clean.train('mc.customers', '{"seed": 7, "random_pairs": 200000}') IS NOT NULL AS trained;
-- with the cleaning trigger on: merges write golden values through it, and
-- unmerge puts rows back exactly as they were stored (the restore mode of unmerge, which no SQL call can turn on), not
-- cleaned again
SELECT customer_clean.enable_cleaning('mc.customers', 'flag');
SELECT customer_clean.dedupe('mc.customers') ->> 'clusters' AS clusters;
SELECT round(customer_clean.cluster_probability('mc.customers', array_agg(row_id))::numeric, 4) AS weakest_link
  FROM customer_clean.clusters WHERE tbl = 'mc.customers'::regclass GROUP BY cluster_id ORDER BY cluster_id LIMIT 1;
SELECT customer_clean.cluster_probability('mc.customers', ARRAY['1']) AS one_row;
-- update_match_keys is internal to merge and unmerge: a direct call is refused
SELECT customer_clean.update_match_keys('mc.customers', jsonb_build_array(to_jsonb(c)), jsonb_build_array(to_jsonb(c))) AS keys
  FROM mc.customers c WHERE id = 1;
CREATE TABLE mc.before AS SELECT c::text AS r FROM mc.customers c UNION ALL SELECT o::text FROM mc.orders o;
-- a steward said two rows of one cluster are different people: that cluster stays
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by, status)
SELECT 'mc.customers', min(row_id COLLATE "C"), max(row_id COLLATE "C"), 0.99, '{}', 'uncertain', 'dedupe', 'rejected'
  FROM customer_clean.clusters WHERE tbl = 'mc.customers'::regclass
 GROUP BY cluster_id ORDER BY cluster_id LIMIT 1;
CALL customer_clean.merge_clusters('mc.customers', 0.9) \gset
SELECT (:'summary'::jsonb) - 'seconds' AS summary;
-- what was merged: pure clusters of one true customer, every order kept
SELECT count(*) AS merges, sum(cardinality(duplicate_ids)) AS rows_merged FROM customer_clean.merges
 WHERE tbl = 'mc.customers'::regclass;
SELECT count(*) AS rows_left FROM mc.customers;
SELECT count(*) AS orders, count(*) FILTER (WHERE c.id IS NULL) AS dangling
  FROM mc.orders o LEFT JOIN mc.customers c ON c.id = o.customer_id;
SELECT count(*) AS merges_of_two_customers FROM customer_clean.merges m
 WHERE tbl = 'mc.customers'::regclass
   AND EXISTS (SELECT 1 FROM customer_clean.merge_history h WHERE h.merge_id = m.merge_id
                 AND h.row_data ->> 'true_entity_id' <> (m.survivor_before ->> 'true_entity_id'));
-- run again: nothing left above the threshold
CALL customer_clean.merge_clusters('mc.customers', 0.9) \gset
SELECT (:'summary'::jsonb) -> 'merged' AS merged_again;
SELECT customer_clean.unmerge(merge_id) FROM customer_clean.merges
 WHERE tbl = 'mc.customers'::regclass ORDER BY merge_id DESC \g /dev/null
SELECT (SELECT count(*) FROM (SELECT r FROM mc.before EXCEPT ALL
          (SELECT c::text FROM mc.customers c UNION ALL SELECT o::text FROM mc.orders o)) x) AS missing,
       (SELECT count(*) FROM ((SELECT c::text FROM mc.customers c UNION ALL SELECT o::text FROM mc.orders o)
          EXCEPT ALL SELECT r FROM mc.before) x) AS extra;
CALL customer_clean.merge_clusters('mc.customers', 1.5);

-- match_row never proposes a row a steward rejected for this one.
SELECT row_id_a AS rej_a, row_id_b AS rej_b FROM customer_clean.review_queue
 WHERE tbl = 'mc.customers'::regclass AND status = 'rejected' \gset
SELECT count(*) AS proposed FROM customer_clean.match_row('mc.customers',
  (SELECT to_jsonb(c) FROM mc.customers c WHERE id = :'rej_a'::int), 10, 0.0) WHERE row_id = :'rej_b';
SELECT count(*) AS proposed_without_id FROM customer_clean.match_row('mc.customers',
  (SELECT to_jsonb(c) - 'id' FROM mc.customers c WHERE id = :'rej_a'::int), 10, 0.0) WHERE row_id = :'rej_b';

-- Tables that refer to customers without a foreign key (on Citus: a
-- reference table, or a distributed table not co-located with the
-- customers, which may have none) are declared in the profile: merge
-- re-points their rows, unmerge puts them back.
CREATE SCHEMA mr;
CREATE TABLE mr.customers (id int PRIMARY KEY, full_name text, email text, since date);
CREATE TABLE mr.tickets (ticket_id int PRIMARY KEY, customer_id int, subject text, opened date);
CREATE TABLE mr.notes (customer_email text, note text);
CREATE TABLE mr.orders (order_id int PRIMARY KEY, customer_id int REFERENCES mr.customers);
INSERT INTO mr.customers VALUES (1, 'Li Na', 'ln@example.com', '2020-01-01'), (2, 'Li Na', 'lina@example.com', NULL);
INSERT INTO mr.tickets VALUES (1, 1, 'login', NULL), (2, 2, 'refund', NULL), (3, 2, 'address', NULL);
INSERT INTO mr.notes VALUES ('lina@example.com', 'calls after six'), ('ln@example.com', 'prefers e-mail');
INSERT INTO mr.orders VALUES (7, 2);
SELECT customer_clean.register('mr.customers', '{"id": "id", "name": "full_name", "email": "email"}',
  '{"references": [{"table": "mr.tickets", "columns": ["customer_id"]},
                   {"table": "mr.notes", "columns": ["customer_email"], "to": ["email"]}]}');
SELECT constraint_name, referencing, fk_columns, fk_types, ref_columns, pk_columns
  FROM customer_clean.referencing_keys('mr.customers');
SELECT customer_clean.merge('mr.customers', '1', ARRAY['2']) AS mr_merge \gset
SELECT * FROM mr.tickets ORDER BY ticket_id;
SELECT * FROM mr.notes ORDER BY note;
SELECT * FROM mr.orders;
SELECT jsonb_pretty(referencing) FROM customer_clean.merge_history WHERE merge_id = :mr_merge;
SELECT customer_clean.unmerge(:mr_merge);
SELECT * FROM mr.tickets ORDER BY ticket_id;
SELECT * FROM mr.notes ORDER BY note;
SELECT * FROM mr.orders;
-- What a reference declares is checked when it is declared.
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.nope", "columns": ["customer_id"]}]}');
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.tickets", "columns": ["cust_id"]}]}');
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.tickets", "columns": ["opened"]}]}');
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.orders", "columns": ["customer_id"]}]}');
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.tickets", "columns": ["customer_id"], "to": ["since"]}]}');
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.tickets", "columns": ["subject"], "to": ["since"]}]}') AS text_holds_a_date;
SELECT customer_clean.register('mr.customers', '{"id": "id"}', '{"references": [{"table": "mr.tickets"}]}');
