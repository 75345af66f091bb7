-- As crm_owner: the table, its row-level security per region, the grants, the profile. No grant on customer_clean anywhere.
\set ECHO queries
CREATE SCHEMA crm;
CREATE TABLE crm.customers (id int PRIMARY KEY, region text NOT NULL, full_name text, phone text, email text);
ALTER TABLE crm.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_and_bi ON crm.customers TO crm_app, crm_bi USING (true);
CREATE POLICY north ON crm.customers TO steward_north USING (region = 'north') WITH CHECK (region = 'north');
CREATE POLICY south ON crm.customers TO steward_south USING (region = 'south') WITH CHECK (region = 'south');
GRANT USAGE ON SCHEMA crm TO crm_app, crm_bi, steward_north, steward_south;
GRANT SELECT, INSERT, UPDATE ON crm.customers TO crm_app;
GRANT SELECT ON crm.customers TO crm_bi;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.customers TO steward_north, steward_south;
SELECT customer_clean.register('crm.customers', '{"id": "id", "name": "full_name", "phone": "phone", "email": "email"}', '{"default_region": "CN"}');
SELECT customer_clean.enable_cleaning('crm.customers', 'flag');
