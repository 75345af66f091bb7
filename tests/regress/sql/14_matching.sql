-- Matching (docs/functions.md, "Matching"): train a model on a table, explain a pair, dedupe into
-- clusters and a review queue, find duplicates, match a new row. The data is
-- 2,000 generated customers with ground truth (bench/gen_customers.py
-- --rows 2000 --seed 7) plus a few hand-made rows.
SET client_min_messages = warning;
CREATE SCHEMA mt;
SET search_path = mt;
\i tests/regress/data/customers_2000.sql
RESET search_path;
-- 张伟 three times, as typed in three systems; his wife 张丽 shares his phone
-- and address but is another person.
INSERT INTO mt.customers (id, true_entity_id, household_id, full_name, phone, email, address, country, birth_date, gender, national_id) VALUES
  (90001, 90001, 90001, '张伟', '13800138000', 'zhangwei85@qq.com', '北京市朝阳区建国路88号1栋101室', 'CN', '1985-03-12', '男', '110105198503120017'),
  (90002, 90001, 90001, 'ZHANG, Wei', '+86 138 0013 8000', NULL, '北京朝阳区建国路88号1栋101', '中国', '1985年3月12日', 'M', NULL),
  (90003, 90001, 90001, 'Wei Zhang', NULL, 'zhangwei85@qq.com', NULL, 'CN', '12/03/1985', NULL, '110105198503120017'),
  (90004, 90004, 90001, '张丽', '13800138000', 'zhangli@163.com', '北京市朝阳区建国路88号1栋101室', 'CN', '1987-06-01', '女', '110105198706010028');
CALL customer_clean.clean_table('mt.customers', 1000) \gset
SELECT :'summary'::jsonb -> 'rows_done' AS cleaned;

-- Nothing to match with before train.
SELECT customer_clean.match_probability('mt.customers', '90001', '90002');

-- train: u from random pairs, m by EM over blocked pairs; repeatable with a seed.
SELECT m -> 'training' AS training, round((m ->> 'prior')::numeric, 8) AS prior
  FROM customer_clean.train('mt.customers', '{"seed": 7, "random_pairs": 200000}') m;
SELECT f ->> 'field' AS field, l ->> 'level' AS level, round((l ->> 'm')::numeric, 4) AS m,
       round((l ->> 'u')::numeric, 6) AS u, round((l ->> 'weight')::numeric, 2) AS weight
  FROM customer_clean.models, jsonb_array_elements(model -> 'fields') f, jsonb_array_elements(f -> 'levels') l
 WHERE tbl = 'mt.customers'::regclass;
SELECT (SELECT model FROM customer_clean.models WHERE tbl = 'mt.customers'::regclass)
     = customer_clean.train('mt.customers', '{"seed": 7, "random_pairs": 200000}') AS same_seed_same_model;
SELECT trained_by, options FROM customer_clean.models WHERE tbl = 'mt.customers'::regclass;

-- One person in three scripts and orders; the household member is not him.
SELECT round(customer_clean.match_probability('mt.customers', '90001', '90002')::numeric, 6) AS same_person;
SELECT round(customer_clean.match_probability('mt.customers', '90002', '90003')::numeric, 6) AS same_person_no_phone;
SELECT round(customer_clean.match_probability('mt.customers', '90001', '90004')::numeric, 6) AS household;
SELECT e ->> 'field' AS field, e ->> 'level' AS level, round((e ->> 'weight')::numeric, 2) AS weight
  FROM jsonb_array_elements(customer_clean.explain_match('mt.customers', '90001', '90004') -> 'fields') e;
SELECT jsonb_typeof(customer_clean.explain_match('mt.customers', '90001', '90002') -> 'fields') AS fields,
       round((customer_clean.explain_match('mt.customers', '90001', '90002') ->> 'probability')::numeric, 6) AS probability;

