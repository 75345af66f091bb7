-- Generated customers (bench/gen_customers.py CSV on standard input) as
-- table `customers` of the first schema on the search path, registered
-- with every role. Used by tests/cancel.sh and tests/crash.sh:
--   psql -f tests/generated_customers.sql < customers.csv
CREATE TABLE customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
\copy customers FROM pstdin CSV HEADER
SELECT customer_clean.register('customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN", "date_order": "DMY"}');
