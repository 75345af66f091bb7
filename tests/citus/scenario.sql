-- The same scenario on one node and on a Citus cluster (tests/citus/run.sh
-- diffs the two outputs): register, clean on write, quality, train,
-- dedupe, merge, unmerge. psql variable citus (0 or 1); standard input:
-- generated customers (bench/gen_customers.py CSV). Only what must be
-- equal is printed.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
-- Everything below runs as the table's owner, a role without superuser.
CREATE ROLE cc_owner LOGIN;
CREATE SCHEMA crm AUTHORIZATION cc_owner;
SET ROLE cc_owner;
CREATE TABLE crm.people (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
-- Orders point at customers; on Citus they live beside them (co-located).
CREATE TABLE crm.orders (customer_id int NOT NULL REFERENCES crm.people (id), order_no int NOT NULL, amount numeric,
  PRIMARY KEY (customer_id, order_no));
-- Tables Citus allows no foreign key to the customers from, declared in
-- the profile instead: notes (a reference table on Citus), tickets
-- (distributed by their own id) and visits (distributed by the customer,
-- but not co-located: other shard count).
CREATE TABLE crm.notes (customer_id int NOT NULL, note text NOT NULL, PRIMARY KEY (customer_id, note));
CREATE TABLE crm.tickets (ticket_id int PRIMARY KEY, customer_id int, subject text);
CREATE TABLE crm.visits (customer_id int NOT NULL, visit_no int NOT NULL, PRIMARY KEY (customer_id, visit_no));
\if :citus
SELECT create_distributed_table('crm.people', 'id', shard_count => 8) \gset
SELECT create_distributed_table('crm.orders', 'customer_id', colocate_with => 'crm.people') \gset
SELECT create_reference_table('crm.notes') \gset
SELECT create_distributed_table('crm.tickets', 'ticket_id', shard_count => 4) \gset
SELECT create_distributed_table('crm.visits', 'customer_id', shard_count => 4, colocate_with => 'none') \gset
\endif

\echo == register and clean on write (flag)
SELECT customer_clean.register('crm.people', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN", "date_order": "DMY",
  "references": [{"table": "crm.notes", "columns": ["customer_id"]}, {"table": "crm.tickets", "columns": ["customer_id"]},
                 {"table": "crm.visits", "columns": ["customer_id"]}]}');
SELECT customer_clean.enable_cleaning('crm.people', 'flag');
\copy crm.people FROM pstdin CSV HEADER
INSERT INTO crm.orders SELECT id, n, id * 10 + n FROM crm.people, generate_series(1, 2) n WHERE id % 3 = 0;
INSERT INTO crm.notes SELECT id, 'note ' || id || '.' || n FROM crm.people, generate_series(1, 2) n WHERE id % 2 = 0;
INSERT INTO crm.tickets SELECT id * 10 + n, id, 'ticket ' || n FROM crm.people, generate_series(1, 3) n WHERE id % 4 <> 1;
INSERT INTO crm.visits SELECT id, id * 10 + n FROM crm.people, generate_series(1, 2) n WHERE id % 5 <> 0;
SELECT count(*) AS rows, md5(string_agg(p::text, '|' ORDER BY id)) AS content FROM crm.people p;
SELECT code, column_name, count(*) FROM customer_clean.gather(NULL::customer_clean.issues, 'crm.people')
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS changes, md5(string_agg(row_id || original::text || normalized::text, '|' ORDER BY row_id::int, change_id)) AS content
  FROM customer_clean.gather(NULL::customer_clean.changes, 'crm.people');
-- An UPDATE is cleaned on its shard too, and journaled there.
UPDATE crm.people SET phone = '138 0013 8000', email = ' Someone@Example.COM' WHERE id = 17;
SELECT id, phone, email FROM crm.people WHERE id = 17;
SELECT operation, original, normalized FROM customer_clean.gather(NULL::customer_clean.changes, 'crm.people')
 WHERE row_id = '17' ORDER BY change_id;

\echo == reject and quarantine
SELECT customer_clean.enable_cleaning('crm.people', 'reject');
\set ON_ERROR_STOP 0
\set VERBOSITY terse
INSERT INTO crm.people (id, full_name, phone) VALUES (900001, 'Bad Phone', '12345');
\set VERBOSITY default
\set ON_ERROR_STOP 1
SELECT customer_clean.enable_cleaning('crm.people', 'quarantine');
INSERT INTO crm.people (id, full_name, phone) VALUES (900002, 'Bad Phone', '12345'), (900003, 'good  one', '13800138000');
SELECT id, full_name, phone FROM crm.people WHERE id > 900000 ORDER BY id;
SELECT row_id, operation, problems FROM customer_clean.gather(NULL::customer_clean.quarantine, 'crm.people');
SELECT customer_clean.enable_cleaning('crm.people', 'flag');

\echo == quality
SELECT dimension, column_name, round(value::numeric, 6) AS value, target, passed, failing_rows
  FROM customer_clean.quality_report('crm.people') ORDER BY dimension, column_name;

\echo == train and dedupe
-- Trained on a sample of 4,000 rows, drawn where the rows are.
SELECT m->'training'->>'rows' AS training_rows, m->'training'->>'sampled_from' AS sampled_from, round((m->>'prior')::numeric, 8) AS prior
  FROM customer_clean.train('crm.people', '{"seed": 7, "sample_rows": 4000}') m;
SELECT d->>'rows' AS rows, d->>'pairs' AS pairs, d->>'clusters' AS clusters, d->>'review_pairs' AS review_pairs
  FROM customer_clean.dedupe('crm.people') d;
-- Clusters as sets of rows (ids are drawn in the order clusters are written).
SELECT count(*) AS clusters, md5(string_agg(members, '|' ORDER BY members)) AS content
  FROM (SELECT string_agg(row_id, ',' ORDER BY row_id::int) AS members
          FROM customer_clean.clusters WHERE tbl = 'crm.people'::regclass GROUP BY cluster_id) c;
SELECT count(*) AS review_pairs, md5(string_agg(row_id_a || '-' || row_id_b || ':' || round(probability::numeric, 6), '|'
       ORDER BY row_id_a, row_id_b)) AS content
  FROM customer_clean.review_queue WHERE tbl = 'crm.people'::regclass;

\echo == merge and unmerge
-- The first cluster with orders on a row to be merged away.
CREATE TEMP TABLE with_orders AS SELECT DISTINCT customer_id::text AS row_id FROM crm.orders;
SELECT c.members[1] AS survivor, c.members[2:] AS duplicates
  FROM (SELECT array_agg(row_id ORDER BY row_id::int) AS members
          FROM customer_clean.clusters WHERE tbl = 'crm.people'::regclass GROUP BY cluster_id) c
 WHERE EXISTS (SELECT 1 FROM with_orders o WHERE o.row_id = ANY (c.members[2:]))
 ORDER BY c.members[1]::int LIMIT 1 \gset
\echo survivor :survivor duplicates :duplicates
CREATE TEMP TABLE before_people AS SELECT * FROM crm.people;
CREATE TEMP TABLE before_orders AS SELECT * FROM crm.orders;
CREATE TEMP TABLE before_refs AS
  SELECT 'notes' AS t, to_jsonb(n) AS r FROM crm.notes n UNION ALL SELECT 'tickets', to_jsonb(k) FROM crm.tickets k
  UNION ALL SELECT 'visits', to_jsonb(v) FROM crm.visits v;
SELECT customer_clean.merge('crm.people', :'survivor', :'duplicates') AS merge_id \gset
SELECT count(*) AS rows_left FROM crm.people WHERE id::text = ANY (:'duplicates'::text[]);
SELECT customer_id, order_no, amount FROM crm.orders WHERE customer_id = :survivor ORDER BY order_no, amount;
SELECT * FROM crm.people WHERE id = :survivor;
-- The declared references moved too: none is left on a merged-away row.
SELECT (SELECT count(*) FROM crm.notes WHERE customer_id::text = ANY (:'duplicates'::text[])) AS notes_left,
       (SELECT count(*) FROM crm.tickets WHERE customer_id::text = ANY (:'duplicates'::text[])) AS tickets_left,
       (SELECT count(*) FROM crm.visits WHERE customer_id::text = ANY (:'duplicates'::text[])) AS visits_left,
       (SELECT count(*) FROM crm.notes WHERE customer_id = :survivor) AS survivor_notes,
       (SELECT count(*) FROM crm.tickets WHERE customer_id = :survivor) AS survivor_tickets,
       (SELECT count(*) FROM crm.visits WHERE customer_id = :survivor) AS survivor_visits;
SELECT customer_clean.unmerge(:merge_id);
SELECT count(*) AS differing_people FROM (
  (SELECT * FROM crm.people EXCEPT ALL SELECT * FROM before_people)
  UNION ALL (SELECT * FROM before_people EXCEPT ALL SELECT * FROM crm.people)) d;
SELECT count(*) AS differing_orders FROM (
  (SELECT * FROM crm.orders EXCEPT ALL SELECT * FROM before_orders)
  UNION ALL (SELECT * FROM before_orders EXCEPT ALL SELECT * FROM crm.orders)) d;
CREATE TEMP TABLE after_refs AS
  SELECT 'notes' AS t, to_jsonb(n) AS r FROM crm.notes n UNION ALL SELECT 'tickets', to_jsonb(k) FROM crm.tickets k
  UNION ALL SELECT 'visits', to_jsonb(v) FROM crm.visits v;
SELECT count(*) AS differing_references FROM (
  (SELECT * FROM after_refs EXCEPT ALL SELECT * FROM before_refs)
  UNION ALL (SELECT * FROM before_refs EXCEPT ALL SELECT * FROM after_refs)) d;

\echo == a row stored raw comes back raw after merge and unmerge
SELECT customer_clean.disable_cleaning('crm.people');
INSERT INTO crm.people (id, full_name, phone) VALUES (800001, '  raw   name ', '138 0013 8000'), (800002, 'Raw Name', '+8613800138000');
SELECT customer_clean.enable_cleaning('crm.people', 'flag');
SELECT customer_clean.merge('crm.people', '800002', ARRAY['800001']) AS raw_merge \gset
SELECT customer_clean.unmerge(:raw_merge);
SELECT id, full_name, phone FROM crm.people WHERE id IN (800001, 800002) ORDER BY id;
INSERT INTO crm.people (id, full_name) VALUES (800003, '  cleaned   again ');
SELECT id, full_name FROM crm.people WHERE id = 800003;

\echo == real-time matching and the review queue
-- The probe is read first: a statement that reads one shard is sent to
-- its worker whole, and match_row needs the coordinator's model (run.sh
-- checks the error that gives).
SELECT to_jsonb(p) - 'id' AS probe FROM crm.people p WHERE id = :survivor \gset
SELECT row_id, round(probability::numeric, 6) AS probability
  FROM customer_clean.match_row('crm.people', :'probe') ORDER BY probability DESC, row_id LIMIT 5;
