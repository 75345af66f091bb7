-- 2,000 generated customers with ground truth (bench/gen_customers.py
-- --rows 2000 --seed 7) as table `customers` of the first schema on the
-- search path, registered with every role. Used by
-- tests/regress/sql/14_matching.sql, 15_merge.sql and demo/demo.sql:
--   SET search_path = mt;
--   \i tests/regress/data/customers_2000.sql
--   RESET search_path;
-- (\copy takes no psql variables, hence the search path.)
CREATE TABLE customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
\copy customers FROM 'tests/regress/data/customers_2000.csv' CSV HEADER
SELECT customer_clean.register('customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN"}');
