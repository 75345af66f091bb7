-- Every write to the profiles and rules empties the cached compiled
-- profiles of the table concerned, in every backend (src/profile.rs).
CREATE TRIGGER invalidate_profile_cache AFTER INSERT OR UPDATE OR DELETE ON customer_clean.profiles
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache_on_truncate AFTER TRUNCATE ON customer_clean.profiles
    FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache AFTER INSERT OR UPDATE OR DELETE ON customer_clean.rules
    FOR EACH ROW EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
CREATE TRIGGER invalidate_profile_cache_on_truncate AFTER TRUNCATE ON customer_clean.rules
    FOR EACH STATEMENT EXECUTE FUNCTION customer_clean.invalidate_profile_cache();
