-- customer_clean demo: dirty customer rows in, standardized values out.
-- Run by scripts/demo.sh (make demo) against a scratch cluster.
\pset pager off
\pset null '∅'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS demo CASCADE;
DROP EXTENSION IF EXISTS customer_clean CASCADE;
CREATE EXTENSION customer_clean;
CREATE SCHEMA demo;
CREATE TABLE demo.customers (
  id int PRIMARY KEY, full_name text, phone text, email text, address text,
  country text, postcode text, birth_date text);
\copy demo.customers FROM 'demo/customers.csv' WITH (FORMAT csv, HEADER)

\echo
\echo '== normalize_country: ISO 3166-1 alpha-2 from names in English and Chinese, codes and aliases'
SELECT id, country AS before, customer_clean.normalize_country(country) AS after FROM demo.customers ORDER BY id;

\echo '== normalize_phone / phone_info: E.164 with the customer''s country as default region (NULL = not a valid number)'
SELECT id, phone AS before,
       customer_clean.normalize_phone(phone, coalesce(customer_clean.normalize_country(country), 'CN')) AS e164,
       customer_clean.phone_info(phone, coalesce(customer_clean.normalize_country(country), 'CN')) ->> 'type' AS type
  FROM demo.customers ORDER BY id;

\echo '== normalize_email / email_match_key'
SELECT id, email AS before, customer_clean.normalize_email(email) AS normalized,
       customer_clean.email_match_key(email) AS match_key
  FROM demo.customers ORDER BY id;

\echo '== normalize_name / name_parts'
SELECT id, full_name AS before, customer_clean.normalize_name(full_name) AS normalized,
       customer_clean.name_parts(full_name) AS parts
  FROM demo.customers ORDER BY id;

\echo '== normalize_date (customer_clean.date_order = DMY; impossible dates are NULL)'
SELECT id, birth_date AS before, customer_clean.normalize_date(birth_date) AS after FROM demo.customers ORDER BY id;

\echo '== normalize_postcode'
SELECT id, postcode AS before, country,
       customer_clean.normalize_postcode(postcode, coalesce(customer_clean.normalize_country(country), 'CN')) AS after
  FROM demo.customers ORDER BY id;

\echo '== normalize_address / address_parts'
SELECT id, address AS before,
       customer_clean.normalize_address(address, coalesce(customer_clean.normalize_country(country), 'CN')) AS normalized
  FROM demo.customers ORDER BY id;
SELECT id, jsonb_pretty(customer_clean.address_parts(address, customer_clean.normalize_country(country))) AS parts
  FROM demo.customers WHERE id IN (1, 7, 11) ORDER BY id;

\echo '== normalize_text: Unicode clean-up under all of the above'
SELECT id, full_name AS before, customer_clean.normalize_text(full_name) AS after
  FROM demo.customers WHERE full_name <> customer_clean.normalize_text(full_name) ORDER BY id;
