-- Setup of the merge race (merge_race.sh): 2,000 generated customers with
-- their true duplicates (see tests/regress/sql/14_matching.sql), three
-- referencing tables (one with a two-column foreign key), a trained model,
-- clusters from dedupe, and the state every unmerge must come back to.
SET client_min_messages = warning;
CREATE EXTENSION customer_clean;
CREATE SCHEMA race;
CREATE TABLE race.customers (id int PRIMARY KEY, true_entity_id int, household_id int, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp, branch text NOT NULL DEFAULT 'HQ', UNIQUE (id, branch));
\copy race.customers (id, true_entity_id, household_id, full_name, phone, email, address, country, postcode, birth_date, gender, national_id, source_system, updated_at) FROM 'tests/regress/data/customers_2000.csv' CSV HEADER
CREATE TABLE race.orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES race.customers, total numeric);
CREATE TABLE race.tickets (ticket_id serial PRIMARY KEY, customer_id int REFERENCES race.customers, subject text);
CREATE TABLE race.visits (visit_id serial PRIMARY KEY, customer_id int, branch text,
  FOREIGN KEY (customer_id, branch) REFERENCES race.customers (id, branch));
INSERT INTO race.orders (customer_id, total) SELECT id, id % 97 FROM race.customers, generate_series(1, 2);
INSERT INTO race.tickets (customer_id, subject) SELECT id, 'ticket ' || id FROM race.customers WHERE id % 3 = 0;
INSERT INTO race.visits (customer_id, branch) SELECT id, branch FROM race.customers WHERE id % 2 = 0;
SELECT customer_clean.register('race.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}', '{"default_region": "CN"}');
SELECT customer_clean.train('race.customers', '{"seed": 7, "random_pairs": 200000}') IS NOT NULL AS trained;
SELECT customer_clean.dedupe('race.customers') ->> 'clusters' AS clusters;

-- Everything merges touch, each row as its exact text.
CREATE FUNCTION race.state() RETURNS TABLE (tbl text, r text) LANGUAGE plpgsql AS $$
DECLARE t regclass;
BEGIN
  FOR t IN SELECT unnest('{race.customers, race.orders, race.tickets, race.visits, customer_clean.clusters,
                           customer_clean.match_keys}'::regclass[]) LOOP
    RETURN QUERY EXECUTE format('SELECT %L, x::text FROM %s x', t::text, t);
  END LOOP;
  RETURN QUERY SELECT 'customer_clean.review_queue', (q.pair_id, q.row_id_a, q.row_id_b, q.status, q.merge_id)::text
                 FROM customer_clean.review_queue q;
END $$;
CREATE TABLE race.initial AS SELECT * FROM race.state();

-- What each client did; expected refusals are counted, anything else fails the run.
CREATE TABLE race.outcomes (outcome text, n bigint NOT NULL DEFAULT 0, PRIMARY KEY (outcome));

-- One random step of a client: merge a random cluster (or a random set of
-- rows, to make sets overlap across clusters), or undo a random merge.
CREATE FUNCTION race.step() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  m bigint;
  result text;
BEGIN
  IF random() < 0.6 THEN
    IF random() < 0.5 THEN
      SELECT array_agg(row_id ORDER BY random()) INTO ids FROM customer_clean.clusters
       WHERE cluster_id = (SELECT cluster_id FROM customer_clean.clusters ORDER BY random() LIMIT 1);
    ELSE
      SELECT array_agg((1 + floor(random() * 40))::int::text) INTO ids FROM generate_series(1, 2 + floor(random() * 3)::int);
      SELECT array_agg(DISTINCT x) INTO ids FROM unnest(ids) x;
    END IF;
    IF cardinality(ids) < 2 THEN
      result := 'nothing to merge';
    ELSE
      BEGIN
        PERFORM customer_clean.merge('race.customers', ids[1], ids[2:]);
        result := 'merged';
      EXCEPTION WHEN no_data_found THEN   -- a row was merged away meanwhile (the error says by which merge)
        result := 'merge refused: row gone';
      END;
    END IF;
  ELSE
    SELECT merge_id INTO m FROM customer_clean.merges WHERE unmerged_at IS NULL ORDER BY random() LIMIT 1;
    IF m IS NULL THEN
      result := 'nothing to unmerge';
    ELSE
      BEGIN
        PERFORM customer_clean.unmerge(m);
        result := 'unmerged';
      EXCEPTION WHEN object_not_in_prerequisite_state THEN  -- later merges of the row, or undone meanwhile
        result := 'unmerge refused';
      END;
    END IF;
  END IF;
  INSERT INTO race.outcomes VALUES (result, 1) ON CONFLICT (outcome) DO UPDATE SET n = race.outcomes.n + 1;
  RETURN result;
END $$;
