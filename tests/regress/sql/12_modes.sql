-- Every cleaning mode on INSERT, UPDATE and COPY (docs/functions.md, "Profiles and cleaning on write"): a row with an
-- error is stored and flagged, rejected with 23514, or quarantined whole.
TRUNCATE customer_clean.quarantine RESTART IDENTITY;
CREATE SCHEMA md;
CREATE TABLE md.c (id int PRIMARY KEY, full_name text, mobile text);
INSERT INTO md.c VALUES (1, 'Good Row', '+8613800000001');
SELECT customer_clean.register('md.c', '{"id": "id", "name": "full_name", "phone": "mobile"}', '{"default_region": "CN"}');

-- reject
SELECT customer_clean.enable_cleaning('md.c', 'reject');
INSERT INTO md.c VALUES (2, 'bad insert', '1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE md.c SET mobile = '2' WHERE id = 1;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY md.c FROM stdin WITH (FORMAT csv);
3,copy good,13800000003
4,copy bad,4
\.
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM md.c ORDER BY id;

-- quarantine
SELECT customer_clean.enable_cleaning('md.c', 'quarantine');
INSERT INTO md.c VALUES (5, 'bad insert', '5');
UPDATE md.c SET mobile = '6', full_name = 'bad update' WHERE id = 1;
COPY md.c FROM stdin WITH (FORMAT csv);
7,copy good,13800000007
8,copy bad,8
9,copy bad too,9
\.
SELECT * FROM md.c ORDER BY id;
SELECT quarantine_id, row_id, operation, row_data, original, problems -> 0 ->> 'code' AS code
  FROM customer_clean.quarantine WHERE tbl = 'md.c'::regclass ORDER BY quarantine_id;
-- The quarantined UPDATE is released as an UPDATE of row 1, after correction.
SELECT customer_clean.release_quarantine(2, '{"mobile": "13800000006"}');
SELECT * FROM md.c WHERE id = 1;

-- flag
SELECT customer_clean.enable_cleaning('md.c', 'flag');
INSERT INTO md.c VALUES (10, 'bad insert', '10');
UPDATE md.c SET mobile = '11' WHERE id = 7;
COPY md.c FROM stdin WITH (FORMAT csv);
12,copy bad,12
\.
SELECT * FROM md.c WHERE id IN (7, 10, 12) ORDER BY id;
SELECT row_id, column_name, code, original_value FROM customer_clean.issues WHERE tbl = 'md.c'::regclass ORDER BY row_id::int;
DROP SCHEMA md CASCADE;
