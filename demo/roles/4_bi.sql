-- As crm_bi (SELECT only): reports and the catalog of the table; merging needs UPDATE and DELETE.
\set ECHO queries
SELECT dimension, column_name, round(value::numeric, 2) AS value, passed FROM customer_clean.quality_report('crm.customers') WHERE dimension IN ('validity', 'uniqueness');
SELECT row_id, column_name, code FROM customer_clean.issues WHERE tbl = 'crm.customers'::regclass;
SELECT customer_clean.merge('crm.customers', '1', ARRAY['2']);
