-- What must work the same before and after a dump and restore (issue 15):
-- run by tests/dump_restore.sh in database A after it was dumped, and in
-- database B restored from that dump; the two outputs are diffed.
-- Every step but 5 (CALL clean_table, which commits) is rolled back; both
-- databases start the probes from the same state (A is dumped first).
-- Left out as volatile (they hold the time of the probe run, not data):
-- changes.changed_at, clusters.assigned_at, review_queue.found_at and
-- .decided_at, merges.unmerged_at, the new snapshot's taken_at and since,
-- and the clean_table summary's started_at, finished_at and seconds;
-- train's and dedupe's timings. No OID is printed (regclass prints as the
-- table's name).
SET client_min_messages = warning;
\set SHOW_CONTEXT never

\echo == 1. match_row
\echo -- 张伟 as a new row (the issue: 2 candidates before, 0 after)
SELECT row_id, round(probability::numeric, 9) AS probability, round(match_weight::numeric, 6) AS match_weight
  FROM customer_clean.match_row('customers', '{"full_name": "Zhang Wei", "phone": "138-0013-8000", "birth_date": "1985-03-12"}');
SELECT row_id, round(probability::numeric, 9) AS probability, round(match_weight::numeric, 6) AS match_weight
  FROM customer_clean.match_row('customers', '{"id": 90001, "full_name": "张伟", "email": "zhangwei85@qq.com"}', 2);
\echo -- perturbed copies (no id, name and e-mail in other case, no national ID) of merge survivors,
\echo -- cluster members and rows alone
WITH probe AS (
  (SELECT survivor_id::int AS id, merged_via AS kind FROM customer_clean.merges
    WHERE tbl = 'customers'::regclass AND merged_via IN ('merge', 'approve') ORDER BY merge_id)
  UNION ALL
  (SELECT survivor_id::int, 'merge_clusters' FROM customer_clean.merges
    WHERE tbl = 'customers'::regclass AND merged_via = 'merge_clusters' ORDER BY merge_id LIMIT 3)
  UNION ALL
  (SELECT min(row_id::int), 'in a cluster' FROM customer_clean.clusters
    WHERE tbl = 'customers'::regclass GROUP BY cluster_id ORDER BY min(row_id::int) LIMIT 4)
  UNION ALL
  (SELECT c.id, 'alone' FROM customers c
    WHERE c.id IN (7, 123, 456, 789, 1001, 1500, 1999)
      AND NOT EXISTS (SELECT 1 FROM customer_clean.clusters k WHERE k.tbl = 'customers'::regclass AND k.row_id = c.id::text)))
SELECT p.kind, p.id, count(m.row_id) AS candidates,
       string_agg(m.row_id || ' ' || round(m.probability::numeric, 9), ', ' ORDER BY m.probability DESC, m.row_id) AS found
  FROM probe p
  JOIN customers c ON c.id = p.id
  LEFT JOIN LATERAL customer_clean.match_row('customers',
       to_jsonb(c) - 'id' - 'national_id' || jsonb_build_object('full_name', upper(c.full_name), 'email', upper(c.email))) m ON true
 GROUP BY p.kind, p.id ORDER BY p.kind, p.id;

\echo == 2. match_on_insert (rolled back)
BEGIN;
INSERT INTO customers (id, full_name, phone, email, country, birth_date) VALUES
  (90005, 'zhang wei', '138 0013 8000', 'zhangwei85@qq.com', 'CN', '1985-03-12'),
  (90006, '张丽', '13800138000', NULL, 'CN', '1987-06-01'),
  (90007, 'Nobody Atall', NULL, NULL, 'CN', NULL);
-- a copy of a row in a cluster
INSERT INTO customers (id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id)
SELECT 90009, upper(full_name), phone, email, address, country, postcode, birth_date, gender, national_id
  FROM customers WHERE id = (SELECT min(row_id::int) FROM customer_clean.clusters WHERE tbl = 'customers'::regclass);
-- a copy of the first merge's golden record, typed differently
INSERT INTO customers (id, full_name, phone, email, address, country, postcode, birth_date, gender)
SELECT 90008, lower(full_name), phone, upper(email), address, country, postcode, birth_date, gender
  FROM customers WHERE id = (SELECT survivor_id::int FROM customer_clean.merges ORDER BY merge_id LIMIT 1);
\echo -- clusters the new rows joined
SELECT c.row_id, c.cluster_id, c.assigned_by,
       (SELECT array_agg(o.row_id::int ORDER BY o.row_id::int) FROM customer_clean.clusters o
         WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id) AS members
  FROM customer_clean.clusters c WHERE c.tbl = 'customers'::regclass AND c.row_id::int BETWEEN 90005 AND 90009 ORDER BY 1;
\echo -- review pairs they made
SELECT pair_id, row_id_a, row_id_b, round(probability::numeric, 9) AS probability, reason, found_by, status
  FROM customer_clean.review_queue
 WHERE tbl = 'customers'::regclass AND (row_id_a::int BETWEEN 90005 AND 90009 OR row_id_b::int BETWEEN 90005 AND 90009)
 ORDER BY pair_id;
\echo -- their match keys
SELECT row_id, count(*) AS keys, md5(string_agg(key::text, ',' ORDER BY key)) AS keys_md5
  FROM customer_clean.match_keys WHERE tbl = 'customers'::regclass AND row_id::int BETWEEN 90005 AND 90009
 GROUP BY row_id ORDER BY 1;
\echo -- what cleaning recorded for them
SELECT change_id, row_id, operation, original, normalized FROM customer_clean.changes
 WHERE tbl = 'customers'::regclass AND row_id::int BETWEEN 90005 AND 90009 ORDER BY change_id;
ROLLBACK;

\echo == 3. unmerge of the first merge (rolled back)
SELECT merge_id AS unmerge_id, (ARRAY[survivor_id] || duplicate_ids)::text AS unmerge_ids
  FROM customer_clean.merges WHERE tbl = 'customers'::regclass AND merged_via = 'merge' ORDER BY merge_id LIMIT 1 \gset
SELECT :unmerge_id AS merge_id, :'unmerge_ids' AS rows;
BEGIN;
SELECT customer_clean.unmerge(:unmerge_id);
\echo -- the rows
SELECT * FROM customers WHERE id::text = ANY (:'unmerge_ids'::text[]) ORDER BY id;
\echo -- their orders
SELECT * FROM orders WHERE customer_id::text = ANY (:'unmerge_ids'::text[]) ORDER BY order_id;
\echo -- their clusters
SELECT row_id, cluster_id, assigned_by FROM customer_clean.clusters
 WHERE tbl = 'customers'::regclass AND row_id = ANY (:'unmerge_ids'::text[]) ORDER BY row_id;
\echo -- the merge and the review pairs of the rows
SELECT merge_id, unmerged_at IS NOT NULL AS undone, unmerged_by FROM customer_clean.merges WHERE merge_id = :unmerge_id;
SELECT pair_id, row_id_a, row_id_b, status, merge_id FROM customer_clean.review_queue
 WHERE tbl = 'customers'::regclass AND (row_id_a = ANY (:'unmerge_ids'::text[]) OR row_id_b = ANY (:'unmerge_ids'::text[]))
 ORDER BY pair_id;
\echo -- their match keys, and match_row finding each of them again
SELECT row_id, count(*) AS keys, md5(string_agg(key::text, ',' ORDER BY key)) AS keys_md5
  FROM customer_clean.match_keys WHERE tbl = 'customers'::regclass AND row_id = ANY (:'unmerge_ids'::text[])
 GROUP BY row_id ORDER BY 1;
SELECT d.id AS restored_row, count(m.row_id) AS candidates,
       string_agg(m.row_id || ' ' || round(m.probability::numeric, 9), ', ' ORDER BY m.probability DESC, m.row_id) AS found
  FROM unnest(:'unmerge_ids'::text[]) d(id)
  LEFT JOIN LATERAL customer_clean.match_row('customers', customer_clean.row_as_jsonb('customers', d.id) - 'id') m ON true
 GROUP BY d.id ORDER BY d.id;
ROLLBACK;

\echo == 4. quality_trend
SELECT tbl, snapshot_id, taken_at, dimension, column_name, round(value::numeric, 9) AS value, target, passed, failing_rows,
       round(change::numeric, 9) AS change, since
  FROM customer_clean.quality_trend ORDER BY snapshot_id, dimension, column_name NULLS FIRST;
SELECT snapshot_id, tbl, detected_at, dimension, column_name, round(value::numeric, 9) AS value, target
  FROM customer_clean.quality_breaches ORDER BY snapshot_id, dimension, column_name NULLS FIRST;
\echo -- a new snapshot (rolled back): its lines and their change since the last one
BEGIN;
SELECT customer_clean.snapshot_quality('customers') AS new_snapshot;
SELECT tbl, snapshot_id, dimension, column_name, round(value::numeric, 9) AS value, target, passed, failing_rows,
       round(change::numeric, 9) AS change
  FROM customer_clean.quality_trend
 WHERE snapshot_id = (SELECT max(snapshot_id) FROM customer_clean.quality_history)
 ORDER BY dimension, column_name NULLS FIRST;
ROLLBACK;
SELECT id, customer_clean.quality_score('customers', id::text) AS score
  FROM customers WHERE id IN (SELECT survivor_id::int FROM customer_clean.merges ORDER BY merge_id LIMIT 3) OR id IN (90001, 90004)
 ORDER BY id;

\echo == 5. clean_table over new raw rows (written past the triggers)
SET session_replication_role = replica;
INSERT INTO customers (id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id, updated_at) VALUES
  (95001, '  li   NA ', '138 1234 5678', ' LiNa@Example.COM ', '北京朝阳区建国路1号', '中国', '100020', '1990年1月2日', 'F', NULL, '2025-01-01'),
  (95002, 'JOHN  o''reilly', '(415) 555-0100', 'john@gmial.com', '12 main st', 'United States', '94105', '4/13/72', 'M', NULL, NULL),
  (95003, 'Ｗａｎｇ　Ｆａｎｇ', '12345', 'wf@', NULL, 'cn', NULL, '1985-02-30', NULL, '110105198503120018', NULL);
RESET session_replication_role;
CALL customer_clean.clean_table('customers', 1000) \gset
SELECT :'summary'::jsonb - 'started_at' - 'finished_at' - 'seconds' AS summary;
SELECT * FROM customers WHERE id >= 95000 ORDER BY id;
SELECT change_id, row_id, operation, original, normalized FROM customer_clean.changes
 WHERE tbl = 'customers'::regclass AND row_id::int >= 95000 ORDER BY change_id;
SELECT row_id, column_name, code, severity, message, original_value FROM customer_clean.issues
 WHERE tbl = 'customers'::regclass AND row_id::int >= 95000 ORDER BY row_id, column_name, code;

\echo == 6. train again with the same seed, and dedupe (rolled back)
BEGIN;
SELECT md5((m - 'training')::text) AS model_md5, m -> 'training' AS training
  FROM customer_clean.train('customers', '{"seed": 7, "random_pairs": 200000}') m;
SELECT d - 'seconds' - 'steps' AS summary FROM customer_clean.dedupe('customers') d;
SELECT sum(n) AS rows_in_clusters, count(*) AS clusters,
       md5(string_agg(members, ';' ORDER BY members)) AS clusters_md5
  FROM (SELECT cluster_id, count(*) AS n, string_agg(row_id, ',' ORDER BY row_id) AS members
          FROM customer_clean.clusters WHERE tbl = 'customers'::regclass GROUP BY cluster_id) c;
SELECT count(*) AS match_keys, md5(string_agg(key || ' ' || row_id, ',' ORDER BY key, row_id)) AS keys_md5
  FROM customer_clean.match_keys WHERE tbl = 'customers'::regclass;
ROLLBACK;
