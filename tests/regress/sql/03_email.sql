-- normalize_email: trimmed, NFKC, lower-case; NULL when not an address.
SELECT input, customer_clean.normalize_email(input) AS normalized
  FROM unnest(ARRAY['  John.Smith@Example.COM ', 'ｚｈａｎｇ＠ＱＱ．ｃｏｍ', 'mailto:Li.Na@163.com',
                    '<wang@126.com>', 'wang@sina.com.', 'john@example', 'jo..hn@example.com',
                    '@example.com', 'john smith@example.com', '']) AS input;
-- email_match_key: provider rules, so two spellings of one mailbox meet.
SELECT input, customer_clean.email_match_key(input) AS match_key
  FROM unnest(ARRAY['J.O.H.N+news@GoogleMail.com', 'john@gmail.com', 'jane.doe+shop@outlook.com',
                    'jane@me.com', 'j.smith+x@example.com', 'not an email']) AS input;
SELECT customer_clean.normalize_email('Zhang.Wei@QQ.com ');
SELECT customer_clean.email_match_key('Zhang.Wei+shop@GoogleMail.com');
