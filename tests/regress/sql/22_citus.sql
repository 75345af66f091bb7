-- Citus support without Citus (issue 19; the cluster itself is tested by
-- tests/citus/run.sh): gather() reads this node's catalog rows, the
-- helpers of merge on Citus answer as on one node, and the copy table of
-- the profiles stays empty.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
CREATE SCHEMA cz;
CREATE TABLE cz.customers (id int PRIMARY KEY, full_name text, phone text, email text);
CREATE TABLE cz.orders (customer_id int NOT NULL REFERENCES cz.customers, order_no int, PRIMARY KEY (customer_id, order_no));
SELECT customer_clean.register('cz.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('cz.customers', 'flag');
INSERT INTO cz.customers VALUES (1, 'zhang wei', '138 1234 5678', 'zw@example'), (2, 'li na', '12345', 'ln@example.com');
INSERT INTO cz.orders VALUES (2, 1), (2, 2);

-- gather(catalog row type, table): the table's rows of that catalog table
-- from every node; here, this node's.
SELECT row_id, column_name, code FROM customer_clean.gather(NULL::customer_clean.issues, 'cz.customers') ORDER BY row_id, column_name;
SELECT row_id, original->>'full_name' AS name_as_written FROM customer_clean.gather(NULL::customer_clean.changes, 'cz.customers') ORDER BY row_id;
SELECT count(*) FROM customer_clean.gather(NULL::customer_clean.quarantine, 'cz.customers');
-- Any catalog table with a tbl column; other row types are refused.
SELECT count(*) FROM customer_clean.gather(NULL::customer_clean.clusters, 'cz.customers');
SELECT * FROM customer_clean.gather(NULL::cz.orders, 'cz.customers');
SELECT * FROM customer_clean.gather(1, 'cz.customers');
SELECT count(*) FROM customer_clean.gather(NULL::customer_clean.issues, NULL);
-- Only readers of the table.
CREATE ROLE cc_cz_stranger;
GRANT USAGE ON SCHEMA cz TO cc_cz_stranger;
SET ROLE cc_cz_stranger;
SELECT count(*) FROM customer_clean.gather(NULL::customer_clean.issues, 'cz.customers');
SELECT customer_clean.erase_journal_here('cz.customers', ARRAY['1'], NULL);
RESET ROLE;
DROP OWNED BY cc_cz_stranger;
DROP ROLE cc_cz_stranger;

-- The helpers of merge on Citus.
SELECT customer_clean.moves_between_shards('cz.orders', ARRAY['customer_id']);
SELECT id, refs FROM customer_clean.reference_values('cz.customers', ARRAY['id'], ARRAY['2', '1', '3']) ORDER BY id;
-- Moving rows is part of merge and unmerge only.
SELECT customer_clean.move_referencing_rows('cz.customers', 'cz.orders', ARRAY['customer_id'], ARRAY['integer'],
  ARRAY['customer_id', 'order_no'], ARRAY['integer', 'integer'], '{"ref_1": 2}', '{"ref_1": 1}');
SELECT customer_id, order_no FROM cz.orders ORDER BY 1, 2;
-- quality_report's partial counts (summed on the workers of a Citus
-- table): the row's profiled columns in profile order, or refused.
SELECT length(customer_clean.quality_tally('cz.customers'::regclass, ARRAY[id::text, full_name, phone, email])) AS tally_bytes FROM cz.customers;
SELECT customer_clean.quality_tally('cz.customers'::regclass, ARRAY['1', 'x']) FROM cz.customers;
SELECT customer_clean.quality_tally_combine('\x00', '\x00');
SELECT customer_clean.quality_tally_step('\x01', 'cz.customers', ARRAY['1', 'a', 'b', 'c']);

-- train's sample, decided in SQL where the rows are: the same rows for
-- the same seed, about threshold / 2^64 of them (2^62: a quarter).
SELECT count(*) FILTER (WHERE customer_clean.in_sample(i::text, 42, 4611686018427387904)) AS kept FROM generate_series(1, 10000) i;
SELECT customer_clean.in_sample('7', 42, 0) AS none, customer_clean.in_sample('7', 42, -1) AS all_but_a_few;

