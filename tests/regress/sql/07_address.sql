-- normalize_address / address_parts, CN: GB/T 2260 division names and codes.
SELECT input, customer_clean.normalize_address(input, 'CN') AS normalized
  FROM unnest(ARRAY['广东深圳南山区科技园路1号', '广东省深圳市南山区科技园路1号',
                    '深圳南山区科技园路1号', '北京朝阳区建国路88号', '上海市浦东新区世纪大道100号',
                    '中国 广东省 深圳市 福田区 深南大道 2008号 A座 5楼', '518057 广东深圳南山区科技园路１号']) AS input;
SELECT jsonb_pretty(customer_clean.address_parts('广东深圳南山区科技园路1号', 'CN'));
-- US: USPS Publication 28 (suffixes, directionals, units, states, ZIP+4).
SELECT input, customer_clean.normalize_address(input, 'US') AS normalized
  FROM unnest(ARRAY['123 north main street apt 4b, springfield, il 62704-1234',
                    '123 N. Main St., Apt. 4B', '500 Market St Ste 200, San Francisco, CA 94105',
                    '1 Microsoft Way, Redmond, WA 98052', 'PO Box 123, Austin, Texas 78701',
                    '742 Evergreen Terrace #5 Springfield OR 97477']) AS input;
SELECT jsonb_pretty(customer_clean.address_parts('123 north main street apt 4b, springfield, il 62704-1234', 'US'));
-- Other known countries: Unicode clean-up only, parts carry the line.
SELECT customer_clean.normalize_address('  Bonngasse　20 ', 'DE'), customer_clean.address_parts('Bonngasse 20', 'Germany');
SELECT customer_clean.normalize_address('广东深圳南山区科技园路1号', 'CN');
SELECT customer_clean.normalize_address('123 north main street apt 4b', 'US');
SELECT customer_clean.normalize_address('Main St 1', 'Atlantis');
