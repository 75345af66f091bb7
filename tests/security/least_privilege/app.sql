-- app in the least-privilege scenario: the application writes customers
-- (SELECT, INSERT, UPDATE on crm.customers; a policy shows it every
-- tenant) through the cleaning trigger and match_on_insert.
-- Steps (psql -v <step>=): writes, quarantine.
\ir lib.sql

-------------------------------------------------------------------- writes
\if :{?writes}
\echo == app: INSERT and UPDATE through the cleaning trigger (flag)
SELECT pg_temp.expect_rows('app: INSERT a messy row',
  $$INSERT INTO crm.customers (id, full_name, phone, email, country, tenant)
    VALUES (900101, '  wang   FANG ', '139 8765 4321', ' Wang.Fang@Example.COM', 'China', 'a')$$, 1);
SELECT pg_temp.expect_value('app: the row is stored cleaned',
  $$SELECT concat_ws(' | ', full_name, phone, email, country) FROM crm.customers WHERE id = 900101$$,
  'Wang Fang | +8613987654321 | wang.fang@example.com | CN');
SELECT pg_temp.expect_value('app: what cleaning changed is journaled, as written by app',
  $$SELECT string_agg(changed_by || ' ' || operation || ' ' || original::text, '; ')
      FROM customer_clean.changes WHERE tbl = 'crm.customers'::regclass AND row_id = '900101'$$,
  'app INSERT {"email": " Wang.Fang@Example.COM", "phone": "139 8765 4321", "country": "China", "full_name": "  wang   FANG "}');
SELECT pg_temp.expect_rows('app: UPDATE', $$UPDATE crm.customers SET phone = '+86 139 8765 4322' WHERE id = 900101$$, 1);
SELECT pg_temp.expect_value('app: the update is cleaned',
  $$SELECT phone FROM crm.customers WHERE id = 900101$$, '+8613987654322');
SELECT pg_temp.expect_value('app: both writes are journaled',
  $$SELECT string_agg(operation, ',' ORDER BY change_id) FROM customer_clean.changes
     WHERE tbl = 'crm.customers'::regclass AND row_id = '900101' AND changed_by = 'app'$$, 'INSERT,UPDATE');
SELECT pg_temp.expect_rows('app: INSERT a row that breaks the rules (flag: stored)',
  $$INSERT INTO crm.customers (id, full_name, phone, email, country, tenant)
    VALUES (900102, 'Broken Row', 'not a phone', 'not-an-email', 'CN', 'a')$$, 1);
SELECT pg_temp.expect_value('app: its problems are in customer_clean.issues',
  $$SELECT string_agg(code, ',' ORDER BY code) FROM customer_clean.issues WHERE tbl = 'crm.customers'::regclass AND row_id = '900102'$$,
  'invalid_email,invalid_phone');
-- PostgreSQL refuses COPY FROM to a role that row-level security applies
-- to, whatever its policies; the owner copies (owner.sql, setup).
\set ON_ERROR_STOP 0
\copy crm.customers (id, full_name, phone, email, country, tenant) FROM 'tests/security/least_privilege/copy_rows.csv' WITH (FORMAT csv)
\set ON_ERROR_STOP 1
SELECT pg_temp.expect_outcome('app: COPY FROM (PostgreSQL refuses it under row-level security)', :'SQLSTATE', :'LAST_ERROR_MESSAGE',
  '0A000', 'COPY FROM not supported with row-level security');

\echo == app: match_on_insert
-- People with one row, a phone nobody else has and an address: three of
-- tenant a and two of tenant b get a household member (same phone and
-- address, another name), which match_on_insert queues for review; a
-- fourth of tenant a is entered twice, which it clusters.
CREATE TEMP TABLE picked AS
SELECT s.tenant, s.k, s.id
  FROM (SELECT c.tenant, c.id, row_number() OVER (PARTITION BY c.tenant ORDER BY c.id) AS k
          FROM crm.customers c
         WHERE c.id < 900000 AND c.phone IS NOT NULL AND c.address IS NOT NULL
           AND c.updated_at > now() - interval '365 days'
           AND (SELECT count(*) FROM crm.customers o WHERE o.true_entity_id = c.true_entity_id) = 1
           AND (SELECT count(*) FROM crm.customers o WHERE o.phone = c.phone) = 1) s
 WHERE s.k <= CASE s.tenant WHEN 'a' THEN 4 ELSE 2 END;
