-- Setup of the load test (tests/load/run.sh): 15,000 customers in the
-- table, 25,000 more waiting in load.staged; cleaning (flag) with
-- match_on_insert, a trained model, clusters and a review queue.
SET client_min_messages = warning;
CREATE EXTENSION customer_clean;
CREATE SCHEMA load;
CREATE TABLE load.staged (n serial PRIMARY KEY, id int, true_entity_id int, household_id int, full_name text,
  phone text, email text, address text, country text, postcode text, birth_date text, gender text,
  national_id text, source_system text, updated_at timestamp);
\copy load.staged (id, true_entity_id, household_id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id, source_system, updated_at) FROM pstdin CSV HEADER
CREATE TABLE load.customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp);
INSERT INTO load.customers SELECT id, true_entity_id, household_id, full_name, phone, email, address, country, postcode,
  birth_date, gender, national_id, source_system, updated_at FROM load.staged WHERE n <= 15000;
DELETE FROM load.staged WHERE n <= 15000;
SELECT customer_clean.register('load.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN", "date_order": "DMY"}');
SELECT customer_clean.train('load.customers', '{"seed": 42}') IS NOT NULL;
SELECT customer_clean.dedupe('load.customers') IS NOT NULL;
SELECT customer_clean.enable_cleaning('load.customers', 'flag', match_on_insert => true);
CREATE SEQUENCE load.next_row START 15001;
CREATE TABLE load.outcomes (outcome text PRIMARY KEY, n bigint NOT NULL);

-- One insert through the cleaning and match_on_insert triggers.
CREATE FUNCTION load.insert_next() RETURNS void LANGUAGE sql AS $$
  WITH k AS (SELECT nextval('load.next_row') AS n)
  INSERT INTO load.customers SELECT s.id, s.true_entity_id, s.household_id, s.full_name, s.phone, s.email, s.address,
         s.country, s.postcode, s.birth_date, s.gender, s.national_id, s.source_system, s.updated_at
    FROM load.staged s JOIN k USING (n);
$$;

-- A steward decides a random pending pair: approve (merge) or reject.
-- Expected refusals (a row merged away meanwhile, a pair decided by
-- someone else) are counted; anything else fails the client.
CREATE FUNCTION load.steward_step() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  p bigint;
  result text;
BEGIN
  SELECT pair_id INTO p FROM customer_clean.review_queue
   WHERE tbl = 'load.customers'::regclass AND status = 'pending' ORDER BY random() LIMIT 1;
  IF p IS NULL THEN
    result := 'nothing pending';
  ELSE
    BEGIN
      IF random() < 0.5 THEN
        PERFORM customer_clean.approve(p);
        result := 'approved';
      ELSE
        PERFORM customer_clean.reject(p);
        result := 'rejected';
      END IF;
    EXCEPTION
      WHEN no_data_found THEN result := 'refused: row or pair gone';
      WHEN object_not_in_prerequisite_state THEN result := 'refused: already decided';
    END;
  END IF;
  INSERT INTO load.outcomes VALUES (result, 1) ON CONFLICT (outcome) DO UPDATE SET n = load.outcomes.n + 1;
  RETURN result;
END $$;
