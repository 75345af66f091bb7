-- Personal data (docs/deploying.md; issue 16): forget(tbl, row_id) erases a
-- customer and every copy of its values the extension keeps, also of the
-- rows merged into it; purge_journal(tbl, older_than) applies retention to
-- the journal. Both are the table owner's, and record what they removed
-- as counts, never values.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
CREATE SCHEMA er;
CREATE TABLE er.customers (id int PRIMARY KEY, full_name text, phone text, email text);
SELECT customer_clean.register('er.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}',
  '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('er.customers', 'flag');
INSERT INTO er.customers VALUES
  (1, 'zhang wei', '138 1234 5678', 'zw@example.com'),
  (2, 'ZHANG WEI', '+86 138-1234-5678', 'zw@example'),
  (3, 'li na', '139 1234 5678', 'ln@example.com'),
  (4, 'wang fang', '12345', 'wf@example.com');
-- 2 is merged into 1: its values live on in the merge history (merge ids
-- from 1000 here, whatever the tests before made)
ALTER TABLE customer_clean.merges ALTER COLUMN merge_id RESTART WITH 1000;
SELECT customer_clean.merge('er.customers', '1', ARRAY['2']) AS merge_id \gset
SELECT (SELECT count(*) FROM customer_clean.changes WHERE tbl = 'er.customers'::regclass AND row_id IN ('1', '2')) AS changes,
       (SELECT count(*) FROM customer_clean.issues WHERE tbl = 'er.customers'::regclass AND row_id IN ('1', '2')) AS issues,
       (SELECT count(*) FROM customer_clean.merge_history WHERE tbl = 'er.customers'::regclass) AS merge_history;

-- Only the owner may forget or purge.
CREATE ROLE cc_er_clerk;
GRANT USAGE ON SCHEMA er TO cc_er_clerk;
GRANT SELECT, INSERT, UPDATE, DELETE ON er.customers TO cc_er_clerk;
SET ROLE cc_er_clerk;
SELECT customer_clean.forget('er.customers', '1');
SELECT customer_clean.purge_journal('er.customers', '1 year');
RESET ROLE;
DROP OWNED BY cc_er_clerk;
DROP ROLE cc_er_clerk;

-- A row merged into another is that customer now: forget the survivor.
SELECT customer_clean.forget('er.customers', '2');
-- Forgetting 1 erases the row, and 1's and 2's changes, issues and merge.
SELECT customer_clean.forget('er.customers', '1');
SELECT count(*) AS rows_left FROM er.customers;
SELECT (SELECT count(*) FROM customer_clean.changes WHERE tbl = 'er.customers'::regclass AND row_id IN ('1', '2')) AS changes,
       (SELECT count(*) FROM customer_clean.issues WHERE tbl = 'er.customers'::regclass AND row_id IN ('1', '2')) AS issues,
       (SELECT count(*) FROM customer_clean.merges WHERE merge_id = :merge_id) AS merges,
       (SELECT count(*) FROM customer_clean.merge_history WHERE tbl = 'er.customers'::regclass) AS merge_history;
-- the other customers' records stay
SELECT row_id, count(*) AS changes FROM customer_clean.changes WHERE tbl = 'er.customers'::regclass GROUP BY row_id ORDER BY row_id;
-- an id with no row: nothing to erase, and that is recorded too
SELECT customer_clean.forget('er.customers', '404');

-- Retention: the journal older than the interval goes (0: all of it).
SELECT customer_clean.purge_journal('er.customers', '1 day');
SELECT customer_clean.purge_journal('er.customers', '-1 day');
SELECT customer_clean.purge_journal('er.customers', '0');
SELECT count(*) AS changes_left FROM customer_clean.changes WHERE tbl = 'er.customers'::regclass;
SELECT customer_clean.forget('er.customers', NULL) IS NULL AS null_is_no_call;

-- What was removed, without the values.
SELECT kind, tbl, row_id, older_than, removed, done_by FROM customer_clean.erasures ORDER BY erasure_id;