CREATE TEMP TABLE household AS
SELECT p.tenant || (p.k) AS name, p.id AS src, 900200 + row_number() OVER (ORDER BY p.tenant, p.k) AS new,
       (ARRAY['Avery Quill', 'Morgan Thistle', 'Rowan Pike', 'Jordan Wick', 'Casey Fennel'])[row_number() OVER (ORDER BY p.tenant, p.k)] AS full_name
  FROM picked p WHERE p.tenant = 'b' OR p.k <= 3;
SELECT pg_temp.expect_value('app: five people to give a household member', $$SELECT count(*) FROM household$$, '5');
SELECT pg_temp.expect_rows('app: INSERT the household members',
  $$INSERT INTO crm.customers (id, full_name, phone, address, country, postcode, gender, tenant)
    SELECT h.new, h.full_name, c.phone, c.address, c.country, c.postcode, c.gender, c.tenant
      FROM household h JOIN crm.customers c ON c.id = h.src$$, 5);
SELECT pg_temp.expect_value('app: match_on_insert queued each with its housemate for review',
  $$SELECT string_agg(h.name || ':' || (SELECT count(*) FROM customer_clean.review_queue q
                                         WHERE q.tbl = 'crm.customers'::regclass AND q.status = 'pending' AND q.found_by = 'match_on_insert'
                                           AND ARRAY[q.row_id_a, q.row_id_b] @> ARRAY[h.src::text, h.new::text]), ' ' ORDER BY h.name)
      FROM household h$$,
  'a1:1 a2:1 a3:1 b1:1 b2:1');
SELECT 'fact hh_' || h.name || '_src=' || h.src FROM household h
UNION ALL
SELECT 'fact hh_' || h.name || '_new=' || h.new FROM household h;
SELECT pg_temp.expect_rows('app: INSERT a customer again',
  $$INSERT INTO crm.customers (id, true_entity_id, household_id, full_name, phone, email, address, country, postcode,
                               birth_date, gender, national_id, source_system, tenant)
    SELECT 900105, true_entity_id, household_id, full_name, phone, email, address, country, postcode,
           birth_date, gender, national_id, source_system, tenant
      FROM crm.customers WHERE id = (SELECT id FROM picked WHERE tenant = 'a' AND k = 4)$$, 1);
SELECT pg_temp.expect_value('app: match_on_insert put both rows in one cluster',
  $$SELECT count(DISTINCT cluster_id) || ' cluster, ' || count(*) || ' rows' FROM customer_clean.clusters
     WHERE tbl = 'crm.customers'::regclass AND row_id IN ('900105', (SELECT id::text FROM picked WHERE tenant = 'a' AND k = 4))$$,
  '1 cluster, 2 rows');
\endif

---------------------------------------------------------------- quarantine
\if :{?quarantine}
\echo == app: rows that break the rules go to quarantine (on_invalid quarantine)
SELECT pg_temp.expect_rows('app: INSERT a bad row of tenant a (quarantined, not stored)',
  $$INSERT INTO crm.customers (id, full_name, phone, email, country, tenant)
    VALUES (900301, 'Quinn Avalon', 'not a phone', 'not-an-email', 'CN', 'a')$$, 0);
SELECT pg_temp.expect_rows('app: INSERT a bad row of tenant b (quarantined, not stored)',
  $$INSERT INTO crm.customers (id, full_name, phone, email, country, tenant)
    VALUES (900302, 'Blake Ember', 'not a phone', 'not-an-email', 'CN', 'b')$$, 0);
\endif