-- forget and purge_journal erase the journal a Citus worker keeps through
-- erase_journal_here, run on every node; here it erases this node's.
SELECT customer_clean.erase_journal_here('cz.customers', ARRAY['1'], NULL);
SELECT customer_clean.erase_journal_here('cz.customers', NULL, '1 year');
SELECT customer_clean.erase_journal_here('cz.no_such_table', ARRAY['1'], NULL);
SELECT row_id, column_name FROM customer_clean.issues WHERE tbl = 'cz.customers'::regclass ORDER BY 1, 2;

-- dedupe on a Citus table: each row becomes entries by key on the workers
-- (match_entries: kind 1 strong, 2 weak, 4 lookup, 8 name hash), and each
-- key's block is scored where its entries are (score_block). Both answer
-- on one node too; the table's owner only.
INSERT INTO cz.customers VALUES (3, 'Zhang Wei', '+86 138 1234 5678', 'zw@example'), (4, 'wang fang', '13900001111', 'wf@example.com');
SELECT customer_clean.train('cz.customers', '{"seed": 1}') IS NOT NULL AS trained;
SELECT kind, count(*) AS entries, bool_and(record IS NOT NULL) AS with_record FROM customer_clean.match_entries(1, 'cz.customers', ARRAY['zhang wei', '+8613812345678', 'zw@example.com']) GROUP BY kind ORDER BY kind;
SELECT * FROM customer_clean.match_entries(1, 'cz.customers', ARRAY['zhang wei']);
CREATE TEMP TABLE cz_block AS
  SELECT e.key, array_agg(c.id::text ORDER BY c.id) AS ids, array_agg(e.record ORDER BY c.id) AS records
    FROM cz.customers c, customer_clean.match_entries(2, 'cz.customers', ARRAY[c.full_name, c.phone, c.email]) e
   WHERE e.kind & 3 <> 0 GROUP BY e.key HAVING count(*) > 1 ORDER BY e.key LIMIT 1;
SELECT s.row_id_a, s.row_id_b, round(s.probability::numeric, 6) AS probability FROM cz_block b, customer_clean.score_block(2, 'cz.customers', (SELECT model::text FROM customer_clean.models WHERE tbl = 'cz.customers'::regclass), 4, '', '', 0, b.key, b.ids, b.records) s;
SELECT * FROM customer_clean.score_block(3, 'cz.customers', '{}', 4, '', '', 0.5, 1, ARRAY['1'], ARRAY['\x00'::bytea]);
SELECT * FROM customer_clean.score_block(4, 'cz.customers', (SELECT model::text FROM customer_clean.models WHERE tbl = 'cz.customers'::regclass), 4, '', '', 0.5, 1, ARRAY['1'], ARRAY['\x00'::bytea]);
CREATE ROLE cc_cz_reader;
GRANT USAGE ON SCHEMA cz TO cc_cz_reader;
GRANT SELECT ON cz.customers TO cc_cz_reader;
SET ROLE cc_cz_reader;
SELECT * FROM customer_clean.match_entries(5, 'cz.customers', ARRAY['zhang wei', NULL, NULL]);
SELECT customer_clean.match_pending('cz.customers');
RESET ROLE;
DROP OWNED BY cc_cz_reader;
DROP ROLE cc_cz_reader;
-- match_on_insert on a Citus table queues new rows where they are written
-- (queue_for_matching, a row trigger on the shards), and match_pending
-- matches them from the coordinator. On one node match_on_insert matches
-- in the inserting statement, so nothing is pending.
SELECT customer_clean.match_pending('cz.customers');
SELECT customer_clean.match_pending('cz.customers', max_rows => 0);
SELECT customer_clean.match_pending('cz.customers', 0.5, 0.9);
-- The trigger needs a table whose queue has a shard on this node.
CREATE TRIGGER cz_queue AFTER INSERT ON cz.customers FOR EACH ROW EXECUTE FUNCTION customer_clean.queue_for_matching();
INSERT INTO cz.customers (id, full_name) VALUES (5, 'chen jie');
DROP TRIGGER cz_queue ON cz.customers;
CREATE TRIGGER cz_queue BEFORE INSERT ON cz.customers FOR EACH ROW EXECUTE FUNCTION customer_clean.queue_for_matching();
INSERT INTO cz.customers (id, full_name) VALUES (5, 'chen jie');
DROP TRIGGER cz_queue ON cz.customers;
-- The entries stay empty without Citus.
SELECT count(*) AS entries FROM customer_clean.distributed_match_keys;

-- Without Citus nothing is copied for shards.
SELECT count(*) FROM customer_clean.distributed_profiles;
