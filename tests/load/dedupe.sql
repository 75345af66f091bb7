SELECT customer_clean.dedupe('load.customers') IS NOT NULL;
