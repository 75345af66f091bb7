-- Incremental dedupe (issue 18): dedupe(tbl, incremental => true) keeps a
-- state and, on the next call, works on the rows that changed. Each
-- incremental outcome is compared with a full run over the same rows:
-- clusters (as sets of rows), pending review pairs and match keys.
SET client_min_messages = warning;
CREATE SCHEMA inc;
SET search_path = inc;
\i tests/regress/data/customers_2000.sql
RESET search_path;
SELECT m -> 'training' ->> 'rows' AS trained_on FROM customer_clean.train('inc.customers', '{"seed": 7, "random_pairs": 200000}') m;

-- The outcome of the last run, as sets that do not depend on cluster ids.
CREATE FUNCTION inc.outcome() RETURNS TABLE (what text, item text)
LANGUAGE sql AS $$
    SELECT 'cluster', string_agg(row_id, ',' ORDER BY row_id)
      FROM customer_clean.clusters WHERE tbl = 'inc.customers'::regclass GROUP BY cluster_id
    UNION ALL
    SELECT 'review', concat_ws(' ', row_id_a, row_id_b, round(probability::numeric, 12), reason, explanation::text)
      FROM customer_clean.review_queue WHERE tbl = 'inc.customers'::regclass AND status = 'pending'
    UNION ALL
    SELECT 'key', concat_ws(' ', key, row_id) FROM customer_clean.match_keys WHERE tbl = 'inc.customers'::regclass
$$;
CREATE TABLE inc.incremental (what text, item text);
CREATE TABLE inc.full (what text, item text);
-- How an incremental outcome (saved in inc.incremental) differs from a
-- full run's (inc.full), by kind: rows only in one of them.
CREATE FUNCTION inc.differences() RETURNS TABLE (what text, only_incremental bigint, only_full bigint)
LANGUAGE sql AS $$
    SELECT w.what,
           (SELECT count(*) FROM (SELECT item FROM inc.incremental i WHERE i.what = w.what
                                   EXCEPT ALL SELECT item FROM inc.full f WHERE f.what = w.what) x),
           (SELECT count(*) FROM (SELECT item FROM inc.full f WHERE f.what = w.what
                                   EXCEPT ALL SELECT item FROM inc.incremental i WHERE i.what = w.what) x)
      FROM (VALUES ('cluster'), ('review'), ('key')) AS w(what) ORDER BY 1
$$;

-- The first incremental run is a full one, and keeps the state.
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why, d ->> 'rows' AS rows,
       d ->> 'clusters' AS clusters
  FROM customer_clean.dedupe('inc.customers', incremental => true) d;
SELECT (SELECT count(*) FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass) AS state_rows,
       (SELECT count(*) FROM customer_clean.dedupe_pairs WHERE tbl = 'inc.customers'::regclass) AS state_pairs,
       (SELECT row_count FROM customer_clean.dedupe_state WHERE tbl = 'inc.customers'::regclass) AS row_count;

-- Nothing changed: nothing to do.
SELECT d - 'seconds' - 'steps' AS summary FROM customer_clean.dedupe('inc.customers', incremental => true) d;

-- Contact details change (the row count and the names do not): the
-- outcome is exactly a full run's, probabilities to 12 decimals included.
CREATE TABLE inc.clusters_before AS
  SELECT row_id, cluster_id FROM customer_clean.clusters WHERE tbl = 'inc.customers'::regclass;
UPDATE inc.customers SET phone = NULL WHERE id % 97 = 0;
UPDATE inc.customers SET email = 'x' || email WHERE id % 89 = 0;
UPDATE inc.customers SET birth_date = NULL WHERE id % 83 = 0;
UPDATE inc.customers SET phone = (SELECT phone FROM inc.customers WHERE id = 1) WHERE id IN (2, 3);
SELECT d - 'seconds' - 'steps' AS summary FROM customer_clean.dedupe('inc.customers', incremental => true) d;
-- Clusters no change touched keep their ids.
SELECT count(*) FILTER (WHERE b.cluster_id = c.cluster_id) AS same_id,
       count(*) FILTER (WHERE b.cluster_id <> c.cluster_id) AS new_id,
       count(*) FILTER (WHERE c.cluster_id IS NULL) AS no_longer_clustered
  FROM inc.clusters_before b
  LEFT JOIN customer_clean.clusters c ON c.tbl = 'inc.customers'::regclass AND c.row_id = b.row_id;