SELECT count(*) AS likely_pairs, md5(string_agg(id_a || '-' || id_b, '|' ORDER BY id_a, id_b)) AS content
  FROM customer_clean.find_duplicates('crm.people', 0.9);
SELECT min(pair_id) AS pair FROM customer_clean.review_queue WHERE tbl = 'crm.people'::regclass AND status = 'pending' \gset
SELECT customer_clean.reject(:pair);
SELECT status FROM customer_clean.review_queue WHERE pair_id = :pair;

\echo == match on insert
-- On one node the new rows are matched by the inserting statement; on
-- Citus they are queued on their workers and matched by match_pending
-- (which has nothing to do on one node). The outcome is the same.
SELECT customer_clean.enable_cleaning('crm.people', 'flag', match_on_insert => true);
INSERT INTO crm.people (id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id)
SELECT 600000 + id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id
  FROM crm.people WHERE id BETWEEN 40 AND 70 ORDER BY id;
SELECT (customer_clean.match_pending('crm.people')->>'queued')::int AS queued_left;
SELECT c.row_id, (SELECT string_agg(x.row_id, ',' ORDER BY x.row_id::int) FROM customer_clean.clusters x
                   WHERE x.tbl = c.tbl AND x.cluster_id = c.cluster_id) AS cluster, c.assigned_by
  FROM customer_clean.clusters c WHERE c.tbl = 'crm.people'::regclass AND c.row_id::int > 600000 ORDER BY c.row_id::int;
