-- The procedure commits after every batch, so it is PL/pgSQL (a Rust
-- function cannot end its own transaction). A procedure that commits
-- cannot take a SET clause, so it pins search_path itself, transaction-
-- locally, at the start and again after every COMMIT (which ends the
-- setting), and names every function, type and operator with its schema:
-- nothing in it resolves through the caller's path.
CREATE PROCEDURE customer_clean.clean_table(tbl regclass, batch_size integer DEFAULT 10000,
                                            INOUT summary jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    run bigint;
BEGIN
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
    PERFORM customer_clean.require_owner(tbl, 'clean_table');
    run := customer_clean.clean_table_start(tbl, batch_size);
    COMMIT;
    LOOP
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        summary := customer_clean.clean_table_batch(run);
        COMMIT;
        PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
        EXIT WHEN (summary OPERATOR(pg_catalog.->>) 'finished')::pg_catalog.bool;
    END LOOP;
END
$$;
COMMENT ON PROCEDURE customer_clean.clean_table(regclass, integer, jsonb) IS
  'Cleans the rows a registered table already has, in batches that each commit; resumes an unfinished run.';
