-- Row ids in the id column's own type (issue 17). The functions that take
-- row ids take them as text, the one form every id type has; with an
-- integer id column, `merge('crm.customers', 1, ARRAY[2, 3])` found no
-- function. These overloads take integer ids (smallint, integer and bigint
-- arguments all resolve to bigint) and pass them on as text; results give
-- ids as text, as before. Literals in quotes ('1') still resolve to the
-- text functions, since PostgreSQL prefers text for them.
--
-- The functions whose only ids are an array (cluster_probability,
-- restore_archived, and choose_survivor in sql/merge.sql) take
-- anycompatiblearray instead, one function for every id type: beside a
-- text[] form, an integer[] one would make `'{1,2}'` and NULL fit both,
-- and PostgreSQL could not choose; a lone anycompatiblearray resolves
-- them to text[]. They pass the ids on as text to the Rust functions
-- cluster_probability_text and restore_archived_text.
--
-- Other scalar id types (uuid, numeric, dates) pass as text, e.g. `id::text`.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).

CREATE FUNCTION customer_clean.cluster_probability(tbl regclass, row_ids anycompatiblearray) RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.cluster_probability_text(tbl, row_ids::text[]) $$;

CREATE FUNCTION customer_clean.restore_archived(tbl regclass, row_ids anycompatiblearray DEFAULT NULL::text[]) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.restore_archived_text(tbl, row_ids::text[]) $$;

CREATE FUNCTION customer_clean.merge(tbl regclass, survivor_id bigint, duplicate_ids bigint[]) RETURNS bigint
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.merge(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.preview_merge(tbl regclass, survivor_id bigint, duplicate_ids bigint[])
RETURNS TABLE (column_name text, value text, rule text, from_row_id text, changed boolean, survivor_value text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM customer_clean.preview_merge(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.golden_record(tbl regclass, survivor_id bigint, duplicate_ids bigint[]) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.golden_record(tbl, survivor_id::text, duplicate_ids::text[]) $$;

CREATE FUNCTION customer_clean.match_probability(tbl regclass, a_id bigint, b_id bigint) RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.match_probability(tbl, a_id::text, b_id::text) $$;

CREATE FUNCTION customer_clean.explain_match(tbl regclass, a_id bigint, b_id bigint) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.explain_match(tbl, a_id::text, b_id::text) $$;

CREATE FUNCTION customer_clean.quality_score(tbl regclass, row_id bigint) RETURNS numeric
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.quality_score(tbl, row_id::text) $$;

CREATE FUNCTION customer_clean.quality_details(tbl regclass, row_id bigint) RETURNS jsonb
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.quality_details(tbl, row_id::text) $$;

CREATE FUNCTION customer_clean.forget(tbl regclass, row_id bigint) RETURNS jsonb
LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT customer_clean.forget(tbl, row_id::text) $$;

COMMENT ON FUNCTION customer_clean.cluster_probability(regclass, anycompatiblearray) IS
  'How surely rows are one customer: the weakest of each row''s best match probability with another of them.';
COMMENT ON FUNCTION customer_clean.restore_archived(regclass, anycompatiblearray) IS
  'Puts archived rows of the table back exactly as they were (all, or those of row_ids).';
COMMENT ON FUNCTION customer_clean.merge(regclass, bigint, bigint[]) IS 'merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.preview_merge(regclass, bigint, bigint[]) IS 'preview_merge() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.golden_record(regclass, bigint, bigint[]) IS 'golden_record() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.match_probability(regclass, bigint, bigint) IS 'match_probability() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.explain_match(regclass, bigint, bigint) IS 'explain_match() with integer row ids (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_score(regclass, bigint) IS 'quality_score() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.quality_details(regclass, bigint) IS 'quality_details() with an integer row id (passed on as text).';
COMMENT ON FUNCTION customer_clean.forget(regclass, bigint) IS 'forget() with an integer row id (passed on as text).';
