-- Hostile input for every SQL function of customer_clean (issue 7): each
-- function is called once per hostile value in each argument position
-- (the other arguments ordinary), and each immutable one with a 100 MB
-- string in each text position, inside BEGIN … ROLLBACK, with a 10 s
-- statement timeout. tests/hostile/run.sh checks that every call returned
-- or raised an error with a real SQLSTATE: no internal error (XX000), no
-- timeout, no crash.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS customer_clean;
CREATE SCHEMA IF NOT EXISTS h;
CREATE TABLE h.customers (id int PRIMARY KEY, full_name text, phone text, email text, address text, country text,
  postcode text, birth_date text, gender text, national_id text, updated_at timestamptz, source text);
SELECT customer_clean.register('h.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email",
  "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source"}', '{"default_region": "CN"}') \g /dev/null
INSERT INTO h.customers VALUES
  (1, '张伟', '13812345678', 'zw@example.com', '北京市朝阳区建国路88号', 'CN', '100022', '1985-03-12', 'm', '110105198503120039', now(), 'crm'),
  (2, 'Zhang Wei', '+86 138 1234 5678', 'zw@example.com', NULL, 'CN', NULL, '12/03/1985', NULL, NULL, now(), 'web');
SELECT customer_clean.train('h.customers', '{"seed": 1, "random_pairs": 1000}') \g /dev/null

