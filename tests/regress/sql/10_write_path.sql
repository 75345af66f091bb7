-- What the cleaning trigger records shares the fate of the rows (docs/functions.md, "Profiles and cleaning on write"):
-- written at the end of each statement, dropped with a rolled-back
-- (sub)transaction, cleared when a row is deleted; partitions; privileges.
SET client_min_messages = notice;
CREATE SCHEMA wp;
CREATE TABLE wp.people (id bigint PRIMARY KEY, full_name text, mobile text, country text);
SELECT customer_clean.register('wp.people', '{"id": "id", "name": "full_name", "phone": "mobile", "country": "country"}',
  '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('wp.people');
SELECT tgname, tgtype FROM pg_trigger WHERE tgrelid = 'wp.people'::regclass ORDER BY tgname;

-- A rolled-back savepoint takes its rows' records with it; the rest stay.
BEGIN;
INSERT INTO wp.people VALUES (1, 'wu lei', '555', 'CN');
SAVEPOINT s;
INSERT INTO wp.people VALUES (2, 'he jing', '666', 'CN');
ROLLBACK TO SAVEPOINT s;
INSERT INTO wp.people VALUES (3, 'lu yao', '13700001111', 'CN');
COMMIT;
SELECT row_id, code FROM customer_clean.issues WHERE tbl = 'wp.people'::regclass ORDER BY row_id, code;
SELECT row_id, original ->> 'full_name' AS original_name FROM customer_clean.changes
 WHERE tbl = 'wp.people'::regclass ORDER BY change_id;

-- A failed statement inside an exception block leaves no records behind.
DO $$
BEGIN
  BEGIN
    INSERT INTO wp.people VALUES (4, 'ma li', '777', 'CN'), (1, 'duplicate', '888', 'CN');
  EXCEPTION WHEN unique_violation THEN
    RAISE NOTICE 'insert failed as expected';
  END;
END $$;
SELECT count(*) AS records_of_row_4 FROM customer_clean.issues WHERE tbl = 'wp.people'::regclass AND row_id = '4';

-- A whole transaction rolled back: nothing recorded.
BEGIN;
INSERT INTO wp.people VALUES (5, 'qin hao', '999', 'CN');
ROLLBACK;
SELECT count(*) AS records_of_row_5 FROM customer_clean.changes WHERE tbl = 'wp.people'::regclass AND row_id = '5';

-- Deleting a row deletes its issues; its recorded changes stay.
DELETE FROM wp.people WHERE id = 1;
SELECT count(*) AS issues_of_row_1 FROM customer_clean.issues WHERE tbl = 'wp.people'::regclass AND row_id = '1';
SELECT count(*) AS changes_of_row_1 FROM customer_clean.changes WHERE tbl = 'wp.people'::regclass AND row_id = '1';

-- If the statement trigger that writes the records is disabled, the commit
-- fails instead of losing them.
ALTER TABLE wp.people DISABLE TRIGGER customer_clean_flush;
INSERT INTO wp.people VALUES (6, 'xu ke', '13700002222', 'CN');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS rows_with_id_6 FROM wp.people WHERE id = 6;
ALTER TABLE wp.people ENABLE TRIGGER customer_clean_flush;

-- An application role needs no privileges on customer_clean: the records
-- are written as the extension's owner. It reads back the records of the
-- tables it may read (wp.people's one issue), and no others.
CREATE ROLE cc_app_writer;
GRANT USAGE ON SCHEMA wp TO cc_app_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON wp.people TO cc_app_writer;
SET ROLE cc_app_writer;
INSERT INTO wp.people VALUES (7, 'SONG JIA', '138-0000-7777', 'CN'), (8, 'fang yu', '12', 'CN');
SELECT count(*) AS issues_it_sees, count(*) FILTER (WHERE tbl <> 'wp.people'::regclass) AS of_other_tables
  FROM customer_clean.issues;
RESET ROLE;
SELECT row_id, code, changed FROM (
  SELECT row_id, code, NULL AS changed FROM customer_clean.issues WHERE tbl = 'wp.people'::regclass AND row_id IN ('7', '8')
  UNION ALL
  SELECT row_id, 'change', normalized::text FROM customer_clean.changes WHERE tbl = 'wp.people'::regclass AND row_id IN ('7', '8')) r
ORDER BY row_id, code;
SELECT changed_by FROM customer_clean.changes WHERE tbl = 'wp.people'::regclass AND row_id = '7';

-- Partitioned tables: register the parent; rows written through the parent
-- or straight into a partition are cleaned and recorded under the parent.
CREATE TABLE wp.orders_people (id bigint, region text, full_name text, mobile text) PARTITION BY LIST (region);
CREATE TABLE wp.orders_people_north PARTITION OF wp.orders_people FOR VALUES IN ('north');
CREATE TABLE wp.orders_people_south (mobile text, full_name text, id bigint, region text);
ALTER TABLE wp.orders_people ATTACH PARTITION wp.orders_people_south FOR VALUES IN ('south');
SELECT customer_clean.register('wp.orders_people', '{"id": "id", "name": "full_name", "phone": "mobile"}',
  '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('wp.orders_people');
INSERT INTO wp.orders_people VALUES (1, 'north', 'zhao lei', '139 0000 1111'), (2, 'south', 'qian yu', '139 0000 2222');
INSERT INTO wp.orders_people_south (id, region, full_name, mobile) VALUES (3, 'south', 'sun li', '123');
SELECT tableoid::regclass AS partition, id, full_name, mobile FROM wp.orders_people ORDER BY id;
SELECT tbl, row_id, code FROM customer_clean.issues WHERE tbl = 'wp.orders_people'::regclass ORDER BY row_id;
SELECT tbl, row_id FROM customer_clean.changes WHERE tbl = 'wp.orders_people'::regclass ORDER BY row_id;

-- A rule edited with plain SQL applies from the next statement, also to the
-- partitions' cached profile.
INSERT INTO customer_clean.rules (tbl, column_name, kind, params)
VALUES ('wp.orders_people', 'full_name', 'length', '{"min": 1, "max": 5}');
INSERT INTO wp.orders_people_north VALUES (4, 'north', 'ouyang xiaoming', '13900004444');
SELECT row_id, code FROM customer_clean.issues WHERE tbl = 'wp.orders_people'::regclass AND row_id = '4';

-- An edit committed by another session applies here at the next statement
-- (the compiled profile is invalidated across sessions).
CREATE EXTENSION dblink;
INSERT INTO wp.orders_people_north VALUES (5, 'north', 'ab', '13900005555');
SELECT dblink_exec('dbname=' || current_database() || ' port=' || current_setting('port')
  || ' host=' || current_setting('unix_socket_directories'),
  $$UPDATE customer_clean.rules SET params = '{"min": 3, "max": 5}' WHERE kind = 'length'
      AND tbl = 'wp.orders_people'::regclass$$);
INSERT INTO wp.orders_people_north VALUES (6, 'north', 'cd', '13900006666');
SELECT row_id, code FROM customer_clean.issues WHERE tbl = 'wp.orders_people'::regclass AND row_id IN ('5', '6');
DROP EXTENSION dblink;

SELECT customer_clean.disable_cleaning('wp.orders_people');
SELECT count(*) AS cleaning_triggers_left FROM pg_trigger
 WHERE tgname LIKE 'customer_clean%' AND tgrelid IN ('wp.orders_people'::regclass, 'wp.orders_people_north'::regclass,
                                                     'wp.orders_people_south'::regclass);
-- The trigger reads stored values as they are kept: a column added after
-- the row was written (its default is not in the old tuple), and a long
-- value kept out of line in TOAST (an UPDATE passes it on untouched).
CREATE TABLE wp.old_rows (id int PRIMARY KEY, full_name text, note text);
INSERT INTO wp.old_rows SELECT 1, 'zhang wei', string_agg(md5(i::text), ' ') FROM generate_series(1, 200) i;
ALTER TABLE wp.old_rows ADD COLUMN mobile varchar(20) DEFAULT '138 0013 8000';
SELECT customer_clean.register('wp.old_rows', '{"id": "id", "name": "full_name", "phone": "mobile", "address": "note"}',
                               '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('wp.old_rows');
INSERT INTO customer_clean.rules (tbl, column_name, kind, params) VALUES ('wp.old_rows', 'note', 'length', '{"max": 100}');
UPDATE wp.old_rows SET full_name = 'li na', mobile = mobile WHERE id = 1;
SELECT full_name, mobile, length(note) AS note_length,
       (SELECT pg_relation_size(reltoastrelid) > 0 FROM pg_class WHERE oid = 'wp.old_rows'::regclass) AS note_out_of_line,
       md5(note) = (SELECT md5(string_agg(md5(i::text), ' ')) FROM generate_series(1, 200) i) AS note_unchanged
  FROM wp.old_rows;
SELECT original, normalized FROM customer_clean.changes WHERE tbl = 'wp.old_rows'::regclass;
SELECT code, message, length(original_value) FROM customer_clean.issues WHERE tbl = 'wp.old_rows'::regclass ORDER BY code;
-- A long value stored compressed in the row itself is read whole too.
INSERT INTO wp.old_rows (id, full_name, note) VALUES (2, 'wang fang', repeat('88 Jianguo Road ', 300));
UPDATE wp.old_rows SET note = note WHERE id = 2;
SELECT pg_column_compression(note) AS stored, length(note) AS note_length FROM wp.old_rows WHERE id = 2;
SELECT code, length(original_value) FROM customer_clean.issues
 WHERE tbl = 'wp.old_rows'::regclass AND row_id = '2' ORDER BY code;

-- An UPDATE normalizes the columns it writes: those its statement sets
-- (SET col = col cleans a stored value again) and those an earlier BEFORE
-- trigger changed. The others keep what is stored: a value undo_change put
-- back stays back when another column is updated.
CREATE TABLE wp.upd (id int PRIMARY KEY, full_name text, mobile text, email text, tier int);
SELECT customer_clean.register('wp.upd', '{"id": "id", "name": "full_name", "phone": "mobile", "email": "email"}',
                               '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('wp.upd');
INSERT INTO wp.upd VALUES (1, 'zhang wei', '138 0013 8000', 'Zhang.Wei@Example.COM', 1);
SELECT customer_clean.undo_change(change_id) FROM customer_clean.changes WHERE tbl = 'wp.upd'::regclass;
UPDATE wp.upd SET email = ' Li.Na@Example.COM ', tier = 2 WHERE id = 1;
SELECT full_name, mobile, email, tier FROM wp.upd;
SELECT operation, original, normalized FROM customer_clean.changes
 WHERE tbl = 'wp.upd'::regclass AND undone_at IS NULL ORDER BY change_id;
-- the rules still check the whole row: a number kept as it is, checked
UPDATE wp.upd SET mobile = '555' WHERE id = 1;
UPDATE wp.upd SET tier = 3 WHERE id = 1;
SELECT row_id, column_name, code FROM customer_clean.issues WHERE tbl = 'wp.upd'::regclass;
UPDATE wp.upd SET mobile = '138 0013 8000' WHERE id = 1;
UPDATE wp.upd SET full_name = full_name WHERE id = 1;
SELECT full_name, mobile, email, tier FROM wp.upd;
-- a value another BEFORE trigger changes is written, and cleaned
CREATE FUNCTION wp.rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.full_name := 'wang  FANG'; RETURN NEW; END $$;
-- (row triggers fire in name order: "a_rename" before "customer_clean_on_write")
CREATE TRIGGER a_rename BEFORE UPDATE ON wp.upd FOR EACH ROW EXECUTE FUNCTION wp.rename();
UPDATE wp.upd SET tier = 4 WHERE id = 1;
SELECT full_name, mobile, email, tier FROM wp.upd;

DROP SCHEMA wp CASCADE;
DROP OWNED BY cc_app_writer;
DROP ROLE cc_app_writer;
