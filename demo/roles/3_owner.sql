-- As crm_owner: train and dedupe, whole-table jobs of the owner.
\set ECHO queries
SELECT customer_clean.train('crm.customers', '{"seed": 1}') IS NOT NULL AS trained;
SELECT d->>'rows' AS rows, d->>'review_pairs' AS review_pairs FROM customer_clean.dedupe('crm.customers', 0.9, 0.3) d;
