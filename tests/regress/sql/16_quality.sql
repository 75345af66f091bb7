-- Quality (docs/functions.md, "Quality"): the report per dimension and column with exact
-- values on a small crafted table, the rows behind each number, row scores,
-- snapshots with their trend and breaches, stale rows archived and
-- restored, lifecycle stages, and masking for readers without PII rights.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
CREATE SCHEMA q;
-- updated_at as text on purpose: quality reads it the way the cleaner reads dates
CREATE TABLE q.customers (id int PRIMARY KEY, full_name text, phone text, email text, country text,
  birth_date text, national_id text, updated_at text);
SELECT customer_clean.register('q.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "country": "country", "birth_date": "birth_date", "national_id": "national_id", "updated_at": "updated_at"}',
  '{"default_region": "CN", "quality": {"targets": {"uniqueness": 0.9}}}');
INSERT INTO q.customers VALUES
  -- right in every way, updated recently
  (1, '张伟', '+8613812345678', 'zhangwei@example.com', 'CN', '1985-03-12', '110105198503120039', to_char(current_date - 10, 'YYYY-MM-DD')),
  -- no name; not a phone number; the ID says another birth date; updated three years ago
  (2, NULL, '12345', 'li@example.com', 'CN', '1990-01-01', '110105198503120039', to_char(current_date - 1100, 'YYYY-MM-DD')),
  -- the same person as 1 (a cluster below), same phone; never updated
  (3, 'Zhang Wei', '+8613812345678', NULL, 'CN', NULL, NULL, NULL),
  -- an e-mail that is not one
  (4, 'Li Na', '+8613912345678', 'li.na@@example', 'CN', '1992-02-02', NULL, to_char(current_date - 100, 'YYYY-MM-DD'));
INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by) VALUES
  ('q.customers', '1', 424242, 'dedupe'), ('q.customers', '3', 424242, 'dedupe');

-- Values are fractions in [0, 1]; required columns (name) and validated
-- columns have targets, the other completeness lines are for information.
SELECT dimension, column_name, round(value::numeric, 4) AS value, target, passed, failing_rows
  FROM customer_clean.quality_report('q.customers');
-- from a red number to the rows behind it
SELECT * FROM customer_clean.quality_issues('q.customers', 'validity');
SELECT * FROM customer_clean.quality_issues('q.customers', 'completeness', 'full_name');
SELECT * FROM customer_clean.quality_issues('q.customers', 'consistency');
SELECT row_id, column_name, problem FROM customer_clean.quality_issues('q.customers', 'timeliness');
SELECT * FROM customer_clean.quality_issues('q.customers', 'uniqueness');
SELECT * FROM customer_clean.quality_issues('q.customers', 'uniqueness', 'phone');
SELECT * FROM customer_clean.quality_issues('q.customers', 'overall');
SELECT * FROM customer_clean.quality_issues('q.customers', 'validity', 'fax');

-- One row: score 0–100 and what brings it down.
SELECT customer_clean.quality_score('q.customers', '1') AS row_1, customer_clean.quality_score('q.customers', '2') AS row_2;
SELECT customer_clean.quality_details('q.customers', '2') - 'problems' AS details;
SELECT p ->> 'dimension' AS dimension, p ->> 'column' AS column_name, p ->> 'code' AS code
  FROM jsonb_array_elements(customer_clean.quality_details('q.customers', '2') -> 'problems') p;
SELECT p ->> 'dimension' AS dimension, p ->> 'column' AS column_name, p ->> 'code' AS code, p ->> 'value' AS value
  FROM jsonb_array_elements(customer_clean.quality_details('q.customers', '3') -> 'problems') p;
SELECT customer_clean.quality_score('q.customers', '99');

-- Weights and targets live in the profile and are checked there.
SELECT customer_clean.register('q.customers', '{"id": "id"}', '{"quality": {"targets": {"validity": 2}}}');
SELECT customer_clean.register('q.customers', '{"id": "id"}', '{"quality": {"window": 30}}');

