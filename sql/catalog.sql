-- customer_clean catalog: profiles, rules, and what cleaning records.
-- Loaded into the extension script by extension_sql_file! (src/lib.rs).
-- Conventions: a customer table is `tbl regclass`, a row is
-- `row_id text` (its id column's value as text), columns are `column_name`.

-- Every function reads text as UTF-8. In a UTF8 database text is always
-- valid; in SQL_ASCII it may hold any bytes, which would reach the
-- functions as an internal error, so the extension is not installed there.
DO $$
BEGIN
    IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
        RAISE EXCEPTION 'customer_clean needs a UTF8 database; this one is %', pg_catalog.getdatabaseencoding()
            USING ERRCODE = '0A000',
                  HINT = 'create the database with ENCODING ''UTF8''; data in another encoding converts with convert_from(bytes, encoding)';
    END IF;
END
$$;

-- Which column plays which role, per customer table (register()).
CREATE TABLE customer_clean.profiles (
    tbl         regclass PRIMARY KEY,
    columns     jsonb NOT NULL,            -- role -> column name, as registered
    options     jsonb NOT NULL DEFAULT '{}',
    on_invalid  text CHECK (on_invalid IN ('reject', 'flag', 'quarantine')),  -- NULL: cleaning not enabled
    -- Salt of the table's match keys. Random per profile and kept with it,
    -- so keys stay valid after pg_dump / pg_restore (a table's OID does not).
    key_salt    bigint NOT NULL DEFAULT (('x' || pg_catalog.substr(pg_catalog.md5(pg_catalog.random()::text || pg_catalog.clock_timestamp()::text), 1, 16))::bit(64)::bigint),
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by name NOT NULL DEFAULT current_user
);
COMMENT ON TABLE customer_clean.profiles IS
  'One row per customer table: the role of each column (register()), options, and the cleaning mode (enable_cleaning()).';

-- Validation rules; register() creates defaults (origin = 'default'), DBAs
-- add, change and disable rules with plain SQL: the owner of a table edits
-- its rules (row-level security, sql/access.sql).
-- No foreign key between the extension's tables (here rules -> profiles):
-- pg_restore -j loads the tables' data in parallel, a child before its
-- parent, and the rows of a table whose COPY failed a foreign key were
-- lost. unregister() removes a table's rules and model itself.
CREATE TABLE customer_clean.rules (
    rule_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl         regclass NOT NULL,
    column_name text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('required', 'regex', 'allowed_values', 'range', 'length', 'format', 'cross_field')),
    params      jsonb NOT NULL DEFAULT '{}',
    severity    text NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
    message     text,                       -- replaces the generated message when set
    enabled     boolean NOT NULL DEFAULT true,
    origin      text NOT NULL DEFAULT 'user' CHECK (origin IN ('default', 'user'))
);
CREATE INDEX ON customer_clean.rules (tbl);
COMMENT ON TABLE customer_clean.rules IS
  'Validation rules per table and column: required, regex, allowed_values, range, length, format, cross_field.';

-- Problems of stored rows (flag mode, and warnings in every mode);
-- replaced when the row is written again, so a fixed row has none.
CREATE TABLE customer_clean.issues (
    issue_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl            regclass NOT NULL,
    row_id         text NOT NULL,
    column_name    text NOT NULL,
    code           text NOT NULL,
    severity       text NOT NULL,
    message        text NOT NULL,
    original_value text,
    rule_id        bigint,
    detected_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON customer_clean.issues (tbl, row_id);
COMMENT ON TABLE customer_clean.issues IS
  'Problems found in stored customer rows, one per column and problem; replaced on every write of the row.';

-- The original value of every column the cleaner changed, so each
-- normalization can be audited and undone.
CREATE TABLE customer_clean.changes (
    change_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl         regclass NOT NULL,
    row_id      text NOT NULL,
    operation   text NOT NULL,              -- INSERT, UPDATE
    original    jsonb NOT NULL,             -- column -> value as written
    normalized  jsonb NOT NULL,             -- column -> value as stored
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  name NOT NULL DEFAULT current_user,
    undone_at   timestamptz,                -- undo_change(): the original is back
    undone_by   name
);
CREATE INDEX ON customer_clean.changes (tbl, row_id);
COMMENT ON TABLE customer_clean.changes IS
  'Values changed by cleaning: the original and the normalized value of each changed column.';

-- Rows kept out of their table (quarantine mode), whole, with their
-- problems; release_quarantine() writes them back after correction.
CREATE TABLE customer_clean.quarantine (
    quarantine_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl            regclass NOT NULL,
    row_id         text,
    operation      text NOT NULL,           -- INSERT, UPDATE
    row_data       jsonb NOT NULL,          -- the row as it would have been stored (normalized)
    original       jsonb NOT NULL DEFAULT '{}',  -- column -> value as written, for columns cleaning changed
    problems       jsonb NOT NULL,          -- [{column, code, severity, message, value, rule_id}]
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    quarantined_by name NOT NULL DEFAULT current_user,
    released_at    timestamptz,
    released_by    name
);
CREATE INDEX ON customer_clean.quarantine (tbl) WHERE released_at IS NULL;
COMMENT ON TABLE customer_clean.quarantine IS
  'Rows that failed their table''s rules in quarantine mode, kept whole until release_quarantine().';

-- Runs of clean_table(): where a run is (keyset position on the id column),
-- what it did so far; an unfinished run is resumed by the next call.
CREATE TABLE customer_clean.clean_table_runs (
    run_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl            regclass NOT NULL,
    batch_size     integer NOT NULL CHECK (batch_size > 0),
    started_at     timestamptz NOT NULL DEFAULT now(),
    started_by     name NOT NULL DEFAULT current_user,
    finished_at    timestamptz,
    last_row_id    text,                    -- id of the last row cleaned; NULL: none yet
    rows_total     bigint NOT NULL,         -- rows in the table when the run started
    rows_done      bigint NOT NULL DEFAULT 0,
    rows_changed   bigint NOT NULL DEFAULT 0,
    values_changed jsonb NOT NULL DEFAULT '{}',   -- column -> values changed
    rows_with_errors bigint NOT NULL DEFAULT 0,
    issues         jsonb NOT NULL DEFAULT '{}',   -- problem code -> count
    seconds        double precision NOT NULL DEFAULT 0   -- time spent in batches
);
CREATE UNIQUE INDEX ON customer_clean.clean_table_runs (tbl) WHERE finished_at IS NULL;
COMMENT ON TABLE customer_clean.clean_table_runs IS
  'Runs of clean_table(): progress (resumed after a cancel) and a summary of what each run changed.';

-- What forget() and purge_journal() removed (src/erasure.rs): counts per
-- catalog table, never the values. Kept for the auditor; erasure itself
-- cannot be undone.
CREATE TABLE customer_clean.erasures (
    erasure_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('forget', 'purge_journal')),
    tbl         regclass NOT NULL,
    row_id      text,                      -- forget: the id of the customer erased
    older_than  interval,                  -- purge_journal: the retention applied
    removed     jsonb NOT NULL,            -- table -> rows removed
    done_at     timestamptz NOT NULL DEFAULT now(),
    done_by     name NOT NULL
);
COMMENT ON TABLE customer_clean.erasures IS
  'Erasures of customers (forget) and journal retention (purge_journal): what was removed, as counts.';

SELECT pg_catalog.pg_extension_config_dump('customer_clean.profiles', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.erasures', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.erasures_erasure_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.clean_table_runs', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.clean_table_runs_run_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.rules', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.issues', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.changes', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.quarantine', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.rules_rule_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.issues_issue_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.changes_change_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('customer_clean.quarantine_quarantine_id_seq', '');
