-- The victims' side of the trojan suite, set up by the superuser before
-- mallory plants anything (run from the repository root, default path):
-- the extension, the roles, and two copies of ~300 customers (crm_a for
-- callers whose path is `mallory_path, public`, crm_b for callers whose
-- path is `mallory_path, public, pg_catalog`), each with an orders table
-- that refers to it (merges re-point it).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
-- Count calls of every function, C and SQL (which extension functions ran),
-- from CREATE EXTENSION on.
SET track_functions = 'all';
CREATE EXTENSION customer_clean;
SELECT pg_catalog.format('ALTER DATABASE %I SET track_functions = ''all''', current_database()) \gexec
-- TROJAN_UNPIN=1 (tests/security/trojan.sh): what the suite sees when the
-- functions do not pin their search_path, as before issue 15.
\if :unpin
SELECT pg_catalog.format('ALTER %s %s RESET search_path', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.oid::regprocedure)
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace = 'customer_clean'::regnamespace
   AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%') \gexec
\endif

CREATE ROLE mallory LOGIN;                 -- may create objects in public, owns mallory_path
CREATE ROLE steward LOGIN;                 -- SELECT, INSERT, UPDATE, DELETE on the customers (below)
CREATE ROLE app LOGIN BYPASSRLS;           -- INSERT/UPDATE/SELECT on the customers, nothing else
GRANT CREATE ON SCHEMA public TO mallory;  -- as on PostgreSQL 13/14 and every upgraded database
CREATE SCHEMA mallory_path AUTHORIZATION mallory;

CREATE SCHEMA crm_a;
CREATE TABLE crm_a.customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
CREATE TEMP TABLE all_customers (LIKE crm_a.customers);
\copy all_customers FROM 'tests/regress/data/customers_2000.csv' CSV HEADER
-- the customers of 250 people: ~300 rows, 30-odd true duplicate groups
INSERT INTO crm_a.customers SELECT * FROM all_customers WHERE true_entity_id <= 250;
UPDATE crm_a.customers SET updated_at = now() - interval '1 day';
CREATE TABLE crm_a.orders (order_id int PRIMARY KEY, customer_id int REFERENCES crm_a.customers, amount numeric);
INSERT INTO crm_a.orders SELECT row_number() OVER (ORDER BY id), id, id * 10 FROM crm_a.customers WHERE id % 3 = 0;
-- three customers nobody ordered from, not updated for 20 years: archive_stale takes them
UPDATE crm_a.customers SET updated_at = '2004-01-01'
 WHERE id IN (SELECT id FROM crm_a.customers WHERE id % 3 <> 0 ORDER BY id DESC LIMIT 3);

CREATE SCHEMA crm_b;
CREATE TABLE crm_b.customers (LIKE crm_a.customers INCLUDING ALL);
INSERT INTO crm_b.customers SELECT * FROM crm_a.customers;
CREATE TABLE crm_b.orders (order_id int PRIMARY KEY, customer_id int REFERENCES crm_b.customers, amount numeric);
INSERT INTO crm_b.orders SELECT * FROM crm_a.orders;

-- Row-level security that hides nothing, so that the steward's calls take
-- the paths that evaluate the table's policies (row_visible,
-- image_visible). The application bypasses it: COPY FROM refuses to run
-- under row-level security.
ALTER TABLE crm_a.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm_b.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON crm_a.customers USING (true);
CREATE POLICY everyone ON crm_b.customers USING (true);
GRANT USAGE ON SCHEMA crm_a, crm_b TO steward, app;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_a.customers, crm_a.orders, crm_b.customers, crm_b.orders TO steward;
GRANT SELECT, INSERT, UPDATE ON crm_a.customers, crm_b.customers TO app;