-- dedupe: clusters, review queue, match keys.
SELECT d - 'seconds' - 'steps' - 'temp_file_bytes' AS summary FROM customer_clean.dedupe('mt.customers') d;
SELECT array_agg(row_id::int ORDER BY row_id::int) AS cluster
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass AND row_id::int >= 90000 GROUP BY cluster_id;
SELECT count(*) AS rows_in_clusters, count(DISTINCT cluster_id) AS clusters
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass;
-- Pairwise precision, recall and F1 against the ground truth.
WITH c AS (SELECT t.id, t.true_entity_id AS entity, coalesce(k.cluster_id, -t.id) AS cluster
             FROM mt.customers t
             LEFT JOIN customer_clean.clusters k ON k.tbl = 'mt.customers'::regclass AND k.row_id = t.id::text),
     p AS (SELECT count(*) FILTER (WHERE a.cluster = b.cluster AND a.entity = b.entity) AS tp,
                  count(*) FILTER (WHERE a.cluster = b.cluster) AS predicted,
                  count(*) FILTER (WHERE a.entity = b.entity) AS truth
             FROM c a JOIN c b ON a.id < b.id AND (a.cluster = b.cluster OR a.entity = b.entity))
SELECT tp, predicted, truth, round(tp::numeric / predicted, 4) AS precision, round(tp::numeric / truth, 4) AS recall,
       round(2.0 * tp / (predicted + truth), 4) AS f1 FROM p;
SELECT reason, status, found_by, count(*) FROM customer_clean.review_queue
 WHERE tbl = 'mt.customers'::regclass GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT count(*) AS rows_with_keys, min(n) AS fewest_keys, max(n) AS most_keys
  FROM (SELECT row_id, count(*) AS n FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass GROUP BY row_id) k;
-- dedupe keeps prepared records, keys and pairs in a temporary file, not
-- in memory; with less memory it spills more and finds the same: the same
-- summary, clusters, review pairs (with their explanations) and match keys.
CREATE TEMP VIEW found AS
SELECT 'cluster' AS what, row_id AS a, (min(row_id::int) OVER (PARTITION BY cluster_id))::text AS b, NULL::jsonb AS detail
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass
UNION ALL
SELECT 'review', row_id_a, row_id_b, jsonb_build_object('p', probability, 'why', reason, 'explanation', explanation)
  FROM customer_clean.review_queue WHERE tbl = 'mt.customers'::regclass AND status = 'pending'
UNION ALL
SELECT 'key', key::text, row_id, NULL FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass;
CREATE TEMP TABLE found_before AS TABLE found;
SET customer_clean.batch_memory = '24MB';
SELECT d - 'seconds' - 'steps' - 'temp_file_bytes' AS summary, (d ->> 'temp_file_bytes')::bigint > 100000 AS spilled
  FROM customer_clean.dedupe('mt.customers') d;
RESET customer_clean.batch_memory;
SELECT what, count(*) FILTER (WHERE side = 'before') AS only_before, count(*) FILTER (WHERE side = 'after') AS only_after
  FROM ((SELECT 'before' AS side, * FROM (TABLE found_before EXCEPT ALL TABLE found) x)
        UNION ALL (SELECT 'after', * FROM (TABLE found EXCEPT ALL TABLE found_before) y)
        UNION ALL SELECT NULL, what, NULL, NULL, NULL FROM (VALUES ('cluster'), ('review'), ('key')) v(what)) d
 GROUP BY what ORDER BY what;
SELECT what, count(*) FROM found_before GROUP BY what ORDER BY what;
DROP VIEW found;
DROP TABLE found_before;

-- find_duplicates: the pairs themselves, most probable first.
SELECT count(*) AS pairs, min(probability) >= 0.99 AS all_above FROM customer_clean.find_duplicates('mt.customers', 0.99);
SELECT id_a, id_b, round(probability::numeric, 6) AS probability
  FROM customer_clean.find_duplicates('mt.customers') WHERE id_a::int >= 90000 OR id_b::int >= 90000;

-- A steward's "not the same customer" is respected by the next dedupe.
INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by, status)
VALUES ('mt.customers', '90001', '90002', 1, '{}', 'steward', 'dedupe', 'rejected')
ON CONFLICT (tbl, row_id_a, row_id_b) DO UPDATE SET status = 'rejected';
SELECT (customer_clean.dedupe('mt.customers') ->> 'clusters')::int AS clusters_after_reject;
SELECT array_agg(row_id::int ORDER BY row_id::int) AS cluster
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass AND row_id::int >= 90000 GROUP BY cluster_id;
SELECT row_id_a, row_id_b, status FROM customer_clean.review_queue
 WHERE tbl = 'mt.customers'::regclass AND row_id_a::int >= 90000 ORDER BY 1, 2;
