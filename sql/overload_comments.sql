-- Descriptions of overloads: scripts/gen_comments.py gives every overload
-- without one the description of its name's first function.
COMMENT ON FUNCTION customer_clean.undo_change(regclass, text) IS
  'With in-row originals (profile option originals_column): puts back the originals row row_id of tbl keeps, if it still holds every value cleaning wrote, and empties its originals column; false when it keeps none.';
