-- The trigger function of enable_cleaning(…, match_on_insert => true):
-- hands the statement's new rows to match_new_rows in one call (src/matching.rs).
CREATE FUNCTION customer_clean.match_on_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM customer_clean.match_new_rows(TG_RELID::regclass,
        coalesce((SELECT jsonb_agg(to_jsonb(n)) FROM new_rows n), '[]'::jsonb));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION customer_clean.match_on_insert() IS
  'AFTER INSERT statement trigger of enable_cleaning(..., match_on_insert => true): matches the new rows.';
