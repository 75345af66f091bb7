-- clean_table: the trigger's cleaning over rows a table already has, in
-- batches that commit, resumable; undo_change puts originals back (docs/functions.md, "Profiles and cleaning on write").
-- Ids in the messages below count from 1.
TRUNCATE customer_clean.changes, customer_clean.issues, customer_clean.clean_table_runs RESTART IDENTITY;
CREATE SCHEMA ct;
CREATE TABLE ct.clients (id int PRIMARY KEY, full_name text, mobile varchar(20), email text, country text);
INSERT INTO ct.clients VALUES
  (1, '  li   bai ', '138 0013 8000', ' Li.Bai@QQ.com', 'China'),
  (2, 'Du Fu', '+8613900139000', 'dufu@163.com', 'CN'),
  (3, 'wang wei', '12345', 'wangwei@gmial.com', '中国'),
  (4, 'meng haoran', NULL, NULL, NULL),
  (5, 'BAI JUYI', '（86）137 0013 7000', 'bai@126.com', 'PRC');
SELECT customer_clean.register('ct.clients', '{"id": "id", "name": "full_name", "phone": "mobile", "email": "email",
  "country": "country"}', '{"default_region": "CN"}');

-- Progress NOTICEs carry rates and times; they are hidden here.
SET client_min_messages = warning;
-- One batch by hand (as a client driving batches inside its own transaction would) ...
SELECT customer_clean.clean_table_start('ct.clients', 2) AS run_id;
SELECT s - 'started_at' - 'seconds' - 'started_by' - 'finished_at' AS after_first_batch
  FROM customer_clean.clean_table_batch(1) s;
-- ... then the procedure resumes the same run after id 2 and finishes it.
CALL customer_clean.clean_table('ct.clients', 2) \gset
SELECT :'summary'::jsonb - 'started_at' - 'seconds' - 'started_by' - 'finished_at' AS summary;
SELECT run_id, rows_total, rows_done, rows_changed, rows_with_errors, values_changed, issues, last_row_id,
       finished_at IS NOT NULL AS finished
  FROM customer_clean.clean_table_runs WHERE tbl = 'ct.clients'::regclass;
SELECT * FROM ct.clients ORDER BY id;
SELECT row_id, operation, original, normalized FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass ORDER BY change_id;
SELECT row_id, column_name, code, original_value FROM customer_clean.issues
 WHERE tbl = 'ct.clients'::regclass ORDER BY row_id, issue_id;

-- A second run finds nothing left to change; problems are replaced, not added.
CALL customer_clean.clean_table('ct.clients') \gset
SELECT run_id, rows_done, rows_changed, rows_with_errors FROM customer_clean.clean_table_runs
 WHERE tbl = 'ct.clients'::regclass ORDER BY run_id;
SELECT count(*) AS issues FROM customer_clean.issues WHERE tbl = 'ct.clients'::regclass;
SET client_min_messages = notice;

-- With cleaning enabled, clean_table's own UPDATE is not cleaned twice.
SELECT customer_clean.enable_cleaning('ct.clients');
UPDATE ct.clients SET full_name = 'MENG  HAORAN' WHERE id = 4;
SELECT full_name FROM ct.clients WHERE id = 4;

-- undo_change: the original values come back, as they were written.
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass AND row_id = '1' AND operation = 'CLEAN';
SELECT * FROM ct.clients WHERE id = 1;
SELECT undone_by IS NOT NULL AS undone FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass AND row_id = '1' AND operation = 'CLEAN';
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass AND row_id = '1' AND operation = 'CLEAN';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- A value changed after cleaning is not overwritten: undo refuses and says why.
UPDATE ct.clients SET mobile = '13700137001' WHERE id = 5;
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass AND row_id = '5' AND operation = 'CLEAN';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT customer_clean.undo_change(-1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
DELETE FROM ct.clients WHERE id = 3;
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes
 WHERE tbl = 'ct.clients'::regclass AND row_id = '3' AND operation = 'CLEAN';
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- Cancelled in the middle (here by statement_timeout), a run keeps its
-- committed batches; the next call resumes it and every row is cleaned and
-- recorded exactly once.
CREATE TABLE ct.many (id int PRIMARY KEY, full_name text);
INSERT INTO ct.many SELECT g, 'name  ' || g FROM generate_series(1, 200000) g;
SELECT customer_clean.register('ct.many', '{"id": "id", "name": "full_name"}');
SET client_min_messages = warning;
SET statement_timeout = '500ms';
\set VERBOSITY terse
CALL customer_clean.clean_table('ct.many', 5000) \gset
\set VERBOSITY default
RESET statement_timeout;
SELECT rows_done < 200000 AS stopped_early, finished_at IS NULL AS unfinished
  FROM customer_clean.clean_table_runs WHERE tbl = 'ct.many'::regclass;
CALL customer_clean.clean_table('ct.many', 5000) \gset
SET client_min_messages = notice;
SELECT count(*) AS runs, sum(rows_done) AS rows_done, bool_and(finished_at IS NOT NULL) AS finished
  FROM customer_clean.clean_table_runs WHERE tbl = 'ct.many'::regclass;
SELECT count(*) FILTER (WHERE full_name = 'Name ' || id) AS cleaned, count(*) AS all_rows FROM ct.many;
SELECT count(*) AS changes, count(DISTINCT row_id) AS rows_changed FROM customer_clean.changes
 WHERE tbl = 'ct.many'::regclass;

-- Bad arguments.
SELECT customer_clean.clean_table_start('ct.clients', 0);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT customer_clean.clean_table_batch(123456);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
CREATE TABLE ct.unregistered (id int);
CALL customer_clean.clean_table('ct.unregistered');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- The procedure commits per batch, so it cannot run inside a transaction block.
BEGIN;
CALL customer_clean.clean_table('ct.clients');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
ROLLBACK;
-- Hostile identifiers are quoted everywhere clean_table and undo_change
-- build SQL: a table, id and column named with quotes, semicolons and spaces.
CREATE TABLE ct."Odd; ""Table""" ("id""; DROP TABLE ct.clients; --" text PRIMARY KEY, "full name" text);
INSERT INTO ct."Odd; ""Table""" VALUES ('a''1', '  qin  shi ');
SELECT customer_clean.register('ct."Odd; ""Table"""', '{"id": "id\"; DROP TABLE ct.clients; --", "name": "full name"}');
SET client_min_messages = warning;
CALL customer_clean.clean_table('ct."Odd; ""Table"""') \gset
SET client_min_messages = notice;
SELECT * FROM ct."Odd; ""Table""";
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes WHERE tbl = 'ct."Odd; ""Table"""'::regclass;
SELECT * FROM ct."Odd; ""Table""";
SELECT count(*) AS clients_still_there FROM ct.clients;
DROP SCHEMA ct CASCADE;
