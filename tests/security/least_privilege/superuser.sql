-- What the superuser does in the least-privilege scenario, and nothing
-- more: the database, one LOGIN role per part, the extension, and the
-- right to create schemas for the table's owner. Run against database
-- postgres by tests/security/least_privilege.sh (-v db=<database>).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE DATABASE :"db";
\c :db
\ir lib.sql

CREATE ROLE crm_owner LOGIN;   -- owns schema crm and its tables
CREATE ROLE app LOGIN;         -- the application: SELECT, INSERT, UPDATE on the customers
CREATE ROLE bi LOGIN;          -- reporting: SELECT only
CREATE ROLE steward_a LOGIN;   -- data steward of tenant a (row-level security)
CREATE ROLE steward_b LOGIN;   -- data steward of tenant b
CREATE ROLE nobody LOGIN;      -- USAGE on schema crm, no privilege on the table
CREATE EXTENSION customer_clean;
GRANT CREATE ON DATABASE :"db" TO crm_owner;

\echo == superuser: the roles are ordinary
SELECT pg_temp.expect_value('superuser: no role of the scenario is superuser, CREATEROLE, CREATEDB or BYPASSRLS',
  $$SELECT count(*) FROM pg_roles WHERE rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody')
      AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls)$$, '0');
SELECT pg_temp.expect_value('superuser: no role of the scenario is a member of another role',
  $$SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
     WHERE r.rolname IN ('crm_owner', 'app', 'bi', 'steward_a', 'steward_b', 'nobody')$$, '0');