INSERT INTO inc.incremental SELECT * FROM inc.outcome();
CREATE TABLE inc.state_incremental AS
  SELECT 'row' AS what, concat_ws(' ', row_id, fingerprint, recheck_on, strong_keys, weak_keys, names) AS item
    FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass
  UNION ALL
  SELECT 'pair', concat_ws(' ', row_id_a, row_id_b, probability) FROM customer_clean.dedupe_pairs WHERE tbl = 'inc.customers'::regclass;
-- A full run, without the state (it forgets it), then one that makes it.
SELECT d ->> 'incremental' AS incremental FROM customer_clean.dedupe('inc.customers') d;
SELECT count(*) AS state_rows_left FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass;
INSERT INTO inc.full SELECT * FROM inc.outcome();
SELECT * FROM inc.differences();
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why
  FROM customer_clean.dedupe('inc.customers', incremental => true) d;
-- The state it left is the one the incremental run left.
SELECT count(*) AS state_differences FROM (
  (SELECT * FROM inc.state_incremental
   EXCEPT ALL
   SELECT 'row', concat_ws(' ', row_id, fingerprint, recheck_on, strong_keys, weak_keys, names)
     FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass
   EXCEPT ALL
   SELECT 'pair', concat_ws(' ', row_id_a, row_id_b, probability) FROM customer_clean.dedupe_pairs WHERE tbl = 'inc.customers'::regclass)
  UNION ALL
  (SELECT 'row', concat_ws(' ', row_id, fingerprint, recheck_on, strong_keys, weak_keys, names)
     FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass
   UNION ALL
   SELECT 'pair', concat_ws(' ', row_id_a, row_id_b, probability) FROM customer_clean.dedupe_pairs WHERE tbl = 'inc.customers'::regclass
   EXCEPT ALL
   SELECT * FROM inc.state_incremental)) d;

-- New rows (copies of customers with a typo), deleted rows and renamed
-- ones: the row count and name counts move, so pairs of unchanged rows in
-- components no change touched keep their old probability (the full run
-- rescores them); clusters, review pairs and keys are the same.
INSERT INTO inc.customers (id, true_entity_id, household_id, full_name, phone, email, address, country, postcode,
                           birth_date, gender, national_id, source_system, updated_at)
SELECT id + 100000, true_entity_id, household_id, full_name || 'x', phone, email, address, country, postcode,
       birth_date, gender, national_id, source_system, updated_at
  FROM inc.customers WHERE id % 50 = 1;
DELETE FROM inc.customers WHERE id % 61 = 0;
UPDATE inc.customers SET full_name = upper(full_name) WHERE id % 73 = 0;
SELECT d - 'seconds' - 'steps' AS summary FROM customer_clean.dedupe('inc.customers', incremental => true) d;
TRUNCATE inc.incremental, inc.full;
INSERT INTO inc.incremental SELECT * FROM inc.outcome();
SELECT d ->> 'incremental' AS incremental FROM customer_clean.dedupe('inc.customers') d;
INSERT INTO inc.full SELECT * FROM inc.outcome();
SELECT * FROM inc.differences();
-- The review pairs differ by their probability only, and by little.
SELECT count(*) AS review_pairs_with_other_probability,
       round(max(abs(split_part(i.item, ' ', 3)::numeric - split_part(f.item, ' ', 3)::numeric)), 6) AS largest_difference
  FROM inc.incremental i JOIN inc.full f
    ON i.what = 'review' AND f.what = 'review' AND split_part(i.item, ' ', 1) = split_part(f.item, ' ', 1)
   AND split_part(i.item, ' ', 2) = split_part(f.item, ' ', 2) AND i.item <> f.item;

