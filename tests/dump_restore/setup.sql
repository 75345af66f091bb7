-- Database A of tests/dump_restore.sh (issue 15): 2,000 generated customers
-- (tests/regress/data/customers_2000.sql) plus 张伟 written three ways and
-- his wife, with orders referring to them; cleaned, trained (fixed seed),
-- deduped, merged (merge, approve, merge_clusters), with match_on_insert on
-- and two quality snapshots with a data change between.
-- Run from the repository root (the data file \copy's a relative path).
SET client_min_messages = warning;
\i tests/regress/data/customers_2000.sql
INSERT INTO customers (id, true_entity_id, household_id, full_name, phone, email, address, country, birth_date, gender, national_id) VALUES
  (90001, 90001, 90001, '张伟', '13800138000', 'zhangwei85@qq.com', '北京市朝阳区建国路88号1栋101室', 'CN', '1985-03-12', '男', '110105198503120017'),
  (90002, 90001, 90001, 'ZHANG, Wei', '+86 138 0013 8000', NULL, '北京朝阳区建国路88号1栋101', '中国', '1985年3月12日', 'M', NULL),
  (90003, 90001, 90001, 'Wei Zhang', NULL, 'zhangwei85@qq.com', NULL, 'CN', '12/03/1985', NULL, '110105198503120017'),
  (90004, 90004, 90001, '张丽', '13800138000', 'zhangli@163.com', '北京市朝阳区建国路88号1栋101室', 'CN', '1987-06-01', '女', '110105198706010028');
-- Orders: one or two per customer, so that merges re-point references.
CREATE TABLE orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric);
CREATE INDEX ON orders (customer_id);
INSERT INTO orders (customer_id, total) SELECT id, id % 97 FROM customers ORDER BY id;
INSERT INTO orders (customer_id, total) SELECT id, id % 13 FROM customers WHERE id % 3 = 0 ORDER BY id;

-- Cleaning on write (flag), then the rows already there.
SELECT customer_clean.enable_cleaning('customers', 'flag');
CALL customer_clean.clean_table('customers', 500) \gset
SELECT customer_clean.train('customers', '{"seed": 7, "random_pairs": 200000}') IS NOT NULL AS trained;
SELECT customer_clean.dedupe('customers') IS NOT NULL AS deduped;
SELECT customer_clean.enable_cleaning('customers', 'flag', match_on_insert => true);

-- Merges, three ways. 张伟's cluster (90001-90003) is kept out of them
-- (a steward's rejection makes merge_clusters skip it) so that match_row
-- has several candidates for him.
-- 1. merge() of the two clusters with the lowest ids (not 张伟's)
SELECT customer_clean.merge('customers', customer_clean.choose_survivor('customers', ids),
                            array_remove(ids, customer_clean.choose_survivor('customers', ids))) AS merge_id
  FROM (SELECT cluster_id, array_agg(row_id ORDER BY row_id::int) ids FROM customer_clean.clusters
         WHERE tbl = 'customers'::regclass GROUP BY cluster_id HAVING min(row_id::int) < 90000
         ORDER BY min(row_id::int) LIMIT 2) c;
-- 2. a steward approves the most probable pending review pair (merges it)
SELECT customer_clean.approve(pair_id) AS approved_merge
  FROM customer_clean.review_queue WHERE tbl = 'customers'::regclass AND status = 'pending'
   AND row_id_a::int < 90000 AND row_id_b::int < 90000
 ORDER BY probability DESC, pair_id LIMIT 1;
-- ... and rejects one pair of 张伟's cluster, then merge_clusters folds
-- every other sure cluster with a high threshold.
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by, status, decided_by, decided_at)
VALUES ('customers', '90002', '90003', 1, '{}', 'steward', 'dedupe', 'rejected', 'postgres', '2025-01-01 00:00+00')
ON CONFLICT (tbl, row_id_a, row_id_b) DO UPDATE SET status = 'rejected';
CALL customer_clean.merge_clusters('customers', 0.999999) \gset

-- Quality: a snapshot, a change (some e-mails lost, through the cleaning
-- trigger), another snapshot.
SELECT customer_clean.snapshot_quality('customers') AS first_snapshot;
UPDATE customers SET email = NULL WHERE id % 40 = 0;
UPDATE customers SET phone = '12345' WHERE id % 97 = 1;
SELECT customer_clean.snapshot_quality('customers') AS second_snapshot;