DELETE FROM customer_clean.review_queue WHERE tbl = 'mt.customers'::regclass AND status = 'rejected';

-- match_row: candidates for a row not in the table, through the match keys.
SELECT row_id, round(probability::numeric, 6) AS probability
  FROM customer_clean.match_row('mt.customers', '{"full_name": "Zhang Wei", "phone": "138-0013-8000", "birth_date": "1985-03-12"}');
SELECT row_id, round(probability::numeric, 6) AS probability
  FROM customer_clean.match_row('mt.customers', '{"id": 90001, "full_name": "张伟", "email": "zhangwei85@qq.com"}', 2);
SELECT count(*) AS nobody FROM customer_clean.match_row('mt.customers', '{"full_name": "Nobody Atall"}');
-- A key more rows share than the model's max_block_size brings match_row
-- no candidates, as it pairs none in dedupe: a shop's phone typed for six
-- walk-in customers.
CREATE TABLE mt.shop (LIKE mt.customers INCLUDING ALL);
INSERT INTO mt.shop SELECT * FROM mt.customers WHERE id < 90000;
INSERT INTO mt.shop (id, full_name, phone, country)
SELECT 95000 + i, 'Walkin ' || (ARRAY['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'])[i], '13800009999', 'CN'
  FROM generate_series(1, 6) i;
