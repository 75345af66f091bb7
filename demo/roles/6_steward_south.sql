-- As steward_south: the north's merge is not there for it.
\set ECHO queries
SELECT merge_id, survivor_id FROM customer_clean.merges;
SELECT count(*) AS rows_south_sees FROM crm.customers;
SELECT customer_clean.unmerge(1);
