-- Invariants after the race (merge_race.sh).
SET client_min_messages = warning;
SELECT outcome, n > 0 AS happened FROM race.outcomes
 WHERE outcome IN ('merged', 'unmerged', 'merge refused: row gone', 'unmerge refused') ORDER BY outcome;
-- Every customer is in the table or in the history of a merge in force, exactly once.
WITH everyone AS (
  SELECT id::text AS row_id FROM race.customers
  UNION ALL
  SELECT h.row_id FROM customer_clean.merge_history h JOIN customer_clean.merges m USING (merge_id)
   WHERE m.unmerged_at IS NULL)
SELECT (SELECT count(*) FROM everyone) AS accounted, (SELECT count(DISTINCT row_id) FROM everyone) AS distinct_rows,
       (SELECT count(*) FROM race.initial WHERE tbl = 'race.customers') AS initially;
-- No reference points at a missing customer; no referencing row was lost.
SELECT (SELECT count(*) FROM race.orders o WHERE NOT EXISTS (SELECT 1 FROM race.customers c WHERE c.id = o.customer_id))
     + (SELECT count(*) FROM race.tickets t WHERE NOT EXISTS (SELECT 1 FROM race.customers c WHERE c.id = t.customer_id))
     + (SELECT count(*) FROM race.visits v WHERE NOT EXISTS (SELECT 1 FROM race.customers c WHERE (c.id, c.branch) = (v.customer_id, v.branch)))
       AS dangling,
       (SELECT count(*) FROM race.orders) + (SELECT count(*) FROM race.tickets) + (SELECT count(*) FROM race.visits)
     = (SELECT count(*) FROM race.initial WHERE tbl IN ('race.orders', 'race.tickets', 'race.visits')) AS referencing_rows_kept;
-- Undo every merge still in force, newest first: each must go through, and
-- the whole state must then be exactly the initial one.
DO $$
DECLARE m bigint;
BEGIN
  FOR m IN SELECT merge_id FROM customer_clean.merges WHERE unmerged_at IS NULL ORDER BY merge_id DESC LOOP
    PERFORM customer_clean.unmerge(m);
  END LOOP;
END $$;
SELECT count(*) AS merges_in_force FROM customer_clean.merges WHERE unmerged_at IS NULL;
SELECT tbl, count(*) AS differing_rows
  FROM ((SELECT * FROM race.initial EXCEPT ALL SELECT * FROM race.state())
        UNION ALL (SELECT * FROM race.state() EXCEPT ALL SELECT * FROM race.initial)) d
 GROUP BY tbl ORDER BY tbl;
SELECT count(*) AS rows_now FROM race.customers;