-- Hostile values per type; the first of each is the ordinary value used
-- for the other positions.
CREATE TEMP TABLE hostile (type regtype, n int, value text);
INSERT INTO hostile SELECT 'text', n, v FROM unnest(ARRAY[
  quote_literal('CN'),
  'NULL', quote_literal(''), quote_literal('   '),
  'repeat(''x'', 1048576)',                                     -- 1 MB
  'repeat(''张'', 400000)',                                     -- 1.2 MB of CJK
  'repeat(''1'', 1048576)',                                     -- 1 MB of digits
  'repeat(''@.'', 300000)',
  quote_literal(E'\u202e+86 138\u200b1234\u200d5678\ufeff'),   -- RTL override, zero-width
  quote_literal(E'e\u0301\u0301\u0301\u0301\u0301\u0301'),     -- combining marks
  quote_literal(E'\U00020000\U0002A6D6\U0001F600'),            -- astral CJK, emoji
  quote_literal('Narnia'), quote_literal('ZZ'), quote_literal('中国'),
  quote_literal(E'x\x01\x7f\t\n\r'), quote_literal('Robert''); DROP TABLE h.customers; --'),
  quote_literal('"; DROP SCHEMA h CASCADE; --')
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'jsonb', n, v FROM unnest(ARRAY[
  quote_literal('{}') || '::jsonb', 'NULL', quote_literal('[]') || '::jsonb', quote_literal('null') || '::jsonb',
  quote_literal('"x"') || '::jsonb', quote_literal('[1, {"id": null}]') || '::jsonb',
  quote_literal('{"id": "id", "name": "no_such_column"}') || '::jsonb',
  quote_literal('{"id": "id\"; DROP TABLE h.customers; --"}') || '::jsonb',
  '(SELECT jsonb_object_agg(''k'' || i, repeat(''v'', 100)) FROM generate_series(1, 10000) i)',
  '(SELECT jsonb_agg(to_jsonb(c)) FROM h.customers c)'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'text[]', n, v FROM unnest(ARRAY[
  'ARRAY[''2'']', 'NULL', 'ARRAY[]::text[]', 'ARRAY[NULL]::text[]', 'ARRAY[''1'', ''1'']',
  '(SELECT array_agg(i::text) FROM generate_series(1, 100000) i)'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT t, n, v FROM unnest(ARRAY['integer', 'bigint']::regtype[]) t,
  unnest(ARRAY['1', 'NULL', '0', '-1', '2147483647']) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'double precision', n, v FROM unnest(ARRAY[
  '0.5', 'NULL', '0', '-0.1', '1.5', '''NaN''::float8', '''Infinity''::float8', '1e308'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'bigint[]', n, v FROM unnest(ARRAY[
  'ARRAY[2]::bigint[]', 'NULL', 'ARRAY[]::bigint[]', 'ARRAY[NULL]::bigint[]', 'ARRAY[1, 1]::bigint[]',
  'ARRAY[-9223372036854775808]::bigint[]', '(SELECT array_agg(i) FROM generate_series(1::bigint, 100000) i)'
]) WITH ORDINALITY AS u(v, n);
-- row ids of any array type: integers, uuids, two dimensions, composite rows
INSERT INTO hostile SELECT 'anycompatiblearray', n, v FROM unnest(ARRAY[
  'ARRAY[2]', 'NULL', '''{}''', 'ARRAY[NULL]::int[]', 'ARRAY[[1, 2], [3, 4]]',
  'ARRAY[''00000000-0000-0000-0000-000000000000''::uuid]', 'ARRAY[''{"id": 1}''::jsonb]',
  'ARRAY[ROW(1, ''x'')]', '(SELECT array_agg(i) FROM generate_series(1, 100000) i)'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'interval', n, v FROM unnest(ARRAY[
  '''1 year''::interval', 'NULL', '''0''::interval', '''-1 day''::interval', '''178000000 years''::interval',
  '''-178000000 years''::interval', '''1 month -40 days''::interval'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'boolean', n, v FROM unnest(ARRAY['true', 'NULL', 'false']) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'date', n, v FROM unnest(ARRAY[
  '''2020-01-01''::date', 'NULL', '''infinity''::date', '''-infinity''::date', '''4713-01-01 BC''::date'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO hostile SELECT 'regclass', n, v FROM unnest(ARRAY[
  '''h.customers''::regclass', 'NULL', '''pg_class''::regclass', '0::oid::regclass'
]) WITH ORDINALITY AS u(v, n);

-- Every call: the function, one position made hostile at a time.
CREATE TEMP TABLE calls AS
SELECT p.oid::regprocedure::text AS fn, pos, h.n,
       format('SELECT %s(%s) IS NULL', p.oid::regproc,
              (SELECT string_agg(CASE WHEN i = pos THEN h.value
                                      ELSE (SELECT o.value FROM hostile o WHERE o.type = a.t AND o.n = 1) END,
                                 ', ' ORDER BY i)
                 FROM unnest(p.proargtypes::regtype[]) WITH ORDINALITY a(t, i))) AS sql
  FROM pg_proc p
  JOIN pg_namespace s ON s.oid = p.pronamespace AND s.nspname = 'customer_clean'
  CROSS JOIN LATERAL generate_series(1, p.pronargs) pos
  JOIN hostile h ON h.type = (p.proargtypes::regtype[])[pos - 1]
 WHERE p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype
   -- functions that end transactions, or run a table-wide job, are tested elsewhere
   AND p.proname NOT IN ('dedupe', 'clean_table_batch', 'snapshot_quality')
 ORDER BY 1, 2, 3;

-- 100 MB strings: once per immutable function taking text (each is
-- bounded before it reads the whole string).
INSERT INTO calls
SELECT p.oid::regprocedure::text, pos, 100,
       format('SELECT %s(%s) IS NULL', p.oid::regproc,
              (SELECT string_agg(CASE WHEN i = pos THEN 'repeat(''张'', 35000000)'
                                      ELSE (SELECT o.value FROM hostile o WHERE o.type = a.t AND o.n = 1) END,
                                 ', ' ORDER BY i)
                 FROM unnest(p.proargtypes::regtype[]) WITH ORDINALITY a(t, i)))
  FROM pg_proc p
  JOIN pg_namespace s ON s.oid = p.pronamespace AND s.nspname = 'customer_clean'
  CROSS JOIN LATERAL generate_series(1, p.pronargs) pos
 WHERE p.prokind = 'f' AND p.provolatile = 'i' AND (p.proargtypes::regtype[])[pos - 1] = 'text'::regtype;

-- Options (issue 15): every option key of register and train, and every
-- argument that sizes work (dedupe, find_duplicates, clean_table_start,
-- merge_clusters, match_row, qgram_similarity's q), at extreme values:
-- huge, negative, fractions, NaN/±Infinity (as strings: JSON has no NaN),
-- every wrong JSON type, null and nested objects. Each must give 22023 or
-- work within the range; none may allocate without bound or run past 10 s.
CREATE TEMP TABLE option_values (n int, value jsonb);
INSERT INTO option_values SELECT n, v::jsonb FROM unnest(ARRAY[
  '100000000000', '1000000000000000000000000000000', '18446744073709551615', '18446744073709551616',
  '-1', '-9223372036854775809', '0', '1', '1.5', '-0.5', '0.000000000000000000001',
  '"x"', '"NaN"', '"Infinity"', '"-Infinity"', '"1"', 'true', 'false', 'null', '[]', '[1, 2]', '{}',
  '{"a": {"b": [1, {"c": null}]}}',
  '1e400', '-1e400'                      -- valid jsonb (numeric), no double: once pgrx's internal error
]) WITH ORDINALITY AS u(v, n);
CREATE TEMP TABLE option_keys (fn text, key text[]);
INSERT INTO option_keys VALUES
  ('train', '{seed}'), ('train', '{random_pairs}'), ('train', '{max_em_iterations}'), ('train', '{em_tolerance}'),
  ('train', '{max_block_size}'), ('train', '{min_name_count}'), ('train', '{max_names}'), ('train', '{threads}'), ('train', '{sample_rows}'),
  ('train', '{no_such_option}'),
  ('register', '{default_region}'), ('register', '{date_order}'), ('register', '{survivorship}'),
  ('register', '{source_priority}'), ('register', '{quality}'), ('register', '{quality,targets}'),
  ('register', '{quality,targets,validity}'), ('register', '{quality,weights}'),
  ('register', '{quality,weights,overall}'), ('register', '{quality,timeliness_days}'),
  ('register', '{quality,no_such_key}'), ('register', '{no_such_option}');
INSERT INTO calls
SELECT 'customer_clean.' || k.fn || ' option ' || array_to_string(k.key, '.'), 1000 + v.n, v.n,
       CASE k.fn
         WHEN 'train' THEN format('SELECT customer_clean.train(''h.customers'', %L::jsonb) IS NULL',
                                  jsonb_set('{}', k.key, v.value))
         ELSE format('SELECT customer_clean.register(''h.customers'', %L::jsonb, %L::jsonb) IS NULL',
                     '{"id": "id", "name": "full_name", "phone": "phone", "updated_at": "updated_at", "source": "source"}',
                     CASE cardinality(k.key)
                       WHEN 1 THEN jsonb_set('{}', k.key, v.value)
                       WHEN 2 THEN jsonb_set('{"quality": {}}', k.key, v.value)
                       ELSE jsonb_set('{"quality": {"targets": {}, "weights": {}}}', k.key, v.value) END)
       END
  FROM option_keys k CROSS JOIN option_values v;
-- Scalar arguments that size work or are probabilities.
CREATE TEMP TABLE scalar_values (n int, value text);
INSERT INTO scalar_values SELECT n, v FROM unnest(ARRAY[
  '''NaN''::float8', '''Infinity''::float8', '''-Infinity''::float8', '1e308', '-1e308', '-1', '0', '1',
  '1.0000001', '2147483647', '-2147483648', '1000001'
]) WITH ORDINALITY AS u(v, n);
INSERT INTO calls
SELECT c.fn, 2000 + v.n, v.n, format(c.sql, v.value)
  FROM (VALUES
    ('customer_clean.dedupe min_probability', 'SELECT customer_clean.dedupe(''h.customers'', (%s)::float8, 0.5) IS NULL'),
    ('customer_clean.dedupe review_probability', 'SELECT customer_clean.dedupe(''h.customers'', 0.9, (%s)::float8) IS NULL'),
    ('customer_clean.find_duplicates min_probability', 'SELECT count(*) FROM customer_clean.find_duplicates(''h.customers'', (%s)::float8)'),
    ('customer_clean.match_row min_probability', 'SELECT count(*) FROM customer_clean.match_row(''h.customers'', ''{"full_name": "张伟"}'', 10, (%s)::float8)'),
    ('customer_clean.clean_table_start batch_size', 'SELECT customer_clean.clean_table_start(''h.customers'', (%s)::float8::int) IS NULL'),
    ('customer_clean.merge_clusters min_probability', 'CALL customer_clean.merge_clusters(''h.customers'', (%s)::float8)'),
    ('customer_clean.merge_clusters batch_size', 'CALL customer_clean.merge_clusters(''h.customers'', 0.9, (%s)::float8::int)'),
    ('customer_clean.qgram_similarity q', 'SELECT customer_clean.qgram_similarity(''ab'', ''abc'', (%s)::float8::int) IS NULL')
  ) AS c(fn, sql) CROSS JOIN scalar_values v;
-- Every jsonb argument with a number no double holds (22023, not XX000).
INSERT INTO calls
SELECT c.fn, 2500, 1, c.sql
  FROM (VALUES
    ('customer_clean.validate 1e400', 'SELECT customer_clean.validate(''h.customers'', ''{"phone": 1e400}'') IS NULL'),
    ('customer_clean.match_row 1e400', 'SELECT count(*) FROM customer_clean.match_row(''h.customers'', ''{"phone": 1e400}'')'),
    ('customer_clean.register 1e400', 'SELECT customer_clean.register(''h.customers'', ''{"id": 1e400}'') IS NULL'),
    ('customer_clean.release_quarantine 1e400', 'SELECT customer_clean.release_quarantine(1, ''{"phone": -1e400}'') IS NULL'),
    ('customer_clean.lifecycle_stage 1e400', 'SELECT customer_clean.lifecycle_stage(current_date, current_date, 1, current_date, ''{"new_days": 1e400}'') IS NULL'),
    ('customer_clean.update_match_keys 1e400', 'SELECT customer_clean.update_match_keys(''h.customers'', ''[{"id": 1e400}]'', ''[]'') IS NULL')
  ) AS c(fn, sql);
-- The call of issue 15: a reader asking for 800 GB of random pairs.
INSERT INTO calls VALUES ('customer_clean.train issue 15', 3000, 1,
  'SELECT customer_clean.train(''h.customers'', ''{"random_pairs": 100000000000}'') IS NULL');

SELECT count(*) AS calls, count(DISTINCT fn) AS functions FROM calls \gset
\warn :calls calls of :functions functions
SET statement_timeout = '10s';
\set VERBOSITY sqlstate
SELECT 'BEGIN', sql, 'ROLLBACK' FROM calls ORDER BY fn, pos, n \gexec