-- A steward's rejection since the last run splits the cluster, as in a
-- full run.
SELECT d ->> 'incremental' AS incremental FROM customer_clean.dedupe('inc.customers', incremental => true) d;
SELECT row_id AS a, (SELECT min(o.row_id) FROM customer_clean.clusters o
                      WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id AND o.row_id > c.row_id) AS b
  FROM customer_clean.clusters c
 WHERE c.tbl = 'inc.customers'::regclass
   AND (SELECT count(*) FROM customer_clean.clusters o WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id) = 2
 ORDER BY row_id COLLATE "C" LIMIT 1 \gset
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by,
                                         status, decided_at, decided_by)
VALUES ('inc.customers', :'a', :'b', 0.99, '{}', 'uncertain', 'dedupe', 'rejected', now(), current_user)
ON CONFLICT (tbl, row_id_a, row_id_b) DO UPDATE SET status = 'rejected', decided_at = now();
SELECT d - 'seconds' - 'steps' AS summary FROM customer_clean.dedupe('inc.customers', incremental => true) d;
SELECT count(*) AS clusters_holding_both FROM customer_clean.clusters x JOIN customer_clean.clusters y USING (tbl, cluster_id)
 WHERE x.tbl = 'inc.customers'::regclass AND x.row_id = :'a' AND y.row_id = :'b';
TRUNCATE inc.incremental, inc.full;
INSERT INTO inc.incremental SELECT * FROM inc.outcome();
SELECT d ->> 'incremental' AS incremental FROM customer_clean.dedupe('inc.customers') d;
INSERT INTO inc.full SELECT * FROM inc.outcome();
SELECT * FROM inc.differences();

-- What makes the stored state unusable makes a full run, and says why.
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why
  FROM customer_clean.dedupe('inc.customers', incremental => true) d;
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why
  FROM customer_clean.dedupe('inc.customers', incremental => true, min_probability => 0.95) d;
SELECT count(*) > 0 AS retrained FROM customer_clean.train('inc.customers', '{"seed": 8, "random_pairs": 200000}');
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why
  FROM customer_clean.dedupe('inc.customers', incremental => true, min_probability => 0.95) d;
UPDATE inc.customers SET email = NULL WHERE id % 3 = 0;
SELECT d ->> 'incremental' AS incremental, d ->> 'full_run_because' AS why
  FROM customer_clean.dedupe('inc.customers', incremental => true, min_probability => 0.95) d;

-- A row whose birth date lies in the future is read again once that day
-- has come (until then it reads as a century earlier).
UPDATE customer_clean.dedupe_rows SET recheck_on = current_date - 1
 WHERE tbl = 'inc.customers'::regclass AND row_id = '5';
SELECT d ->> 'changed_rows' AS changed_rows FROM customer_clean.dedupe('inc.customers', incremental => true, min_probability => 0.95) d;

-- Only the extension's owner reads the state (hashes of personal values);
-- forget() and unregister() remove it.
CREATE ROLE inc_reader;
GRANT USAGE ON SCHEMA inc TO inc_reader;
GRANT SELECT ON inc.customers TO inc_reader;
SET ROLE inc_reader;
SELECT count(*) FROM customer_clean.dedupe_rows;
SELECT count(*) FROM customer_clean.dedupe_pairs;
SELECT customer_clean.dedupe('inc.customers', incremental => true);
RESET ROLE;
SELECT f -> 'dedupe_rows' AS dedupe_rows, (f ->> 'dedupe_pairs')::int > 0 AS had_pairs
  FROM customer_clean.forget('inc.customers', (SELECT min(p.row_id_a) FROM customer_clean.dedupe_pairs p WHERE p.tbl = 'inc.customers'::regclass)) f;
SELECT customer_clean.unregister('inc.customers');
SELECT (SELECT count(*) FROM customer_clean.dedupe_rows WHERE tbl = 'inc.customers'::regclass) AS rows,
       (SELECT count(*) FROM customer_clean.dedupe_pairs WHERE tbl = 'inc.customers'::regclass) AS pairs,
       (SELECT count(*) FROM customer_clean.dedupe_state WHERE tbl = 'inc.customers'::regclass) AS state;
DROP SCHEMA inc CASCADE;
DROP ROLE inc_reader;