-- Snapshots: history, trend (change since the previous snapshot), and the
-- lines below target recorded as breaches (each also sent as NOTIFY
-- customer_clean_quality, see tests/quality_notify.sh).
SELECT customer_clean.snapshot_quality('q.customers') AS first_snapshot \gset
UPDATE q.customers SET full_name = '王芳' WHERE id = 2;
SELECT customer_clean.snapshot_quality('q.customers') AS second_snapshot \gset
SELECT dimension, column_name, snapshot_id - :first_snapshot AS nth, round(value::numeric, 4) AS value,
       round(change::numeric, 4) AS change
  FROM customer_clean.quality_trend
 WHERE tbl = 'q.customers'::regclass AND (dimension, coalesce(column_name, '')) IN (('completeness', 'full_name'), ('overall', ''))
 ORDER BY dimension, snapshot_id;
SELECT snapshot_id - :first_snapshot AS nth, dimension, column_name, round(value::numeric, 4) AS value, target
  FROM customer_clean.quality_breaches WHERE tbl = 'q.customers'::regclass ORDER BY snapshot_id, dimension, column_name;

-- For psql users: the report with bars against the targets.
SELECT * FROM customer_clean.quality_report_text('q.customers');

-- Stale rows: listed, archived whole, restored exactly.
SELECT row_id, row_data ->> 'full_name' AS full_name FROM customer_clean.stale_customers('q.customers', 365);
CREATE TABLE q.before AS SELECT c::text AS r FROM q.customers c;
SELECT customer_clean.archive_stale('q.customers', 365) AS archived;
SELECT id FROM q.customers ORDER BY id;
SELECT row_id, row_data ->> 'phone' AS phone FROM customer_clean.archive WHERE tbl = 'q.customers'::regclass ORDER BY row_id;
SELECT customer_clean.restore_archived('q.customers', ARRAY['3']) AS restored;
SELECT customer_clean.restore_archived('q.customers') AS restored;
SELECT (SELECT count(*) FROM (SELECT r FROM q.before EXCEPT SELECT c::text FROM q.customers c) x) AS differing_rows;
SELECT customer_clean.stale_customers('q.customers', -1);
CREATE TABLE q.no_dates (id int PRIMARY KEY);
SELECT customer_clean.register('q.no_dates', '{"id": "id"}');
SELECT customer_clean.stale_customers('q.no_dates', 30);

-- Lifecycle stages, with the default and with own thresholds.
SELECT customer_clean.lifecycle_stage('2026-11-01', NULL, 0, '2026-11-23') AS prospect,
       customer_clean.lifecycle_stage('2026-10-01', '2026-10-02', 1, '2026-11-23') AS new,
       customer_clean.lifecycle_stage('2020-01-01', '2026-06-01', 9, '2026-11-23') AS active,
       customer_clean.lifecycle_stage('2020-01-01', '2026-01-01', 9, '2026-11-23') AS silent,
       customer_clean.lifecycle_stage('2020-01-01', '2024-01-01', 9, '2026-11-23') AS churned;
SELECT customer_clean.lifecycle_stage('2026-10-01', '2026-10-02', 1, '2026-11-23', '{"new_days": 30}');
SELECT customer_clean.lifecycle_stage('2026-10-01', '2026-10-02', 1, NULL);
SELECT customer_clean.lifecycle_stage('2026-10-01', '2026-10-02', 1, '2026-11-23', '{"active_days": 400}');

-- Masking, and a reader who sees the customers only through a masked view.
SELECT customer_clean.mask_phone('+8613812345678') AS phone, customer_clean.mask_email('zhang@example.com') AS email,
       customer_clean.mask_cn_id('110105198503120039') AS cn_id, customer_clean.mask_name('张伟') AS zh_name,
       customer_clean.mask_name('John Smith') AS en_name;
SELECT customer_clean.mask_phone('138-1234-5678'), customer_clean.mask_email('not an address'), customer_clean.mask_cn_id('A1234');
CREATE VIEW q.customers_masked AS
SELECT id, customer_clean.mask_name(full_name) AS full_name, customer_clean.mask_phone(phone) AS phone,
       customer_clean.mask_email(email) AS email, country, customer_clean.mask_cn_id(national_id) AS national_id
  FROM q.customers;
CREATE ROLE cc_reader;
GRANT USAGE ON SCHEMA q TO cc_reader;
GRANT SELECT ON q.customers_masked TO cc_reader;
SET ROLE cc_reader;
SELECT * FROM q.customers_masked ORDER BY id;
SELECT full_name FROM q.customers;
RESET ROLE;
DROP OWNED BY cc_reader;
DROP ROLE cc_reader;
