-- Validators: cn_id_check, is_valid_phone, is_valid_email, email_check (docs/functions.md).
SELECT customer_clean.cn_id_check('11010519491231002X');
SELECT customer_clean.cn_id_check('11010519491231002x', '1949-12-31', '女') ->> 'valid' AS valid;
SELECT customer_clean.cn_id_check('110105194912310021') -> 'problems';
SELECT customer_clean.cn_id_check('11010519491231002X', '1990-01-01', 'M') -> 'problems';
SELECT customer_clean.cn_id_check('440524800101001') ->> 'normalized' AS from_15_digits;
SELECT customer_clean.cn_id_check('1234') -> 'problems' -> 0 ->> 'code' AS code;
SELECT customer_clean.cn_id_check(NULL) IS NULL AS null_in_null_out;
SELECT customer_clean.is_valid_phone('138 1234 5678', 'CN'), customer_clean.is_valid_phone('1381234567', 'CN');
SELECT customer_clean.is_valid_phone('138 1234 5678', 'XX');
SELECT customer_clean.is_valid_email('zhang.wei@qq.com'), customer_clean.is_valid_email('zhang@@qq.com');
SELECT customer_clean.email_check('zhang@gmial.com');
SELECT customer_clean.email_check('li..na@163.con');
SELECT customer_clean.email_check('test@mailinator.com', true) ->> 'valid' AS valid;
