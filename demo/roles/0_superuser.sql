-- As the superuser: the extension and the login roles, and nothing else.
-- as the superuser: the extension and the login roles, nothing else
CREATE EXTENSION customer_clean;
CREATE ROLE crm_owner LOGIN;
CREATE ROLE crm_app LOGIN;
CREATE ROLE crm_bi LOGIN;
CREATE ROLE steward_north LOGIN;
CREATE ROLE steward_south LOGIN;
GRANT CREATE ON DATABASE walkthrough TO crm_owner;