SELECT customer_clean.register('mt.shop', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN"}') > 0 AS registered;
SELECT customer_clean.train('mt.shop', '{"seed": 7, "random_pairs": 200000, "max_block_size": 5}') ->> 'max_block_size' AS max_block_size;
SELECT customer_clean.dedupe('mt.shop') IS NOT NULL AS deduped;
SELECT count(*) AS rows_with_the_shop_phone FROM customer_clean.match_keys
 WHERE tbl = 'mt.shop'::regclass AND row_id::int >= 95000;
SELECT count(*) AS through_a_crowded_key
  FROM customer_clean.match_row('mt.shop', '{"full_name": "Walkin Charlie", "phone": "138 0000 9999"}', 10, 0);
-- with room for six, the same probe finds its row
SELECT customer_clean.train('mt.shop', '{"seed": 7, "random_pairs": 200000, "max_block_size": 6}') ->> 'max_block_size' AS max_block_size;
SELECT row_id FROM customer_clean.match_row('mt.shop', '{"full_name": "Walkin Charlie", "phone": "138 0000 9999"}', 1, 0);
SELECT customer_clean.unregister('mt.shop');
DROP TABLE mt.shop;

-- match_on_insert: each inserted row is matched in the same transaction.
SELECT customer_clean.enable_cleaning('mt.customers', 'flag', match_on_insert => true);
SELECT tgname FROM pg_trigger WHERE tgrelid = 'mt.customers'::regclass AND NOT tgisinternal ORDER BY 1;
INSERT INTO mt.customers (id, full_name, phone, email, country, birth_date) VALUES
  (90005, 'zhang wei', '138 0013 8000', 'zhangwei85@qq.com', 'CN', '1985-03-12'),
  (90006, '张丽', '13800138000', NULL, 'CN', '1987-06-01'),
  (90007, 'Nobody Atall', NULL, NULL, 'CN', NULL);
SELECT array_agg(row_id::int ORDER BY row_id::int) AS cluster, array_agg(DISTINCT assigned_by) AS assigned_by
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass AND row_id::int >= 90000 GROUP BY cluster_id ORDER BY 1;
SELECT row_id_a, row_id_b, round(probability::numeric, 6) AS probability, reason, found_by
  FROM customer_clean.review_queue WHERE tbl = 'mt.customers'::regclass AND found_by = 'match_on_insert' ORDER BY 1, 2;
SELECT row_id, count(*) AS keys FROM customer_clean.match_keys
 WHERE tbl = 'mt.customers'::regclass AND row_id::int >= 90005 GROUP BY row_id ORDER BY 1;
-- A rolled-back insert leaves nothing behind.
BEGIN;
INSERT INTO mt.customers (id, full_name, phone, country) VALUES (90008, 'Zhang Wei', '13800138000', 'CN');
ROLLBACK;
SELECT count(*) AS left_behind FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass AND row_id = '90008';
-- A new row joins a cluster only where a batch dedupe would let it: its
-- best match 90005 has no ID number, but 90001 and 90003 in 90005's
-- cluster have another one and a birth date 25 years off.
BEGIN;
INSERT INTO mt.customers (id, full_name, phone, email, country, birth_date, national_id) VALUES
  (90009, 'Zhang Wei', '13800138000', 'zhangwei85@qq.com', 'CN', '1960-01-01', '110105196001010013');
SELECT array_agg(row_id::int ORDER BY row_id::int) AS cluster
  FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass AND row_id::int >= 90000 GROUP BY cluster_id ORDER BY 1;
SELECT row_id_a, row_id_b, round(probability::numeric, 6) AS probability, reason
  FROM customer_clean.review_queue WHERE tbl = 'mt.customers'::regclass AND '90009' IN (row_id_a, row_id_b) ORDER BY 1, 2;
ROLLBACK;
SELECT customer_clean.disable_cleaning('mt.customers');
SELECT count(*) AS triggers_left FROM pg_trigger WHERE tgrelid = 'mt.customers'::regclass AND NOT tgisinternal;

-- Cancel: a statement_timeout stops train; the stored model stays as it was.
SELECT xmin::text AS model_version FROM customer_clean.models WHERE tbl = 'mt.customers'::regclass \gset
SET statement_timeout = '100ms';
SELECT customer_clean.train('mt.customers', '{"random_pairs": 5000000}');
RESET statement_timeout;
SELECT xmin::text = :'model_version' AS model_unchanged FROM customer_clean.models WHERE tbl = 'mt.customers'::regclass;

-- Memory: train, dedupe and find_duplicates hold the table in Rust memory
-- and stop with 53200 past customer_clean.batch_memory (default 4GB), the
-- model and clusters untouched. (The figures in the message depend on the
-- build, so they are masked here.)
SHOW customer_clean.batch_memory;
SET customer_clean.batch_memory = '1MB';
DO $$
DECLARE
    state text;
    message text;
    hint text;
BEGIN
    PERFORM customer_clean.dedupe('mt.customers');
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
    RAISE WARNING '% %', state, regexp_replace(message, '\d+MB', 'nMB', 'g');
    RAISE WARNING 'HINT: %', regexp_replace(hint, '\d+MB', 'nMB', 'g');
END
$$;
-- The temporary file of that dedupe went with its error; temp_file_limit
-- caps what dedupe writes (53400), and its file goes too. The clusters
-- are still those of the last dedupe.
RESET customer_clean.batch_memory;
SELECT count(*) AS temp_files_left FROM pg_ls_tmpdir();
SELECT count(*) AS clusters_before FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass \gset
SET temp_file_limit = '100kB';
-- (PostgreSQL 18 quotes the setting's name in the message: SQLSTATE only)
\set VERBOSITY sqlstate
SELECT customer_clean.dedupe('mt.customers');
\set VERBOSITY default
RESET temp_file_limit;
SELECT count(*) AS temp_files_left FROM pg_ls_tmpdir();
SELECT count(*) = :clusters_before AS clusters_unchanged FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass;
-- (the range's wording differs between PostgreSQL versions: SQLSTATE only)
\set VERBOSITY sqlstate
SET customer_clean.batch_memory = '100kB';
\set VERBOSITY default
RESET customer_clean.batch_memory;
SELECT xmin::text = :'model_version' AS model_unchanged FROM customer_clean.models WHERE tbl = 'mt.customers'::regclass;

-- dedupe stores match keys by difference: run again on an unchanged table
-- it writes none; after a change it writes only the keys that changed
-- (counted in pg_stat's transaction counters), and the stored keys are
-- exactly those a dedupe from nothing stores.
BEGIN;
SELECT d -> 'match_keys_inserted' AS inserted, d -> 'match_keys_deleted' AS deleted FROM customer_clean.dedupe('mt.customers') d;
UPDATE mt.customers SET phone = '13911112222', email = 'new.address@example.com' WHERE id = 90003;
DELETE FROM mt.customers WHERE id = 90004;
-- a row stored twice (as a restore of a dump taken mid-write could leave)
INSERT INTO customer_clean.match_keys SELECT tbl, key, row_id FROM customer_clean.match_keys
 WHERE tbl = 'mt.customers'::regclass AND row_id = '90001' LIMIT 1;
SELECT pg_stat_get_xact_tuples_inserted('customer_clean.match_keys'::regclass) AS inserted_before,
       pg_stat_get_xact_tuples_deleted('customer_clean.match_keys'::regclass) AS deleted_before \gset
SELECT d -> 'match_keys_inserted' AS inserted, d -> 'match_keys_deleted' AS deleted FROM customer_clean.dedupe('mt.customers') d;
SELECT pg_stat_get_xact_tuples_inserted('customer_clean.match_keys'::regclass) - :inserted_before AS rows_inserted,
       pg_stat_get_xact_tuples_deleted('customer_clean.match_keys'::regclass) - :deleted_before AS rows_deleted;
CREATE TEMP TABLE keys_by_difference AS SELECT key, row_id FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass;
DELETE FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass;
SELECT d -> 'match_keys_inserted' AS inserted, d -> 'match_keys_deleted' AS deleted FROM customer_clean.dedupe('mt.customers') d;
SELECT (SELECT count(*) FROM (SELECT key, row_id FROM keys_by_difference
                              EXCEPT ALL SELECT key, row_id FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass) x) AS only_by_difference,
       (SELECT count(*) FROM (SELECT key, row_id FROM customer_clean.match_keys WHERE tbl = 'mt.customers'::regclass
                              EXCEPT ALL SELECT key, row_id FROM keys_by_difference) x) AS only_from_nothing;
ROLLBACK;

-- dedupe keeps the id of every cluster whose rows did not change: run
-- again on an unchanged table it renumbers none; after a row leaves its
-- cluster only that cluster gets a new id, and the clusters (as sets of
-- rows) are those a dedupe from nothing makes. (The review queue's pair
-- ids the rolled-back runs drew are given back after, for 15_merge's
-- numbering.)
SELECT last_value AS pair_id_before FROM customer_clean.review_queue_pair_id_seq \gset
BEGIN;
SELECT customer_clean.dedupe('mt.customers') IS NOT NULL AS deduplicated;
CREATE TEMP TABLE ids_before AS
  SELECT row_id, cluster_id FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass;
SELECT d -> 'clusters_renumbered' AS renumbered FROM customer_clean.dedupe('mt.customers') d;
SELECT count(*) AS ids_changed
  FROM ids_before b FULL JOIN (SELECT row_id, cluster_id FROM customer_clean.clusters
                                WHERE tbl = 'mt.customers'::regclass) a USING (row_id)
 WHERE a.cluster_id IS DISTINCT FROM b.cluster_id;
SELECT array_agg(row_id ORDER BY row_id) AS cluster_of_8 FROM ids_before
 WHERE cluster_id = (SELECT cluster_id FROM ids_before WHERE row_id = '8');
UPDATE mt.customers SET full_name = 'Zebulon Quartermaine', phone = NULL, email = NULL, address = NULL,
       postcode = NULL, birth_date = NULL, national_id = NULL WHERE id = 8;
SELECT d -> 'clusters_renumbered' AS renumbered FROM customer_clean.dedupe('mt.customers') d;
-- the three rows left keep a cluster, under a new id; row 8 has none
SELECT b.row_id, a.cluster_id IS NOT NULL AS clustered, a.cluster_id IS DISTINCT FROM b.cluster_id AS new_id
  FROM ids_before b FULL JOIN (SELECT row_id, cluster_id FROM customer_clean.clusters
                                WHERE tbl = 'mt.customers'::regclass) a USING (row_id)
 WHERE a.cluster_id IS DISTINCT FROM b.cluster_id ORDER BY b.row_id::int;
CREATE TEMP TABLE sets_kept AS
  SELECT string_agg(row_id, ',' ORDER BY row_id) AS members FROM customer_clean.clusters
   WHERE tbl = 'mt.customers'::regclass GROUP BY cluster_id;
DELETE FROM customer_clean.clusters WHERE tbl = 'mt.customers'::regclass;
SELECT d -> 'clusters_renumbered' AS renumbered, d -> 'clusters' AS clusters FROM customer_clean.dedupe('mt.customers') d;
SELECT (SELECT count(*) FROM (TABLE sets_kept EXCEPT ALL
          SELECT string_agg(row_id, ',' ORDER BY row_id) FROM customer_clean.clusters
           WHERE tbl = 'mt.customers'::regclass GROUP BY cluster_id) x) AS only_kept,
       (SELECT count(*) FROM (SELECT string_agg(row_id, ',' ORDER BY row_id) FROM customer_clean.clusters
           WHERE tbl = 'mt.customers'::regclass GROUP BY cluster_id EXCEPT ALL TABLE sets_kept) x) AS only_from_nothing;
ROLLBACK;
SELECT setval('customer_clean.review_queue_pair_id_seq', :pair_id_before) > 0 AS pair_ids_given_back;

-- A table larger than sample_rows is learned from a sample of its rows,
-- each kept by a hash of its id and the seed: the same sample every time.
BEGIN;
SELECT m -> 'training' ->> 'rows' AS sample, m -> 'training' ->> 'sampled_from' AS sampled_from
  FROM customer_clean.train('mt.customers', '{"seed": 7, "sample_rows": 1000}') m;
SELECT m -> 'training' ->> 'rows' AS sample, m -> 'training' ->> 'sampled_from' AS sampled_from
  FROM customer_clean.train('mt.customers', '{"seed": 7, "sample_rows": 1000}') m;
ROLLBACK;

-- Given and family names in two columns are compared apart: a family name
-- agrees while the given name was replaced, names written in each other's
-- column still agree, and each part is weighed by how common it is.
CREATE TABLE mt.people (id int PRIMARY KEY, given text, family text, birth_date text, postcode text, address text);
INSERT INTO mt.people
SELECT id, split_part(n, ' ', 1), nullif(substr(n, length(split_part(n, ' ', 1)) + 2), ''), birth_date, postcode, address
  FROM (SELECT id, regexp_replace(full_name, '^([^,]+), (.+)$', '\2 \1') AS n, birth_date, postcode, address
          FROM mt.customers WHERE id < 90000) c;
INSERT INTO mt.people VALUES
  (90101, 'jake', 'westbrook', '1950-11-15', '2074', '15 booroondara street'),
  (90102, 'westbrook', 'jake', '1950-11-15', '2074', '15 booroondara street'),
  (90103, 'matthew', 'westbrook', '1900-01-01', '2074', '15 booroondara street');
SELECT customer_clean.register('mt.people', '{"id": "id", "given_name": "given", "family_name": "family",
  "birth_date": "birth_date", "postcode": "postcode", "address": "address"}');
SELECT (customer_clean.train('mt.people', '{"seed": 7}') -> 'fields') @? '$[*] ? (@.field == "name")' AS has_full_name_field;
SELECT f ->> 'field' AS field, string_agg(l ->> 'level', ', ') AS levels
  FROM customer_clean.models, jsonb_array_elements(model -> 'fields') f, jsonb_array_elements(f -> 'levels') l
 WHERE tbl = 'mt.people'::regclass AND f ->> 'field' LIKE '%name' GROUP BY 1 ORDER BY 1;
SELECT e ->> 'field' AS field, e ->> 'level' AS level, e ? 'name_frequency' AS weighed_by_frequency
  FROM jsonb_array_elements(customer_clean.explain_match('mt.people', '90101', '90102') -> 'fields') e;
SELECT e ->> 'field' AS field, e ->> 'level' AS level
  FROM jsonb_array_elements(customer_clean.explain_match('mt.people', '90101', '90103') -> 'fields') e;

-- Match keys are written through COPY (binary): row ids that COPY's text
-- format would have to escape (tab, newline, backslash, \N), quotes and
-- non-ASCII come back exactly, one set of keys per row.
CREATE TABLE mt.odd_ids (id text PRIMARY KEY, full_name text, phone text, email text, birth_date text);
INSERT INTO mt.odd_ids SELECT 'c' || id, full_name, phone, email, birth_date FROM mt.customers WHERE id < 90000;
INSERT INTO mt.odd_ids VALUES
  (E'tab\there', '张伟', '13800138000', 'zhangwei85@qq.com', '1985-03-12'),
  (E'new\nline', 'ZHANG, Wei', '+86 138 0013 8000', 'zhangwei85@qq.com', '1985-03-12'),
  (E'back\\slash', 'Wei Zhang', '13800138000', NULL, '1985-03-12'),
  ('\N', 'Zhang Wei', NULL, 'zhangwei85@qq.com', '1985-03-12'),
  ('O''Brien ü 客户', 'Zhang Wei', '13800138000', NULL, '1985-03-12');
SELECT customer_clean.register('mt.odd_ids', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "birth_date": "birth_date"}') > 0 AS registered;
SELECT customer_clean.train('mt.odd_ids', '{"seed": 7}') IS NOT NULL AS trained;
SELECT customer_clean.dedupe('mt.odd_ids') ->> 'rows' AS rows;
SELECT count(DISTINCT row_id) AS rows_with_keys,
       count(*) FILTER (WHERE row_id NOT IN (SELECT id FROM mt.odd_ids)) AS keys_of_no_row
  FROM customer_clean.match_keys WHERE tbl = 'mt.odd_ids'::regclass;
SELECT to_json(row_id) AS odd_id, count(*) > 0 AS has_keys
  FROM customer_clean.match_keys WHERE tbl = 'mt.odd_ids'::regclass AND row_id !~ '^c[0-9]+$'
 GROUP BY row_id ORDER BY row_id COLLATE "C";
SELECT string_agg(to_json(row_id)::text, ', ' ORDER BY row_id COLLATE "C") AS one_cluster
  FROM customer_clean.clusters WHERE tbl = 'mt.odd_ids'::regclass AND row_id !~ '^c[0-9]+$' GROUP BY cluster_id;
SELECT count(*) AS found_by_match_row
  FROM customer_clean.match_row('mt.odd_ids', '{"full_name": "张伟", "phone": "13800138000", "birth_date": "1985-03-12"}')
 WHERE row_id !~ '^c[0-9]+$';

-- Bad input: a clear error each time.
SELECT customer_clean.match_probability('mt.customers', '90001', '424242');
SELECT customer_clean.explain_match('mt.customers', 'x', '90001');
SELECT customer_clean.train('mt.customers', '{"seeds": 1}');
SELECT customer_clean.train('mt.customers', '{"sample_rows": 1}');
SELECT customer_clean.train('mt.customers', '{"seed": "one"}');
SELECT customer_clean.dedupe('mt.customers', 1.5);
SELECT customer_clean.dedupe('mt.customers', 0.5, 0.9);
SELECT customer_clean.find_duplicates('mt.customers', -0.1);
SELECT * FROM customer_clean.match_row('mt.customers', '[1, 2]');
SELECT * FROM customer_clean.match_row('mt.customers', '{"full_name": "张伟"}', -1);
CREATE TABLE mt.unregistered (id int PRIMARY KEY);
SELECT customer_clean.train('mt.unregistered');
CREATE TABLE mt.ids_only (id int PRIMARY KEY);
SELECT customer_clean.register('mt.ids_only', '{"id": "id"}');
SELECT customer_clean.train('mt.ids_only');
CREATE TABLE mt.empty (id int PRIMARY KEY, full_name text);
SELECT customer_clean.register('mt.empty', '{"id": "id", "name": "full_name"}');
SELECT customer_clean.train('mt.empty');
SELECT customer_clean.enable_cleaning('mt.empty', match_on_insert => true);
-- Rows that share no match key (names alone make none): nothing to learn
-- what a duplicate looks like from; refused, not stored as a model no
-- function could read.
CREATE TABLE mt.no_keys (id int PRIMARY KEY, full_name text);
INSERT INTO mt.no_keys SELECT g, 'name ' || g FROM generate_series(1, 50) g;
SELECT customer_clean.register('mt.no_keys', '{"id": "id", "name": "full_name"}');
SELECT customer_clean.train('mt.no_keys');
SELECT count(*) AS models FROM customer_clean.models WHERE tbl = 'mt.no_keys'::regclass;
UPDATE customer_clean.models SET model = jsonb_set(model, '{version}', '99') WHERE tbl = 'mt.customers'::regclass;
SELECT customer_clean.match_probability('mt.customers', '90001', '90002');
