-- normalize_phone: E.164, NULL when not a valid number (libphonenumber rules).
SELECT input, customer_clean.normalize_phone(input, 'CN') AS e164
  FROM unnest(ARRAY['138 1234 5678', '+86 138-1234-5678', '（86）13812345678', '0086 138 1234 5678',
                    '１３８ １２３４ ５６７８', '138.1234.5678', '010-6552 9988', '1381234567', 'call me', '']) AS input;
SELECT customer_clean.normalize_phone('(415) 555-0132 ext. 12', 'US');
SELECT customer_clean.normalize_phone('+44 20 7946 0018', 'ZZ');
SELECT customer_clean.normalize_phone('020 7946 0018', 'gb');
-- The one-argument form reads customer_clean.default_region (default ZZ: +country code required).
SELECT customer_clean.normalize_phone('138 1234 5678') IS NULL AS needs_region;
SET customer_clean.default_region = 'CN';
SELECT customer_clean.normalize_phone('138 1234 5678');
RESET customer_clean.default_region;
-- phone_info: everything libphonenumber knows about the number.
SELECT customer_clean.phone_info('138 1234 5678', 'CN');
SELECT customer_clean.phone_info('400 810 8888', 'CN') ->> 'type' AS type;
SELECT customer_clean.phone_info('+1 800 555 0100', 'CN') ->> 'type' AS type;
SELECT customer_clean.phone_info('1381234567', 'CN');
SELECT customer_clean.phone_info('hello', 'CN');
-- Why a number is not valid, as libphonenumber's possible-length check says.
SELECT input, region, customer_clean.phone_info(input, region) ->> 'reason' AS reason
  FROM (VALUES ('12', 'CN'), ('555 1234', 'US'), ('41555501321234', 'US'),
               ('+999 12345678', 'ZZ'), ('+86 1', 'ZZ'), ('1381234567', 'CN')) AS v(input, region);
-- Bad region argument: SQLSTATE 22023 with a hint.
SELECT customer_clean.normalize_phone('138 1234 5678', 'XX');
SELECT customer_clean.phone_info('138 1234 5678', 'China');
