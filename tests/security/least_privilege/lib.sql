-- Assertion helpers of the least-privilege scenario
-- (tests/security/least_privilege.sh), loaded by every session with \ir.
--
-- Every check prints one line, which the driver counts:
--   ok <name>
--   FAIL <name> | expected: <what> | got: <what>
-- and a session hands values to later sessions with a line
--   fact <key>=<value>
-- (the driver passes every fact to every later session as a psql variable).
--
-- A check never raises: it runs its SQL with EXECUTE in a subtransaction
-- and reports what happened, so one session reports every failing check.
-- Everything else (the scenario's own set-up) runs under ON_ERROR_STOP:
-- a broken set-up stops the session, and the driver reports that too.
\set ON_ERROR_STOP 1
\set QUIET 1
\set VERBOSITY terse
\pset pager off
\pset tuples_only on
\pset format unaligned
\pset fieldsep '\n'
SET client_min_messages = warning;

-- The profile every register() of the scenario uses (docs/functions.md, register).
\set cols '{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender", "national_id": "national_id", "updated_at": "updated_at"}'
\set train_options '{"seed": 7, "random_pairs": 200000}'

CREATE TEMP TABLE lp_saved (k text PRIMARY KEY, v text);

-- one result line
CREATE FUNCTION pg_temp.line(name text, ok boolean, expected text, got text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN ok THEN 'ok ' || name
                ELSE format('FAIL %s | expected: %s | got: %s', name, expected,
                            pg_catalog.regexp_replace(got, '\s+', ' ', 'g')) END
$$;

-- a value saved by a check (save_as), for later checks of the same session
CREATE FUNCTION pg_temp.saved(key text) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT v FROM lp_saved WHERE k = key $$;

CREATE FUNCTION pg_temp.save(key text, value text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO lp_saved VALUES (key, value) ON CONFLICT (k) DO UPDATE SET v = excluded.v
$$;

-- The first column of the first row of `sql`, as text ('NULL' for none),
-- must be `expected`. Its effects stay.
CREATE FUNCTION pg_temp.expect_value(name text, sql text, expected text, save_as text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    got text;
    st text;
    msg text;
BEGIN
    BEGIN
        EXECUTE sql INTO got;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        RETURN pg_temp.line(name, false, coalesce(expected, 'NULL'), format('ERROR %s: %s', st, msg));
    END;
    IF save_as IS NOT NULL THEN
        PERFORM pg_temp.save(save_as, got);
    END IF;
    RETURN pg_temp.line(name, got IS NOT DISTINCT FROM expected, coalesce(expected, 'NULL'), coalesce(got, 'NULL'));
END
$$;

-- `sql` must succeed; the first column of its first row is saved as
-- `save_as` when given. Its effects stay.
CREATE FUNCTION pg_temp.expect_ok(name text, sql text, save_as text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    got text;
    st text;
    msg text;
BEGIN
    BEGIN
        IF save_as IS NULL THEN
            EXECUTE sql;
        ELSE
            EXECUTE sql INTO got;
            PERFORM pg_temp.save(save_as, got);
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        RETURN pg_temp.line(name, false, 'success', format('ERROR %s: %s', st, msg));
    END;
    RETURN pg_temp.line(name, true, 'success', 'success');
END
$$;

-- A data-changing statement must succeed and touch exactly `expected` rows.
-- With keep => false it is rolled back whatever happens.
CREATE FUNCTION pg_temp.expect_rows(name text, sql text, expected bigint, keep boolean DEFAULT true) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    st text;
    msg text;
BEGIN
    BEGIN
        EXECUTE sql;
        GET DIAGNOSTICS n = ROW_COUNT;
        IF NOT keep THEN
            RAISE EXCEPTION 'roll back' USING ERRCODE = 'LPRB0';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        IF st <> 'LPRB0' THEN
            RETURN pg_temp.line(name, false, expected || ' rows', format('ERROR %s: %s', st, msg));
        END IF;
    END;
    RETURN pg_temp.line(name, n = expected, expected || ' rows', n || ' rows');
END
$$;

-- `sql` must fail with SQLSTATE `want_state` (NULL: any; several: 'P0002|42501')
-- and the message `want_message` (NULL: any; with a %: a LIKE pattern).
-- It is always rolled back: a call that wrongly succeeds changes nothing.
CREATE FUNCTION pg_temp.expect_error(name text, sql text, want_state text, want_message text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text;
    msg text;
    expected text := CASE WHEN want_state IS NULL THEN 'an error' ELSE 'ERROR ' || want_state END
                     || CASE WHEN want_message IS NULL THEN '' ELSE ': ' || want_message END;
BEGIN
    BEGIN
        EXECUTE sql;
        RAISE EXCEPTION 'no error' USING ERRCODE = 'LPNOE';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    END;
    IF st = 'LPNOE' THEN
        RETURN pg_temp.line(name, false, expected, 'success (rolled back by the test)');
    END IF;
    RETURN pg_temp.line(name,
        (want_state IS NULL OR st = ANY (string_to_array(want_state, '|')))
        AND (want_message IS NULL OR msg = want_message OR (strpos(want_message, '%') > 0 AND msg LIKE want_message)),
        expected, format('ERROR %s: %s', st, msg));
END
$$;

-- A write to the extension's catalog must change nothing: refused with
-- 42501, or touching no row (row-level security). Always rolled back.
CREATE FUNCTION pg_temp.expect_no_write(name text, sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    st text;
    msg text;
BEGIN
    BEGIN
        EXECUTE sql;
        GET DIAGNOSTICS n = ROW_COUNT;
        RAISE EXCEPTION 'roll back' USING ERRCODE = 'LPRB0';
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    END;
    IF st = 'LPRB0' THEN
        RETURN pg_temp.line(name, n = 0, '0 rows or ERROR 42501', n || ' rows');
    END IF;
    RETURN pg_temp.line(name, st = '42501', '0 rows or ERROR 42501', format('ERROR %s: %s', st, msg));
END
$$;

-- For a statement psql ran itself (CALL of a procedure that commits):
-- its SQLSTATE (psql's :SQLSTATE) and, when it failed, :LAST_ERROR_MESSAGE.
CREATE FUNCTION pg_temp.expect_outcome(name text, state text, message text, want_state text, want_message text DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
    SELECT pg_temp.line(name,
        state = want_state AND (want_state = '00000' OR want_message IS NULL OR message = want_message),
        CASE WHEN want_state = '00000' THEN 'success' ELSE 'ERROR ' || want_state || coalesce(': ' || want_message, '') END,
        CASE WHEN state = '00000' THEN 'success' ELSE format('ERROR %s: %s', state, message) END)
$$;

-- `fact <key>=<value>` for the driver; the value of `sql` (first column of
-- the first row), 'NULL' for none, or the error.
CREATE FUNCTION pg_temp.fact(key text, sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v text;
    st text;
    msg text;
BEGIN
    BEGIN
        EXECUTE sql INTO v;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        v := format('ERROR %s: %s', st, msg);
    END;
    RETURN 'fact ' || key || '=' || pg_catalog.regexp_replace(coalesce(v, 'NULL'), '\s+', ' ', 'g');
END
$$;

-- What a function of the extension answers, condensed to one value, for
-- roles that see every row to compare with the superuser's answer.
-- $1 and $2 are two ids of one customer (a duplicate pair).
CREATE FUNCTION pg_temp.digest(item text, a text, b text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    q text;
    v text;
    st text;
    msg text;
BEGIN
    q := CASE item
        WHEN 'match_row' THEN
            $q$SELECT coalesce(string_agg(m.row_id || ':' || round(m.probability::numeric, 6), ',' ORDER BY m.row_id), '(none)')
                 FROM customer_clean.match_row('crm.customers', (SELECT to_jsonb(c) FROM crm.customers c WHERE c.id::text = $1)) m$q$
        WHEN 'find_duplicates' THEN
            $q$SELECT count(*) || ' pairs ' || md5(coalesce(string_agg(d.id_a || '-' || d.id_b || ':' || round(d.probability::numeric, 6), ','
                                                                   ORDER BY d.id_a, d.id_b), ''))
                 FROM customer_clean.find_duplicates('crm.customers', 0.9) d$q$
        WHEN 'match_probability' THEN
            $q$SELECT round(customer_clean.match_probability('crm.customers', $1, $2)::numeric, 6)$q$
        WHEN 'explain_match' THEN
            $q$SELECT md5(customer_clean.explain_match('crm.customers', $1, $2)::text)$q$
        WHEN 'cluster_probability' THEN
            $q$SELECT round(customer_clean.cluster_probability('crm.customers', ARRAY[$1, $2])::numeric, 6)$q$
        WHEN 'golden_record' THEN
            $q$SELECT md5(customer_clean.golden_record('crm.customers', $1, ARRAY[$2])::text)$q$
        WHEN 'quality_report' THEN
            $q$SELECT count(*) || ' lines ' || md5(string_agg(format('%s/%s/%s/%s/%s/%s', r.dimension, r.column_name, round(r.value::numeric, 6),
                                                                     r.target, r.passed, r.failing_rows), ',' ORDER BY r.dimension, r.column_name NULLS FIRST))
                 FROM customer_clean.quality_report('crm.customers') r$q$
        WHEN 'quality_issues' THEN
            $q$SELECT count(*) || ' issues ' || md5(coalesce(string_agg(format('%s/%s/%s/%s', i.row_id, i.column_name, i.problem, i.value), ','
                                                                       ORDER BY i.row_id, i.column_name, i.problem, i.value), ''))
                 FROM customer_clean.quality_issues('crm.customers', 'validity') i$q$
        WHEN 'quality_score' THEN
            $q$SELECT customer_clean.quality_score('crm.customers', $1)$q$
        WHEN 'quality_details' THEN
            $q$SELECT md5(customer_clean.quality_details('crm.customers', $1)::text)$q$
        WHEN 'validate' THEN
            $q$SELECT customer_clean.validate('crm.customers', '{"id": 1, "full_name": "Li Na", "phone": "12345", "country": "CN"}')$q$
        WHEN 'stale_customers' THEN
            $q$SELECT count(*) || ' rows ' || md5(coalesce(string_agg(s.row_id, ',' ORDER BY s.row_id), ''))
                 FROM customer_clean.stale_customers('crm.customers', 365) s$q$
    END;
    IF q IS NULL THEN
        RAISE EXCEPTION 'digest: unknown item %', item;
    END IF;
    BEGIN
        EXECUTE q INTO v USING a, b;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
        RETURN format('ERROR %s: %s', st, msg);
    END;
    RETURN coalesce(v, 'NULL');
END
$$;

-- The digests the readers compare (pg_temp.digest).
CREATE FUNCTION pg_temp.digest_items() RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
    SELECT unnest(ARRAY['match_row', 'find_duplicates', 'match_probability', 'explain_match', 'cluster_probability',
                        'golden_record', 'quality_report', 'quality_issues', 'quality_score', 'quality_details',
                        'validate', 'stale_customers'])
$$;

-- Rows of a catalog table of the extension for crm.customers, as the
-- current role sees them.
CREATE FUNCTION pg_temp.catalog_rows(catalog text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM customer_clean.%I WHERE tbl = ''crm.customers''::regclass', catalog) INTO n;
    RETURN n::text;
END
$$;
