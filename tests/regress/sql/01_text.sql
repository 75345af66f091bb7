-- normalize_text: NFKC, full-width to half-width, invisible and control
-- characters removed, whitespace collapsed and trimmed; NULL when empty.
SELECT customer_clean.normalize_text('  ＡＢＣ　１２３  ');
SELECT customer_clean.normalize_text(E'Zh\u200Bang\uFEFF  Wei');
SELECT customer_clean.normalize_text(E'line one\r\n\tline two');
SELECT customer_clean.normalize_text('（86）１３８');
SELECT customer_clean.normalize_text(E'\u3000 \u200B ') IS NULL AS blank_is_null;
SELECT customer_clean.normalize_text(NULL) IS NULL AS null_is_null;
SELECT length(customer_clean.normalize_text(repeat('ａ ', 500000))) AS one_mb_input;
