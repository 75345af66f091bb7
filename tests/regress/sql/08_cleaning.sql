-- Profiles, rules and clean-on-write (docs/functions.md, "Profiles and cleaning on write").
SET client_min_messages = notice;
CREATE SCHEMA crm;
CREATE TABLE crm.customers (
  id int PRIMARY KEY,
  full_name text,
  mobile text,
  email text,
  country text,
  dob date,
  sex text,
  id_card text,
  note varchar(12)
);

-- register: roles → columns, checked against the table; returns the number of default rules.
SELECT customer_clean.register('crm.customers', '{"id": "id", "name": "full_name", "phone": "mobile",
  "email": "email", "country": "country", "birth_date": "dob", "gender": "sex", "national_id": "id_card"}',
  '{"default_region": "CN"}');
SELECT column_name, kind, params, severity, origin FROM customer_clean.rules ORDER BY rule_id;

-- Bad profiles: unknown table, column, role, option; hostile names are only compared.
SELECT customer_clean.register('crm.nope', '{"id": "id"}');
SELECT customer_clean.register('crm.customers', '{"id": "id", "phone": "tel"}');
SELECT customer_clean.register('crm.customers', '{"id": "id", "fone": "mobile"}');
SELECT customer_clean.register('crm.customers', '{"id": "id"}', '{"default_region": "Narnia"}');
SELECT customer_clean.register('crm.customers', '{"id": "id", "name": "x\"; DROP TABLE crm.customers; --"}');
SELECT customer_clean.register('crm.customers', '{"name": "full_name"}');

-- validate: the problems a row would have, after normalization.
SELECT jsonb_pretty(customer_clean.validate('crm.customers',
  '{"id": 1, "full_name": "ZHANG WEI", "mobile": "12345", "email": "zhang@@qq.com", "country": "China"}'));
SELECT customer_clean.validate('crm.customers', '{"id": 2, "full_name": "张伟", "mobile": "138 1234 5678"}');

-- flag (the default): rows are stored normalized, problems go to customer_clean.issues.
SELECT customer_clean.enable_cleaning('crm.customers');
INSERT INTO crm.customers (id, full_name, mobile, email, country, dob, sex)
VALUES (1, '  zhang   WEI ', '（86）138 1234 5678', ' Zhang.Wei@QQ.COM ', '中国', '1985-03-12', '男'),
       (2, 'li na', '12345', 'li@', 'PRC', NULL, 'F');
SELECT id, full_name, mobile, email, country FROM crm.customers ORDER BY id;
SELECT row_id, column_name, code, severity, original_value FROM customer_clean.issues ORDER BY row_id, issue_id;
SELECT row_id, operation, original, normalized FROM customer_clean.changes ORDER BY change_id;

-- UPDATE goes through the same path; fixing a row clears its issues.
UPDATE crm.customers SET mobile = '139-8765-4321', email = 'li.na@163.com' WHERE id = 2;
SELECT id, mobile, email FROM crm.customers WHERE id = 2;
SELECT row_id, column_name, code FROM customer_clean.issues ORDER BY row_id, issue_id;

-- COPY and INSERT ... ON CONFLICT too.
COPY crm.customers (id, full_name, mobile, country) FROM stdin WITH (FORMAT csv);
3,WANG fang,+1 (415) 555-0132,usa
4,"o'brien, sean",020 7946 0018,UK
\.
INSERT INTO crm.customers (id, full_name, mobile) VALUES (4, 'SEAN O''BRIEN', '+44 20 7946 0019')
ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, mobile = excluded.mobile;
SELECT id, full_name, mobile, country FROM crm.customers WHERE id >= 3 ORDER BY id;

-- Cross-field rule: the ID number disagrees with the birth date and gender.
INSERT INTO crm.customers (id, full_name, dob, sex, id_card) VALUES (5, '赵敏', '1990-01-01', 'M', '11010519491231002X');
SELECT row_id, column_name, code, severity FROM customer_clean.issues WHERE row_id = '5' ORDER BY issue_id;

-- reject: ERROR 23514 naming column and value, every problem in DETAIL.
SELECT customer_clean.enable_cleaning('crm.customers', 'reject');
INSERT INTO crm.customers (id, full_name, mobile) VALUES (6, 'Chen Jie', '555');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS rows_with_id_6 FROM crm.customers WHERE id = 6;

-- quarantine: the row is kept whole in customer_clean.quarantine, not in the table.
SELECT customer_clean.enable_cleaning('crm.customers', 'quarantine');
INSERT INTO crm.customers (id, full_name, mobile, note) VALUES (7, 'zhou xun', '999', 'vip');
SELECT count(*) AS rows_with_id_7 FROM crm.customers WHERE id = 7;
SELECT row_id, operation, row_data, problems -> 0 ->> 'code' AS first_problem FROM customer_clean.quarantine;
-- release after correction: goes through the trigger again and is stored.
SELECT customer_clean.release_quarantine(quarantine_id, '{"mobile": "13600001111"}')
  FROM customer_clean.quarantine WHERE row_id = '7';
SELECT id, full_name, mobile, note FROM crm.customers WHERE id = 7;
SELECT row_id, released_at IS NOT NULL AS released FROM customer_clean.quarantine;
SELECT customer_clean.release_quarantine(quarantine_id) FROM customer_clean.quarantine WHERE row_id = '7';

-- A normalized value that does not fit varchar(n) is kept as written, with a warning.
SELECT customer_clean.register('crm.customers', '{"id": "id", "phone": "note"}', '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('crm.customers', 'flag');
INSERT INTO crm.customers (id, note) VALUES (8, '13800001111');
SELECT id, note FROM crm.customers WHERE id = 8;
SELECT code, severity, message FROM customer_clean.issues WHERE row_id = '8';

-- Rules are plain SQL: a DBA's rule takes effect at the next statement.
INSERT INTO customer_clean.rules (tbl, column_name, kind, params)
VALUES ('crm.customers', 'full_name', 'length', '{"min": 2, "max": 20}');
INSERT INTO crm.customers (id, full_name) VALUES (9, 'X');
SELECT column_name, code, message FROM customer_clean.issues WHERE row_id = '9';
-- A broken rule is reported when cleaning runs, with its id.
UPDATE customer_clean.rules SET params = '{"pattern": "("}', kind = 'regex' WHERE column_name = 'full_name';
INSERT INTO crm.customers (id, full_name) VALUES (10, 'Y');
DELETE FROM customer_clean.rules WHERE column_name = 'full_name';

-- Bad modes and unregistered tables.
SELECT customer_clean.enable_cleaning('crm.customers', 'ignore');
CREATE TABLE crm.other (id int);
SELECT customer_clean.enable_cleaning('crm.other');

-- disable / unregister: the trigger goes, what was recorded stays.
SELECT customer_clean.disable_cleaning('crm.customers');
INSERT INTO crm.customers (id, mobile) VALUES (11, '555');
SELECT id, mobile FROM crm.customers WHERE id = 11;
SELECT customer_clean.unregister('crm.customers');
SELECT count(*) AS profiles FROM customer_clean.profiles;
SELECT count(*) > 0 AS issues_kept FROM customer_clean.issues;
DROP SCHEMA crm CASCADE;