SELECT row_id_a, row_id_b, round(probability::numeric, 6) AS probability, reason FROM customer_clean.review_queue
 WHERE tbl = 'crm.people'::regclass AND found_by = 'match_on_insert' ORDER BY row_id_a, row_id_b;
SELECT customer_clean.enable_cleaning('crm.people', 'flag');

\echo == batch cleaning, row quality, snapshots, archive, erasure
-- (clean_table runs on one node only; on Citus the trigger cleans stored
-- rows on the workers when they are written again: run.sh checks that
-- clean_table says so)
UPDATE crm.people SET full_name = full_name WHERE id <= 500;
SELECT customer_clean.quality_score('crm.people', :'survivor') AS score;
SELECT count(*) AS validity_issues FROM customer_clean.quality_issues('crm.people', 'validity');
SELECT customer_clean.snapshot_quality('crm.people') IS NOT NULL AS snapshot_taken;
SELECT count(*) AS stale FROM customer_clean.stale_customers('crm.people', 3650);
-- (archive_stale runs on one node only: run.sh checks that it says so)
-- (match_keys counts what the row had: its stored keys on one node, its
-- entries for matching on the workers on Citus; run.sh checks they are gone)
SELECT f - 'archive' - 'match_keys' AS forgotten, (f->>'match_keys')::int > 0 AS match_keys_removed
  FROM customer_clean.forget('crm.people', '900003') f;

\echo == quality after unmerge
SELECT round(value::numeric, 6) AS overall FROM customer_clean.quality_report('crm.people') WHERE dimension = 'overall';
