-- As crm_owner: erasure of one customer on request, and retention of the journal.
\set ECHO queries
SELECT customer_clean.forget('crm.customers', '3') - 'archive' - 'quarantine' AS forgotten;
SELECT customer_clean.purge_journal('crm.customers', '2 years');
