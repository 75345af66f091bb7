-- Citus (src/citus.rs, docs/citus.md): the profiles of Citus tables,
-- copied by name for the triggers on their shards. Unused without Citus.
-- The first registered Citus table makes it a Citus reference table, so a
-- copy reaches every node in the transaction that changed the profile.
CREATE TABLE customer_clean.distributed_profiles (
    schema_name text NOT NULL,
    table_name  text NOT NULL,
    profile     jsonb NOT NULL,       -- columns, options, on_invalid, key_salt, enabled rules
    PRIMARY KEY (schema_name, table_name)
);
COMMENT ON TABLE customer_clean.distributed_profiles IS
  'Copies of the profiles of Citus tables, by table name, for the cleaning triggers on their shards (kept by customer_clean; do not edit).';
CREATE TRIGGER invalidate_shard_profiles AFTER INSERT OR UPDATE OR DELETE ON customer_clean.distributed_profiles
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_shard_profiles();
